/**
 * npm run dev:labels — resolves every label of the development and held-out sets (tests/fixtures/{dev,dev-blind,holdout}) to its
 * offsets and lists the ones that cannot be placed (context missing or not unique, text not inside it, bad
 * type or role). Exit 1 when any label is broken. `--show` also prints every resolved label.
 */
import { parseArgs } from 'node:util';
import { BLIND_DEV_DIR, DEV_DIR, HOLDOUT_DIR, loadDevSet } from './lib/dev-set';

const { values } = parseArgs({ options: { show: { type: 'boolean' } }, strict: true });
const dev = loadDevSet(DEV_DIR);
const blindDev = loadDevSet(BLIND_DEV_DIR);
const held = loadDevSet(HOLDOUT_DIR);
const docs = [...dev.docs, ...blindDev.docs, ...held.docs];
const problems = [...dev.problems, ...blindDev.problems, ...held.problems];
for (const d of docs) {
  const byType = new Map<string, number>();
  for (const l of d.labels) byType.set(l.type, (byType.get(l.type) ?? 0) + 1);
  const types = [...byType].map(([t, n]) => `${t} ${n}`).join(', ');
  process.stdout.write(`${d.name}: ${d.text.length} characters, ${d.labels.length} slips (${types || 'none'}), ${d.headings.length} headings\n`);
  if (values.show) {
    for (const l of d.labels) process.stdout.write(`  @${l.start} [${l.type}] ${JSON.stringify(l.text)} → ${JSON.stringify(l.fix)}\n`);
    for (const h of d.headings) process.stdout.write(`  @${h.start} L${h.level} ${h.role} ${JSON.stringify(h.text)}\n`);
  }
}
for (const p of problems) process.stdout.write(`PROBLEM ${p.doc} ${p.where}: ${p.problem}\n`);
process.stdout.write(`${docs.length} drafts, ${problems.length} problems\n`);
process.exitCode = problems.length > 0 ? 1 : 0;
