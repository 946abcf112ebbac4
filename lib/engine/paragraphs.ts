import type { Paragraph } from './rule';

/**
 * Split text into lines, each without its terminator. CRLF, LF and lone CR all end a line;
 * offsets are into the exact input, so CRLF text is never normalised.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      paragraphs.push({ start, end: i, text: text.slice(start, i), lineBreak: '\n' });
      start = i + 1;
    } else if (c === 13 /* \r */) {
      const crlf = text.charCodeAt(i + 1) === 10;
      paragraphs.push({ start, end: i, text: text.slice(start, i), lineBreak: crlf ? '\r\n' : '\r' });
      if (crlf) i++;
      start = i + 1;
    }
  }
  paragraphs.push({ start, end: n, text: text.slice(start, n), lineBreak: '' });
  return paragraphs;
}
