/**
 * Entry point: `tsx cli/main.ts <command> …` (npm run wengao / npm run check) and bin/wengao.mjs.
 * The exit code is set, not forced, so piped output is flushed before the process ends.
 */
import { run } from './app';
import { processIo } from './io';

process.exitCode = await run(process.argv.slice(2), processIo());
