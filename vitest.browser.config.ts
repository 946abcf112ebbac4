import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Browser tests: the built extension in real Chromium (playwright-core, /usr/bin/chromium or
 * WENGAO_BROWSER). Kept out of the unit run. `vitest run -c vitest.browser.config.ts`
 * (the global setup builds Chrome and Firefox first; WENGAO_SKIP_BUILD=1 reuses .output/).
 */
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // One browser at a time (2-core machines).
    fileParallelism: false,
    // On CI, a browser test that fails is run once more before the run fails: these tests drive a real
    // Chromium on a shared 2-core machine, where an event can land a frame late. A real fault fails both
    // tries; a test that passed only on its retry is marked in the report (and is a flake to fix).
    retry: process.env.CI ? 1 : 0,
  },
});
