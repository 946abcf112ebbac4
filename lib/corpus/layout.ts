/**
 * Layout of a pasted document: which lines are web residue, titles, front matter or body, and where
 * each essay of a collection starts. Real pastes hold several essays in one file (“……的履职能力1 …
 * 能力5”, several answers under one question separated by 展开全部); each becomes its own essay.
 */
import { splitParagraphs } from '../engine/paragraphs';
import { parseHeading } from '../engine/headings';
import { isHanCode } from './chars';
import { LABELS } from './curated';

export type LineKind =
  | 'blank'
  /** Web residue: 联系客服, 下一篇：…, 已赞过, page counters … */
  | 'residue'
  /** A residue line that separates answers (展开全部). */
  | 'separator'
  /** The document title or an essay title of a collection. */
  | 'title'
  /** 摘要：… 关键词：… */
  | 'front'
  /** [1]作者.题名[J]… after 参考文献 */
  | 'reference'
  /** A search-result preview of text that follows (“……的组...”). */
  | 'preview'
  | 'body';

export interface LayoutLine {
  start: number;
  end: number;
  text: string;
  /** Text without surrounding white space. */
  trimmed: string;
  kind: LineKind;
  /** Index of the essay holding the line, -1 outside every essay (preamble, trailing residue). */
  essay: number;
  /** Same text as an earlier line of the same essay (a repeated passage). */
  dup: boolean;
}

export interface Essay {
  index: number;
  title: string;
  /** Range of the title line, or -1 when the title comes from the document title. */
  titleStart: number;
  titleEnd: number;
  start: number;
  end: number;
  firstLine: number;
  lastLine: number;
}

export interface Layout {
  text: string;
  lines: LayoutLine[];
  essays: Essay[];
}

const RESIDUE: RegExp[] = [
  /^【[^】]{1,12}】/,
  /^(上一篇|下一篇|相关推荐|相关文章|热门推荐|猜你喜欢)\s*[:：]/,
  /联系客服$/,
  /^发布时间\s*[:：]/,
  /更新完毕开始阅读/,
  /网络出版时间/,
  /^\/\s*\d+$/,
  /^\d+\s*个回答$/,
  /^(已赞过|已踩过<?|评论|收起|分享|举报|点赞|收藏|阅读全文|查看全文|展开全文|收起全文)$/,
  /^你对这个回答的评价是/,
  /^推荐律师服务/,
  /^若未解决您的问题/,
  /^(免费下载|立即下载|下载文档)/,
  /^(版权声明|本文来源|本文转载)/,
  /^(免责声明|版权所有|Copyright|©)/i,
  /^(当前位置|您的位置|你的位置|您现在的位置)\s*[:：]/,
  /^(更新时间|来源|作者|浏览次数|阅读量|阅读次数|点击数)\s*[:：]/,
  /^(https?:\/\/|www\.)\S+$/i,
  /^全文共\s*\d+\s*字/,
  /^(剩余|此处隐藏|还剩)\s*\d+\s*字/,
  /(登录|下载)后(阅读|查看)(全文)?$/,
  /^第\s*\d+\s*页\s*[，,/]?\s*共\s*\d+\s*页$/,
  /^小编(为|给)大家/,
];
/** A “related articles” list header: the short title lines under it are links, not headings. */
const RELATED = /^(相关推荐|相关文章|相关阅读|热门文章|热门推荐|猜你喜欢|推荐阅读|延伸阅读|精选范文|最新文章|你可能感兴趣的?)\s*[:：]?$/;
const SEPARATOR = /^展开全部$/;
const FRONT = /^(摘\s*要|关键词|关键字|Abstract|Key\s*words)\s*[:：]/i;
const REFERENCE_LINE = /^\[\d{1,3}\]/;
const PREVIEW_END = /(\.{3}|…+|⋯+)$/;
const SENTENCE_PUNCT = /[。！？!?；;]/;
/** Title of a collection member: a stem followed by its number (…的履职能力1). */
const SERIES = /^(.{4,}?[^\d０-９\s])\s*[（(]?([0-9０-９]{1,2})[）)]?$/;

/** “1 研究背景”, “2.1 主要成效”: a section number of a decimal scheme, not a title. */
const SECTION_NUMBER = /^[0-9０-９]{1,2}(?:[.．][0-9０-９]{1,2})*[.．]?[ \t\u3000]*[\u4e00-\u9fff]/;

export function hanCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isHanCode(s.charCodeAt(i))) n++;
  return n;
}

/** A short line that could be a document title: no sentence punctuation, no heading number. */
export function isTitleLike(trimmed: string): boolean {
  if (trimmed.length < 2 || trimmed.length > 40) return false;
  if (SENTENCE_PUNCT.test(trimmed) || /[:：]$/.test(trimmed)) return false;
  if (LABELS.has(trimmed)) return false;
  if (parseHeading(trimmed) || SECTION_NUMBER.test(trimmed)) return false;
  return hanCount(trimmed) * 2 >= trimmed.length;
}

export function isResidue(trimmed: string): boolean {
  return RESIDUE.some((re) => re.test(trimmed));
}

/** Minimum Han characters of body text for a chunk between separators to count as an essay. */
const MIN_ESSAY_HAN = 50;

export function layoutOf(text: string): Layout {
  const paragraphs = splitParagraphs(text);
  const lines: LayoutLine[] = paragraphs.map((p) => ({
    start: p.start,
    end: p.end,
    text: p.text,
    trimmed: p.text.trim(),
    kind: 'body',
    essay: -1,
    dup: false,
  }));

  // 1. Residue, separators, front matter, references, previews.
  let inReferences = false;
  let inRelated = false;
  for (const line of lines) {
    const t = line.trimmed;
    if (!t) {
      line.kind = 'blank';
      inRelated = false;
      continue;
    }
    if (RELATED.test(t)) {
      line.kind = 'residue';
      inRelated = true;
      continue;
    }
    // Under a related-articles header every short line without sentence punctuation is a link title.
    if (inRelated && t.length <= 40 && !SENTENCE_PUNCT.test(t)) {
      line.kind = 'residue';
      continue;
    }
    inRelated = false;
    if (SEPARATOR.test(t)) line.kind = 'separator';
    else if (isResidue(t)) line.kind = 'residue';
    else if (FRONT.test(t)) line.kind = 'front';
    else if (inReferences && REFERENCE_LINE.test(t)) line.kind = 'reference';
    else if (t.length >= 30 && PREVIEW_END.test(t)) {
      const body = t.replace(PREVIEW_END, '');
      const chunk = body.slice(-12);
      const at = text.indexOf(chunk);
      const again = at >= 0 && (at < line.start || at >= line.end) ? at : text.indexOf(chunk, line.end);
      if (chunk.length === 12 && again >= 0) line.kind = 'preview';
    }
    if (/^参考文献\s*[:：]?$/.test(t)) inReferences = true;
  }

  // 2. Collection titles: the same stem with ≥ 2 different numbers.
  const series = new Map<string, { lines: number[]; numbers: Set<string> }>();
  lines.forEach((line, i) => {
    if (line.kind !== 'body' || !isTitleLike(line.trimmed)) return;
    const m = SERIES.exec(line.trimmed);
    if (!m) return;
    const stem = m[1]!;
    let entry = series.get(stem);
    if (!entry) series.set(stem, (entry = { lines: [], numbers: new Set() }));
    entry.lines.push(i);
    entry.numbers.add(m[2]!);
  });
  const essayTitleLines = new Set<number>();
  for (const entry of series.values()) if (entry.numbers.size >= 2) for (const i of entry.lines) essayTitleLines.add(i);

  // 3. Document title: the first title-like line before any body text.
  let docTitle = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind !== 'body') continue;
    if (essayTitleLines.has(i)) break;
    if (isTitleLike(line.trimmed)) docTitle = line.trimmed;
    break;
  }

  // 4. Essays: chunks between collection titles / answer separators with enough body text.
  const boundaries: number[] = [];
  lines.forEach((line, i) => {
    if (essayTitleLines.has(i) || line.kind === 'separator') boundaries.push(i);
  });
  const chunks: [number, number][] = [];
  let from = 0;
  for (const b of boundaries) {
    if (b > from) chunks.push([from, b]);
    from = b;
  }
  chunks.push([from, lines.length]);
  const bodyHan = (a: number, b: number) => {
    let n = 0;
    for (let i = a; i < b; i++) {
      const line = lines[i]!;
      if (line.kind === 'body' && !essayTitleLines.has(i) && line.trimmed !== docTitle) n += hanCount(line.trimmed);
    }
    return n;
  };
  let essayChunks = chunks.filter(([a, b]) => bodyHan(a, b) >= MIN_ESSAY_HAN);
  if (essayChunks.length <= 1) essayChunks = [[0, lines.length]];

  const essays: Essay[] = essayChunks.map(([a, b], index) => {
    const titled = essayTitleLines.has(a);
    const first = lines[a]!;
    const last = lines[b - 1]!;
    return {
      index,
      title: titled ? first.trimmed : docTitle,
      titleStart: titled ? first.start : -1,
      titleEnd: titled ? first.end : -1,
      start: first.start,
      end: last.end,
      firstLine: a,
      lastLine: b - 1,
    };
  });

  // 5. Titles, essay membership, repeated lines.
  for (const essay of essays) {
    const seen = new Set<string>();
    for (let i = essay.firstLine; i <= essay.lastLine; i++) {
      const line = lines[i]!;
      line.essay = essay.index;
      if (line.kind !== 'body') continue;
      if (essayTitleLines.has(i) || (docTitle && line.trimmed === docTitle)) {
        line.kind = 'title';
        continue;
      }
      if (line.trimmed.length >= 6) {
        if (seen.has(line.trimmed)) line.dup = true;
        else seen.add(line.trimmed);
      }
    }
  }
  lines.forEach((line, i) => {
    if (line.kind === 'body' && (essayTitleLines.has(i) || (docTitle && line.trimmed === docTitle))) line.kind = 'title';
  });

  return { text, lines, essays };
}
