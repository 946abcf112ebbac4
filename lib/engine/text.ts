/** Small character-class helpers shared by rules. All take UTF-16 code units or strings. */

/** CJK unified ideographs (BMP blocks; astral ideographs come as surrogate pairs and are handled by isHanAt). */
export function isHanCode(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    code === 0x3007 // 〇
  );
}

export function isHan(ch: string | undefined): boolean {
  if (!ch) return false;
  const code = ch.codePointAt(0)!;
  return isHanCode(code) || (code >= 0x20000 && code <= 0x3134f);
}

/** Is the character at index i a Han character (surrogate pairs included)? */
export function isHanAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (isHanCode(code)) return true;
  if (code >= 0xd800 && code <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    return cp >= 0x20000 && cp <= 0x3134f;
  }
  if (code >= 0xdc00 && code <= 0xdfff && i > 0) {
    const cp = text.codePointAt(i - 1)!;
    return cp >= 0x20000 && cp <= 0x3134f;
  }
  return false;
}

/** Full-width Chinese punctuation used in 公文. */
export const CHINESE_PUNCT = '，。、；：？！…—“”‘’（）《》〈〉【】〔〕·';

export function isChinesePunct(ch: string | undefined): boolean {
  return !!ch && ch.length === 1 && CHINESE_PUNCT.includes(ch);
}

/** Han character or Chinese punctuation: the "Chinese context" of a position. */
export function isChineseContext(ch: string | undefined): boolean {
  return isHan(ch) || isChinesePunct(ch);
}

export function isAsciiDigit(ch: string | undefined): boolean {
  return !!ch && ch >= '0' && ch <= '9';
}

export function isAsciiLetter(ch: string | undefined): boolean {
  return !!ch && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

/** Horizontal white space (not line breaks) as one character: see {@link isInlineSpaceCode}. */
export function isInlineSpace(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && isInlineSpaceCode(ch.charCodeAt(0));
}

/**
 * Horizontal white space (not line breaks) by code unit: ASCII space, tab, NBSP, ideographic space, thin
 * spaces (text.charCodeAt(i): no one-character string per test; NaN past the end is false).
 */
export function isInlineSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);
}

/**
 * `chars.includes(text[i])` without the one-character string that text[i] makes for every code unit above
 * U+00FF (garbage by the thousand in a per-character loop). Compares code units; past either end is false.
 */
export function charIn(chars: string, text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === c) return true;
  return false;
}

/**
 * Exactly `chars.includes(text.charAt(i))`, without the string: past either end charAt gives '', which every
 * string includes, so that is true here too (drop-in for existing tests whose edge behaviour must not move).
 */
export function charAtIn(chars: string, text: string, i: number): boolean {
  return i < 0 || i >= text.length || charIn(chars, text, i);
}

/** Does the range [start, end) cut a surrogate pair? Rules must never report such ranges. */
export function splitsSurrogate(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return false;
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
