import { defineConfig } from 'vitest/config';

/**
 * Library-level browser tests for lib/editors (no extension): one fixture page per editor, Debian
 * Chromium via playwright-core. `npx vitest run -c vitest.editors.config.ts`
 */
export default defineConfig({
  test: {
    include: ['tests/browser-editors/**/*.test.ts'],
    globalSetup: ['tests/browser-editors/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // One browser at a time (2-core machines).
    fileParallelism: false,
    // On CI, as in vitest.browser.config.ts: a test that fails is run once more before the run fails (a real
    // Chromium on a shared 2-core machine); a test that passed only on its retry is a flake to fix.
    retry: process.env.CI ? 1 : 0,
  },
});
