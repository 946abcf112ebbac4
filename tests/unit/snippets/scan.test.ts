import { describe, expect, it } from 'vitest';
import { SnippetIndex, TIER, matchTitle, type Snippet } from '@/lib/snippets';
import { align, alignField, foldText, pinyinField, type Aligned } from '@/lib/snippets/pinyin';
import { findMixed, foldQuery, isSubsequence } from '@/lib/snippets/match';
import { mulberry32 } from '../../../scripts/lib/seeds';

// The packed scan (scan.ts) only visits the places a match can start. This checks it against the plain
// definition — every unit tried with findMixed, literal search with indexOf — on generated snippets.

const WORDS = ['党建', '引领', '基层', '治理', '先锋', '模范', '作用', '三会一课', '主题党日', '组织生活', '乡村振兴', '全面从严治党',
  '作风建设', '重点', '任务', '长期', '银行', '行长', '重要', '重新', '调研', '调查', '落实', '责任', '中国', '政治', '学习', '思想',
  '“', '”', '，', '、', '。', ' ', 'GDP', '2026', '５', 'Ａ', '𠮷'];

function text(random: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += WORDS[Math.floor(random() * WORDS.length)];
  return s;
}

/** Tier of one plain term in a snippet by the definition (search.ts), field by field. */
function reference(q: string, s: Snippet, title: Aligned, body: Aligned): number {
  const tags = s.tags.map((t) => foldText(t).toLowerCase());
  let tag = 0;
  for (const t of tags) {
    if (t === q) tag = Math.max(tag, TIER.tagExact);
    else if (t.startsWith(q) || findMixed(q, align(t))?.start === 0) tag = Math.max(tag, TIER.tagPrefix);
  }
  const at = title.text.indexOf(q);
  if (at === 0) return title.text.length === q.length ? TIER.exactTitle : TIER.titlePrefix;
  let best = at > 0 ? TIER.titleSubstring : 0;
  const m = findMixed(q, title);
  if (m) best = Math.max(best, m.start === 0 ? TIER.titleReadingPrefix : TIER.titleReading);
  best = Math.max(best, tag);
  if (best) return best;
  if (body.text.indexOf(q) >= 0) return TIER.bodySubstring;
  if (findMixed(q, body)) return TIER.bodyReading;
  return isSubsequence(q, title) ? TIER.titleSubsequence : 0;
}

describe('packed scan agrees with the plain definition', () => {
  it('on 300 generated snippets and 400 queries of every kind', () => {
    const random = mulberry32(7);
    const index = new SnippetIndex();
    const snippets: { s: Snippet; title: Aligned; body: Aligned }[] = [];
    for (let id = 1; id <= 300; id++) {
      const s: Snippet = {
        id,
        title: random() < 0.4 ? text(random, 2) : '',
        body: text(random, 3 + Math.floor(random() * 12)),
        tags: random() < 0.2 ? ['基层党建'] : [],
        source: 'manual',
        createdAt: id,
        updatedAt: id,
        useCount: 0,
        lastUsedAt: 0,
      };
      index.put(s);
      snippets.push({ s, title: alignField(matchTitle(s), pinyinField(matchTitle(s))), body: align(s.body, 2000) });
    }
    let checked = 0;
    let matched = 0;
    let cutShort = 0;
    for (let n = 0; n < 400; n++) {
      const { s, body } = snippets[Math.floor(random() * snippets.length)]!;
      const from = Math.floor(random() * Math.max(1, body.n - 4));
      const len = 1 + Math.floor(random() * 5);
      let q = '';
      for (let t = from; t < Math.min(body.n, from + len); t++) {
        const syllable = body.full.slice(body.starts.charCodeAt(t), body.starts.charCodeAt(t + 1));
        const r = random();
        // Each unit as its character, its initial, its full spelling or a prefix of it.
        if (s.body[t] === ' ') continue; // a space would split the query into two terms
        q += !syllable || r < 0.25 ? s.body[t] : r < 0.55 ? syllable[0] : r < 0.8 ? syllable : syllable.slice(0, 1 + Math.floor(random() * syllable.length));
      }
      if (random() < 0.15) q += 'qx'; // sometimes a miss
      const folded = foldQuery(q);
      if (!folded || folded.startsWith('#')) continue;
      const expected = new Map<number, number>();
      for (const x of snippets) {
        const tier = reference(folded, x.s, x.title, x.body);
        if (tier) expected.set(x.s.id, tier);
      }
      const got = new Map(index.search(q, { limit: 1000 }).hits.map((h) => [h.snippet.id, h.score]));
      expect(got, q).toEqual(expected);
      // A small top may be filled by titles and tags before the bodies are scanned: the same hits, and
      // a total that says it is a lower bound.
      for (const limit of [1, 5]) {
        const exact = index.search(q, { limit, exactTotal: true });
        const cut = index.search(q, { limit });
        expect(cut.hits, `${q} (limit ${limit})`).toEqual(exact.hits);
        expect(exact.total).toBe(expected.size);
        expect(exact.more).toBeUndefined();
        if (cut.more) {
          cutShort++;
          expect(cut.total).toBeGreaterThanOrEqual(limit);
          expect(cut.total).toBeLessThanOrEqual(expected.size);
        } else expect(cut.total).toBe(expected.size);
      }
      checked++;
      matched += expected.size;
    }
    expect(checked).toBeGreaterThan(300);
    expect(matched).toBeGreaterThan(checked); // the queries do find things
    expect(cutShort).toBeGreaterThan(50); // and the early cut is exercised
  });
});
