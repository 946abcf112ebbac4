import { describe, expect, it } from 'vitest';
import { SnippetIndex, type Snippet } from '@/lib/snippets';
import { align } from '@/lib/snippets/pinyin';
import { letterMask, packFields, scanField } from '@/lib/snippets/scan';

const snippet = (id: number, body: string, title = ''): Snippet => ({ id, title, body, tags: [], source: 'manual', createdAt: 1, updatedAt: 1, useCount: 0, lastUsedAt: 0 });

describe('letter masks (fields passed over by a reading query)', () => {
  it('hold the letters of the syllables and one bit for any digit', () => {
    expect(letterMask('sanhuiyike')).toBe(letterMask('aehiknsuy'));
    expect(letterMask('xian5feng')).toBe(letterMask('xianfeng') | (1 << 26));
    expect(letterMask('')).toBe(0);
  });

  it('never drop a field a query reaches by reading', () => {
    const fields = ['严格落实三会一课制度', '充分发挥先锋模范作用', '全年增长5.2%', '绿色发展'].map((t) => align(t));
    const packed = packFields(fields);
    const found = (q: string) => Array.from(scanField(packed, q, true).start).map((s, i) => (s >= 0 ? i : -1)).filter((i) => i >= 0);
    expect(found('shyk')).toEqual([0]);
    expect(found('xfmf')).toEqual([1]);
    expect(found('lvse')).toEqual([3]);
    expect(found('zz5')).toEqual([2]);
    // Letters no syllable of any field has.
    expect(found('shykq')).toEqual([]);
  });

  it('leave the search results as they were', () => {
    const index = new SnippetIndex();
    [
      snippet(1, '严格落实“三会一课”制度，提高组织生活质量。', '三会一课'),
      snippet(2, '充分发挥共产党员先锋模范作用。'),
      snippet(3, '以党建引领基层治理，推动党组织全面覆盖。'),
    ].forEach((s) => index.put(s));
    expect(index.search('shyk').hits.map((h) => h.snippet.id)).toEqual([1]);
    expect(index.search('djyl').hits.map((h) => h.snippet.id)).toEqual([3]);
    expect(index.search('党建yl').hits.map((h) => h.snippet.id)).toEqual([3]);
    expect(index.search('zzsh').hits.map((h) => h.snippet.id)).toEqual([1]);
    expect(index.search('qxzv').total).toBe(0);
  });
});
