/**
 * The side panel in the background: the relay (relay.ts) wired to the browser's tab events and the
 * panel's port, the context-menu entry 文稿助手：检查此处 on editable fields and the open-panel shortcut.
 * Both open the panel (Chromium: sidePanel.open, which must run inside the user's gesture, so nothing is
 * awaited before it; Firefox: sidebarAction.open). The browser comes in as a small interface.
 */
import { senderContext, type ExtensionIdentity } from '../message-policy';
import type { MessageHandlers } from '../message-policy';
import { PanelRelay, type RelayPort, type RelayTabs } from './relay';
import { PANEL_PORT } from './wire';

export const CHECK_HERE_MENU = 'wengao-check-here';
export const OPEN_PANEL_COMMAND = 'open-panel';

interface Tab {
  id?: number;
  windowId?: number;
}

export interface PanelBrowser {
  runtime: {
    onConnect: { addListener(cb: (port: RelayPort & { name: string; sender?: { id?: string; url?: string; origin?: string } }) => void): void };
    onInstalled?: { addListener(cb: () => void): void };
    lastError?: unknown;
  };
  tabs: RelayTabs & {
    onActivated: { addListener(cb: (info: { tabId: number; windowId: number }) => void): void };
    onUpdated: { addListener(cb: (tabId: number, change: { status?: string }) => void): void };
    onRemoved: { addListener(cb: (tabId: number) => void): void };
  };
  contextMenus?: {
    create(props: { id: string; title: string; contexts: string[] }, done?: () => void): unknown;
    onClicked: { addListener(cb: (info: { menuItemId: string | number }, tab?: Tab) => void): void };
  };
  i18n: { getMessage(key: string): string };
  sidePanel?: { open(options: { tabId?: number; windowId?: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

export function startPanelBackground(api: PanelBrowser, self: ExtensionIdentity): {
  handlers: Pick<MessageHandlers, 'publishEditorState'>;
  onCommand(command: string, tab?: Tab): boolean;
} {
  const relay = new PanelRelay(api.tabs);

  api.runtime.onConnect.addListener((port) => {
    // Only the extension's own pages (the panel) may watch tabs; a content script's port is ignored.
    if (port.name !== PANEL_PORT || senderContext(port.sender, self) !== 'extension-page') return;
    relay.connect(port);
  });
  api.tabs.onActivated.addListener(({ tabId, windowId }) => relay.activated(tabId, windowId));
  api.tabs.onUpdated.addListener((tabId, change) => relay.updated(tabId, change.status));
  api.tabs.onRemoved.addListener((tabId) => relay.removed(tabId));

  /** Open the panel for a tab, synchronously inside the gesture. */
  function open(tab?: Tab): void {
    if (api.sidePanel) {
      const target = tab?.id !== undefined && tab.id >= 0 ? { tabId: tab.id } : tab?.windowId !== undefined ? { windowId: tab.windowId } : null;
      if (target) api.sidePanel.open(target).catch(() => {});
    } else api.sidebarAction?.open().catch(() => {});
  }

  const menus = api.contextMenus;
  if (menus) {
    // Created after any removeAll() another install listener issued first (they run in order).
    api.runtime.onInstalled?.addListener(() => {
      menus.create({ id: CHECK_HERE_MENU, title: api.i18n.getMessage('menuCheckHere') || '文稿助手：检查此处', contexts: ['editable'] }, () => {
        void api.runtime.lastError; // already there after an update: fine
      });
    });
    menus.onClicked.addListener((info, tab) => {
      if (info.menuItemId === CHECK_HERE_MENU) open(tab);
    });
  }

  return {
    handlers: { publishEditorState: (data, sender) => relay.publish(data, sender) },
    onCommand(command, tab) {
      if (command !== OPEN_PANEL_COMMAND) return false;
      open(tab);
      return true;
    },
  };
}
