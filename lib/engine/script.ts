import { Trie } from 'opencc-js/core';
import HK_VARIANTS from 'opencc-js/dict/HKVariants';
import ST_CHARACTERS from 'opencc-js/dict/STCharacters';
import TW_VARIANTS from 'opencc-js/dict/TWVariants';
import { to as openccTo } from 'opencc-js/preset/t2cn';
import { lineMemo } from './batch';
import type { Report } from './rule';

/**
 * Traditional and simplified script, for the engine and the traditional-char rule.
 *
 * - Character classes from OpenCC’s traditional → simplified tables (TSCharacters): TRADITIONAL for
 *   characters that only the traditional script uses, SIMPLIFIED_ONLY for their simplified forms that
 *   traditional text never uses (发, 会, 国 …, but not 后 or 台: STCharacters keeps them). A few characters of TSCharacters are also correct in
 *   simplified text (乾隆, 蒜薹 …: SIMPLIFIED_VALID) and count as neither.
 * - simplifiedView(line): the line converted to simplified characters with OpenCC (TSPhrases first,
 *   then TSCharacters), an exact offset map back to the line, and a way to write a fix computed on the
 *   converted text back in the line’s script. The engine uses it so that every paragraph rule checks a
 *   traditional line as if it were simplified (lib/engine/analyzer.ts).
 * - toTraditional(char): OpenCC’s default traditional form of a simplified character (STCharacters; its
 *   phrase table is 1 MB and is not bundled), used where neither the line nor the document shows how
 *   the character is written.
 *
 * Bundle: opencc-js/core (Trie), TSPhrases + TSCharacters (≈ 40 kB), STCharacters (≈ 32 kB) and the
 * Taiwan and Hong Kong variant lists (1 kB).
 */

/**
 * Characters of TSCharacters that are also correct in simplified text (通用规范汉字表 keeps them for
 * some readings, or OpenCC’s own simplified phrase table uses them unchanged): 乾 (乾隆), 夥, 扞, 拚, 麽,
 * 薹, 皁 苧 谿 醣 緼 藴 輼 醖, 蒐 脩 昇 陞 劄 頫. Found by intersecting TSCharacters keys with the
 * characters of STPhrases keys, then reviewed by hand.
 */
export const SIMPLIFIED_VALID = '乾夥扞拚麽薹皁苧谿醣緼藴輼醖蒐脩昇陞劄頫';

/**
 * Simplified characters that OpenCC converts (后 → 後) but that traditional text also writes unchanged in
 * common words (皇后, 台灣, 若干, 公里, 風采, 准許, 游泳, 伙食, 占卜, 前仆後繼, 長征, 范仲淹 …). Left out on
 * purpose, though traditional text has them in rare words or names: 党 据 术 叶 于 价 划 朴 冲 几 — in this
 * genre their simplified form inside traditional text (党员, 根据, 技术, 关于, 规划, 朴素) is the slip.
 * opencc-js ships only the default form of each character, so these are listed by hand; a simplified
 * character inside traditional text is flagged only when it is not one of them. The second group was
 * found by converting jieba's word list with OpenCC's full simplified → traditional conversion (phrases
 * included) and keeping the simplified-only characters it leaves (岩石, 复辟, 佣金, 倒霉, 熏陶, names).
 */
export const ALSO_TRADITIONAL = '后台干里范云斗丑采征余凶夸准郁岳占游伙仆布卜么吁咸沈' + '岩丰辟淀佣霉杰厘恒涂熏';

export const TRADITIONAL = 1;
export const SIMPLIFIED_ONLY = 2;

interface Tables {
  /**
   * Class of each BMP code unit (0, TRADITIONAL or SIMPLIFIED_ONLY), two bits each, four to a byte (see
   * bmpClass): 16 KB, the Han block 5 KB of it, where a byte per unit made it 64 KB and 20 KB. Every new line
   * is scanned with it, among the rules' own tables, which evicted each other from the processor's caches
   * (issue 13: the rules together cost more than the sum of each alone).
   */
  bmp: Uint8Array;
  /** Class of astral code points (a few dozen). */
  astral: Map<number, number>;
}

let tables: Tables | null = null;
let trie: Trie | null = null;
let toTrad: Map<string, string[]> | null = null;

/** Built on first use (about 2 ms), so pages without Chinese never pay for it. */
function getTables(): Tables {
  if (tables) return tables;
  const bmp = new Uint8Array(0x10000 >> 2);
  const astral = new Map<number, number>();
  const setClass = (cp: number, cls: number) => {
    // countScript relies on 0 below U+3400 and for surrogates (no OpenCC entry is there).
    if (cp < 0x3400 || (cp >= 0xd800 && cp <= 0xdfff)) return;
    if (cp <= 0xffff) {
      const shift = (cp & 3) << 1;
      bmp[cp >> 2] = (bmp[cp >> 2]! & ~(3 << shift)) | (cls << shift);
    } else astral.set(cp, cls);
  };
  const keep = new Set(Array.from(SIMPLIFIED_VALID, (c) => c.codePointAt(0)!));
  const traditional = new Set<number>();
  forEachToCnEntry((from, into, cp) => {
    // Single-character entries only (TSCharacters); phrases only guide the conversion.
    if (from.length !== (cp > 0xffff ? 2 : 1) || from === into) return;
    if (!keep.has(cp)) traditional.add(cp);
  });
  // "Simplified only": a character that OpenCC's simplified → traditional table changes (发 → 發), unless
  // traditional text also writes it as it is (ALSO_TRADITIONAL: 皇后, 台灣, 若干). Not every simplified
  // form of TSCharacters: 面, 制, 出 stand unchanged in traditional text too.
  const also = new Set(Array.from(ALSO_TRADITIONAL, (c) => c.codePointAt(0)!));
  // Taiwan and Hong Kong forms are traditional too (羣 → 群, 溫 → 温): never "simplified only".
  for (const entry of (TW_VARIANTS + '|' + HK_VARIANTS).split('|')) also.add(entry.slice(entry.indexOf(' ') + 1).codePointAt(0)!);
  for (const entry of ST_CHARACTERS.split('|')) {
    const space = entry.indexOf(' ');
    const from = entry.slice(0, space);
    const cp = from.codePointAt(0)!;
    if (from.length !== (cp > 0xffff ? 2 : 1) || entry.slice(space + 1) === from) continue;
    if (!traditional.has(cp) && !keep.has(cp) && !also.has(cp)) setClass(cp, SIMPLIFIED_ONLY);
  }
  for (const cp of traditional) setClass(cp, TRADITIONAL);
  tables = { bmp, astral };
  return tables;
}

/** OpenCC’s trie of the traditional → simplified tables (phrases win over characters), built on first need. */
export function getTrie(): Trie {
  if (trie) return trie;
  trie = new Trie();
  for (const group of openccTo.cn ?? []) trie.loadDictGroup(group);
  return trie;
}

interface Fast {
  phraseStart: Uint8Array;
  single: Map<number, string>;
  /** 1 for a BMP code unit that `single` converts: most characters of a line have no entry, and a table read is cheaper than a map miss. */
  singleBmp: Uint8Array;
}

let fast: Fast | null = null;

/** Every entry of OpenCC's traditional → simplified tables, in table order: `from`, `into`, `from`'s first code point. */
function forEachToCnEntry(visit: (from: string, into: string, cp: number) => void): void {
  for (const group of openccTo.cn ?? []) {
    for (const dict of group) {
      if (typeof dict !== 'string') continue;
      for (const entry of dict.split('|')) {
        const space = entry.indexOf(' ');
        const from = entry.slice(0, space);
        visit(from, entry.slice(space + 1), from.codePointAt(0)!);
      }
    }
  }
}

/**
 * For converting quickly: the code units that start a phrase of the traditional → simplified tables
 * (only there the trie is needed), and every one-character conversion.
 */
function getFast(): Fast {
  if (fast) return fast;
  const phraseStart = new Uint8Array(0x10000);
  const single = new Map<number, string>();
  const singleBmp = new Uint8Array(0x10000);
  forEachToCnEntry((from, into, cp) => {
    if (from.length === (cp > 0xffff ? 2 : 1)) {
      // Phrases are loaded first in the trie and win; a character's own entry only when it has none.
      if (from !== into && !single.has(cp)) {
        single.set(cp, into);
        if (cp <= 0xffff) singleBmp[cp] = 1;
      }
    } else {
      phraseStart[from.charCodeAt(0)] = 1;
    }
  });
  fast = { phraseStart, single, singleBmp };
  return fast;
}

/** text of code units [from, to), in chunks (String.fromCharCode takes a bounded number of arguments). */
function decode(codes: Uint16Array, from: number, to: number): string {
  let out = '';
  // apply takes the typed array as it is (a spread walks it through the iterator protocol first).
  for (let k = from; k < to; k += 4096) out += String.fromCharCode.apply(null, codes.subarray(k, Math.min(to, k + 4096)) as unknown as number[]);
  return out;
}

/** Class of the character at i (TRADITIONAL, SIMPLIFIED_ONLY or 0); a low surrogate gives 0. */
export function scriptClassAt(text: string, i: number): number {
  const t = getTables();
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    return cp > 0xffff ? (t.astral.get(cp) ?? 0) : 0;
  }
  return bmpClass(t.bmp, c);
}

/** Class of BMP code unit c in the packed table. */
function bmpClass(bmp: Uint8Array, c: number): number {
  return (bmp[c >> 2]! >> ((c & 3) << 1)) & 3;
}

export interface ScriptCounts {
  traditional: number;
  simplified: number;
}

/** The counts of the last scanScript call (side results, so that the engine's scan of every line allocates nothing). */
let scannedTraditional = 0;
let scannedSimplified = 0;

/** Count the traditional-only and simplified-only characters of text[from, to) into scanned*. */
function scanScript(text: string, from: number, to: number): void {
  const { bmp, astral } = getTables();
  let traditional = 0;
  let simplified = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // One look-up decides most code units: the table is 0 for Latin, digits, punctuation, the common Han
    // characters and surrogates; only a high surrogate then needs its code point.
    let cls = bmpClass(bmp, c);
    if (cls === 0) {
      if (c < 0xd800 || c > 0xdbff) continue;
      const cp = text.codePointAt(i)!;
      if (cp <= 0xffff) continue;
      cls = astral.get(cp) ?? 0;
      i++;
    }
    if (cls === TRADITIONAL) traditional++;
    else if (cls === SIMPLIFIED_ONLY) simplified++;
  }
  scannedTraditional = traditional;
  scannedSimplified = simplified;
}

/** Traditional-only and simplified-only characters of text[from, to). One table lookup per code unit. */
export function countScript(text: string, from = 0, to = text.length): ScriptCounts {
  scanScript(text, from, to);
  return { traditional: scannedTraditional, simplified: scannedSimplified };
}

/**
 * Script counts of the lines of the running batch (batch.ts), packed as traditional × PACK + simplified
 * (both below PACK, so a small integer; a line with more is not kept). The engine counts every new line to
 * decide on its simplified view (simplifiedView), and traditional-char needs the counts of the same lines
 * (lineScriptCounts): one scan of each line instead of two.
 */
const countMemo = lineMemo<number>();
const PACK = 0x8000;

/** countScript(line), from the batch's memo when the engine has counted this line already. */
export function lineScriptCounts(line: string): ScriptCounts {
  const packed = countMemo.get(line);
  if (packed === undefined) return countScript(line);
  return { traditional: Math.floor(packed / PACK), simplified: packed % PACK };
}

/** Is a line with these counts written in the traditional script (so that fixes should be too)? */
export function isTraditionalLine(counts: ScriptCounts): boolean {
  return counts.traditional > 0 && counts.traditional >= counts.simplified;
}

/**
 * Traditional forms of a simplified character: OpenCC's default first (STCharacters), then the other
 * characters that TSCharacters simplifies to it (发 → 發 髮); the character itself when it has none.
 */
export function traditionalForms(ch: string): readonly string[] {
  if (!toTrad) {
    toTrad = new Map();
    for (const entry of ST_CHARACTERS.split('|')) {
      const parts = entry.split(' ');
      if (parts.length >= 2) toTrad.set(parts[0]!, parts.slice(1));
    }
    const table = toTrad;
    forEachToCnEntry((from, into) => {
      if (Array.from(from).length !== 1 || Array.from(into).length !== 1 || from === into) return;
      const forms = table.get(into);
      if (!forms) return; // only characters that simplified → traditional changes
      if (!forms.includes(from)) forms.push(from);
    });
  }
  return toTrad.get(ch) ?? [ch];
}

/**
 * A line seen in simplified characters. `text` is what rules check; `start`/`end` map offsets in it back
 * to the line (exact at every code point boundary; inside a converted phrase whose length changed, to
 * the phrase's ends); `restore` writes a fix made on `text` back in the line's script.
 */
export interface SimplifiedView {
  text: string;
  /** Is the line itself traditional (fixes are written back in traditional characters)? */
  traditional: boolean;
  start(offset: number): number;
  end(offset: number): number;
  /** The fix `replacement` for text[start, end), in the script of the line. */
  restore(start: number, end: number, replacement: string): string;
  /** A message computed on `text` about text[start, end), with its quotations in the line's script. */
  restoreMessage(message: string, start: number, end: number, replacement: string | undefined): string;
  /** A rule's report on `text`, as a report on the line. */
  mapReport(report: Report): Report;
}

/**
 * The simplified view of a line, or null when the line holds no traditional character (then rules check
 * it as it is: the usual case, which costs one table lookup per character).
 */
export function simplifiedView(line: string): SimplifiedView | null {
  // Most lines hold no traditional character: answered without the counts object, and without the context
  // that the view's closures below need (V8 allocates it on entry to the function that declares them:
  // ~380 bytes per line of every document when this test sat in that function). The line is counted in
  // full (as long as stopping at the first traditional character for the usual line, which has none) and,
  // for the engine's batch, the counts are kept for traditional-char (lineScriptCounts).
  scanScript(line, 0, line.length);
  const traditional = scannedTraditional;
  const simplified = scannedSimplified;
  if (traditional < PACK && simplified < PACK) countMemo.set(line, traditional * PACK + simplified);
  return traditional > 0 ? convertedView(line, { traditional, simplified }) : null;
}

function convertedView(line: string, counts: ScriptCounts = countScript(line)): SimplifiedView | null {
  const converter = getTrie();
  let out = '';
  // Converted offset → line offset, for the start and the end of every converted code unit; null while
  // every match kept its length (then offsets are equal).
  let startMap: Int32Array | null = null;
  let endMap: Int32Array | null = null;
  /** Simplified character → traditional character it came from in this line (for writing fixes back). */
  const seen = new Map<string, string>();
  const pieces: [number, number, string][] = [];
  const n = line.length;
  let i = 0;
  let plain = 0;
  let lengthChanged = false;
  let changed = false;
  const { phraseStart, single, singleBmp } = getFast();
  // Most conversions keep the UTF-16 length: write them into a copy of the code units. The first one
  // that does not (an astral simplified form) switches to pieces and offset maps.
  let codes: Uint16Array | null = null;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c < 0x3400) {
      i++;
      continue;
    }
    let end: number;
    let value: string;
    if (phraseStart[c]) {
      // A phrase may start here (TSPhrases): the trie, longest match first, as OpenCC converts.
      const m = converter.matchPrefix(line, i);
      if (!m) {
        i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
        continue;
      }
      end = m.end;
      value = m.value;
      if (value === line.slice(i, end)) {
        i = end;
        continue;
      }
    } else {
      // Else at most one character changes: a table look-up.
      if (c < 0xd800 || c > 0xdbff) {
        if (singleBmp[c] === 0) {
          i++;
          continue;
        }
      }
      const cp = c >= 0xd800 && c <= 0xdbff ? line.codePointAt(i)! : c;
      const v = single.get(cp);
      end = i + (cp > 0xffff ? 2 : 1);
      if (v === undefined) {
        i = end;
        continue;
      }
      value = v;
    }
    if (value.length === end - i && !lengthChanged) {
      if (!codes) {
        codes = new Uint16Array(n);
        for (let k = 0; k < n; k++) codes[k] = line.charCodeAt(k);
      }
      for (let k = 0; k < value.length; k++) {
        const v = value.charCodeAt(k);
        if (v !== codes[i + k] && !seen.has(value[k]!)) seen.set(value[k]!, line[i + k]!);
        codes[i + k] = v;
      }
      changed = true;
    } else {
      if (!lengthChanged) {
        // Switch to pieces: everything so far as one piece of the converted prefix (equal length).
        lengthChanged = true;
        if (i > 0) pieces.push([0, i, codes ? decode(codes, 0, i) : line.slice(0, i)]);
        plain = i;
      }
      const from = line.slice(i, end);
      if (plain < i) pieces.push([plain, i, line.slice(plain, i)]);
      pieces.push([i, end, value]);
      const a = Array.from(from);
      const b = Array.from(value);
      if (a.length === b.length) for (let k = 0; k < a.length; k++) if (a[k] !== b[k] && !seen.has(b[k]!)) seen.set(b[k]!, a[k]!);
      plain = end;
      changed = true;
    }
    i = end;
  }
  if (!changed) return null;
  if (!lengthChanged) {
    out = decode(codes!, 0, n);
  } else {
    if (plain < n) pieces.push([plain, n, line.slice(plain)]);
    for (const [, , s] of pieces) out += s;
    startMap = new Int32Array(out.length + 1);
    endMap = new Int32Array(out.length + 1);
    let o = 0;
    for (const [a, b, s] of pieces) {
      const same = s.length === b - a;
      for (let k = 0; k < s.length; k++) {
        // Same length: offsets correspond one to one. Different (an astral simplified form of a BMP
        // character or the reverse): inner offsets snap to the piece's start (for starts) or end (ends).
        startMap[o + k] = same ? a + k : a;
        endMap[o + k] = same ? a + k : k === 0 ? a : b;
      }
      o += s.length;
      startMap[o] = b;
      endMap[o] = b;
    }
  }
  const text = out;
  const traditional = isTraditionalLine(counts);
  const start = (offset: number) => (startMap ? startMap[offset]! : offset);
  const end = (offset: number) => (endMap ? endMap[offset]! : offset);

  function restore(s: number, e: number, replacement: string): string {
    if (replacement === '' || !traditional) return replacement;
    // The fix is text already on the line near the range (a doubled word's single copy, a swapped
    // pair): take the line's own characters.
    const lo = Math.max(0, s - replacement.length - 4);
    const hi = Math.min(text.length, e + replacement.length + 4);
    const at = text.slice(lo, hi).indexOf(replacement);
    if (at >= 0) {
      const a = lo + at;
      const b = a + replacement.length;
      const original = line.slice(start(a), end(b));
      if (countScript(original).simplified === 0) return original;
    }
    // Else character by character: as this line writes the character, or OpenCC's default form.
    let back = '';
    for (const ch of replacement) {
      const cls = scriptClassAt(ch, 0);
      back += cls === SIMPLIFIED_ONLY ? (seen.get(ch) ?? traditionalForms(ch)[0]!) : ch;
    }
    return back;
  }

  function restoreMessage(message: string, s: number, e: number, replacement: string | undefined): string {
    if (!traditional) return message;
    const back = replacement ? restore(s, e, replacement) : undefined;
    // Every quotation that is text of the line (the flagged text, a word around it) is quoted as the line
    // writes it; the fix as it will be written.
    return message.replace(/“([^”]+)”/g, (quoted, q: string) => {
      if (replacement && q === replacement && back !== undefined) return `“${back}”`;
      const near = Math.max(0, s - q.length - 8);
      let at = text.indexOf(q, near);
      if (at < 0 || at > e + 8) at = text.lastIndexOf(q, s);
      if (at < 0) return quoted;
      return `“${line.slice(start(at), end(at + q.length))}”`;
    });
  }

  function mapReport(r: Report): Report {
    const replacements = r.replacements?.map((x) => restore(r.start, r.end, x));
    const message = restoreMessage(r.message, r.start, r.end, r.replacements?.[0]);
    return { ...r, start: start(r.start), end: end(r.end), message, replacements };
  }

  return { text, traditional, start, end, restore, restoreMessage, mapReport };
}
