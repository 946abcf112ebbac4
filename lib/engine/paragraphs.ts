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
  let nextLF = text.indexOf('\n', from);
  let nextCR = text.indexOf('\r', from);
  let start = from;
  for (;;) {
    if (nextLF !== -1 && nextLF < start) nextLF = text.indexOf('\n', start);
    if (nextCR !== -1 && nextCR < start) nextCR = text.indexOf('\r', start);
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

const CHUNK = 2048;

/**
 * Length of the common prefix of a and b, and of the common suffix that does not overlap it.
 * Compares chunks with === (a native memory comparison): chunks doubling from 2,048 units while they are
 * equal, then halving down to the mismatch, so finding one edit in 1,000,000 characters takes a few dozen
 * comparisons (a fixed 2,048-unit stride took ~500 substrings and compares) and no per-character loop but
 * the last partial chunk.
 */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const n = Math.min(a.length, b.length);
  let prefix = 0;
  let step = CHUNK;
  while (prefix + step <= n && a.substring(prefix, prefix + step) === b.substring(prefix, prefix + step)) {
    prefix += step;
    step *= 2;
  }
  while (step > CHUNK) {
    step >>= 1;
    if (prefix + step <= n && a.substring(prefix, prefix + step) === b.substring(prefix, prefix + step)) prefix += step;
  }
  while (prefix + CHUNK <= n && a.substring(prefix, prefix + CHUNK) === b.substring(prefix, prefix + CHUNK)) prefix += CHUNK;
  while (prefix < n && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  const room = n - prefix;
  const la = a.length;
  const lb = b.length;
  const same = (from: number, length: number) => a.substring(la - from - length, la - from) === b.substring(lb - from - length, lb - from);
  let suffix = 0;
  step = CHUNK;
  while (suffix + step <= room && same(suffix, step)) {
    suffix += step;
    step *= 2;
  }
  while (step > CHUNK) {
    step >>= 1;
    if (suffix + step <= room && same(suffix, step)) suffix += step;
  }
  while (suffix + CHUNK <= room && same(suffix, CHUNK)) suffix += CHUNK;
  while (suffix < room && a.charCodeAt(la - suffix - 1) === b.charCodeAt(lb - suffix - 1)) suffix++;
  return { prefix, suffix };
}
