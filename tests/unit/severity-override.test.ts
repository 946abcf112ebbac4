/**
 * The writer's severity per rule group (lib/severity-override.ts) and its settings edits: overrides are
 * read tolerantly, applied by group to copies (the analysis's issues untouched, one copy per finding
 * and severity), and only to the group chosen; the edits of lib/settings.ts keep "absent = the rules' own".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '@/lib/engine';
import type { Issue } from '@/lib/engine/types';
import { GROUP_OF_CATEGORY, RULE_GROUPS } from '@/lib/rule-catalog';
import { normalizeSettings, withGroupSeverityOverride, withRuleSettings } from '@/lib/settings';
import { parseSeverityOverrides, severityFor, SEVERITIES, withGroupSeverity } from '@/lib/severity-override';
import { groupIssues } from '@/lib/panel/groups';

const issue = (over: Partial<Issue>): Issue => ({
  rule: 'repeated-word',
  category: 'repetition',
  severity: 'error',
  start: 0,
  end: 2,
  text: '要要',
  replacements: ['要'],
  message: '重复',
  ...over,
});

describe('severity overrides', () => {
  it('keep only known groups with a known severity', () => {
    expect(parseSeverityOverrides({ typo: 'warning', punctuation: 'critical', foo: 'error', spacing: 1, residue: 'info' })).toEqual({ typo: 'warning', residue: 'info' });
    for (const raw of [undefined, null, 'error', ['typo'], 7]) expect(parseSeverityOverrides(raw)).toEqual({});
    expect(SEVERITIES).toEqual(['error', 'warning', 'info']);
  });

  it('apply by the group of the issue\'s category, leaving other groups at their own severity', () => {
    const dup = issue({});
    const comma = issue({ rule: 'half-width-punct', category: 'punctuation', severity: 'warning', start: 5, end: 6, text: ',', replacements: ['，'] });
    const trad = issue({ rule: 'traditional-char', category: 'traditional', severity: 'error', start: 8, end: 9, text: '發', replacements: ['发'] });
    const overrides = { repetition: 'info', typo: 'warning' } as const;
    expect(severityFor(dup, overrides)).toBe('info');
    expect(severityFor(comma, overrides)).toBe('warning');
    // Traditional characters belong to 错别字 (GROUP_OF_CATEGORY): the typo override reaches them.
    expect(GROUP_OF_CATEGORY.traditional).toBe('typo');
    const shown = withGroupSeverity([dup, comma, trad], overrides);
    expect(shown.map((i) => i.severity)).toEqual(['info', 'warning', 'warning']);
    // The analysis's objects are not changed; untouched issues are passed through as they are.
    expect([dup.severity, trad.severity]).toEqual(['error', 'error']);
    expect(shown[1]).toBe(comma);
    expect(shown[0]).not.toBe(dup);
    expect({ ...shown[0], severity: 'error' }).toEqual(dup);
  });

  it('cost nothing without an override, and keep one copy per finding while the choice stands', () => {
    const list = [issue({}), issue({ start: 4, end: 6 })];
    expect(withGroupSeverity(list, {})).toBe(list);
    // An override equal to every issue's own severity changes nothing either.
    expect(withGroupSeverity(list, { repetition: 'error' })).toBe(list);
    const a = withGroupSeverity(list, { repetition: 'warning' });
    const b = withGroupSeverity(list, { repetition: 'warning' });
    expect(a).not.toBe(list);
    expect(a[0]).toBe(b[0]);
    const c = withGroupSeverity(list, { repetition: 'info' });
    expect(c[0]!.severity).toBe('info');
    expect(c[0]).not.toBe(a[0]);
  });

  it('change the side panel\'s counts per severity for a real draft', () => {
    const { issues } = analyze('我们要要认真学习贯彻会议精神,推动工作落实落地。');
    const repetition = (list: readonly Issue[]) => groupIssues(list).find((g) => g.kind === 'repetition')!.issues.map((i) => i.severity);
    expect(repetition(issues).length).toBeGreaterThan(0);
    expect(repetition(issues)).not.toEqual(repetition(issues).map(() => 'info'));
    const shown = withGroupSeverity(issues, { repetition: 'info' });
    expect(repetition(shown).every((s) => s === 'info')).toBe(true);
    // The punctuation group keeps the rules' own severities.
    const punct = (list: readonly Issue[]) => groupIssues(list).find((g) => g.kind === 'punctuation')?.issues.map((i) => i.severity);
    expect(punct(shown)).toEqual(punct(issues));
  });
});

describe('settings edits of the severities', () => {
  it('set and clear one group, unchanged object when nothing changes', () => {
    const s = normalizeSettings(undefined);
    expect(s.groupSeverity).toEqual({});
    const info = withGroupSeverityOverride(s, 'punctuation', 'info');
    expect(info.groupSeverity).toEqual({ punctuation: 'info' });
    expect(withGroupSeverityOverride(info, 'punctuation', 'info')).toBe(info);
    expect(withGroupSeverityOverride(info, 'punctuation', null).groupSeverity).toEqual({});
    expect(withGroupSeverityOverride(s, 'typo', null)).toBe(s);
    expect(s.groupSeverity).toEqual({}); // not mutated
    for (const group of RULE_GROUPS) expect(withGroupSeverityOverride(s, group, 'warning').groupSeverity[group]).toBe('warning');
  });

  it('恢复默认 replaces switches and severities at once; its 撤销 puts them back', () => {
    const s = { ...normalizeSettings(undefined), rules: { 'de-di-de': false }, groupSeverity: { typo: 'info' as const }, debounceMs: 300 };
    const reset = withRuleSettings(s, { rules: {}, groupSeverity: {} });
    expect([reset.rules, reset.groupSeverity, reset.debounceMs]).toEqual([{}, {}, 300]);
    expect(withRuleSettings(reset, { rules: {}, groupSeverity: {} })).toBe(reset);
    const back = withRuleSettings(reset, { rules: s.rules, groupSeverity: s.groupSeverity });
    expect(back).toEqual(s);
  });
});

describe('severity names on the settings page', () => {
  const locale = (name: string) =>
    JSON.parse(readFileSync(path.join(import.meta.dirname, '../../public/_locales', name, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
  const PANEL = { error: 'panelSevError', warning: 'panelSevWarning', info: 'panelSevInfo' } as const;

  it('exist in both locales (the keys are built at run time) and use the side panel\'s words for each level', () => {
    for (const name of ['zh_CN', 'en']) {
      const m = locale(name);
      for (const sev of SEVERITIES) {
        const label = m[`settingsSeverity_${sev}`]?.message ?? '';
        expect(label, `${name} ${sev}`).not.toBe('');
        // 错误 / 建议 / 提示 (Error / Suggestion / Note): the word the panel counts this level with.
        const word = label.split(' · ')[0]!;
        expect(m[PANEL[sev]]!.message.toLowerCase(), `${name} ${sev}`).toContain(word.toLowerCase());
      }
      for (const key of ['settingsSeverityLabel', 'settingsSeverityAria', 'settingsSeverityDefault', 'settingsSeveritySample', 'settingsRulesReset', 'settingsRulesResetDone'])
        expect(m[key]?.message, `${name} ${key}`).toBeTruthy();
    }
  });
});
