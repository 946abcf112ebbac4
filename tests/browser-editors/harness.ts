/**
 * Library-level browser tests for lib/editors: fixture pages (one per editor, bundled with esbuild from
 * node_modules), served from 127.0.0.1 on a random port, driven in Debian's Chromium by playwright-core.
 * No extension is loaded: the pages include a bundle of lib/editors + lib/engine as `window.wengao`.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { browserPath, LAUNCH_ARGS } from '../browser/harness';
import { buildBundles, buildDir, serveFixture } from './fixture-pages';

export { buildBundles, buildDir, PAGE_SPECS, ROOT, type PageSpec } from './fixture-pages';

/** Serve the fixture pages (with window.wengao) from 127.0.0.1 on a random port. */
export async function serve(outdir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    if (!serveFixture(outdir, req.url ?? '/', res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: browserPath(), headless: true, args: LAUNCH_ARGS });
}

export interface Env {
  browser: Browser;
  origin: string;
  close(): Promise<void>;
}

/** Build (unless globalSetup already did), serve and launch. */
export async function setupEnv(): Promise<Env> {
  const outdir = buildDir();
  if (!existsSync(path.join(outdir, 'wengao.js'))) await buildBundles(outdir);
  const { server, origin } = await serve(outdir);
  const browser = await launchBrowser();
  return {
    browser,
    origin,
    async close() {
      await browser.close().catch(() => {});
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export interface OpenedPage {
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

/** A fresh context and page on a fixture, console errors and page errors collected. */
export async function openFixture(env: Env, name: string): Promise<OpenedPage> {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(`${env.origin}/p/${name}.html`);
  await page.waitForFunction(() => (window as unknown as { fixture?: { isReady?: boolean } }).fixture?.isReady === true, null, { timeout: 30_000 });
  return { page, errors, close: () => context.close() };
}

/**
 * One fixture page shared by every test of the calling file: opened in a beforeAll, closed in an
 * afterAll. Returns a getter for the page (valid from the first test on).
 */
export function useFixturePage(name: string): () => Page {
  let env: Env | undefined;
  let opened: OpenedPage | undefined;
  beforeAll(async () => {
    env = await setupEnv();
    opened = await openFixture(env, name);
  });
  afterAll(async () => {
    await opened?.close();
    await env?.close();
  });
  return () => opened!.page;
}
