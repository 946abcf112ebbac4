/**
 * npm run eval -- --ecspell [--json] [--all]
 *
 * Scores the wrong-character tier (lib/lm) on the ecspell official-document file, on its training part
 * and its held-out part separately (scripts/lib/ecspell-split.ts), and counts its false alarms on clean
 * text: the target sentences and the cleaned seeds.
 *
 * Definitions (the usual ones for Chinese spelling correction, sentence level strict):
 *   - a sentence is flagged when the tier reports at least one error (severity error); hints are counted apart;
 *   - detection is right when the flagged positions are exactly the wrong positions; correction is right
 *     when, in addition, applying the fixes gives the target sentence;
 *   - precision = right / flagged sentences, recall = right / sentences with errors;
 *   - character level: flagged characters that are wrong (detection) and whose fix is the target's
 *     character (correction);
 *   - clean flag share: target sentences (correct text) that get any error flag.
 */
import { applyFixes } from '../../lib/engine/apply-fixes';
import type { Issue } from '../../lib/engine/types';
import type { WrongCharTier } from '../../lib/lm/tier';
import { loadEcspell, type EcspellLine, type EcspellPart } from './ecspell-split';
import { cleanCopy } from './eval-core';
import { createAnalyzer } from '../../lib/engine/analyzer';
import { rules } from '../../lib/rules';
import { loadSeeds } from './seeds';
import { loadTierForNode } from './lm-node';
import { crossValidate, formatCv } from './ecspell-cv';

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export interface PartScore {
  part: EcspellPart;
  sentences: number;
  withErrors: number;
  flagged: number;
  /** Flagged sentences whose every flag is on a wrong character with the target's character as fix. */
  allFlagsRight: number;
  detection: Prf;
  correction: Prf;
  characters: { detection: Prf; correction: Prf };
  /** Target (clean) sentences with an error flag, and hints only. */
  cleanFlagged: number;
  cleanHinted: number;
  cleanShare: number;
  /** Findings by slip kind: right (position is wrong in the source) / all. */
  byKind: Record<string, { right: number; all: number }>;
  /** Sentences by number of wrong characters: detected right / total. */
  byErrors: Record<string, { right: number; total: number }>;
  /** Flagged sentences by how they compare with the gold (judge()). */
  classes: Partial<Record<MissClass, number>>;
  mistakes: string[];
}

const prf = (right: number, predicted: number, actual: number): Prf => {
  const precision = predicted ? right / predicted : 0;
  const recall = actual ? right / actual : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

/** Wrong positions of a source sentence (same-length pairs; other pairs count as undetectable by position). */
function wrongPositions(l: EcspellLine): Set<number> {
  const out = new Set<number>();
  if (l.source.length !== l.target.length) return out;
  for (let i = 0; i < l.source.length; i++) if (l.source[i] !== l.target[i]) out.add(i);
  return out;
}

function positionsOf(issues: readonly Issue[]): Set<number> {
  const out = new Set<number>();
  for (const i of issues) {
    // A swap or a double covers two characters; only those that change count as flagged.
    const fix = i.replacements[0] ?? '';
    for (let k = i.start; k < i.end; k++) if (fix.length !== i.end - i.start || fix[k - i.start] !== i.text[k - i.start]) out.add(k);
  }
  return out;
}

const sameSet = (a: Set<number>, b: Set<number>) => a.size === b.size && [...a].every((x) => b.has(x));

/**
 * How a flagged sentence compares with the gold:
 *   - right: every wrong character flagged, nothing else, and the fixes give the target;
 *   - wrongFix: the flagged positions are the wrong ones, a fix is not the target's;
 *   - partial: every flag is on a wrong character, but the sentence has more that are not flagged;
 *   - near: a flag on a right character within two characters of a wrong one;
 *   - elsewhere: a flag on a right character farther from every wrong one (or in a sentence with none);
 *   - unscorable: source and target differ in length (no position can match).
 */
export type MissClass = 'right' | 'wrongFix' | 'partial' | 'near' | 'elsewhere' | 'unscorable';

export function judge(l: EcspellLine, errors: readonly Issue[]): MissClass {
  if (l.source.length !== l.target.length) return 'unscorable';
  const gold = wrongPositions(l);
  const flagged = positionsOf(errors);
  const off = [...flagged].filter((p) => !gold.has(p));
  if (off.length) return off.every((p) => [...gold].some((q) => Math.abs(p - q) <= 2)) ? 'near' : 'elsewhere';
  if (flagged.size < gold.size) return 'partial';
  return applyFixes(l.source, errors) === l.target ? 'right' : 'wrongFix';
}

export function scorePart(tier: WrongCharTier, lines: readonly EcspellLine[], part: EcspellPart): PartScore {
  let flagged = 0;
  let withErrors = 0;
  let detRight = 0;
  let corRight = 0;
  let chFlag = 0;
  let chDet = 0;
  let chCor = 0;
  let chWrong = 0;
  let cleanFlagged = 0;
  let cleanHinted = 0;
  let allFlagsRight = 0;
  const byKind: PartScore['byKind'] = {};
  const byErrors: PartScore['byErrors'] = {};
  const classes: PartScore['classes'] = {};
  const mistakes: string[] = [];
  for (const l of lines) {
    const all = tier.issues(l.source);
    const errors = all.filter((i) => i.severity === 'error');
    const gold = wrongPositions(l);
    const hasErrors = l.source !== l.target;
    if (hasErrors) withErrors++;
    chWrong += gold.size;
    const flaggedPos = positionsOf(errors);
    for (const f of tier.findingsTwoPass(l.source)) {
      if (f.confidence < tier.tuning.errorAt || f.doubted) continue;
      const k = (byKind[f.kind] ??= { right: 0, all: 0 });
      k.all++;
      let right = false;
      for (let p = f.start; p < f.end; p++) if (gold.has(p)) right = true;
      if (right) k.right++;
    }
    if (errors.length) {
      flagged++;
      const c = judge(l, errors);
      classes[c] = (classes[c] ?? 0) + 1;
    }
    chFlag += flaggedPos.size;
    for (const p of flaggedPos) {
      if (!gold.has(p)) continue;
      chDet++;
      const issue = errors.find((i) => p >= i.start && p < i.end)!;
      const fix = issue.replacements[0] ?? '';
      if (fix.length === issue.end - issue.start && fix[p - issue.start] === l.target[p]) chCor++;
    }
    if (errors.length && [...flaggedPos].every((p) => gold.has(p)) && errors.every((i) => i.replacements[0] === l.target.slice(i.start, i.end))) allFlagsRight++;
    const detOk = hasErrors && errors.length > 0 && sameSet(flaggedPos, gold);
    const corOk = detOk && applyFixes(l.source, errors) === l.target;
    if (detOk) detRight++;
    if (corOk) corRight++;
    if (hasErrors) {
      const key = String(Math.min(l.errors, 3)) + (l.errors >= 3 ? '+' : '');
      const e = (byErrors[key] ??= { right: 0, total: 0 });
      e.total++;
      if (detOk) e.right++;
    }
    if (errors.length && !detOk && part === 'train') {
      mistakes.push(`${l.line + 1}: ${errors.map((i) => `${i.text}→${i.replacements[0]}`).join(' ')} | ${l.source}`);
    }
    const clean = tier.issues(l.target);
    if (clean.some((i) => i.severity === 'error')) cleanFlagged++;
    else if (clean.length) cleanHinted++;
  }
  return {
    part,
    sentences: lines.length,
    withErrors,
    flagged,
    allFlagsRight,
    detection: prf(detRight, flagged, withErrors),
    correction: prf(corRight, flagged, withErrors),
    characters: { detection: prf(chDet, chFlag, chWrong), correction: prf(chCor, chFlag, chWrong) },
    cleanFlagged,
    cleanHinted,
    cleanShare: lines.length ? cleanFlagged / lines.length : 0,
    byKind,
    byErrors,
    classes,
    mistakes,
  };
}

export interface SeedAlarms {
  characters: number;
  errors: number;
  hints: number;
  per10k: number;
  items: string[];
}

/** The tier's flags on the seeds with their labelled fixes applied (should be none). */
export function seedAlarms(tier: WrongCharTier): SeedAlarms {
  const half = createAnalyzer({ rules: rules.filter((r) => r.meta.id === 'half-width-punct') });
  let characters = 0;
  let errors = 0;
  let hints = 0;
  const items: string[] = [];
  for (const doc of loadSeeds({ reviewed: true })) {
    const { text } = cleanCopy(doc, (t) => half.analyze(t));
    characters += text.length;
    let base = 0;
    for (const para of text.split('\n')) {
      for (const i of tier.issues(para, base)) {
        if (i.severity === 'error') errors++;
        else hints++;
        items.push(`${doc.name}:${i.start} ${i.severity} ${i.text}→${i.replacements[0]} …${text.slice(Math.max(0, i.start - 8), i.end + 8)}…`);
      }
      base += para.length + 1;
    }
  }
  return { characters, errors, hints, per10k: characters ? (errors / characters) * 10_000 : 0, items };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** "right 275, partial 56, …" (scripts/lib/ecspell-analyse.ts lists each class's sentences). */
export function formatClasses(c: PartScore['classes']): string {
  return Object.entries(c)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}
const p3 = (x: Prf) => `P ${x.precision.toFixed(3)}  R ${x.recall.toFixed(3)}  F1 ${x.f1.toFixed(3)}`;

export function runEcspellEval(argv: readonly string[]): void {
  const json = argv.includes('--json');
  const all = argv.includes('--all');
  const tier = loadTierForNode();
  const lines = loadEcspell();
  // --train: score the training part only (what development looks at).
  const wanted = argv.includes('--train') ? (['train'] as const) : (['train', 'heldout'] as const);
  const parts = wanted.map((p) =>
    scorePart(
      tier,
      lines.filter((l) => l.part === p),
      p,
    ),
  );
  const seeds = seedAlarms(tier);
  if (json) {
    console.log(JSON.stringify({ parts: parts.map(({ mistakes: _m, ...rest }) => rest), seeds: { ...seeds, items: undefined } }, null, 2));
    return;
  }
  const out: string[] = ['Wrong-character tier on ecspell odw.train.tsv (train = tuned on; held-out = never looked at)'];
  for (const s of parts) {
    out.push(
      '',
      `[${s.part}] ${s.sentences} sentences, ${s.withErrors} with errors, ${s.flagged} flagged`,
      `  sentence detection   ${p3(s.detection)}   (strict: every wrong character of the sentence found)`,
      `  sentence correction  ${p3(s.correction)}`,
      `  character detection  ${p3(s.characters.detection)}`,
      `  character correction ${p3(s.characters.correction)}`,
      `  flagged sentences whose every flag is right: ${s.allFlagsRight}/${s.flagged} = ${pct(s.flagged ? s.allFlagsRight / s.flagged : 0)}`,
      `  flagged sentences by class: ${formatClasses(s.classes)}`,
      `  clean target sentences flagged: ${s.cleanFlagged} (${pct(s.cleanShare)}; target ≤ 1 %), hints only: ${s.cleanHinted}`,
      `  findings by kind (right/all): ${Object.entries(s.byKind)
        .map(([k, v]) => `${k} ${v.right}/${v.all}`)
        .join(', ')}`,
      `  detected by wrong characters per sentence (right/total): ${Object.entries(s.byErrors)
        .sort()
        .map(([k, v]) => `${k}: ${v.right}/${v.total}`)
        .join(', ')}`,
    );
    if (s.part === 'train' && all) out.push('  wrong flags (train only):', ...s.mistakes.map((m) => `    ${m}`));
  }
  if (argv.includes('--cv')) out.push(...formatCv(crossValidate()));
  out.push(
    '',
    `Cleaned seeds: ${seeds.errors} error flags, ${seeds.hints} hints in ${seeds.characters} characters = ` +
      `${seeds.per10k.toFixed(2)} false alarms per 10k (target < 0.5)`,
    ...seeds.items.slice(0, all ? undefined : 20).map((i) => `  ${i}`),
  );
  console.log(out.join('\n'));
}


