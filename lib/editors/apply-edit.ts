/**
 * Applying a fix through the editor's own input path, so its model and undo stack stay right — and only
 * where the text under it is still exactly what the rule saw.
 *
 * Every path (textarea/input, contenteditable, rich editors) follows the same contract:
 *  - Read and verify, then write, in one task: right before each write the text is read again; if the page
 *    changed it meanwhile the fix is moved only when that is unambiguous (relocate.ts), otherwise refused
 *    (`stale`) and nothing is written. The selection is checked (and set again) in that same task, so no
 *    write ever goes to stale offsets.
 *  - The page may say no: a cancelable `beforeinput` goes out first on every path (execCommand and
 *    setRangeText fire none of their own). A page that cancels it and does not apply the change itself
 *    refuses the fix (`refused`), and no other path is tried. Disabled fields (also inside
 *    `<fieldset disabled>`), read-only fields, and editors that stopped being editable or became inert
 *    are refused, checked again right before each write (write-guard.ts).
 *  - After writing, the text must be exactly the expected result. Otherwise the write is taken back —
 *    through the editor's undo, else by restoring the changed span exactly — and reported (`mismatch`,
 *    `undone`); a fix is never left half-applied.
 *
 * Contenteditable / rich editors (per-editor steps in ADAPTERS):
 *  1. Focus the editor and select the DOM range (in the editor's own document: TinyMCE is an iframe);
 *     wait for `selectionchange` so editors that track the selection (Lexical, Slate) see it.
 *  2. Dispatch a cancelable `beforeinput` (insertReplacementText or insertText, with `data`,
 *     `dataTransfer` and `targetRanges`). If the editor cancelled it, the editor applies the change.
 *  3. Otherwise `document.execCommand('insertText')` (native editing: fires `input`, keeps native undo;
 *     ProseMirror, Quill and TinyMCE read it back from the DOM).
 *  4. Only as a last resort a direct Range edit plus an `input` event.
 * Textarea / input: setSelectionRange + execCommand('insertText') (native undo), else setRangeText +
 * an `input` event.
 *
 * The caret ends after the replacement when it was in or next to the fixed text (or not in the field),
 * otherwise where it was (shifted by the length change).
 */
import type { Issue } from '../engine/types';
import { editorKind, hasFocusWithin, type EditorKind } from './detect';
import { requestUndoBoundary } from './page-bridge';
import { relocate, type Located } from './relocate';
import { TextModel } from './text-model';
import { editableUnwritable, fieldUnwritable } from './write-guard';

export type ApplyMethod = 'beforeinput' | 'execCommand' | 'setRangeText' | 'direct';

export interface ApplyResult {
  ok: boolean;
  method?: ApplyMethod;
  /**
   * stale: the text under the fix changed (or moved ambiguously) since the check; refused: the page said no
   * (cancelled beforeinput, disabled, read-only, not editable, inert); mismatch: the write produced something
   * else (see `undone`); failed: no path worked.
   */
  reason?: 'stale' | 'refused' | 'mismatch' | 'failed' | 'no-range';
  /** After a mismatch: true when the text is back to what it was before the write. */
  undone?: boolean;
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
  /**
   * One fix of several written as one undo step (apply-batch.ts): the caller closes the editor's undo level
   * before the first and after the last, so this fix sets no boundary, waits for no history grouping and
   * announces no input of its own (TinyMCE records a level per announced input).
   */
  grouped?: boolean;
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

/** The common prefix and suffix of two texts: `a` and `b` differ only in [prefix, length - suffix). */
function changedSpan(a: string, b: string): { prefix: number; suffix: number } {
  const min = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < min && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < min - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

/** Did a write change `before` into `after` only inside [start, end)? (Then it was ours alone.) */
function confinedTo(before: string, after: string, start: number, end: number): boolean {
  const { prefix, suffix } = changedSpan(before, after);
  return prefix >= start && before.length - suffix <= end;
}

function beforeInputEvent(win: Win, inputType: string, replacement: string, range: AbstractRange | null): InputEvent {
  const deleting = inputType.startsWith('delete');
  let dataTransfer: DataTransfer | null = null;
  if (!deleting) {
    dataTransfer = new win.DataTransfer();
    dataTransfer.setData('text/plain', replacement);
  }
  const targetRanges = range
    ? [new win.StaticRange({ startContainer: range.startContainer, startOffset: range.startOffset, endContainer: range.endContainer, endOffset: range.endOffset })]
    : [];
  return new win.InputEvent('beforeinput', {
    inputType,
    data: deleting ? null : replacement,
    dataTransfer,
    targetRanges,
    bubbles: true,
    cancelable: true,
    composed: true,
  } as InputEventInit);
}

/** Move a caret offset of the text before the page's change into the text after it. */
function shiftSelection(sel: { start: number; end: number } | null, from: Located, to: Located): { start: number; end: number } | null {
  if (!sel || from.start === to.start) return sel;
  const d = to.start - from.start;
  return sel.start >= from.start ? { start: sel.start + d, end: sel.end + d } : sel;
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

/**
 * Textarea / input. Synchronous: read, verify and write in one task. A fix that is not written leaves
 * the writer's selection as it was (or a caret, never the fix's text selected for the next key to replace).
 */
export function applyToField(field: HTMLTextAreaElement | HTMLInputElement, issue: Issue, options: ApplyOptions = {}): ApplyResult {
  const value = field.value;
  const had = hasFocusWithin(field) && field.selectionStart !== null ? [field.selectionStart, field.selectionEnd ?? field.selectionStart] : null;
  const result = writeField(field, issue, options);
  if (!result.ok) {
    try {
      if (had && field.value === value) field.setSelectionRange(had[0]!, had[1]!);
      else if (field.selectionStart !== field.selectionEnd) field.setSelectionRange(field.selectionEnd, field.selectionEnd);
    } catch {
      /* an input type without selection */
    }
  }
  return result;
}

function writeField(field: HTMLTextAreaElement | HTMLInputElement, issue: Issue, options: ApplyOptions): ApplyResult {
  const replacement = options.replacement ?? issue.replacements[0];
  if (replacement === undefined) return { ok: false, reason: 'failed' };
  const base = field.value;
  const { start, end } = issue;
  if (base.slice(start, end) !== issue.text) return { ok: false, reason: 'stale' };
  if (fieldUnwritable(field)) return { ok: false, reason: 'refused' };
  const doc = field.ownerDocument;
  const win = doc.defaultView as Win | null;
  if (!win) return { ok: false, reason: 'failed' };
  const focused = hasFocusWithin(field);
  let before = focused && field.selectionStart !== null ? { start: field.selectionStart, end: field.selectionEnd ?? field.selectionStart } : null;
  const scrollTop = field.scrollTop;
  const scrollLeft = field.scrollLeft;
  if (!focused) field.focus({ preventScroll: true });
  // A field that cannot take the focus (hidden, inert, under a modal dialog) takes no fix either.
  if (!hasFocusWithin(field) && doc.hasFocus()) return { ok: false, reason: 'refused' };
  field.setSelectionRange(start, end);

  // The page may say no. A page that cancels and applies the change itself has done the fix.
  const expectedAt = (text: string, at: Located) => text.slice(0, at.start) + replacement + text.slice(at.end);
  const inputType = replacement === '' ? 'deleteContent' : 'insertReplacementText';
  if (!field.dispatchEvent(beforeInputEvent(win, inputType, replacement, null))) {
    const now = field.value;
    if (now === expectedAt(base, { start, end })) return finishField(field, before, { start, end }, replacement, 'beforeinput', options, scrollTop, scrollLeft);
    return { ok: false, method: 'beforeinput', reason: 'refused', text: now };
  }

  // The page's handlers ran: read and verify again, right before the write.
  if (fieldUnwritable(field)) return { ok: false, reason: 'refused' };
  const now = field.value;
  const at = relocate(base, now, start, end, issue.text);
  if (!at) return { ok: false, reason: 'stale', text: now };
  before = shiftSelection(before, { start, end }, at);
  const expected = expectedAt(now, at);
  field.setSelectionRange(at.start, at.end);
  let method: ApplyMethod = 'execCommand';
  try {
    if (replacement === '') doc.execCommand('delete', false);
    else doc.execCommand('insertText', false, replacement);
  } catch {
    /* checked below */
  }
  if (field.value !== expected) {
    if (field.value !== now) return undoField(field, now, at, replacement, method);
    // execCommand did nothing (no editing host, an old engine): write the value directly.
    if (fieldUnwritable(field)) return { ok: false, reason: 'refused' };
    method = 'setRangeText';
    field.setRangeText(replacement, at.start, at.end, 'end');
    field.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }));
    if (field.value !== expected) return undoField(field, now, at, replacement, method);
  }
  return finishField(field, before, at, replacement, method, options, scrollTop, scrollLeft);
}

function finishField(
  field: HTMLTextAreaElement | HTMLInputElement,
  before: { start: number; end: number } | null,
  at: Located,
  replacement: string,
  method: ApplyMethod,
  options: ApplyOptions,
  scrollTop: number,
  scrollLeft: number,
): ApplyResult {
  const caret = caretAfter(options.caret ?? 'auto', before, at.start, at.end, replacement);
  field.setSelectionRange(caret, caret);
  if (before && caret !== at.start + replacement.length) {
    field.scrollTop = scrollTop;
    field.scrollLeft = scrollLeft;
  }
  return { ok: true, method, caret, text: field.value };
}

/**
 * The write into a field did not give the expected text (a page's input handler rewrote it): take it back.
 * Only a change confined to the fixed span is ours to take back; the browser's undo first (the field's
 * history stays right), else the span restored exactly.
 */
function undoField(field: HTMLTextAreaElement | HTMLInputElement, before: string, at: Located, replacement: string, method: ApplyMethod): ApplyResult {
  const doc = field.ownerDocument;
  const win = doc.defaultView as Win;
  const span = { start: at.start, end: at.end };
  const after = () => field.value;
  if (after() !== before && confinedTo(before, after(), span.start, span.end) && hasFocusWithin(field)) {
    try {
      doc.execCommand('undo', false);
    } catch {
      /* checked below */
    }
  }
  if (after() !== before && confinedTo(before, after(), span.start, span.end) && !fieldUnwritable(field)) {
    const now = after();
    const { prefix, suffix } = changedSpan(before, now);
    const piece = before.slice(prefix, before.length - suffix);
    field.setRangeText(piece, prefix, now.length - suffix, 'end');
    field.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: piece }));
  }
  void replacement;
  const text = after();
  return { ok: false, method, reason: 'mismatch', undone: text === before, text };
}

interface Prepared {
  /** The text right before the write. */
  now: string;
  /** Where the fix goes in it. */
  at: Located;
  /** The text the write must give. */
  expected: string;
  /** The selected DOM range of the fix. */
  range: Range;
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
    const { start, end } = issue;
    const current = (): string => {
      model.refresh();
      return model.text;
    };
    const first = current();
    if (first.slice(start, end) !== issue.text) return { ok: false, reason: 'stale' };
    if (editableUnwritable(root, model.rangeFor(start, end)?.startContainer)) return { ok: false, reason: 'refused' };
    // Close the editor's open typing level first, so the fix is an undo step of its own. Where the page offers no
    // way to (historyMergeMs), wait until the editor's history would start a new step anyway; the text is read
    // and checked after the wait.
    const bounded = options.grouped ? true : requestUndoBoundary(root, 'before');
    if (!bounded && adapter.historyMergeMs && options.lastEditAt !== undefined) {
      const wait = options.lastEditAt + adapter.historyMergeMs + 20 - Date.now();
      if (wait > 0) await sleep(win, Math.min(wait, adapter.historyMergeMs + 20));
    }
    /** The text the fix was verified against; every later read is compared with it. */
    const base = current();
    if (base.slice(start, end) !== issue.text) return { ok: false, reason: 'stale' };
    const hadFocus = hasFocusWithin(root);
    let before: { start: number; end: number } | null = hadFocus ? model.selectionOffsets() : null;

    /** Where the fix is in the text now, or null when it is not there unambiguously. */
    const locate = (): Located | null => relocate(base, current(), start, end, issue.text);

    /** The fix was not written: the writer's selection back (or a caret), never the fix's text left selected. */
    let selected = false;
    const original = before;
    const fail = (result: ApplyResult): ApplyResult => {
      const sel = doc.getSelection();
      if (!selected || !sel) return result;
      const r = original && current() === base ? model.rangeFor(original.start, original.end) : null;
      if (r) {
        sel.removeAllRanges();
        sel.addRange(r);
      } else if (sel.rangeCount && !sel.isCollapsed) sel.collapseToEnd();
      return result;
    };

    const select = async (at: Located): Promise<boolean> => {
      const range = model.rangeFor(at.start, at.end);
      if (!range) return false;
      if (!hasFocusWithin(root)) {
        try {
          win.focus();
        } catch {
          /* cross-origin parent */
        }
        root.focus({ preventScroll: true });
      }
      const sel = doc.getSelection();
      if (!sel) return false;
      selected = true;
      const changed = nextSelectionChange(doc, 30);
      sel.removeAllRanges();
      sel.addRange(range);
      await changed;
      return true;
    };

    /**
     * Synchronous, right before a write: read the text, locate the fix, check that the editor still takes
     * it and that the selection is exactly the fix's range (set again if a handler moved it).
     */
    const prepare = (): Prepared | ApplyResult['reason'] => {
      const now = current();
      const at = relocate(base, now, start, end, issue.text);
      if (!at) return 'stale';
      const range = model.rangeFor(at.start, at.end);
      if (!range) return 'no-range';
      if (editableUnwritable(root, range.startContainer)) return 'refused';
      const sel = doc.getSelection();
      if (!sel) return 'no-range';
      const selected = model.selectionOffsets(sel);
      if (!selected || selected.start !== at.start || selected.end !== at.end) {
        sel.removeAllRanges();
        sel.addRange(range);
        const again = model.selectionOffsets(sel);
        if (!again || again.start !== at.start || again.end !== at.end) return 'no-range';
      }
      return { now, at, expected: now.slice(0, at.start) + replacement + now.slice(at.end), range: sel.getRangeAt(0) };
    };

    const targetOf = (range: AbstractRange): Element => {
      const t = (range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement) as Element | null;
      return t && root.contains(t) ? t : root;
    };

    /**
     * The write gave something else: take it back. Only a change confined to the fix's span is ours; the
     * editor's own undo first (a `historyUndo` it takes, or the browser's for native edits), else the span
     * is restored exactly.
     */
    const undo = async (p: Prepared, method: ApplyMethod): Promise<ApplyResult> => {
      const mine = () => {
        const now = current();
        return now !== p.now && confinedTo(p.now, now, p.at.start, p.at.end);
      };
      if (mine()) {
        const ev = new win.InputEvent('beforeinput', { inputType: 'historyUndo', bubbles: true, cancelable: true, composed: true });
        if (!root.dispatchEvent(ev)) await waitUntil(win, () => current() === p.now, timeoutMs);
        else if (method === 'execCommand' || method === 'direct') {
          try {
            doc.execCommand('undo', false);
          } catch {
            /* checked below */
          }
        }
      }
      if (mine()) {
        const now = current();
        const { prefix, suffix } = changedSpan(p.now, now);
        const piece = p.now.slice(prefix, p.now.length - suffix);
        const range = model.rangeFor(prefix, now.length - suffix);
        const sel = doc.getSelection();
        if (range && sel && !editableUnwritable(root, range.startContainer)) {
          sel.removeAllRanges();
          sel.addRange(range);
          try {
            if (piece) doc.execCommand('insertText', false, piece);
            else doc.execCommand('delete', false);
          } catch {
            /* checked below */
          }
          if (current() !== p.now && mine()) {
            const again = model.rangeFor(prefix, current().length - suffix);
            if (again) {
              again.deleteContents();
              if (piece) again.insertNode(doc.createTextNode(piece));
            }
          }
        }
      }
      const text = current();
      return fail({ ok: false, method, reason: 'mismatch', undone: text === p.now, text });
    };

    let method: ApplyMethod | undefined;
    let done: Prepared | null = null;
    /** A beforeinput for this fix went out and was not cancelled (the native steps send none of their own). */
    let announced = false;
    /** The page cancelled a beforeinput and did nothing: no native write may follow. */
    let refused = false;
    const attempts: { step: Step; inputType?: string }[] = [];
    for (const step of adapter.steps) {
      if (step === 'beforeinput') {
        if (replacement === '' && adapter.deleteInputType) attempts.push({ step, inputType: adapter.deleteInputType });
        attempts.push({ step, inputType: adapter.inputType });
        if (replacement === '' && !adapter.deleteInputType) attempts.push({ step, inputType: 'deleteContentBackward' });
      } else attempts.push({ step });
    }
    for (const attempt of attempts) {
      if (refused && attempt.step !== 'beforeinput') break;
      const at = locate();
      if (!at) return fail({ ok: false, reason: 'stale', text: current() });
      if (!(await select(at))) return fail({ ok: false, reason: 'no-range' });
      if (adapter.selectionSettleMs) await sleep(win, adapter.selectionSettleMs);
      // From here to the write: one task.
      let p = prepare();
      if (typeof p !== 'object') return fail({ ok: false, reason: p, text: current() });

      if (attempt.step === 'beforeinput' || !announced) {
        const inputType = attempt.inputType ?? (replacement === '' ? 'deleteContent' : adapter.inputType);
        const taken = !targetOf(p.range).dispatchEvent(beforeInputEvent(win, inputType, replacement, p.range));
        if (taken) {
          // The editor took it (or the page refused it); an editor may apply it asynchronously, in steps.
          const target = p.expected;
          await waitUntil(win, () => current() === target, timeoutMs);
          const now = current();
          if (now === target) {
            method = 'beforeinput';
            done = p;
            break;
          }
          if (now !== p.now) return undo(p, 'beforeinput');
          // Cancelled without effect: another beforeinput may be taken (Lexical deletes only on
          // deleteContentBackward), but never a native write after the page said no.
          refused = true;
          continue;
        }
        announced = true;
        if (attempt.step === 'beforeinput') {
          // Not cancelled: give an editor that reacts later one task, so we never apply twice.
          await sleep(win, 0);
          if (current() === p.expected) {
            method = 'beforeinput';
            done = p;
            break;
          }
          continue; // ignored: the next path reads, locates and verifies again
        }
        // The page's beforeinput handlers ran: read and verify again before the native write.
        p = prepare();
        if (typeof p !== 'object') return fail({ ok: false, reason: p, text: current() });
      }
      refused = false;

      if (attempt.step === 'execCommand') {
        let wrote = false;
        try {
          wrote = doc.execCommand('insertText', false, replacement);
          if (replacement === '' && current() === p.now) wrote = doc.execCommand('delete', false);
        } catch {
          wrote = false;
        }
        if (!wrote && current() === p.now) continue;
        method = 'execCommand';
        const target = p.expected;
        if (!(await waitUntil(win, () => current() === target, timeoutMs))) return undo(p, method);
        if (adapter.announceInput && !options.grouped) {
          root.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: adapter.announceInput, data: replacement }));
        }
        done = p;
        break;
      }
      if (attempt.step === 'direct') {
        p.range.deleteContents();
        if (replacement) p.range.insertNode(doc.createTextNode(replacement));
        root.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }));
        method = 'direct';
        const target = p.expected;
        if (!(await waitUntil(win, () => current() === target, timeoutMs))) return undo(p, method);
        done = p;
        break;
      }
    }
    if (!done) return fail({ ok: false, reason: refused ? 'refused' : 'failed', text: current() });

    const { at, expected } = done;
    before = shiftSelection(before, { start, end }, at);
    const caret = caretAfter(options.caret ?? 'auto', before, at.start, at.end, replacement);
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
      const fixEnd = at.start + replacement.length;
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
    if (!options.grouped) requestUndoBoundary(root, 'after');
    return { ok: true, method, caret, text: current() };
  } finally {
    if (own) model.disconnect();
  }
}
