/**
 * Browser benchmark of the editing loop in a contenteditable (Debian Chromium via playwright-core):
 * per keystroke, input event → text model re-read → analyze (incremental) → highlights updated.
 * Documents of 10,000 and 100,000 characters made of the seed essays and the ECSpell official-document
 * sentences (with their errors, so there is something to underline).
 *
 *   npx tsx scripts/bench-browser.ts            # table
 *   npx tsx scripts/bench-browser.ts --json     # machine-readable
 *   npx tsx scripts/bench-browser.ts --keys 120 # more keystrokes per document
 *
 * Reports p50/p95/max of the handler per keystroke and its parts (read = text model re-read; shift =
 * shift/drop the drawn issues and redraw them; analyze = engine, incremental; draw = highlights for the
 * new issues). The content script will run read+shift on every input and analyze+draw after a pause, so
 * the sum is an upper bound per task. Also: the one-time engine warm-up
 * (one rule per task), the initial (chunked) read + analysis, and
 * the longest main-thread task seen by PerformanceObserver('longtask') (tasks over 50 ms), which also
 * counts the browser's own editing work.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildBundles, openFixture, serve, launchBrowser } from '../tests/browser-editors/harness';

const ROOT = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const keysArg = args.indexOf('--keys');
const KEYS = keysArg >= 0 ? Number(args[keysArg + 1]) || 100 : 100;
const SIZES = [10_000, 100_000];

/** Paragraphs of real genre text, no paragraph repeated, up to `size` characters. */
function documentOf(size: number): string[] {
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
  for (const p of paragraphs) {
    if (total >= size) break;
    const piece = p.slice(0, size - total);
    out.push(piece);
    total += piece.length + 1;
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

async function main(): Promise<void> {
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

  if (json) {
    console.log(JSON.stringify({ keystrokesPerDocument: KEYS, rows }, null, 2));
    return;
  }
  const f = (n: number | null) => (n === null ? '—' : n.toFixed(2));
  console.log(`Browser editing loop (contenteditable, Chromium headless, ${KEYS} keystrokes per document)`);
  console.log('per keystroke = input event → text model re-read → shift → analyze → highlights updated (ms), all in one task\n');
  const head = ['chars', 'paras', 'issues', 'p50', 'p95', 'max', 'read p50/p95', 'shift p50/p95', 'analyze p50/p95', 'draw p50/p95', 'warm-up (longest task)', 'initial (tasks, longest)', 'longtasks >50ms'];
  const lines = rows.map((r) => [
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
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  console.log(fmt(head));
  for (const l of lines) console.log(fmt(l));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
