/**
 * What typing leaves behind: over 500 keystrokes in a textarea and in a contenteditable, with checks
 * running in between (every few keys a pause longer than the debounce), the renderer's event-listener and
 * DOM-node counts stay flat (CDP Memory.getDOMCounters after a forced garbage collection). Each keystroke
 * adds a slip (…要 → 要要, an underline and a count change) or removes it again (Backspace), so the text
 * is the same at both readings and every part of the loop runs: edit → shift → check → draw → badge.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launch, waitFor, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await launch();
});

afterAll(async () => {
  await h?.close();
});

type FixtureWindow = Window & { fixture: { isReady: boolean; root(): HTMLElement; setParagraphs(p: string[]): Promise<void> } };

const PARAGRAPHS = [
  '一、总体要求',
  '各党支部要认真学习贯彻会议精神，推动各项工作落实落地，不段加强理论武装。',
  '我们要',
  '二、主要任务',
  '坚持问题导向，聚焦群众急难愁盼，切实把为民办实事抓在手上、落到实处。',
];

const badge = (page: Page) => page.evaluate(() => document.querySelector('wengao-badge')?.getAttribute('data-count') ?? null);

async function counters(cdp: CDPSession): Promise<{ nodes: number; jsEventListeners: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const c = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
  return { nodes: c.nodes, jsEventListeners: c.jsEventListeners };
}

/** `count` keystrokes at the end of 我们要: 要 (a new slip) and Backspace in turn; every 4th key waits out the debounce. */
async function type(page: Page, count: number): Promise<void> {
  for (let k = 0; k < count; k++) {
    if (k % 2 === 0) await page.keyboard.insertText('要');
    else await page.keyboard.press('Backspace');
    await page.waitForTimeout(k % 4 === 3 ? 130 : 8);
  }
  await page.waitForTimeout(300);
}

describe('typing leaves nothing behind', () => {
  test.each(['textarea', 'contenteditable'])(
    '%s: listener and node counts flat over 500 keystrokes',
    async (editor) => {
      const page = await h.context.newPage();
      try {
        const cdp = await h.context.newCDPSession(page);
        await page.goto(`${h.origin}/p/${editor}.html`);
        await page.waitForFunction(() => (window as unknown as FixtureWindow).fixture?.isReady === true);
        await page.evaluate((ps) => (window as unknown as FixtureWindow).fixture.setParagraphs(ps), PARAGRAPHS);
        // Caret after 我们要 (the third paragraph).
        await page.evaluate((editor) => {
          const root = (window as unknown as FixtureWindow).fixture.root();
          root.focus();
          if (editor === 'textarea') {
            const ta = root as HTMLTextAreaElement;
            const at = ta.value.indexOf('我们要') + 3;
            ta.setSelectionRange(at, at);
            return;
          }
          const p = Array.from(root.children).find((x) => x.textContent === '我们要')!;
          const range = document.createRange();
          range.selectNodeContents(p);
          range.collapse(false);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
        }, editor);
        const initial = Number(await waitFor('the first check', () => badge(page), (c) => Number(c) > 0, 10_000));
        // Warm up (engine data, the card's and badge's nodes, the mirror's box pool), then measure.
        await type(page, 100);
        await waitFor('the count back after warm-up', () => badge(page), (c) => Number(c) === initial);
        const before = await counters(cdp);
        await type(page, 400);
        await waitFor('the count back after typing', () => badge(page), (c) => Number(c) === initial);
        const after = await counters(cdp);
        // A new slip was underlined along the way (the loop really checked): typing 要 once more shows it.
        await page.keyboard.insertText('要');
        await waitFor('the new slip counted', () => badge(page), (c) => Number(c) === initial + 1);
        console.log(`${editor}, 400 keystrokes: listeners ${before.jsEventListeners} → ${after.jsEventListeners}, nodes ${before.nodes} → ${after.nodes}`);
        // Flat: not one per keystroke (+200 and more here), nor one per check or per wrong-character
        // request (a few over this run: the tier's timer once added an abort listener per request).
        expect.soft(after.jsEventListeners - before.jsEventListeners, `listeners ${before.jsEventListeners} → ${after.jsEventListeners}`).toBeLessThanOrEqual(1);
        expect.soft(after.nodes - before.nodes, `nodes ${before.nodes} → ${after.nodes}`).toBeLessThanOrEqual(20);
      } finally {
        await page.close();
      }
    },
    120_000,
  );
});
