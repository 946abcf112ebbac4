import { describe, expect, it } from 'vitest';
import { analyze } from '@/lib/engine';
import { createDispatcher, MESSAGE_POLICY, MessageRefused, type MessageHandlers } from '@/lib/message-policy';
import { PanelRelay, type RelayPort } from '@/lib/panel/relay';
import { decodeIssues, editorStateSchema, encodeIssues, snapshotSchema, type EditorSnapshot } from '@/lib/panel/snapshot';
import type { PanelState, WatchMessage } from '@/lib/panel/wire';
import { parse } from '@/lib/validate';

const TEXT = '党支部要要发挥作用,推动工作。';
function snapshot(over: Partial<EditorSnapshot> = {}): EditorSnapshot {
  const text = over.text ?? TEXT;
  const { issues, outline } = analyze(text);
  return { editor: 'e1', kind: 'textarea', label: '正文', focusedAt: 1000, seq: 1, text, ...encodeIssues(text, issues), outline, ...over };
}

describe('snapshot schema (the trust boundary for what a page sends the panel)', () => {
  it('accepts what the content script sends and drops unknown fields', () => {
    const s = { ...snapshot(), html: '<img onerror=x>' };
    const r = parse(snapshotSchema, s);
    expect(r.ok).toBe(true);
    expect(r.ok && 'html' in r.value).toBe(false);
  });

  it('carries the issues in columns that decode to the engine’s issues; an issue not matching the text is left out', () => {
    const { issues } = analyze(TEXT);
    expect(issues.length).toBeGreaterThan(1);
    const s = snapshot();
    expect(decodeIssues(s)).toEqual(issues);
    // One table entry per distinct rule, message and fix list.
    expect(s.styles.length).toBeLessThanOrEqual(new Set(issues.map((i) => i.rule)).size);
    const stale = encodeIssues(TEXT, [...issues, { ...issues[0]!, text: '别的' }, { ...issues[0]!, end: TEXT.length + 3 }]);
    expect(stale.issues.length).toBe(issues.length * 5);
  });

  it('refuses rows outside the text or the tables, bad kinds, and oversized data', () => {
    const base = snapshot();
    const row = base.issues.slice(0, 5);
    for (const bad of [
      { ...base, issues: [row[0], TEXT.length + 5, row[2], row[3], row[4]] },
      { ...base, issues: [row[1]! + 1, row[1], row[2], row[3], row[4]] },
      { ...base, issues: [row[0], row[1], 99, row[3], row[4]] },
      { ...base, issues: [row[0], row[1], row[2], 99, row[4]] },
      { ...base, issues: [row[0], row[1], row[2], row[3], 99] },
      { ...base, issues: row.slice(0, 4) },
      { ...base, issues: [row[0], row[1], row[2], row[3], 1.5] },
      { ...base, styles: [['half-width-punct', 'evil', 'error']] },
      { ...base, styles: [['Not An Id', 'punctuation', 'error']] },
      { ...base, messages: ['x'.repeat(501)] },
      { ...base, editor: 'a b' },
      { ...base, label: 'x'.repeat(121) },
      { ...base, text: 7 },
      { ...base, outline: [{ level: 5, number: '一', title: 'x', start: 0, end: 1 }] },
      { ...base, issues: 'nope' },
    ]) {
      expect(parse(snapshotSchema, bad).ok, JSON.stringify(bad).slice(0, 200)).toBe(false);
    }
    expect(parse(editorStateSchema, { snapshot: null }).ok).toBe(true);
    expect(parse(editorStateSchema, {}).ok).toBe(false);
  });

  it('is the policy row of publishEditorState: from a content script or an extension page, never from outside', async () => {
    const self = { id: 'ext', baseUrl: 'chrome-extension://ext/' };
    const got: unknown[] = [];
    const dispatch = createDispatcher({ publishEditorState: (data: unknown) => (got.push(data), true) } as unknown as MessageHandlers, self);
    const content = { id: 'ext', url: 'https://a.example/', tab: { id: 3 }, frameId: 0 };
    expect(await dispatch('publishEditorState', { snapshot: snapshot() }, content)).toBe(true);
    await expect(dispatch('publishEditorState', { snapshot: { ...snapshot(), issues: [0, TEXT.length + 1, 0, 0, 0] } }, content)).rejects.toBeInstanceOf(MessageRefused);
    await expect(dispatch('publishEditorState', { snapshot: snapshot() }, { url: 'https://evil.example/', tab: { id: 3 } })).rejects.toBeInstanceOf(MessageRefused);
    expect(got).toHaveLength(1);
    expect(MESSAGE_POLICY.publishEditorState.from).toContain('content-script');
  });
});

/** A fake port and tabs API for the relay. */
function fakes() {
  const sent: { tabId: number; message: WatchMessage }[] = [];
  const noScript = new Set<number>();
  const active = new Map<number, number>([[1, 10]]); // window → active tab
  const tabs = {
    query: async ({ windowId }: { windowId: number }) => (active.has(windowId) ? [{ id: active.get(windowId)! }] : []),
    sendMessage: async (tabId: number, message: WatchMessage) => {
      sent.push({ tabId, message });
      if (noScript.has(tabId)) throw new Error('no receiver');
      return true;
    },
  };
  function port() {
    const posted: PanelState[] = [];
    let onMessage: (m: unknown) => void = () => {};
    let onDisconnect: () => void = () => {};
    const p: RelayPort = {
      postMessage: (m) => posted.push(m),
      onMessage: { addListener: (l) => (onMessage = l) },
      onDisconnect: { addListener: (l) => (onDisconnect = l) },
    };
    return { p, posted, send: (m: unknown) => onMessage(m), disconnect: () => onDisconnect() };
  }
  return { tabs, sent, noScript, active, port };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('PanelRelay', () => {
  it('watches the window’s active tab, relays the freshest frame, follows tab switches and stops when closed', async () => {
    const f = fakes();
    const relay = new PanelRelay(f.tabs);
    const panel = f.port();
    relay.connect(panel.p);
    panel.send({ type: 'watch', windowId: 1 });
    await tick();
    expect(f.sent).toEqual([{ tabId: 10, message: { type: 'wengao:panel-watch', watching: true } }]);
    expect(panel.posted.at(-1)).toMatchObject({ tabId: 10, snapshot: null, reachable: true });

    // Two frames: the one focused last wins; an older message of a frame is dropped.
    relay.publish({ snapshot: snapshot({ editor: 'e1', focusedAt: 100, seq: 2 }) }, { tab: { id: 10 }, frameId: 0 });
    relay.publish({ snapshot: snapshot({ editor: 'e7', focusedAt: 200, seq: 1 }) }, { tab: { id: 10 }, frameId: 3 });
    expect(panel.posted.at(-1)).toMatchObject({ frameId: 3, snapshot: { editor: 'e7' } });
    expect(relay.publish({ snapshot: snapshot({ editor: 'e1', focusedAt: 100, seq: 1 }) }, { tab: { id: 10 }, frameId: 0 })).toBe(false);
    // Another tab's messages do not reach this panel.
    const before = panel.posted.length;
    expect(relay.publish({ snapshot: snapshot() }, { tab: { id: 11 }, frameId: 0 })).toBe(false);
    expect(panel.posted.length).toBe(before);

    // Switching tabs: the old tab is told to stop, the new one to start; the panel shows what it has.
    relay.activated(11, 1);
    await tick();
    expect(f.sent.slice(-2)).toEqual([
      { tabId: 10, message: { type: 'wengao:panel-watch', watching: false } },
      { tabId: 11, message: { type: 'wengao:panel-watch', watching: true } },
    ]);
    expect(panel.posted.at(-1)).toMatchObject({ tabId: 11, snapshot: { editor: 'e1' } });
    // A switch in another window changes nothing here.
    relay.activated(12, 2);
    expect(panel.posted.at(-1)).toMatchObject({ tabId: 11 });

    // A new document in the tab: its snapshots are gone until its scripts publish again.
    relay.updated(11, 'loading');
    expect(panel.posted.at(-1)).toMatchObject({ tabId: 11, snapshot: null });
    relay.updated(11, 'complete');
    expect(f.sent.at(-1)).toEqual({ tabId: 11, message: { type: 'wengao:panel-watch', watching: true } });

    // The frame's editor went away.
    relay.publish({ snapshot: snapshot() }, { tab: { id: 11 }, frameId: 0 });
    relay.publish({ snapshot: null }, { tab: { id: 11 }, frameId: 0 });
    expect(panel.posted.at(-1)).toMatchObject({ snapshot: null });

    panel.disconnect();
    expect(f.sent.at(-1)).toEqual({ tabId: 11, message: { type: 'wengao:panel-watch', watching: false } });
  });

  it('says when the tab has no content script, and a pinned panel ignores tab switches', async () => {
    const f = fakes();
    f.noScript.add(10);
    const relay = new PanelRelay(f.tabs);
    const panel = f.port();
    relay.connect(panel.p);
    panel.send({ type: 'watch', windowId: 1 });
    await tick();
    await tick();
    expect(panel.posted.at(-1)).toMatchObject({ tabId: 10, reachable: false });

    const pinned = f.port();
    relay.connect(pinned.p);
    pinned.send({ type: 'watch', windowId: 1, tabId: 42 });
    await tick();
    relay.activated(11, 1);
    await tick();
    expect(pinned.posted.at(-1)).toMatchObject({ tabId: 42 });
    expect(panel.posted.at(-1)).toMatchObject({ tabId: 11 });
    // Garbage on the port is ignored.
    pinned.send({ type: 'watch', windowId: 'x' });
    pinned.send(null);
    expect(pinned.posted.at(-1)).toMatchObject({ tabId: 42 });
  });
});
