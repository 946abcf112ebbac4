/**
 * Matching a query against a text with readings (pinyin.ts). A query is folded (foldQuery) and may mix
 * characters and pinyin: every letter run is read against consecutive syllables, each character taking
 * a non-empty prefix of its own syllable — so initials (xfmf), full spelling (xianfeng), both mixed
 * (xianfmf, xfeng) and characters with letters (党建yl → 党建引领) are one mechanism. Spaces and
 * punctuation in the text may be passed over inside a match (kzshyk finds 开展“三会一课”).
 * Pure: no DOM.
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

function isAlnum(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** Does the query hold a letter or digit (so it may be pinyin)? */
export function hasReadingChars(q: string): boolean {
  for (let i = 0; i < q.length; i++) if (isAlnum(q.charCodeAt(i))) return true;
  return false;
}

/**
 * End of a match of q[qi..] starting at unit t, or -1. `failed` remembers (qi, t) pairs already known to
 * fail: they only arise where a syllable could take several prefix lengths, and the outcome from a pair
 * does not depend on how it was reached, so the search stays polynomial (|q| × n × 6) in the worst case.
 */
function matchFrom(q: string, qi: number, a: Aligned, t: number, failed: { set: Set<number> | null }): number {
  const n = a.n;
  for (;;) {
    if (qi === q.length) return t;
    if (t >= n) return -1;
    const qc = q.charCodeAt(qi);
    const tc = a.text.charCodeAt(t);
    const s = a.starts[t]!;
    const e = a.starts[t + 1]!;
    if (isAlnum(qc) && e > s) {
      let common = 0;
      while (s + common < e && qi + common < q.length && a.full.charCodeAt(s + common) === q.charCodeAt(qi + common)) common++;
      if (common === 0) return -1;
      if (common === 1) {
        qi++;
        t++;
        continue;
      }
      // Several ways to split: the longest first (full spelling), then shorter prefixes (initials).
      const set = (failed.set ??= new Set());
      for (let k = common; k >= 1; k--) {
        const key = (qi + k) * (n + 1) + t + 1;
        if (set.has(key)) continue;
        const end = matchFrom(q, qi + k, a, t + 1, failed);
        if (end >= 0) return end;
        set.add(key);
      }
      return -1;
    }
    if (!isAlnum(qc) && tc === qc) {
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

/** First match of the folded query in the text's read region (readings), or null. */
export function findMixed(q: string, a: Aligned): Range | null {
  if (!q) return null;
  const first = q.charCodeAt(0);
  const byInitial = isAlnum(first);
  const firstChar = q[0]!;
  const failed = { set: null as Set<number> | null };
  let t = byInitial ? a.initials.indexOf(firstChar) : a.text.indexOf(firstChar);
  while (t >= 0 && t < a.n) {
    const end = matchFrom(q, 0, a, t, failed);
    if (end >= 0) return { start: t, end };
    t = byInitial ? a.initials.indexOf(firstChar, t + 1) : a.text.indexOf(firstChar, t + 1);
  }
  return null;
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
