/**
 * The sentence around an issue, for the panel's rows and the apply-all preview: the writer tells one
 * half-width comma from another by the words around it. A sentence ends at 。！？；… (or their half-width
 * forms) or a line break; very long sentences are cut to a window around the issue with an ellipsis.
 * Pure; offsets are UTF-16 units and a cut never splits a surrogate pair.
 */

export interface Context {
  /** Text before the issue within the sentence (after an ellipsis when cut). */
  before: string;
  /** The issue's own text (middle part elided when very long). */
  mark: string;
  after: string;
  /** The sentence was cut at its start / end. */
  cutStart: boolean;
  cutEnd: boolean;
  /** Range of the shown sentence in the text (before + mark + after, without the elision). */
  from: number;
  to: number;
}

const ENDS = new Set(['。', '！', '？', '；', '!', '?', ';', '…']);
const isBreak = (ch: string) => ch === '\n' || ch === '\r';

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Move an offset off the middle of a surrogate pair (towards `dir`). */
function snap(text: string, at: number, dir: -1 | 1): number {
  if (at > 0 && at < text.length && isLowSurrogate(text.charCodeAt(at))) return at + (dir < 0 ? -1 : 1);
  return at;
}

/** Start of the sentence holding `start` (within `max` units before it). */
export function sentenceStart(text: string, start: number, max: number): { at: number; cut: boolean } {
  let i = start;
  const limit = Math.max(0, start - max);
  while (i > limit) {
    const ch = text[i - 1]!;
    if (isBreak(ch) || ENDS.has(ch)) return { at: i, cut: false };
    i--;
  }
  if (i === 0) return { at: 0, cut: false };
  return { at: snap(text, i, 1), cut: true };
}

/** End of the sentence holding `end` (its closing mark included; within `max` units after it). */
export function sentenceEnd(text: string, end: number, max: number): { at: number; cut: boolean } {
  let i = end;
  // An issue that already ends with a sentence mark (a stray 。) ends its sentence.
  if (end > 0 && ENDS.has(text[end - 1]!) && end > 0) return { at: end, cut: false };
  const limit = Math.min(text.length, end + max);
  while (i < limit) {
    const ch = text[i]!;
    if (isBreak(ch)) return { at: i, cut: false };
    i++;
    if (ENDS.has(ch)) {
      // Keep a closing quote or bracket that belongs to the sentence: 。” ！）
      while (i < text.length && /[”’」』）)]/.test(text[i]!)) i++;
      return { at: i, cut: false };
    }
  }
  if (i === text.length) return { at: i, cut: false };
  return { at: snap(text, i, -1), cut: true };
}

/** Longest issue text shown whole; longer ones keep their two ends around an ellipsis. */
export const MAX_MARK = 40;

function elide(mark: string): string {
  if (mark.length <= MAX_MARK) return mark;
  const half = MAX_MARK / 2;
  let a = half;
  if (isLowSurrogate(mark.charCodeAt(a))) a++;
  let b = mark.length - half;
  if (isLowSurrogate(mark.charCodeAt(b))) b++;
  return `${mark.slice(0, a)}…${mark.slice(b)}`;
}

/** The sentence around [start, end), at most `max` units of it on each side of the issue. */
export function contextOf(text: string, start: number, end: number, max = 40): Context {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  const from = sentenceStart(text, s, max);
  const to = sentenceEnd(text, e, max);
  return {
    before: text.slice(from.at, s),
    mark: elide(text.slice(s, e)),
    after: text.slice(e, to.at),
    cutStart: from.cut,
    cutEnd: to.cut,
    from: from.at,
    to: to.at,
  };
}

/** Make invisible characters visible (line breaks, spaces, tabs, the ideographic space). */
export function visible(text: string): string {
  return text.replace(/\r\n|\n|\r/g, '↵').replace(/ /g, '␣').replace(/\t/g, '⇥').replace(/\u3000/g, '□');
}
