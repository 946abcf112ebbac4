/**
 * Small entry point for rules (may run in the content script): the fixed enumerations and the check
 * for an enumeration cut short. Loads only lib/corpus/generated/set-phrases.json (~2 KB), not the corpus.
 */
import data from './generated/set-phrases.json';
import { findIncompleteEnumerations as find, type IncompleteEnumeration } from './enumerations';
import type { SetPhraseEnumeration } from './types';

/** Curated fixed enumerations plus those used by ≥ 2 corpus documents: `{parts, source, curated, docs}`. */
export const setPhraseEnumerations: readonly SetPhraseEnumeration[] = data as SetPhraseEnumeration[];

/** “说起来重要、做起来次要” without “忙起来不要”: the start of a fixed enumeration that stops early. */
export function findIncompleteEnumerations(
  text: string,
  list: readonly { parts: readonly string[]; source: string }[] = setPhraseEnumerations,
): IncompleteEnumeration[] {
  return find(text, list);
}

export type { IncompleteEnumeration, SetPhraseEnumeration };
