import { describe, expect, it } from 'vitest';
import { checkTrigger, DEFAULT_SNIPPET_TRIGGER, findTrigger, normalizeTrigger } from '@/lib/snippets/trigger';

describe('inline trigger', () => {
  it('is found before the caret with the letters, initials or characters typed after it', () => {
    expect(findTrigger('//', '//')).toEqual({ start: 0, query: '' });
    expect(findTrigger('要认真落实//shyk', '//')).toEqual({ start: 5, query: 'shyk' });
    expect(findTrigger('开头 //党建yl', '//')).toEqual({ start: 3, query: '党建yl' });
    expect(findTrigger('第一段\n//xfmf', '//')).toEqual({ start: 4, query: 'xfmf' });
    expect(findTrigger('标签：//#组织', '//')).toEqual({ start: 3, query: '#组织' });
    expect(findTrigger('句子；;;zz', ';;')).toEqual({ start: 3, query: 'zz' });
    // A Chinese input method in full-width punctuation mode types ／／ (and the query may follow in full-width letters' place).
    expect(findTrigger('要认真／／xfmf', '//')).toEqual({ start: 3, query: 'xfmf' });
    expect(findTrigger('要认真/／shyk', '//')).toEqual({ start: 3, query: 'shyk' });
    expect(findTrigger('见 https:／／', '//')).toBeNull();
    expect(findTrigger('ａ／／ｂ', '//')).toBeNull();
  });

  it('does not open in URLs, between words, in rule lines or after a long run', () => {
    expect(findTrigger('见 https://', '//')).toBeNull();
    expect(findTrigger('见 https://example', '//')).toBeNull();
    expect(findTrigger('a//b', '//')).toBeNull();
    expect(findTrigger('1//2', '//')).toBeNull();
    expect(findTrigger('///', '//')).toBeNull();
    expect(findTrigger(`//${'a'.repeat(30)}`, '//')).toBeNull();
    expect(findTrigger('// shyk', '//')).toBeNull();
    expect(findTrigger('//shyk', '')).toBeNull();
  });

  it('may be punctuation or symbols, never letters, digits, Han or spaces; empty switches it off', () => {
    expect(checkTrigger('//')).toBe('//');
    expect(checkTrigger(';;')).toBe(';;');
    expect(checkTrigger('、、')).toBe('、、');
    expect(checkTrigger('')).toBe('');
    for (const bad of ['zz', '1/', '党/', '/ ', '#', '/////', 7, null]) expect(checkTrigger(bad)).toBeNull();
    expect(normalizeTrigger(undefined)).toBe(DEFAULT_SNIPPET_TRIGGER);
    expect(normalizeTrigger('zz')).toBe(DEFAULT_SNIPPET_TRIGGER);
    expect(normalizeTrigger('')).toBe('');
  });
});
