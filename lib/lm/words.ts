/**
 * A read-only word → id table over UTF-16 code units, looked up by a range of a string without slicing it.
 * The segmenter asks for every substring of every window; a JS Map would need a fresh string (and its
 * hash) for each, which costs far more than this open-addressing probe over typed arrays.
 */

/** Entries of findString's cache of recent words (2^12: 64 KB). */
const HOT_BITS = 12;
const HOT_MASK = (1 << HOT_BITS) - 1;

/** Bits of the prefix, suffix and whole-word tables of the model's vocabulary (generated at this size). */
const PREFIX_BITS = 1 << 21;

/**
 * Bits of those tables for a vocabulary built here (the caller's domain words, a few hundred): about 32
 * per hashed string, so the tables stay small and in cache (2^21 bits is 768 KB for the three, probed
 * at every step of every segmentation), at most PREFIX_BITS.
 */
function bitsFor(words: number): number {
  let bits = 1 << 10;
  while (bits < words * 32 && bits < PREFIX_BITS) bits <<= 1;
  return bits;
}

export class WordTable {
  private readonly chars: Uint16Array;
  private readonly starts: Uint32Array;
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly prefixes: Uint32Array;
  private readonly suffixes: Uint32Array;
  /** Bits of the hashes of the words themselves: most strings asked for are no word, and one bit says so. */
  private readonly whole: Uint32Array;
  /** findString's recent words: [hash, id · 8 + length, codes 0–1, codes 2–3] per entry. */
  private readonly hot = new Int32Array(4 << HOT_BITS);
  /** Bit count of the three bit tables minus one (their hashes' mask). */
  private readonly bitMask: number;
  readonly size: number;
  readonly maxLength: number;

  /**
   * `bits` are the prefix and suffix bits and the longest word's length as `arrays` gives them (the
   * generator stores them, so loading the model computes nothing); without them they are made here.
   */
  constructor(
    chars: Uint16Array,
    starts: Uint32Array,
    table: Int32Array,
    bits?: { prefixes: Uint32Array; suffixes: Uint32Array; whole: Uint32Array; maxLength: number },
  ) {
    this.chars = chars;
    this.starts = starts;
    this.table = table;
    this.mask = table.length - 1;
    this.size = starts.length - 1;
    if (bits) {
      this.prefixes = bits.prefixes;
      this.suffixes = bits.suffixes;
      this.whole = bits.whole;
      this.maxLength = bits.maxLength;
      this.bitMask = bits.prefixes.length * 32 - 1;
      return;
    }
    // Hashed strings: every word and its proper prefixes and suffixes (at most its length each).
    const nbits = bitsFor(chars.length);
    this.bitMask = nbits - 1;
    this.whole = new Uint32Array(nbits >>> 5);
    let maxLength = 0;
    // Proper prefixes (2 characters or more) of every word, as bits of their hash: the segmenter stops
    // extending a candidate word as soon as no longer word can start with it.
    this.prefixes = new Uint32Array(nbits >>> 5);
    // Proper suffixes (2 characters or more), likewise: the candidate search skips a window whose
    // characters after the changed one end no word.
    this.suffixes = new Uint32Array(nbits >>> 5);
    for (let id = 0; id < this.size; id++) {
      const a = starts[id]!;
      const b = starts[id + 1]!;
      maxLength = Math.max(maxLength, b - a);
      let h = FNV_OFFSET;
      for (let k = a; k < b - 1; k++) {
        h = fnvStep(h, chars[k]!);
        if (k > a) {
          const bit = (h >>> 0) & this.bitMask;
          this.prefixes[bit >>> 5]! |= 1 << (bit & 31);
        }
      }
      if (b > a) {
        const bit = (fnvStep(h, chars[b - 1]!) >>> 0) & this.bitMask;
        this.whole[bit >>> 5]! |= 1 << (bit & 31);
      }
      for (let s = a + 1; s < b - 1; s++) {
        let g = FNV_OFFSET;
        for (let k = s; k < b; k++) g = fnvStep(g, chars[k]!);
        const bit = (g >>> 0) & this.bitMask;
        this.suffixes[bit >>> 5]! |= 1 << (bit & 31);
      }
    }
    this.maxLength = maxLength;
  }

  /** False when no word longer than the string hashed to `hash` (2+ characters) starts with it. */
  mayExtend(hash: number): boolean {
    const bit = hash & this.bitMask;
    return (this.prefixes[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  /** False when no word longer than s[a, b) (2+ characters, hashed to `hash`) ends with it. */
  mayEnd(hash: number): boolean {
    const bit = hash & this.bitMask;
    return (this.suffixes[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  /**
   * Builds the table from words in id order (empty entries take an id but are never found; of equal
   * words the first keeps the entry). The generator stores the three arrays, so loading builds nothing.
   */
  static build(words: readonly string[]): WordTable {
    const total = words.reduce((n, w) => n + w.length, 0);
    const chars = new Uint16Array(total);
    const starts = new Uint32Array(words.length + 1);
    let out = 0;
    words.forEach((w, id) => {
      starts[id] = out;
      for (let k = 0; k < w.length; k++) chars[out++] = w.charCodeAt(k);
    });
    starts[words.length] = out;
    let cap = 1;
    while (cap < words.length * 2) cap <<= 1;
    const table = new WordTable(chars, starts, new Int32Array(cap).fill(-1));
    for (let id = 0; id < words.length; id++) {
      const w = words[id]!;
      if (!w || table.find(w, 0, w.length) >= 0) continue;
      let h = FNV_OFFSET;
      for (let k = 0; k < w.length; k++) h = fnvStep(h, w.charCodeAt(k));
      let slot = (h >>> 0) & table.mask;
      while (table.table[slot] !== -1) slot = (slot + 1) & table.mask;
      table.table[slot] = id;
    }
    return table;
  }

  /** The arrays to store (see build). */
  get arrays(): { chars: Uint16Array; starts: Uint32Array; table: Int32Array; prefixes: Uint32Array; suffixes: Uint32Array; whole: Uint32Array } {
    return { chars: this.chars, starts: this.starts, table: this.table, prefixes: this.prefixes, suffixes: this.suffixes, whole: this.whole };
  }

  /** False when no word hashes to `hash` (its bit is clear). */
  private mayBe(hash: number): boolean {
    const bit = hash & this.bitMask;
    return (this.whole[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  word(id: number): string {
    if (id < 0 || id >= this.size) return '';
    const a = this.starts[id]!;
    const b = this.starts[id + 1]!;
    const c = this.chars;
    // Most words are 1–4 units: no spread of a subarray (an iterator and an arguments list per call).
    switch (b - a) {
      case 1:
        return String.fromCharCode(c[a]!);
      case 2:
        return String.fromCharCode(c[a]!, c[a + 1]!);
      case 3:
        return String.fromCharCode(c[a]!, c[a + 1]!, c[a + 2]!);
      case 4:
        return String.fromCharCode(c[a]!, c[a + 1]!, c[a + 2]!, c[a + 3]!);
      default:
        return String.fromCharCode(...c.subarray(a, b));
    }
  }

  /** UTF-16 code `k` of word `id` (no string made). */
  codeAt(id: number, k: number): number {
    return this.chars[this.starts[id]! + k]!;
  }

  /** Id of s[a, b), or -1. */
  find(s: string, a: number, b: number): number {
    let h = 0x811c9dc5;
    for (let k = a; k < b; k++) {
      h ^= s.charCodeAt(k);
      h = Math.imul(h, 0x01000193);
    }
    return this.findString(s, a, b, h >>> 0);
  }

  /** Id of s[a, b) with the character at `pos` replaced by `code`, without building the string. */
  findWithSub(s: string, a: number, b: number, pos: number, code: number): number {
    let h = FNV_OFFSET;
    for (let k = a; k < b; k++) h = fnvStep(h, k === pos ? code : s.charCodeAt(k));
    const len = b - a;
    if (!this.mayBe(h >>> 0)) return -1;
    for (let slot = (h >>> 0) & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = this.table[slot]!;
      if (id < 0) return -1;
      const wa = this.starts[id]!;
      if (this.starts[id + 1]! - wa !== len) continue;
      let k = 0;
      while (k < len && this.chars[wa + k] === (a + k === pos ? code : s.charCodeAt(a + k))) k++;
      if (k === len) return id;
    }
  }

  /** Id of the two-character word x y whose hash is `hash`. */
  findPair(x: number, y: number, hash: number): number {
    if (!this.mayBe(hash)) return -1;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = this.table[slot]!;
      if (id < 0) return -1;
      const wa = this.starts[id]!;
      if (this.starts[id + 1]! - wa === 2 && this.chars[wa] === x && this.chars[wa + 1] === y) return id;
    }
  }

  /** Id of codes[a, b) whose hash (FNV over the codes) is already known: findString over a scratch buffer of UTF-16 codes. */
  findCodes(codes: Uint16Array, a: number, b: number, hash: number): number {
    if (!this.mayBe(hash)) return -1;
    const len = b - a;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = this.table[slot]!;
      if (id < 0) return -1;
      const wa = this.starts[id]!;
      if (this.starts[id + 1]! - wa !== len) continue;
      let k = 0;
      while (k < len && this.chars[wa + k] === codes[a + k]) k++;
      if (k === len) return id;
    }
  }

  /** Length of word `id` in UTF-16 units. */
  lengthOf(id: number): number {
    return this.starts[id + 1]! - this.starts[id]!;
  }

  /** Id of s[a, b) whose hash (hashOf) is already known. */
  findString(s: string, a: number, b: number, hash: number): number {
    if (!this.mayBe(hash)) return -1;
    const len = b - a;
    // Words of 1–4 units found lately: the segmenter asks for the same common words again and again, and
    // a hit here reads one 16-byte entry instead of the table, the word's start and its characters.
    let e = -1;
    if (len <= 4) {
      const hot = this.hot;
      e = (hash & HOT_MASK) << 2;
      if (hot[e] === (hash | 0)) {
        const x = hot[e + 1]!;
        const lo = hot[e + 2]!;
        const hi = hot[e + 3]!;
        if (
          (x & 7) === len &&
          (lo & 0xffff) === s.charCodeAt(a) &&
          (len < 2 || lo >>> 16 === s.charCodeAt(a + 1)) &&
          (len < 3 || (hi & 0xffff) === s.charCodeAt(a + 2)) &&
          (len < 4 || hi >>> 16 === s.charCodeAt(a + 3))
        ) {
          return x >>> 3;
        }
      }
    }
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = this.table[slot]!;
      if (id < 0) return -1;
      const wa = this.starts[id]!;
      if (this.starts[id + 1]! - wa !== len) continue;
      let k = 0;
      while (k < len && this.chars[wa + k] === s.charCodeAt(a + k)) k++;
      if (k === len) {
        if (e >= 0) {
          const hot = this.hot;
          hot[e] = hash | 0;
          hot[e + 1] = (id << 3) | len;
          hot[e + 2] = s.charCodeAt(a) | (len >= 2 ? s.charCodeAt(a + 1) << 16 : 0);
          hot[e + 3] = len >= 3 ? s.charCodeAt(a + 2) | (len >= 4 ? s.charCodeAt(a + 3) << 16 : 0) : 0;
        }
        return id;
      }
    }
  }
}

/** FNV-1a step, exported so the segmenter can extend a hash one character at a time. */
export const FNV_OFFSET = 0x811c9dc5;
export const fnvStep = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193);
