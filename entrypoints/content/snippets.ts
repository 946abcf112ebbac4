import type { Lifetime } from '@/lib/editors/controller';
import { watchSnippetDocuments } from '@/lib/editors/snippet-frames';
import { CaretMemory } from '@/lib/editors/snippet-insert';
import { PICKER_LABELS, PICKER_SIZE, startSnippetPicker } from '@/lib/editors/snippet-picker';
import { sendMessage } from '@/lib/protocol';
import { isSnippetTabMessage, type InsertReply } from '@/lib/snippet-tab';
import { checksSite, siteKey, watchSettings } from '@/lib/settings';
import { normalizeTrigger, SNIPPET_TRIGGER_KEY } from '@/lib/snippets/trigger';
import { pageStorage } from './page-storage';
import { readExposeState, watchSwitches } from './switches';

/**
 * Phrase snippets (常用语) in a page, wired to the extension: the inline picker (lib/editors/snippet-picker.ts)
 * with the trigger read from storage and followed live, and the side panel's 插入 at the caret of the editor
 * the writer was last in
 * (lib/editors/snippet-insert.ts). 保存为常用语 is the background's (lib/page-inject.ts: every page, editor or
 * not). The background is told which frame that editor is in when it takes the focus (noteSnippetTarget), so that the side panel's insert reaches this frame. Everything ends with
 * `lifetime.signal`.
 */
export async function startSnippets(lifetime: Lifetime, doc: Document): Promise<void> {
  const { signal } = lifetime;
  const send = <T>(p: Promise<T>, fallback: T): Promise<T> => p.catch(() => fallback);
  const t = (key: string): string => {
    try {
      return browser.i18n.getMessage(key as Parameters<typeof browser.i18n.getMessage>[0]);
    } catch {
      return '';
    }
  };

  // The picker stays out where Wengao is switched off (everywhere, this site, or this site from the badge);
  // saving and the side panel's insert are explicit requests and work everywhere.
  const win = doc.defaultView ?? window;
  const site = siteKey(win.location.protocol === 'about:' ? win.origin : win.location.href);
  const storage = pageStorage();
  let settings = await watchSettings(storage, signal, (next) => (settings = next));
  const switches = await watchSwitches(storage, site, signal, () => {});
  const enabled = () => checksSite(settings, site) && !switches.siteOff();

  let trigger = normalizeTrigger(undefined);
  try {
    trigger = normalizeTrigger((await storage.local.get(SNIPPET_TRIGGER_KEY))[SNIPPET_TRIGGER_KEY]);
  } catch {
    /* extension reloaded: the default until told otherwise */
  }
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SNIPPET_TRIGGER_KEY in changes) trigger = normalizeTrigger(changes[SNIPPET_TRIGGER_KEY]?.newValue);
  };
  storage.onChanged.addListener(onStorage);
  signal.addEventListener('abort', () => storage.onChanged.removeListener(onStorage), { once: true });
  if (signal.aborted) return;

  const label = <T extends Record<string, string>>(defaults: T, prefix: string): T =>
    Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, t(`${prefix}${k[0]!.toUpperCase()}${k.slice(1)}`) || v])) as T;
  const pickerLabels = label(PICKER_LABELS, 'picker');

  const exposeState = await readExposeState(storage);
  if (signal.aborted) return;
  startSnippetPicker(lifetime, doc, {
    trigger: () => trigger,
    enabled,
    exposeState,
    labels: pickerLabels,
    search: async (query) => {
      const result = await send(sendMessage('searchSnippets', { query, limit: PICKER_SIZE }), { hits: [], total: 0 });
      return result.hits.map(({ snippet: s }) => ({ id: s.id, title: s.title, body: s.body, tags: s.tags }));
    },
    used: (id) => void send(sendMessage('recordSnippetUse', { id }), false),
  });

  // ——— the editor the writer was last in ———
  const memory = new CaretMemory();
  let noted: { element: HTMLElement; at: number } | null = null;
  const note = (node: EventTarget | null) => {
    const target = memory.note(node);
    if (!target) return;
    // Tell the background once per editor (and again after a while: it may have restarted).
    const now = Date.now();
    if (noted && noted.element === target.element && now - noted.at < 30_000) return;
    noted = { element: target.element, at: now };
    void send(sendMessage('noteSnippetTarget'), false);
  };
  const onFocusIn = (event: Event) => note(event.composedPath()[0] ?? null);
  const onFocusOut = () => memory.refresh();
  watchSnippetDocuments(doc, signal, (d) => {
    d.addEventListener('focusin', onFocusIn, { capture: true, signal });
    d.addEventListener('focusout', onFocusOut, { capture: true, signal });
    // The writer may be in an editor already (this part loads once the page shows one).
    if (d.hasFocus() && d.activeElement) note(d.activeElement);
  });

  // ——— messages from the background ———
  const onMessage = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void): boolean | undefined => {
    if (!isSnippetTabMessage(message) || signal.aborted) return undefined;
    void memory.insert(message.text).then((r) => {
      const reply: InsertReply = r.ok ? { ok: true } : { ok: false, reason: r.noEditor ? 'no-editor' : 'failed' };
      sendResponse(reply);
    });
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage as never), { once: true });
}
