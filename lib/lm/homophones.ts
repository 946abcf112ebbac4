/**
 * The whole-word homophone index: for the toneless readings of every 2–3 character vocabulary word, the
 * words read that way (联系 and 练习 share lian xi). The generator (scripts/build-lm.ts) stores it sorted,
 * so the loaded model answers "which words sound like s[a, b)?" with a binary search and builds nothing
 * (it used to be built on the first check, ≈ 0.1 s of the first answer's wait).
 *
 * A reading key is the syllable ids (+ 1) of the characters as base-512 digits; a 3-character word's key
 * is below 512^3 = 2^27, so a key fits 32 bits. Polyphones give several keys: all combinations up to a
 * cap, in the order of the characters' readings.
 */

/** Digits of a reading key (≈ 430 syllables and the fuzzy keys: < 511). */
export const HOM_BASE = 512;
/**
 * Least log10 unigram of a word in the index: rarer words are never what a writer meant to pick (an
 * input method lists them last), so the tier does not propose them and the index leaves them out.
 */
export const HOMOPHONE_MIN_LOGP = -7.0;
/** Reading combinations kept per word in the index, and tried per written span. */
export const HOM_INDEX_CAP = 4;
export const HOM_QUERY_CAP = 8;

export interface ReadingTables {
  /** Where each UTF-16 code's readings start in `exact` (65,537 entries). */
  readStart: Uint32Array;
  /** Syllable id of each reading. */
  exact: Uint16Array;
}

const scratchA: number[] = [];
const scratchB: number[] = [];

/**
 * Reading keys of s[a, b) into `out` (cleared first): at most `cap` combinations, each distinct, in the
 * order of the readings of the characters; none when a character has no reading.
 */
export function readingKeys(t: ReadingTables, s: string, a: number, b: number, cap: number, out: number[]): number[] {
  let keys = scratchA;
  let next = scratchB;
  keys.length = 0;
  keys.push(0);
  for (let k = a; k < b; k++) {
    const code = s.charCodeAt(k);
    const lo = t.readStart[code]!;
    const hi = t.readStart[code + 1]!;
    if (lo === hi) {
      out.length = 0;
      return out;
    }
    next.length = 0;
    for (let q = 0; q < keys.length; q++) {
      const key = keys[q]!;
      for (let x = lo; x < hi && next.length < cap; x++) {
        const v = key * HOM_BASE + t.exact[x]! + 1;
        if (!next.includes(v)) next.push(v);
      }
    }
    const swap = keys;
    keys = next;
    next = swap;
  }
  out.length = 0;
  for (let q = 0; q < keys.length; q++) out.push(keys[q]!);
  return out;
}

/**
 * The index as two parallel arrays sorted by key, then word id: every 2–3 character word of `words`
 * (ids in order) under each of its reading keys. `keep` leaves words out (too rare to be proposed).
 */
export function buildHomophoneIndex(
  t: ReadingTables,
  words: readonly string[],
  keep: (id: number) => boolean,
): { keys: Uint32Array; ids: Uint32Array } {
  const entries: Array<[number, number]> = [];
  const keys: number[] = [];
  words.forEach((w, id) => {
    if (w.length < 2 || w.length > 3 || !keep(id)) return;
    for (const key of readingKeys(t, w, 0, w.length, HOM_INDEX_CAP, keys)) entries.push([key, id]);
  });
  entries.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return { keys: Uint32Array.from(entries, (e) => e[0]), ids: Uint32Array.from(entries, (e) => e[1]) };
}

/** Ids of the words read like s[a, b), into `out` (cleared first): by reading key, then by id, each once. */
export function lookUpHomophones(
  t: ReadingTables,
  index: { keys: Uint32Array; ids: Uint32Array },
  s: string,
  a: number,
  b: number,
  out: number[],
  keyBuf: number[],
): number[] {
  out.length = 0;
  const { keys, ids } = index;
  for (const key of readingKeys(t, s, a, b, HOM_QUERY_CAP, keyBuf)) {
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < keys.length && keys[k] === key; k++) {
      const id = ids[k]!;
      if (!out.includes(id)) out.push(id);
    }
  }
  return out;
}
