import { describe, expect, it } from 'vitest';
import { createAnalyzer, rules } from '@/lib/engine';
import { splitParagraphs } from '@/lib/engine/paragraphs';
import { mulberry32 } from '../../scripts/lib/seeds';

/** The obvious per-character splitter, as the reference the fast one must agree with. */
function naiveSplit(text: string) {
  const out: { start: number; end: number; text: string; lineBreak: string }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\n' && c !== '\r') continue;
    const lineBreak = c === '\r' && text[i + 1] === '\n' ? '\r\n' : c;
    out.push({ start, end: i, text: text.slice(start, i), lineBreak });
    i += lineBreak.length - 1;
    start = i + 1;
  }
  out.push({ start, end: text.length, text: text.slice(start), lineBreak: '' });
  return out;
}

describe('splitParagraphs', () => {
  it('agrees with a per-character splitter on random mixes of \\n, \\r, \\r\\n and text, whole and by region', () => {
    const random = mulberry32(10);
    const pieces = ['\n', '\r', '\r\n', '\r\r\n', '党', '的的', '，', '𠮷', ' '];
    for (let k = 0; k < 300; k++) {
      let text = '';
      const n = Math.floor(random() * 40);
      for (let i = 0; i < n; i++) text += pieces[Math.floor(random() * pieces.length)];
      const expected = naiveSplit(text);
      expect(splitParagraphs(text)).toEqual(expected);
      // A region from one line start to a later line start: exactly the lines in between.
      const a = Math.floor(random() * expected.length);
      const b = a + Math.floor(random() * (expected.length - a));
      const to = b === expected.length - 1 ? text.length : expected[b]!.start;
      const region = splitParagraphs(text, expected[a]!.start, to);
      expect(region).toEqual(b === expected.length - 1 ? expected.slice(a) : expected.slice(a, b));
    }
  });

  it('splits 1,000,000 lone-CR line breaks (each line its own paragraph), and the engine analyses them', () => {
    const text = '\r'.repeat(1_000_000);
    const paragraphs = splitParagraphs(text);
    expect(paragraphs).toHaveLength(1_000_001);
    expect(paragraphs[999_999]).toEqual({ start: 999_999, end: 999_999, text: '', lineBreak: '\r' });
    expect(paragraphs.every((p, i) => p.start === i && (i === 1_000_000 ? p.lineBreak === '' : p.lineBreak === '\r'))).toBe(true);

    const draft = '党支部书记要要带头学习。\r'.repeat(80_000); // 1,040,000 characters, lone-CR lines
    const result = createAnalyzer({ rules }).analyze(draft);
    const doubled = result.issues.filter((i) => i.rule === 'repeated-word');
    expect(doubled.length).toBeGreaterThan(0);
    expect(doubled.every((i) => draft.slice(i.start, i.end) === i.text)).toBe(true);
  });
});

describe('commonEnds', () => {
  it('agrees with a per-character comparison around edits of every size, at and across chunk edges', async () => {
    const { commonEnds } = await import('../../lib/engine/paragraphs');
    const { mulberry32 } = await import('../../scripts/lib/seeds');
    const rand = mulberry32(9);
    const int = (n: number) => Math.floor(rand() * n);
    const naive = (a: string, b: string) => {
      const n = Math.min(a.length, b.length);
      let prefix = 0;
      while (prefix < n && a[prefix] === b[prefix]) prefix++;
      let suffix = 0;
      while (suffix < n - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
      return { prefix, suffix };
    };
    for (let i = 0; i < 1500; i++) {
      const length = [0, 5, 63, 64, 2047, 2048, 2049, 4096, 10_000, 16_383, 16_384, 16_385, 32_768, 70_000][int(14)]! + int(3);
      let a = '';
      for (let k = 0; k < length; k++) a += 'ab'[int(2)];
      const at = int(a.length + 1);
      const b = a.slice(0, at) + ['', 'a', 'b', 'ab', 'x'.repeat(int(5000))][int(5)]! + a.slice(at + int(4));
      expect(commonEnds(a, b), `case ${i}`).toEqual(naive(a, b));
    }
  });
});
