/**
 * Analysing a long document without long main-thread tasks. The engine caches results per paragraph,
 * so analysing growing prefixes (cut at line ends) in separate tasks does the expensive first pass a
 * chunk at a time; each later call only looks up the paragraphs it already has. The last call analyses
 * the whole text and is cheap because every paragraph is cached.
 *
 * Later keystrokes need no chunking: the engine re-checks only the touched paragraphs.
 */
export interface ChunkedOptions {
  /** Characters of new text in the first task (default 4,000); later chunks adapt to `budgetMs`. */
  chunkChars?: number;
  /** Aim for tasks of about this many ms (default 10). */
  budgetMs?: number;
  /** Yield to the event loop between chunks (default: a macrotask via setTimeout 0). */
  yieldFn?: () => Promise<void>;
  /** Stop early (e.g. the text changed or the field went away): resolves null. */
  signal?: AbortSignal;
}

/** Let input and rendering run before what follows: a new task (scheduler.yield where there is one). */
export const yieldTask = (): Promise<void> => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * Analyse `text` in chunks of roughly `chunkChars`, one task each; the result is `analyze(text)`'s
 * (the engine's analyze, or update for its view).
 */
export async function analyzeChunked<R>(text: string, analyze: (text: string) => R, options: ChunkedOptions = {}): Promise<R | null> {
  let chunk = Math.max(500, options.chunkChars ?? 4000);
  const budget = options.budgetMs ?? 10;
  const yieldFn = options.yieldFn ?? yieldTask;
  const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
  let done = 0;
  while (text.length - done > chunk) {
    const cut = text.indexOf('\n', done + chunk);
    if (cut === -1) break;
    const t = now();
    analyze(text.slice(0, cut));
    const ms = now() - t;
    // Adapt: more text per task when it was quick, less when it was slow (within 500…8,000 chars).
    const perChar = ms / Math.max(1, cut - done);
    chunk = Math.round(Math.min(8000, Math.max(500, perChar > 0 ? budget / perChar : chunk * 2)));
    done = cut;
    await yieldFn();
    if (options.signal?.aborted) return null;
  }
  return analyze(text);
}

/** Text that gets every kind of rule past its candidate scan (so lazy data is built). */
const WARM_UP_TEXT =
  '一、总体要求\n（一）工作目标\n我们要要认真学习贯彻会议精神，全面發挥党组织的的战斗堡垒作用,推动各项工作落实落地。\n展开全部\n不段加强 理论武装。';

/**
 * Build the engine's lazily created data (Intl.Segmenter's dictionary, converter tables, matchers) one
 * rule per task, before the first real analysis, so no single task pays for all of it. `analyzerFor`
 * creates an analyzer for a list of rules (the engine's createAnalyzer); the data is module-level and
 * shared with the analyzer used later.
 */
export async function warmUpEngine(
  rules: readonly { meta: { id: string } }[],
  analyzerFor: (rules: readonly never[]) => { analyze(text: string): unknown },
  options: { yieldFn?: () => Promise<void>; onTask?: (label: string, ms: number) => void } = {},
): Promise<void> {
  const yieldFn = options.yieldFn ?? yieldTask;
  const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
  let t = now();
  try {
    // The word segmenter's first construction loads its dictionary (≈ 40 ms in Chromium).
    const Seg = (Intl as unknown as { Segmenter?: new (l: string, o: object) => { segment(s: string): Iterable<unknown> } }).Segmenter;
    if (Seg) Array.from(new Seg('zh', { granularity: 'word' }).segment('中文分词'));
  } catch {
    /* no segmenter: rules fall back */
  }
  options.onTask?.('segmenter', now() - t);
  await yieldFn();
  for (const rule of rules) {
    t = now();
    try {
      analyzerFor([rule] as unknown as readonly never[]).analyze(WARM_UP_TEXT);
    } catch {
      /* the engine never throws; be safe anyway */
    }
    options.onTask?.(rule.meta.id, now() - t);
    await yieldFn();
  }
}
