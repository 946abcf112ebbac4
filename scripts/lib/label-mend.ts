/**
 * Whether the tier's issues make a labelled fix (lm-typo-classes.ts, lm-typo-misses.ts): the label's paragraph,
 * and the issues that touch the labelled span applied to it.
 */
import type { Issue } from '../../lib/engine/types';

/** The line (paragraph) holding [start, end) of `text`, and the span's offsets in it. */
export function paragraphAround(text: string, start: number, end: number): { para: string; s: number; e: number } {
  const a = text.lastIndexOf('\n', start - 1) + 1;
  let b = text.indexOf('\n', end);
  if (b < 0) b = text.length;
  return { para: text.slice(a, b), s: start - a, e: end - a };
}

/**
 * Of `issues` (offsets in `para`), those touching [s, e); the fix is made when there is one, none reaches
 * outside the span, and applying them turns the span into `fix`.
 */
export function mendsSpan(issues: readonly Issue[], para: string, s: number, e: number, fix: string): boolean {
  const inside = issues.filter((x) => x.start < e && s < x.end);
  if (inside.length === 0 || inside.some((x) => x.start < s || x.end > e)) return false;
  let t = para.slice(s, e);
  for (const x of [...inside].sort((p, q) => q.start - p.start)) t = t.slice(0, x.start - s) + x.replacements[0] + t.slice(x.end - s);
  return t === fix;
}
