/**
 * OpenCC's simplified → traditional character table (opencc-js/dict/STCharacters, `s t|s t|…`, sorted by
 * code point), rebuilt from its traditional → simplified table (TSCharacters), which the checker bundles
 * anyway for converting: most entries of one are the other read backwards. Only the difference is stored
 * (./st-characters-diff.ts, written by scripts/build-opencc-st.ts): the checker (editor-checker.js) went from
 * 242,166 to 227,734 bytes of gzip. The result is the very same string (tests/unit/opencc-st.test.ts compares
 * it with opencc-js's). Cost: the rebuild runs as the checker loads, ≈ 1.8 ms at best and 6 ms median on the
 * 2-core test machine at load average 3.3 (cold, in a bundle of the engine; a first analysis there takes
 * 130–260 ms).
 *
 * Used in the extension's build only: wxt.config.ts aliases `opencc-js/dict/STCharacters` to this module.
 * Node (tests, CLI, bench) imports opencc-js's own table.
 *
 * Rebuilding: every simplified form of TSCharacters, with the first traditional form that maps to it, less
 * ST_DROP (simplified forms whose entry is missing or different in STCharacters), plus ST_EXTRA (the entries
 * the reading backwards does not give), sorted by code point.
 */
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import { ST_DROP, ST_EXTRA } from './st-characters-diff';

/**
 * Sources in a sort key (see rebuildStCharacters): ST_EXTRA must stay shorter than EXTRA_END units and
 * TSCharacters shorter than 65536 − TS_BASE (the generator checks both).
 */
export const EXTRA_END = 4096;
const DROPPED = 4096;
export const TS_BASE = 8192;

/** Code units of the character at `k`. */
const width = (text: string, k: number) => (text.codePointAt(k)! > 0xffff ? 2 : 1);

/**
 * Typed arrays and one sort, no string per entry: it runs as the checker loads, where a Map of strings and a
 * sort with a callback cost about twice as much (3–6 ms against 2–3 ms on the 2-core test machine, cold).
 */
export function rebuildStCharacters(ts: string, drop: string, extra: string): string {
  // One key per candidate entry, code point · 65536 + source; sorted, the first key of a code point decides:
  // an ST_EXTRA entry (source: its offset there, < EXTRA_END), else a drop (DROPPED), else TSCharacters'
  // first entry for it (TS_BASE + offset of the entry).
  const keys = new Float64Array(extra.length + drop.length + (ts.length >> 1) + 1);
  let n = 0;
  for (let k = 0; k < extra.length; ) {
    keys[n++] = extra.codePointAt(k)! * 65536 + k;
    k += width(extra, k);
    k += width(extra, k);
  }
  for (let k = 0; k < drop.length; k += width(drop, k)) keys[n++] = drop.codePointAt(k)! * 65536 + DROPPED;
  for (let start = 0; start < ts.length; ) {
    const space = ts.indexOf(' ', start);
    keys[n++] = ts.codePointAt(space + 1)! * 65536 + TS_BASE + start;
    const bar = ts.indexOf('|', space);
    start = bar < 0 ? ts.length : bar + 1;
  }
  const sorted = keys.subarray(0, n).sort();
  const out = new Uint16Array(n * 6); // an entry: at most 2 + 1 + 2 units and a bar
  let o = 0;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const key = sorted[i]!;
    const cp = Math.floor(key / 65536);
    if (cp === last) continue;
    last = cp;
    const source = key - cp * 65536;
    if (source === DROPPED) continue;
    if (o > 0) out[o++] = 0x7c; // |
    if (source < EXTRA_END) {
      const traditional = source + (cp > 0xffff ? 2 : 1);
      for (let k = source; k < traditional; k++) out[o++] = extra.charCodeAt(k);
      out[o++] = 0x20;
      const unit = extra.charCodeAt(traditional);
      out[o++] = unit;
      if (unit >= 0xd800 && unit < 0xdc00) out[o++] = extra.charCodeAt(traditional + 1);
    } else {
      const start = source - TS_BASE;
      const space = ts.indexOf(' ', start);
      out[o++] = ts.charCodeAt(space + 1);
      if (cp > 0xffff) out[o++] = ts.charCodeAt(space + 2);
      out[o++] = 0x20;
      for (let k = start; k < space; k++) out[o++] = ts.charCodeAt(k);
    }
  }
  let text = '';
  // apply, not a spread: a spread walks the typed array with an iterator, slow before the code is compiled.
  for (let k = 0; k < o; k += 8192) text += String.fromCharCode.apply(null, out.subarray(k, Math.min(o, k + 8192)) as unknown as number[]);
  return text;
}

export default rebuildStCharacters(TS_CHARACTERS, ST_DROP, ST_EXTRA);
