/**
 * npx tsx scripts/lib/lm-nonword-diag.ts [--blind-dev] [--class NAME]
 *
 * For the typo slips of one class (lm-typo-classes.ts's naming; default "non-word same-reading") of the dev
 * or blind-written dev drafts, which tuning switch would let the tier fix each missed one: the coinage
 * guard, `repeated`, `attested`/`parallel`, the genre mend, or nothing short of a lower cost. For finding
 * what drops a class, not for tuning on its strings.
 */
import { loadDevSet, BLIND_DEV_DIR, DEV_DIR } from './dev-set';
import { loadModelForNode, loadTierForNode } from './lm-node';
import { mendsSpan, paragraphAround } from './label-mend';
import { typoClassOf } from './typo-class';
import type { TierTuning, WrongCharTier } from '../../lib/lm/tier';

const argv = process.argv.slice(2);
const blind = argv.includes('--blind-dev');
const ci = argv.indexOf('--class');
const wanted = ci >= 0 ? argv[ci + 1]! : 'non-word same-reading';
const { docs } = loadDevSet(blind ? BLIND_DEV_DIR : DEV_DIR);
const model = loadModelForNode();


const variants: Array<[string, Partial<TierTuning>]> = [
  ['coin', { coinages: false }],
  ['rep', { repeated: 0 }],
  ['att', { attested: 0, parallel: 0 }],
  ['genre3', { genre: 3 }],
  ['same2', { cost: { same: 2.03 } as TierTuning['cost'] }],
  ['same1', { cost: { same: 1.03 } as TierTuning['cost'] }],
];
const base = loadTierForNode();
const tiers: Array<[string, WrongCharTier]> = variants.map(([n, t]) => [n, loadTierForNode({ tuning: t })]);
const counts = new Map<string, number>();
let n = 0;
let found = 0;
for (const d of docs) {
  for (const l of d.labels) {
    if (l.type !== 'typo' || l.fix === null) continue;
    if (typoClassOf(model, d.text, l.start, l.text, l.fix) !== wanted) continue;
    n++;
    const { para, s, e } = paragraphAround(d.text, l.start, l.end);
    if (mendsSpan(base.issues(para), para, s, e, l.fix)) {
      found++;
      continue;
    }
    const by = tiers.filter(([, t]) => mendsSpan(t.issues(para), para, s, e, l.fix!)).map(([nm]) => nm);
    for (const b of by) counts.set(b, (counts.get(b) ?? 0) + 1);
    const f0 = base.findings(para, 0).find((f) => f.start < e && s < f.end);
    console.log(`${d.name}@${l.start} ${para.slice(Math.max(0, s - 8), s)}【${l.text}→${l.fix}】${para.slice(e, e + 6)}  by: ${by.join(',') || '-'}  first: ${f0 ? `${f0.text}→${f0.fix} ${f0.margin.toFixed(2)}` : '-'}`);
  }
}
console.log(`${wanted}: ${found}/${n} found; missed ones a switch finds: ${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}`);
