/**
 * de-di-de: 的/地/得 misuse, high precision only.
 *
 * Three patterns, each anchored on a written 的:
 * 1. adverbial 地: manner word + 的 + action verb with an object ("有效的运用科学发展观" → 地);
 * 2. lexical 得: words always written with 得 (觉得, 取得, 变得…) written as 觉的, 取的, 变的;
 * 3. complement 得: verb + 的 + degree complement ("工作做的很好。", "把工作开展的既有特色…" → 得).
 * Every pattern is guarded by context lists in ./data/de-di-de.ts; anything doubtful is left alone.
 * Cost: one indexOf scan for 的, a few Set look-ups per 的, no segmentation.
 */
import { defineParagraphRule, type Report } from '../engine/rule';
import { isHanCode } from '../engine/text';
import {
  ADVERBIALS,
  BA_COMPLEMENTS,
  BA_PARALLEL,
  CLAUSE_FINAL_COMPLEMENTS,
  CLAUSE_STARTERS,
  COMPLEMENT_VERBS,
  DEGREE_ADVERBS,
  HEAD_NOUNS,
  LEXICAL_DE,
  NOMINAL_TAKERS,
  NOT_TAKERS,
  PREDICATE_STARTS,
  PREPOSITIONS,
  STRONG_VERBS,
  VERB_OBJECTS,
  WEAK_ADVERBIALS,
  WEAK_VERB_OBJECT,
  WEAK_VERBS,
} from './data/de-di-de';

type Reporter = (r: Report) => void;

const messages = {
  adverbial: (x: string) => `“${x}”修饰后面的动词，作状语，应用“地”`,
  lexical: (word: string) => `“${word}”是固定写法，“的”应为“得”`,
  complement: (v: string) => `“${v}”后接补语，应用“得”`,
};

// ---------------------------------------------------------------------------------------------
// Look-up structures, built once at module load.

/** Words grouped by first character, longest first: fast "does a listed word start at i?" */
function byFirstChar(words: readonly string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const w of new Set(words)) {
    const list = map.get(w[0]!) ?? [];
    list.push(w);
    map.set(w[0]!, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.length - a.length);
  return map;
}

/** Words grouped by last character, longest first: fast "does a listed word end at i?" */
function byLastChar(words: readonly string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const w of new Set(words)) {
    const last = w[w.length - 1]!;
    const list = map.get(last) ?? [];
    list.push(w);
    map.set(last, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.length - a.length);
  return map;
}

function wordAtStart(text: string, i: number, index: Map<string, string[]>): string | undefined {
  const list = index.get(text.charAt(i));
  if (!list) return undefined;
  for (const w of list) if (text.startsWith(w, i)) return w;
  return undefined;
}

function wordEndingAt(text: string, end: number, index: Map<string, string[]>): string | undefined {
  if (end <= 0) return undefined;
  const list = index.get(text.charAt(end - 1));
  if (!list) return undefined;
  for (const w of list) if (end >= w.length && text.startsWith(w, end - w.length)) return w;
  return undefined;
}

const ADVERBIAL_INDEX = byLastChar(ADVERBIALS);
const WEAK_ADVERBIAL_SET = new Set(WEAK_ADVERBIALS);
/** Verbs carrying a result/aspect marker (规定出, 完成了, 处理好) are verbal whatever precedes them. */
const MARKED_VERB = /.[出了好到于]$/;
const VERB_INDEX = byFirstChar(STRONG_VERBS);
const WEAK_VERB_INDEX = byFirstChar(WEAK_VERBS);
const WEAK_OBJECT = new RegExp(WEAK_VERB_OBJECT, 'y');
const PREPOSITION_BLOCK = new Map(
  Object.entries(PREPOSITIONS).map(([p, blocked]) => [p, new RegExp(`(?:${blocked})`, 'y')]),
);
const HEAD_NOUN_INDEX = byFirstChar(HEAD_NOUNS);
const TWO_CHAR_HEAD_NOUNS = new Set(HEAD_NOUNS.filter((w) => w.length === 2));
const VERB_OBJECT_RE = new Map(Object.entries(VERB_OBJECTS).map(([v, nouns]) => [v, new RegExp(`(?:${nouns})`, 'y')]));
const TAKER_INDEX = byLastChar(NOMINAL_TAKERS);
const NOT_TAKER_INDEX = byLastChar(NOT_TAKERS);
const COORDINATORS = '、和与及';
const DEGREE_INDEX = byLastChar(DEGREE_ADVERBS);
const STARTER_INDEX = byLastChar(CLAUSE_STARTERS);
const COMPLEMENT_VERB_INDEX = byLastChar(COMPLEMENT_VERBS);
const FINAL_COMPLEMENT_INDEX = byFirstChar(CLAUSE_FINAL_COMPLEMENTS);
const BA_COMPLEMENT_INDEX = byFirstChar(BA_COMPLEMENTS);
const BA_PARALLEL_RE = new RegExp(BA_PARALLEL, 'y');

interface LexicalEntry {
  word: string;
  leftNot: string;
  leftOnly: Map<string, string[]> | null;
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

/** Han ideograph (BMP) at index i. Surrogates count as non-Han, which only makes the rule stricter. */
function hanAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isHanCode(text.charCodeAt(i));
}

/** 的, 之 and localisers (中/下/上…) right after the verb, except in 中国/中央/上级… */
const LOCALISER = /[的之里时后前]|中(?![国央华共])|下(?!级)|上(?!级)/y;

const CLAUSE_END = '，。；：！？、,.;:!?）)”…—';

function isClauseEnd(text: string, i: number): boolean {
  return i >= text.length || CLAUSE_END.includes(text.charAt(i));
}

// ---------------------------------------------------------------------------------------------
// 1. adverbial 地: X的V

/** Position just before X after dropping degree adverbs and 了/着 ("得到了更加有效的" → before 了). */
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
 * Coordinated adverbials ("多层次、全方位的了解") are looked through.
 */
function takesNounPhrase(text: string, xStart: number): boolean {
  let p = skipDegree(text, xStart);
  for (let guard = 0; guard < 4; guard++) {
    const c = text.charAt(p - 1);
    if (c === '了' || c === '着') p--;
    if (wordEndingAt(text, p, NOT_TAKER_INDEX)) return false;
    const taker = wordEndingAt(text, p, TAKER_INDEX);
    if (!taker) return false;
    if (taker.length === 1 && COORDINATORS.includes(taker)) {
      const prev = wordEndingAt(text, p - 1, ADVERBIAL_INDEX);
      if (prev) {
        p = skipDegree(text, p - 1 - prev.length);
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
  const c = text.charAt(vEnd);
  // "清醒的认识到，…": a perception verb with 到 may take a whole clause after a comma.
  if ((c === '，' || c === '：' || c === ',') && verb.endsWith('到') && verb.length > 1) return hanAt(text, vEnd + 1);
  if (!hanAt(text, vEnd) && c !== '“' && c !== '《') return false;
  // "在…的推动下", "深入的了解中", "全面的落实上": a localiser after the verb closes a noun phrase.
  LOCALISER.lastIndex = vEnd;
  if (LOCALISER.test(text)) return false;
  if (c === '和' || c === '与' || c === '及' || c === '并' || c === '、') {
    // "提出和解决问题": coordinated verbs are fine, "了解和认识" + noun is not sure.
    const next = wordAtStart(text, vEnd + 1, VERB_INDEX);
    return next !== undefined && verbalContinuation(text, vEnd + 1 + next.length, next);
  }
  if (PREDICATE_STARTS.includes(c)) return false;
  // 做好/规定出/完成了 cannot modify a noun: whatever follows is its object.
  if (MARKED_VERB.test(verb)) return true;
  // A head noun right after the verb, or after one more two-character word ("推进工作机制"), makes a noun
  // phrase, unless it is the verb's usual object ("发挥作用").
  const objects = VERB_OBJECT_RE.get(verb);
  if (objects) {
    objects.lastIndex = vEnd;
    if (objects.test(text)) return true;
  }
  if (wordAtStart(text, vEnd, HEAD_NOUN_INDEX) !== undefined) return false;
  return !(hanAt(text, vEnd + 1) && TWO_CHAR_HEAD_NOUNS.has(text.slice(vEnd + 2, vEnd + 4)));
}

function prepositionAt(text: string, i: number): boolean {
  const blocked = PREPOSITION_BLOCK.get(text.charAt(i));
  if (!blocked) return false;
  if (!hanAt(text, i + 1) && text.charAt(i + 1) !== '“') return false;
  blocked.lastIndex = i + 1;
  return !blocked.test(text);
}

function weakVerbAt(text: string, i: number): boolean {
  const verb = wordAtStart(text, i, WEAK_VERB_INDEX);
  if (!verb) return false;
  WEAK_OBJECT.lastIndex = i + verb.length;
  return WEAK_OBJECT.test(text) && verbalContinuation(text, i + verb.length, verb);
}

function checkAdverbial(text: string, de: number, report: Reporter): boolean {
  const vStart = de + 1;
  const verb = wordAtStart(text, vStart, VERB_INDEX);
  let verbal: boolean;
  if (verb) verbal = verbalContinuation(text, vStart + verb.length, verb);
  else verbal = prepositionAt(text, vStart) || weakVerbAt(text, vStart);
  if (!verbal) return false;
  const x = wordEndingAt(text, de, ADVERBIAL_INDEX);
  if (!x) return false;
  const xStart = de - x.length;
  if (takesNounPhrase(text, xStart)) return false;
  if (WEAK_ADVERBIAL_SET.has(x) && !(verb && MARKED_VERB.test(verb)) && !atClauseStart(text, xStart)) return false;
  report({ start: de, end: de + 1, message: messages.adverbial(x), replacements: ['地'] });
  return true;
}

// ---------------------------------------------------------------------------------------------
// 2. lexical 得: 觉的 → 觉得 …

function checkLexical(text: string, de: number, report: Reporter): boolean {
  if (de < 1) return false;
  const entries = LEXICAL.get(text.charAt(de - 1));
  if (!entries) return false;
  const left = text.charAt(de - 2);
  for (const entry of entries) {
    if (entry.leftNot && entry.leftNot.includes(left)) continue;
    if (entry.leftOnly && hanAt(text, de - 2) && !wordEndingAt(text, de - 1, entry.leftOnly)) continue;
    entry.right.lastIndex = de + 1;
    if (!entry.right.test(text)) continue;
    report({ start: de, end: de + 1, message: messages.lexical(entry.word), replacements: ['得'] });
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// 3. complement 得: V的 + 很好。 / 把…V的 + 既…

/** Is there a 把 earlier in the same clause (not inside 把握/把关)? */
function inBaClause(text: string, vStart: number): boolean {
  for (let i = vStart - 1; i >= 0 && vStart - i <= 20; i--) {
    const c = text.charAt(i);
    if (CLAUSE_END.includes(c)) return false;
    if (c === '把' && !'握关手柄戏'.includes(text.charAt(i + 1))) return true;
  }
  return false;
}

function checkComplement(text: string, de: number, report: Reporter): boolean {
  const verb = wordEndingAt(text, de, COMPLEMENT_VERB_INDEX);
  if (!verb) return false;
  const vStart = de - verb.length;
  if (text.charAt(vStart - 1) === '所') return false; // 所做的 …: nominal
  const cStart = de + 1;
  const final = wordAtStart(text, cStart, FINAL_COMPLEMENT_INDEX);
  let ok = final !== undefined && isClauseEnd(text, cStart + final.length);
  if (!ok && inBaClause(text, vStart)) {
    BA_PARALLEL_RE.lastIndex = cStart;
    const ba = wordAtStart(text, cStart, BA_COMPLEMENT_INDEX);
    ok = (ba !== undefined && text.charAt(cStart + ba.length) !== '的') || BA_PARALLEL_RE.test(text);
  }
  if (!ok) return false;
  report({ start: de, end: de + 1, message: messages.complement(verb), replacements: ['得'] });
  return true;
}

// ---------------------------------------------------------------------------------------------

const rule = defineParagraphRule({
  meta: {
    id: 'de-di-de',
    category: 'grammar',
    severity: 'error',
    description: '“的、地、得”误用：状语后用“地”，补语前用“得”',
    fixable: true,
  },
  check(text, report) {
    for (let de = text.indexOf('的'); de !== -1; de = text.indexOf('的', de + 1)) {
      if (checkLexical(text, de, report)) continue;
      if (checkAdverbial(text, de, report)) continue;
      checkComplement(text, de, report);
    }
  },
});

export default rule;
