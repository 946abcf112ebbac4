import { startChecker, type Checker, type Lifetime } from '@/lib/editors/controller';
import { needsPageBridge } from '@/lib/editors/page-bridge';
import { isCommandMessage, sendMessage } from '@/lib/protocol';
import { siteKey, watchSettings } from '@/lib/settings';
import { DICTIONARY_REVISION_KEY, watchRevision } from '@/lib/storage/revision';
import { startPanelBridge, type PanelBridgeApi } from './panel-bridge';
import { cardLanguage } from './card-language';
import { startSnippets } from './snippets';
import { pageStorage } from './page-storage';
import { readExposeState, watchSwitches } from './switches';

/**
 * lib/editors/controller.ts wired to the extension: settings read through the background (storage.local
 * is closed to content scripts: ./page-storage.ts) and followed live, only in frames with an editor (the
 * checker is loaded there only), the personal
 * dictionary fetched from the background once an editor is checked (and again after a change), the fix
 * card's actions sent to the background, and the keyboard commands the background forwards.
 * Used by the content script and by the practice page inside the extension (where no content script runs).
 * Everything ends with `lifetime.signal`.
 */
export async function startExtensionChecker(lifetime: Lifetime, doc: Document): Promise<Checker | undefined> {
  const { signal } = lifetime;
  let checker: Checker | undefined;
  const storage = pageStorage();
  let settings = await watchSettings(storage, signal, (next) => {
    settings = next;
    checker?.refresh('settings');
  });
  if (signal.aborted) return undefined;

  let dictionary: Promise<readonly string[]> | null = null;
  watchRevision(storage, DICTIONARY_REVISION_KEY, signal, () => {
    dictionary = null;
    checker?.refresh('dictionary');
  });
  // After an extension reload the old script's messages fail: nothing to do then.
  const send = <T>(p: Promise<T>, fallback: T): Promise<T> => p.catch(() => fallback);
  const win = doc.defaultView ?? window;
  /** The page-world undo bridge's installation in this frame, asked once. */
  let bridge: Promise<unknown> | undefined;
  // about:blank / srcdoc documents report their creator's origin.
  const site = siteKey(win.location.protocol === 'about:' ? win.origin : win.location.href);

  // The badge's "本栏不检查" / "本网站不检查" and their undo, followed live.
  const [switches, exposeState] = await Promise.all([
    watchSwitches(storage, site, signal, () => checker?.refresh('switches')),
    readExposeState(storage),
  ]);
  if (signal.aborted) return undefined;

  // Texts in the card's language (Chinese unless English was chosen; ./card-language.ts).
  const language = cardLanguage(() => settings, () => checker?.refresh('switches'));
  await language.ready();
  if (signal.aborted) return undefined;
  checker = startChecker(lifetime, doc, {
    site,
    settings: () => settings,
    dictionary: () => (dictionary ??= send(sendMessage('getDictionary'), [])),
    switches,
    // The extension's own practice page has no hostile page around it (npm start --headless reads the count).
    exposeState: exposeState || win.location.protocol.endsWith('-extension:'),
    trustedPage: win.location.protocol.endsWith('-extension:'),
    ignoreRule: (rule) => void send(sendMessage('ignoreRuleOnSite', { site, rule }), false),
    // The result goes to the card: a failed write (or a lost message) shows 未能保存到词典.
    addToDictionary: (word) => send<unknown>(sendMessage('addToDictionary', { word }), { error: 'storage', messageKey: 'dictionarySaveFailed' }),
    // The side panel follows the editor the writer is in (sent only while a panel watches this tab).
    panel: startPanelBridge(
      { runtime: browser.runtime as unknown as PanelBridgeApi['runtime'], publish: (data) => sendMessage('publishEditorState', data) },
      signal,
      win,
    ),
    // Rejected (worker restarting, extension reloaded): lm-client.ts waits and asks again.
    checkWrongChars: (paragraphs) => sendMessage('checkWrongChars', { paragraphs }),
    // The page-world undo bridge, once per frame, where an editor needs it (Chromium: lib/editors/page-bridge.ts).
    // Its promise settles once the bridge runs: the controller holds a fix in that editor until then.
    onEditor: (target) => {
      if (import.meta.env.FIREFOX || !needsPageBridge(target, doc)) return;
      return (bridge ??= send(sendMessage('installPageBridge'), false));
    },
    t: language.t,
  });

  // Phrase snippets: the inline picker, 保存为常用语 and the side panel's insert (./snippets.ts).
  void startSnippets(lifetime, doc).catch(() => {});

  // Keyboard commands (wxt.config.ts `commands`), forwarded by the background to every frame of the tab.
  const onCommand = (message: unknown) => {
    if (isCommandMessage(message) && !signal.aborted) checker?.command(message.command);
  };
  browser.runtime.onMessage.addListener(onCommand);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onCommand), { once: true });
  return checker;
}
