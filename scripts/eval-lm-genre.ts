/**
 * npx tsx scripts/eval-lm-genre.ts [--list] — the wrong-char tier on slips in the genre's own vocabulary
 * (tests/unit/lm/data/genre-slips.tsv: one character by sound or shape, or two neighbours swapped, in
 * words like 渠道, 履行, 派驻; written for this, not drawn from any benchmark) and on clean sentences that
 * look like them (the slips' corrected sentences and tests/unit/lm/data/genre-clean.txt: rare characters
 * standing alone, names, places, formal one-character words). The ecspell file has few such slips (19 of
 * 1,273 sit in a corpus word), so it cannot measure this class.
 *   sentences  found (a finding on a changed character), fixed (the fixes give the meant sentence; how many
 *              of those with every finding an error rather than a hint)
 *   clean      sentences with any finding
 */
import { loadTierForNode } from './lib/lm-node';
import { applyFindings, loadGenreSet } from './lib/lm-genre';

const tier = loadTierForNode();
const { slips, clean } = loadGenreSet();
const list = process.argv.includes('--list');
let found = 0;
let fixed = 0;
let fixedAsErrors = 0;
let flagged = 0;
const misses: string[] = [];
for (const [wrong, right] of slips) {
  const fs = tier.findingsTwoPass(wrong);
  const changed = (k: number) => wrong[k] !== right[k];
  const hit = fs.some((f) => Array.from({ length: f.end - f.start }, (_, k) => f.start + k).some(changed));
  const out = applyFindings(wrong, fs);
  if (hit) found++;
  if (out === right) fixed++;
  // Shown as errors (not hints: below errorAt, or doubted because the sentence has another near-winning place).
  if (out === right && fs.every((f) => f.confidence >= tier.tuning.errorAt && !f.doubted)) fixedAsErrors++;
  if (out !== right) misses.push(`${wrong}  →  ${fs.map((f) => `${f.text}→${f.fix}(${f.kind} ${f.margin.toFixed(2)})`).join(' ') || '∅'}`);
}
const flags: string[] = [];
for (const s of [...slips.map(([, r]) => r), ...clean]) {
  const fs = tier.findingsTwoPass(s);
  if (fs.length) {
    flagged++;
    flags.push(`${s}  →  ${fs.map((f) => `${f.text}→${f.fix}(${f.kind} ${f.margin.toFixed(2)})`).join(' ')}`);
  }
}
console.log(`genre slips: ${found}/${slips.length} found, ${fixed}/${slips.length} fixed right (${fixedAsErrors} of them as errors, the rest as hints)`);
console.log(`clean look-alikes: ${flagged}/${slips.length + clean.length} sentences flagged`);
if (list) {
  for (const m of misses) console.log('  miss ', m);
  for (const f of flags) console.log('  flag ', f);
}
