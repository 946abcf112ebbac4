/**
 * The side panel's issue groups, in writers' words (错别字 · 重复 · 的地得 · 提法 · 标点 · 空格与断行 · 网页残留
 * · 结构): the same groups as the settings page (lib/rule-catalog.ts), so a writer meets one vocabulary.
 * Their names are `_locales` keys (groupMessageKey). Pure.
 */
import type { Category } from '../engine/types';
import { GROUP_OF_CATEGORY, RULE_GROUPS, type RuleGroup } from '../rule-catalog';

export const KINDS = RULE_GROUPS;
export type Kind = RuleGroup;

export function kindOf(category: Category): Kind {
  return GROUP_OF_CATEGORY[category] ?? 'structure';
}
