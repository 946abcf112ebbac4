import { forwardCommand, onMessage, type CommandTabs } from '@/lib/protocol';
import { normalizeSettings, SETTINGS_KEY, withRuleIgnored, withSiteEnabled, type Settings } from '@/lib/settings';
import { setupDictionary, setupReferenceLibrary } from '@/lib/storage/handlers';
import { bumpReferenceRevision, bumpRevision, DICTIONARY_REVISION_KEY } from '@/lib/storage/revision';

/**
 * Background (Chrome: MV3 service worker; Firefox: MV2 event page).
 * Opens the side panel from the toolbar button, answers the typed messages in lib/protocol.ts, writes
 * the settings (content scripts only read them), forwards keyboard commands to the active tab, and owns
 * the Dexie database (reference documents, personal dictionary: lib/storage).
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

  onMessage('getSettings', readSettings);
  onMessage('ignoreRuleOnSite', ({ data }) => updateSettings((s) => withRuleIgnored(s, String(data.site ?? ''), String(data.rule ?? ''))));
  onMessage('setSiteEnabled', ({ data }) => updateSettings((s) => withSiteEnabled(s, String(data.site ?? ''), data.enabled !== false)));

  setupReferenceLibrary(() => void bumpReferenceRevision(browser.storage));
  const dictionary = setupDictionary(() => void bumpRevision(browser.storage, DICTIONARY_REVISION_KEY));
  void migrateDictionary((words) => dictionary.addAll(words));

  // Keyboard shortcuts (manifest `commands`): every frame of the active tab gets the command, the
  // focused one acts.
  browser.commands?.onCommand.addListener((command: string, tab?: { id?: number }) => {
    void forwardCommand(browser.tabs as unknown as CommandTabs, command, tab);
  });
});

async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return normalizeSettings(stored[SETTINGS_KEY]);
}

/** Settings writes, one after the other (read-modify-write must not interleave). */
let settingsQueue: Promise<unknown> = Promise.resolve();
function updateSettings(change: (settings: Settings) => Settings): Promise<boolean> {
  const run = settingsQueue.then(async () => {
    const before = await readSettings();
    const after = change(before);
    if (after === before) return false;
    await browser.storage.local.set({ [SETTINGS_KEY]: after });
    return true;
  });
  settingsQueue = run.catch(() => {});
  return run;
}

/** Early versions kept the dictionary in the settings: move those words into the database, once. */
async function migrateDictionary(addAll: (words: unknown[]) => Promise<number>): Promise<void> {
  try {
    const raw = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Record<string, unknown> | undefined;
    if (!raw || !Array.isArray(raw.dictionary)) return;
    await addAll(raw.dictionary);
    await updateSettings((s) => ({ ...s })); // normalized: without the old field
  } catch (error) {
    console.warn('[wengao] dictionary migration failed', error);
  }
}
