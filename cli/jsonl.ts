/**
 * JSON lines read from a byte stream, bounded while reading: a line longer than `maxLineBytes` is never
 * held (its bytes are counted, not kept) and ends the source with an error, and the whole source stops
 * at `maxTotalBytes` (pipes and devices; a regular file or stdin may be longer). Each line is decoded as
 * strict UTF-8, as text inputs are: malformed bytes give an error line instead of U+FFFD. `\n` ends a
 * line; a `\r` before it is dropped; a BOM at the very start is dropped.
 */
import type { Readable } from 'node:stream';

export type JsonlLine = { n: number; text: string } | { n: number; error: 'not-utf8' } | { n: number; error: 'too-long' | 'too-much'; fatal: true };

export async function* readJsonLines(stream: Readable, limits: { maxLineBytes: number; maxTotalBytes: number }): AsyncGenerator<JsonlLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let parts: Uint8Array[] = [];
  let lineBytes = 0;
  let total = 0;
  let n = 0;
  const finish = (): JsonlLine => {
    n++;
    const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    parts = [];
    lineBytes = 0;
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 0x0d) end--;
    let start = 0;
    if (n === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
    try {
      return { n, text: decoder.decode(bytes.subarray(start, end)) };
    } catch {
      return { n, error: 'not-utf8' };
    }
  };
  try {
    for await (const chunk of stream) {
      const buf: Uint8Array = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array);
      total += buf.length;
      let at = 0;
      while (at < buf.length) {
        const nl = buf.indexOf(0x0a, at);
        const end = nl === -1 ? buf.length : nl;
        lineBytes += end - at;
        if (lineBytes > limits.maxLineBytes) {
          yield { n: n + 1, error: 'too-long', fatal: true };
          return;
        }
        parts.push(buf.subarray(at, end));
        if (nl === -1) break;
        yield finish();
        at = nl + 1;
      }
      if (total > limits.maxTotalBytes) {
        yield { n: n + 1, error: 'too-much', fatal: true };
        return;
      }
    }
    if (lineBytes > 0 || parts.some((p) => p.length > 0)) yield finish();
  } finally {
    if (!stream.readableEnded) stream.destroy();
  }
}
