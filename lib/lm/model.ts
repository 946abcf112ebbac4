/**
 * The loaded language model: word ids, unigram and bigram scores (log10, back-off for unseen bigrams),
 * the masked-word index for candidate generation, character readings and mined confusions.
 * Built from the bytes the host hands over; no fetch, no file system.
 */
import { WordTable } from './words';
import { isModelHan } from './score';
import { decodeModel, dequantise, i32, maskedCore, u16, u32, type ModelHeader } from './format';
import { lookUpHomophones } from './homophones';

export interface LanguageModel {
  readonly header: ModelHeader;
  /** Word id, or -1. */
  wordId(word: string): number;
  /** The vocabulary, for look-ups by a range of a string. */
  readonly words: WordTable;
  /** log10 P(word), unknown words: undefined. */
  unigram(id: number): number;
  /** log10 P(w2 | w1) with back-off to the unigram. */
  bigram(w1: number, w2: number): number;
  /** The most bigram(w, id) can be for any w (the unigram, or the likeliest stored bigram into id). */
  maxInto(id: number): number;
  /** The most bigram(id, w) can be for any vocabulary word w (id < 0: the likeliest unigram). */
  maxFrom(id: number): number;
  /** log10 score of a single character the vocabulary lacks. */
  readonly unknownChar: number;
  /**
   * Sound-alike characters c (same fuzzy reading as s[skip]) such that s[start,end) with s[skip] replaced
   * by c is a likely word. Hash hits: the caller verifies the word. The array is reused by the next call.
   */
  maskedChars(s: string, start: number, end: number, skip: number): number[];
  /** Characters mined as intended where s[skip] was written, that make a likely word of s[start,end) (array reused by the next call). */
  pairChars(s: string, start: number, end: number, skip: number): number[];
  /** Characters that training data shows written by mistake for `ch`'s intended ones: ch → targets. */
  pairTargets(ch: string): readonly string[];
  /** Whether the character of this UTF-16 code has mined confusions (pairTargets not empty). */
  hasPairs(code: number): boolean;
  /** Toneless readings of a character (empty when unknown). */
  readings(ch: string): readonly string[];
  /** Common characters that look like `ch` (scripts/build-lm-shapes.ts), as one string; '' when none. */
  shapes(ch: string): string;
  /** 'same' reading, 'near' (input-method slip), 'pair' (mined confusion) or null. */
  similarity(from: string, to: string): 'same' | 'near' | 'pair' | null;
  /** similarity by UTF-16 codes, as a number: 1 same, 2 near, 3 pair, 0 none (no strings in the tier's loops). */
  similarityOf(from: number, to: number): number;
  /**
   * Ids of the 2–3 character words read exactly like s[a, b) (toneless; every reading of a polyphone),
   * the writer's own word among them when it is one: the whole-word homophones an input method offers
   * for the same syllables (联系 for 练习). Words rarer than HOMOPHONE_MIN_LOGP are not in the index.
   * The index is generated (lib/lm/homophones.ts): nothing is built on the first call. The array is
   * reused by the next call.
   */
  homophones(s: string, a: number, b: number): number[];
  /** Longest word in the vocabulary, in UTF-16 units (bounds the segmenter's look-ahead). */
  readonly maxWordLength: number;
  /** Number of word ids; ids at or above it are the caller's (domain words), scored by the caller. */
  readonly size: number;
}

/** Bigram answers cached (2^16 slots, 1 MB: about 40 % of the look-ups of a long document hit). */
const BIGRAM_CACHE_BITS = 16;

/**
 * Bits of the stored bigrams' presence table (2^24: 2 MB). Each stored pair sets two bits of one 32-bit
 * word (one memory probe per question); with the model's ≈ 1.4 million bigrams about 3 % of absent pairs
 * pass, and those are searched as before.
 */
const BIGRAM_BITS = 24;

/** Hash of a word pair for the presence table: the top bits pick the word, the low 10 the two bits. */
const bigramHash = (w1: number, w2: number): number => (Math.imul(w1, 0x9e3779b1) ^ Math.imul(w2 + 0x3c6ef372, 0x85ebca6b)) >>> 0;

export function loadModel(input: ArrayBuffer | Uint8Array): LanguageModel {
  const decoded = decodeModel(input);
  const { header } = decoded;
  const words = new WordTable(u16(decoded.section('wordChars')), u32(decoded.section('wordStarts')), i32(decoded.section('wordTable')), {
    prefixes: u32(decoded.section('wordPrefixes')),
    suffixes: u32(decoded.section('wordSuffixes')),
    whole: u32(decoded.section('wordWhole')),
    maxLength: header.maxWordLength,
  });
  const uni = decoded.section('unigram');
  const bow = decoded.section('backoff');
  const rows = u32(decoded.section('rows'));
  const bigrams = u32(decoded.section('bigrams'));
  const maskKeys = u32(decoded.section('maskKeys'));
  const maskChars = u16(decoded.section('maskChars'));
  // Start of each top-16-bit bucket of the sorted mask keys (a 256 KB index instead of a binary search).
  const bucket = new Uint32Array(0x10001);
  for (let k = 0, b = 0; b <= 0x10000; b++) {
    while (k < maskKeys.length && maskKeys[k]! >>> 16 < b) k++;
    bucket[b] = k;
  }

  // Readings as small integers per character code (built by the generator), so similarity is a few
  // integer comparisons and loading parses nothing.
  const syllables = new TextDecoder().decode(decoded.section('syllables')).split('\n');
  const readStart = u32(decoded.section('readStart'));
  const exact = u16(decoded.section('readExact'));
  const fuzzy = u16(decoded.section('readFuzzy'));
  const pairSet = new Set<number>();
  const pairTargets = new Map<string, string[]>();
  const paired = new Uint8Array(0x10000);
  for (const line of new TextDecoder().decode(decoded.section('pairs')).split('\n')) {
    if (line.length !== 2) continue;
    pairSet.add(line.charCodeAt(0) * 0x10000 + line.charCodeAt(1));
    paired[line.charCodeAt(0)] = 1;
    const list = pairTargets.get(line[0]!) ?? [];
    list.push(line[1]!);
    pairTargets.set(line[0]!, list);
  }
  // Shape lists: the section's text once, and where each character's line starts (one pass, no string
  // made per line: most of its ≈ 30,000 lines are rare characters that official prose never holds); a
  // list is cut out of the text the first time its character is asked about.
  const shapeText = new TextDecoder().decode(decoded.section('shapes'));
  const shapeAt = new Int32Array(0x10000).fill(-1);
  for (let k = 0; k < shapeText.length; ) {
    let e = shapeText.indexOf('\n', k);
    if (e < 0) e = shapeText.length;
    if (e - k >= 2) shapeAt[shapeText.charCodeAt(k)] = k + 1;
    k = e + 1;
  }
  const shapeLists = new Map<number, string>();
  const NONE: readonly string[] = [];
  // Presence bits of the mask keys (top 24 bits of each, 2 MB): most look-ups find no word, and one
  // probe of this table answers them without touching the bucket index or the keys.
  const present = new Uint32Array(1 << 19);
  for (let k = 0; k < maskKeys.length; k++) {
    const t = maskKeys[k]! >>> 8;
    present[t >>> 5]! |= 1 << (t & 31);
  }
  // Bits of every 3–4 character word with one character masked, whatever the character and its tag
  // (a superset of the index's windows of those lengths): of the windows the tier asks about, a window
  // of 3 or 4 characters is almost never part of a word (≈ 2 % of them are), and this 256 KB table
  // answers most of them with one probe instead of one per reading in the 2 MB presence bits. Made on
  // the first such window (≈ 20 ms), not while loading.
  let cores: Uint32Array | null = null;
  /** The distinct fuzzy readings of each character as UTF-16 codes (the masked index's tags), made on first use. */
  const tagCodes: Array<number[][] | undefined> = new Array<undefined>(0x10000).fill(undefined);
  const fuzzyTags = (code: number): number[][] => {
    let t = tagCodes[code];
    if (!t) {
      const names: string[] = [];
      for (let k = readStart[code]!; k < readStart[code + 1]!; k++) {
        const f = syllables[fuzzy[k]!]!;
        if (!names.includes(f)) names.push(f);
      }
      t = names.map((f) => Array.from(f, (c) => c.charCodeAt(0)));
      tagCodes[code] = t;
    }
    return t;
  };

  /** Mask-index look-up of the window hash `core` (maskedCore) finished with `tag` (maskedHash's value). */
  function lookUp(core: number, tag: readonly number[], len: number, out: number[]): void {
    let h = core;
    for (let k = 0; k < tag.length; k++) h = Math.imul(h ^ tag[k]!, 0x01000193);
    h = Math.imul(h ^ len, 0x01000193) >>> 0;
    const t = h >>> 8;
    if ((present[t >>> 5]! & (1 << (t & 31))) === 0) return;
    // The bucket of the hash's top 16 bits, then a short scan.
    let lo = bucket[h >>> 16]!;
    const hi = bucket[(h >>> 16) + 1]!;
    while (lo < hi && maskKeys[lo]! < h) lo++;
    for (let k = lo; k < hi && maskKeys[k] === h; k++) out.push(maskChars[k]!);
  }
  // The window maskedChars last looked at, its core and whether the core table holds it.
  let lastS = '';
  let lastStart = -1;
  let lastEnd = -1;
  let lastSkip = -1;
  let lastCore = 0;
  let lastOpen = false;
  // Answers are handed out in these (valid until the next call of the same method): no array per window.
  const hitBuf: number[] = [];
  const pairBuf: number[] = [];
  const pairTag = [0x23, 0];

  const unknownChar = dequantise(header.unknownChar);
  const unigram = (id: number) => (id >= 0 && id < uni.length ? dequantise(uni[id]!) : unknownChar);
  // The smallest quantised score (likeliest) of a stored bigram into each LM word: back-off weights
  // are ≤ 1, so a backed-off bigram is at most the unigram, and this bounds every bigram into the word.
  const bestInto = new Uint8Array(header.lmWords).fill(255);
  const bestFrom = new Uint8Array(header.lmWords).fill(255);
  // Presence bits of the stored bigrams (BIGRAM_BITS): see bigramMayBe.
  const storedBigrams = new Uint32Array(1 << (BIGRAM_BITS - 5));
  for (let w = 0; w < header.lmWords; w++) {
    for (let k = rows[w]!, e = rows[w + 1]!; k < e; k++) {
      const v = bigrams[k]!;
      const q = v & 0xff;
      if (q < bestInto[v >>> 8]!) bestInto[v >>> 8] = q;
      if (q < bestFrom[w]!) bestFrom[w] = q;
      const h = bigramHash(w, v >>> 8);
      storedBigrams[h >>> (37 - BIGRAM_BITS)]! |= (1 << (h & 31)) | (1 << ((h >>> 5) & 31));
    }
  }
  // The likeliest word, and the likeliest of those without bigrams (any word goes to them by unigram).
  let topUnigram = 255;
  let topPlain = 255;
  for (let k = 0; k < uni.length; k++) {
    if (uni[k]! < topUnigram) topUnigram = uni[k]!;
    if (k >= header.lmWords && uni[k]! < topPlain) topPlain = uni[k]!;
  }
  const maxUnigram = dequantise(topUnigram);
  const maxPlain = dequantise(topPlain);

  function findBigram(w1: number, w2: number): number {
    let lo = rows[w1]!;
    let hi = rows[w1 + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const id = bigrams[mid]! >>> 8;
      if (id === w2) return bigrams[mid]! & 0xff;
      if (id < w2) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  // Key (w1 · 2^17 + w2, exact in a double; -1 empty) and score side by side: one cache line per probe.
  const cache = new Float64Array(2 << BIGRAM_CACHE_BITS).fill(-1);

  const homIndex = { keys: u32(decoded.section('homKeys')), ids: u32(decoded.section('homIds')) };
  const readingTables = { readStart, exact };
  const homKeyBuf: number[] = [];
  const homOut: number[] = [];

  return {
    header,
    homophones: (s, a, b) => lookUpHomophones(readingTables, homIndex, s, a, b, homOut, homKeyBuf),
    maxWordLength: words.maxLength,
    unknownChar,
    size: words.size,
    words,
    wordId: (w) => words.find(w, 0, w.length),
    unigram,
    maxInto(id) {
      const u = unigram(id);
      if (id < 0 || id >= header.lmWords) return u;
      const b = dequantise(bestInto[id]!);
      return b > u ? b : u;
    },
    maxFrom(id) {
      if (id < 0 || id >= header.lmWords) return maxUnigram;
      // A stored bigram, a backed-off one (≤ the back-off weight times the likeliest word), or the
      // unigram of a word without bigrams.
      return Math.max(dequantise(bestFrom[id]!), dequantise(bow[id]!) + maxUnigram, maxPlain);
    },
    bigram(w1, w2) {
      if (w1 >= 0 && w1 < header.lmWords && w2 < header.lmWords) {
        // Most pairs the tier asks about are not stored (≈ 95 % of those the cache below misses): two
        // bits of one word of the presence table answer them with one probe, no search of the row.
        const h = bigramHash(w1, w2);
        const bits = (1 << (h & 31)) | (1 << ((h >>> 5) & 31));
        if ((storedBigrams[h >>> (37 - BIGRAM_BITS)]! & bits) !== bits) return dequantise(bow[w1]!) + unigram(w2);
        // Official prose repeats its word pairs: a small direct-mapped cache answers most look-ups
        // without the binary search through the first word's row (long rows for common words).
        const slot = ((Math.imul(w1, 0x9e3779b1) ^ Math.imul(w2, 0x85ebca6b)) >>> (32 - BIGRAM_CACHE_BITS)) << 1;
        const key = w1 * 0x20000 + w2;
        if (cache[slot] === key) return cache[slot + 1]!;
        const q = findBigram(w1, w2);
        const sc = q >= 0 ? dequantise(q) : dequantise(bow[w1]!) + unigram(w2);
        cache[slot] = key;
        cache[slot + 1] = sc;
        return sc;
      }
      return unigram(w2);
    },
    maskedChars(s, start, end, skip) {
      // (Setting the length of an empty array is a runtime call, not a store.)
      if (hitBuf.length) hitBuf.length = 0;
      const core = maskedCore(s, start, end, skip);
      const open = end - start < 3 || hasCore((cores ??= windowCores(words)), core, end - start);
      // Kept for pairChars, which the tier asks next about the same window.
      lastS = s;
      lastStart = start;
      lastEnd = end;
      lastSkip = skip;
      lastCore = core;
      lastOpen = open;
      if (!open) return hitBuf;
      for (const tag of fuzzyTags(s.charCodeAt(skip))) lookUp(core, tag, end - start, hitBuf);
      return hitBuf;
    },
    pairChars(s, start, end, skip) {
      if (pairBuf.length) pairBuf.length = 0;
      const same = s === lastS && start === lastStart && end === lastEnd && skip === lastSkip;
      const core = same ? lastCore : maskedCore(s, start, end, skip);
      if (same ? !lastOpen : end - start >= 3 && !hasCore((cores ??= windowCores(words)), core, end - start)) return pairBuf;
      pairTag[1] = s.charCodeAt(skip);
      lookUp(core, pairTag, end - start, pairBuf);
      return pairBuf;
    },
    pairTargets: (ch) => pairTargets.get(ch) ?? NONE,
    hasPairs: (code) => paired[code] === 1,
    shapes(ch) {
      const code = ch.charCodeAt(0);
      const at = shapeAt[code]!;
      if (at < 0) return '';
      let list = shapeLists.get(code);
      if (list === undefined) {
        const e = shapeText.indexOf('\n', at);
        list = shapeText.slice(at, e < 0 ? shapeText.length : e);
        shapeLists.set(code, list);
      }
      return list;
    },
    readings(ch) {
      const code = ch.charCodeAt(0);
      const out: string[] = [];
      for (let k = readStart[code]!; k < readStart[code + 1]!; k++) out.push(syllables[exact[k]!]!);
      return out;
    },
    similarity(from, to) {
      return SIMILARITY[similarityOf(from.charCodeAt(0), to.charCodeAt(0))]!;
    },
    similarityOf,
  };

  function similarityOf(f: number, t: number): number {
    const fa = readStart[f]!;
    const fb = readStart[f + 1]!;
    const ta = readStart[t]!;
    const tb = readStart[t + 1]!;
    let near = false;
    for (let x = fa; x < fb; x++) {
      for (let y = ta; y < tb; y++) {
        if (exact[x] === exact[y]) return 1;
        if (fuzzy[x] === fuzzy[y]) near = true;
      }
    }
    if (near) return 2;
    return pairSet.has(f * 0x10000 + t) ? 3 : 0;
  }
}

const SIMILARITY = [null, 'same', 'near', 'pair'] as const;

/** Bits of windowCores' table (2^21: 256 KB, ≈ 8 % set). */
const CORE_BITS = 21;

const coreBit = (core: number, len: number): number => Math.imul(core ^ len, 0x01000193) >>> (32 - CORE_BITS);

function hasCore(cores: Uint32Array, core: number, len: number): boolean {
  const bit = coreBit(core, len);
  return (cores[bit >>> 5]! & (1 << (bit & 31))) !== 0;
}

/**
 * For every word of 3–4 Han characters (the masked index's words of those lengths, mined confusions'
 * included) and each of its positions, the bit of its maskedCore with that position masked.
 */
function windowCores(words: WordTable): Uint32Array {
  const cores = new Uint32Array(1 << (CORE_BITS - 5));
  const { chars, starts } = words.arrays;
  for (let id = 0; id < words.size; id++) {
    const a = starts[id]!;
    const len = starts[id + 1]! - a;
    if (len < 3 || len > 4) continue;
    let han = true;
    for (let k = a; k < a + len; k++) if (!isModelHan(chars[k]!)) han = false;
    if (!han) continue;
    for (let skip = a; skip < a + len; skip++) {
      // maskedCore over the word's codes (format.ts), without making the word's string.
      let h = 0x811c9dc5;
      for (let k = a; k < a + len; k++) {
        const c = k === skip ? 0xffff : chars[k]!;
        h = Math.imul(h ^ (c & 0xff), 0x01000193);
        h = Math.imul(h ^ (c >>> 8), 0x01000193);
      }
      const bit = coreBit(h, len);
      cores[bit >>> 5]! |= 1 << (bit & 31);
    }
  }
  return cores;
}
