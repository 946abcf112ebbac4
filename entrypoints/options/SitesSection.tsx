/**
 * Settings: the sites where checking is off or rules are ignored (from the settings and from the
 * badge), each undoable here — 恢复检查, 恢复这些输入框, and 恢复 for each ignored rule (the undo of
 * 忽略此规则) — with 撤销 for each of those; and a field to switch a site off by hand.
 */
import { useRef, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/protocol';
import type { Settings } from '@/lib/settings';
import type { SiteSwitches } from '@/lib/storage/site-switches';
import { count, msg, ruleText } from './i18n';
import { Notice, useNotice, type NoticeState } from './Notice';
import { siteEntries, siteFromInput, type SiteEntry } from './site-entries';

export function SitesSection({ settings, switches }: { settings: Settings; switches: SiteSwitches }) {
  const { notice, show } = useNotice();
  const entries = siteEntries(settings, switches);
  const input = useRef<HTMLInputElement>(null);
  const [invalid, setInvalid] = useState(false);

  /** Run a change; on success say so, offering `undo`; the row's button may be gone, so move the focus. */
  const act = async (change: () => Promise<unknown>, done: (result: unknown) => NoticeState) => {
    try {
      show(done(await change()));
    } catch {
      show({ text: msg('settingsSaveFailed'), kind: 'error' });
    }
  };

  const resumeSite = (site: string) =>
    act(
      () => sendMessage('resumeSite', { site }),
      () => ({ text: msg('settingsSiteResumed', site), kind: 'ok', focus: true, undo: () => sendMessage('setSiteEnabled', { site, enabled: false }) }),
    );
  const resumeFields = (site: string) =>
    act(
      () => sendMessage('resumeSiteFields', { site }),
      (fields) => {
        const list = fields as string[];
        return {
          text: msg('settingsFieldsResumed', site, count(list.length)),
          kind: 'ok',
          focus: true,
          undo: list.length ? () => sendMessage('restoreSiteFields', { site, fields: list }) : undefined,
        };
      },
    );
  const restoreRule = (site: string, rule: string) =>
    act(
      () => sendMessage('restoreRuleOnSite', { site, rule }),
      () => ({ text: msg('settingsRuleRestored', site, ruleText(rule).name), kind: 'ok', focus: true, undo: () => sendMessage('ignoreRuleOnSite', { site, rule }) }),
    );

  const addSite = (event: Event) => {
    event.preventDefault();
    const site = siteFromInput(input.current?.value ?? '');
    setInvalid(site === null);
    if (site === null) {
      input.current?.focus();
      return;
    }
    void act(
      () => sendMessage('setSiteEnabled', { site, enabled: false }),
      () => {
        if (input.current) input.current.value = '';
        return { text: msg('settingsSiteAdded', site), kind: 'ok', undo: () => sendMessage('resumeSite', { site }) };
      },
    );
  };

  return (
    <section id="sites" class="settings-section" aria-labelledby="sites-heading">
      <h2 id="sites-heading">{msg('settingsSitesHeading')}</h2>
      <p class="hint">{msg('settingsSitesIntro')}</p>
      <Notice notice={notice} onDone={show} />
      {entries.length === 0 ? (
        <p class="empty">{msg('settingsSitesEmpty')}</p>
      ) : (
        <ul class="sites" aria-labelledby="sites-heading">
          {entries.map((e) => (
            <SiteRow key={e.site} entry={e} onResume={resumeSite} onResumeFields={resumeFields} onRestoreRule={restoreRule} />
          ))}
        </ul>
      )}
      <form class="add-site" onSubmit={addSite} noValidate>
        <label for="add-site">{msg('settingsAddSiteLabel')}</label>
        <input
          id="add-site"
          ref={input}
          type="text"
          inputMode="url"
          spellcheck={false}
          autoComplete="off"
          data-wengao="off"
          placeholder={msg('settingsAddSitePlaceholder')}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'add-site-error' : undefined}
          onInput={() => invalid && setInvalid(false)}
        />
        <button type="submit">{msg('settingsAddSite')}</button>
        {invalid && (
          <p id="add-site-error" class="hint error" role="alert">
            {msg('settingsAddSiteInvalid')}
          </p>
        )}
      </form>
    </section>
  );
}

interface RowProps {
  entry: SiteEntry;
  onResume(site: string): void;
  onResumeFields(site: string): void;
  onRestoreRule(site: string, rule: string): void;
}

function SiteRow({ entry, onResume, onResumeFields, onRestoreRule }: RowProps) {
  const { site } = entry;
  return (
    <li class="site" data-site={site}>
      <h3 class="site-name">{site}</h3>
      {entry.off && (
        <p class="site-line">
          <span class="tag off">{msg('settingsSiteOff')}</span>
          <button type="button" data-action="resume-site" aria-label={msg('settingsSiteResumeLabel', site)} onClick={() => onResume(site)}>
            {msg('settingsSiteResume')}
          </button>
        </p>
      )}
      {entry.fields.length > 0 && (
        <p class="site-line">
          <span class="tag">{msg('settingsSiteFieldsOff', count(entry.fields.length))}</span>
          <button type="button" data-action="resume-fields" aria-label={msg('settingsSiteFieldsResumeLabel', site)} onClick={() => onResumeFields(site)}>
            {msg('settingsSiteFieldsResume')}
          </button>
        </p>
      )}
      {entry.ignored.length > 0 && (
        <div class="site-line ignored">
          <span class="label">{msg('settingsSiteIgnored')}</span>
          <ul class="chips">
            {entry.ignored.map((rule) => {
              const name = ruleText(rule).name;
              return (
                <li class="chip" key={rule} data-rule={rule}>
                  <span>{name}</span>
                  <button type="button" data-action="restore-rule" aria-label={msg('settingsRuleRestoreLabel', site, name)} onClick={() => onRestoreRule(site, rule)}>
                    {msg('settingsRuleRestore')}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </li>
  );
}
