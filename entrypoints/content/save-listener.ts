import { isSnippetTabMessage, SNIPPET_SAVE_ENTRY, SNIPPET_SAVE_FILE } from '@/lib/snippet-tab';
import type { saveSelectionHere } from './snippet-save';

type Save = typeof saveSelectionHere;

/**
 * Answers the background's 保存为常用语 (context menu: the frame clicked; Alt+Shift+S: every frame, the
 * focused one acts) in every page, with or without an editor: the small script only listens; the part
 * that reads the selection with its line breaks, saves and shows the toast is a file of its own
 * (/snippet-save.js, per-session URL like the checker's), imported on the first request. Answers true
 * once it acted; false (the background then saves the menu's `selectionText`) when that file cannot load.
 */
export function listenForSave(doc: Document, signal: AbortSignal): void {
  const onMessage = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void): boolean | undefined => {
    if (signal.aborted || !isSnippetTabMessage(message) || message.action !== 'save-selection') return undefined;
    if (message.via === 'command' && !doc.hasFocus()) return undefined;
    void loadSave().then(async (save) => {
      if (save) await save(doc).catch(() => {});
      sendResponse(!!save);
    });
    return true;
  };
  const listener = onMessage as Parameters<typeof browser.runtime.onMessage.addListener>[0];
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}

async function loadSave(): Promise<Save | null> {
  const global = globalThis as Record<symbol, unknown>;
  if (!global[SNIPPET_SAVE_ENTRY]) {
    try {
      await import(/* @vite-ignore */ browser.runtime.getURL(SNIPPET_SAVE_FILE as '/snippet-save.js'));
    } catch {
      return null; // extension reloaded or removed meanwhile
    }
  }
  return (global[SNIPPET_SAVE_ENTRY] as Save | undefined) ?? null;
}
