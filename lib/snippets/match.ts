/**
 * Matching a query against a text with readings (pinyin.ts). A query is folded (foldQuery) and may mix
 * characters and pinyin: every letter run is read against consecutive syllables, each character taking
 * a non-empty prefix of its own syllable — so initials (xfmf), full spelling (xianfeng), both mixed
 * (xianfmf, xfeng) and characters with letters (党建yl → 党建引领) are one mechanism. Spaces and
 * punctuation in the text may be passed over inside a match (kzshyk finds 开展“三会一课”).
 *
 * Written for the search loop (10,000 snippets per keystroke): no allocation per call on the common
 * path (findMixedStart returns the start and leaves the end in `matchEnd`), a cheap two-character test
 * before each full attempt. Pure: no DOM.
 */
import { foldUnit, isSkippable, type Aligned } from './pinyin';

export interface Range {
  start: number;
  end: number;
}

/** The query as matched: NFC, folded like the texts (full-width → ASCII, lower case), no spaces. */
export function foldQuery(raw: string): string {
  let out = '';
  const s = raw.normalize('NFC');
  for (let i = 0; i < s.length; i++) {
    const c = foldUnit(s.charCodeAt(i));
    if (c <= 0x20 || c === 0x3000) continue;
    out += String.fromCharCode(c);
  }
  return out;
}

export function isAlnum(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** Does the query hold a letter or digit (so it may be pinyin)? */
export function hasReadingChars(q: string): boolean {
  for (let i = 0; i < q.length; i++) if (isAlnum(q.charCodeAt(i))) return true;
  return false;
}

/**
 * (qi, t) pairs known to fail, for the current findMixedStart call. They only arise where a syllable
 * could take several prefix lengths, and the outcome from a pair does not depend on how it was reached,
 * so the search stays polynomial (|q| × n × 6) in the worst case. Created on first need, then reused.
 */
let failed: Set<number> | null = null;
let failedUsed = false;

/** Could q[qi..] go on at unit t, judging by its first character (a necessary condition)? */
function canContinue(q: string, qi: number, a: Aligned, t: number): boolean {
  if (qi === q.length) return true;
  if (t >= a.n) return false;
  const qc = q.charCodeAt(qi);
  const ic = a.initials.charCodeAt(t);
  if (ic === qc || ic === 1) return true; // its first letter, or a mark that may be passed over
  return !isAlnum(qc) && a.text.charCodeAt(t) === qc;
}

/** End of a match of q[qi..] starting at unit t, or -1. */
function matchFrom(q: string, qi: number, a: Aligned, t: number): number {
  const n = a.n;
  const starts = a.starts;
  for (;;) {
    if (qi === q.length) return t;
    if (t >= n) return -1;
    const qc = q.charCodeAt(qi);
    const tc = a.text.charCodeAt(t);
    const s = starts.charCodeAt(t);
    const e = starts.charCodeAt(t + 1);
    if (e > s && isAlnum(qc)) {
      let common = 0;
      while (s + common < e && qi + common < q.length && a.full.charCodeAt(s + common) === q.charCodeAt(qi + common)) common++;
      if (common === 0) return -1;
      if (common === 1 || qi + common === q.length) {
        // One way on (a single letter), or the query ends inside this syllable: take all it can.
        qi += common;
        t++;
        continue;
      }
      // Several ways to split: the longest first (full spelling), then shorter prefixes (initials).
      // Most splits fail on the very next unit: test that inline before recursing and remembering.
      for (let k = common; k >= 1; k--) {
        if (!canContinue(q, qi + k, a, t + 1)) continue;
        const key = (qi + k) * (n + 1) + t + 1;
        const set = (failed ??= new Set());
        if (set.has(key)) continue;
        failedUsed = true;
        const end = matchFrom(q, qi + k, a, t + 1);
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
    if (e === s && isSkippable(tc)) {
      t++;
      continue;
    }
    return -1;
  }
}

let memoQuery = '';
let memoText: Aligned | null = null;

/**
 * End of a match of the folded query starting exactly at unit t of `a`, or -1. Calls for the same query
 * and text share what they learnt about failing states.
 */
export function matchAt(q: string, a: Aligned, t: number): number {
  if (memoQuery !== q || memoText !== a) {
    memoQuery = q;
    memoText = a;
    if (failedUsed) {
      failed!.clear();
      failedUsed = false;
    }
  }
  return matchFrom(q, 0, a, t);
}

/** End of the last match found by findMixedStart. */
export let matchEnd = -1;

/**
 * Can a match of q start at unit t, judging by its first two characters only? Rejects most candidate
 * starts without entering matchFrom (the first character is already known to fit).
 */
function plausibleStart(q: string, a: Aligned, t: number, alnum0: boolean): boolean {
  if (q.length < 2) return true;
  const q1 = q.charCodeAt(1);
  const next = t + 1;
  if (alnum0) {
    const s = a.starts.charCodeAt(t);
    // The syllable goes on with q1 (full spelling) …
    if (a.starts.charCodeAt(next) - s > 1 && a.full.charCodeAt(s + 1) === q1) return true;
  }
  if (next >= a.n) return false;
  // … or the next unit takes q1 (its initial, or itself), or is punctuation that may be passed over.
  const c = a.text.charCodeAt(next);
  return a.initials.charCodeAt(next) === q1 || c === q1 || (a.starts.charCodeAt(next) === a.starts.charCodeAt(next + 1) && isSkippable(c));
}

/** Start of the first match of the folded query in the text's read region, or -1 (end in matchEnd). */
export function findMixedStart(q: string, a: Aligned): number {
  if (!q || a.n === 0) return -1;
  const first = q.charCodeAt(0);
  const alnum0 = isAlnum(first);
  const firstChar = q[0]!;
  const hay = alnum0 ? a.initials : a.text;
  for (let t = hay.indexOf(firstChar); t >= 0 && t < a.n; t = hay.indexOf(firstChar, t + 1)) {
    if (!plausibleStart(q, a, t, alnum0)) continue;
    const end = matchAt(q, a, t);
    if (end >= 0) {
      matchEnd = end;
      return t;
    }
  }
  return -1;
}

/** First match of the folded query in the text's read region, or null. */
export function findMixed(q: string, a: Aligned): Range | null {
  const start = findMixedStart(q, a);
  return start < 0 ? null : { start, end: matchEnd };
}

/**
 * Is the query an abbreviation of the text: a subsequence of it, each letter standing for a syllable's
 * first letter and every other character for itself, the first one being the text's first unit? The
 * loosest match (xfzy finds 先锋模范作用, 党领 finds 党的领导); anchored at the start because a
 * subsequence anywhere in a long title matches almost any two letters. Titles only, two characters up.
 */
export function isSubsequence(q: string, a: Aligned): boolean {
  if (q.length < 2 || a.n === 0) return false;
  const q0 = q.charCodeAt(0);
  if ((isAlnum(q0) ? a.initials.charCodeAt(0) : a.text.charCodeAt(0)) !== q0) return false;
  let t = 1;
  for (let qi = 1; qi < q.length; qi++) {
    const qc = q.charCodeAt(qi);
    const alnum = isAlnum(qc);
    while (t < a.n && (alnum ? a.initials.charCodeAt(t) !== qc : a.text.charCodeAt(t) !== qc)) t++;
    if (t >= a.n) return false;
    t++;
  }
  return true;
}
