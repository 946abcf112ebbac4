/**
 * Strings shared by the small watch every page runs (./content-watch.ts) and the editor detection of the
 * checker (./detect.ts). A module of constants only, so that neither carries the other's code.
 */

/**
 * The event a running Wengao content script cancels on its own document: the marker that tells a parent
 * frame's script "this document has its own checker" (detect.ts hasOwnChecker). An event rather than an
 * attribute: nothing shows in the page's DOM, and it answers for exactly the scripts alive now (a frame
 * filled with `document.write` takes its parent's URL but the browser never injects a script into it, so
 * no URL test can tell).
 */
export const CHECKER_PING = 'wengao-checker-ping';

/**
 * Code editors (CodeMirror 5 and 6, Monaco, Ace) and rich editors' HTML source views (Summernote,
 * CKEditor 4, Jodit, Froala, KindEditor, wangEditor): code, not prose. A field inside one is skipped.
 */
export const CODE_EDITOR_SELECTOR =
  '.cm-editor, .cm-content, .CodeMirror, .monaco-editor, .view-lines, .ace_editor, .ace_text-input, .note-codable, .cke_source, .jodit-source, .fr-code, .ke-edit-textarea, .w-e-textarea-source';
/** The page's own opt-out, on a field or any parent. */
export const OPT_OUT_SELECTOR = '[data-wengao="off"]';
