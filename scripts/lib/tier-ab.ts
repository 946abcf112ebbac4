/**
 * npx tsx scripts/lib/tier-ab.ts [rounds] [ROOT_A ROOT_B]
 *
 * CPU time of the typo tier (alone, and the whole LM checker as `npm run bench` times it) per 10,000
 * characters of the bench document, for two source trees interleaved in one process (A, B, B, A …, each
 * on a fresh variant of the document, after warm-up): a speed change compared on a loaded machine, where
 * a single wall-clock figure says little. ROOT_A defaults to an old tree made with
 * `git archive <rev> | tar -x -C /tmp/base` (node_modules linked in), ROOT_B to this one. With one root
 * (`-` for B) it times that tree alone, e.g. under `node --cpu-prof --import tsx`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { buildLargeDocument, lineVariant, ROOT } from './seeds';
import { MODEL_FILE } from './lm-sources';

interface Tree {
  name: string;
  checker: (domainWords: readonly string[]) => { check(text: string): unknown; tier: { issues(p: string): unknown } };
  domainWords: readonly string[];
}

async function load(root: string): Promise<Tree> {
  const lm = (await import(join(root, 'lib/lm/index.ts'))) as typeof import('../../lib/lm');
  const corpus = (await import(join(root, 'lib/corpus/index.ts'))) as typeof import('../../lib/corpus');
  const model = lm.loadModel(readFileSync(MODEL_FILE));
  return { name: root, checker: (domainWords) => lm.createLmChecker(model, { domainWords }), domainWords: lm.domainVocabulary(corpus.defaultCorpus) };
}

const rounds = Number(process.argv[2] ?? 8);
const roots = process.argv.slice(3).map((r) => (r === '-' ? ROOT : r));
const trees = await Promise.all((roots.length ? roots : ['/tmp/h2base', ROOT]).map(load));
const text = buildLargeDocument(100_000);
const cpuNow = () => process.cpuUsage().user / 1000;
for (let r = 0; r < 3; r++) for (const t of trees) t.checker(t.domainWords).check(lineVariant(text, 1000 + r));
const tierMs: number[][] = trees.map(() => []);
const allMs: number[][] = trees.map(() => []);
for (let r = 0; r < rounds; r++) {
  const order = r % 2 ? [...trees.keys()].reverse() : [...trees.keys()];
  for (const k of order) {
    const t = trees[k]!;
    const input = lineVariant(text, 2000 + r);
    const checker = t.checker(t.domainWords);
    let c0 = cpuNow();
    for (const p of input.split('\n')) checker.tier.issues(p);
    tierMs[k]!.push(((cpuNow() - c0) / input.length) * 10_000);
    const fresh = t.checker(t.domainWords);
    const again = lineVariant(text, 3000 + r);
    c0 = cpuNow();
    fresh.check(again);
    allMs[k]!.push(((cpuNow() - c0) / again.length) * 10_000);
  }
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const f = (xs: number[]) => `min ${Math.min(...xs).toFixed(2)} median ${median(xs).toFixed(2)}`;
console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} (${cpus().length} cores), ${rounds} rounds, CPU ms per 10k chars`);
trees.forEach((t, k) => console.log(`${String.fromCharCode(65 + k)} ${t.name}: tier ${f(tierMs[k]!)}; checker ${f(allMs[k]!)}`));
// Each round's trees ran back to back on the same input: their ratio is steadier than either time.
const ratio = (xs: number[][]) => median(xs[1]!.map((x, r) => x / xs[0]![r]!)).toFixed(3);
if (trees.length === 2) console.log(`B/A per round (median): tier ${ratio(tierMs)}, checker ${ratio(allMs)}`);
