/**
 * Scoring the engine and the outline on the development set (scripts/lib/dev-set.ts). Pure: texts and labels in,
 * figures out; used by `npm run eval -- --dev` and tests/unit/eval-dev.test.ts.
 *
 * Per class (label type):
 * - recall: labels of the class that some issue overlaps (eval-core's `matchLabel`);
 * - fix right: labels whose fix the overlapping issues reproduce exactly;
 * - precision: issues of the rules serving the class that overlap a label of any type (a flag on a real slip of
 *   another kind is not a false alarm), over all issues of those rules.
 * Headings: a labelled heading is found when an outline section (other than the implicit intro) overlaps it;
 * its role and level are right when they equal the label's. Sections overlapping no labelled heading are false
 * headings.
 */
import { outlineOf } from '../../lib/corpus';
import { applyFixesDetailed, type AnalysisResult, type Issue } from '../../lib/engine';
import type { DevDoc } from './dev-set';
import { flagRecord, matchLabel, missRecord, overlaps, type FlagRecord, type MissRecord } from './eval-core';

/** Which label class each rule serves (rules absent here are scored under their own id). */
export const RULE_CLASS: Record<string, string> = {
  'repeated-word': 'dup',
  'repeated-phrase': 'dup',
  'de-di-de': 'dedide',
  'confusable-word': 'typo',
  'wrong-char': 'typo',
  'de-di-de-context': 'dedide',
  'set-phrase': 'phrase',
  'traditional-char': 'traditional',
  'half-width-punct': 'half-width',
  'stray-punct': 'stray-punct',
  'unbalanced-pair': 'stray-punct',
  'stray-space': 'space',
  'broken-line-break': 'linebreak',
  'paste-residue': 'paste-residue',
  'repeated-passage': 'repeated-passage',
  'heading-numbering': 'numbering',
};

/** The class an issue is scored under (the statistical 的/地/得 findings, de-di-de-context, count as dedide). */
export function classOf(issue: Issue): string {
  return RULE_CLASS[issue.rule] ?? issue.rule;
}

export const DEV_TARGETS = { recall: 0.9, fixed: 0.85, precision: 0.95, headingsFound: 0.95, roleRight: 0.9 };

export interface ClassScore {
  cls: string;
  labelled: number;
  found: number;
  fixed: number;
  flags: number;
  /** Flags overlapping some label. */
  correctFlags: number;
  recall: number | null;
  fixRate: number | null;
  precision: number | null;
  pass: boolean;
}

export interface HeadingMiss {
  doc: string;
  text: string;
  want: string;
  got: string;
}

export interface DevSummary {
  documents: number;
  characters: number;
  classes: ClassScore[];
  missed: MissRecord[];
  falseFlags: FlagRecord[];
  headings: {
    labelled: number;
    found: number;
    roleRight: number;
    levelRight: number;
    foundRate: number;
    roleRate: number;
    falseHeadings: number;
    misses: HeadingMiss[];
    extras: Array<{ doc: string; text: string; role: string; level: number }>;
    pass: boolean;
  };
  /** Issues on the drafts with every labelled fix applied (null-fix labels stay; their flags are not counted). */
  clean: { characters: number; flags: number; per10k: number; items: FlagRecord[] };
  pass: boolean;
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

/** The draft with every labelled fix applied, and the ranges (in the new text) of labels that have no fix. */
function cleanCopy(doc: DevDoc): { text: string; unfixed: Array<{ start: number; end: number }> } {
  const edits: Issue[] = doc.labels
    .filter((l) => typeof l.fix === 'string')
    .map((l) => ({
      rule: 'label',
      category: 'typo',
      severity: 'error',
      start: l.start,
      end: l.end,
      text: l.text,
      replacements: [l.fix as string],
      message: l.type,
    }));
  const { text, applied } = applyFixesDetailed(doc.text, edits);
  const shift = (pos: number) => {
    let d = 0;
    for (const e of applied) if (e.end <= pos) d += e.replacements[0]!.length - (e.end - e.start);
    return pos + d;
  };
  const unfixed = doc.labels.filter((l) => typeof l.fix !== 'string').map((l) => ({ start: shift(l.start), end: shift(l.end) }));
  return { text, unfixed };
}

export function evaluateDev(docs: readonly DevDoc[], analyze: (text: string) => AnalysisResult): DevSummary {
  const classes = new Map<string, ClassScore>();
  const score = (cls: string) => {
    let s = classes.get(cls);
    if (!s) {
      s = { cls, labelled: 0, found: 0, fixed: 0, flags: 0, correctFlags: 0, recall: null, fixRate: null, precision: null, pass: true };
      classes.set(cls, s);
    }
    return s;
  };
  const missed: MissRecord[] = [];
  const falseFlags: FlagRecord[] = [];
  const headingMisses: HeadingMiss[] = [];
  const extras: DevSummary['headings']['extras'] = [];
  const cleanItems: FlagRecord[] = [];
  let characters = 0;
  let cleanCharacters = 0;
  let hLabelled = 0;
  let hFound = 0;
  let hRole = 0;
  let hLevel = 0;

  for (const doc of docs) {
    characters += doc.text.length;
    const issues = analyze(doc.text).issues;
    for (const label of doc.labels) {
      const s = score(label.type);
      s.labelled++;
      const m = matchLabel(doc.text, label, issues);
      if (m.found) s.found++;
      if (m.fixed) s.fixed++;
      if (!m.found || m.fixed === false) {
        missed.push(missRecord(doc.name, doc.text, label, m));
      }
    }
    for (const issue of issues) {
      const s = score(classOf(issue));
      s.flags++;
      if (doc.labels.some((l) => overlaps(issue, l))) s.correctFlags++;
      else falseFlags.push(flagRecord(doc.name, doc.text, issue));
    }

    const clean = cleanCopy(doc);
    cleanCharacters += clean.text.length;
    for (const issue of analyze(clean.text).issues) {
      if (clean.unfixed.some((u) => overlaps(issue, u))) continue;
      cleanItems.push(flagRecord(doc.name, clean.text, issue));
    }

    const sections = outlineOf(doc.text).filter((s) => s.kind !== 'implicit');
    const used = new Set<number>();
    for (const h of doc.headings) {
      hLabelled++;
      const idx = sections.findIndex((s, i) => !used.has(i) && overlaps(s, h));
      if (idx === -1) {
        headingMisses.push({ doc: doc.name, text: h.text, want: `L${h.level} ${h.role}`, got: 'not found' });
        continue;
      }
      used.add(idx);
      const s = sections[idx]!;
      hFound++;
      if (s.role === h.role) hRole++;
      if (s.level === h.level) hLevel++;
      if (s.role !== h.role || s.level !== h.level) {
        headingMisses.push({ doc: doc.name, text: h.text, want: `L${h.level} ${h.role}`, got: `L${s.level} ${s.role} (${s.kind})` });
      }
    }
    sections.forEach((s, i) => {
      if (!used.has(i) && !doc.headings.some((h) => overlaps(s, h))) {
        extras.push({ doc: doc.name, text: doc.text.slice(s.start, Math.min(s.end, s.start + 30)), role: s.role, level: s.level });
      }
    });
  }

  const scored = [...classes.values()].sort((a, b) => a.cls.localeCompare(b.cls));
  for (const s of scored) {
    s.recall = ratio(s.found, s.labelled);
    s.fixRate = ratio(s.fixed, s.labelled);
    s.precision = ratio(s.correctFlags, s.flags);
    s.pass =
      (s.recall === null || s.recall >= DEV_TARGETS.recall) &&
      (s.fixRate === null || s.fixRate >= DEV_TARGETS.fixed) &&
      (s.precision === null || s.precision >= DEV_TARGETS.precision);
  }
  const foundRate = ratio(hFound, hLabelled) ?? 0;
  const roleRate = ratio(hRole, hFound) ?? 0;
  const headingsPass = hLabelled > 0 && foundRate >= DEV_TARGETS.headingsFound && roleRate >= DEV_TARGETS.roleRight;
  return {
    documents: docs.length,
    characters,
    classes: scored,
    missed,
    falseFlags,
    headings: {
      labelled: hLabelled,
      found: hFound,
      roleRight: hRole,
      levelRight: hLevel,
      foundRate,
      roleRate,
      falseHeadings: extras.length,
      misses: headingMisses,
      extras,
      pass: headingsPass,
    },
    clean: {
      characters: cleanCharacters,
      flags: cleanItems.length,
      per10k: cleanCharacters === 0 ? 0 : (cleanItems.length / cleanCharacters) * 10_000,
      items: cleanItems,
    },
    pass: headingsPass && scored.every((s) => s.pass),
  };
}
