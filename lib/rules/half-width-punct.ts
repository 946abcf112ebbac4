import { parseHeading } from '../engine/headings';
import { defineParagraphRule, type Report } from '../engine/rule';
import { charIn, isHanAt, isHanCode, isInlineSpaceCode } from '../engine/text';
import { findResidue } from './paste-residue';

/**
 * Half-width , ; : ? ! ( ) in Chinese text → full-width ，；：？！（）, straight double quotes around Chinese
 * text → “”, and a half-width "." that ends a Chinese line → 。. One issue per mark.
 *
 * A mark is "in Chinese context" when the character before it (spaces skipped) is a Han character or a
 * closing Chinese mark (”’）》】…—), or when the character after it is a Han character or an opening
 * Chinese mark (“‘（《【) and something other than the line start stands before it. Marks between two
 * digits or two Latin letters (1,000 / 10:30 / Word,Excel) are left alone, and so are URLs, `code`,
 * reference-list lines ([1]刘永谋.…[M].北京:…), heading markers ((一) 一: belong to heading-numbering),
 * marks next to another mark (、, ，, are stray-punct's) and marks inside paste residue (deleted whole).
 */

const messages = {
  mark: (half: string, full: string) => `中文语境中的半角“${half}”应改为全角“${full}”`,
  period: '中文句末的半角“.”应改为句号“。”',
  paren: (half: string, full: string) => `中文括号应使用全角“${full}”，不用半角“${half}”`,
};

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

/** Message and fix of each mark, built once: a pasted text can hold thousands of half-width commas. */
const MARK_REPORTS = new Map(Object.entries(FULL).map(([half, full]) => [half, { message: messages.mark(half, full), replacements: Object.freeze([full]) as string[] }]));
const PAREN_REPORTS = new Map(Object.entries(FULL).map(([half, full]) => [half, { message: messages.paren(half, full), replacements: Object.freeze([full]) as string[] }]));

/** Any character this rule may act on; lines without one are skipped at once. */
const CANDIDATE = /[,;:?!()."]/;
const PARENS = /[()（）]/g;

/** Closing Chinese marks (and … —) count as Chinese text on the left of a mark. */
const CLOSE_CJK = '”’）》】〕」』〉…—';
/** Opening Chinese marks count as Chinese text on the right of a mark. */
const OPEN_CJK = '“‘（《【〔「『〈';
/** Any Chinese punctuation (for the context around short parenthesised numbers). */
const CJK_PUNCT = '，。、；：？！…—“”‘’（）《》〈〉【】〔〕';

/** GB/T 7714 reference entries keep their own punctuation: "[1]刘永谋.书名[M].北京:出版社,2022." */
const REFERENCE_LINE = /^[\s\u3000]*[[［]\d{1,3}[\]］]|\[(?:M|J|C|D|N|R|S|P|G|Z|A|EB\/OL|DB\/OL|M\/OL|J\/OL|N\/OL|CP\/DK)\]/;
/** Lines that may start with a heading marker ((一) 一: 1.), which heading-numbering reports as a whole. */
const MAYBE_HEADING = /^[\s\u3000]*[(（一二三四五六七八九十0-9０-９]/;
/** URLs (their paths may hold Han characters: they run to a space or a Chinese mark) and `code`. */
const URL_OR_CODE = /(?:https?|ftp):\/\/[^\s，。；：？！、“”‘’（）《》【】]+|www\.[^\s，。；：？！、“”‘’（）《》【】]+|`[^`\n]*`/gi;
/** Deeper nesting of parentheses is not prose; such lines are left alone. */
const MAX_NESTING = 8;
/** Content of a parenthesis without Han that still reads as Chinese when the outside is Chinese: (1) (GDP) (a). */
const SHORT_TOKEN = /^[0-9A-Za-z一二三四五六七八九十]{1,8}$/;

function isLeftChinese(text: string, i: number): boolean {
  return i >= 0 && (isHanAt(text, i) || charIn(CLOSE_CJK, text, i));
}

function isRightChinese(text: string, i: number): boolean {
  return i < text.length && (isHanAt(text, i) || charIn(OPEN_CJK, text, i));
}

/** Sort and merge flat [start, end, …] ranges so that inRanges can binary-search them. */
function mergeRanges(ranges: number[]): number[] {
  if (ranges.length <= 2) return ranges;
  const order: number[] = [];
  for (let k = 0; k < ranges.length; k += 2) order.push(k);
  order.sort((x, y) => ranges[x]! - ranges[y]!);
  const out: number[] = [];
  for (const k of order) {
    const s = ranges[k]!;
    const e = ranges[k + 1]!;
    if (out.length > 0 && s <= out[out.length - 1]!) out[out.length - 1] = Math.max(out[out.length - 1]!, e);
    else out.push(s, e);
  }
  return out;
}

function inRanges(ranges: readonly number[], i: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (i < ranges[mid * 2]!) hi = mid - 1;
    else if (i >= ranges[mid * 2 + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * The ranges (flat [start, end, …], merged) whose marks are left alone: URLs and code, paste residue, a
 * heading marker. Computed on first need for the line being checked (most lines with a candidate mark
 * report nothing and never ask: finding residue is the costly part). Module state rather than an object
 * per line: check is synchronous, and a line's ranges depend on its text alone.
 */
let skipText = '';
let skipFound: number[] | null = null;

function skipped(i: number): boolean {
  skipFound ??= skipRanges(skipText);
  return inRanges(skipFound, i);
}

function skipRanges(text: string): number[] {
  const skip: number[] = [];
  if (text.includes('://') || text.includes('www.') || text.includes('`')) {
    URL_OR_CODE.lastIndex = 0;
    for (let m = URL_OR_CODE.exec(text); m; m = URL_OR_CODE.exec(text)) skip.push(m.index, m.index + m[0].length);
  }
  for (const h of findResidue(text)) skip.push(h.start, h.end);
  if (MAYBE_HEADING.test(text)) {
    const heading = parseHeading(text);
    if (heading) skip.push(heading.markerStart, heading.markerEnd);
  }
  return mergeRanges(skip);
}

/** Message and fix of each mark by its code unit (, ; : ? ! are all below 0x40). */
const MARK_BY_CODE: ({ message: string; replacements: string[] } | undefined)[] = [];
for (const half of ',;:?!') MARK_BY_CODE[half.charCodeAt(0)] = MARK_REPORTS.get(half);

/**
 * A mark touching one of ，。、；：,;:. is a doubled or stray mark: stray-punct's business. By code unit (NaN
 * past either end is false).
 */
function isStrayNeighbour(c: number): boolean {
  return c === 0x2c || c === 0x3b || c === 0x3a || c === 0x2e || c === 0xff0c || c === 0x3002 || c === 0x3001 || c === 0xff1b || c === 0xff1a;
}

function checkMarks(text: string, report: (r: Report) => void): void {
  // A plain loop over the code units rather than a regex search per mark: a pasted text holds a mark every
  // twenty characters, and each search is a call into the regex engine.
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const mark = c < 0x40 ? MARK_BY_CODE[c] : undefined;
    if (mark === undefined) continue;
    if (isStrayNeighbour(text.charCodeAt(i - 1)) || isStrayNeighbour(text.charCodeAt(i + 1))) continue;
    const next = text.charCodeAt(i + 1);
    let l = i - 1;
    while (l >= 0 && isInlineSpaceCode(text.charCodeAt(l))) l--;
    let r = i + 1;
    while (r < n && isInlineSpaceCode(text.charCodeAt(r))) r++;
    const leftChinese = isLeftChinese(text, l);
    // ":)" ":(" after Latin text are emoticons, not punctuation.
    if (!leftChinese && c === 0x3a && (next === 0x29 || next === 0x28)) continue; // :) :(
    const chinese = leftChinese || (l >= 0 && isRightChinese(text, r));
    if (!chinese || skipped(i)) continue;
    // "变化, 国有企业": a full-width mark carries its own spacing, so the spaces after it go with the fix
    // (left behind, they would be the next warning).
    const end = r > i + 1 && r < n && isRightChinese(text, r) ? r : i + 1;
    report({ start: i, end, message: mark.message, replacements: mark.replacements });
  }
}

function checkPeriod(text: string, report: (r: Report) => void): void {
  let e = text.length;
  while (e > 0 && isInlineSpaceCode(text.charCodeAt(e - 1))) e--;
  const i = e - 1;
  if (i < 1 || text[i] !== '.' || !(isLeftChinese(text, i - 1) || numberAfterChinese(text, i)) || skipped(i)) return;
  report({ start: i, end: i + 1, message: messages.period, replacements: ['。'] });
}

/**
 * Does a number (or percentage) that follows a Chinese character end right before `i` (……同比增长8.2%.)? A list
 * marker or a version number at the line start has no Chinese character before it.
 */
function numberAfterChinese(text: string, i: number): boolean {
  let k = i - 1;
  if (k < 0 || !/[0-9%％‰]/.test(text[k]!)) return false;
  while (k >= 0 && /[0-9.%％‰]/.test(text[k]!)) k--;
  return k >= 0 && isHanAt(text, k);
}

function isChineseAround(text: string, i: number): boolean {
  return i >= 0 && i < text.length && (isHanAt(text, i) || charIn(CJK_PUNCT, text, i));
}

function checkParens(text: string, report: (r: Report) => void): void {
  const stack: number[] = [];
  const pairs: number[] = [];
  PARENS.lastIndex = 0;
  while (PARENS.test(text)) {
    const at = PARENS.lastIndex - 1;
    const c = text.charCodeAt(at);
    if (c === 0x28 || c === 0xff08) {
      // ( （ — deep nesting is not prose (and would make the content scans below quadratic).
      if (stack.push(at) > MAX_NESTING) return;
    } else if (stack.length > 0) pairs.push(stack.pop()!, at);
    // An unmatched half-width ")" is a list marker "1)" or a slip; nothing certain to fix.
  }
  const found: number[] = [];
  for (let k = 0; k < pairs.length; k += 2) {
    const a = pairs[k]!;
    const b = pairs[k + 1]!;
    const halfA = text[a] === '(';
    const halfB = text[b] === ')';
    if ((!halfA && !halfB) || skipped(a) || skipped(b)) continue;
    let chinese = !halfA || !halfB; // a mixed pair （…) is certainly meant to be full-width
    if (!chinese) {
      for (let j = a + 1; j < b; j++) {
        const c = text.charCodeAt(j);
        if (isHanCode(c) || (c >= 0xd800 && c <= 0xdbff && isHanAt(text, j))) {
          chinese = true;
          break;
        }
      }
    }
    if (!chinese) {
      // (1) (GDP) between Chinese text: 主要有：(1)加强学习 / 国内生产总值(GDP)增长.
      const after = text[b + 1];
      chinese =
        SHORT_TOKEN.test(text.slice(a + 1, b)) &&
        (isChineseAround(text, a - 1) || (a > 0 && ':,;'.includes(text[a - 1]!) && isLeftChinese(text, a - 2))) &&
        (b + 1 >= text.length || isChineseAround(text, b + 1) || (after !== undefined && ',;:.'.includes(after)));
    }
    if (!chinese) continue;
    if (halfA) found.push(a);
    if (halfB) found.push(b);
  }
  found.sort((x, y) => x - y);
  for (const i of found) {
    const ch = text[i]!;
    const { message, replacements } = PAREN_REPORTS.get(ch)!;
    report({ start: i, end: i + 1, message, replacements });
  }
}

/**
 * Straight double quotes around Chinese text ("三个提升") → “三个提升”: paired in order within the paragraph,
 * only when their count is even, the quoted text holds a Han character and Chinese text stands outside one
 * of them (attributes such as class="x" and English quotations stay).
 */
function checkQuotes(text: string, report: (r: Report) => void): void {
  const at: number[] = [];
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) if (!skipped(i)) at.push(i);
  if (at.length < 2 || at.length % 2 !== 0) return;
  for (let k = 0; k < at.length; k += 2) {
    const a = at[k]!;
    const b = at[k + 1]!;
    let han = false;
    for (let j = a + 1; j < b && !han; j++) han = isHanAt(text, j);
    // (A half-width colon or comma before the opening quote, itself after Chinese text, counts as Chinese: 大家都说:"…".)
    const before = a >= 2 && ':,'.includes(text[a - 1]!) ? a - 2 : a - 1;
    if (!han || !(isChineseAround(text, before) || isChineseAround(text, b + 1))) continue;
    report({ start: a, end: a + 1, message: messages.mark('"', '“'), replacements: ['“'] });
    report({ start: b, end: b + 1, message: messages.mark('"', '”'), replacements: ['”'] });
  }
}

export default defineParagraphRule({
  meta: {
    id: 'half-width-punct',
    category: 'punctuation',
    severity: 'warning',
    description: '中文语境中误用半角标点（, ; : ? ! ( ) .），应改为全角',
    fixable: true,
  },
  check(text, report) {
    if (!CANDIDATE.test(text) || REFERENCE_LINE.test(text)) return;
    skipText = text;
    skipFound = null;
    checkMarks(text, report);
    checkPeriod(text, report);
    if (text.includes('(') || text.includes(')')) checkParens(text, report);
    if (text.includes('"')) checkQuotes(text, report);
    skipText = '';
    skipFound = null;
  },
});
