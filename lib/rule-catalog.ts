/**
 * The rules as writers see them: for every rule id (lib/rules and the statistical checks wrong-char and
 * de-di-de-context, lib/lm/meta.ts)
 * the group it belongs to and the `_locales` keys of its name, one-line description and example, so that
 * the settings page (and any other page) can show 的地得 or 半角标点 instead of `de-di-de`. Pure data: no
 * rule code is imported, so a page that only names rules does not carry the rules' word lists.
 * tests/unit/rule-catalog.test.ts keeps it in step with the registry and the locale files.
 */
import type { Category } from './engine/types';

/** Groups in the order writers think of them (the side panel's issue groups use the same names). */
export const RULE_GROUPS = ['typo', 'repetition', 'grammar', 'phrase', 'punctuation', 'spacing', 'residue', 'structure'] as const;
export type RuleGroup = (typeof RULE_GROUPS)[number];

/** The group of each engine category (several categories read as one kind of slip to a writer). */
export const GROUP_OF_CATEGORY: Record<Category, RuleGroup> = {
  typo: 'typo',
  traditional: 'typo',
  repetition: 'repetition',
  grammar: 'grammar',
  phrase: 'phrase',
  punctuation: 'punctuation',
  spacing: 'spacing',
  linebreak: 'spacing',
  residue: 'residue',
  structure: 'structure',
};

export interface CatalogEntry {
  id: string;
  category: Category;
  group: RuleGroup;
}

const entry = (id: string, category: Category): CatalogEntry => ({ id, category, group: GROUP_OF_CATEGORY[category] });

/** Every switchable rule, grouped and in display order within its group. */
export const RULE_CATALOG: readonly CatalogEntry[] = [
  entry('confusable-word', 'typo'),
  entry('wrong-char', 'typo'),
  entry('traditional-char', 'traditional'),
  entry('repeated-word', 'repetition'),
  entry('repeated-phrase', 'repetition'),
  entry('repeated-passage', 'repetition'),
  entry('de-di-de', 'grammar'),
  entry('de-di-de-context', 'grammar'),
  entry('set-phrase', 'phrase'),
  entry('half-width-punct', 'punctuation'),
  entry('stray-punct', 'punctuation'),
  entry('unbalanced-pair', 'punctuation'),
  entry('stray-space', 'spacing'),
  entry('broken-line-break', 'linebreak'),
  entry('paste-residue', 'residue'),
  entry('heading-numbering', 'structure'),
];

export const CATALOG_BY_ID: ReadonlyMap<string, CatalogEntry> = new Map(RULE_CATALOG.map((e) => [e.id, e]));

/** `_locales` key suffix of a rule id (message names allow only [A-Za-z0-9_]). */
const suffix = (id: string) => id.replace(/-/g, '_');

/** The `_locales` keys of a rule's name, description and example ("写成 → 应为"). */
export function ruleMessageKeys(id: string): { name: string; description: string; example: string } {
  const s = suffix(id);
  return { name: `ruleName_${s}`, description: `ruleDesc_${s}`, example: `ruleExample_${s}` };
}

/** The `_locales` key of a group's name. */
export const groupMessageKey = (group: RuleGroup): string => `ruleGroup_${group}`;

/** The catalogue in groups, in {@link RULE_GROUPS} order (empty groups left out). */
export function catalogByGroup(): { group: RuleGroup; rules: CatalogEntry[] }[] {
  return RULE_GROUPS.map((group) => ({ group, rules: RULE_CATALOG.filter((e) => e.group === group) })).filter((g) => g.rules.length > 0);
}
