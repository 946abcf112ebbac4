import { defineParagraphRule, type Report } from '../engine/rule';
import { wordsAround, WordWindow, type Word } from '../engine/segment';
import { isHanCode } from '../engine/text';
import { hasClass, isWord, longestMatch, matchClasses, matchLength, WordClass, wordClasses } from '../lexicon';
import { BOUND_CHARS } from './data/bound-chars';
import {
  ABAB_OK,
  DOUBLE_EXCEPTIONS,
  NAMES_AFTER_DOUBLE,
  NEVER_DOUBLED,
  REDUNDANCIES,
  TITLE_AFTER,
} from './data/lexicon-reduplication';

/**
 * repeated-word: characters and words typed twice (要要, 的的, 思想思想, 教你教你) and a few explicit
 * abbreviation redundancies (国企企业 → 国有企业).
 *
 * A bare doubled-character scan fires on legitimate reduplication (常常, 时时刻刻, 研究研究) and on doubles
 * across word boundaries (管理理念, 人事处处长), so a candidate is reported only when
 * - a single doubled character is a function character that is never doubled (的 了 要 …), it is not part
 *   of AABB / a run, and the segmenter sees two separate one-character words; or
 * - a doubled unit of 2–4 characters is not a known ABAB reduplication, is not followed by a title
 *   (项目项目部, 支部支部书记), and the segmenter puts word boundaries before, between and after the copies;
 * - one character is doubled where two words meet and one copy is left over, judged by the words on both
 *   sides (isLeftover with the segmenter; isBridgeDouble with the lexicon and the segmenter's dictionary), also where
 *   XX would leave a bound first character alone (逐渐渐, 及时时: isSplitDouble);
 * - a reduplicated adverb typed twice (往往往往), and a tentative ABAB (研究研究) outside a request or plan
 *   (对内容了解了解不多, 开会、学习学习文件: tentativeContext).
 * Segmentation runs only on a small window around each candidate.
 */

const messages = {
  doubledChar: (ch: string) => `“${ch}${ch}”重复，应删去一个“${ch}”`,
  doubledWord: (unit: string) => `“${unit}”重复出现，应删去一个`,
  redundancy: (written: string, fix: string) => `“${written}”语义重复，宜改为“${fix}”`,
};

const NEVER = new Set(NEVER_DOUBLED);
const TENTATIVE_SECOND = new Set('着了过');
const CLAUSE_END = '，！？、,!?';

/** Doubled character → redundancy entries whose doubled middle is that character (国企企业: 企). */
const REDUNDANCY_BY_CHAR = new Map<string, (readonly [string, string, string])[]>();
for (const entry of REDUNDANCIES) {
  const ch = entry[0][1]!;
  const list = REDUNDANCY_BY_CHAR.get(ch) ?? [];
  list.push(entry);
  REDUNDANCY_BY_CHAR.set(ch, list);
}

const EXCEPTIONS_BY_PAIR = new Map<string, (readonly [string, string, string])[]>();
for (const entry of DOUBLE_EXCEPTIONS) {
  const list = EXCEPTIONS_BY_PAIR.get(entry[1]) ?? [];
  list.push(entry);
  EXCEPTIONS_BY_PAIR.set(entry[1], list);
}

const WINDOW = 6;
/** Adverbs of manner or duration that never precede a tentative reduplication (研究研究, 提高提高). */
const FORMAL_BEFORE = ['不断', '持续', '进一步', '切实', '全面', '大力', '着力', '深入', '积极', '扎实', '始终', '逐步', '有效', '坚决'];
/** One-character suffixes that make a derived word of what precedes (组织力, 创造性, 现代化, 获得感). */
const DERIVING_SUFFIX = '力性化者型感率度';
/**
 * Segmenter calls allowed per paragraph: real text has a handful; this bounds pathological input.
 * Longer repeats than 4 characters are left to repeated-passage.
 */
const MAX_SEGMENTATIONS = 100;

function startsWord(words: readonly Word[], offset: number, textLength: number): boolean {
  if (offset === 0 || offset === textLength) return true;
  for (const w of words) if (w.start === offset) return true;
  return false;
}

function isSingleCharWord(words: readonly Word[], offset: number): boolean {
  for (const w of words) if (w.start === offset) return w.end === offset + 1;
  return false;
}

/** startsWord and isSingleCharWord asked of a segmented window (isSlipChar asks two or three offsets of it). */
function startsWordIn(words: WordWindow, offset: number, textLength: number): boolean {
  return offset === 0 || offset === textLength || words.lengthAt(offset) > 0;
}

function isSingleCharIn(words: WordWindow, offset: number): boolean {
  return words.lengthAt(offset) === 1;
}

/**
 * Is the one character at [i, i + 2) typed twice by mistake? (Function characters only; the caller has
 * checked that text[i] === text[i + 1].)
 */
function isSlipChar(text: string, i: number): boolean {
  const ch = text[i]!;
  if (!NEVER.has(ch)) return false;
  const c = text.charCodeAt(i);
  // Runs (对对对) and AABB / BBAA reduplication (的的确确, 实实在在, 是是非非).
  if (text.charCodeAt(i - 1) === c || text.charCodeAt(i + 2) === c) return false;
  const c2 = text.charCodeAt(i + 2);
  if (isHanCode(c2) && c2 === text.charCodeAt(i + 3)) return false;
  // (Not the second half of AABB: 实实在在的的收获 is a slip; 卿卿我我 is in the exceptions.)
  const exceptions = EXCEPTIONS_BY_PAIR.get(ch + ch);
  if (exceptions?.some(([before, , after]) => (!before || text.endsWith(before, i)) && (!after || text.startsWith(after, i + 2)))) return false;
  // 地 closing a four-character idiom, then the adverbial 地 (脚踏实地地, 惊天动地地, 设身处地地): the lexicon knows
  // some, the 天…地 frame names others (欢天喜地, 翻天覆地), the exceptions hold the rest (设身处地, 死心塌地).
  if (c === 0x5730 /* 地 */ && (matchLength(longestMatch(text, i + 1, -1)) >= 2 || (text.charCodeAt(i - 2) === 0x5929 /* 天 */ && isHanCode(text.charCodeAt(i - 3))))) return false;
  // The second copy starts a word the segmenter missed (在在建项目 = 在 + 在建).
  // Only a content word: 还还要 stays a slip (还要 is an adverb pair).
  const next = text.slice(i + 1, i + 3);
  // (Not 不: 不 never stands before a word that starts with 不, so 认识不不足, 不不断 are slips; the segmenter decides.)
  if (c !== 0x4e0d /* 不 */ && isHanCode(text.charCodeAt(i + 2)) && hasClass(next, CONTENT) && !hasClass(next, FUNCTION)) return false;
  const words = new WordWindow(text, i - WINDOW, i + 2 + WINDOW);
  const single = isSingleCharIn(words, i);
  if (single && isSingleCharIn(words, i + 1)) return true;
  if (c === 0x4e0d && single && startsWordIn(words, i + 1, text.length)) return true;
  // The aspect 了 again after a word that ends in it (提高到了了, 有了了): the segmenter glues the first copy to the
  // word before (到了). Not the 了 (liǎo) of a potential complement (受不了了, 受得了了: the second 了 is the aspect)
  // nor one that starts a word with what follows (为了了解, 了结).
  if (c === 0x4e86 /* 了 */ && !'不得'.includes(text.charAt(i - 1)) && isHanCode(text.charCodeAt(i - 1)) && !startsWordIn(words, i, text.length) &&
    isSingleCharIn(words, i + 1) && wordStartingLength(text, i + 1) === 0) return true;
  // The segmenter glues the second copy and the function character after it into a word the lexicon does not
  // have (我也|也要, 都|都要): a slip still, when that character is itself one that is never doubled (要, 是, 在 …; not
  // 把关, a word the lexicon lacks), no word of the lexicon starts with the second copy (的确 in 说的的确, 就要) and
  // none ends with the first (成就|就是, 所有|有关, 现在|在座).
  // (Also when a word of the lexicon starts after that character: 才|才想|起来 — 才想 is no word, 想起来 is.)
  if ((NEVER.has(text.charAt(i + 2)) || matchLength(longestMatch(text, i + 2)) >= 2) && !isWord(text.slice(i + 1, i + 3)) &&
    matchLength(longestMatch(text, i + 1, -1)) <= 1 && matchLength(longestMatch(text, i + 1)) <= 1) return true;
  return isPrepositionAgain(text, i, words);
}

/** Prepositions that also close a verb as its complement (站在, 交给, 处于). */
const COMPLEMENT_PREPOSITIONS = '在给于';

/**
 * The first copy of 在/给/于 closes a word, and the second has no object or repeats the one the first gave the verb:
 * - a one-character verb with its complement (站在|在农民的角度, 交给|给组织): the verb already has its 在, and the
 *   pair is no word of the lexicon (存在, 现在, 实在 are: 问题存在在基层 is left alone);
 * - a verb of the lexicon that ends in it, and the second copy stands before 的 or a clause mark (存在|在|的突出问题),
 *   where a preposition would have no object (not after a time, 他现在在的单位: 在 is the verb there).
 */
function isPrepositionAgain(text: string, i: number, words: WordWindow): boolean {
  const ch = text[i]!;
  if (!COMPLEMENT_PREPOSITIONS.includes(ch) || !isSingleCharIn(words, i + 1) || inRunOrPairs(text, i)) return false;
  const pair = text.slice(i - 1, i + 1);
  const verb = text[i - 1]!;
  if (!isWord(pair) && isHanCode(text.charCodeAt(i - 1)) &&
    wordClasses(verb) === WordClass.Verb && words.lengthAt(i - 1) === 2) return true;
  const after = text.charAt(i + 2);
  if (after !== '的' && !CLAUSE_END.includes(after) && after !== '。') return false;
  const classes = wordClasses(pair);
  return (classes & WordClass.Verb) !== 0 && (classes & (WordClass.Time | WordClass.Noun | WordClass.Adverb)) === 0;
}

/** Is the unit of `len` (2–4) Han characters at [i, i + len) typed twice (the copy follows at i + len)? */
function isSlipUnit(text: string, i: number, len: number): boolean {
  for (let k = i; k < i + 2 * len; k++) if (!isHanCode(text.charCodeAt(k))) return false;
  const unit = text.slice(i, i + len);
  if (!text.startsWith(unit, i + len)) return false;
  const end = i + 2 * len;
  const n = text.length;
  // Tentative ABAB (研究研究) is colloquial and never follows a formal adverb of manner or duration:
  // 不断提高提高 is a slip.
  const formal = FORMAL_BEFORE.some((w) => text.endsWith(w, i));
  if (len === 2 && ((ABAB_OK.has(unit) && !formal && tentativeContext(text, i)) || unit[0] === '一' || TENTATIVE_SECOND.has(unit[1]!))) return false;
  // Distributive 一 + measure (+ noun) said twice: 一个支部一个支部地抓, 一家企业一家企业走访 (one by one).
  if (unit[0] === '一' && DISTRIBUTIVE_MEASURES.includes(unit[1]!)) return false;
  // The second copy starts a derived word: 党组织组织力, 领导领导力 is not a double of 组织/领导 alone.
  if (DERIVING_SUFFIX.includes(text[i + 2 * len] ?? '')) return false;
  // Tripled (emphatic) or preceded by another copy: leave alone.
  if (text.startsWith(unit, end) || (i >= len && text.startsWith(unit, i - len))) return false;
  // ABC BC: the first copy closes a longer word (党组织|组织, 党支部|支部).
  const longer = len === 2 ? longestMatch(text, i + len, -1) : 0;
  // (Not when the longer word is the verb itself with its adverb, 进一步加强|加强, 充分发挥|发挥: the same verb twice.)
  if (len === 2 && matchLength(longer) > len && !(matchClasses(longer) & (WordClass.Verb | WordClass.Adverb) && wordClasses(unit) & WordClass.Verb)) {
    // Before a post: the double is a slip unless the unit and the post make a post of their own (党支部支部书记
    // is the 支部书记 of a 党支部, 党组织组织委员 its 组织委员; 党组织组织书记 names no post).
    const post = POSTS.find((t) => text.startsWith(t, end));
    if (post) return !UNIT_POSTS.has(unit + post) && slipBoundaries(text, i, len);
    // 党组织组织开展……: the second copy is the verb of a clause whose subject the longer word names (not before a
    // clause mark: 坚持问题导向导向， has no clause there).
    if (wordClasses(unit) & WordClass.Verb && isHanCode(text.charCodeAt(end))) return false;
  }
  // A title after the copies (项目项目部, 支部支部书记) may make a unit's name; never after a pronoun (我们我们党员),
  // nor after a verb that is no noun and follows an adverb or modal (进一步加强加强干部, 充分发挥发挥党员: a predicate,
  // the title is its object; 分工负责负责部门 may name a unit).
  const unitClasses = wordClasses(unit);
  const predicate = (unitClasses & WordClass.Verb) !== 0 && (unitClasses & WordClass.Noun) === 0 && (formal || adverbBefore(text, i));
  // (Units of two characters only: 支部支部书记 is the 支部书记 of a 支部, 全体党支部党支部书记 names nothing twice.)
  if (len === 2 && !(unitClasses & WordClass.Pronoun) && !predicate && TITLE_AFTER.some((t) => text.startsWith(t, end))) return false;
  // A quoted saying that opens with a doubled word: “干部干部，干字当头”.
  if (text[i - 1] === '“' && CLAUSE_END.includes(text[end] ?? '')) return false;
  return slipBoundaries(text, i, len);
}

/**
 * Words that make room for the tentative ABAB (研究研究, 交流交流: "have a go at"), a colloquial form of requests,
 * intentions and plans: modals and volition (要, 想, 得, 该, 需要, 可以), motion before a purpose (去, 来), order and
 * manner (再, 先, 多, 好好, 一起), requests (请, 让, 帮, 给, 带), the adverbs a spoken plan carries (都, 也, 就, 还) and the
 * times it is set for (下周, 明天, 改天, 回头, 会后). One character counts only as a word of its own: 会 in 开会, 要 in
 * 主要, 来 in 以来 make no room.
 */
const TENTATIVE_LICENCE_CHARS = '要想得该需能可去来再先多请让帮给带都也就还';
const TENTATIVE_LICENCE_WORDS = ['需要', '应该', '应当', '可以', '能够', '必须', '一起', '好好', '回头', '下周', '下次', '下步', '明天', '明年', '改天', '会后', '抽空', '有空', '回去'];
/** Marks that end a clause (not 、: the items of an enumeration share their clause's licence). */
const CLAUSE_START_MARKS = '，。；：！？,;:!?“‘（(\n';

/**
 * May the ABAB at `i` be the tentative form? Only in a clause that carries a request or a plan (大家要学习学习, 回去
 * 研究研究, 多和群众交流交流, 请大家提提意见、议论议论), after a pronoun subject or a time (大家讨论讨论), or opening a
 * clause of its own (，了解了解情况). A report of what was done or how things are has no room for it:
 * 对活动的内容了解了解不多, 围绕话题座谈交流交流, 开会、学习学习文件 are slips.
 */
function tentativeContext(text: string, i: number): boolean {
  let k = i;
  while (k > 0 && !CLAUSE_START_MARKS.includes(text[k - 1]!)) k--;
  if (k === i) return true;
  // A verb of the lexicon right before it (健全完善完善, 组织学习学习): a chain of verbs, not a request (回去, 需要: verbs
  // that end in a licence, are licences).
  const prev = longestMatch(text, i, -1);
  if (matchLength(prev) >= 2 && (matchClasses(prev) & (WordClass.Verb | WordClass.Noun | WordClass.Adverb | WordClass.Pronoun | WordClass.Time)) === WordClass.Verb &&
    !TENTATIVE_LICENCE_CHARS.includes(text[i - 1]!)) return false;
  for (let j = k; j < i; j++) {
    if (TENTATIVE_LICENCE_CHARS.includes(text[j]!) && matchLength(longestMatch(text, j)) <= 1 && matchLength(longestMatch(text, j + 1, -1)) <= 1) return true;
    for (const w of TENTATIVE_LICENCE_WORDS) if (text.startsWith(w, j) && j + w.length <= i) return true;
  }
  const before = longestMatch(text, i, -1);
  return matchLength(before) >= 1 && (matchClasses(before) & (WordClass.Pronoun | WordClass.Time)) !== 0;
}

/** Modal verbs that stand before a predicate (要加强, 将推进, 应当落实 end in these). */
const MODALS = '要将应须需能会可';

/** Does an adverb (lexicon) or a modal end right before `i`? */
function adverbBefore(text: string, i: number): boolean {
  if (MODALS.includes(text.charAt(i - 1))) return true;
  const before = longestMatch(text, i, -1);
  const classes = matchClasses(before);
  return matchLength(before) >= 2 && (classes & WordClass.Adverb) !== 0 && (classes & (WordClass.Noun | WordClass.Verb)) === 0;
}

/**
 * The segmenter cuts at the start (units of two characters), between the copies and at the end. A unit of
 * three or four characters doubled is rarely legitimate; the segmenter may glue its first character to what
 * precedes (是以|学|铸|魂), so only the cut between the copies and at the end count.
 */
function slipBoundaries(text: string, i: number, len: number): boolean {
  const end = i + 2 * len;
  const n = text.length;
  const words = wordsAround(text, i, end, WINDOW);
  return (len >= 3 || startsWord(words, i, n) || gluedNoun(words, text, i, len)) && startsWord(words, i + len, n) && startsWord(words, end, n);
}

/**
 * The segmenter glues the first copy of a noun to the word before it into one longer noun that ends with the unit
 * (年终奖金|奖金, 专项资金|资金): the same ABC BC as the lexicon's 党组织|组织, a double of the noun. Nouns only: a verb
 * after such a word starts a clause of its own (党组织|组织开展).
 */
function gluedNoun(words: readonly Word[], text: string, i: number, len: number): boolean {
  const classes = wordClasses(text.slice(i, i + len));
  if (!(classes & WordClass.Noun) || classes & (WordClass.Verb | WordClass.Pronoun)) return false;
  for (const w of words) if (w.end === i + len && w.start < i && w.isWordLike) return true;
  return false;
}

/** Posts held in a unit (书记, 委员 …), after which ABC BC is judged by UNIT_POSTS. */
const POSTS = ['书记', '副书记', '委员', '主任', '主席', '成员', '负责人'];
/**
 * Posts named by a unit and a post together: after ABC (党支部, 党委) the unit may be repeated with them
 * (党支部支部书记, 党委委员会委员). ABC BC before any other post is a slip (党组织组织书记).
 */
const UNIT_POSTS = new Set([
  '支部书记', '支部副书记', '支部委员', '支部成员', '组织委员', '宣传委员', '纪检委员', '青年委员', '党委书记', '党委副书记',
  '党委委员', '党委成员', '党组书记', '党组副书记', '党组成员', '总支书记', '总支委员', '团委书记', '团委委员', '村委委员',
  '村委主任', '班子成员', '小组成员', '工会主席', '工会委员', '委员会主任', '委员会委员', '支委委员', '支委成员',
]);

const BOUND = new Set(BOUND_CHARS);
/** Modal and aspect adverbs that open a predicate after a subject (党委将…, 组织要…, 学员已…). */
const MODAL_AFTER = '将要已也都还就才再又正须必均皆亦仍';
const CONTENT = WordClass.Noun | WordClass.Verb | WordClass.Adjective;
const FUNCTION = WordClass.Adverb | WordClass.Conjunction | WordClass.Preposition | WordClass.Pronoun | WordClass.Particle;
const LEAD_CLASSES = WordClass.Verb | WordClass.Adverb | WordClass.Preposition | WordClass.Conjunction | WordClass.Pronoun | WordClass.Particle;
/** Measure words of the distributive 一X…一X… (一个支部一个支部地, 一项任务一项任务地). */
const DISTRIBUTIVE_MEASURES = '个项家户件条村所级步层批次位名本场处座间道笔张片类种支人天年月周章节段句条份套门';
/** Before a lone measure-like character these make it a word of its own: 各组组织, 每组组长, 一遍遍. */
const DETERMINERS = new Set('各每本该全这那此其某同分小一二三四五六七八九十两几多');


/**
 * The double at [i, i + 2) is part of a longer pattern, not a slip: a run of three or more (哈哈哈),
 * or a neighbouring pair as in AABB / ABB shapes (认认真真, 红红火火, 干干净净).
 */
function inRunOrPairs(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (text.charCodeAt(i - 1) === c || text.charCodeAt(i + 2) === c) return true;
  const c2 = text.charCodeAt(i + 2);
  if (isHanCode(c2) && c2 === text.charCodeAt(i + 3)) return true;
  const c0 = text.charCodeAt(i - 1);
  return i >= 2 && isHanCode(c0) && c0 === text.charCodeAt(i - 2);
}

/**
 * One character doubled where two words meet and one copy is left over (党员员干部, 认识识到, 要组组织):
 * the segmenter cuts a one-character word X next to a longer word that ends (or starts) with X; that
 * longer word and the word on the other side are in the lexicon; X itself is a bound character (it
 * rarely stands alone: jieba counts, lib/rules/data/bound-chars.ts); XX is not a word (人人, 谈谈) and
 * the lone X does not start a word with what follows. Where both copies belong to words (管理理念,
 * 党委委员, 中国共产党党章: 党 is not bound) nothing is reported.
 */
function isLeftover(text: string, i: number): boolean {
  const ch = text[i]!;
  if (!BOUND.has(ch) || isWord(ch + ch)) return false;
  if (inRunOrPairs(text, i)) return false;
  if (NAMES_AFTER_DOUBLE.some((name) => text.startsWith(name, i + 1))) return false;
  // 一件件, 各组组织: a measure word after a determiner stands alone or is reduplicated.
  if (DETERMINERS.has(text[i - 1] ?? '')) return false;
  const words = wordsAround(text, i, i + 2, WINDOW);
  const at = (offset: number) => words.findIndex((w) => w.start === offset);
  const first = at(i + 1) >= 0 ? words.findIndex((w) => w.end === i + 1) : -1;
  // Left word ends with the first copy, the second copy stands alone: 党员|员|干部.
  if (first >= 0) {
    const left = words[first]!;
    const lone = words[first + 1];
    const right = words[first + 2];
    // After the lone copy: the line's end, punctuation, a longer word, or a function character or result
    // complement (认识|识|到). Another one-character word (even 有, 为, 于: 修建|建|有) could make a word with the lone copy that neither
    // the segmenter nor the lexicon knows (管理|理|顺: 理顺).
    const rightOk =
      !right ||
      !right.isWordLike ||
      (right.end - right.start >= 2 && !isWord(ch + right.segment[0])) ||
      hasClass(right.segment, WordClass.Particle) ||
      right.segment === '到' ||
      // A one-character modal or aspect adverb that makes no word with the lone copy (党委|委|将). Other
      // adverbs may (管理|理|顺: 理顺, which the lexicon lacks).
      (right.end - right.start === 1 && MODAL_AFTER.includes(right.segment) && !isWord(ch + right.segment));
    if (left.end - left.start >= 2 && lone && lone.end === i + 2 && isWord(left.segment) && rightOk) return true;
  }
  // The first copy stands alone, the right word starts with the second one: 要|组|组织.
  const k = at(i);
  if (k >= 0 && words[k]!.end === i + 1) {
    const right = words[k + 1];
    const left = k > 0 ? words[k - 1] : undefined;
    if (DETERMINERS.has(text[i - 1] ?? '')) return false;
    // What stands before must end a phrase for sure: a line start, punctuation, or a one-character verb,
    // adverb or function word. After a noun or an unknown character the lone copy may end a compound that neither
    // the segmenter nor the lexicon knows (农民|工|工资: 农民工; 政|工|工作: 政工).
    // A longer word before may end in a compound with the lone copy (联合|国|国家: 联合国): only a
    // one-character word is trusted.
    // A longer adverb (认真|学|学习) ends a phrase as surely: adverbs make no compound noun with what follows.
    const leftOk =
      !left || !left.isWordLike || (left.end - left.start === 1 && hasClass(left.segment, LEAD_CLASSES) && !hasClass(left.segment, WordClass.Noun)) ||
      (left.end - left.start >= 2 && hasClass(left.segment, WordClass.Adverb) && !hasClass(left.segment, WordClass.Noun | WordClass.Verb) && !isWord(left.segment + ch));
    if (right && right.start === i + 1 && right.end - right.start >= 2 && isWord(right.segment) && leftOk) {
      if (!left || !isWord(left.segment.slice(-1) + ch)) return true;
    }
  }
  return false;
}

/** Classes of characters that stand alone as function words (会, 在, 要, 上, 个): a lone copy of them is no slip. */
const FREE = WordClass.Adverb | WordClass.Preposition | WordClass.Conjunction | WordClass.Particle | WordClass.Pronoun |
  WordClass.Localizer | WordClass.Numeral | WordClass.Other;
/** Modal and light verbs that stand alone after any noun (工会会组织…, 社会要…). */
const FREE_VERBS = '会要能可将让使被给叫是有在为';
/** Characters that end the names of units, before Y长/Y员 (组长, 科长, 队员, 会员). 党 is not one: 广大党党员. */
const UNITS = '组科队处局院所部厅站班社校村镇县市省区团会厂室馆委司行';
/** Suffixes that make a derived noun of the word before them (网格员, 建设者): the lone copy belongs to it. */
const AGENT_SUFFIX = '员者家手师';

/**
 * Is `s` one word for the segmenter's dictionary (Intl.Segmenter, ICU)? It knows many words the pruned lexicon
 * lacks (乡镇, 信念, 闲置, 誓词). Asked only for the few doubled characters a paragraph has; answers cached.
 */
const icuCache = new Map<string, boolean>();
let icu: Intl.Segmenter | null = null;
function icuWord(s: string): boolean {
  let known = icuCache.get(s);
  if (known === undefined) {
    icu ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
    const it = icu.segment(s)[Symbol.iterator]();
    const first = it.next();
    known = !first.done && first.value.segment.length === s.length && (first.value.isWordLike ?? false);
    if (icuCache.size > 4096) icuCache.clear();
    icuCache.set(s, known);
  }
  return known;
}

function hanRun(text: string, a: number, b: number): boolean {
  if (a < 0 || b > text.length) return false;
  for (let k = a; k < b; k++) if (!isHanCode(text.charCodeAt(k))) return false;
  return true;
}

/** Length of a word of 2–4 characters ending at `end` (lexicon first, then the segmenter's dictionary), or 0. */
function wordEndingLength(text: string, end: number): number {
  const len = matchLength(longestMatch(text, end, -1));
  if (len >= 2) return len;
  for (let n = 2; n <= 3; n++) if (hanRun(text, end - n, end) && icuWord(text.slice(end - n, end))) return n;
  return 0;
}

/** Length of a word of 2–4 characters starting at `start` (lexicon first, then the segmenter's dictionary), or 0. */
function wordStartingLength(text: string, start: number): number {
  const len = matchLength(longestMatch(text, start));
  if (len >= 2) return len;
  for (let n = 3; n >= 2; n--) if (hanRun(text, start, start + n) && icuWord(text.slice(start, start + n))) return n;
  return 0;
}

/**
 * A character doubled where two words meet, judged by the words on both sides (lexicon only, no segmenter):
 * - A: a word ends with the first copy, no word starts with the second, and after it comes a word, a clause end
 *   or a derived-noun suffix (乡镇镇、, 群众众路线, 闲置置资产, 网格格员): the second copy is left over;
 * - B: a word ends right before the first copy, a word starts with the second, and the first copy makes no word
 *   with what precedes it, or only one that cuts into that word (组织书书记, 理想信信念, 支部委委员会 where 部委
 *   cuts 支部): the first copy is left over.
 * Both copies inside words (管理理念, 党委委员, 中国共产党党章, 学习习近平) and function characters that stand
 * alone (社会会变得…) are never slips. Unit names before their member or head (服务队队员, 教育局局长: a noun
 * + Y, then Y员/Y长) and a pronoun's group (我们党党员) are left alone. XX that is a word itself (人人, 层层) counts
 * only before a noun, where it cannot be the pronoun or adverb it is (基层层党组织, not 人人参与).
 */
function isBridgeDouble(text: string, i: number): boolean {
  const ch = text[i]!;
  if (!isHanCode(text.charCodeAt(i - 1))) return false;
  const single = wordClasses(ch);
  if (single & FREE || FREE_VERBS.includes(ch)) return false;
  if (DETERMINERS.has(text[i - 1] ?? '') || NAMES_AFTER_DOUBLE.some((name) => text.startsWith(name, i + 1))) return false;
  // Checked lazily, lexicon first: the segmenter's dictionary costs ≈ 20 µs a question.
  const nounOnly = (c: number) => (c & WordClass.Noun) !== 0 && (c & (WordClass.Verb | WordClass.Adverb | WordClass.Pronoun)) === 0;
  const suffixed = () => AGENT_SUFFIX.includes(text.charAt(i + 2)) && wordStartingLength(text, i + 3) > 0;
  // XX a word (人人, 层层) counts only where nothing else could follow it: a noun the lexicon knows (words only the
  // segmenter knows carry no class) or a derived-noun suffix.
  const afterLex = longestMatch(text, i + 2);
  const afterNoun = matchLength(afterLex) >= 2 && nounOnly(matchClasses(afterLex));
  // Nor where XX is a tentative verb (想想, 看看), a content word of the lexicon closes with the first copy, none
  // starts with the second and a word follows it (理想|想|信念): XX cannot be read there, as the first copy belongs
  // to the word before. (Adverbs and adjectives XX may be read after a word that shares the character: 不单单需要.)
  const closedBetweenWords = () => {
    if (!(wordClasses(ch + ch) & WordClass.Verb)) return false;
    const before = longestMatch(text, i + 1, -1);
    const classes = matchClasses(before);
    return matchLength(before) >= 2 && (classes & CONTENT) !== 0 && (classes & FUNCTION) === 0 &&
      wordStartingLength(text, i + 1) === 0 && (wordStartingLength(text, i + 2) > 0 || !isHanCode(text.charCodeAt(i + 2)));
  };
  if (isWord(ch + ch) && !afterNoun && !suffixed() && !closedBetweenWords() && !nounThenXXAtEnd(text, i)) return false;
  const xxWord = () => icuWord(ch + ch) && !afterNoun && !suffixed() && !closedBetweenWords();
  // B: a word ends right before the first copy, one starts with the second, and the first copy makes no word
  // with what precedes it (农民|工|工资 would be 农民工 + 工资; 支部|委|委员会 cannot be told from it). The cheap
  // tests first: the segmenter's dictionary is asked last.
  const caseB = (right: number): boolean => {
    // AAB: a free verb or adjective doubled before its object (红红脸、出出汗, 开开会): tentative, not a slip.
    if (single & (WordClass.Verb | WordClass.Adjective) && !BOUND.has(ch)) return false;
    // A unit and its head or member (联络组组长, 工作队队员, 作家协会会员).
    if (right === 2 && UNITS.includes(ch) && /[员长]/.test(text.charAt(i + 2))) return false;
    const before = wordEndingLength(text, i);
    if (before === 0) return false;
    const beforeWord = text.slice(i - before, i);
    const beforeClasses = wordClasses(beforeWord);
    if (beforeClasses & WordClass.Pronoun && /^[我你他她咱本]|们$/.test(beforeWord)) return false;
    // The lone copy of a unit or name ending may close a name neither dictionary has (联合国|国际, 上海市|市场):
    // only after an adjective (广大党党员), which names do not end in.
    if ((UNITS.includes(ch) || ch === '国' || ch === '党') && !(beforeClasses & WordClass.Adjective)) return false;
    return wordEndingLength(text, i + 1) === 0 && !xxWord();
  };
  const rightLex = matchLength(longestMatch(text, i + 1));
  if (rightLex >= 2) return caseB(rightLex);
  // (A word with a deriving suffix ends with the first copy: 战斗|力, 现代|化, 获得|感 — the segmenter splits them.)
  if (wordEndingLength(text, i + 1) > 0 || (DERIVING_SUFFIX.includes(ch) && wordEndingLength(text, i) >= 2)) {
    // A: a word holds the first copy; none may start with the second.
    if (wordStartingLength(text, i + 1) > 0 || (xxWord() && !nounThenXXAtEnd(text, i))) return false;
    // (Not before a one-character word: the lone copy may make a word with it neither dictionary has, 管理|理|顺,
    // 关税|税|则.)
    return wordStartingLength(text, i + 2) > 0 || !isHanCode(text.charCodeAt(i + 2)) || suffixed();
  }
  const right = wordStartingLength(text, i + 1);
  return right > 0 && caseB(right);
}

/**
 * A two-character word of the lexicon ends with the first copy and its first character cannot stand alone (逐渐|渐,
 * 及时|时, 经常|常: 逐 is bound, 及 a conjunction that joins nouns): XX, even where it is a word (渐渐, 时时, 常常), would
 * leave that character alone, so the second copy is left over. No word starts with the second copy (及时时间 is not
 * read: 时间).
 */
function isSplitDouble(text: string, i: number): boolean {
  // Cheap tests first: this is asked of every double no other test reported.
  const p = text[i - 1];
  if (p === undefined || (!BOUND.has(p) && wordClasses(p) !== WordClass.Conjunction) || inRunOrPairs(text, i)) return false;
  // A function character stands alone after any word that ends with it (现在|在, 目的|的, 社会|会).
  const ch = text[i]!;
  if (NEVER.has(ch) || FREE_VERBS.includes(ch) || wordClasses(ch) & (FREE & ~WordClass.Adverb)) return false;
  if (matchLength(longestMatch(text, i + 1, -1)) !== 2 || NAMES_AFTER_DOUBLE.some((name) => text.startsWith(name, i + 1))) return false;
  // No word starts with the second copy (the lexicon first; the segmenter's dictionary, which costs a question per
  // place, last).
  if (matchLength(longestMatch(text, i + 1)) >= 2) return false;
  // Where XX is a word the second copy belongs to it, and that reading needs the bound character alone; otherwise a
  // word (or the clause's end) must follow, or the lone copy may start one neither dictionary has (管理|理|顺).
  if (!(isWord(ch + ch) || icuWord(ch + ch) || !isHanCode(text.charCodeAt(i + 2)) || wordStartingLength(text, i + 2) > 0)) return false;
  return wordStartingLength(text, i + 1) === 0;
}

/**
 * A reduplicated word typed twice, AAAA with AA an adverb, noun or adjective of the lexicon (往往往往, 纷纷纷纷,
 * 层层层层): no such word has a fourfold form. Interjections and sounds (哈哈哈哈) are particles, verbs may be
 * tentative (看看看看 is left alone). `i` is the third character of the run, which must be exactly four long.
 */
function isDoubledReduplication(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (text.charCodeAt(i - 1) !== c || text.charCodeAt(i - 2) !== c || text.charCodeAt(i + 1) !== c) return false;
  if (text.charCodeAt(i - 3) === c || text.charCodeAt(i + 2) === c) return false;
  const classes = wordClasses(text.slice(i, i + 2));
  return (classes & (WordClass.Adverb | WordClass.Time | WordClass.Noun | WordClass.Adjective | WordClass.Status)) !== 0 &&
    (classes & (WordClass.Particle | WordClass.Verb)) === 0;
}

/**
 * XX a word (点点, 谈谈) that closes its clause after a noun of the lexicon ending with the first copy (起点|点。): XX
 * would leave the noun's first character alone, which it cannot be unless it is a function character or a numeral
 * (一点|点, 为人|人: 一点点, 我为人人 are read so).
 */
function nounThenXXAtEnd(text: string, i: number): boolean {
  if (isHanCode(text.charCodeAt(i + 2)) || matchLength(longestMatch(text, i + 1, -1)) !== 2) return false;
  const classes = wordClasses(text.slice(i - 1, i + 1));
  if (!(classes & WordClass.Noun) || classes & (WordClass.Verb | WordClass.Adverb | WordClass.Pronoun | WordClass.Numeral)) return false;
  return (wordClasses(text[i - 1]!) & FREE) === 0 && !DETERMINERS.has(text[i - 1]!);
}

/** Localizers after a meeting's name: 会上, 会后, 会前, 会中. */
const AT_MEETING = '上后前中';

/**
 * 会 doubled after a meeting's name and before a localizer (组织生活会会上, 座谈会会后): 会 is the name's last
 * character and the 会 of 会上 at once. The name is a content word + 会 (生活会, 座谈会, 推进会: neither dictionary
 * has them); not after a modal or adverb (不会, 将会), and not before a word the localizer starts (社会会上升).
 */
function isMeetingDouble(text: string, i: number): boolean {
  if (text[i] !== '会' || text[i + 1] !== '会' || !AT_MEETING.includes(text.charAt(i + 2))) return false;
  if (matchLength(longestMatch(text, i + 2)) >= 2) return false;
  const before = longestMatch(text, i, -1);
  const len = matchLength(before);
  const classes = matchClasses(before);
  if (len < 2 || !(classes & (WordClass.Noun | WordClass.Verb)) || classes & (WordClass.Adverb | WordClass.Pronoun)) return false;
  // 社会会…, 学会会…: a word that ends in 会 itself is the name (社会, 全会); only the lone 会 after it counts.
  return !isWord(text.slice(i - len + 1, i + 1));
}

/**
 * Is text[i, i + len) followed by a copy of itself a slip (as this rule judges doubles inside a line)?
 * Used by repeated-phrase for a word doubled across a line break, on the two lines joined.
 */
export function isSlipDouble(text: string, i: number, len: number): boolean {
  if (len < 1 || len > 4 || i < 0 || i + 2 * len > text.length) return false;
  if (len === 1) {
    return text.charCodeAt(i) === text.charCodeAt(i + 1) && (isSlipChar(text, i) || isLeftover(text, i) || isBridgeDouble(text, i) || isMeetingDouble(text, i) || isSplitDouble(text, i));
  }
  return isSlipUnit(text, i, len);
}

/*
 * The line being checked and its state, at module level: the helpers below were closures made afresh for
 * every line (three closures and their context per line, most of them never called). check is not re-entered.
 */
let cText = '';
const noReport = (_: Report): void => {};
let cReport: (r: Report) => void = noReport;
let budget = 0;
/** Reports must not overlap: candidates starting before this are dropped. */
let reportedTo = 0;

/** The lexicon's both-sides test, after the same run checks as isLeftover. */
function bridge(text: string, i: number): boolean {
  if (inRunOrPairs(text, i)) return false;
  return isBridgeDouble(text, i);
}

/** One character typed twice at [i, i + 2). */
function doubledChar(i: number): void {
  const text = cText;
  const ch = text[i]!;
  const redundancies = REDUNDANCY_BY_CHAR.get(ch);
  if (redundancies) {
    const at = i - 1;
    for (const [written, fix, notFollowedBy] of redundancies) {
      if (at < reportedTo || !text.startsWith(written, at)) continue;
      if (notFollowedBy && text.startsWith(notFollowedBy, at + written.length)) continue;
      cReport({ start: at, end: at + written.length, message: messages.redundancy(written, fix), replacements: [fix], severity: 'warning' });
      reportedTo = at + written.length;
      return;
    }
    return;
  }
  if (budget-- <= 0) return;
  if (isDoubledReduplication(text, i)) {
    cReport({ start: i - 2, end: i + 2, message: messages.doubledWord(ch + ch), replacements: [ch + ch] });
    reportedTo = i + 2;
    return;
  }
  if (!(NEVER.has(ch) && isSlipChar(text, i)) && !isLeftover(text, i) && !bridge(text, i) && !isMeetingDouble(text, i) && !isSplitDouble(text, i)) return;
  cReport({ start: i, end: i + 2, message: messages.doubledChar(ch), replacements: [ch] });
  reportedTo = i + 2;
}

/** A unit of `len` (2–4) Han characters typed twice at [i, i + 2 * len). */
function doubledUnit(i: number, len: number): void {
  const text = cText;
  if (budget-- <= 0) return;
  if (!isSlipUnit(text, i, len)) return;
  const unit = text.slice(i, i + len);
  cReport({ start: i, end: i + 2 * len, message: messages.doubledWord(unit), replacements: [unit] });
  reportedTo = i + 2 * len;
}

export default defineParagraphRule({
  meta: {
    id: 'repeated-word',
    category: 'repetition',
    severity: 'error',
    description: '检查误重复输入的字词，如“要要”“的的”“思想思想”，以及两个词交界处多打的字（如“理想信信念”“乡镇镇”）',
    fixable: true,
  },
  check(text, report) {
    const n = text.length;
    cText = text;
    cReport = report;
    budget = MAX_SEGMENTATIONS;
    reportedTo = 0;
    // One pass with the last seven code units in locals: a repeat ends at k when the code unit there
    // equals the one 1 (AA), 2 (ABAB), 3 or 4 places back and the units before match too.
    let p1 = -1, p2 = -1, p3 = -1, p4 = -1, p5 = -1, p6 = -1, p7 = -1;
    for (let k = 0; k < n; k++) {
      const c = text.charCodeAt(k);
      if (c >= 0x4e00 && c <= 0x9fff) {
        // Each distance is tried on its own: a unit may hold a character twice (越来越 typed twice ends at a 越 that
        // also equals the one two places back).
        if (c === p1) {
          if (k - 1 >= reportedTo) doubledChar(k - 1);
        } else {
          if (c === p2 && p1 === p3 && k - 3 >= reportedTo) doubledUnit(k - 3, 2);
          if (c === p3 && p1 === p4 && p2 === p5 && k - 5 >= reportedTo) doubledUnit(k - 5, 3);
          if (c === p4 && p1 === p5 && p2 === p6 && p3 === p7 && k - 7 >= reportedTo) doubledUnit(k - 7, 4);
        }
      }
      p7 = p6; p6 = p5; p5 = p4; p4 = p3; p3 = p2; p2 = p1; p1 = c;
    }
    cText = '';
    cReport = noReport;
  },
});
