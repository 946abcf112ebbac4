/**
 * The interface language of the extension's own pages (options, side panel): chrome.i18n's answer when
 * the setting (lib/ui-language.ts) asks for the language it already speaks, else the other locale's
 * shipped messages.json, read from the extension. Pages call {@link pageMessage} for every text and
 * {@link startPageLanguage} once before the first render; a change of the setting re-renders them.
 */
import { normalizeSettings, SETTINGS_KEY, watchSettings } from './settings';
import { activeLocale, LOCALE_CODE_KEY, localeMessagesOf, pageLocale, translate, type LanguageSetting, type Locale, type LocaleMessages } from './ui-language';

let override: LocaleMessages | null = null;
let current: Locale | null = null;

const i18nMessage = (key: string, substitutions?: string[]): string => {
  try {
    return (browser.i18n.getMessage as (key: string, substitutions?: string[]) => string)(key, substitutions);
  } catch {
    return '';
  }
};

/** A page text in the page's language ('' for an unknown key). */
export function pageMessage(key: string, substitutions?: string[]): string {
  return override ? translate(override, key, substitutions) : i18nMessage(key, substitutions);
}

/** The page's language, once {@link startPageLanguage} has run. */
export const currentPageLocale = (): Locale => current ?? activeLocale(i18nMessage(LOCALE_CODE_KEY));

async function apply(setting: LanguageSetting, doc: Document): Promise<Locale> {
  const active = activeLocale(i18nMessage(LOCALE_CODE_KEY));
  const want = pageLocale(setting, active);
  if (want === active) override = null;
  else {
    try {
      const response = await fetch(browser.runtime.getURL(`/_locales/${want}/messages.json` as '/'));
      override = localeMessagesOf(await response.json());
    } catch {
      // Cannot read the other locale: stay with chrome.i18n's texts rather than show none.
      override = null;
      return (current = active);
    }
  }
  doc.documentElement.lang = want === 'en' ? 'en' : 'zh-CN';
  return (current = want);
}

/**
 * Set the page's language from the stored setting, then follow it: `onChange` runs after every switch
 * (re-render then). Resolves with the language in use.
 */
export async function startPageLanguage(doc: Document, onChange: (locale: Locale) => void, signal?: AbortSignal): Promise<Locale> {
  const lifetime = signal ?? new AbortController().signal;
  let setting = normalizeSettings(((await browser.storage.local.get(SETTINGS_KEY).catch(() => ({}))) as Record<string, unknown>)[SETTINGS_KEY]).language;
  void watchSettings(browser.storage, lifetime, (next) => {
    if (next.language === setting) return;
    setting = next.language;
    void apply(setting, doc).then(onChange);
  });
  return apply(setting, doc);
}
