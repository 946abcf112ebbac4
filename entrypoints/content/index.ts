import { answerCheckerPing } from '@/lib/editors/detect';
import { CHECKER_ENTRY, CHECKER_FILE, whenEditorAppears } from '@/lib/editors/lazy-checker';
import type { startExtensionChecker } from './checker';
import { pageProofLifetime } from './lifetime';
import { listenForSave } from './save-listener';

/**
 * Runs in every page and frame that has a URL of its own (all_frames). Frames without one — about:blank
 * and srcdoc frames, and frames an editor fills with document.write (CKEditor 4, KindEditor, UEditor; such
 * a frame takes its parent's URL, yet the browser injects nothing into it) — are checked by the script of
 * the nearest same-origin ancestor that has one. To tell the two apart, each script answers a ping on its
 * own document (lib/editors/detect.ts hasOwnChecker) from document_start on, before any parent can look;
 * the checking itself starts once the DOM is parsed.
 *
 * This script stays small: it only watches for an editor. The checker (engine, rules and their data,
 * controller, UI: ./checker.ts) is loaded from the package when the first editor shows up
 * (lib/editors/lazy-checker.ts).
 *
 * `match_about_blank` / `match_origin_as_fallback` stay off: the parent's script already reaches every
 * same-origin frame, including those the browser would never inject into, and one path for all of them
 * is simpler than two scripts agreeing who acts. The checking is lib/editors/controller.ts, wired to the
 * extension in ./checker.ts; every listener and timer is tied to the script's lifetime (./lifetime.ts:
 * WXT's `ctx`, except that a page cannot end it), so nothing survives an extension reload.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_start',
  // No start announcement to the page (it carries the extension's ID); see ./lifetime.ts.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // A page can end WXT's ctx with one event; this lifetime ends only with the extension context.
    const lifetime = pageProofLifetime(ctx);
    const { signal } = lifetime;
    answerCheckerPing(document, signal);
    // 保存为常用语 works on every page, not only where an editor loads the checker.
    listenForSave(document, signal);
    if (document.readyState === 'loading') {
      await new Promise<void>((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
    }
    if (signal.aborted) return;
    if (!(await whenEditorAppears(document, signal))) return;
    const start = await loadChecker();
    if (!start || signal.aborted) return;
    await start(lifetime, document);
  },
});

type Start = typeof startExtensionChecker;

/** The checker's entry, importing its file once per frame (its isolated world keeps the module). */
async function loadChecker(): Promise<Start | null> {
  const global = globalThis as Record<symbol, unknown>;
  if (!global[CHECKER_ENTRY]) {
    try {
      await import(/* @vite-ignore */ browser.runtime.getURL(CHECKER_FILE));
    } catch {
      return null; // extension reloaded or removed meanwhile: nothing to check with
    }
  }
  return (global[CHECKER_ENTRY] as Start | undefined) ?? null;
}
