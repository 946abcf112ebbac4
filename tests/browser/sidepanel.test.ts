/**
 * The side panel follows the writer: for a tab with an editor (the fixture pages of tests/browser-editors),
 * the panel page (pinned to that tab with ?tab=N, as a side panel would follow its window's active tab)
 * lists the issues the page's content script found, updates as the writer types, applies a fix through
 * the page's editor (Ctrl+Z restores), applies a whole group after a preview, locates an issue, shows the
 * outline with a missing section and inserts its heading. Screenshots in light and dark go to .tmp/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, ROOT, waitFor, type Harness } from './harness';

type PageWindow = Window & { fixture: { isReady: boolean; root(): HTMLElement; setParagraphs(p: string[]): Promise<void>; modelText(): string } };

const DRAFT = [
  '关于加强基层党支部建设的调研报告',
  '一、存在的问题',
  '一些支部“三会一课”落实不到位,组织生活流于形式,党员教育管理不够严格。我们要要认真学习贯彻会议精神，全面发挥党组织的的战斗堡垒作用,推动各项工作落实落地。',
  '二、对策建议',
  '要严格落实组织生活制度，推进党建工作规范化。',
];

let h: Harness;
let page: Page;
let panel: Page;
let tabId: number;

async function openFixture(name: string, p?: Page): Promise<Page> {
  const target = p ?? (await h.context.newPage());
  await target.goto(`${h.origin}/p/${name}.html`);
  await target.waitForFunction(() => (window as unknown as PageWindow).fixture?.isReady === true, null, { timeout: 30_000 });
  return target;
}

/** The browser's id of the tab showing `p` (brought to the front: without the "tabs" permission URLs are hidden). */
async function tabIdOf(p: Page): Promise<number> {
  await p.bringToFront();
  return h.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
}

const value = () => page.evaluate(() => ((window as unknown as PageWindow).fixture.root() as HTMLTextAreaElement).value);
const rowTexts = () => panel.locator('.view li.issue').evaluateAll((items) => items.map((li) => li.textContent ?? ''));
const issueCount = async () => Number((await panel.locator('[data-testid="issue-count"]').textContent().catch(() => '')) || -1);

beforeAll(async () => {
  h = await launch();
  page = await openFixture('textarea');
  await page.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), DRAFT);
  await page.click('#editor');
  tabId = await tabIdOf(page);
  panel = await h.context.newPage();
  await panel.setViewportSize({ width: 420, height: 1000 });
  await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tab=${tabId}`);
});
afterAll(async () => {
  await h?.close();
});

describe('side panel following the page editor', () => {
  test('lists the editor’s issues grouped by kind, with sentences and width labels, in 14 px', async () => {
    const rows = await waitFor('the page editor’s issues in the panel', rowTexts, (r) => r.some((t) => t.includes('要要')));
    expect(rows.some((t) => t.includes('的的'))).toBe(true);
    // Groups in writers' words; no rule id anywhere in the text.
    const groups = await panel.locator('.group .toggle').allTextContents();
    expect(groups.some((g) => g.includes('重复'))).toBe(true);
    expect(groups.some((g) => g.includes('标点'))).toBe(true);
    const body = (await panel.locator('main').textContent()) ?? '';
    for (const id of ['repeated-word', 'half-width-punct', 'de-di-de']) expect(body).not.toContain(id);
    // The sentence around the issue, the span marked.
    const marked = await panel.locator('li.issue mark').allTextContents();
    expect(marked).toContain('要要');
    // A half-width comma and its fix are labelled 半角 / 全角.
    const punct = panel.locator('.group[data-kind="punctuation"]');
    await expect.poll(() => punct.locator('del .width').first().textContent()).toBe('半角');
    expect(await punct.locator('ins .width').first().textContent()).toBe('全角');
    // Text sizes: the body and the rows are 14 px, not the 10.5 px extension pages inherit.
    const sizes = await panel.evaluate(() => [document.body, document.querySelector('.sentence')!].map((e) => getComputedStyle(e).fontSize));
    expect(sizes).toEqual(['14px', '14px']);
    expect(await panel.textContent('[data-testid="source"]')).toContain('正在查看');
  });

  test('screenshots, light and dark', async () => {
    const dir = path.join(ROOT, '.tmp');
    mkdirSync(dir, { recursive: true });
    await panel.click('#tab-issues');
    await panel.emulateMedia({ colorScheme: 'light' });
    await panel.screenshot({ path: path.join(dir, 'sidepanel-light.png'), fullPage: true });
    await panel.emulateMedia({ colorScheme: 'dark' });
    const bg = await panel.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(bg).toBe('rgb(13, 17, 23)');
    await panel.screenshot({ path: path.join(dir, 'sidepanel-dark.png'), fullPage: true });
    await panel.emulateMedia({ colorScheme: 'light' });
  });

  test('typing a new slip in the page adds it live', async () => {
    const before = await issueCount();
    await page.click('#editor');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('党员要要带头。');
    await waitFor('the typed slip in the panel', issueCount, (n) => n > before, 10_000);
    await waitFor('its row', rowTexts, (r) => r.filter((t) => t.includes('要要')).length >= 2);
  });

  test('locate selects the issue in the page; apply changes the editor, Ctrl+Z restores', async () => {
    const row = panel.locator('li.issue', { has: panel.locator('mark', { hasText: /^的的$/ }) }).first();
    await row.locator('button[data-action="locate"]').click();
    const sel = await waitFor(
      'the selection in the page',
      () => page.evaluate(() => { const t = (window as unknown as PageWindow).fixture.root() as HTMLTextAreaElement; return t.value.slice(t.selectionStart, t.selectionEnd); }),
      (s) => s === '的的',
    );
    expect(sel).toBe('的的');

    await row.locator('button[data-action="apply"]').click();
    await waitFor('the fix in the page', value, (v) => !v.includes('的的'));
    expect(await value()).toContain('党组织的战斗堡垒');
    await waitFor('the panel without it', rowTexts, (r) => !r.some((t) => t.includes('的的')));

    await page.bringToFront();
    await page.click('#editor');
    await page.keyboard.press('Control+z');
    await waitFor('the undo in the page', value, (v) => v.includes('党组织的的战斗堡垒'));
    // The page re-checks the restored text and the panel follows.
    await waitFor('the restored slip in the panel', rowTexts, (r) => r.some((t) => t.includes('的的')), 10_000);
  });

  test('apply all in a group: preview first, then every half-width comma fixed', async () => {
    const punct = panel.locator('.group[data-kind="punctuation"]');
    await waitFor('the punctuation group', () => punct.count(), (n) => n === 1);
    await punct.locator('[data-testid="apply-all"]').click();
    const preview = punct.locator('[data-testid="preview"]');
    await preview.waitFor();
    const hunks = await preview.locator('.hunks li').count();
    expect(hunks).toBeGreaterThan(0);
    expect(await preview.locator('.minus del').first().textContent()).toBe(',');
    expect(await preview.locator('.plus ins').first().textContent()).toBe('，');
    expect(await value()).toContain(','); // nothing written yet
    await preview.locator('[data-testid="confirm-apply"]').click();
    await waitFor('every comma fixed in the page', value, (v) => !v.includes(','));
    await expect.poll(() => panel.textContent('[data-testid="status"]')).toMatch(/已应用 \d+ 处/);
  });

  test('the outline shows the headings with roles and inserts a missing section', async () => {
    await panel.click('#tab-outline');
    const tree = panel.locator('.tree li.heading');
    await waitFor('the outline', () => tree.count(), (n) => n >= 2);
    expect(await tree.first().textContent()).toContain('存在的问题');
    const missing = panel.locator('.missing-section');
    await waitFor('a missing section', () => missing.count(), (n) => n > 0);
    const causes = panel.locator('.missing-section[data-role="causes"]');
    expect(await causes.count()).toBe(1);
    mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
    await panel.screenshot({ path: path.join(ROOT, '.tmp', 'sidepanel-outline.png'), fullPage: true });
    await causes.locator('[data-testid="insert-heading"]').click();
    await waitFor('the heading in the page', value, (v) => /\n二、[^\n]+\n二、对策建议/.test(v));
    await waitFor('the outline without the missing causes', () => panel.locator('.missing-section[data-role="causes"]').count(), (n) => n === 0, 10_000);
  });

  test('a theme’s typical sentence inserts at the caret in the page', async () => {
    await page.bringToFront();
    await page.click('#editor');
    await page.keyboard.press('Control+End');
    await panel.click('#tab-themes');
    const button = panel.locator('[data-testid="insert-text"]').first();
    await button.waitFor({ timeout: 15_000 });
    await button.click();
    const status = await waitFor('the insert status', () => panel.locator('.themes .status').textContent().catch(() => ''), (t) => !!t && t.startsWith('已插入：'));
    const inserted = status!.slice('已插入：'.length);
    await waitFor('the sentence at the end of the page’s text', value, (v) => v.endsWith(inserted));
  });

  test('keyboard: arrows move between tabs and rows', async () => {
    await panel.click('#tab-outline');
    await panel.keyboard.press('ArrowLeft');
    expect(await panel.getAttribute('#tab-issues', 'aria-selected')).toBe('true');
    expect(await panel.evaluate(() => document.activeElement?.id)).toBe('tab-issues');
    const first = panel.locator('li.issue[data-row]').first();
    await first.focus();
    await panel.keyboard.press('ArrowDown');
    expect(await panel.evaluate(() => document.activeElement?.hasAttribute('data-row'))).toBe(true);
  });

  test('a tab without an editor shows what to do; the paste box is the 草稿检查 view', async () => {
    const blank = await h.context.newPage();
    await blank.goto(`${h.origin}/p/misc.html`);
    const id = await tabIdOf(blank);
    const other = await h.context.newPage();
    await other.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tab=${id}`);
    await other.locator('[data-testid="empty-state"]').waitFor();
    expect(await other.textContent('[data-testid="empty-state"]')).toContain('草稿检查');
    await other.click('#tab-draft');
    await other.fill('textarea', '党支部要要发挥作用,推动工作。');
    await waitFor('the draft’s issues', () => other.locator('.draft li.issue').count(), (n) => n >= 2);
    await other.close();
    await blank.close();
  });
});

describe('side panel on a rich editor', () => {
  test('Quill: the panel lists its issues and a fix from the panel changes Quill’s own model', async () => {
    const q = await openFixture('quill');
    await q.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), DRAFT);
    await q.click('.ql-editor');
    const id = await tabIdOf(q);
    const view = await h.context.newPage();
    await view.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tab=${id}`);
    const marks = () => view.locator('li.issue mark').allTextContents();
    await waitFor('Quill’s issues in the panel', marks, (m) => m.includes('的的'), 15_000);
    expect(await view.textContent('[data-testid="source"]')).toContain('正在查看');
    const row = view.locator('li.issue', { has: view.locator('mark', { hasText: /^的的$/ }) }).first();
    await row.locator('button[data-action="apply"]').click();
    const model = () => q.evaluate(() => (window as unknown as PageWindow).fixture.modelText());
    await waitFor('the fix in Quill’s model', model, (t) => t.includes('党组织的战斗堡垒'), 10_000);
    await waitFor('the panel without it', marks, (m) => !m.includes('的的'), 10_000);
    await view.close();
    await q.close();
  });
});

describe('switching editors', () => {
  test('the panel shows the editor the writer is in, and switches with the focus', async () => {
    const p = await h.context.newPage();
    await p.goto(`${h.origin}/practice.html`);
    await p.click('#practice-editable');
    await p.keyboard.press('Control+End');
    await p.keyboard.type('我们我们要讲党课。');
    const id = await tabIdOf(p);
    const view = await h.context.newPage();
    await view.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tab=${id}`);
    const marks = () => view.locator('li.issue mark').allTextContents();
    await waitFor('the contenteditable’s slip', marks, (m) => m.some((t) => t.includes('我们我们')), 15_000);
    await p.bringToFront();
    await p.click('#practice-textarea');
    await waitFor('the textarea’s issues instead', marks, (m) => m.length > 0 && !m.some((t) => t.includes('我们我们')), 15_000);
    await p.click('#practice-editable');
    await waitFor('back to the contenteditable', marks, (m) => m.some((t) => t.includes('我们我们')), 15_000);
    await view.close();
    await p.close();
  });
});

describe('side panel figures (printed, not asserted: speed goes in the note)', () => {
  /** A draft of about `size` characters: the test draft's paragraphs repeated with numbered headings. */
  function draftOf(size: number): string[] {
    const out: string[] = [];
    let n = 0;
    for (let i = 1; n < size; i++) {
      for (const p of [`（${i}）第${i}部分`, DRAFT[2]!, DRAFT[4]!]) {
        out.push(p);
        n += p.length + 1;
      }
    }
    return out;
  }
  const pct = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

  for (const size of [10_000, 100_000]) {
    test(`keystroke in the page → panel updated, ${size.toLocaleString('en')} characters; panel heap`, async () => {
      const p = await openFixture('textarea');
      await p.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), draftOf(size));
      await p.click('#editor');
      await p.keyboard.press('Control+End');
      const id = await tabIdOf(p);
      const view = await h.context.newPage();
      await view.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tab=${id}`);
      const seq = () => view.evaluate(() => Number(document.querySelector('main')!.dataset.seq));
      await waitFor('the first snapshot', seq, (s) => s > 0, 60_000);
      await p.bringToFront();
      // Long tasks (≥ 50 ms) on each side: where the time goes.
      const watchLong = () => {
        const w = window as unknown as { longMs: number };
        w.longMs = 0;
        new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.longMs += e.duration))).observe({ type: 'longtask' });
      };
      await p.evaluate(watchLong);
      await view.evaluate(watchLong);
      const times: number[] = [];
      for (let k = 0; k < 12; k++) {
        const before = await seq();
        // The panel stamps the time its view changed; the page stamps the keystroke (one clock: same browser).
        await view.evaluate((b) => {
          const w = window as unknown as { seen?: number };
          w.seen = 0;
          const obs = new MutationObserver(() => {
            if (Number(document.querySelector('main')!.dataset.seq) > b) {
              w.seen = Date.now();
              obs.disconnect();
            }
          });
          obs.observe(document.querySelector('main')!, { attributes: true, attributeFilter: ['data-seq'] });
        }, before);
        const t0 = await p.evaluate(() => Date.now());
        await p.keyboard.type(k % 2 ? '的' : '要');
        const seen = await waitFor('the panel update', () => view.evaluate(() => (window as unknown as { seen?: number }).seen ?? 0), (s) => s > 0, 30_000);
        times.push(seen - t0);
      }
      const cdp = await h.context.newCDPSession(view);
      await cdp.send('Performance.enable');
      await cdp.send('HeapProfiler.collectGarbage');
      const metrics = (await cdp.send('Performance.getMetrics')).metrics;
      const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')!.value / 1024 / 1024;
      const chars = await p.evaluate(() => ((window as unknown as PageWindow).fixture.root() as HTMLTextAreaElement).value.length);
      const count = await view.textContent('[data-testid="issue-count"]');
      const longMs = async (x: Page) => Math.round(await x.evaluate(() => (window as unknown as { longMs: number }).longMs) / times.length);
      console.log(
        `side panel following a ${chars}-character textarea (${count} issues): keystroke → panel updated p50 ${pct(times, 50)} ms, p95 ${pct(times, 95)} ms (page debounce included); long tasks per keystroke: page ${await longMs(p)} ms, panel ${await longMs(view)} ms; panel JS heap ${heap.toFixed(1)} MB`,
      );
      expect(times.length).toBe(12);
      await view.close();
      await p.close();
    });
  }
});
