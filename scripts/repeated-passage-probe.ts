/**
 * tsx scripts/repeated-passage-probe.ts [-v]
 * repeated-passage on the drafting cases (tests/unit/rules/repeated-passage.drafting.cases.ts): recall per
 * class of repeat, and false flags on the clean look-alikes. -v lists each miss and false flag.
 */
import { createAnalyzer } from '../lib/engine';
import rule from '../lib/rules/repeated-passage';
import { DRAFT_LOOK_ALIKES, DRAFT_REPEATS } from '../tests/unit/rules/repeated-passage.drafting.cases';

const verbose = process.argv.includes('-v');
const analyzer = () => createAnalyzer({ rules: [rule] });
const per = new Map<string, [number, number]>();
for (const c of DRAFT_REPEATS) {
  const at = c.text.lastIndexOf(c.copy);
  if (at < 0) throw new Error(`copy not in text: ${c.copy}`);
  const issues = analyzer().analyze(c.text).issues;
  const hit = issues.some((i) => i.start < at + c.copy.length && i.end > at);
  const e = per.get(c.cls) ?? [0, 0];
  e[0] += hit ? 1 : 0;
  e[1]++;
  per.set(c.cls, e);
  if (verbose && !hit) console.log(`MISS [${c.cls}] ${c.text.replace(/\n/g, '⏎')}`);
  if (verbose) for (const i of issues) if (!(i.start < at + c.copy.length && i.end > at)) console.log(`  extra [${c.cls}] ${c.text.slice(i.start, i.end)}`);
}
let found = 0;
for (const [cls, [h, n]] of per) {
  found += h;
  console.log(`${cls.padEnd(20)} ${h}/${n}`);
}
console.log(`recall ${found}/${DRAFT_REPEATS.length}`);
let flags = 0;
for (const c of DRAFT_LOOK_ALIKES) {
  const issues = analyzer().analyze(c.text).issues;
  flags += issues.length;
  if (verbose) for (const i of issues) console.log(`FLAG [${c.cls}] ${c.text.slice(i.start, i.end)} ⟵ ${c.text.replace(/\n/g, '⏎')}`);
}
console.log(`false flags ${flags} on ${DRAFT_LOOK_ALIKES.length} look-alikes`);
