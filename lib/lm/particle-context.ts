/**
 * Structural evidence for the statistical 的/地/得 check (lib/lm/particles.ts): what the words on both sides
 * of a particle say by their class in the lexicon (jieba's tags), read over the whole clause rather than the
 * model's window. The model knows the word *before* a particle when its bigram was kept; where it was pruned
 * (the gain is then the bare back-off difference, −1.40 for 的→地, −1.76 for 的→得) it says nothing, and a
 * slip on a word the rule's tables lack is left unseen. These shapes stand in there, each for one class of
 * slip, and open a direction at a margin of its own (ParticleTuning.evidenceCosts):
 *
 * - adverbial (的→地): a manner-like word (adverb, adjective, status word, idiom, curated manner word) + 的 +
 *   a verb or coverb used verbally — an object, a mark (了/着/过/到) or a coverb phrase follows it — with no
 *   noun-phrase taker before the manner word (进行/通过/是…: the rule's list) and no head noun after the verb
 *   (积极的学习态度).
 * - derived (的→地): the adverbial shape after a derived manner word (X化, X性: 常态化, 针对性), which the
 *   lexicon mostly lacks and the model knows before 的 from its attributive use (规范化的管理): its cost is lower.
 * - complement (的→得): a verb + 的 + a run of descriptions (degree adverbs, adjectives, complements, 不/不够)
 *   that closes the clause (落实的不够彻底。), not an amount (收到的还很多) and not after 所 or a pronoun
 *   subject (我们做的还不够: what we did).
 * - attributive (地/得→的): a word that is no manner word (a verb: 带来, 存在, 创造) + 地/得 + a noun phrase: a
 *   noun, or an adjective or attributive word before a noun (伟大成就, 主要瓶颈), or any word the clause then
 *   takes as its subject (启发是…, 报告已…) or ends on (存在地不足。).
 */
import { classesAt, isWord, minorClassesAt, longestMatch, matchClasses, matchLength, WordClass as C } from '../lexicon';
import { DEGREE_ADVERBS, HEAD_NOUNS, NOMINAL_TAKERS, NOT_TAKERS, PERSONS } from '../rules/data/de-di-de';
import { isModelHan as isHan } from './score';

export type Evidence = 'adverbial' | 'derived' | 'complement' | 'attributive';

const CLAUSE_END = /^[，。；：！？、,.;:!?）)”…—]/;

const MANNER_LIKE = C.Adverb | C.Adjective | C.Status | C.Idiom | C.Manner;
const NOMINAL = C.Noun | C.Pronoun | C.Numeral | C.Time | C.Measure | C.Localizer;
const DESCRIPTIVE = C.Adverb | C.Adjective | C.Complement | C.Status;

const longestEnding = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);
const TAKERS = longestEnding(NOMINAL_TAKERS.filter((w) => !'的、和与及'.includes(w)));
const DEGREES = longestEnding(DEGREE_ADVERBS);

function endsWithAny(text: string, end: number, words: readonly string[]): string | undefined {
  for (const w of words) if (end >= w.length && text.startsWith(w, end - w.length)) return w;
  return undefined;
}

/** The word before the particle at p: the longest lexicon word ending there (start and classes), or null. */
function wordBefore(text: string, p: number): { start: number; classes: number } | null {
  const m = longestMatch(text, p, -1);
  return matchLength(m) ? { start: p - matchLength(m), classes: matchClasses(m) } : null;
}

/** The word starting at i: its end and classes (length 0 and classes 0 when the lexicon has none). */
function wordAt(text: string, i: number): { end: number; classes: number } {
  const m = longestMatch(text, i);
  return { end: i + matchLength(m), classes: matchClasses(m) };
}

/** A noun-phrase taker right before X (past degree adverbs and 了/着): 进行认真的分析, 得到了更加有效的落实. */
function takerBefore(text: string, xStart: number): boolean {
  let p = xStart;
  for (let d = endsWithAny(text, p, DEGREES); d; d = endsWithAny(text, p, DEGREES)) p -= d.length;
  if (text[p - 1] === '了' || text[p - 1] === '着') p--;
  if (endsWithAny(text, p, NOT_TAKERS)) return false;
  const t = endsWithAny(text, p, TAKERS);
  if (!t) return false;
  // A one-character taker must end a word of its own there (作 ends 工作, 在 ends 存在, 有 ends 没有).
  return t.length > 1 || matchLength(longestMatch(text, p, -1)) <= 1;
}

const ACTIVITY = ['工作', '活动', '服务'];
const TWO_CHAR_HEADS = new Set(HEAD_NOUNS.filter((h) => h.length === 2));
/** Characters that end nouns (班子, 人们, 参与者, 成员, 专家, 能手, 源头). */
const NOUN_SUFFIX = '子们者员家手头';
/** Suffixes of derived nouns (创造力, 积极性, 满意度, 获得感, 覆盖率, 参与者, 关注点). */
const DERIVED = '力性度感率者点';
const OBJECT_START = /^(?:[了着过到好在于向给入出起住]|各|每|这|那|其|全|本|一|我|党|自|群众)/;

/**
 * Words that put the word after them in a predicate's adverbial slot (要X的V, 我们X的V, 都X的V): modals and
 * auxiliaries, predicate adverbs, personal subjects. After one, X的 + a verb with its object is X地 + verb
 * whatever the lexicon calls X (its tags are noisy: 大胆 n, 妥善 v, 定期 n; four-character phrases such as
 * 前赴后继 it lacks), provided X is no pronoun or numeral.
 */
const SLOT_WORDS = longestEnding([
  '要', '将', '会', '能', '应', '须', '需', '必须', '需要', '应当', '应该', '务必', '一定要', '可以', '能够', '善于', '敢于',
  '都', '也', '还', '又', '再', '始终', '一直', '继续', '仍然', '依然', '正在', '已经', '曾经', '进一步', '总是', '经常',
  '我', '我们', '你们', '他们', '大家', '咱们', '自己',
]);
const MODAL_SLOT = /^(?:要|将|会|能|应|须|需|必须|需要|应当|应该|务必|一定要|可以|能够)$/;
/** The last characters of the modal slot words (a quick test before slotBefore). */
const MODAL_LAST = '要将会能应须需当该必以够';
const PERSONAL_SLOT = /(?:我|我们|你们|他们|大家|咱们|自己|们)$/;

/** X's start when a slot word ends 2–4 characters before p (the shortest X), and whether the slot is a person. */
function slotBefore(text: string, p: number): { start: number; person: boolean; modal: boolean } | null {
  for (let len = 2; len <= 4 && p - len > 0; len++) {
    if (!isHan(text.charCodeAt(p - len))) return null;
    const w = endsWithAny(text, p - len, SLOT_WORDS) ?? (text[p - len - 1] === '们' ? '们' : undefined);
    if (!w) continue;
    // The slot word must be a word there (需 inside 必需, 会 inside 机会): no longer word ends there.
    if (matchLength(longestMatch(text, p - len, -1)) > w.length) continue;
    // Nor may it begin a longer word across the boundary (要求, 会议, 还是).
    if (matchLength(longestMatch(text, p - len - w.length)) > w.length) continue;
    return { start: p - len, person: PERSONAL_SLOT.test(w), modal: MODAL_SLOT.test(w) };
  }
  return null;
}

/**
 * Whether, in the next few words from i, a noun comes before any verb or time word (每一项工作, 各项分工: a noun phrase;
 * 每月开展, 各自抓好, 这几天抓紧: an adverbial of a verb).
 */
function nounHeadFirst(text: string, i: number): boolean {
  for (let j = i, n = 0; n < 4 && j < text.length && isHan(text.charCodeAt(j)); n++) {
    const w = wordAt(text, j);
    if (w.end <= j) {
      j++;
      continue;
    }
    if (w.classes & C.Time) return false;
    if (w.classes & C.Noun) return true;
    if (w.classes & C.Verb) return false;
    j = w.end;
  }
  return false;
}

/**
 * The start of a derived manner word ending at p (X化, X性 with X a lexicon word of two characters or more that is
 * no pronoun, numeral or time word: 常态化, 制度化, 创造性, 针对性, 经常性), or -1. Such a word before 的 + a verb
 * with its object is an adverbial (常态化地开展…, 针对性地提出…), the lexicon lacking most of them; before a noun
 * phrase or after a taker it is an attribute (创造性的工作, 进行系统性的梳理: the checks that follow).
 */
function derivedMannerStart(text: string, p: number): number {
  if (!'化性'.includes(text[p - 1] ?? '')) return -1;
  const stem = longestMatch(text, p - 1, -1);
  const n = matchLength(stem);
  if (n < 2 || matchClasses(stem) & (C.Pronoun | C.Numeral | C.Time | C.Measure)) return -1;
  // (A lexicon word ending in the suffix is read by its own classes: 文化, 变化, 个性 are nouns.)
  if (matchLength(longestMatch(text, p, -1)) > 1) return -1;
  return p - 1 - n;
}

/**
 * The start of a four-character phrase ending at p that the model holds as a word and the lexicon lacks (一门心思,
 * 苦口婆心, 因地制宜, 心平气和: idioms, which describe a manner before 的 + a verb as often as an attribute before a
 * noun), or -1. Not a compound ending in a noun after another word (党员干部, 退休干部, 基层组织, 人民群众: a
 * possessor), nor one of a pronoun, numeral or time word.
 */
function idiomStart(text: string, p: number, isPhrase: (s: string) => boolean): number {
  const a = p - 4;
  if (a < 0) return -1;
  for (let i = a; i < p; i++) if (!isHan(text.charCodeAt(i))) return -1;
  // (A word of two characters or more the lexicon knows ending at p is read by its own classes.)
  if (matchLength(longestMatch(text, p, -1)) >= 3) return -1;
  if (classesAt(text, a, p) || matchLength(longestMatch(text, a)) >= 4) return -1;
  const head = classesAt(text, p - 2, p);
  if (head & C.Noun && classesAt(text, a, p - 2)) return -1;
  if ((classesAt(text, a, p - 2) | head) & (C.Pronoun | C.Time | C.Localizer)) return -1;
  // After a measure, a determiner or a coverb that takes a noun phrase (一份…的记录, 这种…的态度, 把…的根基) the
  // phrase is that noun phrase's attribute or its noun.
  if (nounPhraseOpens(text, a)) return -1;
  return isPhrase(text.slice(a, p)) ? a : -1;
}

/** Whether a measure, a numeral, a determiner or a coverb ends at a: what follows is a noun phrase (一份…, 这种…, 把…). */
function nounPhraseOpens(text: string, a: number): boolean {
  const before = wordBefore(text, a);
  return before !== null && ((before.classes & (C.Measure | C.Numeral | C.Preposition)) !== 0 || ((before.classes & C.Pronoun) !== 0 && /[这那该每各其此]/.test(text[before.start]!)));
}

/**
 * The start of a reduplicated word ending at p — AABB (踏踏实实, 稳稳当当) or AA (牢牢, 静静, 早早) — that is no noun,
 * pronoun, time word or measure (人人, 天天, 个个), or -1. Before 的 + a verb used verbally it is an adverbial.
 */
export function reduplicatedStart(text: string, p: number): number {
  const same = (i: number) => i >= 0 && isHan(text.charCodeAt(i)) && text[i] === text[i + 1];
  const nominal = (a: number) => (classesAt(text, a, p) & (C.Noun | C.Pronoun | C.Time | C.Measure | C.Numeral)) !== 0;
  // (Not after a measure, a determiner or a coverb: 一份原原本本的工作记录.)
  if (p >= 4 && same(p - 4) && same(p - 2) && text[p - 4] !== text[p - 2] && !nominal(p - 4)) return nounPhraseOpens(text, p - 4) ? -1 : p - 4;
  if (p >= 2 && same(p - 2) && !nominal(p - 2) && text[p - 3] !== text[p - 2]) return nounPhraseOpens(text, p - 2) ? -1 : p - 2;
  return -1;
}

/**
 * Whether the two-character word the lexicon tags a noun only at [p + 1, vEnd) is a verb used verbally after a modal
 * and a manner word (要坦诚的交流思想, 要科学的规划产业布局: jieba tags 交流, 规划, 动员, 记录, 协商, 论证, 评价 as nouns
 * only): a modal right before a known manner word X (a predicate's adverbial slot: 要 there is no verb "want" taking
 * X的N, which would need a verb between — 要加强坦诚的交流), and an object after V — a determiner, a noun, pronoun or
 * attributive word, or a word the lexicon lacks, of two characters or more — that is no head noun (记录台账, 动员机制)
 * and opens no predicate.
 */
export function verbNounAfterModal(text: string, p: number, vEnd: number, isPhrase?: (s: string) => boolean): boolean {
  // (Cheap tests first: this runs for every 的 before a noun-only word; vEnd < 0: the end of the longest word at p + 1.)
  if (!MODAL_LAST.includes(text[p - 3] ?? '')) return false;
  if (vEnd < 0) vEnd = p + 1 + matchLength(longestMatch(text, p + 1));
  if (vEnd !== p + 3) return false;
  const slot = slotBefore(text, p);
  if (!slot?.modal || p - slot.start !== 2) return false;
  const xc = classesAt(text, slot.start, p);
  if ((xc & MANNER_LIKE) === 0 || xc & (C.Pronoun | C.Numeral | C.Time | C.Measure | C.Verb)) return false;
  return verbNounObject(text, vEnd, isPhrase);
}

/**
 * Whether 地 at p is right before a verb the lexicon tags a noun only: after a manner word (two characters or more),
 * the word carries 了 or has an object (广泛地动员党员群众, 真诚地关心每一位村民). A change to 的 is then no fix.
 */
export function verbNounAfterManner(text: string, p: number, isPhrase?: (s: string) => boolean): boolean {
  const x = wordBefore(text, p);
  const next = wordAt(text, p + 1);
  if (!x || p - x.start < 2 || (x.classes & MANNER_LIKE) === 0 || next.classes !== C.Noun || next.end !== p + 3) return false;
  if (text[next.end] === '了' || /^(?:每|各|这|那|全)/.test(text[next.end] ?? '')) return verbNounObject(text, next.end, isPhrase) || text[next.end] === '了';
  // (Else only after a word the lexicon calls a manner word or adverb: an adjective + 地 + a noun + a noun is as
  // often 的 — 最现实地利益问题.)
  return (x.classes & (C.Manner | C.Adverb)) !== 0 && verbNounObject(text, next.end, isPhrase);
}

/**
 * An object after the verb-noun ending at vEnd: see verbNounAfterModal. Not where the two make a word of the model
 * (人民群众: a compound noun, 广大地人民群众 is 的).
 */
function verbNounObject(text: string, vEnd: number, isPhrase?: (s: string) => boolean): boolean {
  if (!isHan(text.charCodeAt(vEnd)) || CLAUSE_END.test(text[vEnd]!)) return false;
  if (HEAD_NOUNS.some((h) => h.length > 1 && text.startsWith(h, vEnd))) return false;
  if (/^(?:每|各|这|那|全)/.test(text[vEnd]!)) return true;
  const o = wordAt(text, vEnd);
  if (isPhrase && o.end - vEnd >= 2 && isPhrase(text.slice(vEnd - 2, o.end))) return false;
  if (o.classes ? (o.classes & (NOMINAL | C.Attributive)) === 0 || (o.classes & C.Verb) !== 0 : !isHan(text.charCodeAt(vEnd + 1))) return false;
  const after = o.end > vEnd ? o.end : vEnd + 2;
  return !SUBJECT_START.test(text.slice(after, after + 4)) && !/^(?:很|十分|非常|更加)/.test(text.slice(after, after + 2));
}

/**
 * Is the verb ending at vEnd used verbally — its object, a mark or a coverb phrase after it? Not before a head
 * noun (学习态度), a predicate (推进离不开…), a second verb (督导检查发挥了) or the clause end.
 */
function verbalAfter(text: string, vEnd: number, vClasses: number, modal = false, vLength = 2): boolean {
  if (vEnd >= text.length || !isHan(text.charCodeAt(vEnd)) || DERIVED.includes(text[vEnd]!)) return false;
  // A one-character verb-only V before a verb of two characters takes it as its object (抓落实, 促提升, 抓整改: the
  // genre's verb-object set phrases; a verb does not head a compound with another verb after it).
  if (vLength === 1 && vClasses === C.Verb) {
    const o = wordAt(text, vEnd);
    if (o.end - vEnd >= 2 && (o.classes & C.Verb) !== 0 && (o.classes & C.Noun) === 0) return true;
  }
  // A verb ending in a result or direction (看到, 摸清, 担负起) is verbal before anything but a head noun.
  const resultative = '到出起清透好'.includes(text[vEnd - 1]!);
  // A head noun after a verb that is a noun too heads a compound (积极的学习态度); after a verb-only word it is
  // the object (分类的提出对策建议, 经常的打扫思想上的灰尘).
  if ((vClasses & C.Noun) !== 0) for (const h of HEAD_NOUNS) if (h.length > 1 && text.startsWith(h, vEnd)) return false;
  if (OBJECT_START.test(text.slice(vEnd, vEnd + 2))) return true;
  const next = wordAt(text, vEnd);
  // A word the lexicon lacks (上级部署, 谈心谈话: below its floor) after a verb-only V is read as a known noun there is:
  // its object (a verb-only word heads no compound); after a verb that is a noun too it says nothing.
  if (!next.classes) return (vClasses & C.Noun) === 0 && isHan(text.charCodeAt(vEnd + 1)) && !CLAUSE_END.test(text[vEnd + 2] ?? '');
  // A four-character term the lexicon tags as an idiom (意识形态, 两学一做) after a verb-only V is its object.
  if (next.classes === C.Idiom && next.end - vEnd >= 4) return (vClasses & C.Noun) === 0;
  // An attributive word (上级, 主要, 重大) opens the object noun phrase of a verb-only V, or of any verb after a modal.
  if (next.classes & C.Attributive && (next.classes & NOMINAL) === 0) return (vClasses & C.Noun) === 0 || modal;
  // An object: a noun, pronoun or numeral — after a verb with a noun reading, not one the lexicon also calls a
  // verb (督导检查, 组织保证了: two verbs heading a noun phrase); after a verb-only word, a verb-noun too
  // (看待发展中的…).
  if ((next.classes & NOMINAL) === 0) return resultative && (next.classes & C.Verb) !== 0;
  // After a modal (要精准的运用监督执纪…) the verb is the predicate's: a verb-noun object counts there too.
  // (Not a noun of activity, which heads a verb-noun compound: 宣传动员工作, 咨询服务.)
  if (ACTIVITY.some((h) => text.startsWith(h, vEnd))) return (next.classes & C.Verb) === 0 || ((vClasses & C.Noun) === 0 && next.classes !== C.Verb);
  return (next.classes & C.Verb) === 0 || ((modal || (vClasses & C.Noun) === 0) && next.classes !== C.Verb);
}

/**
 * Whether a run of descriptions from i closes the clause (at most 8 characters): 不够彻底。 很快， 及时妥当。
 * 紧凑合理。 — degree adverbs and negation, adjectives, complements, status words (after the first word one
 * the lexicon also calls a noun: 合理), or a four-character phrase the lexicon lacks (井然有序).
 */
function descriptionCloses(text: string, i: number): boolean {
  let j = i;
  let words = 0;
  while (j < text.length && j - i <= 8) {
    if (CLAUSE_END.test(text[j]!)) return words > 0;
    if (!isHan(text.charCodeAt(j))) return false;
    // A degree adverb, whatever the lexicon calls it (十分 is a numeral there).
    const degree = DEGREES.find((d) => text.startsWith(d, j));
    if (degree) {
      j += degree.length;
      words++;
      continue;
    }
    if (text.startsWith('不够', j) || text.startsWith('不太', j)) {
      j += 2;
      words++;
      continue;
    }
    const w = wordAt(text, j);
    if ('不还很较太更偏'.includes(text[j]!) && (w.end <= j + 1 || (w.classes & DESCRIPTIVE) === 0)) {
      j++;
      words++;
      continue;
    }
    // After a degree word, a word of one or two characters the lexicon lacks that closes the clause is what the
    // degree grades (很潦草。, 越来越舒心。, 比较空泛，): a degree adverb takes a description, never a noun.
    const graded = DEGREES.some((d) => text.startsWith(d, j - d.length)) || '不还很较太更偏'.includes(text[j - 1] ?? '');
    if (words > 0 && graded) {
      for (const n of [1, 2]) {
        if (!isHan(text.charCodeAt(j)) || !isHan(text.charCodeAt(j + n - 1)) || !CLAUSE_END.test(text[j + n] ?? '')) continue;
        const c = classesAt(text, j, j + n);
        if (c === 0 && (n === 2 || !w.classes)) return true;
      }
    }
    // A derived noun (深度, 力度, 积极性: X度/X率/X性/X力/X感) is the subject of what follows, not a complement.
    if (words === 0 && w.end - j >= 2 && DERIVED.includes(text[w.end - 1]!)) return false;
    if (!w.classes || (w.classes & DESCRIPTIVE) === 0 || ((w.classes & C.Noun) !== 0 && (words === 0 || (w.classes & C.Adjective) === 0))) return false;
    // An adverb that is no description itself opens a verb phrase (改革开放的进一步深入，), unless it begins with
    // a degree (很快).
    if ((w.classes & (C.Adjective | C.Complement | C.Status)) === 0 && !DEGREES.some((d) => text.startsWith(d, j))) return false;
    j = w.end;
    words++;
  }
  // The end of a paragraph without a mark is a heading or a line broken by a paste (工作的重⏎要性), no clause end.
  return false;
}

const AMOUNT = /^(?:还|也|都)?(?:很|较|比较|不|太|更)?(?:多|少|不少)/;
/**
 * Whether the verb X (starting at xStart) before the particle at p is part of a noun phrase: after 所, after a
 * pronoun or a person (我们做的还不够: what we did), or after 比 (说的比唱的还好听: the standard of a comparison).
 * Then 的 after it is nominal, never a complement's 得.
 */
export function nominalSubject(text: string, p: number, xStart: number): boolean {
  if (afterSuoOrBi(text, xStart)) return true;
  const x = wordBefore(text, p);
  if (x && x.classes & C.Pronoun) return true;
  const before = wordBefore(text, xStart);
  return before !== null && ((before.classes & C.Pronoun) !== 0 || PERSONS.includes(text.slice(before.start, xStart)));
}

/** Whether the verb starting at xStart follows 所 or 比 (所做的, 说的比唱的): the head of a noun phrase. */
export function afterSuoOrBi(text: string, xStart: number): boolean {
  return text[xStart - 1] === '所' || text[xStart - 1] === '比';
}

/** Whether an amount (多, 少, 不少, 很多, 还不少) follows at i: V的多 is "what was V'ed is much" as often as a complement. */
export function amountAt(text: string, i: number): boolean {
  return AMOUNT.test(text.slice(i, i + 4));
}

/** What a noun phrase as subject is followed by (启发是…, 报告已…, 成就令人…). */
const SUBJECT_START = /^(?:是|已|已经|令|让|使|都|也|还|要|将|必须|需要|值得|得到|受到|不容|深受|凝聚|来之不易|前所未有|举世瞩目)/;
/** Verbs of result or direction: never before 地 (学到, 做出, 形成, 看完). */
const RESULT_END = /[到出完成]$/;

/** The class of evidence the clause gives for replacing the particle at p (as written) by fix, or null. */
export function evidenceFor(text: string, p: number, fix: '的' | '地' | '得', isPhrase?: (s: string) => boolean): Evidence | null {
  const written = text[p];
  const x = wordBefore(text, p);
  const next = wordAt(text, p + 1);
  if (written === '的' && fix === '地') {
    // A verb below the lexicon's floor (重温, 研读: the extra set) is a two-character verb.
    if (next.end <= p + 2 && minorClassesAt(text, p + 1, p + 3)) {
      next.end = p + 3;
      next.classes = C.Verb;
    }
    const v = next.classes;
    if (v === C.Noun && next.end === p + 3) return verbNounAfterModal(text, p, next.end, isPhrase) ? 'adverbial' : null;
    if ((v & (C.Verb | C.Preposition)) === 0 || '是有以'.includes(text[p + 1]!)) return null;
    // (X has two characters or more: a one-character adjective before 的 is an attribute — 新的, 难的.)
    const slot = slotBefore(text, p);
    const derived = derivedMannerStart(text, p);
    // (The model look-up last: only where no derived or reduplicated word ends at p.)
    const redup = reduplicatedStart(text, p);
    const idiom = isPhrase && derived < 0 && redup < 0 ? idiomStart(text, p, isPhrase) : -1;
    let xStart = -1;
    if (derived >= 0 && (!slot || slot.start >= derived)) {
      // A derived manner word (常态化, 创造性, 针对性) is read whole, with or without a slot before it.
      xStart = derived;
    } else if (idiom >= 0 && (!slot || slot.start >= idiom)) {
      xStart = idiom;
    } else if (redup >= 0 && (!slot || slot.start >= redup)) {
      xStart = redup;
    } else if (slot) {
      const xc = classesAt(text, slot.start, p);
      // Not a pronoun or numeral; after a person, not a noun-only word (我们党的领导干部: a possessor).
      if (xc & (C.Pronoun | C.Numeral | C.Measure | C.Time)) return null;
      if (slot.person && (xc & C.Noun) !== 0 && (xc & ~C.Noun) === 0) return null;
      // A verb-only X heads a relative clause as readily (我们要支持的发展项目, 我们要解决的突出问题): the word after
      // must be a verb and nothing else (no noun, adjective or complement reading), of two characters.
      if (xc & C.Verb && (xc & MANNER_LIKE) === 0 && ((v & (C.Noun | C.Adjective | C.Attributive | C.Complement)) !== 0 || next.end - p - 1 < 2)) return null;
      // X a word, or a phrase the lexicon lacks (勇毅, 前赴后继), not one with a noun inside (使党组织) or ending in
      // a localiser (调整后).
      // (An unknown X that opens with a verb is a verb phrase — 要进行深入的, 要开展扎实的: the verb takes X的V.)
      const first = longestMatch(text, slot.start);
      if (!xc && matchLength(first) >= 2 && matchClasses(first) & (C.Verb | C.Preposition)) return null;
      if (!xc && (p - slot.start === 3 || (p - slot.start === 4 && [1, 2].some((d) => matchClasses(longestMatch(text, slot.start + d)) & C.Noun && matchLength(longestMatch(text, slot.start + d)) >= 2)))) return null;
      if ('后前中上下时里内外'.includes(text[p - 1]!)) return null;
      // (Nor an unknown X ending in a verb, a manner word + a verb, unless a determiner or a mark opens V's object: 必须认真
      // 解决的突出问题 is a relative clause, 要高度警惕的防范各种风险 a predicate.)
      if (!xc && p - slot.start === 4 && (classesAt(text, p - 2, p) & (C.Verb | C.Noun | MANNER_LIKE)) === C.Verb && !OBJECT_START.test(text.slice(next.end, next.end + 2))) return null;
      xStart = slot.start;
    } else if (x && p - x.start >= 2 && (x.classes & MANNER_LIKE) !== 0 && !((x.classes & (C.Noun | C.Pronoun)) !== 0 && (x.classes & (C.Adverb | C.Status | C.Manner)) === 0)) {
      xStart = x.start;
    } else if (x && p - x.start >= 2 && (x.classes & (C.Pronoun | C.Numeral | C.Time | C.Localizer | C.Measure)) === 0 && !((x.classes & C.Verb) !== 0 && (x.classes & MANNER_LIKE) === 0) &&
      v === C.Verb && /^[了着过]/.test(text.slice(next.end)) && isHan(text.charCodeAt(next.end + 1))) {
      // A verb-only word carrying 了/着/过 with more after it is the predicate (该县大胆的探索了…, whatever the
      // lexicon calls 大胆): a noun phrase X的V takes no aspect mark. Not after a verb X, whose V了… is its complement
      // (贯彻的打了折扣, 执行的走了样: 得).
      xStart = x.start;
    } else return null;
    if (takerBefore(text, xStart)) return null;
    // After a verb (缺乏持之以恒的干事劲头, 具有强烈的…) or a coordinator (严格而经常性的组织生活), X的V is an object
    // noun phrase, or one of a pair of attributes: no slot.
    if ('而、和与及且'.includes(text[xStart - 1] ?? '')) return null;
    const pre = wordBefore(text, xStart);
    if (pre && pre.classes & C.Verb && !endsWithAny(text, xStart, SLOT_WORDS)) return null;
    // A coverb (把, 向, 为; not one that is a verb too: 对照检视要…).
    const adverbial: Evidence = xStart === derived ? 'derived' : 'adverbial';
    if (v & C.Preposition && (v & (C.Noun | C.Verb)) === 0) return adverbial;
    // V + a head noun + what opens a predicate (自觉的学习态度值得…, jieba has 学习 as a verb only): the noun heads a
    // subject noun phrase, not the verb's object.
    if (TWO_CHAR_HEADS.has(text.slice(next.end, next.end + 2)) && SUBJECT_START.test(text.slice(next.end + 2, next.end + 6))) return null;
    if (verbalAfter(text, next.end, v, slot?.modal, next.end - p - 1)) return adverbial;
    // After a reduplicated word a verb-only V closing the clause is the predicate (干干净净的做事。踏踏实实的干，): as an
    // attribute a reduplicated word goes before a noun (满满的收获, 深深的思念: verbs that are nouns too).
    if (xStart === redup && (v & (C.Noun | C.Adjective)) === 0 && CLAUSE_END.test(text[next.end] ?? '')) return adverbial;
    // After a slot, a verb with no noun reading before a comma (同志们一致的认为，): a predicate taking a clause.
    // (Without one, X的V， is as often a noun phrase: 通过…发展观的学习，)
    return slot && v === C.Verb && next.end - p - 1 >= 2 && text[next.end] === '，' ? adverbial : null;
  }
  if (!x) return null;
  if ((written === '的' || written === '地') && fix === '得') {
    // A verb (a one-character word too, whatever its tag: 记, 抓, 讲 — but not a noun suffix ending a word the
    // lexicon lacks: 班子, 人们), not after 所 or a personal subject.
    // (A word the lexicon tags a noun only, of two characters, when a degree word opens the description: jieba tags
    // many verbs as nouns — 定位, 整理, 论证 — and a noun + 的 + a degree + a description closing the clause is no
    // phrase of the genre: 定位的过于简单, 整理的很清晰。)
    const nounVerb = p - x.start === 2 && x.classes === C.Noun && !DERIVED.includes(text[p - 1]!) && (degreeAt(text, p + 1) || text.startsWith('不够', p + 1));
    if (((x.classes & C.Verb) === 0 && !nounVerb && (p - x.start > 1 || NOUN_SUFFIX.includes(text[x.start]!))) || x.classes & C.Pronoun) return null;
    // (地 after a manner word is right before a verb that the lexicon also calls an adjective: 不断地完善。)
    if (written === '地' && x.classes & (C.Adverb | C.Status | C.Manner | C.Idiom)) return null;
    if (nominalSubject(text, p, x.start)) return null;
    // 地 is wrong before an amount either way; 不多/不够 after a verb is the complement of self-criticism (想得不多).
    if (amountAt(text, p + 1) && !(written === '地' && text[p + 1] === '不')) return null;
    if (descriptionCloses(text, p + 1)) return 'complement';
    // A comparison closing the clause (跑得比谁都勤, 学得比老同志还快): 比 + what is compared + a description.
    // Not an amount (今年种的比去年多: what was planted).
    if (text[p + 1] === '比' && wordAt(text, p + 1).end === p + 2) {
      for (let j = p + 3; j <= p + 8 && j < text.length && isHan(text.charCodeAt(j - 1)); j++) {
        if (amountAt(text, j)) return null;
        if (descriptionCloses(text, j)) return 'complement';
      }
    }
    return null;
  }
  if (fix === '的') {
    if (x.classes & (C.Adverb | C.Status | C.Manner | C.Idiom) || ((x.classes & C.Adjective) !== 0 && written === '地')) return null;
    if (isWord(text.slice(x.start, p + 1)) || !isHan(text.charCodeAt(p + 1))) return null;
    // 得 + one character closing the clause is a complement (把措施定得实。), whatever the lexicon calls it.
    if (written === '得' && next.end <= p + 2 && CLAUSE_END.test(text[p + 2] ?? '。')) return null;
    if (next.classes & C.Noun && (next.classes & C.Verb) === 0) return 'attributive';
    if (written === '得') {
      // A verb of result or direction (梳理出, 听到: two characters or more) takes no further complement, and the
      // modal 得 (must) follows no verb: 得 after one is the 的 of an attribute (摸索出得好经验, 听到得批评意见).
      // (梳理出, 反映出: a two-character verb + 出/到 the lexicon lacks as one word.)
      const verbBefore = p - x.start === 1 ? wordBefore(text, p - 1) : null;
      const resultVerb = (p - x.start >= 2 && x.classes & C.Verb) || (verbBefore && p - 1 - verbBefore.start >= 2 && verbBefore.classes & C.Verb);
      if (resultVerb && /[到出]/.test(text[p - 1]!) && next.end > p + 1) return 'attributive';
      // A noun (two characters or more, nothing else) takes no complement; before a determiner (每, 各项, 这些) or an
      // attributive word + a noun (日常生活) 得 is no modal either (支部得抓好 is: a verb follows).
      if (p - x.start >= 2 && (x.classes & C.Noun) !== 0 && (x.classes & ~C.Noun) === 0) {
        // (The determiner must open a noun phrase — 每一项决定, 各项分工 — not be an adverbial of the modal 得's verb:
        // 支部得每月开展…, 成员得各自抓好….)
        if (/^(?:每|各|这|那|该|其)/.test(text[p + 1]!) && next.classes & (C.Pronoun | C.Other) && !(next.classes & C.Time) && nounHeadFirst(text, next.end)) return 'attributive';
        const head = wordAt(text, next.end);
        if (next.end - p - 1 >= 2 && next.classes & (C.Adjective | C.Attributive | C.Adverb) && head.end - next.end >= 2 && (head.classes & C.Noun) !== 0 && (head.classes & (C.Verb | C.Adjective | C.Adverb)) === 0) return 'attributive';
      }
    }
    // A verb + 地 + a determiner or numeral (开展地各项活动): a noun phrase follows, an adverbial never does.
    if (written === '地' && x.classes === C.Verb && next.classes & (C.Pronoun | C.Numeral) && next.end - p - 1 >= 2) return 'attributive';
    // A verb of result never takes 地 (学到地知识); 地是 is 的是 (追求地是…).
    if (written === '地' && (x.classes & C.Verb) !== 0 && (RESULT_END.test(text.slice(x.start, p)) || text[p + 1] === '是')) return 'attributive';
    if (next.classes & (C.Adjective | C.Attributive) && next.end > p + 1 && wordAt(text, next.end).classes & C.Noun) return 'attributive';
    // Any word the clause then takes as its subject, or (after 地) ends on.
    const end = next.end > p + 1 ? next.end : p + 2;
    if (CLAUSE_END.test(text.slice(end, end + 1)) && written === '地' && next.end > p + 2 && next.classes & (C.Noun | C.Adjective)) return 'attributive';
    if (SUBJECT_START.test(text.slice(end, end + 4))) return 'attributive';
    return null;
  }
  return null;
}

/**
 * Vetoes for the plain route (the model's gain with the next word's class, ParticleTuning.costs), where the
 * window cannot see the clause: whether the word after the particle at p is followed by what makes the
 * phrase a noun phrase — for 的→地 a verb with no noun reading or a copula (精心的组织保证了…: X的V is the
 * subject), for 的→得 a noun after a description (引领乡村治理的新路子: an attribute of the noun).
 */
export function nounPhraseAfter(text: string, p: number, fix: '地' | '得'): boolean {
  const next = wordAt(text, p + 1);
  if (next.end <= p + 1) return false;
  const after = wordAt(text, next.end);
  if (fix === '得') {
    if ((after.classes & C.Noun) === 0 || (after.classes & DESCRIPTIVE) !== 0 || (next.classes & DESCRIPTIVE) === 0) return false;
    // A degree adverb + a word the lexicon calls a noun, closing the clause, is a complement (理解的比较表面，).
    return !(degreeAt(text, p + 1) && CLAUSE_END.test(text[after.end] ?? '。'));
  }
  if (/^(?:是|比|离不开|使|让)/.test(text.slice(next.end, next.end + 3))) return true;
  // V + a head noun (争先恐后的学习氛围, 积极的工作态度): the noun heads the phrase.
  // (A head noun followed by a verb is the verb's object with its own predicate: 推动项目落地.)
  const head = HEAD_NOUNS.find((h) => h.length > 1 && text.startsWith(h, next.end));
  if (head && (wordAt(text, next.end + head.length).classes & C.Verb) === 0) return true;
  if (after.end - next.end >= 2 && after.classes === C.Verb) return true;
  // V + a noun + a predicate (争先恐后的报名场面令人感动): the noun heads the phrase, its subject.
  const third = after.end;
  return after.end - next.end >= 2 && (after.classes & C.Noun) !== 0 && (after.classes & C.Verb) === 0 && (SUBJECT_START.test(text.slice(third, third + 4)) || /^(?:令|更加|十分|非常)/.test(text.slice(third, third + 2)));
}

/** Whether a degree adverb begins at i (较快, 很好, 十分透彻): after 得 it opens a complement. */
export function degreeAt(text: string, i: number): boolean {
  return DEGREES.some((d) => text.startsWith(d, i));
}

/** Whether the word before the particle at p is a noun and nothing else, of two characters or more (班子的): a
 * possessor or an attribute, never a verb that takes a complement. */
export function nounOnlyBefore(text: string, p: number): boolean {
  const x = wordBefore(text, p);
  return x !== null && p - x.start >= 2 && (x.classes & C.Noun) !== 0 && (x.classes & ~C.Noun) === 0;
}
