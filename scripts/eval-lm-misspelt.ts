/**
 * npx tsx scripts/eval-lm-misspelt.ts [--list] [--set domain-phrase] — the wrong-char tier on a common word typed as a rarer
 * vocabulary word one character away (tests/unit/lm/data/misspelt-slips.tsv: 己经 for 已经, 融和 for 融合,
 * 减持 for 坚持; written for this) and on clean sentences holding rare real words of that shape
 * (misspelt-clean.txt: 严紧, 攸关, 小结, 网格 …, and the slips' corrected sentences). Figures as
 * scripts/eval-lm-genre.ts: found, fixed (as errors), clean sentences flagged. --list prints each slip's
 * written and meant words with their log10 unigrams, and every finding. --set domain-phrase: the same figures on
 * slips in four-character phrasings of the corpus that the model lacks (domain-phrase-slips.tsv: 三会一棵 for
 * 三会一课) and clean look-alikes (domain-phrase-clean.txt: 工作实绩 is not 工作实际).
 */
import { loadTierForNode } from './lib/lm-node';
import { applyFindings, loadSlipSet } from './lib/lm-genre';

const set = process.argv.includes('--set') ? process.argv[process.argv.indexOf('--set') + 1]! : 'misspelt';
const { slips, clean } = loadSlipSet(set);

const tier = loadTierForNode();
const model = tier.model;
const list = process.argv.includes('--list');
const show = (fs: ReturnType<typeof tier.findingsTwoPass>) => fs.map((f) => `${f.text}→${f.fix}(${f.kind} ${f.margin.toFixed(2)}${f.doubted ? ' doubted' : ''})`).join(' ') || '∅';
/** The two-character written and meant words around the first changed character, with their log10 unigrams. */
function words(wrong: string, right: string): string {
  const k = [...wrong].findIndex((c, i) => c !== right[i]);
  for (const a of [k - 1, k]) {
    const w = wrong.slice(a, a + 2);
    const r = right.slice(a, a + 2);
    const wi = model.wordId(w);
    const ri = model.wordId(r);
    if (wi >= 0 && ri >= 0) return `${w} ${model.unigram(wi).toFixed(2)} → ${r} ${model.unigram(ri).toFixed(2)}`;
  }
  return '?';
}
let found = 0;
let fixed = 0;
let asErrors = 0;
const rows: string[] = [];
for (const [wrong, right] of slips) {
  const fs = tier.findingsTwoPass(wrong);
  const hit = fs.some((f) => [...wrong.slice(f.start, f.end)].some((c, k) => c !== right[f.start + k]));
  const out = applyFindings(wrong, fs);
  if (hit) found++;
  if (out === right) fixed++;
  if (out === right && fs.every((f) => f.confidence >= tier.tuning.errorAt && !f.doubted)) asErrors++;
  rows.push(`  ${out === right ? 'fixed' : 'miss '} ${words(wrong, right)}  ${wrong}  →  ${show(fs)}`);
}
let flagged = 0;
for (const s of [...slips.map(([, r]) => r), ...clean]) {
  const fs = tier.findingsTwoPass(s);
  if (fs.length === 0) continue;
  flagged++;
  rows.push(`  flag  ${s}  →  ${show(fs)}`);
}
console.log(`${set} slips: ${found}/${slips.length} found, ${fixed}/${slips.length} fixed right (${asErrors} of them as errors)`);
console.log(`clean look-alikes: ${flagged}/${slips.length + clean.length} sentences flagged`);
if (list) for (const r of rows) console.log(r);
