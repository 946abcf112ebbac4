/**
 * The content script on a page without editors is only the editor watch (lib/editors/lazy-checker.ts):
 * the checker's file (engine, rules, data, UI) is requested when an editor shows up, from the per-session
 * URL (use_dynamic_url), and then checks as before — also for an editor added long after the page loaded,
 * and for one in a shadow root the page already had (the watch does not walk every element for those: it
 * finds them when the writer works in them). The page-world undo bridge runs only in a page whose editor
 * needs it (lib/page-inject.ts).
 */
import type { Page } from 'playwright-core';
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

  test('an editor in a shadow root the page had before the watch started: checked once the writer works in it', async () => {
    const page = await h.context.newPage();
    try {
      const body =
        '<!doctype html><meta charset="utf-8"><title>组件</title><p>正文</p>' +
        '<div id="host"><template shadowrootmode="open"><div id="ed" contenteditable="true" style="font:16px sans-serif;min-height:40px"><p>正文</p></div></template></div>';
      await page.route('**/shadow.html', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body }));
      await page.goto(`${h.origin}/shadow.html`);
      expect(await page.evaluate(() => !!document.getElementById('host')!.shadowRoot?.getElementById('ed'))).toBe(true);
      await page.click('#host >> #ed');
      await page.keyboard.press('End');
      await page.keyboard.insertText('我们要要认真学习。');
      await waitFor('the badge of the editor in the shadow root', () => page.evaluate(() => document.querySelector('wengao-badge')?.getAttribute('data-count') ?? null), (c) => Number(c) >= 1, 15_000);
    } finally {
      await page.close();
    }
  });

  test('fields that hold no prose load nothing; the checker comes once one of them becomes a field, or one is added in a frame or a new shadow root', async () => {
    const requested: string[] = [];
    const onRequest = (r: { url(): string }) => {
      if (r.url().endsWith('/editor-checker.js')) requested.push(r.url());
    };
    h.context.on('request', onRequest);
    const badge = (page: Page) => page.evaluate(() => document.querySelector('wengao-badge')?.getAttribute('data-count') ?? null);
    // Search boxes, a login form, data fields, a read-only textarea, code editors, an opted-out editor
    // (lib/editors/content-watch.ts maybeField): none of them is a field detect.ts checks.
    const form =
      '<!doctype html><meta charset="utf-8"><title>表单</title>' +
      '<form role="search"><input type="text" placeholder="搜索"></form><form><input name="wd"><input type="search"><search><input id="s3"></search></form>' +
      '<form><input autocomplete="username"><input type="password"><input type="email"><input type="tel"><input type="number"><input type="date"><input type="checkbox"><input type="hidden" value="x"></form>' +
      '<textarea id="ro" readonly>我们要要认真学习。</textarea><input disabled value="x"><input spellcheck="false">' +
      '<div class="cm-editor"><div class="cm-content" contenteditable="true">let a = 1;</div></div><div class="monaco-editor"><textarea></textarea></div>' +
      '<div data-wengao="off"><div contenteditable="true">我们要要认真学习。</div></div><div contenteditable="false">正文</div>';
    const page = await h.context.newPage();
    try {
      await page.route('**/form.html', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: form }));
      await page.goto(`${h.origin}/form.html`);
      await page.click('#s3');
      await page.keyboard.insertText('学习');
      await page.waitForTimeout(800);
      expect(requested).toEqual([]);
      // The read-only textarea becomes writable: a field now.
      await page.evaluate(() => document.getElementById('ro')!.removeAttribute('readonly'));
      await waitFor('the badge of the textarea made writable', () => badge(page), (c) => Number(c) >= 1, 15_000);
      expect(requested.length).toBeGreaterThan(0);
    } finally {
      await page.close();
    }

    // A same-origin frame without a script of its own, filled after the page loaded; and a shadow root
    // that comes with an element added later.
    for (const add of ['frame', 'shadow'] as const) {
      const p = await h.context.newPage();
      const before = requested.length;
      try {
        await p.route('**/plain.html', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: PLAIN }));
        await p.goto(`${h.origin}/plain.html`);
        await p.waitForTimeout(300);
        await p.evaluate((add) => {
          const host = document.createElement('div');
          if (add === 'frame') {
            const frame = document.createElement('iframe');
            host.append(frame);
            document.body.append(host);
            // Written through the DOM: about:blank keeps the parent's origin and gets no script of its own.
            setTimeout(() => {
              const d = frame.contentDocument!;
              const t = d.createElement('textarea');
              t.value = '我们要要认真学习贯彻会议精神。';
              d.body.append(t);
            }, 200);
          } else {
            const root = host.attachShadow({ mode: 'open' });
            const t = document.createElement('textarea');
            t.value = '我们要要认真学习贯彻会议精神。';
            root.append(t);
            document.body.append(host);
          }
        }, add);
        await waitFor(`the checker for the field in the ${add}`, async () => requested.length, (n) => n > before, 15_000);
      } finally {
        await p.close();
      }
    }
    h.context.off('request', onRequest);
  });

  test('the page-world undo bridge runs only where an editor needs it (TinyMCE: yes; a textarea: no)', async () => {
    /** Does the page's own world answer an undo-boundary request for its editor (lib/editors/page-bridge.ts)? */
    const bridged = (page: Page, selector: string | null) =>
      page.evaluate((selector) => {
        let t: Element | null = selector ? document.querySelector(selector) : (window as unknown as { fixture: { root(): Element } }).fixture.root();
        for (let depth = 0; t && depth < 8; depth++) {
          const win = t.ownerDocument.defaultView as (Window & typeof globalThis) | null;
          if (!win) return false;
          if (!t.dispatchEvent(new win.CustomEvent('wengao-undo-boundary', { bubbles: true, composed: true, cancelable: true, detail: 'before' }))) return true;
          t = win.frameElement;
        }
        return false;
      }, selector);
    const badge = (page: Page) => page.evaluate(() => document.querySelector('wengao-badge')?.getAttribute('data-count') ?? null);

    const plain = await h.context.newPage();
    try {
      // A page script named like TinyMCE's global, owning the whole body: a bridge in this page would answer
      // for the textarea. The checker finds a textarea, not TinyMCE, so none runs here.
      const field =
        '<!doctype html><meta charset="utf-8"><title>表单</title><textarea id="t">我们要要认真学习。</textarea>' +
        '<script>window.tinymce = { get: () => [{ getBody: () => document.body, undoManager: { add() {} } }] };</script>';
      await plain.route('**/field.html', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: field }));
      await plain.goto(`${h.origin}/field.html`);
      await plain.click('#t');
      await waitFor('the checker in the page with a textarea', () => badge(plain), (c) => Number(c) >= 1, 15_000);
      await plain.waitForTimeout(500);
      expect(await bridged(plain, '#t')).toBe(false);
    } finally {
      await plain.close();
    }

    const rich = await h.context.newPage();
    try {
      await rich.goto(`${h.origin}/p/tinymce6.html`);
      await rich.waitForFunction(() => (window as unknown as { fixture?: { isReady: boolean } }).fixture?.isReady === true, null, { timeout: 20_000 });
      expect(await waitFor('the bridge in the TinyMCE page', () => bridged(rich, null), Boolean, 15_000)).toBe(true);
    } finally {
      await rich.close();
    }
  });
});
