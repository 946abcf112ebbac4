import { SNIPPET_SAVE_ENTRY } from '@/lib/snippet-tab';
import { saveSelectionHere } from './content/snippet-save';

/**
 * 保存为常用语's part of the content script (the selection, the save, the toast), imported by
 * entrypoints/content/save-listener.ts only when the background asks a frame to save: it leaves its entry
 * on the content script's global object (like entrypoints/editor-checker.ts).
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<symbol, unknown>)[SNIPPET_SAVE_ENTRY] = saveSelectionHere;
});
