/**
 * The development-set harness: labels resolve by context, broken labels are reported, and the scorer counts
 * recall, fix right, precision and headings as documented in scripts/lib/eval-dev.ts. Also keeps the real dev
 * set's labels placeable (a draft edited without its labels fails here).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnalyzer, rules } from '../../lib/engine';
import { BLIND_DEV_DIR, DEV_DIR, HOLDOUT_DIR, loadDevSet } from '../../scripts/lib/dev-set';
import { evaluateDev } from '../../scripts/lib/eval-dev';
import { formatDevReport } from '../../scripts/lib/eval-dev-report';

const dir = mkdtempSync(join(tmpdir(), 'wengao-dev-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const draft = '一、存在的主要问题\n党支部书记要要带头学习，认真的落实各项制度。\n二、下一步工作打算\n坚持不懈抓好支部建设。';
writeFileSync(join(dir, 'a.txt'), draft);
writeFileSync(
  join(dir, 'a.labels.json'),
  JSON.stringify({
    errors: [
      { context: '书记要要带头', text: '要要', fix: '要', type: 'dup', confidence: 'certain' },
      { context: '认真的落实', text: '的', fix: '地', type: 'dedide', confidence: 'certain' },
      { context: '坚持不懈', text: '懈', fix: '解', type: 'typo', confidence: 'likely' },
    ],
    headings: [
      { context: '一、存在的主要问题', level: 1, role: 'problems' },
      { context: '二、下一步工作打算', level: 1, role: 'measures' },
    ],
  }),
);
writeFileSync(join(dir, 'b.txt'), '学习学习再学习。');
writeFileSync(
  join(dir, 'b.labels.json'),
  JSON.stringify({
    errors: [
      { context: '学习', text: '学习', fix: '', type: 'dup', confidence: 'certain' },
      { context: '再学习', text: '复', fix: '', type: 'dup', confidence: 'certain' },
      { context: '再学习。', text: '再', fix: '', type: 'nonsense', confidence: 'certain' },
    ],
    headings: [{ context: '学习学习', level: 7, role: 'intro' }],
  }),
);

describe('dev set', () => {
  const { docs, problems } = loadDevSet(dir);

  it('resolves labels by their unique context', () => {
    const a = docs.find((d) => d.name === 'a.txt')!;
    expect(a.labels.map((l) => [l.text, draft.slice(l.start, l.end)])).toEqual([
      ['要要', '要要'],
      ['的', '的'],
      ['懈', '懈'],
    ]);
    expect(a.headings.map((h) => h.start)).toEqual([0, draft.indexOf('二、')]);
  });

  it('reports labels it cannot place', () => {
    const b = problems.filter((p) => p.doc === 'b.txt').map((p) => p.problem);
    expect(b).toEqual([
      expect.stringContaining('more than once'),
      expect.stringContaining('not inside the context'),
      expect.stringContaining('type must be one of'),
      expect.stringContaining('level must be'),
    ]);
  });

  it('scores classes and headings', () => {
    const analyzer = createAnalyzer({ rules });
    const s = evaluateDev(
      docs.filter((d) => d.name === 'a.txt'),
      (t) => analyzer.analyze(t),
    );
    const dup = s.classes.find((c) => c.cls === 'dup')!;
    expect([dup.labelled, dup.found, dup.fixed]).toEqual([1, 1, 1]);
    expect(dup.precision).toBe(1);
    const typo = s.classes.find((c) => c.cls === 'typo')!;
    // The planted "typo" is not one: nothing finds it, so recall is 0 and the class fails.
    expect([typo.labelled, typo.found, typo.pass]).toEqual([1, 0, false]);
    expect(s.missed.map((m) => m.text)).toContain('懈');
    expect(s.headings.labelled).toBe(2);
    expect(s.headings.found).toBe(2);
    expect(s.pass).toBe(false);
    // The held-out report shows totals only: the missed slip is named in the dev report, not there.
    expect(formatDevReport(s, false)).toContain('懈');
    const heldOut = formatDevReport(s, false, 'held-out drafts', false);
    expect(heldOut).toContain('typo');
    expect(heldOut).not.toContain('懈');
    expect(heldOut).not.toContain('Missed');
  });

  it.each([DEV_DIR, BLIND_DEV_DIR, HOLDOUT_DIR])('keeps every label of %s placeable', (dir) => {
    const real = loadDevSet(dir);
    expect(real.docs.length).toBeGreaterThan(0);
    expect(real.problems).toEqual([]);
  });
});
