/**
 * Settings: every check on or off everywhere, in writers' groups (错别字 · 重复 · 的地得 …), each with its
 * name, a one-line description and an example; a group's own switch turns the whole group on or off
 * (shown mixed when only some are on), and its 显示为 select sets how strongly the group's findings are
 * shown (lib/severity-override.ts). 恢复默认 puts every switch and severity back, with 撤销. Rule ids
 * never appear: lib/rule-catalog.ts gives the words.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Severity } from '@/lib/engine/types';
import { sendMessage } from '@/lib/protocol';
import { catalogByGroup, RULE_CATALOG, type CatalogEntry, type RuleGroup } from '@/lib/rule-catalog';
import { ruleEnabled, type Settings } from '@/lib/settings';
import { isSeverity, SEVERITIES } from '@/lib/severity-override';
import { count, groupName, msg, ruleText } from './i18n';
import { Notice, useNotice } from './Notice';

const GROUPS = catalogByGroup();

export function RulesSection({ settings }: { settings: Settings }) {
  const { notice, show } = useNotice();
  const on = RULE_CATALOG.filter((e) => ruleEnabled(settings, e.id)).length;

  const setRules = (ids: string[], enabled: boolean, label: string) =>
    sendMessage('setRulesEnabled', { rules: ids, enabled })
      .then(() => show({ text: msg(enabled ? 'settingsRuleOn' : 'settingsRuleOff', label), kind: 'ok' }))
      .catch(() => show({ text: msg('settingsSaveFailed'), kind: 'error' }));

  const setSeverity = (group: RuleGroup, severity: Severity | null) => {
    const name = groupName(group);
    sendMessage('setGroupSeverity', { group, severity })
      .then(() => show({ text: severity ? msg('settingsSeveritySet', name, severityName(severity)) : msg('settingsSeverityCleared', name), kind: 'ok' }))
      .catch(() => show({ text: msg('settingsSaveFailed'), kind: 'error' }));
  };

  // 恢复默认: every rule on, no severity chosen; 撤销 writes back what there was.
  const isDefault = !Object.keys(settings.rules).some((id) => settings.rules[id] === false) && !Object.keys(settings.groupSeverity).length;
  const reset = () => {
    if (isDefault) {
      show({ text: msg('settingsRulesAlreadyDefault'), kind: 'ok' });
      return;
    }
    const before = { rules: { ...settings.rules }, groupSeverity: { ...settings.groupSeverity } };
    sendMessage('setRuleSettings', { rules: {}, groupSeverity: {} })
      .then(() => show({ text: msg('settingsRulesResetDone'), kind: 'ok', focus: true, undo: () => sendMessage('setRuleSettings', before) }))
      .catch(() => show({ text: msg('settingsSaveFailed'), kind: 'error' }));
  };

  return (
    <section id="rules" class="settings-section" aria-labelledby="rules-heading">
      <h2 id="rules-heading">
        {msg('settingsRulesHeading')}
        <span class="count" data-testid="rules-count">
          {msg('settingsRulesCount', count(on), count(RULE_CATALOG.length))}
        </span>
      </h2>
      <p class="hint">{msg('settingsRulesIntro')}</p>
      <div class="rules-tools">
        <button type="button" data-testid="rules-reset" aria-describedby="rules-reset-hint" onClick={reset}>
          {msg('settingsRulesReset')}
        </button>
        <span id="rules-reset-hint" class="hint">
          {msg('settingsRulesResetHint')}
        </span>
      </div>
      <Notice notice={notice} onDone={show} />
      <div class="rule-groups">
        {GROUPS.map(({ group, rules }) => (
          <RuleGroupBox key={group} group={group} rules={rules} settings={settings} onSet={setRules} onSeverity={setSeverity} />
        ))}
      </div>
    </section>
  );
}

interface GroupProps {
  group: RuleGroup;
  rules: CatalogEntry[];
  settings: Settings;
  onSet(ids: string[], enabled: boolean, label: string): void;
  onSeverity(group: RuleGroup, severity: Severity | null): void;
}

/** A severity in the page's language (错误 / 建议 / 提示, each with its underline named). */
export const severityName = (severity: Severity): string => msg(`settingsSeverity_${severity}`);

function RuleGroupBox({ group, rules, settings, onSet, onSeverity }: GroupProps) {
  const box = useRef<HTMLInputElement>(null);
  const states = rules.map((r) => ruleEnabled(settings, r.id));
  const all = states.every(Boolean);
  const some = states.some(Boolean);
  const name = groupName(group);
  // A mixed group shows the third state; the attribute cannot be set from markup.
  useEffect(() => {
    if (box.current) box.current.indeterminate = some && !all;
  }, [some, all]);
  return (
    <fieldset class="rule-group" data-group={group}>
      <legend>
        <label class="group-switch">
          <input
            ref={box}
            type="checkbox"
            checked={all}
            aria-checked={some && !all ? 'mixed' : all}
            aria-label={msg('settingsGroupToggle', name)}
            onChange={() => onSet(rules.map((r) => r.id), !all, name)}
          />
          <span aria-hidden="true">{name}</span>
        </label>
      </legend>
      <SeveritySelect group={group} name={name} value={settings.groupSeverity[group] ?? null} disabled={!some} onChange={onSeverity} />
      <ul class="rules">
        {rules.map((r, i) => {
          const text = ruleText(r.id);
          const id = `rule-${r.id}`;
          return (
            <li class={`rule${states[i] ? '' : ' off'}`} key={r.id} data-rule={r.id}>
              <input
                id={id}
                type="checkbox"
                role="switch"
                checked={states[i]}
                aria-describedby={`${id}-desc`}
                onChange={(e) => onSet([r.id], e.currentTarget.checked, text.name)}
              />
              <div class="rule-text">
                <label for={id} class="name">
                  {text.name}
                </label>
                <p id={`${id}-desc`} class="desc">
                  {text.description}
                  {text.example && <span class="example">{msg('settingsExample', text.example)}</span>}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

interface SeverityProps {
  group: RuleGroup;
  name: string;
  value: Severity | null;
  /** Every rule of the group is off: nothing to show, but the choice stays (and can still be changed). */
  disabled: boolean;
  onChange(group: RuleGroup, severity: Severity | null): void;
}

/** 显示为: the group's severity, or 默认 (each rule its own); a swatch shows the underline it gives. */
function SeveritySelect({ group, name, value, disabled, onChange }: SeverityProps) {
  const id = `severity-${group}`;
  return (
    <div class={`group-severity${disabled ? ' muted' : ''}`}>
      <label for={id}>{msg('settingsSeverityLabel')}</label>
      <select
        id={id}
        data-testid="group-severity"
        aria-label={msg('settingsSeverityAria', name)}
        value={value ?? ''}
        onChange={(e) => {
          const next = e.currentTarget.value;
          onChange(group, isSeverity(next) ? next : null);
        }}
      >
        <option value="">{msg('settingsSeverityDefault')}</option>
        {SEVERITIES.map((sev) => (
          <option key={sev} value={sev}>
            {severityName(sev)}
          </option>
        ))}
      </select>
      <span class={`sev-swatch ${value ?? 'default'}`} aria-hidden="true">
        {msg('settingsSeveritySample')}
      </span>
    </div>
  );
}
