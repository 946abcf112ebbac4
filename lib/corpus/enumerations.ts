/**
 * Parallel enumerations (排比): three or more short items joined by 、 that share a character at the
 * same place — 真功夫、苦功夫、细功夫 · 想大事、议大事、抓大事 · 说起来重要、做起来次要、忙起来不要 —
 * or stand alone inside quotes (“聚人心、树正气、提信心、促文化”).
 *
 * The first and last items of a match carry neighbouring words (“在学习上下真功夫”, “忙起来不要的态度”);
 * they are cut to the shape of the middle items.
 */
import { isHanCode } from './chars';

export interface FoundEnumeration {
  parts: string[];
  /** Offsets in the scanned text: from the first part to the end of the last. */
  start: number;
  end: number;
}

const MIN_PARTS = 3;
const MIN_PART = 2;
const MAX_PART = 8;
/** Shared characters that do not make a list parallel (的、地、对 …). */
const WEAK_SHARED = new Set('的地得了和与及对在把将是'.split(''));

function commonPrefix(items: readonly string[]): string {
  let p = items[0]!;
  for (const s of items) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}

function commonSuffix(items: readonly string[]): string {
  let p = items[0]!;
  for (const s of items) while (!s.endsWith(p)) p = p.slice(1);
  return p;
}

const meaningful = (shared: string) => shared.length >= 2 || (shared.length === 1 && !WEAK_SHARED.has(shared));

interface Cut {
  parts: string[];
  /** Chars dropped from the front of the first item. */
  headCut: number;
}

/** Items as found (first/last possibly with extra words) → cleaned parts, or null. */
export function shapeItems(raw: readonly string[], quoted: boolean): Cut | null {
  if (raw.length < MIN_PARTS) return null;
  const middle = raw.slice(1, -1);
  if (middle.some((m) => m.length < MIN_PART || m.length > MAX_PART)) return null;
  const minMid = Math.min(...middle.map((m) => m.length));
  const maxMid = Math.max(...middle.map((m) => m.length));
  const first = raw[0]!;
  const last = raw[raw.length - 1]!;
  const equalMid = minMid === maxMid;

  /** Cut the spill-over after the last item (“专业精神的干部” → 专业精神). */
  const cutTail = (s: string, keep: number): string => {
    if (s.length <= maxMid) return s;
    const stop = s.slice(minMid - 1).search(/[的等之地]/);
    if (stop >= 0) return s.slice(0, minMid - 1 + stop);
    return s.length * 2 <= maxMid * 3 ? s : s.slice(0, keep);
  };

  // A: shared ending (真功夫、苦功夫、细功夫 · 说起来重要、做起来次要、忙起来不要).
  const suffix = commonSuffix(raw.slice(0, -1));
  if (meaningful(suffix)) {
    const at = last.indexOf(suffix);
    if (at >= 0) {
      const lastPart = last.slice(0, at + suffix.length);
      const headLen = equalMid ? maxMid : Math.min(first.length, maxMid);
      const firstPart = first.length > headLen ? first.slice(first.length - headLen) : first;
      return check([firstPart, ...middle, lastPart], first.length - firstPart.length);
    }
  }
  // B: shared beginning (多联系、多请示、多汇报 · 专业知识、专业能力、专业作风).
  const prefix = commonPrefix(raw.slice(1));
  if (meaningful(prefix)) {
    const at = first.lastIndexOf(prefix);
    if (at >= 0) {
      const firstPart = first.slice(at);
      return check([firstPart, ...middle, cutTail(last, maxMid)], at);
    }
  }
  // C: same length, a shared character at the same place.
  if (equalMid && first.length >= maxMid && last.length >= maxMid) {
    const parts = [first.slice(first.length - maxMid), ...middle, last.slice(0, maxMid)];
    for (let k = 0; k < maxMid; k++) {
      const ch = parts[0]![k]!;
      if (!WEAK_SHARED.has(ch) && parts.every((p) => p[k] === ch)) return check(parts, first.length - maxMid);
    }
  }
  // Quoted lists are set phrases even without a shared character.
  if (quoted) return check([...raw], 0);
  return null;

  function check(parts: string[], headCut: number): Cut | null {
    if (parts.some((p) => p.length < MIN_PART || p.length > MAX_PART)) return null;
    if (new Set(parts).size !== parts.length) return null;
    return { parts, headCut };
  }
}

/** Han run, then (、 Han run) twice or more. */
const ENUM_RE = /[\u3400-\u4dbf\u4e00-\u9fff]+(?:、[\u3400-\u4dbf\u4e00-\u9fff]+){2,}/g;

/** Enumerations in text[from, to) (offsets in text). */
export function findEnumerations(text: string, from = 0, to = text.length, out: FoundEnumeration[] = []): FoundEnumeration[] {
  const slice = text.slice(from, to);
  ENUM_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ENUM_RE.exec(slice))) {
    const all = m[0].split('、');
    const before = slice[m.index - 1];
    const after = slice[m.index + m[0].length];
    const quoted = (before === '“' || before === '"') && (after === '”' || after === '"');
    // The longest stretch of items that is parallel (“少数党总支委员、支部书记对党务工作说起来重要、做起来次要、忙起来不要”).
    search: for (let len = all.length; len >= MIN_PARTS; len--) {
      for (let a = 0; a + len <= all.length; a++) {
        const raw = all.slice(a, a + len);
        const cut = shapeItems(raw, quoted && len === all.length);
        if (!cut) continue;
        const skipped = all.slice(0, a).reduce((n, x) => n + x.length + 1, 0);
        const start = from + m.index + skipped + cut.headCut;
        out.push({ parts: cut.parts, start, end: start + cut.parts.join('、').length });
        break search;
      }
    }
  }
  return out;
}

export interface IncompleteEnumeration {
  /** Range of what was written (the first parts). */
  start: number;
  end: number;
  written: string[];
  expected: string[];
  missing: string[];
  /** Text to put in place of [start, end): the whole enumeration; null when another item follows (a variant). */
  replacement: string | null;
  source: string;
}

const SEPARATORS = '、，,';

/**
 * Places where the text starts a known fixed enumeration but stops early: “说起来重要、做起来次要” without
 * “忙起来不要”. Only matches that begin with the first part and go on in order are considered.
 */
export function findIncompleteEnumerations(
  text: string,
  list: readonly { parts: readonly string[]; source: string }[],
): IncompleteEnumeration[] {
  const found: IncompleteEnumeration[] = [];
  for (const e of list) {
    const parts = e.parts;
    if (parts.length < 3) continue;
    let at = text.indexOf(parts[0]!);
    while (at >= 0) {
      let pos = at + parts[0]!.length;
      let k = 1;
      while (k < parts.length) {
        const sep = text[pos];
        if (sep === undefined || !SEPARATORS.includes(sep) || !text.startsWith(parts[k]!, pos + 1)) break;
        pos += 1 + parts[k]!.length;
        k++;
      }
      // Two items of a longer set are often written on purpose (“增强政治意识、大局意识”, the slogan
      // “守初心、担使命” quoted as such): only two of three, or three or more items, show the set was meant.
      if (k < parts.length && (k >= 3 || (k === 2 && parts.length === 3))) {
        const sep = text[at + parts[0]!.length]!;
        // Followed by another item (“……、干起来不要”): a variant, report it without a fix.
        const variant = sep === '、' && text[pos] === '、' && isHanCode(text.charCodeAt(pos + 1) || 0);
        found.push({
          start: at,
          end: pos,
          written: parts.slice(0, k) as string[],
          expected: parts as string[],
          missing: parts.slice(k) as string[],
          replacement: variant ? null : parts.join(sep === '，' || sep === ',' ? sep : '、'),
          source: e.source,
        });
      }
      at = text.indexOf(parts[0]!, pos);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
