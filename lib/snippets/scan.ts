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
import { isSkippable, MAX_SYLLABLE, SKIP_MARK, type Aligned } from './pinyin';

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
  /**
   * Units by the initials of three units in a row (this one, the next, the one after: letters, the skip
   * mark or anything else), sorted by position. For a query whose first unit gives one letter (initials:
   * sdhy), the next unit starts with q1 and the one after with a letter further on: far fewer units than
   * the pair (q0, q1) alone — most of those fail on their third unit.
   */
  triples: Int32Array;
  tripleStart: Int32Array;
  /** First unit's initial and first character of every field (for the abbreviation test). */
  firstInitial: Uint16Array;
  firstText: Uint16Array;
  /** Per field, the letters (and whether any digit) of its readings: see {@link letterMask}. */
  letters: Int32Array;
  /** The packed text without the marks a match passes over (built on first need: see {@link strippedOf}). */
  stripped?: Stripped;
  /** See {@link syllablePrefixes}. */
  prefixes?: Set<number>;
  /**
   * Fields whose text holds a Latin letter or digit (GDP, 2026): the only ones a query of letters and
   * digits can occur in literally — few in Chinese prose, so such a query looks for itself there instead
   * of through the whole packed text.
   */
  latin: Int32Array;
}

const LATIN = /[a-z0-9]/;
const LATIN_QUERY = /^[a-z0-9]+$/;

/**
 * The packed text with every unit a match may pass over (spaces, punctuation in the read region) left
 * out, and where each remaining unit was: a query of characters only then finds the matches that pass
 * over marks (开展三会 → 开展“三会) with one indexOf instead of a visit at every occurrence of its first
 * character.
 */
interface Stripped {
  text: string;
  /** Offset in the packed text of each unit of `text`. */
  at: Int32Array;
  /** Offset in `text` where field i starts. */
  fieldStart: Int32Array;
}

function strippedOf(p: PackedField): Stripped {
  if (p.stripped) return p.stripped;
  const count = p.fields.length;
  const at = new Int32Array(p.text.length);
  const fieldStart = new Int32Array(count + 1);
  const parts: string[] = [];
  let m = 0;
  for (let i = 0; i < count; i++) {
    fieldStart[i] = m;
    const base = p.textStart[i]!;
    const uBase = p.unitStart[i]!;
    const n = unitsOf(p, i);
    const len = p.textStart[i + 1]! - base; // with the separator
    const codes: number[] = [];
    for (let local = 0; local < len; local++) {
      if (local < n && p.initials.charCodeAt(uBase + local) === 1) continue;
      codes.push(p.text.charCodeAt(base + local));
      at[m++] = base + local;
    }
    parts.push(String.fromCharCode(...codes));
  }
  fieldStart[count] = m;
  p.stripped = { text: parts.join(''), at: at.slice(0, m), fieldStart };
  return p.stripped;
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

function buildTriples(initials: string): { triples: Int32Array; tripleStart: Int32Array } {
  const keys = ALPHABET * ALPHABET * ALPHABET;
  const counts = new Int32Array(keys + 1);
  const last = initials.length - 2;
  const keyAt = (g: number) => unitKey(initials.charCodeAt(g), initials.charCodeAt(g + 1), initials.charCodeAt(g + 2));
  for (let g = 0; g < last; g++) if (codeOf(initials.charCodeAt(g)) < 36) counts[keyAt(g) + 1]!++;
  for (let k = 0; k < keys; k++) counts[k + 1]! += counts[k]!;
  const tripleStart = counts.slice();
  const triples = new Int32Array(counts[keys]!);
  for (let g = 0; g < last; g++) if (codeOf(initials.charCodeAt(g)) < 36) triples[counts[keyAt(g)]!++] = g;
  return { triples, tripleStart };
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
  const latin: number[] = [];
  for (let i = 0; i < count; i++) {
    letters[i] = letterMask(fields[i]!.full);
    firstInitial[i] = fields[i]!.n ? fields[i]!.initials.charCodeAt(0) : 0;
    firstText[i] = fields[i]!.n ? fields[i]!.text.charCodeAt(0) : 0;
    if (LATIN.test(fields[i]!.text)) latin.push(i);
  }
  return {
    latin: Int32Array.from(latin),
    ...buildPairs(packedInitials, packedFull, unitFull),
    ...buildTriples(packedInitials),
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

/** Letters [from, to) of s (a–z only, at most MAX_SYLLABLE) as one number; -1 for anything else. */
function syllableCode(s: string, from: number, to: number): number {
  let code = 0;
  for (let j = from; j < to; j++) {
    const c = s.charCodeAt(j);
    if (c < 0x61 || c > 0x7a) return -1;
    code = code * 27 + (c - 0x60);
  }
  return code;
}

/**
 * Every prefix of every syllable in the field's readings (built on first need, a pass over the units
 * with no string made): a query that is none of them (shidai, sdhy) cannot lie inside one syllable, and
 * the scan of the packed full spellings for that case is skipped.
 */
function syllablePrefixes(p: PackedField): Set<number> {
  if (p.prefixes) return p.prefixes;
  const syllables = new Set<number>();
  const units = p.initials.length;
  for (let g = 0; g < units - 1; g++) {
    const f = p.unitFull[g]!;
    const e = p.unitFull[g + 1]!;
    if (e > f && e - f <= MAX_SYLLABLE) syllables.add(syllableCode(p.full, f, e) * 8 + (e - f));
  }
  const prefixes = new Set<number>();
  for (const key of syllables) {
    let code = Math.floor(key / 8);
    for (let len = key % 8; len > 0; len--, code = Math.floor(code / 27)) prefixes.add(code);
  }
  p.prefixes = prefixes;
  return prefixes;
}

/** Does any unit's syllable start with these two letters (zh yes, sd no)? From the pair counts. */
function startsSomeSyllable(p: PackedField, first: number, second: number): boolean {
  const from = unitKey(first, second, 0x61) - codeOf(0x61);
  return p.pairStart[from + ALPHABET]! > p.pairStart[from]!;
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

/**
 * Per field: first literal occurrence, earliest mixed/reading match and its end (-1: none), and the
 * fields that got either (`touched`, each once): the ranking visits those instead of every snippet.
 * Reused from search to search (pass the last one back to scanField): only the touched entries are
 * reset, so a query that matches few snippets costs no pass over all of them.
 */
export interface FieldHits {
  literal: Int32Array;
  start: Int32Array;
  end: Int32Array;
  touched: number[];
}

export function emptyHits(count: number): FieldHits {
  return { literal: new Int32Array(count).fill(-1), start: new Int32Array(count).fill(-1), end: new Int32Array(count).fill(-1), touched: [] };
}

/** Back to no hits (only the entries the last scan wrote). */
function resetHits(h: FieldHits): void {
  for (const i of h.touched) {
    h.literal[i] = -1;
    h.start[i] = -1;
    h.end[i] = -1;
  }
  h.touched.length = 0;
}

/**
 * match.ts's isSubsequence (the abbreviation tier: xfzy → 先锋模范作用) on field i of the packed arrays,
 * which the search has in cache: most titles with the right first unit fail, and are passed over without
 * reading the snippet's own strings.
 */
export function abbreviates(p: PackedField, q: string, i: number): boolean {
  const n = unitsOf(p, i);
  if (q.length < 2 || n === 0) return false;
  const uBase = p.unitStart[i]!;
  const tBase = p.textStart[i]!;
  const q0 = q.charCodeAt(0);
  if ((isAlnum(q0) ? p.initials.charCodeAt(uBase) : p.text.charCodeAt(tBase)) !== q0) return false;
  let t = 1;
  for (let qi = 1; qi < q.length; qi++) {
    const qc = q.charCodeAt(qi);
    const alnum = isAlnum(qc);
    while (t < n && (alnum ? p.initials.charCodeAt(uBase + t) !== qc : p.text.charCodeAt(tBase + t) !== qc)) t++;
    if (t >= n) return false;
    t++;
  }
  return true;
}

/**
 * Only the matches at the very start of the listed fields (a title's first unit: tiers 85–100), into
 * `reuse` like scanField. The search tries these first: when they fill the top, nothing else can enter it.
 */
export function scanPrefixes(p: PackedField, q: string, fields: readonly number[], reuse?: FieldHits): FieldHits {
  const hits = reuse && reuse.literal.length === p.fields.length ? reuse : emptyHits(p.fields.length);
  if (hits === reuse) resetHits(hits);
  if (!q) return hits;
  const need = letterMask(q);
  const q1 = q.length > 1 && isAlnum(q.charCodeAt(0)) && isAlnum(q.charCodeAt(1)) ? q.charCodeAt(1) : -1;
  for (let j = 0; j < fields.length; j++) {
    const i = fields[j]!;
    if (p.text.startsWith(q, p.textStart[i]!)) {
      hits.literal[i] = 0;
      hits.touched.push(i);
      continue;
    }
    if ((p.letters[i]! & need) !== need || unitsOf(p, i) === 0) continue;
    if (q1 >= 0) {
      // The second letter goes on in the first syllable, or starts the next unit, or a mark comes first.
      const g = p.unitStart[i]!;
      const f = p.unitFull[g]!;
      const next = p.initials.charCodeAt(g + 1);
      if (!(p.unitFull[g + 1]! - f > 1 && p.full.charCodeAt(f + 1) === q1) && next !== q1 && next !== 1) continue;
    }
    packedFailed?.clear();
    const e = matchPacked(q, 0, p, i, 0);
    if (e < 0) continue;
    hits.start[i] = 0;
    hits.end[i] = e;
    hits.touched.push(i);
  }
  return hits;
}

/**
 * Find the query (folded) in every field. `readingsAfterLiteral`: also look for a reading match in a
 * field where the query occurs literally but not at offset 0 (titles: a reading match at 0 ranks higher);
 * bodies skip it (any literal match outranks a reading match there).
 */
export function scanField(p: PackedField, q: string, readingsAfterLiteral: boolean, reuse?: FieldHits): FieldHits {
  const count = p.fields.length;
  const hits = reuse && reuse.literal.length === count ? reuse : emptyHits(count);
  if (hits === reuse) resetHits(hits);
  const { literal, start, end, touched } = hits;
  if (!q) return hits;

  if (LATIN_QUERY.test(q)) {
    for (let j = 0; j < p.latin.length; j++) {
      const i = p.latin[j]!;
      const at = p.fields[i]!.text.indexOf(q);
      if (at < 0) continue;
      literal[i] = at;
      touched.push(i);
    }
  } else {
    for (let pos = p.text.indexOf(q); pos >= 0; ) {
      const i = fieldAt(p.textStart, pos);
      literal[i] = pos - p.textStart[i]!;
      touched.push(i);
      pos = p.text.indexOf(q, p.textStart[i + 1]!);
    }
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
    if (known < 0 && lit < 0) touched.push(i);
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
    if (q.length === 1) return hits;
    // The characters the query starts with (up to its first letter, digit or mark).
    let lead = 0;
    while (lead < q.length && !isAlnum(q.charCodeAt(lead)) && !isSkippable(q.charCodeAt(lead))) lead++;
    if (lead >= 2) {
      // A match starts with those characters in the text once the marks are left out: one indexOf
      // finds where (the query itself when it is all characters: 开展三会 → 开展“三会).
      const st = strippedOf(p);
      const head = lead === q.length ? q : q.slice(0, lead);
      let i = 0;
      for (let pos = st.text.indexOf(head); pos >= 0; ) {
        const tp = st.at[pos]!;
        while (p.textStart[i + 1]! <= tp) i++;
        const local = tp - p.textStart[i]!;
        if (local >= unitsOf(p, i) || consider(i, local)) {
          if (++i >= count) break;
          pos = st.text.indexOf(head, st.fieldStart[i]!);
        } else pos = st.text.indexOf(head, pos + 1);
      }
      return hits;
    }
    const q1 = q.charCodeAt(1);
    scan(p.text, q[0]!, p.textStart, (i, local) => {
      const a = p.fields[i]!;
      const next = local + 1;
      if (next >= a.n) return local >= a.n;
      const ic = a.initials.charCodeAt(next);
      return (ic === q1 || ic === 1 || a.text.charCodeAt(next) === q1) && consider(i, local);
    });
    return hits;
  }
  if (q.length === 1) {
    scan(p.initials, q, p.unitStart, consider);
    return hits;
  }
  // The whole query inside the first unit's syllable (zh, zhon): q in `full` at a syllable start.
  if (q.length <= MAX_SYLLABLE && syllablePrefixes(p).has(syllableCode(q, 0, q.length))) {
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
  /** Units g listed under `key` in (units, unitsStart), by field; `test` says whether g is worth a full attempt. */
  const visitList = (units: Int32Array, unitsStart: Int32Array, key: number, test: (g: number) => boolean) => {
    const end = unitsStart[key + 1]!;
    let i = 0;
    for (let j = unitsStart[key]!; j < end; j++) {
      const g = units[j]!;
      if (unitStart[i + 1]! <= g) {
        i = fieldAt(unitStart, g);
        if ((letters[i]! & need) !== need) {
          // No reading match in field i (see letterMask): skip its units.
          const next = unitStart[i + 1]!;
          while (j + 1 < end && units[j + 1]! < next) j++;
          continue;
        }
      } else if (start[i]! >= 0 && start[i]! <= g - unitStart[i]!) continue; // an earlier match is known
      if (test(g) && consider(i, g - unitStart[i]!)) {
        // Done with field i: skip its remaining units.
        const next = unitStart[i + 1]!;
        while (j + 1 < end && units[j + 1]! < next) j++;
      }
    }
  };
  /** Units g with the pair key (q0, second, b). */
  const visitKey = (second: number, b: number, test: (g: number) => boolean) => visitList(p.pairs, p.pairStart, unitKey(q0, second, b), test);
  /** Every second letter (and none) when the first syllable may give just one letter, else q1 only. */
  const visitPair = (k: number, b: number, test: (g: number) => boolean) => {
    if (k >= 2) visitKey(q.charCodeAt(1), b, test);
    else for (let second = 0; second < SECOND_LETTERS.length; second++) visitKey(SECOND_LETTERS[second]!, b, test);
  };
  // Only letters and digits in the query: the unit after next can be tested from the packed initials.
  let lettersOnly = true;
  for (let j = 0; j < q.length; j++) if (!isAlnum(q.charCodeAt(j))) lettersOnly = false;
  const initialsPacked = p.initials;
  /**
   * Unit g takes q[0..k) and the next unit (its initial is q[k], by the key) takes j ≥ 1 letters of
   * q[k..]: then the query ends there, or the unit after next takes q[k + j] or is a mark to pass over.
   * A necessary condition for a match in which g takes exactly k letters, checked on the packed arrays
   * in order: most pairs of common initials (s d, d z …) fail on their third unit, before a full attempt.
   */
  /**
   * The units whose syllable gives q0 alone, by their triple key (q0, q1, c): c is the initial of a
   * later letter q[1 + j] (the next unit took j letters), the skip mark, or — when q[1..] may end inside
   * one syllable — anything.
   */
  const visitTriples = (test: (g: number) => boolean) => {
    const q1 = q.charCodeAt(1);
    const wholeRest = q.length - 1 <= MAX_SYLLABLE && startsSomeSyllable(p, q1, q.charCodeAt(2));
    const thirds = new Set<number>();
    if (wholeRest) for (let c = 0; c < ALPHABET; c++) thirds.add(c);
    else {
      thirds.add(codeOf(1));
      const most = startsSomeSyllable(p, q1, q.charCodeAt(2)) ? MAX_SYLLABLE : 1;
      for (let j = 1; j <= most && 1 + j < q.length; j++) thirds.add(codeOf(q.charCodeAt(1 + j)));
    }
    const base = (codeOf(q0) * ALPHABET + codeOf(q1)) * ALPHABET;
    for (const c of thirds) visitList(p.triples, p.tripleStart, base + c, test);
  };
  const goesOn = (g: number, k: number): boolean => {
    if (!takes(g, k)) return false;
    if (!lettersOnly || k + 1 >= q.length) return true;
    const s1 = unitFull[g + 1]!;
    const e1 = unitFull[g + 2]!;
    const third = initialsPacked.charCodeAt(g + 2);
    if (third === 1) return true;
    for (let j = 1; k + j <= q.length && s1 + j <= e1; j++) {
      if (j > 1 && full.charCodeAt(s1 + j - 1) !== q.charCodeAt(k + j - 1)) return false;
      if (k + j === q.length || third === q.charCodeAt(k + j)) return true;
    }
    return false;
  };
  for (let k = 1; k < q.length && k <= MAX_SYLLABLE; k++) {
    const c = q.charCodeAt(k);
    const kk = k;
    if (k === 1 && lettersOnly && q.length > 2) visitTriples((g) => goesOn(g, 1));
    else if (isAlnum(c)) visitPair(k, c, (g) => goesOn(g, kk));
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
    while (initialsPacked.charCodeAt(h) === 1) h++;
    if (lettersOnly) {
      // Letters only: unit g takes q[0..k) of its syllable and the unit after the marks starts with q[k]
      // (a separator ends the field).
      const c = initialsPacked.charCodeAt(h);
      const f = unitFull[g]!;
      const e = unitFull[g + 1]!;
      for (let k = 1; k <= e - f && k < q.length; k++) {
        if (k > 1 && full.charCodeAt(f + k - 1) !== q.charCodeAt(k - 1)) return false;
        if (c === q.charCodeAt(k)) return true;
      }
      return false;
    }
    const i = fieldAt(unitStart, g);
    const u = h - unitStart[i]!;
    if (u >= unitsOf(p, i)) return false;
    return nextChars.includes(p.initials[h]!) || nextChars.includes(p.text[p.textStart[i]! + u]!);
  });
  return hits;
}
