import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildBundles } from '../browser-editors/fixture-pages';

/**
 * Build both targets once before the browser tests (skip with WENGAO_SKIP_BUILD=1), and the editor
 * fixture pages the extension is tested on (always: ≈ 2 s).
 */
export default async function setup(): Promise<void> {
  await buildBundles();
  if (process.env.WENGAO_SKIP_BUILD === '1') return;
  const root = path.resolve(import.meta.dirname, '../..');
  const wxt = path.join(root, 'node_modules', 'wxt', 'bin', 'wxt.mjs');
  for (const args of [['build'], ['build', '-b', 'firefox']]) {
    const res = spawnSync(process.execPath, [wxt, ...args], { cwd: root, encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`wxt ${args.join(' ')} failed:\n${res.stdout}\n${res.stderr}`);
  }
}
