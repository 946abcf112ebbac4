/**
 * The interface language setting (界面语言: 跟随浏览器 / 中文 / English) and what it means in each place.
 * `chrome.i18n` always answers in the browser's language (or the default, zh_CN), so a page or the
 * card that must speak the other language gets that locale's `messages.json` and translates with
 * {@link translate}, which follows chrome.i18n's rules. Pure: no browser API.
 *
 *   extension pages (options, side panel)  auto → the browser's; zh_CN / en → that one
 *   the fix card and the badge (in pages)  Chinese, like the rules' messages, unless English was chosen:
 *                                          an English browser must not get English buttons under Chinese
 *                                          sentences by default
 */

export type LanguageSetting = 'auto' | 'zh_CN' | 'en';
export type Locale = 'zh_CN' | 'en';
export const LANGUAGE_SETTINGS: readonly LanguageSetting[] = ['auto', 'zh_CN', 'en'];
export const LOCALES: readonly Locale[] = ['zh_CN', 'en'];

/** `messages.json` as shipped: key → message and its named placeholders. */
export type LocaleMessages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** The key every locale file answers with its own name: which file chrome.i18n is using. */
export const LOCALE_CODE_KEY = 'localeCode';

/** The locale chrome.i18n speaks, from its answer for {@link LOCALE_CODE_KEY} (the default when unknown). */
export function activeLocale(localeCode: string): Locale {
  return localeCode === 'en' ? 'en' : 'zh_CN';
}

/** The locale of extension pages. */
export function pageLocale(setting: LanguageSetting, active: Locale): Locale {
  return setting === 'auto' ? active : setting;
}

/** The locale of the fix card and the badge: the messages' language unless English was chosen. */
export function cardLocale(setting: LanguageSetting): Locale {
  return setting === 'en' ? 'en' : 'zh_CN';
}

/**
 * A message as chrome.i18n.getMessage gives it: `$NAME$` replaced by the named placeholder's content,
 * `$1`…`$9` in that content (and in the message) by the substitutions, `$$` by `$`. '' for an unknown key.
 */
export function translate(messages: LocaleMessages, key: string, substitutions: readonly string[] = []): string {
  const entry = Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : undefined;
  if (!entry || typeof entry.message !== 'string') return '';
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  const named = entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$|\$(\d)/g, (all, name: string | undefined, n: string | undefined) => {
    if (all === '$$') return '$';
    if (n !== undefined) return substitutions[Number(n) - 1] ?? '';
    const content = entry.placeholders?.[name!.toLowerCase()]?.content;
    return content === undefined ? '' : fill(content);
  });
  return named;
}

/** A parsed `messages.json` checked for shape (entries that are not messages are dropped). */
export function localeMessagesOf(raw: unknown): LocaleMessages {
  const out: LocaleMessages = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!value || typeof value !== 'object' || typeof (value as { message?: unknown }).message !== 'string') continue;
    const v = value as { message: string; placeholders?: unknown };
    const entry: LocaleMessages[string] = { message: v.message };
    if (v.placeholders && typeof v.placeholders === 'object') {
      const ph: Record<string, { content: string }> = {};
      for (const [name, p] of Object.entries(v.placeholders as Record<string, unknown>)) {
        const content = (p as { content?: unknown } | null)?.content;
        if (typeof content === 'string') ph[name.toLowerCase()] = { content };
      }
      entry.placeholders = ph;
    }
    out[key] = entry;
  }
  return out;
}
