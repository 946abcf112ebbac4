import { defineParagraphRule } from '../engine/rule';
import { wordSpans } from '../engine/segment';
import { isAsciiDigit, isAsciiLetter, isChinesePunct, isHanAt } from '../engine/text';
import { longestMatch, matchClasses, matchLength, WordClass } from '../lexicon';
import { findResidue } from './paste-residue';

/**
 * stray-space: white space that has no place in Chinese running text: between two Chinese characters
 * (书记 负责), before Chinese punctuation (书记 。), before a half-width mark after a Chinese character
 * (融合 ,: only the space; half-width-punct handles the comma), after non-final Chinese punctuation (、 方法), on one side
 * of a number in running text (对照 26项标准) and one full-width space after a sentence end inside a paragraph
 * (……上线。　要在……). Fix: delete the spaces — except a full-width space used as a separator between two clauses
 * (渠道窄　能人回引的政策吸引力不强: clause-length Han runs on both sides, no word of the segmenter across the
 * gap), where the comma it stands for is offered first.
 *
 * Left alone, because they are layout or cannot be told from layout:
 * - indentation at the start of a line and white space at its end;
 * - anything between Latin letters or digits, URLs; a number spaced on both sides (共有 3 个: a typographic style);
 * - an ASCII space or two full-width spaces after 。！？ (a collapsed paragraph break or its indent: a line break, not
 *   deletion, may be the fix), and any space before a heading or a new point there;
 * - space after half-width punctuation (half-width-punct replaces ", " as a whole);
 * - spaces inside paste residue (【字体：大 中 小】): paste-residue deletes the residue whole;
 * - between two Chinese characters: lines with no clause punctuation (titles such as “通　知”, signatures,
 *   web page furniture like “发布时间 : 星期一”), clauses with more than one such gap (spaced-out titles,
 *   name lists), name padding (王　伟: one character on both sides, or up to two in a line with no full stop), and
 *   第一条　 article labels.
 */

const messages = {
  betweenHan: '汉字之间有多余的空格，应删除',
  separator: '全角空格被当作分隔符用在两个分句之间，应改为逗号（或删除）',
  beforePunct: '标点符号前有多余的空格，应删除',
  afterPunct: '标点符号后有多余的空格，应删除',
  beforePercent: '数字和百分号之间有多余的空格，应删除',
  aroundNumber: '汉字与数字之间有多余的空格，应删除',
  afterStop: '句末标点后有多余的空格，应删除',
};

/**
 * The gap [start, end) is on one side of a number (digits, . , %); does a Chinese character touch its other side?
 * `numberAfter`: the number follows the gap.
 */
function numberSpacedOnOneSide(text: string, start: number, end: number, numberAfter: boolean): boolean {
  const isNum = (c: string | undefined) => c !== undefined && (isAsciiDigit(c) || c === '.' || c === ',' || c === '%');
  let k = numberAfter ? end : start - 1;
  const step = numberAfter ? 1 : -1;
  while (isNum(text[k])) k += step;
  // (The other side a Chinese character: before a mark, 达到 85%。, the spaced style has no space either.)
  return k >= 0 && k < text.length && isHanAt(text, k);
}

/** Does the number that ends at `at` open the line (indentation aside)? */
function numberOpensLine(text: string, at: number): boolean {
  let k = at;
  while (k > 0 && (isAsciiDigit(text[k - 1]!) || text[k - 1] === '.')) k--;
  while (k > 0 && isSpaceCode(text.charCodeAt(k - 1))) k--;
  return k === 0;
}

/** Heading markers and new points that may follow a sentence end in a line where paragraphs ran together. */
const NEW_POINT_AFTER = /^(?:[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.．、]|第[一二三四五六七八九十]+|首先|其次|再次|最后)/;

/** After a sentence end at `from`: the same paragraph's next sentence (clause punctuation after, no new point)? */
function sentenceGoesOn(text: string, from: number): boolean {
  return !NEW_POINT_AFTER.test(text.slice(from, from + 8)) && CLAUSE_PUNCT.test(text.slice(from));
}

const SPACE_RUN = /[ \t\u00a0\u3000\u2000-\u200a]+/g;
/** Clause punctuation: a line containing one of these is running text, not a title or a form field. */
const CLAUSE_PUNCT = /[，。；,;]/;
/** Full-width marks after which a space may be a collapsed line break or the end of a sentence. */
const SENTENCE_END = '。！？…';
const CLOSERS = '”’）》】〕';
const OPENERS = '“‘（《【〔';
/** Half-width marks that a stray space may precede (after a Chinese character). */
const HALF_WIDTH_MARKS = ',;:!?';
/** Closing or in-sentence Chinese marks that never take a space before them. */
const NO_SPACE_BEFORE = '，。、；：？！”’）》】〕…';
/** Delimiters of a clause when counting gaps between Chinese characters. */
const CLAUSE_DELIMS = '，。、；：？！…“”‘’（）《》【】〔〕,;:!?()';
/** “第一条　为了……” and similar article labels take an ideographic space by convention. */
const ARTICLE_LABEL = /第[一二三四五六七八九十百千零〇两0-9０-９]+[条章节款编部分]$/;

const PERCENT = '%％‰';

/** Index of the character before the number that ends at `at` (digits and a decimal point skipped). */
function firstHanBefore(text: string, at: number): number {
  let k = at - 1;
  while (k >= 0 && (isAsciiDigit(text[k]!) || text[k] === '.')) k--;
  return k;
}

function isSpaceCode(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);
}

function hanRunBefore(text: string, at: number): number {
  let k = at;
  while (k > 0 && isHanAt(text, k - 1)) k--;
  return at - k;
}

function hanRunAfter(text: string, at: number): number {
  let k = at;
  while (k < text.length && isHanAt(text, k)) k++;
  return k - at;
}

interface Clause {
  lo: number;
  hi: number;
  gaps: number;
}

/** The clause around [start, end) and its number of Han–space–Han gaps. */
function clauseAround(text: string, start: number, end: number): Clause {
  let lo = start;
  while (lo > 0 && !CLAUSE_DELIMS.includes(text[lo - 1]!)) lo--;
  let hi = end;
  while (hi < text.length && !CLAUSE_DELIMS.includes(text[hi]!)) hi++;
  let gaps = 0;
  for (let k = lo + 1; k < hi; k++) {
    if (!isSpaceCode(text.charCodeAt(k)) || isSpaceCode(text.charCodeAt(k - 1))) continue;
    let e = k;
    while (e < hi && isSpaceCode(text.charCodeAt(e))) e++;
    if (isHanAt(text, k - 1) && e < hi && isHanAt(text, e)) gaps++;
    k = e;
  }
  return { lo, hi, gaps };
}

/** Runs of clause text (Han, digits, %) at least this long on both sides make a full-width space a separator. */
const CLAUSE_RUN = 4;

function clauseRun(text: string, from: number, step: 1 | -1): number {
  let n = 0;
  for (let k = step === 1 ? from : from - 1; k >= 0 && k < text.length; k += step) {
    const c = text[k]!;
    if (!(isHanAt(text, k) || isAsciiDigit(c) || c === '%' || c === '.')) break;
    n++;
  }
  return n;
}

/** Does a word of the segmenter run across the gap [start, end)? (Only asked for full-width separators.) */
function wordAcross(text: string, start: number, end: number): boolean {
  const left = text.slice(Math.max(0, start - 4), start);
  const right = text.slice(end, end + 4);
  const joined = left + right;
  const at = left.length;
  return wordSpans(joined, at);
}

/**
 * Characters that carry a clause on rather than start one (是, 的, adverbs, prepositions), and characters that
 * cannot end one: next to these a gap is inside a clause (党建工作　是不适应…), and the fix is deletion.
 */
const NO_CLAUSE_START = '是的地得了着过和与及或而并且也都就才又还要将把被对给向从以为等很更最不没所';
const NO_CLAUSE_END = '的地得和与及或在对把被将从向以为是了';

/** In a line without clause punctuation: is this the line's only gap, inside a word, between runs of 3+? */
function isWordCutInTitle(text: string, start: number, end: number): boolean {
  if (hanRunBefore(text, start) < 3 || hanRunAfter(text, end) < 3) return false;
  if (INNER_GAP.test(text.slice(0, start)) || INNER_GAP.test(text.slice(end))) return false;
  return wordAcross(text, start, end);
}
const INNER_GAP = /[\u4e00-\u9fff][ \t\u00a0\u3000]+[\u4e00-\u9fff]/;

/** Replacements for a gap between two Han characters. */
function hanGapFix(text: string, start: number, end: number): string[] {
  const separator = text.slice(start, end).includes('\u3000');
  if (
    separator &&
    clauseRun(text, start, -1) >= CLAUSE_RUN &&
    clauseRun(text, end, 1) >= CLAUSE_RUN &&
    !NO_CLAUSE_END.includes(text[start - 1]!) &&
    !NO_CLAUSE_START.includes(text[end]!) &&
    clauseBoundary(text, start, end) &&
    !wordAcross(text, start, end)
  ) {
    return ['，', ''];
  }
  return [''];
}

/**
 * Positive evidence that a clause ends at the gap and another begins (the comma is then the fix): the left side ends
 * with a predicate adjective (渠道窄) or a count (136个), or the right side opens with a time, a number or a pronoun
 * (全年, 我们). Without it a stray space was typed inside a phrase (高标准农田　建设, 看问题有时　只顾眼前, 守好　意识
 * 形态阵地): deleting it comes first.
 */
function clauseBoundary(text: string, start: number, end: number): boolean {
  const left = longestMatch(text, start, -1);
  const leftClasses = matchClasses(left);
  if (matchLength(left) === 1 && leftClasses & WordClass.Adjective && !(leftClasses & (WordClass.Complement | WordClass.Noun))) return true;
  if (leftClasses & WordClass.Measure && /[0-9０-９一二三四五六七八九十百千万两]/.test(text.charAt(start - 2))) return true;
  const right = longestMatch(text, end);
  return matchLength(right) >= 2 && (matchClasses(right) & (WordClass.Time | WordClass.Numeral | WordClass.Pronoun)) !== 0;
}

function looksLikeUrlBefore(text: string, at: number): boolean {
  let k = at;
  while (k > 0 && !isSpaceCode(text.charCodeAt(k - 1)) && text.charCodeAt(k - 1) < 0x80) k--;
  const token = text.slice(k, at);
  return token.includes('://') || token.startsWith('www.') || token.includes('@');
}

export default defineParagraphRule({
  meta: {
    id: 'stray-space',
    category: 'spacing',
    severity: 'warning',
    description: '检查汉字之间、中文标点前后多余的空格',
    fixable: true,
  },
  check(text, report) {
    SPACE_RUN.lastIndex = 0;
    let m: RegExpExecArray | null;
    let isRunningText: boolean | undefined;
    let clause: Clause | undefined;
    /** Flat [start, end, …] ranges of paste residue, found once per line when a space needs it. */
    let residue: number[] | undefined;
    while ((m = SPACE_RUN.exec(text))) {
      const start = m.index;
      const end = start + m[0].length;
      if (start === 0 || end === text.length) continue; // indentation, trailing white space
      const left = text[start - 1]!;
      const right = text[end]!;
      const leftHan = isHanAt(text, start - 1);
      const rightHan = isHanAt(text, end);
      const leftPunct = isChinesePunct(left);
      const rightPunct = isChinesePunct(right);

      let message: string | undefined;
      let replacements = [''];
      if (leftHan && rightHan) {
        isRunningText ??= CLAUSE_PUNCT.test(text);
        // A title or heading line keeps its layout spaces, but not one space that cuts a word in two
        // (一、深刻认识加强党 风廉政建设的极端重要性): one gap in the line, real runs on both sides.
        if (!isRunningText && !isWordCutInTitle(text, start, end)) continue;
        // 王　伟 (name padding); but 186场 次 is a measure word after a number, not a name.
        const before = hanRunBefore(text, start);
        // (In a line of prose, only 1 + 1: a name of two characters padded to three; 亮身份、作 表率 is a slip.)
        const after = hanRunAfter(text, end);
        if (before <= 2 && after <= 2 && !isAsciiDigit(text[start - 1 - before]) && (before + after === 2 || !text.includes('。'))) continue;
        if (ARTICLE_LABEL.test(text.slice(Math.max(0, start - 12), start))) continue;
        // One scan per clause, however many gaps it has.
        if (!clause || start >= clause.hi) clause = clauseAround(text, start, end);
        if (clause.gaps > 1) continue;
        message = messages.betweenHan;
        replacements = hanGapFix(text, start, end);
        if (replacements[0] === '，') message = messages.separator;
      } else if (leftHan && rightPunct) {
        if (OPENERS.includes(right)) {
          isRunningText ??= CLAUSE_PUNCT.test(text);
          if (!isRunningText) continue; // 洪武正韵十六卷　（明）乐韶凤撰: catalogue columns
        }
        message = messages.beforePunct;
      } else if (leftHan && HALF_WIDTH_MARKS.includes(right)) {
        isRunningText ??= CLAUSE_PUNCT.test(text);
        if (!isRunningText) continue; // 发布时间 : 星期一
        message = messages.beforePunct;
      } else if (leftPunct && !SENTENCE_END.includes(left)) {
        // A closing mark right after a sentence end (。” ) ends the sentence too.
        if (CLOSERS.includes(left) && SENTENCE_END.includes(text[start - 2] ?? '')) continue;
        if (!(rightHan || rightPunct || isAsciiLetter(right) || isAsciiDigit(right))) continue;
        message = messages.afterPunct;
      } else if ((leftHan && isAsciiDigit(right)) || (isAsciiDigit(left) && rightHan)) {
        // 对照 26项标准, 更换过期内容 52处: a space on one side of a number in a Chinese clause, the other side
        // touching the text. Spaced on both sides (共有 3 个项目) it is a typographic style, left alone. Running text
        // only (not 第 2 页 共 4 页, 阅读 2856), and not after a number that opens the line (1 调研的基本情况).
        isRunningText ??= CLAUSE_PUNCT.test(text);
        if (!isRunningText || (!leftHan && numberOpensLine(text, start)) || !numberSpacedOnOneSide(text, start, end, leftHan)) continue;
        message = messages.aroundNumber;
      } else if (SENTENCE_END.includes(left) && left !== '…' && end - start === 1 && text[start] === '\u3000' && rightHan && isHanAt(text, start - 2) && sentenceGoesOn(text, end)) {
        // ……全面上线。　要在干部队伍中带好头: one full-width space after a sentence end inside a paragraph. Two are the
        // indent of a paragraph run in, an ASCII space is how a web page collapses paragraphs (……保持领先。 在学习过程中:
        // the fix may be a line break), and a heading or a new point after it starts a paragraph: all left alone.
        message = messages.afterStop;
      } else if (isAsciiDigit(left) && PERCENT.includes(right) && isHanAt(text, firstHanBefore(text, start))) {
        // 68 %: a percentage is one token in Chinese text (in a Chinese clause, not in 5 % of code or English).
        message = messages.beforePercent;
      } else if (NO_SPACE_BEFORE.includes(right) && (isAsciiLetter(left) || isAsciiDigit(left))) {
        if (looksLikeUrlBefore(text, start)) continue;
        message = messages.beforePunct;
      }
      if (!message) continue;
      // Residue is looked for only now (most spaces are reported on no line, and finding it is the costly
      // part); the decision above depends on nothing it would change.
      residue ??= findResidue(text).flatMap((h) => [h.start, h.end]);
      let inResidue = false;
      for (let k = 0; k < residue.length; k += 2) if (start >= residue[k]! && end <= residue[k + 1]!) inResidue = true;
      if (!inResidue) report({ start, end, message, replacements });
    }
  },
});
