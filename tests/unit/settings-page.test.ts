/**
 * The settings page's logic outside the page: the dictionary file (export, and an import checked whole
 * before anything is stored), the dictionary's all-or-nothing import, the badge's switches as the page
 * reads them, the settings edits, and the messages' policy (extension pages only, known rules only).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SWITCHES_KEY as CONTENT_SWITCHES_KEY } from '@/entrypoints/content/switches';
import { dictionaryFileName, dictionaryFileText, MAX_DICTIONARY_FILE_BYTES, parseDictionaryFile } from '@/lib/dictionary-file';
import { createDispatcher, MessageRefused, type MessageHandlers } from '@/lib/message-policy';
import { normalizeSettings, ruleEnabled, withDebounce, withRuleRestored, withRulesEnabled } from '@/lib/settings';
import { WengaoDB } from '@/lib/storage/db';
import { MAX_WORDS, PersonalDictionary } from '@/lib/storage/dictionary';
import { parseSiteSwitches, SWITCHES_KEY, withFieldResumed, withFieldsOff, withFieldsResumed, withSiteOff, withSiteResumed } from '@/lib/storage/site-switches';

describe('dictionary file', () => {
  it('round-trips an export, and accepts a bare array', () => {
    const words = ['两学一做', '三会一课', '𠮷'];
    expect(parseDictionaryFile(dictionaryFileText(words))).toEqual({ ok: true, words });
    expect(JSON.parse(dictionaryFileText(words))).toEqual({ format: 'wengao-dictionary', version: 1, words });
    expect(parseDictionaryFile('\uFEFF["  主题教育 ", "主题教育", "四下基层"]')).toEqual({ ok: true, words: ['主题教育', '四下基层'] });
    expect(parseDictionaryFile('[]')).toEqual({ ok: true, words: [] });
  });

  it('refuses the whole file for any bad part, naming the first bad entry', () => {
    expect(parseDictionaryFile('{"words": ["好", ')).toEqual({ ok: false, error: { code: 'not-json' } });
    expect(parseDictionaryFile('{"list": ["好"]}')).toEqual({ ok: false, error: { code: 'bad-shape' } });
    expect(parseDictionaryFile('"好"')).toEqual({ ok: false, error: { code: 'bad-shape' } });
    expect(parseDictionaryFile('null')).toEqual({ ok: false, error: { code: 'bad-shape' } });
    expect(parseDictionaryFile('["好", 3, "也好"]')).toEqual({ ok: false, error: { code: 'bad-word', index: 2 } });
    expect(parseDictionaryFile('["好", "  "]')).toEqual({ ok: false, error: { code: 'bad-word', index: 2 } });
    expect(parseDictionaryFile(JSON.stringify(['a\nb']))).toEqual({ ok: false, error: { code: 'bad-word', index: 1 } });
    expect(parseDictionaryFile(JSON.stringify(['长'.repeat(65)]))).toEqual({ ok: false, error: { code: 'bad-word', index: 1 } });
    const many = JSON.stringify(Array.from({ length: MAX_WORDS + 1 }, (_, i) => `词${i}`));
    expect(parseDictionaryFile(many)).toEqual({ ok: false, error: { code: 'too-many', max: MAX_WORDS } });
    expect(parseDictionaryFile('[]', MAX_DICTIONARY_FILE_BYTES + 1)).toEqual({ ok: false, error: { code: 'too-large' } });
  });

  it('names the export after the local date', () => {
    expect(dictionaryFileName('个人词典', new Date(2026, 0, 5, 23, 59))).toBe('个人词典-2026-01-05.json');
  });
});

describe('dictionary import', () => {
  let db: WengaoDB;
  beforeEach(() => {
    db = new WengaoDB('wengao-import-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  });
  afterEach(() => {
    db.close();
    vi.restoreAllMocks();
  });

  it('adds the new words in one go, counts the known ones, and announces one change', async () => {
    const onChange = vi.fn();
    const dictionary = new PersonalDictionary(db, { onChange });
    await dictionary.add('两学一做');
    onChange.mockClear();
    expect(await dictionary.importWords(['三会一课', '两学一做', '主题教育'])).toEqual({ added: 2, skipped: 1 });
    expect(await dictionary.words()).toEqual(['两学一做', '三会一课', '主题教育']);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(await dictionary.importWords(['三会一课'])).toEqual({ added: 0, skipped: 1 });
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('stores nothing when the words would not all fit, or the write fails', async () => {
    const dictionary = new PersonalDictionary(db);
    await db.dictionary.bulkAdd(Array.from({ length: MAX_WORDS - 1 }, (_, i) => ({ word: `词${i}`, addedAt: i })));
    expect(await dictionary.importWords(['甲', '乙'])).toEqual({ error: 'full', messageKey: 'dictionaryFull' });
    expect(await db.dictionary.count()).toBe(MAX_WORDS - 1);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(db.dictionary, 'bulkAdd').mockImplementationOnce(() => Promise.reject(new DOMException('quota', 'QuotaExceededError')) as never);
    expect(await dictionary.importWords(['甲'])).toEqual({ error: 'storage', messageKey: 'dictionarySaveFailed' });
    expect(await db.dictionary.get('甲')).toBeUndefined();
  });
});

describe('badge switches as the settings page reads them', () => {
  it('use the content script\'s storage key', () => {
    expect(SWITCHES_KEY).toBe(CONTENT_SWITCHES_KEY);
  });

  it('read damaged values tolerantly and edit without mutating', () => {
    expect(parseSiteSwitches(undefined)).toEqual({ sites: [], fields: {} });
    expect(parseSiteSwitches({ sites: ['a', 3, 'a', ''], fields: { b: ['x', 'x', 7], c: 'y', d: [] } })).toEqual({ sites: ['a'], fields: { b: ['x'] } });
    const s = parseSiteSwitches({ sites: ['a', 'b'], fields: { a: ['f1'] } });
    expect(withSiteResumed(s, 'a')).toEqual({ sites: ['b'], fields: { a: ['f1'] } });
    expect(withSiteResumed(s, 'z')).toBe(s);
    const { switches, fields } = withFieldsResumed(s, 'a');
    expect([switches.fields, fields]).toEqual([{}, ['f1']]);
    expect(withFieldsOff(switches, 'a', fields, { sites: 10, fieldsPerSite: 10 })).toEqual(s);
    expect(s).toEqual({ sites: ['a', 'b'], fields: { a: ['f1'] } });
  });

  it('switch edits keep to the limits and report no change as the same value', () => {
    const limits = { sites: 2, fieldsPerSite: 2 };
    const s = parseSiteSwitches({ sites: ['a'], fields: { a: ['f1'] } });
    expect(withSiteOff(s, 'b', limits).sites).toEqual(['a', 'b']);
    expect(withSiteOff(s, 'a', limits)).toBe(s);
    expect(withSiteOff(withSiteOff(s, 'b', limits), 'c', limits).sites).toEqual(['a', 'b']);
    expect(withFieldsOff(s, 'a', ['f2', 'f3'], limits).fields.a).toEqual(['f1', 'f2']);
    expect(withFieldsOff(s, 'a', ['f1'], limits)).toBe(s);
    const two = withFieldsOff(s, 'b', ['g'], limits);
    expect(two.fields).toEqual({ a: ['f1'], b: ['g'] });
    expect(withFieldsOff(two, 'c', ['h'], limits)).toBe(two);
    expect(withFieldResumed(two, 'b', 'g').fields).toEqual({ a: ['f1'] });
    expect(withFieldResumed(two, 'a', 'zz')).toBe(two);
  });
});

describe('settings edits', () => {
  it('rules: off is stored as false, on as no entry', () => {
    const s = normalizeSettings(undefined);
    const off = withRulesEnabled(s, ['de-di-de', 'stray-space'], false);
    expect(off.rules).toEqual({ 'de-di-de': false, 'stray-space': false });
    expect(ruleEnabled(off, 'de-di-de')).toBe(false);
    expect(ruleEnabled(off, 'repeated-word')).toBe(true);
    expect(withRulesEnabled(off, ['de-di-de'], true).rules).toEqual({ 'stray-space': false });
    expect(s.rules).toEqual({});
  });

  it('restoring an ignored rule and setting the pause', () => {
    const s = { ...normalizeSettings(undefined), siteIgnoredRules: { a: ['x', 'y'] } };
    expect(withRuleRestored(s, 'a', 'x').siteIgnoredRules).toEqual({ a: ['y'] });
    expect(withRuleRestored(withRuleRestored(s, 'a', 'x'), 'a', 'y').siteIgnoredRules).toEqual({});
    expect(withRuleRestored(s, 'a', 'z')).toBe(s);
    expect(withDebounce(s, 333).debounceMs).toBe(333);
    expect(withDebounce(s, -10).debounceMs).toBe(0);
    expect(withDebounce(s, s.debounceMs)).toBe(s);
  });
});

describe('settings messages', () => {
  const SELF = { id: 'ext', baseUrl: 'chrome-extension://ext/' };
  const page = { id: 'ext', url: 'chrome-extension://ext/options.html', origin: 'chrome-extension://ext' };
  const content = { id: 'ext', url: 'https://a.example/', origin: 'https://a.example', tab: { id: 1 } };
  const seen: [string, unknown][] = [];
  const record = (type: string) => (data: unknown) => {
    seen.push([type, data]);
    return true;
  };
  const types = ['setCheckingEnabled', 'setRulesEnabled', 'restoreRuleOnSite', 'setDebounceMs', 'setLanguage', 'resumeSite', 'resumeSiteFields', 'restoreSiteFields', 'importDictionary'];
  const dispatch = createDispatcher(Object.fromEntries(types.map((t) => [t, record(t)])) as unknown as MessageHandlers, SELF);
  const valid: Record<string, unknown> = {
    setCheckingEnabled: { enabled: false },
    setRulesEnabled: { rules: ['de-di-de', 'wrong-char'], enabled: false },
    restoreRuleOnSite: { site: 'a.example', rule: 'stray-space' },
    setDebounceMs: { ms: 300 },
    setLanguage: { language: 'en' },
    resumeSite: { site: 'a.example' },
    resumeSiteFields: { site: 'a.example' },
    restoreSiteFields: { site: 'a.example', fields: ['/#body'] },
    importDictionary: { words: ['两学一做'] },
  };

  it('are answered from extension pages and refused from content scripts, even for their own site', async () => {
    for (const type of types) {
      await expect(dispatch(type, valid[type], content), type).rejects.toBeInstanceOf(MessageRefused);
      expect(await dispatch(type, valid[type], page), type).toBe(true);
    }
    expect(seen.map(([t]) => t)).toEqual(types);
  });

  it('refuse unknown rules, out-of-range pauses and oversized lists before the handler runs', async () => {
    seen.length = 0;
    for (const [type, data] of [
      ['setRulesEnabled', { rules: ['not-a-rule'], enabled: false }],
      ['setRulesEnabled', { rules: [], enabled: false }],
      ['setRulesEnabled', { rules: ['de-di-de'], enabled: 'no' }],
      ['setDebounceMs', { ms: 5000 }],
      ['setDebounceMs', { ms: 12.5 }],
      ['restoreSiteFields', { site: 'a.example', fields: [] }],
      ['importDictionary', { words: Array.from({ length: MAX_WORDS + 1 }, (_, i) => `词${i}`) }],
      ['importDictionary', { words: ['x'.repeat(500)] }],
      ['resumeSite', { site: 'a b' }],
      ['setLanguage', { language: 'fr' }],
    ] as const) {
      await expect(dispatch(type, data, page), `${type} ${JSON.stringify(data).slice(0, 60)}`).rejects.toBeInstanceOf(MessageRefused);
    }
    expect(seen).toEqual([]);
  });
});

describe('locale texts', () => {
  it('are readable by content scripts (the card needs them) for the two shipped locales only', async () => {
    const SELF = { id: 'ext', baseUrl: 'chrome-extension://ext/' };
    const content = { id: 'ext', url: 'https://a.example/', origin: 'https://a.example', tab: { id: 1 } };
    const dispatch = createDispatcher({ getLocaleMessages: (d: { locale: string }) => ({ localeCode: { message: d.locale } }) } as unknown as MessageHandlers, SELF);
    expect(await dispatch('getLocaleMessages', { locale: 'en' }, content)).toEqual({ localeCode: { message: 'en' } });
    for (const locale of ['fr', '../../manifest', '']) await expect(dispatch('getLocaleMessages', { locale }, content)).rejects.toBeInstanceOf(MessageRefused);
  });
});
