#!/usr/bin/env node
// Runs the TypeScript CLI (cli/main.ts) through tsx's loader, in this process, so stdin, stdout,
// signals and the exit code pass straight through. Paths are resolved from this file's real
// location, so it also works through the node_modules/.bin/wengao symlink.
import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(realpathSync(fileURLToPath(import.meta.url)));
const root = join(here, '..');

let register;
try {
  ({ register } = await import('tsx/esm/api'));
} catch {
  process.stderr.write('wengao: 找不到 tsx，请先运行 npm ci (tsx not found; run npm ci first)\n');
  process.exit(2);
}
register({ tsconfig: join(root, 'tsconfig.json') });
await import(pathToFileURL(join(root, 'cli', 'main.ts')).href);
