/**
 * The model file's container format, shared by the generator (scripts/build-lm.ts) and the loader.
 *
 * Layout (little-endian): "WGLM" magic, u32 header length, the header as UTF-8 JSON padded to 4 bytes,
 * then the sections, each 4-byte aligned, at the offsets the header gives (relative to the blob start).
 * Typed arrays are views on the handed buffer: loading copies nothing but the two text sections.
 */

export const MODEL_MAGIC = 0x4d4c4757; // "WGLM"
export const MODEL_VERSION = 5;

/**
 * Scores are -log10(probability) × SCALE, rounded and capped at 255 (8 bits). One step is 0.04 decades
 * (about 10 % in probability), finer than the uncertainty of the estimates themselves.
 */
export const SCALE = 25;

export const quantise = (log10p: number): number => Math.max(0, Math.min(255, Math.round(-log10p * SCALE)));
export const dequantise = (q: number): number => -q / SCALE;

export type SectionName =
  | 'wordChars' // Uint16: every word's UTF-16 code units, in id order
  | 'wordStarts' // Uint32 × (words + 1): where each word starts in wordChars
  | 'wordTable' // Int32: open-addressing hash table of word ids (FNV-1a, linear probing; -1 empty)
  | 'wordPrefixes' // Uint32: bits of the hashes of the words' proper prefixes of 2+ characters (WordTable)
  | 'wordSuffixes' // Uint32: likewise of their proper suffixes
  | 'wordWhole' // Uint32: likewise of the words themselves
  | 'unigram' // Uint8 per word
  | 'backoff' // Uint8 per LM word: -log10 of the back-off weight
  | 'rows' // Uint32 × (lmWords + 1): start of each first word's bigrams in 'bigrams'
  | 'bigrams' // Uint32: second word id << 8 | quantised log10 P(w2 | w1), sorted by id within a row
  | 'maskKeys' // Uint32: hash of a word with one character masked plus a tag, sorted: the masked
  //              character's fuzzy reading, or "#" + a character mined as written by mistake for it
  | 'maskChars' // Uint16: the masked character, parallel to maskKeys
  | 'syllables' // UTF-8, "\n"-joined: toneless pinyin syllables and fuzzy keys (fuzzySyllable), by id
  | 'readStart' // Uint32 × 65537: where each UTF-16 code's readings start in readExact/readFuzzy
  | 'readExact' // Uint16: syllable id of each reading
  | 'readFuzzy' // Uint16: fuzzy key id of each reading, parallel to readExact
  | 'pairs' // UTF-8 lines "wrong right": character confusions mined from training data
  | 'shapes' // UTF-8 lines: a character, then its shape neighbours (scripts/build-lm-shapes.ts)
  | 'homKeys' // Uint32: reading keys of 2–3 character words, sorted (lib/lm/homophones.ts)
  | 'homIds'; // Uint32: the word id of each key, parallel to homKeys (ascending within a key)

export interface SectionInfo {
  offset: number;
  length: number;
}

export interface ModelHeader {
  version: number;
  /** Words with bigram rows (ids 0 … lmWords-1); further words have a unigram only. */
  lmWords: number;
  words: number;
  /** Longest word, in UTF-16 code units. */
  maxWordLength: number;
  /** Unigram score given to a single Han character the vocabulary lacks. */
  unknownChar: number;
  sections: Partial<Record<SectionName, SectionInfo>>;
  /** Free-form description of the sources (for the about page and the staleness test). */
  sources: Record<string, string>;
}

const align4 = (n: number) => (n + 3) & ~3;

export function encodeModel(
  header: Omit<ModelHeader, 'sections'>,
  sections: Array<[SectionName, Uint8Array]>,
): Uint8Array {
  const infos: Partial<Record<SectionName, SectionInfo>> = {};
  let offset = 0;
  for (const [name, data] of sections) {
    infos[name] = { offset, length: data.byteLength };
    offset = align4(offset + data.byteLength);
  }
  const headerBytes = new TextEncoder().encode(JSON.stringify({ ...header, sections: infos }));
  const headerLen = align4(headerBytes.byteLength);
  const out = new Uint8Array(8 + headerLen + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, MODEL_MAGIC, true);
  view.setUint32(4, headerLen, true);
  out.set(headerBytes, 8);
  out.fill(0x20, 8 + headerBytes.byteLength, 8 + headerLen); // pad with spaces: still valid JSON
  for (const [name, data] of sections) out.set(data, 8 + headerLen + infos[name]!.offset);
  return out;
}

export interface DecodedModel {
  header: ModelHeader;
  section(name: SectionName): Uint8Array;
}

export function decodeModel(input: ArrayBuffer | Uint8Array): DecodedModel {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.byteLength < 8) throw new Error('language model: file too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MODEL_MAGIC) throw new Error('language model: bad magic');
  const headerLen = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLen))) as ModelHeader;
  if (header.version !== MODEL_VERSION) throw new Error(`language model: version ${header.version} unsupported`);
  const base = 8 + headerLen;
  return {
    header,
    section(name) {
      const info = header.sections[name];
      if (!info) throw new Error(`language model: section ${name} missing`);
      if (base + info.offset + info.length > bytes.byteLength) throw new Error('language model: truncated');
      return bytes.subarray(base + info.offset, base + info.offset + info.length);
    },
  };
}

/** Typed views need aligned offsets; sections are 4-aligned but the handed Uint8Array may not be. */
export function u32(bytes: Uint8Array): Uint32Array {
  if ((bytes.byteOffset & 3) === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  return new Uint32Array(bytes.slice().buffer);
}

export function i32(bytes: Uint8Array): Int32Array {
  if ((bytes.byteOffset & 3) === 0) return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  return new Int32Array(bytes.slice().buffer);
}

export function u16(bytes: Uint8Array): Uint16Array {
  if ((bytes.byteOffset & 1) === 0) return new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 1);
  return new Uint16Array(bytes.slice().buffer);
}

/**
 * FNV-1a over UTF-16 code units of `s[start,end)`, with `skip` (an index) replaced by a mask mark and the
 * masked character's fuzzy reading (`tag`) mixed in: a look-up returns only characters that sound alike.
 */
export function maskedHash(s: string, start: number, end: number, skip: number, tag: string): number {
  let h = maskedCore(s, start, end, skip);
  for (let k = 0; k < tag.length; k++) {
    h ^= tag.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  // The length separates 联_ from 联_会 when their prefixes collide.
  h ^= end - start;
  h = Math.imul(h, 0x01000193);
  return h >>> 0;
}

/** The part of maskedHash that does not depend on the tag (the loader computes it once per window). */
export function maskedCore(s: string, start: number, end: number, skip: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) {
    const c = k === skip ? 0xffff : s.charCodeAt(k);
    h ^= c & 0xff;
    h = Math.imul(h, 0x01000193);
    h ^= c >>> 8;
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/**
 * Fuzzy form of a toneless pinyin syllable: the input-method slips the issue names (zh/z, ch/c, sh/s,
 * n/l, an/ang, en/eng, in/ing) and two more that pinyin input methods offer as fuzzy options for southern
 * speakers (f/h: 湖联 for 妇联, 虎贫 for 扶贫; r/l: 乐电 for 热电) map both spellings to one key (one key for
 * n, l and r, so n/r are near too). Cross-validated train part with f/h and r/l: strict detection P
 * 0.826 → 0.832, R 0.373 → 0.378, correction F1 0.507 → 0.513, clean targets flagged 1 → 1.
 */
export function fuzzySyllable(py: string): string {
  let s = py;
  if (s.startsWith('zh') || s.startsWith('ch') || s.startsWith('sh')) s = s[0] + s.slice(2);
  else if (s.startsWith('n') || s.startsWith('r')) s = 'l' + s.slice(1);
  else if (s.startsWith('f')) s = 'h' + s.slice(1);
  if (s.endsWith('ang') || s.endsWith('eng') || s.endsWith('ing')) s = s.slice(0, -1);
  return s;
}
