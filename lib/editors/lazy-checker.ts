/**
 * The content script in two parts. Every page and frame gets a small script (entrypoints/content-watch.ts):
 * the frame ping and a watch for anything that may be a field (./content-watch.ts), nothing else — not
 * even the extension API (see {@link loadChecker}). The checker itself — the engine, every
 * rule with its data (OpenCC's tables, the lexicon, word lists), the controller and its UI — is a separate
 * file of the extension (entrypoints/editor-checker.ts → /editor-checker.js), imported only when the
 * page shows an editor: most pages never have one, and they no longer parse ≈ 150 KB gzip of code.
 *
 * The import needs the file web-accessible; `use_dynamic_url` (wxt.config.ts) gives it a per-session URL,
 * so a page can neither load it by the extension's fixed ID nor use it to tell that Wengao is installed.
 * Imported by a content script, the module runs in the content script's isolated world and hands its
 * entry over on that world's global object, which the page cannot see.
 */
/** Path of the checker's file in the package. */
export const CHECKER_FILE = '/editor-checker.js';
/** Where the checker's file leaves its entry (on the isolated world's global object). */
export const CHECKER_ENTRY = Symbol.for('wengao.editorChecker');

/**
 * The checker's entry: starts checking `doc` (the checker owns its lifetime from then on: it ends when the
 * extension context is gone) and aborts `watch` — the small script's own listeners — when it ends.
 */
export type CheckerEntry = (doc: Document, watch: AbortController) => Promise<unknown>;

/** The extension API of this content script, looked up only when used: see {@link loadChecker}. */
interface RuntimeApi {
  runtime?: { id?: string; getURL(path: string): string };
}

/**
 * The checker's entry, importing its file once per frame (its isolated world keeps the module), or null
 * when the extension is gone (reloaded or removed under the page).
 *
 * The extension API is looked up here, not when the script loads: Chromium sets up a world's API bindings
 * on first use (≈ 1 ms a frame, more than this whole script), so a page without editors never pays it.
 */
export async function loadChecker(): Promise<CheckerEntry | null> {
  const global = globalThis as Record<symbol, unknown> & { browser?: RuntimeApi; chrome?: RuntimeApi };
  if (!global[CHECKER_ENTRY]) {
    try {
      const api = global.browser?.runtime?.id ? global.browser : global.chrome;
      if (!api?.runtime?.id) return null;
      await import(/* @vite-ignore */ api.runtime.getURL(CHECKER_FILE));
    } catch {
      return null; // extension reloaded or removed meanwhile: nothing to check with
    }
  }
  return (global[CHECKER_ENTRY] as CheckerEntry | undefined) ?? null;
}
