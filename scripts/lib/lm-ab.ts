/**
 * npx tsx scripts/lib/lm-ab.ts A.bin B.bin [rounds] ['<json tuning of A>']
 *
 * CPU time of the typo tier per 10,000 characters with two models, interleaved in one process (A, B, A, B …
 * on fresh variants of the bench document, after warm-up), and each model's load time: for comparing a
 * model change when the machine is loaded (a single wall-clock figure says little then).
 */
import { readFileSync } from 'node:fs';
import { loadModel } from '../../lib/lm/model';
import { createLmChecker, domainVocabulary } from '../../lib/lm';
import { defaultCorpus } from '../../lib/corpus';
import type { TierOptions } from '../../lib/lm/tier';
import { buildLargeDocument, lineVariant } from './seeds';

const [pa, pb] = [process.argv[2]!, process.argv[3]!];
const rounds = Number(process.argv[4] ?? 8);
const tuningA = process.argv[5] ? (JSON.parse(process.argv[5]) as TierOptions['tuning']) : undefined;
const bytes = [readFileSync(pa), readFileSync(pb)];
const loads: number[][] = [[], []];
for (let r = 0; r < 15; r++) {
  for (const k of [0, 1]) {
    const c0 = process.cpuUsage();
    loadModel(bytes[k]!);
    loads[k]!.push(process.cpuUsage(c0).user / 1000);
  }
}
const models = bytes.map((b) => loadModel(b));
const domainWords = domainVocabulary(defaultCorpus);
const text = buildLargeDocument(100_000);
const variant = (k: number) => lineVariant(text, k);
const options = (k: number) => ({ domainWords, tuning: k === 0 ? tuningA : undefined });
for (let r = 0; r < 3; r++) models.forEach((m, k) => createLmChecker(m, options(k)).check(variant(1000 + r)));
const cpu: number[][] = [[], []];
for (let r = 0; r < rounds; r++) {
  const input = variant(2000 + r);
  for (const k of r % 2 ? [1, 0] : [0, 1]) {
    const checker = createLmChecker(models[k]!, options(k));
    const c0 = process.cpuUsage();
    checker.check(input);
    cpu[k]!.push(((process.cpuUsage(c0).user / 1000) / input.length) * 10_000);
  }
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const min = (xs: number[]) => Math.min(...xs);
for (const k of [0, 1]) {
  console.log(`${k ? 'B' : 'A'} ${k ? pb : pa}: CPU per 10k chars fastest ${min(cpu[k]!).toFixed(2)} ms, median ${median(cpu[k]!).toFixed(2)} ms; load CPU median ${median(loads[k]!).toFixed(1)} ms`);
}
