import type { Paragraph } from './rule';

/**
 * Split text into lines, each without its terminator. CRLF, LF and lone CR all end a line;
 * offsets are into the exact input, so CRLF text is never normalised.
 *
 * With `from`/`to`, only the lines in [from, to) are split: `from` must start a line and `to` must either
 * start a line (then the region ends with the break before it) or be the end of the text (then the last,
 * unterminated line is included). Uses indexOf rather than a per-character loop: it runs on every keystroke.
 * The next \n and the next \r are each searched for once and kept until passed, so every line-ending
 * style costs one pass (searching for both at every line start was quadratic on lone-CR text: the \n
 * search ran to the end of the text for every line).
 */
export function splitParagraphs(text: string, from = 0, to = text.length): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  forEachLine(text, from, to, (start, end, lineBreak) => {
    paragraphs.push({ start, end, text: text.slice(start, end), lineBreak });
  });
  return paragraphs;
}

/** splitParagraphs without building the objects: `fn` gets each line's range and terminator. */
export function forEachLine(
  text: string,
  from: number,
  to: number,
  fn: (start: number, end: number, lineBreak: Paragraph['lineBreak']) => void,
): void {
  const n = text.length;
  // Searched in the text up to `to` only: after an edit the region is a line or two in the middle of the
  // document, and a search for a \r that text without one never holds ran to its end on every keystroke
  // (≈ 0.1 ms at 1,000,000 characters). A break at or past `to` ends the region either way (to < n), so
  // not finding it there changes nothing. (A slice is a view into the text, not a copy.)
  const region = to < n ? text.slice(0, to) : text;
  let nextLF = region.indexOf('\n', from);
  let nextCR = region.indexOf('\r', from);
  let start = from;
  for (;;) {
    if (nextLF !== -1 && nextLF < start) nextLF = region.indexOf('\n', start);
    if (nextCR !== -1 && nextCR < start) nextCR = region.indexOf('\r', start);
    const cut = nextLF === -1 ? nextCR : nextCR === -1 ? nextLF : Math.min(nextLF, nextCR);
    if (cut === -1 || cut >= to) {
      if (to === n) fn(start, n, '');
      return;
    }
    const lineBreak = text.charCodeAt(cut) === 13 ? (text.charCodeAt(cut + 1) === 10 ? '\r\n' : '\r') : '\n';
    fn(start, cut, lineBreak);
    start = cut + lineBreak.length;
    if (start >= to && to < n) return;
  }
}

const CHUNK = 16_384;
const LEAF = 64;

/**
 * Length of the common prefix of a and b, and of the common suffix that does not overlap it.
 * Compares chunks with === (a native memory comparison: two slices are views into their texts, no copy):
 * fixed chunks of 16,384 units while they are equal, then halving inside the chunk that holds the
 * difference down to 64 units, then one unit at a time. At 1,000,000 characters this is memory-bound (both
 * texts are read, ~4 MB): every unit is read about once. (Chunks doubling from 2,048 and then halving
 * back re-read the prefix up to three times: ~0.27 ms instead of ~0.15 per edit at 1 M in the bench.)
 */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const n = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix + CHUNK <= n && a.substring(prefix, prefix + CHUNK) === b.substring(prefix, prefix + CHUNK)) prefix += CHUNK;
  // The difference (or the end of the shorter text) lies in [prefix, prefix + CHUNK).
  for (let step = CHUNK >> 1; step >= LEAF; step >>= 1) {
    if (prefix + step <= n && a.substring(prefix, prefix + step) === b.substring(prefix, prefix + step)) prefix += step;
  }
  while (prefix < n && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  const room = n - prefix;
  const la = a.length;
  const lb = b.length;
  let suffix = 0;
  while (suffix + CHUNK <= room && a.substring(la - suffix - CHUNK, la - suffix) === b.substring(lb - suffix - CHUNK, lb - suffix)) suffix += CHUNK;
  for (let step = CHUNK >> 1; step >= LEAF; step >>= 1) {
    if (suffix + step <= room && a.substring(la - suffix - step, la - suffix) === b.substring(lb - suffix - step, lb - suffix)) suffix += step;
  }
  while (suffix < room && a.charCodeAt(la - suffix - 1) === b.charCodeAt(lb - suffix - 1)) suffix++;
  return { prefix, suffix };
}
