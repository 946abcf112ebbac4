import { Trie } from 'opencc-js/core';
import { to as openccTo } from 'opencc-js/preset/t2cn';
import { defineDocumentRule, type Paragraph } from '../engine/rule';
import { DOCUMENT_MIN_SHARE, DOCUMENT_MIN_TRADITIONAL, SIMPLIFIED_VALID } from './data/traditional-chars';

/**
 * traditional-char: traditional characters inside simplified text (充分發挥 → 充分发挥).
 *
 * - Per line (`collect`, cached): one pass over the code units with a lookup table counts traditional
 *   characters (TSCharacters keys, minus those also correct in simplified text) and simplified-only
 *   characters (发, 会, 国 …). Only a line that holds a traditional character is converted, with
 *   OpenCC’s traditional → simplified tables (phrases first, so 頭髮 → 头发, 乾淨 → 干净, 乾隆 stays),
 *   and only around those characters. Each run of converted characters that contains a traditional
 *   character becomes one report with the converted run as fix.
 * - Per document (`combine`): a text mostly written in traditional characters (at least
 *   DOCUMENT_MIN_TRADITIONAL of them and at least half of the characters that differ between the two
 *   scripts) gets one information notice instead of hundreds of errors.
 *
 * Bundle: opencc-js/core (Trie) plus the TSPhrases and TSCharacters tables (≈ 40 kB minified); the
 * other OpenCC tables of the preset are tree-shaken away.
 */

const messages = {
  run: (written: string, fix: string) => `繁体字“${written}”，应改为简体“${fix}”`,
  document: (count: number) =>
    `全文以繁体字书写（共 ${count} 个繁体字），不逐字标出；如需简体，请整体转换为简体字`,
};

/** Longest OpenCC phrase key is 10 characters; a phrase covering a character starts at most 9 before it. */
const PHRASE_REACH = 9;

const TRADITIONAL = 1;
const SIMPLIFIED_ONLY = 2;

interface Tables {
  /** Class of each BMP code unit: 0, TRADITIONAL or SIMPLIFIED_ONLY. */
  bmp: Uint8Array;
  /** Class of astral code points (a few dozen). */
  astral: Map<number, number>;
}

let tables: Tables | null = null;
let trie: Trie | null = null;

/** Built on first use (about 2 ms), so pages without Chinese never pay for it. */
function getTables(): Tables {
  if (tables) return tables;
  const bmp = new Uint8Array(0x10000);
  const astral = new Map<number, number>();
  const setClass = (cp: number, cls: number) => {
    if (cp <= 0xffff) bmp[cp] = cls;
    else astral.set(cp, cls);
  };
  const keep = new Set(Array.from(SIMPLIFIED_VALID, (c) => c.codePointAt(0)!));
  const traditional = new Set<number>();
  const simplified = new Set<number>();
  for (const group of openccTo.cn ?? []) {
    for (const dict of group) {
      if (typeof dict !== 'string') continue;
      for (const entry of dict.split('|')) {
        const space = entry.indexOf(' ');
        const from = entry.slice(0, space);
        const into = entry.slice(space + 1);
        const cp = from.codePointAt(0)!;
        // Single-character entries only (TSCharacters); phrases only guide the conversion.
        if (from.length !== (cp > 0xffff ? 2 : 1) || from === into) continue;
        if (!keep.has(cp)) traditional.add(cp);
        const target = into.codePointAt(0)!;
        if (into.length === (target > 0xffff ? 2 : 1)) simplified.add(target);
      }
    }
  }
  for (const cp of simplified) if (!traditional.has(cp) && !keep.has(cp)) setClass(cp, SIMPLIFIED_ONLY);
  for (const cp of traditional) setClass(cp, TRADITIONAL);
  tables = { bmp, astral };
  return tables;
}

/** OpenCC’s trie of the traditional → simplified tables (phrases win over characters), built on first need. */
function getTrie(): Trie {
  if (trie) return trie;
  trie = new Trie();
  for (const group of openccTo.cn ?? []) trie.loadDictGroup(group);
  return trie;
}

interface Run {
  start: number;
  end: number;
  fix: string;
}

interface LineData {
  traditional: number;
  simplified: number;
  /**
   * Changed runs; `null` when the line itself is mostly traditional: then the document is usually
   * traditional too and gets one notice, so the conversion is deferred to `combine` (see deferredRuns).
   */
  runs: readonly Run[] | null;
}

const NO_RUNS: readonly Run[] = [];
const EMPTY_LINE: LineData = { traditional: 0, simplified: 0, runs: NO_RUNS };

/** Lines with at least this many traditional characters, mostly traditional, defer their conversion. */
const DEFER_MIN_TRADITIONAL = 8;

/** Runs of deferred lines, computed by `combine` in a mostly simplified document (rare: a pasted quote). */
const deferred = new Map<string, readonly Run[]>();
const DEFERRED_CACHE_SIZE = 256;

function classAt(t: Tables, text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    return cp > 0xffff ? (t.astral.get(cp) ?? 0) : 0;
  }
  return t.bmp[c]!;
}

function hasTraditional(t: Tables, text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (classAt(t, text, i) === TRADITIONAL) return true;
  return false;
}

/** Convert around each traditional character and collect the runs that changed. */
function findRuns(t: Tables, text: string, positions: readonly number[]): Run[] {
  const converter = getTrie();
  const runs: Run[] = [];
  const n = text.length;
  let runStart = -1;
  let runEnd = -1;
  let runFix = '';
  const flush = () => {
    if (runStart >= 0 && hasTraditional(t, text, runStart, runEnd)) runs.push({ start: runStart, end: runEnd, fix: runFix });
    runStart = -1;
    runFix = '';
  };
  let i = 0;
  for (const p of positions) {
    if (i < p - PHRASE_REACH) {
      flush();
      i = p - PHRASE_REACH;
      const c = text.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff && i > 0) i--; // keep to code point boundaries
    }
    // Walk past p, and on while a run is still open.
    while (i < n && (i <= p || runEnd === i)) {
      const m = converter.matchPrefix(text, i);
      if (m && m.value !== text.slice(i, m.end)) {
        if (runStart < 0 || runEnd !== i) {
          flush();
          runStart = i;
        }
        runFix += m.value;
        runEnd = m.end;
        i = m.end;
      } else {
        i = m ? m.end : i + (text.codePointAt(i)! > 0xffff ? 2 : 1);
      }
    }
  }
  flush();
  return runs;
}

function lineRuns(t: Tables, text: string): Run[] {
  const positions: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 0x3400 && classAt(t, text, i) === TRADITIONAL) positions.push(i);
  }
  return findRuns(t, text, positions);
}

function deferredRuns(text: string): readonly Run[] {
  let runs = deferred.get(text);
  if (!runs) {
    runs = lineRuns(getTables(), text);
    if (deferred.size >= DEFERRED_CACHE_SIZE) deferred.clear();
    deferred.set(text, runs);
  }
  return runs;
}

function collectLine(text: string): LineData {
  const t = getTables();
  const { bmp } = t;
  let traditional = 0;
  let simplified = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue; // Latin, digits, punctuation: nothing to count
    let cls: number;
    if (c >= 0xd800 && c <= 0xdbff) {
      const cp = text.codePointAt(i)!;
      if (cp <= 0xffff) continue;
      cls = t.astral.get(cp) ?? 0;
      i++;
    } else {
      cls = bmp[c]!;
    }
    if (cls === TRADITIONAL) traditional++;
    else if (cls === SIMPLIFIED_ONLY) simplified++;
  }
  if (traditional === 0) return simplified === 0 ? EMPTY_LINE : { traditional, simplified, runs: NO_RUNS };
  if (traditional >= DEFER_MIN_TRADITIONAL && traditional >= DOCUMENT_MIN_SHARE * (traditional + simplified)) {
    return { traditional, simplified, runs: null };
  }
  return { traditional, simplified, runs: lineRuns(t, text) };
}

export default defineDocumentRule<LineData>({
  meta: {
    id: 'traditional-char',
    category: 'traditional',
    severity: 'error',
    description: '简体文稿中夹杂繁体字（如“發挥”应为“发挥”）',
    fixable: true,
  },
  collect: collectLine,
  combine(doc, report) {
    let traditional = 0;
    let simplified = 0;
    let first = -1;
    let last = -1;
    doc.collected.forEach((line, k) => {
      if (!line || line.traditional === 0) {
        simplified += line?.simplified ?? 0;
        return;
      }
      traditional += line.traditional;
      simplified += line.simplified;
      if (first < 0) first = k;
      last = k;
    });
    if (traditional === 0) return;
    if (traditional >= DOCUMENT_MIN_TRADITIONAL && traditional >= DOCUMENT_MIN_SHARE * (traditional + simplified)) {
      const from: Paragraph = doc.paragraphs[first]!;
      const to: Paragraph = doc.paragraphs[last]!;
      report({ start: from.start, end: to.end, message: messages.document(traditional), severity: 'info', replacements: [] });
      return;
    }
    doc.collected.forEach((line, k) => {
      if (!line || line.traditional === 0) return;
      const paragraph = doc.paragraphs[k]!;
      const base = paragraph.start;
      for (const run of line.runs ?? deferredRuns(paragraph.text)) {
        report({
          start: base + run.start,
          end: base + run.end,
          message: messages.run(doc.text.slice(base + run.start, base + run.end), run.fix),
          replacements: [run.fix],
        });
      }
    });
  },
});
