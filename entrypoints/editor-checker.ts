import { CHECKER_ENTRY, type CheckerEntry } from '@/lib/editors/lazy-checker';
import { startExtensionChecker } from './content/checker';
import { pageProofLifetime } from './content/lifetime';

/**
 * The checker's part of the content script, imported by entrypoints/content-watch.ts only on pages with an
 * editor (lib/editors/lazy-checker.ts): it leaves its entry on the content script's global object. The
 * checker's lifetime starts here and ends only with the extension context (./content/lifetime.ts); the
 * small script's own listeners (its `watch`) end with it.
 */
export default defineUnlistedScript(() => {
  const entry: CheckerEntry = (doc, watch) => {
    const lifetime = pageProofLifetime(watch);
    lifetime.signal.addEventListener('abort', () => watch.abort(), { once: true });
    return startExtensionChecker(lifetime, doc);
  };
  (globalThis as Record<symbol, unknown>)[CHECKER_ENTRY] = entry;
});
