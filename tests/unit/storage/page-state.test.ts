/**
 * storage.local closed to content scripts (issue 10): what they read instead, through the background
 * (lib/storage/page-state.ts: each key cut down to the sender's own site), how they learn of changes
 * (entrypoints/content/page-storage.ts), and the badge's switches written by the background for the
 * sender's own site only.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPageStorage } from '@/entrypoints/content/page-storage';
import { watchSwitches } from '@/entrypoints/content/switches';
import { createDispatcher, MessageRefused, type SenderInfo } from '@/lib/message-policy';
import { SETTINGS_KEY, watchSettings, type Settings } from '@/lib/settings';
import { WengaoDB } from '@/lib/storage/db';
import { PersonalDictionary } from '@/lib/storage/dictionary';
import { backgroundHandlers } from '@/lib/storage/handlers';
import { createLmService } from '@/lib/storage/lm-handlers';
import { EXPOSE_STATE_KEY, PAGE_STATE_KEYS, pageStateValue, startPageState, type PageStateBrowser } from '@/lib/storage/page-state';
import { ReferenceLibrary } from '@/lib/storage/reference-docs';
import { MAX_FIELDS_PER_SITE, SettingsStore } from '@/lib/storage/settings-store';
import { SWITCHES_KEY } from '@/lib/storage/site-switches';
import { snippetHandlers, SnippetTargets } from '@/lib/storage/snippet-handlers';
import { SnippetRepository } from '@/lib/storage/snippets';
import { memoryArea } from './memory-area';

const SELF = { id: 'wengaoextensionid', baseUrl: 'chrome-extension://wengaoextensionid/' };
const SITE = 'news.example.com';
const content: SenderInfo = { id: SELF.id, url: `https://${SITE}/a/1.html`, origin: `https://${SITE}`, tab: { id: 5 }, frameId: 0 };
const STORED = {
  [SETTINGS_KEY]: {
    enabled: true,
    disabledSites: ['bank.example', SITE, 'clinic.example'],
    siteIgnoredRules: { [SITE]: ['stray-space'], 'bank.example': ['repeated-word'] },
    language: 'en',
  },
  [SWITCHES_KEY]: { sites: ['mail.example'], fields: { [SITE]: ['/a/1.html#title'], 'mail.example': ['/#to'] } },
  [EXPOSE_STATE_KEY]: true,
  snippetTrigger: ';;',
  dictionaryRevision: 42,
  snippetRevision: 7,
};

describe('pageStateValue: a key as a frame of its own site may see it', () => {
  const sites = new Set([SITE]);
  it('settings keep the global switches, and of the per-site lists only this site', () => {
    const s = pageStateValue('settings', STORED.settings, sites) as Settings;
    expect(s.enabled).toBe(true);
    expect(s.language).toBe('en');
    expect(s.disabledSites).toEqual([SITE]);
    expect(s.siteIgnoredRules).toEqual({ [SITE]: ['stray-space'] });
  });
  it('badge switches only for this site; other keys validated', () => {
    expect(pageStateValue('badgeSwitches', STORED.badgeSwitches, sites)).toEqual({ sites: [], fields: { [SITE]: ['/a/1.html#title'] } });
    expect(pageStateValue('badgeSwitches', STORED.badgeSwitches, new Set(['mail.example']))).toEqual({ sites: ['mail.example'], fields: { 'mail.example': ['/#to'] } });
    expect(pageStateValue('wengaoExposeState', 'yes', sites)).toBe(false);
    expect(pageStateValue('snippetTrigger', { x: 1 }, sites)).toBeUndefined();
    expect(pageStateValue('dictionaryRevision', 42, sites)).toBe(42);
    // Damaged values come out valid.
    expect(pageStateValue('settings', 'garbage', sites)).toMatchObject({ enabled: true, disabledSites: [] });
    expect(pageStateValue('badgeSwitches', [1, 2], sites)).toEqual({ sites: [], fields: {} });
  });
});

describe('through the policy (the real handlers)', () => {
  let db: WengaoDB;
  let area: ReturnType<typeof memoryArea>;
  let dispatch: ReturnType<typeof createDispatcher>;
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    db = new WengaoDB('wengao-page-state', { indexedDB: new IDBFactory(), IDBKeyRange });
    area = memoryArea(STORED);
    const lm = createLmService({ modelBytes: async () => new ArrayBuffer(0), dictionary: async () => [], domainWords: async () => [] });
    const snippets = snippetHandlers({ repo: new SnippetRepository(db), corpus: async () => ({}) as never, local: area, targets: new SnippetTargets(), sendToFrame: async () => ({ ok: true }) });
    const handlers = backgroundHandlers({ settings: new SettingsStore(area), library: new ReferenceLibrary(db), dictionary: new PersonalDictionary(db), version: '1', lm, snippets });
    dispatch = createDispatcher(handlers, SELF);
  });
  afterEach(() => {
    db.close();
    vi.restoreAllMocks();
  });

  it('readPageState answers a content script with its own site only, and only the keys it may read', async () => {
    const got = (await dispatch('readPageState', { keys: [...PAGE_STATE_KEYS] }, content)) as Record<string, unknown>;
    expect(Object.keys(got).sort()).toEqual([...PAGE_STATE_KEYS].sort());
    expect((got.settings as Settings).disabledSites).toEqual([SITE]);
    expect(got.badgeSwitches).toEqual({ sites: [], fields: { [SITE]: ['/a/1.html#title'] } });
    expect(JSON.stringify(got)).not.toMatch(/bank|clinic|mail/);
    // Keys outside the list (other data in storage.local) are refused.
    await expect(dispatch('readPageState', { keys: ['snippetRevision'] }, content)).rejects.toBeInstanceOf(MessageRefused);
    await expect(dispatch('readPageState', { keys: [] }, content)).rejects.toBeInstanceOf(MessageRefused);
  });

  it('setBadgeSwitch writes the sender\'s own site, refuses another, and caps the lists', async () => {
    await expect(dispatch('setBadgeSwitch', { site: 'bank.example', field: null, off: true }, content)).rejects.toBeInstanceOf(MessageRefused);
    expect(await dispatch('setBadgeSwitch', { site: SITE, field: null, off: true }, content)).toBe(true);
    expect(await dispatch('setBadgeSwitch', { site: SITE, field: null, off: true }, content)).toBe(false);
    expect(await dispatch('setBadgeSwitch', { site: SITE, field: '/a/1.html#body', off: true }, content)).toBe(true);
    expect(area.data[SWITCHES_KEY]).toEqual({ sites: ['mail.example', SITE], fields: { [SITE]: ['/a/1.html#title', '/a/1.html#body'], 'mail.example': ['/#to'] } });
    expect(await dispatch('setBadgeSwitch', { site: SITE, field: '/a/1.html#title', off: false }, content)).toBe(true);
    expect(await dispatch('setBadgeSwitch', { site: SITE, field: '/a/1.html#body', off: false }, content)).toBe(true);
    expect(await dispatch('setBadgeSwitch', { site: SITE, field: null, off: false }, content)).toBe(true);
    expect(area.data[SWITCHES_KEY]).toEqual({ sites: ['mail.example'], fields: { 'mail.example': ['/#to'] } });
    for (let i = 0; i < MAX_FIELDS_PER_SITE + 20; i++) await dispatch('setBadgeSwitch', { site: SITE, field: `/#f${i}`, off: true }, content);
    expect((area.data[SWITCHES_KEY] as { fields: Record<string, string[]> }).fields[SITE]).toHaveLength(MAX_FIELDS_PER_SITE);
  });
});

describe('startPageState (background)', () => {
  function fakeBrowser(lock?: (o: { accessLevel: string }) => Promise<void>) {
    const sent: [number, unknown][] = [];
    let onChanged: ((changes: Record<string, unknown>, area: string) => void) | null = null;
    const api: PageStateBrowser = {
      storage: { local: lock ? { setAccessLevel: lock } : {}, onChanged: { addListener: (cb) => void (onChanged = cb) } },
      tabs: {
        query: async () => [{ id: 1 }, { id: 2 }, {}],
        sendMessage: async (id, message) => {
          sent.push([id, message]);
          if (id === 2) throw new Error('no content script there');
        },
      },
    };
    return { api, sent, change: (changes: Record<string, unknown>, area = 'local') => onChanged!(changes, area) };
  }

  it('closes storage.local to content scripts, and tells every tab which of their keys changed (never the values)', async () => {
    const lock = vi.fn(async () => {});
    const b = fakeBrowser(lock);
    expect(await startPageState(b.api)).toBe(true);
    expect(lock).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    b.change({ settings: { newValue: { disabledSites: ['bank.example'] } }, snippetRevision: { newValue: 3 } });
    b.change({ snippetRevision: { newValue: 4 } });
    b.change({ settings: { newValue: {} } }, 'session');
    await new Promise((r) => setTimeout(r, 0));
    expect(b.sent).toEqual([
      [1, { wengaoPageState: ['settings'] }],
      [2, { wengaoPageState: ['settings'] }],
    ]);
  });

  it('where the browser has no access level for storage.local (Firefox), says so and goes on', async () => {
    expect(await startPageState(fakeBrowser().api)).toBe(false);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await startPageState(fakeBrowser(async () => Promise.reject(new Error('not supported'))).api)).toBe(false);
    vi.restoreAllMocks();
  });
});

describe('the content script\'s page storage', () => {
  function setup() {
    let stored: Record<string, unknown> = { settings: { enabled: true, debounceMs: 300 }, badgeSwitches: { sites: [], fields: {} } };
    const reads: string[][] = [];
    let deliver: ((message: unknown) => void) | null = null;
    const storage = createPageStorage(
      async (keys) => {
        reads.push(keys);
        return Object.fromEntries(keys.filter((k) => k in stored).map((k) => [k, structuredClone(stored[k])]));
      },
      { addListener: (cb) => void (deliver = cb) },
    );
    return { storage, reads, set: (next: Record<string, unknown>) => (stored = { ...stored, ...next }), notice: (m: unknown) => deliver!(m) };
  }

  it('reads once per key however many readers start together, and only the keys a content script may read', async () => {
    const p = setup();
    const [a, b, c] = await Promise.all([p.storage.local.get('settings'), p.storage.local.get(['settings', 'badgeSwitches']), p.storage.local.get(['snippetRevision', 'settings'])]);
    expect(a).toEqual({ settings: { enabled: true, debounceMs: 300 } });
    expect(b.badgeSwitches).toEqual({ sites: [], fields: {} });
    expect(c).toEqual({ settings: { enabled: true, debounceMs: 300 } });
    expect(p.reads).toEqual([['settings'], ['badgeSwitches']]);
  });

  it("follows the background's change notices: readers get the new values as storage.onChanged would give them", async () => {
    const p = setup();
    const signal = new AbortController().signal;
    const seen: Settings[] = [];
    const first = await watchSettings(p.storage, signal, (s) => seen.push(s));
    expect(first.debounceMs).toBe(300);
    p.set({ settings: { enabled: false, debounceMs: 300 } });
    p.notice({ unrelated: true });
    p.notice({ wengaoPageState: ['settings', 'not-a-key'] }); // not a notice of ours: ignored
    p.notice({ wengaoPageState: ['settings'] });
    await vi.waitFor(() => expect(seen.map((s) => s.enabled)).toEqual([false]));
    expect(p.reads.filter((k) => k.includes('settings'))).toHaveLength(2);
  });

  it('the badge switches are read this way and follow the notices', async () => {
    const p = setup();
    p.set({ badgeSwitches: { sites: [SITE], fields: {} } });
    const changed = vi.fn();
    const switches = await watchSwitches(p.storage, SITE, new AbortController().signal, changed);
    expect(switches.siteOff()).toBe(true);
    p.set({ badgeSwitches: { sites: [], fields: { [SITE]: ['/#body'] } } });
    p.notice({ wengaoPageState: ['badgeSwitches'] });
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1));
    expect(switches.siteOff()).toBe(false);
    expect(switches.fieldOff('/#body')).toBe(true);
  });
});
