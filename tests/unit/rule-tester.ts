/**
 * Table-driven rule tests, after ESLint's RuleTester: `valid` texts must produce no issue from the rule;
 * `invalid` cases must produce the expected issues, and applying their fixes must give `output`, which
 * must then be clean. Every case is also run behind a prefix holding a character outside the BMP (𠮷),
 * and the issues must shift by exactly the prefix length, so UTF-16 offsets stay honest.
 */
import { describe, expect, it } from 'vitest';
import { applyFixes, createAnalyzer, type Issue, type Rule } from '../../lib/engine';
import { loadSeeds } from '../../scripts/lib/seeds';

export interface ExpectedIssue {
  /** The flagged text (`input.slice(start, end)`). */
  text: string;
  /** Expected best fix; omit to not check it; `null` means the issue must offer no fix. */
  fix?: string | null;
  /** Offset, when the text occurs more than once. */
  start?: number;
}

export interface InvalidCase {
  text: string;
  /** Text after applying every fix. Omit when the issues offer no fix. */
  output?: string;
  issues?: ExpectedIssue[];
  /** Why this case matters; shown in the test name. */
  note?: string;
}

export interface RuleCases {
  valid: string[];
  invalid: InvalidCase[];
  /** Prefix used for the offset-shift check; "" disables it (for rules that look at document starts). */
  astralPrefix?: string;
}

const DEFAULT_PREFIX = '𠮷𠮷。\n';

export function runRule(rule: Rule, text: string): Issue[] {
  return createAnalyzer({ rules: [rule], onRuleError: (id, e) => { throw e; } }).analyze(text).issues;
}

function checkWellFormed(text: string, issues: Issue[]): void {
  for (const i of issues) {
    expect(i.start).toBeGreaterThanOrEqual(0);
    expect(i.end).toBeLessThanOrEqual(text.length);
    expect(i.start).toBeLessThanOrEqual(i.end);
    expect(i.text).toBe(text.slice(i.start, i.end));
    expect(i.message.length).toBeGreaterThan(0);
    for (const r of i.replacements) expect(r).not.toBe(i.text);
  }
}

export const ruleTester = {
  run(rule: Rule, cases: RuleCases): void {
    const id = rule.meta.id;
    describe(id, () => {
      it('has no duplicate cases', () => {
        const all = [...cases.valid, ...cases.invalid.map((c) => c.text)];
        const dupes = all.filter((t, i) => all.indexOf(t) !== i);
        expect(dupes).toEqual([]);
        expect(cases.invalid.length).toBeGreaterThan(0);
        expect(cases.valid.length).toBeGreaterThan(0);
      });

      for (const text of cases.valid) {
        it(`valid: ${JSON.stringify(text).slice(0, 60)}`, () => {
          const issues = runRule(rule, text);
          expect(issues.map((i) => `${i.text}@${i.start}: ${i.message}`)).toEqual([]);
        });
      }

      for (const c of cases.invalid) {
        it(`invalid: ${JSON.stringify(c.text).slice(0, 60)}${c.note ? ` (${c.note})` : ''}`, () => {
          const issues = runRule(rule, c.text);
          expect(issues.length, 'the rule reports at least one issue').toBeGreaterThan(0);
          checkWellFormed(c.text, issues);
          if (c.issues) {
            const got = issues.map((i) => ({ text: i.text, start: i.start, fix: i.replacements[0] ?? null }));
            expect(got.length, JSON.stringify(got)).toBe(c.issues.length);
            c.issues.forEach((want, k) => {
              expect(got[k]!.text).toBe(want.text);
              if (want.start !== undefined) expect(got[k]!.start).toBe(want.start);
              if (want.fix !== undefined) expect(got[k]!.fix).toBe(want.fix);
            });
          }
          if (c.output !== undefined) {
            const fixed = applyFixes(c.text, issues);
            expect(fixed).toBe(c.output);
            expect(fixed).not.toBe(c.text);
            const after = runRule(rule, fixed).filter((i) => i.replacements.length > 0);
            expect(after.map((i) => `${i.text}@${i.start}`), 'fixed output is clean').toEqual([]);
          }
          const prefix = cases.astralPrefix ?? DEFAULT_PREFIX;
          if (prefix) {
            const shifted = runRule(rule, prefix + c.text);
            expect(shifted.map((i) => [i.start - prefix.length, i.end - prefix.length, i.text])).toEqual(
              issues.map((i) => [i.start, i.end, i.text]),
            );
          }
        });
      }
    });
  },
};

/** `doc:start:end:fix` for every issue the rule reports on the seed essays, sorted. */
export function seedFindings(rule: Rule): string[] {
  return loadSeeds()
    .flatMap((s) => runRule(rule, s.text).map((i) => `${s.name}:${i.start}:${i.end}:${i.replacements[0]}`))
    .sort();
}

/** The same form for the hand-labelled seed errors of one type. */
export function seedLabels(type: string): string[] {
  return loadSeeds()
    .flatMap((s) => s.labels.filter((l) => l.type === type).map((l) => `${l.doc}:${l.start}:${l.end}:${l.fix}`))
    .sort();
}

export { loadEcspellTargets as ecspellTargets, loadSeeds } from '../../scripts/lib/seeds';

/**
 * A case written inline with its slips marked at the character, '全面[的>地]梳理了…' (one character → one): the
 * text as written, the expected output and the issues at the marks.
 */
export function marked(s: string): InvalidCase {
  let text = '';
  let output = '';
  const issues: { text: string; fix: string; start: number }[] = [];
  let last = 0;
  for (const m of s.matchAll(/\[(.)>(.)\]/g)) {
    text += s.slice(last, m.index);
    output += s.slice(last, m.index);
    issues.push({ text: m[1]!, fix: m[2]!, start: text.length });
    text += m[1];
    output += m[2];
    last = m.index + m[0].length;
  }
  text += s.slice(last);
  output += s.slice(last);
  if (issues.length === 0) throw new Error(`no mark in ${s}`);
  return { text, output, issues };
}
