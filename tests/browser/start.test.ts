/** `npm start -- --headless`: the real start command, end to end (build reused from global setup). */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';
import { browserPath, ROOT } from './harness';

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs'), ...args], {
      cwd: ROOT,
      env: { ...process.env, CI: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

test('npm start --headless loads the extension and the content script checks the practice page', async () => {
  const { code, out } = await run(['--headless', '--no-build', '--browser', browserPath()]);
  expect(out).toMatch(/service worker running/);
  expect(out).toMatch(/content script ran: \d+ issues/);
  expect(out).toMatch(/smoke test passed/);
  expect(code).toBe(0);
});

test('npm start explains what to do when the browser is missing', async () => {
  const { code, out } = await run(['--no-build'], { WENGAO_BROWSER: '/nonexistent/chromium' });
  expect(code).toBe(1);
  expect(out).toContain('找不到浏览器');
  expect(out).toContain('Browser not found');
});
