/**
 * storage.local is closed to content scripts (issue 10): a page that takes over its content script (or
 * its renderer) cannot change the settings or read what the user did on other sites. The background
 * locks the storage at start (lib/storage/page-state.ts); the content script reads through the
 * background, cut down to its own site, and follows changes from the background's per-tab notices.
 *
 * The content script's own world is reached through the DevTools protocol (its isolated execution
 * context): whatever runs there is what a compromised content script could run.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { waitFor, type Harness, launchWithExtensionPage } from './harness';

let h: Harness;
let ext: Page;
beforeAll(async () => ({ h, ext } = await launchWithExtensionPage()));
afterAll(async () => {
  await h?.close();
});

type PageWindow = Window & { fixture: { isReady: boolean } };

/** A page of the test server with a textarea holding one slip (要要), checked by the content script. */
async function pageWithEditor(): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`${h.origin}/p/misc.html`);
  await page.waitForFunction(() => (window as unknown as PageWindow).fixture?.isReady === true, null, { timeout: 30_000 });
  await page.evaluate(() => {
    document.body.innerHTML = '<textarea id="t" rows="6" cols="50">党支部书记要要带头学习。</textarea>';
    (document.getElementById('t') as HTMLTextAreaElement).focus();
  });
  return page;
}

const badge = (page: Page) => page.evaluate(() => document.querySelector('wengao-badge')?.getAttribute('data-count') ?? null);

/** Evaluate `expression` (a promise) in the extension's content-script world of `page`. */
async function inContentScript(page: Page): Promise<(expression: string) => Promise<unknown>> {
  const cdp: CDPSession = await h.context.newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as never));
  await cdp.send('Runtime.enable');
  const world = await waitFor(
    "the content script's world",
    async () => contexts.filter((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${h.extensionId}`).at(-1) ?? null,
    Boolean,
  );
  return async (expression) => {
    const r = (await cdp.send('Runtime.evaluate', { expression, contextId: world!.id, awaitPromise: true, returnByValue: true })) as {
      result?: { value?: unknown };
      exceptionDetails?: { exception?: { description?: string } };
    };
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? 'evaluation failed');
    return r.result?.value;
  };
}

/** A message to the background as the content script's messaging sends it (@webext-core/messaging). */
const message = (type: string, data: unknown) =>
  `chrome.runtime.sendMessage({ id: 1, type: ${JSON.stringify(type)}, data: ${JSON.stringify(data)}, timestamp: Date.now() }).then((r) => r, (e) => ({ err: String(e && e.message || e) }))`;

describe('storage.local and the content script', () => {
  test("a content script's write to storage.local is refused, and so is its read; the settings stay as they were", async () => {
    await h.worker.evaluate(() => chrome.storage.local.set({ settings: { enabled: true, disabledSites: ['bank.example'] } }));
    const page = await pageWithEditor();
    await waitFor('the badge', () => badge(page), (c) => c === '1', 20_000);
    const run = await inContentScript(page);
    const write = await run(`chrome.storage.local.set({ settings: { enabled: false } }).then(() => 'written', (e) => 'refused: ' + e.message)`);
    expect(write).toMatch(/^refused: Access to storage is not allowed/);
    const read = await run(`chrome.storage.local.get('settings').then((v) => 'read: ' + JSON.stringify(v), (e) => 'refused: ' + e.message)`);
    expect(read).toMatch(/^refused:/);
    const stored = await h.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings as { enabled: boolean });
    expect(stored.enabled).toBe(true);
    // Still checking.
    expect(await badge(page)).toBe('1');
    await page.close();
  });

  test('through the background it reads only its own site, and switches only its own site off', async () => {
    await h.worker.evaluate(() =>
      chrome.storage.local.set({ settings: { enabled: true, disabledSites: ['bank.example'], siteIgnoredRules: { 'clinic.example': ['repeated-word'] } } }),
    );
    const page = await pageWithEditor();
    await waitFor('the badge', () => badge(page), (c) => c === '1', 20_000);
    const run = await inContentScript(page);
    const got = (await run(message('readPageState', { keys: ['settings', 'badgeSwitches'] }))) as { res?: Record<string, unknown> };
    expect(JSON.stringify(got.res)).not.toMatch(/bank|clinic/);
    expect(got.res?.settings).toMatchObject({ enabled: true, disabledSites: [], siteIgnoredRules: {} });
    const other = (await run(message('setBadgeSwitch', { site: 'bank.example', field: null, off: true }))) as { res?: unknown; err?: unknown };
    expect(other.res).toBeUndefined();
    expect(JSON.stringify(other.err)).toMatch(/refused/);
    // Its own site: the badge's 本网站不检查 path, written by the background; the page follows the notice.
    const site = new URL(h.origin).hostname;
    const own = (await run(message('setBadgeSwitch', { site, field: null, off: true }))) as { res?: boolean };
    expect(own.res).toBe(true);
    expect(await h.worker.evaluate(async () => (await chrome.storage.local.get('badgeSwitches')).badgeSwitches)).toMatchObject({ sites: [site] });
    // Off: the badge goes (or, in the focused field, turns into the grey 恢复检查 pill).
    const shown = () => page.evaluate(() => {
      const b = document.querySelector('wengao-badge');
      return b?.hasAttribute('data-visible') ? b.getAttribute('data-count') : null;
    });
    await waitFor('checking switched off on this site', shown, (c) => c !== '1', 10_000);
    await run(message('setBadgeSwitch', { site, field: null, off: false }));
    await page.close();
  });

  test('a settings change from an extension page reaches an open page (the background tells every tab)', async () => {
    await h.worker.evaluate(() => chrome.storage.local.set({ settings: { enabled: true }, badgeSwitches: { sites: [], fields: {} } }));
    const page = await pageWithEditor();
    await waitFor('the badge', () => badge(page), (c) => c === '1', 20_000);
    await ext.evaluate(() => chrome.storage.local.set({ settings: { enabled: true, rules: { 'repeated-word': false } } }));
    await waitFor('the rule switched off', () => badge(page), (c) => c !== '1', 10_000);
    await ext.evaluate(() => chrome.storage.local.set({ settings: { enabled: true } }));
    await waitFor('the rule on again', () => badge(page), (c) => c === '1', 10_000);
    await page.close();
  });

  test('no console errors', () => {
    expect(h.consoleErrors).toEqual([]);
  });
});
