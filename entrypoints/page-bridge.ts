import { installPageBridge } from '@/lib/editors/page-bridge';

/**
 * The page-world half of lib/editors/page-bridge.ts: run by the background in the page's own JavaScript
 * world (not the isolated one) of a frame whose checker found an editor that needs it (lib/page-inject.ts
 * injectPageBridge), and answers the checker's requests for an undo boundary by calling the page's editor
 * (TinyMCE, CKEditor 4, KindEditor, Froala, Jodit, Summernote, Quill 1). It reads no text and sends
 * nothing anywhere. Chromium only (`world: 'MAIN'`); in Firefox the fix is applied without it.
 */
export default defineUnlistedScript({
  include: ['chrome', 'edge'],
  main() {
    installPageBridge(window);
  },
});
