import { parseHeading } from '../engine/headings';
import { defineDocumentRule } from '../engine/rule';
import { segmentRange } from '../engine/segment';
import { isHanAt, isInlineSpace } from '../engine/text';

/**
 * broken-line-break: a line break (with any blank lines) inside a word or sentence, left by pasting from a
 * PDF or a web page: 基\n\n础, 负\n责人, 安排、\n\n方法, 邓小平同志\n“解放. Fix: delete the break.
 *
 * `collect` describes each line (how it starts and ends, whether it is running text, a heading or a
 * title); `combine` looks at each pair of neighbouring non-blank lines. A break is reported only when
 * - the upper line cannot end there: it ends in ，、 or an opening mark, or leaves a quotation open; or
 * - both lines are running text (they hold clause punctuation) and the upper one ends in a Chinese
 *   character or a closing mark without a sentence end before it; or
 * - the upper line holds no punctuation (title-like) but a word of the segmenter spans the break (基|础).
 * Never joined: an upper line ending in 。！？；：… (or a closing mark after them), headings and title lines
 * (also a heading at the end of a line: ……作用。 一、加强学习), a lower line that is indented, starts a
 * heading, a list item or a new point (一是, 首先), or starts with anything but a Chinese character or an
 * opening quote.
 */

const messages = {
  broken: '此处换行把一句话断开了（多见于从PDF或网页粘贴），应删除换行',
};

const enum Tail {
  Han,
  /** ，、, : the sentence goes on. */
  Soft,
  /** “《（ …: an opening mark cannot end a line. */
  Open,
  /** ”》） not after a sentence end. */
  Close,
  /** A sentence or line end, or anything else: keep the break. */
  Other,
}

const enum Head {
  Han,
  Open,
  Other,
}

interface LineInfo {
  blank: boolean;
  indented: boolean;
  head: Head;
  tail: Tail;
  /** Inline white space after the last visible character. */
  trailing: number;
  /** Holds clause punctuation (running text rather than a title). */
  running: boolean;
  /** Holds a full stop before its last character: prose, not a title or a list item. */
  prose: boolean;
  unclosedQuote: boolean;
  /** A heading or title line, or a line that ends with a heading (……作用。 一、加强学习). */
  heading: boolean;
  /** Starts a heading, a list item, a new point or a label (前言：): a new paragraph whatever comes before. */
  startsNew: boolean;
  /** Starts with a label (关键词：) and has no sentence end: a form field, complete as it is. */
  field: boolean;
  /** Up to 4 characters at each end, for the segmenter. */
  first: string;
  last: string;
  length: number;
}

const BLANK: LineInfo = {
  blank: true, indented: false, head: Head.Other, tail: Tail.Other, trailing: 0, running: false, prose: false,
  unclosedQuote: false, heading: false, startsNew: false, field: false, first: '', last: '', length: 0,
};

const SOFT = '，、,';
const OPENERS = '“‘《（【〔〈(';
const CLOSERS = '”’》）】〕〉';
const HEAD_OPENERS = '“‘《';
const SENTENCE_END = '。！？；：…!?;:.';
const CLAUSE_PUNCT = /[，。、；：！？,;:!?]/;
/** New points and list items that start a paragraph even after a line without a full stop. */
const NEW_POINT =
  /^(?:[一二三四五六七八九十]+是|首先|其次|再次|最后|总之|综上|此外|另外|同时[，,]|第[一二三四五六七八九十]+[，、,：:]|[①-⑳❶-❿]|[●•·◆◇■□▪▫★☆※→\-—*]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.．、])/;

/** 第八章, 第三节, 第十二条: chapter and article labels. */
const CHAPTER = /^第[一二三四五六七八九十百零〇0-9]+[编章节条款]/;
/** A short label and a colon at the start of a line: 摘要：, 关键词:, 前言：. */
const LABEL = /^[\u4e00-\u9fff]{1,6}[：:](?![“‘])/;
const FULL_STOP = /[。！？!?]/;

/** First characters of a heading marker (一、 （一） 1. （1）): parseHeading runs only on such lines. */
const MARKER_FIRST = '一二三四五六七八九十（(0123456789０１２３４５６７８９';
const STOP_CHARS = '。！？；!?;';
/** Longer than this, a marked line without a sentence end is a paragraph, not a title (as in headings.ts). */
const TITLE_MAX = 60;

function headingAt(body: string): ReturnType<typeof parseHeading> {
  return MARKER_FIRST.includes(body[0] ?? '') ? parseHeading(body) : null;
}

function countChar(text: string, ch: string): number {
  let n = 0;
  for (let k = text.indexOf(ch); k !== -1; k = text.indexOf(ch, k + 1)) n++;
  return n;
}

/**
 * Does the line end with a bracketed aside that stands after a finished sentence or alone, such as
 * “……企业才会发展。 (作者单位:建筑公司)” or “（2023年6月）”? Such a line is complete.
 */
function isTrailingAside(body: string): boolean {
  const close = body[body.length - 1];
  if (close !== '）' && close !== ')') return false;
  // Pasted text mixes the widths: （…) and (…） both occur.
  const start = Math.max(body.lastIndexOf('（'), body.lastIndexOf('('));
  if (start < 0) return false;
  let k = start;
  while (k > 0 && isInlineSpace(body[k - 1])) k--;
  return k === 0 || SENTENCE_END.includes(body[k - 1]!);
}

function collectLine(text: string): LineInfo {
  let lead = 0;
  while (lead < text.length && isInlineSpace(text[lead])) lead++;
  if (lead === text.length) return BLANK;
  let end = text.length;
  while (end > lead && isInlineSpace(text[end - 1])) end--;
  const body = lead === 0 && end === text.length ? text : text.slice(lead, end);

  // What the line offers as the lower part of a break.
  const firstCh = body[0]!;
  const head = isHanAt(body, 0) ? Head.Han : HEAD_OPENERS.includes(firstCh) ? Head.Open : Head.Other;
  const parsed = headingAt(body);
  const label = LABEL.test(body);
  const chapter = CHAPTER.test(body);
  const info: LineInfo = {
    blank: false,
    indented: lead > 0,
    head,
    tail: Tail.Other,
    trailing: text.length - end,
    running: CLAUSE_PUNCT.test(body),
    prose: false,
    unclosedQuote: false,
    heading: true,
    startsNew: parsed !== null || chapter || label || NEW_POINT.test(body),
    field: false,
    first: body.slice(0, 4),
    last: '',
    length: body.length,
  };

  // What it offers as the upper part: only lines that do not end a sentence need more.
  const lastCh = body[body.length - 1]!;
  if (isHanAt(body, body.length - 1)) info.tail = Tail.Han;
  else if (SOFT.includes(lastCh)) info.tail = Tail.Soft;
  else if (OPENERS.includes(lastCh)) info.tail = Tail.Open;
  else if (CLOSERS.includes(lastCh)) {
    // 。” ends a sentence; 功能” does not.
    let k = body.length - 1;
    while (k > 0 && CLOSERS.includes(body[k - 1]!)) k--;
    if (!(k > 0 && SENTENCE_END.includes(body[k - 1]!)) && !isTrailingAside(body)) info.tail = Tail.Close;
  }
  if (info.tail === Tail.Other) return info;

  // The last character is no full stop here, so a full stop anywhere means one before the end.
  info.prose = FULL_STOP.test(body);
  info.field = label && !info.prose;
  info.unclosedQuote = countChar(body, '“') > countChar(body, '”');
  info.last = body.slice(-4);
  // A marked line with no sentence end is a title, unless it is too long for one: （一）是要……，而要\n
  let heading = (parsed !== null && parsed.end === body.length && body.length <= TITLE_MAX) || chapter;
  if (!heading) {
    // A heading after the last sentence of the line: “……作用。 一、加强学习,保持思想上领先”.
    let k = body.length - 1;
    while (k >= 0 && !STOP_CHARS.includes(body[k]!)) k--;
    if (k >= 0) {
      const rest = body.slice(k + 1).trim();
      const h = rest ? headingAt(rest) : null;
      heading = (h !== null && h.end === rest.length) || CHAPTER.test(rest);
    }
  }
  info.heading = heading;
  return info;
}

/** Does a word of the segmenter span the junction of `left` and `right`? Cached: combine must stay cheap. */
const junctionCache = new Map<string, boolean>();
function wordSpansJunction(left: string, right: string): boolean {
  const key = `${left}\n${right}`;
  let hit = junctionCache.get(key);
  if (hit === undefined) {
    const joined = left + right;
    const at = left.length;
    hit = segmentRange(joined, 0, joined.length).some(
      (w) => w.isWordLike && w.start < at && w.end > at && isHanAt(joined, at - 1) && isHanAt(joined, at),
    );
    if (junctionCache.size >= 1000) junctionCache.clear();
    junctionCache.set(key, hit);
  }
  return hit;
}

function isBroken(a: LineInfo, b: LineInfo): boolean {
  if (b.indented || b.head === Head.Other || b.startsNew) return false;
  if (a.tail === Tail.Other || a.heading) return false;
  if (!b.running) return false;
  if (a.tail === Tail.Soft || a.tail === Tail.Open || a.unclosedQuote) return true;
  // Prose whose last sentence is cut short. A field line (关键词：做好；策略) is complete without a stop.
  if (a.prose && !a.field) return true;
  // Otherwise (titles, list items, a name and post) only when the break cuts a word in two.
  return a.tail === Tail.Han && a.length >= 10 && wordSpansJunction(a.last, b.first);
}

/** At most this many blank lines between the two parts (001: one blank line after every line). */
const MAX_BLANK_LINES = 2;

export default defineDocumentRule<LineInfo>({
  meta: {
    id: 'broken-line-break',
    category: 'linebreak',
    severity: 'error',
    description: '检查把词语或句子断开的多余换行（多见于从PDF、网页粘贴的文字）',
    fixable: true,
  },
  collect: collectLine,
  combine(doc, report) {
    const { paragraphs, collected } = doc;
    let prev = -1;
    let blanks = 0;
    for (let i = 0; i < paragraphs.length; i++) {
      const info = collected[i];
      if (!info) {
        prev = -1; // collect failed on this line: never join across it
        continue;
      }
      if (info.blank) {
        blanks++;
        continue;
      }
      if (prev >= 0 && blanks <= MAX_BLANK_LINES && isBroken(collected[prev]!, info)) {
        const start = paragraphs[prev]!.end - collected[prev]!.trailing;
        const end = paragraphs[i]!.start;
        report({ start, end, message: messages.broken, replacements: [''] });
      }
      prev = i;
      blanks = 0;
    }
  },
});
