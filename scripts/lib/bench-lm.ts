/**
 * Costs of the wrong-character tier for `npm run bench`: model size (on disk and gzip-compressed, as in
 * the extension package), load time and memory in a fresh process (the way the extension's background
 * loads it once), the first check after that load, and the warm check time per 10,000 characters.
 *
 * The first check after load is what the first answer waits for once the model is in: it runs cold code
 * (V8 interprets, then optimises) and builds the tables made on first use (the lexicon's tries for the
 * 的/地/得 check, the masked-core bits of lib/lm/model.ts). It is timed in fresh processes on the first
 * paragraphs of the bench document up to 10,000 characters (the size of the first batches the content
 * script sends), and apart from it a second fresh process times those tables alone. The warm figure is
 * the median after warm-up runs, as the engine phases measure theirs.
 * Run alone (`tsx scripts/lib/bench-lm.ts --child [--tables]`) it is the fresh process.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { createLmChecker, domainVocabulary, loadModel } from '../../lib/lm';
import { wordClasses } from '../../lib/lexicon';
import { defaultCorpus } from '../../lib/corpus';
import { MODEL_FILE } from './lm-sources';
import { buildLargeDocument, lineVariant } from './seeds';

export const LM_TARGETS = { loadMs: 300, memoryMB: 80, msPer10k: 30, gzipMB: 12 };

export interface LmBench {
  modelMB: number;
  gzipMB: number;
  loadMs: number;
  /** The first check after loading, fresh process: the document's first paragraphs up to 10,000 characters. */
  firstCheckMs: number;
  firstCheckCpuMs: number;
  firstCheckChars: number;
  /** Tables made on first use, timed alone in another fresh process (CPU ms): lexicon tries, masked cores. */
  lexiconMs: number;
  coresMs: number;
  /** Memory the loaded model holds (heap + array buffers, after GC), fresh process. */
  memoryMB: number;
  msPer10k: number;
  /** CPU time of the same runs (a shared, loaded machine stretches wall time; CPU time much less). */
  cpuMsPer10k: number;
  /** Full checks run before the timed ones. */
  warmupRuns: number;
  /** Re-check after a one-character edit in one paragraph (the rest cached). */
  editMs: number;
  chars: number;
  pass: boolean;
}

/** The bench document's first paragraphs up to 10,000 characters: a first batch of the content script. */
export function firstRequest(text: string): string {
  const cut = text.lastIndexOf('\n', 10_000);
  return text.slice(0, cut > 0 ? cut : 10_000);
}

interface ChildResult {
  loadMs: number;
  firstCheckMs: number;
  firstCheckCpuMs: number;
  memoryMB: number;
  lexiconMs: number;
  coresMs: number;
}

function child(tables: boolean): void {
  const first = firstRequest(buildLargeDocument(100_000));
  global.gc?.();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const model = loadModel(readFileSync(MODEL_FILE));
  const checker = createLmChecker(model, { domainWords: domainVocabulary(defaultCorpus) });
  const loadMs = performance.now() - t0;
  const cpu = () => process.cpuUsage().user / 1000;
  // The tables made on first use, alone (this process's first check is then not reported).
  let lexiconMs = 0;
  let coresMs = 0;
  if (tables) {
    let c = cpu();
    wordClasses('党员');
    lexiconMs = cpu() - c;
    c = cpu();
    model.maskedChars('党员干部', 0, 4, 1);
    coresMs = cpu() - c;
  }
  const c1 = cpu();
  const t1 = performance.now();
  checker.check(first);
  const firstCheckMs = performance.now() - t1;
  const firstCheckCpuMs = cpu() - c1;
  global.gc?.();
  const after = process.memoryUsage();
  const memory = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
  const out: ChildResult = { loadMs, firstCheckMs, firstCheckCpuMs, memoryMB: memory / 1e6, lexiconMs, coresMs };
  process.stdout.write(JSON.stringify({ ...out, keep: checker.tier.model.size }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Every line of the text made new (run number appended): no cache of a line's answer can hit. */
const variant = lineVariant;

export function benchLm(text: string, quick: boolean): LmBench {
  const bytes = readFileSync(MODEL_FILE);
  const gzip = gzipSync(bytes, { level: 9 }).byteLength;
  const self = fileURLToPath(import.meta.url);
  const fresh = (extra: string[]) =>
    JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--child', ...extra], { encoding: 'utf8' })) as ChildResult;
  const loads = Array.from({ length: quick ? 1 : 3 }, () => fresh([]));
  const tables = Array.from({ length: quick ? 1 : 3 }, () => fresh(['--tables']));
  const model = loadModel(bytes);
  const domainWords = domainVocabulary(defaultCorpus);
  // Warm-up: full checks of new variants until V8 has optimised the tier's code (the first 10,000
  // characters in a fresh process cost ≈ 15× a warm check: interpreted code, then optimisation).
  const warmupRuns = quick ? 1 : 4;
  for (let r = 0; r < warmupRuns; r++) createLmChecker(model, { domainWords }).check(variant(text, 1000 + r));
  const runs = quick ? 1 : 5;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const checker = createLmChecker(model, { domainWords });
    const input = variant(text, 2000 + r);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    checker.check(input);
    cpu.push(process.cpuUsage(c0).user / 1000);
    times.push((performance.now() - t0) / input.length);
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
  const lengths = variant(text, 2000).length;
  const result = {
    modelMB: bytes.byteLength / 1e6,
    gzipMB: gzip / 1e6,
    loadMs: median(loads.map((l) => l.loadMs)),
    firstCheckMs: median(loads.map((l) => l.firstCheckMs)),
    firstCheckCpuMs: median(loads.map((l) => l.firstCheckCpuMs)),
    firstCheckChars: firstRequest(text).length,
    lexiconMs: median(tables.map((l) => l.lexiconMs)),
    coresMs: median(tables.map((l) => l.coresMs)),
    memoryMB: median(loads.map((l) => l.memoryMB)),
    msPer10k: median(times) * 10_000,
    cpuMsPer10k: (median(cpu) / lengths) * 10_000,
    warmupRuns,
    editMs: median(edits),
    chars: lengths,
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
      `memory once loaded ${r.memoryMB.toFixed(1)} MB (target ≤ ${LM_TARGETS.memoryMB}) ${mark(r.memoryMB <= LM_TARGETS.memoryMB)}`,
    `  first check after load (fresh process, first ${r.firstCheckChars} chars of the document): ${r.firstCheckMs.toFixed(0)} ms ` +
      `(CPU ${r.firstCheckCpuMs.toFixed(0)} ms, ${((r.firstCheckMs / r.firstCheckChars) * 10_000).toFixed(0)} ms per 10k; no target: cold code); ` +
      `of it tables made on first use, CPU: lexicon ${r.lexiconMs.toFixed(0)} ms, masked cores ${r.coresMs.toFixed(0)} ms`,
    `  check ${r.msPer10k.toFixed(1)} ms per 10k characters warm (median after ${r.warmupRuns} warm-up runs), no cache, ${r.chars} chars ` +
      `(CPU ${r.cpuMsPer10k.toFixed(1)} ms; target ≤ ${LM_TARGETS.msPer10k}) ${mark(r.msPer10k <= LM_TARGETS.msPer10k)}; ` +
      `one-character edit ${r.editMs.toFixed(2)} ms`,
  ];
}

if (process.argv.includes('--child')) child(process.argv.includes('--tables'));
