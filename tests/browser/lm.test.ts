/**
 * The wrong-character tier in the extension (issue 8 §4): the background loads the model from the
 * package on the first check of an editor's text — never on a page without an editor — and the content
 * script merges its answers into the underlines and the fix card like a rule's. Also: the tier follows
 * its setting, and checking goes on after the browser stopped the service worker.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clickShadow, fieldBoxes, shadowElements } from './closed-shadow';
import { waitFor, type Harness, isLocalRequest, launchWithExtensionPage } from './harness';

type PageWindow = Window & { fixture: { isReady: boolean; root(): HTMLElement; setParagraphs(p: string[]): Promise<void>; modelText(): string } };

const TYPO = '党员干部要密切练习群众，虚心听取意见。';
const CLEAN = '各级党组织要坚持以人民为中心的发展思想，把群众满意作为检验工作成效的标准。';

let h: Harness;
let ext: Page;
beforeAll(async () => ({ h, ext } = await launchWithExtensionPage()));
afterAll(async () => {
  await h?.close();
});

const MODEL = `chrome-extension://${'{id}'}/lm/model.bin`;
/** Times the background fetched the model, as the worker's own resource timing and the network log see it. */
async function modelFetches(): Promise<number> {
  const url = MODEL.replace('{id}', h.extensionId);
  const worker = h.context.serviceWorkers()[0];
  const timed = worker ? await worker.evaluate((u) => performance.getEntriesByType('resource').filter((e) => e.name === u).length, url).catch(() => 0) : 0;
  return Math.max(timed, h.requests.filter((r) => r.url === url).length);
}

async function openFixture(name: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`${h.origin}/p/${name}.html`);
  await page.waitForFunction(() => (window as unknown as PageWindow).fixture?.isReady === true, null, { timeout: 30_000 });
  return page;
}

/** Rich editors: the texts under the wengao highlights. */
function highlighted(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const win = window as unknown as { CSS: { highlights: Map<string, Set<Range>> } };
    const out: string[] = [];
    for (const key of ['error', 'warning', 'info']) for (const r of win.CSS.highlights.get(`wengao-${key}`) ?? []) out.push(r.toString());
    return out.sort();
  });
}

const cardOpen = (page: Page) => page.evaluate(() => !!document.querySelector('wengao-card')?.hasAttribute('data-open'));

/** Hover the point until the card opens; its message, before and after. */
async function openCardAt(page: Page, p: { x: number; y: number }): Promise<{ message: string; before: string; after: string }> {
  await page.mouse.move(2, 2);
  await page.mouse.move(p.x, p.y, { steps: 2 });
  await waitFor('the card', () => cardOpen(page), Boolean);
  const [message] = await shadowElements(page, 'wengao-card', { classes: ['msg'] });
  const [before] = await shadowElements(page, 'wengao-card', { classes: ['before'] });
  const [after] = await shadowElements(page, 'wengao-card', { classes: ['after', 'primary'] });
  return { message: message?.text ?? '', before: before?.text ?? '', after: after?.attributes['data-replacement'] ?? '' };
}

describe('the wrong-character tier in web pages', () => {
  test('a page without an editor never loads the model', async () => {
    const page = await h.context.newPage();
    await page.route(`${h.origin}/plain.html`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><meta charset="utf-8"><title>正文</title><p>${TYPO}</p><p>${CLEAN}</p>` }),
    );
    await page.goto(`${h.origin}/plain.html`);
    // The content script is there (it answers the frame ping) and has had time to do anything it would.
    await page.waitForTimeout(1500);
    expect(await modelFetches()).toBe(0);
    await page.close();
  });

  test('textarea: the homophone gets an underline whose card suggests 联系, and the fix applies; clean text stays clean', async () => {
    const page = await openFixture('textarea');
    await page.evaluate(([a, b]) => (window as unknown as PageWindow).fixture.setParagraphs([a!, b!]), [TYPO, CLEAN]);
    await page.focus('#editor'); // a value set by script announces nothing: the writer comes to the field
    const start = TYPO.indexOf('练习');
    const boxes = await waitFor('the underline over 练习', () => fieldBoxes(page), (b) => b.some((x) => x.offset >= start && x.offset <= start + 2), 20_000);
    // Nothing else is underlined: the clean paragraph and the rest of the typo's sentence.
    expect(boxes.every((x) => x.offset >= start && x.offset <= start + 2)).toBe(true);
    expect(await modelFetches()).toBe(1);

    const card = await openCardAt(page, boxes[0]!);
    expect(card.before).toBe('练习');
    expect(card.after).toBe('联系');
    expect(card.message).toContain('联系');
    await clickShadow(page, 'wengao-card', { tag: 'button', attribute: ['data-action', 'apply'] });
    await waitFor('the fixed text', () => page.evaluate(() => (window as unknown as PageWindow).fixture.modelText()), (t) => t.includes('密切联系群众'));
    await waitFor('no underline left', () => fieldBoxes(page), (b) => b.length === 0);
    await page.close();
  });

  test('rich editor: the underline, its fix, the setting that turns the tier off; the model is loaded once', async () => {
    const page = await openFixture('contenteditable');
    await page.evaluate(([a, b]) => (window as unknown as PageWindow).fixture.setParagraphs([a!, b!]), [CLEAN, TYPO]);
    expect(await waitFor('the underline', () => highlighted(page), (t) => t.length > 0, 20_000)).toEqual(['练习']);

    // Switched off (settings.rules['wrong-char'], as the settings page stores it): gone, and back when on.
    await ext.evaluate(() => chrome.storage.local.set({ settings: { rules: { 'wrong-char': false } } }));
    await waitFor('no underline with the tier off', () => highlighted(page), (t) => t.length === 0);
    await ext.evaluate(() => chrome.storage.local.remove('settings'));
    await waitFor('the underline back', () => highlighted(page), (t) => t.length === 1);

    const p = await page.evaluate(() => {
      const r = [...((window as unknown as { CSS: { highlights: Map<string, Set<Range>> } }).CSS.highlights.get('wengao-error') ?? [])][0]!;
      const b = r.getClientRects()[0]!;
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    });
    const card = await openCardAt(page, p);
    expect([card.before, card.after]).toEqual(['练习', '联系']);
    await clickShadow(page, 'wengao-card', { tag: 'button', attribute: ['data-action', 'apply'] });
    await waitFor('the fixed text', () => page.evaluate(() => (window as unknown as PageWindow).fixture.root().textContent ?? ''), (t) => t.includes('密切联系群众'));
    await waitFor('no underline left', () => highlighted(page), (t) => t.length === 0);
    // The worker kept the model: no second fetch for a second page.
    expect(await modelFetches()).toBe(1);
    await page.close();
  });

  test('after the browser stops the service worker, the next check loads the model again', async () => {
    const page = await openFixture('contenteditable');
    // The DevTools ServiceWorker domain of an extension page reaches the extension's own worker.
    const cdp = await h.context.newCDPSession(ext);
    let status = '';
    // Latched: an open extension page (the side panel's port) may start the worker again at once, before
    // a poll would see it stopped. A stop is a stop: the model it held is gone either way.
    let stopped = false;
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of e.versions) if (v.scriptURL.endsWith('/background.js')) {
        status = v.runningStatus;
        if (status === 'stopped') stopped = true;
      }
    });
    await cdp.send('ServiceWorker.enable');
    await waitFor('the worker running', async () => status, (s) => s === 'running');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await waitFor('the worker stopped', async () => stopped, (s) => s);
    await page.evaluate((a) => (window as unknown as PageWindow).fixture.setParagraphs([a]), '各级党组织书记要发挥代头作用，当好表率。');
    expect(await waitFor('the underline', () => highlighted(page), (t) => t.length > 0, 20_000)).toEqual(['代']);
    expect(status).toBe('running'); // started again by the content script's message
    await page.close();
  });

  test('no network requests beyond 127.0.0.1 and the extension', () => {
    expect(h.requests.filter((r) => !isLocalRequest(h, r.url)).map((r) => r.url)).toEqual([]);
  });
});
