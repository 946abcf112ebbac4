/**
 * Scanning every snippet at once. The texts, initials and full spellings of all titles (or all bodies)
 * are packed into three long strings, so a query costs a few native `indexOf` passes over them instead
 * of several calls per snippet; each hit is mapped back to its snippet and checked by the exact matcher
 * (match.ts). For a query starting with a letter, a match starts at a unit whose syllable takes the first
 * k letters (k ≤ MAX_SYLLABLE): either all of the query (q in `full` at a syllable start), or the next
 * unit then starts with q[k] (q0 q[k] in `initials`, or q0 then the character q[k]), or the next unit is
 * a space or
 * punctuation mark). Scanning for those needles finds every match, and few places that are not.
 * Pure: no DOM.
 */
import { isAlnum } from './match';
import { MAX_SYLLABLE, SKIP_MARK, type Aligned } from './pinyin';

/** Every value the second-letter part of a key can take: a–z, 0–9, and 0 for a one-letter syllable. */
const SECOND_LETTERS: readonly number[] = [
  ...Array.from({ length: 26 }, (_, i) => 0x61 + i),
  ...Array.from({ length: 10 }, (_, i) => 0x30 + i),
  0,
];

/** Between two snippets in the packed strings: never in a folded query, so no hit spans two snippets. */
const SEP = '\u0002';

export interface PackedField {
  fields: readonly Aligned[];
  text: string;
  initials: string;
  full: string;
  /** Offset of field i in each packed string (length = fields + 1). */
  textStart: Int32Array;
  unitStart: Int32Array;
  fullStart: Int32Array;
  /** For every packed unit: offset of its syllable in the packed `full` (a field's end for a separator). */
  unitFull: Int32Array;
  /**
   * Units by unitKey (first two letters of the syllable, first letter or mark of the next unit), sorted
   * by position: pairs[pairStart[key] .. pairStart[key + 1]). Lets a query visit only the units where it
   * can start instead of scanning every unit (counting sort, built once per pack).
   */
  pairs: Int32Array;
  pairStart: Int32Array;
  /** First unit's initial and first character of every field (for the abbreviation test). */
  firstInitial: Uint16Array;
  firstText: Uint16Array;
  /** Per field, the letters (and whether any digit) of its readings: see {@link letterMask}. */
  letters: Int32Array;
}

/**
 * Bits a–z, and bit 26 for any digit, of the letters and digits in `s`. A reading match takes every
 * letter or digit of the query from the field's syllables (`full`), so a field whose mask lacks one of
 * the query's bits cannot match by reading: it is passed over before any of its units is tried (a query
 * that matches nowhere, or a long one, then costs a mask test per field instead of attempts per unit).
 */
export function letterMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) m |= 1 << (c - 0x61);
    else if (c >= 0x30 && c <= 0x39) m |= 1 << 26;
  }
  return m;
}

/** Letters, digits, the skip mark, anything else: the alphabet of pair keys. */
const ALPHABET = 38;
function codeOf(c: number): number {
  if (c >= 0x61 && c <= 0x7a) return c - 0x61;
  if (c >= 0x30 && c <= 0x39) return 26 + c - 0x30;
  return c === 1 ? 36 : 37;
}
/**
 * Key of a unit: its syllable's first and second letter (37 = none: a one-letter syllable) and the
 * first letter (or mark) of the next unit. The second letter makes a query that takes two or more letters
 * from the first syllable (zheng|zhi) visit only syllables that go on with its second letter.
 */
function unitKey(first: number, second: number, next: number): number {
  return (codeOf(first) * ALPHABET + codeOf(second)) * ALPHABET + codeOf(next);
}

function buildPairs(initials: string, full: string, unitFull: Int32Array): { pairs: Int32Array; pairStart: Int32Array } {
  const keys = ALPHABET * ALPHABET * ALPHABET;
  const counts = new Int32Array(keys + 1);
  const last = initials.length - 1;
  const keyAt = (g: number) => {
    const f = unitFull[g]!;
    return unitKey(initials.charCodeAt(g), unitFull[g + 1]! - f >= 2 ? full.charCodeAt(f + 1) : 0, initials.charCodeAt(g + 1));
  };
  for (let g = 0; g < last; g++) if (codeOf(initials.charCodeAt(g)) < 36) counts[keyAt(g) + 1]!++;
  for (let k = 0; k < keys; k++) counts[k + 1]! += counts[k]!;
  const pairStart = counts.slice();
  const pairs = new Int32Array(counts[keys]!);
  for (let g = 0; g < last; g++) if (codeOf(initials.charCodeAt(g)) < 36) pairs[counts[keyAt(g)]!++] = g;
  return { pairs, pairStart };
}

export function packFields(fields: readonly Aligned[]): PackedField {
  const count = fields.length;
  const textStart = new Int32Array(count + 1);
  const unitStart = new Int32Array(count + 1);
  const fullStart = new Int32Array(count + 1);
  const texts: string[] = new Array(count);
  const initials: string[] = new Array(count);
  const fulls: string[] = new Array(count);
  let t = 0;
  let u = 0;
  let f = 0;
  for (let i = 0; i < count; i++) {
    const a = fields[i]!;
    textStart[i] = t;
    unitStart[i] = u;
    fullStart[i] = f;
    texts[i] = a.text;
    initials[i] = a.initials;
    fulls[i] = a.full;
    t += a.text.length + 1;
    u += a.initials.length + 1;
    f += a.full.length + 1;
  }
  textStart[count] = t;
  unitStart[count] = u;
  fullStart[count] = f;
  const unitFull = new Int32Array(u);
  for (let i = 0; i < count; i++) {
    const a = fields[i]!;
    const base = unitStart[i]!;
    const fullBase = fullStart[i]!;
    for (let k = 0; k <= a.n; k++) unitFull[base + k] = fullBase + a.starts.charCodeAt(k);
  }
  const packedInitials = initials.join(SEP) + SEP;
  const packedFull = fulls.join(SEP) + SEP;
  const firstInitial = new Uint16Array(count);
  const firstText = new Uint16Array(count);
  const letters = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    letters[i] = letterMask(fields[i]!.full);
    firstInitial[i] = fields[i]!.n ? fields[i]!.initials.charCodeAt(0) : 0;
    firstText[i] = fields[i]!.n ? fields[i]!.text.charCodeAt(0) : 0;
  }
  return {
    ...buildPairs(packedInitials, packedFull, unitFull),
    firstInitial,
    firstText,
    letters,
    unitFull,
    fields,
    text: texts.join(SEP) + SEP,
    initials: packedInitials,
    full: packedFull,
    textStart,
    unitStart,
    fullStart,
  };
}

/** Index i of the field holding packed offset `pos` (starts[i] ≤ pos < starts[i + 1]). */
function fieldAt(starts: Int32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The unit whose syllable starts at offset f of `full` (-1 if f is inside a syllable). */
function unitAtFull(a: Aligned, f: number): number {
  let lo = 0;
  let hi = a.n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = a.starts.charCodeAt(mid);
    if (s < f) lo = mid + 1;
    else if (s > f) hi = mid - 1;
    else {
      // Units without a syllable share their offset with the next one: take the one that has it.
      let t = mid;
      while (t > 0 && a.starts.charCodeAt(t - 1) === f) t--;
      while (t < a.n && a.starts.charCodeAt(t + 1) === f) t++;
      return t < a.n && a.starts.charCodeAt(t + 1) > f ? t : -1;
    }
  }
  return -1;
}

/**
 * match.ts's matcher, reading the packed strings instead of the snippet's own (same rules; the search
 * test checks both agree): the packed arrays are already in cache from the scan, a snippet's own strings
 * are one cache miss each. Field i, unit t; returns the end unit or -1.
 */
let packedFailed: Set<number> | null = null;

/** Units with readings in field i (its initials run up to the separator). */
function unitsOf(p: PackedField, i: number): number {
  return p.unitStart[i + 1]! - p.unitStart[i]! - 1;
}

function matchPacked(q: string, qi: number, p: PackedField, i: number, t: number): number {
  const n = unitsOf(p, i);
  const tBase = p.textStart[i]!;
  const uBase = p.unitStart[i]!;
  const text = p.text;
  const full = p.full;
  const unitFull = p.unitFull;
  const initials = p.initials;
  for (;;) {
    if (qi === q.length) return t;
    if (t >= n) return -1;
    const qc = q.charCodeAt(qi);
    const tc = text.charCodeAt(tBase + t);
    const s = unitFull[uBase + t]!;
    const e = unitFull[uBase + t + 1]!;
    if (e > s && isAlnum(qc)) {
      let common = 0;
      while (s + common < e && qi + common < q.length && full.charCodeAt(s + common) === q.charCodeAt(qi + common)) common++;
      if (common === 0) return -1;
      if (common === 1 || qi + common === q.length) {
        qi += common;
        t++;
        continue;
      }
      for (let k = common; k >= 1; k--) {
        // The next unit must be able to take q[qi + k] (its first letter, itself, or a mark to pass).
        const nq = qi + k;
        if (nq < q.length) {
          if (t + 1 >= n) continue;
          const c = q.charCodeAt(nq);
          const ic = initials.charCodeAt(uBase + t + 1);
          if (ic !== c && ic !== 1 && (isAlnum(c) || text.charCodeAt(tBase + t + 1) !== c)) continue;
        }
        const key = nq * (n + 1) + t + 1;
        const set = (packedFailed ??= new Set());
        if (set.has(key)) continue;
        const end = matchPacked(q, nq, p, i, t + 1);
        if (end >= 0) return end;
        set.add(key);
      }
      return -1;
    }
    if (tc === qc && !isAlnum(qc)) {
      qi++;
      t++;
      continue;
    }
    if (e === s && initials.charCodeAt(uBase + t) === 1) {
      t++;
      continue;
    }
    return -1;
  }
}

/** Per field: first literal occurrence, earliest mixed/reading match and its end (-1: none). */
export interface FieldHits {
  literal: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

/**
 * Find the query (folded) in every field. `readingsAfterLiteral`: also look for a reading match in a
 * field where the query occurs literally but not at offset 0 (titles: a reading match at 0 ranks higher);
 * bodies skip it (any literal match outranks a reading match there).
 */
export function scanField(p: PackedField, q: string, readingsAfterLiteral: boolean): FieldHits {
  const count = p.fields.length;
  const literal = new Int32Array(count).fill(-1);
  const start = new Int32Array(count).fill(-1);
  const end = new Int32Array(count).fill(-1);
  if (!q) return { literal, start, end };

  for (let pos = p.text.indexOf(q); pos >= 0; ) {
    const i = fieldAt(p.textStart, pos);
    literal[i] = pos - p.textStart[i]!;
    pos = p.text.indexOf(q, p.textStart[i + 1]!);
  }

  const need = letterMask(q);
  const letters = p.letters;
  /** Try a match at unit t of field i; true when field i needs no further candidates from this scan. */
  const consider = (i: number, t: number): boolean => {
    const lit = literal[i]!;
    if (lit === 0 || (lit > 0 && !readingsAfterLiteral)) return true;
    if ((letters[i]! & need) !== need) return true; // some letter of q is in none of its syllables
    if (t >= unitsOf(p, i)) return true; // past the read region: so are the later hits
    if (t < 0) return false;
    const known = start[i]!;
    if (known >= 0 && known <= t) return true;
    packedFailed?.clear();
    const e = matchPacked(q, 0, p, i, t);
    if (e < 0) return false;
    start[i] = t;
    end[i] = e;
    return true; // hits of one scan come in order: the next ones in this field start later
  };
  /** Every occurrence of `needle` in `hay`, by field; a field is left as soon as onHit says so. */
  const scan = (hay: string, needle: string, starts: Int32Array, onHit: (i: number, local: number) => boolean) => {
    let i = 0;
    for (let pos = hay.indexOf(needle); pos >= 0; ) {
      while (starts[i + 1]! <= pos) i++;
      if (onHit(i, pos - starts[i]!)) {
        i++;
        if (i >= count) break;
        pos = hay.indexOf(needle, starts[i]!);
      } else pos = hay.indexOf(needle, pos + 1);
    }
  };

  const q0 = q.charCodeAt(0);
  if (!isAlnum(q0)) {
    // A character first: it is in the text itself. A literal match is known already; this adds matches
    // that go on in pinyin (党建yl) or pass over punctuation, so the next unit must start with q1 or be
    // a mark to pass over — tested inline, as a common character occurs thousands of times.
    if (q.length === 1) return { literal, start, end };
    const q1 = q.charCodeAt(1);
    scan(p.text, q[0]!, p.textStart, (i, local) => {
      const a = p.fields[i]!;
      const next = local + 1;
      if (next >= a.n) return local >= a.n;
      const ic = a.initials.charCodeAt(next);
      return (ic === q1 || ic === 1 || a.text.charCodeAt(next) === q1) && consider(i, local);
    });
    return { literal, start, end };
  }
  if (q.length === 1) {
    scan(p.initials, q, p.unitStart, consider);
    return { literal, start, end };
  }
  // The whole query inside the first unit's syllable (zh, zhon): q in `full` at a syllable start.
  if (q.length <= MAX_SYLLABLE) {
    scan(p.full, q, p.fullStart, (i, f) => {
      const t = unitAtFull(p.fields[i]!, f);
      return t < 0 ? false : consider(i, t);
    });
  }
  // The first unit takes k letters and the next unit starts with q[k]: visit the units of the pair
  // (q0, q[k]) and test k against the packed syllable before looking at the snippet itself (most fail
  // there, and the packed arrays are read in order).
  const full = p.full;
  const unitFull = p.unitFull;
  const unitStart = p.unitStart;
  /** Does the syllable of packed unit g start with q[0..k)? */
  const takes = (g: number, k: number): boolean => {
    const f = unitFull[g]!;
    if (unitFull[g + 1]! - f < k) return false;
    for (let j = 1; j < k; j++) if (full.charCodeAt(f + j) !== q.charCodeAt(j)) return false;
    return true;
  };
  /** Units g with the key (q0, second, b), by field; `test` says whether g is worth a full attempt. */
  const visitKey = (second: number, b: number, test: (g: number) => boolean) => {
    const key = unitKey(q0, second, b);
    const end = p.pairStart[key + 1]!;
    let i = 0;
    for (let j = p.pairStart[key]!; j < end; j++) {
      const g = p.pairs[j]!;
      if (unitStart[i + 1]! <= g) {
        i = fieldAt(unitStart, g);
        if ((letters[i]! & need) !== need) {
          // No reading match in field i (see letterMask): skip its units.
          const next = unitStart[i + 1]!;
          while (j + 1 < end && p.pairs[j + 1]! < next) j++;
          continue;
        }
      } else if (start[i]! >= 0 && start[i]! <= g - unitStart[i]!) continue; // an earlier match is known
      if (test(g) && consider(i, g - unitStart[i]!)) {
        // Done with field i: skip its remaining units.
        const next = unitStart[i + 1]!;
        while (j + 1 < end && p.pairs[j + 1]! < next) j++;
      }
    }
  };
  /** Every second letter (and none) when the first syllable may give just one letter, else q1 only. */
  const visitPair = (k: number, b: number, test: (g: number) => boolean) => {
    if (k >= 2) visitKey(q.charCodeAt(1), b, test);
    else for (let second = 0; second < SECOND_LETTERS.length; second++) visitKey(SECOND_LETTERS[second]!, b, test);
  };
  for (let k = 1; k < q.length && k <= MAX_SYLLABLE; k++) {
    const c = q.charCodeAt(k);
    const kk = k;
    if (isAlnum(c)) visitPair(k, c, (g) => takes(g, kk));
    else {
      scan(p.text, q[k]!, p.textStart, (i, local) => {
        if (local === 0 || local > p.fields[i]!.n) return local > p.fields[i]!.n;
        const g = unitStart[i]! + local - 1;
        return p.initials.charCodeAt(g) === q0 && takes(g, kk) && consider(i, local - 1);
      });
    }
  }
  // … or the next unit is a space or punctuation mark that the match passes over: then some q[k] must
  // start the first unit after the marks.
  const nextChars = q.slice(1, MAX_SYLLABLE + 1);
  visitPair(1, 1, (g) => {
    let h = g + 1;
    while (p.initials.charCodeAt(h) === 1) h++;
    const i = fieldAt(unitStart, g);
    const u = h - unitStart[i]!;
    if (u >= unitsOf(p, i)) return false;
    return nextChars.includes(p.initials[h]!) || nextChars.includes(p.text[p.textStart[i]! + u]!);
  });
  return { literal, start, end };
}
