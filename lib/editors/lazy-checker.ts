/**
 * The content script in two parts. Every page and frame gets a small script (entrypoints/content-watch.ts):
 * the frame ping and the editor detection of detect.ts, nothing else — not even the extension API (see
 * {@link loadChecker}). The checker itself — the engine, every
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

/** Capture listeners: removed by the same flag (passive does not take part in matching). */
const LISTEN = { capture: true, passive: true } as const;

/**
 * Calls `onFound` once when `doc` (or a same-origin frame without a checker of its own) has a field Wengao
 * checks, or the user starts working in one that no scan found (a designMode document; an editor in a
 * shadow root the page had before the watch started: the page is not walked element by element for
 * those); never when `signal` aborts first. Everything it set up ends when it calls back or the signal
 * aborts.
 *
 * It runs on every page, so it does as little as it can (scripts/bench-browser.ts --load): no
 * AbortController of its own (its listeners are removed by hand, the watch by stop()), no promise (each
 * function that runs at load is compiled then; a callback needs fewer of them than an async chain), and
 * each DOM interface first touched in the page's isolated world costs its bindings' set-up.
 */
export function whenEditorAppears(doc: Document, onFound: () => void, signal?: AbortSignal): void {
  if (signal?.aborted) return;
  const docs: Document[] = [];
  let watch: { stop(): void } | null = null;
  let finished = false;
  const done = (found: boolean) => {
    if (finished) return;
    finished = true;
    for (const d of docs) {
      d.removeEventListener('focusin', onFocus, true);
      d.removeEventListener('input', onFocus, true);
    }
    watch?.stop();
    signal?.removeEventListener('abort', onAbort);
    if (found) onFound();
  };
  const onAbort = () => done(false);
  signal?.addEventListener('abort', onAbort, { once: true });
  const onFocus = (e: Event) => {
    if (targetFor(e.composedPath()[0] as Node | null)) done(true);
  };
  const listen = (d: Document) => {
    docs.push(d);
    d.addEventListener('focusin', onFocus, LISTEN);
    d.addEventListener('input', onFocus, LISTEN);
  };
  listen(doc);
  watch = watchTargets(doc, {
    // Not the walk over every element of the page (an editor already in a shadow root is found on focus).
    shadowAtStart: false,
    descend: (d) => !hasOwnChecker(d),
    onDocument: listen,
    onAdd: () => queueMicrotask(() => done(true)),
  });
}
