import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '@/lib/settings';
import { WengaoDB } from '@/lib/storage/db';
import { PersonalDictionary } from '@/lib/storage/dictionary';
import { MAX_IGNORED_RULES_PER_SITE, MAX_SETTINGS_SITES, SettingsStore } from '@/lib/storage/settings-store';
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
    expect(area.data[SETTINGS_KEY]).toEqual({ ...DEFAULT_SETTINGS });
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
