/**
 * npx tsx scripts/lib/word-pairs-sweep.ts ['{"cost":1,"context":0.5}' …] [--handbook] [--off]
 *
 * The word-for-word confusion set (lib/lm/word-pairs.ts) under each tuning given (JSON, merged over
 * DEFAULT_PAIR_TUNING): the own sentences (tests/unit/lm/data/word-pairs-*: slips fixed, clean sentences
 * flagged by the set), the cross-validated train part of the ecspell file (strict detection P/R, clean
 * target sentences flagged) and the train part's clean target sentences with a two-character whole-word
 * finding (kind `word`: the set's, or the tier's own whole-word homophones; none before the set).
 * --handbook: the set without the pairs mined from the ecspell train part alone (`from: 'odw'`), so the
 * cross-validated figures do not flatter the mined pairs. --off: the tier without the set, for the baseline.
 * The held-out part is never read.
 */
import { crossValidate } from './ecspell-cv';
import { loadEcspell } from './ecspell-split';
import { applyFindings, loadSlipSet } from './lm-genre';
import { loadTierForNode, tuningFromEnv } from './lm-node';
import { DEFAULT_PAIR_TUNING, WORD_PAIRS, type WordPairTuning } from '../../lib/lm/word-pairs';

const argv = process.argv.slice(2);
const handbook = argv.includes('--handbook');
const settings: Array<Partial<WordPairTuning> | null> = argv.includes('--off') ? [null] : [];
for (const a of argv) if (!a.startsWith('--')) settings.push(JSON.parse(a) as Partial<WordPairTuning>);
if (settings.length === 0) settings.push({});
const set = handbook ? WORD_PAIRS.filter((p) => p.from !== 'odw') : WORD_PAIRS;
const { slips, clean } = loadSlipSet('word-pairs');
const targets = loadEcspell().filter((l) => l.part === 'train').map((l) => l.target);

for (const s of settings) {
  const wordPairs = s === null ? null : { ...s, set };
  const tier = loadTierForNode({ wordPairs });
  let fixed = 0;
  let errors = 0;
  for (const [wrong, right] of slips) {
    const fs = tier.findingsTwoPass(wrong);
    if (applyFindings(wrong, fs) !== right) continue;
    fixed++;
    if (fs.every((f) => f.confidence >= tier.tuning.errorAt && !f.doubted)) errors++;
  }
  const pairFlags = (text: string) => tier.findingsTwoPass(text).filter((f) => f.kind === 'word' && f.fix.length === 2 && f.end - f.start === 2);
  const cleanHit = [...clean, ...slips.map(([, r]) => r)].filter((x) => tier.findingsTwoPass(x).length > 0).length;
  const targetHits = targets.filter((x) => pairFlags(x).length > 0);
  const cv = crossValidate({ tuning: tuningFromEnv(), wordPairs });
  const label = s === null ? 'off' : JSON.stringify({ ...DEFAULT_PAIR_TUNING, ...s, set: undefined });
  console.log(
    `${label}${handbook ? ' handbook' : ''}: own ${fixed}/${slips.length} fixed (${errors} errors), clean ${cleanHit}/${clean.length + slips.length} flagged | ` +
      `CV P ${cv.detection.precision.toFixed(3)} R ${cv.detection.recall.toFixed(3)} corr F1 ${cv.correction.f1.toFixed(3)} flagged ${cv.flagged} clean ${cv.cleanFlagged} | train targets with a whole-word flag ${targetHits.length}`,
  );
  for (const x of targetHits) console.log(`    ${pairFlags(x).map((f) => `${f.text}→${f.fix} ${f.margin.toFixed(2)}`).join(' ')}  ${x}`);
}
