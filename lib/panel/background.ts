/**
 * The side panel in the background: the relay (relay.ts) wired to the browser's tab events and the
 * panel's port, the context-menu entry 文稿助手：检查此处 on editable fields and the open-panel shortcut.
 * Both open the panel (Chromium: sidePanel.open, which must run inside the user's gesture, so nothing is
 * awaited before it; Firefox: sidebarAction.open). The browser comes in as a small interface.
 */
import { senderContext, type ExtensionIdentity } from '../message-policy';
import type { MessageHandlers } from '../message-policy';
import { SETTINGS_KEY, siteKey, type Settings } from '../settings';
import { SWITCHES_KEY, type SiteSwitches } from '../storage/site-switches';
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
    /** The tab the writer looks at when the background starts (for the toolbar menu). */
    query(query: { active: true; lastFocusedWindow: true }): Promise<{ id?: number }[]>;
    /** A tab's URL (the host permission shows it): the site of a page whose checker has not loaded. */
    get?(tabId: number): Promise<{ url?: string }>;
    onActivated: { addListener(cb: (info: { tabId: number; windowId: number }) => void): void };
    onUpdated: { addListener(cb: (tabId: number, change: { status?: string }) => void): void };
    onRemoved: { addListener(cb: (tabId: number) => void): void };
  };
  contextMenus?: {
    create(props: { id: string; title: string; contexts: string[]; visible?: boolean }, done?: () => void): unknown;
    update?(id: string, props: { visible?: boolean; enabled?: boolean }): Promise<void> | void;
    onClicked: { addListener(cb: (info: { menuItemId: string | number }, tab?: Tab) => void): void };
  };
  i18n: { getMessage(key: string): string };
  sidePanel?: { open(options: { tabId?: number; windowId?: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
  /** Settings changes (the per-site switch from the panel, the badge or the settings page) update the menu. */
  storage?: { onChanged: { addListener(cb: (changes: Record<string, unknown>, area: string) => void): void } };
}

/** The settings' per-site switch, owned by the background (lib/storage/settings-store.ts). */
export interface SiteSettings {
  setSiteEnabled(site: string, enabled: boolean): Promise<boolean>;
  /** On again whichever way it was switched off (the settings' list or the badge's 本网站不检查). */
  resumeSite(site: string): Promise<boolean>;
  /** Whether a site is off (either list): which of the two menu entries to show. */
  read?(): Promise<Pick<Settings, 'disabledSites'>>;
  readSwitches?(): Promise<Pick<SiteSwitches, 'sites'>>;
}

/** Sites a tab's URL can name for the switch (not the browser's own pages). */
const SWITCHABLE_URL = /^(?:https?|file):/;

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

  /**
   * The site a tab's switch acts on: the one its panel shows, else the answer of the tab's checker, else the
   * site of the tab's URL (a page whose checker has not loaded: no editor yet).
   */
  async function siteOf(tabId: number): Promise<string | null> {
    const known = relay.siteOf(tabId);
    if (known) return known;
    const answer = (await api.tabs.sendMessage(tabId, { type: 'wengao:site-of' }).catch(() => null)) as SiteOfAnswer | null;
    if (answer && typeof answer.site === 'string' && answer.site) return answer.site;
    const url = (await api.tabs.get?.(tabId).catch(() => null))?.url ?? '';
    return SWITCHABLE_URL.test(url) ? siteKey(url) || null : null;
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
        // Only the entry that applies to the active tab's site shows (refreshMenu); until it is known, 停用.
        menus.create({ id: SITE_OFF_MENU, title: api.i18n.getMessage('menuSiteOff') || '在此网站停用检查', contexts: [toolbar] }, created);
        menus.create({ id: SITE_ON_MENU, title: api.i18n.getMessage('menuSiteOn') || '在此网站恢复检查', contexts: [toolbar], visible: false }, created);
        void refreshMenu();
      }
    });
    menus.onClicked.addListener((info, tab) => {
      if (info.menuItemId === CHECK_HERE_MENU) open(tab);
      else if (info.menuItemId === SITE_OFF_MENU || info.menuItemId === SITE_ON_MENU) void switchSite(tab, info.menuItemId === SITE_ON_MENU).catch(() => false);
    });
  }

  // The toolbar menu shows one of 在此网站停用检查 / 在此网站恢复检查: the one for the site of the tab the
  // writer is looking at (the browser has one menu for all windows: the tab activated last). A tab naming
  // no site (a browser page) shows 停用 greyed out.
  let menuTab: number | null = null;
  /** The site the menu was last shown for (undefined: not yet). */
  let menuSite: string | null | undefined;
  let menuRun = 0;
  async function refreshMenu(): Promise<void> {
    const update = menus?.update?.bind(menus);
    if (!update || !sites?.read || !sites.readSwitches) return;
    const run = ++menuRun;
    const tabId = menuTab;
    const site = tabId === null ? null : await siteOf(tabId).catch(() => null);
    const off = site ? await isOff(site) : false;
    if (run !== menuRun) return; // a newer refresh is under way
    menuSite = site;
    try {
      await update(SITE_OFF_MENU, { visible: !off, enabled: !!site });
      await update(SITE_ON_MENU, { visible: off, enabled: true });
    } catch {
      // Not created yet (refreshed again once they are).
    }
  }
  async function isOff(site: string): Promise<boolean> {
    const [settings, switches] = await Promise.all([sites!.read!(), sites!.readSwitches!()]).catch(() => [null, null] as const);
    return !!settings?.disabledSites.includes(site) || !!switches?.sites.includes(site);
  }
  function showMenuFor(tabId: number): void {
    menuTab = tabId;
    void refreshMenu();
  }
  if (menus && sites) {
    api.tabs.onActivated.addListener(({ tabId }) => showMenuFor(tabId));
    api.tabs.onUpdated.addListener((tabId, change) => {
      if (tabId === menuTab && change.status) void refreshMenu();
    });
    api.storage?.onChanged.addListener((changes, area) => {
      if (area === 'local' && (SETTINGS_KEY in changes || SWITCHES_KEY in changes)) void refreshMenu();
    });
    void api.tabs
      .query({ active: true, lastFocusedWindow: true })
      .then(([tab]) => {
        if (menuTab === null && tab?.id !== undefined) showMenuFor(tab.id);
      })
      .catch(() => {});
  }

  return {
    handlers: {
      publishEditorState: (data, sender) => {
        const told = relay.publish(data, sender);
        // The site of the tab's editor frame may name another site than its URL (an editor in a frame).
        if (menuTab !== null && sender.tab?.id === menuTab && relay.siteOf(menuTab) !== menuSite) void refreshMenu();
        return told;
      },
    },
    switchSite,
    onCommand(command, tab) {
      if (command !== OPEN_PANEL_COMMAND) return false;
      open(tab);
      return true;
    },
  };
}
