/**
 * Applying a fix through the editor's own input path, so its model and undo stack stay right.
 *
 * Contenteditable / rich editors:
 *  1. Refuse unless the text under the range is still `issue.text` (the editor changed: re-analyse).
 *  2. Focus the editor and select the DOM range (in the editor's own document: TinyMCE is an iframe);
 *     wait for `selectionchange` so editors that track the selection (Lexical, Slate) see it.
 *  3. Dispatch a cancelable `beforeinput` (insertReplacementText or insertText, with `data`,
 *     `dataTransfer` and `targetRanges`). If the editor cancelled it, the editor applied the change.
 *  4. Otherwise `document.execCommand('insertText')` (native editing: fires `input`, keeps native undo;
 *     ProseMirror, Quill and TinyMCE read it back from the DOM).
 *  5. Only as a last resort a direct Range edit plus an `input` event.
 *  After each step the text is read again and must equal the expected result, else we stop and report.
 * Textarea / input: setSelectionRange + execCommand('insertText') (native undo), else setRangeText +
 * an `input` event.
 *
 * The caret ends after the replacement when it was in or next to the fixed text (or not in the field),
 * otherwise where it was (shifted by the length change).
 */
import type { Issue } from '../engine/types';
import { editorKind, hasFocusWithin, type EditorKind } from './detect';
import { requestUndoBoundary } from './page-bridge';
import { TextModel } from './text-model';

export type ApplyMethod = 'beforeinput' | 'execCommand' | 'setRangeText' | 'direct';

export interface ApplyResult {
  ok: boolean;
  method?: ApplyMethod;
  /** stale: the text changed since analysis; mismatch: the editor produced something else; failed: no path worked. */
  reason?: 'stale' | 'mismatch' | 'failed' | 'no-range';
  /** Caret offset after the fix. */
  caret?: number;
  /** The text after the fix (as read back from the DOM). */
  text?: string;
}

export type CaretPolicy = 'auto' | 'after' | 'keep';

export interface ApplyOptions {
  /** Which replacement (default issue.replacements[0]). */
  replacement?: string;
  /** Editor kind (adapter quirks); detected from the element when omitted. */
  kind?: EditorKind;
  /** The editor's live text model (re-used; otherwise a one-shot model is read). */
  model?: TextModel;
  caret?: CaretPolicy;
  /** Longest wait for an editor that re-renders asynchronously (ms, default 300). */
  timeoutMs?: number;
  /** When the writer last changed the text (Date.now()), for editors whose history groups by time. */
  lastEditAt?: number;
}

type Step = 'beforeinput' | 'execCommand' | 'direct';

export interface Adapter {
  /** inputType of the synthetic beforeinput for a replacement. */
  inputType: 'insertReplacementText' | 'insertText';
  /** For a deletion (replacement ""), try this beforeinput first (then inputType). */
  deleteInputType?: 'deleteContentBackward' | 'deleteContent';
  steps: Step[];
  /** Wait this long after selecting, for editors that read the selection on a throttled selectionchange. */
  selectionSettleMs?: number;
  /** After a native (execCommand) edit, also dispatch an `input` event of this inputType. */
  announceInput?: 'insertReplacementText';
  /**
   * The editor's history merges every change within this many ms of the first one into one undo step. Where the
   * page bridge cannot close the step (the editor keeps its instance private), the fix waits until that long
   * after the writer's last edit, so that Ctrl+Z undoes the fix alone.
   */
  historyMergeMs?: number;
}

/**
 * Per-editor paths, established by the browser tests (tests/browser-editors). Every step is verified by
 * reading the text back, so a step an editor ignores just falls through to the next one.
 */
const DEFAULT_ADAPTER: Adapter = { inputType: 'insertReplacementText', steps: ['beforeinput', 'execCommand', 'direct'] };
const ADAPTERS: Partial<Record<EditorKind, Adapter>> = {
  // Native editing only: nobody listens to a synthetic beforeinput.
  contenteditable: { inputType: 'insertReplacementText', steps: ['execCommand', 'direct'] },
  // ProseMirror ignores synthetic beforeinput and reads native DOM edits back (DOMObserver).
  prosemirror: { inputType: 'insertReplacementText', steps: ['execCommand'] },
  // Lexical cancels insertReplacementText with empty data but deletes nothing: delete via deleteContentBackward.
  lexical: { inputType: 'insertReplacementText', deleteInputType: 'deleteContentBackward', steps: ['beforeinput'] },
  // Slate syncs its selection on a throttled (100 ms) selectionchange; selecting inside the same task as
  // the edit merges the fix into the previous undo step. Let the selection settle first.
  slate: { inputType: 'insertReplacementText', steps: ['beforeinput'], selectionSettleMs: 120 },
  wangeditor: { inputType: 'insertReplacementText', steps: ['beforeinput'], selectionSettleMs: 120 },
  // TinyMCE (iframe): native editing; its undo manager records a level for input events of type
  // insertReplacementText (spell-check replacements) but not for execCommand's plain insertText.
  tinymce: { inputType: 'insertReplacementText', steps: ['execCommand'], announceInput: 'insertReplacementText' },
  // Quill 1 is cut off through the page bridge; Quill 2 hides its instance, so its 1 s grouping is waited out.
  quill: { inputType: 'insertReplacementText', steps: ['beforeinput', 'execCommand'], historyMergeMs: 1000 },
  ckeditor5: { inputType: 'insertReplacementText', steps: ['beforeinput'] },
};

export function adapterFor(kind: EditorKind): Adapter {
  return ADAPTERS[kind] ?? DEFAULT_ADAPTER;
}

type Win = Window & typeof globalThis;

function sleep(win: Window, ms: number): Promise<void> {
  return new Promise((resolve) => win.setTimeout(resolve, ms));
}

/** How long after a fix an editor's own re-render may still move the caret (it is put back meanwhile). */
const CARET_SETTLE_MS = 150;
/** Ends the caret settling of the last fix; the next fix ends it before it selects anything. */
let stopSettling: (() => void) | null = null;

/** The next animation frame, or 50 ms where frames are not drawn (a hidden tab). */
function nextFrame(win: Window): Promise<void> {
  return new Promise((resolve) => {
    const timer = win.setTimeout(resolve, 50);
    win.requestAnimationFrame(() => {
      win.clearTimeout(timer);
      resolve();
    });
  });
}

/** Wait until `check` is true (polled on short timers), at most `timeoutMs`. */
async function waitUntil(win: Window, check: () => boolean, timeoutMs: number): Promise<boolean> {
  await Promise.resolve();
  if (check()) return true;
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    await sleep(win, 10);
    if (check()) return true;
  }
  return check();
}

/** Resolve on the next selectionchange (or after `ms`). */
function nextSelectionChange(doc: Document, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      doc.removeEventListener('selectionchange', done);
      resolve();
    };
    doc.addEventListener('selectionchange', done);
    doc.defaultView?.setTimeout(done, ms);
  });
}

function caretAfter(policy: CaretPolicy, before: { start: number; end: number } | null, start: number, end: number, replacement: string): number {
  const after = start + replacement.length;
  if (policy === 'after' || !before) return after;
  const delta = replacement.length - (end - start);
  const touches = before.end >= start && before.start <= end;
  if (policy === 'auto' && touches) return after;
  const c = before.end;
  if (c <= start) return c;
  if (c >= end) return c + delta;
  return after;
}

function isTextField(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  return el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';
}

/** Apply one fix to a field or editor root. Never throws. */
export async function applyFix(element: HTMLElement, issue: Issue, options: ApplyOptions = {}): Promise<ApplyResult> {
  try {
    if (isTextField(element)) return applyToField(element, issue, options);
    return await applyToEditable(element, issue, options);
  } catch {
    return { ok: false, reason: 'failed' };
  }
}

/** Textarea / input. Synchronous. */
export function applyToField(field: HTMLTextAreaElement | HTMLInputElement, issue: Issue, options: ApplyOptions = {}): ApplyResult {
  const replacement = options.replacement ?? issue.replacements[0];
  if (replacement === undefined) return { ok: false, reason: 'failed' };
  const old = field.value;
  const { start, end } = issue;
  if (old.slice(start, end) !== issue.text) return { ok: false, reason: 'stale' };
  const doc = field.ownerDocument;
  const focused = hasFocusWithin(field);
  const before = focused && field.selectionStart !== null ? { start: field.selectionStart, end: field.selectionEnd ?? field.selectionStart } : null;
  const scrollTop = field.scrollTop;
  const scrollLeft = field.scrollLeft;
  const expected = old.slice(0, start) + replacement + old.slice(end);
  if (!focused) field.focus({ preventScroll: true });
  field.setSelectionRange(start, end);
  let method: ApplyMethod = 'execCommand';
  let done = false;
  try {
    done = replacement === '' ? doc.execCommand('delete', false) : doc.execCommand('insertText', false, replacement);
  } catch {
    done = false;
  }
  if (field.value !== expected) {
    if (field.value !== old) return { ok: false, method, reason: 'mismatch', text: field.value };
    method = 'setRangeText';
    field.setRangeText(replacement, start, end, 'end');
    const win = doc.defaultView as Win;
    field.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }));
    if (field.value !== expected) return { ok: false, method, reason: 'failed', text: field.value };
  }
  void done;
  const policy = options.caret ?? 'auto';
  const caret = caretAfter(policy, before, start, end, replacement);
  field.setSelectionRange(caret, caret);
  if (before && caret !== start + replacement.length) {
    field.scrollTop = scrollTop;
    field.scrollLeft = scrollLeft;
  }
  return { ok: true, method, caret, text: field.value };
}

/** Contenteditable / rich editor root. */
export async function applyToEditable(root: HTMLElement, issue: Issue, options: ApplyOptions = {}): Promise<ApplyResult> {
  const replacement = options.replacement ?? issue.replacements[0];
  if (replacement === undefined) return { ok: false, reason: 'failed' };
  const doc = root.ownerDocument;
  const win = doc.defaultView as Win | null;
  if (!win) return { ok: false, reason: 'failed' };
  const own = !options.model;
  const model = options.model ?? new TextModel(root, { observe: false });
  try {
    const kind = options.kind ?? editorKind(root);
    const adapter = adapterFor(kind);
    const timeoutMs = options.timeoutMs ?? 300;
    stopSettling?.();
    // Close the editor's open typing level first, so the fix is an undo step of its own. Where the page offers no
    // way to (historyMergeMs), wait until the editor's history would start a new step anyway; the text is read
    // and checked after the wait.
    const bounded = requestUndoBoundary(root, 'before');
    if (!bounded && adapter.historyMergeMs && options.lastEditAt !== undefined) {
      const wait = options.lastEditAt + adapter.historyMergeMs + 20 - Date.now();
      if (wait > 0) await sleep(win, Math.min(wait, adapter.historyMergeMs + 20));
    }
    model.refresh();
    const old = model.text;
    const { start, end } = issue;
    if (old.slice(start, end) !== issue.text) return { ok: false, reason: 'stale' };
    const expected = old.slice(0, start) + replacement + old.slice(end);
    const hadFocus = hasFocusWithin(root);
    const before = hadFocus ? model.selectionOffsets() : null;

    const current = (): string => {
      model.refresh();
      return model.text;
    };

    const select = async (): Promise<Range | null> => {
      const range = model.rangeFor(start, end);
      if (!range) return null;
      if (!hasFocusWithin(root)) {
        try {
          win.focus();
        } catch {
          /* cross-origin parent */
        }
        root.focus({ preventScroll: true });
      }
      const sel = doc.getSelection();
      if (!sel) return null;
      const changed = nextSelectionChange(doc, 30);
      sel.removeAllRanges();
      sel.addRange(range);
      await changed;
      // An editor may normalise the selection on selectionchange; put ours back if it moved.
      const now = model.selectionOffsets();
      if (!now || now.start !== start || now.end !== end) {
        const again = model.rangeFor(start, end);
        if (!again) return null;
        sel.removeAllRanges();
        sel.addRange(again);
        return again;
      }
      return sel.getRangeAt(0);
    };

    let method: ApplyMethod | undefined;
    let ok = false;
    const attempts: { step: Step; inputType?: string }[] = [];
    for (const step of adapter.steps) {
      if (step === 'beforeinput') {
        if (replacement === '' && adapter.deleteInputType) attempts.push({ step, inputType: adapter.deleteInputType });
        attempts.push({ step, inputType: adapter.inputType });
        if (replacement === '' && !adapter.deleteInputType) attempts.push({ step, inputType: 'deleteContentBackward' });
      } else attempts.push({ step });
    }
    for (const attempt of attempts) {
      const range = await select();
      if (!range) return { ok: false, reason: 'no-range' };
      if (adapter.selectionSettleMs) await sleep(win, adapter.selectionSettleMs);
      if (attempt.step === 'beforeinput') {
        const deleting = attempt.inputType!.startsWith('delete');
        let dt: DataTransfer | null = null;
        if (!deleting) {
          dt = new win.DataTransfer();
          dt.setData('text/plain', replacement);
        }
        const ev = new win.InputEvent('beforeinput', {
          inputType: attempt.inputType,
          data: deleting ? null : replacement,
          dataTransfer: dt,
          targetRanges: [new win.StaticRange({ startContainer: range.startContainer, startOffset: range.startOffset, endContainer: range.endContainer, endOffset: range.endOffset })],
          bubbles: true,
          cancelable: true,
          composed: true,
        } as InputEventInit);
        const target = (range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement) as Element | null;
        const notCancelled = (target && root.contains(target) ? target : root).dispatchEvent(ev);
        if (!notCancelled) {
          // The editor took it; it may apply it asynchronously (and in several steps).
          await waitUntil(win, () => current() === expected, timeoutMs);
        } else {
          // Not cancelled: give an editor that reacts later one task, so we never apply twice.
          await sleep(win, 0);
        }
        const now = current();
        if (now === expected) {
          method = 'beforeinput';
          ok = true;
          break;
        }
        if (now !== old) return { ok: false, method: 'beforeinput', reason: 'mismatch', text: now };
        continue; // ignored (or cancelled without effect): try the next path
      }
      if (attempt.step === 'execCommand') {
        let done = false;
        try {
          done = doc.execCommand('insertText', false, replacement);
          if (replacement === '' && current() === old) done = doc.execCommand('delete', false);
        } catch {
          done = false;
        }
        if (!done && current() === old) continue;
        method = 'execCommand';
        ok = await waitUntil(win, () => current() === expected, timeoutMs);
        if (!ok) return { ok: false, method, reason: 'mismatch', text: current() };
        if (adapter.announceInput) {
          root.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: adapter.announceInput, data: replacement }));
        }
        break;
      }
      if (attempt.step === 'direct') {
        range.deleteContents();
        if (replacement) range.insertNode(doc.createTextNode(replacement));
        root.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }));
        method = 'direct';
        ok = await waitUntil(win, () => current() === expected, timeoutMs);
        if (!ok) return { ok: false, method, reason: 'mismatch', text: current() };
        break;
      }
    }
    if (!ok) return { ok: false, reason: 'failed', text: current() };

    const caret = caretAfter(options.caret ?? 'auto', before, start, end, replacement);
    const placeCaret = () => {
      const now = model.selectionOffsets();
      if (now && now.collapsed && now.start === caret) return;
      const sel = doc.getSelection();
      const r = model.rangeFor(caret, caret);
      if (sel && r) {
        sel.removeAllRanges();
        sel.addRange(r);
      }
    };
    placeCaret();
    // Editors that render after the edit (Slate through React) then put the DOM selection where their own
    // model has it, at the fix: while they settle, place the caret again (unless the text moved on). Not
    // awaited, so the caller sees the fix at once; only with the caller's live model, which outlives this call.
    if (!own) {
      // Stops for good at the first sign that the writer moved on: a key, a click, or any change of the text.
      let live = true;
      const stop = () => {
        live = false;
        if (stopSettling === stop) stopSettling = null;
        doc.removeEventListener('selectionchange', settle);
        doc.removeEventListener('keydown', stop, true);
        doc.removeEventListener('mousedown', stop, true);
        win.clearTimeout(timer);
      };
      // Only the editor's own move is undone: the caret jumping to the end of the fix (where an editor puts it
      // after an insertion) when the writer's caret was elsewhere. Any other selection is someone's choice.
      const fixEnd = start + replacement.length;
      function settle(): void {
        if (!live) return;
        if (current() !== expected) return stop();
        const now = model.selectionOffsets();
        if (caret !== fixEnd && now && now.collapsed && now.start === fixEnd) placeCaret();
      }
      const timer = win.setTimeout(() => {
        settle();
        stop();
      }, CARET_SETTLE_MS);
      stopSettling = stop;
      doc.addEventListener('selectionchange', settle);
      doc.addEventListener('keydown', stop, true);
      doc.addEventListener('mousedown', stop, true);
      void nextFrame(win).then(settle);
    }
    // The fix as an undo level of its own, taken with the caret where it stays (an editor whose levels
    // hold the selection, as Jodit's do, would otherwise record the caret move as one more step).
    requestUndoBoundary(root, 'after');
    return { ok: true, method, caret, text: current() };
  } finally {
    if (own) model.disconnect();
  }
}
