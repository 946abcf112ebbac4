import { defineParagraphRule, type Report } from '../engine/rule';
import { isHanAt } from '../engine/text';
import { longestMatch, matchLength } from '../lexicon';

/**
 * Doubled or stray punctuation: ，， 。。 、、 ；； ：： ““ ”” 《《 》》 → one mark (also with a space between: ， ，); two clashing
 * marks → the stronger pause (？。 → ？, ，。/。，/；。 → 。, ；，/，； → ；, ：，/，： → ： where a colon introduces something,
 * else ，), and between ，and 、 the comma
 * (、 only after a list number: 2、,提升); a full stop after a quotation that already ends with one (……。”。 → ……。”); and a lone half-width "."
 * inside a Chinese phrase after a particle that cannot end a sentence (年轻干部的.思想 → delete).
 *
 * ！！ and ？？ → one mark (公文 does not stack them); a half-width ? or ! next to a full-width mark → its full-width
 * form (吗?。 → ？). Left alone: …… and —— (not in the scanned set), ？！ and !!, "..." and "。。。" (makeshift ellipses), ；： and ：；
 * (nothing tells which was meant), （（ and ））(nested brackets),
 * runs between digits or Latin letters (1,,2 / std::vector), reference-list lines, and dots in paragraphs
 * whose writer uses "." as the sentence end.
 */

const messages = {
  doubled: (run: string, fix: string) => `标点重复：“${run}”应为“${fix}”`,
  mixed: (run: string, fix: string) => `多余的标点：“${run}”应为“${fix}”`,
  dot: '多余的半角“.”，建议删除',
  dotStop: '句中的半角“.”应为句号“。”',
  afterClose: '引语末尾已有句末标点，引号后的句号多余，建议删除',
};

/** Runs of two or more of these are checked; full-width marks may have spaces between them (， ，). */
const RUN = /[，,、。；;：:．.？！?!](?:[ \u3000]*[，、。；：？！]|[，,、。；;：:．.？！?!])+/g;
const LONE_DOT = /\./g;

const NORMAL: Record<string, string> = {
  ',': '，', '，': '，', ';': '；', '；': '；', ':': '：', '：': '：', '。': '。', '、': '、', '.': '.', '．': '.', '？': '？', '！': '！',
  '?': '?', '!': '!',
};
/** Half-width ? and ! count only next to a full-width mark (吗?。 → ？); alone or doubled (?? !!) they are left alone. */
const HALF_END: Record<string, string> = { '?': '？', '!': '！' };

/** Doubled marks of one kind → the single full-width mark (。 only exactly twice: 。。。 is a makeshift ellipsis). */
const SINGLE: Record<string, string> = { '，': '，', '、': '、', '；': '；', '：': '：', '？': '？', '！': '！' };
/**
 * Two different marks where one is certainly stray → the one to keep. The stronger pause wins (a full stop
 * over ；and ：, those over ，and 、); between ，and 、 the first typed stays (2、,提升: a comma after the
 * enumeration comma; 存在，、对: an enumeration comma after the comma).
 */
const STRENGTH: Record<string, number> = { '？': 5, '！': 5, '。': 4, '；': 3, '：': 3, '，': 1, '、': 1 };
const PAIRS: Record<string, string> = { '。.': '。', '.。': '。' };

/** One clause of at most twelve Han characters that ends the paragraph with its full stop. */
const SHORT_TAIL = /^[\u4e00-\u9fff]{2,12}。[\s\u3000]*$/;

function clashFix(pair: string): string | undefined {
  const fixed = PAIRS[pair];
  if (fixed) return fixed;
  const a = pair[0]!;
  const b = pair[1]!;
  const sa = STRENGTH[a];
  const sb = STRENGTH[b];
  if (sa === undefined || sb === undefined || (sa === sb && a !== '，' && a !== '、' && sa !== 5)) return undefined;
  // ：and ；together say nothing certain about which was meant; ？！ and ！？ are an emphatic pair, not a slip.
  if (sa === sb) return sa === 5 ? undefined : a;
  return sa > sb ? a : b;
}

/**
 * Characters after which a sentence cannot end (particles, conjunctions, prepositions): a "." between one
 * of them and a Han character is a stray keystroke, not a full stop.
 */
const NO_SENTENCE_END = '的和与及或把被将从向';

/** Closing Chinese marks (and … —) count as Chinese on the left of a run. */
const CLOSE_CJK = '”’）》】〕」』〉…—';
const OPEN_CJK = '“‘（《【〔「『〈';
const REFERENCE_LINE = /^[\s\u3000]*[[［]\d{1,3}[\]］]|\[(?:M|J|C|D|N|R|S|P|G|Z|A|EB\/OL|DB\/OL|M\/OL|J\/OL|N\/OL|CP\/DK)\]/;
/** A Han character followed by "." and then a Han character or the line end: "." used as a full stop. */
const HAN_DOT = /[\u3400-\u9fff]\.(?=[\u3400-\u9fff]|\s*$)/g;

function isChineseSide(text: string, i: number, left: boolean): boolean {
  if (i < 0 || i >= text.length) return false;
  return isHanAt(text, i) || (left ? CLOSE_CJK : OPEN_CJK).includes(text[i]!);
}

function checkRuns(text: string, report: (r: Report) => void): void {
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    const run = m[0];
    const start = m.index;
    const end = start + run.length;
    let norm = '';
    let half = false;
    for (const ch of run) {
      if (ch === ' ' || ch === '\u3000') continue;
      norm += NORMAL[ch]!;
      if (ch.charCodeAt(0) < 0x80) half = true;
    }
    if (norm.includes('?') || norm.includes('!')) {
      // Only a pair of one half-width ? or ! and one full-width mark: the full-width form of the one to keep.
      if (norm.length !== 2 || /^[?!]{2}$/.test(norm)) continue;
      norm = norm.replace(/[?!]/, (c) => HALF_END[c]!);
    }
    let fix: string | undefined;
    let doubled = false;
    const first = norm[0]!;
    if (norm === first.repeat(norm.length)) {
      fix = first === '。' ? (norm.length === 2 ? '。' : undefined) : SINGLE[first];
      doubled = true;
    } else if (norm === '、，') {
      // 、 joins words of a list; a comma typed next to it marks the clause pause that was meant (座谈会14场、，
      // 访谈… → ，). Only after a list number (2、,提升) is the 、 the mark meant.
      fix = /[0-9０-９一二三四五六七八九十]/.test(text[start - 1] ?? '') && !isHanAt(text, start - 2) ? '、' : '，';
    } else if (norm === '，。' && SHORT_TAIL.test(text.slice(end, end + 16))) {
      // ，。 before one short clause that closes the paragraph (……以文件落实文件，。切实减轻基层负担。): that
      // clause finishes the sentence the comma left open.
      fix = '，';
    } else if ((norm === '：，' || norm === '，：') && !colonFits(text, start, end)) {
      // A colon and a comma where nothing introduced follows (……及时向上反映：，不让一件小事拖成大事): the comma.
      fix = '，';
    } else if (norm.length === 2) {
      fix = clashFix(norm);
    } else if (/^、，+$/.test(norm)) {
      fix = '、';
    }
    if (fix === undefined) continue;
    // Half-width marks count only in Chinese text (not in 1,,2 or std::vector).
    if (half && !isChineseSide(text, start - 1, true) && !isChineseSide(text, end, false)) continue;
    report({ start, end, message: doubled ? messages.doubled(run, fix) : messages.mixed(run, fix), replacements: [fix] });
  }
}

/** Words after which a colon introduces what follows (指出：, 如下：, 要求：, 是：). */
const COLON_BEFORE = /(?:说|讲|道|指出|强调|表示|认为|要求|提出|指示|宣布|规定|如下|包括|分别是|为|是|即|有|下列|以下|如|例如|比如|一是|二是|三是|总之|综上)$/;
/** What a colon introduces: a quotation, a list or a point (“……”, 一是, 1., （一）, 第一). */
const COLON_AFTER = /^(?:[“‘《]|[一二三四五六七八九十]+[是、]|\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)]|第[一二三四五六七八九十]+|首先)/;

/**
 * Does a colon fit where ：， or ，： was typed: after a word that announces what follows, or before a quotation, a list or a
 * point (or at the line's end)? Else the comma was meant.
 */
function colonFits(text: string, start: number, end: number): boolean {
  const after = text.slice(end).trimStart();
  return after.length === 0 || COLON_BEFORE.test(text.slice(Math.max(0, start - 4), start)) || COLON_AFTER.test(after);
}

function checkLoneDots(text: string, report: (r: Report) => void): void {
  // A writer who ends sentences with "." (more than one Han-dot in the line) did not type a stray one.
  HAN_DOT.lastIndex = 0;
  let hanDots = 0;
  while (HAN_DOT.exec(text) && hanDots < 2) hanDots++;
  if (hanDots !== 1 || REFERENCE_LINE.test(text)) return;
  LONE_DOT.lastIndex = 0;
  for (let m = LONE_DOT.exec(text); m; m = LONE_DOT.exec(text)) {
    const i = m.index;
    const prev = text[i - 1];
    if (!prev || !isHanAt(text, i - 2) || !isHanAt(text, i + 1)) continue;
    if (NO_SENTENCE_END.includes(prev)) report({ start: i, end: i + 1, message: messages.dot, replacements: [''] });
    else if (isSentenceStop(text, i)) report({ start: i, end: i + 1, message: messages.dotStop, replacements: ['。'] });
  }
}

const CLAUSE_MARK = /[，。；：！？、“”‘’《》（）,;:!?()]/;
/** Numerals a count ends with (三分之一, 十五): a sentence can end on them. */
const NUMERAL_END = '一二三四五六七八九十百千万亿';
/** Measure words after a numeral (六期, 十二场): a count ends there too. */
const MEASURES = '期次个场名人项件篇家所户批轮届';

/** Han characters from `from` stepping by `dir` until a clause mark or the line's end (at most `max`). */
function hanRun(text: string, from: number, dir: 1 | -1, max: number): number {
  let n = 0;
  for (let k = from; k >= 0 && k < text.length && n < max && !CLAUSE_MARK.test(text[k]!); k += dir) if (isHanAt(text, k)) n++;
  return n;
}

/**
 * The one half-width "." between two Han characters in a paragraph that ends its sentences with 。 is a
 * sentence end typed on the wrong keyboard (减少三分之一.机关干部下沉一线): a word or a numeral ends before
 * it, a word starts after it, and a clause of at least four characters stands on each side. Not inside a
 * quotation or a title (“.” in names: 约翰.史密斯), not where the paragraph has no 。 at all.
 */
function isSentenceStop(text: string, i: number): boolean {
  if (!text.includes('。')) return false;
  const endsWord =
    matchLength(longestMatch(text, i, -1)) >= 2 || NUMERAL_END.includes(text[i - 1]!) ||
    (MEASURES.includes(text[i - 1]!) && NUMERAL_END.includes(text[i - 2]!));
  if (!endsWord || matchLength(longestMatch(text, i + 1)) < 2) return false;
  if (hanRun(text, i - 1, -1, 4) < 4 || hanRun(text, i + 1, 1, 4) < 4) return false;
  const before = text.slice(0, i);
  const open = (a: string, b: string) => before.lastIndexOf(a) > before.lastIndexOf(b);
  return !open('“', '”') && !open('《', '》') && !open('（', '）') && !open('(', ')');
}

/** A sentence end inside a closing quote or bracket, and a full stop again after it: “……。”。 */
const END_AFTER_CLOSE = /[。！？][”’」』]。/g;

function checkEndAfterClose(text: string, report: (r: Report) => void): void {
  END_AFTER_CLOSE.lastIndex = 0;
  for (let m = END_AFTER_CLOSE.exec(text); m; m = END_AFTER_CLOSE.exec(text)) {
    const i = m.index + 2;
    report({ start: i, end: i + 1, message: messages.afterClose, replacements: [''] });
  }
}

/**
 * A quotation mark or book-title mark typed twice (“背包银行””, 《《习近平谈治国理政》): Chinese nests quotations
 * with single marks (“……‘……’……”) and titles with 〈〉, so the same double mark twice in a row is never
 * nesting. Brackets are left alone: （见附件（一）） closes two.
 */
const DOUBLED_PAIR_MARK = /““|””|《《|》》/g;

function checkDoubledPairMarks(text: string, report: (r: Report) => void): void {
  DOUBLED_PAIR_MARK.lastIndex = 0;
  for (let m = DOUBLED_PAIR_MARK.exec(text); m; m = DOUBLED_PAIR_MARK.exec(text)) {
    const mark = m[0][0]!;
    // A third copy (“““) is decoration or a makeshift, not a slip.
    if (text[m.index - 1] === mark || text[m.index + 2] === mark) continue;
    report({ start: m.index, end: m.index + 2, message: messages.doubled(m[0], mark), replacements: [mark] });
  }
}

export default defineParagraphRule({
  meta: {
    id: 'stray-punct',
    category: 'punctuation',
    severity: 'error',
    description: '重复或多余的标点（，，、。。、、,、的.等）',
    fixable: true,
  },
  check(text, report) {
    checkRuns(text, report);
    checkDoubledPairMarks(text, report);
    if (text.includes('。')) checkEndAfterClose(text, report);
    if (text.includes('.')) checkLoneDots(text, report);
  },
});
