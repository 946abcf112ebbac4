/**
 * Costs of the wrong-character tier for `npm run bench`: model size (on disk and gzip-compressed, as in
 * the extension package), load time and memory in a fresh process (the way the extension's background
 * loads it once), and check time per 10,000 characters with no paragraph cache.
 * Run alone (`tsx scripts/lib/bench-lm.ts --child`) it is the fresh process that measures the load.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { createLmChecker, domainVocabulary, loadModel } from '../../lib/lm';
import { defaultCorpus } from '../../lib/corpus';
import { MODEL_FILE } from './lm-sources';

export const LM_TARGETS = { loadMs: 300, memoryMB: 80, msPer10k: 30, gzipMB: 12 };

export interface LmBench {
  modelMB: number;
  gzipMB: number;
  loadMs: number;
  /** The first check after loading (builds the homophone index). */
  firstCheckMs: number;
  /** Memory the loaded model holds (heap + array buffers, after GC), fresh process. */
  memoryMB: number;
  msPer10k: number;
  /** CPU time of the same runs (a shared, loaded machine stretches wall time; CPU time much less). */
  cpuMsPer10k: number;
  /** Re-check after a one-character edit in one paragraph (the rest cached). */
  editMs: number;
  chars: number;
  pass: boolean;
}

function child(): void {
  global.gc?.();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const model = loadModel(readFileSync(MODEL_FILE));
  const checker = createLmChecker(model, { domainWords: domainVocabulary(defaultCorpus) });
  const loadMs = performance.now() - t0;
  // The first check: what the tier touches first (the whole-word homophone index is generated, so
  // nothing is built), part of the wait for the first answer.
  const t1 = performance.now();
  checker.check('党员干部要密切联系群众。');
  const firstCheckMs = performance.now() - t1;
  global.gc?.();
  const after = process.memoryUsage();
  const memory = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
  process.stdout.write(JSON.stringify({ loadMs, firstCheckMs, memoryMB: memory / 1e6, keep: checker.tier.model.size }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function benchLm(text: string, quick: boolean): LmBench {
  const bytes = readFileSync(MODEL_FILE);
  const gzip = gzipSync(bytes, { level: 9 }).byteLength;
  const self = fileURLToPath(import.meta.url);
  const loads = Array.from({ length: quick ? 1 : 3 }, () =>
    JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--child'], { encoding: 'utf8' })) as {
      loadMs: number;
      firstCheckMs: number;
      memoryMB: number;
    },
  );
  const model = loadModel(bytes);
  const domainWords = domainVocabulary(defaultCorpus);
  createLmChecker(model, { domainWords }).check(text.slice(0, 5000)); // warm-up
  const runs = quick ? 1 : 3;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const checker = createLmChecker(model, { domainWords });
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    checker.check(text);
    cpu.push(process.cpuUsage(c0).user / 1000);
    times.push(performance.now() - t0);
  }
  // One-character edit: the middle paragraph changes, every other paragraph comes from the cache.
  const checker = createLmChecker(model, { domainWords });
  checker.check(text);
  const mid = text.indexOf('\n', Math.floor(text.length / 2)) - 3;
  const edits: number[] = [];
  for (let k = 0; k < (quick ? 3 : 15); k++) {
    const edited = text.slice(0, mid) + '的'.repeat(k + 1) + text.slice(mid);
    const t0 = performance.now();
    checker.check(edited);
    edits.push(performance.now() - t0);
  }
  const result = {
    modelMB: bytes.byteLength / 1e6,
    gzipMB: gzip / 1e6,
    loadMs: median(loads.map((l) => l.loadMs)),
    firstCheckMs: median(loads.map((l) => l.firstCheckMs)),
    memoryMB: median(loads.map((l) => l.memoryMB)),
    msPer10k: (median(times) / text.length) * 10_000,
    cpuMsPer10k: (median(cpu) / text.length) * 10_000,
    editMs: median(edits),
    chars: text.length,
  };
  const pass =
    result.loadMs <= LM_TARGETS.loadMs &&
    result.memoryMB <= LM_TARGETS.memoryMB &&
    result.msPer10k <= LM_TARGETS.msPer10k &&
    result.gzipMB <= LM_TARGETS.gzipMB;
  return { ...result, pass };
}

export function formatLmBench(r: LmBench): string[] {
  const mark = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  return [
    `wrong-char tier (lib/lm):`,
    `  model ${r.modelMB.toFixed(2)} MB on disk, ${r.gzipMB.toFixed(2)} MB gzip (target ≤ ${LM_TARGETS.gzipMB}) ${mark(r.gzipMB <= LM_TARGETS.gzipMB)}`,
    `  load in a fresh process ${r.loadMs.toFixed(0)} ms (target ≤ ${LM_TARGETS.loadMs}) ${mark(r.loadMs <= LM_TARGETS.loadMs)}; ` +
      `first check ${r.firstCheckMs.toFixed(0)} ms; memory once loaded ${r.memoryMB.toFixed(1)} MB (target ≤ ${LM_TARGETS.memoryMB}) ${mark(r.memoryMB <= LM_TARGETS.memoryMB)}`,
    `  check ${r.msPer10k.toFixed(1)} ms per 10k characters, no cache, ${r.chars} chars (CPU ${r.cpuMsPer10k.toFixed(1)} ms; target ≤ ${LM_TARGETS.msPer10k}) ${mark(r.msPer10k <= LM_TARGETS.msPer10k)}; ` +
      `one-character edit ${r.editMs.toFixed(2)} ms`,
  ];
}

if (process.argv.includes('--child')) child();
