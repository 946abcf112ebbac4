/** Character helpers of the corpus layer (no imports: the set-phrase rule may load this in the content script). */

/** CJK ideograph (BMP blocks). Astral ideographs are rare in this genre and are treated as non-Han. */
export function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}
