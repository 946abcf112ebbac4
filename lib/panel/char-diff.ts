/**
 * The before → after of a fix as a character diff (jsdiff's diffChars), with every changed mark labelled
 * 半角 or 全角 where that is the point: in many fonts `,` and `，` or `:` and `：` look alike, so a fix that
 * only changes a mark's width would otherwise show two identical glyphs. Invisible characters are made
 * visible (␣ ↵ □). Pure.
 */
import { diffChars } from 'diff';
import { visible } from './context';

export type Width = 'half' | 'full';

export interface DiffPart {
  type: 'same' | 'del' | 'ins';
  /** As shown (invisible characters made visible). */
  text: string;
  /** Set on a changed part that is a single mark whose counterpart differs only in width. */
  width?: Width;
  /** Code points of a changed part, e.g. "U+002C" (for a tooltip). */
  codes?: string;
}

/** Half-width (ASCII) forms and the full-width marks 公文 uses for them. */
const WIDTH_PAIRS: Record<string, string[]> = {
  ',': ['，', '、'],
  '.': ['。', '．'],
  ':': ['：'],
  ';': ['；'],
  '?': ['？'],
  '!': ['！'],
  '(': ['（'],
  ')': ['）'],
  '[': ['【', '［'],
  ']': ['】', '］'],
  '"': ['“', '”', '＂'],
  "'": ['‘', '’', '＇'],
  '<': ['《', '〈', '＜'],
  '>': ['》', '〉', '＞'],
  '~': ['～'],
  '-': ['—', '－'],
  ' ': ['\u3000'],
};

/** Half-width: printable ASCII (and the space); everything else counts as full width here. */
export function widthOf(ch: string): Width {
  const c = ch.codePointAt(0) ?? 0;
  return c >= 0x20 && c <= 0x7e ? 'half' : 'full';
}

/** True when `a` and `b` are the same mark in two widths (`,` / `，`, `:` / `：`, or NFKC-equal forms). */
export function widthPair(a: string, b: string): boolean {
  if (a === b) return false;
  if (widthOf(a) === widthOf(b)) return false;
  const [half, full] = widthOf(a) === 'half' ? [a, b] : [b, a];
  if (WIDTH_PAIRS[half]?.includes(full)) return true;
  // Full-width forms (U+FF01–FF5E) fold to ASCII under NFKC: Ａ → A, ＄ → $.
  return full.normalize('NFKC') === half;
}

function codes(text: string): string {
  return Array.from(text, (ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

/** Character diff of `before` → `after`, width-labelled where a mark only changes width. */
export function charDiff(before: string, after: string): DiffPart[] {
  const raw = diffChars(before, after);
  const parts: DiffPart[] = raw.map((c) => ({
    type: c.added ? 'ins' : c.removed ? 'del' : 'same',
    text: c.value,
  }));
  // Label a removed part and the added part next to it when they are one mark in two widths; also label
  // any lone changed punctuation mark (so `，` inserted after a word still says 全角).
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.type === 'same') continue;
    p.codes = codes(p.text);
    const next = parts[i + 1];
    if (p.type === 'del' && next?.type === 'ins' && Array.from(p.text).length === 1 && Array.from(next.text).length === 1) {
      if (widthPair(p.text, next.text)) {
        p.width = widthOf(p.text);
        next.width = widthOf(next.text);
      }
    } else if (Array.from(p.text).length === 1 && /[\p{P}\p{S}\s]/u.test(p.text) && p.width === undefined) {
      p.width = widthOf(p.text);
    }
  }
  for (const p of parts) p.text = visible(p.text);
  return parts;
}
