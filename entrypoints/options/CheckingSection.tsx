/** Settings: the master switch (边写边查) and the pause before checking (debounce). */
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/protocol';
import { DEBOUNCE_LIMITS, DEFAULT_DEBOUNCE_MS, type Settings } from '@/lib/settings';
import { msg } from './i18n';
import { Notice, useNotice } from './Notice';

/** The typed pause, or null when it is not a whole number in range. */
export function parseDebounce(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const ms = Number(text);
  return ms >= DEBOUNCE_LIMITS.min && ms <= DEBOUNCE_LIMITS.max ? ms : null;
}

export function CheckingSection({ settings }: { settings: Settings }) {
  const { notice, show } = useNotice();
  const [draft, setDraft] = useState(String(settings.debounceMs));
  const [invalid, setInvalid] = useState(false);
  // Follow changes made elsewhere (another options tab) unless the field holds an unsaved edit.
  useEffect(() => {
    if (!invalid) setDraft(String(settings.debounceMs));
  }, [settings.debounceMs]);

  const save = (p: Promise<unknown>) => p.then(() => show({ text: msg('settingsSaved'), kind: 'ok' })).catch(() => show({ text: msg('settingsSaveFailed'), kind: 'error' }));

  const commitDebounce = () => {
    const ms = parseDebounce(draft);
    setInvalid(ms === null);
    if (ms === null || ms === settings.debounceMs) return;
    void save(sendMessage('setDebounceMs', { ms }));
  };

  return (
    <section id="checking" class="settings-section" aria-labelledby="checking-heading">
      <h2 id="checking-heading">{msg('settingsCheckingHeading')}</h2>
      <label class="switch-row">
        <input
          type="checkbox"
          role="switch"
          data-testid="checking-enabled"
          checked={settings.enabled}
          onChange={(e) => void save(sendMessage('setCheckingEnabled', { enabled: e.currentTarget.checked }))}
        />
        <span>{msg('settingsEnabled')}</span>
      </label>
      <p class="hint">{msg('settingsEnabledHint')}</p>
      <div class="debounce-row">
        <label for="debounce">{msg('settingsDebounce')}</label>
        <input
          id="debounce"
          type="number"
          inputMode="numeric"
          min={DEBOUNCE_LIMITS.min}
          max={DEBOUNCE_LIMITS.max}
          step={10}
          value={draft}
          aria-invalid={invalid}
          aria-describedby="debounce-hint"
          onInput={(e) => setDraft(e.currentTarget.value)}
          onChange={commitDebounce}
          onKeyDown={(e) => e.key === 'Enter' && commitDebounce()}
        />
        <span>{msg('settingsDebounceUnit')}</span>
      </div>
      <p id="debounce-hint" class={invalid ? 'hint error' : 'hint'}>
        {invalid ? msg('settingsDebounceInvalid') : msg('settingsDebounceHint', DEFAULT_DEBOUNCE_MS)}
      </p>
      <Notice notice={notice} onDone={show} />
    </section>
  );
}
