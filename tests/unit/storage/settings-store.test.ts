import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '@/lib/settings';
import { WengaoDB } from '@/lib/storage/db';
import { PersonalDictionary } from '@/lib/storage/dictionary';
import { MAX_FIELDS_PER_SITE, MAX_IGNORED_RULES_PER_SITE, MAX_SETTINGS_SITES, SETTINGS_VERSION, SettingsStore, storedVersion } from '@/lib/storage/settings-store';
import { SWITCHES_KEY } from '@/lib/storage/site-switches';
import { memoryArea } from './memory-area';

let db: WengaoDB;
let dictionary: PersonalDictionary;
beforeEach(() => {
  db = new WengaoDB('wengao-settings-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  dictionary = new PersonalDictionary(db);
});
afterEach(() => db.close());

describe('settings → IndexedDB dictionary migration', () => {
  const oldSettings = { enabled: false, rules: { 'repeated-word': false }, dictionary: ['两学一做', ' 要要 ', '', 'a\nb', 7, '两学一做', '三会一课'] };

  it('moves the old words into the database, drops the old field, keeps every other setting', async () => {
    const area = memoryArea({ [SETTINGS_KEY]: oldSettings });
    const store = new SettingsStore(area);
    expect(await store.migrateDictionary((w) => dictionary.addAll(w))).toBe(3);
    expect(await dictionary.words()).toEqual(['两学一做', '要要', '三会一课']);
    const stored = area.data[SETTINGS_KEY] as Record<string, unknown>;
    expect(stored).not.toHaveProperty('dictionary');
    expect(stored).toMatchObject({ enabled: false, rules: { 'repeated-word': false } });
    // Once: a second start finds nothing to move and writes nothing.
    const writes = area.writes;
    expect(await store.migrateDictionary((w) => dictionary.addAll(w))).toBe(0);
    expect(area.writes).toBe(writes);
    expect(await dictionary.words()).toEqual(['两学一做', '要要', '三会一课']);
  });

  it('keeps words already in the database, and merges without duplicates', async () => {
    await dictionary.add('三会一课');
    const store = new SettingsStore(memoryArea({ [SETTINGS_KEY]: oldSettings }));
    expect(await store.migrateDictionary((w) => dictionary.addAll(w))).toBe(2);
    expect(await dictionary.words()).toEqual(['三会一课', '两学一做', '要要']);
  });

  it('leaves the settings (and the old words) as they were when the database write fails, so the next start retries', async () => {
    const area = memoryArea({ [SETTINGS_KEY]: oldSettings });
    const store = new SettingsStore(area);
    const spy = vi.spyOn(db.dictionary, 'bulkAdd').mockImplementationOnce(() => Promise.reject(new DOMException('quota', 'QuotaExceededError')) as never);
    await expect(store.migrateDictionary((w) => dictionary.addAll(w))).rejects.toThrow();
    spy.mockRestore();
    expect(await dictionary.words()).toEqual([]); // all or nothing
    expect(area.data[SETTINGS_KEY]).toEqual(oldSettings);
    expect(await store.migrateDictionary((w) => dictionary.addAll(w))).toBe(3);
    expect(await dictionary.words()).toHaveLength(3);
  });

  it('does nothing for settings without the old field, or with no settings at all', async () => {
    for (const initial of [{}, { [SETTINGS_KEY]: { enabled: true } }]) {
      const area = memoryArea(initial);
      expect(await new SettingsStore(area).migrateDictionary((w) => dictionary.addAll(w))).toBe(0);
      expect(area.writes).toBe(0);
    }
    // A damaged old field (not a list) is dropped without adding anything.
    const area = memoryArea({ [SETTINGS_KEY]: { dictionary: 'oops' } });
    expect(await new SettingsStore(area).migrateDictionary((w) => dictionary.addAll(w))).toBe(0);
    expect(area.data[SETTINGS_KEY]).toEqual({ ...DEFAULT_SETTINGS, version: SETTINGS_VERSION });
  });
});

describe('settings schema version', () => {
  it('is stamped on every write; migrate() moves a version-0 dictionary once and then leaves current settings alone', async () => {
    const area = memoryArea({ [SETTINGS_KEY]: { enabled: false, dictionary: ['两学一做'] } });
    const store = new SettingsStore(area);
    expect(storedVersion(area.data[SETTINGS_KEY])).toBe(0);
    expect(await store.migrate((w) => dictionary.addAll(w))).toBe(1);
    expect(area.data[SETTINGS_KEY]).toEqual({ ...DEFAULT_SETTINGS, enabled: false, version: SETTINGS_VERSION });
    const writes = area.writes;
    expect(await store.migrate((w) => dictionary.addAll(w))).toBe(0);
    expect(area.writes).toBe(writes);
    // A field that looks like the old dictionary in current settings is not the old dictionary: left alone.
    const current = memoryArea({ [SETTINGS_KEY]: { version: SETTINGS_VERSION, dictionary: ['不是旧词典'] } });
    expect(await new SettingsStore(current).migrate((w) => dictionary.addAll(w))).toBe(0);
    expect(current.writes).toBe(0);
    // Settings from a newer version (after a downgrade) are read as far as they are understood.
    const newer = memoryArea({ [SETTINGS_KEY]: { version: SETTINGS_VERSION + 5, enabled: false, futureField: 1 } });
    expect(await new SettingsStore(newer).migrate((w) => dictionary.addAll(w))).toBe(0);
    expect((await new SettingsStore(newer).read()).enabled).toBe(false);
  });

  it('reads damaged versions as 0', () => {
    for (const raw of [undefined, null, 'x', {}, { version: -1 }, { version: 1.5 }, { version: '1' }]) expect(storedVersion(raw)).toBe(0);
    expect(storedVersion({ version: 3 })).toBe(3);
  });
});

describe('settings page writes', () => {
  it('switch checking and rules everywhere, write only on a change, and keep "absent = on"', async () => {
    const area = memoryArea();
    const store = new SettingsStore(area);
    expect(await store.setCheckingEnabled(true)).toBe(false);
    expect(await store.setCheckingEnabled(false)).toBe(true);
    expect(await store.setRulesEnabled(['de-di-de', 'stray-space'], false)).toBe(true);
    expect(await store.setRulesEnabled(['de-di-de'], false)).toBe(false);
    expect((await store.read()).rules).toEqual({ 'de-di-de': false, 'stray-space': false });
    expect(await store.setRulesEnabled(['de-di-de', 'stray-space'], true)).toBe(true);
    expect((await store.read()).rules).toEqual({});
    expect(await store.setRulesEnabled(['de-di-de'], true)).toBe(false);
  });

  it('restore an ignored rule on one site only (the undo of 忽略此规则), dropping an emptied site', async () => {
    const store = new SettingsStore(memoryArea({ [SETTINGS_KEY]: { siteIgnoredRules: { 'a.example': ['stray-space', 'de-di-de'], 'b.example': ['stray-space'] } } }));
    expect(await store.restoreRule('a.example', 'stray-space')).toBe(true);
    expect(await store.restoreRule('a.example', 'stray-space')).toBe(false);
    expect(await store.restoreRule('c.example', 'stray-space')).toBe(false);
    expect(await store.restoreRule('b.example', 'stray-space')).toBe(true);
    expect((await store.read()).siteIgnoredRules).toEqual({ 'a.example': ['de-di-de'] });
    // And back again, as the page's 撤销 does.
    expect(await store.ignoreRule('b.example', 'stray-space')).toBe(true);
    expect((await store.read()).siteIgnoredRules['b.example']).toEqual(['stray-space']);
  });

  it('set the pause before checking, clamped', async () => {
    const store = new SettingsStore(memoryArea());
    expect(await store.setDebounce(500)).toBe(true);
    expect(await store.setDebounce(500)).toBe(false);
    expect(await store.setDebounce(99_999)).toBe(true);
    expect((await store.read()).debounceMs).toBe(2000);
  });

  it('resume a site switched off either way, and its fields, with the fields\' undo', async () => {
    const area = memoryArea({
      [SETTINGS_KEY]: { disabledSites: ['a.example', 'b.example'] },
      [SWITCHES_KEY]: { sites: ['a.example', 'c.example'], fields: { 'a.example': ['/form#body', '/x#title'], 'd.example': ['/#t'] } },
    });
    const store = new SettingsStore(area);
    expect(await store.resumeSite('a.example')).toBe(true);
    expect(await store.resumeSite('c.example')).toBe(true);
    expect(await store.resumeSite('c.example')).toBe(false);
    expect((await store.read()).disabledSites).toEqual(['b.example']);
    expect((await store.readSwitches()).sites).toEqual([]);
    // Fields are their own switch: still off until resumed.
    expect((await store.readSwitches()).fields['a.example']).toEqual(['/form#body', '/x#title']);
    expect(await store.resumeFields('a.example')).toEqual(['/form#body', '/x#title']);
    expect(await store.resumeFields('a.example')).toEqual([]);
    expect(await store.readSwitches()).toEqual({ sites: [], fields: { 'd.example': ['/#t'] } });
    expect(await store.restoreFields('a.example', ['/form#body', '/x#title'])).toBe(true);
    expect(await store.restoreFields('a.example', ['/form#body'])).toBe(false);
    expect((await store.readSwitches()).fields['a.example']).toEqual(['/form#body', '/x#title']);
    // The fields list stays bounded.
    expect(await store.restoreFields('e.example', Array.from({ length: MAX_FIELDS_PER_SITE + 10 }, (_, i) => `/#f${i}`))).toBe(true);
    expect((await store.readSwitches()).fields['e.example']).toHaveLength(MAX_FIELDS_PER_SITE);
    // And so does the number of sites with fields: a new site is refused, a known one still changes.
    const full = memoryArea({ [SWITCHES_KEY]: { sites: [], fields: Object.fromEntries(Array.from({ length: MAX_SETTINGS_SITES }, (_, i) => [`s${i}.example`, ['/#a']])) } });
    const fullStore = new SettingsStore(full);
    expect(await fullStore.restoreFields('new.example', ['/#a'])).toBe(false);
    expect(await fullStore.restoreFields('s1.example', ['/#b'])).toBe(true);
  });
});

describe('settings writes', () => {
  it('run one after the other (no lost update between concurrent writers)', async () => {
    const store = new SettingsStore(memoryArea());
    await Promise.all(['a', 'b', 'c', 'd'].map((site) => store.ignoreRule(`${site}.example`, 'repeated-word')));
    expect(Object.keys((await store.read()).siteIgnoredRules).sort()).toEqual(['a.example', 'b.example', 'c.example', 'd.example']);
  });

  it('cap the per-site lists: a full list refuses new sites (and rules), existing entries still change', async () => {
    const many = Array.from({ length: MAX_SETTINGS_SITES }, (_, i) => `s${i}.example`);
    const area = memoryArea({
      [SETTINGS_KEY]: {
        disabledSites: many,
        siteIgnoredRules: { ...Object.fromEntries(many.map((s) => [s, ['x']])), 'full.example': Array.from({ length: MAX_IGNORED_RULES_PER_SITE }, (_, i) => `r${i}`) },
      },
    });
    const store = new SettingsStore(area);
    expect(await store.setSiteEnabled('new.example', false)).toBe(false);
    expect(await store.ignoreRule('new.example', 'repeated-word')).toBe(false);
    expect(await store.ignoreRule('full.example', 'repeated-word')).toBe(false);
    expect(await store.ignoreRule('s1.example', 'repeated-word')).toBe(true);
    expect(await store.setSiteEnabled('s1.example', true)).toBe(true);
    expect(await store.setSiteEnabled('new.example', false)).toBe(true);
    expect(await store.setSiteEnabled('new.example', false)).toBe(false);
    expect((await store.read()).disabledSites).toHaveLength(MAX_SETTINGS_SITES);
  });
});
