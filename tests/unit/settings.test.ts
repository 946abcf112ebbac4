import { describe, expect, test } from 'vitest';
import { analyzeOptions, DEFAULT_SETTINGS, normalizeSettings, SETTINGS_KEY, watchSettings, type SettingsStorage } from '../../lib/settings';

describe('settings', () => {
  test('normalizeSettings fills defaults and drops malformed values', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings('x')).toEqual(DEFAULT_SETTINGS);
    expect(
      normalizeSettings({ enabled: false, rules: { 'repeated-word': false, bad: 'no', 'de-di-de': true }, dictionary: ['形式', 3, ''] }),
    ).toEqual({ enabled: false, rules: { 'repeated-word': false, 'de-di-de': true }, dictionary: ['形式'] });
    expect(normalizeSettings({ rules: ['x'] }).rules).toEqual({});
  });

  test('analyzeOptions passes rule switches and the dictionary to the engine', () => {
    expect(analyzeOptions({ enabled: true, rules: { a: false }, dictionary: ['b'] })).toEqual({ rules: { a: false }, dictionary: ['b'] });
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
