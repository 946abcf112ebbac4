import { defineWxtModule } from 'wxt/modules';

/**
 * The content script every page and frame runs (entrypoints/content-watch.ts) without WXT's start-up
 * wrapper: WXT wraps an unlisted script's `main` in a plugin initialiser, two try/catch blocks, a
 * `Promise` check and a console logger (which prints nothing in a production build) — eight functions
 * and ≈ 0.5 KB that every page parses and compiles before our own code (issue 13: a page without editors
 * pays compile time per function and per KB; scripts/bench-browser.ts --load --ab compares builds). The
 * script has no WXT plugins and `main` returns nothing, so the entry below calls `main` and nothing else
 * (an error thrown by `main` still reaches the console, as an uncaught error of the script).
 *
 * Measured (scripts/bench-browser.ts --load --ab, 30 interleaved loads per build, load 9, thread time):
 * WXT's wrapper around an empty `main` alone costs 1.07 ms p50 against 0.39 for an empty script (`@wrapper`,
 * `@empty`); this script without it 2.97 → 2.50 p50, paired difference −0.30 ms, its compile 0.98 → 0.66.
 * (First tried in 1a70745 and reverted in e9796c0 on shorter runs at load 7–15 whose differences, −0.17,
 * −0.08 and +0.13, were within the noise.) build.test fails if the wrapper comes back, e.g. when WXT
 * renames the virtual module below.
 *
 * It replaces the virtual module WXT builds the entry from (`virtual:wxt-unlisted-script-entrypoint?<file>`)
 * for this one script; every other entrypoint keeps WXT's.
 */
const ENTRY = 'virtual:wxt-unlisted-script-entrypoint?';
const SCRIPT = /[\\/]entrypoints[\\/]content-watch\.ts$/;

export default defineWxtModule((wxt) => {
  wxt.hook('vite:build:extendConfig', (entrypoints, config) => {
    if (!entrypoints.some((e) => e.name === 'content-watch')) return;
    config.plugins ??= [];
    config.plugins.unshift({
      name: 'wengao:content-watch-entry',
      enforce: 'pre',
      load(id: string) {
        const at = id.indexOf(ENTRY);
        if (at < 0) return null;
        const file = id.slice(at + ENTRY.length);
        if (!SCRIPT.test(file)) return null;
        return `import definition from ${JSON.stringify(file)};\ndefinition.main();\n`;
      },
    });
  });
});
