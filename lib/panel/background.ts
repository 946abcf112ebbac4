/**
 * The side panel in the background: the relay (relay.ts) wired to the browser's tab events and the
 * panel's port, the context-menu entry 文稿助手：检查此处 on editable fields and the open-panel shortcut.
 * Both open the panel (Chromium: sidePanel.open, which must run inside the user's gesture, so nothing is
 * awaited before it; Firefox: sidebarAction.open). The browser comes in as a small interface.
 */
import { senderContext, type ExtensionIdentity } from '../message-policy';
import type { MessageHandlers } from '../message-policy';
import { PanelRelay, type RelayPort, type RelayTabs } from './relay';
import { PANEL_PORT, type SiteOfAnswer } from './wire';

export const CHECK_HERE_MENU = 'wengao-check-here';
/** The toolbar button's context menu: 在此网站停用检查 / 在此网站恢复检查. */
export const SITE_OFF_MENU = 'wengao-site-off';
export const SITE_ON_MENU = 'wengao-site-on';
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

/** The settings' per-site switch, owned by the background (lib/storage/settings-store.ts). */
export interface SiteSettings {
  setSiteEnabled(site: string, enabled: boolean): Promise<boolean>;
  /** On again whichever way it was switched off (the settings' list or the badge's 本网站不检查). */
  resumeSite(site: string): Promise<boolean>;
}

export function startPanelBackground(api: PanelBrowser, self: ExtensionIdentity, sites?: SiteSettings): {
  handlers: Pick<MessageHandlers, 'publishEditorState'>;
  /** What the toolbar menu's 在此网站停用/恢复检查 does for a tab (true when the setting changed). */
  switchSite(tab: Tab | undefined, enabled: boolean): Promise<boolean>;
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

  /** The site a tab's switch acts on: the one its panel shows, else the answer of the tab's checker. */
  async function siteOf(tabId: number): Promise<string | null> {
    const known = relay.siteOf(tabId);
    if (known) return known;
    const answer = (await api.tabs.sendMessage(tabId, { type: 'wengao:site-of' }).catch(() => null)) as SiteOfAnswer | null;
    return answer && typeof answer.site === 'string' && answer.site ? answer.site : null;
  }

  async function switchSite(tab: Tab | undefined, enabled: boolean): Promise<boolean> {
    if (!sites || tab?.id === undefined || tab.id < 0) return false;
    const site = await siteOf(tab.id);
    if (!site) return false;
    return enabled ? sites.resumeSite(site) : sites.setSiteEnabled(site, false);
  }

  const menus = api.contextMenus;
  if (menus) {
    // Chromium's toolbar button is the action; Firefox's (MV2) the browser action.
    const toolbar = api.sidePanel ? 'action' : 'browser_action';
    // Created after any removeAll() another install listener issued first (they run in order).
    api.runtime.onInstalled?.addListener(() => {
      const created = () => {
        void api.runtime.lastError; // already there after an update: fine
      };
      menus.create({ id: CHECK_HERE_MENU, title: api.i18n.getMessage('menuCheckHere') || '文稿助手：检查此处', contexts: ['editable'] }, created);
      if (sites) {
        menus.create({ id: SITE_OFF_MENU, title: api.i18n.getMessage('menuSiteOff') || '在此网站停用检查', contexts: [toolbar] }, created);
        menus.create({ id: SITE_ON_MENU, title: api.i18n.getMessage('menuSiteOn') || '在此网站恢复检查', contexts: [toolbar] }, created);
      }
    });
    menus.onClicked.addListener((info, tab) => {
      if (info.menuItemId === CHECK_HERE_MENU) open(tab);
      else if (info.menuItemId === SITE_OFF_MENU || info.menuItemId === SITE_ON_MENU) void switchSite(tab, info.menuItemId === SITE_ON_MENU).catch(() => false);
    });
  }

  return {
    handlers: { publishEditorState: (data, sender) => relay.publish(data, sender) },
    switchSite,
    onCommand(command, tab) {
      if (command !== OPEN_PANEL_COMMAND) return false;
      open(tab);
      return true;
    },
  };
}
