import type { Issue } from '@/lib/engine/types';
import type { PanelEditor, PanelFeed } from '@/lib/editors/panel-feed';
import { encodeIssues, MAX_SNAPSHOT_TEXT, type EditorSnapshot, type EditorStateMessage } from '@/lib/panel/snapshot';
import { siteKey } from '@/lib/settings';
import { isPanelActionMessage, isSiteOfMessage, isWatchMessage, type ActionResult, type IssueRef, type PanelActionMessage, type SiteOfAnswer } from '@/lib/panel/wire';

/**
 * The content script's side of the side panel (lib/panel/wire.ts). The controller reports its editors
 * here (lib/editors/panel-feed.ts); while the background says a panel watches this tab, the editor the
 * writer focused last in this frame is published after every check, focus change and dismissal (at most
 * once per {@link PUBLISH_MS}), and the panel's actions (locate, apply, apply all, ignore, ignore rule,
 * insert) are run on it. Nothing is sent while no panel looks, but one empty state at start (is a panel watching?).
 */

/** Publishes closer together than this are merged (a re-check of every editor after a settings change). */
const PUBLISH_MS = 30;

export interface PanelBridgeApi {
  /** Where the runtime messages come from (browser.runtime). */
  runtime: {
    id: string;
    onMessage: {
      addListener(listener: (message: unknown, sender: { id?: string }, respond: (answer: unknown) => void) => boolean | void): void;
      removeListener(listener: (message: unknown, sender: { id?: string }, respond: (answer: unknown) => void) => boolean | void): void;
    };
  };
  publish(data: EditorStateMessage): Promise<unknown>;
}

function toIssue(ref: IssueRef): Issue {
  return {
    rule: ref.rule,
    category: ref.category ?? 'typo',
    severity: ref.severity ?? 'error',
    start: ref.start,
    end: ref.end,
    text: ref.text,
    replacements: ref.replacements,
    message: ref.message ?? '',
  };
}

/** The same editor state (the sequence number aside). */
function same(a: EditorSnapshot | null, b: EditorSnapshot | null): boolean {
  if (!a || !b) return a === b;
  if (a.editor !== b.editor || a.focusedAt !== b.focusedAt || a.off !== b.off || a.text !== b.text || a.issues.length !== b.issues.length) return false;
  if (!a.issues.every((x, i) => x === b.issues[i])) return false;
  return JSON.stringify([a.styles, a.messages, a.fixes]) === JSON.stringify([b.styles, b.messages, b.fixes]);
}

export function startPanelBridge(api: PanelBridgeApi, signal: AbortSignal, win: Window): PanelFeed {
  const editors = new Map<string, PanelEditor>();
  let watching = false;
  let seq = 0;
  let timer = 0;
  let lastSent: EditorSnapshot | null | undefined;

  /** The editor the writer focused last in this frame; before any focus, the first checked one. */
  function current(): PanelEditor | null {
    let best: PanelEditor | null = null;
    for (const ed of editors.values()) {
      if (!ed.element.isConnected) continue;
      if (!best || ed.focusedAt() > best.focusedAt()) best = ed;
      else if (ed.focusedAt() === best.focusedAt() && best.focusedAt() === 0 && !best.state() && ed.state()) best = ed;
    }
    return best;
  }

  function snapshotOf(ed: PanelEditor): EditorSnapshot | null {
    const state = ed.state();
    if (!state) return null;
    const text = state.text.length > MAX_SNAPSHOT_TEXT ? state.text.slice(0, MAX_SNAPSHOT_TEXT) : state.text;
    // Only issues that still match the text (the background refuses the whole snapshot otherwise).
    const columns = encodeIssues(text, state.issues);
    const outline = state.outline
      .filter((h) => h.end <= text.length)
      .slice(0, 2_000)
      .map((h) => ({ level: h.level, number: h.number.slice(0, 20), title: h.title.slice(0, 1_000), start: h.start, end: h.end }));
    return {
      editor: ed.id,
      kind: ed.kind,
      label: ed.label.slice(0, 120),
      focusedAt: Math.round(ed.focusedAt()),
      seq: ++seq,
      text,
      ...columns,
      outline,
      ...(state.off ? { off: true } : {}),
    };
  }

  function publishSoon(): void {
    if (!watching || signal.aborted || timer) return;
    timer = win.setTimeout(() => {
      timer = 0;
      publishNow();
    }, PUBLISH_MS);
  }

  function publishNow(): void {
    if (!watching || signal.aborted) return;
    const ed = current();
    const snapshot = ed ? snapshotOf(ed) : null;
    if (ed && !snapshot) return; // not checked yet: its check publishes
    // Same editor, text and issues as last time (a focus that changed nothing): skip.
    if (lastSent !== undefined && same(lastSent, snapshot)) return;
    lastSent = snapshot;
    api.publish({ snapshot }).catch(() => {
      lastSent = undefined; // the worker restarted: send again next time
    });
  }

  async function run(message: PanelActionMessage): Promise<ActionResult> {
    const ed = editors.get(message.editor);
    if (!ed || !ed.element.isConnected) return { ok: false, reason: 'no-editor' };
    switch (message.action) {
      case 'locate':
        return { ok: ed.locate(message.start, message.end) };
      case 'apply': {
        const r = await ed.apply(toIssue(message.issue), message.replacement);
        return { ok: r.ok, applied: r.ok ? 1 : 0, ...(r.ok ? {} : { reason: r.reason ?? 'failed' }) };
      }
      case 'applyAll': {
        const r = await ed.applyAll(message.issues.map(toIssue));
        return { ok: r.result.ok, applied: r.applied, ...(r.result.ok ? {} : { reason: r.result.reason ?? 'failed', undone: r.result.undone ?? false }) };
      }
      case 'ignore':
        return { ok: ed.ignore(toIssue(message.issue)) };
      case 'ignoreRule':
        ed.ignoreRule(message.rule);
        return { ok: true };
      case 'insert': {
        const r = await ed.insert(message.at, message.text);
        return { ok: r.ok, ...(r.ok ? {} : { reason: r.reason ?? 'failed' }) };
      }
      default:
        return { ok: false, reason: 'failed' };
    }
  }

  const onMessage = (message: unknown, sender: { id?: string }, respond: (answer: unknown) => void): boolean | void => {
    if (signal.aborted || sender.id !== api.runtime.id) return;
    if (isWatchMessage(message)) {
      watching = message.watching;
      lastSent = undefined;
      if (watching) publishNow();
      respond(true);
      return;
    }
    // The toolbar's 在此网站停用/恢复检查 asks which site this is (the frame's own: its checker decides by it).
    if (isSiteOfMessage(message)) {
      respond({ site: siteKey(win.location.protocol === 'about:' ? win.origin : win.location.href) } satisfies SiteOfAnswer);
      return;
    }
    if (!isPanelActionMessage(message)) return;
    run(message).then(
      (answer) => {
        respond(answer);
        publishSoon();
      },
      () => respond({ ok: false, reason: 'failed' } satisfies ActionResult),
    );
    return true; // answered asynchronously
  };
  api.runtime.onMessage.addListener(onMessage);
  // A checker that starts after the panel began watching its tab (it loads only once an editor shows up: a
  // frame's often after the page's) missed the watch message: ask once with an empty state, which the
  // background answers with whether a panel watches this tab (it stores nothing for it), and publish then.
  api.publish({ snapshot: null }).then(
    (told) => {
      if (told !== true || watching || signal.aborted) return;
      watching = true;
      lastSent = undefined;
      publishNow();
    },
    () => {},
  );
  signal.addEventListener(
    'abort',
    () => {
      api.runtime.onMessage.removeListener(onMessage);
      if (timer) win.clearTimeout(timer);
    },
    { once: true },
  );

  return {
    update(ed) {
      editors.set(ed.id, ed);
      if (watching && current() === ed) publishSoon();
    },
    remove(ed) {
      const was = current() === ed;
      editors.delete(ed.id);
      if (watching && was) publishSoon();
    },
  };
}
