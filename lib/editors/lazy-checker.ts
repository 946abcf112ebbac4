/**
 * The content script in two parts. Every page and frame gets a small script (entrypoints/content): the
 * frame ping and the editor detection of detect.ts, nothing else. The checker itself — the engine, every
 * rule with its data (OpenCC's tables, the lexicon, word lists), the controller and its UI — is a separate
 * file of the extension (entrypoints/editor-checker.ts → /editor-checker.js), imported only when the
 * page shows an editor: most pages never have one, and they no longer parse ≈ 150 KB gzip of code.
 *
 * The import needs the file web-accessible; `use_dynamic_url` (wxt.config.ts) gives it a per-session URL,
 * so a page can neither load it by the extension's fixed ID nor use it to tell that Wengao is installed.
 * Imported by a content script, the module runs in the content script's isolated world and hands its
 * entry over on that world's global object, which the page cannot see.
 */
import { hasOwnChecker, targetFor, watchTargets } from './detect';

/** Path of the checker's file in the package. */
export const CHECKER_FILE = '/editor-checker.js';
/** Where the checker's file leaves its entry (on the isolated world's global object). */
export const CHECKER_ENTRY = Symbol.for('wengao.editorChecker');

/**
 * Resolves when `doc` (or a same-origin frame without a checker of its own) has a field Wengao checks,
 * or the user starts working in one that no mutation announced (a designMode document); never when
 * `signal` aborts first. Everything it set up ends when it resolves or the signal aborts.
 */
export function whenEditorAppears(doc: Document, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const local = new AbortController();
    const done = (found: boolean) => {
      if (local.signal.aborted) return;
      local.abort();
      signal.removeEventListener('abort', onAbort);
      resolve(found);
    };
    const onAbort = () => done(false);
    if (signal.aborted) return resolve(false);
    signal.addEventListener('abort', onAbort, { once: true });
    const onFocus = (e: Event) => {
      if (targetFor(e.composedPath()[0] as Node | null)) done(true);
    };
    const listen = (d: Document) => {
      d.addEventListener('focusin', onFocus, { capture: true, passive: true, signal: local.signal });
      d.addEventListener('input', onFocus, { capture: true, passive: true, signal: local.signal });
    };
    listen(doc);
    watchTargets(doc, {
      signal: local.signal,
      descend: (d) => !hasOwnChecker(d),
      onDocument: listen,
      onAdd: () => queueMicrotask(() => done(true)),
    });
  });
}
