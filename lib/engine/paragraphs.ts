import type { Paragraph } from './rule';

/**
 * Split text into lines, each without its terminator. CRLF, LF and lone CR all end a line;
 * offsets are into the exact input, so CRLF text is never normalised.
 * Uses indexOf rather than a per-character loop: it runs on every keystroke over the whole text.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const n = text.length;
  const hasCR = text.indexOf('\r') !== -1;
  let start = 0;
  while (true) {
    let lf = text.indexOf('\n', start);
    if (lf === -1) lf = n;
    let cut = lf;
    if (hasCR) {
      const cr = text.indexOf('\r', start);
      if (cr !== -1 && cr < lf) cut = cr;
    }
    if (cut >= n) break;
    const isCRLF = text.charCodeAt(cut) === 13 && text.charCodeAt(cut + 1) === 10;
    const lineBreak = isCRLF ? '\r\n' : text.charCodeAt(cut) === 13 ? '\r' : '\n';
    paragraphs.push({ start, end: cut, text: text.slice(start, cut), lineBreak });
    start = cut + lineBreak.length;
  }
  paragraphs.push({ start, end: n, text: text.slice(start, n), lineBreak: '' });
  return paragraphs;
}
