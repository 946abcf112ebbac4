import type { Lifetime } from '@/lib/editors/controller';
import { frameDocument, hasOwnChecker } from '@/lib/editors/detect';
import { watchSnippetDocuments } from '@/lib/editors/snippet-frames';
import { CaretMemory } from '@/lib/editors/snippet-insert';
import { PICKER_LABELS, PICKER_SIZE, startSnippetPicker } from '@/lib/editors/snippet-picker';
import { showSnippetToast, TOAST_LABELS, type ToastLabels } from '@/lib/editors/snippet-toast';
import { sendMessage } from '@/lib/protocol';
import { isSnippetTabMessage, type InsertReply } from '@/lib/snippet-tab';
import { checksSite, siteKey, watchSettings } from '@/lib/settings';
import { normalizeTrigger, SNIPPET_TRIGGER_KEY } from '@/lib/snippets/trigger';
import { readExposeState, watchSwitches } from './switches';

/**
 * Phrase snippets (常用语) in a page, wired to the extension: the inline picker (lib/editors/snippet-picker.ts)
 * with the trigger read from storage and followed live, 保存为常用语 (the background asks: context menu or
 * shortcut) with its toast, and the side panel's 插入 at the caret of the editor the writer was last in
 * (lib/editors/snippet-insert.ts). The background is told which frame that editor is in when it takes the
 * focus (noteSnippetTarget), so that the side panel's insert reaches this frame. Everything ends with
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
  let settings = await watchSettings(browser.storage, signal, (next) => (settings = next));
  const switches = await watchSwitches(browser.storage, site, signal, () => {});
  const enabled = () => checksSite(settings, site) && !switches.siteOff();

  let trigger = normalizeTrigger(undefined);
  try {
    trigger = normalizeTrigger((await browser.storage.local.get(SNIPPET_TRIGGER_KEY))[SNIPPET_TRIGGER_KEY]);
  } catch {
    /* extension reloaded: the default until told otherwise */
  }
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SNIPPET_TRIGGER_KEY in changes) trigger = normalizeTrigger(changes[SNIPPET_TRIGGER_KEY]?.newValue);
  };
  browser.storage.onChanged.addListener(onStorage);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onStorage), { once: true });
  if (signal.aborted) return;

  const label = <T extends Record<string, string>>(defaults: T, prefix: string): T =>
    Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, t(`${prefix}${k[0]!.toUpperCase()}${k.slice(1)}`) || v])) as T;
  const pickerLabels = label(PICKER_LABELS, 'picker');
  const toastLabels: ToastLabels = label(TOAST_LABELS, 'toast');

  const exposeState = await readExposeState(browser.storage);
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
    if (message.action === 'insert') {
      void memory.insert(message.text).then((r) => {
        const reply: InsertReply = r.ok ? { ok: true } : { ok: false, reason: r.noEditor ? 'no-editor' : 'failed' };
        sendResponse(reply);
      });
      return true;
    }
    // save-selection: from the shortcut every frame hears it, the focused one acts.
    if (message.via === 'command' && !doc.hasFocus()) return undefined;
    void saveSelection().then(() => sendResponse(true));
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage as never), { once: true });

  /** The selected text, with its line breaks (a field's selection, else the document's; same-origin frames looked into). */
  function selectedText(d: Document): string {
    const active = d.activeElement as HTMLElement | null;
    if (active && (active.tagName === 'TEXTAREA' || active.tagName === 'INPUT')) {
      const f = active as HTMLTextAreaElement;
      try {
        if (f.selectionStart !== null && f.selectionEnd !== null && f.selectionEnd > f.selectionStart) return f.value.slice(f.selectionStart, f.selectionEnd);
      } catch {
        /* input types without a selection */
      }
    }
    if (active && (active.tagName === 'IFRAME' || active.tagName === 'FRAME')) {
      const inner = frameDocument(active as HTMLIFrameElement);
      if (inner && !hasOwnChecker(inner)) {
        const text = selectedText(inner);
        if (text.trim()) return text;
      }
    }
    return d.getSelection()?.toString() ?? '';
  }

  async function saveSelection(): Promise<void> {
    const text = selectedText(doc);
    if (!text.trim()) {
      showSnippetToast(doc, { kind: 'empty', labels: toastLabels });
      return;
    }
    const result = await sendMessage('saveSelection', { text: text.slice(0, 80_000) }).catch(() => null);
    if (!result || !result.ok) {
      const english = browser.i18n.getUILanguage().startsWith('en');
      const detail = result && !result.ok ? (english ? result.problems[0]?.en : result.problems[0]?.zh) : undefined;
      showSnippetToast(doc, { kind: 'failed', labels: toastLabels, ...(detail ? { detail } : {}) });
      return;
    }
    const id = result.snippet.id;
    // A text that was already a snippet changed nothing: nothing to name or take back from here.
    showSnippetToast(doc, {
      kind: result.created ? 'saved' : 'exists',
      preview: result.snippet.body,
      labels: toastLabels,
      ...(result.created
        ? {
            actions: {
              edit: async (title: string, tags: string[]) => {
                const r = await sendMessage('editSavedSnippet', { id, title, tags }).catch(() => null);
                if (r?.ok) return null;
                return r?.problems[0]?.zh ?? toastLabels.failed;
              },
              undo: () => sendMessage('undoSavedSnippet', { id }).catch(() => false),
            },
          }
        : {}),
    });
  }
}
