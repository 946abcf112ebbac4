/**
 * npx tsx scripts/lib/ecspell-analyse.ts [--list KIND]
 *
 * Why the tier's flagged sentences miss the strict sentence-level mark, on the TRAINING part of the ecspell
 * file, 5-fold cross-validated exactly as scripts/lib/ecspell-cv.ts (each fold without the pairs mined only
 * from it). Each flagged sentence is put in one class (judge() in eval-ecspell.ts: right, wrongFix,
 * partial, near, elsewhere, unscorable); --list CLASS (or all, or clean: the flagged target sentences)
 * lists them with the gold marked [wrong→right]. The held-out part is never read.
 */
import type { Issue } from '../../lib/engine/types';
import { WrongCharTier } from '../../lib/lm/tier';
import type { EcspellLine } from './ecspell-split';
import { judge, type MissClass } from './eval-ecspell';
import { cvFolds } from './ecspell-cv';
import { tuningFromEnv } from './lm-node';

export interface Judged {
  line: EcspellLine;
  cls: MissClass;
  /** The fold's tier that scored it. */
  tier: WrongCharTier;
  issues: Issue[];
  gold: number[];
}

function wrongPositions(l: EcspellLine): number[] {
  const out: number[] = [];
  if (l.source.length !== l.target.length) return out;
  for (let i = 0; i < l.source.length; i++) if (l.source[i] !== l.target[i]) out.push(i);
  return out;
}

/** Every train sentence the CV tiers flag, with its class. */
export function judgeCv(tuning = tuningFromEnv()): { judged: Judged[]; cleanFlagged: string[]; withErrors: number } {
  const judged: Judged[] = [];
  const cleanFlagged: string[] = [];
  let withErrors = 0;
  for (const { scored, tier } of cvFolds({ tuning })) {
    for (const l of scored) {
      if (l.source !== l.target) withErrors++;
      const errors = tier.issues(l.source).filter((i) => i.severity === 'error');
      if (errors.length) judged.push({ line: l, cls: judge(l, errors), tier, issues: errors, gold: wrongPositions(l) });
      const clean = tier.issues(l.target).filter((i) => i.severity === 'error');
      if (clean.length) cleanFlagged.push(`${clean.map((i) => `${i.text}→${i.replacements[0]}`).join(' ')} | ${l.target}`);
    }
  }
  return { judged, cleanFlagged, withErrors };
}

function show(j: Judged): string {
  const marks = j.line.source
    .split('')
    .map((c, i) => (j.gold.includes(i) ? `[${c}→${j.line.target[i]}]` : c))
    .join('');
  return `${j.line.line + 1} (${j.line.errors}): ${j.issues.map((i) => `${i.text}→${i.replacements[0]}@${i.start}`).join(' ')} | ${marks}`;
}

if (process.argv[1]?.endsWith('ecspell-analyse.ts')) {
  const { judged, cleanFlagged, withErrors } = judgeCv();
  const counts: Record<string, number> = {};
  for (const j of judged) counts[j.cls] = (counts[j.cls] ?? 0) + 1;
  const right = counts.right ?? 0;
  const det = right + (counts.wrongFix ?? 0);
  console.log(`train CV: ${judged.length} flagged of ${withErrors} with errors; detection right ${det} (P ${(det / judged.length).toFixed(3)}), correction right ${right}`);
  console.log(Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', '));
  // Multi-slip sentences: how many wrong characters they had, and how many of them the flags covered.
  const partial = judged.filter((j) => j.cls === 'partial');
  const byN: Record<string, number> = {};
  for (const j of partial) byN[`${j.gold.length}`] = (byN[`${j.gold.length}`] ?? 0) + 1;
  console.log(`partial by wrong characters in the sentence: ${Object.entries(byN).map(([k, v]) => `${k}: ${v}`).join(', ')}`);
  console.log(`clean target sentences flagged: ${cleanFlagged.length}`);
  const which = process.argv.includes('--list') ? process.argv[process.argv.indexOf('--list') + 1] : undefined;
  if (which) for (const j of judged.filter((x) => which === 'all' || x.cls === which)) console.log(`  ${j.cls}  ${show(j)}`);
  if (which === 'clean' || which === 'all') for (const c of cleanFlagged) console.log(`  clean  ${c}`);
}
