/**
 * A Golomb-coded set: the sorted hashes of n words, scaled to [0, n·2^p), written as Rice-coded gaps (false
 * positives at rate 2^-p), GCS_BITS bits a character as ideographs from GCS_BASE. One module for both sides
 * of the format: the generator encodes with gcsValue (scripts/build-lexicon.ts), the look-up decodes and asks
 * here, so the two cannot drift apart. Pure, no data.
 */

/**
 * Bits a character: 14, as the ideographs U+4E00–U+8DFF (value + GCS_BASE). Inside the checker's bundle the set
 * sits next to the word table, whose deflate blocks code ideographs' UTF-8 bytes cheaply: 530 bytes less than
 * the same bits as base64 letters (measured on the built checker, gzip).
 */
export const GCS_BITS = 14;
export const GCS_BASE = 0x4e00;

/** The set as generated: n words, Rice parameter p, the coded gaps. */
export interface CodedSet {
  /** Words in the set (the hashes' scale: two words may share a value, stored once). */
  readonly n: number;
  /** Rice parameter: false-positive rate 2^-p. */
  readonly p: number;
  /** Rice-coded gaps of the sorted hashes, GCS_BITS a character. */
  readonly data: string;
}

export interface DecodedSet {
  scale: number;
  p: number;
  /** The sorted values; those of quotient q (value >> p) are values[first[q], first[q + 1]). */
  values: Uint32Array;
  first: Uint32Array;
}

/** FNV-1a of text[start, end) by UTF-16 code unit, scaled to [0, scale): a string's value in a set. */
export function gcsValue(text: string, start: number, end: number, scale: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193) >>> 0;
  return Math.floor((h * scale) / 4294967296);
}

export function decodeGcs(set: CodedSet): DecodedSet {
  const { n, p, data } = set;
  const values: number[] = [];
  const total = data.length * GCS_BITS;
  const bit = (k: number) => ((data.charCodeAt(Math.floor(k / GCS_BITS)) - GCS_BASE) >> (GCS_BITS - 1 - (k % GCS_BITS))) & 1;
  let k = 0;
  let prev = 0;
  while (total - k > p) {
    let q = 0;
    while (k < total && bit(k) === 1) { q++; k++; }
    k++; // the unary terminator
    if (total - k < p) break;
    let r = 0;
    for (let j = 0; j < p; j++) r = r * 2 + bit(k++);
    prev += q * 2 ** p + r;
    values.push(prev);
  }
  // One bucket per quotient (n of them, about one value each): a look-up reads a bucket, no search.
  const first = new Uint32Array(n + 2);
  for (const v of values) first[(v >>> p) + 1]!++;
  for (let q = 1; q < first.length; q++) first[q]! += first[q - 1]!;
  return { scale: n * 2 ** p, p, values: Uint32Array.from(values), first };
}

/** Is text[start, end) in the set? (No slice: the hash reads the text in place.) */
export function inSet(set: DecodedSet, text: string, start: number, end: number): boolean {
  const v = gcsValue(text, start, end, set.scale);
  const q = v >>> set.p;
  for (let i = set.first[q]!, e = set.first[q + 1]!; i < e; i++) if (set.values[i] === v) return true;
  return false;
}
