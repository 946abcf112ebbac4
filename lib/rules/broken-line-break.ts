import { parseHeading } from '../engine/headings';
import { defineDocumentRule } from '../engine/rule';
import { wordsAround, wordSpans } from '../engine/segment';
import { charIn, isHanAt, isInlineSpaceCode } from '../engine/text';
import { longestMatch, matchClasses, matchLength, WordClass } from '../lexicon';

/**
 * broken-line-break: a line break (with any blank lines) inside a word or sentence, left by pasting from a
 * PDF or a web page: 基\n\n础, 负\n责人, 安排、\n\n方法, 邓小平同志\n“解放. Fix: delete the break.
 *
 * `collect` describes each line (how it starts and ends, whether it is running text, a heading or a
 * title); `combine` looks at each pair of neighbouring non-blank lines. A break is reported only when
 * - the upper line cannot end there: it ends in ，、 or an opening mark, or leaves a quotation open; or
 * - both lines are running text (they hold clause punctuation) and the upper one, prose (a full stop before
 *   its end), ends in a Chinese character or a closing mark; or the upper one is 40+ characters of clauses
 *   without a full stop and the lower one is the short rest of the sentence (……营造风清气正的良好\n环境。); or
 * - the upper line holds no punctuation (title-like) but a word of the segmenter spans the break (基|础).
 * - the break cuts a clause, seen at either side (cutsClause): the lower line starts with 的/地/得/们, the upper
 *   one ends with a function word no clause ends with (……深刻的, ……更加), or the lower one opens with a bare
 *   noun or verb and a comma (……党的二十大⏎精神，把……; not a topic and its comment, 初心，是……); running text
 *   ends with a verb and the short rest of the sentence below starts with a noun (……深入基层开展⏎调研。); a count
 *   after 了 (……走访了⏎12个村); a date unit cut from its number (支部于2023⏎年3月); an open book title or bracket
 *   (……学习了《中国共产党纪律处分⏎条例》), as an open quotation.
 * - the upper line is a heading whose title cannot end there (四、关于加强 / 机关基层党组织建设的几点思考: it ends
 *   with a verb that wants its object, or a function word) and the lower line is a short title-like line; or a
 *   heading is followed by a short line and only then by its body where its siblings go straight on to theirs, and its
 *   title is shorter than theirs (brokenTitles: 二、正视我局作风方面 / 存在的突出问题).
 * - the upper line leaves a quotation, title or bracket open and the lower one closes it (开展“走基层、 / 察民情”主题
 *   党日活动); the lower line goes on with the next point of the upper one's enumeration (二是…… / ……；三是……); a
 *   count and its measure word open the lower line after running text (……停车位 / 120个，……).
 * - the upper line ends in ，or 、 and the lower one starts with a number of the sentence (全区8个街道、\n46个社区), or
 *   the lower line starts with a mark no line starts with (，、。）…).
 * Never joined: an upper line ending in 。！？；：… (or a closing mark after them), other headings and title lines
 * (also a heading at the end of a line: ……作用。 一、加强学习; decimal headings 2.1.2 …), a lower line that is
 * indented, starts a heading, a list item or a new point (一是, 首先), or starts with anything but a Chinese
 * character, an opening quote or those numbers and marks.
 *
 * The opposite slip, a line break lost after a heading, is reported where it is certain enough: a level-1 or
 * level-2 heading runs on into a sentence (二、存在的不足对照上级要求…, （三）治理效能稳步提升全县推行…) at a
 * word that opens sentences (对照, 针对, 全县, 近年来, 我们 …), after a title that ends with a section word
 * (不足, 问题, 措施, 重要性 …) or, for a level-2 heading, when its sibling headings run in with 。. Fix: the
 * line break back for a level-1 heading, 。 for a run-in level-2 one.
 */

const messages = {
  broken: '此处换行把一句话断开了（多见于从PDF或网页粘贴），应删除换行',
  lostBreak: '标题与正文之间的换行丢失，标题和下一句连在了一起，应换行',
  lostStop: '小标题与正文之间缺少句号（换行丢失），应加句号',
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
  /** A number that belongs to the sentence (46个社区), not a list marker. */
  Digit,
  /** A clause or closing mark: no line starts with one, so the line goes on from the one above. */
  Mark,
  Other,
}

/** Marks that never start a line. */
const LINE_START_NEVER = '，、；：。！？）》”’';

/**
 * What collect keeps for each line of the document, between edits: one small object per line, its yes/no
 * facts and small codes packed into the bits of one integer (an object of 25 fields was 1.5 MB kept for a
 * 1,000,000-character document; this one holds six). The accessors read and write the bits by name.
 */
class LineInfo {
  /** Flag bits (F_…), and the head, tail and title level codes at their shifts. */
  bits = 0;
  /** Inline white space after the last visible character. */
  trailing = 0;
  /** Offset of the first visible character (the segmenter's 4 characters at each end are read from the line text in combine). */
  lead = 0;
  length = 0;
  /** Length of the title of a heading alone on its line (see titleLevel). */
  titleLength = 0;
  /** A heading that runs on into a sentence: where the break was lost (line-relative), level, and certainty. */
  lost: LostBreak | null = null;

  private flag(f: number): boolean {
    return (this.bits & f) !== 0;
  }
  private set(f: number, on: boolean): void {
    this.bits = on ? this.bits | f : this.bits & ~f;
  }
  private code(shift: number): number {
    return (this.bits >>> shift) & CODE_MASK;
  }
  private setCode(shift: number, v: number): void {
    this.bits = (this.bits & ~(CODE_MASK << shift)) | (v << shift);
  }

  get blank(): boolean { return this.flag(F_BLANK); }
  set blank(v: boolean) { this.set(F_BLANK, v); }
  get indented(): boolean { return this.flag(F_INDENTED); }
  set indented(v: boolean) { this.set(F_INDENTED, v); }
  get head(): Head { return this.code(HEAD_SHIFT); }
  set head(v: Head) { this.setCode(HEAD_SHIFT, v); }
  get tail(): Tail { return this.code(TAIL_SHIFT); }
  set tail(v: Tail) { this.setCode(TAIL_SHIFT, v); }
  /** Holds clause punctuation (running text rather than a title). */
  get running(): boolean { return this.flag(F_RUNNING); }
  set running(v: boolean) { this.set(F_RUNNING, v); }
  /** Holds a full stop before its last character: prose, not a title or a list item. */
  get prose(): boolean { return this.flag(F_PROSE); }
  set prose(v: boolean) { this.set(F_PROSE, v); }
  /** No full stop, but 40+ characters and several clauses: a paragraph, or an item of a task list. */
  get longClauses(): boolean { return this.flag(F_LONG_CLAUSES); }
  set longClauses(v: boolean) { this.set(F_LONG_CLAUSES, v); }
  /** A short line that ends a sentence and holds no clause before it: the tail of a cut sentence. */
  get shortTail(): boolean { return this.flag(F_SHORT_TAIL); }
  set shortTail(v: boolean) { this.set(F_SHORT_TAIL, v); }
  get unclosedQuote(): boolean { return this.flag(F_UNCLOSED_QUOTE); }
  set unclosedQuote(v: boolean) { this.set(F_UNCLOSED_QUOTE, v); }
  /** A heading or title line, or a line that ends with a heading (……作用。 一、加强学习). */
  get heading(): boolean { return this.flag(F_HEADING); }
  set heading(v: boolean) { this.set(F_HEADING, v); }
  /** Starts a heading, a list item, a new point or a label (前言：): a new paragraph whatever comes before. */
  get startsNew(): boolean { return this.flag(F_STARTS_NEW); }
  set startsNew(v: boolean) { this.set(F_STARTS_NEW, v); }
  /** Starts with a label (关键词：) and has no sentence end: a form field, complete as it is. */
  get field(): boolean { return this.flag(F_FIELD); }
  set field(v: boolean) { this.set(F_FIELD, v); }
  /** A heading whose title cannot end where the line ends (四、关于加强): it goes on in the next line. */
  get openTitle(): boolean { return this.flag(F_OPEN_TITLE); }
  set openTitle(v: boolean) { this.set(F_OPEN_TITLE, v); }
  /** Short, starts with Han, no punctuation at all: may be the rest of a broken heading. */
  get titleLike(): boolean { return this.flag(F_TITLE_LIKE); }
  set titleLike(v: boolean) { this.set(F_TITLE_LIKE, v); }
  /** Level-2 heading whose title is followed by 。 in the same line (run-in style). */
  get runIn(): boolean { return this.flag(F_RUN_IN); }
  set runIn(v: boolean) { this.set(F_RUN_IN, v); }
  /** Level-2 heading alone on its line. */
  get standalone2(): boolean { return this.flag(F_STANDALONE2); }
  set standalone2(v: boolean) { this.set(F_STANDALONE2, v); }
  /** Running text that ends in a number (……整改问题15): a measure word on the next line belongs to it. */
  get digitEnd(): boolean { return this.flag(F_DIGIT_END); }
  set digitEnd(v: boolean) { this.set(F_DIGIT_END, v); }
  /** Any text that ends in a number after a Chinese character (支部于2023): a date unit on the next line belongs to it. */
  get numberEnd(): boolean { return this.flag(F_NUMBER_END); }
  set numberEnd(v: boolean) { this.set(F_NUMBER_END, v); }
  /**
   * A heading alone on its line (a label heading, 对照自身：……, is level 5): its level (else 0), its title's
   * length (titleLength), and whether the title holds no clause mark.
   */
  get titleLevel(): number { return this.code(LEVEL_SHIFT); }
  set titleLevel(v: number) { this.setCode(LEVEL_SHIFT, v); }
  get titleBare(): boolean { return this.flag(F_TITLE_BARE); }
  set titleBare(v: boolean) { this.set(F_TITLE_BARE, v); }
}

const F_BLANK = 1 << 0;
const F_INDENTED = 1 << 1;
const F_RUNNING = 1 << 2;
const F_PROSE = 1 << 3;
const F_LONG_CLAUSES = 1 << 4;
const F_SHORT_TAIL = 1 << 5;
const F_UNCLOSED_QUOTE = 1 << 6;
const F_HEADING = 1 << 7;
const F_STARTS_NEW = 1 << 8;
const F_FIELD = 1 << 9;
const F_OPEN_TITLE = 1 << 10;
const F_TITLE_LIKE = 1 << 11;
const F_RUN_IN = 1 << 12;
const F_STANDALONE2 = 1 << 13;
const F_DIGIT_END = 1 << 14;
const F_NUMBER_END = 1 << 15;
const F_TITLE_BARE = 1 << 16;
/** Head, Tail and the title level (0–5) take three bits each, above the flags (25 bits in all: a small integer). */
const CODE_MASK = 7;
const HEAD_SHIFT = 17;
const TAIL_SHIFT = 20;
const LEVEL_SHIFT = 23;

interface LostBreak {
  at: number;
  level: number;
  /** The title ends with a section word: certain without looking at the siblings. */
  section: boolean;
  /** Length of the first sentence after the marker: a run-in title ends its sentence early. */
  sentence: number;
}

/** Every blank line's data (never written after it is made). */
const BLANK = new LineInfo();
BLANK.blank = true;
BLANK.head = Head.Other;
BLANK.tail = Tail.Other;

/** A line ending in a count of 1–5 digits after a Chinese character, with no field colon in its last sentence. */
const COUNT_END = /[\u4e00-\u9fff][0-9]{1,5}$/;
const FIELD_TAIL = /[：:][^。！？；]*$/;
/** Measure words and units that follow a number inside a sentence (15⏎个, 3⏎次, 120⏎余人). */
const MEASURE_START = /^[个名次人项家所场件条篇期批户余多万亿元岁天倍]/;
/** A count and its measure word at the start of a line (120个，……; 3.5万元). */
const COUNT_START = /^\d{1,6}(?:\.\d{1,3})?\s*[个名次人项家所场件条篇期批户余多万亿元岁倍处支套台辆间]/;
/** A date unit after a number, followed by the rest of the date or a word (2023⏎年3月, 15⏎日召开). */
const DATE_START = /^(?:年[0-9０-９底初末以来中]|月[0-9０-９份底初末中]|日[^报记]|号)/;

/** Decimal and spaced numeric headings: 1.1 调研对象与方法, 2.1.2 对融合的内涵理解不够深, 1 调研的基本情况. */
const DECIMAL_HEADING = /^(?:\d{1,2}(?:[.．]\d{1,2}){1,3}[.．]?\s*|\d{1,2}\s+)[\u4e00-\u9fff“《]/;
/** A heading title that cannot end here: a verb that wants its object, or a function word. */
const OPEN_TITLE_END =
  /(?:关于|加强|推进|推动|做好|提升|提高|深化|强化|完善|落实|坚持|健全|构建|建立|打造|发挥|开展|增强|促进|围绕|聚焦|对于|基于|[的和与及在对把以为将从向])$/;
/** Longest title-like line (TITLE_LIKE spans the whole line: longer lines are tested by length alone). */
const TITLE_LIKE_MAX = 30;
const TITLE_LIKE = new RegExp(`^[\\u4e00-\\u9fff][^，。、；：！？,;:!?“”]{0,${TITLE_LIKE_MAX - 1}}$`);
/** Words that open a sentence: subjects, time adverbials, and prepositions that head a clause. */
const OPENER =
  /近年来|今年以来|今年|去年|多年来|长期以来|一年来|当前|目前|全县|全市|全区|全省|全镇|全乡|全局|全委|全校|全系统|我们|我县|我市|我区|我省|我局|我委|我镇|我校|各级|各地|各单位|各部门|各支部|对照|针对|围绕|按照|根据|随着|为此|对此/g;
/** Openers that are prepositions or connectives: after a title that is not a section name they are too weak. */
const WEAK_OPENER = /^(?:对照|针对|围绕|按照|根据|随着|为此|对此)$/;
/** Section words a heading title ends with (the vocabulary of section roles). */
const SECTION_END =
  /(?:情况|问题|不足|原因|成因|根源|症结|建议|对策|措施|举措|成效|成绩|做法|打算|体会|经验|思路|目标|要求|意义|背景|现状|分析|短板|差距|重要性|必要性|紧迫性)$/;
const FIRST_CLAUSE_END = /[，。、；：！？,;:!?（(“]/;
/** A number at the line start that is a list marker (1、 2. 3）), not part of the sentence. */
const LIST_NUMBER_START = /^\d+\s*[、.．)）]/;
/** A short line that ends a sentence and holds no clause mark before it (SHORT_TAIL). */
const SHORT_TAIL_END = /[。！？]$/;
const SHORT_TAIL_CLAUSE = /[，；、：]/;
/** A title that ends with a function word or preposition (lostBreak). */
const FUNCTION_WORD_END = /[的和与及在对把以为将从向]$/;

/** Where a level-1 or level-2 heading runs on into a sentence, if it does (line-relative offsets). */
function lostBreak(body: string, lead: number, parsed: NonNullable<ReturnType<typeof parseHeading>>): LostBreak | null {
  if (parsed.level > 2) return null;
  const titleStart = parsed.markerEnd;
  const rest = body.slice(titleStart);
  const stop = rest.search(FIRST_CLAUSE_END);
  // The run-on sentence goes on to punctuation; a bare title line is complete as it is.
  if (stop === -1) return null;
  // A title closed by its own full stop (（二）着力提升全县干部素质。) lost nothing.
  if (rest[stop] === '。') return null;
  const clause = rest.slice(0, stop);
  const fullStop = rest.indexOf('。');
  const sentence = fullStop === -1 ? rest.length : fullStop;
  OPENER.lastIndex = 0;
  for (let m = OPENER.exec(clause); m; m = OPENER.exec(clause)) {
    if (m.index < 4) continue;
    if (clause.length - m.index - m[0].length < 2) break;
    const left = clause.slice(0, m.index);
    const section = SECTION_END.test(left);
    if (section || (!WEAK_OPENER.test(m[0]) && !FUNCTION_WORD_END.test(left))) {
      return { at: lead + titleStart + m.index, level: parsed.level, section, sentence };
    }
  }
  return null;
}

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

/** A line at least this long with two or more clause marks is running prose, not a title. */
const LONG_CLAUSES = 40;
/** The rest of a sentence cut at a line end: at most this long. */
const SHORT_TAIL = 24;

function countClauseMarks(text: string): number {
  let n = 0;
  for (let k = 0; k < text.length && n < 2; k++) if (charIn('，；', text, k)) n++;
  return n;
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
  const close = body.charCodeAt(body.length - 1);
  if (close !== 0xff09 && close !== 0x29) return false; // ） )
  // Pasted text mixes the widths: （…) and (…） both occur.
  // The last （ or (: one backward scan that stops at it (lastIndexOf of the width a line lacks read the
  // whole line).
  let start = body.length - 1;
  while (start >= 0) {
    const c = body.charCodeAt(start);
    if (c === 0xff08 || c === 0x28) break;
    start--;
  }
  if (start < 0) return false;
  let k = start;
  while (k > 0 && isInlineSpaceCode(body.charCodeAt(k - 1))) k--;
  return k === 0 || charIn(SENTENCE_END, body, k - 1);
}

function collectLine(text: string): LineInfo {
  let lead = 0;
  while (lead < text.length && isInlineSpaceCode(text.charCodeAt(lead))) lead++;
  if (lead === text.length) return BLANK;
  let end = text.length;
  while (end > lead && isInlineSpaceCode(text.charCodeAt(end - 1))) end--;
  const body = lead === 0 && end === text.length ? text : text.slice(lead, end);

  // What the line offers as the lower part of a break.
  const firstCode = body.charCodeAt(0);
  const head = isHanAt(body, 0)
    ? Head.Han
    : charIn(HEAD_OPENERS, body, 0)
      ? Head.Open
      : charIn(LINE_START_NEVER, body, 0)
        ? Head.Mark
        : firstCode >= 0x30 && firstCode <= 0x39 && !LIST_NUMBER_START.test(body)
          ? Head.Digit
          : Head.Other;
  const parsed = headingAt(body);
  // Each pattern is anchored at its first character: a Han character (LABEL), 第 (CHAPTER), a digit
  // (DECIMAL_HEADING). Tested first, so most lines skip the regex calls.
  const label = firstCode >= 0x4e00 && firstCode <= 0x9fff && LABEL.test(body);
  const chapter = firstCode === 0x7b2c && CHAPTER.test(body);
  const decimal = firstCode >= 0x30 && firstCode <= 0x39 && DECIMAL_HEADING.test(body);
  const info = new LineInfo();
  info.indented = lead > 0;
  info.head = head;
  info.tail = Tail.Other;
  info.trailing = text.length - end;
  info.running = CLAUSE_PUNCT.test(body);
  info.shortTail = body.length <= SHORT_TAIL && SHORT_TAIL_END.test(body) && !SHORT_TAIL_CLAUSE.test(body);
  info.heading = true;
  info.startsNew = parsed !== null || chapter || label || decimal || NEW_POINT.test(body);
  info.titleLike = body.length <= TITLE_LIKE_MAX && TITLE_LIKE.test(body);
  info.runIn = parsed !== null && parsed.level === 2 && !parsed.titleLine && body.charCodeAt(parsed.end - 1) === 0x3002 && parsed.title.length <= 20; // 。
  info.standalone2 = parsed !== null && parsed.level === 2 && parsed.titleLine;
  info.lost = parsed !== null ? lostBreak(body, lead, parsed) : null;
  info.lead = lead;
  info.length = body.length;

  // A heading alone on its line (一、……, or a label heading 对照自身：有些苗头 with no sentence end), for brokenTitles.
  if (parsed !== null && parsed.titleLine && parsed.title.length > 0) setTitle(info, parsed.level, parsed.title);
  else if (label && body.length <= LABEL_TITLE_MAX && !FULL_STOP.test(body) && !body.includes('；')) setTitle(info, LABEL_LEVEL, body.slice(body.search(/[：:]/) + 1));

  // What it offers as the upper part: only lines that do not end a sentence need more.
  const last = body.length - 1;
  if (isHanAt(body, last)) info.tail = Tail.Han;
  else if (charIn(SOFT, body, last)) info.tail = Tail.Soft;
  else if (charIn(OPENERS, body, last)) info.tail = Tail.Open;
  else if (charIn(CLOSERS, body, last)) {
    // 。” ends a sentence; 功能” does not.
    let k = last;
    while (k > 0 && charIn(CLOSERS, body, k - 1)) k--;
    if (!(k > 0 && charIn(SENTENCE_END, body, k - 1)) && !isTrailingAside(body)) info.tail = Tail.Close;
  }
  if (info.tail === Tail.Other) {
    // A count (1–5 digits) in running text; not a phone number or a field value (咨询电话：86912345).
    const lastCode = body.charCodeAt(last);
    info.numberEnd = lastCode >= 0x30 && lastCode <= 0x39 && parsed === null && !decimal && COUNT_END.test(body) && !FIELD_TAIL.test(body);
    info.digitEnd = info.numberEnd && CLAUSE_PUNCT.test(body);
    return info;
  }

  // The last character is no full stop here, so a full stop anywhere means one before the end.
  info.prose = FULL_STOP.test(body);
  // A long line with several clauses is a paragraph too, even before its first full stop (a title is short).
  info.longClauses = !info.prose && body.length >= LONG_CLAUSES && countClauseMarks(body) >= 2;
  info.field = label && !info.prose;
  // An open quotation, book title or bracket: the line goes on (……学习了《中国共产党纪律处分⏎条例》).
  info.unclosedQuote = countChar(body, '“') > countChar(body, '”') || countChar(body, '《') > countChar(body, '》') ||
    countChar(body, '（') > countChar(body, '）');
  // A marked line with no sentence end is a title, unless it is too long for one: （一）是要……，而要\n
  let heading = (parsed !== null && parsed.end === body.length && body.length <= TITLE_MAX) || chapter || (decimal && !info.prose);
  info.openTitle = parsed !== null && parsed.titleLine && parsed.level <= 2 && !CLAUSE_PUNCT.test(parsed.title) && OPEN_TITLE_END.test(body);
  if (!heading) {
    // A heading after the last sentence of the line: “……作用。 一、加强学习,保持思想上领先”.
    let k = body.length - 1;
    while (k >= 0 && !charIn(STOP_CHARS, body, k)) k--;
    if (k >= 0) {
      // Only a rest that starts like a marker or 第 can be a heading: looked at in place before slicing it.
      TRIM_START.lastIndex = k + 1;
      TRIM_START.test(body);
      const r = TRIM_START.lastIndex;
      if (r < body.length && (charIn(MARKER_FIRST, body, r) || body.charCodeAt(r) === 0x7b2c)) {
        const rest = body.slice(k + 1).trim();
        const h = rest ? headingAt(rest) : null;
        heading = (h !== null && h.end === rest.length) || CHAPTER.test(rest);
      }
    }
  }
  info.heading = heading;
  return info;
}

/** Label headings (对照自身：有些苗头) count as a level of their own for brokenTitles. */
const LABEL_LEVEL = 5;
const LABEL_TITLE_MAX = 40;

function setTitle(info: LineInfo, level: number, title: string): void {
  info.titleLevel = level;
  info.titleLength = title.length;
  // (A title that ends with a section word is complete: 二、主要做法 may have an unnumbered subheading under it.)
  info.titleBare = title.length > 0 && !CLAUSE_PUNCT.test(title) && !SECTION_END.test(title);
}

/** Does a word of the segmenter span the junction of `left` and `right`? Cached: combine must stay cheap. */
const junctionCache = new Map<string, boolean>();
function wordSpansJunction(left: string, right: string): boolean {
  const key = `${left}\n${right}`;
  let hit = junctionCache.get(key);
  if (hit === undefined) {
    const joined = left + right;
    const at = left.length;
    hit = isHanAt(joined, at - 1) && isHanAt(joined, at) && wordSpans(joined, at);
    if (junctionCache.size >= 1000) junctionCache.clear();
    junctionCache.set(key, hit);
  }
  return hit;
}

/** Where trim() would start a string (white space as String.prototype.trim sees it). */
const TRIM_START = /\s*/y;

/** The first / last (up to) 4 visible characters of a line, for the segmenter and the measure-word test. */
const firstOf = (info: LineInfo, text: string) => text.slice(info.lead, Math.min(info.lead + 4, info.lead + info.length));
const lastOf = (info: LineInfo, text: string) => text.slice(Math.max(info.lead, info.lead + info.length - 4), info.lead + info.length);

/** Is the break between line a (text upper) and line b (text lower) one to delete? */
function isBroken(a: LineInfo, b: LineInfo, upper: string, lower: string): boolean {
  if (b.indented || b.head === Head.Other || b.startsNew) return false;
  // ……达到680平方米\n，基本实现: a line that starts with a comma continues the one above.
  if (b.head === Head.Mark) return !a.heading && a.tail !== Tail.Other;
  // ……对全区8个街道、\n46个社区: a number after 、or ，is the next item of the sentence.
  // ……先后走访了⏎12个村: after a function word or the aspect 了 that wants its object, too.
  // ……开放内部停车位⏎120个，有效缓解……: running text above, a count with its measure word below (a paragraph opens with
  // a year or a date, 2023年，……, not with a bare count).
  if (b.head === Head.Digit) {
    return (a.tail === Tail.Soft || (a.tail === Tail.Han && a.length >= MIN_CUT_LINE && (endsOpen(upper, a, '了') || (a.running && COUNT_START.test(lower.slice(b.lead, b.lead + 12)))))) &&
      !a.heading && b.running;
  }
  // ……发现并整改问题15⏎个。: a number cut from its measure word.
  if (a.digitEnd && b.head === Head.Han && b.running && MEASURE_START.test(firstOf(b, lower))) return true;
  // ……支部于2023⏎年3月召开: a year, month or day cut from its number (also outside running text).
  if (a.numberEnd && b.head === Head.Han && b.running && DATE_START.test(firstOf(b, lower))) return true;
  // A heading broken in two: 四、关于加强 / 机关基层党组织建设的几点思考.
  if (a.openTitle && b.titleLike && b.head === Head.Han) return true;
  if (a.tail === Tail.Other || a.heading) return false;
  // A quotation, book title or bracket left open above and closed below (……开展“走基层、⏎察民情”主题党日活动,
  // 学习《中国共产党纪律⏎处分条例》专题会): one title or sentence, even without clause punctuation below.
  if (a.unclosedQuote && b.head === Head.Han && closesQuotation(lower, b)) return true;
  if (!b.running) return false;
  // An enumeration of points (一是……；二是……) whose next point comes inside the lower line (……让党的创新理论⏎更接
  // 地气；三是……): the lower line goes on with the same paragraph.
  if (continuesPoints(upper, a, lower, b)) return true;
  if (a.tail === Tail.Soft || a.tail === Tail.Open || a.unclosedQuote) return true;
  // Prose whose last sentence is cut short. A field line (关键词：做好；策略) is complete without a stop.
  if (a.prose && !a.field) return true;
  // Clauses without a full stop yet: a paragraph only when what follows is the short rest of its sentence
  // (an item of a task list, 按职责分工负责, is followed by the next item, not by a tail).
  if (a.longClauses && b.shortTail) return true;
  if (a.tail === Tail.Han && a.length >= MIN_CUT_LINE && cutsClause(upper, a, lower, b)) return true;
  // Otherwise (titles, list items, a name and post) only when the break cuts a word in two.
  return a.tail === Tail.Han && a.length >= 10 && wordSpansJunction(lastOf(a, upper), firstOf(b, lower));
}

/** Does the lower line close a quotation, book title or bracket before it opens one (察民情”主题党日活动, 条例》学习)? */
function closesQuotation(lower: string, b: LineInfo): boolean {
  const end = b.lead + b.length;
  for (let k = b.lead; k < end; k++) {
    const c = lower.charCodeAt(k);
    if (c === 0x201d || c === 0x300b || c === 0xff09) return true; // ” 》 ）
    if (c === 0x201c || c === 0x300a || c === 0xff08 || c === 0x3002) return false; // “ 《 （ 。
  }
  return false;
}

const POINT = /([一二三四五六七八九])是/g;
const POINT_NEXT: Record<string, string> = { 一: '二', 二: '三', 三: '四', 四: '五', 五: '六', 六: '七', 七: '八', 八: '九' };

/**
 * The upper line's last point of an enumeration (二是……) is followed inside the lower line, after a clause mark, by the
 * next one (；三是……): the break falls inside a paragraph of points. The lower line does not open with that point
 * (a line of its own per point is a list: startsNew).
 */
function continuesPoints(upper: string, a: LineInfo, lower: string, b: LineInfo): boolean {
  if (a.tail !== Tail.Han && a.tail !== Tail.Soft) return false;
  let last = '';
  POINT.lastIndex = 0;
  for (let m = POINT.exec(upper); m; m = POINT.exec(upper)) last = m[1]!;
  const next = POINT_NEXT[last];
  if (!next) return false;
  const at = lower.indexOf(next + '是', b.lead + 1);
  return at > b.lead && charIn('；;，。', lower, at - 1);
}

/** Shortest upper line judged by how its last clause ends or the lower line begins (a title may be shorter). */
const MIN_CUT_LINE = 8;
/** Structural particles and suffixes no clause or line starts with (……群众身边⏎的急难愁盼问题). */
const NEVER_STARTS = '的地得们';
/**
 * Function words no clause ends with, as the last word of a line: structural particles, prepositions,
 * conjunctions and degree or time adverbs that need what follows (……接受了一次深刻的⏎党性教育, 有了更加⏎深刻的理解).
 * A closed class; adjectives that also modify verbs (认真, 积极, 及时) end clauses and are not here. Single
 * characters only where no word ends with them either (not 向, 对, 在, 要: 导向, 面对, 存在, 主要 — the segmenter
 * does not know them all).
 */
const NEVER_ENDS_CHAR = '的把被很最';
/** 是 in the last clause before a closing 的 (……我是有切身感受的). */
const SHI_DE = /是[^，。；：！？、]*的$/;
const NEVER_ENDS_WORD = new Set([
  '更加', '进一步', '不断', '十分', '非常', '尤其', '始终', '一直', '逐步', '更好', '更为', '极其',
  '关于', '对于', '按照', '根据', '围绕', '为了', '以及', '并且', '而且', '或者', '但是', '因为', '所以', '由于', '如果',
  '虽然', '即使', '只有', '只要', '不仅', '不但', '必须', '应当', '应该', '能够',
]);
/**
 * Words that open a sentence with a comma after them (目前，因此，例如，): a lower line starting with one of these
 * starts a sentence of its own. Other short first clauses (……党的二十大⏎精神，把……) are the rest of the line above.
 */
const OPENER_CLASSES = WordClass.Time | WordClass.Pronoun | WordClass.Adverb | WordClass.Conjunction | WordClass.Preposition;
const FRAGMENT_CLASSES = WordClass.Noun | WordClass.Verb | WordClass.Adjective;
const OPENER_WORDS = new Set(['例如', '比如', '譬如', '当然', '其实', '确实', '显然', '可见', '据悉', '据统计', '据了解', '对此', '为此', '总之', '当前', '如今', '现在', '同志们', '朋友们', '大家']);
/** What follows a topic and its comma (初心，是……; 学习，就是……; 实干，乃……). */
const TOPIC_COMMENT = '是就乃即也才';
/** A lower line whose first clause is a fragment: at most this many Han characters before ，. */
const MAX_FRAGMENT = 3;

/**
 * Running text that ends with a verb and the short rest of a sentence that starts with a noun below (……深入基层开展
 * ⏎调研。 ……注重运用⏎党的创新理论指导实践。): the verb's object was cut off. Not a complete item above and a
 * short sentence of its own below (……请批评指正⏎谢谢大家。: the lower line starts with a verb).
 */
function verbWithoutObject(upper: string, a: LineInfo, lower: string, b: LineInfo): boolean {
  if (!a.running || !b.shortTail || lower.charCodeAt(b.lead + b.length - 1) !== 0x3002) return false;
  const end = a.lead + a.length;
  const last = longestMatch(upper, end, -1);
  const lastClasses = matchClasses(last);
  if (matchLength(last) < 2 || !(lastClasses & WordClass.Verb) || lastClasses & (WordClass.Noun | WordClass.Adjective)) return false;
  // A quotation is a name: the object (“两个确立”).
  if (b.head === Head.Open) return true;
  const first = longestMatch(lower, b.lead);
  return (matchClasses(first) & WordClass.Noun) !== 0;
}

/** Does the line end with a function word no clause ends with (or one of `also`, single characters)? */
function endsOpen(upper: string, a: LineInfo, also: string): boolean {
  const end = a.lead + a.length;
  const lastLen = matchLength(longestMatch(upper, end, -1));
  if (lastLen > 1) return NEVER_ENDS_WORD.has(upper.slice(end - lastLen, end));
  const ch = upper.charAt(end - 1);
  if (!NEVER_ENDS_CHAR.includes(ch) && !also.includes(ch)) return false;
  // 的 closes a clause after a vivid adjective (心里热乎乎的, 红彤彤的) and in 是……的 (我是有感受的).
  if (ch === '的' && (upper.charCodeAt(end - 2) === upper.charCodeAt(end - 3) || SHI_DE.test(upper.slice(Math.max(a.lead, end - 24), end)))) return false;
  // The pruned lexicon lacks words that end in these characters (导向, 面对, 所在): the segmenter must see the
  // character alone too.
  const words = wordsAround(upper, end - 1, end, 6);
  const w = words.find((x) => x.end === end);
  return w !== undefined && w.start === end - 1;
}

/**
 * Does the break cut a clause, judged by how the upper line ends or the lower one begins? The upper line ends
 * in a Han character (not a heading); the lower one starts with Han and is not a new point.
 * - the lower line starts with 的/地/得/们 that begins no word (……群众身边⏎的急难愁盼问题);
 * - the upper line ends with a function word no clause ends with (……深刻的⏎, ……更加⏎);
 * - the lower line opens with a clause of one to three characters that is a noun, verb or adjective and no
 *   sentence opener (……党的二十大⏎精神，把……; ……推诿⏎扯皮，……): a line that starts a sentence does not put a
 *   comma after a bare noun or verb.
 */
function cutsClause(upper: string, a: LineInfo, lower: string, b: LineInfo): boolean {
  if (a.heading) return false;
  // A quotation below: only the end of the line above can tell (……深刻领会⏎“两个确立”的决定性意义。).
  if (b.head === Head.Open) return endsOpen(upper, a, '') || verbWithoutObject(upper, a, lower, b);
  if (b.head !== Head.Han) return false;
  const lo = b.lead;
  const first = lower.charAt(lo);
  if (NEVER_STARTS.includes(first) && matchLength(longestMatch(lower, lo)) < 2) return true;
  if (endsOpen(upper, a, '')) return true;
  if (verbWithoutObject(upper, a, lower, b)) return true;
  let k = lo;
  while (k < lo + MAX_FRAGMENT + 1 && isHanAt(lower, k)) k++;
  // (Not before 、: a sentence may open with a list, 审计署、海关总署……)
  if (k === lo || k > lo + MAX_FRAGMENT || !charIn('，', lower, k)) return false;
  // A topic and its comment (思想，是行动的先导): a sentence of its own.
  if (charIn(TOPIC_COMMENT, lower, k + 1)) return false;
  const fragment = lower.slice(lo, k);
  const known = longestMatch(fragment, 0);
  if (matchLength(known) !== fragment.length || OPENER_WORDS.has(fragment)) return false;
  const classes = matchClasses(known);
  return (classes & FRAGMENT_CLASSES) !== 0 && (classes & OPENER_CLASSES) === 0;
}

/** A first sentence at least this long after a heading marker is a title that ran on into the text. */
const RUN_ON_SENTENCE = 30;

/** At most this many blank lines between the two parts (001: one blank line after every line). */
const MAX_BLANK_LINES = 2;

/** How many lines write their level-2 headings run in and alone, and what that decided in the last run. */
interface Summary {
  runIn: number;
  standalone2: number;
  mode: number;
}

const modeOf = (runIn: number, standalone2: number) => (runIn > standalone2 ? 1 : 0) + (runIn >= 2 ? 2 : 0);

const isBlank = (c: LineInfo | undefined) => c !== undefined && c.blank;

/** Longest rest of a heading on the line below it (……方面⏎存在的突出问题). */
const TITLE_REST_MAX = 16;
/** How much longer than its longest sibling a heading put back together may be. */
const TITLE_SLACK = 6;

/** The next non-blank line after `i` (at most MAX_BLANK_LINES blank lines between), or -1. */
function nextLine(collected: readonly (LineInfo | undefined)[], i: number): number {
  for (let k = i + 1, blanks = 0; k < collected.length; k++) {
    const c = collected[k];
    if (!c) return -1;
    if (!c.blank) return k;
    if (++blanks > MAX_BLANK_LINES) return -1;
  }
  return -1;
}

/** A line of body text: clause punctuation, no heading alone on its line, longer than a title. */
const isBody = (c: LineInfo | undefined) => c !== undefined && !c.blank && c.running && c.titleLevel === 0 && !c.titleLike && c.length > TITLE_REST_MAX;

/**
 * Headings broken over two lines (二、正视我局作风方面⏎存在的突出问题⏎对照……; （三）推动党建与生产经营⏎深度融合⏎以……),
 * told by their siblings: a document writes its headings of one level one to a line with the body right under them.
 * A heading without clause marks whose line is followed by a short line without them and only then by the body, where
 * siblings of its level go
 * straight on to their body, was cut: when its title is shorter than every such sibling's and the two parts together
 * are no longer than the longest of them (plus a little). An unnumbered subheading under every heading of a level
 * makes none of them a sibling with the body under it, and is never joined. Returns the heading lines whose break
 * below is to be deleted.
 */
/**
 * Everything brokenTitles reads of a line, as one exact number (-1: collect failed): whether it is blank or body
 * text, a heading's level, title length and bareness, and for a short line that may be a heading's rest, its
 * length and how it starts. An edit near a heading that leaves these unchanged, line for line, changes no
 * broken heading anywhere.
 */
function titleKey(c: LineInfo | undefined): number {
  if (!c) return -1;
  const rest = !c.running && c.titleLevel === 0 && !c.startsNew && c.length <= TITLE_REST_MAX;
  const head = c.head === Head.Han ? 1 : c.head === Head.Open ? 2 : 0;
  return (c.blank ? 1 : 0) + (isBody(c) ? 2 : 0) + (c.titleBare ? 4 : 0) + (rest ? 8 : 0) + head * 16 + c.titleLevel * 64 +
    (rest ? c.length : 0) * 512 + c.titleLength * 16384;
}

function brokenTitles(collected: readonly (LineInfo | undefined)[]): Set<number> | null {
  let found: Set<number> | null = null;
  // Per level (1–4): shortest and longest title of the headings followed by their body, and how many.
  const min = [0, Infinity, Infinity, Infinity, Infinity, Infinity];
  const max = [0, 0, 0, 0, 0, 0];
  const candidates: number[] = [];
  for (let i = 0; i < collected.length; i++) {
    const h = collected[i];
    if (!h || h.titleLevel === 0) continue;
    const n1 = nextLine(collected, i);
    if (n1 < 0) continue;
    const rest = collected[n1]!;
    if (isBody(rest)) {
      min[h.titleLevel] = Math.min(min[h.titleLevel]!, h.titleLength);
      max[h.titleLevel] = Math.max(max[h.titleLevel]!, h.titleLength);
    } else if (h.titleBare && !rest.running && rest.titleLevel === 0 && !rest.startsNew && rest.length <= TITLE_REST_MAX &&
      (rest.head === Head.Han || rest.head === Head.Open)) {
      const n2 = nextLine(collected, n1);
      if (n2 >= 0 && isBody(collected[n2])) candidates.push(i, n1);
    }
  }
  for (let k = 0; k < candidates.length; k += 2) {
    const h = collected[candidates[k]!]!;
    const rest = collected[candidates[k + 1]!]!;
    if (max[h.titleLevel]! > 0 && h.titleLength < min[h.titleLevel]! && h.titleLength + rest.length <= max[h.titleLevel]! + TITLE_SLACK) {
      (found ??= new Set()).add(candidates[k]!);
    }
  }
  return found;
}

export default defineDocumentRule<LineInfo, Summary | undefined>({
  meta: {
    id: 'broken-line-break',
    category: 'linebreak',
    severity: 'error',
    description: '检查把词语或句子断开的多余换行（多见于从PDF、网页粘贴的文字）',
    fixable: true,
  },
  collect: collectLine,
  incremental: {
    summary: () => ({ runIn: 0, standalone2: 0, mode: -1 }),
    add(s, c) {
      if (!s || !c) return;
      if (c.runIn) s.runIn++;
      else if (c.standalone2) s.standalone2++;
    },
    remove(s, c) {
      if (!s || !c) return;
      if (c.runIn) s.runIn--;
      else if (c.standalone2) s.standalone2--;
    },
    /**
     * A break is judged from two neighbouring lines: the lines from the last non-blank one before the edit
     * to the first non-blank one after it; everything when the document's heading style changed sides.
     */
    affected(doc, from, to, removed) {
      const s = doc.summary;
      if (!s || modeOf(s.runIn, s.standalone2) !== s.mode) return null;
      let a = from - 1;
      while (a >= 0 && isBlank(doc.collected[a])) a--;
      let b = to;
      while (b < doc.collected.length && isBlank(doc.collected[b])) b++;
      // A broken heading is judged by its siblings anywhere in the document (brokenTitles). Near a heading (one
      // among the old or new lines, or in the two non-blank lines above them: its rest and body) an edit that
      // changes what brokenTitles reads of any line, or how many lines there are, has everything looked at again;
      // typing inside a line of text keeps the run to these lines.
      let near = removed.some((c) => !c || c.titleLevel > 0);
      for (let k = Math.min(b, doc.collected.length - 1), seen = 0; !near && k >= 0 && (k >= a || seen < 2); k--) {
        const c = doc.collected[k];
        if (!c) return null;
        if (c.blank) continue;
        if (c.titleLevel > 0) near = true;
        if (k < a) seen++;
      }
      if (near && (removed.length !== to - from || removed.some((c, k) => titleKey(c) !== titleKey(doc.collected[from + k])))) return null;
      return [Math.max(0, a), b];
    },
  },
  combine(doc, report) {
    const { paragraphs, collected, from, to } = doc;
    const n = paragraphs.length;
    // How this document writes its level-2 headings: run in with 。 or alone on their lines.
    let runIn = 0;
    let standalone2 = 0;
    const summary = doc.summary;
    if (summary) {
      runIn = summary.runIn;
      standalone2 = summary.standalone2;
      summary.mode = modeOf(runIn, standalone2);
    } else {
      for (const c of collected) {
        if (c?.runIn) runIn++;
        else if (c?.standalone2) standalone2++;
      }
    }
    // Broken headings are judged against every sibling, a walk over every line: made only when the lines looked
    // at hold a heading, so typing in body text far from one stays O(edit) (issue 13).
    let titles: Set<number> | null | undefined;
    const brokenTitle = (k: number) => {
      if (collected[k]!.titleLevel === 0) return false;
      if (titles === undefined) titles = brokenTitles(collected);
      return titles?.has(k) === true;
    };
    let prev = -1;
    let blanks = 0;
    // From `from` (a non-blank line or the start: the state is then as a whole run leaves it) to the first
    // non-blank line at or after `to`, which closes the last pair that starts before `to`.
    for (let i = from; i < n; i++) {
      const info = collected[i];
      if (!info) {
        prev = -1; // collect failed on this line: never join across it
        if (i >= to) break;
        continue;
      }
      if (info.blank) {
        blanks++;
        continue;
      }
      const lost = info.lost;
      // Without a section word, only a level-2 heading among run-in siblings whose first sentence runs long.
      const stop = lost !== null && lost.level === 2 && runIn > standalone2;
      if (lost && (lost.section || (stop && runIn >= 2 && lost.sentence >= RUN_ON_SENTENCE))) {
        const at = paragraphs[i]!.start + lost.at;
        report({ start: at, end: at, message: stop ? messages.lostStop : messages.lostBreak, replacements: [stop ? '。' : '\n'] });
      }
      if (prev >= 0 && blanks <= MAX_BLANK_LINES && (brokenTitle(prev) || isBroken(collected[prev]!, info, paragraphs[prev]!.text, paragraphs[i]!.text))) {
        const start = paragraphs[prev]!.end - collected[prev]!.trailing;
        const end = paragraphs[i]!.start;
        report({ start, end, message: messages.broken, replacements: [''] });
      }
      if (i >= to) break;
      prev = i;
      blanks = 0;
    }
  },
});
