import { PhraseMatcher, type PhraseMatch } from '../engine/matcher';
import { defineParagraphRule, type Report } from '../engine/rule';
import type { Severity } from '../engine/types';
import { findIncompleteEnumerations, setPhraseEnumerations } from '../corpus/set-phrases';
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
  incomplete: (expected: string[], missing: string[]) =>
    `常用提法为“${expected.join('、')}”，此处缺少“${missing.join('、')}”`,
};

/** `enumeration`: the first item of a fixed enumeration (only tells that findIncompleteEnumerations can find one). */
type Kind = 'wrong' | 'exception' | 'anchor' | 'enumeration';

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
    matcher.forEachByStart(text, collectMatch);
    if (scanned === null && !enumerationStart) return;
    const reported = scanned ? reportWrongForms(text, scanned, report) : [];
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
function collectMatch(start: number, end: number, index: number): void {
  if (targets[index]!.kind === 'enumeration') enumerationStart = true;
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
