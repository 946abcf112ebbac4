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
  strong: string[];
}

const roleList = (rolesJson as { roles: RoleJson[] }).roles;

export const ROLE_NAMES: Record<Role, string> = Object.fromEntries(roleList.map((r) => [r.role, r.name])) as Record<
  Role,
  string
>;

/** Label word → role (前言 → intro, 结束语 → conclusion, 参考文献 → other). */
export const LABELS: ReadonlyMap<string, Role> = new Map(
  roleList.flatMap((r) => r.labels.map((l) => [l, r.role as Role] as const)),
);

const PRIORITY = (rolesJson as { priority: string[] }).priority as Role[];

const STRONG: { role: Role; res: RegExp[] }[] = PRIORITY.map((role) => ({
  role,
  res: (roleList.find((r) => r.role === role)?.strong ?? []).map((s) => new RegExp(s)),
}));

const WEAK_MEASURES: RegExp[] = (rolesJson as { weakMeasures: string[] }).weakMeasures.map((s) => new RegExp(s));

export const CONCLUSION_MARKERS: readonly string[] = (rolesJson as { conclusionMarkers: string[] }).conclusionMarkers;

/** Role named by a heading's own wording, or null. Labels count (a title that is exactly 引言 …). */
export function strongRole(title: string): Role | null {
  const t = title.replace(/[\s:：]+$/, '');
  const label = LABELS.get(t);
  if (label) return label;
  const weak = weakRole(t) !== null;
  for (const { role, res } of STRONG) {
    // “着力解决……问题” is an action, not a problems section.
    if (role === 'problems' && weak) continue;
    if (res.some((re) => re.test(t))) return role;
  }
  return null;
}

/** Range of the wording in `title` that names `role` (label, strong cue, or action verb for measures). */
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
