/**
 * Library-level browser tests for lib/editors: fixture pages (one per editor, bundled with esbuild from
 * node_modules), served from 127.0.0.1 on a random port, driven in Debian's Chromium by playwright-core.
 * No extension is loaded: the pages include a bundle of lib/editors + lib/engine as `window.wengao`.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const PAGES = path.join(import.meta.dirname, 'pages');
const NODE_MODULES = path.join(ROOT, 'node_modules');

export interface PageSpec {
  /** Bundle entry: tests/browser-editors/pages/<name>.ts */
  name: string;
  css?: string[];
  /** Extra scripts loaded before the page bundle (URLs). */
  scripts?: string[];
  body?: string;
}

export const PAGE_SPECS: PageSpec[] = [
  { name: 'textarea', body: '<textarea id="editor" rows="10" cols="60"></textarea>' },
  { name: 'input', body: '<input id="editor" type="text" size="80">' },
  { name: 'contenteditable', body: '<div id="editor" contenteditable="true"></div>' },
  { name: 'quill', css: ['/nm/quill/dist/quill.snow.css'], body: '<div id="editor"></div>' },
  { name: 'tiptap', body: '<div id="editor"></div>' },
  { name: 'ckeditor5', css: ['/nm/ckeditor5/dist/ckeditor5.css'], body: '<div id="editor"></div>' },
  { name: 'lexical', body: '<div id="editor" contenteditable="true"></div>' },
  { name: 'wangeditor', css: ['/nm/@wangeditor/editor/dist/css/style.css'], body: '<div id="toolbar"></div><div id="editor" style="height:300px"></div>' },
  { name: 'tinymce', scripts: ['/nm/tinymce/tinymce.min.js'], body: '<textarea id="editor"></textarea>' },
  { name: 'misc', body: '' },
  { name: 'bench', body: '' },
];

export function browserPath(): string {
  const exe = process.env.WENGAO_BROWSER || '/usr/bin/chromium';
  if (!existsSync(exe)) {
    throw new Error(`No Chromium at ${exe}. Install it (apt-get install -y chromium fonts-noto-cjk) or set WENGAO_BROWSER.`);
  }
  return exe;
}

export function buildDir(): string {
  return path.join(os.tmpdir(), 'wengao-editors-build');
}

/** Bundle window.wengao (lib/editors + lib/engine) and every fixture page. */
export async function buildBundles(outdir = buildDir()): Promise<string> {
  mkdirSync(outdir, { recursive: true });
  const entryPoints: Record<string, string> = { wengao: path.join(PAGES, 'wengao.ts') };
  for (const p of PAGE_SPECS) entryPoints[`page-${p.name}`] = path.join(PAGES, `${p.name}.ts`);
  await build({
    entryPoints,
    outdir,
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    legalComments: 'none',
    sourcemap: false,
  });
  return outdir;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
};

function pageHtml(spec: PageSpec): string {
  const css = (spec.css ?? []).map((h) => `<link rel="stylesheet" href="${h}">`).join('');
  const scripts = (spec.scripts ?? []).map((s) => `<script src="${s}"></script>`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${spec.name}</title>
<link rel="icon" href="data:,">${css}
<style>body{margin:20px;font:16px/1.6 "Noto Sans CJK SC","Noto Sans SC",sans-serif}#editor{width:640px;min-height:160px}
textarea#editor,input#editor{font:16px/1.6 "Noto Sans CJK SC",sans-serif}</style></head>
<body>${spec.body ?? ''}<script src="/build/wengao.js"></script>${scripts}<script src="/build/page-${spec.name}.js"></script></body></html>`;
}

function sendFile(res: import('node:http').ServerResponse, file: string): void {
  if (!existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
}

export async function serve(outdir: string): Promise<{ server: Server; origin: string }> {
  const specs = new Map(PAGE_SPECS.map((s) => [s.name, s]));
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const clean = path.posix.normalize(pathname);
    const page = /^\/p\/([\w-]+)\.html$/.exec(clean);
    if (page) {
      const spec = specs.get(page[1]!);
      if (!spec) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': TYPES['.html']! });
      res.end(pageHtml(spec));
      return;
    }
    if (clean.startsWith('/build/')) {
      const file = path.join(outdir, clean.slice('/build/'.length));
      if (!file.startsWith(outdir + path.sep)) return void res.writeHead(404).end();
      return sendFile(res, file);
    }
    if (clean.startsWith('/nm/')) {
      const file = path.join(NODE_MODULES, clean.slice('/nm/'.length));
      if (!file.startsWith(NODE_MODULES + path.sep)) return void res.writeHead(404).end();
      return sendFile(res, file);
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

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
