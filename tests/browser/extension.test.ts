/**
 * The built Chrome extension in real Chromium: service worker, typed messages, the content script
 * on the practice page (textarea, contenteditable, Quill, skipped fields), the side panel page,
 * settings flowing to the content script, and — over the whole run — no console errors and no
 * network requests except to the local practice server and the extension itself.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyze } from '@/lib/engine';
import type { AnalyzeOptions } from '@/lib/engine';
import { PRACTICE_DRAFT } from '@/entrypoints/practice/sample';
import { launch, ROOT, type Harness, isLocalRequest } from './harness';

type Messages = Record<string, { message: string }>;
const locales = Object.fromEntries(
  ['zh_CN', 'en'].map((l) => [l, JSON.parse(readFileSync(path.join(ROOT, 'public/_locales', l, 'messages.json'), 'utf8')) as Messages]),
);

/** The UI string in the locale Chromium picked (zh_CN when chromium-l10n is installed, else en). */
async function uiMessage(p: Page, key: string, substitutions: string[] = []): Promise<string> {
  const lang = await p.evaluate(() => chrome.i18n.getMessage('@@ui_locale'));
  const table = lang.startsWith('zh') ? locales.zh_CN! : locales.en!;
  return table[key]!.message.replace('$COUNT$', substitutions[0] ?? '');
}

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await launch();
  page = await h.context.newPage();
});

afterAll(async () => {
  await h?.close();
});

interface BadgeState {
  text: string;
  count: string | null;
  visible: boolean;
  /** The badge's box and the field's box (page coordinates). */
  badge: { x: number; y: number; width: number; height: number } | null;
  field: { x: number; y: number; width: number; height: number };
}

/** The editor's text (as the content script reads it) and what its badge (the one shown inside its box) says. */
async function badgeState(p: Page, selector: string): Promise<BadgeState> {
  return p.evaluate((sel) => {
    const el = document.querySelector<HTMLElement>(sel)!;
    const text = el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement ? el.value : el.innerText;
    const r = el.getBoundingClientRect();
    const box = (b: DOMRect) => ({ x: b.left, y: b.top, width: b.width, height: b.height });
    const badge = [...document.querySelectorAll<HTMLElement>('wengao-badge')].find((b) => {
      const br = b.getBoundingClientRect();
      return br.width > 0 && br.left >= r.left - 1 && br.right <= r.right + 1 && br.top >= r.top - 1 && br.bottom <= r.bottom + 1;
    });
    return {
      text,
      count: badge?.dataset.count ?? null,
      visible: !!badge?.hasAttribute('data-visible'),
      badge: badge ? box(badge.getBoundingClientRect()) : null,
      field: box(r),
    };
  }, selector);
}

/** Wait until the badge is visible and shows exactly the engine's issue count for the editor's text. */
async function expectBadgeMatchesEngine(p: Page, selector: string, options?: AnalyzeOptions): Promise<number> {
  const deadline = Date.now() + 8_000;
  let last: BadgeState | undefined;
  let expected = -1;
  while (Date.now() < deadline) {
    last = await badgeState(p, selector);
    expected = analyze(last.text, options).issues.length;
    if (last.visible && last.count === String(expected)) return expected;
    await p.waitForTimeout(100);
  }
  throw new Error(`badge for ${selector}: expected ${expected}, got ${JSON.stringify(last)}`);
}

/** No badge shows for this field (or, without a selector, on the whole page). */
async function expectNoBadge(p: Page, selector?: string): Promise<void> {
  // Longer than the debounce, so a check that should not happen would have happened.
  await p.waitForTimeout(600);
  if (selector) {
    expect((await badgeState(p, selector)).visible).toBe(false);
    return;
  }
  const visible = await p.evaluate(() => [...document.querySelectorAll('wengao-badge')].some((b) => b.hasAttribute('data-visible')));
  expect(visible).toBe(false);
}

/** Send a message in @webext-core/messaging's wire format from an extension page. */
async function sendRaw(p: Page, type: string): Promise<unknown> {
  return p.evaluate((t) => chrome.runtime.sendMessage({ id: 1, type: t, timestamp: Date.now() }), type);
}

describe('Wengao extension in Chromium', () => {
  test('service worker starts, opens the side panel on click, answers typed messages', async () => {
    expect(h.worker.url()).toBe(`chrome-extension://${h.extensionId}/background.js`);
    await expect
      .poll(() => h.worker.evaluate(() => chrome.sidePanel.getPanelBehavior()))
      .toEqual({ openPanelOnActionClick: true });

    await page.goto(`chrome-extension://${h.extensionId}/sidepanel.html`);
    expect(await sendRaw(page, 'ping')).toEqual({ res: { ok: true, version: '0.1.0' } });
    expect(await sendRaw(page, 'getSettings')).toEqual({
      res: { enabled: true, rules: {}, disabledSites: [], siteIgnoredRules: {}, language: 'auto', debounceMs: 80, groupSeverity: {} },
    });
  });

  test('content script counts issues in the practice textarea while typing', async () => {
    await page.goto(`${h.origin}/practice.html`);
    await page.click('#practice-textarea');
    const initial = await expectBadgeMatchesEngine(page, '#practice-textarea');
    expect(initial).toBe(analyze(PRACTICE_DRAFT).issues.length);

    // Replace the draft by typing, keystroke by keystroke.
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await expectBadgeMatchesEngine(page, '#practice-textarea');
    expect((await badgeState(page, '#practice-textarea')).count).toBe('0');
    await page.keyboard.type('支部书记要要带头讲党课,认真学习的的党的创新理论。');
    const typed = await expectBadgeMatchesEngine(page, '#practice-textarea');
    expect(typed).toBe(analyze('支部书记要要带头讲党课,认真学习的的党的创新理论。').issues.length);

    // The badge sits inside the field's bottom-right corner.
    const { field, badge } = await badgeState(page, '#practice-textarea');
    expect(badge && field).toBeTruthy();
    expect(badge!.x).toBeGreaterThan(field!.x + field!.width / 2);
    expect(badge!.x + badge!.width).toBeLessThanOrEqual(field!.x + field!.width + 1);
    expect(badge!.y + badge!.height).toBeLessThanOrEqual(field!.y + field!.height + 1);
  });

  test('content script checks the contenteditable div and Quill', async () => {
    await page.click('#practice-editable');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('要要');
    await expectBadgeMatchesEngine(page, '#practice-editable');

    await page.click('#practice-quill .ql-editor');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('认真学习的的理论');
    const n = await expectBadgeMatchesEngine(page, '#practice-quill .ql-editor');
    expect(n).toBeGreaterThan(0);
    // The model (not just the DOM) has the text: typing went through Quill.
    expect(await page.evaluate(() => (window as any).wengaoPractice.quill.getText())).toContain('认真学习的的理论');
  });

  test('skips password fields and data-wengao="off", checks plain text inputs', async () => {
    await page.click('#practice-password');
    await page.keyboard.type('要要');
    await expectNoBadge(page, '#practice-password');

    await page.click('#practice-off');
    await page.keyboard.type('的的');
    await expectNoBadge(page, '#practice-off');
    expect(await page.evaluate(() => document.querySelectorAll('wengao-mirror').length)).toBe(2); // textarea, input

    await page.click('#practice-input');
    await page.keyboard.type('要要');
    await expectBadgeMatchesEngine(page, '#practice-input');

    // An editor with issues keeps its count when the focus leaves; a clean one shows ✓ only while focused.
    await page.click('.skipped p'); // plain text next to the field
    await expectBadgeMatchesEngine(page, '#practice-input');
    await page.click('#practice-input');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('工作总结');
    expect(await expectBadgeMatchesEngine(page, '#practice-input')).toBe(0);
    await page.click('.skipped p');
    await expectNoBadge(page, '#practice-input');
  });

  test('side panel: the 草稿检查 view lists the issues and the outline of pasted text', async () => {
    const panel = await h.context.newPage();
    // Tall enough for every row to be drawn (the list draws only rows on and near the screen).
    await panel.setViewportSize({ width: 400, height: 3200 });
    await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html?view=draft`);
    await expect.poll(() => panel.textContent('h1')).toBe('Wengao 文稿助手');
    await expect.poll(() => panel.textContent('.draft-issues .empty')).toBe(await uiMessage(panel, 'panelEmpty'));

    await panel.fill('textarea', PRACTICE_DRAFT);
    const expected = analyze(PRACTICE_DRAFT);
    const countText = await uiMessage(panel, 'panelIssueCount', [String(expected.issues.length)]);
    await expect.poll(() => panel.textContent('[data-testid="draft-count"]')).toBe(countText);
    // Every issue is counted in its group; rows show each message (runs of one mark folded into one row).
    const groupCounts = await panel.locator('.draft [data-testid="group-count"]').allTextContents();
    expect(groupCounts.reduce((n, c) => n + Number(c), 0)).toBe(expected.issues.length);
    const messages = new Set(await panel.locator('.draft li.issue .message').allTextContents());
    for (const i of expected.issues) expect(messages.has(i.message)).toBe(true);
    // The outline lists the headings (computed in a worker a moment after the text settles).
    await expect.poll(() => panel.locator('.draft-outline .tree li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const tree = (await panel.locator('.draft-outline .tree li').allTextContents()).join('\n');
    for (const o of expected.outline) expect(tree).toContain(o.title);

    // Locate selects the issue's text in the box.
    const first = panel.locator('.draft li.issue:not(.run)').first();
    const marked = await first.locator('mark').textContent();
    await first.locator('button[data-action="locate"]').click();
    expect(await panel.$eval('textarea', (t) => (t as HTMLTextAreaElement).value.slice((t as HTMLTextAreaElement).selectionStart, (t as HTMLTextAreaElement).selectionEnd))).toBe(marked);

    const dir = path.join(ROOT, '.tmp');
    mkdirSync(dir, { recursive: true });
    await panel.screenshot({ path: path.join(dir, 'sidepanel.png'), fullPage: true });
    await panel.close();
  });

  test('side panel copes with a long paste (rows paged, count complete, quick update)', async () => {
    const panel = await h.context.newPage();
    await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html?view=draft`);
    const long = Array.from({ length: 150 }, (_, i) => `第${i + 1}节\n${PRACTICE_DRAFT}`).join('\n');
    const expected = analyze(long).issues.length;
    await panel.fill('textarea', long);
    const countText = await uiMessage(panel, 'panelIssueCount', [String(expected)]);
    await expect.poll(() => panel.textContent('[data-testid="draft-count"]'), { timeout: 20_000 }).toBe(countText);
    const groups = await panel.locator('.draft .group').count();
    expect(await panel.locator('.draft li.issue').count()).toBeLessThanOrEqual(groups * 40);

    // One more slip typed at the end: time from the input event to the updated count, in the page.
    const after = analyze(`${long}要要`).issues.length;
    const wanted = await uiMessage(panel, 'panelIssueCount', [String(after)]);
    const ms = await panel.evaluate(
      (want) =>
        new Promise<number>((resolve) => {
          const ta = document.querySelector('textarea')!;
          const start = performance.now();
          const done = () => document.querySelector('[data-testid="draft-count"]')?.textContent === want;
          const obs = new MutationObserver(() => {
            if (done()) {
              obs.disconnect();
              resolve(performance.now() - start);
            }
          });
          obs.observe(document.body, { subtree: true, childList: true, characterData: true });
          ta.value += '要要';
          ta.dispatchEvent(new Event('input', { bubbles: true }));
        }),
      wanted,
    );
    console.log(`side panel: ${long.length} characters, ${after} issues; update after an edit ${ms.toFixed(0)} ms (debounce included)`);
    expect(await panel.locator('[data-testid="draft-count"]').textContent()).toBe(wanted);
    await panel.close();
  });

  test('the badge works and keeps its own style on a page whose CSP forbids all styles', async () => {
    await page.goto(`${h.origin}/strict-csp.html`);
    await page.click('#t');
    await expectBadgeMatchesEngine(page, '#t');
    const { field, badge } = await badgeState(page, '#t');
    expect(badge!.height).toBe(20); // the shadow-root stylesheet applied
    expect(badge!.y + badge!.height).toBeLessThanOrEqual(field!.y + field!.height + 1);
    expect(badge!.x).toBeGreaterThan(field!.x);
  });

  test('the practice page inside the extension runs the checker itself', async () => {
    const p = await h.context.newPage();
    await p.goto(`chrome-extension://${h.extensionId}/practice.html`);
    await p.click('#practice-textarea');
    await expectBadgeMatchesEngine(p, '#practice-textarea');
    await p.close();
  });

  test('settings reach the content script live (a rule switched off, checking switched off)', async () => {
    const ext = await h.context.newPage();
    await ext.goto(`chrome-extension://${h.extensionId}/sidepanel.html`);
    await page.goto(`${h.origin}/practice.html`);
    await page.click('#practice-textarea');
    await expectBadgeMatchesEngine(page, '#practice-textarea');

    const options: AnalyzeOptions = { rules: { 'repeated-word': false } };
    expect(analyze(PRACTICE_DRAFT, options).issues.length).toBeLessThan(analyze(PRACTICE_DRAFT).issues.length);
    await ext.evaluate((rules) => chrome.storage.local.set({ settings: { rules } }), options.rules);
    await expectBadgeMatchesEngine(page, '#practice-textarea', options);

    await ext.evaluate(() => chrome.storage.local.set({ settings: { enabled: false } }));
    await expectNoBadge(page);
    await page.keyboard.type('要要');
    await expectNoBadge(page);

    await ext.evaluate(() => chrome.storage.local.clear());
    await page.keyboard.type('的');
    await expectBadgeMatchesEngine(page, '#practice-textarea');
    await ext.close();
  });

  test('no console errors and no network requests beyond 127.0.0.1 and the extension', () => {
    expect(h.consoleErrors).toEqual([]);
    const foreign = h.requests.filter((r) => !isLocalRequest(h, r.url));
    expect(foreign).toEqual([]);
    // The monitor really sees traffic (the practice page and the side panel were loaded).
    expect(h.requests.some((r) => r.url === `${h.origin}/practice.html`)).toBe(true);
    expect(h.requests.some((r) => r.url.startsWith(`chrome-extension://${h.extensionId}/sidepanel.html`))).toBe(true);
  });
});
