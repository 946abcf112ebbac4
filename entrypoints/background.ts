import { onMessage } from '@/lib/protocol';
import { normalizeSettings, SETTINGS_KEY } from '@/lib/settings';
import { setupReferenceLibrary } from '@/lib/storage/handlers';
import { bumpReferenceRevision } from '@/lib/storage/revision';

/**
 * Background (Chrome: MV3 service worker; Firefox: MV2 event page).
 * Opens the side panel from the toolbar button and answers the typed messages in lib/protocol.ts.
 * Owns the Dexie database (reference documents: lib/storage). Later: heavy dictionaries.
 */
export default defineBackground(() => {
  if (import.meta.env.FIREFOX) {
    // Firefox has sidebar_action instead of side_panel; the toolbar button toggles it.
    const ff = browser as unknown as {
      browserAction?: { onClicked: { addListener(cb: () => void): void } };
      sidebarAction?: { toggle(): Promise<void> };
    };
    ff.browserAction?.onClicked.addListener(() => {
      void ff.sidebarAction?.toggle();
    });
  } else {
    // Chromium: clicking the toolbar button opens the side panel.
    browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
      console.warn('[wengao] sidePanel.setPanelBehavior failed', error);
    });
  }

  onMessage('ping', () => ({ ok: true as const, version: browser.runtime.getManifest().version }));

  onMessage('getSettings', async () => {
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    return normalizeSettings(stored[SETTINGS_KEY]);
  });

  setupReferenceLibrary(() => void bumpReferenceRevision(browser.storage));
});
