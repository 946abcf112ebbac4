import { pageMessage } from '@/lib/page-language';

/**
 * The panel's translations (`_locales`), in the language of the 界面语言 setting (lib/page-language.ts:
 * chrome.i18n's, or the other shipped locale); a missing key shows nothing rather than the key.
 */
export function t(key: string, substitutions?: string[]): string {
  return pageMessage(key, substitutions);
}
