/**
 * The background's copy of the shipped `_locales/<locale>/messages.json`, read once per locale and kept
 * while the worker lives (the files never change under a running extension). Answers getLocaleMessages
 * for pages and content scripts that speak another language than chrome.i18n (lib/ui-language.ts).
 */
import { localeMessagesOf, type Locale, type LocaleMessages } from '../ui-language';

export function localeLoader(readFile: (path: string) => Promise<string>): (locale: Locale) => Promise<LocaleMessages> {
  const cache = new Map<Locale, Promise<LocaleMessages>>();
  return (locale) => {
    let got = cache.get(locale);
    if (!got) {
      got = readFile(`/_locales/${locale}/messages.json`).then((text) => localeMessagesOf(JSON.parse(text)));
      // A failed read is tried again next time.
      got.catch(() => cache.delete(locale));
      cache.set(locale, got);
    }
    return got;
  };
}
