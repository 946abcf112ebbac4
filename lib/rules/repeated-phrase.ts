import { parseHeading } from '../engine/headings';
import { defineDocumentRule, type Report } from '../engine/rule';
import { wordSpans } from '../engine/segment';
import { isHanCode } from '../engine/text';
import { isSlipDouble } from './repeated-word';

/**
 * repeated-phrase: text typed or pasted twice that is longer than a word and shorter than a sentence.
 *
 * - A phrase of 5–14 characters repeated with nothing between the copies (加强党的建设加强党的建设).
 * - An item repeated across an enumeration mark or a clause mark (学习党章、学习党章; 要压实主体责任，
 *   要压实主体责任，…; 要加强学习。要加强学习。): the two items are equal, each starts and ends at an
 *   item boundary, and the pair is not the emphatic “X、X、再X” figure (学习、学习、再学习); and a sentence
 *   of several clauses repeated right after itself, shorter than repeated-passage's sentences.
 * - A word doubled across a line break, where a paste or a page break repeated the last word of a
 *   line at the start of the next (……切实加强\n加强对党员的……): judged exactly like a double inside a line
 *   (repeated-word's isSlipDouble) on the two lines joined; and an enumeration broken over two lines
 *   whose last item above opens the line below again (学习党规、学习党章、\n学习党章、学习条例……).
 * - A word or phrase typed again after a stray space (要进一步加强 加强干部), judged on the text without the space.
 * Shorter doubles inside a line (要要, 思想思想) belong to repeated-word, whole sentences and paragraphs
 * to repeated-passage. Every fix deletes the second copy (with its separator).
 *
 * `collect` finds the in-line repeats (equality only, so it works on either script) and keeps the line's
 * first and last characters; `combine` places them and looks at each pair of neighbouring lines.
 */

const messages = {
  phrase: (unit: string) => `“${unit}”连续重复出现，应删去一个`,
  item: (unit: string) => `“${unit}”重复列出，应删去一个`,
  sentence: (unit: string) => `“${unit}”整句连续重复，应删去一个`,
  acrossLines: (unit: string) => `上一行末尾的“${unit}”在本行开头重复，应删去一个`,
};

/** Repeats with nothing between: unit length in code units. */
const MIN_PHRASE = 5;
const MAX_PHRASE = 14;
/** Han characters a phrase unit needs (numbers and codes repeat legitimately). */
const MIN_PHRASE_HAN = 3;
/** Items across 、 or a space need two Han characters; across ，；。 (a whole clause) four. */
const MIN_LIST_HAN = 2;
const MIN_CLAUSE_HAN = 4;
const MAX_ITEM = 60;
/** Longest word looked for across a line break, and the shortest upper line that can be broken text. */
const MAX_EDGE = 6;
/** Characters the upper line must hold before a phrase repeated at its start below (see acrossLines). */
const MIN_BEFORE_PHRASE = 3;
const CLOSING_QUOTES = '”’》';
const MIN_BROKEN_LINE = 12;

const LIST_SEPARATORS = '、 \u3000';
const CLAUSE_SEPARATORS = '，；。！？,;';
/** What may stand right before a first item / after a last item (besides the line's ends). */
const ITEM_EDGE = '，、；：。！？,;:“”‘’（）《》【】〔〕 \u3000';

interface LocalReport {
  start: number;
  end: number;
  message: string;
}

interface LineData {
  reports: readonly LocalReport[];
  /** Up to MAX_PHRASE + 2 code units after leading spaces (what a doubled word or phrase at the start would be). */
  head: string;
  /** Up to MAX_EDGE + 2 code units before trailing spaces (a longer phrase is read from `line` once the cheap test
   * in acrossLines passes). */
  tail: string;
  /** Offset of `head` in the line. */
  headAt: number;
  /** The line may continue on the next one: long enough, ends in a Han character (headings: see combine). */
  open: boolean;
  /** Visible length, and whether the line ends in a Han character or a closing quote (a phrase may end so). */
  length: number;
  phraseEnd: boolean;
  /** The line may be the continuation of the previous one: starts with a Han character. */
  continues: boolean;
  /** The line itself, for the rare heading check in combine. */
  line: string;
  /** The line ends in 、: its last item (an enumeration going on on the next line), else ''. */
  lastItem: string;
  /** The line opens with an item followed by 、: that item, else ''. */
  firstItem: string;
}

const EMPTY: LineData = { reports: [], head: '', tail: '', headAt: 0, open: false, length: 0, phraseEnd: false, continues: false, line: '', lastItem: '', firstItem: '' };

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x3000 || c === 0x09 || c === 0xa0;
}

function hanCount(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (isHanCode(text.charCodeAt(i))) n++;
  return n;
}

/** Is the unit text[from, from + len) periodic with a shorter period (哈哈哈哈哈, 加油加油加)? */
function isPeriodic(text: string, from: number, len: number): boolean {
  for (let p = 1; p <= len >> 1; p++) {
    let same = true;
    for (let k = from + p; k < from + len && same; k++) same = text.charCodeAt(k) === text.charCodeAt(k - p);
    if (same) return true;
  }
  return false;
}

function isItemEdge(text: string, i: number): boolean {
  return i <= 0 || i >= text.length || ITEM_EDGE.includes(text[i]!);
}

/**
 * Han, letters, digits and quotation marks: what a phrase repeated without punctuation is made of (“我为群众办
 * 实事”实践活动 typed twice).
 */
function isPhraseCode(c: number): boolean {
  return isHanCode(c) || (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0x2018 && c <= 0x201d) || c === 0x300a || c === 0x300b;
}

/**
 * Last position of each character pair (hashed), shared between calls: an entry is live when it is at least
 * `epoch`, so nothing is cleared per line.
 */
const PAIR_BITS = 12;
const lastPair = new Int32Array(1 << PAIR_BITS).fill(-1);
let epoch = 0;

/**
 * 5–14 characters repeated back to back. One pass: a repeat at distance d repeats every character pair
 * inside it at distance d, so a pair seen again 5–14 code units later is the only place worth a look;
 * there the run of equal characters at that distance is measured both ways.
 */
function findPhrases(text: string, out: LocalReport[]): void {
  const n = text.length;
  if (epoch > 0x7fffffff - n - 16) {
    lastPair.fill(-1);
    epoch = 0;
  }
  const base = epoch;
  epoch += n + 16;
  let coveredTo = 0;
  let prevCode = text.charCodeAt(0);
  for (let k = 1; k < n; k++) {
    const c = text.charCodeAt(k);
    const h = (Math.imul(prevCode, 31) ^ c) & ((1 << PAIR_BITS) - 1);
    const seen = lastPair[h]! - base;
    lastPair[h] = base + k;
    prevCode = c;
    if (seen < 1) continue;
    const d = k - seen;
    if (d < MIN_PHRASE || d > MAX_PHRASE || k - 1 - d < coveredTo) continue;
    if (text.charCodeAt(seen) !== c || text.charCodeAt(seen - 1) !== text.charCodeAt(k - 1) || !isPhraseCode(c)) continue;
    // The run of positions j with text[j] === text[j - d] around k, over phrase characters only.
    let from = k - 1;
    while (from - 1 - d >= coveredTo && from - 1 - d >= 0 && isPhraseCode(text.charCodeAt(from - 1)) && text.charCodeAt(from - 1) === text.charCodeAt(from - 1 - d)) from--;
    let to = k + 1;
    while (to < n && isPhraseCode(text.charCodeAt(to)) && text.charCodeAt(to) === text.charCodeAt(to - d)) to++;
    if (to - from < d || !isPhraseCode(text.charCodeAt(from - d))) continue;
    // First copy [start, start + d), second [start + d, start + 2d).
    const start = from - d;
    let ok = true;
    for (let j = start; j < start + d && ok; j++) ok = isPhraseCode(text.charCodeAt(j));
    if (!ok || hanCount(text, start, start + d) < MIN_PHRASE_HAN || isPeriodic(text, start, d)) continue;
    // Slide the pair right while the text stays periodic, to end the second copy at an item edge when
    // possible (display only: deleting any d characters of a periodic stretch gives the same text).
    let s = start;
    while (!isItemEdge(text, s + 2 * d) && s + 2 * d < to) s++;
    if (!isItemEdge(text, s + 2 * d)) s = start;
    out.push({ start: s + d, end: s + 2 * d, message: messages.phrase(text.slice(s, s + d)) });
    coveredTo = s + 2 * d;
    k = Math.max(k, coveredTo - 1);
    prevCode = text.charCodeAt(k);
  }
}

const SENTENCE_ENDS = '。！？';
const SEPARATOR_CODES = new Set(Array.from(LIST_SEPARATORS + CLAUSE_SEPARATORS, (c) => c.charCodeAt(0)));

/** text[a, a + len) === text[b, b + len), without allocating. */
function sameRange(text: string, a: number, b: number, len: number): boolean {
  if (len <= 0 || b + len > text.length) return false;
  for (let k = 0; k < len; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

function isSeparator(c: number): boolean {
  // Most characters are Han: skip them before the set lookup.
  return (c < 0x4e00 || c >= 0xff00) && SEPARATOR_CODES.has(c);
}

/**
 * Separator offsets of the line findItems is scanning, written by index (sepCount of them): one array for
 * every line rather than one grown per line (findItems is synchronous and never re-entered).
 */
const scratchSeps: number[] = [];

/** Items repeated across 、 ， ； 。 or a space. */
function findItems(text: string, out: LocalReport[]): void {
  const n = text.length;
  const seps = scratchSeps;
  let sepCount = 0;
  for (let i = 0; i < n; i++) if (isSeparator(text.charCodeAt(i))) seps[sepCount++] = i;
  if (sepCount === 0) return;
  let coveredTo = 0;
  for (let s = 0; s < sepCount; s++) {
    const sep = seps[s]!;
    const sepChar = text[sep]!;
    const firstFrom = s > 0 ? seps[s - 1]! + 1 : 0;
    const nextSep = s + 1 < sepCount ? seps[s + 1]! : n;
    const space = isSpace(text.charCodeAt(sep));
    // The second copy is the whole next item; across a space it may also open a longer one (a stray
    // space plus a repeat: 党员干部 党员干部要带头).
    let len = nextSep - (sep + 1);
    let firstStart = sep - len;
    let whole = firstStart === firstFrom;
    if (space && !(firstStart >= firstFrom && sameRange(text, firstStart, sep + 1, len)) && sep > firstFrom && sameRange(text, firstFrom, sep + 1, sep - firstFrom)) {
      len = sep - firstFrom;
      firstStart = firstFrom;
      whole = true;
    }
    const secondStart = sep + 1;
    const secondEnd = secondStart + len;
    if (space && sep >= coveredTo && !(len >= 2 && firstStart >= firstFrom && sameRange(text, firstStart, secondStart, len))) {
      // A word or phrase typed again after a stray space (要进一步加强 加强干部): neither copy is a whole item.
      const end = spaceDouble(text, sep, Math.max(firstFrom, coveredTo), nextSep, out);
      if (end > 0) coveredTo = end;
      continue;
    }
    if (len < 2 || len > MAX_ITEM || firstStart < firstFrom || firstStart < coveredTo || secondEnd > n) continue;
    if (isSpace(text.charCodeAt(secondStart)) || isSpace(text.charCodeAt(firstStart))) continue;
    if (!sameRange(text, firstStart, secondStart, len)) continue;
    const han = hanCount(text, secondStart, secondEnd);
    const list = sepChar === '、' || space;
    // Across a clause or sentence mark both copies are whole clauses (not 提高组织协调能力。组织协调能力，
    // 是指……: a run-in heading and the term it defines); after a sentence end the copy ends one too.
    // Across a comma or semicolon the first copy may end a longer clause (我们要压实主体责任，压实主体责任，……)
    // when it starts a word there and the copy is the whole clause after the mark; not before ！(an exclamation
    // said again for emphasis).
    if (!list && !whole && !(CLAUSE_REPEAT_MARKS.includes(sepChar) && text[secondEnd] !== '！' && firstStart > firstFrom && !wordSpans(text, firstStart))) continue;
    if (SENTENCE_ENDS.includes(sepChar) && secondEnd < n && !SENTENCE_ENDS.includes(text[secondEnd]!)) continue;
    if (han < (list && whole ? MIN_LIST_HAN : MIN_CLAUSE_HAN)) continue;
    const unit = text.slice(secondStart, secondEnd);
    // The emphatic figure: 学习、学习、再学习; 奋斗！奋斗！奋斗！
    const next = secondEnd < n ? text.slice(secondEnd + 1, secondEnd + 2 + len) : '';
    if (next.startsWith(unit) || ((next[0] === '再' || next[0] === '又' || next[0] === '还') && next.slice(1).startsWith(unit))) continue;
    out.push({ start: sep, end: secondEnd, message: messages.item(unit) });
    coveredTo = secondEnd;
  }
}

/**
 * Han text of 2–14 characters before the space at `sep` typed again right after it (要进一步加强 加强干部, 把学习 学习
 * 成果): judged like a double with nothing between (repeated-word's isSlipDouble for words, as a phrase for longer
 * units) on the text with the space taken out. Reports the space and the copy; returns where the report ends, or 0.
 */
function spaceDouble(text: string, sep: number, from: number, to: number, out: LocalReport[]): number {
  const after = sep + 1;
  for (let len = Math.min(MAX_PHRASE, sep - from, to - after); len >= 2; len--) {
    // Cheap test first: the last character before the space ends the copy after it.
    if (text.charCodeAt(sep - 1) !== text.charCodeAt(after + len - 1) || !sameRange(text, sep - len, after, len)) continue;
    if (hanCount(text, sep - len, sep) !== len) return 0;
    let slip: boolean;
    if (len <= 4) {
      const start = Math.max(0, sep - len - 8);
      const joined = text.slice(start, sep) + text.slice(after, after + len + 8);
      slip = isSlipDouble(joined, sep - len - start, len);
    } else {
      slip = !isPeriodic(text, sep - len, len);
    }
    if (!slip) return 0;
    out.push({ start: sep, end: after + len, message: messages.phrase(text.slice(after, after + len)) });
    return after + len;
  }
  return 0;
}

const CLAUSE_MARKS = '，；：,;:';
/** Marks across which a clause may repeat the end of the one before it (not a sentence end: see findItems). */
const CLAUSE_REPEAT_MARKS = '，；,;';

/**
 * A sentence of several clauses typed or pasted twice in a row (学习贯彻全会精神，关键在于落实。学习贯彻
 * 全会精神，关键在于落实。), or again after the sentence it closes (我们要认识到，学习贯彻……落实。学习贯彻
 * ……落实。): too short for repeated-passage (which compares sentences of 15 characters and more anywhere in
 * the document) and more than one item. Statements only: a slogan or question said twice (同志们，加油！
 * 同志们，加油！) is a figure of speech. The second copy is deleted.
 */
function findSentences(text: string, out: LocalReport[]): void {
  const n = text.length;
  let start = 0;
  for (let i = 0; i < n; i++) {
    if (text.charCodeAt(i) !== 0x3002) continue;
    const end = i + 1;
    const len = end - start;
    const first = start - len;
    // The first copy is the end of the sentence before, from its start or after one of its clause marks.
    if (start > 0 && text.charCodeAt(start - 1) === 0x3002 && len <= MAX_ITEM && first >= 0 && (first === 0 || SENTENCE_ENDS.includes(text[first - 1]!) || CLAUSE_MARKS.includes(text[first - 1]!)) && sameRange(text, first, start, len)) {
      let clauses = 0;
      for (let k = start; k < end; k++) if (CLAUSE_MARKS.includes(text[k]!)) clauses++;
      if (clauses > 0 && hanCount(text, start, end) >= MIN_CLAUSE_HAN) out.push({ start, end, message: messages.sentence(text.slice(start, end)) });
    }
    start = end;
  }
}

/** The reports of the line being collected (collect is synchronous and never re-entered). */
const scratchReports: LocalReport[] = [];
/** The reports of a line that has none (collect output is cached per line and never mutated). */
const NO_REPORTS: LocalReport[] = Object.freeze([]) as unknown as LocalReport[];
/** The one fix of every report: delete the copy. */
const DELETE: string[] = Object.freeze(['']) as unknown as string[];

function collect(text: string): LineData {
  let a = 0;
  let b = text.length;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  if (a === b) return EMPTY;
  const reports = scratchReports;
  reports.length = 0;
  findPhrases(text, reports);
  findItems(text, reports);
  findSentences(text, reports);
  if (reports.length > 1) reports.sort((x, y) => x.start - y.start);
  // Drop overlaps (a phrase that is also an item): keep the first. Most lines have none: one shared list.
  let kept: LocalReport[] = NO_REPORTS;
  for (const r of reports) {
    if (kept === NO_REPORTS) kept = [r];
    else if (r.start >= kept[kept.length - 1]!.end) kept.push(r);
  }
  reports.length = 0;
  const edge = MAX_EDGE + 2;
  // An enumeration broken over two lines: the last item of this line and the first of a line that goes
  // on with one.
  let lastItem = '';
  if (text.charCodeAt(b - 1) === 0x3001) {
    let k = b - 2;
    while (k >= a && b - 1 - k <= MAX_ITEM && !isSeparator(text.charCodeAt(k))) k--;
    if (b - 2 - k >= 2) lastItem = text.slice(k + 1, b - 1);
  }
  let firstItem = '';
  for (let k = a; k < b && k - a <= MAX_ITEM; k++) {
    const c = text.charCodeAt(k);
    if (!isSeparator(c)) continue;
    if (c === 0x3001 && k - a >= 2) firstItem = text.slice(a, k);
    break;
  }
  return {
    lastItem,
    firstItem,
    reports: kept,
    head: text.slice(a, Math.min(b, a + MAX_PHRASE + 2)),
    headAt: a,
    tail: text.slice(Math.max(a, b - edge), b),
    line: text,
    open: b - a >= MIN_BROKEN_LINE && isHanCode(text.charCodeAt(b - 1)),
    length: b - a,
    phraseEnd: isHanCode(text.charCodeAt(b - 1)) || CLOSING_QUOTES.includes(text[b - 1]!),
    continues: isHanCode(text.charCodeAt(a)),
  };
}

export default defineDocumentRule<LineData | undefined>({
  meta: {
    id: 'repeated-phrase',
    category: 'repetition',
    severity: 'error',
    description: '检查连续重复的短语和列举项（如“加强党的建设加强党的建设”“学习党章、学习党章”），以及跨行重复的词',
    fixable: true,
  },
  collect,
  // A line's reports depend on it and the line above: an edit affects its lines and the one below them.
  incremental: {
    summary: () => undefined,
    add() {},
    remove() {},
    affected: (_doc, from, to) => [from, to + 1],
  },
  combine(doc, report: (r: Report) => void) {
    const { paragraphs, collected } = doc;
    let prev: LineData | undefined;
    const stop = Math.min(paragraphs.length, doc.to);
    // From the line above the range (it only sets `prev`: what it reports starts before the range).
    for (let i = Math.max(0, doc.from - 1); i < stop; i++) {
      const d = collected[i];
      if (!d || d === EMPTY) {
        // A blank line between the two halves is a paragraph break, not a broken line.
        prev = undefined;
        continue;
      }
      const p = paragraphs[i]!;
      if (prev && prev.phraseEnd && d.continues) acrossLines(prev, d, p.start + d.headAt, report);
      // The item that ends the upper line opens the lower one too: 学习党规、学习党章、⏎学习党章、……
      // (As inside a line: the end of a longer item above needs four Han characters.)
      if (prev && prev.lastItem && d.firstItem && prev.lastItem.endsWith(d.firstItem)) {
        const need = prev.lastItem === d.firstItem ? MIN_LIST_HAN : MIN_CLAUSE_HAN;
        if (hanCount(d.firstItem, 0, d.firstItem.length) >= need) {
          const at = p.start + d.headAt;
          report({ start: at, end: at + d.firstItem.length + 1, message: messages.acrossLines(d.firstItem), replacements: [''] });
        }
      }
      for (const r of d.reports) report({ start: p.start + r.start, end: p.start + r.end, message: r.message, replacements: DELETE });
      prev = d;
    }
  },
});

/** The end of the upper line repeated at the start of the lower one. */
function acrossLines(upper: LineData, lower: LineData, at: number, report: (r: Report) => void): void {
  // Cheap test first (combine runs on every analysis): the last character starts the next line.
  if (!upper.tail || !lower.head || !lower.head.includes(upper.tail[upper.tail.length - 1]!)) return;
  if (parseHeading(upper.line) || parseHeading(lower.line)) return;
  // A phrase may be longer than the tail kept per line: read it from the line now (rarely reached).
  const tailEnd = upper.headAt + upper.length;
  const tail = upper.line.slice(Math.max(upper.headAt, tailEnd - MAX_PHRASE - 2), tailEnd);
  const { head } = lower;
  for (let len = Math.min(MAX_PHRASE, tail.length, head.length); len >= 1; len--) {
    const unit = tail.slice(tail.length - len);
    if (!head.startsWith(unit)) continue;
    if (len > MAX_EDGE || hanCount(unit, 0, len) >= MIN_CLAUSE_HAN) {
      // A phrase of four Han characters or more at the end of a line and again at the start of the next (……坚定
      // 理想信念⏎坚定理想信念，……): a paste or a page break repeated it. The upper line must hold more than the
      // phrase (a title line and a sentence that opens with it: 论加强党的建设⏎加强党的建设是……).
      if (hanCount(unit, 0, len) < MIN_CLAUSE_HAN || isPeriodic(unit, 0, len) || upper.length < len + MIN_BEFORE_PHRASE) continue;
      report({ start: at, end: at + len, message: messages.acrossLines(unit), replacements: [''] });
      return;
    }
    if (!upper.open) return;
    // Judge the double on the two lines joined, exactly as inside a line.
    const joined = tail + head;
    if (!isSlipDouble(joined, tail.length - len, len)) return;
    report({ start: at, end: at + len, message: messages.acrossLines(unit), replacements: [''] });
    return;
  }
}
