/**
 * Browser benchmark page (scripts/bench-browser.ts): a contenteditable document, the DOM layer wired the
 * way the content script will be (input event → text model → analyze → highlights), timed per keystroke.
 */
import { analyze, createAnalyzer, rules } from '../../../lib/engine';
import { analyzeChunked, warmUpEngine } from '../../../lib/editors/chunked';
import { createSurface } from '../../../lib/editors/surface';
import { targetFor } from '../../../lib/editors/detect';
import { defineFixture, escapeHtml } from './fixture';

interface Sample {
  total: number;
  /** Text model re-read (incremental). */
  read: number;
  /** Shift/drop the existing issues and redraw them. */
  shift: number;
  analyze: number;
  draw: number;
  issues: number;
}

const root = document.createElement('div');
root.id = 'editor';
root.contentEditable = 'true';
root.style.cssText = 'width:760px;font:16px/1.6 "Noto Sans CJK SC",sans-serif';
document.body.append(root);

const longTasks: number[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push(e.duration);
}).observe({ type: 'longtask', buffered: true });

let samples: Sample[] = [];
let surface: ReturnType<typeof createSurface> | null = null;
const taskTimes: number[] = [];

function onInput(): void {
  const t0 = performance.now();
  const text = surface!.readText(); // re-read the touched paragraphs
  const ta = performance.now();
  surface!.noteEdit(); // shift/drop the existing highlights at once
  const t1 = performance.now();
  const result = analyze(text); // the engine re-checks only touched paragraphs
  const t2 = performance.now();
  surface!.setIssues(result.issues, text);
  const t3 = performance.now();
  samples.push({ total: t3 - t0, read: ta - t0, shift: t1 - ta, analyze: t2 - t1, draw: t3 - t2, issues: result.issues.length });
}

const bench = {
  /** Load paragraphs, then read + analyse in chunks; returns the initial timings. */
  async load(paragraphs: string[]) {
    surface?.destroy();
    root.removeEventListener('input', onInput);
    root.innerHTML = paragraphs.map((p) => `<p>${p ? escapeHtml(p) : '<br>'}</p>`).join('');
    // Let the browser lay out and paint the new document first: that long task is the page's own.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50))));
    longTasks.length = 0;
    taskTimes.length = 0;
    const start = performance.now();
    const warm: [string, number][] = [];
    await warmUpEngine(rules, (r) => createAnalyzer({ rules: r as never }), { onTask: (label, ms) => warm.push([label, ms]) });
    const warmMs = performance.now() - start;
    let t = performance.now();
    surface = createSurface(targetFor(root)!);
    const text = surface.readText();
    const readMs = performance.now() - t;
    taskTimes.push(readMs);
    const timed = (t: string) => {
      const s = performance.now();
      const r = analyze(t);
      taskTimes.push(performance.now() - s);
      return r;
    };
    const result = await analyzeChunked(text, timed);
    t = performance.now();
    surface.setIssues(result!.issues, text);
    const drawMs = performance.now() - t;
    // The final analyze and the first draw run in the same task.
    taskTimes[taskTimes.length - 1]! += drawMs;
    root.addEventListener('input', onInput);
    samples = [];
    return { chars: text.length, issues: result!.issues.length, readMs, drawMs, totalMs: performance.now() - start, warmMs, warm };
  },
  /** Put the caret at a text offset. */
  caret(offset: number) {
    root.focus();
    (surface as unknown as { model: { select(o: number): boolean } }).model.select(offset);
  },
  samples: () => samples,
  longTasks: () => longTasks.slice(),
  chunkTasks: () => taskTimes.slice(),
};

(window as unknown as { bench: typeof bench }).bench = bench;
defineFixture({ name: 'bench', root: () => root, async setParagraphs() {}, modelText: () => '', cutoff() {} });
