import { describe, expect, test } from 'vitest';
import {
  analyzeOptions,
  checksSite,
  DEFAULT_SETTINGS,
  normalizeSettings,
  SETTINGS_KEY,
  siteKey,
  watchSettings,
  withRuleIgnored,
  withSiteEnabled,
  type SettingsStorage,
} from '../../lib/settings';

describe('settings', () => {
  test('normalizeSettings fills defaults and drops malformed values', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings('x')).toEqual(DEFAULT_SETTINGS);
    expect(
      normalizeSettings({
        enabled: false,
        rules: { 'repeated-word': false, bad: 'no', 'de-di-de': true },
        dictionary: ['形式'], // an old field: the dictionary lives in IndexedDB now
        disabledSites: ['a.example', 3, '', 'a.example'],
        siteIgnoredRules: { 'b.example': ['stray-space', 7, 'stray-space'], 'c.example': 'x', 'd.example': [] },
        debounceMs: 99_999,
        language: 'fr',
        groupSeverity: { typo: 'info', punctuation: 'fatal', nonsense: 'error', spacing: null },
      }),
    ).toEqual({
      enabled: false,
      rules: { 'repeated-word': false, 'de-di-de': true },
      disabledSites: ['a.example'],
      siteIgnoredRules: { 'b.example': ['stray-space'] },
      debounceMs: 2000,
      language: 'auto',
      groupSeverity: { typo: 'info' },
    });
    expect(normalizeSettings({ language: 'en' }).language).toBe('en');
    expect(normalizeSettings({ language: 'zh_CN' }).language).toBe('zh_CN');
    expect(normalizeSettings({ rules: ['x'] }).rules).toEqual({});
    expect(normalizeSettings({ debounceMs: -5 }).debounceMs).toBe(0);
    expect(normalizeSettings({ debounceMs: 'fast' }).debounceMs).toBe(DEFAULT_SETTINGS.debounceMs);
  });

  test('analyzeOptions passes rule switches, the site\'s ignored rules and the dictionary to the engine', () => {
    const s = { ...normalizeSettings(undefined), rules: { a: false }, siteIgnoredRules: { 'x.example': ['b'] } };
    expect(analyzeOptions(s)).toEqual({ rules: { a: false } });
    expect(analyzeOptions(s, { site: 'y.example', dictionary: ['词'] })).toEqual({ rules: { a: false }, dictionary: ['词'] });
    expect(analyzeOptions(s, { site: 'x.example' })).toEqual({ rules: { a: false, b: false } });
    expect(analyzeOptions(s, { site: 'x.example', ignoredRules: new Set(['c']) })).toEqual({ rules: { a: false, b: false, c: false } });
  });

  test('site keys, per-site switches and ignored rules', () => {
    expect(siteKey('https://www.example.com:8080/a?b')).toBe('www.example.com');
    expect(siteKey('http://127.0.0.1:5173/p.html')).toBe('127.0.0.1');
    expect(siteKey('file:///home/a.html')).toBe('file:');
    expect(siteKey('not a url')).toBe('');
    const s = normalizeSettings(undefined);
    const off = withSiteEnabled(s, 'x.example', false);
    expect(checksSite(off, 'x.example')).toBe(false);
    expect(checksSite(off, 'y.example')).toBe(true);
    expect(checksSite(withSiteEnabled(off, 'x.example', true), 'x.example')).toBe(true);
    expect(checksSite({ ...s, enabled: false }, 'y.example')).toBe(false);
    const ignored = withRuleIgnored(s, 'x.example', 'stray-space');
    expect(ignored.siteIgnoredRules).toEqual({ 'x.example': ['stray-space'] });
    expect(withRuleIgnored(ignored, 'x.example', 'stray-space')).toBe(ignored);
    expect(s.siteIgnoredRules).toEqual({}); // not mutated
  });

  test('watchSettings reads storage, follows changes and stops on abort', async () => {
    type Listener = Parameters<SettingsStorage['onChanged']['addListener']>[0];
    const listeners = new Set<Listener>();
    const storage: SettingsStorage = {
      local: { get: async () => ({ [SETTINGS_KEY]: { enabled: false } }) },
      onChanged: { addListener: (cb) => listeners.add(cb), removeListener: (cb) => listeners.delete(cb) },
    };
    const seen: boolean[] = [];
    const controller = new AbortController();
    const first = await watchSettings(storage, controller.signal, (s) => seen.push(s.enabled));
    expect(first.enabled).toBe(false);
    for (const cb of listeners) cb({ [SETTINGS_KEY]: { newValue: { enabled: true } } }, 'local');
    for (const cb of listeners) cb({ [SETTINGS_KEY]: { newValue: { enabled: false } } }, 'sync');
    for (const cb of listeners) cb({ other: { newValue: 1 } }, 'local');
    expect(seen).toEqual([true]);
    controller.abort();
    expect(listeners.size).toBe(0);
  });

  test('watchSettings falls back to the defaults when storage fails', async () => {
    const storage: SettingsStorage = {
      local: { get: () => Promise.reject(new Error('no storage')) },
      onChanged: { addListener() {}, removeListener() {} },
    };
    expect(await watchSettings(storage, new AbortController().signal, () => {})).toEqual(DEFAULT_SETTINGS);
  });
});
