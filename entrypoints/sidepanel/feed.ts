import { useEffect, useState } from 'preact/hooks';
import type { Issue } from '@/lib/engine/types';
import { PANEL_PORT, type ActionResult, type IssueRef, type PanelAction, type PanelState } from '@/lib/panel/wire';

/**
 * The panel's connection to the background (lib/panel/relay.ts): a port that says which window the panel
 * lives in (or which tab it is pinned to: `sidepanel.html?tab=N`) and receives the state of the editor the
 * writer is in. The port closes when the service worker stops; the panel connects again.
 */

/** A tab pinned by the URL (tests and the practice page open the panel as a page for another tab). */
export function pinnedTab(): number | null {
  const n = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isInteger(n) && n > 0 ? n : null;
}

const RECONNECT_MS = 400;

export function usePageFeed(): PanelState | null {
  const [state, setState] = useState<PanelState | null>(null);
  useEffect(() => {
    let closed = false;
    let retry = 0;
    let port: ReturnType<typeof browser.runtime.connect> | null = null;
    const connect = async () => {
      const windowId = (await browser.windows.getCurrent().catch(() => null))?.id ?? -1;
      if (closed) return;
      port = browser.runtime.connect({ name: PANEL_PORT });
      port.onMessage.addListener((message: unknown) => {
        const m = message as PanelState;
        if (m && m.type === 'state') setState(m);
      });
      port.onDisconnect.addListener(() => {
        port = null;
        if (!closed) retry = window.setTimeout(() => void connect(), RECONNECT_MS);
      });
      const tabId = pinnedTab();
      port.postMessage({ type: 'watch', windowId, ...(tabId !== null ? { tabId } : {}) });
    };
    void connect();
    return () => {
      closed = true;
      window.clearTimeout(retry);
      port?.disconnect();
    };
  }, []);
  return state;
}

export function refOf(issue: Issue): IssueRef {
  return { rule: issue.rule, category: issue.category, severity: issue.severity, start: issue.start, end: issue.end, text: issue.text, replacements: issue.replacements, message: issue.message };
}

/** Send an action to the frame holding the editor of `state`. */
export async function sendAction(state: PanelState, action: PanelAction): Promise<ActionResult> {
  if (state.tabId === null || !state.snapshot) return { ok: false, reason: 'no-editor' };
  try {
    const answer = (await browser.tabs.sendMessage(
      state.tabId,
      { type: 'wengao:panel-action', editor: state.snapshot.editor, ...action },
      { frameId: state.frameId },
    )) as ActionResult | undefined;
    return answer && typeof answer.ok === 'boolean' ? answer : { ok: false, reason: 'failed' };
  } catch {
    return { ok: false, reason: 'no-editor' };
  }
}
