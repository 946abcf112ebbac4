import { CHECKER_ENTRY } from '@/lib/editors/lazy-checker';
import { startExtensionChecker } from './content/checker';

/**
 * The checker's part of the content script, imported by entrypoints/content only on pages with an editor
 * (lib/editors/lazy-checker.ts): it leaves its entry on the content script's global object.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<symbol, unknown>)[CHECKER_ENTRY] = startExtensionChecker;
});
