import { parseHeading, type ParsedHeading } from './headings';
import { commonEnds, splitParagraphs } from './paragraphs';
import type { DocumentRule, Paragraph, ParagraphRule, Report, Rule } from './rule';
import { simplifiedView } from './script';
import { splitsSurrogate } from './text';
import type { AnalysisResult, AnalyzeOptions, Issue, OutlineEntry, Severity } from './types';

/** An issue found in one paragraph, offsets relative to the paragraph (cached by paragraph text). */
interface LocalIssue {
  rule: ParagraphRule;
  start: number;
  end: number;
  replacements: string[];
  message: string;
  severity: Severity;
}

interface ParagraphEntry {
  issues: LocalIssue[];
  /** One slot per document rule, in rule order. */
  collected: unknown[];
  heading: ParsedHeading | null;
  /** Analysis generation that last used this entry (for eviction). */
  generation: number;
}

export interface Analyzer {
  analyze(text: string): AnalysisResult;
  /** Forget every cached paragraph. */
  clear(): void;
  /** Number of paragraphs re-checked by the last analyze() (for tests and benchmarks). */
  readonly lastRecheckedParagraphs: number;
}

export interface AnalyzerConfig {
  rules: readonly Rule[];
  /** Called when a rule throws; the engine itself never throws. */
  onRuleError?: (ruleId: string, error: unknown) => void;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function isValidRange(text: string, start: number, end: number): boolean {
  return (
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    end >= start &&
    end <= text.length &&
    !splitsSurrogate(text, start) &&
    !splitsSurrogate(text, end)
  );
}

function cleanReplacements(original: string, replacements: readonly string[] | undefined): string[] {
  if (!replacements) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of replacements) {
    if (typeof r !== 'string' || r === original || seen.has(r)) continue;
    seen.add(r);
    out.push(r);
  }
  return out;
}

export function createAnalyzer(config: AnalyzerConfig): Analyzer {
  const paragraphRules = config.rules.filter((r): r is ParagraphRule => r.scope === 'paragraph');
  const documentRules = config.rules.filter((r): r is DocumentRule => r.scope === 'document');
  const ruleOrder = new Map(config.rules.map((r, i) => [r.meta.id, i]));
  const rank = (id: string) => ruleOrder.get(id) ?? 0;
  const compareIssues = (a: Issue, b: Issue) =>
    a.start - b.start || a.end - b.end || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || rank(a.rule) - rank(b.rule);
  const cache = new Map<string, ParagraphEntry>();
  let generation = 0;
  let rechecked = 0;

  const guard = <T>(ruleId: string, fallback: T, fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      config.onRuleError?.(ruleId, error);
      return fallback;
    }
  };

  function checkParagraph(text: string): ParagraphEntry {
    const issues: LocalIssue[] = [];
    // A line holding traditional characters is checked as simplified text (the rules' word lists and the
    // lexicon are simplified); reports are mapped back to the line and their fixes written back in its
    // script (script.ts). Depends on the line alone, so the cache by line text stays exact.
    const view = guard('script', null, () => simplifiedView(text));
    const checked = view ? view.text : text;
    for (const rule of paragraphRules) {
      guard(rule.meta.id, undefined, () =>
        rule.check(checked, (raw: Report) => {
          if (view && !isValidRange(checked, raw.start, raw.end)) return;
          const r = view ? view.mapReport(raw) : raw;
          if (!isValidRange(text, r.start, r.end)) return;
          const original = text.slice(r.start, r.end);
          issues.push({
            rule,
            start: r.start,
            end: r.end,
            replacements: cleanReplacements(original, r.replacements),
            message: r.message,
            severity: r.severity ?? rule.meta.severity,
          });
        }),
      );
    }
    // Sorted once here, so that placed paragraph issues come out in document order without a global sort.
    issues.sort((a, b) => a.start - b.start || a.end - b.end || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || rank(a.rule.meta.id) - rank(b.rule.meta.id));
    // Document rules get the simplified line too when it has the line's length (their offsets are used
    // against the document as written), unless they ask for the script as written (traditional-char).
    const sameLength = view !== null && view.text.length === text.length;
    const collected = documentRules.map((rule) =>
      guard(rule.meta.id, undefined, () => rule.collect(sameLength && !rule.meta.rawScript ? view.text : text)),
    );
    const heading = guard('outline', null, () => parseHeading(text));
    return { issues, collected, heading, generation };
  }

  function entryFor(text: string): ParagraphEntry {
    let entry = cache.get(text);
    if (!entry) {
      entry = checkParagraph(text);
      cache.set(text, entry);
      rechecked++;
    }
    entry.generation = generation;
    return entry;
  }

  function evict(paragraphCount: number): void {
    // Keep entries from earlier runs while the cache is small: undo/redo often brings them back.
    if (cache.size <= paragraphCount * 2 + 2000) return;
    for (const [key, entry] of cache) if (entry.generation !== generation) cache.delete(key);
  }

  /** The previous run, so an edit re-uses untouched paragraphs (and their placed issues) by position. */
  let previous: { text: string; paragraphs: Paragraph[]; entries: ParagraphEntry[]; placed: Issue[][] } | null = null;

  function placeIssues(text: string, p: Paragraph, entry: ParagraphEntry): Issue[] {
    return entry.issues.map((li) => {
      const start = p.start + li.start;
      const end = p.start + li.end;
      return {
        rule: li.rule.meta.id,
        category: li.rule.meta.category,
        severity: li.severity,
        start,
        end,
        text: text.slice(start, end),
        replacements: li.replacements,
        message: li.message,
      };
    });
  }

  function shiftIssues(issues: Issue[], delta: number): Issue[] {
    if (delta === 0) return issues;
    const out: Issue[] = new Array(issues.length);
    for (let k = 0; k < issues.length; k++) {
      const i = issues[k]!;
      out[k] = { rule: i.rule, category: i.category, severity: i.severity, start: i.start + delta, end: i.end + delta, text: i.text, replacements: i.replacements, message: i.message };
    }
    return out;
  }

  function analyze(input: string): AnalysisResult {
    const text = typeof input === 'string' ? input : String(input ?? '');
    generation++;
    rechecked = 0;
    // Lines unchanged since the previous run, counted from the front at the same offsets and from the back
    // shifted by the change in length, keep their entry and their placed issues; only the lines between
    // them are split and looked up again.
    let head = 0;
    let tail = 0;
    let paragraphs: Paragraph[];
    let headEntries: ParagraphEntry[] = [];
    let tailEntries: ParagraphEntry[] = [];
    let headPlaced: Issue[][] = [];
    let tailPlaced: Issue[][] = [];
    if (previous) {
      const old = previous;
      const oldCount = old.paragraphs.length;
      const delta = text.length - old.text.length;
      const { prefix, suffix } = commonEnds(old.text, text);
      // A line is kept at the front when it and its break lie in the common prefix (a lone \r at the very
      // edge could have become the first half of a \r\n), at the back when it and the break before it lie
      // in the common suffix.
      const keptAtFront = (p: Paragraph) =>
        p.lineBreak !== '' && p.end + p.lineBreak.length <= prefix && !(p.lineBreak === '\r' && p.end + 1 === prefix);
      while (head < oldCount - 1 && keptAtFront(old.paragraphs[head]!)) head++;
      const suffixStart = old.text.length - suffix;
      while (tail < oldCount - head && old.paragraphs[oldCount - 1 - tail]!.start > suffixStart) tail++;
      const headEnd = head > 0 ? old.paragraphs[head - 1]!.end + old.paragraphs[head - 1]!.lineBreak.length : 0;
      const tailOld = old.paragraphs.slice(oldCount - tail);
      const middleEnd = tail > 0 ? tailOld[0]!.start + delta : text.length;
      const middle = middleEnd > headEnd || tail === 0 ? splitParagraphs(text, headEnd, middleEnd) : [];
      const tailShifted = delta === 0 ? tailOld : tailOld.map((p) => ({ start: p.start + delta, end: p.end + delta, text: p.text, lineBreak: p.lineBreak }));
      paragraphs = old.paragraphs.slice(0, head).concat(middle, tailShifted);
      headEntries = old.entries.slice(0, head);
      headPlaced = old.placed.slice(0, head);
      tailEntries = old.entries.slice(oldCount - tail);
      tailPlaced = old.placed.slice(oldCount - tail).map((issues) => shiftIssues(issues, delta));
    } else {
      paragraphs = splitParagraphs(text);
    }
    const count = paragraphs.length;
    const entries: ParagraphEntry[] = new Array(count);
    const placed: Issue[][] = new Array(count);
    for (let i = 0; i < head; i++) {
      entries[i] = headEntries[i]!;
      placed[i] = headPlaced[i]!;
      entries[i]!.generation = generation;
    }
    for (let k = 0; k < tail; k++) {
      const i = count - tail + k;
      entries[i] = tailEntries[k]!;
      placed[i] = tailPlaced[k]!;
      entries[i]!.generation = generation;
    }
    for (let i = head; i < count - tail; i++) {
      entries[i] = entryFor(paragraphs[i]!.text);
      placed[i] = placeIssues(text, paragraphs[i]!, entries[i]!);
    }
    previous = { text, paragraphs, entries, placed };

    const paragraphIssues: Issue[] = placed.flat();
    const documentIssues: Issue[] = [];
    const outline: OutlineEntry[] = [];
    for (let i = 0; i < count; i++) {
      const h = entries[i]!.heading;
      if (h) {
        const p = paragraphs[i]!;
        outline.push({ level: h.level, number: h.number, title: h.title, start: p.start + h.markerStart, end: p.start + h.end });
      }
    }

    documentRules.forEach((rule, k) => {
      const view = { text, paragraphs: paragraphs as readonly Paragraph[], collected: entries.map((e) => e.collected[k]) };
      guard(rule.meta.id, undefined, () =>
        rule.combine(view, (r: Report) => {
          if (!isValidRange(text, r.start, r.end)) return;
          const original = text.slice(r.start, r.end);
          documentIssues.push({
            rule: rule.meta.id,
            category: rule.meta.category,
            severity: r.severity ?? rule.meta.severity,
            start: r.start,
            end: r.end,
            text: original,
            replacements: cleanReplacements(original, r.replacements),
            message: r.message,
          });
        }),
      );
    });

    evict(count);
    documentIssues.sort(compareIssues);
    return { issues: dedupe(mergeSorted(paragraphIssues, documentIssues, compareIssues)), outline };
  }

  return {
    analyze,
    clear: () => {
      cache.clear();
      previous = null;
    },
    get lastRecheckedParagraphs() {
      return rechecked;
    },
  };
}

/** Merge two lists sorted by `compare` into one. */
function mergeSorted<T>(a: T[], b: T[], compare: (x: T, y: T) => number): T[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: T[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compare(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/**
 * Where two reports cover the same range with the same fix, keep the first (the more severe, then the
 * earlier rule's: the list is sorted that way).
 */
function dedupe(issues: Issue[]): Issue[] {
  const out: Issue[] = [];
  let groupStart = 0; // index in `out` of the first issue with the current range
  for (const issue of issues) {
    const last = out[out.length - 1];
    if (!last || last.start !== issue.start || last.end !== issue.end) groupStart = out.length;
    let duplicate = false;
    for (let k = groupStart; k < out.length && !duplicate; k++) {
      duplicate = out[k]!.replacements[0] === issue.replacements[0];
    }
    if (!duplicate) out.push(issue);
  }
  return out;
}

/** Drop issues the user's options switch off or accept (dictionary words). */
export function filterByOptions(issues: Issue[], options: AnalyzeOptions | undefined): Issue[] {
  const dictionary = options?.dictionary;
  if (!dictionary || dictionary.length === 0) return issues;
  const words = new Set(dictionary);
  return issues.filter((i) => !words.has(i.text));
}
