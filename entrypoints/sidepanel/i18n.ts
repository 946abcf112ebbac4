import { pageMessage } from '@/lib/page-language';
import type { Role } from '@/lib/corpus/types';

/**
 * The panel's translations (`_locales`), in the language of the 界面语言 setting (lib/page-language.ts:
 * chrome.i18n's, or the other shipped locale); a missing key shows nothing rather than the key.
 */
export function t(key: string, substitutions?: string[]): string {
  return pageMessage(key, substitutions);
}

/** A section role (引言/意义, 原因分析 …) in the panel's language; `chinese`: the corpus's own name. */
export const roleName = (role: Role, chinese: string): string => t(`panelRole_${role}`) || chinese;

/** Names listed in a sentence: 、 in Chinese, a comma in English. */
export const listOf = (names: readonly string[]): string => names.join(t('panelListSeparator') || '、');
