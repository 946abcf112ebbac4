import { defineDocumentRule, type Report } from '../engine/rule';
import { isAsciiLetter } from '../engine/text';

/**
 * Unbalanced paired marks “” ‘’ （） 《》 【】 〔〕 within a paragraph. A quotation or bracket opened in one
 * line and closed in one of the next lines (a hard line break from PDF or web copy) counts as balanced, and
 * so does a multi-paragraph quotation whose paragraphs each open with “ (the Chinese convention).
 * Half-width ( ) pair with （ ） (half-width-punct fixes their width), but an unmatched half-width one is
 * not reported (list markers "1)"), and neither are straight quotes ".
 * Fix only when certain: one mark written the wrong way round (”…” → “…”, “…“ → “…”).
 */

/** Marks are shown in 「」 so that quotation marks inside the message stay readable. */
const messages = {
  open: (ch: string, close: string, name: string) => `「${ch}」没有配对的「${close}」，${name}不配对`,
  close: (ch: string, open: string, name: string) => `「${ch}」前面没有配对的「${open}」，${name}不配对`,
  flip: (ch: string, fix: string) => `引号方向写反：「${ch}」应为「${fix}」`,
};

/** Opening and closing mark per pair type; the index is the type id. */
const OPENS: readonly string[] = ['“', '‘', '（', '《', '【', '〔'];
const CLOSES: readonly string[] = ['”', '’', '）', '》', '】', '〕'];
const NAMES: readonly string[] = ['双引号', '单引号', '括号', '书名号', '方头括号', '六角括号'];
const openOf = (type: number): string => OPENS[type] ?? '';
const nameOf = (type: number): string => NAMES[type] ?? '';
const closeOf = (type: number): string => CLOSES[type] ?? '';
const TYPE_OF: Record<string, number> = {
  '“': 0, '”': 0, '‘': 1, '’': 1, '（': 2, '）': 2, '(': 2, ')': 2, '《': 3, '》': 3, '【': 4, '】': 4, '〔': 5, '〕': 5,
};
const MARK = /[“”‘’（）()《》【】〔〕]/g;
const QUICK = /[“”‘’（）《》【】〔〕]/;
/** QUICK's characters by code unit (quickCheck). */
const QUICK_UNIT = new Uint8Array(0x10000);
for (const ch of '“”‘’（）《》【】〔〕') QUICK_UNIT[ch.charCodeAt(0)] = 1;
/** Quote types whose direction can be flipped as a fix. */
const FLIPPABLE = new Set([0, 1]);
/** A full-width list marker "1）" "a）" "一）" at line start is not a bracket. */
const LIST_MARKER = /^[\s\u3000]*(?:[0-9０-９]{1,2}|[A-Za-z]|[一二三四五六七八九十]{1,3})）/;
/** Lines a bracket or quotation may run on to before it must be closed (hard-wrapped paste). */
const MAX_CARRY_LINES = 3;
/** …and when its line ends mid-sentence (；：，、), as a quoted list of items does. */
const MAX_CARRY_LINES_OPEN_END = 10;
/** A line ending with one of these ends mid-sentence: what was opened in it may close several lines on. */
const OPEN_END = '；;：:，,、';
/** A line ending with one of these ends a sentence. */
const SENTENCE_END = '。！？!?…”’）》';

interface Mark {
  pos: number;
  ch: string;
  open: boolean;
  type: number;
}

interface LineInfo {
  blank: boolean;
  /** Unmatched full-width marks, in text order. */
  unmatched: Mark[];
  /** Types that occur in the line at all. */
  present: number;
  /** A direction fix per type that makes the whole line balance for that type. */
  flips: Mark[];
  /** First visible character is “ (continued multi-paragraph quotation). */
  leadingQuote: boolean;
  /** The line ends mid-sentence (；：，、). */
  openEnd: boolean;
  /** The line ends with a sentence end. */
  closedEnd: boolean;
}

/** Shared results (collect output is cached per line and never mutated). */
const BLANK: LineInfo = Object.freeze({ blank: true, unmatched: [], present: 0, flips: [], leadingQuote: false, openEnd: false, closedEnd: false });
const NONE: LineInfo = Object.freeze({ blank: false, unmatched: [], present: 0, flips: [], leadingQuote: false, openEnd: false, closedEnd: false });

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200b) || code === 0xfeff;
}

/** Did the last quickCheck pass a mark of QUICK (any mark but the half-width parentheses)? A side result. */
let sawQuickMark = false;

/**
 * Allocation-free pre-check over the line. Returns the bitmask of pair types present when every type nests
 * properly (most lines), or -1 when the full check is needed. Sets sawQuickMark, so that the same pass
 * stands for QUICK.test on most lines (a regular expression pass over every line, then this one over those
 * with a mark).
 */
function quickCheck(text: string): number {
  let q = 0, s = 0, p = 0, b = 0, l = 0, t = 0;
  let present = 0;
  sawQuickMark = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Every mark is below U+3400 or a full-width bracket (U+FF08/FF09): Han characters, most of a line, skip
    // the switch with one comparison.
    if (c >= 0x3400 && c < 0xff08) continue;
    if (c !== 0x28 && c !== 0x29 && !sawQuickMark) sawQuickMark = QUICK_UNIT[c] === 1;
    switch (c) {
      case 0x201c: q++; present |= 1; break;
      case 0x201d: if (--q < 0) return -1; break;
      case 0x2018: s++; present |= 2; break;
      case 0x2019: if (--s < 0) return -1; break;
      case 0xff08: case 0x28: p++; present |= 4; break;
      case 0xff09: case 0x29: if (--p < 0) return -1; break;
      case 0x300a: b++; present |= 8; break;
      case 0x300b: if (--b < 0) return -1; break;
      case 0x3010: l++; present |= 16; break;
      case 0x3011: if (--l < 0) return -1; break;
      case 0x3014: t++; present |= 32; break;
      case 0x3015: if (--t < 0) return -1; break;
    }
  }
  return q === 0 && s === 0 && p === 0 && b === 0 && l === 0 && t === 0 ? present : -1;
}

/** Shared results for balanced lines, by (present types, leading “). */
const balancedInfo = new Map<number, LineInfo>();

function balancedLine(present: number, leadingQuote: boolean): LineInfo {
  const key = present * 2 + (leadingQuote ? 1 : 0);
  let info = balancedInfo.get(key);
  if (!info) {
    info = Object.freeze({ ...NONE, present, leadingQuote });
    balancedInfo.set(key, info);
  }
  return info;
}

function balanced(opens: readonly boolean[], flip: number): boolean {
  let depth = 0;
  for (let k = 0; k < opens.length; k++) {
    depth += opens[k] !== (k === flip) ? 1 : -1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

function collect(text: string): LineInfo {
  let first = 0;
  while (first < text.length && isSpace(text.charCodeAt(first))) first++;
  if (first === text.length) return BLANK;
  const quick = quickCheck(text);
  // No QUICK mark in the pass: none in the line when the pass went to its end; an early stop (at a ')'
  // without its '(') asks QUICK.
  if (!sawQuickMark && (quick >= 0 || !QUICK.test(text))) return NONE;
  if (quick >= 0) return balancedLine(quick, text.charCodeAt(first) === 0x201c /* “ */);

  const stacks: Mark[][] = OPENS.map(() => []);
  const seqs: Mark[][] = OPENS.map(() => []);
  const unmatched: Mark[] = [];
  let present = 0;
  const listMarker = LIST_MARKER.exec(text);
  MARK.lastIndex = 0;
  for (let m = MARK.exec(text); m; m = MARK.exec(text)) {
    const ch = m[0];
    const pos = m.index;
    const type = TYPE_OF[ch]!;
    // ’ between letters is an apostrophe (don’t, Xi’an).
    if (ch === '’' && isAsciiLetter(text[pos - 1]) && (isAsciiLetter(text[pos + 1]) || text[pos + 1] === ' ')) continue;
    if (listMarker && pos === listMarker[0].length - 1) continue;
    const open = ch === openOf(type) || ch === '(';
    const mark: Mark = { pos, ch, open, type };
    present |= 1 << type;
    if (ch !== '(' && ch !== ')') seqs[type]!.push(mark);
    if (open) stacks[type]!.push(mark);
    else if (stacks[type]!.length > 0) stacks[type]!.pop();
    else if (ch !== ')') unmatched.push(mark);
  }
  for (const s of stacks) for (const mk of s) if (mk.ch !== '(') unmatched.push(mk);
  if (unmatched.length === 0) return balancedLine(present, text.charCodeAt(first) === 0x201c /* “ */);
  unmatched.sort((a, b) => a.pos - b.pos);

  const flips: Mark[] = [];
  for (const type of FLIPPABLE) {
    const seq = seqs[type]!;
    if (seq.length < 2 || seq.length % 2 !== 0 || seq.length > 64 || !unmatched.some((u) => u.type === type)) continue;
    const opens = seq.map((mk) => mk.open);
    let only = -1;
    for (let k = 0; k < seq.length; k++) {
      if (balanced(opens, k)) {
        if (only !== -1) {
          only = -2;
          break;
        }
        only = k;
      }
    }
    if (only >= 0) flips.push(seq[only]!);
  }
  let end = text.length - 1;
  while (end > first && isSpace(text.charCodeAt(end))) end--;
  const lastChar = text[end]!;
  return {
    blank: false,
    unmatched,
    present,
    flips,
    leadingQuote: text.charCodeAt(first) === 0x201c /* “ */,
    openEnd: OPEN_END.includes(lastChar),
    closedEnd: SENTENCE_END.includes(lastChar),
  };
}

/**
 * Non-blank lines an opener waits for its closer, plus one: how far a line's reports reach, and how many
 * lines an incremental run replays before its range to rebuild the openers carried into it.
 */
const REACH = Math.max(MAX_CARRY_LINES, MAX_CARRY_LINES_OPEN_END) + 1;

const counts = (info: LineInfo | undefined) => info !== undefined && !info.blank;

/** The index `count` counted lines before i (0 when there are fewer). */
function linesBack(collected: readonly (LineInfo | undefined)[], i: number, count: number): number {
  for (let j = i - 1; j >= 0; j--) if (counts(collected[j]) && --count === 0) return j;
  return 0;
}

/** The index just past `count` counted lines from i on (the end when there are fewer). */
function linesForward(collected: readonly (LineInfo | undefined)[], i: number, count: number): number {
  for (let j = i; j < collected.length; j++) if (counts(collected[j]) && --count === 0) return j + 1;
  return collected.length;
}

export default defineDocumentRule<LineInfo>({
  meta: {
    id: 'unbalanced-pair',
    category: 'punctuation',
    severity: 'warning',
    description: '引号、括号、书名号不配对',
    fixable: true,
  },
  collect,
  incremental: {
    summary: () => undefined,
    add() {},
    remove() {},
    affected: (doc, from, to) => [linesBack(doc.collected, from, REACH), linesForward(doc.collected, to, REACH)],
  },
  combine(doc, report: (r: Report) => void) {
    const { paragraphs, collected } = doc;
    // A range run starts REACH lines early (no opener from before that is still waiting at doc.from) and
    // goes on until the openers of its last line are settled.
    const first = doc.from === 0 ? 0 : linesBack(collected, doc.from, REACH);
    const stop = doc.to >= paragraphs.length ? paragraphs.length : linesForward(collected, doc.to, REACH);
    /** Unmatched openers still waiting for a closer in a following line, with lines left. */
    let pending: { mark: Mark; base: number; left: number; line: number }[] = [];
    let last = paragraphs.length - 1;
    while (last >= 0 && (collected[last]?.blank ?? true)) last--;
    const reportOpen = (mark: Mark, base: number) =>
      report({ start: base + mark.pos, end: base + mark.pos + 1, message: messages.open(mark.ch, closeOf(mark.type), nameOf(mark.type)) });

    for (let i = first; i < stop; i++) {
      const info = collected[i];
      if (!info || info.blank) continue;
      if (info.unmatched.length === 0 && pending.length === 0) continue;
      const base = paragraphs[i]!.start;
      // Unmatched closers come before unmatched openers of the same type; index of the next one per type.
      const closers = info.unmatched.filter((u) => !u.open);
      const nextCloser = new Map<number, number>();
      const matched = new Set<Mark>();

      // Match openers carried from earlier lines (innermost first) with this line's unmatched closers.
      const matchedCarry = new Set<number>();
      const stillPending: typeof pending = [];
      for (let k = pending.length - 1; k >= 0; k--) {
        const p = pending[k]!;
        const type = p.mark.type;
        let c = nextCloser.get(type) ?? 0;
        while (c < closers.length && closers[c]!.type !== type) c++;
        if (c < closers.length) {
          matched.add(closers[c]!);
          nextCloser.set(type, c + 1);
          matchedCarry.add(type);
          continue;
        }
        nextCloser.set(type, closers.length);
        // A continued quotation paragraph opens with “ again: the earlier one needs no closer.
        if (type === 0 && info.leadingQuote) continue;
        if (p.left > 1 && (info.present & (1 << type)) === 0) stillPending.push({ ...p, left: p.left - 1 });
        else reportOpen(p.mark, p.base);
      }
      pending = stillPending.reverse();

      const flipped = new Set<number>();
      for (const f of info.flips) {
        if (matchedCarry.has(f.type)) continue;
        const fix = f.open ? closeOf(f.type) : openOf(f.type);
        report({ start: base + f.pos, end: base + f.pos + 1, message: messages.flip(f.ch, fix), replacements: [fix] });
        flipped.add(f.type);
      }
      for (const u of info.unmatched) {
        if (flipped.has(u.type) || matched.has(u)) continue;
        if (u.open) pending.push({ mark: u, base, left: info.openEnd ? MAX_CARRY_LINES_OPEN_END : MAX_CARRY_LINES, line: i });
        else report({ start: base + u.pos, end: base + u.pos + 1, message: messages.close(u.ch, openOf(u.type), nameOf(u.type)) });
      }
    }
    // The document ends before the quotation or bracket closes. When the last line is unfinished (no
    // sentence end) the writer is most likely still typing it: say nothing yet.
    if (stop === paragraphs.length) for (const p of pending) if (p.line !== last || collected[last]!.closedEnd) reportOpen(p.mark, p.base);
  },
});
