/**
 * Where a keystroke changed a text field's value, found in O(edit) instead of comparing the whole value.
 * Pure: no DOM.
 *
 * Why not the obvious signals: in a 1 MB textarea, comparing the old and new value (commonEnds) reads
 * ≈ 4 MB per keystroke (0.2–0.5 ms), and reading `selectionStart`/`selectionEnd` after an edit costs
 * O(caret offset) in Chromium (it counts the characters up to the caret: ≈ 0.6 ms at 500,000 characters,
 * 1–3 ms at 990,000 — more than the comparison it would save). So the caret is not read: the surface
 * keeps the caret where the last edit left it (its end), forgets it whenever something else may move it
 * (a click, a navigation key, focus, a fix, a `select` event), and this module checks the input event's
 * claim against the two texts around that caret only. The caret it is given may be stale: Chromium fires
 * `select` for a script's setSelectionRange at the next animation frame, not at once, so keystrokes sent
 * sooner meet the old caret (the checks refuse them, or the text is the same), and the late event then
 * forgets a caret they set right: the next keystroke is compared in full, slower but never wrong. The
 * checks:
 *
 * - the length changed by exactly what the input type and data say (a typed string inserted at a
 *   collapsed caret; a deletion before or after it);
 * - the inserted text is there, and {@link WINDOW} characters on each side are the same in both texts
 *   (the left ones in place, the right ones moved by the change);
 * - neither window repeats with the period of the change. If the true edit were a single change of the
 *   same size somewhere else, the texts could only agree on both windows when that place is inside them
 *   (then the resulting text is the very same one: only the description of where differs, as with 要
 *   typed after 要) or when a whole window repeats with that period (a run of 256 spaces or dashes):
 *   that case is left to the full comparison.
 *
 * What this cannot see is a second change made by a page script during the same event (before our
 * listener); the mirror checks its lines against the value once per check for that (textarea-mirror.ts
 * verifyText).
 */
import type { TextEdit } from './shift';

/** What an input event says about an edit (InputEvent.inputType and .data). */
export interface EditHint {
  inputType: string;
  data: string | null;
}

/** Characters compared on each side of the edit. */
export const WINDOW = 256;
/** Longest deletion taken from the event (a grapheme cluster, a word); longer ones are compared in full. */
const MAX_DELETE = 64;

/**
 * The edit that turned `old` into `now` when the event's claim checks out around `caret` (the caret in
 * `old` before the edit, collapsed), else null (the caller compares the whole texts).
 */
export function editAtCaret(old: string, now: string, caret: number, hint: EditHint): TextEdit | null {
  if (caret < 0 || caret > old.length) return null;
  const d = now.length - old.length;
  const type = hint.inputType;
  let start: number;
  let oldEnd: number;
  let newEnd: number;
  if (type.startsWith('insert')) {
    // Enter in a textarea: insertLineBreak with no data.
    const data = hint.data ?? (type === 'insertLineBreak' || type === 'insertParagraph' ? '\n' : null);
    if (!data || d !== data.length || !now.startsWith(data, caret)) return null;
    start = caret;
    oldEnd = caret;
    newEnd = caret + d;
  } else if (type.startsWith('delete') && d < 0 && -d <= MAX_DELETE) {
    if (type.endsWith('Backward')) {
      start = caret + d;
      oldEnd = caret;
    } else if (type.endsWith('Forward')) {
      start = caret;
      oldEnd = caret - d;
    } else return null;
    if (start < 0 || oldEnd > old.length) return null;
    newEnd = start;
  } else return null;
  // Never split a surrogate pair.
  if (isLow(old.charCodeAt(start)) || isLow(old.charCodeAt(oldEnd)) || isLow(now.charCodeAt(newEnd))) return null;
  const period = Math.abs(d);
  const lo = Math.max(0, start - WINDOW);
  if (old.substring(lo, start) !== now.substring(lo, start)) return null;
  const rightOld = Math.min(old.length, oldEnd + WINDOW);
  if (old.substring(oldEnd, rightOld) !== now.substring(newEnd, newEnd + rightOld - oldEnd)) return null;
  // A window that does not reach the text's end and repeats with the change's period could hide the
  // change further out.
  if (lo > 0 && old.substring(lo, start - period) === old.substring(lo + period, start)) return null;
  if (rightOld < old.length && periodic(old, oldEnd, rightOld, period)) return null;
  return { start, oldEnd, newEnd };
}

/** old[from, to) repeats with `period` (a deletion's window: the deleted text's own period counts too). */
function periodic(s: string, from: number, to: number, period: number): boolean {
  return s.substring(from, to - period) === s.substring(from + period, to);
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Keys that type or delete at the caret (any other key, or one with a modifier, may move the caret). */
const TYPING_KEYS = new Set(['Backspace', 'Delete', 'Enter', 'Process', 'Unidentified', 'Dead', 'Shift', 'CapsLock']);

/** Whether a keydown may move the caret without an input (arrows, Home, PageDown, a shortcut). */
export function mayMoveCaret(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  const key = e.key ?? '';
  return key.length > 1 ? !TYPING_KEYS.has(key) : e.ctrlKey || e.metaKey || e.altKey;
}
