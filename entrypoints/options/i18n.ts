/**
 * `_locales` strings for the options page by any key, including the ones built at run time (a rule's
 * name: lib/rule-catalog.ts ruleMessageKeys), in the page's language (lib/page-language.ts).
 */
import { currentPageLocale, pageMessage } from '@/lib/page-language';
import { groupMessageKey, ruleMessageKeys, type RuleGroup } from '@/lib/rule-catalog';

// The page's language may differ from chrome.i18n's (the 界面语言 setting): lib/page-language.ts decides.
const getMessage = (key: string, substitutions?: string[]): string => pageMessage(key, substitutions);

/** The string for `key`, with `$1`… filled from `substitutions`. */
export function msg(key: string, ...substitutions: (string | number)[]): string {
  return getMessage(key, substitutions.length ? substitutions.map(String) : undefined);
}

/** A rule in writers' words; an id this version does not know reads as a retired check, never as its id. */
export function ruleText(id: string): { name: string; description: string; example: string } {
  const keys = ruleMessageKeys(id);
  const name = getMessage(keys.name);
  if (!name) return { name: getMessage('settingsUnknownRule'), description: '', example: '' };
  return { name, description: getMessage(keys.description), example: getMessage(keys.example) };
}

export const groupName = (group: RuleGroup): string => getMessage(groupMessageKey(group));

/** Numbers as the page's language writes them (10,000 / 10,000). */
export const count = (n: number): string => n.toLocaleString(currentPageLocale() === 'en' ? 'en' : 'zh-CN');
