/**
 * The lexicon: coarse word classes for about ten thousand common words, from jieba's dictionary
 * (generated/jieba.ts, built by scripts/build-lexicon.ts) plus hand corrections for official prose
 * (curated.ts). Pure and synchronous; the table is decoded on first use (≈ a few ms, once).
 *
 *   wordClasses('开展') & WordClass.Verb   → non-zero
 *   isWord('党员')                          → true
 *   wordsEndingAt(text, i)                  → lexicon words ending at i, longest first
 *
 * Coverage is deliberately pruned (see the generator): a word that is not in the table is "unknown", not
 * "not a word". jieba's tags are noisy; rules should combine a class with context.
 */
import { CURATED } from './curated';
import { WordClass } from './classes';
import { LEXICON_GROUPS, LEXICON_META } from './generated/jieba';

export { WordClass, type WordClassName } from './classes';
export const LEXICON_INFO = LEXICON_META;
/** Longest word in the table, in UTF-16 units (all entries are BMP ideographs). */
export const MAX_WORD_LENGTH = 4;

let table: Map<string, number> | null = null;

function decode(): Map<string, number> {
  const map = new Map<string, number>();
  for (const [key, coded] of Object.entries(LEXICON_GROUPS)) {
    const classes = Number(key);
    for (const segment of coded.split(' ')) {
      const first = segment.charAt(0);
      for (const rest of segment.slice(1).split('|')) {
        const w = first + rest;
        map.set(w, (map.get(w) ?? 0) | classes);
      }
    }
  }
  for (const [w, c] of CURATED) map.set(w, (map.get(w) ?? 0) | c);
  return map;
}

function lexicon(): Map<string, number> {
  return (table ??= decode());
}

/** Bitmask of WordClass values for the word; 0 when the word is not in the table. */
export function wordClasses(word: string): number {
  return lexicon().get(word) ?? 0;
}

/** Does the word carry any of the classes in `mask`? */
export function hasClass(word: string, mask: number): boolean {
  return (wordClasses(word) & mask) !== 0;
}

export function isWord(word: string): boolean {
  return lexicon().has(word);
}

/** Lexicon words (length ≥ minLength) that end at `end` in `text`, longest first. */
export function wordsEndingAt(text: string, end: number, minLength = 1): string[] {
  const lex = lexicon();
  const out: string[] = [];
  for (let len = Math.min(MAX_WORD_LENGTH, end); len >= minLength; len--) {
    const w = text.slice(end - len, end);
    if (lex.has(w)) out.push(w);
  }
  return out;
}

/** Lexicon words (length ≥ minLength) that start at `start` in `text`, longest first. */
export function wordsStartingAt(text: string, start: number, minLength = 1): string[] {
  const lex = lexicon();
  const out: string[] = [];
  for (let len = Math.min(MAX_WORD_LENGTH, text.length - start); len >= minLength; len--) {
    const w = text.slice(start, start + len);
    if (lex.has(w)) out.push(w);
  }
  return out;
}

/**
 * Reduplicated forms, which act as status adjectives/adverbs whatever the table says: AABB (扎扎实实),
 * ABAB is left out (研究研究 is a verb), AA of a one-syllable adjective (好好, 慢慢) only when listed.
 */
export function isReduplicated(word: string): boolean {
  return word.length === 4 && word[0] === word[1] && word[2] === word[3] && word[0] !== word[2];
}

/** Convenience: the class names of a word (for messages, debugging and tests). */
export function classNames(word: string): string[] {
  const c = wordClasses(word);
  return Object.entries(WordClass)
    .filter(([, bit]) => (c & bit) !== 0)
    .map(([name]) => name);
}
