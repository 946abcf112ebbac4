/**
 * repeated-passage: a sentence or paragraph that occurs twice in the document (copy-paste slips, a block
 * pasted twice, a web page's truncated summary left above the full text).
 *
 * Text is compared after dropping punctuation and spaces ("normalized"), so "，" vs "," does not hide a repeat.
 * Anchors (keys) are sentences of ≥ 15 normalized characters (≥ 10 Han) that are not a heading and not on
 * a title line, and whole lines of that size; a repeat of an anchor is reported (on the later copy) when it is
 * - part of a whole repeated paragraph: consecutive repeated lines (headings and short lines included) merge
 *   into one issue whose fix deletes the lines and their line breaks — anywhere in the document;
 * - a run of ≥ 2 repeated non-heading sentences (≥ 30 characters) — anywhere;
 * - a single repeated sentence in the same paragraph or the next one ("……。A。A。"), and anywhere when it has
 *   ≥ 20 characters (a sentence pasted again at the end of a draft) — except in a collection of articles (two
 *   title lines equal but for numerals: ……能力1 / ……能力2, or a title repeated in a table of contents), whose
 *   articles share stock sentences; the summary counts such titles, and an edit that changes whether the
 *   document is a collection runs the whole document again;
 * - a whole sentence (≥ 12 characters, ≥ 10 Han) that repeats a run of clauses found earlier in its line,
 *   within 300 characters (……，把每一条路修好、管好，让群众出行更便捷，为……作出贡献！把每一条路修好、管好，让群众
 *   出行更便捷。): a clause run of a long sentence pasted again, not right after it. A quotation taken up again
 *   as a sentence of its own (强调，“……”。……。) is emphasis: left alone, here and by the adjacent copies.
 * A line that ends in an ellipsis and whose text is the beginning of a neighbouring paragraph (a truncated
 * web summary) is reported itself, with its title prefix when that is a neighbouring line too.
 * Adjacent copies (issue 7: independent drafts pasted or retyped a sentence's tail right after it, and no
 * anchor matched, since the copy is not a whole sentence): a run of 6–80 kept characters (≥ 5 Han) that
 * repeats the text just before it and ends at a clause boundary — ……，建强支部班子。建强支部班子。, a clause
 * after a comma, a copy starting a few characters before or after the original's clause, a copy pasted before
 * the original's mark — and a line that opens with a copy of the previous line's end (not after a heading or a
 * title line; up to a sentence mark, or up to a clause mark when the previous line ends in one: a line broken
 * mid-sentence, ……二十余次，⏎共开展……二十余次，服务……). The fix deletes exactly the copy (from the mark after the original to the mark after the copy).
 * A clause mark after a sentence end is the figure that takes the end of a sentence up and goes on
 * (……坚持人民至上。坚持人民至上，就是……): not reported. Shorter repeats are repeated-phrase's.
 *
 * Cost: `collect` splits each line into sentences, normalizes and hashes them in one pass (cached with the
 * line); `combine` walks the keys through a reusable open-addressing table: about 30–80 µs for 100,000
 * characters. After an edit, `affected` walks again only the lines whose decisions can change (the edited
 * lines, their neighbours, blocks of equal lines, and the copies of a key whose earlier copy changed),
 * using a key → lines index and each line's kept decisions: the cost follows the repeats involved, not
 * the document.
 * Not handled: a sentence repeated with a character or two changed (…扎实开展… / …认真开展…: a revision or a
 * near-parallel sentence, 要加强…教育管理。要加强…监督管理。, cannot be told from a copy by equality), a refrain
 * repeated as whole lines (reported as repeated paragraphs), repeats inside a sentence without punctuation ("加强党的建设加强党的建设") whose first copy
 * does not open a clause, which are repeated-phrase's business, and a sentence repeated as the first sentence
 * of an inline heading.
 */
import { parseHeading } from '../engine/headings';
import { defineDocumentRule, type DocumentView, type Paragraph, type Report } from '../engine/rule';
import { isHanCode } from '../engine/text';
import { keepShape } from '../engine/keep-shape';

const messages = {
  paragraph: (n: number) => `本段与第${n}段重复，可删除`,
  paragraphs: (count: number, n: number) => `这${count}段与第${n}段起的${count}段内容重复，可删除`,
  sentenceSameParagraph: '此句与本段前文重复，可删除',
  sentence: (n: number) => `此句与第${n}段中的语句重复，可删除`,
  sentences: (n: number) => `这几句与第${n}段中的语句重复，可删除`,
  snippet: (n: number) => `此段是第${n}段开头的截断重复（网页摘要残留），可删除`,
  adjacent: '此处紧接着重复了前面的文字，可删除',
  acrossLines: '本段开头重复了上一段末尾的文字，可删除',
};

/**
 * The fix of every report (delete the copy): one frozen list, which the analyzer keeps as it is, instead of a
 * new [''] per report.
 */
const DELETE: string[] = Object.freeze(['']) as unknown as string[];

const MIN_CHARS = 15;
const MIN_HAN = 10;
/** A run of several sentences must be at least this long to count anywhere in the document. */
const MIN_RUN_CHARS = 30;
/** A single sentence at least this long counts anywhere in the document too. */
const FAR_MIN_CHARS = 20;
/**
 * A title line this long (kept characters, numerals dropped) that occurs twice marks a collection of
 * articles (……能力1 / ……能力2, or a title repeated in a table of contents): there, single sentences far
 * apart are left alone, since the articles share stock sentences.
 */
const STEM_MIN = 8;
/** Whether single far sentences count in the run under way (no collection of articles; see STEM_MIN). */
let farSingles = true;
const TITLE_MAX = 40;
/** How many non-blank lines around a truncated summary are searched for its full text. */
const SNIPPET_WINDOW = 3;

/**
 * What a line holds, kept for every line of the document between edits: the normalized line and one flat
 * list of small integers. No object per sentence, no string per sentence or key (a sentence's normalized text
 * is a range of `norm`, compared in place), no array per field: a 1,000,000-character document holds
 * ~6,700 lines, ~24,000 sentences and ~23,000 keys, and a string, a list of sentence texts and four integer
 * lists per line made this rule most of the analyzer's memory (10 MB of the 19 kept for that document).
 */
interface LineData {
  /** Normalized text of the line: letters, digits and Han only. */
  norm: string;
  /** How many sentences the line holds (those with kept characters). */
  sentences: number;
  /** The first this many sentences are part of a heading (the heading sentence of a line starting with 一、 （一） 1. …). */
  headingSentences: number;
  /**
   * How many keys to look up in combine: normalized anchor sentences, and the normalized line itself for a
   * line anchor (first, when there is one).
   */
  keyCount: number;
  /**
   * Flat: per sentence SENT_FIELDS integers (first non-space character; end after the terminator and closing
   * quotes; that end plus the spaces that follow; the end of its text in `norm`, whose start is the previous
   * sentence's end: what lies between sentences is never kept); then per key KEY_FIELDS integers (its
   * sentence index, -1 for the line anchor; its hash, FNV-1a cut to 30 bits, a small integer, for combine's
   * table and the summary's index; for a sentence key the index of the line's first sentence with the same
   * text, -1 for the line key); then, to the end, the `heads` pairs: where the line's opening may be a copy
   * of the previous line's end (across a line break): per clause that ends in a sentence mark within ADJ_MAX
   * kept characters of the line start, [kept characters up to it, end of the range to delete (after its
   * marks and spaces)] (those that end in a clause mark are found when needed: see clauseHeads).
   */
  ints: readonly number[];
  /** Trimmed content range. */
  contentStart: number;
  contentEnd: number;
  /** Start of a trailing ellipsis ("…", "...", "。。。"), or -1. */
  ellipsis: number;
  /**
   * Copies that follow their original at once inside the line (……建强支部班子。帮助……建强支部班子。), as
   * [start, end) pairs of the range to delete (line offsets): see findAdjacent.
   */
  adjacent: readonly number[];
  /** For a title line, its normalized text without numerals when at least STEM_MIN long (see STEM_MIN), else ''. */
  stem: string;
}

const SENT_FIELDS = 4;
const S_START = 0;
const S_END = 1;
const S_DEL_END = 2;
const S_NORM_END = 3;
const KEY_FIELDS = 3;
const K_SENTENCE = 0;
const K_HASH = 1;
const K_FIRST = 2;
const HASH_MASK = 0x3fffffff;

const NONE: readonly number[] = [];
const EMPTY: LineData = {
  norm: '', sentences: 0, headingSentences: 0, keyCount: 0, ints: NONE, contentStart: 0, contentEnd: 0, ellipsis: -1, adjacent: NONE, stem: '',
};

/** Field `f` of sentence `k`. */
function sent(d: LineData, k: number, f: number): number {
  return d.ints[k * SENT_FIELDS + f]!;
}

/** Where sentence `k`'s text starts in `norm` (it ends at its S_NORM_END). */
function normFrom(d: LineData, k: number): number {
  return k === 0 ? 0 : d.ints[(k - 1) * SENT_FIELDS + S_NORM_END]!;
}

/** Field `f` of key `k`. */
function keyField(d: LineData, k: number, f: number): number {
  return d.ints[d.sentences * SENT_FIELDS + k * KEY_FIELDS + f]!;
}

function isLineKey(d: LineData, k: number): boolean {
  return keyField(d, k, K_SENTENCE) < 0;
}

/** Offset in the line where key `k`'s text starts. */
function keyStart(d: LineData, k: number): number {
  const s = keyField(d, k, K_SENTENCE);
  return s < 0 ? d.contentStart : sent(d, s, S_START);
}

/** Where the heads pairs start in `ints`. */
function headsFrom(d: LineData): number {
  return d.sentences * SENT_FIELDS + d.keyCount * KEY_FIELDS;
}

function hasHeads(d: LineData): boolean {
  return d.ints.length > headsFrom(d);
}

/** Is a[x, x + len) equal to b[y, y + len)? */
function sameRange(a: string, x: number, b: string, y: number, len: number): boolean {
  if (a === b && x === y) return true;
  for (let t = 0; t < len; t++) if (a.charCodeAt(x + t) !== b.charCodeAt(y + t)) return false;
  return true;
}

/** Sentence s1 of d1 and sentence s2 of d2 have the same normalized text. */
function sameSentence(d1: LineData, s1: number, d2: LineData, s2: number): boolean {
  const x = normFrom(d1, s1);
  const len = sent(d1, s1, S_NORM_END) - x;
  const y = normFrom(d2, s2);
  return sent(d2, s2, S_NORM_END) - y === len && sameRange(d1.norm, x, d2.norm, y, len);
}

/** The normalized text of key `k` (for the few places that need a string: an edit's set of keys). */
function keyText(d: LineData, k: number): string {
  const s = keyField(d, k, K_SENTENCE);
  return s < 0 ? d.norm : d.norm.slice(normFrom(d, s), sent(d, s, S_NORM_END));
}

/**
 * The code units a normalized line keeps (digits, Latin, Greek, Cyrillic, kana, Hangul, Han and the
 * full-width alphanumerics; surrogates, so that astral Han characters stay), as [first, last] ranges: both
 * isKept's table and NOT_KEPT are made from this one list.
 */
const KEPT_RANGES: readonly (readonly [number, number])[] = [
  [0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a], [0xc0, 0x24f], [0x370, 0x4ff], [0x3007, 0x3007], [0x3040, 0x30ff],
  [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xac00, 0xd7af], [0xd800, 0xdfff], [0xf900, 0xfaff], [0xff10, 0xff19],
  [0xff21, 0xff3a], [0xff41, 0xff5a],
];
const KEPT_UNITS = new Uint8Array(0x10000);
for (const [a, b] of KEPT_RANGES) KEPT_UNITS.fill(1, a, b + 1);

function isKept(c: number): boolean {
  return KEPT_UNITS[c] === 1;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0xfeff;
}

function isTerminator(c: number): boolean {
  // 。！？；!?;
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0x21 || c === 0x3f || c === 0x3b;
}

/** Sentence end at text[i]: a terminator, or a half-width "." between Han characters (or before the line end). */
function endsSentence(text: string, i: number, end: number): boolean {
  const c = text.charCodeAt(i);
  if (isTerminator(c)) return true;
  if (c !== 0x2e || i === 0 || !isHanCode(text.charCodeAt(i - 1))) return false;
  return i + 1 >= end || isHanCode(text.charCodeAt(i + 1)) || isSpace(text.charCodeAt(i + 1));
}

function isCloser(c: number): boolean {
  // ” ’ ） ) 》 」 』 】 " '
  return c === 0x201d || c === 0x2019 || c === 0xff09 || c === 0x29 || c === 0x300b || c === 0x300d || c === 0x300f || c === 0x3011 || c === 0x22 || c === 0x27;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Line keys hash from their own seed, so a line and a sentence of the same text rarely share a slot. */
const LINE_SEED = Math.imul(FNV_OFFSET ^ 1, FNV_PRIME);

/** Han count of the last normalize() result (a side result, to avoid allocating a tuple). */
let normHan = 0;

/** Normalized text of text[from, to) (letters, digits and Han only); sets normHan. */
function normalize(text: string, from: number, to: number): string {
  let out = '';
  let run = -1;
  let han = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isKept(c)) {
      if (run < 0) run = i;
      if (isHanCode(c)) han++;
    } else if (run >= 0) {
      out += text.slice(run, i);
      run = -1;
    }
  }
  if (run >= 0) out += text.slice(run, to);
  normHan = han;
  return out;
}

const TITLE_PUNCT = /[。，；：！？,;:!?]/;
/**
 * Everything isKept rejects (KEPT_RANGES): the normalized line of a line holding surrogates is
 * text.replace(NOT_KEPT, '') (see keptUnits for the others) — one flat string made natively, where
 * concatenating each clause's slice made a slice, a cons string per clause and a flattened copy.
 */
const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
const NOT_KEPT = new RegExp(`[^${KEPT_RANGES.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('')}]+`, 'g');
/**
 * The kept code units of the line being collected, written by collect's loop as it counts them: the normalized
 * line is decoded from them in one native call. That allocates the result alone, where the replace above
 * allocated a string of the line's length and cut it (5.7 against 2.6 MB allocated per 1,000,000 characters,
 * at the same speed). Decoding UTF-16 would turn a lone surrogate into U+FFFD, so a line holding surrogates
 * (rare: astral characters) takes the replace.
 */
let keptUnits = new Uint16Array(1024);
const utf16 = typeof TextDecoder === 'function' ? new TextDecoder('utf-16le') : null;

/** The normalized line: text without what isKept rejects, from the `count` units collect wrote to keptUnits. */
function keptText(text: string, count: number, surrogates: boolean): string {
  if (count === 0) return '';
  if (surrogates || utf16 === null) {
    NOT_KEPT.lastIndex = 0;
    return text.replace(NOT_KEPT, '');
  }
  let view = unitViews[count];
  if (view === undefined) {
    view = keptUnits.subarray(0, count);
    if (count < UNIT_VIEWS_MAX) unitViews[count] = view;
  }
  return utf16.decode(view);
}

/**
 * Views of keptUnits by length, made once (a view per line was 0.6 MB of garbage per 1,000,000 characters);
 * dropped when keptUnits grows.
 */
const UNIT_VIEWS_MAX = 1024;
let unitViews: (Uint16Array | undefined)[] = new Array(UNIT_VIEWS_MAX);
/**
 * Scratch arrays reused by every collect (written by index with a count, copied out at their exact length):
 * growing fresh arrays by push and copying them made several short-lived arrays per line.
 */
const scratchSpans: number[] = [];
const scratchSentenceKeys: number[] = [];
const scratchMarks: number[] = [];
/** Up to this many sentences, the first sentence equal to a key is found by a scan instead of a Map. */
const FIRST_SCAN_MAX = 16;

const ELLIPSIS_TAIL = /(?:…+|\.{3,}|。{3,}|．{3,})[\s\u3000]*$/;

/** White space as the regular expressions' \s has it (ECMAScript WhiteSpace and LineTerminator). */
function isRegExpSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Can ELLIPSIS_TAIL match the end of `text`: is its last character before trailing white space one an
 * ellipsis ends with? Most lines end otherwise, and then the slice and the expression are not needed.
 */
function mayEndInEllipsis(text: string): boolean {
  let e = text.length - 1;
  while (e >= 0 && isRegExpSpace(text.charCodeAt(e))) e--;
  if (e < 0) return false;
  const c = text.charCodeAt(e);
  return c === 0x2026 || c === 0x2e || c === 0x3002 || c === 0xff0e;
}

/**
 * An adjacent copy (a sentence, a clause or the tail of one pasted or retyped right after itself) has at
 * least ADJ_MIN kept characters, ADJ_MIN_HAN of them Han (shorter doubles — 学习、学习、再学习, 研究研究 —
 * are emphasis or another rule's business), and at most ADJ_MAX (a longer copy is a whole sentence, which
 * the sentence keys find, or not a paste).
 */
const ADJ_MIN = 6;
const ADJ_MIN_HAN = 5;
const ADJ_MAX = 80;
/** A copy pasted inside its original's sentence, before its mark, is at most this long (kept characters). */
const ADJ_HALF_MAX = 40;

const MARK_FIELDS = 4;

function isClauseMark(c: number): boolean {
  // ，、：,:
  return c === 0xff0c || c === 0x3001 || c === 0xff1a || c === 0x2c || c === 0x3a;
}

/** Is b[y, y + len) equal to a[x, x + len), with at least ADJ_MIN_HAN Han characters? (a and b may be one string.) */
function sameCopy(a: string, x: number, b: string, y: number, len: number): boolean {
  let han = 0;
  for (let t = 0; t < len; t++) {
    const c = b.charCodeAt(y + t);
    if (a.charCodeAt(x + t) !== c) return false;
    if (isHanCode(c)) han++;
  }
  return han >= ADJ_MIN_HAN;
}

/** Offset in `text` of the kept character number `target` of the line, counting from `count` at `from`. */
function keptAt(text: string, from: number, count: number, target: number, end: number): number {
  for (let r = from; r < end; r++) {
    if (!isKept(text.charCodeAt(r))) continue;
    if (count === target) return r;
    count++;
  }
  return end;
}

/**
 * Copies that follow their original at once (a tandem repeat of the kept characters) and end at a clause
 * boundary: “……，帮助企业规范组织生活、建强支部班子。帮助企业规范组织生活、建强支部班子。” — the copy a
 * suffix of the sentence before, starting at a clause or inside one. Two shapes, both between clause
 * boundaries (`marks`, MARK_FIELDS each: kept characters before it, offset of its first mark, 1 for a
 * sentence end, the kept character before it):
 * - the original ends at a boundary and the copy runs from it to another boundary, a sentence end or a
 *   clause mark after a clause mark (……急难愁盼问题，解决了一批群众急难愁盼问题。 ends its sentence with the copy);
 *   a clause mark after a sentence end is the figure that takes up the end of a sentence and goes on
 *   (……坚持人民至上。坚持人民至上，就是要……), left alone;
 * - the copy was pasted inside the original's sentence, before its mark (……壮大村级集体经济壮大村级集体经济。):
 *   two equal halves between two boundaries.
 * The range deleted runs from the mark after the original to the mark after the copy (or from the copy's
 * first character when nothing is between them), so the text keeps the copy's closing mark. Cost: for each
 * boundary, the boundaries within ADJ_MAX (and 2 × ADJ_HALF_MAX) kept characters before it, each rejected by
 * one or two character comparisons unless it repeats.
 */
function findAdjacent(text: string, norm: string, marks: readonly number[], count: number, contentStart: number, contentEnd: number): readonly number[] {
  let out: number[] | null = null;
  let lastEnd = -1;
  /** First candidate boundary of each shape (-3: the line start), moving forward with e. */
  let lo1 = 0;
  let lo2 = -MARK_FIELDS;
  /** Boundary index where the last copy reported ends: later copies start there or after it. */
  let after = -MARK_FIELDS;
  for (let b = 0; b < count; b += MARK_FIELDS) {
    const e = marks[b]!;
    if (e < 2 * ADJ_MIN) continue;
    const last = marks[b + 3]!;
    while (lo1 < b && e - marks[lo1]! > ADJ_MAX) lo1 += MARK_FIELDS;
    while (lo2 < b && e - (lo2 < 0 ? 0 : marks[lo2]!) > 2 * ADJ_HALF_MAX) lo2 += MARK_FIELDS;
    let from = -1;
    let to = marks[b + 1]!;
    // The original ends at a boundary j, the copy is [j, e) (the longest first).
    for (let a = Math.max(lo1, after); a < b; a += MARK_FIELDS) {
      const j = marks[a]!;
      const span = e - j;
      if (span < ADJ_MIN) break;
      if (marks[a + 3] === last && j >= span && marks[a + 2]! <= marks[b + 2]! && norm.charCodeAt(j - span) === norm.charCodeAt(j) &&
        sameCopy(norm, j - span, norm, j, span)) {
        // A quotation taken up again as a sentence of its own (强调，“江山就是人民，人民就是江山”。江山就是人民，
        // 人民就是江山。): emphasis, left alone.
        if (marks[b + 2] === 1 && quotedBack(text, marks[a + 1]!, span)) break;
        from = marks[a + 1]!;
        to = marks[b + 1]!;
        // A sentence of several clauses after a full stop, both closed by the same marks: the copy goes with
        // its marks (……落实。[学习贯彻全会精神，关键在于落实。]), the range repeated-phrase gives such a
        // sentence, so that one slip makes one report.
        if (marks[a + 2] === 1 && marks[b + 2] === 1 && text.charCodeAt(from) === 0x3002) {
          const endJ = sentenceMarksEnd(text, from, contentEnd);
          const endE = sentenceMarksEnd(text, to, contentEnd);
          if (endJ - from === endE - to && text.startsWith(text.slice(to, endE), from) && INNER_CLAUSE.test(text.slice(endJ, to))) {
            from = endJ;
            to = endE;
          }
        }
        break;
      }
    }
    // Two equal halves between a boundary (or the line start) and e, with no boundary between them: the
    // copy holding at most two clause marks of its own (j one of the three boundaries before e).
    for (let a = b - MARK_FIELDS, step = 0; from < 0 && step < 3 && a >= Math.max(lo2, after); a -= MARK_FIELDS, step++) {
      const j = a < 0 ? 0 : marks[a]!;
      const span = e - j;
      const half = span >> 1;
      if (half < ADJ_MIN) continue;
      if ((span & 1) !== 0 || norm.charCodeAt(j) !== norm.charCodeAt(j + half) || norm.charCodeAt(j + half - 1) !== last) continue;
      let split = false;
      for (let x = a + MARK_FIELDS; x < b && !split; x += MARK_FIELDS) split = marks[x] === j + half;
      if (split || !sameCopy(norm, j, norm, j + half, half)) continue;
      from = a < 0 ? keptAt(text, contentStart, 0, half, contentEnd) : keptAt(text, marks[a + 1]!, j, j + half, contentEnd);
    }
    if (from < 0 || from < lastEnd) continue;
    (out ??= []).push(from, to);
    lastEnd = to;
    after = b;
  }
  return out ?? NONE;
}

/**
 * A whole sentence that repeats a run of clauses found earlier in its line, within ECHO_WINDOW kept
 * characters, between clause boundaries but not right before it (……大力弘扬……的精神，把每一条路修好、管好，
 * 让群众出行更便捷，为……作出贡献！把每一条路修好、管好，让群众出行更便捷。: a clause run of a long sentence
 * pasted again after it). At least ECHO_MIN kept characters, MIN_HAN of them Han; a copy that continues after
 * a clause mark is not a whole sentence (……坚持人民至上。坚持人民至上，就是……) and is not looked at.
 */
const ECHO_MIN = 12;
const ECHO_WINDOW = 300;
/** How many kept characters of its clause's start the echoed original may have that the copy leaves out. */
const ECHO_LEAD = 3;

function isOpeningQuote(c: number): boolean {
  // “ ‘ 「 『 《 " '
  return c === 0x201c || c === 0x2018 || c === 0x300c || c === 0x300e || c === 0x300a || c === 0x22 || c === 0x27;
}

/** Does an opening quotation mark stand right before offset `at` (spaces between allowed)? */
function quoteOpensBefore(text: string, at: number): boolean {
  let q = at - 1;
  while (q >= 0 && isSpace(text.charCodeAt(q))) q--;
  return q >= 0 && isOpeningQuote(text.charCodeAt(q));
}

/** Does an opening quotation mark stand right before the kept character number `at` of the line? */
function quoted(text: string, from: number, count: number, at: number, contentEnd: number): boolean {
  return quoteOpensBefore(text, keptAt(text, from, count, at, contentEnd));
}

/** Does an opening quotation mark stand right before the `span` kept characters that end before offset `end`? */
function quotedBack(text: string, end: number, span: number): boolean {
  let q = end - 1;
  for (let seen = 0; q >= 0; q--) if (isKept(text.charCodeAt(q)) && ++seen === span) break;
  return quoteOpensBefore(text, q);
}

/** Is `pos` (kept characters) a clause boundary of the line (the line start, or one of `marks`)? */
function isBoundary(marks: readonly number[], count: number, pos: number): boolean {
  if (pos === 0) return true;
  let lo = 0;
  let hi = count / MARK_FIELDS;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = marks[mid * MARK_FIELDS]!;
    if (v === pos) return true;
    if (v < pos) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

/**
 * Echoes (see ECHO_MIN) merged into the adjacent copies' ranges, in order: an echo's start is stored as ~start
 * (negative) so that its report names what it is.
 */
function findEchoes(
  norm: string, spans: readonly number[], sentences: number, headingSentences: number, marks: readonly number[], count: number,
  contentEnd: number, text: string, adjacent: readonly number[],
): readonly number[] {
  let out: number[] | null = null;
  /** Where sentence k's normalized text starts and ends (the previous one's end, and its own). */
  const from = (k: number) => (k === 0 ? 0 : spans[(k - 1) * SENT_FIELDS + S_NORM_END]!);
  for (let k = 1; k < sentences; k++) {
    const a = from(k);
    const len = spans[k * SENT_FIELDS + S_NORM_END]! - a;
    if (len < ECHO_MIN || len > ADJ_MAX || k < headingSentences) continue;
    // Its first occurrence from ECHO_WINDOW before it (the sentence itself, at a, when there is none before).
    let at = Math.max(0, a - ECHO_WINDOW);
    const c0 = norm.charCodeAt(a);
    while (at < a && !(norm.charCodeAt(at) === c0 && sameRange(norm, at, norm, a, len))) at++;
    // Not found before it, or right before it (an adjacent copy, or the same sentence twice: the keys' business).
    if (at + len >= a) continue;
    if (!isBoundary(marks, count, at + len)) continue;
    // The copy may leave out a short lead of the clause (让我们撸起袖子加油干，……！撸起袖子加油干，……！).
    let lead = 0;
    while (lead <= ECHO_LEAD && lead <= at && !isBoundary(marks, count, at - lead)) lead++;
    if (lead > ECHO_LEAD || lead > at) continue;
    // The sentence holding the original (binary search over the sentences' bounds).
    let lo = 0;
    let hi = k - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (from(mid) <= at) lo = mid;
      else hi = mid - 1;
    }
    const h = lo;
    // The same whole sentence: the keys' business when long enough for one.
    if (from(h) === at && spans[h * SENT_FIELDS + S_NORM_END] === at + len && len >= MIN_CHARS) continue;
    if (h < headingSentences) continue;
    let han = 0;
    for (let t = a; t < a + len; t++) if (isHanCode(norm.charCodeAt(t))) han++;
    if (han < MIN_HAN) continue;
    if (quoted(text, spans[h * SENT_FIELDS + S_START]!, from(h), at - lead, contentEnd)) continue;
    let start = spans[k * SENT_FIELDS + S_START]!;
    let end = spans[k * SENT_FIELDS + S_DEL_END]!;
    if (spans[k * SENT_FIELDS + S_END]! >= contentEnd) {
      end = spans[k * SENT_FIELDS + S_END]!;
      while (start > 0 && isSpace(text.charCodeAt(start - 1))) start--;
    }
    (out ??= []).push(start, end);
  }
  if (!out) return adjacent;
  // Merge with the adjacent copies by start; an echo overlapping one is dropped.
  const merged: number[] = [];
  let x = 0;
  let y = 0;
  let last = -1;
  while (x < adjacent.length || y < out.length) {
    const takeEcho = x >= adjacent.length || (y < out.length && out[y]! < adjacent[x]!);
    const start = takeEcho ? out[y]! : adjacent[x]!;
    const end = takeEcho ? out[y + 1]! : adjacent[x + 1]!;
    if (takeEcho) y += 2;
    else x += 2;
    if (start < last) continue;
    merged.push(takeEcho ? ~start : start, end);
    last = end;
  }
  return merged;
}

const INNER_CLAUSE = /[，；：,;:]/;
/** Numerals dropped from a title's stem (……能力1, 篇二, 第三部分). */
const NUMERALS = /[0-9０-９〇零一二三四五六七八九十百]+/g;

/** End of the sentence marks and closing quotes from `at` (。”, ！). */
function sentenceMarksEnd(text: string, at: number, end: number): number {
  let r = at;
  while (r < end && (isTerminator(text.charCodeAt(r)) || isCloser(text.charCodeAt(r)))) r++;
  return r;
}

/**
 * lineHeads' pairs, copied into the line's integers (most lines have one; an array of their own per line was
 * 64 bytes more).
 */
const scratchHeads: number[] = [];

/**
 * `heads` with the opening clauses that end in a clause mark before the first sentence mark added (their
 * kept characters and the end of the range to delete): looked for only after a line that ends in a clause
 * mark (a line broken mid-sentence), rare, instead of kept for every line.
 */
function clauseHeads(text: string, contentStart: number, contentEnd: number, heads: readonly number[]): readonly number[] {
  const out: number[] = [];
  let kept = 0;
  for (let r = contentStart; r < contentEnd && kept <= ADJ_MAX; r++) {
    const c = text.charCodeAt(r);
    if (isKept(c)) kept++;
    else if (endsSentence(text, r, contentEnd)) break;
    else if (isClauseMark(c) && kept >= ADJ_MIN && out[out.length - 2] !== kept) {
      let end = r;
      while (end < contentEnd && (isClauseMark(text.charCodeAt(end)) || isCloser(text.charCodeAt(end)) || isSpace(text.charCodeAt(end)))) end++;
      out.push(kept, end);
    }
  }
  return out.length === 0 ? heads : out.concat(heads);
}

/** Opening clauses of the line that end in a sentence mark, as `heads` (see LineData): written to scratchHeads, their count returned. */
function lineHeads(text: string, marks: readonly number[], count: number, contentEnd: number): number {
  const out = scratchHeads;
  let n = 0;
  for (let b = 0; b < count; b += MARK_FIELDS) {
    const e = marks[b]!;
    if (e > ADJ_MAX) break;
    if (e < ADJ_MIN || marks[b + 2] !== 1) continue;
    let r = marks[b + 1]!;
    while (r < text.length) {
      const c = text.charCodeAt(r);
      if (r < contentEnd ? !(isTerminator(c) || isCloser(c) || isClauseMark(c) || isSpace(c)) : !isSpace(c)) break;
      r++;
    }
    out[n++] = e;
    out[n++] = r;
  }
  return n;
}

function collect(text: string): LineData {
  let contentStart = 0;
  let contentEnd = text.length;
  while (contentStart < contentEnd && isSpace(text.charCodeAt(contentStart))) contentStart++;
  while (contentEnd > contentStart && isSpace(text.charCodeAt(contentEnd - 1))) contentEnd--;
  if (contentStart === contentEnd) return EMPTY;

  const heading = parseHeading(text);
  const headingEnd = heading ? (heading.titleLine ? text.length : heading.end) : 0;
  const titleLike = contentEnd - contentStart <= TITLE_MAX && !TITLE_PUNCT.test(text);

  const spans = scratchSpans;
  let spanCount = 0;
  let headingSentences = 0;
  /** Clause boundaries (MARK_FIELDS each, see findAdjacent). */
  const marks = scratchMarks;
  let boundCount2 = 0;
  let lastKept = 0;
  /** Sentence keys: index and hash, in pairs. */
  const sentenceKeys = scratchSentenceKeys;
  let sentenceKeyCount = 0;
  /** Each sentence's normalized text is a range of the normalized line (its end in spans), not a string of its own. */
  let normLength = 0;
  let lineHan = 0;
  let lh = LINE_SEED;
  // Room for every unit of the line (kept units are at most all of them).
  if (keptUnits.length < contentEnd) {
    keptUnits = new Uint16Array(Math.max(contentEnd, 2 * keptUnits.length));
    unitViews = new Array(UNIT_VIEWS_MAX);
  }
  const units = keptUnits;
  let surrogates = false;
  let start = contentStart;
  let i = contentStart;
  while (start < contentEnd) {
    // Up to the end of this sentence, counting and hashing the kept characters on the way (what follows,
    // terminators and closing quotes, is never kept).
    i = start;
    const normStart = normLength;
    let han = 0;
    let h = FNV_OFFSET;
    for (; i < contentEnd; i++) {
      const c = text.charCodeAt(i);
      // The main Han block first, without the table: most characters, and its part of the table is 20 KB
      // that the other rules' tables would evict.
      const common = c >= 0x4e00 && c <= 0x9fff;
      if (common || isKept(c)) {
        lastKept = c;
        units[normLength++] = c;
        if (common) han++;
        else if (c >= 0xd800 && c <= 0xdfff) surrogates = true;
        else if (isHanCode(c)) han++;
        h = Math.imul(h ^ c, FNV_PRIME);
        lh = Math.imul(lh ^ c, FNV_PRIME);
      } else if (endsSentence(text, i, contentEnd)) break;
      else if (isClauseMark(c) && (boundCount2 === 0 || marks[boundCount2 - MARK_FIELDS] !== normLength)) {
        marks[boundCount2++] = normLength;
        marks[boundCount2++] = i;
        marks[boundCount2++] = 0;
        marks[boundCount2++] = lastKept;
      }
    }
    // The sentence mark (or the line end) closing this sentence is a clause boundary too.
    if (boundCount2 === 0 || marks[boundCount2 - MARK_FIELDS] !== normLength) {
      marks[boundCount2++] = normLength;
      marks[boundCount2++] = i;
      marks[boundCount2++] = 1;
      marks[boundCount2++] = lastKept;
    } else marks[boundCount2 - 2] = 1;
    let end = i;
    while (end < contentEnd && (endsSentence(text, end, contentEnd) || isCloser(text.charCodeAt(end)))) end++;
    let delEnd = end;
    while (delEnd < text.length && isSpace(text.charCodeAt(delEnd))) delEnd++;
    const normHan = han;
    const normHash = h | 0;
    // Sentences start in order, so those of the heading come first.
    const isHeading = start < headingEnd;
    if (normLength > normStart) {
      const k = spanCount / SENT_FIELDS;
      if (isHeading) headingSentences++;
      spans[spanCount++] = start;
      spans[spanCount++] = end;
      spans[spanCount++] = delEnd;
      spans[spanCount++] = normLength;
      lineHan += normHan;
      if (!isHeading && !titleLike && normLength - normStart >= MIN_CHARS && normHan >= MIN_HAN) {
        sentenceKeys[sentenceKeyCount++] = k;
        sentenceKeys[sentenceKeyCount++] = normHash & HASH_MASK;
      }
    }
    start = delEnd;
  }
  // Kept characters occur only inside [contentStart, contentEnd) (spaces are not kept), so this is the
  // concatenation of the runs the loop counted.
  const norm = keptText(text, normLength, surrogates);
  const sentences = spanCount / SENT_FIELDS;
  // The whole line is a key too (first, so a repeated line is found at once), unless it is a single
  // sentence that is a key already: the same text split differently ("要务.党支部" vs "要务。党支部") still matches.
  const lineKey = !(sentenceKeyCount === 2 && sentences === 1) && !titleLike && !(heading && heading.titleLine) &&
    norm.length >= MIN_CHARS && lineHan >= MIN_HAN;
  const keyCount = (lineKey ? 1 : 0) + (sentenceKeyCount >> 1);
  const adjacent0 = normLength >= 2 * ADJ_MIN ? findAdjacent(text, norm, marks, boundCount2, contentStart, contentEnd) : NONE;
  const adjacent = sentences > 1 && normLength >= 2 * ECHO_MIN
    ? findEchoes(norm, spans, sentences, headingSentences, marks, boundCount2, contentEnd, text, adjacent0)
    : adjacent0;
  const headCount = lineHeads(text, marks, boundCount2, contentEnd);
  // Allocated at its exact length: kept for every line of the document.
  const keysFrom = spanCount;
  const ints: number[] = new Array<number>(keysFrom + keyCount * KEY_FIELDS + headCount);
  for (let x = 0; x < spanCount; x++) ints[x] = spans[x]!;
  let o = keysFrom;
  if (lineKey) {
    ints[o++] = -1;
    ints[o++] = lh & HASH_MASK;
    ints[o++] = -1;
  }
  // The first sentence equal to each key, found once here: combine looking it up per repeat was
  // quadratic on a long line of repeated sentences (a Map for a long line, a scan for a short one).
  let firstOf: Map<string, number> | null = null;
  if (keyCount > 1 && sentences > FIRST_SCAN_MAX) {
    firstOf = new Map();
    for (let k = sentences - 1; k >= 0; k--) firstOf.set(norm.slice(k === 0 ? 0 : spans[(k - 1) * SENT_FIELDS + S_NORM_END]!, spans[k * SENT_FIELDS + S_NORM_END]!), k);
  }
  for (let j = 0; j < sentenceKeyCount; j += 2) {
    const k = sentenceKeys[j]!;
    const from = k === 0 ? 0 : spans[(k - 1) * SENT_FIELDS + S_NORM_END]!;
    const to = spans[k * SENT_FIELDS + S_NORM_END]!;
    let first = k;
    if (firstOf) first = firstOf.get(norm.slice(from, to))!;
    else if (keyCount > 1) {
      first = 0;
      for (;; first++) {
        const f0 = first === 0 ? 0 : spans[(first - 1) * SENT_FIELDS + S_NORM_END]!;
        if (spans[first * SENT_FIELDS + S_NORM_END]! - f0 === to - from && sameRange(norm, f0, norm, from, to - from)) break;
      }
    }
    ints[o++] = k;
    ints[o++] = sentenceKeys[j + 1]!;
    ints[o++] = first;
  }
  for (let x = 0; x < headCount; x++) ints[o++] = scratchHeads[x]!;
  const m = mayEndInEllipsis(text) ? ELLIPSIS_TAIL.exec(text.slice(Math.max(contentStart, contentEnd - 40))) : null;
  const ellipsis = m ? Math.max(contentStart, contentEnd - 40) + m.index : -1;
  let stem = '';
  if (titleLike && norm.length >= STEM_MIN) {
    stem = norm.replace(NUMERALS, '');
    if (stem.length < STEM_MIN) stem = '';
  }
  return { norm, sentences, headingSentences, keyCount, ints, contentStart, contentEnd, ellipsis, adjacent, stem };
}

/**
 * First occurrence of each key, in an open-addressing table kept between calls: 4 ints per slot
 * (stamp, hash, line, key index), live when the stamp is the current generation, so nothing is cleared
 * or allocated per call. It grows (and rehashes) when half full.
 */
let table = new Int32Array(4 * 4096);
let tableMask = 4095;
let tableUsed = 0;
let generation = 0;

function startTable(): void {
  tableUsed = 0;
  if (++generation >= 0x7fffffff) {
    table.fill(0);
    generation = 1;
  }
}

function growTable(): void {
  const old = table;
  const gen = generation;
  table = new Int32Array(old.length * 2);
  tableMask = table.length / 4 - 1;
  for (let o = 0; o < old.length; o += 4) {
    if (old[o] !== gen) continue;
    let slot = old[o + 1]! & tableMask;
    while (table[slot * 4] === gen) slot = (slot + 1) & tableMask;
    table.set(old.subarray(o, o + 4), slot * 4);
  }
}

/** One line, or the lines (once per occurrence), holding a text. */
type Holders = Paragraph | Paragraph[];

/*
 * What combine decided for each key of a line, kept between edits: an edit recomputes a line only when
 * what it depends on may have changed, and follows a key to its next copy only when the copy that later
 * copies are compared with ("the ref": the last one decided REF) is no longer the same.
 */
/** Compared with nothing, or not reported: later copies are compared with this one. */
const REF = 1;
/** Inside text already reported as a copy. */
const SKIPPED = 2;
const REPORTED = 3;
/** Not reported, and its earlier copy is in the same line: that one stays the ref. */
const KEPT = 4;

/**
 * What an edit needs to find the lines whose reports can change (see `affected`): which lines hold each
 * key and each normalized line text (updated by the changed lines alone), the last decisions, and where
 * the reports are.
 */
interface Summary {
  /**
   * The lines holding each key, by the key's hash (a small integer: no string kept per key). Keys of other
   * texts may share a hash: whoever reads a key's holders compares the key itself (sameKey).
   */
  keyLines: Map<number, Holders>;
  /** Lines that are not blank, by normalized text (equal lines are what blocks are made of). */
  normLines: Map<string, Holders>;
  /** Per line with keys: the decision for each key (REF …) in the last run that computed the line. */
  outcomes: Map<Paragraph, Outcomes>;
  /** The lines the current edit removed, in order, with their data and decisions (for the old refs). */
  removed: { data: LineData | undefined; outcomes: Outcomes | undefined }[];
  /** Reports of the last runs by the line they start in, and their total. */
  reportLines: Map<Paragraph, number>;
  reports: number;
  /** Reports `affected` computed for the lines it returned, which combine hands over. */
  pending: Report[] | null;
  /**
   * Paragraph numbers (Scanner.numbers) of the document as it is, once a run has needed them, or null.
   * An edit that keeps the line count and which lines are blank keeps them (every keystroke inside a
   * line): recounting them over the document was an eighth of such an edit's walk at 1,000,000 characters.
   */
  numbers: Int32Array | null;
  /** How many lines hold each title stem (LineData.stem), and how many stems are held by two lines or more. */
  stems: Map<string, number>;
  collections: number;
  /** farSingles in the last whole run: an edit that changes it runs the whole document again. */
  farSingles: boolean;
}

type View = DocumentView<LineData | undefined, Summary | undefined>;

function hold<K>(map: Map<K, Holders>, key: K, line: Paragraph): void {
  const h = map.get(key);
  if (h === undefined) map.set(key, line);
  else if (Array.isArray(h)) h.push(line);
  else map.set(key, [h, line]);
}

function release<K>(map: Map<K, Holders>, key: K, line: Paragraph): void {
  const h = map.get(key);
  if (h === undefined) return;
  if (!Array.isArray(h)) {
    if (h === line) map.delete(key);
    return;
  }
  const k = h.indexOf(line);
  if (k < 0) return;
  h[k] = h[h.length - 1]!;
  h.pop();
  if (h.length === 1) map.set(key, h[0]!);
}

function holderCount(map: Map<string, Holders>, key: string): number {
  const h = map.get(key);
  return h === undefined ? 0 : Array.isArray(h) ? h.length : 1;
}

/**
 * Key k1 of line data d1 is key k2 of d2: the same text, and both line anchors or both sentences (equal
 * texts of one kind have equal hashes, so different hashes settle most comparisons).
 */
function sameKey(d1: LineData, k1: number, d2: LineData, k2: number): boolean {
  if (keyField(d1, k1, K_HASH) !== keyField(d2, k2, K_HASH)) return false;
  const s1 = keyField(d1, k1, K_SENTENCE);
  const s2 = keyField(d2, k2, K_SENTENCE);
  if ((s1 < 0) !== (s2 < 0)) return false;
  return s1 < 0 ? d1.norm === d2.norm : sameSentence(d1, s1, d2, s2);
}

/** Non-blank lines looked at on each side of an edit for a truncated summary (its window, plus one). */
const NEIGHBOURS = SNIPPET_WINDOW + 1;

const ascending = (a: number, b: number) => a - b;

/** In `d` with decisions `o`: the last key index ≤ kMax that is key `kk` of `kd` and was decided REF, or -1. */
function lastRef(d: LineData, o: Outcomes, kd: LineData, kk: number, kMax: number): number {
  for (let k = Math.min(kMax, d.keyCount - 1); k >= 0; k--) {
    if (outcomeAt(o, k) === REF && sameKey(d, k, kd, kk)) return k;
  }
  return -1;
}

/**
 * The lines whose reports an edit can change, and their reports (handed to combine through the summary),
 * at a cost that follows the repeats involved, not the document.
 *
 * What combine decides at a line depends on: the copy each key is compared with (the ref: the last
 * earlier copy decided REF), the reports covering the line (from its own keys, or a block of equal lines
 * around it), its neighbouring non-blank lines (blocks grow over them, "the next paragraph", deletion
 * ranges) and paragraph numbers (messages). So:
 * - the lines computed again start with the edited lines, their non-blank neighbours and the lines equal to
 *   the old or new ones, closed under: every line equal to a member, and the neighbouring lines of a member
 *   that equal another line (blocks); and, when the set reaches the end of the text, the tail's equal lines
 *   and the line before them (a deletion reaching the end of the text starts there);
 * - they are walked in document order like combine does, each key's ref found among the lines holding it
 *   (their kept decisions, or the new ones for lines already walked); after a line (and after the edit,
 *   for the old and new keys of the edited lines), a key whose ref differs from the one of the last run
 *   adds its next copy to the walk: that copy compares with another line now.
 * When paragraph numbers shift (Enter inside a line, a line emptied) the lines holding reports after the
 * edit are computed again too (their messages name paragraphs). The whole document is recomputed when
 * there are more of those than a quarter of the document, a truncated summary (ellipsis line) takes part
 * or is near, a copy reached through its key is part of a block or the tail, or the set grows past a
 * quarter of the document.
 */
function affected(doc: View, from: number, to: number, removedData: readonly (LineData | undefined)[]): { lines: number[] } | null {
  const s = doc.summary;
  if (!s) return null;
  const removed = s.removed;
  s.removed = [];
  s.pending = null;
  if (removed.length !== removedData.length) return null;
  // A title line that makes (or ends) a collection of articles changes what counts far away: a whole run.
  if ((s.collections === 0) !== s.farSingles) return null;
  farSingles = s.farSingles;
  return new EditWalk(doc, s, from, to, removed).run(removedData);
}

/** The document's lines as collected, and steps over the blank ones: shared by the edit walk and the scanner. */
abstract class CollectedLines {
  abstract readonly collected: readonly (LineData | undefined)[];
  abstract readonly n: number;

  data(i: number): LineData {
    return this.collected[i] ?? EMPTY;
  }

  blank(i: number): boolean {
    return this.data(i).norm === '';
  }

  prevNonBlank(i: number): number {
    for (let j = i - 1; j >= 0; j--) if (!this.blank(j)) return j;
    return -1;
  }

  nextNonBlank(i: number): number {
    for (let j = i + 1; j < this.n; j++) if (!this.blank(j)) return j;
    return -1;
  }
}

/** One edit's walk (see `affected`); methods rather than closures, which cost more than the walk. */
class EditWalk extends CollectedLines implements Lookup, Sink {
  readonly collected: readonly (LineData | undefined)[];
  readonly paragraphs: readonly Paragraph[];
  readonly n: number;
  readonly members = new Set<number>();
  readonly queue: number[] = [];
  /** Binary min-heap of the lines still to walk. */
  readonly heap: number[] = [];
  /** New decisions of the lines walked so far. */
  readonly walked = new Map<number, number[]>();
  /** Lines holding a key's hash, ascending (made once per hash and edit). */
  readonly sorted = new Map<number, number[]>();
  /**
   * Hashes of the keys (line anchors, sentences) whose ref may differ from the last run's somewhere after the
   * walk's position (another key of the same hash is followed too, and found unchanged).
   */
  readonly changedKeys = new Set<number>();
  readonly limit: number;
  tailFirst: number;
  lost = false;
  editFollowed = false;
  readonly reports: Report[] = [];
  readonly reportCounts = new Map<number, number>();

  constructor(
    readonly doc: View,
    readonly s: Summary,
    readonly from: number,
    readonly to: number,
    readonly removed: Summary['removed'],
  ) {
    super();
    this.collected = doc.collected;
    this.paragraphs = doc.paragraphs;
    this.n = doc.collected.length;
    this.limit = Math.max(64, this.n >> 2);
    this.tailFirst = this.n;
  }

  dup(i: number): boolean {
    return holderCount(this.s.normLines, this.data(i).norm) >= 2;
  }

  /** Index of a line of the document by its start (line starts are strictly ascending), or -1. */
  indexOf(p: Paragraph): number {
    const paragraphs = this.paragraphs;
    // The analyzer's lines know their index (a line holding a repeated key is looked up once per key and
    // edit: binary searches were a third of an edit's walk at 1,000,000 characters).
    const known = p.index;
    if (known !== undefined) return paragraphs[known] === p ? known : -1;
    const at = p.start;
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (paragraphs[mid]!.start <= at) lo = mid;
      else hi = mid - 1;
    }
    return paragraphs[lo] === p ? lo : -1;
  }

  /** Indices of the lines holding key `kk` of `kd`'s hash, ascending, each once (cached for the edit). */
  keyHolders(kd: LineData, kk: number): number[] {
    const hash = keyField(kd, kk, K_HASH);
    let list = this.sorted.get(hash);
    if (list === undefined) {
      list = this.holdersOf(this.s.keyLines, hash);
      this.sorted.set(hash, list);
    }
    return list;
  }

  /** Does line `h` hold key `kk` of `kd`? */
  holds(h: number, kd: LineData, kk: number): boolean {
    const d = this.data(h);
    for (let k = 0; k < d.keyCount; k++) if (sameKey(d, k, kd, kk)) return true;
    return false;
  }

  /** Indices of the lines in `map` under `key`, ascending, each once. */
  holdersOf<K>(map: Map<K, Holders>, key: K): number[] {
    const h = map.get(key);
    const list: number[] = [];
    if (h !== undefined) {
      if (Array.isArray(h)) {
        let sorted = true;
        for (const p of h) {
          const i = this.indexOf(p);
          if (i < 0) this.lost = true;
          else {
            if (list.length > 0 && i < list[list.length - 1]!) sorted = false;
            list.push(i);
          }
        }
        // Holders enter in document order on the first analysis and mostly stay so.
        if (!sorted) list.sort(ascending);
        let w = 0;
        for (let r = 0; r < list.length; r++) if (r === 0 || list[r] !== list[r - 1]) list[w++] = list[r]!;
        list.length = w;
      } else {
        const i = this.indexOf(h);
        if (i < 0) this.lost = true;
        else list.push(i);
      }
    }
    return list;
  }

  add(i: number): void {
    if (i >= 0 && !this.members.has(i)) {
      this.members.add(i);
      this.queue.push(i);
    }
  }

  addAll(list: readonly number[]): void {
    for (const i of list) this.add(i);
  }

  /** Closes the set under equal lines and their neighbouring equal lines; false: recompute everything. */
  close(): boolean {
    while (this.queue.length) {
      const i = this.queue.pop()!;
      const d = this.data(i);
      if (d.ellipsis >= 0 || this.lost || this.members.size > this.limit) return false;
      if (d.norm === '' || !this.dup(i)) continue;
      this.addAll(this.holdersOf(this.s.normLines, d.norm));
      const p = this.prevNonBlank(i);
      if (p >= 0 && this.dup(p)) this.add(p);
      const q = this.nextNonBlank(i);
      if (q >= 0 && this.dup(q)) this.add(q);
    }
    return !this.lost && this.members.size <= this.limit;
  }

  pushLine(i: number): void {
    this.members.add(i);
    const heap = this.heap;
    heap.push(i);
    let c = heap.length - 1;
    while (c > 0) {
      const parent = (c - 1) >> 1;
      if (heap[parent]! <= heap[c]!) break;
      const t = heap[parent]!;
      heap[parent] = heap[c]!;
      heap[c] = t;
      c = parent;
    }
  }

  popLine(): number {
    const heap = this.heap;
    const top = heap[0]!;
    const end = heap.pop()!;
    if (heap.length) {
      heap[0] = end;
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        const r = l + 1;
        let m = c;
        if (l < heap.length && heap[l]! < heap[m]!) m = l;
        if (r < heap.length && heap[r]! < heap[m]!) m = r;
        if (m === c) break;
        const t = heap[m]!;
        heap[m] = heap[c]!;
        heap[c] = t;
        c = m;
      }
    }
    return top;
  }

  newOutcomes(h: number): Outcomes | undefined {
    return this.walked.get(h) ?? (h >= this.from && h < this.to ? undefined : this.s.outcomes.get(this.paragraphs[h]!));
  }
  oldOutcomes(h: number): Outcomes | undefined {
    return h >= this.from && h < this.to ? undefined : this.s.outcomes.get(this.paragraphs[h]!);
  }

  /** The ref of key `kk` of `kd` among the removed lines (last one first): sets refLine (-2 - r) / refKey. */
  inRemoved(kd: LineData, kk: number): boolean {
    for (let r = this.removed.length - 1; r >= 0; r--) {
      const { data: d, outcomes: o } = this.removed[r]!;
      if (!d || o === undefined) continue;
      const k = lastRef(d, o, kd, kk, d.keyCount);
      if (k >= 0) {
        refLine = -2 - r;
        refKey = k;
        return true;
      }
    }
    return false;
  }

  /**
   * The ref of key `kk` of `kd` after line `i`'s key kMax (after the whole line when kMax is large): sets
   * refLine / refKey, false when there is none. `old`: as the last run left it, with the removed lines in
   * place of the edited ones (`afterEdit`: line i lies after them).
   */
  refUpTo(kd: LineData, kk: number, i: number, kMax: number, old: boolean, afterEdit: boolean): boolean {
    const hs = this.keyHolders(kd, kk);
    let lo = 0;
    let hi = hs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hs[mid]! <= i) lo = mid + 1;
      else hi = mid;
    }
    let removedDone = !old || !afterEdit;
    for (let x = lo - 1; x >= 0; x--) {
      const h = hs[x]!;
      if (!removedDone && h < this.from) {
        removedDone = true;
        if (this.inRemoved(kd, kk)) return true;
      }
      const o = old ? this.oldOutcomes(h) : this.newOutcomes(h);
      if (o === undefined) continue;
      const k = lastRef(this.data(h), o, kd, kk, h === i ? kMax : Infinity);
      if (k >= 0) {
        refLine = h;
        refKey = k;
        return true;
      }
    }
    return !removedDone && this.inRemoved(kd, kk);
  }

  /** Follows key `kk` of `kd` past line `at` when its ref there changed; false: recompute everything. */
  follow(kd: LineData, kk: number, at: number, afterEdit: boolean): boolean {
    // The next copy first: most keys have none after the line (a sentence that occurs once).
    const hs = this.keyHolders(kd, kk);
    let lo = 0;
    let hi = hs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hs[mid]! <= at) lo = mid + 1;
      else hi = mid;
    }
    // Past the lines that hold another key of the same hash.
    while (lo < hs.length && !this.holds(hs[lo]!, kd, kk)) lo++;
    if (lo >= hs.length) return true;
    const hadOld = this.refUpTo(kd, kk, at, Infinity, true, afterEdit);
    const oldLine = refLine;
    const oldKey = refKey;
    const hasNew = this.refUpTo(kd, kk, at, Infinity, false, afterEdit);
    if (hadOld === hasNew && (!hasNew || (oldLine === refLine && oldKey === refKey))) return true;
    this.changedKeys.add(keyField(kd, kk, K_HASH));
    const next = hs[lo]!;
    if (this.members.has(next)) return true;
    // A copy reached through its key that is part of a block or of the tail: not worth the bookkeeping.
    if (this.dup(next) || next >= this.tailFirst || this.data(next).ellipsis >= 0 || this.members.size >= this.limit) return false;
    this.pushLine(next);
    return true;
  }

  /** The old and new keys of the edited lines, followed past them (each once). */
  followEdit(): boolean {
    this.editFollowed = true;
    const lineKeys = new Set<string>();
    const sentenceKeys = new Set<string>();
    const followAll = (d: LineData | undefined): boolean => {
      if (!d) return true;
      for (let k = 0; k < d.keyCount; k++) {
        const key = keyText(d, k);
        const seen = isLineKey(d, k) ? lineKeys : sentenceKeys;
        if (seen.has(key)) continue;
        seen.add(key);
        if (!this.follow(d, k, this.to - 1, true)) return false;
      }
      return true;
    };
    for (const { data: d } of this.removed) if (!followAll(d)) return false;
    for (let i = this.from; i < this.to; i++) if (!followAll(this.collected[i])) return false;
    return true;
  }

  find(i: number, k: number, d: LineData): boolean {
    return this.refUpTo(d, k, i, k - 1, false, false);
  }

  settle(): void {}

  take(r: Report, line: number): void {
    this.reports.push(r);
    this.reportCounts.set(line, (this.reportCounts.get(line) ?? 0) + 1);
  }

  run(removedData: readonly (LineData | undefined)[]): { lines: number[] } | null {
    const { s, from, to, n, collected, paragraphs } = this;
    // Paragraph numbers in messages count the lines that are not empty.
    let removedLines = 0;
    let sameNumbers = removedData.length === to - from;
    for (let k = 0; k < removedData.length; k++) {
      const d = removedData[k];
      if (d !== EMPTY) removedLines++;
      if (sameNumbers && (d === EMPTY) !== (collected[from + k] === EMPTY)) sameNumbers = false;
    }
    if (!sameNumbers) s.numbers = null;
    for (const d of removedData) if (d && d.ellipsis >= 0) return null;
    let addedLines = 0;
    for (let i = from; i < to; i++) if (collected[i] !== EMPTY) addedLines++;
    // A truncated summary compares itself with the lines around it.
    for (let j = from, seen = 0; seen < NEIGHBOURS && (j = this.prevNonBlank(j)) >= 0; seen++) if (this.data(j).ellipsis >= 0) return null;
    for (let j = to - 1, seen = 0; seen < NEIGHBOURS && (j = this.nextNonBlank(j)) >= 0; seen++) if (this.data(j).ellipsis >= 0) return null;
    if (addedLines !== removedLines && s.reports > 0) {
      // Paragraph numbers after the edit shift (Enter inside a line, a line emptied): the messages of the
      // reports after it may name one of those paragraphs, so their lines are computed again (a report
      // names an earlier copy, or a neighbour of a truncated summary, which is near the edit only when
      // the check above has already given up). Too many of them: the whole document.
      if (s.reportLines.size > this.limit) return null;
      for (const p of s.reportLines.keys()) {
        const i = this.indexOf(p);
        if (i < 0) return null;
        if (i >= from) this.add(i);
      }
    }

    // 1. The lines computed again before any key is followed.
    for (let i = from; i < to; i++) this.add(i);
    this.add(this.prevNonBlank(from));
    this.add(this.nextNonBlank(to - 1));
    for (const { data: d } of this.removed) if (d && d.norm !== '') this.addAll(this.holdersOf(s.normLines, d.norm));
    for (let i = from; i < to; i++) if (this.data(i).norm !== '') this.addAll(this.holdersOf(s.normLines, this.data(i).norm));
    if (!this.close()) return null;
    // The tail: the last non-blank line, the lines before it that are equal to others or in the set, and
    // the line before those.
    let last = n - 1;
    while (last >= 0 && this.blank(last)) last--;
    for (;;) {
      let touched = false;
      let count = 0;
      this.tailFirst = n;
      for (let j = last; j >= 0; j = this.prevNonBlank(j)) {
        this.tailFirst = j;
        if (this.members.has(j)) touched = true;
        else if (++count > 1 && !this.dup(j)) break;
      }
      if (!touched) break;
      const size = this.members.size;
      for (let j = this.tailFirst; j < n; j++) if (!this.blank(j)) this.add(j);
      if (this.members.size === size) break;
      if (!this.close()) return null;
    }

    // 2. The walk, in document order.
    for (const i of this.members) this.heap.push(i);
    this.heap.sort(ascending);
    const scanner = new Scanner(this.doc, this, s);
    for (;;) {
      // Once the edited lines are walked, their keys (old and new) are followed past them.
      if (!this.editFollowed && (this.heap.length === 0 || this.heap[0]! >= to) && !this.followEdit()) return null;
      if (this.heap.length === 0) break;
      const i = this.popLine();
      const d = collected[i];
      if (!d || (d.keyCount === 0 && d.adjacent.length === 0 && !hasHeads(d))) {
        if (d) this.walked.set(i, []);
        continue;
      }
      if (d.ellipsis >= 0) return null;
      const out: number[] = new Array<number>(d.keyCount).fill(0);
      this.walked.set(i, out);
      scanner.line(i, this, out);
      if (i >= from && i < to) continue;
      const old = s.outcomes.get(paragraphs[i]!);
      for (let k = 0; k < d.keyCount; k++) {
        // Same decision and the same ref before the line: the same ref after it.
        if (old !== undefined && outcomeAt(old, k) === out[k] && !this.changedKeys.has(keyField(d, k, K_HASH))) continue;
        if (!this.follow(d, k, i, i >= to)) return null;
      }
    }

    // 3. Commit: the new decisions and report counts of the walked lines.
    for (const [i, out] of this.walked) {
      const p = paragraphs[i]!;
      if (out.length) s.outcomes.set(p, keptOutcomes(out, out.length));
      else s.outcomes.delete(p);
    }
    for (const i of this.members) {
      const p = paragraphs[i]!;
      const count = s.reportLines.get(p);
      if (count !== undefined) {
        s.reports -= count;
        s.reportLines.delete(p);
      }
    }
    for (const [i, count] of this.reportCounts) {
      s.reportLines.set(paragraphs[i]!, count);
      s.reports += count;
    }
    s.pending = this.reports;
    const lines = [...this.members];
    lines.sort(ascending);
    return { lines };
  }
}

/** The copy a key is to be compared with, set by a lookup: its line and key index. */
let refLine = -1;
let refKey = -1;

/** How combine finds the copy a key is compared with, and hears each decision. */
interface Lookup {
  /** Sets refLine/refKey to the copy key `k` of line `i` (data `d`) is compared with; false when there is none. */
  find(i: number, k: number, d: LineData): boolean;
  /** Key `k` of line `i` was decided `outcome` (before the next key's lookup). */
  settle(i: number, k: number, outcome: number): void;
}

/** Where reports go, with the line each starts in. */
interface Sink {
  take(r: Report, line: number): void;
}

/**
 * The walk of combine, over the lines it is given (in document order). A class rather than closures: an
 * edit makes one, and closures made per call were most of an edit's cost.
 */
class Scanner extends CollectedLines {
  readonly paragraphs: readonly Paragraph[];
  readonly collected: readonly (LineData | undefined)[];
  readonly text: string;
  readonly n: number;
  /** Paragraph numbers, computed on the first report: most documents have none. */
  numbers: Int32Array | null = null;
  /** Text before coveredUntil was reported as a copy of earlier text. */
  coveredUntil = 0;
  /** Ranges reported so far, in pairs (only consulted for the rare truncated summaries). */
  reported: number[] = [];

  constructor(
    doc: View,
    readonly sink: Sink,
    /** Where the numbers are kept between edits (an edit's walk: they may be there already). */
    readonly keep: Summary | undefined,
  ) {
    super();
    this.paragraphs = doc.paragraphs;
    this.collected = doc.collected;
    this.text = doc.text;
    this.n = doc.paragraphs.length;
    this.numbers = keep?.numbers ?? null;
  }

  /** Equal raw lines share one cached LineData, so identity settles most comparisons. */
  sameLine(a: number, b: number): boolean {
    const da = this.data(a);
    const db = this.data(b);
    return da === db || da.norm === db.norm;
  }

  /** Paragraph number (1-based, counting lines that are not empty or all spaces): only for messages. */
  paragraphNumber(line: number): number {
    if (!this.numbers) {
      const numbers = new Int32Array(this.n);
      let count = 0;
      for (let j = 0; j < this.n; j++) numbers[j] = this.collected[j] !== EMPTY ? ++count : count;
      this.numbers = numbers;
      if (this.keep) this.keep.numbers = numbers;
    }
    return this.numbers[line]!;
  }

  /**
   * Range that deletes lines [from, to] with their line breaks, leaving the text around them clean, and
   * the line it starts in (the line before, when the deletion reaches the end of the text).
   */
  lineDeletion(from: number, to: number): { start: number; end: number; line: number } {
    const next = this.nextNonBlank(to);
    const paragraphs = this.paragraphs;
    if (next >= 0) return { start: paragraphs[from]!.start, end: paragraphs[next]!.start, line: from };
    const prev = this.prevNonBlank(from);
    return prev >= 0
      ? { start: paragraphs[prev]!.end, end: this.text.length, line: prev }
      : { start: paragraphs[from]!.start, end: this.text.length, line: from };
  }

  emit(r: Report, line: number): void {
    this.reported.push(r.start, r.end);
    this.sink.take(r, line);
  }

  /** Decides every key of line `i` in order; `out` gets the decisions. Then its adjacent copies. */
  line(i: number, lookup: Lookup, out: number[]): void {
    const d = this.collected[i];
    if (!d) return;
    const reportedBefore = this.reported.length;
    this.keys(i, d, lookup, out);
    if (d.adjacent.length > 0 || d.keyCount > 0 || hasHeads(d)) this.adjacentCopies(i, d, reportedBefore);
  }

  /** Did a report since index `from` of `reported` touch [start, end)? */
  reportedIn(from: number, start: number, end: number): boolean {
    for (let r = from; r < this.reported.length; r += 2) if (this.reported[r]! < end && this.reported[r + 1]! > start) return true;
    return false;
  }

  /**
   * Copies right after their original (see findAdjacent), and an opening of line `i` that repeats the end of
   * the previous line (a copy pasted after a line break), unless that line is a heading or a title (三、坚持
   * 问题导向⏎坚持问题导向，…… restates the heading) or the copy is inside text reported already.
   */
  adjacentCopies(i: number, d: LineData, reportedBefore: number): void {
    const p = this.paragraphs[i]!;
    {
      const q = this.prevNonBlank(i);
      const dq = q >= 0 ? this.data(q) : EMPTY;
      const qn = dq.norm;
      // (The sentences of a heading come first: the last one is part of it when they all are.)
      const title = q < 0 || dq.sentences === 0 || dq.headingSentences === dq.sentences ||
        (dq.contentEnd - dq.contentStart <= TITLE_MAX && !TITLE_PUNCT.test(this.paragraphs[q]!.text));
      // A line broken after a clause mark (……二十余次，⏎共开展……二十余次，服务……): its next line may repeat the
      // clause before the break up to a clause mark too.
      const brokenAtClause = q >= 0 && dq.contentEnd > 0 && isClauseMark(this.paragraphs[q]!.text.charCodeAt(dq.contentEnd - 1));
      // The heads pairs: at the end of the line's integers, or a list of their own after a line broken at a clause.
      let heads = d.ints;
      let h0 = headsFrom(d);
      if (brokenAtClause) {
        heads = clauseHeads(p.text, d.contentStart, d.contentEnd, d.ints.slice(h0));
        h0 = 0;
      }
      for (let k = heads.length - 2; k >= h0 && !title; k -= 2) {
        const len = heads[k]!;
        const at = qn.length - len;
        if (at < 0 || qn.charCodeAt(at) !== d.norm.charCodeAt(0) || qn.charCodeAt(qn.length - 1) !== d.norm.charCodeAt(len - 1)) continue;
        if (!sameCopy(qn, at, d.norm, 0, len)) continue;
        const delEnd = heads[k + 1]!;
        const range = delEnd >= d.contentEnd ? this.lineDeletion(i, i) : { start: p.start + d.contentStart, end: p.start + delEnd, line: i };
        if (this.reportedIn(reportedBefore, range.start, range.end) || range.start < this.coveredUntil) break;
        this.emit({ start: range.start, end: range.end, message: messages.acrossLines, replacements: DELETE }, range.line);
        this.coveredUntil = Math.max(this.coveredUntil, range.end);
        break;
      }
    }
    for (let k = 0; k < d.adjacent.length; k += 2) {
      const raw = d.adjacent[k]!;
      const start = p.start + (raw < 0 ? ~raw : raw);
      const end = p.start + d.adjacent[k + 1]!;
      if (start < this.coveredUntil || this.reportedIn(reportedBefore, start, end)) continue;
      this.emit({ start, end, message: raw < 0 ? messages.sentenceSameParagraph : messages.adjacent, replacements: DELETE }, i);
      this.coveredUntil = end;
    }
  }

  /** Decides every key of line `i` in order. */
  keys(i: number, d: LineData, lookup: Lookup, out: number[]): void {
    const lineStart = this.paragraphs[i]!.start;
    for (let k = 0; k < d.keyCount; k++) {
      let outcome: number;
      if (this.coveredUntil > lineStart && lineStart + keyStart(d, k) < this.coveredUntil) outcome = SKIPPED;
      else if (!lookup.find(i, k, d)) outcome = REF;
      else {
        const seen = refLine;
        const end = this.reportRepeat(seen, refKey, i, keyField(d, k, K_SENTENCE));
        if (end > this.coveredUntil) {
          this.coveredUntil = end;
          outcome = REPORTED;
        } else {
          // Not reported (a single sentence far away): the next copy is compared with this one, the nearest.
          outcome = seen !== i ? REF : KEPT;
        }
      }
      out[k] = outcome;
      lookup.settle(i, k, outcome);
    }
  }

  /**
   * Line `i2` repeats something of line `i1` (its key `k1`; sentence `s2` of line i2, or the whole line
   * when s2 = -1). Returns the end of what was reported, or 0.
   */
  reportRepeat(i1: number, k1: number, i2: number, s2: number): number {
    const d1 = this.data(i1);
    const d2 = this.data(i2);
    if (i1 !== i2 && (d1 === d2 || d1.norm === d2.norm)) return this.reportBlock(i1, i2);
    if (s2 < 0) return 0;
    const s1 = k1 < d1.keyCount ? keyField(d1, k1, K_FIRST) : -1;
    if (s1 < 0 || (i1 === i2 && s1 >= s2)) return 0;
    // Extend the run of equal sentences both ways, inside the two lines, without the copies overlapping.
    let x1 = s1;
    let x2 = s2;
    let y1 = s1;
    let y2 = s2;
    while (x1 > 0 && x2 > 0 && sameSentence(d1, x1 - 1, d2, x2 - 1) && (i1 !== i2 || x2 - 1 > y1)) {
      x1--;
      x2--;
    }
    while (
      y1 + 1 < d1.sentences &&
      y2 + 1 < d2.sentences &&
      sameSentence(d1, y1 + 1, d2, y2 + 1) &&
      (i1 !== i2 || y1 + 1 < x2)
    ) {
      y1++;
      y2++;
    }
    let count = 0;
    let chars = 0;
    for (let k = x2; k <= y2; k++) {
      if (k < d2.headingSentences) continue;
      count++;
      chars += sent(d2, k, S_NORM_END) - normFrom(d2, k);
    }
    const near = i1 === i2 || i1 === this.prevNonBlank(i2);
    if (!near && !(count >= 2 && chars >= MIN_RUN_CHARS) && !(farSingles && count >= 1 && chars >= FAR_MIN_CHARS)) return 0;

    const p = this.paragraphs[i2]!;
    const firstStart = sent(d2, x2, S_START);
    const lastEnd = sent(d2, y2, S_END);
    if (firstStart <= d2.contentStart && lastEnd >= d2.contentEnd) {
      // The whole line repeats part of another one: delete the line.
      const range = this.lineDeletion(i2, i2);
      this.emit({ start: range.start, end: range.end, message: messages.paragraph(this.paragraphNumber(i1)), replacements: DELETE }, range.line);
      return range.end;
    }
    let start = firstStart;
    let end = sent(d2, y2, S_DEL_END);
    if (lastEnd >= d2.contentEnd) {
      // At the end of the line: take the spaces before it instead of after it.
      end = lastEnd;
      while (start > 0 && isSpace(p.text.charCodeAt(start - 1))) start--;
    }
    const message =
      i1 === i2 ? messages.sentenceSameParagraph : x2 === y2 ? messages.sentence(this.paragraphNumber(i1)) : messages.sentences(this.paragraphNumber(i1));
    this.emit({ start: p.start + start, end: p.start + end, message, replacements: DELETE }, i2);
    return p.start + end;
  }

  /** Lines i2 and i1 are equal: grow the block over neighbouring equal lines and delete the later copy. */
  reportBlock(i1: number, i2: number): number {
    let c0 = i1;
    let c1 = i1;
    let b0 = i2;
    let b1 = i2;
    for (;;) {
      const p2 = this.prevNonBlank(b0);
      const p1 = this.prevNonBlank(c0);
      if (p2 < 0 || p1 < 0 || p2 <= c1 || this.paragraphs[p2]!.start < this.coveredUntil) break;
      if (!this.sameLine(p2, p1)) break;
      b0 = p2;
      c0 = p1;
    }
    for (;;) {
      const q2 = this.nextNonBlank(b1);
      const q1 = this.nextNonBlank(c1);
      if (q2 < 0 || q1 < 0 || q1 >= b0) break;
      if (!this.sameLine(q2, q1)) break;
      b1 = q2;
      c1 = q1;
    }
    let lines = 0;
    for (let j = b0; j <= b1; j++) if (!this.blank(j)) lines++;
    const range = this.lineDeletion(b0, b1);
    const message = lines === 1 ? messages.paragraph(this.paragraphNumber(c0)) : messages.paragraphs(lines, this.paragraphNumber(c0));
    this.emit({ start: range.start, end: range.end, message, replacements: DELETE }, range.line);
    return range.end;
  }

  /** A line ending in an ellipsis whose text before it is the beginning of a neighbouring paragraph. */
  snippet(i: number): void {
    const p = this.paragraphs[i]!;
    for (let r = 0; r < this.reported.length; r += 2) if (this.reported[r]! < p.end && this.reported[r + 1]! > p.start) return;
    const d = this.data(i);
    const line = p.text;
    let tail = d.ellipsis;
    while (tail > d.contentStart && isSpace(line.charCodeAt(tail - 1))) tail--;
    const PROBE = 6;
    if (tail - d.contentStart < MIN_CHARS) return;
    const probe = line.slice(tail - PROBE, tail);
    const candidates: number[] = [];
    for (let j = i, k = 0; k < SNIPPET_WINDOW && (j = this.nextNonBlank(j)) >= 0; k++) candidates.push(j);
    for (let j = i, k = 0; k < SNIPPET_WINDOW && (j = this.prevNonBlank(j)) >= 0; k++) candidates.push(j);
    for (const j of candidates) {
      const other = this.paragraphs[j]!.text;
      for (let at = other.indexOf(probe); at >= 0; at = other.indexOf(probe, at + 1)) {
        // Walk back from the probe while both texts agree.
        let x = tail - PROBE - 1;
        let y = at - 1;
        while (x >= d.contentStart && y >= 0 && line.charCodeAt(x) === other.charCodeAt(y)) {
          x--;
          y--;
        }
        let matchStart = x + 1;
        // Never start inside a surrogate pair.
        const c = line.charCodeAt(matchStart);
        if (c >= 0xdc00 && c <= 0xdfff) matchStart++;
        const norm = normalize(line, matchStart, tail);
        if (norm.length < MIN_CHARS || normHan < MIN_HAN) continue;
        // What is left before the copied part: nothing, or a neighbouring line (the title glued in front).
        const prefix = normalize(line, d.contentStart, matchStart);
        const prefixIsLine = prefix === '' || candidates.some((c) => this.data(c).norm === prefix);
        const range = prefixIsLine
          ? this.lineDeletion(i, i)
          : { start: p.start + matchStart, end: p.start + line.length, line: i };
        this.emit({ start: range.start, end: range.end, message: messages.snippet(this.paragraphNumber(j)), replacements: DELETE }, range.line);
        return;
      }
    }
  }

}

/**
 * The whole document (or, when `doc.lines` is set, the reports `affected` computed for those lines).
 * First occurrences are found through the reusable open-addressing table: the latest REF copy of each key.
 */
/**
 * The latest REF copy of each key in the open-addressing table: found by its hash, replaced (or inserted)
 * when a copy becomes the ref. Also where a full run's reports go.
 */
class TableWalk implements Lookup, Sink {
  slot = 0;
  found = false;
  constructor(
    readonly collected: readonly (LineData | undefined)[],
    readonly paragraphs: readonly Paragraph[],
    readonly summary: Summary | undefined,
    readonly report: (r: Report) => void,
  ) {}

  find(_i: number, k: number, d: LineData): boolean {
    const h = keyField(d, k, K_HASH);
    const gen = generation;
    let slot = h & tableMask;
    while (table[slot * 4] === gen) {
      const o = slot * 4;
      if (table[o + 1] === h && sameKey(this.collected[table[o + 2]!] ?? EMPTY, table[o + 3]!, d, k)) {
        refLine = table[o + 2]!;
        refKey = table[o + 3]!;
        this.slot = slot;
        return (this.found = true);
      }
      slot = (slot + 1) & tableMask;
    }
    this.slot = slot;
    return (this.found = false);
  }

  settle(i: number, k: number, outcome: number): void {
    if (outcome !== REF) return;
    const o = this.slot * 4;
    table[o + 2] = i;
    table[o + 3] = k;
    if (this.found) return;
    table[o] = generation;
    table[o + 1] = keyField(this.collected[i]!, k, K_HASH);
    if (++tableUsed * 2 > tableMask) growTable();
  }

  take(r: Report, line: number): void {
    const summary = this.summary;
    if (summary) {
      const p = this.paragraphs[line]!;
      summary.reportLines.set(p, (summary.reportLines.get(p) ?? 0) + 1);
      summary.reports++;
    }
    this.report(r);
  }
}

/** The whole document, or (when `doc.lines` is set) the reports `affected` computed for those lines. */
function combine(doc: View, report: (r: Report) => void): void {
  const summary = doc.summary;
  if (doc.lines && summary?.pending) {
    const pending = summary.pending;
    summary.pending = null;
    for (const r of pending) report(r);
    return;
  }
  // The whole document (also when asked for some lines without pending reports: the engine keeps theirs).
  const { paragraphs, collected } = doc;
  const n = paragraphs.length;
  if (summary) {
    summary.reportLines.clear();
    summary.reports = 0;
    summary.outcomes.clear();
    summary.removed = [];
    summary.pending = null;
    // Counted again when needed: a whole run may follow any edit.
    summary.numbers = null;
  }
  farSingles = summary ? summary.collections === 0 : !hasCollection(collected);
  if (summary) summary.farSingles = farSingles;
  const walk = new TableWalk(collected, paragraphs, summary, report);
  const scanner = new Scanner(doc, walk, summary);
  startTable();
  let snippets: number[] | null = null;
  for (let i = 0; i < n; i++) {
    const d = collected[i];
    if (!d) continue;
    if (d.ellipsis >= 0) (snippets ??= []).push(i);
    const keyCount = d.keyCount;
    if (keyCount === 0 && d.adjacent.length === 0 && !hasHeads(d)) continue;
    const out = scratchOutcomes;
    for (let k = 0; k < keyCount; k++) out[k] = 0;
    scanner.line(i, walk, out);
    if (summary) summary.outcomes.set(paragraphs[i]!, keptOutcomes(out, keyCount));
  }
  if (snippets) for (const i of snippets) scanner.snippet(i);
}

/** Does a title stem occur twice (see STEM_MIN)? For a run without a summary. */
function hasCollection(collected: readonly (LineData | undefined)[]): boolean {
  let seen: Set<string> | null = null;
  for (const d of collected) {
    if (!d || d.stem === '') continue;
    if (seen?.has(d.stem)) return true;
    (seen ??= new Set()).add(d.stem);
  }
  return false;
}

/** Where combine's walk writes a line's decisions (copied out, packed or shared, by keptOutcomes). */
const scratchOutcomes: number[] = [];
/** Up to this many keys, a line whose keys are all REF keeps a shared list of decisions. */
const SHARED_OUTCOMES_MAX = 64;
/** Frozen all-REF decision lists by key count (filled on demand). */
const ALL_REF: number[][] = [];
/** Up to this many keys, a line's decisions (0–4, three bits each) are kept packed in one small integer. */
const PACKED_OUTCOMES_MAX = 10;

/** A line's decisions as kept: packed in an integer (up to PACKED_OUTCOMES_MAX keys), or a list. */
type Outcomes = number | readonly number[];

/** The decision for key `k` in `o`. */
function outcomeAt(o: Outcomes, k: number): number | undefined {
  return typeof o === 'number' ? (o >>> (3 * k)) & 7 : o[k];
}

/**
 * The decisions out[0, count) as kept with the line: packed in one small integer (no object at all) when the
 * line has at most PACKED_OUTCOMES_MAX keys — a list for each line whose keys are not all REF (the lines
 * holding repeats) was 0.3 MB kept per 1,000,000 characters; otherwise a list, shared and frozen when all
 * are REF (most lines hold sentences that occur once).
 */
function keptOutcomes(out: readonly number[], count: number): Outcomes {
  if (count <= PACKED_OUTCOMES_MAX) {
    let packed = 0;
    for (let k = 0; k < count; k++) packed |= out[k]! << (3 * k);
    return packed;
  }
  let allRef = count <= SHARED_OUTCOMES_MAX;
  for (let k = 0; k < count && allRef; k++) allRef = out[k] === REF;
  if (!allRef) return out.slice(0, count);
  while (ALL_REF.length <= count) ALL_REF.push(Object.freeze(new Array<number>(ALL_REF.length).fill(REF)) as number[]);
  return ALL_REF[count]!;
}

function newSummary(): Summary {
  return {
    keyLines: new Map(),
    normLines: new Map(),
    outcomes: new Map(),
    removed: [],
    reportLines: new Map(),
    reports: 0,
    pending: null,
    numbers: null,
    stems: new Map(),
    collections: 0,
    farSingles: true,
  };
}

// The walks live for one run or one edit: a kept instance of each holds its class's hidden class, so a major
// collection between runs does not throw away the code compiled for them (engine/keep-shape.ts).
const shapeView: View = { text: '', paragraphs: [], collected: [], from: 0, to: 0, lines: null, summary: newSummary() };
const shapeWalk = keepShape(new TableWalk([], [], shapeView.summary, () => {}));
keepShape(new Scanner(shapeView, shapeWalk, shapeView.summary));
keepShape(new EditWalk(shapeView, shapeView.summary!, 0, 0, []));

export default defineDocumentRule<LineData | undefined, Summary | undefined>({
  meta: {
    id: 'repeated-passage',
    category: 'repetition',
    severity: 'warning',
    description: '检查文中重复出现的句子或段落（重复粘贴、网页摘要残留）',
    fixable: true,
    // Equality only, and combine compares collected text with the lines as written: keep one script.
    rawScript: true,
  },
  collect,
  combine,
  incremental: {
    summary: newSummary,
    add(s, d, line) {
      if (!s || !d) return;
      for (let k = 0; k < d.keyCount; k++) hold(s.keyLines, keyField(d, k, K_HASH), line);
      if (d.norm !== '') hold(s.normLines, d.norm, line);
      if (d.stem !== '') {
        const c = (s.stems.get(d.stem) ?? 0) + 1;
        s.stems.set(d.stem, c);
        if (c === 2) s.collections++;
      }
    },
    remove(s, d, line) {
      if (!s) return;
      const count = s.reportLines.get(line);
      if (count !== undefined) {
        s.reports -= count;
        s.reportLines.delete(line);
      }
      s.removed.push({ data: d, outcomes: s.outcomes.get(line) });
      s.outcomes.delete(line);
      if (!d) return;
      for (let k = 0; k < d.keyCount; k++) release(s.keyLines, keyField(d, k, K_HASH), line);
      if (d.norm !== '') release(s.normLines, d.norm, line);
      if (d.stem !== '') {
        const c = (s.stems.get(d.stem) ?? 0) - 1;
        if (c <= 0) s.stems.delete(d.stem);
        else s.stems.set(d.stem, c);
        if (c === 1) s.collections--;
      }
    },
    affected,
  },
});
