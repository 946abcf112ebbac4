/** The scoring used by `npm run eval` (scripts/lib/eval-core.ts), on synthetic issues. */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult, Issue } from '../../lib/engine';
import { cleanCopy, evaluate, matchLabel, overlaps, sameResult } from '../../scripts/lib/eval-core';
import { buildLargeDocument, loadSeeds, staleLabels, type Label, type SeedDoc } from '../../scripts/lib/seeds';

function issue(text: string, start: number, end: number, fix: string | null, rule = 'r'): Issue {
  return {
    rule,
    category: 'typo',
    severity: 'warning',
    start,
    end,
    text: text.slice(start, end),
    replacements: fix === null ? [] : [fix],
    message: 'm',
  };
}

function label(doc: string, text: string, start: number, end: number, fix: string | null, confidence = 'certain'): Label {
  return { doc, start, end, text: text.slice(start, end), fix, type: 't', confidence };
}

describe('overlaps', () => {
  it('treats zero-width ranges as points that may touch either end', () => {
    expect(overlaps({ start: 0, end: 2 }, { start: 1, end: 3 })).toBe(true);
    expect(overlaps({ start: 0, end: 2 }, { start: 2, end: 4 })).toBe(false);
    expect(overlaps({ start: 2, end: 2 }, { start: 0, end: 2 })).toBe(true);
    expect(overlaps({ start: 0, end: 2 }, { start: 0, end: 0 })).toBe(true);
    expect(overlaps({ start: 3, end: 3 }, { start: 0, end: 2 })).toBe(false);
  });
});

describe('sameResult / matchLabel', () => {
  const text = '书记要要带领';
  const want = label('d', text, 2, 4, '要');

  it('accepts a different but equivalent range', () => {
    expect(sameResult(text, { start: 2, end: 4, replacement: '要' }, [{ start: 3, end: 4, replacement: '' }])).toBe(true);
    expect(matchLabel(text, want, [issue(text, 3, 4, '')])).toMatchObject({ found: true, fixed: true });
    expect(matchLabel(text, want, [issue(text, 2, 3, '')])).toMatchObject({ found: true, fixed: true });
  });

  it('finds without fixing when the fix differs or is missing', () => {
    expect(matchLabel(text, want, [issue(text, 2, 4, '需要')])).toMatchObject({ found: true, fixed: false });
    expect(matchLabel(text, want, [issue(text, 2, 4, null)])).toMatchObject({ found: true, fixed: false });
    expect(matchLabel(text, want, [issue(text, 0, 2, '')])).toMatchObject({ found: false, fixed: false });
  });

  it('combines several issues that together make the labelled fix', () => {
    const t = '基\n\n础';
    const l = label('d', t, 1, 3, '');
    expect(matchLabel(t, l, [issue(t, 1, 2, ''), issue(t, 2, 3, '')])).toMatchObject({ found: true, fixed: true });
  });
});

describe('evaluate', () => {
  const text = '书记要要带领,大家的的学习。多余 空格';
  const doc: SeedDoc = {
    name: 'd.txt',
    text,
    labels: [label('d.txt', text, 2, 4, '要'), label('d.txt', text, 9, 11, '的', 'likely')],
    halfWidthCount: 1,
  };
  const halfWidth = (t: string): AnalysisResult => ({
    issues: [...t.matchAll(/,/g)].map((m) => issue(t, m.index, m.index + 1, '，', 'half-width-punct')),
    outline: [],
  });
  const engine = (t: string): AnalysisResult => {
    const issues = [...halfWidth(t).issues];
    for (const m of t.matchAll(/要要/g)) issues.push(issue(t, m.index, m.index + 2, '要'));
    for (const m of t.matchAll(/ /g)) issues.push(issue(t, m.index, m.index + 1, '', 'stray'));
    return { issues: issues.sort((a, b) => a.start - b.start), outline: [] };
  };

  it('tallies found and fixed, lists unmatched flags, counts half-width punctuation, measures clean text', () => {
    const s = evaluate({ seeds: [doc], analyze: engine, analyzeHalfWidth: halfWidth });
    expect(s.overall.certain).toMatchObject({ labelled: 1, found: 1, fixed: 1, foundPct: 100 });
    expect(s.overall.likely).toMatchObject({ labelled: 1, found: 0, fixed: 0 });
    expect(s.missed.map((m) => m.text)).toEqual(['的的']);
    expect(s.unmatched.map((u) => u.rule)).toEqual(['stray']);
    expect(s.halfWidth).toEqual([{ doc: 'd.txt', expected: 1, flagged: 1 }]);
    // Clean copy: 要要→要, 的的→的, "," → "，"; the stray space is still there: one false alarm.
    expect(cleanCopy(doc, halfWidth).text).toBe('书记要带领，大家的学习。多余 空格');
    expect(s.clean.falseAlarms).toBe(1);
    expect(s.clean.per10k).toBeCloseTo((1 / 17) * 10_000);
    expect(s.targets.pass).toBe(false);
  });
});

describe('fixtures', () => {
  it('every label matches its seed text', () => {
    expect(staleLabels(loadSeeds())).toEqual([]);
  });

  it('the benchmark document is large and has no repeated non-empty line', () => {
    const doc = buildLargeDocument(100_000);
    expect(doc.length).toBeGreaterThanOrEqual(100_000);
    const lines = doc.split('\n').filter((l) => l.trim() !== '');
    const seen = new Set<string>();
    const repeats = lines.filter((l) => (seen.has(l) ? true : (seen.add(l), false)));
    // The seeds themselves repeat a few lines (a labelled repeated passage, residue); nothing more.
    expect(repeats.length).toBeLessThan(20);
  });
});

describe('whole-line deletions', () => {
  const text = '正文第一段。\n  展开全部 \n正文第二段。';
  const line = text.indexOf('展开全部');
  const want = label('d', text, line, line + 4, '');

  it('a label deleting a line’s text is fixed by deleting the line with a break next to it', () => {
    const start = text.indexOf('  展开');
    const end = text.indexOf('正文第二段');
    expect(matchLabel(text, want, [issue(text, start, end, '')]).fixed).toBe(true);
    expect(matchLabel(text, want, [issue(text, start - 1, end - 1, '')]).fixed).toBe(true);
  });

  it('but not by deleting more than that line', () => {
    const end = text.indexOf('第二段');
    expect(matchLabel(text, want, [issue(text, line, end, '')]).fixed).toBe(false);
  });

  it('nor when the label is only part of a line', () => {
    const partial = '正文。展开全部\n下一段';
    const at = partial.indexOf('展开');
    const l = label('d', partial, at, at + 4, '');
    expect(matchLabel(partial, l, [issue(partial, at, at + 5, '')]).fixed).toBe(false);
  });
});
