/**
 * What content scripts may know of `storage.local`, and how they learn that it changed.
 *
 * `storage.local` is closed to content scripts (the background calls
 * `storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' })` at every start; Chromium refuses
 * a content script's get and set with "Access to storage is not allowed from this context"). A page
 * that compromises its renderer can send any message a content script can, so it must not be able to
 * write the settings, nor read what the user did on other sites. Content scripts therefore read through
 * the background (`readPageState`): only the keys the checker and the snippet picker need, each cut down
 * to the sender's own site (the sites switched off and the rules ignored elsewhere are the user's
 * browsing, not the page's business). After a change of one of those keys the background tells every
 * tab which keys changed, and each frame reads them again (entrypoints/content/page-storage.ts).
 *
 * Firefox has no access level for `storage.local` (only for `session`): there the lock is skipped, and
 * the content scripts still never touch the storage themselves.
 */
import { normalizeSettings, SETTINGS_KEY } from '../settings';
import { SNIPPET_TRIGGER_KEY } from '../snippets/trigger';
import { DICTIONARY_REVISION_KEY } from './revision';
import { parseSiteSwitches, SWITCHES_KEY } from './site-switches';

/**
 * Tests and benchmarks only (set from an extension page or the service worker, never by a page): the
 * badge host then carries its count and visibility as attributes (lib/editors/badge.ts exposeState).
 */
export const EXPOSE_STATE_KEY = 'wengaoExposeState';

/** The keys a content script may read (and is told about when they change). */
export const PAGE_STATE_KEYS = [SETTINGS_KEY, SWITCHES_KEY, EXPOSE_STATE_KEY, SNIPPET_TRIGGER_KEY, DICTIONARY_REVISION_KEY] as const;
export type PageStateKey = (typeof PAGE_STATE_KEYS)[number];

const PAGE_KEYS: ReadonlySet<string> = new Set(PAGE_STATE_KEYS);

/** The stored value of `key` as a frame of one of `sites` may see it. */
export function pageStateValue(key: PageStateKey, raw: unknown, sites: ReadonlySet<string>): unknown {
  switch (key) {
    case SETTINGS_KEY: {
      const s = normalizeSettings(raw);
      const ignored: Record<string, string[]> = {};
      for (const site of sites) if (s.siteIgnoredRules[site]) ignored[site] = s.siteIgnoredRules[site]!;
      return { ...s, disabledSites: s.disabledSites.filter((x) => sites.has(x)), siteIgnoredRules: ignored };
    }
    case SWITCHES_KEY: {
      const s = parseSiteSwitches(raw);
      const fields: Record<string, string[]> = {};
      for (const site of sites) if (s.fields[site]) fields[site] = s.fields[site]!;
      return { sites: s.sites.filter((x) => sites.has(x)), fields };
    }
    case EXPOSE_STATE_KEY:
      return raw === true;
    case SNIPPET_TRIGGER_KEY:
      return typeof raw === 'string' ? raw : undefined;
    case DICTIONARY_REVISION_KEY:
      return typeof raw === 'number' ? raw : undefined;
  }
}

/** Told to every frame of every tab after a change: which of the keys changed (never their values). */
export interface PageStateMessage {
  wengaoPageState: PageStateKey[];
}

export function isPageStateMessage(message: unknown): message is PageStateMessage {
  const keys = (message as PageStateMessage | null)?.wengaoPageState;
  return Array.isArray(keys) && keys.every((k) => PAGE_KEYS.has(k));
}

/** The slice of the browser API the background part needs (passed in: testable, no browser import). */
export interface PageStateBrowser {
  storage: {
    local: { setAccessLevel?(options: { accessLevel: string }): Promise<void> };
    onChanged: { addListener(cb: (changes: Record<string, unknown>, area: string) => void): void };
  };
  tabs: {
    query(info: Record<string, never>): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
}

/**
 * Background, at every start: close `storage.local` to content scripts and tell the tabs about changes
 * of the keys they read. Resolves true when the storage is locked (false: this browser cannot).
 */
export function startPageState(api: PageStateBrowser): Promise<boolean> {
  api.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    const keys = Object.keys(changes).filter((k): k is PageStateKey => PAGE_KEYS.has(k));
    if (!keys.length) return;
    const message: PageStateMessage = { wengaoPageState: keys };
    void api.tabs.query({}).then(
      (tabs) => {
        // Tabs without the content script (browser pages, the store) refuse: nothing to tell them.
        for (const tab of tabs) if (typeof tab.id === 'number') api.tabs.sendMessage(tab.id, message).catch(() => {});
      },
      () => {},
    );
  });
  const lock = api.storage.local.setAccessLevel;
  if (typeof lock !== 'function') return Promise.resolve(false);
  return lock.call(api.storage.local, { accessLevel: 'TRUSTED_CONTEXTS' }).then(
    () => true,
    (error: unknown) => {
      console.warn('[wengao] storage.local.setAccessLevel failed: content scripts can still reach it', error);
      return false;
    },
  );
}
