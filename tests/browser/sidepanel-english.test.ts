/**
 * The interface language (界面语言) in the extension's pages, as a writer sees them: with English chosen the
 * side panel's tabs all show in a narrow panel and the practice page speaks English outside the sample
 * draft; with 中文 chosen it shows no English beside its Chinese. Screenshots go to .tmp/ (en-*.png).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, ROOT, waitFor, type Harness } from './harness';

type PageWindow = Window & { fixture: { isReady: boolean; root(): HTMLElement; setParagraphs(p: string[]): Promise<void> } };

let h: Harness;
let page: Page;
const dir = path.join(ROOT, '.tmp');

const setLanguage = (language: string) =>
  h.worker.evaluate(async (l) => {
    const stored = ((await chrome.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
    await chrome.storage.local.set({ settings: { ...stored, language: l } });
  }, language);

beforeAll(async () => {
  h = await launch();
  mkdirSync(dir, { recursive: true });
  page = await h.context.newPage();
  await page.goto(`${h.origin}/p/textarea.html`);
  await page.waitForFunction(() => (window as unknown as PageWindow).fixture?.isReady === true, null, { timeout: 30_000 });
  await page.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), [
    '关于加强基层党支部建设的调研报告',
    '一、存在的问题',
    '一些支部“三会一课”落实不到位,组织生活流于形式。我们要要认真学习贯彻会议精神，全面发挥党组织的的战斗堡垒作用。',
  ]);
  await page.click('#editor');
});
afterAll(async () => {
  await h?.close();
});

/** Every tab of the panel inside the tab bar's box (none cut off or scrolled out of sight). */
async function tabsInside(panel: Page): Promise<{ label: string; inside: boolean }[]> {
  return panel.evaluate(() => {
    const bar = document.querySelector('[role="tablist"]')!.getBoundingClientRect();
    return [...document.querySelectorAll('[role="tab"]')].map((tab) => {
      const r = tab.getBoundingClientRect();
      return { label: tab.textContent ?? '', inside: r.left >= bar.left - 0.5 && r.right <= bar.right + 0.5 && r.width > 0 };
    });
  });
}

describe('interface language in the extension’s pages', () => {
  test('English: every tab of a 360 px side panel shows whole', async () => {
    await setLanguage('en');
    await page.bringToFront();
    const tabId = await h.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
    const panel = await h.context.newPage();
    await panel.setViewportSize({ width: 360, height: 900 });
    await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tab=${tabId}`);
    await waitFor('the issues', () => panel.locator('li.issue').count(), (n) => n > 0, 30_000);
    expect(await panel.textContent('#tab-issues')).toContain('Issues');
    const tabs = await tabsInside(panel);
    expect(tabs.length).toBe(5);
    expect(tabs.filter((t) => !t.inside).map((t) => t.label)).toEqual([]);
    await panel.screenshot({ path: path.join(dir, 'en-sidepanel.png'), fullPage: true });
    // The sections a draft lacks, in the summary and the outline, in English (the draft's own headings and
    // the corpus's example headings stay as written).
    const han = /[\u3400-\u9fff]/;
    const summary = await waitFor('the summary', () => panel.textContent('[data-testid="summary"]').catch(() => ''), (s) => !!s && s.includes('lacks'), 30_000);
    expect(summary).not.toMatch(han);
    await panel.click('#tab-outline');
    await panel.locator('.missing-section').first().waitFor();
    const lacks = await panel.locator('.missing-section .name').allTextContents();
    expect(lacks.join(' ')).toContain('Causes');
    expect(lacks.filter((l) => han.test(l))).toEqual([]);
    expect(await panel.textContent('.outline .typical')).not.toMatch(han);
    expect(await panel.locator('.tree .role').allTextContents()).toContain('Problems');
    // Each lacking section's example heading reads as a line of text, not a column of single characters.
    const widths = await panel.locator('.missing-section .example').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width / parseFloat(getComputedStyle(e).fontSize)));
    expect(widths.filter((w) => w < 8)).toEqual([]);
    await panel.screenshot({ path: path.join(dir, 'en-sidepanel-outline.png'), fullPage: true });
    await panel.close();
  }, 90_000);

  test('the practice page follows the setting: English outside the sample draft, or Chinese alone', async () => {
    const practice = await h.context.newPage();
    // The page's own words (the sample draft in the editors is the document, not the interface).
    const visibleText = () =>
      practice.evaluate(() => {
        const out: string[] = [];
        const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walk.nextNode(); n; n = walk.nextNode()) {
          const el = n.parentElement!;
          // (.kind: the editor's technical name, <textarea>, Quill 2 …, the same in both languages.)
          if (el.closest('textarea, [contenteditable], #practice-quill, code, script, style, .kind')) continue;
          if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
          if (n.textContent!.trim()) out.push(n.textContent!.trim());
        }
        return out;
      });
    await setLanguage('en');
    await practice.goto(`chrome-extension://${h.extensionId}/practice.html`);
    await waitFor('the English page', () => practice.evaluate(() => document.documentElement.lang), (l) => l === 'en', 15_000);
    const english = await visibleText();
    expect(english.filter((t) => /[\u3400-\u9fff]/.test(t))).toEqual([]);
    expect(english.join(' ')).toContain('practice page');
    await practice.screenshot({ path: path.join(dir, 'en-practice.png'), fullPage: true });
    // 中文: no English beside the Chinese; a change reaches the open page.
    await setLanguage('zh_CN');
    await waitFor('the Chinese page', () => practice.evaluate(() => document.documentElement.lang), (l) => l === 'zh-CN', 15_000);
    const chinese = await visibleText();
    expect(chinese.filter((t) => /[A-Za-z]{3,}/.test(t) && !/[\u3400-\u9fff]/.test(t))).toEqual([]);
    expect(chinese.join('')).toContain('练习页');
    await practice.close();
    await h.worker.evaluate(() => chrome.storage.local.remove('settings'));
  }, 90_000);
});
