import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../scripts/lib/seeds';
import { PhraseMatcher, type PhraseMatch } from '../../lib/engine/matcher';

/** Reference implementation: every occurrence of every non-empty pattern, by indexOf. */
function naiveAll(patterns: readonly string[], text: string): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  patterns.forEach((p, index) => {
    if (!p) return;
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) out.push({ start: at, end: at + p.length, index });
  });
  return out.sort((a, b) => a.start - b.start || b.end - a.end || a.index - b.index);
}

function naiveLeftmostLongest(patterns: readonly string[], text: string): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  let cursor = 0;
  for (const m of naiveAll(patterns, text)) {
    if (m.start < cursor) continue;
    out.push(m);
    cursor = m.end;
  }
  return out;
}


const triples = (ms: PhraseMatch[]) => ms.map((m) => [m.start, m.end, m.index]);

describe('PhraseMatcher', () => {
  it('finds the classic overlapping matches (he, she, his, hers)', () => {
    const m = new PhraseMatcher(['he', 'she', 'his', 'hers']);
    expect(triples(m.findAll('ushers'))).toEqual([
      [1, 4, 1], // she
      [2, 6, 3], // hers (same start as he: longer first)
      [2, 4, 0], // he
    ]);
    expect(triples(m.findAll('ushers', { mode: 'leftmost-longest' }))).toEqual([[1, 4, 1]]);
  });

  it('reports matches of Chinese phrases with exact UTF-16 offsets', () => {
    const m = new PhraseMatcher(['后顾之忧', '解决后顾之忧', '五脏俱全', '肝胆俱全']);
    const text = '为其解决实际困难，解决后顾之忧。麻雀虽小，肝胆俱全';
    const all = m.findAll(text);
    expect(all.map((x) => text.slice(x.start, x.end))).toEqual(['解决后顾之忧', '后顾之忧', '肝胆俱全']);
    expect(m.findAll(text, { mode: 'leftmost-longest' }).map((x) => m.patterns[x.index])).toEqual(['解决后顾之忧', '肝胆俱全']);
  });

  it('handles nested and chained overlaps (suffix links)', () => {
    const patterns = ['a', 'aa', 'aaa', 'ab', 'bab', 'b'];
    const m = new PhraseMatcher(patterns);
    for (const text of ['aaaa', 'ababab', 'baaab', 'b', '']) {
      expect(triples(m.findAll(text)), text).toEqual(triples(naiveAll(patterns, text)));
      expect(triples(m.findAll(text, { mode: 'leftmost-longest' })), text).toEqual(
        triples(naiveLeftmostLongest(patterns, text)),
      );
    }
  });

  it('reports every index of duplicate patterns and ignores empty patterns', () => {
    const m = new PhraseMatcher(['', '党建', '党建', '']);
    expect(m.size).toBe(4);
    expect(triples(m.findAll('抓党建'))).toEqual([
      [1, 3, 1],
      [1, 3, 2],
    ]);
    expect(new PhraseMatcher([]).findAll('任何文本')).toEqual([]);
    expect(new PhraseMatcher(['']).findAll('')).toEqual([]);
  });

  it('returns nothing for empty input and non-matching input', () => {
    const m = new PhraseMatcher(['创先争优']);
    expect(m.findAll('')).toEqual([]);
    expect(m.findAll('争先创优')).toEqual([]);
    expect(m.test('')).toBe(false);
    expect(m.test('开展创先争优活动')).toBe(true);
  });

  it('never splits surrogate pairs and matches astral characters exactly', () => {
    const m = new PhraseMatcher(['𠮷', '𠮷野家', '野']);
    const text = '𠮷野家和𠮷';
    expect(triples(m.findAll(text))).toEqual([
      [0, 4, 1],
      [0, 2, 0],
      [2, 3, 2],
      [5, 7, 0],
    ]);
    // Another astral character sharing the high surrogate (U+20BB7 vs U+20BB8) does not match.
    expect(m.findAll('\u{20BB8}')).toEqual([]);
    // Lone surrogates in the text do not break the scan.
    expect(triples(m.findAll('\ud842野\udfb7𠮷'))).toEqual([
      [1, 2, 2],
      [3, 5, 0],
    ]);
  });

  it('restricts the scan to [from, to) and keeps absolute offsets', () => {
    const m = new PhraseMatcher(['党员', '党员干部']);
    const text = '党员干部和党员干部';
    expect(triples(m.findAll(text, { from: 1 }))).toEqual([
      [5, 9, 1],
      [5, 7, 0],
    ]);
    expect(triples(m.findAll(text, { from: 5, to: 8 }))).toEqual([[5, 7, 0]]);
    expect(m.findAll(text, { from: 100 })).toEqual([]);
    expect(m.findAll(text, { from: -5, to: 2 }).length).toBe(1);
  });

  it('lets forEachMatch stop early', () => {
    const m = new PhraseMatcher(['a']);
    let calls = 0;
    m.forEachMatch('aaaa', () => {
      calls++;
      return calls < 2;
    });
    expect(calls).toBe(2);
  });

  it('agrees with a naive search on random texts and patterns', () => {
    const random = mulberry32(20240521);
    const alphabet = ['党', '建', '员', 'a', 'b', '𠮷', '，', '\ud842'];
    const pick = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let round = 0; round < 200; round++) {
      const patterns = Array.from({ length: 1 + Math.floor(random() * 12) }, () => pick(Math.floor(random() * 5)));
      const m = new PhraseMatcher(patterns);
      const text = pick(Math.floor(random() * 60));
      expect(triples(m.findAll(text))).toEqual(triples(naiveAll(patterns, text)));
      expect(triples(m.findAll(text, { mode: 'leftmost-longest' }))).toEqual(
        triples(naiveLeftmostLongest(patterns, text)),
      );
      // Both scans see the same matches, each in its own documented order.
      const byStart: number[][] = [];
      m.forEachByStart(text, (start, end, index) => {
        byStart.push([start, end, index]);
      });
      expect(byStart).toEqual(
        triples(naiveAll(patterns, text)).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!),
      );
      const byEnd: number[][] = [];
      m.forEachMatch(text, (start, end, index) => {
        byEnd.push([start, end, index]);
      });
      expect(byEnd).toEqual(
        triples(naiveAll(patterns, text)).sort((a, b) => a[1]! - b[1]! || a[0]! - b[0]! || a[2]! - b[2]!),
      );
      const from = Math.floor(random() * (text.length + 1));
      const to = from + Math.floor(random() * (text.length + 1 - from));
      const inRange: number[][] = [];
      m.forEachByStart(text, (start, end, index) => void inRange.push([start, end, index]), from, to);
      expect(inRange).toEqual(byStart.filter(([s, e]) => s! >= from && e! <= to));
    }
  });

  it('lets forEachByStart stop early', () => {
    const m = new PhraseMatcher(['a', 'aa']);
    const seen: number[][] = [];
    m.forEachByStart('aaaa', (start, end) => {
      seen.push([start, end]);
      return seen.length < 3;
    });
    expect(seen).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
  });

  it('handles nodes with many children (bisection path) and large alphabets', () => {
    const patterns: string[] = [];
    for (let c = 0x4e00; c < 0x4e00 + 300; c++) patterns.push('党' + String.fromCharCode(c));
    patterns.push('党');
    const m = new PhraseMatcher(patterns);
    const text = '党丁党一党' + String.fromCharCode(0x4e00 + 299) + '党';
    expect(triples(m.findAll(text))).toEqual(triples(naiveAll(patterns, text)));
  });

  it('scans 100k characters quickly and correctly', () => {
    const phrases = ['解决后顾之忧', '肝胆俱全', '争先创优', '三会一科', '先锋模范做用', '战斗壁垒', '事实求是', '以身做则'];
    const filler = '党支部书记要认真学习贯彻党的路线方针政策，发挥战斗堡垒作用和党员先锋模范作用。';
    let text = '';
    let planted = 0;
    while (text.length < 100_000) {
      text += filler;
      if (text.length % 7 === 0) {
        text += phrases[planted % phrases.length];
        planted++;
      }
    }
    const m = new PhraseMatcher(phrases);
    const found = m.findAll(text);
    expect(triples(found)).toEqual(triples(naiveAll(phrases, text)));
    expect(found.length).toBe(planted);
  });

  it('builds a matcher of 20k patterns', () => {
    const patterns = Array.from({ length: 20_000 }, (_, i) => String.fromCharCode(0x4e00 + (i % 500), 0x4e00 + ((i * 7) % 800), 0x4e00 + (i % 13)));
    const m = new PhraseMatcher(patterns);
    const text = patterns.slice(100, 200).join('，');
    expect(m.findAll(text).length).toBe(naiveAll(patterns, text).length);
  });
});
