import type { Lifetime } from '@/lib/editors/controller';

/** How often an orphaned script (the extension reloaded or removed under it) looks whether it is one (ms). */
const ORPHAN_CHECK_MS = 5000;

/**
 * The content script's lifetime, which no page can end (issue 10). WXT's context stops when a
 * `<extension id>:content:wxt:content-script-started` CustomEvent reaches `document` — meant for a newer
 * copy of the script after an update, but any page can dispatch it (a store extension's ID is public),
 * and one event would switch checking off on that page. So that event alone stops nothing here: this
 * lifetime ends only when the extension context is really gone (`runtime.id` undefined: the extension was
 * reloaded, updated or removed), checked when WXT's context says stop, before each timer of ours and
 * every few seconds. (`noScriptStartedPostMessage` keeps WXT from also announcing the start, with the
 * ID, to every page through window.postMessage.)
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
