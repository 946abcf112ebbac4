import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { localeLoader } from '@/lib/storage/locale-files';
import { SettingsStore } from '@/lib/storage/settings-store';
import { activeLocale, cardLocale, LOCALE_CODE_KEY, localeMessagesOf, pageLocale, translate } from '@/lib/ui-language';
import { memoryArea } from './storage/memory-area';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (l: string) => readFileSync(path.join(ROOT, 'public/_locales', l, 'messages.json'), 'utf8');
const zh = localeMessagesOf(JSON.parse(read('zh_CN')));
const en = localeMessagesOf(JSON.parse(read('en')));

describe('interface language', () => {
  it('pages follow the setting, or the browser when it says auto', () => {
    expect(pageLocale('auto', 'en')).toBe('en');
    expect(pageLocale('auto', 'zh_CN')).toBe('zh_CN');
    expect(pageLocale('zh_CN', 'en')).toBe('zh_CN');
    expect(pageLocale('en', 'zh_CN')).toBe('en');
  });

  it('the card speaks its messages\' language (Chinese) unless English was chosen, whatever the browser', () => {
    expect(cardLocale('auto')).toBe('zh_CN');
    expect(cardLocale('zh_CN')).toBe('zh_CN');
    expect(cardLocale('en')).toBe('en');
  });

  it('every locale file names itself, so code can tell which one chrome.i18n uses (others fall back to zh_CN)', () => {
    expect(translate(zh, LOCALE_CODE_KEY)).toBe('zh_CN');
    expect(translate(en, LOCALE_CODE_KEY)).toBe('en');
    expect(activeLocale('en')).toBe('en');
    expect(activeLocale('zh_CN')).toBe('zh_CN');
    expect(activeLocale('')).toBe('zh_CN');
  });

  it('translates as chrome.i18n does: named placeholders, $1…, $$, unknown keys empty', () => {
    expect(translate(zh, 'settingsRulesCount', ['3', '15'])).toBe('已开启 3/15 项');
    expect(translate(en, 'settingsRulesCount', ['3', '15'])).toBe('3 of 15 on');
    expect(translate(en, 'settingsRuleRestoreLabel', ['a.example', 'Stray spaces'])).toBe('Check Stray spaces on a.example again');
    expect(translate(zh, 'cardApply')).toBe(zh.cardApply!.message);
    expect(translate(zh, 'no-such-key')).toBe('');
    expect(translate(zh, 'constructor')).toBe('');
    const m = { a: { message: 'cost $$5 for $WHO$, $1', placeholders: { who: { content: '$2' } } } };
    expect(translate(m, 'a', ['x', 'y'])).toBe('cost $5 for y, x');
    expect(translate(m, 'a')).toBe('cost $5 for , ');
  });

  it('both locale files have the same keys and placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh)) expect(Object.keys(en[key]!.placeholders ?? {}).sort(), key).toEqual(Object.keys(zh[key]!.placeholders ?? {}).sort());
  });

  it('reads a locale file once, checks its shape, and reads again after a failure', async () => {
    const readFile = vi.fn(async (p: string) => {
      if (readFile.mock.calls.length === 1) throw new Error('busy');
      return p.includes('/en/') ? JSON.stringify({ x: { message: 'X' }, bad: 3, y: { message: 1 } }) : '{}';
    });
    const load = localeLoader(readFile);
    await expect(load('en')).rejects.toThrow('busy');
    expect(await load('en')).toEqual({ x: { message: 'X' } });
    expect(await load('en')).toEqual({ x: { message: 'X' } });
    expect(readFile).toHaveBeenCalledTimes(2);
    expect(readFile).toHaveBeenLastCalledWith('/_locales/en/messages.json');
  });

  it('is stored by the settings store, written only on a change', async () => {
    const area = memoryArea();
    const store = new SettingsStore(area);
    expect((await store.read()).language).toBe('auto');
    expect(await store.setLanguage('en')).toBe(true);
    expect(await store.setLanguage('en')).toBe(false);
    expect((await store.read()).language).toBe('en');
  });
});
