import { watchEditors, type Watcher } from '@/lib/editors/watch';
import { analyzeOptions, watchSettings } from '@/lib/settings';

/**
 * Runs in every page and frame: finds the text field being edited, checks it with the engine
 * (locally, debounced) and shows the issue count next to it. Highlighting comes later.
 * Every listener and timer is tied to `ctx`, so nothing survives an extension reload.
 * Settings are read from storage directly (and followed live): messaging the background from every
 * frame of every page would wake the service worker for nothing.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  async main(ctx) {
    let watcher: Watcher | undefined;
    let settings = await watchSettings(browser.storage, ctx.signal, (next) => {
      settings = next;
      watcher?.recheck();
    });
    if (ctx.isInvalid) return;

    watcher = watchEditors(ctx, document, {
      getOptions: () => (settings.enabled ? analyzeOptions(settings) : null),
      t: (key, substitutions) => browser.i18n.getMessage(key, substitutions),
    });
  },
});
