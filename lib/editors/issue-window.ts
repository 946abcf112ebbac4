/**
 * Which of a checked document's issues the page side holds: for a document of up to
 * {@link WINDOW_ALL_CHARS} characters every one (cheap, and the side panel lists them all); for a longer
 * one only those in and around the part on screen, read from the analyzer's view (issuesIn) instead of
 * materialising tens of thousands of issue objects on every check and shifting them on every keystroke.
 * The badge still counts the whole document: the view's count, minus what the user's dictionary and
 * "ignore once" hide.
 */
import type { AnalysisView } from '../engine/analyzer';
import type { Issue } from '../engine/types';

/** Documents up to this long (characters) keep every issue on the page side. */
export const WINDOW_ALL_CHARS = 50_000;
/** Around the part on screen, this much more on each side (characters; at least the part's own length). */
const MARGIN_CHARS = 5_000;

export type Range = readonly [number, number];

/**
 * The offsets whose issues to hold: the whole text when short, else the visible part (or, unknown, the
 * caret's surroundings, else the start) widened on both sides so that scrolling a little or typing does
 * not need a new window at once.
 */
export function issueWindow(length: number, visible: { start: number; end: number } | null, caret: number | null): Range {
  if (length <= WINDOW_ALL_CHARS) return [0, length];
  const part = visible ?? { start: caret ?? 0, end: caret ?? 0 };
  const margin = Math.max(MARGIN_CHARS, part.end - part.start);
  return [Math.max(0, part.start - margin), Math.min(length, part.end + margin)];
}

/** True when `inner` lies inside the window `outer`. */
export function covers(outer: Range, inner: { start: number; end: number }): boolean {
  return inner.start >= outer[0] && inner.end <= outer[1];
}

/**
 * The issues of `window` that `keep` lets through, and how many the whole document has after the same
 * filter (`keep` null: nothing is filtered, the count is the view's).
 */
export function windowIssues(view: AnalysisView, window: Range, keep: ((issue: Issue) => boolean) | null): { issues: Issue[]; total: number } {
  const whole = window[0] === 0 && window[1] >= view.text.length;
  // (The whole document through the iterator: it also has a zero-length issue at the very end.)
  let issues = whole ? Array.from(view) : view.issuesIn(window[0], window[1]);
  if (!keep) return { issues, total: whole ? issues.length : view.issueCount };
  issues = issues.filter(keep);
  if (whole) return { issues, total: issues.length };
  let total = 0;
  for (const issue of view) if (keep(issue)) total++;
  return { issues, total };
}
