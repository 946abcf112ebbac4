/** Settings: the interface language (跟随浏览器 / 中文 / English); the page re-renders in it at once. */
import { sendMessage } from '@/lib/protocol';
import type { Settings } from '@/lib/settings';
import { LANGUAGE_SETTINGS, type LanguageSetting } from '@/lib/ui-language';
import { msg } from './i18n';
import { Notice, useNotice } from './Notice';

const LABEL: Record<LanguageSetting, string> = { auto: 'settingsLanguageAuto', zh_CN: 'settingsLanguageZh', en: 'settingsLanguageEn' };

export function LanguageSection({ settings }: { settings: Settings }) {
  const { notice, show } = useNotice();
  const choose = (language: LanguageSetting) =>
    sendMessage('setLanguage', { language }).catch(() => show({ text: msg('settingsSaveFailed'), kind: 'error' }));
  return (
    <section id="language" class="settings-section" aria-labelledby="language-heading">
      <h2 id="language-heading">{msg('settingsLanguage')}</h2>
      <div class="language-choice" role="radiogroup" aria-labelledby="language-heading" aria-describedby="language-hint">
        {LANGUAGE_SETTINGS.map((l) => (
          <label key={l} class="radio">
            <input type="radio" name="language" value={l} checked={settings.language === l} onChange={() => void choose(l)} />
            <span lang={l === 'en' ? 'en' : l === 'zh_CN' ? 'zh-CN' : undefined}>{msg(LABEL[l])}</span>
          </label>
        ))}
      </div>
      <p id="language-hint" class="hint">
        {msg('settingsLanguageHint')}
      </p>
      <Notice notice={notice} onDone={show} />
    </section>
  );
}
