/**
 * The lexicon: coarse word classes for about ten thousand common words, from jieba's dictionary
 * (generated/jieba.ts, built by scripts/build-lexicon.ts) plus hand corrections for official prose
 * (curated.ts). Pure and synchronous; the table is decoded on first use (once per page with an editor).
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
import { decodeGcs, inSet, type DecodedSet } from './coded-set';
import { LEXICON_GROUPS, LEXICON_META, LEXICON_MINOR } from './generated/jieba';

export { WordClass, type WordClassName } from './classes';
export const LEXICON_INFO = LEXICON_META;
/** Longest word in the table, in UTF-16 units (all entries are BMP ideographs). */
export const MAX_WORD_LENGTH = 4;

let built = false;

/**
 * Character tries, forward and backward, flattened into one open-addressing hash table of typed arrays:
 * the positional look-ups below walk them instead of slicing strings (they run for every 的/地/得 of every
 * paragraph), and a walk probes one contiguous table instead of chasing a Map per trie node. A node is a
 * number (the roots are 0 and 1); the edge (node, code unit) → child lives at a slot found by hashing the
 * pair; `wordClassesOf[node]` is the node's classes, or -1 when the path to it spells no word.
 *
 * Tried and not kept (issue 13): one interleaved array (slot = [node << 16 | code, child | class-palette
 * index << 16], 65,536 slots, 512 KB: one cache line a step instead of four), with and without a direct
 * first-character table for the two roots. Output identical; 10,844 positions × 3 look-ups warm −5 % (−11 %
 * with the root table) but no gain with caches evicted, so misses are not what these look-ups cost; the
 * de-di-de rule alone on seed 1 −1.4 % against a control copy whose own spread is ±2 %; first-use decode
 * +0.6 ms min, +5 ms median (noisy, budget +2 ms).
 */
const FORWARD_ROOT = 0;
const BACKWARD_ROOT = 1;
let edgeNode = new Int32Array(0);
let edgeCode = new Uint16Array(0);
let edgeChild = new Int32Array(0);
let edgeMask = 0;
let wordClassesOf = new Int32Array(0);
let longest = 0;

/** Length of the longest entry (the walks stop at MAX_WORD_LENGTH: a test keeps the two in step). */
export function longestEntryLength(): number {
  lexicon();
  return longest;
}

function slotOf(node: number, code: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) >>> 0;
}

/** The child of `node` by code unit `code`, or -1. */
function child(node: number, code: number): number {
  for (let slot = slotOf(node, code) & edgeMask; ; slot = (slot + 1) & edgeMask) {
    const child = edgeChild[slot]!;
    if (child === 0) return -1; // node ids start at 2: 0 marks an empty slot
    if (edgeNode[slot] === node && edgeCode[slot] === code) return child;
  }
}

/** An upper bound of the tries' edges: two per character of every word (forward and backward). */
function edgeBound(): number {
  let chars = 0;
  for (const coded of Object.values(LEXICON_GROUPS)) {
    // A front-coded segment "党员|委|支部" spells 党员, 党委, 党支部: its words' characters are its own
    // characters, less the bars, plus one shared first character per further word.
    let bars = 0;
    for (let k = coded.indexOf('|'); k >= 0; k = coded.indexOf('|', k + 1)) bars++;
    chars += 2 * coded.length; // spaces and bars over-count, which a bound allows
    chars += bars;
  }
  for (const [w] of CURATED) chars += w.length;
  return 2 * chars;
}

let nodes = 2;

/** Add `w` under `root` (read backward for the backward trie) and OR `classes` into its end node. */
function insert(root: number, w: string, classes: number, reverse: boolean): void {
  let node = root;
  const n = w.length;
  for (let k = 0; k < n; k++) {
    const code = w.charCodeAt(reverse ? n - 1 - k : k);
    let next = child(node, code);
    if (next < 0) {
      next = nodes++;
      let slot = slotOf(node, code) & edgeMask;
      while (edgeChild[slot] !== 0) slot = (slot + 1) & edgeMask;
      edgeNode[slot] = node;
      edgeCode[slot] = code;
      edgeChild[slot] = next;
    }
    node = next;
  }
  const had = wordClassesOf[node]!;
  wordClassesOf[node] = (had < 0 ? 0 : had) | classes;
  if (n > longest) longest = n;
}

function addWord(w: string, classes: number): void {
  insert(FORWARD_ROOT, w, classes, false);
  insert(BACKWARD_ROOT, w, classes, true);
}

/**
 * Decode the generated table and the curated corrections straight into the tries. No word map in
 * between: this runs once per page that has an editor, on its main thread, before the first check.
 */
function decode(): void {
  const bound = edgeBound();
  let size = 1;
  while (size < bound) size <<= 1;
  edgeNode = new Int32Array(size);
  edgeCode = new Uint16Array(size);
  edgeChild = new Int32Array(size);
  edgeMask = size - 1;
  wordClassesOf = new Int32Array(bound + 2).fill(-1);
  nodes = 2;
  longest = 0;
  for (const key in LEXICON_GROUPS) {
    const classes = Number(key);
    const coded = LEXICON_GROUPS[classes]!;
    for (const segment of coded.split(' ')) {
      const first = segment.charAt(0);
      for (const rest of segment.slice(1).split('|')) addWord(first + rest, classes);
    }
  }
  for (const [w, c] of CURATED) addWord(w, c);
  wordClassesOf = wordClassesOf.slice(0, nodes);
}

function lexicon(): void {
  if (!built) {
    decode();
    built = true;
  }
}

/** The trie node spelled by text[start, end) from the forward root, or -1. */
function nodeOf(text: string, start: number, end: number): number {
  lexicon();
  let node = FORWARD_ROOT;
  for (let i = start; i < end && node >= 0; i++) node = child(node, text.charCodeAt(i));
  return node;
}

/** Bitmask of WordClass values for the word; 0 when the word is not in the table. */
export function wordClasses(word: string): number {
  return classesAt(word, 0, word.length);
}

/** wordClasses(text.slice(start, end)) without building the string. */
export function classesAt(text: string, start: number, end: number): number {
  if (start < 0 || end > text.length || end - start > MAX_WORD_LENGTH) return 0;
  const node = nodeOf(text, start, end);
  return node < 0 ? 0 : Math.max(0, wordClassesOf[node]!);
}

/** Does the word carry any of the classes in `mask`? */
export function hasClass(word: string, mask: number): boolean {
  return (wordClasses(word) & mask) !== 0;
}

export function isWord(word: string): boolean {
  if (word.length > MAX_WORD_LENGTH) return false;
  const node = nodeOf(word, 0, word.length);
  return node >= 0 && wordClassesOf[node]! >= 0;
}

/**
 * Walk the trie from `start` forward (dir 1) or backward from `start` (dir -1, words ending there), calling
 * `onWord(length, classes)` for every word on the path, shortest first.
 */
function walk(text: string, start: number, dir: 1 | -1, onWord: (length: number, classes: number) => void): void {
  lexicon();
  let node = dir === 1 ? FORWARD_ROOT : BACKWARD_ROOT;
  for (let k = 0; k < MAX_WORD_LENGTH; k++) {
    const i = dir === 1 ? start + k : start - 1 - k;
    if (i < 0 || i >= text.length) break;
    node = child(node, text.charCodeAt(i));
    if (node < 0) break;
    const c = wordClassesOf[node]!;
    if (c >= 0) onWord(k + 1, c);
  }
}

/** Lengths of the lexicon words starting at `start` (forward) or ending at `start` (backward), shortest first. */
function lengthsAt(text: string, start: number, dir: 1 | -1): number[] {
  const out: number[] = [];
  walk(text, start, dir, (length) => out.push(length));
  return out;
}

/**
 * The longest word starting at `start` (dir 1) or ending at `start` (dir -1), packed as
 * `classes * 8 + length` (0 when none): the hot paths of rules read both without building a string.
 * Written out rather than through `walk`: it runs several times for every particle of every paragraph.
 */
export function longestMatch(text: string, start: number, dir: 1 | -1 = 1): number {
  lexicon();
  let best = 0;
  let node = dir === 1 ? FORWARD_ROOT : BACKWARD_ROOT;
  for (let k = 0; k < MAX_WORD_LENGTH; k++) {
    const i = dir === 1 ? start + k : start - 1 - k;
    if (i < 0 || i >= text.length) break;
    node = child(node, text.charCodeAt(i));
    if (node < 0) break;
    const c = wordClassesOf[node]!;
    if (c >= 0) best = c * 8 + k + 1;
  }
  return best;
}

/** The word's length in a {@link longestMatch} result (0: no word there). */
export function matchLength(packed: number): number {
  return packed % 8;
}

/** The word's classes (WordClass bits) in a {@link longestMatch} result. */
export function matchClasses(packed: number): number {
  return Math.floor(packed / 8);
}

/** Length of the longest word starting at `start` (forward) or ending at `start` (backward), or 0. */
function longestLength(text: string, start: number, dir: 1 | -1): number {
  return matchLength(longestMatch(text, start, dir));
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

/**
 * The 的/地/得 rule's extra verbs (scripts/build-lexicon.ts MINOR_VERBS): two-character verbs below the main
 * table's frequency floor, stored as a Golomb-coded set of hashes (coded-set.ts). Membership only, in no trie:
 * longestMatch and the other look-ups never see them. The set answers yes for a string it lacks at rate 2^-8, so
 * callers ask only where the main table knows no word and the context already reads as a predicate.
 */
let minorVerbs: DecodedSet | undefined;

/**
 * Classes of text[start, end) from the extra set: Verb for a two-character verb there, else 0. Han only; the main
 * table is not consulted (a word it knows is not in the set).
 */
export function minorClassesAt(text: string, start: number, end: number): number {
  if (end - start !== 2 || start < 0 || end > text.length) return 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x4e00 || c > 0x9fff) return 0;
  }
  return inSet((minorVerbs ??= decodeGcs(LEXICON_MINOR.verbs)), text, start, end) ? WordClass.Verb : 0;
}

/** Convenience: the class names of a word (for messages, debugging and tests). */
export function classNames(word: string): string[] {
  const c = wordClasses(word);
  return Object.entries(WordClass)
    .filter(([, bit]) => (c & bit) !== 0)
    .map(([name]) => name);
}
