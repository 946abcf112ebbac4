/**
 * The content script on a page without editors is only the editor watch (lib/editors/lazy-checker.ts):
 * the checker's file (engine, rules, data, UI) is requested when an editor shows up, from the per-session
 * URL (use_dynamic_url), and then checks as before — also for an editor added long after the page loaded.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, waitFor, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await launch();
});

afterAll(async () => {
  await h?.close();
});

const PLAIN = '<!doctype html><meta charset="utf-8"><title>文章</title><article><h1>学习体会</h1><p>没有编辑器的页面：只有文字和一个链接。</p><a href="#x">链接</a></article>';

describe('lean content script', () => {
  test('no checker file on a page without editors; loaded and checking once a textarea appears', async () => {
    const requested: string[] = [];
    const onRequest = (r: { url(): string }) => {
      if (r.url().endsWith('/editor-checker.js')) requested.push(r.url());
    };
    h.context.on('request', onRequest);
    const page = await h.context.newPage();
    try {
      await page.route('**/plain.html', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: PLAIN }));
      await page.goto(`${h.origin}/plain.html`);
      await page.waitForTimeout(800);
      expect(requested).toEqual([]);
      // The page's own scripts cannot reach the checker by the extension's fixed ID.
      const fixed = await page.evaluate(async (id) => {
        try {
          await fetch(`chrome-extension://${id}/editor-checker.js`);
          return 'loaded';
        } catch {
          return 'refused';
        }
      }, h.extensionId);
      expect(fixed).toBe('refused');

      await page.evaluate(() => {
        const t = document.createElement('textarea');
        t.value = '我们要要认真学习贯彻会议精神。';
        document.body.append(t);
        t.focus();
      });
      await waitFor('the badge of the new textarea', () => page.evaluate(() => document.querySelector('wengao-badge')?.getAttribute('data-count') ?? null), (c) => Number(c) >= 1, 15_000);
      expect(requested.length).toBeGreaterThan(0);
      // Loaded from the per-session URL, not the fixed ID.
      expect(requested.some((u) => !u.includes(h.extensionId))).toBe(true);
    } finally {
      h.context.off('request', onRequest);
      await page.close();
    }
  });
});
