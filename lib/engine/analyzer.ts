import { parseHeading, type ParsedHeading } from './headings';
import { splitParagraphs } from './paragraphs';
import type { DocumentRule, Paragraph, ParagraphRule, Report, Rule } from './rule';
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
    for (const rule of paragraphRules) {
      guard(rule.meta.id, undefined, () =>
        rule.check(text, (r: Report) => {
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
    const collected = documentRules.map((rule) => guard(rule.meta.id, undefined, () => rule.collect(text)));
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
  let previous: { paragraphs: Paragraph[]; entries: ParagraphEntry[]; placed: Issue[][] } | null = null;

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
    return delta === 0 ? issues : issues.map((i) => ({ ...i, start: i.start + delta, end: i.end + delta }));
  }

  function analyze(input: string): AnalysisResult {
    const text = typeof input === 'string' ? input : String(input ?? '');
    generation++;
    rechecked = 0;
    const paragraphs = splitParagraphs(text);
    const count = paragraphs.length;
    const entries: ParagraphEntry[] = new Array(count);
    const placed: Issue[][] = new Array(count);

    // Paragraphs equal to the previous run's at the same index from the front, or counted from the back,
    // keep their entry and their placed issues (shifted when the edit moved them).
    let head = 0;
    let tail = 0;
    if (previous) {
      const old = previous;
      const oldCount = old.paragraphs.length;
      const limit = Math.min(count, oldCount);
      while (head < limit && paragraphs[head]!.start === old.paragraphs[head]!.start && paragraphs[head]!.text === old.paragraphs[head]!.text) {
        entries[head] = old.entries[head]!;
        placed[head] = old.placed[head]!;
        entries[head]!.generation = generation;
        head++;
      }
      while (tail < limit - head && paragraphs[count - 1 - tail]!.text === old.paragraphs[oldCount - 1 - tail]!.text) {
        const i = count - 1 - tail;
        const o = oldCount - 1 - tail;
        entries[i] = old.entries[o]!;
        placed[i] = shiftIssues(old.placed[o]!, paragraphs[i]!.start - old.paragraphs[o]!.start);
        entries[i]!.generation = generation;
        tail++;
      }
    }
    for (let i = head; i < count - tail; i++) {
      entries[i] = entryFor(paragraphs[i]!.text);
      placed[i] = placeIssues(text, paragraphs[i]!, entries[i]!);
    }
    previous = { paragraphs, entries, placed };

    const issues: Issue[] = placed.flat();
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
          issues.push({
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
    return { issues: sortAndDedupe(issues, ruleOrder), outline };
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

/** Sort by position; where two reports cover the same range with the same fix, keep the earlier rule's. */
function sortAndDedupe(issues: Issue[], ruleOrder: Map<string, number>): Issue[] {
  // Paragraph issues arrive nearly sorted, which the engine's TimSort handles in close to linear time.
  issues.sort(
    (a, b) =>
      a.start - b.start ||
      a.end - b.end ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (ruleOrder.get(a.rule) ?? 0) - (ruleOrder.get(b.rule) ?? 0),
  );
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
