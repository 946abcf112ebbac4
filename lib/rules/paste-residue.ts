import { defineDocumentRule, type Report } from '../engine/rule';
import { lineMemo } from '../engine/batch';
import { isHanAt, isInlineSpace, isInlineSpaceCode } from '../engine/text';
import {
  JOURNAL_HEADER,
  STANDALONE_LINES,
  STANDALONE_PATTERNS,
  TRAILING_CONTROLS,
  UPDATE_HASH,
  UPDATE_HASH_HEAD,
  WRITING_BANNER,
  WRITING_BANNER_TAIL,
} from './data/paste-residue';
import { CHROME_MAX, isChrome, isWeakChrome, parseChrome } from './data/residue-chrome';
import { findHtml, type HtmlHit } from './data/residue-html';
import {
  BLURB_CLOSE,
  BLURB_GATE,
  BLURB_MAX,
  BLURB_OPEN,
  BREADCRUMB,
  CAPTION_LINE,
  FOLLOW,
  FOLLOW_MAX,
  LEGAL,
  INLINE_LIST,
  LIST_HEADER,
  LISTED_TITLE,
  LISTED_TITLE_MAX,
  NAVIGATION,
  NOTICE,
  mayHoldNotice,
  PROMPT,
  PROMPT_MAX,
  QR_LINE,
  QR_MAX,
  READER_CLOSE,
  SHARE_HINT,
  SITE_CREDIT,
  SITE_TAG,
  SITE_TRAIL,
  TITLE_LABEL,
  WIDGET_LINE,
} from './data/residue-notices';
import { lineTraits, T_BLURB, T_CHROME, T_HTML, T_LEGAL, T_NOTICE, T_SPACE } from './data/residue-traits';
import { BARE_NUMBER_LINE, FILE_PAGE_LINE, INLINE_PAGE_COUNTER, JOURNAL_ISSUE_LINE, LEADING_PAGE_NUMBER, PAGE_LINE, TIMESTAMP_LINE, URL_LINE } from './data/residue-pages';

/**
 * paste-residue: what a web page or a paginated source adds to an article when it is copied — site chrome,
 * navigation, legal and follow notices, paywall and download notices, editor blurbs, HTML, page numbers, URLs
 * and timestamps (families in lib/rules/data/residue-*.ts).
 *
 * A line that is wholly residue is deleted with its line break, in one issue (applying it leaves no empty line
 * behind); residue inside a line is cut out of it. Site chrome includes the QR-code widget (二维码, 扫描二维码在手机上查看),
 * the size and reading-aid buttons in any brackets (字体：【大】【中】【小】, 〖关闭窗口〗), empty counters (浏览次数：),
 * a footer naming the site and its address, and a field with a generic label (来源：……, 作者：……) when it stands
 * beside such a line (alone it may be a byline, and is left: a warning only beside chrome). A page number that
 * cuts a sentence in two (……的重\n- 2 -\n要意义, ……的重\n7、要性) is removed together with the breaks around it,
 * joining the two halves of the one sentence; two real lines are never joined.
 */

const messages = {
  control: (t: string) => `“${t}”是网页按钮或提示，复制时带入，建议删除`,
  chrome: '网页的发布信息、计数或按钮（来源、发布时间、阅读量等）是复制时带入的残留，建议删除',
  navigation: '文章导航（上一篇/下一篇）是网页残留，建议删除',
  breadcrumb: '网页的当前位置导航（首页 > …）是网页残留，建议删除',
  list: '网页的推荐文章列表是网页残留，建议删除',
  legal: '网站的免责或版权声明是网页残留，建议删除',
  follow: '“关注公众号”“扫码”之类的提示是网页残留，建议删除',
  qr: '网页的二维码及“扫码在手机上查看”之类的提示是网页残留，建议删除',
  notice: '网站的字数、隐藏、下载或登录提示是网页残留，建议删除',
  blurb: '网站编辑的推荐语（为大家整理、希望对大家有所帮助等）是网页残留，建议删除',
  html: '网页代码（HTML标签或字符实体）残留，建议删除',
  prompt: '网站对读者的提示（点击…、更多内容…、感谢阅读等）是网页残留，建议删除',
  widget: '网页控件的状态文字（加载中、已无更多数据等）是网页残留，建议删除',
  caption: '网页上的图片说明（▲……、（资料图））是复制时带入的残留，建议删除',
  titleLabel: '网站在标题前加的标签（原标题：、篇一：等）是网页残留，建议删除（保留标题）',
  siteTag: '标题前的网站标签（【精品文档】【推荐】等）是网页残留，建议删除',
  entity: (fix: string) => `网页字符实体残留，应还原为“${fix}”`,
  page: '页码是从分页文档复制时带入的残留，建议删除',
  pageCut: '页码把一句话断开了（从分页文档复制时带入），应删除页码并接上前后文字',
  url: '单独成行的网址是网页残留，建议删除',
  timestamp: '单独成行的时间戳是网页残留，建议删除',
  journal: '期刊网站的出版信息是网页残留，建议删除',
  hash: '文档网站的“更新完毕开始阅读”及编码是网页残留，建议删除',
  hashHead: '文档网站的发布时间和标题栏是网页残留，建议删除',
  banner: '范文网站的推荐语是网页残留，建议删除',
};

export interface ResidueHit {
  start: number;
  end: number;
  message: string;
  certain: boolean;
  /** Replacement ('' deletes); an entity such as &ldquo; is restored to its character. */
  fix: string;
  /** The hit is the whole (trimmed) line: the rule deletes the line break with it. */
  whole?: boolean;
}

const STANDALONE = new Map(STANDALONE_LINES.map(([t, c]) => [t, c] as const));
/** Longest line tried against the whole-line families. */
const WHOLE_MAX = 200;
const SENTENCE_ENDS = '。！？';
const INNER_SPACE = /[\s\u3000\u00a0]/;
const CLAUSE_PUNCT = /[，。；：！？、]/;
/** A full stop or semicolon: a follow prompt or a site prompt holds none. */
const STOP_OR_SEMICOLON = /[。；]/;


const NO_HITS: readonly ResidueHit[] = Object.freeze([]);
const NO_HTML: readonly HtmlHit[] = Object.freeze([]);

/** findResidue's hits of the line being scanned (it is synchronous and never re-entered). */
const scratch: ResidueHit[] = [];
/** A hit joins the line's hits unless it overlaps one already there. */
function addHit(h: ResidueHit): void {
  for (const o of scratch) if (h.start < o.end && o.start < h.end) return;
  scratch.push(h);
}

function whole(s: number, e: number, message: string, certain = true): ResidueHit[] {
  return [{ start: s, end: e, message, certain, fix: '', whole: true }];
}

function isHtmlOnly(hits: readonly HtmlHit[], line: string, s: number, e: number): boolean {
  if (hits.length === 0) return false;
  let k = s;
  for (const h of hits) {
    while (k < h.start && isInlineSpace(line[k])) k++;
    if (k !== h.start && k < h.start) return false;
    k = Math.max(k, h.end);
  }
  while (k < e && isInlineSpace(line[k])) k++;
  return k >= e;
}

function isNoticeOnly(t: string): boolean {
  NOTICE.lastIndex = 0;
  const m = NOTICE.exec(t);
  return m !== null && m.index === 0 && m[0].trimEnd().length === t.length;
}

function isBlurb(t: string): boolean {
  if (t.length > BLURB_MAX || !BLURB_GATE.test(t)) return false;
  if (BLURB_OPEN.test(t)) return true;
  BLURB_CLOSE.lastIndex = 0;
  let n = 0;
  while (BLURB_CLOSE.exec(t) && n < 2) n++;
  return (n >= 2 || (n === 1 && SITE_CREDIT.test(t) && READER_CLOSE.test(t))) && t.length <= 120;
}

/** Bars and arrows: a line without one is no trail of sections and no list of titles on one line. */
const TRAIL_MARK = /[|｜丨>＞»›]/;

/** Lines this short may be a button, a page number, a URL, a timestamp or a widget's status. */
const SHORT_LINE = 64;
/** First characters of the legal notices that are anchored at the line start (本文来自网络, 文档来源于…). */
const LEGAL_FIRST = '本文内资';

/**
 * Whole-line families (the trimmed line t = line[s, e)). Ordered and gated by length and first character:
 * this runs on every line of every document, and most lines are prose that none of it fits.
 */
function wholeLine(line: string, t: string, s: number, e: number, traits: number, html: readonly HtmlHit[], notice: boolean): ResidueHit[] | null {
  const len = t.length;
  const first = t.charCodeAt(0);
  if (len <= SHORT_LINE) {
    const certain = STANDALONE.get(t);
    if (certain !== undefined) return whole(s, e, messages.control(t), certain);
    for (const [re, c] of STANDALONE_PATTERNS) {
      if (re.test(t)) return whole(s, e, messages.control(len > 12 ? t.slice(0, 12) + '…' : t), c);
    }
    if (first >= 0x30 && first <= 0x39 && TIMESTAMP_LINE.test(t)) return whole(s, e, messages.timestamp);
    if (PAGE_LINE.test(t)) return whole(s, e, messages.page);
    if (len <= 30 && JOURNAL_ISSUE_LINE.test(t)) return whole(s, e, messages.journal);
    if (len <= 30 && WIDGET_LINE.test(t)) return whole(s, e, messages.widget);
    if ((first === 0x25b2 || first === 0x25b3 || first === 0x25bc || first === 0x2191 || t.endsWith('）') || t.endsWith(')')) && CAPTION_LINE.test(t))
      return whole(s, e, messages.caption);
    if (first < 0x80 && URL_LINE.test(t)) return whole(s, e, messages.url);
    if (len <= 24 && LIST_HEADER.test(t)) return whole(s, e, messages.list);
    if (TRAIL_MARK.test(t)) {
      if (INLINE_LIST.test(t)) return whole(s, e, messages.list);
      if (SITE_TRAIL.test(t)) return whole(s, e, messages.breadcrumb);
    }
    if (len <= FOLLOW_MAX && !STOP_OR_SEMICOLON.test(t) && FOLLOW.test(t)) return whole(s, e, messages.follow);
    if (len <= QR_MAX && !STOP_OR_SEMICOLON.test(t) && QR_LINE.test(t)) return whole(s, e, messages.qr);
    if (first === 0x6253 && SHARE_HINT.test(t)) return whole(s, e, messages.follow);
    if (len <= PROMPT_MAX && !STOP_OR_SEMICOLON.test(t) && PROMPT.test(t)) return whole(s, e, messages.prompt);
  }
  if (len > SHORT_LINE && len <= 160 && (first === 0x76f8 || first === 0x3010) && INLINE_LIST.test(t)) return whole(s, e, messages.list);
  if (traits & T_NOTICE && FILE_PAGE_LINE.test(t)) return whole(s, e, messages.page);
  if (NAVIGATION.test(t)) return whole(s, e, messages.navigation);
  if (BREADCRUMB.test(t)) return whole(s, e, messages.breadcrumb);
  if ((traits & T_LEGAL || LEGAL_FIRST.includes(t[0]!)) && LEGAL.test(t)) return whole(s, e, messages.legal);
  // The 范文 banner has its own family below (its head and tail are separate hits).
  if (traits & T_BLURB && isBlurb(t) && !t.includes('【写作参考】')) return whole(s, e, messages.blurb);
  if (notice && isNoticeOnly(t)) return whole(s, e, messages.notice);
  if (len <= CHROME_MAX && traits & (T_SPACE | T_CHROME) && isChrome(parseChrome(line, s, e))) return whole(s, e, messages.chrome);
  if (isHtmlOnly(html, line, s, e)) return whole(s, e, messages.html);
  return null;
}

/**
 * Does one of `hits` end after `at`? A loop rather than hits.some(h => h.end > at): the arrow captures `at`,
 * so V8 gives the block declaring it a context on every entry (the QR check below enters its block for
 * nearly every line) and its loop reads and writes the variable through that context.
 */
function endsAfter(hits: readonly ResidueHit[], at: number): boolean {
  for (let k = 0; k < hits.length; k++) if (hits[k]!.end > at) return true;
  return false;
}

/** A column tag in brackets and the space after it: 【经验交流】　. */
const COLUMN_TAG = /^[【\[〖][\u4e00-\u9fff]{2,8}[】\]〗][\s\u3000]*$/;
/** A sentence of its own between notices (a full stop after Han text, not the notices' own ones). */
const SENTENCE_IN_GAPS = /[\u4e00-\u9fff][。！？]/;

/** The text of `t` (the trimmed line, which starts at `s` in the line) outside the hits, joined by line breaks. */
function gapsOf(t: string, hits: readonly ResidueHit[], s: number): string {
  let out = '';
  let k = 0;
  for (const h of hits) {
    out += t.slice(k, h.start - s) + '\n';
    k = h.end - s;
  }
  return out + t.slice(k);
}

/** 。！？ by code unit. */
function isSentenceStop(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

/** findResidue's result per line of the engine's running batch (emptied when the batch ends: batch.ts). */
const residueMemo = lineMemo<readonly ResidueHit[]>();

/**
 * Every residue range in one line (line-relative offsets, in order, not overlapping; never mutated).
 * Exported for half-width-punct and stray-space, which leave marks and spaces inside residue alone (the
 * residue is deleted whole). Within a batch of the engine the result is kept until the batch ends, so the
 * three rules that ask scan a line once (a scan costs about 0.1 ms per 10,000 characters); nothing is kept
 * across batches, where long lines as map keys cost more than the scans they saved.
 */
export function findResidue(line: string): readonly ResidueHit[] {
  let hits = residueMemo.get(line);
  if (hits === undefined) {
    hits = scanResidue(line);
    residueMemo.set(line, hits);
  }
  return hits;
}

function scanResidue(line: string): readonly ResidueHit[] {
  let s = 0;
  let e = line.length;
  while (s < e && isInlineSpaceCode(line.charCodeAt(s))) s++;
  while (e > s && isInlineSpaceCode(line.charCodeAt(e - 1))) e--;
  if (s === e) return NO_HITS;

  const traits = lineTraits(line);
  const html = traits & T_HTML ? findHtml(line) : NO_HTML;
  const notice = (traits & T_NOTICE) !== 0 && mayHoldNotice(line);
  if (e - s <= WHOLE_MAX) {
    const w = wholeLine(line, s === 0 && e === line.length ? line : line.slice(s, e), s, e, traits, html, notice);
    if (w) return w;
  }

  // The hits of this line gather in a scratch list (no list and no closure per line: most lines have none).
  const hits = scratch;
  hits.length = 0;
  const add = addHit;

  const first = line.charCodeAt(s);
  if (first === 0x539f || first === 0x7bc7 || first === 0x7b2c) {
    const m = TITLE_LABEL.exec(line.slice(s));
    if (m && s + m[0].length < e) add({ start: s, end: s + m[0].length, message: messages.titleLabel, certain: true, fix: '' });
  }
  if (first === 0x3010) {
    const m = SITE_TAG.exec(line.slice(s));
    if (m) add({ start: s, end: s + m[0].length, message: messages.siteTag, certain: true, fix: '' });
  }
  if (first === 0x28 || first === 0xff08 || first === 0x7f51) {
    const m = JOURNAL_HEADER.exec(line.slice(s));
    if (m) add({ start: s, end: s + m[0].length, message: messages.journal, certain: false, fix: '' });
  }

  if (traits & T_NOTICE && line.includes('更新完毕开始阅读')) {
    let firstHash = true;
    for (const m of line.matchAll(UPDATE_HASH)) {
      if (firstHash) {
        firstHash = false;
        const head = UPDATE_HASH_HEAD.exec(line.slice(s, m.index));
        if (head && m.index > s) add({ start: s, end: m.index, message: messages.hashHead, certain: true, fix: '' });
      }
      add({ start: m.index, end: m.index + m[0].length, message: messages.hash, certain: true, fix: '' });
    }
  }

  if (traits & T_CHROME && line.includes('【写作参考】')) {
    for (const m of line.matchAll(WRITING_BANNER)) {
      const end = m.index + m[0].length;
      add({ start: m.index, end, message: messages.banner, certain: false, fix: '' });
      // The rest of the banner ("“<title>”文档资料,供您写作参考阅读之用,…吧!") up to the line end.
      if (WRITING_BANNER_TAIL.test(line.slice(end, end + 200))) {
        add({ start: end, end: e, message: messages.banner, certain: false, fix: '' });
        break;
      }
    }
  }

  // Paywall notices inside a line, with the brackets and ellipses around them.
  if (notice) {
    NOTICE.lastIndex = 0;
    for (let m = NOTICE.exec(line); m; m = NOTICE.exec(line)) {
      let start = m.index;
      let end = start + m[0].length;
      while (end > start && isInlineSpace(line[end - 1])) end--;
      // A notice glued after a finished sentence keeps the sentence's own full stop.
      if (line[start] === '。') start++;
      add({ start, end, message: messages.notice, certain: true, fix: '' });
    }
  }

  for (const h of html) {
    add({ start: h.start, end: h.end, message: h.fix ? messages.entity(h.fix) : messages.html, certain: true, fix: h.fix });
  }

  if (traits & T_NOTICE && line.includes('页')) {
    INLINE_PAGE_COUNTER.lastIndex = 0;
    for (let m = INLINE_PAGE_COUNTER.exec(line); m; m = INLINE_PAGE_COUNTER.exec(line)) {
      add({ start: m.index, end: m.index + m[0].length, message: messages.page, certain: true, fix: '' });
    }
  }

  // A control word at the (trimmed) line end, after a space, an ellipsis or a finished sentence
  // ("……提高政治执行力。展开全部").
  for (const word of TRAILING_CONTROLS) {
    const start = e - word.length;
    if (start <= s || !line.startsWith(word, start)) continue;
    const before = line[start - 1];
    const glued =
      isInlineSpace(before) || before === '…' || SENTENCE_ENDS.includes(before ?? '') || (before === '.' && line.startsWith('...', start - 3));
    if (glued) add({ start, end: e, message: messages.control(word), certain: true, fix: '' });
    break;
  }

  // Buttons in brackets glued to the line end (……的通知【字体：大 中 小】【打印】, ……。【打印本页】【关闭窗口】):
  // a run of bracket groups that the chrome grammar reads as chrome and nothing else.
  if (traits & T_CHROME && (line.charCodeAt(e - 1) === 0x3011 || line.charCodeAt(e - 1) === 0x5d)) {
    let from = e;
    for (let k = 0; k < 6; k++) {
      const close = line[from - 1];
      const open = close === '】' ? '【' : close === ']' ? '[' : '';
      if (!open) break;
      const at = line.lastIndexOf(open, from - 2);
      if (at < s || from - at > 24) break;
      from = at;
      while (from > s && isInlineSpaceCode(line.charCodeAt(from - 1))) from--;
    }
    if (from > s && from < e && !endsAfter(hits, from)) {
      const p = parseChrome(line, from, e);
      if (p && p.certain >= 1 && p.names === 0 && p.weak === 0) add({ start: from, end: e, message: messages.chrome, certain: true, fix: '' });
    }
  }

  // The QR-code prompt after a finished sentence (……。扫一扫在手机打开当前页).
  if (e - s > 6) {
    // The last 。！？ within QR_MAX + 1 characters of the end: a prompt after an earlier one would be too long,
    // so the scan stops there (three lastIndexOf calls read every line of prose to its start).
    const low = Math.max(s, e - 1 - QR_MAX);
    let stop = e - 1;
    while (stop >= low && !isSentenceStop(line.charCodeAt(stop))) stop--;
    if (stop >= low && stop < e - 4) {
      const tail = line.slice(stop + 1, e);
      if (!endsAfter(hits, stop) && QR_LINE.test(tail)) add({ start: stop + 1, end: e, message: messages.qr, certain: true, fix: '' });
    }
  }

  // Chrome after a title on the same line: "关于…的几点思考 来源：人民网 2023-05-06".
  if (e - s <= WHOLE_MAX && traits & T_SPACE && INNER_SPACE.test(line.slice(s, e))) {
    for (let k = s + 1; k < e; k++) {
      if (!isInlineSpaceCode(line.charCodeAt(k)) || isInlineSpaceCode(line.charCodeAt(k + 1))) continue;
      const from = k + 1;
      if (endsAfter(hits, from)) break;
      const p = parseChrome(line, from, e);
      if (p && p.certain >= 1 && p.names === 0) {
        // Only a column tag in brackets before it (【经验交流】　2026-11-26 09:32　来源：…): the page header, whole.
        if (COLUMN_TAG.test(line.slice(s, from))) return whole(s, e, messages.chrome);
        add({ start: from, end: e, message: messages.chrome, certain: true, fix: '' });
        break;
      }
    }
  }

  if (hits.length === 0) return NO_HITS;
  // Paywall notices and page counters that fill the line but for a clause between them (本文档共3页，当前为预览内容，
  // 完整内容请下载后查看。): the line is the notice, deleted whole.
  if (hits.length >= 2 && e - s <= WHOLE_MAX && hits.every((h) => h.message === messages.notice || h.message === messages.page)) {
    let covered = 0;
    for (const h of hits) covered += h.end - h.start;
    hits.sort((a, b) => a.start - b.start);
    const rest = line.slice(s, e);
    if (covered * 2 > e - s && !SENTENCE_IN_GAPS.test(gapsOf(rest, hits, s))) {
      hits.length = 0;
      return whole(s, e, messages.notice);
    }
  }
  const found = hits.slice();
  hits.length = 0;
  found.sort((a, b) => a.start - b.start);
  return found;
}

/** What combine needs of each line. */
interface LineInfo {
  blank: boolean;
  hits: readonly ResidueHit[];
  /** The whole line is residue. */
  whole: boolean;
  /** A list header (相关推荐): title lines under it are residue. */
  listHeader: boolean;
  /** Short, without clause punctuation: may be a listed title. */
  titleLike: boolean;
  /** A page number line: decorated (- 2 -) or a bare number. */
  page: 'decorated' | 'bare' | null;
  /** The line ends mid-sentence in running text (Han or ，、 at the end, clause punctuation inside). */
  cutProse: boolean;
  /** Inline white space after the last visible character. */
  trailing: number;
  /** Starts with a Han character or an opening quote (can continue a sentence). */
  continues: boolean;
  /** Leading number glued to the text ("7、要性"): the number and the length of the marker. */
  leadNumber: number;
  leadLength: number;
  /** The line starts with a list number (for the numbering sequence check). */
  listNumber: number;
  /** Only fields with generic labels (来源：……, 作者：……): residue next to a residue line. */
  weakField: boolean;
}

const BLANK: LineInfo = Object.freeze({
  blank: true, hits: [], whole: false, listHeader: false, titleLike: false, page: null, cutProse: false, trailing: 0,
  continues: false, leadNumber: 0, leadLength: 0, listNumber: 0, weakField: false,
}) as LineInfo;
/** A line of running text with no residue, page or list number: [cutProse × 2 + continues]. */
const PLAIN: readonly LineInfo[] = [false, true].flatMap((cutProse) =>
  [false, true].map((continues) => Object.freeze({ ...BLANK, blank: false, cutProse, continues }) as LineInfo),
);

/** Longest line read as a weak field line (来源：××市人民医院党委办公室). */
const WEAK_FIELD_MAX = 40;

/** A list number at the line start, also after a short label that opens the list (附件：1．…). */
const LIST_NUMBER = /^(?:[\u4e00-\u9fff]{1,6}\s*[:：]\s*)?(\d{1,3})\s*[、.．]/;
/** A heading or list marker at the line start: without a full stop such a line is a title, not cut prose. */
const HEADING_START = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,3}(?:[、.．]|\s))/;

function collect(text: string): LineInfo {
  let s = 0;
  while (s < text.length && isInlineSpaceCode(text.charCodeAt(s))) s++;
  if (s === text.length) return BLANK;
  let e = text.length;
  while (e > s && isInlineSpaceCode(text.charCodeAt(e - 1))) e--;
  const t = text.slice(s, e);
  const hits = findResidue(text);
  const isWhole = hits.length === 1 && hits[0]!.whole === true;
  const lastCode = t.charCodeAt(t.length - 1);
  const endsOpen = isHanAt(t, t.length - 1) || lastCode === 0xff0c || lastCode === 0x3001; // ， 、
  const lead = LEADING_PAGE_NUMBER.exec(t);
  const list = LIST_NUMBER.exec(t);
  // LISTED_TITLE spans the whole line: longer lines need no regex.
  const titleLike = t.length <= LISTED_TITLE_MAX && LISTED_TITLE.test(t) && !list;
  const page = PAGE_LINE.test(t) ? 'decorated' : BARE_NUMBER_LINE.test(t) ? 'bare' : null;
  const cutProse = !isWhole && endsOpen && (t.length >= 16 || (t.length >= 12 && CLAUSE_PUNCT.test(t.slice(0, -1)))) && !(HEADING_START.test(t) && !t.includes('。'));
  const continues = isHanAt(t, 0) || t.charCodeAt(0) === 0x201c; // “
  const weakField = hits.length === 0 && t.length <= WEAK_FIELD_MAX && /[:：]/.test(t) && isWeakChrome(parseChrome(text, s, e));
  // Most lines are running text with none of the marks: one of four shared objects (issue 13: kept for every
  // line of the document, ~6,000 objects of 128 bytes at 1,000,000 characters, which every young-generation
  // collection during a full analysis copied).
  if (hits.length === 0 && !titleLike && page === null && e === text.length && !lead && !list && !weakField) return PLAIN[(cutProse ? 2 : 0) + (continues ? 1 : 0)]!;
  return {
    blank: false,
    hits,
    whole: isWhole,
    listHeader: isWhole && LIST_HEADER.test(t),
    titleLike,
    page,
    cutProse,
    trailing: text.length - e,
    continues,
    leadNumber: lead ? Number(lead[1]) : 0,
    leadLength: lead ? s + lead[0].length : 0,
    listNumber: list ? Number(list[1]) : 0,
    weakField,
  };
}

/** Lines looked back over for the item before a numbered line (5、 after 4、 is a list, not a page number). */
const NUMBERING_LOOKBACK = 60;

function hasPredecessor(collected: readonly LineInfo[], i: number, n: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - NUMBERING_LOOKBACK; k--) if (collected[k]?.listNumber === n - 1) return true;
  return false;
}

/** A line a list header's run of titles goes on over (a title, a blank line, a line collect failed on). */
const inRun = (c: LineInfo | undefined) => !c || c.blank || (c.titleLike && c.hits.length === 0);

/**
 * A line's reports depend on the lines next to it, the blank lines after it, the NUMBERING_LOOKBACK lines
 * before it (a numbered line's predecessor) and the list header whose run of titles it is in; a page cut is
 * reported from the line above the page number. So an edit affects the lines from two lines before it or
 * the last non-blank line before it (or the header of the run that line is in) to
 * NUMBERING_LOOKBACK lines past it, and on to the end of a run of titles reaching there.
 */
function affected(doc: { collected: readonly (LineInfo | undefined)[] }, from: number, to: number): readonly [number, number] {
  const { collected } = doc;
  const n = collected.length;
  // The page number between two halves of a sentence reports from the line above it: two lines back.
  let a = from - 1;
  while (a > 0 && collected[a]?.blank) a--;
  a = Math.max(0, Math.min(a, from - 2));
  for (let j = a; j >= 0; j--) {
    if (collected[j]?.listHeader) {
      a = j;
      break;
    }
    if (!inRun(collected[j])) break;
  }
  let b = Math.min(n, to + NUMBERING_LOOKBACK + 1);
  while (b < n && inRun(collected[b])) b++;
  return [a, b];
}

export default defineDocumentRule<LineInfo>({
  meta: {
    id: 'paste-residue',
    category: 'residue',
    severity: 'error',
    description: '从网页或分页文档复制时带入的残留（网站信息、导航、声明、字数与下载提示、推荐语、HTML代码、页码等）',
    fixable: true,
  },
  collect,
  incremental: { summary: () => undefined, add() {}, remove() {}, affected },
  combine(doc, report: (r: Report) => void) {
    const { paragraphs, collected } = doc;
    const n = paragraphs.length;
    // A range run goes one line past its end: a line reports the page cut that starts in the line above it.
    const stop = doc.to >= n ? n : doc.to + 1;
    const done = new Set<number>();
    const sev = (certain: boolean) => (certain ? 'error' : 'warning') as 'error' | 'warning';

    /**
     * A whole residue line i as one deletion: the line with its indentation and the line break after it (and the
     * blank lines after it when it opens a block). The last line keeps the break before it: deleting its text
     * leaves a final line break, which is harmless, and never overlaps the deletion of a residue line above it.
     */
    const reportWholeLine = (i: number, hit: ResidueHit) => {
      const p = paragraphs[i]!;
      let end = p.end;
      if (p.lineBreak) {
        end = p.end + p.lineBreak.length;
        const prevBlank = i === 0 || collected[i - 1]?.blank === true;
        if (prevBlank) for (let k = i + 1; k < n && collected[k]?.blank && paragraphs[k]!.lineBreak; k++) end = paragraphs[k]!.end + paragraphs[k]!.lineBreak.length;
      }
      report({ start: p.start, end, message: hit.message, replacements: [''], severity: sev(hit.certain) });
    };

    for (let i = doc.from; i < stop; i++) {
      const info = collected[i];
      if (!info || info.blank || done.has(i)) continue;
      const p = paragraphs[i]!;
      const prev = i > 0 ? collected[i - 1] : undefined;
      const next = i + 1 < n ? collected[i + 1] : undefined;

      // A page number line between the two halves of one sentence: remove it with both breaks.
      if (info.page && prev?.cutProse && next && !next.blank && next.continues) {
        const a = paragraphs[i - 1]!;
        report({ start: a.end - prev.trailing, end: paragraphs[i + 1]!.start, message: messages.pageCut, replacements: [''] });
        continue;
      }
      // A page number glued to the start of the next page's first line, in the middle of a sentence.
      if (info.leadNumber >= 2 && prev?.cutProse && !hasPredecessor(collected, i, info.leadNumber)) {
        const a = paragraphs[i - 1]!;
        report({ start: a.end - prev.trailing, end: p.start + info.leadLength, message: messages.pageCut, replacements: [''] });
      }

      // A field line with a generic label (来源：……) beside a line of page chrome, directly or through one
      // more such field line, is part of the same page header.
      if (info.weakField) {
        const isWhole = (k: number) => k >= 0 && k < n && collected[k]?.whole === true;
        const isWeak = (k: number) => k >= 0 && k < n && collected[k]?.weakField === true;
        if (isWhole(i - 1) || isWhole(i + 1) || (isWeak(i - 1) && isWhole(i - 2)) || (isWeak(i + 1) && isWhole(i + 2))) {
          reportWholeLine(i, { start: 0, end: p.text.length, message: messages.chrome, certain: false, fix: '', whole: true });
        }
      }

      for (const h of info.hits) {
        if (h.whole) reportWholeLine(i, h);
        else report({ start: p.start + h.start, end: p.start + h.end, message: h.message, replacements: [h.fix], severity: sev(h.certain) });
      }

      // The titles listed under a header, up to the first line that is not one.
      if (info.listHeader) {
        for (let k = i + 1; k < n; k++) {
          const c = collected[k];
          if (!c || c.blank) continue;
          if (!c.titleLike || c.hits.length > 0) break;
          const q = paragraphs[k]!;
          const lead = q.text.length - q.text.trimStart().length;
          const hit: ResidueHit = { start: lead, end: q.text.length - c.trailing, message: messages.list, certain: true, fix: '', whole: true };
          reportWholeLine(k, hit);
          done.add(k);
        }
      }
    }
  },
});
