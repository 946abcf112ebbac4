/**
 * "Apply all" of the side panel: several fixes written as one undo step where the editor allows, through
 * the same editor-safe path as a single fix (apply-edit.ts), and all or nothing.
 *
 *  - Every fix is checked against the text first (its text still at its range, none overlapping): if one
 *    is stale nothing is written.
 *  - Text fields, and fixes that all lie in one text node of a rich editor: one write of the span from the
 *    first fix to the last with every fix applied in it — one native undo step, verified like a single fix.
 *  - Other rich editors: the fixes one by one from the end backwards (earlier offsets never move), with
 *    one undo boundary before the first and one after the last and none in between (apply-edit's
 *    `grouped`): editors that merge programmatic edits into their open level (TinyMCE, CKEditor 4, Quill's
 *    grouping, Summernote, Jodit …) record the batch as one level. A plain contenteditable keeps one native
 *    step per write; there the next Ctrl+Z (and the Ctrl+Shift+Z after it) is taken over and runs them all
 *    ({@link groupNativeUndo}), until the writer edits anything else.
 *  - A fix refused partway (the page changed the text underneath, an editor said no): what was written is
 *    taken back (the editor's undo, else the inverse writes) and the result says so.
 */
import type { Issue } from '../engine/types';
import { adapterFor, applyToEditable, type ApplyResult } from './apply-edit';
import { requestUndoBoundary } from './page-bridge';
import type { Surface } from './surface';
import type { TextModel } from './text-model';

export interface BatchResult {
  ok: boolean;
  /** Fixes in the text now (0 when nothing was written or it was taken back). */
  applied: number;
  reason?: ApplyResult['reason'];
  /** After a refusal partway: true when the text is exactly as before the batch again. */
  undone?: boolean;
  /** How the batch went in: one write, or grouped single writes. */
  mode?: 'span' | 'grouped';
}

/** The fixes sorted by start when every one still matches `text` and none overlaps another; else null. */
export function verifiedFixes<I extends Pick<Issue, 'start' | 'end' | 'text' | 'replacements'>>(text: string, issues: readonly I[]): I[] | null {
  const sorted = issues.slice().sort((a, b) => a.start - b.start || a.end - b.end);
  let end = -1;
  for (const issue of sorted) {
    if (issue.replacements[0] === undefined) return null;
    if (issue.start < end || (issue.start === end && issue.start === issue.end)) return null;
    if (issue.end > text.length || text.slice(issue.start, issue.end) !== issue.text) return null;
    end = issue.end;
  }
  return sorted;
}

/** The span from the first fix to the last, before and after every fix in it. Fixes verified and sorted. */
export function spanFix(text: string, sorted: readonly Pick<Issue, 'start' | 'end' | 'replacements'>[]): { start: number; end: number; before: string; after: string } {
  const start = sorted[0]!.start;
  const end = sorted[sorted.length - 1]!.end;
  let after = '';
  let at = start;
  for (const issue of sorted) {
    after += text.slice(at, issue.start) + issue.replacements[0]!;
    at = issue.end;
  }
  return { start, end, before: text.slice(start, end), after: after + text.slice(at, end) };
}

function spanIssue(span: ReturnType<typeof spanFix>): Issue {
  return { rule: 'apply-all', category: 'punctuation', severity: 'info', start: span.start, end: span.end, text: span.before, replacements: [span.after], message: '' };
}

/** Apply `issues` (each with its first fix) to the surface's editor as one step where it can. */
export async function applyBatch(surface: Surface, issues: readonly Issue[]): Promise<BatchResult> {
  const text = surface.readText();
  const sorted = verifiedFixes(text, issues);
  if (!sorted) return { ok: false, applied: 0, reason: 'stale' };
  if (!sorted.length) return { ok: true, applied: 0 };
  const span = spanFix(text, sorted);
  const model = (surface as Surface & { model?: TextModel }).model;
  const flat = () => {
    if (!model || surface.target.isTextField) return true;
    const range = model.rangeFor(span.start, span.end);
    return !!range && range.startContainer === range.endContainer && range.startContainer.nodeType === 3;
  };
  if (sorted.length === 1 || flat()) {
    const r = sorted.length === 1 ? await surface.applyFix(sorted[0]!, sorted[0]!.replacements[0]) : await surface.applyFix(spanIssue(span), span.after);
    return r.ok ? { ok: true, applied: sorted.length, mode: 'span' } : { ok: false, applied: 0, reason: r.reason ?? 'failed', undone: r.undone ?? true, mode: 'span' };
  }
  if (!model) return { ok: false, applied: 0, reason: 'failed' };
  return applyGrouped(surface, model, text, sorted);
}

type Win = Window & typeof globalThis;

/** Fixes a write holds (a span write: those inside it). */
const FIXES = new WeakMap<Issue, number>();
const fixesIn = (written: { issue: Issue }[]) => written.reduce((n, w) => n + (FIXES.get(w.issue) ?? 1), 0);

/** The writes of a batch in text order: runs of fixes that lie in one text node merged into one span fix. */
function writesOf(model: TextModel, text: string, sorted: Issue[]): Issue[] {
  const runs: { node: Node | null; issues: Issue[] }[] = [];
  for (const issue of sorted) {
    const range = model.rangeFor(issue.start, issue.end);
    const node = range && range.startContainer === range.endContainer && range.startContainer.nodeType === 3 ? range.startContainer : null;
    const last = runs[runs.length - 1];
    if (last && node && last.node === node) last.issues.push(issue);
    else runs.push({ node, issues: [issue] });
  }
  return runs.map(({ issues }) => {
    if (issues.length === 1) return issues[0]!;
    const fix = spanIssue(spanFix(text, issues));
    FIXES.set(fix, issues.length);
    return fix;
  });
}

const sleep = (win: Window, ms: number) => new Promise<void>((resolve) => win.setTimeout(resolve, ms));

async function applyGrouped(surface: Surface, model: TextModel, original: string, sorted: Issue[]): Promise<BatchResult> {
  const root = surface.target.element;
  const doc = root.ownerDocument;
  const win = doc.defaultView as Win | null;
  if (!win) return { ok: false, applied: 0, reason: 'failed' };
  const kind = surface.target.kind;
  const adapter = adapterFor(kind);
  const read = () => {
    model.refresh();
    return model.text;
  };
  stopGrouping?.();
  // Close the writer's open typing level, so the batch is a step of its own; an editor that groups by time
  // and cannot be asked (Quill 2) gets its grouping window waited out.
  const bounded = requestUndoBoundary(root, 'before');
  if (!bounded && adapter.historyMergeMs) await sleep(win, adapter.historyMergeMs + 20);
  if (read() !== original) return { ok: false, applied: 0, reason: 'stale' };

  const written: { issue: Issue; method: ApplyResult['method'] }[] = [];
  let failure: ApplyResult | null = null;
  const began = win.performance.now();
  // Fixes in one text node (a paragraph without formatting) go in as one write of their span: fewer writes
  // and fewer undo steps to group.
  for (const issue of writesOf(model, original, sorted).reverse()) {
    const r = await applyToEditable(root, issue, { kind, model, grouped: true, replacement: issue.replacements[0] });
    surface.noteEdit();
    if (!r.ok) {
      failure = r;
      break;
    }
    written.push({ issue, method: r.method });
  }
  if (failure) {
    const undone = await takeBack(root, model, original, written, read);
    surface.noteEdit();
    return { ok: false, applied: undone ? 0 : fixesIn(written), reason: failure.reason ?? 'failed', undone, mode: 'grouped' };
  }
  requestUndoBoundary(root, 'after');
  // Native undo keeps one step per write: the next undo runs them all. Editors with a history of their own
  // that keeps one step per fix (ProseMirror, CKEditor 5, Lexical: the steps are not adjacent) and that
  // could not be asked to close a level: the writer's next undo key is followed by as many more as it takes.
  if (written.length > 1 && !bounded && kind === 'contenteditable') groupNativeUndo(root, read, written.length, original, read());
  // An editor that groups by time (Quill 2) splits a batch that took longer than half its window (its group
  // runs from its first change): the next undo key is carried on the same way (never past the batch).
  else if (written.length > 1 && !bounded && (!adapter.historyMergeMs || win.performance.now() - began > adapter.historyMergeMs / 2)) {
    groupKeyUndo(root, read, written.length, original, read());
  }
  return { ok: true, applied: fixesIn(written), mode: 'grouped' };
}

/**
 * Take back the fixes written so far: the editor's undo (one step per write at most, stopping as soon as the
 * text is the original), else each written fix replaced by the text it replaced. True when the text is
 * exactly the original again.
 */
async function takeBack(root: HTMLElement, model: TextModel, original: string, written: { issue: Issue; method: ApplyResult['method'] }[], read: () => string): Promise<boolean> {
  const doc = root.ownerDocument;
  const win = doc.defaultView as Win;
  for (let i = 0; i < written.length && read() !== original; i++) {
    const now = read();
    const ev = new win.InputEvent('beforeinput', { inputType: 'historyUndo', bubbles: true, cancelable: true, composed: true });
    if (!root.dispatchEvent(ev)) {
      for (let k = 0; k < 30 && read() === now; k++) await sleep(win, 10);
    } else if (written[i]!.method === 'execCommand' || written[i]!.method === 'direct') {
      try {
        doc.execCommand('undo', false);
      } catch {
        /* checked below */
      }
    }
    if (read() === now) break; // the undo did nothing: write the inverse instead
  }
  if (read() === original) return true;
  // The inverse of every written fix still in place, the last in the text first: each one's start moved by
  // the written fixes before it in the text, which are all still applied at that point.
  for (const { issue } of written) {
    const now = read();
    const fix = issue.replacements[0]!;
    const shift = written.filter((w) => w.issue.start < issue.start).reduce((d, w) => d + w.issue.replacements[0]!.length - (w.issue.end - w.issue.start), 0);
    const at = issue.start + shift;
    if (now.slice(at, at + fix.length) !== fix) continue;
    const inverse: Issue = { ...issue, start: at, end: at + fix.length, text: fix, replacements: [issue.text] };
    await applyToEditable(root, inverse, { model, replacement: issue.text });
  }
  return read() === original;
}

/** Ends the undo grouping of the last batch (a new batch, or the writer's next edit). */
let stopGrouping: (() => void) | null = null;

/**
 * A plain contenteditable has the browser's undo stack, one step per write. Right after a batch, the next
 * undo (Ctrl+Z, the menu: a cancelable `beforeinput` historyUndo) is taken over and undoes every write of
 * the batch, and a redo right after it redoes them all. Any other edit, or a text that is not the batch's
 * result (or original) any more, ends this.
 */
export function groupNativeUndo(root: HTMLElement, read: () => string, steps: number, before: string, after: string): () => void {
  const doc = root.ownerDocument;
  let undone = false;
  let busy = false;
  const repeat = (command: 'undo' | 'redo', target: string): boolean => {
    busy = true;
    try {
      for (let i = 0; i < steps && read() !== target; i++) {
        const was = read();
        doc.execCommand(command, false);
        if (read() === was) break;
      }
    } catch {
      /* checked by the caller */
    } finally {
      busy = false;
    }
    return read() === target;
  };
  const onBeforeInput = (e: Event) => {
    if (busy) return;
    const type = (e as InputEvent).inputType;
    if (type === 'historyUndo' && !undone && read() === after) {
      e.preventDefault();
      if (repeat('undo', before)) undone = true;
      else stop();
    } else if (type === 'historyRedo' && undone && read() === before) {
      e.preventDefault();
      if (repeat('redo', after)) undone = false;
      else stop();
    } else stop();
  };
  function stop(): void {
    root.removeEventListener('beforeinput', onBeforeInput, true);
    if (stopGrouping === stop) stopGrouping = null;
  }
  stopGrouping?.();
  stopGrouping = stop;
  root.addEventListener('beforeinput', onBeforeInput, true);
  return stop;
}

const isUndoKey = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'z';
const isRedoKey = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey && ((e.shiftKey && e.key.toLowerCase() === 'z') || (!e.shiftKey && e.key.toLowerCase() === 'y'));

/**
 * Editors whose own history keeps one step per fix and answers the undo keys: the writer's next undo
 * key press (a trusted keydown in the editor) undoes one step as usual; the same key is then sent to
 * the editor again, one step at a time, while the text is neither the original nor unchanged by the last
 * step — so it never undoes past the batch. A redo right after does the same forwards. Ends at any other
 * state of the text (the writer edited), a new batch, or when a replayed key does nothing.
 */
export function groupKeyUndo(root: HTMLElement, read: () => string, steps: number, before: string, after: string): () => void {
  const doc = root.ownerDocument;
  const win = doc.defaultView as Win;
  let undone = false;
  let replaying = false;
  /**
   * An undo or redo key the writer pressed while a replay ran, with the text when it was pressed. Editors
   * that render a step a moment after the key (Lexical) leave a gap between the text reaching its target
   * and the replay seeing it: a redo pressed right when the text is back (a fast writer, a test polling
   * the text) landed there, was ignored, and the replay, finding the text moved off its target, sent
   * one more undo over it. Now the replay stops sending keys and the pressed one is handled after it.
   */
  let interrupt: { key: KeyboardEvent; text: string } | null = null;
  const replay = async (e: KeyboardEvent, target: string, pressed: string): Promise<boolean> => {
    replaying = true;
    try {
      // The writer's own key first: its step, however late the editor renders it.
      for (let k = 0; k < 30 && read() === pressed; k++) await sleep(win, 10);
      for (let i = 0; i < steps + 1; i++) {
        // The editor's own handling of the key before (some render in a microtask or a frame).
        for (let k = 0; k < 20 && read() !== target; k++) {
          const was = read();
          await sleep(win, 10);
          if (read() === was) break;
        }
        if (read() === target) return true;
        // The writer pressed a key meanwhile: theirs goes on, ours stop.
        if (i === steps || interrupt) break;
        const was = read();
        const at = (doc.activeElement && root.contains(doc.activeElement) ? doc.activeElement : root) as HTMLElement;
        at.dispatchEvent(
          new win.KeyboardEvent('keydown', { key: e.key, code: e.code, keyCode: e.keyCode, which: e.which, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, bubbles: true, cancelable: true, composed: true } as KeyboardEventInit),
        );
        // Editors that render later (React-based Slate) may take a while under load.
        for (let k = 0; k < 40 && read() === was; k++) await sleep(win, 10);
        if (read() === was) return false; // the editor did not take the replayed key
      }
      return read() === target;
    } finally {
      replaying = false;
    }
  };
  /** A replay ended: the target reached (now, or when the writer's next key was pressed) or not. */
  const finish = (ok: boolean, target: string, nowUndone: boolean) => {
    const next = interrupt;
    interrupt = null;
    if (!ok && next?.text !== target) return stop();
    undone = nowUndone;
    if (next) handle(next.key, next.text);
  };
  const handle = (key: KeyboardEvent, text: string) => {
    if (isUndoKey(key) && !undone && text === after) {
      void replay(key, before, text).then((ok) => finish(ok, before, true));
    } else if (isRedoKey(key) && undone && text === before) {
      void replay(key, after, text).then((ok) => finish(ok, after, false));
    } else if (isUndoKey(key) || isRedoKey(key) || text !== (undone ? before : after)) stop();
  };
  const onKeyDown = (e: Event) => {
    const key = e as KeyboardEvent;
    if (!key.isTrusted || !(key.target instanceof win.Node) || !root.contains(key.target)) return;
    if (replaying) {
      if (isUndoKey(key) || isRedoKey(key)) interrupt = { key, text: read() };
      return;
    }
    handle(key, read());
  };
  function stop(): void {
    win.removeEventListener('keydown', onKeyDown, true);
    if (stopGrouping === stop) stopGrouping = null;
  }
  stopGrouping?.();
  stopGrouping = stop;
  win.addEventListener('keydown', onKeyDown, true);
  return stop;
}
