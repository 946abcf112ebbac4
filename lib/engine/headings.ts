import type { HeadingLevel } from './types';

/**
 * Heading markers of GB/T 9704-2012: 一、 → （一） → 1. → （1）. Also the common wrong forms
 * (一: 一. 1、 (1) …) so the numbering rule can flag them; `style` tells which form was written.
 */
export interface ParsedHeading {
  level: HeadingLevel;
  /** The number as written: "一", "12". */
  number: string;
  /** Its value: 一 → 1, 十二 → 12. */
  value: number;
  /** The marker exactly as written, e.g. "（一）", "1.", "一:". */
  marker: string;
  /** Marker style id, e.g. "han-dun" (一、), "paren-full" (（一）), "dot" (1.), "dun" (1、). */
  style: string;
  /** Offset of the marker in the paragraph (after indentation). */
  markerStart: number;
  markerEnd: number;
  /** Heading text after the marker, up to the end of its first sentence. */
  title: string;
  /** End of the heading (paragraph-relative): end of line for a title line, else after the first sentence. */
  end: number;
}

const HAN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 一..九十九 → number; NaN when not a Han numeral. */
export function hanNumeralValue(s: string): number {
  if (!s) return NaN;
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten === -1) return s.length === 1 && s in HAN_DIGITS ? HAN_DIGITS[s]! : NaN;
  const tens = ten === 0 ? 1 : HAN_DIGITS[s.slice(0, ten)];
  const ones = ten === s.length - 1 ? 0 : HAN_DIGITS[s.slice(ten + 1)];
  if (tens === undefined || ones === undefined || s.length > 3) return NaN;
  return tens * 10 + ones;
}

const HAN_NUM = '[一二三四五六七八九十]{1,3}';
const ARABIC = '[0-9０-９]{1,2}';

interface MarkerPattern {
  re: RegExp;
  level: HeadingLevel;
  style: string;
}

// Order matters: parenthesised forms before bare ones.
const PATTERNS: MarkerPattern[] = [
  { re: new RegExp(`^（(${HAN_NUM})）`), level: 2, style: 'paren-full' },
  { re: new RegExp(`^\\((${HAN_NUM})\\)`), level: 2, style: 'paren-half' },
  { re: new RegExp(`^（(${HAN_NUM})\\)|^\\((${HAN_NUM})）`), level: 2, style: 'paren-mixed' },
  { re: new RegExp(`^（(${ARABIC})）`), level: 4, style: 'paren-full' },
  { re: new RegExp(`^\\((${ARABIC})\\)`), level: 4, style: 'paren-half' },
  { re: new RegExp(`^(${HAN_NUM})、`), level: 1, style: 'han-dun' },
  { re: new RegExp(`^(${HAN_NUM})[:：.．,，](?![0-9])`), level: 1, style: 'han-other' },
  { re: new RegExp(`^(${ARABIC})[.．](?![0-9０-９])`), level: 3, style: 'dot' },
  { re: new RegExp(`^(${ARABIC})、`), level: 3, style: 'dun' },
];

const SENTENCE_END = /[。！？!?；;]/;
/** A line this long or shorter without a sentence end inside counts as a title line. */
const TITLE_LINE_MAX = 60;

export function parseHeading(paragraph: string): ParsedHeading | null {
  let lead = 0;
  while (lead < paragraph.length && /[\s\u3000]/.test(paragraph[lead]!)) lead++;
  if (lead >= paragraph.length) return null;
  const body = paragraph.slice(lead);
  for (const p of PATTERNS) {
    const m = p.re.exec(body);
    if (!m) continue;
    const number = (m[1] ?? m[2])!;
    const ascii = number.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
    const value = /^[0-9]+$/.test(ascii) ? Number(ascii) : hanNumeralValue(number);
    if (!Number.isFinite(value) || value <= 0) continue;
    const markerEnd = lead + m[0].length;
    const rest = paragraph.slice(markerEnd);
    if (!rest.trim()) return null; // a bare "一、" with nothing after it is not a heading
    const stop = rest.search(SENTENCE_END);
    const isTitleLine = stop === -1 || (stop === rest.length - 1 && rest.length <= TITLE_LINE_MAX);
    const titleEnd = isTitleLine ? rest.length : stop;
    return {
      level: p.level,
      number,
      value,
      marker: m[0],
      style: p.style,
      markerStart: lead,
      markerEnd,
      title: rest.slice(0, titleEnd).trim(),
      end: isTitleLine ? paragraph.length : markerEnd + stop + 1,
    };
  }
  return null;
}
