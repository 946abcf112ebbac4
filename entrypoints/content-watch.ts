import { CHECKER_PING, watchForEditor } from '@/lib/editors/content-watch';
import { loadChecker } from '@/lib/editors/lazy-checker';
import type { UnlistedScriptDefinition } from 'wxt';

/**
 * The content script (wxt.config.ts `content_scripts`: every page and frame that has a URL of its own,
 * at document_start). Frames without one — about:blank and srcdoc frames, and frames an editor fills with
 * document.write (CKEditor 4, KindEditor, UEditor; such a frame takes its parent's URL, yet the browser
 * injects nothing into it) — are checked by the script of the nearest same-origin ancestor that has one.
 * To tell the two apart, each script answers a ping on its own document (lib/editors/detect.ts
 * hasOwnChecker) from document_start on, before any parent can look; the watching starts once the DOM is
 * parsed.
 *
 * It is what every page of every site pays for, so it only watches for something that may be a field
 * (lib/editors/content-watch.ts: one CSS selector, not the editor detection), and it touches no extension
 * API: Chromium sets up a world's API bindings on first use, which alone costs more than this script
 * (scripts/bench-browser.ts --load measures both). The checker (detection, engine, rules and their data,
 * controller, UI: entrypoints/content/checker.ts) is loaded from the package when the first field shows
 * up, and owns its lifetime from then on (entrypoints/editor-checker.ts); 保存为常用语 and the page-world
 * undo bridge are run in the page by the background when needed (lib/page-inject.ts). The side panel,
 * the context menu and the commands talk to the checker, which exists wherever there is an editor.
 *
 * An unlisted script listed in the manifest by hand rather than a WXT content script: WXT's content-script
 * context reads `runtime.id` as it loads (the API set-up above) and announces itself to the page, and this
 * script needs neither (the checker's lifetime ends only with the extension context: content/lifetime.ts).
 *
 * Nor does it get WXT's start-up wrapper around `main` (modules/content-watch-entry.ts): every function
 * and KB here is compiled on every page, used or not.
 *
 * `match_about_blank` / `match_origin_as_fallback` stay off: the parent's script already reaches every
 * same-origin frame, including those the browser would never inject into, and one path for all of them
 * is simpler than two scripts agreeing who acts.
 */
// (The definition itself rather than defineUnlistedScript(main), which would be one more function every
// page compiles and calls to wrap `main` in the same object.)
export default { main } satisfies UnlistedScriptDefinition;

function main(): void {
  // At load only what must happen then: the ping answered from document_start on, and a callback once the
  // DOM is parsed. No AbortController, no promise: each DOM interface first touched in the page's isolated
  // world costs its bindings' set-up, and this runs in every page and frame (bench:browser --load).
  const doc = document;
  doc.addEventListener(CHECKER_PING, answerPing, true);
  // (A bound function: no code of its own to compile when it runs.)
  const watch = watchForEditor.bind(null, doc, startChecker);
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', watch, { once: true });
  else watch();
}

/** The answer to {@link CHECKER_PING} (lib/editors/detect.ts hasOwnChecker): this document has its own script. */
function answerPing(e: Event): void {
  e.preventDefault();
}

/** Once a field may be there: the checker loaded from the package and started on `doc`, the watched document (it finds the fields). */
async function startChecker(doc: Document): Promise<void> {
  const start = await loadChecker();
  if (!start) return;
  // The small script's own listeners (the ping answer) end with the checker's lifetime: the checker aborts
  // `watch` then (the extension reloaded or removed). Made only now, when a page has an editor.
  const watch = new AbortController();
  watch.signal.addEventListener('abort', () => doc.removeEventListener(CHECKER_PING, answerPing, true), { once: true });
  await start(doc, watch);
}
