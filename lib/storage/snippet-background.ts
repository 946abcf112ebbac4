/**
 * The background's snippet wiring (常用语, issue 12): the repository over the database, the message
 * handlers, the context menu item 保存为常用语 on a selection and its keyboard command.
 *
 * Saving a selection: the background runs the save part in the page (lib/page-inject.ts; context menu: the
 * frame that was clicked; shortcut: every frame of the tab, the focused one acts), because only the page
 * side has the selection with its line breaks (the menu's `selectionText` collapses them) and can show
 * the toast — and so the content script every page gets listens for nothing. Where the browser refuses
 * the frame (a browser page, a PDF viewer, the web store), the background saves the menu's
 * `selectionText` itself with the page URL as the source.
 */
import type { CorpusData } from '../corpus/types';
import { saveSelectionInPage, type ScriptingApi } from '../page-inject';
import { SAVE_SNIPPET_COMMAND, SAVE_SNIPPET_MENU, SNIPPET_REVISION_KEY } from '../snippet-tab';
import { bumpRevision } from './revision';
import type { WengaoDB } from './db';
import { pageSource, snippetHandlers, SnippetTargets, type KeyValueArea } from './snippet-handlers';
import { SnippetRepository } from './snippets';

/** The slice of the browser API this module uses (passed in: no global `browser` here). */
export interface SnippetBrowser {
  storage: { local: KeyValueArea; session?: KeyValueArea };
  tabs: {
    sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
  };
  contextMenus?: {
    create(props: { id: string; title: string; contexts: string[] }, done?: () => void): unknown;
    onClicked: {
      addListener(cb: (info: { menuItemId: string | number; selectionText?: string; pageUrl?: string; frameUrl?: string; frameId?: number }, tab?: { id?: number }) => void): void;
    };
  };
  /** Absent without the `scripting` permission: the menu then saves its `selectionText`. */
  scripting?: ScriptingApi;
  runtime: { onInstalled?: { addListener(cb: () => void): void }; lastError?: unknown };
  i18n: { getMessage(key: string): string };
}

export function startSnippetBackground(api: SnippetBrowser, db: WengaoDB, corpus: () => Promise<CorpusData>) {
  // Open side panels list again after a change made elsewhere (a page's save, a use counted by the picker).
  const repo = new SnippetRepository(db, { onChange: () => void bumpRevision(api.storage, SNIPPET_REVISION_KEY).catch(() => {}) });
  const targets = new SnippetTargets(api.storage.session ?? null);
  const handlers = snippetHandlers({
    repo,
    corpus,
    local: api.storage.local,
    targets,
    sendToFrame: (tabId, frameId, message) => api.tabs.sendMessage(tabId, message, { frameId }),
  });

  const menus = api.contextMenus;
  if (menus) {
    // Menus persist with the extension: create ours on install and update (after an update it may exist
    // already: that error is read and dropped). Never removeAll: other features have items too.
    api.runtime.onInstalled?.addListener(() => {
      menus.create({ id: SAVE_SNIPPET_MENU, title: api.i18n.getMessage('menuSaveSnippet') || '保存为常用语', contexts: ['selection'] }, () => {
        void api.runtime.lastError;
      });
    });
    menus.onClicked.addListener((info, tab) => {
      if (info.menuItemId !== SAVE_SNIPPET_MENU) return;
      void saveFromMenu(info, tab?.id);
    });
  }

  async function saveFromMenu(info: { selectionText?: string; pageUrl?: string; frameUrl?: string; frameId?: number }, tabId: number | undefined): Promise<void> {
    if (tabId !== undefined && tabId >= 0 && api.scripting) {
      try {
        if (await saveSelectionInPage(api.scripting, tabId, info.frameId ?? 0, 'menu')) return;
      } catch {
        /* the browser refuses this frame: save what the menu gave */
      }
    }
    const text = info.selectionText ?? '';
    if (text.trim()) await repo.create({ body: text, source: pageSource(info.frameUrl ?? info.pageUrl) }).catch(() => {});
  }

  /** The keyboard command: true when it was 保存为常用语 (handled here). */
  function onCommand(command: string, tab?: { id?: number }): boolean {
    if (command !== SAVE_SNIPPET_COMMAND) return false;
    if (tab?.id !== undefined && tab.id >= 0 && api.scripting) void saveSelectionInPage(api.scripting, tab.id, 'all', 'command').catch(() => {});
    return true;
  }

  // Load the search index once the worker is idle, so the first search does not wait for it.
  setTimeout(() => void repo.warm().catch(() => {}), 1_000);

  return { repo, handlers, onCommand };
}
