import { startExtensionChecker } from './checker';

/**
 * Runs in every page and frame. Frames without a URL of their own (TinyMCE's srcdoc iframe) get no
 * content script: their parent's handles them (lib/editors/detect.ts isScriptlessFrame), so keep
 * `matchAboutBlank` / `matchOriginAsFallback` off. The checking is lib/editors/controller.ts, wired to
 * the extension in ./checker.ts; every listener and timer is tied to `ctx`, so nothing survives an
 * extension reload.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  async main(ctx) {
    await startExtensionChecker(ctx, document);
  },
});
