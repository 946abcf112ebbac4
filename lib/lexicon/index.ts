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
/**
 * Character tries, forward and backward, keyed by UTF-16 code unit: the positional look-ups below walk them
 * instead of slicing strings (they run for every 的/地/得 of every paragraph). A node's `word` is true when
 * the path to it spells a word.
 */
interface TrieNode {
  word: boolean;
  classes: number;
  next: Map<number, TrieNode> | null;
}
const forward: TrieNode = { word: false, classes: 0, next: null };
const backward: TrieNode = { word: false, classes: 0, next: null };

function insert(root: TrieNode, w: string, classes: number, reverse: boolean): void {
  let node = root;
  for (let k = 0; k < w.length; k++) {
    const code = w.charCodeAt(reverse ? w.length - 1 - k : k);
    node.next ??= new Map();
    let child = node.next.get(code);
    if (!child) {
      child = { word: false, classes: 0, next: null };
      node.next.set(code, child);
    }
    node = child;
  }
  node.word = true;
  node.classes = classes;
}

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
  for (const [w, c] of map) {
    insert(forward, w, c, false);
    insert(backward, w, c, true);
  }
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

/** Lengths of the lexicon words starting at `start` (forward) or ending at `start` (backward), shortest first. */
function lengthsAt(text: string, start: number, dir: 1 | -1): number[] {
  lexicon();
  const out: number[] = [];
  let node: TrieNode | undefined = dir === 1 ? forward : backward;
  for (let k = 0; k < MAX_WORD_LENGTH; k++) {
    const i = dir === 1 ? start + k : start - 1 - k;
    if (i < 0 || i >= text.length || !node?.next) break;
    node = node.next.get(text.charCodeAt(i));
    if (!node) break;
    if (node.word) out.push(k + 1);
  }
  return out;
}

/** Length of the longest word starting at `start` (forward) or ending at `start` (backward), or 0. */
function longestLength(text: string, start: number, dir: 1 | -1): number {
  lexicon();
  let best = 0;
  let node: TrieNode | undefined = dir === 1 ? forward : backward;
  for (let k = 0; k < MAX_WORD_LENGTH; k++) {
    const i = dir === 1 ? start + k : start - 1 - k;
    if (i < 0 || i >= text.length || !node?.next) break;
    node = node.next.get(text.charCodeAt(i));
    if (!node) break;
    if (node.word) best = k + 1;
  }
  return best;
}

/**
 * The longest word starting at `start` (dir 1) or ending at `start` (dir -1), packed as
 * `classes * 8 + length` (0 when none): the hot paths of rules read both without building a string.
 */
export function longestMatch(text: string, start: number, dir: 1 | -1 = 1): number {
  lexicon();
  let best = 0;
  let node: TrieNode | undefined = dir === 1 ? forward : backward;
  for (let k = 0; k < MAX_WORD_LENGTH; k++) {
    const i = dir === 1 ? start + k : start - 1 - k;
    if (i < 0 || i >= text.length || !node?.next) break;
    node = node.next.get(text.charCodeAt(i));
    if (!node) break;
    if (node.word) best = node.classes * 8 + k + 1;
  }
  return best;
}

/** Lexicon words (length ≥ minLength) that end at `end` in `text`, longest first. */
export function wordsEndingAt(text: string, end: number, minLength = 1): string[] {
  return lengthsAt(text, end, -1)
    .filter((len) => len >= minLength)
    .reverse()
    .map((len) => text.slice(end - len, end));
}

/** Lexicon words (length ≥ minLength) that start at `start` in `text`, longest first. */
export function wordsStartingAt(text: string, start: number, minLength = 1): string[] {
  return lengthsAt(text, start, 1)
    .filter((len) => len >= minLength)
    .reverse()
    .map((len) => text.slice(start, start + len));
}

/** The longest lexicon word (length ≥ minLength) starting at `start`, without building a list. */
export function longestWordAt(text: string, start: number, minLength = 1): string | undefined {
  const len = longestLength(text, start, 1);
  return len >= minLength && len > 0 ? text.slice(start, start + len) : undefined;
}

/** The longest lexicon word (length ≥ minLength) ending at `end`, without building a list. */
export function longestWordEndingAt(text: string, end: number, minLength = 1): string | undefined {
  const len = longestLength(text, end, -1);
  return len >= minLength && len > 0 ? text.slice(end - len, end) : undefined;
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
