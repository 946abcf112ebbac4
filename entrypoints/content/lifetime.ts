import type { Lifetime } from '@/lib/editors/controller';

/** How often an orphaned script (the extension reloaded or removed under it) looks whether it is one (ms). */
const ORPHAN_CHECK_MS = 5000;

/**
 * The checker's lifetime, which no page can end (issue 10). It ends only when the extension context is
 * really gone (`runtime.id` undefined: the extension was reloaded, updated or removed), checked when the
 * owner's signal says stop, before each timer of ours and every few seconds. (The content script is no
 * WXT content script, whose context a page could stop with one CustomEvent carrying the extension's
 * public ID, and which announced itself with that ID to every page: entrypoints/content-watch.ts.)
 */
export function pageProofLifetime(ctx: { readonly signal: AbortSignal }, win: Window = window): Lifetime & { readonly alive: () => boolean } {
  const controller = new AbortController();
  const { signal } = controller;
  const alive = (): boolean => {
    try {
      return browser.runtime?.id != null;
    } catch {
      return false;
    }
  };
  const check = () => {
    if (!signal.aborted && !alive()) controller.abort();
  };
  ctx.signal.addEventListener('abort', check);
  const interval = win.setInterval(check, ORPHAN_CHECK_MS);
  signal.addEventListener(
    'abort',
    () => {
      win.clearInterval(interval);
      ctx.signal.removeEventListener('abort', check);
    },
    { once: true },
  );
  return {
    signal,
    alive,
    setTimeout(handler: () => void, timeout?: number): number {
      const id = win.setTimeout(() => {
        check();
        if (!signal.aborted) handler();
      }, timeout);
      signal.addEventListener('abort', () => win.clearTimeout(id), { once: true });
      return id;
    },
  };
}
