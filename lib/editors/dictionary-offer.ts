/**
 * Whether the fix card offers 加入词典 for an issue: only where a word is flagged — a suspected wrong
 * or traditional word, a set phrase, a doubled word, web leftovers — since the dictionary silences an
 * issue by its text. Not for marks, spaces, line breaks, heading numbers or a lone 的/地/得: "adding"
 * `,` or `的` would silence that slip everywhere, which is never what the writer means.
 */
import type { Category, Issue } from '../engine/types';
import { MAX_WORD_LENGTH } from '../storage/dictionary';

const WORD_CATEGORIES: ReadonlySet<Category> = new Set<Category>(['typo', 'traditional', 'phrase', 'repetition', 'residue']);

export function offersDictionary(issue: Pick<Issue, 'category' | 'text'>): boolean {
  const text = issue.text.trim();
  return WORD_CATEGORIES.has(issue.category) && text.length > 0 && text.length <= MAX_WORD_LENGTH && !/\s/.test(text) && /\p{L}/u.test(text);
}
