/**
 * The background's side of the side panel: which tab each open panel watches (its window's active tab,
 * or a tab pinned by the panel's URL), the latest checked snapshot of every frame of watched tabs, and
 * the pushes to the panels. Content scripts publish only while a panel watches their tab
 * ({@link WatchMessage}), so pages nobody looks at cost nothing. Browser APIs come in as small interfaces
 * (tests drive it with fakes). Snapshots reach here already checked by the message policy.
 */
import type { EditorSnapshot, EditorStateMessage } from './snapshot';
import { siteKey } from '../settings';
import type { PanelState, SiteOfMessage, WatchMessage } from './wire';

export interface RelayTabs {
  query(query: { active: true; windowId: number }): Promise<{ id?: number }[]>;
  sendMessage(tabId: number, message: WatchMessage | SiteOfMessage): Promise<unknown>;
}

export interface RelayPort {
  postMessage(message: PanelState): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface RelaySender {
  tab?: { id?: number };
  frameId?: number;
  /** The sending frame's URL and origin (given by the browser, not the page). */
  url?: string;
  origin?: string;
}

/** The settings' site key of a sending frame (about:blank / srcdoc frames: their creator's origin). */
export function senderSite(sender: Pick<RelaySender, 'url' | 'origin'>): string {
  const url = sender.url ?? '';
  if (url.startsWith('about:') && sender.origin && sender.origin !== 'null') return siteKey(sender.origin);
  return url ? siteKey(url) : '';
}

interface Panel {
  port: RelayPort;
  windowId: number;
  /** The tab it shows (null: none yet / a window without tabs). */
  tabId: number | null;
  /** Pinned to one tab (sidepanel.html?tab=N): tab switches leave it alone. */
  pinned: boolean;
}

export class PanelRelay {
  private readonly panels = new Set<Panel>();
  /** tab → frame → the snapshot of that frame's current editor. */
  private readonly frames = new Map<number, Map<number, EditorSnapshot>>();
  /** Tabs whose content script did not answer the watch message (browser pages, the web store …). */
  private readonly unreachable = new Set<number>();
  /** tab → frame → the site of that frame (for the per-site switch). */
  private readonly sites = new Map<number, Map<number, string>>();

  constructor(private readonly tabs: RelayTabs) {}

  /** A panel connected: it sends {type:'watch', windowId, tabId?} first. */
  connect(port: RelayPort): void {
    let panel: Panel | null = null;
    port.onMessage.addListener((message) => {
      const m = message as { type?: unknown; windowId?: unknown; tabId?: unknown };
      if (m?.type !== 'watch' || typeof m.windowId !== 'number') return;
      const pinned = typeof m.tabId === 'number' && Number.isInteger(m.tabId);
      if (panel) this.panels.delete(panel);
      panel = { port, windowId: m.windowId, tabId: null, pinned };
      this.panels.add(panel);
      if (pinned) void this.show(panel, m.tabId as number);
      else void this.followActive(panel);
    });
    port.onDisconnect.addListener(() => {
      if (!panel) return;
      this.panels.delete(panel);
      const tab = panel.tabId;
      if (tab !== null && !this.watched(tab)) this.tell(tab, false);
    });
  }

  /** tabs.onActivated */
  activated(tabId: number, windowId: number): void {
    for (const panel of this.panels) if (panel.windowId === windowId && !panel.pinned) void this.show(panel, tabId);
  }

  /**
   * tabs.onUpdated: a new document is loading (its frames' snapshots are gone), or it finished loading
   * (its fresh content scripts must hear that a panel watches).
   */
  updated(tabId: number, status: string | undefined): void {
    if (status === 'loading') {
      this.frames.delete(tabId);
      this.sites.delete(tabId);
      this.unreachable.delete(tabId);
      this.pushTab(tabId);
    } else if (status === 'complete' && this.watched(tabId)) this.tell(tabId, true);
  }

  /** tabs.onRemoved */
  removed(tabId: number): void {
    this.frames.delete(tabId);
    this.sites.delete(tabId);
    this.unreachable.delete(tabId);
    for (const panel of this.panels) if (panel.tabId === tabId) panel.tabId = null;
  }

  /** The publishEditorState message (data already checked): true when a panel was told. */
  publish(data: EditorStateMessage, sender: RelaySender): boolean {
    const tabId = sender.tab?.id;
    if (typeof tabId !== 'number') return false;
    const frameId = typeof sender.frameId === 'number' ? sender.frameId : 0;
    const site = senderSite(sender);
    if (site) {
      let sites = this.sites.get(tabId);
      if (!sites) this.sites.set(tabId, (sites = new Map()));
      sites.set(frameId, site);
    }
    let frames = this.frames.get(tabId);
    if (data.snapshot) {
      if (!frames) this.frames.set(tabId, (frames = new Map()));
      const old = frames.get(frameId);
      // A late message from before a newer one of the same frame.
      if (old && old.editor === data.snapshot.editor && old.seq > data.snapshot.seq) return false;
      frames.set(frameId, data.snapshot);
    } else frames?.delete(frameId);
    this.unreachable.delete(tabId);
    return this.pushTab(tabId);
  }

  /** The snapshot the panel of `tabId` shows: the frame whose editor the writer focused last. */
  current(tabId: number): { frameId: number; snapshot: EditorSnapshot } | null {
    let best: { frameId: number; snapshot: EditorSnapshot } | null = null;
    for (const [frameId, snapshot] of this.frames.get(tabId) ?? []) {
      if (!best || snapshot.focusedAt > best.snapshot.focusedAt || (snapshot.focusedAt === best.snapshot.focusedAt && frameId < best.frameId)) {
        best = { frameId, snapshot };
      }
    }
    return best;
  }

  /**
   * The site the per-site switch of `tabId` acts on: that of the frame whose editor the panel shows (its
   * checker decides by its own site), else the top frame's, else null (no frame with an editor published).
   */
  siteOf(tabId: number): string | null {
    const sites = this.sites.get(tabId);
    if (!sites) return null;
    const current = this.current(tabId);
    return (current && sites.get(current.frameId)) || sites.get(0) || null;
  }

  private watched(tabId: number): boolean {
    for (const panel of this.panels) if (panel.tabId === tabId) return true;
    return false;
  }

  private async followActive(panel: Panel): Promise<void> {
    const [tab] = await this.tabs.query({ active: true, windowId: panel.windowId }).catch(() => []);
    if (this.panels.has(panel)) await this.show(panel, tab?.id ?? null);
  }

  private async show(panel: Panel, tabId: number | null): Promise<void> {
    const previous = panel.tabId;
    panel.tabId = tabId;
    if (previous !== null && previous !== tabId && !this.watched(previous)) this.tell(previous, false);
    this.post(panel);
    if (tabId !== null) this.tell(tabId, true);
  }

  private tell(tabId: number, watching: boolean): void {
    this.tabs.sendMessage(tabId, { type: 'wengao:panel-watch', watching }).then(
      () => {
        if (watching && this.unreachable.delete(tabId)) this.pushTab(tabId);
      },
      () => {
        // No content script there (a browser page, a page loaded before the extension): say so once.
        if (watching && !this.unreachable.has(tabId)) {
          this.unreachable.add(tabId);
          this.pushTab(tabId);
        }
      },
    );
  }

  private pushTab(tabId: number): boolean {
    let told = false;
    for (const panel of this.panels) {
      if (panel.tabId !== tabId) continue;
      this.post(panel);
      told = true;
    }
    return told;
  }

  private post(panel: Panel): void {
    const tabId = panel.tabId;
    const current = tabId === null ? null : this.current(tabId);
    try {
      panel.port.postMessage({
        type: 'state',
        tabId,
        frameId: current?.frameId ?? 0,
        snapshot: current?.snapshot ?? null,
        reachable: tabId !== null && !this.unreachable.has(tabId),
        site: tabId === null ? null : this.siteOf(tabId),
      });
    } catch {
      this.panels.delete(panel); // the port closed under us
    }
  }
}
