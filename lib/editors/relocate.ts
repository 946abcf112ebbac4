/**
 * Where a fix's text sits after the page changed the editor between the check and the write (a
 * collaborative editor, an autosave normaliser, any script on `selectionchange`). Pure: no DOM.
 *
 * The page's change is one contiguous edit (common prefix and suffix). It can often sit in several
 * places (typing 要 next to 要要): the earliest and the latest placement are both computed, and the fix
 * is moved only when every placement lies strictly before it or strictly after it. A change that touches
 * or overlaps the fixed text, two separate changes (their span covers the text), or a text that is not
 * there any more leave nothing to move: the fix is refused.
 */

export interface Located {
  start: number;
  end: number;
}

/**
 * The fix's range [start, end) in `now`, given that it was [start, end) holding `text` in `before`;
 * null when that cannot be said without guessing.
 */
export function relocate(before: string, now: string, start: number, end: number, text: string): Located | null {
  if (before.slice(start, end) !== text) return null;
  if (before === now) return { start, end };
  const b = before.length;
  const n = now.length;
  const min = Math.min(b, n);
  // Latest placement: longest common prefix first.
  let p1 = 0;
  while (p1 < min && before.charCodeAt(p1) === now.charCodeAt(p1)) p1++;
  let s1 = 0;
  while (s1 < min - p1 && before.charCodeAt(b - 1 - s1) === now.charCodeAt(n - 1 - s1)) s1++;
  // Earliest placement: longest common suffix first.
  let s2 = 0;
  while (s2 < min && before.charCodeAt(b - 1 - s2) === now.charCodeAt(n - 1 - s2)) s2++;
  let p2 = 0;
  while (p2 < min - s2 && before.charCodeAt(p2) === now.charCodeAt(p2)) p2++;
  const delta = n - b;
  // Every placement after the fix: [p2, …) starts past its end.
  if (p2 > end) return check(now, start, end, text);
  // Every placement before the fix: [… , b - s1) ends before its start.
  if (b - s1 < start) return check(now, start + delta, end + delta, text);
  return null;
}

function check(now: string, start: number, end: number, text: string): Located | null {
  return start >= 0 && now.slice(start, end) === text ? { start, end } : null;
}
