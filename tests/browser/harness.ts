/**
 * Launches Chromium with the built extension (playwright-core, no bundled browser) and serves, from
 * http://127.0.0.1, the built extension's pages (the practice page) and the editor fixture pages of
 * tests/browser-editors (/p/<editor>.html, without any Wengao code: the content script does the work).
 * Records console errors and every network request made by any page, extension page or the service
 * worker, so tests can assert there are none we did not expect.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { buildDir, serveFixture } from '../browser-editors/fixture-pages';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** WENGAO_EXT_DIR: a private copy of the build (helpers sharing one tree rebuild .output under each other's runs). */
export const CHROME_DIR = process.env.WENGAO_EXT_DIR ? path.resolve(process.env.WENGAO_EXT_DIR) : path.join(ROOT, '.output', 'chrome-mv3');
export const FIREFOX_DIR = path.join(ROOT, '.output', 'firefox-mv2');

/** Flags for Chromium on a machine with no network but loopback (TOOLING.md): nothing phones home. */
export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function browserPath(): string {
  const exe = process.env.WENGAO_BROWSER || '/usr/bin/chromium';
  if (!existsSync(exe)) {
    throw new Error(
      `No Chromium at ${exe}. Install it (apt-get install -y chromium fonts-noto-cjk) or set WENGAO_BROWSER.`,
    );
  }
  return exe;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.json': 'application/json',
};

export async function serveDir(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (pathname === '/strict-csp.html') {
      // A page that forbids every script and style: the badge must still work and look right.
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "default-src 'none'; style-src 'none'; script-src 'none'",
      });
      res.end('<!doctype html><meta charset="utf-8"><title>CSP</title><textarea id="t" rows="8" cols="60">书记要要带头</textarea>');
      return;
    }
    if (serveFixture(buildDir(), req.url ?? '/', res, { library: false })) return;
    const file = path.join(dir, path.posix.normalize(decodeURIComponent(pathname)));
    if (!file.startsWith(dir + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * The extension's highlight names are random per session (lib/editors/highlighter.ts: the page must not
 * learn rules or categories from them). For the tests, `CSS.highlights.get('wengao-error' | 'wengao-warning'
 * | 'wengao-info' | 'wengao-active')` in the page's world finds the extension's highlight of that severity
 * by its priority (3, 2, 1, 10) and name shape. Test-only; the product offers no such lookup.
 */
const HIGHLIGHT_NAMES_SHIM = `(() => {
  const proto = globalThis.HighlightRegistry && globalThis.HighlightRegistry.prototype;
  if (!proto) return;
  const get = proto.get;
  const priority = { 'wengao-error': 3, 'wengao-warning': 2, 'wengao-info': 1, 'wengao-active': 10 };
  proto.get = function (name) {
    const p = priority[name];
    if (p === undefined) return get.call(this, name);
    for (const [n, h] of this) if (h.priority === p && /^h[0-9a-z]{9}$/.test(n)) return h;
    return undefined;
  };
})();`;

export interface Harness {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Origin of the local practice-page server. */
  origin: string;
  consoleErrors: string[];
  /** Every request seen, from pages, extension pages and the service worker. */
  requests: { url: string; from: string }[];
  close(): Promise<void>;
}

export async function launch(): Promise<Harness> {
  if (!existsSync(path.join(CHROME_DIR, 'manifest.json'))) throw new Error('Build missing: run `npx wxt build`.');
  const profile = mkdtempSync(path.join(os.tmpdir(), 'wengao-test-'));
  const { server, origin } = await serveDir(CHROME_DIR);
  const consoleErrors: string[] = [];
  const requests: { url: string; from: string }[] = [];
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: browserPath(),
      headless: true,
      locale: 'zh-CN',
      viewport: { width: 1100, height: 900 },
      // LANGUAGE picks the Chinese UI; LC_ALL=C.UTF-8 (always installed) keeps non-ASCII file paths working.
      env: { ...process.env, LANGUAGE: 'zh_CN', LANG: 'zh_CN.UTF-8', LC_ALL: 'C.UTF-8' },
      args: [
        `--disable-extensions-except=${CHROME_DIR}`,
        `--load-extension=${CHROME_DIR}`,
        '--lang=zh-CN',
        ...LAUNCH_ARGS,
      ],
    });
    const ctx = context;
    await ctx.addInitScript(HIGHLIGHT_NAMES_SHIM);
    ctx.on('request', (req) => requests.push({ url: req.url(), from: req.serviceWorker() ? 'service-worker' : 'page' }));
    ctx.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(`${msg.location().url}: ${msg.text()}`);
    });
    ctx.on('weberror', (err) => consoleErrors.push(`uncaught: ${err.error().message}`));
    const watched = new WeakSet<Worker>();
    const watchWorker = (w: Worker) => {
      if (watched.has(w)) return;
      watched.add(w);
      w.on('console', (msg) => {
        if (msg.type() === 'error') consoleErrors.push(`${w.url()}: ${msg.text()}`);
      });
    };
    ctx.on('serviceworker', watchWorker);
    const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 20_000 }));
    watchWorker(worker);
    const extensionId = new URL(worker.url()).host;
    // Badge hosts carry data-count / data-visible for the tests (lib/editors/badge.ts exposeState; off for users).
    await worker.evaluate(() => chrome.storage.local.set({ wengaoExposeState: true }));
    return {
      context: ctx,
      worker,
      extensionId,
      origin,
      consoleErrors,
      requests,
      async close() {
        await ctx.close().catch(() => {});
        server.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close().catch(() => {});
    server.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

/**
 * `launch()` plus one extension page (the side panel's) beside the test pages: tests switch test-only state
 * on and read the extension's storage from it.
 */
export async function launchWithExtensionPage(): Promise<{ h: Harness; ext: Page }> {
  const h = await launch();
  const ext = await h.context.newPage();
  await ext.goto(`chrome-extension://${h.extensionId}/sidepanel.html`);
  return { h, ext };
}

/** The centre (viewport) of an underline over `text` in any of the page's highlights, or null. */
export function underlineAt(page: Page, text: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((text) => {
    for (const [, set] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights)
      for (const r of set) {
        if (r.toString() !== text) continue;
        const b = r.getClientRects()[0]!;
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
    return null;
  }, text);
}

/** Poll `read` until `ok` holds (every 40 ms), or fail after `timeout` ms saying what was awaited. */
/**
 * A request the extension may make in a test: the local test server, the extension's own files (by its id,
 * or through the per-session dynamic origin that `use_dynamic_url` gives the lazily loaded checker), and
 * data:, blob: and about: URLs. Anything else is a request to the network.
 */
export function isLocalRequest(h: Pick<Harness, 'origin' | 'extensionId'>, url: string): boolean {
  return (
    url.startsWith(`${h.origin}/`) ||
    url.startsWith(`chrome-extension://${h.extensionId}/`) ||
    /^chrome-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\//.test(url) ||
    /^(?:data|blob|about):/.test(url)
  );
}

export async function waitFor<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeout = 5_000): Promise<T> {
  const end = Date.now() + timeout;
  let v = await read();
  while (!ok(v)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 40));
    v = await read();
  }
  return v;
}
