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

  function analyze(input: string): AnalysisResult {
    const text = typeof input === 'string' ? input : String(input ?? '');
    generation++;
    rechecked = 0;
    const paragraphs = splitParagraphs(text);
    const entries = paragraphs.map((p) => entryFor(p.text));
    const issues: Issue[] = [];
    const outline: OutlineEntry[] = [];

    for (let i = 0; i < paragraphs.length; i++) {
      const p = paragraphs[i]!;
      const entry = entries[i]!;
      for (const li of entry.issues) {
        const start = p.start + li.start;
        const end = p.start + li.end;
        issues.push({
          rule: li.rule.meta.id,
          category: li.rule.meta.category,
          severity: li.severity,
          start,
          end,
          text: text.slice(start, end),
          replacements: li.replacements,
          message: li.message,
        });
      }
      const h = entry.heading;
      if (h) {
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

    evict(paragraphs.length);
    return { issues: sortAndDedupe(issues, ruleOrder), outline };
  }

  return {
    analyze,
    clear: () => cache.clear(),
    get lastRecheckedParagraphs() {
      return rechecked;
    },
  };
}

/** Sort by position; where two reports cover the same range with the same fix, keep the earlier rule's. */
function sortAndDedupe(issues: Issue[], ruleOrder: Map<string, number>): Issue[] {
  issues.sort(
    (a, b) =>
      a.start - b.start ||
      a.end - b.end ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (ruleOrder.get(a.rule) ?? 0) - (ruleOrder.get(b.rule) ?? 0),
  );
  const out: Issue[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const key = `${issue.start}:${issue.end}:${issue.replacements[0] ?? '\u0000none'}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
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
