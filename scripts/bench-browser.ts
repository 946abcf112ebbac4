/**
 * Browser benchmarks of the editing loop in a contenteditable (Debian Chromium via playwright-core),
 * on documents of 10,000 and 100,000 characters made of the seed essays and the ECSpell
 * official-document sentences (with their errors, so there is something to underline).
 *
 * 1. Library level (lib/editors in a fixture page, no extension): per keystroke, input event → text
 *    model re-read → analyze (incremental) → highlights updated, timed inside the page.
 * 2. Extension level (the built extension in .output/chrome-mv3; built first when missing): the content
 *    script on the contenteditable fixture page, with its real scheduling (debounce, idle callback,
 *    chunking). Per keystroke that creates a new slip (…我们要 → 要要): the time from the `input` event
 *    to the editor's counter badge — drawn in the same task as the highlights — showing the new count,
 *    with the debounce set to 0 ms (the work: idle wait + analysis + drawing) and at its default; the
 *    initial check of the loaded document; long tasks (PerformanceObserver 'longtask', > 50 ms) during
 *    the initial check and while typing; the content-script bundle size (gzip).
 *
 *   npx tsx scripts/bench-browser.ts              # both tables
 *   npx tsx scripts/bench-browser.ts --library    # only the library level
 *   npx tsx scripts/bench-browser.ts --extension  # only the extension level
 *   npx tsx scripts/bench-browser.ts --json       # machine-readable
 *   npx tsx scripts/bench-browser.ts --keys 120   # more keystrokes per document
 *   npx tsx scripts/bench-browser.ts --textarea   # only the long-textarea section (100k/300k/1M)
 *   npx tsx scripts/bench-browser.ts --contenteditable   # only the long-contenteditable section (100k/300k/1M)
 *   npx tsx scripts/bench-browser.ts --sizes 100000,300000   # their sizes
 *   npx tsx scripts/bench-browser.ts --contenteditable --runs 3   # each size 3 times (medians printed)
 *   npx tsx scripts/bench-browser.ts --contenteditable --off      # the same page with checking off (settings
 *     enabled: false): what Chromium's own editing, layout and scrolling of the document cost
 *   npx tsx scripts/bench-browser.ts --contenteditable --where    # also which paragraphs the registered highlight
 *     ranges are in, against those on screen
 *   (--dump PREFIX: the trace events of each row to PREFIX-<kind>-<size>-<row>.json, with the script stacks of
 *   forced layouts.) Besides the task times, each row has the extension's thread time per keystroke (its checks
 *   included), its longest forced layout while typing, the rendering after layout per frame (PrePaint, Paint,
 *   Layerize, Commit) and the number of ranges in CSS.highlights.
 *   npx tsx scripts/bench-browser.ts --contenteditable --profile  # also the extension's hottest functions while
 *     typing and scrolling (CDP Profiler; build with minification off to read the names)
 *   npx tsx scripts/bench-browser.ts --picker     # only the inline snippet picker (scripts/lib/bench-picker.ts)
 *   npx tsx scripts/bench-browser.ts --load       # only the page without editors (script time at load, sizes)
 *     (with the floor of any content script: the same measure for a minimal extension whose script is empty,
 *     for one that only registers a runtime.onMessage listener — Chromium sets up the extension API
 *     bindings of the page's isolated world on first use, so our script touches no API at load — and for
 *     the least an editor watch does: a document listener, one query and a MutationObserver; what ours
 *     costs beyond that is mostly parsing and compiling its ≈ 4.7 KB: lib/editors/content-watch.ts)
 *   npx tsx scripts/bench-browser.ts --load --ab .output/chrome-mv3,/tmp/other-build [--loads 30]
 *     (several builds compared in one process, their loads interleaved: p50, the parts — compile, the rest
 *     of the evaluation at document_start, later calls — and each build's paired difference to the first;
 *     `@empty`, `@wrapper`, `@document`, `@least` in the list are the built extension with its content
 *     script replaced by a floor: {@link floorBuild})
 *
 * 3. Long textarea (extension level): a textarea of 100,000 / 300,000 / 1,000,000 characters (≈ 47,000
 *    issues at 1 MB). The content script's main-thread time per keystroke (p50/p95) and its longest task
 *    while typing and while scrolling (DevTools trace: the extension's own function calls, so the
 *    browser's own textarea editing, which grows with the value, is not counted), input → new count,
 *    and the initial check (drawn after, longest task of the extension).
 * 4. Long contenteditable (extension level): the same measures on a contenteditable <div> of 100,000 /
 *    300,000 / 1,000,000 characters (one child <div> per paragraph, as Chrome makes them; it scrolls
 *    inside a 420 px box): the extension's tasks per keystroke and while scrolling, the page's longest
 *    task (the browser's own editing and layout of a 1 MB editor included), input → new count.
 *
 * Reports p50/p95/max of the handler per keystroke and its parts (read = text model re-read; shift =
 * shift/drop the drawn issues and redraw them; analyze = engine, incremental; draw = highlights for the
 * new issues). The content script will run read+shift on every input and analyze+draw after a pause, so
 * the sum is an upper bound per task. Also: the one-time engine warm-up
 * (one rule per task), the initial (chunked) read + analysis, and
 * the longest main-thread task seen by PerformanceObserver('longtask') (tasks over 50 ms), which also
 * counts the browser's own editing work.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DEFAULT_DEBOUNCE_MS } from '../lib/settings';
import { browserPath, CHROME_DIR, LAUNCH_ARGS, launch, serveDir, type Harness } from '../tests/browser/harness';
import { buildBundles, openFixture, serve, launchBrowser } from '../tests/browser-editors/harness';
import { benchPicker, formatPickerBench } from './lib/bench-picker';

const ROOT = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const keysArg = args.indexOf('--keys');
const KEYS = keysArg >= 0 ? Number(args[keysArg + 1]) || 100 : 100;
const SIZES = [10_000, 100_000];
const onlyLibrary = args.includes('--library');
const onlyExtension = args.includes('--extension');
const onlyTextarea = args.includes('--textarea');
const onlyContenteditable = args.includes('--contenteditable');
const sizesArg = args.indexOf('--sizes');
const TEXTAREA_SIZES = sizesArg >= 0 ? args[sizesArg + 1]!.split(',').map(Number) : [100_000, 300_000, 1_000_000];
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Math.max(1, Number(args[runsArg + 1]) || 1) : 1;
/** Checking switched off in the settings: the floor of the page's own work, for comparison. */
const checkerOff = args.includes('--off');
const profile = args.includes('--profile');

/** Paragraphs of real genre text, no paragraph repeated, up to `size` characters. */
function documentOf(size: number, repeat = false): string[] {
  const seedsDir = path.join(ROOT, 'tests/fixtures/seeds');
  const paragraphs: string[] = [];
  for (const f of readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()) {
    paragraphs.push(...readFileSync(path.join(seedsDir, f), 'utf8').split(/\r?\n/));
  }
  const rows = readFileSync(path.join(ROOT, 'tests/fixtures/ecspell/odw.train.tsv'), 'utf8').split('\n');
  let group: string[] = [];
  for (const row of rows) {
    const cols = row.split('\t');
    if (cols.length < 3) continue;
    group.push(cols[1]!); // the source column, errors included
    if (group.length === 4) {
      paragraphs.push(group.join(''));
      group = [];
    }
  }
  for (const row of rows) {
    const cols = row.split('\t');
    if (cols.length < 3) continue;
    group.push(cols[2]!);
    if (group.length === 4) {
      paragraphs.push(group.join(''));
      group = [];
    }
  }
  const out: string[] = [];
  let total = 0;
  // Beyond the corpus (≈ 165,000 characters) it starts over: repeated passages, as in a long draft
  // assembled from earlier ones (the 1 MB case of issue 10).
  for (let round = 0; total < size && (round === 0 || repeat); round++) {
    for (const p of paragraphs) {
      if (total >= size) break;
      const piece = p.slice(0, size - total);
      out.push(piece);
      total += piece.length + 1;
    }
  }
  return out;
}

function pct(values: number[], p: number): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

interface Row {
  chars: number;
  paragraphs: number;
  issues: number;
  keystrokes: number;
  p50: number;
  p95: number;
  max: number;
  readP50: number;
  readP95: number;
  shiftP50: number;
  shiftP95: number;
  analyzeP50: number;
  analyzeP95: number;
  drawP50: number;
  drawP95: number;
  initialTotalMs: number;
  initialReadMs: number;
  initialLongestTaskMs: number;
  initialTasks: number;
  initialTaskMs: number[];
  warmUpMs: number;
  warmUpLongestTaskMs: number;
  warmUpLongestTask: string;
  longestLongTaskMs: number | null;
  longTasks: number;
}

async function libraryBench(): Promise<Row[]> {
  const outdir = await buildBundles();
  const { server, origin } = await serve(outdir);
  const browser = await launchBrowser();
  const rows: Row[] = [];
  try {
    for (const size of SIZES) {
      const env = { browser, origin, close: async () => {} };
      const opened = await openFixture(env, 'bench');
      const page = opened.page;
      const paragraphs = documentOf(size);
      const init = await page.evaluate((ps) => (window as any).bench.load(ps), paragraphs);
      const chunkTasks: number[] = await page.evaluate(() => (window as any).bench.chunkTasks());
      // Caret at the end of a paragraph in the middle of the document.
      const text = paragraphs.join('\n');
      const mid = text.indexOf('\n', Math.floor(text.length / 2));
      await page.evaluate((o) => (window as any).bench.caret(o), mid);
      await page.waitForTimeout(100);
      const chars = '我们要认真学习贯彻会议精神全面发挥党组织的战斗堡垒作用推动各项工作落实落地';
      for (let k = 0; k < KEYS; k++) {
        if (k % 6 === 5) await page.keyboard.press('Backspace');
        else await page.keyboard.insertText(chars[k % chars.length]!);
        await page.waitForTimeout(15);
      }
      await page.waitForTimeout(300);
      const samples: { total: number; read: number; shift: number; analyze: number; draw: number; issues: number }[] = await page.evaluate(() => (window as any).bench.samples());
      const longTasks: number[] = await page.evaluate(() => (window as any).bench.longTasks());
      if (opened.errors.length) console.error(`console errors (${size}):`, opened.errors);
      const totals = samples.map((s) => s.total);
      rows.push({
        chars: init.chars,
        paragraphs: paragraphs.length,
        issues: samples.at(-1)?.issues ?? init.issues,
        keystrokes: samples.length,
        p50: pct(totals, 50),
        p95: pct(totals, 95),
        max: Math.max(0, ...totals),
        readP50: pct(samples.map((s) => s.read), 50),
        readP95: pct(samples.map((s) => s.read), 95),
        shiftP50: pct(samples.map((s) => s.shift), 50),
        shiftP95: pct(samples.map((s) => s.shift), 95),
        analyzeP50: pct(samples.map((s) => s.analyze), 50),
        analyzeP95: pct(samples.map((s) => s.analyze), 95),
        drawP50: pct(samples.map((s) => s.draw), 50),
        drawP95: pct(samples.map((s) => s.draw), 95),
        initialTotalMs: init.totalMs,
        initialReadMs: init.readMs,
        initialLongestTaskMs: Math.max(...chunkTasks),
        initialTasks: chunkTasks.length,
        initialTaskMs: chunkTasks.map((x) => Math.round(x * 10) / 10),
        warmUpMs: init.warmMs,
        warmUpLongestTaskMs: Math.max(...init.warm.map((w: [string, number]) => w[1])),
        warmUpLongestTask: init.warm.reduce((a: [string, number], b: [string, number]) => (b[1] > a[1] ? b : a))[0],
        longestLongTaskMs: longTasks.length ? Math.max(...longTasks) : null,
        longTasks: longTasks.length,
      });
      await opened.close();
    }
  } finally {
    await browser.close().catch(() => {});
    server.close();
  }

  return rows;
}

const f = (n: number | null) => (n === null ? '—' : n.toFixed(2));

function table(head: string[], lines: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  console.log(fmt(head));
  for (const l of lines) console.log(fmt(l));
}

function printLibrary(rows: Row[]): void {
  console.log(`Library level: editing loop in a contenteditable (Chromium headless, ${KEYS} keystrokes per document)`);
  console.log('per keystroke = input event → text model re-read → shift → analyze → highlights updated (ms), all in one task\n');
  const head = ['chars', 'paras', 'issues', 'p50', 'p95', 'max', 'read p50/p95', 'shift p50/p95', 'analyze p50/p95', 'draw p50/p95', 'warm-up (longest task)', 'initial (tasks, longest)', 'longtasks >50ms'];
  table(
    head,
    rows.map((r) => [
      String(r.chars),
      String(r.paragraphs),
      String(r.issues),
      f(r.p50),
      f(r.p95),
      f(r.max),
      `${f(r.readP50)}/${f(r.readP95)}`,
      `${f(r.shiftP50)}/${f(r.shiftP95)}`,
      `${f(r.analyzeP50)}/${f(r.analyzeP95)}`,
      `${f(r.drawP50)}/${f(r.drawP95)}`,
      `${f(r.warmUpMs)} (${f(r.warmUpLongestTaskMs)} ${r.warmUpLongestTask})`,
      `${f(r.initialTotalMs - r.warmUpMs)} (${r.initialTasks}, ${f(r.initialLongestTaskMs)})`,
      r.longTasks ? `${r.longTasks}, longest ${f(r.longestLongTaskMs)}` : 'none',
    ]),
  );
}

// ---------------------------------------------------------------------------------------------
// Extension level

interface ExtRow {
  chars: number;
  debounceMs: number;
  keystrokes: number;
  issues: number;
  /** input event → highlights (and badge) updated, for keystrokes that add a slip (debounce and idle wait included). */
  latencyP50: number;
  latencyP95: number;
  /** Main-thread time of the content script's code per keystroke (its share of the keystroke's work). */
  workP50: number;
  workP95: number;
  /** The longest task of the content script while typing. */
  workMaxTask: number;
  /** Document loaded → first complete check drawn. */
  initialMs: number;
  /** Main-thread time from loading to the first complete check (warm-up, reading, chunks, drawing; rendering included), and its longest task. */
  initialWorkMs: number;
  initialMaxTask: number;
  /** Long tasks (> 50 ms, any cause: the page's own loading included) during the initial check and while typing. */
  initialLongTasks: number[];
  typingLongTasks: number[];
}

type BenchWindow = Window & {
  fixture: { isReady: boolean; root(): HTMLElement; setParagraphs(p: string[]): Promise<void> };
  __bench: { longTasks: { start: number; duration: number }[]; inputs: number[]; counts: [number, string][] };
};

/**
 * Installed before the page's scripts: long tasks, input events, and the badge's count changes. (A string:
 * a function compiled by tsx would carry helper references the page does not have.)
 */
const PROBES = `(() => {
  const b = (window.__bench = { longTasks: [], inputs: [], counts: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.addEventListener('input', () => b.inputs.push(performance.now()), true);
  // The badge host (light DOM) carries the count; it changes in the task that draws the highlights.
  const watch = (badge) => new MutationObserver(() => b.counts.push([performance.now(), badge.getAttribute('data-count') || '']))
    .observe(badge, { attributes: true, attributeFilter: ['data-count'] });
  const attach = () => {
    if (!document.documentElement) return false;
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes)
          if (n.localName === 'wengao-badge') {
            b.counts.push([performance.now(), n.getAttribute('data-count') || '']);
            watch(n);
          }
    }).observe(document.documentElement, { childList: true });
    return true;
  };
  if (!attach()) new MutationObserver((_, mo) => attach() && mo.disconnect()).observe(document, { childList: true });
})();`;

const badgeCount = (page: Page) => page.evaluate(() => document.querySelector('wengao-badge')?.getAttribute('data-count') ?? null);

/** ms from the page's `since`-th input event to the badge first showing `want` (NaN when it never did). */
function inputToCount(page: Page, since: number, want: string): Promise<number> {
  return page.evaluate(
    ([since, want]) => {
      const b = (window as unknown as BenchWindow).__bench;
      const t0 = b.inputs[since as number]!;
      const hit = b.counts.find(([t, c]) => t >= t0 && c === want);
      return hit ? hit[0] - t0 : NaN;
    },
    [since, want] as const,
  );
}

async function waitUntil<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  let v = await read();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 5));
    v = await read();
  }
  if (!ok(v)) throw new Error(`timed out (last: ${JSON.stringify(v)})`);
  return v;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, when the trace has it: unlike `dur`, not inflated by a busy machine. */
  tdur?: number;
  tid: number;
  args?: { data?: { url?: string; type?: string; message?: string } };
}

/**
 * The content script's share of the main thread, from a DevTools trace: its top-level function calls
 * (event listeners, MutationObserver and idle callbacks, timers), summed per task and per keystroke
 * (the time from one `input` event to the next).
 */
function contentScriptWork(events: TraceEvent[]) {
  // Any of the extension's files: the watch (content-watch.js) and the checker it imports (editor-checker.js,
  // whose per-session URL has another host than the extension's ID).
  const calls = events
    .filter((e) => e.name === 'FunctionCall' && e.ph === 'X' && (e.args?.data?.url ?? '').startsWith('chrome-extension://'))
    .sort((a, b) => a.ts - b.ts);
  const tid = calls[0]?.tid;
  const top: TraceEvent[] = [];
  for (const c of calls) {
    const last = top.at(-1);
    if (last && c.ts < last.ts + (last.dur ?? 0)) continue; // nested in the previous call
    top.push(c);
  }
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.tid === tid).sort((a, b) => a.ts - b.ts);
  const inputs = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'input' && e.tid === tid).map((e) => e.ts).sort((a, b) => a - b);
  const perTask = new Map<TraceEvent, number>();
  let t = 0;
  for (const c of top) {
    while (t < tasks.length && tasks[t]!.ts + (tasks[t]!.dur ?? 0) < c.ts) t++;
    const task = tasks[t];
    if (task && task.ts <= c.ts) perTask.set(task, (perTask.get(task) ?? 0) + (c.dur ?? 0));
  }
  const firstInput = inputs[0] ?? Infinity;
  const ms = (us: number) => us / 1000;
  // The initial check runs partly in promise continuations (after the warm-up, between chunks), which the
  // trace does not attribute to a script: count every main-thread task after the page loaded its document
  // and before the first keystroke (the page does nothing else then; rendering is included).
  const loadedAt = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'bench:loaded')?.ts ?? Infinity;
  const initialTasks = tasks.filter((x) => x.ts > loadedAt && x.ts < firstInput).map((x) => x.dur ?? 0);
  const typingTasks = [...perTask].filter(([task]) => task.ts >= firstInput).map(([, d]) => d);
  const perKey = inputs.map((from, i) => {
    const to = inputs[i + 1] ?? Infinity;
    return ms(top.filter((c) => c.ts >= from && c.ts < to).reduce((n, c) => n + (c.dur ?? 0), 0));
  });
  return {
    initialTotal: ms(initialTasks.reduce((a, b) => a + b, 0)),
    initialMaxTask: ms(Math.max(0, ...initialTasks)),
    typingMaxTask: ms(Math.max(0, ...typingTasks)),
    perKey,
  };
}

async function extensionBench(): Promise<{ rows: ExtRow[]; gzipBytes: number }> {
  const root = path.resolve(import.meta.dirname, '..');
  if (!existsSync(path.join(CHROME_DIR, 'manifest.json')) || args.includes('--build')) {
    const res = spawnSync(process.execPath, [path.join(root, 'node_modules/wxt/bin/wxt.mjs'), 'build'], { cwd: root, encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`wxt build failed:\n${res.stdout}\n${res.stderr}`);
  }
  // The script every page gets (the manifest's content script) and the checker it imports where an editor is.
  const manifest = JSON.parse(readFileSync(path.join(CHROME_DIR, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const files = [...(manifest.content_scripts ?? []).flatMap((c) => c.js ?? []), 'editor-checker.js'].filter((f) => existsSync(path.join(CHROME_DIR, f)));
  const gzipBytes = files.reduce((n, f) => n + gzipSync(readFileSync(path.join(CHROME_DIR, f))).length, 0);
  await buildBundles();
  const h = await launch();
  const rows: ExtRow[] = [];
  try {
    await h.context.addInitScript({ content: PROBES });
    const ext = await h.context.newPage();
    await ext.goto(`chrome-extension://${h.extensionId}/sidepanel.html`);
    for (const size of SIZES) {
      const paragraphs = documentOf(size);
      const mid = Math.floor(paragraphs.length / 2);
      paragraphs[mid] = `${paragraphs[mid]!.replace(/[^。！？]*$/, '')}我们要`; // the next 要 makes 要要
      for (const debounceMs of [0, DEFAULT_DEBOUNCE_MS, 200]) {
        // (The rules only: the wrong-character tier's later answers would move the count read here.)
        await ext.evaluate((d) => chrome.storage.local.set({ settings: { debounceMs: d, rules: { 'wrong-char': false, 'de-di-de-context': false } } }), debounceMs);
        const page = await h.context.newPage();
        const cdp = await h.context.newCDPSession(page);
        await page.goto(`${h.origin}/p/contenteditable.html`);
        await page.waitForFunction(() => (window as unknown as BenchWindow).fixture?.isReady === true);
        await page.waitForTimeout(300);
        const events: TraceEvent[] = [];
        cdp.on('Tracing.dataCollected', (e) => {
          for (const x of e.value as unknown as TraceEvent[]) if (['FunctionCall', 'RunTask', 'EventDispatch', 'TimeStamp'].includes(x.name)) events.push(x);
        });
        const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
        await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'] }, transferMode: 'ReportEvents' } as never);

        // Load, then wait for the first complete check: the count stops changing.
        const loaded: number = await page.evaluate(async (ps) => {
          await (window as unknown as BenchWindow).fixture.setParagraphs(ps);
          await new Promise((r) => setTimeout(r, 0)); // the loading task is over
          console.timeStamp('bench:loaded');
          return performance.now();
        }, paragraphs);
        let last = '';
        let stableSince = Date.now();
        while (Date.now() - stableSince < 1500) {
          const c = (await badgeCount(page)) ?? '';
          if (c !== last) {
            last = c;
            stableSince = Date.now();
          }
          await new Promise((r) => setTimeout(r, 50));
        }
        const initial = await page.evaluate((t) => {
          const b = (window as unknown as BenchWindow).__bench;
          return { drawn: (b.counts.at(-1)?.[0] ?? t) - t, longTasks: b.longTasks.filter((x) => x.start + x.duration > t).map((x) => x.duration) };
        }, loaded);
        // Caret at the end of the middle paragraph (…我们要).
        await page.evaluate((i) => {
          const rootEl = (window as unknown as BenchWindow).fixture.root();
          rootEl.focus();
          const range = document.createRange();
          range.selectNodeContents(rootEl.children[i]!);
          range.collapse(false);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
        }, mid);
        await page.waitForTimeout(300);
        const typingFrom: number = await page.evaluate(() => performance.now());
        const latencies: number[] = [];
        const count = Number(await badgeCount(page));
        const keys = Math.max(4, Math.round(KEYS / 2));
        for (let k = 0; k < keys; k++) {
          const since: number = await page.evaluate(() => (window as unknown as BenchWindow).__bench.inputs.length);
          // Typed as through an input method: a key press (keyCode 229, "Process") that commits 要.
          await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Process', code: 'KeyY', windowsVirtualKeyCode: 229 });
          await cdp.send('Input.insertText', { text: '要' });
          await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Process', code: 'KeyY', windowsVirtualKeyCode: 229 });
          await waitUntil(() => badgeCount(page), (c) => Number(c) === count + 1, 5_000);
          latencies.push(await inputToCount(page, since, String(count + 1)));
          await page.keyboard.press('Backspace'); // drops the underline at once
          await waitUntil(() => badgeCount(page), (c) => Number(c) === count, 5_000);
          await page.waitForTimeout(debounceMs + 150); // the re-check after the Backspace
        }
        await cdp.send('Tracing.end');
        await traced;
        const work = contentScriptWork(events);
        const typingLongTasks: number[] = await page.evaluate(
          (t) => (window as unknown as BenchWindow).__bench.longTasks.filter((x) => x.start >= t).map((x) => x.duration),
          typingFrom,
        );
        rows.push({
          chars: paragraphs.join('\n').length,
          debounceMs,
          keystrokes: latencies.length * 2,
          issues: count,
          latencyP50: pct(latencies, 50),
          latencyP95: pct(latencies, 95),
          workP50: pct(work.perKey, 50),
          workP95: pct(work.perKey, 95),
          workMaxTask: work.typingMaxTask,
          initialMs: initial.drawn,
          initialWorkMs: work.initialTotal,
          initialMaxTask: work.initialMaxTask,
          initialLongTasks: initial.longTasks,
          typingLongTasks,
        });
        await page.close();
      }
    }
    await ext.evaluate(() => chrome.storage.local.remove('settings'));
    if (h.consoleErrors.length) console.error('console errors:', h.consoleErrors);
  } finally {
    await h.close();
  }
  return { rows, gzipBytes };
}

function printExtension(r: { rows: ExtRow[]; gzipBytes: number }): void {
  console.log(`Extension level: the content script on a contenteditable (Chromium headless); content script + checker ${(r.gzipBytes / 1024).toFixed(1)} KiB gzip`);
  console.log('latency = input event → highlights updated, for keystrokes that add a slip (debounce + idle wait included)');
  console.log('work = main-thread time of the content script per keystroke (DevTools trace); task max = its longest single task while typing');
  console.log('initial = the document loaded (a page task of its own) → first complete check drawn; busy = main-thread tasks meanwhile (longest)');
  console.log('long tasks = PerformanceObserver longtask (> 50 ms, any cause: the page loading its document included)\n');
  const lt = (xs: number[]) => (xs.length ? `${xs.length}, longest ${f(Math.max(...xs))}` : 'none');
  table(
    ['chars', 'debounce', 'keys', 'issues', 'latency p50/p95', 'work p50/p95', 'task max', 'initial drawn after', 'busy (longest task)', 'longtasks initial', 'longtasks typing'],
    r.rows.map((x) => [
      String(x.chars),
      String(x.debounceMs),
      String(x.keystrokes),
      String(x.issues),
      `${f(x.latencyP50)}/${f(x.latencyP95)}`,
      `${f(x.workP50)}/${f(x.workP95)}`,
      f(x.workMaxTask),
      f(x.initialMs),
      `${f(x.initialWorkMs)} (${f(x.initialMaxTask)})`,
      lt(x.initialLongTasks),
      lt(x.typingLongTasks),
    ]),
  );
}

async function main(): Promise<void> {
  if (args.includes('--load') && args.includes('--ab')) {
    const loadsArg = args.indexOf('--loads');
    await loadAB(args[args.indexOf('--ab') + 1]!.split(','), loadsArg >= 0 ? Math.max(1, Number(args[loadsArg + 1]) || 30) : 30);
    return;
  }
  if (args.includes('--load')) {
    const load = await loadBench();
    const floor = args.includes('--no-floor') ? null : loadFloor();
    if (json) console.log(JSON.stringify({ load, floor }, null, 2));
    else {
      printLoad(load);
      if (floor) printFloor(floor);
      const ours = load.threadMsP50 ?? load.scriptMsP50;
      // Chromium's injection of any script (compile and evaluate, no code) is in the raw figure and no
      // script can avoid it; what ours adds is the raw figure less the empty script's (separate runs: for a
      // steadier difference, --ab .output/chrome-mv3,@empty,@least).
      if (floor?.emptyMs != null) console.log(`ours above the empty script: ${f(ours - floor.emptyMs)} ms; above the least watch: ${f(floor.watchMs == null ? null : ours - floor.watchMs)} ms`);
    }
    return;
  }
  if (args.includes('--picker')) {
    const picker = await benchPicker();
    console.log(json ? JSON.stringify({ picker }, null, 2) : formatPickerBench(picker).join('\n'));
    return;
  }
  const only = onlyLibrary || onlyExtension || onlyTextarea || onlyContenteditable;
  const library = only && !onlyLibrary ? null : await libraryBench();
  const extension = only && !onlyExtension ? null : await extensionBench();
  const textarea = only && !onlyTextarea ? null : await textareaBench('textarea');
  const contenteditable = only && !onlyContenteditable ? null : await textareaBench('contenteditable');
  const load = only ? null : await loadBench();
  const picker = only ? null : await benchPicker();
  if (json) {
    console.log(JSON.stringify({ keystrokesPerDocument: KEYS, library, extension, textarea, contenteditable, load, picker }, null, 2));
    return;
  }
  if (picker) {
    console.log(formatPickerBench(picker).join('\n'));
    console.log('');
  }
  if (load) {
    printLoad(load);
    console.log('');
  }
  if (library) printLibrary(library);
  if (library && extension) console.log('');
  if (extension) printExtension(extension);
  if (textarea) {
    console.log('');
    printTextarea(textarea);
  }
  if (contenteditable) {
    console.log('');
    printTextarea(contenteditable);
  }
}

// ---------------------------------------------------------------------------------------------
// A page without editors

interface LoadRow {
  contentGzip: number;
  checkerGzip: number;
  packageBytes: number;
  /** Main-thread time of the content script at load on a page without editors (compile + run), per load. */
  scriptMsP50: number;
  scriptMsMax: number;
  /**
   * The same from CDP's Performance metrics: ScriptDuration of the page's renderer after load (the
   * page has no script of its own, so this is the extension's), and the share compile takes in the trace.
   */
  metricScriptMsP50: number;
  compileMsP50: number;
  /** The trace's top-level events again, in thread (CPU) time; null when the trace has none. */
  threadMsP50: number | null;
  loads: number;
  checkerRequested: boolean;
}

function dirBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    n += e.isDirectory() ? dirBytes(p) : readFileSync(p).length;
  }
  return n;
}

/** The page without editors: 200 paragraphs of news text, no script of its own (so every script event is ours). */
const PLAIN_PAGE = `<!doctype html><meta charset="utf-8"><title>新闻</title><article>${'<p>会议强调，要坚持以人民为中心的发展思想，推动高质量发展。</p>'.repeat(200)}</article>`;

/** One load of the page without editors, measured from a DevTools trace of its tab. */
interface LoadSample {
  /** Wall time of the extension's top-level events and their microtask checkpoints (ms). */
  ms: number;
  /** The same in thread (CPU) time, or null when the trace has none. */
  thread: number | null;
  /** Of the thread time: compiling the content script; the rest of its evaluation at document_start; later calls (listeners, observers). */
  compile: number;
  evaluate: number;
  calls: number;
  /** CDP Performance ScriptDuration of the tab (ms). */
  metric: number;
}

/** Loads the page without editors in a new tab of `context` and measures the extension's script time there. */
async function measureLoad(context: BrowserContext, origin: string): Promise<LoadSample> {
  const page = await context.newPage();
  await page.route('**/plain.html', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: PLAIN_PAGE }));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    for (const x of e.value as unknown as TraceEvent[]) if (['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'RunMicrotasks'].includes(x.name)) events.push(x);
  });
  const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute'] }, transferMode: 'ReportEvents' } as never);
  await page.goto(`${origin}/plain.html`);
  await page.waitForTimeout(600);
  await cdp.send('Tracing.end');
  await traced;
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  await page.close();
  const scriptSeconds = metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
  const ours = events.filter((e) => e.ph === 'X' && (e.args?.data?.url ?? (e.args as { fileName?: string } | undefined)?.fileName ?? '').startsWith('chrome-extension://'));
  // Top-level only (a compile inside an evaluation counts once).
  ours.sort((a, b) => a.ts - b.ts);
  const tops: TraceEvent[] = [];
  let end = 0;
  for (const e of ours) {
    if (e.ts < end) continue;
    tops.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  // The microtask checkpoint right after one of our calls runs our promise continuations (code after an
  // `await` in a listener): a RunMicrotasks event of its own, with no script URL, just after the call
  // in the same task. Not counting it hid most of the watch's work until 2026-12 (issue 13).
  const checkpoints = events.filter(
    (m) => m.name === 'RunMicrotasks' && m.ph === 'X' && tops.some((e) => e.tid === m.tid && m.ts >= e.ts + (e.dur ?? 0) && m.ts - (e.ts + (e.dur ?? 0)) < 500),
  );
  const sample: LoadSample = { ms: 0, thread: null, compile: 0, evaluate: 0, calls: 0, metric: scriptSeconds * 1000 };
  for (const e of [...tops, ...checkpoints]) {
    sample.ms += (e.dur ?? 0) / 1000;
    if (e.tdur === undefined) continue;
    sample.thread = (sample.thread ?? 0) + e.tdur / 1000;
    if (e.name === 'EvaluateScript') sample.evaluate += e.tdur / 1000;
    else sample.calls += e.tdur / 1000;
  }
  // (Thread time of the compile: 0 when the trace has none, as the split is then meaningless.)
  sample.compile = ours.filter((e) => e.name.startsWith('v8.compile')).reduce((a, e) => a + (e.tdur ?? 0) / 1000, 0);
  sample.evaluate -= Math.min(sample.evaluate, sample.compile);
  return sample;
}

async function loadBench(): Promise<LoadRow> {
  const out = CHROME_DIR;
  const checkerFile = path.join(out, 'editor-checker.js');
  const h: Harness = await launch();
  const samples: LoadSample[] = [];
  let checkerRequested = false;
  try {
    h.context.on('request', (r) => {
      if (r.url().endsWith('/editor-checker.js')) checkerRequested = true;
    });
    for (let k = 0; k < 6; k++) {
      const sample = await measureLoad(h.context, h.origin);
      // The first load also warms the browser's code cache.
      if (k > 0) samples.push(sample);
    }
  } finally {
    await h.close();
  }
  const threadTimes = samples.flatMap((x) => (x.thread === null ? [] : [x.thread]));
  // The script every page gets: the manifest's content script (entrypoints/content-watch.ts).
  const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const contentFiles = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  return {
    contentGzip: contentFiles.reduce((n, f) => n + gzipSync(readFileSync(path.join(out, f))).length, 0),
    checkerGzip: existsSync(checkerFile) ? gzipSync(readFileSync(checkerFile)).length : 0,
    packageBytes: dirBytes(out),
    scriptMsP50: pct(samples.map((x) => x.ms), 50),
    scriptMsMax: Math.max(0, ...samples.map((x) => x.ms)),
    metricScriptMsP50: pct(samples.map((x) => x.metric), 50),
    compileMsP50: pct(samples.map((x) => x.compile), 50),
    threadMsP50: threadTimes.length ? pct(threadTimes, 50) : null,
    loads: samples.length,
    checkerRequested,
  };
}

/**
 * `--load --ab DIR,DIR…`: the same measure for several builds of the extension (directories like
 * .output/chrome-mv3) in one process — one browser each, started together, their loads interleaved
 * round by round (the order alternating), so that the machine's load weighs on all of them alike.
 * Prints per build the thread time p50 (and quartiles) with its parts — the content script's compile,
 * the rest of its evaluation at document_start, the later calls (the DOMContentLoaded listener, observers)
 * — and, against the first build, the median of the per-round differences (paired: far steadier than the
 * difference of two medians on a busy machine). `--loads N`: rounds (default 30).
 *
 * What it showed on 2026-12-07 (load 7-20, thread ms, builds edited by hand against the least watch of
 * {@link loadFloor}): an empty script 0.40 (compile 0.27); the least watch 1.7-1.8 (compile 0.40, the two
 * document listeners at document_start ≈ 0.8 — the first DOM call sets up the world's bindings — and the
 * DOMContentLoaded call with its query and observer ≈ 0.55); ours 2.5-2.7. Added one at a time to the
 * least watch, each part of ours costs ≈ 0.15: the selector strings, the checker loader, the watch's
 * functions (≈ 0.1 ms per KB of code and per handful of functions, ≈ 0.05 per KB of string literal, comments
 * nothing). Listening on the window instead of the document saves nothing (the bindings are then set up at
 * DOMContentLoaded); running at document_end saves ≈ 0.18 of the least watch but leaves a frame's document
 * unanswered to its parent's ping while it is parsed.
 *
 * Later the same day (load 9-11, 30-60 rounds; @-floors): an empty script 0.39 (compile 0.25) — Chromium's
 * injection of any script, in the raw figure and unavoidable; WXT's bare start-up wrapper 1.07; a script
 * that only reads `document` ≈ +0.45 over the empty one, adding a document listener ≈ +0.7 (the isolated
 * world's DOM bindings, set up on first use); the least watch 1.8. Ours 2.8 → 2.4 without WXT's wrapper,
 * defineUnlistedScript's call and the selector joined at load (paired −0.38 over 60 rounds). Where the
 * rest of ours goes, from console.timeStamp marks in a hand-edited build (trace thread time, one load):
 * ≈ 0.35 from the start of the run to the script's first statement, 0.13 joining the selector (now made
 * on first use), 0.05-0.06 for each function compiled on first call, 0.3 reading `document` the first
 * time, 0.16 the first addEventListener; at DOMContentLoaded ≈ 0.5-0.7 (two lazy compiles, listeners,
 * the observer, the query). document_end instead of document_start: paired +0.03 (nothing saved).
 *
 * Later still (load 12-20, 25-40 rounds; hand-edited copies of the build and the @-floors): the least
 * watch built up one step at a time — an empty script 0.49, + reading `document` 1.00 (@document), + the
 * ping's document listener 1.34 (@listener), + the DOMContentLoaded listener, its call and the query 1.98
 * (@query), + the MutationObserver 2.22 (@least); ours 3.00. Each DOM interface or method first used in
 * the isolated world costs its set-up there (≈ 0.2-0.5 ms each): `document`, the first addEventListener (a
 * window listener instead costs as much: 0.95 against 0.88 for `document` alone), the observer; a second
 * listener on the same document ≈ 0.1, `readyState` and `designMode` ≈ 0.04 each (measured, not worth
 * dropping the designMode check). The extension API is a cost of its own that ours does not pay at load:
 * `chrome.runtime.id` alone 1.84 (@api), ours with it read first +1.50 paired. Tried on ours, did not pay:
 * the two functions every page runs (main, watchForEditor) marked for eager compilation with V8's
 * parenthesised-function hint, paired +0.06 / −0.04 against two copies of the base (the compile only moves
 * from the DOMContentLoaded call to the script's); the file-wide hint `//# allFunctionsCalledOnLoad`
 * (Chromium 136+, honoured for content scripts) +0.56 (every function compiled, used or not). Two copies
 * of the same build differ by up to ±0.2 paired at load 13-15: smaller differences need more rounds.
 */
async function loadAB(names: string[], rounds: number): Promise<void> {
  const browsers: { context: BrowserContext; profile: string; server: { close(): void }; origin: string }[] = [];
  const made: string[] = [];
  const dirs = names.map((n) => {
    if (!n.startsWith('@')) return path.resolve(n);
    const dir = floorBuild(n.slice(1));
    made.push(dir);
    return dir;
  });
  try {
    for (const dir of dirs) {
      if (!existsSync(path.join(dir, 'manifest.json'))) throw new Error(`No build in ${dir}`);
      const profile = mkdtempSync(path.join(os.tmpdir(), 'wengao-ab-'));
      const { server, origin } = await serveDir(dir);
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: browserPath(),
        headless: true,
        args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...LAUNCH_ARGS],
      });
      browsers.push({ context, profile, server, origin });
      if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker', { timeout: 20_000 }).catch(() => {});
    }
    const samples: LoadSample[][] = dirs.map(() => []);
    for (const b of browsers) await measureLoad(b.context, b.origin); // warm-up
    for (let k = 0; k < rounds; k++) {
      const order = dirs.map((_, i) => i);
      if (k % 2) order.reverse();
      for (const i of order) samples[i]!.push(await measureLoad(browsers[i]!.context, browsers[i]!.origin));
    }
    const thread = (x: LoadSample) => x.thread ?? x.ms;
    const med = (v: number[]) => f(pct(v, 50));
    console.log(`A/B, a page without editors: ${rounds} loads per build, interleaved; thread (CPU) time in ms; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} at the end`);
    dirs.forEach((dir, i) => {
      const s = samples[i]!;
      const t = s.map(thread);
      const vs = i ? `; paired difference to ${names[0]} (median of rounds) ${f(pct(t.map((x, k) => x - thread(samples[0]![k]!)), 50))}` : '';
      console.log(
        `${names[i]}: p50 ${med(t)} (p25 ${f(pct(t, 25))}, p75 ${f(pct(t, 75))}, p95 ${f(pct(t, 95))}); compile ${med(s.map((x) => x.compile))}, rest of evaluation ${med(s.map((x) => x.evaluate))}, later calls ${med(s.map((x) => x.calls))}${vs}`,
      );
    });
  } finally {
    for (const b of browsers) {
      await b.context.close().catch(() => {});
      b.server.close();
      rmSync(b.profile, { recursive: true, force: true });
    }
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Floors for `--ab` (`@empty`, `@wrapper`, `@least`, `@document`, `@listener`, `@query`, `@api`): the built
 * extension (CHROME_DIR, same manifest, same run_at) with its content script replaced — by an empty script
 * (what Chromium's injection of any script costs in this measure: compiling and evaluating a script of no
 * code), by WXT's start-up wrapper around an empty `main` (the entry WXT gives an unlisted script: plugin
 * initialiser, two try/catch blocks, a Promise check, a silent logger), by the least an editor watch does
 * ({@link loadFloor}'s watch), by a script that only touches `document` (the isolated world's DOM
 * bindings, set up on first use), by the least watch's steps (`@listener`: its document listener alone;
 * `@query`: that, the DOMContentLoaded listener and the query, no observer) and by a script that only reads
 * `chrome.runtime.id` (the extension API's bindings). Each is a temporary copy, removed after the run (the
 * language model is left out).
 */
function floorBuild(name: string): string {
  const scripts: Record<string, string> = {
    empty: 'void 0;\n',
    wrapper:
      '(function(){function e(e){return e==null||typeof e==`function`?{main:e}:e}var y=e(()=>{});' +
      'var S={debug:(...e)=>([...e],void 0),log:(...e)=>([...e],void 0),warn:(...e)=>([...e],void 0),error:(...e)=>([...e],void 0)};' +
      'return(()=>{let e;try{e=y.main(),e instanceof Promise&&(e=e.catch(e=>{throw S.error(`The unlisted script crashed on startup!`,e),e}))}' +
      'catch(e){throw S.error(`The unlisted script crashed on startup!`,e),e}return e})()})();\n',
    least: LEAST_WATCH,
    document: 'document;\n',
    // The least watch built up one DOM interface at a time (each costs its first use in the isolated world):
    // the frame ping's document listener alone, then the DOMContentLoaded listener and the query, then
    // (@least) the MutationObserver.
    listener: `${LEAST_WATCH.split('\n')[0]}\n`,
    query: `${LEAST_WATCH.split('\n').filter((l) => !l.includes('MutationObserver')).join('\n')}\n`,
    // The extension API's bindings set up and nothing else (what reading `chrome.runtime` costs a page).
    api: 'chrome.runtime.id;\n',
  };
  const script = scripts[name];
  if (script === undefined) throw new Error(`No floor @${name} (${Object.keys(scripts).map((k) => `@${k}`).join(', ')})`);
  const dir = mkdtempSync(path.join(os.tmpdir(), `wengao-floor-${name}-`));
  cpSync(CHROME_DIR, dir, { recursive: true, filter: (src) => !src.endsWith('.bin') });
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { content_scripts: { js: string[] }[] };
  for (const file of manifest.content_scripts.flatMap((c) => c.js)) writeFileSync(path.join(dir, file), script);
  return dir;
}

/**
 * The load measure for four minimal extensions (an empty content script; one that only reads `document`,
 * the isolated world's DOM bindings set up on first use; one that registers a runtime.onMessage listener
 * and calls runtime.getURL, the extension API's bindings, which ours does not touch at load; the least an
 * editor watch does: a listener on the document at document_start, then one query for fields and a
 * MutationObserver once the DOM is parsed), each in a child process (the harness reads the extension's
 * directory when it is imported). Thread time p50 in ms, or null when a run failed.
 */
function loadFloor(): LoadFloor {
  const run = (script: string): number | null => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-floor-'));
    try {
      mkdirSync(path.join(dir, 'content-scripts'));
      writeFileSync(
        path.join(dir, 'manifest.json'),
        JSON.stringify({
          manifest_version: 3,
          name: 'floor',
          version: '1',
          background: { service_worker: 'bg.js' },
          permissions: ['storage'],
          content_scripts: [{ matches: ['<all_urls>'], js: ['content-scripts/content.js'], run_at: 'document_start', all_frames: true }],
        }),
      );
      writeFileSync(path.join(dir, 'bg.js'), "self.addEventListener('install', () => {});\n");
      writeFileSync(path.join(dir, 'content-scripts/content.js'), script);
      const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--load', '--json', '--no-floor'], {
        cwd: ROOT,
        env: { ...process.env, WENGAO_EXT_DIR: dir },
        encoding: 'utf8',
        timeout: 180_000,
      });
      const row = (JSON.parse(child.stdout) as { load: LoadRow }).load;
      return row.threadMsP50 ?? row.scriptMsP50;
    } catch {
      return null;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return {
    emptyMs: run('void 0;\n'),
    documentMs: run('document;\n'),
    runtimeMs: run("chrome.runtime.onMessage.addListener(() => {});\nchrome.runtime.getURL('x');\n"),
    watchMs: run(LEAST_WATCH),
  };
}

/** The least an editor watch does: a document listener at document_start, one query and a MutationObserver once parsed. */
const LEAST_WATCH = [
  "document.addEventListener('wengao-floor', (e) => e.preventDefault(), true);",
  "document.addEventListener('DOMContentLoaded', () => {",
  "  document.querySelectorAll('textarea, input, [contenteditable]');",
  '  new MutationObserver(() => {}).observe(document, { childList: true, subtree: true });',
  '}, { once: true });',
].join('\n');

interface LoadFloor {
  emptyMs: number | null;
  documentMs: number | null;
  runtimeMs: number | null;
  watchMs: number | null;
}

function printFloor(r: LoadFloor): void {
  console.log(
    `floor, same measure (thread time p50): a minimal extension with an empty content script ${f(r.emptyMs)} ms; ` +
      `one that only reads \`document\` ${f(r.documentMs)} ms (the isolated world's DOM bindings set up on first use); ` +
      `the least an editor watch does (a document listener, one query and a MutationObserver once parsed) ${f(r.watchMs)} ms; ` +
      `for comparison, one that only registers a runtime.onMessage listener ${f(r.runtimeMs)} ms (the extension API's bindings, which ours does not touch until an editor shows up)`,
  );
}

function printLoad(r: LoadRow): void {
  console.log('A page without editors (the built extension, Chromium headless)');
  console.log(
    `content script ${(r.contentGzip / 1024).toFixed(1)} KiB gzip; checker file (loaded where an editor is) ${(r.checkerGzip / 1024).toFixed(1)} KiB gzip; ` +
      `package ${(r.packageBytes / 1024 / 1024).toFixed(2)} MiB on disk`,
  );
  console.log(
    `script time at load (compile + run of the extension's code and its microtasks, DevTools trace) p50 ${f(r.scriptMsP50)} ms (compile ${f(r.compileMsP50)} ms thread time), max ${f(r.scriptMsMax)} ms over ${r.loads} loads; ` +
      `in thread (CPU) time p50 ${f(r.threadMsP50)} ms; CDP Performance ScriptDuration p50 ${f(r.metricScriptMsP50)} ms; checker file requested: ${r.checkerRequested ? 'yes' : 'no'}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Long textarea

interface TextareaRow {
  kind: LongKind;
  chars: number;
  issues: number;
  keystrokes: number;
  /** Input event → the badge shows the new count (default settings). */
  latencyP50: number;
  latencyP95: number;
  /** The extension's main-thread time per keystroke, and its longest task while typing / scrolling. */
  workP50: number;
  workP95: number;
  typingMaxTask: number;
  scrollMaxTask: number;
  scrollWorkP50: number;
  /**
   * The page's longest main-thread task while typing / scrolling, whatever its cause: with the
   * browser's own work on the textarea (a 1 MB field is re-laid out whole after each key, in the frame).
   */
  pageTypingMaxTask: number;
  pageScrollMaxTask: number;
  /**
   * The same in thread (CPU) time, which a machine busy with other work inflates far less than the
   * wall-clock durations above: the extension's task p95 / max while typing, the page's longest tasks.
   */
  cpuTypingP95: number;
  cpuTypingMax: number;
  cpuPageTypingMax: number;
  cpuPageScrollMax: number;
  /**
   * The extension's thread time per keystroke while typing (all its calls in the typing window, the
   * checks included, over the keystrokes), and the longest forced layout/style recalc inside its calls.
   */
  cpuPerKey: number;
  /**
   * The extension's thread time inside the keystroke's own events (keydown, beforeinput, input,
   * textInput, compositionend, selectionchange) per task with an input event: what a keystroke costs
   * before any check, p50/p95/max over the typing window.
   */
  keyEventCpu: [number, number, number];
  forcedLayoutMax: number;
  /** Thread time of the rendering (PrePaint, Paint, Layerize, Commit) per frame while typing: p50 and max. */
  paintP50: number;
  paintMax: number;
  /** Ranges registered in CSS.highlights after the first check (a rich editor's underlines; the page can count them). */
  highlightRanges: number;
  /** The machine's 1-minute load average when the row was measured. */
  load: number;
  initialMs: number;
  initialMaxTask: number;
  /** Every main-thread task over {@link LONG_TASK_CPU_MS} of thread time while typing and scrolling, with what ran in it. */
  longTasks: LongTaskInfo[];
  /** With --profile: the extension's functions by self time while typing and scrolling. */
  hot?: { fn: string; selfMs: number }[];
  /** With --profile: the extension's source lines by self time (sampling ticks × interval). */
  hotLines?: { fn: string; selfMs: number }[];
  /** With --off: checking was switched off (the page's own cost). */
  off?: boolean;
}

/** CPU profile sampling interval (µs) with --profile. */
const PROFILE_INTERVAL_US = 200;

/** Tasks of at least this much thread time are listed with their parts (a frame is 16 ms). */
const LONG_TASK_CPU_MS = 16;

interface LongTaskInfo {
  phase: 'typing' | 'scrolling';
  /** Wall and thread time of the task, and the thread time of the extension's calls in it (ms). */
  ms: number;
  cpu: number;
  ours: number;
  /** Its parts: the top-level events in it by name, thread time (ms), largest first. */
  parts: [string, number][];
}

/**
 * The main-thread tasks of [from, to) with at least `minCpu` ms of thread time, each with its top-level
 * parts (the extension's calls as "ours", the page's as "page js", the rest by trace event name: Layout,
 * UpdateLayoutTree, Paint …; layout forced inside our calls is listed as "ours>Layout").
 */
function longTaskList(events: TraceEvent[], tid: number | undefined, from: number, to: number, phase: LongTaskInfo['phase'], isOurs: (url: string) => boolean, minCpu = LONG_TASK_CPU_MS): LongTaskInfo[] {
  const onThread = events.filter((e) => e.ph === 'X' && e.tid === tid && e.ts >= from && e.ts < to).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Wrappers around everything a task runs: their children are the task's parts.
  const wrapper = (e: TraceEvent) => e.name === 'RunTask' || e.name.startsWith('ThreadControllerImpl::');
  const out: LongTaskInfo[] = [];
  const tasks = onThread.filter((e) => e.name === 'RunTask' && (e.tdur ?? e.dur ?? 0) >= minCpu * 1000);
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const inside = onThread.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && !wrapper(e));
    const parts = new Map<string, number>();
    const add = (k: string, us: number) => parts.set(k, (parts.get(k) ?? 0) + us / 1000);
    /** Open events: the top-level part they belong to, and whether they are (inside) a call of ours. */
    const stack: { e: TraceEvent; top: string; ours: boolean }[] = [];
    let ours = 0;
    for (const e of inside) {
      while (stack.length && e.ts >= stack.at(-1)!.e.ts + (stack.at(-1)!.e.dur ?? 0)) stack.pop();
      const parent = stack.at(-1);
      const t = e.tdur ?? e.dur ?? 0;
      const isCall = e.name === 'FunctionCall';
      const mine = isCall && isOurs(e.args?.data?.url ?? '');
      const top = parent ? parent.top : e.name === 'EventDispatch' ? `${e.args?.data?.type ?? ''} event` : isCall ? (mine ? 'ours' : 'page js') : e.name;
      if (!parent) add(top, t);
      if (mine && !parent?.ours) {
        // A call of ours inside a browser part (an event, a frame callback): counted as ours, not as that part.
        ours += t / 1000;
        if (parent) {
          add(top, -t);
          add('ours', t);
        }
      } else if (parent?.ours && ['Layout', 'UpdateLayoutTree', 'HitTest', 'MajorGC', 'MinorGC'].includes(e.name)) {
        add(`ours>${e.name}`, t);
      }
      stack.push({ e, top, ours: mine || !!parent?.ours });
    }
    const cpu = (task.tdur ?? task.dur ?? 0) / 1000;
    const listed = [...parts].filter(([k]) => !k.includes('>')).reduce((a, [, v]) => a + v, 0);
    if (cpu - listed > 0.5) parts.set('(other)', cpu - listed);
    out.push({ phase, ms: (task.dur ?? 0) / 1000, cpu, ours, parts: [...parts].filter(([, v]) => v >= 0.05).sort((a, b) => b[1] - a[1]) });
  }
  return out;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; positionTicks?: { line: number; ticks: number }[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function of the extension's files in a CDP CPU profile, largest first. */
function hotFunctions(p: CpuProfile, isOurs: (url: string) => boolean, top = 25): { fn: string; selfMs: number }[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const n = byId.get(p.samples[i]!);
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    if (!n) continue;
    const cf = n.callFrame;
    const ours = isOurs(cf.url);
    const key = ours ? `${cf.functionName || '(anonymous)'} ${cf.url.split('/').pop()}:${cf.lineNumber + 1}:${cf.columnNumber + 1}` : cf.url ? '(page)' : `(${cf.functionName || 'native'})`;
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  return [...self].map(([fn, selfMs]) => ({ fn, selfMs })).sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
}

/**
 * Self time per source line of the extension's functions (the profile's line ticks × the sampling interval),
 * largest first: which statement of a hot function is hot (build with minification off to read the lines).
 */
function hotLines(p: CpuProfile, isOurs: (url: string) => boolean, intervalMs: number, top = 20): { fn: string; selfMs: number }[] {
  const self = new Map<string, number>();
  for (const n of p.nodes) {
    const cf = n.callFrame;
    if (!isOurs(cf.url)) continue;
    for (const t of n.positionTicks ?? []) {
      const key = `${cf.functionName || '(anonymous)'} ${cf.url.split('/').pop()}:${t.line}`;
      self.set(key, (self.get(key) ?? 0) + t.ticks * intervalMs);
    }
  }
  return [...self].map(([fn, selfMs]) => ({ fn, selfMs })).sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
}

/** The thread with the most RunTask time in [from, to) (the renderer's main thread, when no call of ours tells). */
function busiestThread(events: TraceEvent[], from: number, to: number): number | undefined {
  const per = new Map<number, number>();
  for (const e of events) if (e.name === 'RunTask' && e.ph === 'X' && e.ts >= from && e.ts < to) per.set(e.tid, (per.get(e.tid) ?? 0) + (e.dur ?? 0));
  return [...per].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The longest RunTask of the renderer's main thread `tid` in [from, to) (trace µs → ms). */
function longestTask(events: TraceEvent[], tid: number | undefined, from: number, to: number, time: 'dur' | 'tdur' = 'dur'): number {
  let max = 0;
  for (const e of events) if (e.name === 'RunTask' && e.ph === 'X' && e.tid === tid && e.ts >= from && e.ts < to) max = Math.max(max, e[time] ?? 0);
  return max / 1000;
}

/** Thread time (ms) of the rendering steps after layout (PrePaint, Paint, Layerize, Commit) per main-thread task of [from, to) that has them. */
function paintPerFrame(events: TraceEvent[], tid: number | undefined, from: number, to: number): number[] {
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.tid === tid && e.ts >= from && e.ts < to).sort((a, b) => a.ts - b.ts);
  const per = new Map<TraceEvent, number>();
  const steps = events.filter((e) => e.ph === 'X' && e.tid === tid && ['PrePaint', 'Paint', 'Layerize', 'Commit'].includes(e.name) && e.ts >= from && e.ts < to).sort((a, b) => a.ts - b.ts);
  let t = 0;
  for (const e of steps) {
    while (t < tasks.length && tasks[t]!.ts + (tasks[t]!.dur ?? 0) < e.ts) t++;
    const task = tasks[t];
    if (task && task.ts <= e.ts) per.set(task, (per.get(task) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
  }
  return [...per.values()];
}

/** The longest layout or style recalc (thread ms) forced inside the extension's calls of [from, to). */
function longestForcedLayout(events: TraceEvent[], calls: TraceEvent[], from: number, to: number): number {
  let max = 0;
  for (const e of events) {
    if (e.ph !== 'X' || (e.name !== 'Layout' && e.name !== 'UpdateLayoutTree') || e.ts < from || e.ts >= to) continue;
    if (calls.some((c) => c.tid === e.tid && c.ts <= e.ts && e.ts < c.ts + (c.dur ?? 0))) max = Math.max(max, (e.tdur ?? e.dur ?? 0) / 1000);
  }
  return max;
}

const KEY_EVENTS = new Set(['keydown', 'keypress', 'beforeinput', 'input', 'textInput', 'compositionend', 'selectionchange', 'keyup']);

/** p50/p95/max of the extension's thread time (ms) inside each task's keystroke events in [from, to). */
function keyEventCpu(events: TraceEvent[], calls: TraceEvent[], from: number, to: number): [number, number, number] {
  const tid = calls[0]?.tid;
  const dispatches = events.filter((e) => e.name === 'EventDispatch' && e.ph === 'X' && e.tid === tid && e.ts >= from && e.ts < to && KEY_EVENTS.has(e.args?.data?.type ?? ''));
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.tid === tid && e.ts >= from && e.ts < to);
  const per = new Map<TraceEvent, number>();
  for (const d of dispatches) {
    const end = d.ts + (d.dur ?? 0);
    const task = tasks.find((t) => t.ts <= d.ts && end <= t.ts + (t.dur ?? 0));
    if (!task) continue;
    let cpu = 0;
    for (const c of calls) if (c.ts >= d.ts && c.ts + (c.dur ?? 0) <= end) cpu += (c.tdur ?? c.dur ?? 0) / 1000;
    per.set(task, (per.get(task) ?? 0) + cpu);
  }
  // (Tasks of a keystroke's edit: those with its input event; a keyup or selectionchange alone is another task.)
  const edits = new Set(dispatches.filter((d) => d.args?.data?.type === 'input').map((d) => tasks.find((t) => t.ts <= d.ts && d.ts + (d.dur ?? 0) <= t.ts + (t.dur ?? 0))));
  const xs = [...per].filter(([t]) => edits.has(t)).map(([, v]) => v);
  return [pct(xs, 50), pct(xs, 95), Math.max(0, ...xs)];
}

/** Sum of the extension's top-level calls per task in [from, to) (trace µs). */
function extensionTasks(events: TraceEvent[], isOurs: (url: string) => boolean, from: number, to: number): { perTask: number[]; perTaskCpu: number[]; calls: TraceEvent[] } {
  const calls = events
    .filter((e) => e.name === 'FunctionCall' && e.ph === 'X' && isOurs(e.args?.data?.url ?? '') && e.ts >= from && e.ts < to)
    .sort((a, b) => a.ts - b.ts);
  const top: TraceEvent[] = [];
  for (const c of calls) {
    const last = top.at(-1);
    if (last && c.ts < last.ts + (last.dur ?? 0)) continue;
    top.push(c);
  }
  const tid = top[0]?.tid;
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.tid === tid && e.ts + (e.dur ?? 0) >= from && e.ts < to).sort((a, b) => a.ts - b.ts);
  const per = new Map<TraceEvent, number>();
  const cpu = new Map<TraceEvent, number>();
  let t = 0;
  for (const c of top) {
    while (t < tasks.length && tasks[t]!.ts + (tasks[t]!.dur ?? 0) < c.ts) t++;
    const task = tasks[t];
    if (task && task.ts <= c.ts) {
      per.set(task, (per.get(task) ?? 0) + (c.dur ?? 0));
      cpu.set(task, (cpu.get(task) ?? 0) + (c.tdur ?? c.dur ?? 0));
    }
  }
  return { perTask: [...per.values()].map((us) => us / 1000), perTaskCpu: [...cpu.values()].map((us) => us / 1000), calls: top };
}

/** The long-document sections: a textarea, or a contenteditable <div> (one <div> per paragraph). */
type LongKind = 'textarea' | 'contenteditable';

async function textareaBench(kind: LongKind = 'textarea'): Promise<TextareaRow[]> {
  const root = path.resolve(import.meta.dirname, '..');
  if (!existsSync(path.join(root, '.output/chrome-mv3/manifest.json'))) throw new Error('build first: npx wxt build');
  await buildBundles();
  const h: Harness = await launch();
  const isOurs = (url: string) => url.startsWith('chrome-extension://');
  const rows: TextareaRow[] = [];
  try {
    await h.context.addInitScript({ content: PROBES });
    // The rules only: the wrong-character tier answers from the background some time after each check
    // (lm-client.ts), which would move the count the latency is read from.
    const ext = await h.context.newPage();
    await ext.goto(`chrome-extension://${h.extensionId}/sidepanel.html`);
    await ext.evaluate((off) => chrome.storage.local.set({ settings: { rules: { 'wrong-char': false, 'de-di-de-context': false }, ...(off ? { enabled: false } : {}) } }), checkerOff);
    await ext.close();
    for (const size of TEXTAREA_SIZES.flatMap((x) => Array<number>(RUNS).fill(x))) {
      const paragraphs = documentOf(size, true);
      const page = await h.context.newPage();
      const cdp = await h.context.newCDPSession(page);
      await page.goto(`${h.origin}/p/${kind}.html`);
      await page.waitForFunction(() => (window as unknown as BenchWindow).fixture?.isReady === true);
      await page.evaluate(() => {
        const el = (window as unknown as BenchWindow).fixture.root();
        el.style.cssText = 'width: 640px; height: 420px; font-size: 16px; overflow: auto';
      });
      const events: TraceEvent[] = [];
      cdp.on('Tracing.dataCollected', (e) => {
        // (Other events of 0.3 ms or more: the parts of the long tasks.)
        for (const x of e.value as unknown as TraceEvent[]) if (['FunctionCall', 'RunTask', 'TimeStamp', 'EventDispatch'].includes(x.name) || (x.ph === 'X' && (x.dur ?? 0) >= 300) || (x.ph === 'B' && ['Layout', 'UpdateLayoutTree'].includes(x.name))) events.push(x);
      });
      const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
      // (--dump: also the script stacks of forced layouts and style recalcs, to see what forced them.)
      const stacks = args.includes('--dump') ? ['disabled-by-default-devtools.timeline.stack'] : [];
      await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', ...stacks] }, transferMode: 'ReportEvents' } as never);
      const stage = (what: string) => !json && console.error(`${kind} ${size}: ${what}`);
      // Load with the caret in the middle (the field scrolls there), then wait for the first complete check.
      const mid = Math.floor(paragraphs.length / 2);
      paragraphs[mid] = `${paragraphs[mid]!.replace(/[^。！？]*$/, '')}我们要`;
      const loaded: number = await page.evaluate(async ([ps, mid]) => {
        const el = (window as unknown as BenchWindow).fixture.root();
        await (window as unknown as BenchWindow).fixture.setParagraphs(ps as string[]);
        el.focus();
        if (el instanceof HTMLTextAreaElement) {
          const at = (ps as string[]).slice(0, (mid as number) + 1).join('\n').length;
          el.setSelectionRange(at, at);
        } else {
          // The caret at the end of the middle paragraph, scrolled into view as a writer's would be.
          const line = el.children[mid as number]!;
          const range = document.createRange();
          range.selectNodeContents(line);
          range.collapse(false);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
          line.scrollIntoView({ block: 'center' });
        }
        await new Promise((r) => setTimeout(r, 0));
        console.timeStamp('bench:loaded');
        return performance.now();
      }, [paragraphs, mid] as const);
      let last = '';
      let stableSince = Date.now();
      const deadline = Date.now() + 240_000;
      // (A count of 0 is the badge before the first check has drawn: these documents always have issues.)
      while (!checkerOff && (last === '' || last === '0' || Date.now() - stableSince < 3000) && Date.now() < deadline) {
        const c = (await badgeCount(page)) ?? '';
        if (c !== last) {
          last = c;
          stableSince = Date.now();
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      const initialMs = await page.evaluate((t) => ((window as unknown as BenchWindow).__bench.counts.at(-1)?.[0] ?? t) - t, loaded);
      stage(`first check drawn (${last})`);
      if (checkerOff) await page.waitForTimeout(3000);
      const count = Number(last);
      const highlightRanges: number = await page.evaluate(() => {
        const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
        let n = 0;
        registry?.forEach((h) => (n += h.size));
        return n;
      });
      if (args.includes('--where')) {
        // Which paragraphs the registered ranges are in, against those on screen.
        // (A string: helpers the TypeScript loader wraps around named functions do not exist in the page.)
        stage(
          await page.evaluate(`(() => {
            const root = window.fixture.root();
            const index = new Map([...root.children].map((c, i) => [c, i]));
            function of(node) {
              let x = node;
              while (x && x.parentNode !== root) x = x.parentNode;
              return x ? index.get(x) ?? -1 : -1;
            }
            const at = [];
            CSS.highlights.forEach((h) => h.forEach((r) => at.push(of(r.startContainer))));
            const box = root.getBoundingClientRect();
            const top = of(document.elementFromPoint(box.left + 20, box.top + 5));
            const bottom = of(document.elementFromPoint(box.left + 20, box.bottom - 5));
            return 'ranges in paragraphs ' + Math.min(...at) + '–' + Math.max(...at) + ', on screen ' + top + '–' + bottom;
          })()`),
        );
      }
      if (profile) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: PROFILE_INTERVAL_US });
        await cdp.send('Profiler.start');
      }
      await page.evaluate(() => console.timeStamp('bench:typing'));
      const keys = size >= 1_000_000 ? 4 : 10;
      const latencies: number[] = [];
      for (let k = 0; k < keys; k++) {
        const since: number = await page.evaluate(() => (window as unknown as BenchWindow).__bench.inputs.length);
        await page.keyboard.insertText('要');
        if (checkerOff) {
          await page.waitForTimeout(600);
          await page.keyboard.press('Backspace');
          await page.waitForTimeout(600);
          continue;
        }
        try {
          await waitUntil(() => badgeCount(page), (c) => Number(c) === count + 1, 60_000);
        } catch (e) {
          stage(`no new count after a key: ${(e as Error).message}`);
        }
        latencies.push(await inputToCount(page, since, String(count + 1)));
        await page.keyboard.press('Backspace');
        await waitUntil(() => badgeCount(page), (c) => Number(c) === count, 60_000).catch(() => {});
        await page.waitForTimeout(250);
      }
      stage('typed');
      await page.evaluate(() => console.timeStamp('bench:scrolling'));
      for (let k = 0; k < 8; k++) {
        await page.evaluate((k) => {
          const el = (window as unknown as BenchWindow).fixture.root();
          el.scrollTop = (el.scrollHeight * (k + 1)) / 10;
        }, k);
        await page.waitForTimeout(300);
      }
      await page.evaluate(() => console.timeStamp('bench:end'));
      const cpuProfile = profile ? ((await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }).profile : null;
      stage('scrolled');
      await cdp.send('Tracing.end');
      await traced;
      stage(`trace read (${events.length} events)`);
      const dumpArg = args.indexOf('--dump');
      if (dumpArg >= 0) writeFileSync(`${args[dumpArg + 1]}-${kind}-${size}-${rows.length}.json`, JSON.stringify(events));
      const mark = (m: string) => events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === m)?.ts ?? 0;
      const [tLoaded, tTyping, tScrolling, tEnd] = ['bench:loaded', 'bench:typing', 'bench:scrolling', 'bench:end'].map(mark) as [number, number, number, number];
      const initial = extensionTasks(events, isOurs, tLoaded, tTyping);
      const typing = extensionTasks(events, isOurs, tTyping, tScrolling);
      const scrolling = extensionTasks(events, isOurs, tScrolling, tEnd);
      const perTaskTyping = typing.perTask;
      // The renderer's main thread: where the content script's calls ran.
      // (Checking off: none of ours in the typing window; the thread with the most task time there.)
      const mainTid = (typing.calls[0] ?? scrolling.calls[0] ?? initial.calls[0])?.tid ?? busiestThread(events, tTyping, tEnd);
      rows.push({
        kind,
        chars: paragraphs.join('\n').length,
        issues: count,
        keystrokes: keys * 2,
        latencyP50: pct(latencies.filter((x) => !Number.isNaN(x)), 50),
        latencyP95: pct(latencies.filter((x) => !Number.isNaN(x)), 95),
        workP50: pct(perTaskTyping, 50),
        workP95: pct(perTaskTyping, 95),
        typingMaxTask: Math.max(0, ...perTaskTyping),
        scrollMaxTask: Math.max(0, ...scrolling.perTask),
        scrollWorkP50: pct(scrolling.perTask, 50),
        pageTypingMaxTask: longestTask(events, mainTid, tTyping, tScrolling),
        pageScrollMaxTask: longestTask(events, mainTid, tScrolling, tEnd),
        cpuTypingP95: pct(typing.perTaskCpu, 95),
        cpuTypingMax: Math.max(0, ...typing.perTaskCpu),
        cpuPageTypingMax: longestTask(events, mainTid, tTyping, tScrolling, 'tdur'),
        cpuPageScrollMax: longestTask(events, mainTid, tScrolling, tEnd, 'tdur'),
        cpuPerKey: typing.perTaskCpu.reduce((a, b) => a + b, 0) / (keys * 2),
        keyEventCpu: keyEventCpu(events, typing.calls, tTyping, tScrolling),
        forcedLayoutMax: longestForcedLayout(events, typing.calls, tTyping, tScrolling),
        paintP50: pct(paintPerFrame(events, mainTid, tTyping, tScrolling), 50),
        paintMax: Math.max(0, ...paintPerFrame(events, mainTid, tTyping, tScrolling)),
        highlightRanges,
        load: os.loadavg()[0]!,
        initialMs,
        initialMaxTask: Math.max(0, ...initial.perTask),
        longTasks: [...longTaskList(events, mainTid, tTyping, tScrolling, 'typing', isOurs), ...longTaskList(events, mainTid, tScrolling, tEnd, 'scrolling', isOurs)],
        ...(cpuProfile ? { hot: hotFunctions(cpuProfile, isOurs), hotLines: hotLines(cpuProfile, isOurs, PROFILE_INTERVAL_US / 1000) } : {}),
        ...(checkerOff ? { off: true } : {}),
      });
      if (!json) console.error(`${kind} ${size}: ${JSON.stringify(rows.at(-1))}`); // progress (the 1 MB case is slow before issue 13)
      await page.close();
    }
    if (h.consoleErrors.length) console.error('console errors:', h.consoleErrors.slice(0, 5));
  } finally {
    await h.close();
  }
  return rows;
}

function printTextarea(rows: TextareaRow[]): void {
  const kind = rows[0]?.kind ?? 'textarea';
  console.log(`Long ${kind}: the content script on a ${kind} of 100k–1M characters (Chromium headless, default settings, the wrong-character tier off)`);
  console.log(`work = the extension's main-thread time per task (DevTools trace, its own calls only: the browser's ${kind} editing is not counted)`);
  console.log('latency = input event → the badge shows the new count (all of the debounce, check and drawing)');
  console.log(`page max = the page's longest task (any cause: the browser's own ${kind} editing and layout included)`);
  console.log('CPU = the same in thread time (a busy machine inflates it far less); load = 1-minute load average');
  console.log('CPU per key = all of the extension\'s thread time while typing (checks included) / keystrokes; forced = its longest forced layout while typing');
  console.log('paint = PrePaint + Paint + Layerize + Commit thread time per frame while typing (p50/max)');
  console.log('key events = the extension\'s thread time inside a keystroke\'s own events (keydown … input, selectionchange) per task, p50/p95/max: the cost before any check\n');
  table(
    ['chars', 'issues', 'keys', 'latency p50/p95', 'typing task p50/p95', 'typing task max', 'scroll task p50', 'scroll task max', 'page max typing/scroll', 'CPU typing p95/max', 'CPU per key', 'key events', 'forced', 'paint p50/max', 'ranges', 'CPU page max typing/scroll', 'initial drawn after', 'initial task max', 'load'],
    rows.map((x) => [
      String(x.chars),
      String(x.issues),
      String(x.keystrokes),
      `${f(x.latencyP50)}/${f(x.latencyP95)}`,
      `${f(x.workP50)}/${f(x.workP95)}`,
      f(x.typingMaxTask),
      f(x.scrollWorkP50),
      f(x.scrollMaxTask),
      `${f(x.pageTypingMaxTask)}/${f(x.pageScrollMaxTask)}`,
      `${f(x.cpuTypingP95)}/${f(x.cpuTypingMax)}`,
      f(x.cpuPerKey),
      x.keyEventCpu.map(f).join('/'),
      f(x.forcedLayoutMax),
      `${f(x.paintP50)}/${f(x.paintMax)}`,
      String(x.highlightRanges),
      `${f(x.cpuPageTypingMax)}/${f(x.cpuPageScrollMax)}`,
      f(x.initialMs),
      f(x.initialMaxTask),
      x.load.toFixed(1),
    ]),
  );
  if (RUNS > 1) {
    console.log(`\nmedians over ${RUNS} runs per size:`);
    for (const size of [...new Set(rows.map((x) => x.chars))]) {
      const rs = rows.filter((x) => x.chars === size);
      const med = (k: (x: TextareaRow) => number) => f(pct(rs.map(k), 50));
      console.log(
        `${size}: CPU typing p95/max ${med((x) => x.cpuTypingP95)}/${med((x) => x.cpuTypingMax)}, CPU per key ${med((x) => x.cpuPerKey)}, forced layout ${med((x) => x.forcedLayoutMax)}, paint p50/max ${med((x) => x.paintP50)}/${med((x) => x.paintMax)}, CPU page max typing/scroll ${med((x) => x.cpuPageTypingMax)}/${med((x) => x.cpuPageScrollMax)}, ` +
          `page max typing/scroll ${med((x) => x.pageTypingMaxTask)}/${med((x) => x.pageScrollMaxTask)}, extension scroll task max ${med((x) => x.scrollMaxTask)}, load ${med((x) => x.load)}`,
      );
    }
  }
  console.log(`\ntasks of ${LONG_TASK_CPU_MS} ms thread time or more (CPU ms; ours = the extension's calls; parts by trace event, ms CPU):`);
  for (const x of rows) {
    console.log(`${x.chars}${x.off ? ' (checking off)' : ''}, load ${x.load.toFixed(1)}: ${x.longTasks.length} tasks`);
    for (const t of x.longTasks) {
      console.log(`  ${t.phase.padEnd(9)} cpu ${f(t.cpu).padStart(7)} wall ${f(t.ms).padStart(7)} ours ${f(t.ours).padStart(6)}  ${t.parts.slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
    }
    if (x.hot) {
      console.log('  hottest functions (self ms, typing + scrolling):');
      for (const h of x.hot) console.log(`    ${h.selfMs.toFixed(1).padStart(7)}  ${h.fn}`);
    }
    if (x.hotLines?.length) {
      console.log('  hottest lines (self ms ≈ ticks × interval):');
      for (const h of x.hotLines) console.log(`    ${h.selfMs.toFixed(1).padStart(7)}  ${h.fn}`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
