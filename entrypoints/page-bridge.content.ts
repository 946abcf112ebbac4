import { installPageBridge } from '@/lib/editors/page-bridge';

/**
 * The page-world half of lib/editors/page-bridge.ts: runs in the page's own JavaScript world (not the
 * isolated one) at document_start, before any page script, and answers the content script's requests
 * for an undo boundary by calling the page's editor (TinyMCE, CKEditor 4, KindEditor, Froala,
 * Summernote, Quill 1). It reads no text and sends nothing anywhere. Chromium only (MV3 `world: MAIN`);
 * in Firefox the fix is applied without it.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_start',
  world: 'MAIN',
  include: ['chrome', 'edge'],
  main() {
    installPageBridge(window);
  },
});
