/**
 * Plain-JSON shapes that cross every boundary (engine ⇄ content script ⇄ side panel ⇄ CLI).
 * Offsets are UTF-16 code units (JS string indices) into the exact input text.
 */

export type Severity = 'error' | 'warning' | 'info';

export type Category =
  | 'repetition'
  | 'grammar'
  | 'typo'
  | 'phrase'
  | 'traditional'
  | 'punctuation'
  | 'spacing'
  | 'linebreak'
  | 'residue'
  | 'structure';

export interface Issue {
  /** Rule id (kebab-case, same as the rule's file name). */
  rule: string;
  category: Category;
  severity: Severity;
  start: number;
  end: number;
  /** Always `input.slice(start, end)`. */
  text: string;
  /** Best fix first; `""` deletes the range. Empty when the rule offers no fix. */
  replacements: string[];
  /** Chinese, user-facing. */
  message: string;
}

/** GB/T 9704 heading levels: 1 一、 2 （一） 3 1. 4 （1） */
export type HeadingLevel = 1 | 2 | 3 | 4;

export interface OutlineEntry {
  level: HeadingLevel;
  /** The number as written, e.g. "一", "3". */
  number: string;
  /** Heading text after the number marker. */
  title: string;
  /** Range of the whole heading line (or the inline heading sentence). */
  start: number;
  end: number;
}

export interface AnalysisResult {
  issues: Issue[];
  outline: OutlineEntry[];
}

export interface AnalyzeOptions {
  /** Per-rule switch, keyed by rule id; rules absent from the map are on. */
  rules?: Record<string, boolean>;
  /** Words the user accepted: an issue whose text is one of them is dropped. */
  dictionary?: readonly string[];
}
