/**
 * Keep highlights honest between an edit and the next analysis: issues before the edit stay, issues
 * after it move by the length change, and issues the edit touched (overlapping or adjacent) are dropped,
 * so no stale underline ever sits over changed text. Pure: no DOM.
 */
import { commonEnds } from '../engine/paragraphs';

/** One contiguous edit: old [start, oldEnd) became new [start, newEnd). */
export interface TextEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

export interface Ranged {
  start: number;
  end: number;
}

/**
 * The smallest single edit turning `oldText` into `newText` (common prefix and suffix), or null when
 * they are equal. Where the edit could sit in several places (typing 要 after 要), `caretHint` — the
 * caret offset in the new text after the edit — picks the place the user actually typed at. It may be a
 * function, called only then (reading a long textarea's caret costs O(offset) in Chromium).
 */
export function diffText(oldText: string, newText: string, caretHint?: number | (() => number | undefined)): TextEdit | null {
  if (oldText === newText) return null;
  const o = oldText.length;
  const n = newText.length;
  const min = Math.min(o, n);
  // (commonEnds compares substrings, which the engine does with memcmp: a keystroke in 1 MB costs a
  // fraction of a millisecond, where a loop over charCodeAt cost ≈ 10 ms.)
  const { prefix: p, suffix: q } = commonEnds(oldText, newText);
  let start = p;
  // Never split a surrogate pair.
  if (start > 0 && isHigh(oldText.charCodeAt(start - 1)) && (isLow(oldText.charCodeAt(start)) || isLow(newText.charCodeAt(start)))) {
    start--;
  }
  let oldEnd = o - q;
  let newEnd = n - q;
  if (oldEnd < o && isLow(oldText.charCodeAt(oldEnd)) && oldEnd > start) {
    oldEnd++;
    newEnd++;
  }
  if (caretHint !== undefined && (oldEnd === start || newEnd === start)) {
    // A pure insertion or deletion may slide left while the text before it repeats what moved.
    const q0 = q + commonSuffix(oldText, newText, q, min);
    const p0 = Math.max(0, min - q0);
    const caret = p0 < start ? (typeof caretHint === 'function' ? caretHint() : caretHint) : undefined;
    if (caret !== undefined) {
      const d = Math.abs(n - o);
      const want = n > o ? caret - d : caret;
      const s = Math.max(p0, Math.min(start, want));
      if (s !== start && !isLow(oldText.charCodeAt(s))) {
        return n > o ? { start: s, oldEnd: s, newEnd: s + d } : { start: s, oldEnd: s + d, newEnd: s };
      }
    }
  }
  return { start, oldEnd, newEnd };
}

/**
 * How many more characters, beyond the `from` last ones (equal already), `a` and `b` have in common at
 * their ends, up to `max` in all: the same galloping substring comparison as commonEnds.
 */
function commonSuffix(a: string, b: string, from: number, max: number): number {
  const la = a.length;
  const lb = b.length;
  const same = (at: number, length: number) => a.substring(la - at - length, la - at) === b.substring(lb - at - length, lb - at);
  let k = from;
  let step = 64;
  while (k + step <= max && same(k, step)) {
    k += step;
    step *= 2;
  }
  while (step > 1) {
    step >>= 1;
    if (k + step <= max && same(k, step)) k += step;
  }
  return k - from;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Issues adjusted to an edit: those ending before it unchanged, those starting after it shifted, those
 * overlapping or touching it dropped (their text, or what it means, may have changed).
 */
export function shiftIssues<T extends Ranged>(issues: readonly T[], edit: TextEdit): T[] {
  const delta = edit.newEnd - edit.oldEnd;
  const out: T[] = [];
  for (const issue of issues) {
    if (issue.end < edit.start) out.push(issue);
    else if (issue.start > edit.oldEnd) out.push(delta === 0 ? issue : { ...issue, start: issue.start + delta, end: issue.end + delta });
  }
  return out;
}

/** shiftIssues over the difference between two texts; returns the issues unchanged when equal. */
export function shiftForTexts<T extends Ranged>(issues: readonly T[], oldText: string, newText: string, caretHint?: number | (() => number | undefined)): T[] {
  const edit = diffText(oldText, newText, caretHint);
  return edit ? shiftIssues(issues, edit) : issues.slice();
}

/** Map one offset through an edit (offsets inside the replaced part go to its end). */
export function shiftOffset(offset: number, edit: TextEdit): number {
  if (offset <= edit.start) return offset;
  if (offset >= edit.oldEnd) return offset + edit.newEnd - edit.oldEnd;
  return edit.newEnd;
}
