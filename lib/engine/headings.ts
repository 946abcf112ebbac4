import type { HeadingLevel } from './types';

/**
 * Heading markers of GB/T 9704-2012 (7.3.3): 一、 → （一） → 1. → （1）. Also the common wrong forms
 * (一: 一. (一) （一）、 1、 (1) …) so the numbering rule can flag them; `style` tells which form was written
 * and `canonicalMarker` what the standard form would be.
 *
 * Only a marker at the start of a line (after indentation) counts: "……三个方面：一、…" inside a line is
 * an enumeration, not a heading. Not taken as headings: "1.5万元", "2024年", "1、2号楼", "一、二线城市",
 * "三、四月份", "一是…" (not a GB/T level), "①", "1）" (levels below the four GB/T ones, left alone),
 * decimal section numbers "1.1" (the corpus outline reads those, lib/corpus/outline.ts). A stray mark typed
 * after a marker ("1.、", "（二）．") is part of the marker (`stray`), so the numbering rule can delete it.
 */
export interface ParsedHeading {
  level: HeadingLevel;
  /** The number as written: "一", "12", "１". */
  number: string;
  /** Its value: 一 → 1, 十二 → 12. */
  value: number;
  /** The marker exactly as written, e.g. "（一）", "1.", "一:". */
  marker: string;
  /**
   * Marker style id:
   * - "han-dun" 一、 (standard level 1); "han-other" 一: 一. 一，(wrong level 1)
   * - "paren-full" （一） / （1） (standard levels 2 and 4); "paren-half" (一) (1); "paren-mixed" （一) (一）;
   *   "paren-dun" （一）、 (extra 、 after the bracket)
   * - "dot" 1. 1． (standard level 3); "dun" 1、 (common, not GB/T)
   */
  style: string;
  /** The GB/T 9704 form of this marker: "一、", "（一）", "1.", "（1）". Equal to `marker` when standard. */
  canonicalMarker: string;
  /**
   * Stray punctuation typed after the marker ("1.、", "一、、", "（二）．"), included at the end of `marker`;
   * 0 when none. "（一）、" is its own style (paren-dun) and has 0 here.
   */
  stray: number;
  /** Offset of the marker in the paragraph (after indentation). */
  markerStart: number;
  markerEnd: number;
  /** Heading text after the marker, up to the end of its first sentence (sentence-final 。； dropped). */
  title: string;
  /** End of the heading (paragraph-relative): end of line for a title line, else after the first sentence. */
  end: number;
  /** True when the whole line is the heading (a title line), false for an inline heading sentence. */
  titleLine: boolean;
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

const HAN_UNITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1..99 → 一..九十九 (the form used in heading numbers); "" outside that range. */
export function toHanNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return '';
  if (n < 10) return HAN_UNITS[n]!;
  const tens = Math.floor(n / 10);
  return (tens === 1 ? '' : HAN_UNITS[tens]!) + '十' + HAN_UNITS[n % 10]!;
}

/** The GB/T 9704 marker for a number at a level: (1, 2) → "一、", (2, 3) → "（三）", (3, 4) → "4."… */
export function canonicalMarker(level: HeadingLevel, value: number): string {
  switch (level) {
    case 1:
      return `${toHanNumeral(value)}、`;
    case 2:
      return `（${toHanNumeral(value)}）`;
    case 3:
      return `${value}.`;
    case 4:
      return `（${value}）`;
  }
}

const HAN_NUM = '[一二三四五六七八九十]{1,3}';
const ARABIC = '[0-9０-９]{1,2}';

interface MarkerPattern {
  re: RegExp;
  level: HeadingLevel;
  style: string;
  /** What the marker starts with (a pattern is tried only on a body that starts so): see leadKind. */
  lead: Lead;
}

const enum Lead {
  Bracket,
  HanDigit,
  Digit,
}

// Order matters: parenthesised forms before bare ones, "（一）、" before "（一）".
// Each pattern is anchored at the start of the text after indentation.
const PATTERNS: MarkerPattern[] = [
  { re: new RegExp(`^[（(](${HAN_NUM})[）)][ \\t\\u3000]*、`), level: 2, style: 'paren-dun', lead: Lead.Bracket },
  { re: new RegExp(`^（(${HAN_NUM})）`), level: 2, style: 'paren-full', lead: Lead.Bracket },
  { re: new RegExp(`^\\((${HAN_NUM})\\)`), level: 2, style: 'paren-half', lead: Lead.Bracket },
  { re: new RegExp(`^（(${HAN_NUM})\\)|^\\((${HAN_NUM})）`), level: 2, style: 'paren-mixed', lead: Lead.Bracket },
  { re: new RegExp(`^[（(](${ARABIC})[）)][ \\t\\u3000]*、`), level: 4, style: 'paren-dun', lead: Lead.Bracket },
  { re: new RegExp(`^（(${ARABIC})）`), level: 4, style: 'paren-full', lead: Lead.Bracket },
  { re: new RegExp(`^\\((${ARABIC})\\)`), level: 4, style: 'paren-half', lead: Lead.Bracket },
  { re: new RegExp(`^（(${ARABIC})\\)|^\\((${ARABIC})）`), level: 4, style: 'paren-mixed', lead: Lead.Bracket },
  { re: new RegExp(`^(${HAN_NUM})、`), level: 1, style: 'han-dun', lead: Lead.HanDigit },
  // 一: 一： 一. 一． 一, 一， — not before a digit ("一.5"), nor a Han numeral ("一，二，三").
  { re: new RegExp(`^(${HAN_NUM})[:：.．,，](?![0-9０-９一二三四五六七八九十〇零两])`), level: 1, style: 'han-other', lead: Lead.HanDigit },
  // "1." but not "1.5" or "1.1" (decimal / section numbers), not "1..." (ellipsis).
  { re: new RegExp(`^(${ARABIC})[.．](?![0-9０-９.．])`), level: 3, style: 'dot', lead: Lead.Digit },
  // "1、" but not "1、2号楼" (an enumeration of numbers).
  { re: new RegExp(`^(${ARABIC})、(?![0-9０-９])`), level: 3, style: 'dun', lead: Lead.Digit },
];

const SENTENCE_END = /[。！？!?；;]/;
/** Punctuation typed by mistake right after a marker (not an ellipsis, not a decimal point before a digit). */
const STRAY_AFTER = /^[ \t\u3000]*[、，,．.：:](?![.．0-9０-９])[ \t\u3000]*/;
const SENTENCE_FINAL = /[。；;]+$/;
/** A line this long or shorter without a sentence end inside counts as a title line. */
const TITLE_LINE_MAX = 60;
const LEADING_JUNK = /^[\s\u3000,，、.．:：;；]+/;

/**
 * After "一、" a following numeral one higher plus a counter/ordinal word means an enumeration of numbers
 * ("一、二线城市", "三、四月份", "一、二等奖", "二、三个月"), not a heading. Party terms that start with a
 * numeral ("二、三会一课…", "三、四风问题…", "二、三个代表…", "三、四项监督…", "一、二十大…") stay headings,
 * so the list of following characters is kept narrow.
 */
const ENUM_AFTER = /^(?:[线等级类月季年期批次倍成层届轮代岁周天号名元亿万千百、]|个(?:月|多|小时|星期|工作日|百分点|人))/;

function isNumeralEnumeration(first: number, rest: string): boolean {
  const m = /^[一二三四五六七八九十]/.exec(rest);
  if (!m) return false;
  if (hanNumeralValue(m[0]) !== first + 1) return false;
  return ENUM_AFTER.test(rest.slice(1));
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0xfeff;
}

function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/**
 * Cheap test before the patterns: a heading starts (after indentation) with a numeral or a bracket. False
 * means parseHeading returns null.
 */
export function mayBeHeading(paragraph: string): boolean {
  let lead = 0;
  while (lead < paragraph.length && isSpaceCode(paragraph.charCodeAt(lead))) lead++;
  if (lead >= paragraph.length) return false;
  const first = paragraph.charCodeAt(lead);
  return (
    first === 0x28 /* ( */ ||
    first === 0xff08 /* （ */ ||
    (first >= 0x30 && first <= 0x39) ||
    (first >= 0xff10 && first <= 0xff19) ||
    isHanDigit(first)
  );
}

/** 一二三四五六七八九十 by code unit (paragraph[i] would make a string of every line's first character). */
function isHanDigit(c: number): boolean {
  return (
    c === 0x4e00 || c === 0x4e8c || c === 0x4e09 || c === 0x56db || c === 0x4e94 ||
    c === 0x516d || c === 0x4e03 || c === 0x516b || c === 0x4e5d || c === 0x5341
  );
}

/**
 * Lines whose heading the analyzer has parsed for the batch of lines it is checking, while the rules check
 * them: several rules parse the heading of the same line (numbering, repeated passages, half-width marks),
 * and a parse costs a dozen regex attempts. Results are never modified by their readers, so sharing one
 * object per line is safe.
 */
let known: ReadonlyMap<string, ParsedHeading | null> | null = null;

/** Run `fn` with `parsed` (line text → parseHeading of it) answering parseHeading for those texts. */
export function withParsedHeadings<T>(parsed: ReadonlyMap<string, ParsedHeading | null>, fn: () => T): T {
  const outer = known;
  known = parsed.size > 0 ? parsed : outer;
  try {
    return fn();
  } finally {
    known = outer;
  }
}

export function parseHeading(paragraph: string): ParsedHeading | null {
  if (!mayBeHeading(paragraph)) return null;
  if (known !== null) {
    const h = known.get(paragraph);
    if (h !== undefined) return h;
  }
  let lead = 0;
  while (lead < paragraph.length && isSpaceCode(paragraph.charCodeAt(lead))) lead++;
  const body = paragraph.slice(lead, lead + 16);
  const c = body.charCodeAt(0);
  const kind = c === 0x28 || c === 0xff08 ? Lead.Bracket : isHanDigit(c) ? Lead.HanDigit : Lead.Digit;
  for (const p of PATTERNS) {
    // Every pattern is anchored at a bracket, a Han numeral or a digit: the others cannot match.
    if (p.lead !== kind) continue;
    const m = p.re.exec(body);
    if (!m) continue;
    const number = (m[1] ?? m[2])!;
    const ascii = toAsciiDigits(number);
    const value = /^[0-9]+$/.test(ascii) ? Number(ascii) : hanNumeralValue(number);
    if (!Number.isFinite(value) || value <= 0) continue;
    const strayMatch = p.style === 'paren-dun' ? null : STRAY_AFTER.exec(paragraph.slice(lead + m[0].length, lead + m[0].length + 8));
    const stray = strayMatch ? strayMatch[0].trimEnd().length : 0;
    const markerEnd = lead + m[0].length + stray;
    const rest = paragraph.slice(markerEnd);
    if (!rest.trim()) return null; // a bare "一、" with nothing after it is not a heading
    if (p.style === 'han-dun' && isNumeralEnumeration(value, rest)) return null;
    const stop = rest.search(SENTENCE_END);
    const isTitleLine = stop === -1 || (stop === rest.length - 1 && rest.length <= TITLE_LINE_MAX);
    const titleEnd = isTitleLine ? rest.length : stop;
    const title = rest.slice(0, titleEnd).trim().replace(LEADING_JUNK, '').replace(SENTENCE_FINAL, '');
    return {
      level: p.level,
      number,
      value,
      marker: paragraph.slice(lead, markerEnd),
      style: p.style,
      canonicalMarker: canonicalFor(p.level, p.style, number, m[0]),
      stray,
      markerStart: lead,
      markerEnd,
      title,
      end: isTitleLine ? paragraph.length : markerEnd + stop + 1,
      titleLine: isTitleLine,
    };
  }
  return null;
}

/** The standard form of a marker, keeping the number as written (full-width digits stay). */
function canonicalFor(level: HeadingLevel, style: string, number: string, marker: string): string {
  switch (level) {
    case 1:
      return `${number}、`;
    case 2:
    case 4:
      return `（${number}）`;
    case 3:
      // "1．" (full-width full stop) is accepted as the same style as "1.".
      return style === 'dot' ? marker : `${number}.`;
  }
}

/** A line starting with a number and no marker punctuation, e.g. "1加强政治觉悟" (a heading missing its "、"). */
export interface BareNumber {
  value: number;
  /** Offsets of the digits in the paragraph. */
  start: number;
  end: number;
}

const BARE_RE = /^([0-9]{1,2})(?=[\u4e00-\u9fff])/;
/** Counter words and units after a number: "3月", "10万", "5个" are quantities, not a missing marker. */
const BARE_NOT_AFTER = /^[年月日时分秒号个万千百亿元岁名人次项条家户件份位种类期批届轮层级倍成米克吨天周代支篇部所座辆台套处点度]/;

/**
 * A short title line that starts with 1–2 ASCII digits directly followed by a Han character, with no sentence
 * punctuation: a candidate for a heading whose marker punctuation was lost ("1加强政治觉悟的不段提升认识").
 * Only a candidate: the numbering rule accepts it when its neighbours are numbered n−1 and n+1.
 */
export function parseBareNumber(paragraph: string): BareNumber | null {
  let lead = 0;
  while (lead < paragraph.length && isSpaceCode(paragraph.charCodeAt(lead))) lead++;
  const c = paragraph.charCodeAt(lead);
  if (!(c >= 0x30 && c <= 0x39)) return null;
  const rest = paragraph.slice(lead);
  if (rest.length > 40) return null;
  const m = BARE_RE.exec(rest);
  if (!m) return null;
  const after = rest.slice(m[1]!.length);
  if (BARE_NOT_AFTER.test(after)) return null;
  if (/[。！？!?；;，,：:]/.test(after)) return null;
  const value = Number(m[1]);
  if (value <= 0) return null;
  return { value, start: lead, end: lead + m[1]!.length };
}
