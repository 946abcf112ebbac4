/**
 * Settings schema version 2 (the severity per rule group): version-1 settings keep every field and get
 * no override; version 0 goes through the dictionary move first and ends at the current version too;
 * current or newer settings, or none, are not rewritten; and the background's new writes are bounded.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, MessageRefused, type MessageHandlers } from '@/lib/message-policy';
import { DEFAULT_SETTINGS, normalizeSettings, SETTINGS_KEY } from '@/lib/settings';
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
    expect(SETTINGS_VERSION).toBe(2);
    // 0 → 1 needs the database (SettingsStore.migrateDictionary); every later step is pure.
    for (let v = 1; v < SETTINGS_VERSION; v++) expect(PURE_STEPS[v], `step ${v}`).toBeTypeOf('function');
  });

  it('keeps every version-1 field and sets no override (pure)', () => {
    const out = migrateSettings(structuredClone(V1))!;
    expect(out).toEqual({ ...V1, groupSeverity: {}, version: 2 });
    expect(normalizeSettings(out)).toEqual({ ...normalizeSettings(V1), groupSeverity: {} });
    // A groupSeverity in version-1 settings was not the writer's choice (version 1 had none): dropped.
    expect(migrateSettings({ ...V1, groupSeverity: { typo: 'info' } })!.groupSeverity).toEqual({});
    // Nothing to do: current, newer, version 0 (the dictionary move comes first), not settings at all.
    for (const raw of [{ ...V1, version: 2 }, { version: 9 }, { enabled: true }, undefined, null, 'x', [1]]) expect(migrateSettings(raw)).toBeNull();
  });

  it('runs at the background\'s start: version 1 is rewritten once at version 2, keeping everything', async () => {
    const area = memoryArea({ [SETTINGS_KEY]: { ...V1, groupSeverity: { typo: 'info' } } });
    const store = new SettingsStore(area);
    expect(await store.migrate((w) => dictionary.addAll(w))).toBe(0);
    const stored = area.data[SETTINGS_KEY] as Record<string, unknown>;
    expect(storedVersion(stored)).toBe(2);
    expect(stored).toEqual({ ...normalizeSettings(V1), groupSeverity: {}, version: 2 });
    expect((await store.read()).groupSeverity).toEqual({});
    const writes = area.writes;
    expect(await store.migrate((w) => dictionary.addAll(w))).toBe(0);
    expect(area.writes).toBe(writes);
  });

  it('takes version 0 through the dictionary move to the current version; leaves missing settings alone', async () => {
    const area = memoryArea({ [SETTINGS_KEY]: { enabled: false, rules: { 'stray-space': false }, dictionary: ['两学一做', '三会一课'] } });
    expect(await new SettingsStore(area).migrate((w) => dictionary.addAll(w))).toBe(2);
    expect(await dictionary.words()).toEqual(['两学一做', '三会一课']);
    expect(area.data[SETTINGS_KEY]).toEqual({ ...DEFAULT_SETTINGS, enabled: false, rules: { 'stray-space': false }, version: 2 });
    // Version 0 without the old dictionary: stamped, nothing lost.
    const plain = memoryArea({ [SETTINGS_KEY]: { debounceMs: 500 } });
    await new SettingsStore(plain).migrate((w) => dictionary.addAll(w));
    expect(plain.data[SETTINGS_KEY]).toEqual({ ...DEFAULT_SETTINGS, debounceMs: 500, version: 2 });
    const none = memoryArea();
    await new SettingsStore(none).migrate((w) => dictionary.addAll(w));
    expect(none.writes).toBe(0);
  });

  it('stores the new writes through the queue, stamped with the current version', async () => {
    const area = memoryArea({ [SETTINGS_KEY]: V1 });
    const store = new SettingsStore(area);
    expect(await store.setGroupSeverity('punctuation', 'info')).toBe(true);
    expect(await store.setGroupSeverity('punctuation', 'info')).toBe(false);
    expect(area.data[SETTINGS_KEY]).toMatchObject({ version: 2, groupSeverity: { punctuation: 'info' }, rules: V1.rules, debounceMs: 300 });
    expect(await store.setRuleSettings({ rules: {}, groupSeverity: {} })).toBe(true);
    expect(await store.setRuleSettings({ rules: {}, groupSeverity: {} })).toBe(false);
    expect(area.data[SETTINGS_KEY]).toMatchObject({ rules: {}, groupSeverity: {}, disabledSites: ['a.example'], language: 'en' });
    expect(await store.setGroupSeverity('punctuation', null)).toBe(false);
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
