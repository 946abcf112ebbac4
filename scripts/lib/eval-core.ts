/**
 * Scoring the engine against the hand-labelled seeds (used by scripts/eval.ts; tested in
 * tests/unit/eval.test.ts). Pure: takes texts, labels and an analyze function, returns numbers and lists.
 *
 * Definitions
 * - An issue FINDS a label when their ranges overlap. A zero-width range (an insertion point) overlaps
 *   a range that contains it or touches it at either end.
 * - An issue FIXES a label when applying the issue's best fix gives exactly the text that applying the
 *   label's fix gives (compared over the window covering both ranges; outside it nothing changes), so
 *   "要要"→"要" and "要"→"" on the second 要 are equally right. When no single issue does it, the
 *   non-overlapping set of all issues that find the label is tried together (e.g. "\n\n" flagged as
 *   two separate "\n" deletions).
 * - A label that deletes the text of a whole line (give or take the line's surrounding spaces) is also fixed by an
 *   edit that deletes the whole line with one line break next to it: the writer wants the line gone, and doing so
 *   without leaving an empty line is the better fix (paste-residue deletes residue lines that way).
 * - Half-width punctuation is not labelled one by one but counted per document: issues of the
 *   half-width rule never match labels; their number per document is compared with the expected count.
 * - Clean text = the seed with every labelled fix applied, then the half-width rule's fixes applied
 *   (those are counted errors). Every issue on the clean text is a false alarm.
 */
import { applyFixes, applyFixesDetailed, type AnalysisResult, type Issue } from '../../lib/engine';
import type { Label, SeedDoc } from './seeds';

export const HALF_WIDTH_RULE = 'half-width-punct';

export const TARGETS = {
  /** % of certain labels found. */
  certainFound: 90,
  /** % of certain labels fixed correctly. */
  certainFixed: 85,
  /** Strictly fewer false alarms per 10,000 characters of clean text. */
  falseAlarmsPer10k: 1,
};

export interface Range {
  start: number;
  end: number;
}

export interface Edit extends Range {
  replacement: string;
}

export function overlaps(a: Range, b: Range): boolean {
  if (a.start === a.end) return b.start <= a.start && a.start <= b.end;
  if (b.start === b.end) return a.start <= b.start && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

/**
 * Does applying `edits` (non-overlapping) to `text` give the same result as applying `want`?
 * Only the window covering all ranges is built.
 */
export function sameResult(text: string, want: Edit, edits: readonly Edit[]): boolean {
  if (edits.length === 0) return false;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let lo = want.start;
  let hi = want.end;
  for (const e of sorted) {
    lo = Math.min(lo, e.start);
    hi = Math.max(hi, e.end);
  }
  const expected = text.slice(lo, want.start) + want.replacement + text.slice(want.end, hi);
  let got = '';
  let cursor = lo;
  for (const e of sorted) {
    if (e.start < cursor) return false; // overlapping edits: not a well-defined result
    got += text.slice(cursor, e.start) + e.replacement;
    cursor = e.end;
  }
  got += text.slice(cursor, hi);
  return got === expected;
}

export function bestEdit(issue: Issue): Edit | null {
  const r = issue.replacements[0];
  return r === undefined ? null : { start: issue.start, end: issue.end, replacement: r };
}

export function labelEdit(label: Label): Edit | null {
  return typeof label.fix === 'string' ? { start: label.start, end: label.end, replacement: label.fix } : null;
}

export interface LabelMatch {
  found: boolean;
  /** null when the label has no known fix. */
  fixed: boolean | null;
  issues: Issue[];
}

/**
 * Edits equivalent to `want`: itself, and when it deletes the text of a whole line, the deletion of that line with
 * the line break after it or before it.
 */
export function equivalentEdits(text: string, want: Edit): Edit[] {
  const out = [want];
  if (want.replacement !== '' || want.start === want.end) return out;
  let start = want.start;
  let end = want.end;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t' || text[start - 1] === '\u3000')) start--;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t' || text[end] === '\u3000')) end++;
  const atLineStart = start === 0 || text[start - 1] === '\n' || text[start - 1] === '\r';
  const atLineEnd = end === text.length || text[end] === '\n' || text[end] === '\r';
  if (!atLineStart || !atLineEnd) return out;
  const after = text.startsWith('\r\n', end) ? 2 : end < text.length ? 1 : 0;
  const before = start >= 2 && text.startsWith('\r\n', start - 2) ? 2 : start > 0 ? 1 : 0;
  if (after > 0) out.push({ start, end: end + after, replacement: '' });
  if (before > 0) out.push({ start: start - before, end, replacement: '' });
  if (start !== want.start || end !== want.end) out.push({ start, end, replacement: '' });
  return out;
}

/** Match one label against the issues of its document (half-width issues already removed). */
export function matchLabel(text: string, label: Label, issues: readonly Issue[]): LabelMatch {
  const hits = issues.filter((i) => overlaps(i, label));
  const want = labelEdit(label);
  if (hits.length === 0) return { found: false, fixed: want ? false : null, issues: [] };
  if (!want) return { found: true, fixed: null, issues: hits };
  const wants = equivalentEdits(text, want);
  const same = (edits: readonly Edit[]) => wants.some((w) => sameResult(text, w, edits));
  let fixed = hits.some((i) => {
    const e = bestEdit(i);
    return e !== null && same([e]);
  });
  if (!fixed && hits.length > 1) {
    const together = applyFixesDetailed(text, hits).applied.map(bestEdit).filter((e): e is Edit => e !== null);
    fixed = same(together);
  }
  return { found: true, fixed, issues: hits };
}

/** A label that was not found or not fixed, with what the engine offered there. */
export function missRecord(doc: string, text: string, label: Label, m: LabelMatch): MissRecord {
  return {
    doc,
    start: label.start,
    end: label.end,
    type: label.type,
    confidence: label.confidence,
    text: label.text,
    fix: label.fix ?? null,
    context: context(text, label.start, label.end),
    found: m.found,
    offered: m.issues.map((i) => `${i.rule}: ${JSON.stringify(i.text)} → ${i.replacements[0] === undefined ? '(no fix)' : JSON.stringify(i.replacements[0])}`),
  };
}

/** `…before【flagged】after…` on one line. */
export function context(text: string, start: number, end: number, radius = 12): string {
  const show = (s: string) => s.replace(/\r\n|\n|\r/g, '⏎').replace(/\t/g, '⇥');
  const a = Math.max(0, start - radius);
  const b = Math.min(text.length, end + radius);
  return `${show(text.slice(a, start))}【${show(text.slice(start, end))}】${show(text.slice(end, b))}`;
}

export interface Tally {
  labelled: number;
  found: number;
  fixed: number;
}

export interface FlagRecord {
  doc: string;
  start: number;
  end: number;
  context: string;
  rule: string;
  severity: string;
  message: string;
  /** Best fix, or null when none is offered. */
  fix: string | null;
  /** Clean text only: the flag touches a place where a half-width fix landed (a side effect of that fix?). */
  nearHalfWidthFix?: boolean;
}

export interface MissRecord {
  doc: string;
  start: number;
  end: number;
  type: string;
  confidence: string;
  text: string;
  fix: string | null;
  context: string;
  found: boolean;
  /** What the engine offered there: `rule: text → fix`. */
  offered: string[];
}

export interface EvalSummary {
  documents: number;
  characters: number;
  overall: Record<'certain' | 'likely' | 'all', Tally & { foundPct: number; fixedPct: number }>;
  byType: Array<Tally & { type: string; confidence: string }>;
  missed: MissRecord[];
  unmatched: FlagRecord[];
  byRule: Array<{ rule: string; flags: number; matched: number; unmatched: number }>;
  halfWidth: Array<{ doc: string; expected: number | null; flagged: number }>;
  clean: {
    characters: number;
    falseAlarms: number;
    per10k: number;
    byDoc: Array<{ doc: string; characters: number; falseAlarms: number }>;
    items: FlagRecord[];
    /** How many of the items touch a half-width fix. */
    nearHalfWidthFix: number;
    /** Labels whose fix could not be applied to build the clean text (overlapping labels). */
    unappliedLabels: Array<{ doc: string; start: number; end: number; text: string }>;
  };
  targets: {
    certainFound: { value: number; target: number; pass: boolean };
    certainFixed: { value: number; target: number; pass: boolean };
    falseAlarmsPer10k: { value: number; target: number; pass: boolean };
    pass: boolean;
  };
}

export type AnalyzeFn = (text: string) => AnalysisResult;

export interface EvalOptions {
  seeds: readonly SeedDoc[];
  /** Full engine (all rules). */
  analyze: AnalyzeFn;
  /** The half-width rule alone, used to convert counted half-width punctuation in the clean copy. */
  analyzeHalfWidth: AnalyzeFn;
}

const pct = (n: number, d: number) => (d === 0 ? 0 : (n / d) * 100);

export function flagRecord(doc: string, text: string, i: Issue): FlagRecord {
  return {
    doc,
    start: i.start,
    end: i.end,
    context: context(text, i.start, i.end),
    rule: i.rule,
    severity: i.severity,
    message: i.message,
    fix: i.replacements[0] ?? null,
  };
}

/** Seed text with the labelled fixes and the half-width rule's fixes applied. */
export function cleanCopy(
  doc: SeedDoc,
  analyzeHalfWidth: AnalyzeFn,
): { text: string; unapplied: Label[]; halfWidthSpans: Array<[number, number]> } {
  const asIssues: Issue[] = [];
  const byIssue = new Map<Issue, Label>();
  for (const l of doc.labels) {
    if (typeof l.fix !== 'string') continue;
    const issue: Issue = {
      rule: 'label',
      category: 'typo',
      severity: 'error',
      start: l.start,
      end: l.end,
      text: doc.text.slice(l.start, l.end),
      replacements: [l.fix],
      message: l.type,
    };
    asIssues.push(issue);
    byIssue.set(issue, l);
  }
  const outcome = applyFixesDetailed(doc.text, asIssues);
  const unapplied = outcome.skipped.map((i) => byIssue.get(i)!).filter(Boolean);
  let text = outcome.text;
  // Where half-width fixes landed (in the final text), to tell their side effects apart.
  let spans: Array<[number, number]> = [];
  // Half-width fixes can overlap (e.g. "?!"): a few passes until nothing fixable is left.
  for (let pass = 0; pass < 4; pass++) {
    const fixable = analyzeHalfWidth(text).issues.filter((i) => i.rule === HALF_WIDTH_RULE && i.replacements.length > 0);
    if (fixable.length === 0) break;
    const { text: next, applied } = applyFixesDetailed(text, fixable);
    if (next === text) break;
    const edits = applied.map((i) => ({ start: i.start, end: i.end, delta: i.replacements[0]!.length - (i.end - i.start), len: i.replacements[0]!.length }));
    edits.sort((a, b) => a.start - b.start);
    const shift = (pos: number) => {
      let d = 0;
      for (const e of edits) if (e.end <= pos) d += e.delta;
      return pos + d;
    };
    spans = spans.map(([a, b]) => [shift(a), shift(b)]);
    let delta = 0;
    for (const e of edits) {
      spans.push([e.start + delta, e.start + delta + e.len]);
      delta += e.delta;
    }
    text = next;
  }
  return { text, unapplied, halfWidthSpans: spans };
}

export function evaluate({ seeds, analyze, analyzeHalfWidth }: EvalOptions): EvalSummary {
  const typeTallies = new Map<string, Tally & { type: string; confidence: string }>();
  const overall = {
    certain: { labelled: 0, found: 0, fixed: 0 },
    likely: { labelled: 0, found: 0, fixed: 0 },
    all: { labelled: 0, found: 0, fixed: 0 },
  };
  const missed: MissRecord[] = [];
  const unmatched: FlagRecord[] = [];
  const byRule = new Map<string, { rule: string; flags: number; matched: number; unmatched: number }>();
  const halfWidth: EvalSummary['halfWidth'] = [];
  let characters = 0;

  for (const doc of seeds) {
    characters += doc.text.length;
    const issues = analyze(doc.text).issues;
    const hw = issues.filter((i) => i.rule === HALF_WIDTH_RULE);
    const others = issues.filter((i) => i.rule !== HALF_WIDTH_RULE);
    halfWidth.push({ doc: doc.name, expected: doc.halfWidthCount ?? null, flagged: hw.length });
    const matchedIssues = new Set<Issue>();

    for (const label of doc.labels) {
      const m = matchLabel(doc.text, label, others);
      for (const i of m.issues) matchedIssues.add(i);
      const key = `${label.type}\u0000${label.confidence}`;
      let t = typeTallies.get(key);
      if (!t) typeTallies.set(key, (t = { type: label.type, confidence: label.confidence, labelled: 0, found: 0, fixed: 0 }));
      const buckets = [t, overall.all, label.confidence === 'certain' ? overall.certain : overall.likely];
      for (const b of buckets) {
        b.labelled++;
        if (m.found) b.found++;
        if (m.fixed) b.fixed++;
      }
      if (!m.found || m.fixed === false) {
        missed.push(missRecord(doc.name, doc.text, label, m));
      }
    }

    for (const i of others) {
      let r = byRule.get(i.rule);
      if (!r) byRule.set(i.rule, (r = { rule: i.rule, flags: 0, matched: 0, unmatched: 0 }));
      r.flags++;
      if (matchedIssues.has(i)) r.matched++;
      else {
        r.unmatched++;
        unmatched.push(flagRecord(doc.name, doc.text, i));
      }
    }
    if (hw.length > 0) {
      let r = byRule.get(HALF_WIDTH_RULE);
      if (!r) byRule.set(HALF_WIDTH_RULE, (r = { rule: HALF_WIDTH_RULE, flags: 0, matched: 0, unmatched: 0 }));
      r.flags += hw.length;
    }
  }

  // False alarms on the cleaned seeds.
  const clean: EvalSummary['clean'] = {
    characters: 0,
    falseAlarms: 0,
    per10k: 0,
    byDoc: [],
    items: [],
    nearHalfWidthFix: 0,
    unappliedLabels: [],
  };
  for (const doc of seeds) {
    const { text, unapplied, halfWidthSpans } = cleanCopy(doc, analyzeHalfWidth);
    for (const l of unapplied) clean.unappliedLabels.push({ doc: doc.name, start: l.start, end: l.end, text: l.text });
    const issues = analyze(text).issues;
    clean.characters += text.length;
    clean.falseAlarms += issues.length;
    clean.byDoc.push({ doc: doc.name, characters: text.length, falseAlarms: issues.length });
    for (const i of issues) {
      const near = halfWidthSpans.some(([a, b]) => i.start <= b && i.end >= a);
      clean.items.push({ ...flagRecord(doc.name, text, i), nearHalfWidthFix: near });
    }
  }
  clean.nearHalfWidthFix = clean.items.filter((i) => i.nearHalfWidthFix).length;
  clean.per10k = clean.characters === 0 ? 0 : (clean.falseAlarms / clean.characters) * 10_000;

  const withPct = (t: Tally) => ({ ...t, foundPct: pct(t.found, t.labelled), fixedPct: pct(t.fixed, t.labelled) });
  const o = { certain: withPct(overall.certain), likely: withPct(overall.likely), all: withPct(overall.all) };
  const targets = {
    certainFound: { value: o.certain.foundPct, target: TARGETS.certainFound, pass: o.certain.foundPct >= TARGETS.certainFound },
    certainFixed: { value: o.certain.fixedPct, target: TARGETS.certainFixed, pass: o.certain.fixedPct >= TARGETS.certainFixed },
    falseAlarmsPer10k: { value: clean.per10k, target: TARGETS.falseAlarmsPer10k, pass: clean.per10k < TARGETS.falseAlarmsPer10k },
    pass: false,
  };
  targets.pass = targets.certainFound.pass && targets.certainFixed.pass && targets.falseAlarmsPer10k.pass;

  const confidenceRank = (c: string) => (c === 'certain' ? 0 : c === 'likely' ? 1 : 2);
  return {
    documents: seeds.length,
    characters,
    overall: o,
    byType: [...typeTallies.values()].sort(
      (a, b) => a.type.localeCompare(b.type) || confidenceRank(a.confidence) - confidenceRank(b.confidence),
    ),
    missed,
    unmatched,
    byRule: [...byRule.values()].sort((a, b) => b.flags - a.flags || a.rule.localeCompare(b.rule)),
    halfWidth,
    clean,
    targets,
  };
}

export interface SentenceSummary {
  sentences: number;
  characters: number;
  flags: number;
  per10k: number;
  byRule: Array<{ rule: string; flags: number }>;
  items: Array<FlagRecord & { sentence: number }>;
}

/**
 * Flags on sentences known to be correct (the ecspell targets): all false alarms. Each sentence is
 * analysed on its own, as an independent one-paragraph document.
 */
export function evaluateCleanSentences(sentences: readonly string[], analyze: AnalyzeFn): SentenceSummary {
  const out: SentenceSummary = { sentences: sentences.length, characters: 0, flags: 0, per10k: 0, byRule: [], items: [] };
  const byRule = new Map<string, number>();
  sentences.forEach((s, k) => {
    out.characters += s.length;
    for (const i of analyze(s).issues) {
      out.flags++;
      byRule.set(i.rule, (byRule.get(i.rule) ?? 0) + 1);
      out.items.push({ ...flagRecord('ecspell', s, i), sentence: k + 1 });
    }
  });
  out.per10k = out.characters === 0 ? 0 : (out.flags / out.characters) * 10_000;
  out.byRule = [...byRule].map(([rule, flags]) => ({ rule, flags })).sort((a, b) => b.flags - a.flags);
  return out;
}
