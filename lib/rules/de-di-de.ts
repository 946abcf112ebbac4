/**
 * de-di-de: 的/地/得 misuse, decided from word classes (lib/lexicon) and the structure around the particle.
 *
 * 1. adverbial 地 — manner word + 的 + verb used verbally: "毫不动摇的坚持党的领导" → 地. The manner word is an
 *    adverb, status word, manner word or idiom in the lexicon, or has a manner shape (AABB 扎扎实实, ABA 手把手,
 *    X性 创造性, 有X 有计划, X化 常态化, 全/多X 全方位, two manner words 认真细致). The verb is a lexicon verb
 *    (or a coverb 为/把/向…) followed by an object, an aspect mark or a clause. Nominal uses stay: after a
 *    verb taking a noun phrase (进行认真的学习, 得到有效的落实, 通过认真的学习), before a head noun (积极的学习
 *    态度), as a subject (认真的学习是…), before a localiser (在…的推动下). A clause-final verb is verbal after a
 *    modal, after a subject-only clause start when a mark closes the statement (工作稳妥有序的进行。), or after a
 *    pivot verb's object (带领人民坚持不懈的奋斗); a verb with a result complement (理清, 摸清) always is; an
 *    adverb-only word (如实) settles a noun-like verb with an object; negation trusts a weak manner word
 *    (没有系统的思考如何…).
 * 2. lexical 得: words always written with 得 (觉得, 取得, 值得…) written as 觉的, 取的, 值的.
 * 3. complement 得 — verb + 的 + degree or result complement closing the clause: "讲的十分透彻，", "落实的不到位。",
 *    "开展的扎实有效。", "把工作做的有声有色" → 得. Not after 所 (所做的很多), nor when the complement is a noun
 *    (存在的不足, 遇到的困难) or an amount (收到的不多), nor after a person subject with a positive degree
 *    (大家反映的比较集中 = what everyone reports). In a 把-clause right after its object, a four-character
 *    description closing the clause is the complement (把道理讲的通俗易懂).
 * 4. 的 where 地/得 was written: 所V地/得 + noun (所取得地成绩), verb or adjective + 地 + noun (遇到地困难,
 *    优异地成绩), adjective + 得 + noun (优秀得党员). Only when 地/得 is not part of a word (各地, 取得, 获得感)
 *    and the noun is not the object of a verb reading (认真地总结经验). After a noun, a verb with its subject or a
 *    degree + adjective, looser heads count (headNounAfter: derived 号召力/示范者, nouns before a predicate,
 *    unknown nouns, four-character runs before 等/和); X者 after 得 (从业得示范者).
 * 5. 地/得 swapped: manner word + 得 + coverb or verb with its object → 地 (切实得把…, 耐心得倾听…), never after a plain
 *    adverb (一定得 is the modal děi) or a plain adjective (高兴得跳起来); verb + 地 + degree or negated complement
 *    closing the clause, and 地很 at a clause end → 得 (作用发挥地不够充分。, 担子重地很。).
 * Recall forms added for unseen drafts (tests/unit/rules/de-di-de-recall.test.ts):
 *    - 1: a one-character verb + a result character the table lacks (走好, 干好, 讲透: resultAfter) is a verb;
 *      ABAC frames (不折不扣, 任劳任怨) and a manner word + an unknown half (默默无闻, 深入浅出) are set phrases;
 *      light verbs take an action as object (进行谈心谈话), a determiner or a possessor opens an object (执行各项
 *      制度, 讲解党的理论), as do 在 + a place (奋战在一线) and an aspect mark (奉献着…); set descriptions (有条不紊,
 *      热火朝天) are manner words; a four-character phrase the table lacks right after a modal, before a verb with its
 *      object, is one too when its second half is no noun (modalPhrase: 要身体力行的践行…, 要开门见山的讲清任务).
 *    - predicate adverbs (正在, 仍然, 一直, 都…; not focus adverbs 就/只/甚至, not after a copula in the clause) make a
 *      clause-final V the predicate: 正在有序的推进。, 仍然普遍的存在。; so does a subject (with 的 inside) before a
 *      two-character adverb or manner word: 各项工作持续的推进。. A consequence verb with 了 after V (付出换来了…)
 *      keeps X的V a subject.
 *    - 3: a bare 不够 closing the clause is a complement (重视的还不够), except after verbs of giving and getting
 *      (提供的还不够) and after a person subject (我们做的还不够); 远远 is a degree adverb; a two-character predicate the
 *      table lacks after a noun + 的 + degree + predicate (设施老化的比较严重).
 *    - 4: 地/得 + a noun phrase closing the clause after a noun-phrase taker (checkTakenNounPhrase: 产生了深刻得影响,
 *      提供坚强有力地组织保证, 一次深刻地思想洗礼, 进行深入地调查研究), after 是 before a noun of means (是有效地培养载体),
 *      and 地 + a noun + a noun of state (真实地思想状况). Only at the clause end (before 的 the words may be a verb
 *      phrase in a relative clause), never after an unknown X地 that may be a place (三地, 属地), and 地 + a verb
 *      with its object stays (有效地推进工作, 深刻地认识到).
 * Structure forms for unseen drafts (tests/unit/rules/de-di-de-structure.test.ts):
 *    - 1: a verb carrying a predicate's mark after X的 — 了/着/过 with an object or a quantity after it, a directional
 *      complement (结合起来), a pivot object and its verb (动员党员参与) — makes X adverbial wherever it stands, a weak X
 *      (全面, 熟练, 有机) too, unless a noun-phrase taker (进行, 用, 以…) or a copula stands before X (markedPredicate); a
 *      weak X before a verb with its object is trusted after a subject alone, a modal or a predicate adverb (社区干部耐心的
 *      倾听群众诉求); 逐X (逐家) is a manner word; a verb of duration or result with 了 after V (持续了, 取得了) keeps X的V
 *      a subject (热烈的讨论持续了…).
 *    - 3: complements that only describe the doing, with any subject (doerComplement): potential 看的见/学的进/守的住,
 *      directional 站的出来, one-character manner words 走的稳/跑的勤, the doer's state 干的安心/谈的十分热烈; and 过 + a
 *      one-character adjective (拖的过久), 又A又B (修的又宽又平); a pronoun subject after a topic noun (这些要点他记的很清楚).
 *    - 4: more noun-phrase takers (开展, 留下, 采取, 面临…) and a head noun jieba calls a verb after one (发挥了积极地作用);
 *      a verb + 地 + an outcome noun (存在地问题, 查处地典型案例: verbDiProblem, not after place-forming verbs, 居住地); a noun
 *      or pronoun + 得 + a noun phrase + a predicate (学员得食宿由…, 他们得意见建议已…: nounDeSubject, not 得 "get" 实惠).
 *      The A天B地 frame (翻天覆地) counts as a set phrase before a taken 地 (发生了翻天覆地地变化).
 * Round 4 forms (tests/unit/rules/de-di-de-round4.test.ts):
 *    - 1: after a modal, V + a compound of two or three nouns closing the clause is V + object (要集中的展示主题教育工作
 *      成效: compoundObjectAfterModal); four-character phrases the table lacks opening with an adverb (始终如一, 一如既往,
 *      常抓不懈: adverbFirstPhrase) are unknown set phrases. Two subject readings stay 的: V + a second verb + a head noun
 *      with a predicate after it (有效的沟通协调机制正在形成: pairHeadsNoun), and X的V at a sentence start with a second
 *      verb carrying 了/着 (细心的排摸摸清了底数: subjectEvent).
 *    - 4: a verb + 地 + an attribute of rank + a noun (这些都是调研地主要内容: verbDiRankNoun).
 * Nominal V forms (tests/unit/rules/de-di-de-nominal.test.ts): X的V stays when V is a noun by its place —
 *    - a subject: a predicate right after V, or after V and a second verb (比, a predicate adverb 往往/始终, 离不开/在于, 督导检查
 *      已经…), a verb pair heading any noun-only noun with a verb + 了 after it (酝酿讨论环节保证了…), a second verb with
 *      出了/到了 at a sentence start (热烈的讨论碰撞出了…): predicateAfterVerb, subjectEvent;
 *    - an object: a verb-only word before X (出台, 拿出; not one taking a verb phrase, 继续/开始) and V + a noun closing
 *      the clause (要出台更加具体的扶持政策。): verbTakesPhrase;
 *    - in a relative clause: after a modal, a manner word + a verb (必须认真解决的突出问题) is no unknown set phrase (modalPhrase).
 * Breadth forms (tests/unit/rules/de-di-de-breadth.test.ts; found on tests/fixtures/dev-dedide-gen, words sampled by class):
 *    - 1: a verb pair whose second verb carries 了 after a subject or modal (全面的对照检视了…; not a consequence verb, not at a
 *      sentence start), an unknown set phrase before V了/着 + object (顺藤摸瓜的查清了…), a noun + 到 as a verb (深刻的体会到),
 *      AA reduplications the table lacks (时时) as manner words trusted like unknown phrases; a noun-tagged verb in a pair
 *      heading 工作/a head noun with V了 after it keeps the subject reading (广泛的宣传动员工作营造了…).
 *    - 3: a person subject with a verb that takes no object (干部成长的很快: INTRANSITIVES); in a 把-clause a one-character verb +
 *      a noun and an adjective (把主题党日搞的形式单一).
 *    - 5: V地 + a complement judging the doing (开展地扎实有效, 落实地比较到位: doneWell); a d-only adverb + 得 + a verb with its
 *      object (如实得填报…), never after the modal 得's company (一定得, 迟早得, 确实得).
 * Blind-draft forms (tests/unit/rules/de-di-de-blind.test.ts; classes read off the misses of tests/fixtures/dev-blind, drafts
 * written by people who read no rule, sorted by tests/fixtures/dev-dedide/sort-misses.ts):
 *    - 5/3: V地 + a complement after any verb — a degree, a negation or an amount after a longer verb (理解地还不深, 感受地最
 *      真切, 想地不多: diComplement), after a one-character verb only a negated description, X不X or a word + 一些 (查地不够深,
 *      干地好不好, 谈地具体一些: oneCharDiComplement; never after verbs taking 地 "land", 种地/占地); 一些/一点 tails and
 *      怎么样/如何 as complements after 的 too; directional 上去/回来/过来/出去/回去; potential 住 before any object; the
 *      verbs of withstanding (经/禁/耐/靠/对/信 + 得起/得住/得过) as lexical 得, and lexical 得 written 地 (经地起).
 *    - 4: 地 → 的 after a personal pronoun or a localiser after a noun (我地称呼, 岗位上地表现: diAfterPersonOrPlace), a verb
 *      closing a 对/凡是 case phrase (对顶风违纪地，: diCasePhrase), a noun after a noun-phrase taker (发挥党组织地战斗堡垒作用:
 *      takenNounDi); 得 → 的 after a verb ending in 得 (获得得) or a reduplicated description closing the clause (硬邦邦得，:
 *      doubledOrFinalDe), a verb + its object noun + 得 + a noun (修村里得路、: takenNounDe), after a verb of giving and its
 *      person (给了我很大得鼓舞: DOUBLE_OBJECT).
 *    - 1/5: AABB or AA (from an adjective) + 得 + a verb → 地 (仔仔细细得过了一遍, 慢慢得都…: reduplicatedDe); 一X一X + 的 + a
 *      plain verb closing the clause (一户一户的走访，: oneByOne); an adverb + 得 before a coverb where 觉得 overlaps (自觉得把)
 *      or a verb pair closing the clause (认真得研究办理。); in a 把-clause after its object, X的 + V为/成/作 (baResultVerb).
 *    - no set phrase holds 是 or ends in a pronoun (以上是我的对照检查), and 存在 takes no complement (存在的不足).
 * Besides the word classes, a few shapes stand for classes the pruned table lacks: 一A一B frames (一点一滴) and
 * unknown four-character set phrases (trusted only before a coverb or a verb with an object or a result mark),
 * excess/slight degree adverbs (过于, 有些) before complements, derived nouns X度/X率/X性/X力/X感 after 得, and
 * parallel V的C clauses (风险点找的准、措施定的实).
 * Verbs below the lexicon's main frequency floor (研读, 把关, 跟进: minorClassesAt, a hashed set outside the tries) count
 * where the table knows no longer word, as weak verbs (a clear object start, a mark or a plain verb after them), in
 * 1 and 5 after X的 (认真的研读原著) and in 3 before 的 + a complement (把关的十分严格).
 * Cost: indexOf scans for 的/地/得 and a few lexicon look-ups per hit; no segmentation.
 */
import { defineParagraphRule, type Report } from '../engine/rule';
import { charAtIn, charIn, isHanCode } from '../engine/text';
import {
  classesAt as lexClassesAt,
  isReduplicated,
  longestMatch as lexLongestMatch,
  matchClasses,
  matchLength,
  MAX_WORD_LENGTH,
  minorClassesAt as lexMinorClassesAt,
  WordClass as C,
  wordClasses,
  wordsEndingAt as lexWordsEndingAt,
  wordsStartingAt as lexWordsStartingAt,
} from '../lexicon';
import {
  BA_PARALLEL,
  PERSONS,
  CLAUSE_STARTERS,
  DEGREE_ADVERBS,
  HEAD_NOUNS,
  INTRANSITIVES,
  LEXICAL_DE,
  NOMINAL_TAKERS,
  NOT_TAKERS,
  PREDICATE_STARTS,
  PREPOSITIONS,
  SET_COMPLEMENTS,
  VERB_OBJECTS,
  WEAK_VERB_OBJECT,
} from './data/de-di-de';

type Reporter = (r: Report) => void;

// ---------------------------------------------------------------------------------------------
// Lexicon answers by position, memoised per line
//
// The checks of one line ask the lexicon about the same positions again and again (every 的/地/得 of the line
// looks at the words around it, and verbalAt, verbAt, surelyVerbal… each look again). check() hands the line
// to `memoLine`, which resets typed arrays indexed by position (grown, never reallocated per line); the
// wrappers below answer from them, and ask the lexicon once per position. A call on another string (a word,
// a slice) goes to the lexicon directly. Same names as the lexicon's functions, same answers.

let memoText = '';
/** longestMatch forward / backward at each position; -1: not asked yet. */
let memoForward = new Int32Array(256);
let memoBackward = new Int32Array(256);
/** classesAt(text, start, start + len) at start * 5 + len (len 1..4); -1: not asked yet. */
let memoClasses = new Int32Array(256 * 5);
/** minorClassesAt(text, start, start + 2); -1: not asked yet. */
let memoMinor = new Int32Array(256);
/** Bits (1 << len) of the words starting at a position (wordsStartingAt); -1: not asked yet. */
let memoStarts = new Int32Array(256);
/** Bits (1 << len) of the words ending at a position (wordsEndingAt); -1: not asked yet. */
let memoEnds = new Int32Array(256);

function memoLine(text: string): void {
  const n = text.length + 1;
  if (memoForward.length < n) {
    let size = memoForward.length;
    while (size < n) size *= 2;
    memoForward = new Int32Array(size);
    memoBackward = new Int32Array(size);
    memoClasses = new Int32Array(size * 5);
    memoMinor = new Int32Array(size);
    memoStarts = new Int32Array(size);
    memoEnds = new Int32Array(size);
  }
  memoText = text;
  memoForward.fill(-1, 0, n);
  memoBackward.fill(-1, 0, n);
  memoClasses.fill(-1, 0, n * 5);
  memoMinor.fill(-1, 0, n);
  memoStarts.fill(-1, 0, n);
  memoEnds.fill(-1, 0, n);
}

/** The lexicon's longestMatch, memoised by position for the line being checked. */
function longestMatch(text: string, start: number, dir: 1 | -1 = 1): number {
  if (text !== memoText || start < 0 || start > text.length) return lexLongestMatch(text, start, dir);
  const memo = dir === 1 ? memoForward : memoBackward;
  let m = memo[start]!;
  if (m < 0) memo[start] = m = lexLongestMatch(text, start, dir);
  return m;
}

/** The lexicon's classesAt, memoised by position and length for the line being checked. */
function classesAt(text: string, start: number, end: number): number {
  const len = end - start;
  if (text !== memoText || start < 0 || end > text.length || len < 1 || len > MAX_WORD_LENGTH) return lexClassesAt(text, start, end);
  const k = start * 5 + len;
  let c = memoClasses[k]!;
  if (c < 0) memoClasses[k] = c = lexClassesAt(text, start, end);
  return c;
}

/** The lexicon's minorClassesAt, memoised by position (two characters) for the line being checked. */
function minorClassesAt(text: string, start: number, end: number): number {
  if (text !== memoText || end - start !== 2 || start < 0 || end > text.length) return lexMinorClassesAt(text, start, end);
  let c = memoMinor[start]!;
  if (c < 0) memoMinor[start] = c = lexMinorClassesAt(text, start, end);
  return c;
}

/** The longest lexicon word (length ≥ minLength) starting at `start` (the lexicon's longestWordAt). */
function longestWordAt(text: string, start: number, minLength = 1): string | undefined {
  const len = matchLength(longestMatch(text, start, 1));
  return len >= minLength && len > 0 ? text.slice(start, start + len) : undefined;
}

/** The longest lexicon word (length ≥ minLength) ending at `end` (the lexicon's longestWordEndingAt). */
function longestWordEndingAt(text: string, end: number, minLength = 1): string | undefined {
  const len = matchLength(longestMatch(text, end, -1));
  return len >= minLength && len > 0 ? text.slice(end - len, end) : undefined;
}

/** Lexicon words (length ≥ minLength) starting at `start`, longest first (the lexicon's wordsStartingAt). */
function wordsStartingAt(text: string, start: number, minLength = 1): string[] {
  if (text !== memoText || start < 0 || start > text.length) return lexWordsStartingAt(text, start, minLength);
  let bits = memoStarts[start]!;
  if (bits < 0) {
    bits = 0;
    for (const w of lexWordsStartingAt(text, start, 1)) bits |= 1 << w.length;
    memoStarts[start] = bits;
  }
  const out: string[] = [];
  for (let len = MAX_WORD_LENGTH; len >= minLength && len > 0; len--) if (bits & (1 << len)) out.push(text.slice(start, start + len));
  return out;
}

/** Lexicon words (length ≥ minLength) ending at `end`, longest first (the lexicon's wordsEndingAt). */
function wordsEndingAt(text: string, end: number, minLength = 1): string[] {
  if (text !== memoText || end < 0 || end > text.length) return lexWordsEndingAt(text, end, minLength);
  let bits = memoEnds[end]!;
  if (bits < 0) {
    bits = 0;
    for (const w of lexWordsEndingAt(text, end, 1)) bits |= 1 << w.length;
    memoEnds[end] = bits;
  }
  const out: string[] = [];
  for (let len = MAX_WORD_LENGTH; len >= minLength && len > 0; len--) if (bits & (1 << len)) out.push(text.slice(end - len, end));
  return out;
}

const messages = {
  adverbial: (x: string) => `“${x}”修饰后面的动词，作状语，应用“地”`,
  lexical: (word: string, particle = '的') => `“${word}”是固定写法，“${particle}”应为“得”`,
  complement: (v: string) => `“${v}”后接补语，应用“得”`,
  attributive: (x: string, n: string) => `“${x}”修饰名词“${n}”，作定语，应用“的”`,
  suo: () => '“所”字结构修饰名词，应用“的”',
  casePhrase: () => '“的”字短语指称一类情况，应用“的”',
  closingDescription: (x: string) => `“${x}”是描写性词语，句中作谓语或定语时后面应用“的”`,
};

// ---------------------------------------------------------------------------------------------
// Look-up helpers

// Keyed by code unit, not by a one-character string: looking up text.charAt(i) made a string per Han character.
function byLastChar(words: readonly string[]): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const w of new Set(words)) {
    if (!w) continue;
    const last = w.charCodeAt(w.length - 1);
    const list = map.get(last) ?? [];
    list.push(w);
    map.set(last, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.length - a.length);
  return map;
}

function byFirstChar(words: readonly string[]): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const w of new Set(words)) {
    if (!w) continue;
    const list = map.get(w.charCodeAt(0)) ?? [];
    list.push(w);
    map.set(w.charCodeAt(0), list);
  }
  for (const list of map.values()) list.sort((a, b) => b.length - a.length);
  return map;
}

function wordAtStart(text: string, i: number, index: Map<number, string[]>): string | undefined {
  if (i < 0 || i >= text.length) return undefined;
  const list = index.get(text.charCodeAt(i));
  if (!list) return undefined;
  for (const w of list) if (text.startsWith(w, i)) return w;
  return undefined;
}

function wordEndingAt(text: string, end: number, index: Map<number, string[]>): string | undefined {
  if (end <= 0 || end > text.length) return undefined;
  const list = index.get(text.charCodeAt(end - 1));
  if (!list) return undefined;
  for (const w of list) if (end >= w.length && text.startsWith(w, end - w.length)) return w;
  return undefined;
}

/**
 * wordClasses(longestWordAt(text, i, min) ?? '') (dir 1) or of longestWordEndingAt (dir -1), without the
 * word's string: 0 when no word of at least `min` characters is there.
 */
function longestClasses(text: string, i: number, dir: 1 | -1, min: number): number {
  const m = longestMatch(text, i, dir);
  return matchLength(m) >= min ? matchClasses(m) : 0;
}

/** Are text[a, b) all Han ideographs? */
function hanRun(text: string, a: number, b: number): boolean {
  if (b > text.length) return false;
  for (let k = a; k < b; k++) if (!hanAt(text, k)) return false;
  return true;
}

/** Particles and aspect marks: no word the table lacks starts or ends with one (unknownPairAt). */
const PAIR_PARTICLES = '的地得了着过之';

/**
 * Two Han characters at p that read as one word the table lacks (its nouns and verbs are pruned: 食宿, 账目, 问效):
 * no known word starts at p + 1, the second is no particle (PAIR_PARTICLES), and the first none of `notFirst`
 * (the particles, and per caller the function words that would start a phrase instead). The caller has made
 * sure that no known word of two or more characters starts at p.
 */
function unknownPairAt(text: string, p: number, notFirst: string = PAIR_PARTICLES): boolean {
  return hanRun(text, p, p + 2) && !charAtIn(notFirst, text, p) && !charAtIn(PAIR_PARTICLES, text, p + 1) && matchLength(longestMatch(text, p + 1)) < 2;
}

/** Han ideograph (BMP) at index i. Surrogates count as non-Han, which only makes the rule stricter. */
function hanAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isHanCode(text.charCodeAt(i));
}

/** Longest lexicon word starting at i, or the single Han character when none is known. */
function wordAt(text: string, i: number): string {
  return longestWordAt(text, i) ?? text.charAt(i);
}

const HEAD_NOUN_INDEX = byFirstChar(HEAD_NOUNS);
const TWO_CHAR_HEAD_NOUNS = new Set(HEAD_NOUNS.filter((w) => w.length === 2));
const INTRANSITIVE = new Set(INTRANSITIVES);
const INTRANSITIVE_LAST = new Set(INTRANSITIVES.filter((w) => w.length === 2).map((w) => w.charCodeAt(1)));
const VERB_OBJECT_RE = new Map(Object.entries(VERB_OBJECTS).map(([v, nouns]) => [v, new RegExp(`(?:${nouns})`, 'y')]));
const WEAK_OBJECT = new RegExp(WEAK_VERB_OBJECT, 'y');
const PREPOSITION_BLOCK = new Map(
  Object.entries(PREPOSITIONS).map(([p, blocked]) => [p, new RegExp(`(?:${blocked})`, 'y')]),
);
/** 1 at the code unit of each one-character key of PREPOSITION_BLOCK (asked at every 的 and 地 candidate, without charAt's string). */
const PREPOSITION_KEY = new Uint8Array(0x10000);
for (const p of PREPOSITION_BLOCK.keys()) if (p.length === 1) PREPOSITION_KEY[p.charCodeAt(0)] = 1;

/** PREPOSITION_BLOCK.has(text.charAt(i)): past either end, false (charAt's '' is no key). */
function prepositionKeyAt(text: string, i: number): boolean {
  return PREPOSITION_KEY[text.charCodeAt(i)] === 1;
}
const TAKER_INDEX = byLastChar(NOMINAL_TAKERS);
const NOT_TAKER_INDEX = byLastChar(NOT_TAKERS);
const DEGREE_INDEX = byLastChar(DEGREE_ADVERBS);
const DEGREE_START_INDEX = byFirstChar(DEGREE_ADVERBS);
const STARTER_INDEX = byLastChar(CLAUSE_STARTERS);
const SET_COMPLEMENT_INDEX = byFirstChar(SET_COMPLEMENTS);
const SET_MANNER = new Set(SET_COMPLEMENTS.filter((w) => w.length === 4 && !w.startsWith('越来越') && w !== '深入人心'));
const BA_PARALLEL_RE = new RegExp(BA_PARALLEL, 'y');
const COORDINATORS = '、和与及';

const CLAUSE_END = '，。；：！？、,.;:!?）)”…—';
/** CLAUSE_END by code unit: one indexed read in the hottest test (a scan of the 18 marks was slower than includes). */
const CLAUSE_END_CODE = new Uint8Array(0x10000);
for (let k = 0; k < CLAUSE_END.length; k++) CLAUSE_END_CODE[CLAUSE_END.charCodeAt(k)] = 1;
function isClauseEnd(text: string, i: number): boolean {
  return i < 0 || i >= text.length || CLAUSE_END_CODE[text.charCodeAt(i)] === 1;
}

/** Verbs of consequence with an aspect mark, whose subject is an event (付出换来了, 参与推动了, 服务赢得了). */
const CONSEQUENCE = /(?:换来|换取|赢得|赢来|带来|带动|推动|促进|促成|激发|感动|打动|温暖|凝聚|铸就|成就|造就|持续|延续|贯穿|引起|取得)[了着]/y;

/** Question words that open a clausal object (思考如何…, 研究怎样…, 了解是否…). */
const CLAUSAL_OBJECT = /^(?:如何|怎样|怎么|是否|能否|为何)/;
/** Verbs carrying a result/aspect marker (规定出, 完成了, 处理好) are verbal whatever precedes them. */
const MARKED_VERB = /.[出了好到于]$/;
/**
 * Verbs with a result complement (理清, 摸清, 找准, 吃透, 抓牢, 盯紧) are verbal too: a verb that carries its
 * result takes an object and never heads a noun phrase (理清思路 is no kind of 思路). Only words the lexicon
 * knows as verbs and not as nouns or adjectives (清, 准… end 澄清, 标准 too).
 */
function markedVerb(verb: string): boolean {
  if (MARKED_VERB.test(verb)) return true;
  if (verb.length !== 2) return false;
  const c = wordClasses(verb);
  // (A one-character verb + result character the table lacks: verbAt built it, see resultAfter.)
  if (c === 0 && RESULT_CHARS.includes(verb.charAt(1))) return true;
  if (!'清准透牢紧'.includes(verb.charAt(1))) return false;
  return (c & C.Verb) !== 0 && (c & (C.Noun | C.Adjective)) === 0;
}
/** 的, 之 and localisers (中/下/上…) right after the verb, except in 中国/中央/上级… */
const LOCALISER = /[的之里时后前]|中(?![国央华共])|下(?!级)|上(?!级)/y;

const MANNER_CLASSES = C.Adverb | C.Status | C.Manner;
/** Words the table has as nouns or verbs only that official prose uses as manner words before a verb (有机地结合, 反复地研读). */
const MANNER_NOUNS = ['有机', '反复'];
/** Dimension nouns of 全X/多X manner words (全方位, 多层次, 多渠道, 全过程). */
const DIMENSIONS = ['方位', '层次', '角度', '渠道', '过程', '链条', '领域', '维度', '方面', '途径', '环节', '形式', '样化', '元化', '身心'];
/** Classes that make a manner word ambiguous (科学 science, 深入 enter, 主动 active…). */
const NOMINAL_CLASSES = C.Noun | C.Verb | C.Numeral | C.Pronoun | C.Time;
/** Copulas and existentials: "X的是", "X的有" are never adverbial. */
const COPULAS = '是有像叫姓属在';
const MODALS = '要应须能会将可该得';
/** Modal verbs that open a predicate: "要认真的学习" is 要 + adverbial + verb even without an object. */
const MODAL_RE = /(?:必须|务必|应当|应该|必需|应|须)$/;
/** "要" also takes noun objects (要积极的应对 = needs a positive response): only for verb series. */
const MODAL_OR_YAO_RE = /(?:必须|务必|应当|应该|必需|应|须|(?<![需重主只想])要)$/;

/** Is there a modal right before xStart, across at most two adverbs (要逐项扎实的推进)? */
function modalBefore(text: string, xStart: number, re: RegExp): boolean {
  let p = xStart;
  for (let k = 0; k < 3; k++) {
    if (re.test(text.slice(Math.max(0, p - 2), p))) return true;
    const adv = wordsEndingAt(text, p, 2).find((w) => wordClasses(w) & C.Adverb);
    if (!adv) return false;
    p -= adv.length;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// 1. adverbial 地: X的V

interface Manner {
  word: string;
  /** Also a noun, verb or plain adjective: trusted only at a clause start. */
  weak: boolean;
  /** A four-character phrase the lexicon does not know (unknownSetPhrase). */
  unknown?: boolean;
  /** Such a phrase opening with an adverb (始终如一: adverbFirstPhrase), which is no predicate adverb before X. */
  adverbFirst?: boolean;
}

/** Two-character word that can modify a verb: adverb, status, manner, adjective. */
function mannerish(w: string): boolean {
  const c = wordClasses(w);
  return (c & (MANNER_CLASSES | C.Adjective | C.Complement)) !== 0;
}

/** The manner word X ending at `end` (just before 的), by class or by shape. */
/** Classes that show a string is a phrase of its own words (党员干部, 群众反映, 八项规定), not a set phrase. */
const CONTENT_CLASSES = C.Noun | C.Verb | C.Pronoun | C.Numeral | C.Time | C.Preposition;

/**
 * A four-character set phrase the table lacks (设身处地, 动真碰硬, 因村施策): four Han characters, not a known
 * word, whose halves are not nouns, verbs or other content words of their own.
 */
function unknownSetPhrase(x: string): boolean {
  if (x.length !== 4 || wordClasses(x) !== 0) return false;
  for (let k = 0; k < 4; k++) if (!isHanCode(x.charCodeAt(k))) return false;
  // No known word inside (和战斗力, 将调整后, 法实施中), and no conjunction, pronoun, adverb or copula first
  // (而经常性, 是党支部), no localiser or aspect mark last.
  for (let k = 0; k < 3; k++) if (wordClasses(x.slice(k, k + 2)) & (CONTENT_CLASSES | C.Adverb)) return false;
  const first = wordClasses(x.charAt(0));
  const last = wordClasses(x.charAt(3));
  if (COPULAS.includes(x.charAt(0)) || MODALS.includes(x.charAt(0))) return false;
  // (A copula inside or a pronoun last is a clause of its own: 以上是我, 这就是他.)
  if (x.includes('是') || classesAt(x, 3, 4) & C.Pronoun) return false;
  return !(first & (C.Conjunction | C.Pronoun | C.Adverb)) && !(last & C.Localizer) && !'了着过之'.includes(x.charAt(3));
}

/**
 * Four-character set phrases the table lacks that open with an adverb or a function word (始终如一, 始终不渝, 一如既往), or
 * an unknown half opening with an adverb and a negated 不X (常抓不懈): the adverb half keeps them from the other
 * set-phrase tests, which ask for halves of no class. The other half must be unknown or a pronoun of manner (如一;
 * not 这样/那样), so an adverb + a word of its own (一直期盼, 始终坚持, 更加深刻) stays out. (不A其B was tried for
 * 不厌其烦: it takes 不计其数, an amount, too.)
 * Trusted like the other unknown set phrases: only before a coverb or a verb with its object.
 */
function adverbFirstPhrase(x: string, a: number, b: number): boolean {
  const content = C.Noun | C.Verb | C.Adjective | C.Time | C.Localizer | C.Numeral | C.Measure | C.Attributive;
  if (a === 0 && x.charAt(2) === '不' && classesAt(x, 0, 1) & C.Adverb && !(b & (C.Noun | C.Verb))) return true;
  // (The other half a word the table lacks or a pronoun: an adverb + a manner word, 更加深刻, is two words.)
  return (a & (C.Adverb | C.Conjunction)) !== 0 && !(a & (content | C.Pronoun)) && (b & ~C.Pronoun) === 0 && !charIn('这那什怎', x, 2);
}

/** 有X性, AABB and ABA: shapes that are manner words whatever the lexicon says (cheap character tests). */
function mannerShape(x: string): boolean {
  if (x.length === 4) return (x[0] === '有' && x[3] === '性') || (x[0] === x[1] && x[2] === x[3]);
  return x.length === 3 && x[0] === x[2] && x[0] !== x[1];
}

/** Is text[i] a code unit that a regex "." matches (anything but a line terminator)? */
function dotAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === c && c !== 0x0a && c !== 0x0d && c !== 0x2028 && c !== 0x2029;
}

/** /^一.一个..$/ on text[end - 6, end), without slicing it out (called at every 的/地 candidate). */
function yiXYiGeAt(text: string, end: number): boolean {
  if (end < 6 || end > text.length) return false;
  return text.charCodeAt(end - 6) === 0x4e00 && dotAt(text, end - 5) && text.charCodeAt(end - 4) === 0x4e00 &&
    text.charCodeAt(end - 3) === 0x4e2a && dotAt(text, end - 2) && dotAt(text, end - 1);
}

function mannerBefore(text: string, end: number): Manner | undefined {
  // 一步一个脚印, 一年一个样: the 一X一个Y set form.
  if (yiXYiGeAt(text, end)) return { word: text.slice(end - 6, end), weak: false };
  for (let len = 4; len >= 2; len--) {
    const start = end - len;
    if (start < 0 || !hanAt(text, start)) continue;
    const x = text.slice(start, end);
    // X must start at a word boundary: 安全标准 holds no 全标准. A word ending right before X of a manner
    // shape (坚持|有针对性, where 持有 also reads; AABB, ABA) is a boundary too.
    if (hanAt(text, start - 1) && matchLength(longestMatch(text, start - 1)) >= 2 && !(mannerShape(x) && matchLength(longestMatch(text, start, -1)) >= 2))
      continue;
    const c = wordClasses(x);
    if (len === 4) {
      if (isReduplicated(x) || /^一(.)一\1$/.test(x) || /^毫不/.test(x)) return { word: x, weak: false };
      // 一A一B (一点一滴, 一心一意, 一笔一画, 一家一户): a set frame the table mostly lacks (jieba tags 一点一滴 as a
      // numeral). It names things too (一言一行, 一草一木), so it counts like an unknown set phrase: only before a
      // coverb or a verb with its object.
      // Not a frequency (一年一度, 一月一次, 一周一评): a time unit or a frequency measure makes a schedule, an attribute.
      if (x.charAt(0) === '一' && x.charAt(2) === '一' && hanAt(x, 1) && hanAt(x, 3) && x.charAt(1) !== '个' && x.charAt(3) !== '个' &&
        !'年月季周日天旬'.includes(x.charAt(1)) && !'度次回届期轮'.includes(x.charAt(3)))
        return { word: x, weak: false, unknown: true };
      if (x[0] === '有' && /性$/.test(x)) return { word: x, weak: false }; // 有针对性, 有计划性
      if (c & (MANNER_CLASSES | C.Idiom)) return { word: x, weak: false };
      // The set descriptions of how a thing is done (有条不紊, 热火朝天, 有声有色): complements after 得, manner words
      // before 地. (Not 越来越好: a degree of change, no manner.)
      if (SET_MANNER.has(x)) return { word: x, weak: false };
      // ABAC set frames the table lacks (不折不扣, 任劳任怨, 尽心尽力, 自查自纠, 边学边改), and a manner word + a half
      // the table does not know (默默无闻, 深入浅出): set phrases, trusted like unknown ones (only before a coverb or
      // a verb with its object). Not when a half is a noun, place or time (线上线下, 党内党外).
      if (c === 0 && hanRun(x, 0, 4) && !/[的地得了着过之]/.test(x)) {
        const a = wordClasses(x.slice(0, 2));
        const b = wordClasses(x.slice(2));
        const nominal = C.Noun | C.Localizer | C.Time | C.Numeral | C.Pronoun | C.Measure;
        if (x[0] === x[2] && x[1] !== x[3] && !((a | b) & nominal) && !COPULAS.includes(x.charAt(0)) && x.charAt(0) !== '要')
          return { word: x, weak: false, unknown: true };
        // (The manner half a manner or status word, or a reduplicated adverb, 默默: not a plain adverb, 一直期盼.)
        if (b === 0 && (a & (C.Manner | C.Status) || (a & C.Adverb && x[0] === x[1])) && !(a & (C.Noun | C.Pronoun | C.Conjunction)) && matchLength(longestMatch(x, 2)) < 2 &&
          matchLength(longestMatch(x, 1)) < 2)
          return { word: x, weak: false, unknown: true };
        if (adverbFirstPhrase(x, a, b)) return { word: x, weak: false, unknown: true, adverbFirst: true };
      }
      // Two manner words side by side: 认真细致, 全面系统, 扎实有效.
      const a = x.slice(0, 2);
      const b = x.slice(2);
      if (mannerish(a) && mannerish(b) && !(wordClasses(a) & C.Noun && !(wordClasses(a) & MANNER_CLASSES)))
        return { word: x, weak: false };
      continue;
    }
    if (len === 3) {
      if (c & MANNER_CLASSES) return { word: x, weak: false };
      // 手把手, 面对面, 一对一; X性 (创造性), 有X (有计划), X化 (常态化), 全X/多X (全方位, 多层次).
      if (x[0] === x[2] && x[0] !== x[1]) return { word: x, weak: false };
      // 有X with X a noun or verb, or a word the table lacks (有步骤); not an adjective (有效 + …).
      const yx = wordClasses(x.slice(1));
      if (/^有/.test(x) && (yx === 0 || yx & (C.Noun | C.Verb)) && !(yx & C.Adjective))
        return { word: x, weak: false };
      if (/[性化]$/.test(x) && !(c & C.Noun)) return { word: x, weak: true };
      if (/^[全多]/.test(x) && DIMENSIONS.includes(x.slice(1))) return { word: x, weak: false };
      continue;
    }
    // Two characters.
    // Also a noun, verb or numeral (科学, 全面, 深入, 十分): only at a clause start. Attributives and
    // conjunctions jieba gives to manner words (主动 b, 及时 c) do not make them weak.
    // (Not a verb that takes no object jieba tags as an adverb: 进步 d, 群众进步的愿望.)
    if (c & MANNER_CLASSES) return c & C.Adverb && INTRANSITIVE.has(x) ? undefined : { word: x, weak: (c & NOMINAL_CLASSES) !== 0 && !(c & (C.Adverb | C.Status)) };
    if (c & C.Adjective && !(c & C.Noun)) return { word: x, weak: true };
    // 逐 + a unit the table lacks (逐家, 逐户, 逐村): one by one, an adverbial only.
    if (c === 0 && x.charCodeAt(0) === 0x9010 /* 逐 */) return { word: x, weak: false };
    // Nouns and verbs the genre uses as manner words (有机的结合, 反复的修改): weak, like the other noun-like ones.
    if (MANNER_NOUNS.includes(x)) return { word: x, weak: true };
    // AA reduplications the table lacks (静静, 轻轻, 满满): manner words before a verb, but also attributes (满满的收获), so
    // trusted like an unknown set phrase (only before a coverb or a verb with its object).
    if (c === 0 && x.charCodeAt(0) === x.charCodeAt(1) && !charAtIn('的地得了着过之', x, 0)) return { word: x, weak: false, unknown: true };
  }
  // Last resort, an unknown set phrase, trusted only before a coverb or a verb with an object (checkAdverbial).
  const x = text.slice(end - 4, end);
  if (end >= 4 && unknownSetPhrase(x) && !(hanAt(text, end - 5) && matchLength(longestMatch(text, end - 5)) >= 2))
    return { word: x, weak: false, unknown: true };
  return undefined;
}

/** Position just before X after dropping degree adverbs ("得到了更加有效的" → before 了). */
function skipDegree(text: string, pos: number): number {
  let p = pos;
  for (let guard = 0; guard < 3; guard++) {
    const d = wordEndingAt(text, p, DEGREE_INDEX);
    if (!d) break;
    p -= d.length;
  }
  return p;
}

/**
 * Does the word before X take "X的V" as a noun phrase object ("进行全面的了解", "得到了更好的发挥")?
 * Coordinated manner words ("多层次、全方位的了解") are looked through.
 */
function takesNounPhrase(text: string, xStart: number, verbObject = false, de = -1): boolean {
  let p = skipDegree(text, xStart);
  for (let guard = 0; guard < 4; guard++) {
    const c = text.charCodeAt(p - 1);
    if (c === 0x4e86 /* 了 */ || c === 0x7740 /* 着 */) p--;
    if (wordEndingAt(text, p, NOT_TAKER_INDEX)) return false;
    const taker = wordEndingAt(text, p, TAKER_INDEX);
    if (!taker) return false;
    // A noun that ends in a taker (党组织, 基层组织) is a subject, not the taker: 各村党组织积极的动员党员….
    if (taker.length >= 2 && verbObject) {
      const whole = longestMatch(text, p, -1);
      if (matchLength(whole) > taker.length && (matchClasses(whole) & (C.Noun | C.Verb)) === C.Noun) return false;
    }
    // A one-character taker must be a word there: 作 ends 工作 (发展党员工作稳妥有序的进行), 在 ends 存在.
    if (taker.length === 1 && !COORDINATORS.includes(taker) && taker !== '的' && taker !== '之') {
      const word = longestWordEndingAt(text, p, 2);
      if (word !== undefined && wordEndingAt(text, p, TAKER_INDEX) === taker && !(wordClasses(word) & (C.Measure | C.Numeral | C.Pronoun))) return false;
    }
    // 坚持 takes a noun phrase (坚持正确的方向) or a verb phrase (坚持有针对性地开展谈话): a verb with its own
    // object after X decides for the verb phrase.
    if (verbObject && wordEndingAt(text, p, STARTER_INDEX) === taker) return false;
    // X于 (满足于, 致力于, 由于, 得益于) takes a verb phrase as readily as a noun phrase: a verb with its own object
    // after X decides for the verb phrase (满足于按部就班地完成任务).
    // (The object must be a noun: 得益于有效的沟通协调 is two verbs as one noun phrase.)
    if (verbObject && taker === '于' && de >= 0 && objectAfterVerb(text, de + 1)) return false;
    if (taker.length === 1 && COORDINATORS.includes(taker)) {
      const prev = mannerBefore(text, p - 1);
      if (prev) {
        p = skipDegree(text, p - 1 - prev.word.length);
        continue;
      }
    }
    return true;
  }
  return true;
}

function atClauseStart(text: string, xStart: number): boolean {
  const p = skipDegree(text, xStart);
  if (!hanAt(text, p - 1)) return true;
  return wordEndingAt(text, p, STARTER_INDEX) !== undefined;
}

/** Is the verb (ending at vEnd) used verbally, judging from what follows it? */
function verbalContinuation(text: string, vEnd: number, verb: string): boolean {
  const c = text.charCodeAt(vEnd);
  // "清醒的认识到，…": a perception verb with 到 may take a whole clause after a comma.
  if ((c === 0xff0c /* ， */ || c === 0xff1a /* ： */ || c === 0x2c /* , */) && verb.endsWith('到') && verb.length > 1) return hanAt(text, vEnd + 1);
  if (!hanAt(text, vEnd) && c !== 0x201c /* “ */ && c !== 0x300a /* 《 */) return false;
  // "在…的推动下", "深入的了解中", "全面的落实上": a localiser after the verb closes a noun phrase.
  LOCALISER.lastIndex = vEnd;
  if (LOCALISER.test(text)) return false;
  if (c === 0x548c /* 和 */ || c === 0x4e0e /* 与 */ || c === 0x53ca /* 及 */ || c === 0x5e76 /* 并 */ || c === 0x3001 /* 、 */) {
    // "提出和解决问题": coordinated verbs are fine, "了解和认识" + noun is not sure.
    const next = verbAt(text, vEnd + 1);
    return next !== undefined && !next.weak && verbalContinuation(text, vEnd + 1 + next.word.length, next.word);
  }
  if (charIn(PREDICATE_STARTS, text, vEnd)) return false;
  // A verb of consequence with its aspect mark after V (付出换来了…, 参与推动了…): X的V is its subject, an event.
  CONSEQUENCE.lastIndex = vEnd;
  if (CONSEQUENCE.test(text)) return false;
  // 做好/规定出/完成了 cannot modify a noun: whatever follows is its object.
  if (markedVerb(verb)) return true;
  // A determiner or personal pronoun after the verb opens its object (执行各项制度, 落实这些措施, 支持他们): a noun
  // phrase's head verb is never followed by one.
  const pm = longestMatch(text, vEnd);
  if ((matchLength(pm) >= 2 && (matchClasses(pm) & (C.Pronoun | C.Noun | C.Verb)) === C.Pronoun) || text.charCodeAt(vEnd) === 0x6bcf /* 每 */) return true;
  // A head noun right after the verb, or after one more two-character word ("推进工作机制"), makes a noun
  // phrase, unless it is the verb's usual object ("发挥作用").
  const objects = VERB_OBJECT_RE.get(verb);
  if (objects) {
    objects.lastIndex = vEnd;
    if (objects.test(text)) return true;
  }
  const head = wordAtStart(text, vEnd, HEAD_NOUN_INDEX);
  // 形式主义, 标准化: a longer word that starts with a head noun is no head noun; nor is one followed by a noun that
  // closes the clause, after a verb that is no noun (加强理论武装。, 推进制度建设，): the compound is its object.
  // (作风建设: a head noun followed by the noun it modifies is no head.)
  if (head !== undefined && !text.startsWith('主义', vEnd + head.length) && wordAt(text, vEnd).length <= head.length &&
    !(head === '作风' && longestClasses(text, vEnd + 2, 1, 2) & C.Noun) &&
    !compoundObject(text, vEnd + head.length, verb)) return false;
  // A question word opens a clause as the verb's object (思考如何改进工作方法): no head noun after it counts.
  if (CLAUSAL_OBJECT.test(text.slice(vEnd, vEnd + 2))) return true;
  if (pairHeadsNoun(text, vEnd)) return false;
  // "推进工作机制，", "创新创业服务体系，": a head noun closing the clause a few words later makes the whole
  // run a noun phrase.
  // (A 的 inside the run makes it the verb's object, 讲解党的创新理论: a compound noun holds no 的.)
  let stop = vEnd;
  while (stop < vEnd + 9 && hanAt(text, stop) && text.charCodeAt(stop) !== 0x7684 /* 的 */) stop++;
  for (let e = vEnd + 3; e <= stop; e++) {
    // (Not after 等: "报告家庭成员从业等情况" closes an enumerated object of the verb, not a compound with it.)
    if (!hanAt(text, e) && TWO_CHAR_HEAD_NOUNS.has(text.slice(e - 2, e)) && text.charCodeAt(e - 3) !== 0x7b49 /* 等 */) {
      if (objects) {
        objects.lastIndex = e - 2;
        if (objects.test(text)) return true; // 发挥先锋模范作用: the verb's usual object
      }
      return false;
    }
  }
  // The verb and what follows must not be one word the lexicon knows as a noun (推进会 is no 推进 + 会).
  return true;
}

/**
 * A second verb and a head noun after V, with the clause going on after the noun (深入的走访调研活动摸清了实情, 有效的沟通
 * 协调机制正在形成, 持续的整改落实工作仍需加强): two verbs side by side heading a noun make one compound noun phrase, and a
 * predicate after it (a word that is no noun) makes X的V… its subject. The second verb is a two-character verb or two
 * characters the table lacks (问效: its verbs are pruned); the head a head noun, or 工作/活动 (the commonest heads of
 * verb pairs, 宣传教育活动), which as a verb pair's object (开展活动) end the clause instead.
 */
function pairHeadsNoun(text: string, vEnd: number): boolean {
  const v2 = longestMatch(text, vEnd);
  const l2 = matchLength(v2);
  const h = vEnd + 2;
  // A verb jieba tags as a noun only (动员, 督导) as the second: a pair only when its head has a verb with 了/着 after it
  // (广泛的宣传动员工作营造了…), the subject reading the plain noun-only case below also asks for.
  if (l2 === 2 && charIn('了着', text, h + 4) && (matchClasses(v2) & (C.Noun | C.Verb | C.Pronoun | C.Time | C.Localizer)) === C.Noun && !PERSONS.includes(text.slice(vEnd, h))) {
    const hl = wordAtStart(text, h, HEAD_NOUN_INDEX)?.length === 2 || text.startsWith('工作', h) || text.startsWith('活动', h) ? 2 : 0;
    const v3 = longestMatch(text, h + hl);
    if (hl === 2 && matchLength(v3) === 2 && (matchClasses(v3) & C.Verb) !== 0 && charIn('了着', text, h + 4)) return true;
  }
  if (l2 === 2 ? !(matchClasses(v2) & C.Verb) : l2 > 2 || !unknownPairAt(text, vEnd, `${PAIR_PARTICLES}和与及`)) return false;
  const head = wordAtStart(text, h, HEAD_NOUN_INDEX);
  const hm = longestMatch(text, h);
  const hl = head !== undefined && head.length === 2 ? 2 : text.startsWith('工作', h) || text.startsWith('活动', h) ? 2 : 0;
  if (hl === 0) {
    // Any other noun-only head (环节, 队伍, 小组) when a verb with 了/着 follows it (充分的酝酿讨论环节保证了…): the pair
    // and its noun are the subject of that verb. Not a person (宣传动员群众参加了…: the pivot's object does the verb).
    if (matchLength(hm) !== 2 || (matchClasses(hm) & (C.Noun | C.Verb | C.Adjective | C.Pronoun)) !== C.Noun || PERSONS.includes(text.slice(h, h + 2))) return false;
    const v3 = longestMatch(text, h + 2);
    return matchLength(v3) === 2 && (matchClasses(v3) & C.Verb) !== 0 && charIn('了着', text, h + 4);
  }
  if (matchLength(hm) > 2) return false;
  const next = longestMatch(text, h + 2);
  return hanAt(text, h + 2) && !charAtIn('的之和与及', text, h + 2) && !(matchClasses(next) & C.Noun);
}

/**
 * After V, a predicate whose subject X的V is (V used as a noun): a comparison 比 (冷静的思考比盲目的行动…), an adverb that
 * modifies predicates only and is no degree adverb (盲目的扩张往往带来…; 更/很 may open an object's attribute, 更深层次的问题),
 * a predicate taking an action as subject (稳步的推进离不开…: nominalSubjectPredicate), or a verb pair heading a noun with a
 * predicate after it (pairHeadsNoun). A verb used verbally is followed by its object, a mark or a complement, never by
 * these. (也/都/是… are PREDICATE_STARTS, already a stop in verbalContinuation.)
 */
function predicateAfterVerb(text: string, de: number): boolean {
  const verb = verbAt(text, de + 1);
  if (verb === undefined) return false;
  const e = de + 1 + verb.word.length;
  if (!hanAt(text, e)) return false;
  if (pairHeadsNoun(text, e) || subjectPredicateAt(text, e)) return true;
  // (Or after a second verb, the pair as one noun phrase: 全面的督导检查已经结束。)
  const m = longestMatch(text, e);
  return matchLength(m) === 2 && (matchClasses(m) & (C.Verb | C.Adjective | C.Adverb)) === C.Verb && subjectPredicateAt(text, e + 2);
}

function subjectPredicateAt(text: string, e: number): boolean {
  if (!hanAt(text, e)) return false;
  const m = longestMatch(text, e);
  const len = matchLength(m);
  if (len <= 1 && text.charCodeAt(e) === 0x6bd4 /* 比 */ && hanAt(text, e + 1)) return true;
  if (len >= 2 && adverbOnly(matchClasses(m)) && wordAtStart(text, e, DEGREE_START_INDEX) === undefined) return true;
  FREQUENCY.lastIndex = e;
  return FREQUENCY.test(text) || nominalSubjectPredicate(text, e);
}

/** Adverbs of frequency the lexicon tags as time words or conjunctions (往往, 总是): predicate adverbs too. */
const FREQUENCY = /(?:往往|总是|向来|历来|一向|每每)/y;

/** Verbs taking a verb phrase as object (继续认真地学习, 开始主动地思考): a manner word after them may be adverbial. */
const VP_TAKERS = /(?:继续|开始|注意|争取|力求|设法|着手|尝试|学会|懂得|习惯|负责|坚持|善于|敢于|勇于|注重|努力)$/;

/**
 * A verb of its own before X (after degree adverbs) and V + a noun closing the clause (要出台更加具体的扶持政策。, 制定切实可行的
 * 帮扶措施。): the clause's verb is before X, so X的V N is its object, a noun phrase headed by the noun. Only a known
 * verb of two or more characters that is no noun, adjective or adverb (those may be subjects or manner words), and not
 * one taking a verb phrase (VP_TAKERS).
 */
function verbTakesPhrase(text: string, de: number, xStart: number): boolean {
  const p = skipDegree(text, xStart);
  const m = longestMatch(text, p, -1);
  if (matchLength(m) < 2 || (matchClasses(m) & (C.Verb | C.Noun | C.Adjective | C.Adverb | C.Manner | C.Status | C.Pronoun)) !== C.Verb) return false;
  if (VP_TAKERS.test(text.slice(Math.max(0, p - 2), p))) return false;
  const verb = verbAt(text, de + 1);
  if (verb === undefined) return false;
  const e = de + 1 + verb.word.length;
  const n = longestMatch(text, e);
  return matchLength(n) >= 2 && (matchClasses(n) & (C.Noun | C.Verb | C.Adjective | C.Pronoun)) === C.Noun && isClauseEnd(text, e + matchLength(n));
}

/** A noun-only word of two or more characters at i closing the clause, after a verb the lexicon knows as no noun. */
function compoundObject(text: string, i: number, verb: string): boolean {
  if (wordClasses(verb) & (C.Noun | C.Adjective)) return false;
  const m = longestMatch(text, i);
  const c = matchClasses(m);
  return matchLength(m) >= 2 && (c & C.Noun) !== 0 && !(c & C.Adjective) && isClauseEnd(text, i + (matchLength(m))) && text.charCodeAt(i + (matchLength(m))) !== 0x3001 /* 、 */;
}

interface Verb {
  word: string;
  /** Also a noun in the lexicon (研究, 管理): needs a clear object start. */
  weak: boolean;
}

/** Result characters of verb + result compounds (走好, 讲透, 查清, 学深, 读懂, 弄通). */
const RESULT_CHARS = '好清透准牢实细深懂通完';

/**
 * A result character at i closing a one-character verb (走好新时代…): one of RESULT_CHARS, starting no word of its
 * own (实际, 深入, 通过, 好处), followed by a Han character or a clause mark.
 */
function resultAfter(text: string, i: number): boolean {
  return charAtIn(RESULT_CHARS, text, i) && matchLength(longestMatch(text, i)) < 2 && (hanAt(text, i + 1) || isClauseEnd(text, i + 1)) &&
    !charAtIn('的地得了着过', text, i + 1);
}

/** The verb starting at i: the longest lexicon word there, when it is a verb. */
function verbAt(text: string, i: number): Verb | undefined {
  const m = longestMatch(text, i);
  const c = matchClasses(m);
  // A two-character verb below the main table's floor (研读, 把关, 跟进: the lexicon's extra verbs) where the table
  // knows no longer word. Weak, like a verb that is also a noun: rarer words are more often used as nouns in the
  // genre (谈心谈话), so it needs a clear object start, a mark or a plain verb after it.
  if (matchLength(m) < 2 && minorClassesAt(text, i, i + 2) & C.Verb) return { word: text.slice(i, i + 2), weak: true };
  // A noun jieba gives no verb tag with the result mark 到 (体会到, 意识到, 通知到): only a verb takes it. (到 as a character
  // of its own, not 到位/到底.)
  if (matchLength(m) === 2 && c & C.Noun && !(c & (C.Pronoun | C.Time | C.Localizer)) && text.charCodeAt(i + 2) === 0x5230 /* 到 */ &&
    matchLength(longestMatch(text, i + 2)) < 2 && (hanAt(text, i + 3) || isClauseEnd(text, i + 3)) && !charAtIn('的地得之', text, i + 3))
    return { word: text.slice(i, i + 3), weak: false };
  if (!(c & C.Verb)) return undefined;
  const w = text.slice(i, i + (matchLength(m)));
  if (w.length === 1 && COPULAS.includes(w)) return undefined;
  // 不够, 没有: a negated predicate (落实的不够到位) is a complement, not a verb after an adverbial.
  if (w[0] === '不' || w[0] === '没') return undefined;
  if (w.length === 1) {
    // A one-character verb with a result character the table lacks as a word (走好, 干好, 讲透, 查清): a verb
    // carrying its result, which never heads a noun phrase. The result character must not start a word (抓实际).
    if (resultAfter(text, i + 1) && !(c & (C.Measure | C.Numeral | C.Adjective))) return { word: text.slice(i, i + 2), weak: false };
    // A single character that is also a noun, adjective or measure word (会, 长, 点) is too ambiguous, and so
    // is one not followed by a known noun object (抓作风): it may start a word the table lacks (应对).
    if (c & (C.Noun | C.Adjective | C.Measure | C.Numeral)) return undefined;
    // The object may itself be a verb, the genre's 抓落实, 抓整改 (a task named by its action).
    if (!(longestClasses(text, i + 1, 1, 2) & (C.Noun | C.Pronoun | C.Verb))) return undefined;
  }
  return { word: w, weak: (c & (C.Noun | C.Adjective)) !== 0 };
}

function prepositionAt(text: string, i: number): boolean {
  const blocked = PREPOSITION_BLOCK.get(text.charAt(i));
  if (!blocked) return false;
  if (!hanAt(text, i + 1) && text.charCodeAt(i + 1) !== 0x201c /* “ */) return false;
  blocked.lastIndex = i + 1;
  return !blocked.test(text);
}

/** Verbs whose object is a noun phrase, before X地 + noun (发生了深刻地变化): the 地 should be 的. */
const REVERSE_TAKERS = ['发生', '进行', '取得', '得到', '受到', '作出', '做出', '给予', '加以', '予以', '产生', '形成', '带来', '赢得', '获得', '提供', '引起'];
const REVERSE_TAKER = new RegExp(`(?:${REVERSE_TAKERS.join('|')})了?$`);

/** Coverbs beyond PREPOSITIONS (which have their own exceptions): not conjunctions (与, 和, 同, 跟 stay out). */
const COVERBS = '用以对按给';

/** Result and aspect marks that make the word before them a verb (规定出, 研究了, 落实好). */
const VERB_MARKS = '出了着过好到';

/**
 * Is the word after 的 a verb used verbally? 'object' when it has an object or a following verb,
 * 'end' when it closes the clause by itself (分析，), false otherwise.
 */
/**
 * Two nouns from i closing the clause: a noun that is no verb or adjective, or a two-character word the table
 * lacks (its nouns are pruned harder than its verbs: 物业), then a known noun that is no verb or adjective.
 */
/** A longestMatch result that is a word of two or more characters, a noun and no verb or adjective. */
function pureNoun(m: number): boolean {
  return matchLength(m) >= 2 && (matchClasses(m) & (C.Noun | C.Verb | C.Adjective)) === C.Noun;
}

function nounNounAt(text: string, i: number): boolean {
  const m1 = longestMatch(text, i);
  let n = i;
  if (pureNoun(m1)) n += matchLength(m1);
  else if (matchLength(m1) <= 1 && unknownPairAt(text, i)) n += 2;
  else return false;
  const m2 = longestMatch(text, n);
  return pureNoun(m2) && isClauseEnd(text, n + (matchLength(m2)));
}

function verbalAt(text: string, vStart: number): 'object' | 'series' | 'nounEnd' | 'nounNoun' | 'end' | false {
  // An extra verb opening with a coverb's character (把关, 跟进, 对标) is that verb, unless its second character
  // starts a known word (把关键…, 对标准…).
  const coverb = prepositionKeyAt(text, vStart) || charAtIn(COVERBS, text, vStart);
  const extraVerb = coverb && matchLength(longestMatch(text, vStart)) < 2 && (minorClassesAt(text, vStart, vStart + 2) & C.Verb) !== 0 &&
    matchLength(longestMatch(text, vStart + 1)) < 2;
  if (!extraVerb && prepositionKeyAt(text, vStart)) return prepositionAt(text, vStart) ? 'object' : false;
  // Other coverbs (用解说词, 对群众, 向组织): a preposition that is a word by itself, before a known noun.
  if (!extraVerb && charAtIn(COVERBS, text, vStart) && wordAt(text, vStart).length === 1) {
    if (longestClasses(text, vStart + 1, 1, 2) & (C.Noun | C.Pronoun)) return 'object';
    // (Or a possessor, 用党的创新理论…: WEAK_VERB_OBJECT's 党, 中央, 习近平.)
    WEAK_OBJECT.lastIndex = vStart + 1;
    return hanAt(text, vStart + 1) && WEAK_OBJECT.test(text) ? 'object' : false;
  }
  const verb = verbAt(text, vStart);
  if (!verb) return false;
  const vEnd = vStart + verb.word.length;
  if (isClauseEnd(text, vEnd) && !verb.word.endsWith('到')) return 'end';
  if (verb.weak && !markedVerb(verb.word)) {
    WEAK_OBJECT.lastIndex = vEnd;
    // (过得 is the verb 过 "live" with its complement, after a noun: 幸福的生活过得有滋有味. A mark that starts a word
    // is none: 工作到底.)
    if (text.charCodeAt(vEnd) === 0x8fc7 /* 过 */ && text.charCodeAt(vEnd + 1) === 0x5f97 /* 得 */) return false;
    if (charAtIn(VERB_MARKS, text, vEnd) && matchLength(longestMatch(text, vEnd)) < 2) return hanAt(text, vEnd + 1) || isClauseEnd(text, vEnd + 1) ? 'object' : false;
    if (WEAK_OBJECT.test(text)) return verbalContinuation(text, vEnd, verb.word) ? 'object' : false;
    // 研究解决, 总结推广: a noun-like verb followed by a plain verb is a verb series.
    const next = verbAt(text, vEnd);
    if (next && !next.weak) {
      const nEnd = vEnd + next.word.length;
      return isClauseEnd(text, nEnd) || verbalContinuation(text, nEnd, next.word) ? 'series' : false;
    }
    // 运用科学发展观去…: a noun object with more of the clause after it. A noun that ends the clause or
    // takes 的 may be the head of a compound (扎实的工作作风，), so it does not count.
    const obj = longestWordAt(text, vEnd, 2);
    if (obj && wordClasses(obj) & (C.Noun | C.Time) && !(wordClasses(obj) & C.Verb)) {
      const oEnd = vEnd + obj.length;
      // A coordinator after the noun may join two noun phrases (实事求是的工作作风和优良传统): decided as 'nounEnd',
      // by a modal before X (要实事求是的总结经验和教训).
      if (charAtIn('和与及', text, oEnd)) return verbalContinuation(text, vEnd, verb.word) ? 'nounEnd' : false;
      if (hanAt(text, oEnd) && text.charCodeAt(oEnd) !== 0x7684 /* 的 */ && !wordsStartingAt(text, oEnd, 2).some((w) => wordClasses(w) & C.Noun && !(wordClasses(w) & C.Verb)))
        return verbalContinuation(text, vEnd, verb.word) ? 'object' : false;
      // 总结经验。: verb + object, or a compound noun (工作作风); decided by what precedes X.
      if (isClauseEnd(text, oEnd) && verbalContinuation(text, vEnd, verb.word)) return 'nounEnd';
    }
    // 发展特色产业，/ 发展物业经济、: two nouns closing the clause, a verb and its compound object or a compound of
    // three nouns (工作作风问题); decided by what precedes X.
    if (nounNounAt(text, vEnd) && verbalContinuation(text, vEnd, verb.word)) return 'nounNoun';
    return false;
  }
  return verbalContinuation(text, vEnd, verb.word) ? 'object' : false;
}

/**
 * Verbs whose object is also the doer of the next verb (带领人民坚持不懈地奋斗, 组织党员认真地学习): the noun
 * after them is a subject, not the possessor in a noun phrase. Verbs that take noun phrases too (支持, 推动,
 * 依靠) are not here.
 */
const PIVOTS = /(?:带领|组织|引导|动员|号召|鼓励|督促|要求|团结|教育|让|使)$/;
/** Sentence marks after which a clause-final verb ends a statement (not a subject before a comma). */
const STATEMENT_END = '。；！？;!?';
/** Classes of the words a subject noun phrase is made of (各乡镇, 发展党员工作, 全体党员). */
const SUBJECT_CLASSES = C.Noun | C.Pronoun | C.Time | C.Numeral | C.Measure | C.Localizer;

/**
 * Is X preceded, back to the clause start, by nothing but a subject noun phrase ("，发展党员工作 | 稳妥有序的
 * 进行。") or by a pivot verb and its noun object ("带领人民 | 坚持不懈的奋斗")? Then X的V is the predicate:
 * a clause has no verb before X, so V is its verb. Any verb-only word, preposition or unknown character before X
 * (依靠人民…, 在…) makes the clause undecided.
 */
function subjectBefore(text: string, xStart: number): 'subject' | 'pivot' | false {
  let p = skipDegree(text, xStart);
  let nouns = 0;
  let sawDe = false;
  for (let guard = 0; guard < 6 && p > 0; guard++) {
    if (!hanAt(text, p - 1)) return nouns > 0 ? 'subject' : false;
    // (Not a pivot's object with a 的 inside: the seeds keep 让…工作的效率进一步的提高 unlabelled.)
    if (nouns > 0 && PIVOTS.test(text.slice(Math.max(0, p - 2), p))) return sawDe ? false : 'pivot';
    // (A 的 inside the subject between nouns: 村里的各项工作.)
    if (nouns > 0 && text.charCodeAt(p - 1) === 0x7684 /* 的 */ && hanAt(text, p - 2) && longestClasses(text, p - 1, -1, 1) & SUBJECT_CLASSES) {
      p--;
      sawDe = true;
      continue;
    }
    const m = longestMatch(text, p, -1);
    const len = matchLength(m);
    const c = matchClasses(m);
    if (len === 0 || !(c & SUBJECT_CLASSES) || (c & C.Verb && !(c & C.Noun)) || c & (C.Preposition | C.Adverb | C.Conjunction)) return false;
    nouns++;
    p -= len;
  }
  // (The paragraph's start closes the subject as a mark does.)
  return p === 0 && nouns > 0 ? 'subject' : false;
}

/** Adverbs that also stand before a noun phrase (仅三天的学习, 甚至公开的对抗, 尤其是): no sign of a predicate. */
const FOCUS_ADVERBS = /(?:就|才|只|仅|仅仅|甚至|尤其|特别|几乎|正是|恰恰|大约|约|也许|不|没|未|一起|一齐|一道|共同|要)$/;

/**
 * Is X preceded by a predicate adverb (仍然, 依然, 一直, 始终, 已经, 正在, 还, 都, 也), or does a four-character X
 * open with one (仍然普遍)? An adverb modifies a predicate, so "adverb X的V" has V as its verb.
 */
function predicateAdverbBefore(text: string, xStart: number, x: string): boolean {
  if (x.length === 4 && adverbOnly(wordClasses(x.slice(0, 2))) && !FOCUS_ADVERBS.test(x.slice(0, 2))) return true;
  const m = longestMatch(text, xStart, -1);
  const len = matchLength(m);
  if (len === 0) return false;
  const w = text.slice(xStart - len, xStart);
  if (FOCUS_ADVERBS.test(w)) return false;
  return w === '正在' || w === '仍' || adverbOnly(matchClasses(m));
}

/** Is there a copula (是, 为, 成为, 作为) earlier in the clause, within 12 characters before X? */
function copulaBefore(text: string, xStart: number): boolean {
  for (let k = xStart - 1; k >= 0 && k >= xStart - 12; k--) {
    if (CLAUSE_END_CODE[text.charCodeAt(k)] === 1) return false;
    // (是 as a word of its own: not 但是, 还是, 总是, 就是 before a predicate, nor 是否.)
    if (text.charCodeAt(k) === 0x662f /* 是 */ && matchLength(longestMatch(text, k)) <= 1 && matchLength(longestMatch(text, k + 1, -1)) <= 1) return true;
  }
  return false;
}

/** Negation right before X (没有系统的思考如何…, 未认真的核实): the predicate's verb follows X. */
const NEGATION = /(?:没有|没|未|从未|并未|尚未)$/;

/** Light verbs, whose object is an action (进行谈话, 开展调查, 加以改进, 予以纠正, 给予支持). */
const LIGHT_VERBS = /^(?:进行|开展|加以|予以|给予)$/;

/**
 * Does the verb starting at vStart have an object: a known word of two or more characters that is not a verb
 * only (付出赢得了…, 示范带动了…: a second verb makes the first the head of a subject), or anything after a verb
 * carrying its result (抓好立德树人…, 完成好…: such a verb never heads a noun phrase)?
 */
function objectAfterVerb(text: string, vStart: number): boolean {
  const verb = verbAt(text, vStart);
  if (verb === undefined) return false;
  const vEnd = vStart + verb.word.length;
  // (Only the result marks 好/到: 付出, 提出 end in 出 as words of their own, and 付出 is a noun too.)
  if (/.[好到]$/.test(verb.word) && hanAt(text, vEnd) && !charAtIn('的之了着过', text, vEnd)) return true;
  const m = longestMatch(text, vEnd);
  const c = matchClasses(m);
  // Light verbs take an action as their object (进行谈心谈话, 开展调查, 加以改进): a verb after them is their object.
  // (An unknown two-character word there is one the table lacks, 谈心, 走访: its verbs and nouns are pruned.)
  if (LIGHT_VERBS.test(verb.word)) {
    if (matchLength(m) >= 2 ? (c & C.Verb) !== 0 && !charAtIn('的之了着过', text, vEnd + matchLength(m))
      : hanRun(text, vEnd, vEnd + 2) && !charAtIn('的地得之了着过', text, vEnd) && !charAtIn('的地得之了着过', text, vEnd + 1)) return true;
  }
  // 在 + a place (奋战在抗疫一线, 坚守在平凡岗位上): a verb with its locative complement.
  // (The place a known noun or attribute, 基层, 平凡, or two characters the table lacks, 抗疫.)
  if (text.charCodeAt(vEnd) === 0x5728 /* 在 */ && matchLength(longestMatch(text, vEnd)) === 1 && hanRun(text, vEnd + 1, vEnd + 3) &&
    !charAtIn('的地得了着过之', text, vEnd + 1) && !charAtIn('的地得了着过之', text, vEnd + 2)) {
    const place = longestMatch(text, vEnd + 1);
    if (matchLength(place) >= 2 ? (matchClasses(place) & (C.Noun | C.Adjective | C.Attributive)) !== 0 : matchLength(longestMatch(text, vEnd + 2)) < 2) return true;
  }
  // An aspect mark and a word after it (奉献着自己的…, 推进了各项工作): no noun phrase's head takes 着/了.
  if (charAtIn('着了', text, vEnd) && matchLength(longestMatch(text, vEnd + 1)) >= 2) return true;
  // A possessor or determiner opening the object (讲解党的理论, 落实中央部署, 服务群众): WEAK_VERB_OBJECT.
  WEAK_OBJECT.lastIndex = vEnd;
  if (WEAK_OBJECT.test(text) && !charAtIn('了着过', text, vEnd)) return true;
  // (A word with an aspect mark after it is a verb whatever its class: 付出赢得了…. An adverb, 终于, is no object.)
  if (adverbOnly(c)) return false;
  return matchLength(m) >= 2 && (!(c & C.Verb) || (c & C.Noun) !== 0) && !charAtIn('了着过', text, vEnd + (matchLength(m)));
}

/** After a subject-only clause start, does the clause-final verb after X的 end the statement (or follow a pivot)? */
function subjectEndsStatement(text: string, de: number, xStart: number): boolean {
  const subject = subjectBefore(text, xStart);
  if (subject === 'pivot') return true;
  if (subject !== 'subject') return false;
  const verb = verbAt(text, de + 1);
  if (!verb) return false;
  const after = de + 1 + verb.word.length;
  // A mark must close it: a line without one may be a heading, and headings are noun phrases (全党坚持不懈的奋斗).
  return after < text.length && charAtIn(STATEMENT_END, text, after);
}

/**
 * A weak manner word (系统, also a noun) away from a clause start is still adverbial after a negation, before a
 * plain verb with an object (没有系统的思考如何…): a negated noun phrase (没有系统的培训) has no object after it.
 * (X性 manner nouns stay at the clause start: 经常性的组织生活 is a noun phrase whose verb the lexicon
 * knows only as a verb.)
 */
function weakTrusted(text: string, de: number, xStart: number, verbal: string, x: string): boolean {
  if (verbal !== 'object') return false;
  const verb = verbAt(text, de + 1);
  // A one-character verb with its object (创造性的抓落实, 系统的抓整改) is no noun: nothing for X to modify but it.
  if (verb !== undefined && verb.word.length === 1) return true;
  if (verb !== undefined && !verb.weak && NEGATION.test(text.slice(Math.max(0, xStart - 2), xStart))) return true;
  // Right after 把 and its object, a verb carrying its result coverb (把学习简单的理解为…, 把成绩片面的归结成…): 把 needs this
  // verb as its own, so X modifies it.
  if (verb !== undefined && !verb.weak && charIn('为成作', text, de + 1 + verb.word.length) && baObjectOnly(text, xStart)) return true;
  // After a subject alone, a modal or a predicate adverb (社区干部耐心的倾听群众诉求, 要熟练的运用各类平台, 都积极的参与…),
  // a verb with its own object is the clause's predicate: a noun phrase there would have no verb to be the object of.
  if (verb === undefined || !objectAfterVerb(text, de + 1) || copulaBefore(text, xStart)) return false;
  if (modalBefore(text, xStart, MODAL_OR_YAO_RE)) return true;
  // (X性 manner nouns only after a modal: 经常性的组织生活 after a subject is a noun phrase whose verb the lexicon knows
  // only as a verb.)
  return !/[性化]$/.test(x) && (subjectBefore(text, xStart) !== false || predicateAdverbBefore(text, xStart, x));
}

/** A word the lexicon knows only as an adverb (如实, 逐步, 不断): it never modifies a noun, so X的 is X地. */
function adverbOnly(c: number): boolean {
  return (c & C.Adverb) !== 0 && (c & (C.Noun | C.Verb | C.Adjective | C.Attributive | C.Pronoun | C.Numeral | C.Time | C.Conjunction)) === 0;
}

/**
 * Verbs verbalAt leaves undecided but the word before 的 settles (verbalAt answered false; two cheap look-ups
 * before anything else):
 * - after an adverb-only word, a verb that is also a noun (报告, 发展) followed by a noun, a pronoun or a verb:
 *   如实的报告家庭成员从业等情况 (the noun + noun after it would otherwise read as a compound);
 * - after a modal and a four-character manner word, a plain verb before a head noun: 要科学合理的安排时间 (a
 *   head noun after a verb otherwise makes a noun phrase: 有效的推进机制).
 */
function surelyVerbal(text: string, de: number): 'object' | false {
  // (The verb and the word after it first: most 的 have no verb after them, and then the word before is not read.)
  const verb = verbAt(text, de + 1);
  if (!verb) return false;
  const vEnd = de + 1 + verb.word.length;
  const next = longestMatch(text, vEnd);
  const nc = matchClasses(next);
  // A word of two or more characters must follow (时间 is no localiser 时).
  if (matchLength(next) < 2 || charAtIn('的之', text, vEnd)) return false;
  const m = longestMatch(text, de, -1);
  const len = matchLength(m);
  const xc = matchClasses(m);
  // (jieba's adverb tag is noisy: 长期, 日常, 真实, 全新 are adjectives too. The head-noun test of
  // verbalContinuation (发展理念, 工作情况) and no noun-like verb after V (管理工作, 服务对象) keep their noun phrases.)
  if (len >= 2 && adverbOnly(xc)) {
    const object = nc & (C.Noun | C.Pronoun) && !(nc & C.Verb && nc & C.Noun) ? true : (nc & C.Verb) !== 0 && !(nc & C.Noun);
    return object && verbalContinuation(text, vEnd, verb.word) ? 'object' : false;
  }
  if (compoundObjectAfterModal(text, de, vEnd)) return 'object';
  if (verb.weak || !(nc & C.Noun) || nc & C.Verb || !hanAt(text, de - 4)) return false;
  const x = mannerBefore(text, de);
  return x !== undefined && x.word.length === 4 && !x.weak && !x.unknown && modalBefore(text, de - 4, MODAL_OR_YAO_RE) ? 'object' : false;
}

/**
 * After a modal and a sure manner word, a verb + a compound noun of two or three nouns closing the clause (要集中的展示主题
 * 教育工作成效, 要细致的核查项目资金台账): the compound is the verb's object. A noun phrase after 要 (要 = need) has no
 * second noun phrase inside it, and a noun-phrase taker between the modal and X (要建立科学的考核评价体系) is caught
 * before. The first noun is no verb or adjective (管理运行机制 is two verbs heading a noun), the words are known nouns of
 * two or more characters (成效 a noun-adjective too), and the run is at most ten characters.
 */
function compoundObjectAfterModal(text: string, de: number, vEnd: number): boolean {
  let p = vEnd;
  let n = 0;
  for (; n < 4 && p - vEnd <= 10; n++) {
    const m = longestMatch(text, p);
    const c = matchClasses(m);
    // (After the first noun, two characters the table lacks count as a noun: its nouns are pruned hard, 账目, 专项.)
    if (n > 0 && matchLength(m) < 2 && unknownPairAt(text, p, `${PAIR_PARTICLES}和与及是在把被`)) {
      p += 2;
      continue;
    }
    if (matchLength(m) < 2 || !(c & C.Noun) || c & (C.Pronoun | C.Time | C.Localizer | C.Numeral) || (n === 0 && c & (C.Verb | C.Adjective))) break;
    p += matchLength(m);
  }
  if (n < 2 || p - vEnd > 10 || !isClauseEnd(text, p) || text.charCodeAt(p) === 0x3001 /* 、 */) return false;
  const x = mannerBefore(text, de);
  return x !== undefined && !x.unknown && modalBefore(text, de - x.word.length, MODAL_OR_YAO_RE);
}

/**
 * A four-character phrase the table lacks right after a modal, before a verb with its object (要身体力行的践行…, 要开门
 * 见山的讲清任务, 要原汁原味的学习…): after 要/必须/应 a phrase + 的 + a verb with an object is the predicate. Not a
 * phrase whose second half is a noun (a verb and its object, 要关心群众的生活; a noun phrase, 要年轻干部的担当作为, 要考核
 * 结果的运用), a noun and its predicate (要党建引领的…), nor one with a numeral, pronoun, time or place word (要两个方面的
 * 工作).
 */
function modalPhrase(text: string, de: number, report: Reporter): boolean {
  const s = de - 4;
  // (Cheap test first: a modal's last character before the phrase.)
  if (!charAtIn('要须应该当', text, s - 1)) return false;
  if (s < 1 || !hanRun(text, s, de) || classesAt(text, s, de) !== 0 || !MODAL_OR_YAO_RE.test(text.slice(Math.max(0, s - 2), s))) return false;
  for (let k = s; k < de; k++) if (charAtIn('的地得了着过之是有在', text, k)) return false;
  // (X must start at a word boundary: not 要求, 要点.)
  if (matchLength(longestMatch(text, s - 1)) >= 2) return false;
  const a = classesAt(text, s, s + 2);
  const b = classesAt(text, s + 2, de);
  const first = classesAt(text, s, s + 1);
  if ((a | b | first) & (C.Numeral | C.Pronoun | C.Time | C.Localizer | C.Measure | C.Preposition | C.Conjunction)) return false;
  // (A noun second half heads a noun phrase, 年轻干部, or is a verb's object, 关心群众.)
  if (b & (C.Noun | C.Pronoun)) return false;
  if (a & C.Noun && b & (C.Verb | C.Adjective)) return false;
  // (A manner word and a verb, 认真解决, 及时处理, is a verb phrase of its own words, no set phrase: after a modal, X的 + a
  // noun is a relative clause, 必须认真解决的突出问题.)
  if (b & C.Verb && a & (MANNER_CLASSES | C.Adjective) && !(a & C.Noun)) return false;
  if (matchLength(longestMatch(text, s + 1)) >= 2 && !(matchLength(longestMatch(text, s)) >= 2)) return false;
  // (A noun-like verb only with the object verbalAt sees, 学习身边榜样, 落实各项部署: 要通俗易懂的学习资料 is a noun phrase.)
  const verb = verbAt(text, de + 1);
  if (verb === undefined || !objectAfterVerb(text, de + 1) || (verb.weak && verbalAt(text, de + 1) !== 'object')) return false;
  report({ start: de, end: de + 1, message: messages.adverbial(text.slice(s, de)), replacements: ['地'] });
  return true;
}

/** Directional complements after a verb (结合起来, 坚持下去, 梳理出来): no noun phrase's head takes one. */
const DIRECTIONAL = /(?:起来|下去|出来|进来|上来|下来|进去|上去|回来|过来|出去|回去)/y;

/** 1 at the marks predicateMarked looks for (了着过, the first characters of 起来/下去/出来/进来/上来), 2 at a pivot verb's first character. */
const MARK_START = new Uint8Array(0x10000);
for (const ch of '了着过起下出进上') MARK_START[ch.charCodeAt(0)] = 1;
for (const ch of '带组引动号鼓督团发') MARK_START[ch.charCodeAt(0)] = 2;

/** Pivot verbs, whose object does the next verb (动员党员参与, 组织群众学习). */
const PIVOT_VERB = /(?:带领|组织|引导|动员|号召|鼓励|督促|团结|发动)/y;

/**
 * A person noun or pronoun at i followed by a verb that is no head of a noun phrase (党员参与…, 群众学习…; not 组织群众参与
 * 机制, a noun phrase).
 */
function pivotObjectAt(text: string, i: number): boolean {
  const n = longestMatch(text, i);
  const nc = matchClasses(n);
  const nl = matchLength(n);
  if (nl < 2 || !(nc & (C.Noun | C.Pronoun)) || nc & C.Verb) return false;
  if (!(nc & C.Pronoun) && !PERSONS.includes(text.slice(i, i + nl))) return false;
  const v = longestMatch(text, i + nl);
  if (matchLength(v) < 2 || !(matchClasses(v) & C.Verb)) return false;
  const after = i + nl + matchLength(v);
  return wordAtStart(text, after, HEAD_NOUN_INDEX) === undefined && !charIn('的之', text, after);
}

/**
 * Does the word at v carry a mark only a predicate carries (X的V with V the clause's verb)?
 * - 了 as a word of its own with an object or a quantity after it (把握了新时代…, 奋战了七个昼夜), after a verb, a noun
 *   jieba tags so (记录, 动员: the mark settles it; not a person noun), or two Han characters the table lacks whose first
 *   is a verb (认领: its verbs are pruned);
 * - 着 the same, after a verb or such an unknown pair (讨论着下一步…); 过 only after a verb that is no noun (生活过上…);
 * - a directional complement after a verb (结合起来, 坚持下去: 干部下去 is a noun and its verb);
 * - a pivot verb with a person object and that person's verb (动员党员参与…).
 * Not 了 before a sentence particle (已经是很大的进步了吗) or ending the clause (是最好的时候了，), nor 了解, 着眼, 过程.
 */
function predicateMarked(text: string, v: number): boolean {
  // (Cheap test first: a mark one to three characters on, or a pivot verb's first character.)
  if (MARK_START[text.charCodeAt(v + 2)] !== 1 && MARK_START[text.charCodeAt(v + 1)] !== 1 && MARK_START[text.charCodeAt(v)] !== 2) return false;
  const m = longestMatch(text, v);
  let len = matchLength(m);
  const c = matchClasses(m);
  // 'verb': the table's verbs (noun-verbs too); 'noun': a noun-only word; 'unknown': two characters the table lacks.
  let kind: 'verb' | 'noun' | 'unknown';
  if (len >= 2) {
    if (len > 2 || !(c & (C.Verb | C.Noun)) || c & (C.Pronoun | C.Numeral | C.Time | C.Localizer | C.Measure | C.Adverb)) return false;
    PIVOT_VERB.lastIndex = v;
    if (PIVOT_VERB.test(text) && pivotObjectAt(text, v + 2)) return true;
    kind = c & C.Verb ? 'verb' : 'noun';
  } else if (len === 1 && charIn('了着过', text, v + 1) && c & C.Verb && !(c & (C.Noun | C.Adjective | C.Measure | C.Numeral | C.Adverb)) && !charIn(COPULAS, text, v)) {
    kind = 'verb';
  } else {
    if (!hanRun(text, v, v + 2) || matchLength(longestMatch(text, v + 1)) >= 2) return false;
    if (charAtIn('的地得了着过之是有在和与及', text, v) || charAtIn('的地得了着过之', text, v + 1)) return false;
    if (!(classesAt(text, v, v + 1) & C.Verb)) return false;
    kind = 'unknown';
    len = 2;
  }
  const e = v + len;
  const mark = text.charCodeAt(e);
  if (mark === 0x4e86 /* 了 */ || mark === 0x7740 /* 着 */ || mark === 0x8fc7 /* 过 */) {
    if (mark === 0x7740 && kind === 'noun') return false;
    if (mark === 0x8fc7 && (kind !== 'verb' || c & C.Noun)) return false;
    if (kind === 'noun' && PERSONS.includes(text.slice(v, e))) return false;
    if (matchLength(longestMatch(text, e)) >= 2) return false;
    return hanAt(text, e + 1) && !charAtIn('的地得了着过吗呢吧啊嘛', text, e + 1);
  }
  if (kind !== 'verb' || len === 1) return false;
  DIRECTIONAL.lastIndex = e;
  return DIRECTIONAL.test(text) && !charIn('的之', text, DIRECTIONAL.lastIndex);
}

/**
 * X的V where verbalAt finds no verb but V carries a predicate's mark (全体党员准确的把握了…, 调研组详细的记录了…, 把两项工作
 * 有机的结合起来): a manner word before it, weak ones included, is adverbial unless a word taking a noun phrase or a
 * copula stands before X.
 */
function markedPredicate(text: string, de: number, report: Reporter): boolean {
  // (Or a verb pair whose second verb carries the mark: 全面的对照检视了…, 认真的学习领会了…. The first a two-character verb
  // that is no noun: 督导检查 as a noun is a subject of the mark's verb, 全面的督导检查发现了….)
  // The pair only after a subject alone or a modal: at a sentence start the pair's first verb is itself the subject of
  // the second (深入的剖析找准了病根, 虚心的采纳赢得了…).
  const single = predicateMarked(text, de + 1);
  let pair = false;
  // (Cheap test first: 了/着 right after the second verb.)
  if (!single && charAtIn('了着', text, de + 5)) {
    const first = longestMatch(text, de + 1);
    if (matchLength(first) === 2 && (matchClasses(first) & (C.Verb | C.Noun)) === C.Verb && predicateMarked(text, de + 3) && verbAt(text, de + 3) !== undefined) {
      CONSEQUENCE.lastIndex = de + 3;
      pair = !CONSEQUENCE.test(text);
    }
  }
  if (!pair && !single) return false;
  const x = mannerBefore(text, de);
  if (pair && x) {
    const xs = de - x.word.length;
    if (x.unknown || !(subjectBefore(text, xs) === 'subject' || modalBefore(text, xs, MODAL_OR_YAO_RE))) return false;
  }
  // (A set phrase the table lacks, 顺藤摸瓜, 一点一滴, only before a verb with 了/着 and its object: the marks that a
  // noun phrase's head never takes.)
  if (!x || (x.unknown && !charAtIn('了着', text, de + 1 + (pair ? 4 : 2)) && !charAtIn('了着', text, de + 2))) return false;
  const xStart = de - x.word.length;
  if (takesNounPhrase(text, xStart, true, de) || copulaBefore(text, xStart)) return false;
  report({ start: de, end: de + 1, message: messages.adverbial(x.word), replacements: ['地'] });
  return true;
}

function checkAdverbial(text: string, de: number, report: Reporter): boolean {
  return adverbialByVerb(text, de, report) || markedPredicate(text, de, report);
}

/**
 * X的V at the start of a sentence with a second verb and an aspect mark after V (细心的排摸摸清了底数, 毫不犹豫的选择体现了
 * 党员本色, 深入的走访调研摸清了实情): nothing before X for V to be the predicate of, and the second verb with 了/着 is the
 * sentence's predicate, so X的V is its subject, an event (CONSEQUENCE names the commonest of these verbs anywhere).
 */
function subjectEvent(text: string, de: number, xStart: number): boolean {
  const p = skipDegree(text, xStart);
  if (p > 0 && !charAtIn('。！？；\n', text, p - 1)) return false;
  const verb = verbAt(text, de + 1);
  if (!verb) return false;
  // (One more verb may stand between, or two characters the table lacks: 深入的走访调研摸清了实情, 细致的走访摸底掌握了….)
  for (let v2 = de + 1 + verb.word.length, k = 0; k < 2; k++, v2 += 2) {
    const m = longestMatch(text, v2);
    const verb2 = matchLength(m) === 2 && (matchClasses(m) & C.Verb) !== 0;
    // (Or a result mark and 了: 热烈的讨论碰撞出了思想的火花.)
    if (verb2 && (charIn('了着', text, v2 + 2) || (charIn('出到', text, v2 + 2) && charIn('了', text, v2 + 3)))) return true;
    const unknown = matchLength(m) < 2 && unknownPairAt(text, v2, `${PAIR_PARTICLES}和与及`);
    if (k === 1 || !(verb2 || unknown)) return false;
  }
  return false;
}

/**
 * 一X一X (一户一户, 一项一项) before a verb the table knows as no noun, closing the clause: one by one, the manner of the
 * doing. As an attribute the frame takes nouns only (一个一个的问题), so a plain verb after it needs no modal or subject.
 */
function oneByOne(text: string, de: number, x: string): boolean {
  if (x.length !== 4 || x.charCodeAt(0) !== 0x4e00 /* 一 */ || x.charCodeAt(2) !== 0x4e00 || x.charCodeAt(1) !== x.charCodeAt(3)) return false;
  const m = longestMatch(text, de + 1);
  // (Or a verb below the table's floor where it knows no longer word: 核对, 排查.)
  const c = matchLength(m) < 2 ? minorClassesAt(text, de + 1, de + 3) : matchClasses(m);
  return (c & C.Verb) !== 0 && !(c & (C.Noun | C.Adjective));
}

/** 1 at 为, 成 and 作, the result coverbs of baResultVerb (charIn without the scan; NaN past the end reads as 0). */
const RESULT_COVERB = new Uint8Array(0x10000);
for (const ch of '为成作') RESULT_COVERB[ch.charCodeAt(0)] = 1;

/**
 * In a 把-clause, a verb carrying its result coverb after X的 (把学习简单的理解为…, 把问题片面的归结成…): 为/成 after V would
 * otherwise open a predicate of X的V as a subject, but 把 needs a verb of its own, so V is it (the caller asks for 把 and
 * its object right before X: baObjectOnly).
 */
function baResultVerb(text: string, de: number): boolean {
  // (Cheap tests first: a result coverb within a verb's length, and a 把 before.)
  if (RESULT_COVERB[text.charCodeAt(de + 2)] !== 1 && RESULT_COVERB[text.charCodeAt(de + 3)] !== 1 && RESULT_COVERB[text.charCodeAt(de + 4)] !== 1) return false;
  if (!inBaClause(text, de)) return false;
  const verb = verbAt(text, de + 1);
  if (!verb || verb.weak) return false;
  const r = de + 1 + verb.word.length;
  return charIn('为成作', text, r) && hanAt(text, r + 1);
}

function adverbialByVerb(text: string, de: number, report: Reporter): boolean {
  let verbal = verbalAt(text, de + 1) || surelyVerbal(text, de);
  // (Last, the rarest: 把 + its object + X的 + V为….)
  const ba = !verbal && baResultVerb(text, de);
  if (ba) verbal = 'object';
  if (!verbal) return false;
  const x = mannerBefore(text, de);
  if (!x) return verbal === 'object' && !ba && modalPhrase(text, de, report);
  const xStart = de - x.word.length;
  if (ba && !baObjectOnly(text, xStart)) return false;
  if (subjectEvent(text, de, xStart)) return false;
  // 没有全面系统的谋划党建工作: after 有 a verb with its own object is verbal (有 + noun phrase has no object).
  const afterYou = verbal === 'object' && /有了?$/.test(text.slice(Math.max(0, skipDegree(text, xStart) - 2), skipDegree(text, xStart)));
  if (!afterYou && takesNounPhrase(text, xStart, verbal === 'object', de)) return false;
  // A verb closing the clause (分析，) is verbal only after a modal that takes no noun: "必须实事求是的分析，"
  // but not "要积极的应对。" or "人民坚持不懈的奋斗，" (noun phrases as much as predicates).
  // 要 is enough when an adverb stands between it and X (要逐项扎实的推进，) or X is a four-character set
  // phrase (要实事求是的分析，): neither modifies a noun after 要.
  // A predicate adverb before X (正在有序的推进, 仍然普遍的存在, 都积极的参与): adverbs modify predicates, never a
  // noun phrase, so V is the clause's verb; enough for a set phrase the table lacks too (正在紧锣密鼓的推进。).
  // (Not after a copula in the clause: 这是他一直坚定的追求 is 是 + a noun phrase.)
  const adverbEnd = verbal === 'end' && !x.weak && !x.adverbFirst && predicateAdverbBefore(text, xStart, x.word) && !copulaBefore(text, xStart);
  if (verbal === 'end' && !adverbEnd) {
    if (x.weak || x.unknown) return false;
    const sure =
      modalBefore(text, xStart, MODAL_RE) ||
      (modalBefore(text, xStart, MODAL_OR_YAO_RE) && (x.word.length >= 4 || wordsEndingAt(text, xStart, 2).some((w) => wordClasses(w) & C.Adverb))) ||
      // A subject alone before X and the statement ending after V (发展党员工作稳妥有序的进行。), or a pivot
      // verb's object as the doer (带领人民坚持不懈的奋斗，): V is the clause's only verb. A four-character or
      // adverb X only: "全党坚持不懈的奋斗，换来了…" keeps its noun reading before a comma.
      ((x.word.length >= 3 || (wordClasses(x.word) & (C.Adverb | C.Manner)) !== 0) && subjectEndsStatement(text, de, xStart)) ||
      oneByOne(text, de, x.word);
    if (!sure) return false;
  }
  // An unknown phrase needs a coverb (为群众) or a verb followed by a known word (开展考核).
  // A noun-like verb + noun closing the clause (总结经验。) may be a compound (认真的工作作风。): only after a
  // modal, with a sure manner word.
  if (verbal === 'nounEnd' && (x.weak || !modalBefore(text, xStart, MODAL_OR_YAO_RE))) return false;
  // A noun-like verb + two nouns (发展特色产业，): verbal after a modal, after a subject alone (各乡镇因地制宜的…),
  // or, for a known manner word, at the start of a clause (，积极稳妥的发展物业经济、): no verb there for the noun
  // phrase reading to be the object of.
  if (verbal === 'nounNoun') {
    if (x.weak) return false;
    const p = skipDegree(text, xStart);
    const clauseStart = !x.unknown && (p === 0 || charAtIn('，；：。', text, p - 1));
    if (!clauseStart && !subjectBefore(text, xStart) && !modalBefore(text, xStart, MODAL_OR_YAO_RE)) return false;
  }
  if (x.unknown && verbal !== 'nounNoun' && !adverbEnd && (verbal !== 'object' || !(prepositionKeyAt(text, de + 1) || objectAfterVerb(text, de + 1)))) return false;
  // A noun-like verb before a verb (研究解决, 总结推广) may be a subject (用心的服务换来…, 明显的变化体现在…):
  // only after a modal or inside a sentence after a comma, with a sure manner word.
  if (verbal === 'series') {
    const prev = text.charAt(skipDegree(text, xStart) - 1);
    if (x.weak || !(modalBefore(text, xStart, MODAL_OR_YAO_RE) || prev === '，' || prev === '；')) return false;
  }
  if (x.weak && !atClauseStart(text, xStart) && !weakTrusted(text, de, xStart, verbal, x.word)) return false;
  // V a noun by its place: a subject before a predicate, or the object of a verb before X (last: the rarest).
  if (predicateAfterVerb(text, de) || verbTakesPhrase(text, de, xStart)) return false;
  report({ start: de, end: de + 1, message: messages.adverbial(x.word), replacements: ['地'] });
  return true;
}

// ---------------------------------------------------------------------------------------------
// 2. lexical 得: 觉的 → 觉得 …

interface LexicalEntry {
  word: string;
  leftNot: string;
  leftOnly: Map<number, string[]> | null;
  right: RegExp;
}
const LEXICAL = new Map<string, LexicalEntry[]>();
for (const e of LEXICAL_DE) {
  const list = LEXICAL.get(e.verb) ?? [];
  list.push({
    word: e.word,
    leftNot: e.leftNot ?? '',
    leftOnly: e.leftOnly ? byLastChar(e.leftOnly) : null,
    right: new RegExp(e.right, 'y'),
  });
  LEXICAL.set(e.verb, list);
}

/** The verbs of LEXICAL by code unit: a typed-array read before the map (checkLexical runs at every 的 and 地). */
const LEXICAL_VERB = new Uint8Array(0x10000);
for (const v of LEXICAL.keys()) LEXICAL_VERB[v.charCodeAt(0)] = 1;

function checkLexical(text: string, de: number, report: Reporter): boolean {
  if (de < 1 || LEXICAL_VERB[text.charCodeAt(de - 1)] !== 1) return false;
  const entries = LEXICAL.get(text.charAt(de - 1));
  if (!entries) return false;
  const left = text.charAt(de - 2);
  for (const entry of entries) {
    if (entry.leftNot && entry.leftNot.includes(left)) continue;
    if (entry.leftOnly && hanAt(text, de - 2) && !wordEndingAt(text, de - 1, entry.leftOnly)) continue;
    entry.right.lastIndex = de + 1;
    if (!entry.right.test(text)) continue;
    report({ start: de, end: de + 1, message: messages.lexical(entry.word, text.charAt(de)), replacements: ['得'] });
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// 3. complement 得: V的 + 很透彻。 / 不到位。 / 扎实有效。 / 把…V的 + 有声有色

/** Is there a 把 earlier in the same clause (not inside 把握/把关)? */
function inBaClause(text: string, vStart: number): boolean {
  // Code units, not charAt: a one-character string per Han character was this rule's biggest garbage.
  for (let i = vStart - 1; i >= 0 && vStart - i <= 20; i--) {
    if (CLAUSE_END_CODE[text.charCodeAt(i)] === 1) return false;
    if (text.charCodeAt(i) === 0x628a /* 把 */ && i + 1 < text.length && !charIn('握关手柄戏', text, i + 1)) return true;
  }
  return false;
}

/** The verb ending at `end` (just before 的): longest lexicon word there that is a verb. */
function verbBefore(text: string, end: number): string | undefined {
  const m = longestMatch(text, end, -1);
  const c = matchClasses(m);
  // (An extra two-character verb where the table knows no longer word: 把关的十分严格.)
  if (matchLength(m) < 2 && minorClassesAt(text, end - 2, end) & C.Verb) return text.slice(end - 2, end);
  const len = matchLength(m);
  // (A verb that takes no object is one whatever jieba's tag: 进步 d, 成熟 a. Its last character is asked first: this
  // runs before every 的 and 得, and most words before them are no verb.)
  if (!(c & C.Verb) && !(len === 2 && INTRANSITIVE_LAST.has(text.charCodeAt(end - 1)) && INTRANSITIVE.has(text.slice(end - 2, end)))) return undefined;
  const w = text.slice(end - len, end);
  // 有的, 是的, 似的…: not verbs taking a 得-complement. Single characters that are also nouns or measure
  // words (会, 点) are too ambiguous.
  if (w.length === 1 && (c & (C.Measure | C.Numeral | C.Adverb) || '有是为叫像似'.includes(w))) return undefined;
  return w;
}

/** Adjective-like word of 1–2 characters (for 不X / 很X complements). */
function predicateWord(text: string, i: number): number {
  const w = wordAt(text, i);
  if (!hanAt(text, i)) return 0;
  const c = wordClasses(w);
  if (c & C.Noun && !(c & (C.Adjective | C.Complement | C.Verb | C.Manner))) return 0;
  return w.length <= 2 ? w.length : 0;
}

/**
 * Length of a complement starting at i that ends the clause, or 0. Forms: (还/也/都)? degree adverb +
 * predicate (十分透彻, 比较缓慢, 不够全面, 还不够深); 不X(不Y) (不紧, 不深不透, 不到位); a set or
 * reduplicated complement (有声有色, 实实在在) or two complement words (扎实有效).
 */
/** Verbs of giving and getting: V的 names what is given or got (提供的, 收到的, 投入的), so 不够 after it is its predicate. */
const GIVING = /(?:提供|给予|投入|拨付|拨|给|收到|得到|获得|拿到|争取|筹集|配备|储备|发放|下拨|安排|准备)$/;

/** One-character adjectives after 过 as a complement of excess (过久, 过高, 过严); not 多/少 (amounts) nor 硬 (过硬). */
const EXCESS_ADJECTIVES = '久长短快慢高低急宽松严粗细早晚重大小深浅紧';

/**
 * 一些 / 一点 / 些 after a predicate, closing the clause (定得具体一些, 讲得明白一点): a comparative degree, which only a
 * predicate takes; the length of the tail at i, or 0.
 */
function comparativeTail(text: string, i: number): number {
  if (text.charCodeAt(i) === 0x4e00 /* 一 */ && charIn('些点', text, i + 1)) return isClauseEnd(text, i + 2) ? 2 : 0;
  return text.charCodeAt(i) === 0x4e9b /* 些 */ && isClauseEnd(text, i + 1) ? 1 : 0;
}

/** 不 / 不够 / 不太 / 不很 before a complement, longest first. */
const NEGATIONS = ['不够', '不太', '不很', '不大', '不'];

function complementAt(text: string, i: number, verb: string): number {
  let p = i;
  if (charAtIn('还也都仍', text, p) && p + 1 < text.length) p++;
  // A reduplicated adjective + 的 (抓得紧紧的, 安排得满满的) describes how the action was done.
  const a = text.charCodeAt(p);
  if (hanAt(text, p) && a !== 0x7684 /* 的 */ && text.charCodeAt(p + 1) === a && text.charCodeAt(p + 2) === 0x7684 /* 的 */ && isClauseEnd(text, p + 3)) {
    const ac = classesAt(text, p, p + 1);
    if (ac & (C.Adjective | C.Complement) && !(ac & C.Noun)) return p + 3 - i;
  }
  // X不X asks about the degree (开展得好不好, 落实得到位不到位): X an adjective or complement, not 是/有.
  for (let n = 1; n <= 2; n++) {
    if (text.charCodeAt(p + n) !== 0x4e0d /* 不 */) continue;
    const x = text.slice(p, p + n);
    if (text.startsWith(x, p + n + 1) && isClauseEnd(text, p + 2 * n + 1)) {
      const xc = wordClasses(x);
      if (xc & (C.Adjective | C.Complement) && !(xc & C.Noun) && !(xc & C.Verb && !(xc & C.Complement))) return p + 2 * n + 1 - i;
    }
  }
  const set = wordAtStart(text, p, SET_COMPLEMENT_INDEX);
  if (set) return isClauseEnd(text, p + set.length) ? p + set.length - i : 0;
  // 怎么样 / 怎样 / 如何 closing the clause asks how well the thing was done (落实得怎么样, 开展得如何).
  const how = a === 0x600e /* 怎 */ ? (text.startsWith('怎么样', p) ? 3 : text.startsWith('怎样', p) ? 2 : 0) : a === 0x5982 /* 如 */ && text.charCodeAt(p + 1) === 0x4f55 /* 何 */ ? 2 : 0;
  if (how && isClauseEnd(text, p + how) && text.charCodeAt(p + how) !== 0x3001 /* 、 */) return p + how - i;
  // 过 + a one-character adjective closing the clause (拖得过久, 定得过高, 管得过严): excess degree, like 过于. Not an amount
  // (要的过多 names what was asked for), nor a word 过 starts (过程, 过硬).
  if (a === 0x8fc7 /* 过 */ && charIn(EXCESS_ADJECTIVES, text, p + 1) && isClauseEnd(text, p + 2) && matchLength(longestMatch(text, p)) < 2) return p + 2 - i;
  // 又A又B closing the clause (修得又宽又平, 干得又快又好): two one-character descriptions, one at least an adjective.
  if (a === 0x53c8 /* 又 */ && text.charCodeAt(p + 2) === 0x53c8 && hanAt(text, p + 1) && hanAt(text, p + 3) && isClauseEnd(text, p + 4)) {
    const ya = classesAt(text, p + 1, p + 2);
    const yb = classesAt(text, p + 3, p + 4);
    const bad = C.Pronoun | C.Numeral | C.Measure | C.Verb | C.Localizer;
    if ((ya | yb) & (C.Adjective | C.Complement) && !((ya | yb) & bad) && !charAtIn('是有在', text, p + 1)) return p + 4 - i;
  }
  if (p + 4 <= text.length && isClauseEnd(text, p + 4)) {
    // isReduplicated(text.slice(p, p + 4)) and the two halves' classes, without the strings.
    const c0 = text.charCodeAt(p);
    const c2 = text.charCodeAt(p + 2);
    if (c0 === text.charCodeAt(p + 1) && c2 === text.charCodeAt(p + 3) && c0 !== c2) return p + 4 - i;
    const a = classesAt(text, p, p + 2);
    const b = classesAt(text, p + 2, p + 4);
    if (a & C.Complement && b & C.Complement && !(a & C.Noun && b & C.Noun)) return p + 4 - i;
  }
  const degree = wordAtStart(text, p, DEGREE_START_INDEX);
  let q = p;
  let marked = false;
  if (degree) {
    q += degree.length;
    marked = true;
  }
  // 不 / 不够 / 不太 / 不很: negated complement.
  for (const neg of NEGATIONS) {
    if (text.startsWith(neg, q) && !text.startsWith('不足', q) && !text.startsWith('不了', q)) {
      q += neg.length;
      marked = true;
      // 不够 closing the clause is the complement itself (重视得还不够。, 做得还远远不够，), except after verbs of
      // giving and getting, whose V的 names the thing given (提供的还不够 = what is provided is not enough).
      if (neg === '不够' && isClauseEnd(text, q) && text.charCodeAt(q) !== 0x3001 /* 、 */ && !GIVING.test(verb)) return q - i;
      break;
    }
  }
  if (!marked) {
    // A bare complement word (到位, 透彻) after a verb that is not also a noun (改革的深入 is nominal), or one asking for a
    // little more (具体一些, 明白一点: comparativeTail).
    const w = wordAt(text, q);
    if (wordClasses(verb) & C.Noun) return 0;
    const wc = wordClasses(w);
    if (w.length === 2 && !(wc & C.Noun)) {
      // (An adjective only with the tail: 明确一些; alone it may be the predicate of V的 as a subject.)
      const tail = comparativeTail(text, q + 2);
      if ((wc & C.Complement || (tail && wc & C.Adjective)) && isClauseEnd(text, q + 2 + tail)) return q + 2 + tail - i;
    }
    return 0;
  }
  // 多/少 after V的 ("收到的不多", "参加的很多") describe an amount of what was V-ed: a noun phrase subject.
  if (charAtIn('多少', text, q)) return 0;
  let len = predicateWord(text, q);
  // After a degree adverb or 不, an unknown two-character word closing the clause is a predicate (紧凑).
  if (hanAt(text, q) && hanAt(text, q + 1) && isClauseEnd(text, q + 2) && matchLength(longestMatch(text, q)) < 2) len = 2;
  if (!len) return 0;
  let end = q + len;
  // 更具体一些, 不那么…: a comparative tail after the predicate.
  if (!isClauseEnd(text, end)) end += comparativeTail(text, end);
  // 不深不透: a second negated predicate.
  if (text.charCodeAt(end) === 0x4e0d /* 不 */) {
    const l2 = predicateWord(text, end + 1);
    if (l2) end += 1 + l2;
  } else if (marked && degree !== undefined) {
    // 更实更细, 更好更快: a second degree adverb with its predicate.
    const d2 = wordAtStart(text, end, DEGREE_START_INDEX);
    const l2 = d2 ? predicateWord(text, end + d2.length) : 0;
    if (d2 && l2) end += d2.length + l2;
  }
  return isClauseEnd(text, end) ? end - i : 0;
}

/**
 * Is V right after 把 and its object (把道理讲, 把群众的事情办)? When the 把-verb came earlier (把成果转化为推动
 * 工作的实际成效, 把创新作为…), V的 is inside its complement and V的 + phrase is a noun phrase.
 */
function baObjectOnly(text: string, vStart: number): boolean {
  for (let i = vStart - 1; i >= 0 && vStart - i <= 10; i--) {
    if (text.charCodeAt(i) === 0x628a /* 把 */) return i < vStart - 1;
    if (CLAUSE_END_CODE[text.charCodeAt(i)] === 1 || charIn('为成到作给向在', text, i)) return false;
  }
  return false;
}

/**
 * In a 把-clause, a four-character description closing the clause after V的 is its complement ("把道理讲的通俗
 * 易懂。", "把要求讲的简明扼要，"): 把 needs its verb to be followed by a result, and a set phrase is one. Not two
 * nouns (把大家提出的意见建议，) nor anything with a particle or a known noun half.
 */
function phraseComplement(text: string, i: number, verbLength: number): boolean {
  if (!isClauseEnd(text, i + 4)) return false;
  // A list after 、 is a list of noun phrases (急迫诉求、…) unless it is one of descriptions too (讲的通俗易懂、入脑入心).
  if (text.charCodeAt(i + 4) === 0x3001 /* 、 */ && !phraseComplement(text, i + 5, verbLength)) return false;
  for (let k = i; k < i + 4; k++) if (!hanAt(text, k) || charAtIn('的了着地得', text, k)) return false;
  const whole = wordClasses(text.slice(i, i + 4));
  if (whole & (C.Idiom | C.Status)) return true;
  if (whole !== 0) return false;
  // The second half must describe: unknown to the table (易懂, 浅出) or an adjective, never a noun or a plain verb,
  // which head a noun phrase (重要工作, 具体要求: 工作 and 要求 may be nouns).
  const last = wordClasses(text.slice(i + 2, i + 4));
  // An unknown half only after a one-character verb (讲的通俗易懂): after 反映, 提出… it is more often a noun the
  // table lacks (把企业反映的急迫诉求，).
  const describes = (last === 0 && verbLength === 1) || ((last & (C.Adjective | C.Complement | C.Manner | C.Status)) !== 0 && !(last & (C.Noun | C.Pronoun | C.Time | C.Numeral)));
  // (A noun + an adjective after a one-character verb is a subject-predicate complement, 把主题党日搞的形式单一, 把
  // 党建工作抓的特色鲜明: the adjective, no verb or noun, describes the noun the verb made so.)
  // (单一 is an attributive word in jieba.)
  const adjectiveOnly = (last & (C.Adjective | C.Attributive)) !== 0 && !(last & (C.Noun | C.Verb | C.Pronoun | C.Time | C.Numeral));
  return nominalOnly(wordClasses(text.slice(i, i + 2))) ? verbLength === 1 && adjectiveOnly : describes;
}

/** Classes of a noun (or pronoun, time word, numeral) that is no adjective, verb, manner or complement word. */
function nominalOnly(c: number): boolean {
  return (c & (C.Noun | C.Pronoun | C.Time | C.Numeral)) !== 0 && !(c & (C.Adjective | C.Verb | C.Manner | C.Complement));
}

/**
 * A four-character set phrase closing the clause after a one-character verb + 的 (报告写的四平八稳，, 台账做的一塌糊涂。):
 * an idiom or status word of the table, or a phrase it lacks made of no content words (unknownSetPhrase). A noun
 * phrase V的 + idiom is a subject and its predicate (他说的千真万确): person subjects are ruled out before this, and
 * a definition after it (这里讲的实事求是，就是…) keeps its 的.
 */
function setPhraseAfter(text: string, i: number): boolean {
  if (!hanRun(text, i, i + 4) || !isClauseEnd(text, i + 4) || text.charCodeAt(i + 4) === 0x3001 /* 、 */) return false;
  const four = text.slice(i, i + 4);
  if (!(wordClasses(four) & (C.Idiom | C.Status)) && !unknownSetPhrase(four)) return false;
  return !/^[，,](?:就是|是|即|指)/.test(text.slice(i + 4, i + 7));
}

/**
 * A degree adverb + one character closing the clause (把课备的更精、, 把服务做的更优。): after a degree adverb a single
 * character is a predicate whatever jieba calls it (精, 优 are nouns there). Only right after 把 and its object.
 */
function degreeOne(text: string, i: number): boolean {
  const d = wordAtStart(text, i, DEGREE_START_INDEX);
  if (d === undefined) return false;
  const c = i + d.length;
  return hanAt(text, c) && !charAtIn('的了着地得', text, c) && isClauseEnd(text, c + 1) && text.charCodeAt(c + 1) !== 0xff09 /* ） */;
}

/** text.charAt(a) === text.charAt(b) without the strings: two positions past either end ('' both) count as the same. */
function sameCharAt(text: string, a: number, b: number): boolean {
  const ca = text.charCodeAt(a);
  const cb = text.charCodeAt(b);
  return ca === cb || (ca !== ca && cb !== cb);
}

/** One-character verb + 的 + one-character complement closing the clause (学的深、): a short V得C pair. */
function shortPair(text: string, de: number): boolean {
  if (!hanAt(text, de - 1) || !hanAt(text, de + 1) || !isClauseEnd(text, de + 2)) return false;
  const v = classesAt(text, de - 1, de);
  const c = classesAt(text, de + 1, de + 2);
  // (A complement word jieba also calls a noun, 实, counts: 抓的实 is no "the reality of grasping".)
  return (v & C.Verb) !== 0 && (c & (C.Adjective | C.Complement)) !== 0 && (!(c & C.Noun) || (c & C.Complement) !== 0) &&
    matchLength(longestMatch(text, de + 1)) < 2;
}

/**
 * Two short V的C pairs side by side (学的深、悟的透; 抓的实，做的细): parallel complements, never two noun
 * phrases. A single pair (学的深) stays unflagged: it may be the subject of a longer sentence.
 */
function parallelShort(text: string, de: number): boolean {
  if (sameCharAt(text, de - 1, de - 2) || !shortPair(text, de)) return false;
  // The partner pair closes the next or the previous clause, with its own subject before it or not (风险点找的准、
  // 防控措施定的实; 任务抓的紧、抓的实).
  const after = text.charCodeAt(de + 2);
  if (after === 0x3001 /* 、 */ || after === 0xff0c /* ， */) {
    // (The partner may be written right, with 得: 查得准、抓的实.)
    for (let k = de + 4; k <= de + 10 && hanAt(text, k - 1); k++) {
      if (text.charCodeAt(k) === 0x7684 /* 的 */ || text.charCodeAt(k) === 0x5f97 /* 得 */) {
        if (!sameCharAt(text, k - 1, k - 2) && shortPair(text, k)) return true;
        break;
      }
    }
  }
  let s = de - 1;
  while (s > 0 && de - s < 8 && hanAt(text, s - 1)) s--;
  const before = text.charCodeAt(s - 1);
  return (before === 0x3001 /* 、 */ || before === 0xff0c /* ， */) && charAtIn('的得', text, s - 3) && !sameCharAt(text, s - 4, s - 5) && shortPair(text, s - 3);
}

/**
 * A two-character predicate the table lacks (老化, 外流: its verbs are pruned) after a noun, + 的 + a degree adverb and
 * a predicate closing the clause (设施老化的比较严重。): a noun phrase ending in 的 with nothing after it is not
 * followed by a degree predicate, so the 的 marks a complement.
 */
function unknownPredicateBefore(text: string, de: number): string | undefined {
  // (Cheap test first: a degree adverb after 的, or after 还/也/都/仍.)
  const d = charAtIn('还也都仍', text, de + 1) ? de + 2 : de + 1;
  if (!DEGREE_START_INDEX.has(text.charCodeAt(d))) return undefined;
  if (!hanRun(text, de - 2, de) || matchLength(longestMatch(text, de, -1)) >= 2 || matchLength(longestMatch(text, de - 2)) >= 2) return undefined;
  if (charAtIn('的地得了着过之所', text, de - 1) || charAtIn('的地得了着过之所', text, de - 2)) return undefined;
  // (Its first character must not end a word, 党组织中: 组织 + the localizer 中, and no localizer last.)
  if (matchLength(longestMatch(text, de - 1, -1)) >= 2 || classesAt(text, de - 1, de) & C.Localizer) return undefined;
  const subject = longestMatch(text, de - 2, -1);
  if (matchLength(subject) < 2 || (matchClasses(subject) & (C.Noun | C.Verb | C.Adjective)) !== C.Noun) return undefined;
  let p = de + 1;
  if (charAtIn('还也都仍', text, p)) p++;
  if (wordAtStart(text, p, DEGREE_START_INDEX) === undefined) return undefined;
  return text.slice(de - 2, de);
}

/** Potential complements after a one-character verb (看得见, 听得懂, 守得住, 学得进, 做得到): no word starts at them. */
const POTENTIAL = '见懂住完动进透到';
/** One-character descriptions of how a thing is done (走得稳, 跑得勤, 转得快): they never describe what was done. */
const MANNER_ONE = '稳快慢深透实细勤紧准早晚远久牢';
/** Predicates of the doer's state or the event's mood (干得安心, 谈得热烈): never of the thing done. */
const DOER_STATE = /(?:热烈|热闹|起劲|开心|愉快|辛苦|卖力|安心|舒心|踏实|放心|带劲|尽兴|顺心|舒畅|痛快)/y;

/**
 * By code unit: 1 potential, 2 one-character manner word, 4 a doer-state word's first character, 8 也/都/还, 16 a degree
 * adverb's first character, 32 a directional complement's first character.
 */
const COMPLEMENT_START = new Uint8Array(0x10000);
for (const [chars, bit] of [[POTENTIAL, 1], [MANNER_ONE, 2], ['热起开愉辛卖安舒踏放带尽顺痛', 4], ['也都还', 8], ['出起下上回过', 32]] as const)
  for (let k = 0; k < chars.length; k++) COMPLEMENT_START[chars.charCodeAt(k)]! |= bit;
for (const w of DEGREE_ADVERBS) COMPLEMENT_START[w.charCodeAt(0)]! |= 16;
/** Flags of a character that may stand second: after 也/都/还 (a manner word or a state) or after a degree's first character. */
const DEGREE_OR_STATE = 2 | 4 | 16;

/**
 * V的 + a complement that only describes the doing, with any subject (persons too: the noun-phrase reading, "what
 * they said is …", needs a predicate that can describe a thing):
 * - a potential complement after a one-character verb (看的见问题, 学的进, 守的住底线) or a directional one (看的出来);
 * - a one-character manner word closing the clause (我们走的稳。, 跑的勤，);
 * - a predicate of the doer's state, after a degree adverb or not (干的安心。, 谈的十分热烈。).
 * Not after 所 or a 的 (checked before), nor a reduplicated verb.
 */
function doerComplement(text: string, de: number, verb: string): boolean {
  const c = text.charCodeAt(de + 1);
  const flags = COMPLEMENT_START[c] ?? 0;
  const flags2 = COMPLEMENT_START[text.charCodeAt(de + 2)] ?? 0;
  // (Cheap test first: none of the forms can start here.)
  if (flags === 0 && !(flags2 & DEGREE_OR_STATE)) return false;
  if (verb.length === 1) {
    if (flags & 1) {
      // (Not a word the character starts: 见解, 进度, 到底, 完全, 动员. Not before 了, 寄的到了 = what was sent has
      // arrived, nor 住/动/进 before 的, which are verbs of their own in lists: 吃的住的.)
      if (matchLength(longestMatch(text, de + 1)) >= 2 || charIn('地得了着过', text, de + 2)) return false;
      if (text.charCodeAt(de + 2) === 0x7684 /* 的 */ && charIn('住动进', text, de + 1)) return false;
      // (An object after it must be a word the table knows, 看的见问题: the table lacks many words C starts, 见闻录. After
      // 住 any object: the words it starts, 住房, 住宿, are ones the table knows.)
      return isClauseEnd(text, de + 2) || text.charCodeAt(de + 2) === 0x7684 /* 的 */ || matchLength(longestMatch(text, de + 2)) >= 2 ||
        (c === 0x4f4f /* 住 */ && hanAt(text, de + 2));
    }
    DIRECTIONAL.lastIndex = de + 1;
    if (flags & 32 && DIRECTIONAL.test(text) && isClauseEnd(text, DIRECTIONAL.lastIndex)) return true;
    // (也/都/还 may stand before it: 卖的也快.)
    const m1 = flags & 8 ? de + 2 : de + 1;
    if ((COMPLEMENT_START[text.charCodeAt(m1)] ?? 0) & 2 && isClauseEnd(text, m1 + 1) && matchLength(longestMatch(text, m1)) < 2) return true;
  }
  let p = de + 1;
  if (flags & 8) p++;
  const degree = wordAtStart(text, p, DEGREE_START_INDEX);
  if (degree !== undefined) p += degree.length;
  // (After a longer verb only with a degree adverb: 带来的安心, 付出的辛苦 name a thing given or borne.)
  if (verb.length > 1 && (degree === undefined || GIVING.test(verb))) return false;
  if (!((COMPLEMENT_START[text.charCodeAt(p)] ?? 0) & 4)) return false;
  DOER_STATE.lastIndex = p;
  return DOER_STATE.test(text) && isClauseEnd(text, DOER_STATE.lastIndex) && (wordClasses(verb) & C.Noun) === 0;
}

function checkComplement(text: string, de: number, report: Reporter): boolean {
  const unknown = unknownPredicateBefore(text, de);
  if (unknown !== undefined && complementAt(text, de + 1, unknown) > 0) {
    report({ start: de, end: de + 1, message: messages.complement(unknown), replacements: ['得'] });
    return true;
  }
  const verb = verbBefore(text, de);
  if (!verb) return false;
  const vStart = de - verb.length;
  if (text.charCodeAt(vStart - 1) === 0x6240 /* 所 */) return false; // 所做的 …: nominal
  // 存在 states that a thing exists and takes no complement of manner: 存在的不足, 存在的不规范问题 are noun phrases.
  if (verb === '存在') return false;
  if (text.charCodeAt(vStart - 1) === 0x7684 /* 的 */) return false; // 党的领导的: a noun
  if (verb.length === 1 && text.charAt(vStart - 1) === verb) return false; // 点点滴滴的: a reduplicated word
  const cStart = de + 1;
  // 该管的不管, 能办的没办: the verb comes back negated, so V的 names the thing (what should be done is not
  // done). A complement never repeats its own verb (V得不V is no Chinese; its question form is V得好不好).
  if (charIn('不没未', text, cStart) && text.startsWith(verb, cStart + 1)) return false;
  if (doerComplement(text, de, verb)) {
    report({ start: de, end: de + 1, message: messages.complement(verb), replacements: ['得'] });
    return true;
  }
  // "他们提出的十分中肯", "大家反映的比较集中": with a person as subject, S+V的 may be a noun phrase
  // ("what they raised") followed by its predicate; only a negated complement (认识的还不够深) is sure.
  // (The subject's classes from its match: the word's own, as wordClasses(subject) gives them, without a second walk.)
  const subjectMatch = longestMatch(text, vStart, -1);
  const subject = longestWordEndingAt(text, vStart);
  if (subject && (matchClasses(subjectMatch) & C.Pronoun || PERSONS.includes(subject.endsWith('们') ? subject.slice(0, -1) : subject))) {
    // Negated, set and reduplicated complements describe a manner, never a thing (干的热火朝天).
    // (Not a bare 不够 closing the clause: 我们做的还不够 = what we did is not enough.)
    const sure =
      (/^[还也都仍]?不/.test(text.slice(cStart, cStart + 2)) && !/^[还也都仍]?不够[，。；！？、,.;!?]/.test(text.slice(cStart, cStart + 4))) ||
      wordAtStart(text, cStart, SET_COMPLEMENT_INDEX) !== undefined ||
      isReduplicated(text.slice(cStart, cStart + 4)) ||
      // A verb that takes no object (干部成长的很快): S + V的 names no thing, so the complement describes the doing.
      (INTRANSITIVE.has(verb) && complementAt(text, cStart, verb) > 0) ||
      // A topic before a pronoun subject (这些政策要点他记的很清楚): V's object stands first, so V的 names no thing
      // and what follows describes the doing. (A pronoun only: a noun before 群众, 党员 may modify them, 社区群众.)
      (matchClasses(subjectMatch) & C.Pronoun && (longestClasses(text, vStart - subject.length, -1, 2) & (C.Noun | C.Verb | C.Pronoun | C.Time | C.Localizer)) === C.Noun &&
        complementAt(text, cStart, verb) > 0);
    if (!sure) return false;
  }
  // (The set phrase only after a one-character verb with its topic noun before it, 报告写的…, 党课讲的…: a verb
  // character inside a phrase, 比学赶超的浓厚氛围, has none.)
  let ok = complementAt(text, cStart, verb) > 0 || parallelShort(text, de) ||
    (verb.length === 1 && setPhraseAfter(text, cStart) && (longestClasses(text, vStart, -1, 2) & C.Noun) !== 0);
  if (!ok && inBaClause(text, vStart)) {
    BA_PARALLEL_RE.lastIndex = cStart;
    const set = wordAtStart(text, cStart, SET_COMPLEMENT_INDEX);
    ok = (set !== undefined && text.charCodeAt(cStart + set.length) !== 0x7684 /* 的 */) || BA_PARALLEL_RE.test(text) ||
      (baObjectOnly(text, vStart) && (phraseComplement(text, cStart, verb.length) || degreeOne(text, cStart)));
  }
  if (!ok) return false;
  report({ start: de, end: de + 1, message: messages.complement(verb), replacements: ['得'] });
  return true;
}

// ---------------------------------------------------------------------------------------------
// 4. 的 written as 地/得 before a noun

/** Is the particle at i part of a lexicon word with its neighbours (各地, 地区, 取得, 得到, 获得感)? */
function partOfWord(text: string, i: number): boolean {
  // The longest word starting at s spans i whenever any word does.
  for (let s = i; s >= Math.max(0, i - 3); s--) {
    const w = longestWordAt(text, s, Math.max(2, i - s + 1));
    if (w !== undefined) return true;
  }
  return false;
}

/** The start of a word that spans the particle at i from the left (各地, 高地, 取得, 心得), or -1. */
function particleWordStart(text: string, i: number): number {
  for (let s = i - 1; s >= Math.max(0, i - 3); s--) if (longestWordAt(text, s, i - s + 1) !== undefined) return s;
  return -1;
}

/** A noun (not also a verb or adjective) starting at i, or undefined. A 1-character adjective (新) may precede. */
function nounAt(text: string, i: number, taken = false): string | undefined {
  let p = i;
  const first = wordAt(text, p);
  const fc = wordClasses(first);
  // A plain adjective may stand before the noun: 新情况, 良好环境.
  if (fc & C.Adjective && !(fc & (C.Verb | C.Adverb | C.Manner | C.Noun)) && first.length <= 2) p += first.length;
  const w = wordAt(text, p);
  // 获得感, 幸福感, 责任感: a two-character word + 感 is a noun.
  if (w.length === 2 && text.charCodeAt(p + 2) === 0x611f /* 感 */ && wordAt(text, p + 2) === '感') return text.slice(i, p + 3);
  if (w.length < 2) {
    // After a noun-phrase taker, an unknown two-character word closing the clause is its head (发生了明显地改观。).
    if (taken && p === i && hanAt(text, p + 1) && isClauseEnd(text, p + 2) && matchLength(longestMatch(text, p)) < 2)
      return text.slice(i, p + 2);
    return undefined;
  }
  const c = wordClasses(w);
  // After a taker, a noun that is also a verb (变化) counts when it closes the clause.
  const nounVerbOk = taken && c & C.Noun && isClauseEnd(text, p + w.length);
  if (!nounVerbOk && (!(c & C.Noun) || c & (C.Verb | C.Adjective | C.Adverb | C.Manner | C.Idiom))) return undefined;
  // A noun followed by another noun may be the object of a verb reading of the first (规范管理制度):
  // require the noun phrase to end the clause, or to be followed by a verb, 的, 和 or 、.
  const after = p + w.length;
  if (charAtIn(VERB_MARKS, text, after)) return undefined; // 利用了: a verb
  if (!isClauseEnd(text, after)) {
    const next = wordAt(text, after);
    const nc = wordClasses(next);
    if (nc & C.Noun && !(nc & C.Verb)) {
      // 新情况新问题, 辉煌成就: a second noun is fine when the first is a modifier-like noun; keep only when the
      // pair ends the clause.
      const end2 = after + next.length;
      if (!isClauseEnd(text, end2) && !hanAt(text, end2)) return undefined;
    }
  }
  return text.slice(i, after);
}

/** What starts a predicate after a subject noun phrase: degree, aspect and manner adverbs, 被. */
const PREDICATE_START = /(?:越来越|越|被|明显|不断|不|也|都|更|比较|较|很|十分|日益|逐步|进一步|正在|已经|已|还|普遍|大大|显著|有所|相对|严重|仍|偏)/y;
/** Predicates whose subject may be a verb used as a noun (成长离不开…, 发展在于…, 落实是关键). */
const NOMINAL_SUBJECT_PREDICATE = /^(?:是|离不开|在于|取决于|关系到)/;
function nominalSubjectPredicate(text: string, e: number): boolean {
  if (!NOMINAL_SUBJECT_PREDICATE.test(text.slice(e, e + 3))) return false;
  // 是 as a word of its own, not in 是非, 是否.
  return text.charCodeAt(e) !== 0x662f /* 是 */ || matchLength(longestMatch(text, e)) <= 1;
}
/** Suffixes that make a noun of the word before them (号召力, 获得感, 示范者, 满意度, 积极性, 覆盖率). */
const NOUN_SUFFIX = '力性者感率度';

/** Does a predicate start at i: a PREDICATE_START word or a verb that is no noun (触角延伸到…)? */
function predicateAt(text: string, i: number): boolean {
  PREDICATE_START.lastIndex = i;
  if (PREDICATE_START.test(text)) return true;
  const m = longestMatch(text, i);
  const c = matchClasses(m);
  if (matchLength(m) >= 2) return (c & C.Verb) !== 0 && (c & C.Noun) === 0;
  // A one-character verb with a place or goal after it (放在心上, 用到实处), or with an aspect or direction mark
  // (腰包鼓了起来, 收入涨了): a noun before it is its subject.
  return matchLength(m) === 1 && (c & C.Verb) !== 0 && (c & C.Noun) === 0 && charAtIn('在到于给了起', text, i + 1);
}

/** After a head noun ending at e: the clause end, a coordinator or 的/等, a predicate, or a predicate that takes a nominal subject. */
function headCloses(text: string, e: number): boolean {
  return isClauseEnd(text, e) || charAtIn('的和与及等', text, e) || predicateAt(text, e) || nominalSubjectPredicate(text, e);
}

/** A four-character run from i the table lacks, not opening with a verb (不正之风, 有偿补课; not 看待问题). */
function unknownRunAt(text: string, i: number): boolean {
  for (let k = i; k < i + 4; k++) if (!hanAt(text, k) || charAtIn('的地得了着', text, k)) return false;
  // (Nor a degree adverb first: 种植地比较分散, 推进地比较缓慢 are a place noun or a verb and their predicate.)
  return wordClasses(text.slice(i, i + 4)) === 0 && !(wordClasses(text.slice(i, i + 2)) & C.Verb) &&
    wordAtStart(text, i, DEGREE_START_INDEX) === undefined &&
    (isClauseEnd(text, i + 4) || charAtIn('等和与及', text, i + 4));
}

/**
 * A head noun after 地/得 where nounAt is unsure, for contexts that already call for 的 (a noun before 地, a verb
 * with its subject, an adjective before 得). Returns the noun or undefined. Accepted:
 * - a derived noun, a word + 力/性/者/感/率/度 (号召力, 示范者);
 * - a word the lexicon knows as a noun (also as a verb: 负担, 经费) that ends the clause, is followed by 的, a
 *   coordinator, a predicate (精力被…, 利益问题研究…) or by one more noun that ends the clause (经费支持；);
 * - a two-character word the table lacks (触角, 门路: nouns are pruned harder than verbs) before a predicate;
 * - a four-character run the table lacks (不正之风, 有偿补课) before 等, a coordinator or the clause end.
 */
function headNounAfter(text: string, i: number): string | undefined {
  const m = longestMatch(text, i);
  const len = matchLength(m);
  const c = matchClasses(m);
  if (len === 2 && charAtIn(NOUN_SUFFIX, text, i + 2) && matchLength(longestMatch(text, i + 2)) < 2) return text.slice(i, i + 3);
  if (len < 4 && unknownRunAt(text, i)) return text.slice(i, i + 4);
  if (len >= 2) {
    // A verb as the head of a subject before 是/离不开/在于… (干部地成长离不开…): a predicate that takes a
    // nominalised subject and never follows a manner adverbial.
    if (!(c & C.Noun)) return c & C.Verb && nominalSubjectPredicate(text, i + len) ? text.slice(i, i + len) : undefined;
    const e = i + len;
    if (headCloses(text, e)) return text.slice(i, e);
    // Up to two more nouns, then the clause end or a predicate (战斗堡垒作用。, 工作压力越来越大).
    let end = e;
    for (let k = 0; k < 2; k++) {
      const next = longestMatch(text, end);
      if (matchLength(next) < 2 || !(matchClasses(next) & C.Noun)) return undefined;
      end += matchLength(next);
      if (isClauseEnd(text, end) || predicateAt(text, end)) return text.slice(i, end);
    }
    return undefined;
  }
  if (!hanAt(text, i) || !hanAt(text, i + 1) || matchLength(longestMatch(text, i + 1)) >= 2) return undefined;
  // (Not a verb with its aspect mark or a particle: 看了, 说着 are no nouns.)
  if (charAtIn('的地得了着过', text, i + 1) || charAtIn('的地得了着过', text, i)) return undefined;
  if (predicateAt(text, i + 2)) return text.slice(i, i + 2);
  // Unknown and closing the clause (烦心事。): only trusted as the object of a verb before X (checkAttributive).
  for (const n of [2, 3]) if (hanRun(text, i, i + n) && isClauseEnd(text, i + n) && text.charCodeAt(i + n) !== 0x3001 /* 、 */) return text.slice(i, i + n);
  return undefined;
}

/**
 * A plain adjective (one jieba never uses adverbially and the genre does not use as a manner word: 良好, 浓厚,
 * 重要) + a noun closing the clause (风尚。, 氛围，, 传统和…): a noun phrase, whatever stands before 地 (形成崇廉拒腐地
 * 良好风尚). 地 + adjective + verb stays (严格地依法办事): the second word must be a noun, or a two-character word
 * the table lacks (its nouns are pruned harder than its verbs) that closes the clause.
 */
function adjectiveNounAfter(text: string, i: number): boolean {
  const a = longestMatch(text, i);
  const ac = matchClasses(a);
  if (matchLength(a) !== 2 || (ac & (C.Adjective | C.Verb | C.Adverb | C.Manner | C.Complement | C.Noun | C.Status | C.Attributive)) !== C.Adjective) return false;
  const n = i + 2;
  const m = longestMatch(text, n);
  const nc = matchClasses(m);
  if (matchLength(m) >= 2) return (nc & C.Noun) !== 0 && (nc & (C.Verb | C.Adjective)) === 0 && nounListCloses(text, n + (matchLength(m)));
  return hanRun(text, n, n + 2) && matchLength(longestMatch(text, n + 1)) < 2 && !charAtIn('了着过的地得', text, n + 1) &&
    !(classesAt(text, n, n + 1) & C.Verb && !(classesAt(text, n, n + 1) & C.Noun)) && nounListCloses(text, n + 2);
}

/** The clause end, a coordinator or 的/等 at e. */
function nounListCloses(text: string, e: number): boolean {
  return isClauseEnd(text, e) || charAtIn('的和与及等', text, e);
}

/**
 * Where no word ends at the particle, two forms that can only modify a noun:
 * - a verb with its result mark + 得 + nouns (推广好得经验做法, 总结出得规律): a verb that carries its result takes
 *   no complement of its own, and 得 "get" takes no verb before it;
 * - a four-character set phrase + 地 + a noun and a predicate (同甘共苦地作风有所弱化): 地 needs a verb after it,
 *   and a noun followed by a predicate is a subject.
 */
function resultOrPhraseBeforeNoun(text: string, i: number, phrase: string): boolean {
  const m = longestMatch(text, i + 1);
  const len = matchLength(m);
  const c = matchClasses(m);
  if (len < 2 || (c & (C.Noun | C.Verb | C.Adjective | C.Adverb | C.Manner)) !== C.Noun) return false;
  if (text.charCodeAt(i) === 0x5f97 /* 得 */) {
    if (!charAtIn('好到出', text, i - 1) || !(classesAt(text, i - 3, i - 1) & C.Verb)) return false;
    const next = longestMatch(text, i + 1 + len);
    // (A second word after the noun makes a compound (经验做法; jieba calls 做法 a verb), or the noun closes the clause.)
    return isClauseEnd(text, i + 1 + len) || matchLength(next) >= 2;
  }
  return unknownSetPhrase(phrase) && !(hanAt(text, i - 5) && matchLength(longestMatch(text, i - 5)) >= 2) && predicateAt(text, i + 1 + len);
}

/**
 * Words before X that take a noun phrase only (产生了深刻得影响, 提供坚强有力地组织保证, 制定切实可行得整改措施, 一次深刻地
 * 思想洗礼): X地/得 + what follows is their object, so the particle is 的. (是 apart, see MEANS_NOUNS.)
 */
/**
 * A verb + a noun + 得 + a noun closing the clause (重视群众得意见。, 修村里得路、): the first noun is the verb's object, so
 * 得 cannot be the modal or "get" with it as subject (让/使/要求 + a person, a pivot, may be: 让群众得实惠), and after a
 * noun 得 marks no complement. The noun after 得 is one the table knows as no verb or adjective (a verb would be the
 * modal's: 群众得参与), or one character closing the clause.
 */
function takenNounDe(text: string, i: number, report: Reporter): boolean {
  // (Cheap test first: the clause ends within four characters after 得.)
  if (!isClauseEnd(text, i + 2) && !isClauseEnd(text, i + 3) && !isClauseEnd(text, i + 4) && !isClauseEnd(text, i + 5)) return false;
  const n = longestMatch(text, i, -1);
  const nl = matchLength(n);
  const nc = matchClasses(n);
  if (nl < 2 || !(nc & (C.Noun | C.Localizer)) || nc & (C.Verb | C.Adjective | C.Adverb | C.Pronoun | C.Time)) return false;
  if (particleWordStart(text, i) >= 0) return false;
  GET_OBJECTS.lastIndex = i + 1;
  if (GET_OBJECTS.test(text)) return false;
  const m = longestMatch(text, i + 1);
  const ml = matchLength(m);
  const mc = matchClasses(m);
  const noun = ml >= 2
    ? (mc & (C.Noun | C.Verb | C.Adjective | C.Adverb | C.Pronoun | C.Numeral)) === C.Noun
    : hanAt(text, i + 1) && (classesAt(text, i + 1, i + 2) & (C.Noun | C.Verb | C.Adjective | C.Measure | C.Numeral)) === C.Noun;
  if (!noun || !isClauseEnd(text, i + 1 + Math.max(ml, 1))) return false;
  // The verb before the first noun (one more noun may stand between: 重视基层群众得意见), not a pivot.
  let p = i - nl;
  let v = longestMatch(text, p, -1);
  if ((matchClasses(v) & (C.Noun | C.Verb)) === C.Noun && matchLength(v) >= 2) {
    p -= matchLength(v);
    v = longestMatch(text, p, -1);
  }
  // (An aspect mark may follow the verb, 提高了; a verb the table calls a noun too, 服务, counts only with it.)
  const marked = charIn('了着过', text, p - 1);
  if (marked) v = longestMatch(text, --p, -1);
  const vc = matchClasses(v);
  if (!(vc & C.Verb) || (vc & C.Noun && !marked) || PIVOTS.test(text.slice(Math.max(0, p - 2), p)) || charAtIn(CAUSATIVES, text, p - 1)) return false;
  report({ start: i, end: i + 1, message: messages.attributive(text.slice(i - nl, i), text.slice(i + 1, i + 1 + Math.max(ml, 1))), replacements: ['的'] });
  return true;
}

/** A longestMatch result that is a noun of two or more characters and no adjective, adverb, time, place, pronoun, manner or numeral word. */
function plainNounMatch(m: number): boolean {
  return matchLength(m) >= 2 && (matchClasses(m) & C.Noun) !== 0 &&
    !(matchClasses(m) & (C.Adjective | C.Adverb | C.Time | C.Localizer | C.Pronoun | C.Manner | C.Status | C.Numeral));
}

/**
 * A noun-phrase taker (发挥, 形成, 树立…) + a noun + 地 + a word (发挥基层党组织地战斗堡垒作用): the noun is no manner word
 * (those are adjectives and adverbs), and whatever follows it is the taker's object, a noun phrase. One more noun may
 * stand before it (基层 + 党组织).
 */
function takenNounDi(text: string, i: number, report: Reporter): boolean {
  if (!hanAt(text, i + 1) || matchLength(longestMatch(text, i + 1)) < 2) return false;
  const n = longestMatch(text, i, -1);
  if (!plainNounMatch(n)) return false;
  let p = i - matchLength(n);
  const n2 = longestMatch(text, p, -1);
  if (plainNounMatch(n2) && !NP_TAKER.test(text.slice(Math.max(0, p - 3), p))) p -= matchLength(n2);
  if (!NP_TAKER.test(text.slice(Math.max(0, p - 3), p))) return false;
  report({ start: i, end: i + 1, message: messages.attributive(text.slice(i - matchLength(n), i), wordAt(text, i + 1)), replacements: ['的'] });
  return true;
}

/** A verb of giving and its person (给了我, 带给大家, 给予他们): a double object, the second a noun phrase. */
const DOUBLE_OBJECT = /(?:给|给予|带给|交给|送给|留给)了?(?:我|你|您|他|她|我们|你们|他们|她们|大家|群众|党员|干部)$/;
const NP_TAKER = new RegExp(
  `(?:${[...REVERSE_TAKERS, '发挥', '制定', '建立', '营造', '树立', '保持', '具有', '具备', '构建', '打造', '成为', '汲取', '吸取', '开展', '举办', '采取', '留下', '面临', '遇到', '造成', '奠定', '打下'].join('|')}|一[种个项次场条])[了着]?$`,
);
/**
 * Nouns of a state or quality (思想状况, 理想信念, 生活作风, 政治生态): after 地 + a noun they close a compound that is
 * hardly ever a verb's object, unlike 精神, 成绩 (体会文件精神, 评价工作成绩: jieba calls 体会, 评价 nouns).
 */
const ATTRIBUTE_NOUNS = /(?:状况|状态|面貌|风貌|素质|本色|品质|品格|信念|作风|生态|氛围|风气|风尚|情怀|境界|底色|追求|觉悟|修养)/y;

/** Light verbs: their object is an action, so a verb alone closing the clause is their object (进行认真地学习。). */
const LIGHT_TAKER = /(?:进行|加以|予以|给予)[了着]?$/;
/** Nouns of means, what something "is" (主题党日是有效的培养载体): a verb + one of them after 是 is a noun phrase. */
const MEANS_NOUNS = /^(?:载体|平台|阵地|抓手|途径|渠道|窗口|桥梁|纽带|手段|方式|形式)/;

/**
 * The end of a noun phrase starting at s and closing the clause, or -1: one to three words
 * of two or more characters, the last a head noun (HEAD_NOUNS) or a noun. When the first word is a verb that is no
 * noun (组织保证, 培养载体, 带头作用), its head must be a HEAD_NOUN that is not its usual object (发挥作用), and
 * `means` asks for a noun of means.
 */
function nounPhraseEnd(text: string, s: number, means: boolean, taken = false): number {
  const first = longestMatch(text, s);
  const fc = matchClasses(first);
  // (After 是 a noun-like verb counts too: 是精准地服务平台.)
  const verbFirst = matchLength(first) >= 2 && (fc & C.Verb) !== 0 && (means || !(fc & C.Noun));
  let p = s;
  for (let k = 0; k < 3; k++) {
    const head = wordAtStart(text, p, HEAD_NOUN_INDEX);
    const m = longestMatch(text, p);
    let len = matchLength(m);
    if (head !== undefined && head.length >= 2 && head.length >= len) len = head.length;
    // (A two-character word the table lacks may close the phrase: 洗礼, 载体.)
    const unknown = len < 2 && unknownPairAt(text, p);
    if (unknown) len = 2;
    if (len < 2) return -1;
    // A noun + 观 (政绩观, 权力观, 群众观): a view, a noun.
    if (len === 2 && text.charCodeAt(p + 2) === 0x89c2 /* 观 */ && isClauseEnd(text, p + 3) && (unknown || classesAt(text, p, p + 2) & C.Noun)) len = 3;
    const e = p + len;
    // (Only at the clause end: before 的 the words may be a verb and its object inside a relative clause, 形成自觉地
    // 学习理论的氛围, 提供便捷地办理业务的渠道, and jieba calls some verbs nouns, 办理, 评价, 体会.)
    if (isClauseEnd(text, e) && text.charCodeAt(e) !== 0x3001 /* 、 */) {
      // (A head noun jieba calls a verb alone after a taker is its object: 发挥了积极地作用, 产生深远地影响.)
      if (k === 0 && verbFirst && !(taken && head !== undefined && head.length === len)) return -1;
      const c = unknown ? C.Noun : matchClasses(longestMatch(text, p));
      const isHead = head !== undefined && head.length === len;
      if (verbFirst) {
        const objects = VERB_OBJECT_RE.get(text.slice(s, s + matchLength(first)));
        if (objects) {
          objects.lastIndex = p;
          if (objects.test(text)) return -1;
        }
        if (!isHead || (means && !MEANS_NOUNS.test(text.slice(p, e)))) return -1;
        return e;
      }
      if (means) return -1;
      // (A single noun that is also a verb, 影响, 教训, only after a taker: 产生了深刻的影响.)
      return isHead || ((c & C.Noun) !== 0 && (!(c & C.Verb) || k > 0 || taken)) ? e : -1;
    }
    // (A word the table lacks inside the phrase only after a taker: 一次生动地党性教育.)
    if (unknown && !taken) return -1;
    p = e;
  }
  return -1;
}

/**
 * X地/得 + a noun phrase where 的 belongs:
 * - after a verb or measure phrase that takes a noun phrase only (NP_TAKER, or 是 before a noun of means): 产生了深刻
 *   得影响, 制定切实可行得整改措施, 提供坚强有力地组织保证, 是有效地培养载体;
 * - 地 + two nouns closing the clause (真实地思想状况, 崇高地理想信念): 地 needs a verb after it, and a noun that is no
 *   verb followed by another noun is a compound.
 * X is a manner word, adjective, adverb, idiom or status word of the table, or a run it lacks (2–4 characters).
 */
/** Classes of a noun that is no adjective, manner word, adverb or status word. */
function nounNotManner(c: number): boolean {
  return (c & C.Noun) !== 0 && !(c & (C.Adjective | C.Manner | C.Adverb | C.Status));
}

/**
 * Four characters from s the table lacks as a word, made of two describing halves (坚强有力, 切实可行, 科学合理): no
 * half a pronoun, numeral, measure, time or place word, and not two nouns (党员干部).
 */
function describingRun(text: string, s: number): boolean {
  if (!hanRun(text, s, s + 4) || classesAt(text, s, s + 4) !== 0) return false;
  const a = classesAt(text, s, s + 2);
  const b = classesAt(text, s + 2, s + 4);
  const bad = C.Pronoun | C.Numeral | C.Measure | C.Time | C.Localizer | C.Preposition | C.Conjunction;
  // (Nor an adverb + a verb, a verb phrase: 必须具备, 不断提高.)
  const verbOnly = (b & C.Verb) !== 0 && !(b & (C.Noun | C.Adjective | C.Manner | C.Complement));
  return !((a | b) & bad) && !(nounNotManner(a) && nounNotManner(b)) && !(adverbOnly(a) && verbOnly) && !/[的地得了着过之]/.test(text.slice(s, s + 4));
}

/** The A天B地 set frame (翻天覆地, 惊天动地, 顶天立地, 铺天盖地) from s: a description whose last 地 is no particle. */
function skyEarthFrame(text: string, s: number): boolean {
  return text.charCodeAt(s + 1) === 0x5929 /* 天 */ && text.charCodeAt(s + 3) === 0x5730 /* 地 */ && hanAt(text, s) && hanAt(text, s + 2);
}

function checkTakenNounPhrase(text: string, i: number, report: Reporter): boolean {
  // (Cheap test first: the phrase closes the clause within three words of up to four characters.)
  let close = i + 3;
  while (close <= i + 13 && hanAt(text, close - 1) && !isClauseEnd(text, close)) close++;
  if (close > i + 13 || !isClauseEnd(text, close)) return false;
  // A word spanning the particle from the left (各地, 取得, 心得) makes it no particle, unless it starts inside the
  // known word X ending at the particle (明显得成效: 显得 overlaps 明显).
  const spanStart = particleWordStart(text, i);
  const xKnown = matchLength(longestMatch(text, i, -1));
  if (spanStart >= 0 && !(xKnown >= 2 && spanStart > i - xKnown)) return false;
  const known = longestMatch(text, i, -1);
  const kl = matchLength(known);
  const kc = matchClasses(known);
  // X: the known word, or a run of four the table lacks ending in it (坚强有力, 切实可行, 科学合理); without a known
  // word, a run of four to two.
  // (Not a shorter run: X地 is often a place noun the table lacks, 属地, 三地, 水源地.)
  // Two characters the table lacks count only right after a taker (保持着朴素地生活作风), not numerals (形成三地…).
  const xLens = kl >= 4 ? [kl] : kl >= 2 ? [4, kl] : [4, 2];
  // (A noun too only when also an adjective or manner word: 热情.)
  const describes = C.Adjective | C.Adverb | C.Manner | C.Status | C.Idiom | C.Attributive;
  const knownOk = kl >= 2 && (kc & describes) !== 0 && !(kc & (C.Pronoun | C.Numeral | C.Measure)) && (!(kc & C.Noun) || (kc & (C.Adjective | C.Manner)) !== 0);
  for (const len of xLens) {
    if (len === 2 && kl < 2) {
      if ((classesAt(text, i - 2, i - 1) | classesAt(text, i - 1, i)) & (C.Numeral | C.Measure | C.Pronoun | C.Localizer)) continue;
    } else if (len === kl ? !knownOk : !describingRun(text, i - 4) && !unknownSetPhrase(text.slice(i - 4, i)) && !skyEarthFrame(text, i - 4)) continue;
    const xStart = i - len;
    if (!hanRun(text, xStart, i) || (/[的地得了着过之]/.test(text.slice(xStart, i)) && !(len === 4 && skyEarthFrame(text, xStart)))) continue;
    const p = skipDegree(text, xStart);
    const before = text.slice(Math.max(0, p - 3), p);
    // (A verb of giving with its person, 给了我, 带给大家: what it gives is a noun phrase, a verb the table knows too, 鼓舞.
    // Not before a manner word without a degree adverb: 教给我们认真地做事.)
    const giving = DOUBLE_OBJECT.test(text.slice(Math.max(0, p - 6), p)) && (p < xStart || !(classesAt(text, xStart, i) & (C.Adverb | C.Manner | C.Status)));
    const taker = NP_TAKER.test(before) || giving;
    if (len === 2 && kl < 2 && !taker) continue;
    const means = !taker && /是$/.test(before) && text.charCodeAt(i) === 0x5730 /* 地 */;
    let end = -1;
    if (taker || means) end = nounPhraseEnd(text, i + 1, means, taker);
    // A verb alone closing the clause is a light verb's object (进行认真地学习。), an adjective that is no verb any
    // taker's (取得了圆满地成功。). (得到/受到 + X地V is written too: 得到真正地解决.)
    if (end < 0 && taker) {
      const v = longestMatch(text, i + 1);
      const vc = matchClasses(v);
      const ok = LIGHT_TAKER.test(before) || giving ? (vc & (C.Verb | C.Adjective)) !== 0 : (vc & C.Adjective) !== 0 && !(vc & C.Verb);
      if (matchLength(v) >= 2 && ok && isClauseEnd(text, i + 1 + matchLength(v))) end = i + 1 + matchLength(v);
    }
    if (end < 0 && text.charCodeAt(i) === 0x5730 /* 地 */ && len === kl) {
      // Two nouns: the first a noun that is no verb or adjective (思想状况, 理想信念).
      // (jieba calls 依法, 按时, 依规 nouns: a first character that is a preposition or an adverb makes an adverbial.)
      const n1 = longestMatch(text, i + 1);
      if (matchLength(n1) >= 2 && (matchClasses(n1) & (C.Noun | C.Verb | C.Adjective)) === C.Noun && !(classesAt(text, i + 1, i + 2) & (C.Preposition | C.Adverb))) {
        const n2 = i + 1 + matchLength(n1);
        ATTRIBUTE_NOUNS.lastIndex = n2;
        if (ATTRIBUTE_NOUNS.test(text) && isClauseEnd(text, ATTRIBUTE_NOUNS.lastIndex)) end = ATTRIBUTE_NOUNS.lastIndex;
      }
    }
    if (end < 0) continue;
    report({ start: i, end: i + 1, message: messages.attributive(text.slice(xStart, i), text.slice(i + 1, end)), replacements: ['的'] });
    return true;
  }
  return false;
}

/**
 * Nouns of what work meets or yields (问题, 困难, 成绩, 经验): after a verb + 地 they close a noun phrase that is never a
 * place (a V地 place noun the table lacks, 居住地, 种植地, takes no such head).
 */
const OUTCOME_HEAD = /(?:问题|困难|成绩|成效|成果|经验|案例|案件|矛盾|不足|短板|风险|挑战|隐患|差距|教训|意见|建议|诉求|难题|弊端|漏洞|偏差)/y;
/** Verbs used as manner words before a verb (反复地查摆问题, 联合地排查隐患): 地 after them is right. */
const MANNER_VERBS = /(?:反复|带头|联合|配合|协调|轮流|交替|分头|集中|持续|统一|主动|率先|竞相|争相)/y;
/** Verbs that form place nouns with 地 (居住地, 出生地, 种植地, 发生地): 地 after them may be the place. */
const PLACE_VERBS = /(?:承包|征收|流转|开发|复垦|试验|实验|示范|采集|堆放|填埋|拆迁|居住|出生|流入|流出|输出|输入|生产|种植|养殖|出发|集散|聚集|注册|发源|栖息|落脚|安置|经营|销售|使用|停放|发生|所在|来源|登记|执行|务工|就业|加工|迁入|迁出|转入|转出|接收|居留|留守|目的|户籍)/y;

/**
 * A verb + 地 + a noun phrase ending in an outcome noun at the clause end or before a predicate (工作中存在地问题,
 * 一年来取得地成绩来之不易, 近期查处地典型案例): 地 needs a verb after it and V地 here names no place, so the 地 is 的.
 * The verb a two-character verb that is no noun, adverb or manner word; the phrase up to eight Han characters.
 */
function verbDiProblem(text: string, i: number, report: Reporter): boolean {
  // (Cheap test first: the verb before 地.)
  const v = longestMatch(text, i, -1);
  if (matchLength(v) !== 2 || (matchClasses(v) & (C.Verb | C.Noun | C.Adverb | C.Manner | C.Adjective | C.Status)) !== C.Verb) return false;
  // (Called after partOfWord: no word 地 starts, 降低地震风险, nor one spanning it from the left.)
  PLACE_VERBS.lastIndex = i - 2;
  MANNER_VERBS.lastIndex = i - 2;
  if (PLACE_VERBS.test(text) || MANNER_VERBS.test(text) || text.charCodeAt(i - 3) === 0x6240 /* 所 */) return false;
  for (let e = i + 3; e <= i + 9 && hanAt(text, e - 1); e++) {
    if (charAtIn('的地得了着过之', text, e - 1)) return false;
    OUTCOME_HEAD.lastIndex = e - 2;
    if (!OUTCOME_HEAD.test(text)) continue;
    // (The head must end a word there: 问题 in 问题清单 heads nothing.)
    if (matchLength(longestMatch(text, e - 2)) > 2) continue;
    if (!(isClauseEnd(text, e) || charAtIn('和与及等要已由都也还', text, e) || predicateAt(text, e))) continue;
    // (The words between a noun phrase's: no verb with its own object, 发现地解决问题.)
    const first = longestMatch(text, i + 1);
    if (e - i - 1 > 2 && matchLength(first) >= 2 && (matchClasses(first) & (C.Verb | C.Adjective | C.Complement)) === C.Verb) return false;
    report({ start: i, end: i + 1, message: messages.attributive(text.slice(i - 2, i), text.slice(i + 1, e)), replacements: ['的'] });
    return true;
  }
  return false;
}

/** Objects of the verb 得 "get" (让群众得实惠, 得民心): after them a noun + 得 is a verb phrase. */
const GET_OBJECTS = /(?:实惠|好处|民心|人心|利益|益处|便利|奖励)/y;
/** What opens a predicate after a subject noun phrase, beyond PREDICATE_START (由主办方安排, 得到发挥, 均已…). */
const SUBJECT_PREDICATE = /(?:由|均|全部|得到|受到|是|要|已|在|有)/y;

/**
 * A noun or pronoun + 得 + a noun phrase + a predicate (学员得食宿由主办方安排, 党员得先锋模范作用得到发挥, 他们得意见建议已
 * 收集): the modal 得 (děi) needs a verb after it and 得 "get" takes an object that ends its clause, so a noun phrase
 * that is the subject of a following predicate shows the possessive 的. The phrase is one to three nouns (a noun
 * that is no verb, a head noun, or two Han characters the table lacks), up to eight characters; the word 得 starts
 * with the next character (得意见: 得意) does not count against it.
 */
function nounDeSubject(text: string, i: number, report: Reporter): boolean {
  const n = longestMatch(text, i, -1);
  const nc = matchClasses(n);
  if (matchLength(n) < 2 || !(nc & (C.Noun | C.Pronoun)) || nc & (C.Verb | C.Adjective | C.Adverb | C.Time | C.Localizer)) return false;
  GET_OBJECTS.lastIndex = i + 1;
  if (particleWordStart(text, i) >= 0 || GET_OBJECTS.test(text)) return false;
  // A word 得 starts (得意, 得益, 得力) only when a known noun starts right after it (他们得意见建议…).
  const own = matchLength(longestMatch(text, i)) >= 2;
  let p = i + 1;
  // A plain adjective may open the phrase (群众得合理诉求要…): 得 "get" and the modal 得 take none before a noun.
  const a = longestMatch(text, p);
  if (matchLength(a) === 2 && (matchClasses(a) & (C.Adjective | C.Verb | C.Noun | C.Adverb | C.Manner)) === C.Adjective && hanAt(text, p + 2)) p += 2;
  for (let k = 0; k < 3; k++) {
    const m = longestMatch(text, p);
    let len = matchLength(m);
    const c = matchClasses(m);
    const head = wordAtStart(text, p, HEAD_NOUN_INDEX);
    if (head !== undefined && head.length >= 2 && head.length >= len) len = head.length;
    else if (len >= 2) {
      if (!(c & C.Noun) || c & (C.Verb | C.Adjective | C.Adverb)) return false;
    } else {
      // Two characters the table lacks (食宿): nouns are pruned harder than verbs. Not the first word after a pronoun.
      if (!unknownPairAt(text, p, `${PAIR_PARTICLES}是有在和与及`)) return false;
      if (k === 0 && (own || nc & C.Pronoun)) return false;
      len = 2;
    }
    p += len;
    if (p - i - 1 > 8) return false;
    SUBJECT_PREDICATE.lastIndex = p;
    PREDICATE_START.lastIndex = p;
    // (A one-character predicate mark must be a word there: not 有效, 是否, 要求.)
    const subjectPredicate = SUBJECT_PREDICATE.test(text) && (SUBJECT_PREDICATE.lastIndex - p > 1 || matchLength(longestMatch(text, p)) < 2);
    if (subjectPredicate || PREDICATE_START.test(text)) {
      report({ start: i, end: i + 1, message: messages.attributive(text.slice(i - matchLength(n), i), text.slice(i + 1, p)), replacements: ['的'] });
      return true;
    }
    if (!hanAt(text, p)) return false;
  }
  return false;
}

/** Attributes of rank and scope (主要内容, 基本情况, 具体办法): they modify nouns only, never a verb after 地. */
const RANK_ATTRIBUTES = /(?:主要|重要|基本|具体|重点|核心|关键|有关|最终|典型|突出|首要)/y;

/**
 * A verb + 地 + an attribute of rank + a noun (这些都是调研地主要内容, 这是考核地重要依据, 要明确宣讲地重点内容): 地 after a
 * verb is adverbial only before a verb, and the attribute shows a noun phrase follows, so the verb modifies it with 的.
 * The verb a known two-character verb that is no manner word, adverb or adjective (集中, 持续 stand before 地 as manner
 * words, but then a verb follows); the noun a known noun that is no verb (具体落实, 重点推进 are adverbs + verbs) closing the
 * clause or before a predicate's verb.
 */
function verbDiRankNoun(text: string, i: number, report: Reporter): boolean {
  RANK_ATTRIBUTES.lastIndex = i + 1;
  if (!RANK_ATTRIBUTES.test(text)) return false;
  const v = longestMatch(text, i, -1);
  const vc = matchClasses(v);
  if (matchLength(v) !== 2 || !(vc & C.Verb) || vc & (C.Adverb | C.Manner | C.Status | C.Idiom | C.Adjective)) return false;
  // (Not a word ending in 地: 所在地, 属地, 目的地 are places.)
  if (matchLength(longestMatch(text, i + 1, -1)) >= 2) return false;
  const a = i + 3;
  if (matchLength(longestMatch(text, i + 1)) !== 2) return false;
  const n = longestMatch(text, a);
  const nc = matchClasses(n);
  if (matchLength(n) < 2 || !(nc & C.Noun) || nc & C.Verb) return false;
  const e = a + matchLength(n);
  if (!isClauseEnd(text, e) && !(matchClasses(longestMatch(text, e)) & C.Verb)) return false;
  report({ start: i, end: i + 1, message: messages.attributive(text.slice(i - 2, i), text.slice(i + 1, e)), replacements: ['的'] });
  return true;
}

function checkAttributive(text: string, i: number, report: Reporter): void {
  const particle = text.charAt(i);
  if (particle === '地' && isClauseEnd(text, i + 1) && diCasePhrase(text, i, report)) return;
  if (!hanAt(text, i - 1) || !hanAt(text, i + 1)) return;
  // (A word the particle starts, 地理, 地带, 得力, does not stop a noun phrase parse after it: 坚定地理想信念.)
  if (checkTakenNounPhrase(text, i, report)) return;
  if (particle === '得' && (nounDeSubject(text, i, report) || takenNounDe(text, i, report))) return;
  // (Before the word test: 地主 is a word, 调研地主要内容 is none.)
  if (particle === '地' && verbDiRankNoun(text, i, report)) return;
  if (particle === '地' && diAfterPersonOrPlace(text, i, report)) return;
  if (partOfWord(text, i)) return;
  if (particle === '地' && (verbDiProblem(text, i, report) || takenNounDi(text, i, report))) return;
  if (particle === '地' && adjectiveNounAfter(text, i + 1)) {
    const x = longestWordEndingAt(text, i, 2) ?? text.slice(Math.max(0, i - 4), i);
    report({ start: i, end: i + 1, message: messages.attributive(x, text.slice(i + 1, i + 5)), replacements: ['的'] });
    return;
  }
  // 所V地/得 + …: the 所 structure always takes 的 (所取得地成绩, 所做得工作).
  // With 地 the verb must have two characters: 所在地, 所辖地 are nouns.
  for (let len = particle === '地' ? 2 : 1; len <= 2; len++) {
    if (text.charCodeAt(i - len - 1) === 0x6240 /* 所 */ && wordClasses(text.slice(i - len, i)) & C.Verb) {
      report({ start: i, end: i + 1, message: messages.suo(), replacements: ['的'] });
      return;
    }
  }
  const known = longestWordEndingAt(text, i, 2);
  const phrase = text.slice(i - 4, i);
  if (known === undefined && resultOrPhraseBeforeNoun(text, i, phrase)) {
    const x = particle === '得' ? text.slice(i - 3, i) : phrase;
    report({ start: i, end: i + 1, message: messages.attributive(x, wordAt(text, i + 1)), replacements: ['的'] });
    return;
  }
  // 清正廉洁得政治本色: an unknown set phrase before 得 (not after a one-character verb: 把道理说得…).
  const before = known ?? (particle === '得' && unknownSetPhrase(phrase) && !(wordClasses(text.charAt(i - 1)) & C.Verb) ? phrase : undefined);
  if (!before) return;
  const c = known ? wordClasses(before) : C.Idiom;
  // After a verb that takes a noun phrase (发生了深刻地变化, 取得了优异地成绩) the phrase is nominal whatever X is.
  const taken = particle === '地' && REVERSE_TAKER.test(text.slice(Math.max(0, i - before.length - 3), i - before.length));
  const strict = nounAt(text, i + 1, taken);
  const noun = strict ?? headNounAfter(text, i + 1);
  if (!noun) return;
  // A noun or pronoun + 地 + noun (党员地权利, 我们地工作): 地 never links two nouns. Nouns used as manner
  // words (历史地看问题) are followed by a verb, which nounAt does not take.
  const nominal = particle === '地' && known !== undefined && c & (C.Noun | C.Pronoun) &&
    !(c & (C.Adjective | C.Verb | C.Adverb | C.Manner | C.Status | C.Idiom | C.Localizer | C.Time)) &&
    // With a looser head noun, not after the manner shapes X性/X化 nor 有X/无X (有计划地组织党员…).
    (strict !== undefined || (!/[性化]$/.test(before) && !charAtIn('有无', text, i - before.length - 1)));
  // A noun that is also a verb closing the clause (负担。) after the looser test: only as the object of a verb
  // before X (减轻基层地负担), never after a modal (要历史地分析。).
  // A loose head that is one word, a verb too or unknown, closing the clause (负担。, 烦心事。) needs a verb before
  // X whose object the phrase is; a compound before a predicate (工作压力越来越大) or a derived noun (号召力) does not.
  const head = longestMatch(text, i + 1);
  const headLen = matchLength(head);
  const derived = noun.length === headLen + 1 && NOUN_SUFFIX.includes(noun.charAt(noun.length - 1));
  const single = noun.length === headLen || (headLen === 0 && isClauseEnd(text, i + 1 + noun.length));
  // (Also a verb-like head with its noun closing the clause: 历史地分析问题。 is a verb and its object.)
  const verbNoun = strict === undefined && !derived && (headLen === 0 ? single : (matchClasses(head) & C.Verb) !== 0) &&
    isClauseEnd(text, i + 1 + noun.length);
  if (nominal && verbNoun) {
    // The verb may stand one noun further back (解决职工身边地烦心事: 解决 + 职工 + 身边).
    let p = i - before.length;
    let v = longestWordEndingAt(text, p, 2);
    if (v && wordClasses(v) & C.Noun && !(wordClasses(v) & C.Verb)) {
      p -= v.length;
      v = longestWordEndingAt(text, p, 2);
    }
    if (!v || !(wordClasses(v) & C.Verb) || wordEndingAt(text, p, STARTER_INDEX) !== undefined) return;
  }
  if (nominal) {
    report({ start: i, end: i + 1, message: messages.attributive(before, noun), replacements: ['的'] });
    return;
  }
  if (particle === '地') {
    // A degree adverb + an adjective (not a manner word) + 地 + two nouns or a noun closing the clause
    // (最现实地利益问题): the degree adverb shows the adjective is a predicate modifying the noun phrase.
    const xStart = i - before.length;
    // (A looser head only when its first word is no verb: 更加迅速地发展。 keeps its 地.)
    const degreeAdjective =
      c & C.Adjective && !(c & (C.Adverb | C.Manner | C.Status | C.Idiom)) &&
      wordEndingAt(text, xStart, DEGREE_INDEX) !== undefined && (wordClasses(noun) & C.Verb) === 0 &&
      (strict !== undefined || !(matchClasses(longestMatch(text, i + 1)) & C.Verb));
    // Otherwise only after a word that is not itself a manner word: a manner word + 地 + a word jieba calls a
    // noun is more often a verb jieba mis-tags (很好地利用, 认真地总结).
    // A noun-like verb (建设, 发展) + 地 + adjective + noun (加强作风建设地重大意义): no verb is a manner
    // adverbial, and the adjective shows a noun phrase follows, not a verb jieba calls a noun.
    const adjectiveFirst = strict !== undefined && c & C.Verb && c & C.Noun && !(c & (C.Adverb | C.Manner | C.Status | C.Idiom)) &&
      (longestClasses(text, i + 1, 1, 2) & (C.Adjective | C.Verb | C.Noun)) === C.Adjective;
    if (adjectiveFirst) {
      report({ start: i, end: i + 1, message: messages.attributive(before, noun), replacements: ['的'] });
      return;
    }
    if (!taken && !degreeAdjective && (!(c & (C.Adjective | C.Verb)) || c & (C.Adverb | C.Manner | C.Status | C.Idiom | C.Noun))) return;
    // V地 is also a place noun (流入地, 所在地, 出生地): after a verb, only when a subject stands before it
    // (基层遇到地新情况, 群众反映地问题).
    let subjectVerb = false;
    if (!taken && !(c & C.Adjective)) {
      const subject = longestWordEndingAt(text, xStart, 2);
      if (!subject || !(wordClasses(subject) & (C.Noun | C.Pronoun))) return;
      subjectVerb = true;
    }
    // The looser head nouns (headNounAfter) only after a verb with its subject: after an adjective a noun-like
    // verb may follow (更加合理地安排。).
    if (strict === undefined && !subjectVerb && !degreeAdjective) return;
  } else {
    // 得 after an adjective only: after a verb or noun 得 may be the verb "get" (让群众得实惠), except before
    // a derived noun 得 cannot take: X感/X度/X率/X性/X力 after a noun or pronoun (增强群众得获得感, 居民得满意度,
    // 党员得参与率: "get" takes concrete objects, 实惠/好处, never a measure or a quality), X者 after any word
    // (当好从业得示范者).
    const senseNoun = (noun.endsWith('感') && c & (C.Noun | C.Pronoun)) ||
      (noun.length === 3 && '度率性力'.includes(noun.charAt(2)) && c & (C.Noun | C.Pronoun) && !(c & (C.Verb | C.Adjective)));
    const agentNoun = noun.length === 3 && noun.endsWith('者');
    if (!senseNoun && !agentNoun && (!(c & (C.Adjective | C.Status | C.Idiom)) || c & (C.Verb | C.Noun))) return;
    // A four-character run the table lacks after adjective + 得 is more often a complement (认真得令人敬佩, 积极得
    // 有些过头, 认真得近乎苛刻) than a noun: only one whose first half is a noun (清正廉洁得政治本色) or a plain
    // adjective before a noun (风清气正得良好环境).
    if (noun.length === 4 && wordClasses(noun) === 0 && !(wordClasses(noun.slice(0, 2)) & C.Noun) && !adjectiveNounAfter(text, i + 1)) return;
  }
  report({ start: i, end: i + 1, message: messages.attributive(before, noun), replacements: ['的'] });
}

/** Personal pronouns: none is a manner word (这样, 如此 are, and stay out), so 地 after one is the 的 of a possessor. */
const PERSONAL = /(?:我|你|您|他|她|它|我们|你们|他们|她们|它们|咱们|自己)$/;
/** Characters after 地 that make a place noun the table may lack (地块, 地里, 地市, 地段, 地处): 地 is no particle there. */
const DI_PLACE_NEXT = '块里市段县区处势方上下头面带域';
/** Clause openers of a 的-phrase topic (对弄虚作假的，一律…; 凡是…的，): what follows them names a kind of case. */
const CASE_OPENER = /^(?:对于|对|凡是|凡)/;

/**
 * 地 where 的 belongs, by what stands before it, whatever follows:
 * - a personal pronoun (我地帮助, 他们地意见): a possessor, never a manner word;
 * - a localiser after a noun (任务中地表现, 群众面前地形象): a place phrase modifies a noun; not 从上到下地, 自上而下地
 *   (a noun must stand before the localiser);
 * (diCasePhrase: a verb or a four-character phrase closing the clause after a case opener, 对弄虚作假地，, 凡是违规报备地，: an
 * adverbial 地 always has a verb after it, and 对/凡是 … 的， names the cases a rule is for.)
 */
function diCasePhrase(text: string, i: number, report: Reporter): boolean {
  if (!hanAt(text, i - 1) || text.charCodeAt(i + 1) === 0x3001 /* 、 */) return false;
  // (The clause back to its opener: at most 16 characters, no mark between.)
  let s = i - 1;
  while (s > 0 && i - s < 16 && hanAt(text, s - 1)) s--;
  if (!CASE_OPENER.test(text.slice(s, i)) || partOfWord(text, i)) return false;
  const before = longestWordEndingAt(text, i) ?? text.charAt(i - 1);
  const c = wordClasses(before);
  const verbal = (c & C.Verb && !(c & (C.Adverb | C.Manner | C.Status | C.Idiom | C.Adjective))) || (i - s >= 5 && unknownSetPhrase(text.slice(i - 4, i)));
  PLACE_VERBS.lastIndex = i - before.length;
  if (!verbal || (PLACE_VERBS.test(text) && PLACE_VERBS.lastIndex === i)) return false;
  report({ start: i, end: i + 1, message: messages.casePhrase(), replacements: ['的'] });
  return true;
}

/** Last characters of a personal pronoun or a localiser (the cheap gate of diAfterPersonOrPlace). */
const PERSON_PLACE_LAST = '我你您他她它们己上中下里内外前后间边旁';

function diAfterPersonOrPlace(text: string, i: number, report: Reporter): boolean {
  if (i < 1 || !charIn(PERSON_PLACE_LAST, text, i - 1) || charAtIn(DI_PLACE_NEXT, text, i + 1)) return false;
  const before = longestWordEndingAt(text, i) ?? text.charAt(i - 1);
  const c = wordClasses(before);
  // A word 地 starts (地形, 地位) is a reading only when no longer word starts after 地 (面前地形象: 形象).
  if (partOfWord(text, i)) {
    const w = longestMatch(text, i);
    if (matchLength(w) !== 2 || matchLength(longestMatch(text, i + 1)) < 2) return false;
  }
  let ok = false;
  if (c & C.Pronoun) {
    const m = PERSONAL.exec(before);
    ok = m !== null && m[0] === before;
  } else if (c & C.Localizer && !(c & (C.Verb | C.Adverb | C.Adjective)) && !mannerShape(text.slice(i - 3, i))) {
    // (Or two characters the table lacks, 一线中: its nouns are pruned harder than its verbs; not a span of places,
    // 上到下, 上而下.)
    const e = i - before.length;
    const n = longestWordEndingAt(text, e);
    ok = n !== undefined && n.length >= 2
      ? (wordClasses(n) & (C.Noun | C.Verb | C.Adjective | C.Adverb | C.Pronoun)) === C.Noun
      : before.length === 1 && hanRun(text, e - 2, e) && unknownPairAt(text, e - 2) && !charAtIn('到而往向及至', text, e - 1) && !(classesAt(text, e - 2, e - 1) & C.Localizer);
  }
  // (A known word of two or more characters must start after 地: 地 may open one the table lacks, 我们地毯式…, 其地域….)
  if (!ok || matchLength(longestMatch(text, i + 1)) < 2) return false;
  report({ start: i, end: i + 1, message: messages.attributive(before, wordAt(text, i + 1)), replacements: ['的'] });
  return true;
}

// ---------------------------------------------------------------------------------------------
// 5. 得 written for adverbial 地: 切实得把…, 耐心得倾听他们的困惑

/** Adverbs the modal 得 (děi, must) follows: necessity, certainty, sooner or later, and scope (一定得, 迟早得, 都得). */
const MODAL_COMPANY = /^(?:一定|必须|必需|必定|必然|务必|势必|迟早|早晚|终归|终究|总归|总是|总得|肯定|确实|实在|真的|恐怕|怕是|大概|也许|可能|反正|横竖|还是|仍然|依然|照样|同样|也都|都还|就还|只能|非要|非得)$/;

/** Causative verbs open a clause complement after an adjective + 得 (热情得让人感动): never an adverbial's verb. */
const CAUSATIVES = '让使令叫';

/**
 * Manner word + 得 + a coverb or a verb with its object → 地. 得 after a word is a complement marker (好得很, 高兴
 * 得跳起来), the modal děi (一定得把…, 迟早得…) or part of a word (切实得到): so the word before must be a manner
 * word by class (curated manner words, status words, idioms, adjectives jieba also uses adverbially: 切实, 认真)
 * or by shape (AABB, X性, 有X, four-character manner phrases), never a plain adverb (the modal's company) nor a
 * plain adjective (高兴, 激动 take clause complements), and what follows must be a verb with an object.
 */
/**
 * A reduplicated description + 得 + a verb → 地: AABB (仔仔细细, 高高兴兴) or a one-character adjective doubled (慢慢, 静静,
 * 好好), one adverb (都, 也, 就) may stand between. 得 after one marks no complement (a description of manner has nothing
 * to be the degree of) and is no modal, whose company is frequency and necessity (常常得, 天天得: not adjectives); the
 * verb may carry 了/过 after a character the table tags otherwise (过了一遍).
 */
function reduplicatedDe(text: string, i: number, report: Reporter): boolean {
  if (i < 2 || text.charCodeAt(i - 1) !== text.charCodeAt(i - 2) || !hanAt(text, i - 1) || !hanAt(text, i + 1)) return false;
  const aabb = i >= 4 && hanAt(text, i - 4) && text.charCodeAt(i - 3) === text.charCodeAt(i - 4) && text.charCodeAt(i - 4) !== text.charCodeAt(i - 2);
  const start = aabb ? i - 4 : i - 2;
  if (charAtIn('的地得了着过之', text, i - 1) || (aabb && charAtIn('的地得了着过之', text, start))) return false;
  if (aabb) {
    if (classesAt(text, start, i) & (C.Noun | C.Numeral | C.Measure | C.Time | C.Pronoun)) return false;
  } else {
    // (AA: a word of its own that is an adverb or none, from an adjective character; not 人人, 个个, 天天, 常常.)
    const one = classesAt(text, i - 1, i);
    if (!(one & C.Adjective) || one & (C.Noun | C.Numeral | C.Measure | C.Time | C.Pronoun) || classesAt(text, i - 2, i) & ~(C.Adverb | C.Status | C.Manner)) return false;
    if (hanAt(text, i - 3) && matchLength(longestMatch(text, i - 3)) >= 2) return false;
  }
  let v = i + 1;
  if (charIn('都也就还又便', text, v) && matchLength(longestMatch(text, v)) < 2) v++;
  if (charAtIn(CAUSATIVES, text, v)) return false;
  const m = longestMatch(text, v);
  const verb = (matchClasses(m) & C.Verb) !== 0 && !(matchClasses(m) & C.Noun && isClauseEnd(text, v + matchLength(m)));
  // (A character with 了/过 after it is a verb whatever the table says: 过了一遍, 走了一圈. An AABB before a word the table
  // calls a noun with more of the clause after it is before a verb it mis-tags: 安安心心得回家过年.)
  const marked = hanAt(text, v) && charIn('了着过', text, v + 1) && hanAt(text, v + 2);
  const aabbVerbLike = aabb && matchLength(m) >= 2 && !isClauseEnd(text, v + matchLength(m)) && text.charCodeAt(v + matchLength(m)) !== 0x7684 /* 的 */ &&
    !(matchClasses(m) & (C.Pronoun | C.Numeral | C.Measure | C.Time));
  if (!verb && !marked && !aabbVerbLike) return false;
  report({ start: i, end: i + 1, message: messages.adverbial(text.slice(start, i)), replacements: ['地'] });
  return true;
}

/**
 * 得 where 的 belongs, by what stands before it: a verb that ends in 得 itself (取得得成果, 获得得荣誉: a second 得 is
 * never a complement mark or the modal), or a reduplicated description closing the clause (冷冰冰得，, 干干净净得。: 得
 * closing a clause ends a word, 了得/舍得, and a description takes 的 there).
 */
function doubledOrFinalDe(text: string, i: number, report: Reporter): boolean {
  if (i < 3) return false;
  if (text.charCodeAt(i - 1) === 0x5f97 /* 得 */) {
    const w = longestWordEndingAt(text, i, 2);
    if (!w || !(wordClasses(w) & C.Verb) || !(hanAt(text, i + 1) || charIn('“‘《', text, i + 1))) return false;
    report({ start: i, end: i + 1, message: messages.attributive(w, wordAt(text, i + 1)), replacements: ['的'] });
    return true;
  }
  if (!isClauseEnd(text, i + 1) || text.charCodeAt(i - 1) !== text.charCodeAt(i - 2) || !hanAt(text, i - 3) || charAtIn('的地得了着过之', text, i - 1)) return false;
  // ABB (冷冰冰, 硬邦邦) or AABB (干干净净): the first character differs from the doubled last one.
  const aabb = i >= 4 && text.charCodeAt(i - 3) === text.charCodeAt(i - 4) && text.charCodeAt(i - 3) !== text.charCodeAt(i - 1);
  const abb = text.charCodeAt(i - 3) !== text.charCodeAt(i - 1) && !aabb;
  if (!aabb && !abb) return false;
  const x = text.slice(aabb ? i - 4 : i - 3, i);
  if (wordClasses(x) & ~(C.Status | C.Adjective | C.Manner) || classesAt(text, i - 1, i) & (C.Numeral | C.Measure | C.Pronoun)) return false;
  // (An ABB the table lacks: its B must not be a word with the A, 一天天, 人人人.)
  if (abb && wordClasses(x) === 0 && (classesAt(text, i - 3, i - 2) & (C.Numeral | C.Pronoun | C.Measure) || matchLength(longestMatch(text, i - 2, -1)) >= 2)) return false;
  report({ start: i, end: i + 1, message: messages.closingDescription(x), replacements: ['的'] });
  return true;
}

function checkAdverbialDe(text: string, i: number, report: Reporter): boolean {
  if (reduplicatedDe(text, i, report) || doubledOrFinalDe(text, i, report)) return true;
  // (Cheap test first: a coverb or a verb must follow.)
  if (!prepositionKeyAt(text, i + 1) && !charAtIn(COVERBS, text, i + 1) && !(matchClasses(longestMatch(text, i + 1)) & C.Verb)) return false;
  if (!hanAt(text, i - 1)) return false;
  // (A word spanning 得 that starts inside the known word before it is no reading: 自觉得把…, where 觉得 overlaps 自觉.)
  if (partOfWord(text, i)) {
    // (The known word first: most words spanning 得, 取得, 获得, have none of two characters before 得.)
    const xKnown = matchLength(longestMatch(text, i, -1));
    if (xKnown < 2) return false;
    const spanStart = particleWordStart(text, i);
    if (!(spanStart >= 0 && spanStart > i - xKnown)) return false;
  }
  const x = mannerBefore(text, i);
  if (!x || x.unknown || x.weak) return false;
  const xc = wordClasses(x.word);
  // (A two-character adverb only jieba tags d, 自觉, 深刻, 如实, is a manner word unless it is one of the modal's company:
  // adverbs of necessity, certainty or sooner-or-later, 一定得, 迟早得, 确实得.)
  const v = i + 1;
  if (charAtIn(CAUSATIVES, text, v)) return false;
  const coverb = prepositionKeyAt(text, v)
    ? prepositionAt(text, v)
    : charAtIn(COVERBS, text, v) && wordAt(text, v).length === 1 && (longestClasses(text, v + 1, 1, 2) & (C.Noun | C.Pronoun)) !== 0;
  // (An adverb only, 自觉, 如实, before a coverb too: 自觉得把…, 如实得向组织….)
  const manner = x.word.length >= 3 || (xc & (C.Manner | C.Status | C.Idiom)) !== 0 || ((xc & C.Adjective) !== 0 && (xc & C.Adverb) !== 0) ||
    (x.word.length === 2 && adverbOnly(xc) && (coverb || verbAt(text, i + 1)?.weak === false));
  if (!manner || MODAL_COMPANY.test(x.word)) return false;
  // (A verb that is also a noun before a head noun is the 的 of a noun phrase: 必要得培训条件. After a word the table knows
  // as an adverb, a verb pair or a verb and its noun closing the clause, 认真得研究办理。, is what it modifies: an adverb
  // modifies no noun.)
  const verbal = coverb ? 'object' : verbalAt(text, v);
  // (Not after a verb taking a noun phrase: 提供必要得经费支持 is 提供 + a noun phrase.)
  const pairOrVerbNoun = (verbal === 'series' || verbal === 'nounEnd') && !takesNounPhrase(text, i - x.word.length, false, i) &&
    !NP_TAKER.test(text.slice(Math.max(0, i - x.word.length - 3), i - x.word.length));
  if (!coverb && !(verbal === 'object' && objectAfterVerb(text, v)) && !(pairOrVerbNoun && (xc & C.Adverb) !== 0 && x.word.length === 2 && !MODAL_COMPANY.test(x.word))) return false;
  report({ start: i, end: i + 1, message: messages.adverbial(x.word), replacements: ['地'] });
  return true;
}

/**
 * Complements that judge how a thing was done, closing the clause after V地: a set complement or two complement words
 * (开展地扎实有效, 组织地有声有色), an AABB one (讲地清清楚楚), or a degree + a complement word (落实地比较到位, 完成地十分圆满).
 * A place is not judged so; still, not after the verbs that form place nouns with 地 (种植地比较集中).
 */
function doneWell(text: string, i: number, verb: string): boolean {
  PLACE_VERBS.lastIndex = i - verb.length;
  if (PLACE_VERBS.test(text) && PLACE_VERBS.lastIndex === i) return false;
  const p = i + 1;
  if (wordAtStart(text, p, SET_COMPLEMENT_INDEX) !== undefined) return true;
  const a = classesAt(text, p, p + 2);
  const b = classesAt(text, p + 2, p + 4);
  if (a & C.Complement && b & C.Complement && !(a & C.Noun && b & C.Noun)) return true;
  if (text.charCodeAt(p) === text.charCodeAt(p + 1) && text.charCodeAt(p + 2) === text.charCodeAt(p + 3) && classesAt(text, p, p + 1) & (C.Adjective | C.Complement)) return true;
  const degree = wordAtStart(text, p, DEGREE_START_INDEX);
  return degree !== undefined && (classesAt(text, p + degree.length, p + degree.length + 2) & C.Complement) !== 0;
}

/** First characters of a degree or negation mark that opens a complement after V地 (不够, 很, 十分, 比较…). */
const DI_COMPLEMENT_START = '不很还较更最极太颇';

/**
 * 地 written for complement 得: a verb + 地 + a complement of insufficiency closing the clause (作用发挥地不够充分。)
 * or a predicate + 地很 at a clause end (担子重地很。). An adverbial 地 always has a verb after it, so 地 before a
 * complement that ends the clause can only be 得. Not after manner words (全面地…), which are adverbials.
 */
function checkComplementDi(text: string, i: number, report: Reporter): boolean {
  // (Cheap test first: a degree or negation mark must follow, or a clause end four characters on for doneWell's
  // complements, 扎实有效, 十分圆满, and 具体一些, or three on for X不X, 好不好; a one-character degree + a two-character
  // complement opens with DI_COMPLEMENT_START.)
  if (!charAtIn(DI_COMPLEMENT_START, text, i + 1) && !isClauseEnd(text, i + 5) && !isClauseEnd(text, i + 4)) return false;
  if (!hanAt(text, i - 1) || partOfWord(text, i)) return false;
  if (text.charCodeAt(i + 1) === 0x5f88 /* 很 */ && isClauseEnd(text, i + 2)) {
    const c = wordClasses(text.charAt(i - 1));
    if (!(c & (C.Adjective | C.Verb)) || matchLength(longestMatch(text, i - 1)) >= 2) return false;
    report({ start: i, end: i + 1, message: messages.complement(text.charAt(i - 1)), replacements: ['得'] });
    return true;
  }
  let verb = verbBefore(text, i);
  // (An extra two-character verb whose first character ends a known word, 问题|谈: the verb is the one character.)
  if (verb?.length === 2 && matchLength(longestMatch(text, i, -1)) < 2 && matchLength(longestMatch(text, i - 1, -1)) >= 2 && classesAt(text, i - 1, i) & C.Verb)
    verb = text.charAt(i - 1);
  if (!verb || wordClasses(verb) & (C.Adverb | C.Manner | C.Status | C.Idiom)) return false;
  if (verb.length === 1 ? !oneCharDiComplement(text, i, verb) : !diComplement(text, i, verb)) return false;
  report({ start: i, end: i + 1, message: messages.complement(verb), replacements: ['得'] });
  return true;
}

/**
 * After a verb of two or more characters: a complement marked by a degree adverb or a negation (还不深, 最真切, 过于简单,
 * 不够充分), or an amount (想得不多, 来得很少), or one of doneWell's. An adverbial 地 always has a verb after it, and the
 * 地 of a place noun the table lacks stays out by the verbs that form them (种植地比较分散, 居住地不固定: PLACE_VERBS).
 */
function diComplement(text: string, i: number, verb: string): boolean {
  PLACE_VERBS.lastIndex = i - verb.length;
  if (PLACE_VERBS.test(text) && PLACE_VERBS.lastIndex === i) return false;
  let p = i + 1;
  if (charAtIn('还也都仍', text, p)) p++;
  const degree = wordAtStart(text, p, DEGREE_START_INDEX);
  const neg = text.charCodeAt(p) === 0x4e0d; /* 不 */
  if (degree === undefined && !neg) {
    const len = complementAt(text, i + 1, verb);
    return len > 0 && (doneWell(text, i, verb) || unmarkedForm(text, i + 1, len));
  }
  // (An amount: 不多, 很少, 最多; the 的 of a noun phrase, 收到的不多, has no 地 to be confused with.)
  const a = p + (degree?.length ?? 0) + (neg ? 1 : 0);
  if (charAtIn('多少', text, a) && isClauseEnd(text, a + 1)) return true;
  return complementAt(text, i + 1, verb) > 0;
}

/** One-character verbs whose object may be 地 itself, land or floor (种地, 占地, 扫地, 下地): V地 is their verb phrase. */
const LAND_VERBS = '种耕占征用租买卖圈扫拖下落着分划平整盖犁锄';

/** Is text[q, q + len) an adjective or complement word, and no noun unless a complement? */
function describesAt(text: string, q: number, len: number): boolean {
  const c = classesAt(text, q, q + len);
  return (c & (C.Adjective | C.Complement)) !== 0 && !(c & C.Noun && !(c & C.Complement));
}

/**
 * After a one-character verb (查地不够深, 抓地好不好, 定地具体一些), where 地 may be its object (种地不划算) or a place noun
 * the table lacks (菜地, 荒地): a negated complement word or adjective (不细, 还不透, 不够深入), an X不X question (好不好),
 * or a complement word + 一些 (具体一些); not a degree alone (翻地很辛苦) nor an amount (占地不多).
 */
function oneCharDiComplement(text: string, i: number, verb: string): boolean {
  if (LAND_VERBS.includes(verb) || !(wordClasses(verb) & C.Verb) || wordClasses(verb) & C.Adjective) return false;
  let p = i + 1;
  if (charAtIn('还也都仍', text, p)) p++;
  const neg = NEGATIONS.find((n) => text.startsWith(n, p));
  if (neg) {
    const q = p + neg.length;
    if (charAtIn('多少', text, q)) return false;
    const w = wordAt(text, q);
    return w.length <= 2 && hanAt(text, q) && describesAt(text, q, w.length) && isClauseEnd(text, q + w.length);
  }
  const len = complementAt(text, i + 1, verb);
  return len > 0 && unmarkedForm(text, i + 1, len);
}

/** Is text[q, q + len) an X不X question with X of n characters (好不好, 到位不到位)? */
function xnxAt(text: string, q: number, len: number, n: number): boolean {
  return len === 2 * n + 1 && text.charCodeAt(q + n) === 0x4e0d /* 不 */ && text.startsWith(text.slice(q, q + n), q + n + 1);
}

/** Is the complement of length len at q an X不X question (好不好) or a word with its comparative tail (具体一些)? */
function unmarkedForm(text: string, q: number, len: number): boolean {
  return xnxAt(text, q, len, 1) || xnxAt(text, q, len, 2) || comparativeTail(text, q + len - 2) === 2 || comparativeTail(text, q + len - 1) === 1;
}

// ---------------------------------------------------------------------------------------------

const rule = defineParagraphRule({
  meta: {
    id: 'de-di-de',
    category: 'grammar',
    severity: 'error',
    description: '“的、地、得”误用：状语后用“地”，补语前用“得”，定语后用“的”',
    fixable: true,
  },
  check(text, report) {
    memoLine(text);
    for (let de = text.indexOf('的'); de !== -1; de = text.indexOf('的', de + 1)) {
      if (checkLexical(text, de, report)) continue;
      if (checkAdverbial(text, de, report)) continue;
      checkComplement(text, de, report);
    }
    for (let i = text.indexOf('地'); i !== -1; i = text.indexOf('地', i + 1)) {
      if (checkLexical(text, i, report)) continue;
      if (!checkComplementDi(text, i, report)) checkAttributive(text, i, report);
    }
    for (let i = text.indexOf('得'); i !== -1; i = text.indexOf('得', i + 1)) {
      if (!checkAdverbialDe(text, i, report)) checkAttributive(text, i, report);
    }
  },
});

export default rule;
