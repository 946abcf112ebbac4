import { forwardCommand, type CommandTabs } from '@/lib/protocol';
import { PersonalDictionary } from '@/lib/storage/dictionary';
import { backgroundHandlers, database, extensionIdentity, serveMessages } from '@/lib/storage/handlers';
import { domainVocabulary } from '@/lib/lm/domain';
import { createLmService, LM_MODEL_PATH } from '@/lib/storage/lm-handlers';
import { ReferenceLibrary } from '@/lib/storage/reference-docs';
import { bumpReferenceRevision, bumpRevision, DICTIONARY_REVISION_KEY } from '@/lib/storage/revision';
import { localeLoader } from '@/lib/storage/locale-files';
import { startPageState, type PageStateBrowser } from '@/lib/storage/page-state';
import { SettingsStore } from '@/lib/storage/settings-store';
import { startSnippetBackground, type SnippetBrowser } from '@/lib/storage/snippet-background';
import { startPanelBackground, type PanelBrowser } from '@/lib/panel/background';
import { pageBridgeHandler, type ScriptingApi } from '@/lib/page-inject';

/**
 * Background (Chrome: MV3 service worker; Firefox: MV2 event page).
 * Opens the side panel from the toolbar button, answers the typed messages in lib/protocol.ts (each one
 * checked against lib/message-policy.ts first: who may send it, what its data must be), writes the
 * settings (content scripts only read them), forwards keyboard commands to the active tab, and owns the
 * Dexie database (reference documents, personal dictionary: lib/storage).
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

  // storage.local closed to content scripts (they read through readPageState, told of changes per tab).
  void startPageState(browser as unknown as PageStateBrowser);
  const settings = new SettingsStore(browser.storage.local as unknown as ConstructorParameters<typeof SettingsStore>[0]);
  const library = new ReferenceLibrary(database(), {
    onChange: () => {
      lm.vocabularyChanged();
      void bumpReferenceRevision(browser.storage);
    },
  });
  const dictionary = new PersonalDictionary(database(), {
    onChange: () => {
      lm.vocabularyChanged();
      void bumpRevision(browser.storage, DICTIONARY_REVISION_KEY);
    },
  });
  // The wrong-character tier: its model is fetched from the package on the first check (lm-handlers.ts).
  const lm = createLmService({
    modelBytes: async () => {
      const response = await fetch(browser.runtime.getURL(LM_MODEL_PATH as '/'));
      if (!response.ok) throw new Error(`${LM_MODEL_PATH}: HTTP ${response.status}`);
      return response.arrayBuffer();
    },
    dictionary: () => dictionary.words(),
    domainWords: () => library.effectiveCorpus().then((c) => domainVocabulary(c.corpus)),
  });

  // Phrase snippets: repository, messages, the 保存为常用语 menu item and shortcut (snippet-background.ts).
  const snippets = startSnippetBackground(browser as unknown as SnippetBrowser, database(), () => library.effectiveCorpus().then((c) => c.corpus));

  const version = browser.runtime.getManifest().version;
  // The other locale's texts, for pages and cards set to a language chrome.i18n does not speak here.
  const locales = localeLoader((path) => fetch(browser.runtime.getURL(path as '/')).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${path}: HTTP ${r.status}`)))));
  // The side panel follows the writer: relays checked editor snapshots, 检查此处 menu, open-panel shortcut.
  // The toolbar button's 在此网站停用/恢复检查 writes the per-site setting here (the background owns settings).
  const panel = startPanelBackground(browser as unknown as PanelBrowser, extensionIdentity(browser.runtime), settings);
  // The page-world undo bridge, run in a frame whose checker asks for it (Chromium only: lib/page-inject.ts).
  const pageBridge = pageBridgeHandler(import.meta.env.FIREFOX ? undefined : (browser.scripting as unknown as ScriptingApi | undefined));
  serveMessages(
    backgroundHandlers({ settings, library, dictionary, version, locales, lm, snippets: snippets.handlers, panel: panel.handlers, pageBridge }),
    extensionIdentity(browser.runtime),
  );

  // Stored settings brought up to the current schema (settings-store.ts SETTINGS_VERSION): early versions
  // kept the dictionary in the settings, moved into the database once.
  settings.migrate((words) => dictionary.addAll(words)).catch((error: unknown) => {
    console.warn('[wengao] dictionary migration failed (will retry at the next start)', error);
  });

  // Keyboard shortcuts (manifest `commands`): every frame of the active tab gets the command, the
  // focused one acts.
  browser.commands?.onCommand.addListener((command: string, tab?: { id?: number }) => {
    if (snippets.onCommand(command, tab)) return;
    if (panel.onCommand(command, tab)) return;
    void forwardCommand(browser.tabs as unknown as CommandTabs, command, tab);
  });
});
