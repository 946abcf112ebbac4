/**
 * npx tsx scripts/lib/ecspell-sweep.ts '<json tuning>' ['<json tuning>' …]
 *
 * The cross-validated train-part figures (scripts/lib/ecspell-cv.ts) for several tunings in one process:
 * the precision/recall curve of a setting. Each argument is a partial TierTuning (as WENGAO_LM_TUNING).
 */
import { crossValidate } from './ecspell-cv';
import type { TierTuning } from '../../lib/lm/tier';

for (const arg of process.argv.slice(2)) {
  const tuning = JSON.parse(arg) as Partial<TierTuning>;
  const s = crossValidate({ tuning });
  const f = (x: number) => x.toFixed(3);
  console.log(
    `${arg.padEnd(40)} flagged ${s.flagged}  det P ${f(s.detection.precision)} R ${f(s.detection.recall)} F1 ${f(s.detection.f1)}  cor P ${f(s.correction.precision)} F1 ${f(s.correction.f1)}  allRight ${s.allFlagsRight}  clean ${s.cleanFlagged}`,
  );
}
