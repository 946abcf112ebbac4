/**
 * The notation of the hand-written 的/地/得 sentence sets (tests/fixtures/dev-dedide, tests/fixtures/dev-dedide-stat):
 * one sentence per line, `{written>fix}` marking a slip at one character (认真{的>地}学习); a line without a mark
 * is a clean look-alike; blank lines and lines starting with # are skipped.
 */
import { readFileSync } from 'node:fs';

export interface MarkedSentence {
  /** The line as in the file (trimmed, marks included), for reports. */
  line: string;
  /** The sentence as written (each mark replaced by its written character). */
  text: string;
  /** Each slip: its offset in `text` and the character it should be. */
  slips: Array<{ at: number; fix: string }>;
}

/** One line of a set, or null for a blank line or a comment. */
export function parseMarkedLine(raw: string): MarkedSentence | null {
  const line = raw.trim();
  if (!line || line.startsWith('#')) return null;
  const slips: MarkedSentence['slips'] = [];
  let text = '';
  let last = 0;
  for (const m of line.matchAll(/\{(.)>(.)\}/g)) {
    text += line.slice(last, m.index);
    slips.push({ at: text.length, fix: m[2]! });
    text += m[1];
    last = m.index + m[0].length;
  }
  return { line, text: text + line.slice(last), slips };
}

/** Every sentence of a set's file, in order. */
export function readMarkedSentences(path: string): MarkedSentence[] {
  const out: MarkedSentence[] = [];
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const s = parseMarkedLine(raw);
    if (s) out.push(s);
  }
  return out;
}
