#!/usr/bin/env node
// `npm start`: build the extension, serve the practice page on http://127.0.0.1:<random port>, and
// open a Chromium-family browser (fresh temporary profile) with the extension loaded on that page.
// The server runs until the browser exits; Ctrl+C closes everything and removes the profile.
//
//   npm start                          build, serve, open the browser
//   npm start -- --browser PATH        use this browser binary (or set WENGAO_BROWSER=PATH)
//   npm start -- --no-build            reuse .output/chrome-mv3
//   npm start -- --headless            CI smoke test: headless browser, check the extension works, exit
//
// The extension is loaded twice over for robustness: with --load-extension (Chromium, Edge, Brave …)
// and through the DevTools protocol `Extensions.loadUnpacked` over --remote-debugging-pipe (Google
// Chrome 137+ ignores --load-extension). Only Node built-ins are used.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const EXT_DIR = path.join(ROOT, '.output', 'chrome-mv3');
const PRACTICE = '/practice.html';

const HELP = `用法 Usage: npm start -- [--browser PATH] [--no-build] [--headless]

  --browser PATH   浏览器可执行文件（也可设置环境变量 WENGAO_BROWSER）
                   Chromium-family browser binary (or set WENGAO_BROWSER)
  --no-build       不重新构建，直接使用 .output/chrome-mv3
                   skip "wxt build" and reuse .output/chrome-mv3
  --headless       无界面冒烟测试：加载扩展、打开练习页、检查后退出（用于 CI）
                   smoke test for CI: headless browser, check the extension, then exit
  --timeout SEC    冒烟测试超时 smoke-test timeout (default 60)
`;

function fail(zh, en, code = 1) {
  console.error(`\n✖ ${zh}\n  ${en}\n`);
  process.exit(code);
}

function info(zh, en) {
  console.log(`• ${zh}${en ? ` / ${en}` : ''}`);
}

function parseArgs(argv) {
  const opts = { browser: process.env.WENGAO_BROWSER || '', build: true, headless: false, timeout: 60 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (!v) fail(`${flag} 需要一个值。`, `${flag} needs a value.`, 2);
      return v;
    };
    switch (flag) {
      case '--browser':
        opts.browser = value();
        break;
      case '--no-build':
        opts.build = false;
        break;
      case '--headless':
        opts.headless = true;
        break;
      case '--timeout':
        opts.timeout = Number(value());
        break;
      case '-h':
      case '--help':
        console.log(HELP);
        process.exit(0);
        break;
      default:
        fail(`未知参数：${arg}`, `Unknown option: ${arg}\n\n${HELP}`, 2);
    }
  }
  return opts;
}

// ---------------------------------------------------------------------------------------------
// Browser discovery

function candidates() {
  if (process.platform === 'darwin') {
    const apps = ['Chromium', 'Google Chrome', 'Google Chrome for Testing', 'Microsoft Edge', 'Brave Browser', 'Google Chrome Canary'];
    return apps.flatMap((app) => [
      `/Applications/${app}.app/Contents/MacOS/${app}`,
      path.join(os.homedir(), `Applications/${app}.app/Contents/MacOS/${app}`),
    ]);
  }
  if (process.platform === 'win32') {
    const bases = [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA].filter(Boolean);
    const rel = [
      'Chromium\\Application\\chrome.exe',
      'Google\\Chrome\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
      'BraveSoftware\\Brave-Browser\\Application\\brave.exe',
    ];
    return bases.flatMap((b) => rel.map((r) => path.join(b, r)));
  }
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable', 'brave-browser'];
  const dirs = ['/usr/bin', '/usr/local/bin', '/snap/bin', ...(process.env.PATH ?? '').split(path.delimiter)];
  return [...new Set(names.flatMap((n) => dirs.filter(Boolean).map((d) => path.join(d, n))))];
}

function isFile(file) {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function findBrowser(explicit) {
  // macOS: accept the .app bundle itself.
  if (explicit && /\.app\/?$/.test(explicit)) {
    const app = path.basename(explicit.replace(/\/$/, ''), '.app');
    explicit = path.join(explicit, 'Contents', 'MacOS', app);
  }
  if (explicit) {
    if (!isFile(explicit)) {
      fail(`找不到浏览器：${explicit}`, `Browser not found: ${explicit} (from --browser or WENGAO_BROWSER)`);
    }
    return explicit;
  }
  const found = candidates().find(isFile);
  if (found) return found;
  fail(
    '没有找到 Chromium 系浏览器（Chromium、Google Chrome、Microsoft Edge）。请安装其中之一，或用 --browser 路径 / 环境变量 WENGAO_BROWSER 指定浏览器程序。\n' +
      '  也可以手动加载扩展：打开 chrome://extensions → 开发者模式 → 加载已解压的扩展程序 → 选择 .output/chrome-mv3。',
    'No Chromium-family browser found (Chromium, Google Chrome, Microsoft Edge). Install one, or point to it with\n' +
      '  --browser PATH or the WENGAO_BROWSER environment variable, e.g. WENGAO_BROWSER=/usr/bin/chromium npm start.\n' +
      '  You can also load the extension by hand: chrome://extensions → Developer mode → Load unpacked → .output/chrome-mv3.',
  );
}

// ---------------------------------------------------------------------------------------------
// Build

function build() {
  info('正在构建扩展（wxt build）…', 'building the extension');
  const wxt = path.join(ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs');
  if (!existsSync(wxt)) fail('缺少依赖，请先运行 npm ci。', 'Dependencies missing: run `npm ci` first.');
  const res = spawnSync(process.execPath, [wxt, 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) fail('构建失败。', 'Build failed.');
}

// ---------------------------------------------------------------------------------------------
// Local server for the practice page (content scripts do not run on the extension's own pages)

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
};

function startServer(dir, onRequest) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    onRequest?.(url.pathname);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (url.pathname === '/') {
      res.writeHead(302, { location: PRACTICE }).end();
      return;
    }
    let file;
    try {
      // normalize() resolves every `..` against the leading `/`, so the result stays inside `dir`.
      file = path.join(dir, path.posix.normalize(decodeURIComponent(url.pathname)));
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (!file.startsWith(dir + path.sep) || !isFile(file)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 Not Found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Minimal DevTools-protocol client over --remote-debugging-pipe (fd 3: to browser, fd 4: from it)

class Cdp {
  #id = 0;
  #pending = new Map();
  #buffer = '';
  constructor(toBrowser, fromBrowser) {
    this.out = toBrowser;
    fromBrowser.setEncoding('utf8');
    fromBrowser.on('data', (chunk) => {
      this.#buffer += chunk;
      let end;
      while ((end = this.#buffer.indexOf('\0')) >= 0) {
        const raw = this.#buffer.slice(0, end);
        this.#buffer = this.#buffer.slice(end + 1);
        let msg;
        try {
          msg = JSON.parse(raw);
        } catch {
          continue;
        }
        const waiter = msg.id !== undefined && this.#pending.get(msg.id);
        if (!waiter) continue;
        this.#pending.delete(msg.id);
        if (msg.error) waiter.reject(new Error(`${msg.error.message} (${msg.error.code})`));
        else waiter.resolve(msg.result);
      }
    });
    const closed = () => {
      for (const w of this.#pending.values()) w.reject(new Error('browser closed'));
      this.#pending.clear();
    };
    fromBrowser.on('close', closed);
    fromBrowser.on('error', closed);
    toBrowser.on('error', () => {});
  }
  send(method, params = {}, sessionId, timeoutMs = 15_000) {
    const id = ++this.#id;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`${method}: no answer in ${timeoutMs} ms`));
      }, timeoutMs);
      this.#pending.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.out.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
    });
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function pageSession(cdp, urlPrefix) {
  for (let i = 0; i < 50; i++) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const page = targetInfos.find((t) => t.type === 'page' && t.url.startsWith(urlPrefix));
    if (page) {
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: page.targetId, flatten: true });
      return sessionId;
    }
    await sleep(200);
  }
  throw new Error(`no tab with ${urlPrefix}`);
}

async function evaluate(cdp, sessionId, expression) {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId);
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}

async function waitFor(fn, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

/** Load the extension through CDP (needed for Google Chrome 137+), then reload the practice tab. */
async function loadExtension(cdp, practiceUrl) {
  let extensionId = null;
  try {
    ({ id: extensionId } = await cdp.send('Extensions.loadUnpacked', { path: EXT_DIR }));
  } catch (e) {
    // Older browsers: --load-extension already did it.
    info(`DevTools 协议加载扩展不可用（${e.message}），使用 --load-extension`, 'falling back to --load-extension');
  }
  const sessionId = await pageSession(cdp, practiceUrl);
  // The tab may have loaded before the extension: reload so the content script is injected.
  await cdp.send('Page.reload', { ignoreCache: true }, sessionId);
  return { extensionId, sessionId };
}

/** --headless: check that the service worker runs and the content script counts issues on the page. */
async function smokeTest(cdp, sessionId, extensionId, timeoutMs) {
  const sw = await waitFor(
    async () => {
      const { targetInfos } = await cdp.send('Target.getTargets');
      return targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId ?? ''}`));
    },
    timeoutMs,
    'the extension service worker',
  );
  info(`后台服务已启动 ${sw.url}`, 'service worker running');
  // Badges keep their count from the page unless the extension says otherwise (lib/editors/badge.ts): this
  // smoke test reads it, so it switches that on from the extension's own context, then reloads the page.
  const id = sw.url.slice('chrome-extension://'.length).split('/')[0];
  const { targetId: pageId } = await cdp.send('Target.createTarget', { url: `chrome-extension://${id}/options.html` });
  const { sessionId: extSession } = await cdp.send('Target.attachToTarget', { targetId: pageId, flatten: true });
  await waitFor(() => evaluate(cdp, extSession, `typeof chrome !== 'undefined' && !!chrome.storage`), timeoutMs, 'an extension page');
  await evaluate(cdp, extSession, `chrome.storage.local.set({ wengaoExposeState: true }).then(() => true)`);
  await cdp.send('Target.closeTarget', { targetId: pageId });
  await cdp.send('Page.reload', { ignoreCache: true }, sessionId);
  await waitFor(() => evaluate(cdp, sessionId, `document.readyState === 'complete' && !!window.wengaoPractice`), timeoutMs, 'the practice page');
  const count = await waitFor(
    () =>
      evaluate(
        cdp,
        sessionId,
        `(() => { const t = document.getElementById('practice-textarea'); if (document.activeElement !== t) t.focus();
                 const r = t.getBoundingClientRect(); // each editor has its own badge, inside its box
                 const b = [...document.querySelectorAll('wengao-badge')].find((x) => { const q = x.getBoundingClientRect();
                   return q.width > 0 && q.left >= r.left && q.right <= r.right && q.top >= r.top && q.bottom <= r.bottom; });
                 return b && b.dataset.count; })()`,
      ),
    timeoutMs,
    'the issue badge from the content script',
  );
  info(`内容脚本已运行：练习页文本框中发现 ${count} 处问题`, `content script ran: ${count} issues in the practice textarea`);
  return Number(count);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  // Build first: without a browser the message tells the user to load .output/chrome-mv3 by hand.
  if (opts.build) build();
  const browserPath = findBrowser(opts.browser);
  if (!existsSync(path.join(EXT_DIR, 'manifest.json'))) {
    fail('找不到构建结果 .output/chrome-mv3，请去掉 --no-build 重新运行。', 'No build in .output/chrome-mv3: run without --no-build.');
  }

  let practiceFetched = false;
  const { server, origin } = await startServer(EXT_DIR, (p) => {
    if (p === PRACTICE) practiceFetched = true;
  });
  const practiceUrl = `${origin}${PRACTICE}`;
  const profile = mkdtempSync(path.join(os.tmpdir(), 'wengao-profile-'));

  const args = [
    `--user-data-dir=${profile}`,
    `--load-extension=${EXT_DIR}`,
    `--disable-extensions-except=${EXT_DIR}`,
    '--remote-debugging-pipe',
    '--enable-unsafe-extension-debugging',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-search-engine-choice-screen',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (opts.headless) args.push('--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-quic');
  // Chromium refuses to start as root without this; CI containers often lack the namespaces it needs.
  if (process.getuid?.() === 0 || process.env.CI) args.push('--no-sandbox');
  args.push(practiceUrl);

  info(`练习页 ${practiceUrl}`, 'practice page');
  info(`浏览器 ${browserPath}`, 'browser');
  info(`扩展 ${path.relative(ROOT, EXT_DIR)}`, 'extension');

  const child = spawn(browserPath, args, {
    cwd: ROOT,
    // Browser logs are noisy: keep the tail of stderr and show it only when something fails.
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    env: { ...process.env, GOOGLE_API_KEY: 'no', GOOGLE_DEFAULT_CLIENT_ID: 'no', GOOGLE_DEFAULT_CLIENT_SECRET: 'no' },
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr = (stderr + d).slice(-8000);
  });

  let cleaned = false;
  const cleanup = () => {
    if (cleaned) return;
    cleaned = true;
    server.close();
    server.closeAllConnections?.();
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch {
      /* best effort */
    }
  };
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
    child.on('error', (error) => resolve({ code: 1, error }));
  });
  const stop = () => {
    if (child.exitCode === null && !child.killed) child.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('exit', () => {
    stop();
    cleanup();
  });

  const cdp = new Cdp(child.stdio[3], child.stdio[4]);
  let smokeError = null;
  try {
    const { extensionId, sessionId } = await loadExtension(cdp, practiceUrl);
    if (extensionId) info(`扩展已加载，ID ${extensionId}`, 'extension loaded');
    if (opts.headless) {
      await smokeTest(cdp, sessionId, extensionId, opts.timeout * 1000);
      if (!practiceFetched) throw new Error('the practice page was never requested from the local server');
      console.log('\n✔ 冒烟测试通过 / smoke test passed\n');
      await cdp.send('Browser.close').catch(stop);
    } else {
      console.log('\n  浏览器已打开练习页，关闭浏览器或按 Ctrl+C 结束。');
      console.log('  The practice page is open; close the browser or press Ctrl+C to stop.\n');
    }
  } catch (error) {
    if (opts.headless) {
      smokeError = error;
      stop();
    } else if (child.exitCode === null) {
      info(`无法通过 DevTools 协议控制浏览器（${error.message}）；请在浏览器中打开 ${practiceUrl}`, 'open the practice page by hand');
    }
  }

  const { code, signal, error } = await exited;
  cleanup();
  if (error) fail(`无法启动浏览器：${error.message}`, `Could not start the browser: ${browserPath}`);
  if (smokeError) {
    if (stderr) console.error(stderr);
    fail(`冒烟测试失败：${smokeError.message}`, `Smoke test failed: ${smokeError.message}`);
  }
  if (!opts.headless && code && signal !== 'SIGTERM') {
    if (stderr) console.error(stderr);
    console.error(`浏览器退出，代码 ${code} / browser exited with code ${code}`);
  }
  process.exit(0);
}

main().catch((error) => fail(`启动失败：${error.message}`, `npm start failed: ${error.stack ?? error}`));
