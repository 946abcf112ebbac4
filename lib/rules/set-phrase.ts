import { PhraseMatcher, type PhraseMatch } from '../engine/matcher';
import { defineParagraphRule, type Report } from '../engine/rule';
import type { Severity } from '../engine/types';
import { findIncompleteEnumerations, setPhraseEnumerations } from '../corpus/set-phrases';
import { FORMULATIONS } from './data/formulations';
import { SET_PHRASES, type Confidence, type SetPhrase } from './data/set-phrases';

/**
 * set-phrase: wrong forms of 规范提法 and fixed collocations (争先创优 → 创先争优, 肝胆俱全 → 五脏俱全,
 * 三个代表重要思想 → “三个代表”重要思想, 以身做则 → 以身作则 …), from the curated list in
 * data/set-phrases.ts.
 *
 * All wrong forms, exception strings and regex anchors go into one Aho–Corasick matcher built at load,
 * so a paragraph costs one linear scan whatever the size of the list. A wrong form inside a listed
 * exception is skipped; overlapping reports are resolved leftmost-longest. `certain` entries are errors,
 * `likely` ones warnings.
 *
 * Near forms of a fixed formulation (data/formulations.ts, standard wordings only): a span of the formulation's
 * length, its separators in the same places, that holds the same characters in another order (不敢腐、不想腐、
 * 不能腐 → 不敢腐、不能腐、不想腐) or differs from it in one short place — up to one character in a formulation
 * of four or five, two in one of six to nine, three (one word) in a longer one (把方向、管大局、抓落实,
 * 打铁还需自身硬, 守住不发生大规模返贫底线). Found from the character pairs of the formulations (one look-up
 * per character pair that starts one), checked only where a pair of some formulation stands. A warning with
 * the standard form: a near form is a slip of memory, not of typing, and the writer should see the wording.
 *
 * It also points out a fixed enumeration cut short (说起来重要、做起来次要 without 忙起来不要), from the
 * curated enumerations and those the corpus builder found in two or more reference documents
 * (lib/corpus/generated/set-phrases.json). That is a suggestion (info): a fix only for curated ones,
 * since a mined enumeration may have legitimate variants.
 */

/** A phrase quoted inside the message's own “”: its double quotation marks become single ones. */
const nested = (phrase: string) => phrase.replace(/“/g, '‘').replace(/”/g, '’');

const messages = {
  certain: (right: string, note: string) => `应为“${nested(right)}”：${note}`,
  likely: (right: string, note: string) => `宜改为“${nested(right)}”：${note}`,
  order: (right: string) => `宜改为“${nested(right)}”：这是固定提法，各项的顺序不宜颠倒`,
  near: (right: string) => `宜改为“${nested(right)}”：这是固定提法，宜按规范表述书写`,
  incomplete: (expected: string[], missing: string[]) =>
    `常用提法为“${expected.join('、')}”，此处缺少“${missing.join('、')}”`,
};

/** `enumeration`: the first item of a fixed enumeration (only tells that findIncompleteEnumerations can find one). */
/** `formulation`: a stretch of a fixed formulation (data/formulations.ts) whose near forms are looked for. */
type Kind = 'wrong' | 'exception' | 'anchor' | 'enumeration' | 'formulation';

interface Target {
  kind: Kind;
  entry: SetPhrase;
  /** Replacement (wrong) or unused. */
  right: string;
  confidence: Confidence;
  /** Sticky regex (anchor). */
  regex?: RegExp;
  /** Replacement for a regex match (anchor). */
  patternRight?: string;
  /** Formulation index × 256 + offset of the stretch in it, for each formulation holding it (formulation). */
  places?: number[];
}

// ── Near forms of fixed formulations ──────────────────────────────────────────────────────────────────

/** Separators between the items of a formulation (、，,；;—); any of them matches any other. */
const isSeparator = (code: number) =>
  code === 0x3001 || code === 0xff0c || code === 0x2c || code === 0xff1b || code === 0x3b || code === 0x2014;
const HAN_FIRST = 0x4e00;
const HAN_LAST = 0x9fff;
const isHan = (code: number) => code >= HAN_FIRST && code <= HAN_LAST;
const DE = '的'.charCodeAt(0);

interface Formulation {
  text: string;
  /** Characters that are not separators. */
  core: number;
  /** Those characters sorted (the order test). */
  sorted: string;
  /** The characters it holds (a written character outside them rules out the order test). */
  chars: ReadonlySet<number>;
  /** Its items (the stretches between separators): offset and length. */
  items: { start: number; length: number }[];
}

const sortedCore = (s: string) => [...s].filter((c) => !isSeparator(c.charCodeAt(0))).sort().join('');

const FORMS: Formulation[] = FORMULATIONS.map((text) => {
  const sorted = sortedCore(text);
  const items: { start: number; length: number }[] = [];
  let from = 0;
  for (let k = 0; k <= text.length; k++) {
    if (k < text.length && !isSeparator(text.charCodeAt(k))) continue;
    if (k > from) items.push({ start: from, length: k - from });
    from = k + 1;
  }
  return { text, core: sorted.length, sorted, chars: new Set([...sorted].map((c) => c.charCodeAt(0))), items };
});

/** Most differing characters a near form may have: one word's worth, and less in a short formulation. */
function maxDiff(core: number): number {
  return core <= 5 ? 1 : core <= 9 ? 2 : 3;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  const out: T[][] = [];
  items.forEach((item, i) => {
    const rest = items.filter((_, k) => k !== i);
    for (const p of permutations(rest)) out.push([item, ...p]);
  });
  return out;
}

function compile(entries: readonly SetPhrase[]): { matcher: PhraseMatcher; targets: Target[] } {
  const strings: string[] = [];
  const targets: Target[] = [];
  const add = (s: string, t: Target) => {
    strings.push(s);
    targets.push(t);
  };
  for (const entry of entries) {
    for (const v of entry.variants ?? []) {
      const variant = typeof v === 'string' ? { wrong: v } : v;
      add(variant.wrong, {
        kind: 'wrong',
        entry,
        right: variant.right ?? entry.canonical,
        confidence: variant.confidence ?? entry.confidence,
      });
    }
    if (entry.order) {
      const canonical = entry.order.join('、');
      for (const p of permutations(entry.order)) {
        const written = p.join('、');
        if (written !== canonical) add(written, { kind: 'wrong', entry, right: canonical, confidence: entry.confidence });
      }
    }
    for (const ex of entry.exceptions ?? []) add(ex, { kind: 'exception', entry, right: '', confidence: entry.confidence });
    for (const pattern of entry.patterns ?? []) {
      add(pattern.anchor, {
        kind: 'anchor',
        entry,
        right: '',
        confidence: entry.confidence,
        regex: new RegExp(pattern.regex, 'y'),
        patternRight: pattern.right ?? entry.canonical,
      });
    }
  }
  // findIncompleteEnumerations looks for the first item of each enumeration of three or more: a line holding
  // none of them cannot have one, and the scan below finds that out in the same pass.
  for (const e of setPhraseEnumerations) {
    if (e.parts.length >= 3 && e.parts[0]) add(e.parts[0], { kind: 'enumeration', entry: entries[0]!, right: '', confidence: 'likely' });
  }
  // Stretches of three Han characters of each item of a formulation (two in one of four or five characters): a
  // near form keeps at least one of them in place, since it differs in one place of at most three characters or
  // only in the order of its items. An item of nine or more characters is tiled (every third offset and its
  // end): a place of three characters spoils at most two tiles. Not a stretch with a function character
  // (的工作, 是第一, 思想上): those stand all over the genre's prose, and the scan would stop at each; a tile
  // that holds one moves by a character. Found in the same scan; the formulation is compared where one stands.
  const FUNCTION_CHAR = /[的是和与在了上中]/;
  const ITEM_SEPARATORS = ['、', '，', '；'];
  const stretches = new Map<string, number[]>();
  FORMS.forEach((f, fi) => {
    const n = f.core <= 5 ? 2 : 3;
    // A formulation whose every stretch holds a function character (吃苦在前、享受在后; 政治上激励、工作上支持……)
    // takes those with it in the middle (苦在前, 作上支: rarer than 工作上), or it would never be looked at.
    const plain = f.items.some((item) => {
      for (let k = item.start; k + n <= item.start + item.length; k++) if (!FUNCTION_CHAR.test(f.text.slice(k, k + n))) return true;
      return false;
    });
    const skips = (stretch: string) =>
      n === 3 && (plain ? FUNCTION_CHAR.test(stretch) : FUNCTION_CHAR.test(stretch[0]!) || FUNCTION_CHAR.test(stretch[2]!));
    for (const item of f.items) {
      // An item shorter than the stretch (the two-character items of 富强、民主、文明、和谐) is looked for with the
      // separator after it, as the writer may type it: in a near form of three items or more, some item but the
      // last keeps its wording and is followed by a separator.
      if (item.length < n) {
        const word = f.text.slice(item.start, item.start + item.length);
        for (const sep of ITEM_SEPARATORS) {
          let places = stretches.get(word + sep);
          if (!places) stretches.set(word + sep, (places = []));
          for (const it of f.items) if (it.length === item.length && it.start < 256) places.push(fi * 256 + it.start);
        }
        continue;
      }
      const last = item.start + item.length - n;
      const offsets = new Set<number>();
      for (let k = item.start; k <= last; k += item.length >= 9 ? 3 : 1) offsets.add(k);
      offsets.add(last);
      const taken = new Set<number>();
      for (const k0 of offsets) {
        const k = [k0, k0 + 1, k0 - 1].find((k) => k >= item.start && k <= last && !taken.has(k) && !skips(f.text.slice(k, k + n)));
        if (k === undefined || k >= 256) continue;
        taken.add(k);
        const stretch = f.text.slice(k, k + n);
        let places = stretches.get(stretch);
        if (!places) stretches.set(stretch, (places = []));
        // Items of one length may change places (一手软、一手硬): the stretch may stand in any of them.
        for (const it of f.items) if (it.length === item.length) places.push(fi * 256 + it.start + (k - item.start));
      }
    }
  });
  for (const [stretch, places] of stretches) add(stretch, { kind: 'formulation', entry: entries[0]!, right: '', confidence: 'likely', places });
  return { matcher: new PhraseMatcher(strings), targets };
}

const { matcher, targets } = compile(SET_PHRASES);

/** Every wrong form the rule looks for literally (tests check that clean text contains none). */
export const WRONG_FORMS: readonly string[] = matcher.patterns.filter((_, i) => targets[i]!.kind === 'wrong');

interface Candidate {
  start: number;
  end: number;
  right: string;
  target: Target;
}

const SEVERITY: Record<Confidence, Severity> = { certain: 'error', likely: 'warning' };

export default defineParagraphRule({
  meta: {
    id: 'set-phrase',
    category: 'phrase',
    severity: 'error',
    description: '规范提法与固定搭配写错（如“争先创优”应为“创先争优”）',
    fixable: true,
  },
  check(text, report) {
    // One scan over the line: most lines hold none of the patterns and are done here, without allocating.
    scanned = null;
    enumerationStart = false;
    stretchHits = null;
    matcher.forEachByStart(text, collectMatch);
    const near = stretchHits ? nearFormulations(text, stretchHits) : null;
    if (scanned === null && !enumerationStart && near === null) return;
    const reported = scanned ? reportWrongForms(text, scanned, report) : [];
    if (near) {
      for (const n of near) {
        if (reported.some((r) => r.start < n.end && n.start < r.end)) continue;
        reported.push(n);
        report({ start: n.start, end: n.end, message: messages[n.kind](n.right), replacements: [n.right], severity: 'warning' });
      }
    }
    if (!enumerationStart) return;
    for (const found of findIncompleteEnumerations(text)) {
      // A wrong form inside it (wrong order, a slip) is the better report.
      if (reported.some((r) => r.start < found.end && found.start < r.end)) continue;
      // Curated enumerations have source "curated"; mined ones name the corpus passage they came from.
      const fixable = found.replacement !== null && found.source === 'curated';
      report({
        start: found.start,
        end: found.end,
        message: messages.incomplete(found.expected, found.missing),
        replacements: fixable ? [found.replacement!] : [],
        severity: 'info',
      });
    }
  },
});

/** Matches of wrong forms, exceptions and anchors in the line being checked (null: none). */
let scanned: PhraseMatch[] | null = null;
/** The line holds the first item of a fixed enumeration. */
let enumerationStart = false;
/** Start and target index of each stretch of a formulation in the line (null: none). */
let stretchHits: number[] | null = null;
function collectMatch(start: number, end: number, index: number): void {
  const kind = targets[index]!.kind;
  if (kind === 'enumeration') enumerationStart = true;
  else if (kind === 'formulation') (stretchHits ??= []).push(start, index);
  else (scanned ??= []).push({ start, end, index });
}

/** Report the wrong forms among `matches` (of `text`); returns the ranges reported. */
function reportWrongForms(text: string, matches: PhraseMatch[], report: (r: Report) => void): Array<{ start: number; end: number }> {
  // The order of matcher.findAll: ties between candidates below are resolved by it.
  matches.sort((a, b) => a.start - b.start || b.end - a.end || a.index - b.index);
  const candidates: Candidate[] = [];
  const exceptions: { start: number; end: number }[] = [];
  for (const m of matches) {
    const target = targets[m.index]!;
    if (target.kind === 'wrong') {
      candidates.push({ start: m.start, end: m.end, right: target.right, target });
    } else if (target.kind === 'exception') {
      exceptions.push(m);
    } else {
      const regex = target.regex!;
      regex.lastIndex = m.start;
      const found = regex.exec(text);
      if (!found) continue;
      const written = found[0];
      if (written === target.entry.canonical || written === target.patternRight) continue;
      candidates.push({ start: m.start, end: m.start + written.length, right: target.patternRight!, target });
    }
  }
  // Leftmost-longest among the candidates not covered by an exception.
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const reported: Candidate[] = [];
  let cursor = 0;
  for (const c of candidates) {
    if (c.start < cursor) continue;
    if (exceptions.some((e) => e.start <= c.start && c.end <= e.end)) continue;
    cursor = c.end;
    reported.push(c);
    const { confidence, entry } = c.target;
    report({
      start: c.start,
      end: c.end,
      message: messages[confidence](c.right, entry.note),
      replacements: [c.right],
      severity: SEVERITY[confidence],
    });
  }
  return reported;
}

interface NearForm {
  start: number;
  end: number;
  right: string;
  kind: 'order' | 'near';
}

/** Near forms of the formulations in `text` around the stretches found (start, target index), or null. */
function nearFormulations(text: string, hits: readonly number[]): NearForm[] | null {
  let tried: Set<number> | null = null;
  let out: NearForm[] | null = null;
  for (let h = 0; h < hits.length; h += 2) {
    for (const place of targets[hits[h + 1]!]!.places!) {
      const fi = place >>> 8;
      const start = hits[h]! - (place & 255);
      const f = FORMS[fi]!;
      if (start < 0 || start + f.text.length > text.length) continue;
      const key = start * 1024 + fi;
      if (tried?.has(key)) continue;
      (tried ??= new Set()).add(key);
      const found = nearForm(text, start, f);
      if (found) (out ??= []).push(found);
    }
  }
  if (!out) return null;
  out.sort((x, y) => x.start - y.start || y.end - x.end);
  const kept: NearForm[] = [];
  for (const n of out) if (!kept.length || kept[kept.length - 1]!.end <= n.start) kept.push(n);
  return kept;
}

/** Is the text at `start` the two items of `f` the other way round? */
function swapped(text: string, start: number, f: Formulation): boolean {
  const [a, b] = f.items as [{ start: number; length: number }, { start: number; length: number }];
  const first = f.text.slice(a.start, a.start + a.length);
  const second = f.text.slice(b.start, b.start + b.length);
  return text.startsWith(second, start) && text.startsWith(first, start + f.text.length - first.length);
}

/** The near form of `f` written at `start` of `text`, or null (the formulation itself, or no near form). */
function nearForm(text: string, start: number, f: Formulation): NearForm | null {
  const n = f.text.length;
  const most = maxDiff(f.core);
  let first = -1;
  let last = -1;
  let diff = 0;
  /** Every written character is one of the formulation's (the order test may still hold). */
  let anagram = true;
  for (let k = 0; k < n; k++) {
    const want = f.text.charCodeAt(k);
    const got = text.charCodeAt(start + k);
    if (isSeparator(want)) {
      if (!isSeparator(got)) return null;
      continue;
    }
    if (got === want) continue;
    if (!isHan(got)) return null;
    diff++;
    if (first < 0) first = k;
    last = k;
    if (anagram && !f.chars.has(got)) anagram = false;
    if (!anagram && diff > most) return null;
  }
  if (diff === 0) return null;
  // The writer's own separators stay.
  let right = '';
  for (let k = 0; k < n; k++) right += isSeparator(f.text.charCodeAt(k)) ? text[start + k] : f.text[k];
  if (anagram && sortedCore(text.slice(start, start + n)) === f.sorted) {
    // Two items the other way round (多干实事，少说空话; 踏石留印、抓铁有痕) are often written so on purpose:
    // only a reordering inside the items, or of three items or more, is a slip.
    if (f.items.length === 2 && swapped(text, start, f)) return null;
    return { start, end: start + n, right, kind: 'order' };
  }
  if (diff > most || last - first >= 3) return null;
  // One place: no separator inside the differing span (it is one item's wording).
  for (let k = first; k <= last; k++) if (isSeparator(f.text.charCodeAt(k))) return null;
  // A difference at the formulation's end must end the writing there too (……交叉任命”), or the writer went on
  // with other words (政治功能和组织力明显增强, 把支部建在项目上); one at its start must be one character of a
  // formulation of eight or more (the words before it are the writer's own: 共为群众办实事).
  if (last === n - 1) {
    const next = text.charCodeAt(start + n);
    if (isHan(next) && next !== DE) return null;
  }
  if (first === 0 && (diff > 1 || f.core < 8)) return null;
  return { start, end: start + n, right, kind: 'near' };
}
