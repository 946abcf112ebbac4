/**
 * Settings schema version 2 (the severity per rule group): version-1 settings keep every field and get
 * no override; version 0 goes through the dictionary move first and ends at the current version too;
 * current or newer settings, or none, are not rewritten; and the background's new writes are bounded.
 * Version 3 (the statistical 的/地/得 findings under their own id, de-di-de-context): a wrong-char that
 * was off, everywhere or on a site, switches the new id off too, once; afterwards the two are apart.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, MessageRefused, type MessageHandlers } from '@/lib/message-policy';
import { analyzeOptions, DEFAULT_SETTINGS, normalizeSettings, SETTINGS_KEY } from '@/lib/settings';
import { migrateSettings, PURE_STEPS, SETTINGS_VERSION, storedVersion } from '@/lib/settings-migration';
import { WengaoDB } from '@/lib/storage/db';
import { PersonalDictionary } from '@/lib/storage/dictionary';
import { SettingsStore } from '@/lib/storage/settings-store';
import { memoryArea } from './storage/memory-area';

const V1 = {
  version: 1,
  enabled: false,
  rules: { 'repeated-word': false, 'de-di-de': true },
  disabledSites: ['a.example'],
  siteIgnoredRules: { 'b.example': ['stray-space'] },
  debounceMs: 300,
  language: 'en',
};

let db: WengaoDB;
let dictionary: PersonalDictionary;
beforeEach(() => {
  db = new WengaoDB('wengao-migration-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  dictionary = new PersonalDictionary(db);
});
afterEach(() => db.close());

describe('settings migration 1 → 2', () => {
  it('is the current step, and every version below the current one has a step', () => {
    expect(SETTINGS_VERSION).toBe(3);
    // 0 → 1 needs the database (SettingsStore.migrateDictionary); every later step is pure.
    for (let v = 1; v < SETTINGS_VERSION; v++) expect(PURE_STEPS[v], `step ${v}`).toBeTypeOf('function');
  });

  it('keeps every version-1 field and sets no override (pure)', () => {
    const out = PURE_STEPS[1]!(structuredClone(V1));
    expect(out).toEqual({ ...V1, groupSeverity: {}, version: 2 });
    // No wrong-char switched off in V1: the step to 3 changes nothing else.
    expect(migrateSettings(structuredClone(V1))).toEqual({ ...V1, groupSeverity: {}, version: 3 });
    expect(normalizeSettings(out)).toEqual({ ...normalizeSettings(V1), groupSeverity: {} });
    // A groupSeverity in version-1 settings was not the writer's choice (version 1 had none): dropped.
    expect(migrateSettings({ ...V1, groupSeverity: { typo: 'info' } })!.groupSeverity).toEqual({});
    // Nothing to do: current, newer, version 0 (the dictionary move comes first), not settings at all.
    for (const raw of [{ ...V1, version: 3 }, { version: 9 }, { enabled: true }, undefined, null, 'x', [1]]) expect(migrateSettings(raw)).toBeNull();
  });

  it('runs at the background\'s start: version 1 is rewritten once at the current version, keeping everything', async () => {
    const area = memoryArea({ [SETTINGS_KEY]: { ...V1, groupSeverity: { typo: 'info' } } });
    const store = new SettingsStore(area);
    expect(await store.migrate((w) => dictionary.addAll(w))).toBe(0);
    const stored = area.data[SETTINGS_KEY] as Record<string, unknown>;
    expect(storedVersion(stored)).toBe(SETTINGS_VERSION);
    expect(stored).toEqual({ ...normalizeSettings(V1), groupSeverity: {}, version: SETTINGS_VERSION });
    expect((await store.read()).groupSeverity).toEqual({});
    const writes = area.writes;
    expect(await store.migrate((w) => dictionary.addAll(w))).toBe(0);
    expect(area.writes).toBe(writes);
  });

  it('takes version 0 through the dictionary move to the current version; leaves missing settings alone', async () => {
    const area = memoryArea({ [SETTINGS_KEY]: { enabled: false, rules: { 'stray-space': false }, dictionary: ['两学一做', '三会一课'] } });
    expect(await new SettingsStore(area).migrate((w) => dictionary.addAll(w))).toBe(2);
    expect(await dictionary.words()).toEqual(['两学一做', '三会一课']);
    expect(area.data[SETTINGS_KEY]).toEqual({ ...DEFAULT_SETTINGS, enabled: false, rules: { 'stray-space': false }, version: SETTINGS_VERSION });
    // Version 0 without the old dictionary: stamped, nothing lost.
    const plain = memoryArea({ [SETTINGS_KEY]: { debounceMs: 500 } });
    await new SettingsStore(plain).migrate((w) => dictionary.addAll(w));
    expect(plain.data[SETTINGS_KEY]).toEqual({ ...DEFAULT_SETTINGS, debounceMs: 500, version: SETTINGS_VERSION });
    const none = memoryArea();
    await new SettingsStore(none).migrate((w) => dictionary.addAll(w));
    expect(none.writes).toBe(0);
  });

  it('stores the new writes through the queue, stamped with the current version', async () => {
    const area = memoryArea({ [SETTINGS_KEY]: V1 });
    const store = new SettingsStore(area);
    expect(await store.setGroupSeverity('punctuation', 'info')).toBe(true);
    expect(await store.setGroupSeverity('punctuation', 'info')).toBe(false);
    expect(area.data[SETTINGS_KEY]).toMatchObject({ version: SETTINGS_VERSION, groupSeverity: { punctuation: 'info' }, rules: V1.rules, debounceMs: 300 });
    expect(await store.setRuleSettings({ rules: {}, groupSeverity: {} })).toBe(true);
    expect(await store.setRuleSettings({ rules: {}, groupSeverity: {} })).toBe(false);
    expect(area.data[SETTINGS_KEY]).toMatchObject({ rules: {}, groupSeverity: {}, disabledSites: ['a.example'], language: 'en' });
    expect(await store.setGroupSeverity('punctuation', null)).toBe(false);
  });
});

describe('settings migration 2 → 3: the statistical 的/地/得 findings get their own switch', () => {
  const V2 = {
    version: 2,
    enabled: true,
    rules: { 'wrong-char': false, 'stray-space': false },
    disabledSites: [],
    siteIgnoredRules: { 'a.example': ['wrong-char', 'stray-space'], 'b.example': ['de-di-de'], 'c.example': ['wrong-char', 'de-di-de-context'] },
    debounceMs: 80,
    language: 'auto',
    groupSeverity: { grammar: 'info' },
  };

  it('switches de-di-de-context off wherever wrong-char was off, and changes nothing else (pure)', () => {
    const out = migrateSettings(structuredClone(V2))!;
    expect(out).toEqual({
      ...V2,
      rules: { 'wrong-char': false, 'stray-space': false, 'de-di-de-context': false },
      siteIgnoredRules: { 'a.example': ['wrong-char', 'stray-space', 'de-di-de-context'], 'b.example': ['de-di-de'], 'c.example': ['wrong-char', 'de-di-de-context'] },
      version: 3,
    });
    // Nothing of wrong-char's off: nothing added.
    const plain = { ...V2, rules: { 'wrong-char': true }, siteIgnoredRules: { 'b.example': ['de-di-de'] } };
    expect(migrateSettings(structuredClone(plain))).toEqual({ ...plain, version: 3 });
    // A choice already made for the new id is kept (settings written by a newer build, then downgraded).
    expect(migrateSettings({ ...V2, rules: { 'wrong-char': false, 'de-di-de-context': true } })!.rules).toEqual({ 'wrong-char': false, 'de-di-de-context': true });
    // Damaged fields are left as they were (normalizeSettings drops them).
    expect(migrateSettings({ version: 2, rules: ['wrong-char'], siteIgnoredRules: { x: 'wrong-char' } })).toEqual({ version: 3, rules: ['wrong-char'], siteIgnoredRules: { x: 'wrong-char' } });
  });

  it('runs once at the background\'s start; afterwards each switch is the writer\'s alone', async () => {
    const area = memoryArea({ [SETTINGS_KEY]: structuredClone(V2) });
    const store = new SettingsStore(area);
    await store.migrate((w) => dictionary.addAll(w));
    const after = await store.read();
    expect(after.rules).toEqual({ 'wrong-char': false, 'stray-space': false, 'de-di-de-context': false });
    expect(analyzeOptions(after, { site: 'a.example' }).rules).toMatchObject({ 'wrong-char': false, 'de-di-de-context': false });
    // The writer turns the 的/地/得 findings back on: wrong-char stays off, and a later start does not undo it.
    expect(await store.setRulesEnabled(['de-di-de-context'], true)).toBe(true);
    await store.migrate((w) => dictionary.addAll(w));
    expect((await store.read()).rules).toEqual({ 'wrong-char': false, 'stray-space': false });
    expect(await store.restoreRule('a.example', 'de-di-de-context')).toBe(true);
    expect((await store.read()).siteIgnoredRules['a.example']).toEqual(['wrong-char', 'stray-space']);
  });

  it('a write queued before the migration stores the migrated settings, not version 2\'s read as current', async () => {
    const area = memoryArea({ [SETTINGS_KEY]: structuredClone(V2) });
    const store = new SettingsStore(area);
    expect(await store.setDebounce(200)).toBe(true);
    expect(area.data[SETTINGS_KEY]).toMatchObject({ version: 3, debounceMs: 200, rules: { 'wrong-char': false, 'de-di-de-context': false } });
  });
});

describe('severity messages', () => {
  const SELF = { id: 'ext', baseUrl: 'chrome-extension://ext/' };
  const page = { id: 'ext', url: 'chrome-extension://ext/options.html', origin: 'chrome-extension://ext' };
  const content = { id: 'ext', url: 'https://a.example/', origin: 'https://a.example', tab: { id: 1 } };
  const seen: [string, unknown][] = [];
  const handlers = {
    setGroupSeverity: (d: unknown) => (seen.push(['setGroupSeverity', d]), true),
    setRuleSettings: (d: unknown) => (seen.push(['setRuleSettings', d]), true),
  } as unknown as MessageHandlers;
  const dispatch = createDispatcher(handlers, SELF);

  it('come from extension pages only (a page\'s content script is untrusted)', async () => {
    seen.length = 0;
    await expect(dispatch('setGroupSeverity', { group: 'typo', severity: 'info' }, content)).rejects.toBeInstanceOf(MessageRefused);
    await expect(dispatch('setRuleSettings', { rules: {}, groupSeverity: {} }, content)).rejects.toBeInstanceOf(MessageRefused);
    expect(seen).toEqual([]);
    expect(await dispatch('setGroupSeverity', { group: 'typo', severity: 'info' }, page)).toBe(true);
    expect(await dispatch('setGroupSeverity', { group: 'spacing', severity: null }, page)).toBe(true);
    expect(await dispatch('setRuleSettings', { rules: { 'de-di-de': false }, groupSeverity: { typo: 'warning' } }, page)).toBe(true);
    expect(seen.map(([t]) => t)).toEqual(['setGroupSeverity', 'setGroupSeverity', 'setRuleSettings']);
  });

  it('refuse unknown groups and severities, unknown rules, extra keys and oversized maps before the handler runs', async () => {
    seen.length = 0;
    for (const [type, data] of [
      ['setGroupSeverity', { group: 'typos', severity: 'info' }],
      ['setGroupSeverity', { group: 'typo', severity: 'critical' }],
      ['setGroupSeverity', { group: 'typo', severity: 'ERROR' }],
      ['setGroupSeverity', { group: 'typo' }],
      ['setGroupSeverity', { group: '__proto__', severity: 'info' }],
      ['setRuleSettings', { rules: {}, groupSeverity: { typo: 'loud' } }],
      ['setRuleSettings', { rules: {}, groupSeverity: { nonsense: 'info' } }],
      ['setRuleSettings', { rules: { 'not-a-rule': false }, groupSeverity: {} }],
      ['setRuleSettings', { rules: { 'de-di-de': 'off' }, groupSeverity: {} }],
      ['setRuleSettings', { rules: [], groupSeverity: {} }],
      ['setRuleSettings', { rules: {} }],
      ['setRuleSettings', JSON.parse('{"rules": {}, "groupSeverity": {"__proto__": "info"}}')],
    ] as const) {
      await expect(dispatch(type, data, page), `${type} ${JSON.stringify(data)}`).rejects.toBeInstanceOf(MessageRefused);
    }
    expect(seen).toEqual([]);
  });
});
