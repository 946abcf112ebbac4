/**
 * Typed access to the hand-edited data in lib/corpus/curated/*.json (role cues, themes, canonical
 * phrasings). Regexes are compiled once at module load.
 */
import rolesJson from './curated/roles.json';
import themesJson from './curated/themes.json';
import phrasingsJson from './curated/phrasings.json';
import type { Role } from './types';

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

/** Per role, in priority order: its ending regex (role word + optional tail at the end) and its phrasings. */
const STRONG: { role: Role; res: RegExp[] }[] = PRIORITY.map((role) => {
  const r = roleList.find((x) => x.role === role);
  const res: RegExp[] = [];
  if (r && r.words.length) res.push(new RegExp(`(?:${alternation(r.words)})(?:${TAILS})?$`));
  for (const p of r?.phrasings ?? []) res.push(new RegExp(p));
  return { role, res };
});

/** Every role word (问题, 原因, 对策, 重要性 …), longest first: what a heading's title usually ends with. */
export const ROLE_WORDS: readonly string[] = [...new Set(roleList.flatMap((r) => r.words))].sort((a, b) => b.length - a.length);

const WEAK_MEASURES: RegExp[] = rolesData.weakMeasures.map((s) => new RegExp(s));

export const CONCLUSION_MARKERS: readonly string[] = rolesData.conclusionMarkers;

/** Trailing colon, spaces and sentence marks are not part of the wording. */
function bare(title: string): string {
  return title.replace(/[\s\u3000:：。；;，,]+$/, '');
}

/** Role named by a heading's own wording, or null. Labels count (a title that is exactly 引言, 存在问题 …). */
export function strongRole(title: string): Role | null {
  const t = bare(title);
  const label = LABELS.get(t);
  if (label) return label;
  const weak = weakRole(t) !== null;
  for (const { role, res } of STRONG) {
    // “着力解决……问题”, “补齐……短板” are actions, not a problems section.
    if (role === 'problems' && weak) continue;
    if (res.some((re) => re.test(t))) return role;
  }
  return null;
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

export const THEMES: readonly CuratedTheme[] = (themesJson as { themes: CuratedTheme[] }).themes;

export const THEME_BY_ID: ReadonlyMap<string, CuratedTheme> = new Map(THEMES.map((t) => [t.id, t]));

export const CURATED_ENUMERATIONS: readonly CuratedEnumeration[] = (
  phrasingsJson as { enumerations: CuratedEnumeration[] }
).enumerations;

export const STOP_PHRASES: ReadonlySet<string> = new Set((phrasingsJson as { stopPhrases: string[] }).stopPhrases);
