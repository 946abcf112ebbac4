/**
 * Typed access to the hand-edited data in lib/corpus/curated/*.json (role cues, themes, canonical
 * phrasings). Regexes are compiled once at module load.
 */
import rolesJson from './curated/roles.json';
import themesJson from './curated/themes.json';
import phrasingsJson from './curated/phrasings.json';
import type { Role } from './types';
import { longestMatch, matchClasses, matchLength, WordClass } from '../lexicon';

export interface CuratedTheme {
  id: string;
  name: string;
  keywords: string[];
  related: string[];
}

export interface CuratedEnumeration {
  parts: string[];
  note: string;
}

interface RoleJson {
  role: string;
  name: string;
  labels: string[];
  /** Role words a heading ends with (问题, 原因, 对策 …). */
  words: string[];
  /** How headings phrase the role elsewhere than at their end (存在的……问题, 产生……的原因, 如何……). */
  phrasings: string[];
}

interface RolesJson {
  roles: RoleJson[];
  tails: string[];
  priority: string[];
  weakMeasures: string[];
  conclusionMarkers: string[];
  reports: string[];
  resultPredicates: string[];
  causativeVerbs: string[];
  forward: string;
  actions: string[];
  actionVerbs: string[];
  combinedPlan: string;
  statements: string;
}

const rolesData = rolesJson as RolesJson;
const roleList = rolesData.roles;

export const ROLE_NAMES: Record<Role, string> = Object.fromEntries(roleList.map((r) => [r.role, r.name])) as Record<
  Role,
  string
>;

/** Label word → role (前言 → intro, 存在问题 → problems, 结束语 → conclusion, 参考文献 → other). */
export const LABELS: ReadonlyMap<string, Role> = new Map(
  roleList.flatMap((r) => r.labels.map((l) => [l, r.role as Role] as const)),
);

const PRIORITY = rolesData.priority as Role[];

const alternation = (xs: readonly string[]) =>
  [...xs].sort((a, b) => b.length - a.length).map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

const TAILS = alternation(rolesData.tails);
/** A question after a role word (短板在哪里, 原因是什么): it names the role as a tail does. */
const QUESTION = '(?:究竟|到底|又|还)?(?:出?在(?:哪里|哪儿|何处|哪)|有哪些|是什么)';

/** Per role, in priority order: its ending regex (role word + optional tail at the end) and its phrasings. */
const STRONG: { role: Role; res: RegExp[] }[] = PRIORITY.map((role) => {
  const r = roleList.find((x) => x.role === role);
  const res: RegExp[] = [];
  // A role word at the end, with a tail (问题分析) or asked after (短板在哪里, 病根出在何处, 问题有哪些): one regex.
  if (r && r.words.length) res.push(new RegExp(`(?:${alternation(r.words)})(?:${TAILS}|${QUESTION})?$`));
  for (const p of r?.phrasings ?? []) res.push(new RegExp(p));
  return { role, res };
});

/** Every role word (问题, 原因, 对策, 重要性 …), longest first: what a heading's title usually ends with. */
export const ROLE_WORDS: readonly string[] = [...new Set(roleList.flatMap((r) => r.words))].sort((a, b) => b.length - a.length);

const WEAK_MEASURES: RegExp[] = rolesData.weakMeasures.map((s) => new RegExp(s));

export const CONCLUSION_MARKERS: readonly string[] = rolesData.conclusionMarkers;

/** Trailing colon, spaces and sentence marks are not part of the wording. */
function bare(title: string): string {
  return title.replace(/[\s\u3000:：。；;，,“”"‘’]+$/, '');
}

/** Report sections (工作完成情况, 取得的成效, 主要工作): see $reports in roles.json. */
const REPORTS: RegExp[] = rolesData.reports.map((s) => new RegExp(s));

/** 这是……/此乃……/它既是……: a sentence about what was said before, not a section name. */
const STATEMENT_OPENING = /^(?:这|此|它)(?:既|也|更|正|就|乃|才)?(?:是|乃)/;

/** Role named by one title's vocabulary (labels, role words, phrasings; report nouns when `reports`). */
function vocabularyRole(t: string, reports: boolean): Role | null {
  const label = LABELS.get(t);
  if (label) return label;
  // “这是提高政治能力的根本途径”: a statement about the section's subject, whose last noun names no section.
  if (STATEMENT_OPENING.test(t)) return null;
  // Computed only when needed (it looks words up): most titles never reach it.
  let weak: boolean | undefined;
  const isWeak = () => (weak ??= weakRole(t) !== null || remedialAction(t));
  for (const { role, res } of STRONG) {
    const at = res.findIndex((re) => re.test(t));
    if (at < 0) continue;
    // “着力解决……问题”, “补齐……短板” are actions, not a problems section; so is a last clause that acts on
    // the problem noun the title ends with (迎难而上，破解基层治理难题) — but not on a problem predicate
    // (学习不深入，解决问题能力不强 states a weakness).
    // An action that falls short (落实不到位, 整改不彻底, 执行走样) states a problem whatever its verb.
    if (role === 'problems' && !FALLS_SHORT.test(t) && (isWeak() || (at === 0 && lastClauseActs(t)))) continue;
    return role;
  }
  // X情况 names the state of doing X (履职情况, 落实……责任情况): its verb is the subject, not an action.
  // A result noun after an action is its object (以党建引领提升治理成效).
  if (reports && (/情况$/.test(t) || (REPORTS.some((re) => re.test(t)) && !isWeak()))) return 'other';
  return null;
}

/** A negative predicate at the end: the action before it falls short (落实不到位, 整改不彻底, 执行走样). */
const FALLS_SHORT = /(?:不[\u4e00-\u9fff]{1,2}|偏低|偏弱|偏少|较弱|滞后|缺位|错位|走样|变形|打折扣|两张皮)$/;

/** The last of several clauses opens with an action (weakMeasures, or a listed remedial action). */
function lastClauseActs(t: string): boolean {
  const cut = Math.max(t.lastIndexOf('，'), t.lastIndexOf(','));
  if (cut < 0) return false;
  const last = t.slice(cut + 1);
  return weakRole(last) !== null || remedialAction(last);
}

/** 问题及原因, 原因和对策, 基本情况和存在的问题: two section names joined (not 存在问题的原因, where 的 makes a head). */
const COORDINATION = /以及|及其|及|和|与|、/g;
const minorRole = (r: Role) => r === 'intro' || r === 'other';

/**
 * Role named by a heading's own wording, or null. Labels count (a title that is exactly 引言, 存在问题 …).
 * Two section names joined by 及/和/与/、 give the first one's role (存在的问题及原因 lists the problems
 * first and mostly), unless the first is only the background or a report of the second (现状和存在的问题).
 * `reports`: also name report sections (工作完成情况, 取得的成效) as 'other' — for the outline's roles, not
 * for finding headings (a sentence such as 取得明显成效。 must not become a heading by it).
 */
export function strongRole(title: string, reports = false): Role | null {
  const t = bare(title);
  COORDINATION.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COORDINATION.exec(t))) {
    const cut = m.index + m[0].length;
    if (m.index < 2 || cut > t.length - 2) continue;
    const left = vocabularyRole(t.slice(0, m.index), reports);
    if (!left) continue;
    const right = vocabularyRole(t.slice(cut), reports);
    if (!right) continue;
    return minorRole(left) && !minorRole(right) ? right : left;
  }
  return vocabularyRole(t, reports);
}

/** Range of the wording in `title` that names `role` (label, role word, or phrasing). */
export function roleCue(title: string, role: Role): [number, number] | null {
  if (LABELS.get(title) === role) return [0, title.length];
  for (const re of STRONG.find((s) => s.role === role)?.res ?? []) {
    const m = re.exec(title);
    if (m) return [m.index, m.index + m[0].length];
  }
  return null;
}

/** Action wording (加强…, 要强化…): a measures heading when nothing else says otherwise. */
export function weakRole(title: string): Role | null {
  return WEAK_MEASURES.some((re) => re.test(title)) ? 'measures' : null;
}

/** One-character verbs that open action headings in pairs (抓班子带队伍, 建机制强队伍, 守底线). */
const SINGLE_VERBS = new Set('抓建强管带扛守树立破补促严用育聚优固'.split(''));
const ADVERBIAL = WordClass.Adverb | WordClass.Manner | WordClass.Status | WordClass.Idiom;
/** 在思想上再提高, 在机制上再完善: a place phrase before the verb. */
const PLACE_PHRASE = /^在.{1,8}?[上中里](?:再|更|求|见|下)?/;

/**
 * Does the title open with an action, by word class rather than by a list of verbs: up to two adverbials
 * (自觉, 坚决, 持之以恒, an unlisted four-character idiom before a listed verb) and then a verb that is not
 * also a noun, a one-character action verb, or a disposal 把/将 (坚决把纪律挺在前面). Used for roles only,
 * never to find headings (it is broader than weakRole).
 */
export function actionRole(title: string): Role | null {
  const t = bare(title);
  if (clauseAction(t)) return 'measures';
  // 知行合一，在服务群众中践行宗旨 / 知行合一：筑牢……防线: the action may be in the last clause.
  const parts = t.split(/[，,；;：:\s\u3000]+/).filter(Boolean);
  return parts.length > 1 && clauseAction(parts[parts.length - 1]!) ? 'measures' : null;
}

/** Action wordings the word classes do not show (以史为镜, 做……的奋斗者, 常怀……, 让……): see $actions. */
const ACTIONS: RegExp[] = rolesData.actions.map((x) => new RegExp(x));
/** Literary verbs the lexicon lacks or tags as nouns (铭记, 赓续): see $actionVerbs. */
const ACTION_VERBS: ReadonlySet<string> = new Set(rolesData.actionVerbs);

/** 时刻/处处 before a verb: time and scope words the word-class table tags as nouns. */
const LEADING_ADVERBS = /^(?:时刻|时时|处处|事事|久久|常常|永远|始终)/;
/** Second characters of verb–result compounds (绷紧, 扛牢, 把准, 做细): a verb whatever its first character. */
const RESULT_COMPLEMENTS = new Set('紧牢实好严准细强稳足透深活清正住起'.split(''));

/** Does an action verb start at `i`: a verb that is not also a noun, a one-character verb, or an unlisted verb–result compound? */
function verbAt(t: string, i: number): boolean {
  const packed = longestMatch(t, i, 1);
  const len = matchLength(packed);
  const classes = matchClasses(packed);
  if (ACTION_VERBS.has(t.slice(i, i + 2))) return true;
  if (len >= 2) return (classes & WordClass.Verb) !== 0 && (classes & WordClass.Noun) === 0;
  if (SINGLE_VERBS.has(t.charAt(i))) return true;
  return i + 2 <= t.length && RESULT_COMPLEMENTS.has(t.charAt(i + 1)) && matchLength(longestMatch(t, i + 1, 1)) <= 1;
}

/**
 * Does the title open with a listed action (weakMeasures, $actions) after up to two adverbials — 驰而不息纠治
 * “四风”顽疾, 持之以恒破解……难题? Such a problem word is what the action cures, not the section's subject.
 * Diagnostic verbs (认清, 正视, 查找) are in neither list and keep their problem.
 */
function remedialAction(t: string): boolean {
  let i = 0;
  for (let step = 0; step < 2 && i < t.length - 2; step++) {
    const packed = longestMatch(t, i, 1);
    const len = matchLength(packed);
    if (len >= 2 && matchClasses(packed) & ADVERBIAL) i += len;
    else if (len <= 1 && step === 0 && t.length >= i + 6) i += 4;
    else break;
    const rest = t.slice(i);
    if (weakRole(rest) || ACTIONS.some((re) => re.test(rest))) return true;
  }
  return false;
}

function clauseAction(clause: string): boolean {
  let t = clause;
  if (weakRole(t) || ACTIONS.some((re) => re.test(t))) return true;
  const place = PLACE_PHRASE.exec(t);
  if (place) t = t.slice(place[0].length);
  let i = LEADING_ADVERBS.exec(t)?.[0].length ?? 0;
  for (let step = 0; step < 3 && i < t.length; step++) {
    const c = t.charAt(i);
    if (c === '把' || c === '将') return true;
    if (weakRole(t.slice(i)) || verbAt(t, i)) return true;
    const packed = longestMatch(t, i, 1);
    const len = matchLength(packed);
    const classes = matchClasses(packed);
    if (len >= 2 && classes & ADVERBIAL) {
      i += len;
      continue;
    }
    // An unlisted four-character idiom used as an adverbial: 驰而不息纠治……, 学以致用促发展.
    if (len <= 1 && step === 0 && t.length >= i + 6 && (weakRole(t.slice(i + 4)) || verbAt(t, i + 4))) return true;
    return false;
  }
  return false;
}

const alternationOf = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length).join('|');
/** The last clause states a result reached: subject + result adverb/predicate (see $results in roles.json). */
const RESULT = new RegExp(`^.{2,10}?(?:${alternationOf(rolesData.resultPredicates)})[\\u4e00-\\u9fff]{0,4}$`);
const CAUSATIVE = new RegExp(`^(?:${alternationOf(rolesData.causativeVerbs)})`);

/**
 * An achievement heading of a report (突出政治引领，党员队伍素质稳步提高): an action clause and then a clause
 * stating its result. 'other' (see $reports), or null.
 */
export function resultRole(title: string): Role | null {
  const parts = bare(title).split(/[，,；;\s\u3000]+/).filter(Boolean);
  if (parts.length < 2) return null;
  const last = parts[parts.length - 1]!;
  return RESULT.test(last) && !CAUSATIVE.test(last) ? 'other' : null;
}

const STATEMENT = new RegExp(rolesData.statements);
/** A heading stating what something is (担当是共产党人的鲜明品格): 'intro' where nothing else places it ($statements). */
export function statementRole(title: string): Role | null {
  return STATEMENT.test(bare(title)) ? 'intro' : null;
}

const FORWARD = new RegExp(rolesData.forward);
const COMBINED_PLAN = new RegExp(rolesData.combinedPlan);
/**
 * A measures title about the time to come (下一步工作打算, 2025年工作计划, 今后努力方向), or a problems title
 * joined to one (存在的不足和今后的努力方向: see $combinedPlan).
 */
export function isForwardPlan(title: string): boolean {
  const t = bare(title);
  const role = strongRole(t);
  return (FORWARD.test(t) && role === 'measures') || (role === 'problems' && COMBINED_PLAN.test(t));
}

export const THEMES: readonly CuratedTheme[] = (themesJson as { themes: CuratedTheme[] }).themes;

export const THEME_BY_ID: ReadonlyMap<string, CuratedTheme> = new Map(THEMES.map((t) => [t.id, t]));

export const CURATED_ENUMERATIONS: readonly CuratedEnumeration[] = (
  phrasingsJson as { enumerations: CuratedEnumeration[] }
).enumerations;

export const STOP_PHRASES: ReadonlySet<string> = new Set((phrasingsJson as { stopPhrases: string[] }).stopPhrases);
