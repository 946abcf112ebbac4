/**
 * A long contenteditable (issue 10: cost bounded by what is on screen). A document over 50,000
 * characters keeps only the issues in and around the part on screen (lib/editors/issue-window.ts); a long
 * issue (a repeated passage of 28,000 characters here) is drawn only in that part too: Chromium revisits
 * every text node under a highlight range whenever the highlights or the text change, so a range over a
 * 490,000-character passage cost 0.3–0.8 s of rendering per keystroke at 1 MB; and within that part only
 * around the screen (a 5,000-character passage tripled Chromium's commit after each keystroke). Scrolling
 * brings the underline along; editing stays exact.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, waitFor, type Harness } from './harness';

type PageWindow = Window & { fixture: { isReady: boolean } };

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

/** Paragraphs of distinct sentences; the 乙 block comes twice (a block pasted twice: one repeated-passage issue). */
function draft(): string[] {
  const block = (tag: string) => Array.from({ length: 1000 }, (_, i) => `${tag}第${i}项工作要坚持高标准严要求，确保任务${i % 7 === 0 ? '按期' : ''}落实到位。`);
  return [...block('甲'), ...block('乙'), ...block('乙'), ...block('丙')];
}

/** Every highlight range in the page: its text length, and whether it holds the editor's top-left visible point. */
function ranges(page: Page): Promise<{ length: number; onScreen: boolean }[]> {
  return page.evaluate(() => {
    const el = document.getElementById('ed')!;
    const box = el.getBoundingClientRect();
    const pos = document.caretPositionFromPoint(box.left + 4, box.top + 4);
    const out: { length: number; onScreen: boolean }[] = [];
    for (const [, set] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) {
      for (const r of set) out.push({ length: r.toString().length, onScreen: !!pos && r.isPointInRange(pos.offsetNode, pos.offset) });
    }
    return out;
  });
}

/** Scroll the editor so that paragraph `index` is at its top. */
const scrollTo = (page: Page, index: number) =>
  page.evaluate((i) => {
    const el = document.getElementById('ed')!;
    el.scrollTop = (el.children[i] as HTMLElement).offsetTop - el.offsetTop;
  }, index);

describe('a long contenteditable', () => {
  test('a 28,000-character repeated passage is underlined only around the part on screen, and the underline follows the scroll', async () => {
    const page = await h.context.newPage();
    await page.goto(`${h.origin}/p/misc.html`);
    await page.waitForFunction(() => (window as unknown as PageWindow).fixture?.isReady === true, null, { timeout: 30_000 });
    const lines = draft();
    await page.evaluate((lines) => {
      const el = document.createElement('div');
      el.id = 'ed';
      el.contentEditable = 'true';
      el.style.cssText = 'position: relative; width: 640px; height: 400px; overflow: auto; font: 16px/1.5 sans-serif';
      for (const line of lines) el.appendChild(document.createElement('div')).textContent = line;
      document.body.replaceChildren(el);
    }, lines);
    // Inside the repeated copy (lines 2000–2999), well past the window around the start.
    await scrollTo(page, 2300);
    const long = (rs: { length: number; onScreen: boolean }[]) => rs.filter((r) => r.length > 2000);
    const first = await waitFor('the repeated passage underlined on screen', () => ranges(page), (rs) => long(rs).some((r) => r.onScreen), 30_000);
    const passage = lines.slice(2000, 3000).join('\n').length;
    expect(passage).toBeGreaterThan(28_000);
    // Drawn in part: around the part on screen (it and about as much again on each side, at least 1,000
    // characters), not the whole copy, nor the window of issues held (5,000 characters each side): every
    // highlighted character in Chromium's paint area costs paint and commit time in every frame.
    for (const r of long(first)) expect(r.length).toBeLessThan(5000);
    // Farther down in the copy: the underline comes along.
    await scrollTo(page, 2900);
    const second = await waitFor('the underline after scrolling', () => ranges(page), (rs) => long(rs).some((r) => r.onScreen), 30_000);
    for (const r of long(second)) expect(r.length).toBeLessThan(5000);
    // Past the copy: nothing of it on screen.
    await scrollTo(page, 3300);
    await waitFor('no underline of the passage on screen', () => ranges(page), (rs) => !long(rs).some((r) => r.onScreen), 30_000);
    await page.close();
  });

  test('no console errors', () => {
    expect(h.consoleErrors.join('\n')).toBe('');
  });
});
