import { frameDocument, hasOwnChecker } from '@/lib/editors/detect';
import { SNIPPET_SAVE_ENTRY, type SnippetSaveEntry } from '@/lib/snippet-tab';
import { saveSelectionHere } from './content/snippet-save';

/**
 * 保存为常用语's part of the content script (the selection, the save, the toast), run in a frame by the
 * background when the writer asks (context menu, Alt+Shift+S: lib/page-inject.ts), on any page, editor
 * or not: it leaves its entry on the isolated world's global object, once per frame (run again, it keeps
 * the first entry, whose toast is the one on screen).
 */
export default defineUnlistedScript(() => {
  const global = globalThis as Record<symbol, unknown>;
  const entry: SnippetSaveEntry = async (via) => {
    if (via === 'command' && !focusedHere(document)) return false;
    await saveSelectionHere(document).catch(() => {});
    return true;
  };
  global[SNIPPET_SAVE_ENTRY] ??= entry;
});

/**
 * The keyboard command reaches every frame of the tab: the one the writer is in acts. That is a frame
 * with a content script of its own whose document has the focus, unless the focus is further in, in a
 * frame that acts for itself (a cross-origin frame, or one with its own script). Frames without a
 * script (about:blank, srcdoc, document.write) are read by their parent, as the checker does.
 */
function focusedHere(doc: Document): boolean {
  if (!hasOwnChecker(doc) || !doc.hasFocus()) return false;
  const active = doc.activeElement;
  if (active && (active.tagName === 'IFRAME' || active.tagName === 'FRAME')) {
    const inner = frameDocument(active as HTMLIFrameElement);
    if (!inner || hasOwnChecker(inner)) return false;
  }
  return true;
}
