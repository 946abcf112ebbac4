/**
 * The writer's severity per rule group (设置 → 检查项目: 错误 / 建议 / 提示 for 错别字, 标点 …): how strongly a
 * kind of finding is shown — the underline's colour and style, the card's dot, the side panel's counts per
 * severity. A group without an override keeps each rule's own severity. Applied where findings leave the
 * analysis for display (the page's checker, the panel's 草稿检查), never inside the rules: the engine
 * knows nothing of settings, and switching a severity needs no new analysis. Pure.
 */
import type { Issue, Severity } from './engine/types';
import { GROUP_OF_CATEGORY, RULE_GROUPS, type RuleGroup } from './rule-catalog';

/** Every severity, most serious first (the order the settings page offers them). */
export const SEVERITIES = ['error', 'warning', 'info'] as const satisfies readonly Severity[];

/** Per group: the severity every finding of the group is shown with; absent = the rules' own. */
export type SeverityOverrides = Partial<Record<RuleGroup, Severity>>;

const GROUPS: ReadonlySet<string> = new Set(RULE_GROUPS);
const LEVELS: ReadonlySet<string> = new Set(SEVERITIES);

export const isRuleGroup = (x: unknown): x is RuleGroup => typeof x === 'string' && GROUPS.has(x);
export const isSeverity = (x: unknown): x is Severity => typeof x === 'string' && LEVELS.has(x);

/**
 * Overrides read from anything stored (never throws): only known groups with a known severity are kept,
 * so a damaged or future value degrades to "the rules' own" for that group instead of breaking display.
 */
export function parseSeverityOverrides(raw: unknown): SeverityOverrides {
  const out: SeverityOverrides = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [group, severity] of Object.entries(raw as Record<string, unknown>)) {
    if (isRuleGroup(group) && isSeverity(severity)) out[group] = severity;
  }
  return out;
}

/** The severity `issue` is shown with under `overrides`. */
export function severityFor(issue: Pick<Issue, 'category' | 'severity'>, overrides: SeverityOverrides): Severity {
  const group = GROUP_OF_CATEGORY[issue.category];
  return (group && overrides[group]) || issue.severity;
}

/**
 * Copies made for an issue, so that the same finding checked again keeps one object per severity (the
 * surfaces and the panel compare issues by identity in places; a new object per check would redraw).
 */
const graded = new WeakMap<Issue, Issue>();

/**
 * The issues as shown: those of an overridden group with the group's severity (copies; the analysis's
 * own objects are never changed), the rest as they were. Returns `issues` itself when nothing changes,
 * so the default settings cost one emptiness check.
 */
export function withGroupSeverity<I extends Issue>(issues: I[], overrides: SeverityOverrides): I[] {
  let any = false;
  for (const key in overrides) if (overrides[key as RuleGroup]) any = true;
  if (!any) return issues;
  let out: I[] | null = null;
  for (let i = 0; i < issues.length; i++) {
    const issue = issues[i]!;
    const severity = severityFor(issue, overrides);
    if (severity === issue.severity) {
      if (out) out.push(issue);
      continue;
    }
    out ??= issues.slice(0, i);
    let copy = graded.get(issue) as I | undefined;
    if (!copy || copy.severity !== severity) {
      copy = { ...issue, severity };
      graded.set(issue, copy);
    }
    out.push(copy);
  }
  return out ?? issues;
}
