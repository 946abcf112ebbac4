/**
 * heading-numbering: GB/T 9704-2012 (7.3.3) heading levels 一、 → （一） → 1. → （1）.
 *
 * Reports, per line-start heading (see lib/engine/headings.ts for what counts as one):
 * - wrong marker forms, with a fix: "一:" "一." "一，" → "一、"; "(一)" "（一)" → "（一）"; "(一)、" → "（一）";
 *   "（一）、" → the 、 deleted; "(1)" → "（1）";
 * - "1." and "1、" mixed in one article: the "1、" ones, with the fix "1." (a document that uses "1、"
 *   throughout is left alone: common, and consistent);
 * - numbering that skips (一、 then 三、), repeats (two 二、) or goes backwards within one parent heading; the
 *   expected number is offered as a fix only when the next sibling confirms it (一、 三、 三、 → the first 三 is 二);
 * - a sub-level that does not start at 1 under a new parent (二、 then （二）), unless the numbering simply
 *   continues across parents (1. 2. under （一）, 3. 4. under （二）);
 * - a number line that lost its marker ("1加强……" between 2、 and 3、 siblings), with the fix "1、";
 * - (info) a fourth-level "（1）" directly under a first-level heading.
 *
 * Numbering that restarts at 一 / 1 is never an error: a collection of articles in one file restarts at each
 * article, and a sub-level restarts under each parent. A title line (short, no punctuation) followed by a
 * restart marks a new article, which also starts a new scope for the "1." / "1、" consistency check.
 * A number that is missing at a line start but written inside a line (a heading glued to the previous
 * paragraph by a lost line break) does not count as skipped. A number out of sequence right after a line
 * cut off mid-sentence (“……工作的重⏎7、要性，……”) is a page number of the paste, not a heading.
 * Run-in list markers (一是, 第一，, 首先, ①) and decimal section numbers (1.1, 2.3.1) are not GB/T levels and
 * are never checked here (see lib/engine/headings.ts).
 */
import { canonicalMarker, parseBareNumber, parseHeading, type BareNumber, type ParsedHeading } from '../engine/headings';
import { defineDocumentRule, type DocumentView, type Report } from '../engine/rule';
import type { HeadingLevel } from '../engine/types';

const messages = {
  wrongPunct: (marker: string, fix: string) => `标题序号“${marker}”不规范，按 GB/T 9704 应为“${fix}”`,
  halfParen: (marker: string, fix: string) => `标题序号“${marker}”应使用全角括号：“${fix}”`,
  extraDun: (marker: string, fix: string) => `标题序号“${marker}”括号后不应再加顿号，应为“${fix}”`,
  stray: (marker: string, fix: string) => `标题序号“${marker}”后多了标点，应为“${fix}”`,
  mixed: (fix: string) => `本文第三层标题“1.”与“1、”两种写法混用，按 GB/T 9704 此处应为“${fix}”`,
  skipped: (prev: string, expected: string) => `标题序号不连续：上一个同级标题是“${prev}”，此处应为“${expected}”`,
  repeated: (prev: string, expected: string) => `标题序号重复：上一个同级标题也是“${prev}”，此处应为“${expected}”`,
  backwards: (prev: string, expected: string) => `标题序号顺序有误：上一个同级标题是“${prev}”，此处应为“${expected}”`,
  firstChild: (expected: string) => `本级标题序号应从“${expected}”开始`,
  bare: (fix: string) => `标题序号后缺少标点，应为“${fix}”`,
  jump: '标题层级跳跃：一级标题下直接使用了第四层序号“（1）”，按 GB/T 9704 应依次使用“（一）”“1.”',
};

const enum Kind {
  Blank,
  Title,
  Other,
}

interface LineInfo {
  kind: Kind;
  heading: ParsedHeading | null;
  bare: BareNumber | null;
  /**
   * The line holds something like a number marker (一、 （二） 3. (4)) — for a heading, after its own
   * marker: combine searches text for those.
   */
  marks?: boolean;
  /**
   * The line as collected, kept when it has marks: two versions of a line with the same marker-like
   * strings (markTextOf, computed by `affected` for the edited lines only) give combine's text search
   * (writtenBetween) the same answers.
   */
  text?: string;
  /** A heading right after this line would follow a sentence cut off mid-way (afterCutSentence). */
  cut?: boolean;
}

/** Lines without a heading or a bare number, by kind, marks and cut (shared: most lines are these). */
const PLAIN: LineInfo[] = [];
for (const kind of [Kind.Blank, Kind.Title, Kind.Other]) for (const cut of [false, true]) PLAIN.push({ kind, heading: null, bare: null, marks: false, cut });
const plainInfo = (kind: Kind, cut: boolean): LineInfo => PLAIN[kind * 2 + (cut ? 1 : 0)]!;
const BLANK = plainInfo(Kind.Blank, false);
/** Any of markerForms' shapes, for any level and value. */
const MARKER_LIKE = /[一二三四五六七八九十百零〇]、|[（(][一二三四五六七八九十百零〇\d]+[）)]|\d[.、．]/;
/**
 * MARKER_LIKE's shapes with their whole numeral and the character before: every place one of markerForms'
 * strings can occur in a line lies inside one of these matches.
 */
const MARKS_ALL = /.?(?:[一二三四五六七八九十百零〇]+、|[（(][一二三四五六七八九十百零〇\d]+[）)]|\d+[.、．])/g;

/** The marker-like strings of `text` joined, "" when none (see LineInfo.markText). */
function markTextOf(text: string): string {
  let out = '';
  for (const m of text.matchAll(MARKS_ALL)) out += `${m[0]}\u0000`;
  return out;
}

/** Title line: short, no clause or sentence punctuation (article titles, "参考文献", "结束语"). */
const TITLE_PUNCT = /[。，；：！？,;:!?…]/;
const TITLE_MAX = 40;
/** A line that ends a sentence or a clause, a quotation or a bracket is complete. */
/** A marker ending in one of these marks, doubled by a stray mark after it. */
const DOUBLING_END = /[、，,。；;：:]$/;
const CLOSED_LINE = /[。！？!?；;：:，,、…”"’）)】」』]$/;

/** CLOSED_LINE's characters: its test is a test of the last one (no per-position regex scan per line). */
const CLOSED_CHARS = '。！？!?；;：:，,、…”"’）)】」』';

/** What afterCutSentence asks of the line above a heading (CLOSED_LINE on the trimmed line). */
const isCut = (trimmed: string) => trimmed.length >= 30 && !CLOSED_CHARS.includes(trimmed[trimmed.length - 1]!);

function collect(text: string): LineInfo {
  const trimmed = text.trim();
  if (!trimmed) return BLANK;
  const cut = isCut(trimmed);
  const heading = parseHeading(text);
  if (heading) {
    const marks = MARKER_LIKE.test(text.slice(heading.markerEnd));
    return { kind: Kind.Other, heading, bare: null, marks, text: marks ? text : undefined, cut };
  }
  const bare = parseBareNumber(text);
  const marks = MARKER_LIKE.test(trimmed);
  if (bare) return { kind: Kind.Other, heading: null, bare, marks, text: marks ? text : undefined, cut };
  const kind = trimmed.length <= TITLE_MAX && !TITLE_PUNCT.test(trimmed) ? Kind.Title : Kind.Other;
  return marks ? { kind, heading: null, bare: null, marks, text, cut } : plainInfo(kind, cut);
}

/** The marker-like strings an edited line holds where combine searches (after a heading's own marker). */
function marksOf(info: LineInfo): string {
  if (!info.marks || info.text === undefined) return '';
  return markTextOf(info.heading ? info.text.slice(info.heading.markerEnd) : info.text.trim());
}

/** Heading marker or bare number read the same by combine (its sequence, forms and messages). */
function sameMarker(a: LineInfo, b: LineInfo): boolean {
  const x = a.heading;
  const y = b.heading;
  if (x && y) {
    if (
      x.level !== y.level ||
      x.value !== y.value ||
      x.style !== y.style ||
      x.marker !== y.marker ||
      x.canonicalMarker !== y.canonicalMarker ||
      x.stray !== y.stray ||
      x.markerStart !== y.markerStart ||
      x.markerEnd !== y.markerEnd
    )
      return false;
  } else if (x || y) return false;
  const p = a.bare;
  const q = b.bare;
  if (p && q) return p.value === q.value && p.start === q.start && p.end === q.end;
  return !p && !q;
}

const CARRY = { carry: true } as const;

/**
 * Numbering depends on heading and bare-number lines, the text between headings (a number written inside
 * a line), the line before each heading, and title lines before a restart at 1. An edit whose lines (old
 * and new) are none of these changes nothing. Typing inside a heading's text (not its marker), line for
 * line, changes nothing either: the edited lines keep their reports ({ carry }). Otherwise the whole
 * sequence is checked again.
 */
function affected(
  doc: DocumentView<LineInfo | undefined>,
  from: number,
  to: number,
  removed: readonly (LineInfo | undefined)[],
): readonly [number, number] | { carry: true } | null {
  const { collected } = doc;
  let title = false;
  const plain = (info: LineInfo | undefined): boolean => {
    if (!info) return false;
    if (info.heading || info.bare || info.marks) return false;
    if (info.kind === Kind.Title) title = true;
    return true;
  };
  let carry = false;
  let lineForLine = removed.length === to - from;
  for (let k = 0; lineForLine && k < removed.length; k++) {
    const a = removed[k];
    const b = collected[from + k];
    if (!a || !b || a.cut !== b.cut) lineForLine = false;
    else if (plain(a) && plain(b)) continue;
    else if (a.kind === b.kind && a.marks === b.marks && sameMarker(a, b) && marksOf(a) === marksOf(b)) carry = true;
    else lineForLine = false;
  }
  if (!lineForLine) {
    carry = false;
    for (const info of removed) if (!plain(info)) return null;
    for (let i = from; i < to; i++) if (!plain(collected[i])) return null;
    if (to < collected.length && collected[to]?.heading) return null; // its line above changed
  }
  if (title) {
    // A title line matters only before a heading that restarts at 1.
    for (let j = to; j < collected.length; j++) {
      const h = collected[j]?.heading;
      if (h) {
        if (h.value === 1) return null;
        break;
      }
    }
  }
  return carry ? CARRY : [from, from];
}

interface Seen {
  line: number;
  value: number;
  marker: string;
}

/** The ways a number can be written at a level, to find one written inside a line (lost line break). */
function markerForms(level: HeadingLevel, value: number): string[] {
  const std = canonicalMarker(level, value);
  switch (level) {
    case 1:
      return [std];
    case 2:
      return [std, std.replace('（', '(').replace('）', ')')];
    case 3:
      return [`${value}.`, `${value}、`, `${value}．`];
    case 4:
      return [std, `(${value})`];
  }
}

/** Written form of number `value` in the style of heading `h` (its own wrong style fixed). */
function markerLike(h: ParsedHeading, value: number): string {
  if (h.level === 3 && h.style === 'dun') return `${value}、`;
  if (h.level === 3) return `${value}${h.marker.endsWith('．') ? '．' : '.'}`;
  return canonicalMarker(h.level, value);
}

/**
 * The marker as this rule reports it: without a stray mark that doubles the marker's own mark (一、、, 2、，),
 * which is a doubled mark and stray-punct's business.
 */
function ownMarker(h: ParsedHeading): string {
  if (h.stray === 0) return h.marker;
  const base = h.marker.slice(0, h.marker.length - h.stray).trimEnd();
  return DOUBLING_END.test(base) ? base : h.marker;
}

function formMessage(h: ParsedHeading): string {
  switch (h.style) {
    case 'paren-half':
    case 'paren-mixed':
      return messages.halfParen(h.marker, h.canonicalMarker);
    case 'paren-dun':
      return messages.extraDun(h.marker.replace(/\s+/g, ''), h.canonicalMarker);
    default:
      return messages.wrongPunct(h.marker, h.canonicalMarker);
  }
}

function combine(doc: DocumentView<LineInfo | undefined>, report: (r: Report) => void): void {
  const { paragraphs, collected, text } = doc;
  const n = paragraphs.length;
  // Last heading seen per level (index 1..4) in the current parent; `stale` keeps the one a new parent cleared.
  const last: (Seen | null)[] = [null, null, null, null, null];
  const stale: (Seen | null)[] = [null, null, null, null, null];
  /** Level-3 headings of the current article, for the "1." / "1、" check. */
  let article: number[] = [];
  /** Lines whose marker already got a fix (no second, overlapping fix on them). */
  const fixed = new Set<number>();
  /** The level-jump note is given once per article. */
  let jumpNoted = false;
  let pendingTitle = false;
  let pendingBare: number[] = [];

  const reportMarker = (line: number, h: ParsedHeading, message: string, fix: string | null, severity?: 'info') => {
    const start = paragraphs[line]!.start + h.markerStart;
    const end = start + ownMarker(h).length;
    if (severity) report({ start, end, message, severity });
    else report({ start, end, message, replacements: fix === null ? [] : [fix] });
  };

  const flushArticle = () => {
    let dot = 0;
    let dun = 0;
    for (const i of article) {
      if (collected[i]!.heading!.style === 'dun') dun++;
      else dot++;
    }
    if (dot > 0 && dun > 0) {
      for (const i of article) {
        const h = collected[i]!.heading!;
        if (h.style !== 'dun' || fixed.has(i)) continue;
        reportMarker(i, h, messages.mixed(h.canonicalMarker), h.canonicalMarker);
      }
    }
    article = [];
    jumpNoted = false;
  };

  const resetFrom = (level: number) => {
    for (let k = level; k <= 4; k++) {
      if (last[k]) stale[k] = last[k]!;
      last[k] = null;
    }
  };

  /** Value of the next heading at `level` in the same parent (before any higher-level heading), or 0. */
  const nextSibling = (from: number, level: HeadingLevel): number => {
    for (let j = from + 1; j < n; j++) {
      const h = collected[j]?.heading;
      if (!h) continue;
      if (h.level < level) return 0;
      if (h.level === level) return h.value;
    }
    return 0;
  };

  /** Is line i right after a long line that stops mid-sentence (no closing punctuation)? */
  const afterCutSentence = (i: number): boolean => {
    if (i === 0) return false;
    const prev = paragraphs[i - 1]!.text.trim();
    return prev.length >= 30 && !CLOSED_LINE.test(prev);
  };

  const writtenBetween = (fromLine: number, toLine: number, level: HeadingLevel, value: number): boolean => {
    // A substring is O(1) in V8; it bounds the search to the section instead of the rest of the document.
    const region = text.slice(paragraphs[fromLine]!.start, paragraphs[toLine]!.start);
    for (const form of markerForms(level, value)) if (region.includes(form)) return true;
    return false;
  };

  for (let i = 0; i < n; i++) {
    const info = collected[i];
    if (!info || info.kind === Kind.Blank) continue;
    const h = info.heading;
    if (!h) {
      if (info.bare) pendingBare.push(i);
      else if (info.kind === Kind.Title) pendingTitle = true;
      continue;
    }
    const level = h.level;
    const value = h.value;

    // “……基层治理工作的重⏎7、要性，……”: after a paragraph cut off mid-sentence, a number out of sequence is
    // a page number glued to the rest of the sentence (a page break in the paste), not a heading.
    if (afterCutSentence(i) && value !== 1 && (!last[level] || value !== last[level]!.value + 1)) continue;

    // A restart at 1 after a title line, or a first-level 一 again: a new article (or a new list).
    if (value === 1 && (level === 1 || pendingTitle)) {
      flushArticle();
      resetFrom(level === 1 ? 1 : level);
      if (level === 1) for (let k = 1; k <= 4; k++) stale[k] = null;
    }

    // Number lines that lost their marker ("1加强……" before "2、…"): accept a chain ending right before h.
    if (level === 3 && pendingBare.length > 0) {
      const chain = pendingBare;
      const first = last[3] ? last[3]!.value + 1 : 1;
      let ok = chain.length === value - first;
      for (let k = 0; ok && k < chain.length; k++) ok = collected[chain[k]!]!.bare!.value === first + k;
      if (ok) {
        const sep = h.style === 'dun' ? '、' : h.marker.endsWith('．') ? '．' : '.';
        for (const b of chain) {
          const bare = collected[b]!.bare!;
          const p = paragraphs[b]!;
          const digits = p.text.slice(bare.start, bare.end);
          report({
            start: p.start + bare.start,
            end: p.start + bare.end,
            message: messages.bare(digits + sep),
            replacements: [digits + sep],
          });
          last[3] = { line: b, value: bare.value, marker: digits + sep };
        }
      }
    }
    pendingBare = [];
    pendingTitle = false;

    let seqFix: string | null = null;
    const prev = last[level];
    const expected = prev ? prev.value + 1 : 1;
    if (prev && value !== expected && value !== 1) {
      const missingWritten = value > expected && writtenBetween(prev.line, i, level, expected);
      if (!missingWritten) {
        const certain = nextSibling(i, level) === expected + 1;
        const want = markerLike(h, expected);
        const message =
          value === prev.value
            ? messages.repeated(prev.marker, want)
            : value > expected
              ? messages.skipped(prev.marker, want)
              : messages.backwards(prev.marker, want);
        if (certain) {
          seqFix = want;
          fixed.add(i);
        }
        reportMarker(i, h, message, seqFix);
      }
    } else if (!prev && value !== 1 && level > 1) {
      // First child under a parent that does not start at 1 (unless numbering continues across parents).
      let parent = -1;
      for (let k = level - 1; k >= 1; k--) if (last[k]) { parent = last[k]!.line; break; }
      const continues = stale[level] !== null && stale[level]!.value === value - 1;
      if (parent >= 0 && !continues && !writtenBetween(parent, i, level, 1)) {
        reportMarker(i, h, messages.firstChild(markerLike(h, 1)), null);
      }
    }

    if (level === 4 && !prev && last[1] && !last[2] && !last[3] && !jumpNoted) {
      jumpNoted = true;
      reportMarker(i, h, messages.jump, null, 'info');
    }

    // Wrong marker form (the sequence fix above already writes the standard form).
    const base = ownMarker(h);
    const doubled = base.length < h.marker.length;
    const stray = doubled ? 0 : h.stray;
    if (seqFix === null && stray > 0 && h.style === 'dun') {
      // “1、、”: the document's own 1、 style is kept, only the stray mark goes.
      const keep = h.marker.length - h.stray;
      report({
        start: paragraphs[i]!.start + h.markerStart + keep,
        end: paragraphs[i]!.start + h.markerEnd,
        message: messages.stray(h.marker, h.marker.slice(0, keep).trimEnd()),
        replacements: [''],
      });
      fixed.add(i);
    } else if (h.style !== 'dun' && (doubled ? base : h.marker) !== h.canonicalMarker && seqFix === null) {
      if (doubled) reportMarker(i, h, formMessage(h), h.canonicalMarker);
      else if ((h.style === 'paren-dun' || stray > 0) && h.marker.startsWith(h.canonicalMarker)) {
        // “（一）、”, “1.、”: the marker itself is right, so the fix only deletes the stray mark (and any space
        // before it).
        const start = paragraphs[i]!.start + h.markerStart + h.canonicalMarker.length;
        const message = h.style === 'paren-dun' ? formMessage(h) : messages.stray(h.marker, h.canonicalMarker);
        report({ start, end: paragraphs[i]!.start + h.markerEnd, message, replacements: [''] });
      } else reportMarker(i, h, formMessage(h), h.canonicalMarker);
      fixed.add(i);
    }

    // After a certain fix the sequence goes on from the corrected number.
    last[level] = seqFix === null ? { line: i, value, marker: h.marker } : { line: i, value: expected, marker: seqFix };
    resetFrom(level + 1);
    if (level === 3) article.push(i);
  }
  flushArticle();
}

export default defineDocumentRule<LineInfo | undefined>({
  meta: {
    id: 'heading-numbering',
    category: 'structure',
    severity: 'warning',
    description: '检查标题序号（一、（一）1.（1））的层级、连续性和写法',
    fixable: true,
  },
  collect,
  combine,
  incremental: { summary: () => undefined, add() {}, remove() {}, affected },
});
