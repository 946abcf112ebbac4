/**
 * The pinyin index of a text: for every UTF-16 unit, the toneless syllable it is read as (with
 * pinyin-pro, which reads polyphones in context: 三会一课 → san hui yi ke, 银行行长 → yin hang hang zhang),
 * stored compactly with the snippet so a search never calls pinyin-pro (≈ 3–5 µs per character).
 *
 * Stored form ({@link PinyinField}): `full` = the syllables concatenated, `lens` = one digit per UTF-16
 * unit giving its syllable's length (0 for a unit without a reading: punctuation, spaces, the second
 * half of a surrogate pair). Letters and digits in the text are their own one-letter "syllable", so
 * "GDP增长" is found by gdpzz. Pure: no DOM.
 */
import { pinyin } from 'pinyin-pro';

/** Bump when the way readings are computed changes: rows with an older version are re-indexed on load. */
export const PINYIN_VERSION = 1;
/** Longest syllable (zhuang, shuang, chuang); readings are cut to it, and scan.ts relies on it. */
export const MAX_SYLLABLE = 6;
/** Only the first this many units of a body get readings (a phrasing is found by its opening words;
 * literal search still covers the whole body). Keeps saving a 20,000-character body cheap. */
export const PINYIN_BODY_CHARS = 2_000;

export interface PinyinField {
  full: string;
  lens: string;
}

/** Fold one UTF-16 unit for matching: full-width ASCII to ASCII, A–Z to a–z (never changes length). */
export function foldUnit(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0; // ！..～ → !..~
  if (code >= 0x41 && code <= 0x5a) code += 0x20;
  return code;
}

/** The text folded unit by unit (same length, same offsets). */
export function foldText(text: string): string {
  let out = '';
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (foldUnit(c) !== c) {
      plain = false;
      break;
    }
  }
  if (plain) return text;
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldUnit(text.charCodeAt(i)));
  return out;
}

function isAlnum(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/**
 * Can a pinyin match run across this unit without the query saying so? Spaces and punctuation, so that
 * kzshyk still finds 开展“三会一课”.
 */
export function isSkippable(code: number): boolean {
  return (
    code <= 0x20 ||
    (code >= 0x21 && code <= 0x2f) ||
    (code >= 0x3a && code <= 0x40) ||
    (code >= 0x5b && code <= 0x60) ||
    (code >= 0x7b && code <= 0x7e) ||
    code === 0xa0 ||
    code === 0xb7 ||
    (code >= 0x2010 && code <= 0x206f) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xfe10 && code <= 0xfe6f) ||
    (code >= 0xff01 && code <= 0xff0f) ||
    (code >= 0xff1a && code <= 0xff20) ||
    (code >= 0xff3b && code <= 0xff40) ||
    (code >= 0xff5b && code <= 0xff65)
  );
}

/** Most units ever given readings (keeps every offset into `full` below 65,536: see Aligned.starts). */
const MAX_READ_UNITS = 10_000;

/** Readings of the first `limit` units of `text` (all of it by default, up to MAX_READ_UNITS). */
export function pinyinField(text: string, limit = Infinity): PinyinField {
  let end = Math.min(text.length, limit, MAX_READ_UNITS);
  // Never cut a surrogate pair in two.
  if (end < text.length && end > 0 && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
  const part = text.slice(0, end);
  if (!part) return { full: '', lens: '' };
  const readings = pinyin(part, { toneType: 'none', type: 'array', v: true });
  const chars = Array.from(part);
  let full = '';
  let lens = '';
  // pinyin-pro returns one entry per code point; if that ever changes, fall back to letters only.
  const aligned = readings.length === chars.length;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const reading = aligned ? readings[i]! : ch;
    const syllable = reading !== ch ? reading.toLowerCase().replace(/[^a-z]/g, '').slice(0, MAX_SYLLABLE) : '';
    if (syllable) {
      full += syllable;
      lens += String(syllable.length);
      if (ch.length === 2) lens += '0';
      continue;
    }
    for (let k = 0; k < ch.length; k++) {
      const code = foldUnit(ch.charCodeAt(k));
      if (isAlnum(code)) {
        full += String.fromCharCode(code);
        lens += '1';
      } else lens += '0';
    }
  }
  return { full, lens };
}

/** A text with its readings, ready for matching (built once per snippet when the search index loads). */
export interface Aligned {
  /** The whole text, folded (foldText). */
  text: string;
  /** Units with readings (the first `n` units of text). */
  n: number;
  full: string;
  /**
   * starts.charCodeAt(i) .. starts.charCodeAt(i + 1) is unit i's syllable in `full` (length n + 1).
   * A string rather than a typed array: 20,000 small typed arrays cost far more memory and GC time, and
   * offsets stay below 65,536 (at most MAX_READ_UNITS units of at most MAX_SYLLABLE letters).
   */
  starts: string;
  /**
   * First letter of each unit's syllable (length n); for a unit without one, SKIP_MARK when a match may
   * pass over it (spaces, punctuation), else NO_READING.
   */
  initials: string;
}

export const SKIP_MARK = '\u0001';
export const NO_READING = '\u0000';

export function alignField(text: string, field: PinyinField): Aligned {
  const n = field.lens.length;
  const folded = flatten(foldText(text));
  flatten(field.full);
  const starts: number[] = new Array(n + 1);
  const initials: number[] = new Array(n);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    starts[i] = pos;
    const len = field.lens.charCodeAt(i) - 48;
    initials[i] = len > 0 ? field.full.charCodeAt(pos) : isSkippable(folded.charCodeAt(i)) ? 1 : 0;
    pos += len;
  }
  starts[n] = pos;
  return { text: folded, n, full: field.full, starts: codesToString(starts), initials: codesToString(initials) };
}

/**
 * Make V8 store a string built by concatenation (a rope) as one flat string: every charCodeAt on a rope
 * walks its tree, which made matching several times slower. Converting to a number flattens it in place.
 */
function flatten(s: string): string {
  if (Number.isNaN(Number(s))) return s;
  return s;
}

function codesToString(codes: number[]): string {
  let out = '';
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode(...codes.slice(i, i + 4096));
  return out;
}

/** Align a text directly (computes its readings: for small texts such as tags and queries in tests). */
export function align(text: string, limit = Infinity): Aligned {
  return alignField(text, pinyinField(text, limit));
}
