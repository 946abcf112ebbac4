import { describe, expect, it } from 'vitest';
import { SnippetIndex, TIER, matchTitle, type Snippet } from '@/lib/snippets';
import { align } from '@/lib/snippets/pinyin';
import { findMixed, foldQuery, isSubsequence } from '@/lib/snippets/match';

let nextId = 1;
function snippet(body: string, extra: Partial<Snippet> = {}): Snippet {
  return { id: nextId++, title: '', body, tags: [], source: 'manual', createdAt: 1, updatedAt: 1, useCount: 0, lastUsedAt: 0, ...extra };
}

/** Phrasings of the genre written for these tests (not taken from the seed essays). */
function library() {
  nextId = 1;
  const s = {
    vanguard: snippet('在急难险重任务面前，充分发挥共产党员先锋模范作用，做到平常时候看得出来、关键时刻站得出来。', { title: '先锋模范作用' }),
    meetings: snippet('严格落实“三会一课”制度，按期召开支部党员大会、支委会和党小组会，书记每年至少讲一次党课。', { title: '三会一课' }),
    meetingsLong: snippet('结合主题党日，把“三会一课”开在项目一线。', { title: '三会一课开在一线' }),
    lead: snippet('以党建引领基层治理，把党的组织优势转化为治理效能。', { tags: ['基层党建', '社区治理'] }),
    leadership: snippet('坚持和加强党的全面领导，把方向、管大局、保落实。'),
    rural: snippet('以党建引领乡村振兴，选优配强村党组织带头人。', { tags: ['乡村振兴'] }),
    bank: snippet('银行行长带头走访小微企业，了解融资难题。', { title: '银行行长走访' }),
    gdp: snippet('全年GDP增长5.2%，重点项目投资完成率达到百分之九十五以上。', { title: '经济运行GDP' }),
    education: snippet('开展“学思想、强党性、重实践、建新功”主题教育。', { title: '主题教育总要求', tags: ['主题教育'] }),
  };
  const index = new SnippetIndex();
  for (const x of Object.values(s)) index.put(x);
  return { s, index };
}

const ids = (index: SnippetIndex, q: string, options = {}) => index.search(q, options).hits.map((h) => h.snippet.id);

describe('mixed character and pinyin matching', () => {
  it('reads polyphones in context', () => {
    // 会 hui (not kuai), 行 hang (not xing), 长 zhang (not chang): readings come from the whole text.
    expect(findMixed('shyk', align('三会一课'))).toEqual({ start: 0, end: 4 });
    expect(findMixed('yhhz', align('银行行长'))).toEqual({ start: 0, end: 4 });
    expect(findMixed('yinhanghangzhang', align('银行行长'))).toEqual({ start: 0, end: 4 });
    expect(findMixed('yxxc', align('银行行长'))).toBeNull();
  });

  it('takes initials, full spelling and any mix of prefixes', () => {
    const a = align('先锋模范作用');
    for (const q of ['xfmfzy', 'xfmf', 'xianfeng', 'xianfengmofan', 'xianfmf', 'xfeng', 'xfmofanzy', 'xiafmf']) {
      expect(findMixed(q, a), q).toEqual({ start: 0, end: expect.any(Number) });
    }
    expect(findMixed('xianfeng', a)).toEqual({ start: 0, end: 2 });
    expect(findMixed('mfzy', a)).toEqual({ start: 2, end: 6 });
    expect(findMixed('xfzy', a)).toBeNull(); // a match is contiguous; skipping is the subsequence tier
    expect(findMixed('xfmfzyz', a)).toBeNull();
  });

  it('mixes characters with pinyin', () => {
    const a = align('以党建引领基层治理');
    expect(findMixed('党建yl', a)).toEqual({ start: 1, end: 5 });
    expect(findMixed('djyl', a)).toEqual({ start: 1, end: 5 });
    expect(findMixed('党jian引ling', a)).toEqual({ start: 1, end: 5 });
    expect(findMixed('党建yx', a)).toBeNull();
  });

  it('passes over punctuation and spaces inside a match, not at its start', () => {
    const a = align('按期开展“三会一课”活动');
    expect(findMixed('kzshyk', a)).toEqual({ start: 2, end: 9 });
    expect(findMixed('开展三会', a)).toEqual({ start: 2, end: 7 });
    expect(findMixed('ykhd', a)).toEqual({ start: 7, end: 12 });
  });

  it('matches Latin letters, digits and full-width forms literally, and ü as v', () => {
    expect(findMixed('gdpzz', align('全年ＧＤＰ增长'))).toEqual({ start: 2, end: 7 });
    expect(findMixed(foldQuery('ＧＤＰ'), align('GDP增长'))).toEqual({ start: 0, end: 3 });
    expect(findMixed('lvse', align('绿色发展'))).toEqual({ start: 0, end: 2 });
    expect(findMixed('52', align('增长5.2%'))).toEqual({ start: 2, end: 5 });
  });

  it('keeps UTF-16 offsets right around characters outside the BMP', () => {
    const a = align('𠮷祥如意');
    expect(findMixed('xiangry', a)).toEqual({ start: 2, end: 5 });
    expect(findMixed('𠮷祥', a)).toEqual({ start: 0, end: 3 });
  });

  it('ends on a query that can be split many ways and never matches', () => {
    // Every 是 reads shi, so each one can take s, sh or shi; the query fails only at its last letter.
    const a = align('是'.repeat(300));
    expect(findMixed(`${'shi'.repeat(30)}x`, a)).toBeNull();
    expect(findMixed('shi'.repeat(30), a)).toEqual({ start: 0, end: 30 });
  });

  it('abbreviations: a subsequence anchored at the first character', () => {
    expect(isSubsequence('xfzy', align('先锋模范作用'))).toBe(true);
    expect(isSubsequence('党领', align('党的全面领导'))).toBe(true);
    expect(isSubsequence('fzy', align('先锋模范作用'))).toBe(false);
    expect(isSubsequence('x', align('先锋模范作用'))).toBe(false);
  });
});

describe('search and ranking', () => {
  it('finds by pinyin initials (xfmf, shyk) and mixed queries (党建yl)', () => {
    const { s, index } = library();
    expect(ids(index, 'xfmf')[0]).toBe(s.vanguard.id);
    expect(ids(index, 'shyk').slice(0, 2)).toEqual([s.meetings.id, s.meetingsLong.id]);
    expect(ids(index, '党建yl')).toEqual(expect.arrayContaining([s.lead.id, s.rural.id]));
    expect(ids(index, '党建yljc')).toEqual([s.lead.id]);
    expect(ids(index, 'xianfeng')[0]).toBe(s.vanguard.id);
    expect(ids(index, 'jchl')).toEqual([s.leadership.id]);
  });

  it('ranks exact title > title prefix > reading prefix > tag > substring > body > subsequence', () => {
    const { s, index } = library();
    const r = index.search('三会一课');
    expect(r.hits.map((h) => [h.snippet.id, h.score])).toEqual([
      [s.meetings.id, TIER.exactTitle],
      [s.meetingsLong.id, TIER.titlePrefix],
    ]);
    expect(index.search('shyk').hits[0]!.score).toBe(TIER.titleReadingPrefix);
    expect(index.search('一课').hits[0]!.score).toBe(TIER.titleSubstring);
    expect(index.search('mfzy').hits[0]!.score).toBe(TIER.titleReading);
    expect(index.search('党小组会').hits.map((h) => [h.snippet.id, h.score, h.field])).toEqual([[s.meetings.id, TIER.bodySubstring, 'body']]);
    // (dxzh would also match 党性、重… in another body: 重 reads zhong, and zh is a prefix of it.)
    expect(index.search('dangxiaozu').hits.map((h) => [h.snippet.id, h.score])).toEqual([[s.meetings.id, TIER.bodyReading]]);
    expect(index.search('xfzy').hits.map((h) => [h.snippet.id, h.score])).toEqual([[s.vanguard.id, TIER.titleSubsequence]]);
    expect(index.search('乡村').hits.map((h) => [h.snippet.id, h.score])).toEqual([[s.rural.id, TIER.titleSubstring]]);
    expect(index.search('乡村振兴').hits.map((h) => [h.snippet.id, h.score])).toEqual([[s.rural.id, TIER.tagExact]]);
    expect(index.search('社区治理').hits.map((h) => [h.snippet.id, h.score])).toEqual([[s.lead.id, TIER.tagExact]]);
  });

  it('a snippet without a title is matched by its opening as title', () => {
    const { s, index } = library();
    expect(matchTitle(s.lead)).toBe(s.lead.body);
    expect(index.search('以党建').hits.map((h) => [h.snippet.id, h.score])).toEqual([
      [s.lead.id, TIER.titlePrefix],
      [s.rural.id, TIER.titlePrefix],
    ]);
  });

  it('breaks ties by use count, then recency', () => {
    const { s, index } = library();
    index.put({ ...s.rural, useCount: 3 });
    expect(ids(index, '以党建')).toEqual([s.rural.id, s.lead.id]);
    index.put({ ...s.lead, useCount: 3, lastUsedAt: 10 });
    expect(ids(index, '以党建')).toEqual([s.lead.id, s.rural.id]);
    // Use never lifts a snippet over a better match.
    index.put({ ...s.meetingsLong, useCount: 99 });
    expect(ids(index, '三会一课')[0]).toBe(s.meetings.id);
  });

  it('tags: #term matches tags only; the tag option filters', () => {
    const { s, index } = library();
    expect(ids(index, '#基层')).toEqual([s.lead.id]);
    expect(ids(index, '#jcdj')).toEqual([s.lead.id]);
    expect(ids(index, '#三会')).toEqual([]);
    expect(ids(index, 'yl', { tag: '乡村振兴' })).toEqual([s.rural.id]);
    expect(ids(index, '', { tag: '主题教育' })).toEqual([s.education.id]);
  });

  it('every term must match; score is the weakest term', () => {
    const { s, index } = library();
    expect(ids(index, '党建 乡村')).toEqual([s.rural.id]);
    expect(ids(index, 'djyl xczx')).toEqual([s.rural.id]);
    expect(ids(index, '党建 不存在的词')).toEqual([]);
  });

  it('case, width and NFC do not matter', () => {
    const { s, index } = library();
    expect(ids(index, 'gdp')).toContain(s.gdp.id);
    expect(ids(index, 'ＧＤＰ')).toContain(s.gdp.id);
    expect(ids(index, 'XFMF')[0]).toBe(s.vanguard.id);
    expect(ids(index, 'yhhz')).toEqual([s.bank.id]);
  });

  it('empty query lists everything, most used and most recent first; limit and total', () => {
    const { s, index } = library();
    index.put({ ...s.gdp, useCount: 5 });
    index.put({ ...s.bank, useCount: 1, lastUsedAt: 50 });
    const r = index.search('', { limit: 3 });
    expect(r.total).toBe(9);
    expect(r.hits.map((h) => h.snippet.id)).toEqual([s.gdp.id, s.bank.id, s.vanguard.id]);
    expect(index.search('d', { limit: 2 }).hits).toHaveLength(2);
    expect(index.search('d', { limit: 0 }).hits).toHaveLength(0);
  });

  it('put replaces, delete removes', () => {
    const { s, index } = library();
    index.put({ ...s.bank, title: '', body: '全面从严治党永远在路上' });
    expect(ids(index, 'qmcy')).toEqual([s.bank.id]);
    expect(ids(index, 'yhhz')).toEqual([]);
    index.delete(s.bank.id);
    expect(ids(index, 'qmcy')).toEqual([]);
    expect(index.size).toBe(8);
  });

  it('returns the matched range for highlighting', () => {
    const { s, index } = library();
    const hit = index.search('mfzy').hits[0]!;
    expect(hit.snippet.id).toBe(s.vanguard.id);
    expect(hit.field).toBe('title');
    expect(s.vanguard.title.slice(hit.range!.start, hit.range!.end)).toBe('模范作用');
  });
});
