import { describe, expect, it } from 'vitest';
import type { Category } from '@/lib/engine/types';
import { offersDictionary } from '@/lib/editors/dictionary-offer';
import { analyze } from '@/lib/engine';

const offer = (category: Category, text: string) => offersDictionary({ category, text });

describe('加入词典 in the fix card', () => {
  it('is offered where a word is flagged', () => {
    expect(offer('typo', '形式')).toBe(true);
    expect(offer('traditional', '發')).toBe(true);
    expect(offer('phrase', '争先创优')).toBe(true);
    expect(offer('repetition', '要要')).toBe(true);
    expect(offer('residue', '展开全部')).toBe(true);
  });

  it('is not offered for marks, spaces, line breaks, heading numbers, 的/地/得 or long passages', () => {
    expect(offer('punctuation', ',')).toBe(false);
    expect(offer('spacing', ' ')).toBe(false);
    expect(offer('linebreak', '\n')).toBe(false);
    expect(offer('structure', '三、')).toBe(false);
    expect(offer('grammar', '的')).toBe(false);
    expect(offer('repetition', '，，')).toBe(false);
    expect(offer('repetition', '同一段话'.repeat(20))).toBe(false);
    expect(offer('residue', '上一篇 下一篇')).toBe(false);
  });

  it('on a real draft: offered on the doubled word and the traditional character, not on the marks or the heading', () => {
    const text = '一、总体情况\n我们要要认真学习,全面發挥作用。。\n三、下步打算\n加强 学习。';
    const offered = analyze(text).issues.map((i) => [i.text, offersDictionary(i)]);
    expect(offered).toContainEqual(['要要', true]);
    expect(offered).toContainEqual(['發', true]);
    expect(offered).toContainEqual([',', false]);
    expect(offered).toContainEqual(['。。', false]);
    expect(offered).toContainEqual(['三、', false]);
  });
});
