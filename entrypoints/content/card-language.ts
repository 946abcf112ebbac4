/**
 * The language of what the checker shows in a page (fix card, badge, notices): Chinese like the rules'
 * messages, or English when the user chose it (lib/ui-language.ts cardLocale) — not the browser's
 * language, so an English browser gets no English buttons under Chinese sentences by default. When
 * chrome.i18n speaks another language than the one wanted, the wanted locale's texts are asked from the
 * background before the checker starts ({@link ready}: only frames with an editor get that far) and
 * after a switch of the setting; until they arrive, '' lets the card and badge use their built-in
 * Chinese, and `onLoaded` redraws.
 */
import { sendMessage } from '@/lib/protocol';
import type { Settings } from '@/lib/settings';
import { activeLocale, cardLocale, LOCALE_CODE_KEY, translate, type Locale, type LocaleMessages } from '@/lib/ui-language';

const i18nMessage = (key: string, substitutions?: string[]): string => {
  try {
    return (browser.i18n.getMessage as (key: string, substitutions?: string[]) => string)(key, substitutions);
  } catch {
    return '';
  }
};

export function cardLanguage(settings: () => Settings, onLoaded: () => void) {
  const active = activeLocale(i18nMessage(LOCALE_CODE_KEY));
  const loaded = new Map<Locale, LocaleMessages>();
  const asked = new Set<Locale>();
  const cache = new Map<string, string>(); // the badge asks on every count change
  let cachedFor: Locale | null = null;

  function messagesFor(locale: Locale): LocaleMessages | null {
    const got = loaded.get(locale);
    if (got || asked.has(locale)) return got ?? null;
    asked.add(locale);
    sendMessage('getLocaleMessages', { locale })
      .then((messages) => {
        loaded.set(locale, messages);
        cache.clear();
        onLoaded();
      })
      // Background unreachable (extension reloaded): keep the built-in texts; ask again next time.
      .catch(() => asked.delete(locale));
    return null;
  }

  /** Load the wanted locale's texts now when chrome.i18n does not speak it (the checker starts only in
   * frames with an editor, so this asks once per such frame, not per page). */
  function ready(): Promise<void> {
    const locale = cardLocale(settings().language);
    if (locale === active || loaded.has(locale)) return Promise.resolve();
    asked.add(locale);
    return sendMessage('getLocaleMessages', { locale })
      .then((messages) => {
        loaded.set(locale, messages);
        cache.clear();
      })
      .catch(() => {
        asked.delete(locale);
      });
  }

  function t(key: string, substitutions?: string[]): string {
    const locale = cardLocale(settings().language);
    if (locale !== cachedFor) {
      cache.clear();
      cachedFor = locale;
    }
    const id = substitutions?.length ? `${key}\u0000${substitutions.join('\u0000')}` : key;
    let text = cache.get(id);
    if (text !== undefined) return text;
    if (locale === active) text = i18nMessage(key, substitutions);
    else {
      const messages = messagesFor(locale);
      if (!messages) return '';
      text = translate(messages, key, substitutions);
    }
    if (cache.size > 500) cache.clear();
    cache.set(id, text);
    return text;
  }

  return { t, ready };
}
