/**
 * The options page's settings: checking and its timing, the checks themselves, the sites with something
 * switched off, the personal dictionary and the interface language. Reads what the background stores live (so a change made in
 * a page's badge or fix card shows here at once) and writes only through messages, which the background
 * checks (lib/message-policy.ts). Open tabs follow the settings through storage, as they always do.
 */
import { msg } from './i18n';
import { CheckingSection } from './CheckingSection';
import { DictionarySection } from './DictionarySection';
import { LanguageSection } from './LanguageSection';
import { RulesSection } from './RulesSection';
import { SitesSection } from './SitesSection';
import { useSettings, useSiteSwitches } from './use-settings';

export function SettingsPanel() {
  const { settings, failed } = useSettings();
  const switches = useSiteSwitches();
  if (failed) return <p class="error">{msg('settingsLoadFailed')}</p>;
  return (
    <>
      {settings && (
        <>
          <CheckingSection settings={settings} />
          <RulesSection settings={settings} />
          <SitesSection settings={settings} switches={switches} />
        </>
      )}
      <DictionarySection />
      {settings && <LanguageSection settings={settings} />}
    </>
  );
}

/** The sections, for the page's navigation (id → heading key). */
export const SETTINGS_SECTIONS = [
  ['checking', 'settingsCheckingHeading'],
  ['rules', 'settingsRulesHeading'],
  ['sites', 'settingsSitesHeading'],
  ['dictionary', 'settingsDictHeading'],
  ['language', 'settingsLanguage'],
] as const;
