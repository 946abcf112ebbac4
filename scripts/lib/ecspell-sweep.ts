/**
 * npx tsx scripts/lib/ecspell-sweep.ts [--nested OBJECTIVE] '<json tuning>' ['<json tuning>' …]
 *
 * The cross-validated train-part figures (scripts/lib/ecspell-cv.ts) for several tunings in one process:
 * the precision/recall curve of a setting. Each argument is a partial TierTuning (as WENGAO_LM_TUNING).
 *
 * --nested f05|f1|cor: also choose among the given tunings by nested cross-validation — for each fold, the
 * tuning that scores best on the other four folds (detection F0.5, detection F1 or correction F1) — and
 * report the figures of the chosen tunings on the folds they were not chosen on. Nothing is chosen on a
 * fold's own sentences; the held-out part is never read.
 */
import { crossValidate, type CvScore } from './ecspell-cv';
import type { TierTuning } from '../../lib/lm/tier';

type Fold = CvScore['folds'][number];
const f = (x: number) => x.toFixed(3);
const fBeta = (p: number, r: number, b: number) => (p + r ? ((1 + b * b) * p * r) / (b * b * p + r) : 0);

function objective(name: string, folds: readonly Fold[]): number {
  const sum = (k: keyof Fold) => folds.reduce((n, x) => n + x[k], 0);
  const flagged = sum('flagged');
  const withErrors = sum('withErrors');
  const right = name === 'cor' ? sum('corrected') : sum('detected');
  const p = flagged ? right / flagged : 0;
  const r = withErrors ? right / withErrors : 0;
  return fBeta(p, r, name === 'f05' ? 0.5 : 1);
}

const argv = process.argv.slice(2);
const at = argv.indexOf('--nested');
const nested = at >= 0 ? argv[at + 1]! : undefined;
const settings = at >= 0 ? argv.filter((_, i) => i !== at && i !== at + 1) : argv;
const results: Array<{ arg: string; s: CvScore }> = [];
for (const arg of settings) {
  const s = crossValidate({ tuning: JSON.parse(arg) as Partial<TierTuning> });
  results.push({ arg, s });
  console.log(
    `${arg.padEnd(40)} flagged ${s.flagged}  det P ${f(s.detection.precision)} R ${f(s.detection.recall)} F1 ${f(s.detection.f1)}  cor P ${f(s.correction.precision)} F1 ${f(s.correction.f1)}  allRight ${s.allFlagsRight}  clean ${s.cleanFlagged}`,
  );
}
if (nested) {
  const k = results[0]!.s.folds.length;
  let flagged = 0;
  let det = 0;
  let cor = 0;
  let withErrors = 0;
  for (let fold = 0; fold < k; fold++) {
    const others = (r: (typeof results)[number]) => r.s.folds.filter((_, i) => i !== fold);
    const best = results.reduce((a, b) => (objective(nested, others(b)) > objective(nested, others(a)) ? b : a));
    const own = best.s.folds[fold]!;
    console.log(`fold ${fold}: chose ${best.arg} (on the other folds: ${f(objective(nested, others(best)))})`);
    flagged += own.flagged;
    det += own.detected;
    cor += own.corrected;
    withErrors += own.withErrors;
  }
  const dp = det / flagged;
  const dr = det / withErrors;
  const cp = cor / flagged;
  const cr = cor / withErrors;
  console.log(`nested (${nested}): flagged ${flagged}  det P ${f(dp)} R ${f(dr)} F1 ${f(fBeta(dp, dr, 1))}  cor P ${f(cp)} R ${f(cr)} F1 ${f(fBeta(cp, cr, 1))}`);
}
