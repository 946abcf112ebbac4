/**
 * npx tsx scripts/lib/lm-chunk-ab.ts ROUNDS ROOT_A ROOT_B [ROOT_C …] [--tier] [--chunk N]
 *
 * CPU time (user + system) of the LM checker (or, with --tier, the typo tier alone) of several source
 * trees on the bench document, interleaved chunk by chunk (N characters of whole paragraphs, 3,000 by
 * default; the trees' order rotates from chunk to chunk), with fresh checkers each round after three
 * warm-up checks. Each tree is compared with the first: ratio of the sums, and the median of the
 * per-chunk ratios with a 90 % bootstrap interval. On a loaded machine a round-level A/B (tier-ab.ts)
 * swings by ±10 % from round to round; chunk ratios taken a few milliseconds apart are steadier.
 *
 * Give a second copy of the first tree as a control: two identical trees differ by a few per cent here
 * too (where each is loaded and laid out in memory), which bounds what a comparison can tell.
 * Trees must be whole (`git archive <rev> | tar -x -C DIR`, node_modules linked in): without the
 * package.json ("type": "module") tsx loads lib/ as CommonJS, whose imported bindings are property
 * reads, and the same code runs about 30 % slower.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { buildLargeDocument, lineVariant } from './seeds';
import { MODEL_FILE } from './lm-sources';

const args = process.argv.slice(2);
const tierOnly = args.includes('--tier');
const at = args.indexOf('--chunk');
const chunkSize = at >= 0 ? Number(args[at + 1]) : 3000;
const positional = args.filter((a, k) => !a.startsWith('--') && !(at >= 0 && k === at + 1));
const rounds = Number(positional[0]);
const roots = positional.slice(1);
if (!(rounds > 0) || roots.length < 2) {
  console.error('usage: lm-chunk-ab.ts ROUNDS ROOT_A ROOT_B [ROOT_C …] [--tier] [--chunk N]');
  process.exit(1);
}

interface Checker {
  check(text: string): unknown;
  tier: { issues(p: string): unknown };
}

const bytes = readFileSync(MODEL_FILE);
async function load(root: string): Promise<() => Checker> {
  const lm = (await import(join(root, 'lib/lm/index.ts'))) as typeof import('../../lib/lm');
  const corpus = (await import(join(root, 'lib/corpus/index.ts'))) as typeof import('../../lib/corpus');
  const model = lm.loadModel(bytes);
  const domainWords = lm.domainVocabulary(corpus.defaultCorpus);
  return () => lm.createLmChecker(model, { domainWords });
}

const trees: Array<() => Checker> = [];
for (const r of roots) trees.push(await load(r));
const text = buildLargeDocument(100_000);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (let w = 0; w < 3; w++) for (const t of trees) t().check(lineVariant(text, 900 + w));
const sums = trees.map(() => 0);
const perChunk: number[][] = trees.map(() => []);
let chars = 0;
const loadBefore = loadavg()[0]!;
for (let r = 0; r < rounds; r++) {
  const paras = lineVariant(text, 2000 + r).split('\n');
  const chunks: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const p of paras) {
    current.push(p);
    size += p.length + 1;
    if (size >= chunkSize) {
      chunks.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length) chunks.push(current);
  const checkers = trees.map((t) => t());
  chunks.forEach((chunk, c) => {
    // Rotate the first tree and alternate the direction, so no tree always runs first or after the same one.
    const first = (c + r) % trees.length;
    const order = trees.map((_, j) => (first + (c % 2 ? trees.length - j : j)) % trees.length);
    for (const k of order) {
      const checker = checkers[k]!;
      const c0 = cpu();
      if (tierOnly) for (const p of chunk) checker.tier.issues(p);
      else for (const p of chunk) checker.check(p);
      const spent = cpu() - c0;
      sums[k]! += spent;
      perChunk[k]!.push(spent);
    }
  });
  chars += paras.reduce((n, p) => n + p.length + 1, 0);
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
let seed = 12345;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
console.log(
  `load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}; ${rounds} rounds × ${perChunk[0]!.length / rounds} chunks of ${chunkSize} characters; ` +
    `${tierOnly ? 'tier' : 'LM checker'} CPU ms per 10k characters`,
);
roots.forEach((root, k) => {
  const ratios = perChunk[k]!.map((x, j) => x / perChunk[0]![j]!).filter((x) => Number.isFinite(x));
  const boots: number[] = [];
  for (let b = 0; b < 400; b++) boots.push(median(Array.from(ratios, () => ratios[Math.floor(random() * ratios.length)]!)));
  boots.sort((x, y) => x - y);
  console.log(
    `${String.fromCharCode(65 + k)} ${root}: ${((sums[k]! / chars) * 1e4).toFixed(2)}; vs A: sum ${(sums[k]! / sums[0]!).toFixed(3)}, ` +
      `chunk median ${median(ratios).toFixed(3)} [${boots[20]!.toFixed(3)}, ${boots[380]!.toFixed(3)}]`,
  );
});
