/**
 * Settings: every check on or off everywhere, in writers' groups (错别字 · 重复 · 的地得 …), each with its
 * name, a one-line description and an example; a group's own switch turns the whole group on or off
 * (shown mixed when only some are on). Rule ids never appear: lib/rule-catalog.ts gives the words.
 */
import { useEffect, useRef } from 'preact/hooks';
import { sendMessage } from '@/lib/protocol';
import { catalogByGroup, RULE_CATALOG, type CatalogEntry, type RuleGroup } from '@/lib/rule-catalog';
import { ruleEnabled, type Settings } from '@/lib/settings';
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

  return (
    <section id="rules" class="settings-section" aria-labelledby="rules-heading">
      <h2 id="rules-heading">
        {msg('settingsRulesHeading')}
        <span class="count" data-testid="rules-count">
          {msg('settingsRulesCount', count(on), count(RULE_CATALOG.length))}
        </span>
      </h2>
      <p class="hint">{msg('settingsRulesIntro')}</p>
      <Notice notice={notice} onDone={show} />
      <div class="rule-groups">
        {GROUPS.map(({ group, rules }) => (
          <RuleGroupBox key={group} group={group} rules={rules} settings={settings} onSet={setRules} />
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
}

function RuleGroupBox({ group, rules, settings, onSet }: GroupProps) {
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
