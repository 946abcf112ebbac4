/**
 * tsx scripts/ab-rules.ts <base-tree> [rule-id,…] [--size N | --seed] [--rounds R] [--loo] [--cold] [--gc]
 *
 * Per-rule cost, A/B against another checkout in one process: each rule alone (and the engine with no
 * rules, and all rules) on the bench document of N characters (default 100,000), fresh analyzer on a
 * variant with every line new, base and this tree interleaved run by run; CPU time (process.cpuUsage),
 * fastest of R rounds (default 9). Prints ms per 10,000 characters, base → here. --loo: every rule but
 * one instead of one alone (a rule's marginal cost among the others: shared caches, collections).
 * --cold: read 32 MB before every timed run (untimed), so each run starts with the processor's caches
 * holding none of the rules' code and tables. Without it a rule timed alone, run after run, keeps its
 * working set cached (L2 here is 1 MB) while fourteen rules together cannot: the sum of the rules alone
 * then falls ~1 ms/10k short of all of them (issue 13); with --cold the two agree within noise.
 * --gc: a forced major garbage collection before every timed run (untimed), as the engine bench does before
 * its timed series. What such a collection frees can take compiled code with it (hidden classes of
 * short-lived objects, optimized code of closures no longer alive: lib/engine/keep-shape.ts, analyzer.ts),
 * which the next run pays for; this measures that cost, which runs back to back never see.
 * --seed: the first seed instead of the bench document (the 10k case of the engine bench: dense, ~500 issues
 * per 10k characters, where the 的/地/得 rule does most of its work).
 */
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAnalyzer, rules } from '../lib/engine';
import type { Rule } from '../lib/engine/rule';
import { buildLargeDocument, lineVariant, loadEcspellTargets, loadSeeds } from './lib/seeds';
import { evictCaches, evictionSink } from './lib/evict-caches';

const { values, positionals } = parseArgs({
  options: { size: { type: 'string' }, rounds: { type: 'string' }, loo: { type: 'boolean' }, cold: { type: 'boolean' }, gc: { type: 'boolean' }, seed: { type: 'boolean' } },
  allowPositionals: true,
});
const [baseDir, only] = positionals;
if (!baseDir) {
  console.error('usage: tsx scripts/ab-rules.ts <base-tree> [rule-id,…] [--size N] [--rounds R] [--loo] [--cold] [--gc]');
  process.exit(2);
}
interface Engine {
  createAnalyzer: typeof createAnalyzer;
  rules: readonly Rule[];
}
const base = (await import(pathToFileURL(join(resolve(baseDir), 'lib', 'engine', 'index.ts')).href)) as Engine;
const here: Engine = { createAnalyzer, rules };
const size = Number(values.size ?? 100_000);
const rounds = Number(values.rounds ?? 9);
const text = values.seed ? loadSeeds()[0]!.text : buildLargeDocument(size, loadSeeds(), loadEcspellTargets());
let serial = 0;
const variant = (k: number) => lineVariant(text, k);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

let collect = () => {};
if (values.gc) {
  v8.setFlagsFromString('--expose-gc');
  collect = vm.runInNewContext('gc') as () => void;
}

type Pick = (e: Engine) => readonly Rule[];
const cases: [string, Pick][] = [['(no rules)', () => []]];
const ids = only ? only.split(',') : rules.map((r) => r.meta.id);
// --loo: every rule but this one, against all of them (what a rule costs among the others).
for (const id of ids) cases.push([values.loo ? `all but ${id}` : id, (e) => e.rules.filter((r) => (r.meta.id === id) !== !!values.loo)]);
cases.push(['(all rules)', (e) => e.rules]);


function once(e: Engine, pick: Pick): number {
  const t = variant(++serial);
  const a = e.createAnalyzer({ rules: pick(e) });
  if (values.gc) collect();
  if (values.cold) evictCaches();
  const t0 = cpu();
  a.analyze(t);
  return cpu() - t0;
}

// Warm-up: every case in both trees a few times.
for (let w = 0; w < 3; w++) for (const [, pick] of cases) for (const e of [base, here]) once(e, pick);
const per10k = (ms: number) => (ms / text.length) * 10_000;
const rows: { name: string; a: number; b: number }[] = [];
for (const [name, pick] of cases) {
  let a = Infinity;
  let b = Infinity;
  for (let r = 0; r < rounds; r++) {
    if (r % 2) {
      a = Math.min(a, once(base, pick));
      b = Math.min(b, once(here, pick));
    } else {
      b = Math.min(b, once(here, pick));
      a = Math.min(a, once(base, pick));
    }
  }
  rows.push({ name, a, b });
}
if (evictionSink() < 0) console.log(evictionSink());
const none = rows[0]!;
console.log(`${text.length} chars${values.cold ? ', caches evicted before each run' : ''}${values.gc ? ', a major GC before each run' : ''}, fastest of ${rounds}, CPU ms per 10k (own = minus the no-rule engine): base → here`);
for (const { name, a, b } of rows) {
  const all = rows[rows.length - 1]!;
  const own = name.startsWith('(')
    ? ''
    : values.loo
      ? `   marginal ${per10k(all.a - a).toFixed(3)} → ${per10k(all.b - b).toFixed(3)}`
      : `   own ${per10k(a - none.a).toFixed(3)} → ${per10k(b - none.b).toFixed(3)}`;
  console.log(`  ${name.padEnd(20)} ${per10k(a).toFixed(3)} → ${per10k(b).toFixed(3)}  (${((b / a - 1) * 100).toFixed(0)} %)${own}`);
}
