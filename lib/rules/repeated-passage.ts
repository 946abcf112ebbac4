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
 * - a single repeated sentence in the same paragraph or the next one ("……。A。A。"). Farther single
 *   sentences are left alone: the articles of a collection share stock sentences.
 * A line that ends in an ellipsis and whose text is the beginning of a neighbouring paragraph (a truncated
 * web summary) is reported itself, with its title prefix when that is a neighbouring line too.
 *
 * Cost: `collect` splits each line into sentences, normalizes and hashes them in one pass (cached with the
 * line); `combine` only walks the keys through a reusable open-addressing table (no allocation per call):
 * about 30–80 µs for 100,000 characters.
 * Not handled here: repeats inside a sentence without punctuation ("加强党的建设加强党的建设"), which are
 * repeated-word's business, and a sentence repeated as the first sentence of an inline heading.
 */
import { parseHeading } from '../engine/headings';
import { defineDocumentRule, type DocumentView, type Report } from '../engine/rule';
import { isHanCode } from '../engine/text';

const messages = {
  paragraph: (n: number) => `本段与第${n}段重复，可删除`,
  paragraphs: (count: number, n: number) => `这${count}段与第${n}段起的${count}段内容重复，可删除`,
  sentenceSameParagraph: '此句与本段前文重复，可删除',
  sentence: (n: number) => `此句与第${n}段中的语句重复，可删除`,
  sentences: (n: number) => `这几句与第${n}段中的语句重复，可删除`,
  snippet: (n: number) => `此段是第${n}段开头的截断重复（网页摘要残留），可删除`,
};

const MIN_CHARS = 15;
const MIN_HAN = 10;
/** A run of several sentences must be at least this long to count anywhere in the document. */
const MIN_RUN_CHARS = 30;
const TITLE_MAX = 40;
/** How many non-blank lines around a truncated summary are searched for its full text. */
const SNIPPET_WINDOW = 3;

/**
 * What a line holds, kept for every line of the document between edits: flat arrays of small integers
 * rather than an object per sentence and an array per field (a 1,000,000-character document holds
 * ~30,000 sentences; objects and per-field arrays made this rule most of the analyzer's memory).
 */
interface LineData {
  norm: string;
  /** Normalized text of each sentence: letters, digits and Han only. */
  norms: string[];
  /**
   * Per sentence, SPAN_FIELDS integers: first non-space character; end after the terminator and closing
   * quotes; that end plus the spaces that follow; 1 when part of a heading (the heading sentence of a line
   * starting with 一、 （一） 1. …), else 0.
   */
  spans: number[];
  /**
   * Keys to look up in combine: normalized anchor sentences, and the normalized line itself for a line
   * anchor (the same string as `norm`, not a copy; keyInfo tells the kinds apart where it matters).
   */
  keys: string[];
  /**
   * Per key, KEY_FIELDS integers: its sentence index (-1 for the line anchor); its hash (FNV-1a cut to 30
   * bits, a small integer) for combine's table; the offset in the line where its text starts; for a sentence
   * key the index of the line's first sentence with the same text (-1 for the line key).
   */
  keyInfo: number[];
  /** Trimmed content range. */
  contentStart: number;
  contentEnd: number;
  /** Start of a trailing ellipsis ("…", "...", "。。。"), or -1. */
  ellipsis: number;
}

const SPAN_FIELDS = 4;
const S_START = 0;
const S_END = 1;
const S_DEL_END = 2;
const S_HEADING = 3;
const KEY_FIELDS = 4;
const K_SENTENCE = 0;
const K_HASH = 1;
const K_START = 2;
const K_FIRST = 3;
const HASH_MASK = 0x3fffffff;

const EMPTY: LineData = { norm: '', norms: [], spans: [], keys: [], keyInfo: [], contentStart: 0, contentEnd: 0, ellipsis: -1 };

function isKept(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return (
    isHanCode(c) ||
    (c >= 0xd800 && c <= 0xdfff) ||
    (c >= 0xff10 && c <= 0xff19) ||
    (c >= 0xff21 && c <= 0xff3a) ||
    (c >= 0xff41 && c <= 0xff5a) ||
    (c >= 0xc0 && c <= 0x24f) ||
    (c >= 0x370 && c <= 0x4ff) ||
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0xac00 && c <= 0xd7af)
  );
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
const ELLIPSIS_TAIL = /(?:…+|\.{3,}|。{3,}|．{3,})[\s\u3000]*$/;

function collect(text: string): LineData {
  let contentStart = 0;
  let contentEnd = text.length;
  while (contentStart < contentEnd && isSpace(text.charCodeAt(contentStart))) contentStart++;
  while (contentEnd > contentStart && isSpace(text.charCodeAt(contentEnd - 1))) contentEnd--;
  if (contentStart === contentEnd) return EMPTY;

  const heading = parseHeading(text);
  const headingEnd = heading ? (heading.titleLine ? text.length : heading.end) : 0;
  const titleLike = contentEnd - contentStart <= TITLE_MAX && !TITLE_PUNCT.test(text);

  const norms: string[] = [];
  const spans: number[] = [];
  /** Sentence keys: index and hash, in pairs. */
  const sentenceKeys: number[] = [];
  const lineParts: string[] = [];
  let lineHan = 0;
  let lh = LINE_SEED;
  let start = contentStart;
  let i = contentStart;
  while (start < contentEnd) {
    // Up to the end of this sentence, normalizing on the way (what follows, terminators and closing
    // quotes, is never kept).
    i = start;
    let norm = '';
    let run = -1;
    let han = 0;
    let h = FNV_OFFSET;
    for (; i < contentEnd; i++) {
      const c = text.charCodeAt(i);
      if (isKept(c)) {
        if (run < 0) run = i;
        if (isHanCode(c)) han++;
        h = Math.imul(h ^ c, FNV_PRIME);
        lh = Math.imul(lh ^ c, FNV_PRIME);
      } else {
        if (run >= 0) {
          norm += text.slice(run, i);
          run = -1;
        }
        if (endsSentence(text, i, contentEnd)) break;
      }
    }
    if (run >= 0) norm += text.slice(run, i);
    let end = i;
    while (end < contentEnd && (endsSentence(text, end, contentEnd) || isCloser(text.charCodeAt(end)))) end++;
    let delEnd = end;
    while (delEnd < text.length && isSpace(text.charCodeAt(delEnd))) delEnd++;
    const normHan = han;
    const normHash = h | 0;
    const isHeading = start < headingEnd;
    if (norm) {
      const k = norms.length;
      norms.push(norm);
      spans.push(start, end, delEnd, isHeading ? 1 : 0);
      lineParts.push(norm);
      lineHan += normHan;
      if (!isHeading && !titleLike && norm.length >= MIN_CHARS && normHan >= MIN_HAN) sentenceKeys.push(k, normHash & HASH_MASK);
    }
    start = delEnd;
  }
  const norm = lineParts.join('');
  // The whole line is a key too (first, so a repeated line is found at once), unless it is a single
  // sentence that is a key already: the same text split differently ("要务.党支部" vs "要务。党支部") still matches.
  const keys: string[] = [];
  const keyInfo: number[] = [];
  const singleKey = sentenceKeys.length === 2 && norms.length === 1;
  if (!singleKey && !titleLike && !(heading && heading.titleLine) && norm.length >= MIN_CHARS && lineHan >= MIN_HAN) {
    keys.push(norm);
    keyInfo.push(-1, lh & HASH_MASK, contentStart, -1);
  }
  // The first sentence equal to each key, found once here: combine looking it up per repeat was
  // quadratic on a long line of repeated sentences.
  let firstOf: Map<string, number> | null = null;
  if (keys.length + sentenceKeys.length / 2 > 1) {
    firstOf = new Map();
    for (let k = norms.length - 1; k >= 0; k--) firstOf.set(norms[k]!, k);
  }
  for (let j = 0; j < sentenceKeys.length; j += 2) {
    const k = sentenceKeys[j]!;
    keys.push(norms[k]!);
    keyInfo.push(k, sentenceKeys[j + 1]!, spans[k * SPAN_FIELDS + S_START]!, firstOf ? firstOf.get(norms[k]!)! : k);
  }
  const m = ELLIPSIS_TAIL.exec(text.slice(Math.max(contentStart, contentEnd - 40)));
  const ellipsis = m ? Math.max(contentStart, contentEnd - 40) + m.index : -1;
  // Copies at their exact length: an array grown by push keeps room for 17 elements or more, and these
  // are kept for every line of the document.
  return { norm, norms: norms.slice(), spans: spans.slice(), keys: keys.slice(), keyInfo: keyInfo.slice(), contentStart, contentEnd, ellipsis };
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

/**
 * What an edit needs to know to tell whether the reports can change (see `affected`): how often each key
 * occurs in the document, and the lines that took part in the last run's repeats.
 */
interface Summary {
  counts: Map<string, number>;
  /** Line data of every line compared equal, reported or next to a truncated summary in the last run. */
  involved: Set<LineData>;
  reports: number;
}

type View = DocumentView<LineData | undefined, Summary | undefined>;

/** Non-blank lines looked at on each side of an edit (the truncated-summary window, plus one). */
const NEIGHBOURS = SNIPPET_WINDOW + 1;

/**
 * The reports can only change when the edited lines (old or new) share a key with another line, took part
 * in a repeat, or sit next to a line that did (a block grows over its neighbours; "the next paragraph"
 * depends on blank lines), or when a paragraph number in a message moves. Otherwise nothing is recomputed.
 */
function affected(doc: View, from: number, to: number, removed: readonly (LineData | undefined)[]): readonly [number, number] | null {
  const s = doc.summary;
  if (!s) return null;
  const { collected } = doc;
  // The new lines' keys are counted in the summary already: an old line's key still counted only as
  // often as the new lines hold it (an unchanged sentence of the edited line) has no other copy.
  let own: Map<string, number> | null = null;
  for (let i = from; i < to; i++) {
    const d = collected[i];
    if (d && d.keys.length) for (const k of d.keys) (own ??= new Map()).set(k, (own.get(k) ?? 0) + 1);
  }
  let removedLines = 0;
  for (const d of removed) {
    if (d === EMPTY) continue;
    removedLines++;
    if (!d) continue;
    if (d.ellipsis >= 0 || s.involved.has(d)) return null;
    for (const k of d.keys) if ((s.counts.get(k) ?? 0) - (own?.get(k) ?? 0) >= 1) return null;
  }
  const hot = (d: LineData | undefined): boolean => {
    if (!d || d === EMPTY) return false;
    if (d.ellipsis >= 0 || s.involved.has(d)) return true;
    for (const k of d.keys) if ((s.counts.get(k) ?? 0) >= 2) return true;
    return false;
  };
  let addedLines = 0;
  for (let i = from; i < to; i++) {
    const d = collected[i];
    if (d !== EMPTY) addedLines++;
    if (hot(d)) return null;
  }
  if (addedLines !== removedLines && s.reports > 0) return null;
  // The nearest non-blank line on each side: a block grows over it, "the next paragraph" and a deletion's
  // range are measured to it. A truncated summary looks SNIPPET_WINDOW lines around it.
  for (let j = from - 1, seen = 0; j >= 0 && seen < NEIGHBOURS; j--) {
    const d = collected[j];
    if (!d || d.norm === '') continue;
    if (seen++ === 0 ? hot(d) : d.ellipsis >= 0) return null;
  }
  for (let j = to, seen = 0; j < collected.length && seen < NEIGHBOURS; j++) {
    const d = collected[j];
    if (!d || d.norm === '') continue;
    if (seen++ === 0 ? hot(d) : d.ellipsis >= 0) return null;
  }
  return [from, from];
}

/** Key k1 of line data d1 is key k2 of d2: the same text, and both line anchors or both sentences. */
function sameKey(d1: LineData, k1: number, d2: LineData, k2: number): boolean {
  return d1.keys[k1] === d2.keys[k2] && (d1.keyInfo[k1 * KEY_FIELDS + K_SENTENCE]! < 0) === (d2.keyInfo[k2 * KEY_FIELDS + K_SENTENCE]! < 0);
}

function combine(doc: View, report: (r: Report) => void): void {
  const { paragraphs, collected, text } = doc;
  const summary = doc.summary;
  if (summary) {
    summary.involved.clear();
    summary.reports = 0;
  }
  const involve = (d: LineData) => {
    if (summary && d !== EMPTY) summary.involved.add(d);
  };
  const n = paragraphs.length;
  const data = (i: number): LineData => collected[i] ?? EMPTY;
  const blank = (i: number) => data(i).norm === '';
  // Equal raw lines share one cached LineData, so identity settles most comparisons.
  const sameLine = (a: number, b: number) => data(a) === data(b) || data(a).norm === data(b).norm;
  const prevNonBlank = (i: number): number => {
    for (let j = i - 1; j >= 0; j--) if (!blank(j)) return j;
    return -1;
  };
  const nextNonBlank = (i: number): number => {
    for (let j = i + 1; j < n; j++) if (!blank(j)) return j;
    return -1;
  };
  /** Paragraph number (1-based, counting lines that are not empty or all spaces): only for messages. */
  let numbers: Int32Array | null = null; // computed on the first report: most documents have none
  const paragraphNumber = (line: number): number => {
    if (!numbers) {
      numbers = new Int32Array(n);
      let count = 0;
      for (let j = 0; j < n; j++) numbers[j] = collected[j] !== EMPTY ? ++count : count;
    }
    return numbers[line]!;
  };

  /** Range that deletes lines [from, to] with their line breaks, leaving the text around them clean. */
  const lineDeletion = (from: number, to: number): { start: number; end: number } => {
    const next = nextNonBlank(to);
    if (next >= 0) return { start: paragraphs[from]!.start, end: paragraphs[next]!.start };
    const prev = prevNonBlank(from);
    return { start: prev >= 0 ? paragraphs[prev]!.end : paragraphs[from]!.start, end: text.length };
  };

  let coveredUntil = 0;
  let snippets: number[] | null = null;
  /** Ranges reported so far (only consulted for the rare truncated summaries). */
  const reported: [number, number][] = [];
  const emit = (r: Report) => {
    reported.push([r.start, r.end]);
    if (summary) summary.reports++;
    report(r);
  };

  startTable();
  for (let i = 0; i < n; i++) {
    const d = collected[i];
    if (!d) continue;
    if (d.ellipsis >= 0) (snippets ??= []).push(i);
    const keys = d.keys;
    if (keys.length === 0) continue;
    const lineStart = paragraphs[i]!.start;
    for (let k = 0; k < keys.length; k++) {
      // Text before coveredUntil was reported as a copy of earlier text: its keys are in the table already.
      if (coveredUntil > lineStart && lineStart + d.keyInfo[k * KEY_FIELDS + K_START]! < coveredUntil) continue;
      const h = d.keyInfo[k * KEY_FIELDS + K_HASH]!;
      const gen = generation;
      let slot = h & tableMask;
      let seen = -1;
      while (table[slot * 4] === gen) {
        const o = slot * 4;
        if (table[o + 1] === h && sameKey(data(table[o + 2]!), table[o + 3]!, d, k)) {
          seen = table[o + 2]!;
          break;
        }
        slot = (slot + 1) & tableMask;
      }
      const o = slot * 4;
      if (seen < 0) {
        table[o] = gen;
        table[o + 1] = h;
        table[o + 2] = i;
        table[o + 3] = k;
        if (++tableUsed * 2 > tableMask) growTable();
        continue;
      }
      const end = reportRepeat(seen, table[o + 3]!, i, d.keyInfo[k * KEY_FIELDS + K_SENTENCE]!);
      if (end > coveredUntil) coveredUntil = end;
      else if (seen !== i) {
        // Not reported (a single sentence far away): compare the next copy with this one, the nearest.
        table[o + 2] = i;
        table[o + 3] = k;
      }
    }
  }
  if (snippets) for (const i of snippets) checkSnippet(i);

  /**
   * Line `i2` repeats something of line `i1` (its key `k1`; sentence `s2` of line i2, or the whole line
   * when s2 = -1). Returns the end of what was reported, or 0.
   */
  function reportRepeat(i1: number, k1: number, i2: number, s2: number): number {
    const d1 = data(i1);
    const d2 = data(i2);
    involve(d1);
    involve(d2);
    if (i1 !== i2 && (d1 === d2 || d1.norm === d2.norm)) return reportBlock(i1, i2);
    if (s2 < 0) return 0;
    const s1 = d1.keyInfo[k1 * KEY_FIELDS + K_FIRST] ?? -1;
    if (s1 < 0 || (i1 === i2 && s1 >= s2)) return 0;
    // Extend the run of equal sentences both ways, inside the two lines, without the copies overlapping.
    let x1 = s1;
    let x2 = s2;
    let y1 = s1;
    let y2 = s2;
    while (x1 > 0 && x2 > 0 && d1.norms[x1 - 1] === d2.norms[x2 - 1] && (i1 !== i2 || x2 - 1 > y1)) {
      x1--;
      x2--;
    }
    while (
      y1 + 1 < d1.norms.length &&
      y2 + 1 < d2.norms.length &&
      d1.norms[y1 + 1] === d2.norms[y2 + 1] &&
      (i1 !== i2 || y1 + 1 < x2)
    ) {
      y1++;
      y2++;
    }
    let count = 0;
    let chars = 0;
    for (let k = x2; k <= y2; k++) {
      if (d2.spans[k * SPAN_FIELDS + S_HEADING]) continue;
      count++;
      chars += d2.norms[k]!.length;
    }
    const near = i1 === i2 || i1 === prevNonBlank(i2);
    if (!near && !(count >= 2 && chars >= MIN_RUN_CHARS)) return 0;

    const p = paragraphs[i2]!;
    const firstStart = d2.spans[x2 * SPAN_FIELDS + S_START]!;
    const lastEnd = d2.spans[y2 * SPAN_FIELDS + S_END]!;
    if (firstStart <= d2.contentStart && lastEnd >= d2.contentEnd) {
      // The whole line repeats part of another one: delete the line.
      const range = lineDeletion(i2, i2);
      emit({ start: range.start, end: range.end, message: messages.paragraph(paragraphNumber(i1)), replacements: [''] });
      return range.end;
    }
    let start = firstStart;
    let end = d2.spans[y2 * SPAN_FIELDS + S_DEL_END]!;
    if (lastEnd >= d2.contentEnd) {
      // At the end of the line: take the spaces before it instead of after it.
      end = lastEnd;
      while (start > 0 && isSpace(p.text.charCodeAt(start - 1))) start--;
    }
    const message =
      i1 === i2 ? messages.sentenceSameParagraph : x2 === y2 ? messages.sentence(paragraphNumber(i1)) : messages.sentences(paragraphNumber(i1));
    emit({ start: p.start + start, end: p.start + end, message, replacements: [''] });
    return p.start + end;
  }

  /** Lines i2 and i1 are equal: grow the block over neighbouring equal lines and delete the later copy. */
  function reportBlock(i1: number, i2: number): number {
    let c0 = i1;
    let c1 = i1;
    let b0 = i2;
    let b1 = i2;
    for (;;) {
      const p2 = prevNonBlank(b0);
      const p1 = prevNonBlank(c0);
      if (p2 < 0 || p1 < 0 || p2 <= c1 || paragraphs[p2]!.start < coveredUntil) break;
      if (!sameLine(p2, p1)) break;
      b0 = p2;
      c0 = p1;
    }
    for (;;) {
      const q2 = nextNonBlank(b1);
      const q1 = nextNonBlank(c1);
      if (q2 < 0 || q1 < 0 || q1 >= b0) break;
      if (!sameLine(q2, q1)) break;
      b1 = q2;
      c1 = q1;
    }
    let lines = 0;
    for (let j = b0; j <= b1; j++) if (!blank(j)) lines++;
    for (let j = c0; j <= c1; j++) involve(data(j));
    for (let j = b0; j <= b1; j++) involve(data(j));
    const range = lineDeletion(b0, b1);
    const message = lines === 1 ? messages.paragraph(paragraphNumber(c0)) : messages.paragraphs(lines, paragraphNumber(c0));
    emit({ start: range.start, end: range.end, message, replacements: [''] });
    return range.end;
  }

  /** A line ending in an ellipsis whose text before it is the beginning of a neighbouring paragraph. */
  function checkSnippet(i: number): void {
    const p = paragraphs[i]!;
    if (reported.some(([s, e]) => s < p.end && e > p.start)) return;
    const d = data(i);
    const line = p.text;
    let tail = d.ellipsis;
    while (tail > d.contentStart && isSpace(line.charCodeAt(tail - 1))) tail--;
    const PROBE = 6;
    if (tail - d.contentStart < MIN_CHARS) return;
    const probe = line.slice(tail - PROBE, tail);
    const candidates: number[] = [];
    for (let j = i, k = 0; k < SNIPPET_WINDOW && (j = nextNonBlank(j)) >= 0; k++) candidates.push(j);
    for (let j = i, k = 0; k < SNIPPET_WINDOW && (j = prevNonBlank(j)) >= 0; k++) candidates.push(j);
    involve(d);
    for (const j of candidates) involve(data(j));
    for (const j of candidates) {
      const other = paragraphs[j]!.text;
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
        const prefixIsLine = prefix === '' || candidates.some((c) => data(c).norm === prefix);
        const range = prefixIsLine
          ? lineDeletion(i, i)
          : { start: p.start + matchStart, end: p.start + line.length };
        emit({ start: range.start, end: range.end, message: messages.snippet(paragraphNumber(j)), replacements: [''] });
        return;
      }
    }
  }
}

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
    summary: () => ({ counts: new Map(), involved: new Set(), reports: 0 }),
    add(s, d) {
      if (!s || !d) return;
      for (const k of d.keys) s.counts.set(k, (s.counts.get(k) ?? 0) + 1);
    },
    remove(s, d) {
      if (!s || !d) return;
      for (const k of d.keys) {
        const c = (s.counts.get(k) ?? 0) - 1;
        if (c > 0) s.counts.set(k, c);
        else s.counts.delete(k);
      }
    },
    affected,
  },
});
