import { defineDocumentRule, type Paragraph } from '../engine/rule';
import { getTrie, lineScriptCounts, scriptClassAt, SIMPLIFIED_ONLY, TRADITIONAL, traditionalForms } from '../engine/script';
import { DOCUMENT_MIN_SHARE, DOCUMENT_MIN_TRADITIONAL } from './data/traditional-chars';

/**
 * traditional-char: characters of the other script.
 *
 * In simplified text, traditional characters (充分發挥 → 充分发挥):
 * - Per line (`collect`, cached): one pass over the code units with a lookup table counts traditional
 *   characters (TSCharacters keys, minus those also correct in simplified text) and simplified-only
 *   characters (发, 会, 国 …) (lib/engine/script.ts). Only a line that holds a traditional character is
 *   converted, with OpenCC’s traditional → simplified tables (phrases first, so 頭髮 → 头发, 乾淨 → 干净,
 *   乾隆 stays), and only around those characters. Each run of converted characters that contains a
 *   traditional character becomes one report with the converted run as fix.
 * In a document written in traditional characters (at least DOCUMENT_MIN_TRADITIONAL of them and at least
 * half of the characters that differ between the two scripts):
 * - one information notice that the text is traditional (the other rules check it as simplified text
 *   through the engine, see lib/engine/analyzer.ts), and
 * - each run of simplified-only characters (堅持发揮 → 發) as an error, fixed with the traditional form
 *   the document itself uses for that character (发 → 發 where the text has 發展, 髮 where it has 頭髮),
 *   else OpenCC’s default form.
 *
 * Bundle: the OpenCC tables are shared with the engine (lib/engine/script.ts).
 */

const messages = {
  run: (written: string, fix: string) => `繁体字“${written}”，应改为简体“${fix}”`,
  simplifiedRun: (written: string, fix: string) => `繁体文稿中夹杂简体字“${written}”，应改为繁体“${fix}”`,
  document: (count: number) =>
    `全文以繁体字书写（共 ${count} 个繁体字），已按繁体文稿检查；如需简体，请整体转换为简体字`,
};

/** Longest OpenCC phrase key is 10 characters; a phrase covering a character starts at most 9 before it. */
const PHRASE_REACH = 9;

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
/** At least this many deferred lines are cached, and never fewer than the document has lines (a fixed 256 overflowed on a 1 M document and reconverted every line on every edit). */
const DEFERRED_CACHE_MIN = 256;
let deferredCacheSize = DEFERRED_CACHE_MIN;

function hasTraditional(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (scriptClassAt(text, i) === TRADITIONAL) return true;
  return false;
}

/** Convert around each traditional character and collect the runs that changed. */
function findRuns(text: string, positions: readonly number[]): Run[] {
  const converter = getTrie();
  const runs: Run[] = [];
  const n = text.length;
  let runStart = -1;
  let runEnd = -1;
  let runFix = '';
  const flush = () => {
    if (runStart >= 0 && hasTraditional(text, runStart, runEnd)) runs.push({ start: runStart, end: runEnd, fix: runFix });
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

function lineRuns(text: string): Run[] {
  const positions: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 0x3400 && scriptClassAt(text, i) === TRADITIONAL) positions.push(i);
  }
  return findRuns(text, positions);
}

function deferredRuns(text: string): readonly Run[] {
  let runs = deferred.get(text);
  if (!runs) {
    runs = lineRuns(text);
    if (deferred.size >= deferredCacheSize) deferred.clear();
    deferred.set(text, runs);
  }
  return runs;
}

/**
 * The data of a line without traditional characters depends on its count of simplified-only ones alone:
 * one shared frozen object per count (most lines), instead of one kept per line.
 */
const SIMPLIFIED_LINES: LineData[] = [EMPTY_LINE];
function simplifiedLine(simplified: number): LineData {
  if (simplified >= 256) return { traditional: 0, simplified, runs: NO_RUNS };
  for (let k = SIMPLIFIED_LINES.length; k <= simplified; k++) SIMPLIFIED_LINES.push(Object.freeze({ traditional: 0, simplified: k, runs: NO_RUNS }));
  return SIMPLIFIED_LINES[simplified]!;
}

function collectLine(text: string): LineData {
  const { traditional, simplified } = lineScriptCounts(text);
  if (traditional === 0) return simplifiedLine(simplified);
  if (traditional >= DEFER_MIN_TRADITIONAL && traditional >= DOCUMENT_MIN_SHARE * (traditional + simplified)) {
    return { traditional, simplified, runs: null };
  }
  return { traditional, simplified, runs: lineRuns(text) };
}

/** Runs of simplified-only characters in a line of a traditional document, with their traditional forms. */
function simplifiedRuns(text: string, used: (form: string) => boolean): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < text.length) {
    const step = text.codePointAt(i)! > 0xffff ? 2 : 1;
    if (text.charCodeAt(i) < 0x3400 || scriptClassAt(text, i) !== SIMPLIFIED_ONLY) {
      i += step;
      continue;
    }
    const start = i;
    let fix = '';
    while (i < text.length && text.charCodeAt(i) >= 0x3400 && scriptClassAt(text, i) === SIMPLIFIED_ONLY) {
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      const forms = traditionalForms(ch);
      fix += (forms.length > 1 ? forms.find(used) : undefined) ?? forms[0]!;
      i += ch.length;
    }
    runs.push({ start, end: i, fix });
  }
  return runs;
}

/** Totals of the document's lines, and whether the last run found a traditional document. */
interface Summary {
  traditional: number;
  simplified: number;
  traditionalDocument: boolean | null;
}

const isTraditionalDocument = (traditional: number, simplified: number) =>
  traditional >= DOCUMENT_MIN_TRADITIONAL && traditional >= DOCUMENT_MIN_SHARE * (traditional + simplified);

export default defineDocumentRule<LineData, Summary | undefined>({
  meta: {
    id: 'traditional-char',
    category: 'traditional',
    severity: 'error',
    description: '简体文稿中夹杂繁体字（如“發挥”应为“发挥”），繁体文稿中夹杂简体字',
    fixable: true,
    rawScript: true,
  },
  collect: collectLine,
  incremental: {
    summary: () => ({ traditional: 0, simplified: 0, traditionalDocument: null }),
    add(s, line) {
      if (!s || !line) return;
      s.traditional += line.traditional;
      s.simplified += line.simplified;
    },
    remove(s, line) {
      if (!s || !line) return;
      s.traditional -= line.traditional;
      s.simplified -= line.simplified;
    },
    // In a simplified document each line's runs depend on the line alone; a traditional document's notice
    // and fixes depend on all of it (recomputed), and so does a switch between the two.
    affected(doc, from, to) {
      const s = doc.summary;
      if (!s || s.traditionalDocument !== false || isTraditionalDocument(s.traditional, s.simplified)) return null;
      return [from, to];
    },
  },
  combine(doc, report) {
    deferredCacheSize = Math.max(DEFERRED_CACHE_MIN, doc.paragraphs.length);
    const s = doc.summary;
    if (s) {
      s.traditionalDocument = isTraditionalDocument(s.traditional, s.simplified);
      if (!s.traditionalDocument) {
        for (let k = doc.from; k < doc.to; k++) reportRuns(doc, k, report);
        return;
      }
    }
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
      if (simplified > 0) reportSimplified(doc, report);
      return;
    }
    for (let k = 0; k < doc.collected.length; k++) reportRuns(doc, k, report);
  },
});

/** The traditional runs of line k of a simplified document. */
function reportRuns(
  doc: { text: string; paragraphs: readonly Paragraph[]; collected: readonly (LineData | undefined)[] },
  k: number,
  report: (r: { start: number; end: number; message: string; replacements: string[] }) => void,
): void {
  const line = doc.collected[k];
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
}

/** Simplified characters inside a traditional document, written back as the document writes them. */
function reportSimplified(
  doc: { text: string; paragraphs: readonly Paragraph[]; collected: readonly (LineData | undefined)[] },
  report: (r: { start: number; end: number; message: string; replacements: string[] }) => void,
): void {
  // How the document writes an ambiguous character (发: 發 or 髮): asked only for the few flagged ones.
  const seen = new Map<string, boolean>();
  const used = (form: string): boolean => {
    let has = seen.get(form);
    if (has === undefined) seen.set(form, (has = doc.text.includes(form)));
    return has;
  };
  doc.collected.forEach((line, k) => {
    if (!line || line.simplified === 0) return;
    const paragraph = doc.paragraphs[k]!;
    for (const run of simplifiedRuns(paragraph.text, used)) {
      const start = paragraph.start + run.start;
      const end = paragraph.start + run.end;
      report({ start, end, message: messages.simplifiedRun(doc.text.slice(start, end), run.fix), replacements: [run.fix] });
    }
  });
}
