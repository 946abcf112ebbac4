import type { Category, Severity } from './types';

export interface RuleMeta {
  /** kebab-case id: the file name, test name, settings key and message key. */
  id: string;
  category: Category;
  severity: Severity;
  /** One Chinese line for settings and docs. */
  description: string;
  fixable: boolean;
  /**
   * Document rules only: `collect` sees a traditional line as written. Otherwise a line holding
   * traditional characters is handed over in simplified characters (when that keeps its length, which
   * OpenCC's conversion does but for a few rare characters), like every paragraph rule sees it.
   */
  rawScript?: boolean;
}

/** What a rule reports. Offsets are relative to what the rule was given (paragraph or document). */
export interface Report {
  start: number;
  end: number;
  message: string;
  /** Best first; `""` deletes. Omit (or []) when no fix is safe. */
  replacements?: string[];
  /** Overrides the rule's default severity for this one report. */
  severity?: Severity;
}

/** A line of the document without its line terminator. */
export interface Paragraph {
  /** Absolute offset of the first character. */
  start: number;
  /** Absolute offset just past the last character (before \r\n / \n / \r). */
  end: number;
  text: string;
  /** The terminator that follows ("" for the last line). */
  lineBreak: '' | '\n' | '\r\n' | '\r';
}

/**
 * A paragraph rule sees one paragraph at a time. Its output must depend on the paragraph text only,
 * because the engine caches results by paragraph text and re-checks only touched paragraphs.
 */
export interface ParagraphRule {
  meta: RuleMeta;
  scope: 'paragraph';
  check(text: string, report: (r: Report) => void): void;
}

/**
 * A document rule needs more than one paragraph (repeats, numbering, breaks between lines).
 * `collect` runs per paragraph and is cached with it; `combine` runs on every analysis and must stay
 * cheap: it should look at the collected data and paragraph boundaries, not rescan the whole text.
 */
export interface DocumentRule<T = unknown> {
  meta: RuleMeta;
  scope: 'document';
  collect(text: string): T;
  /** Reports use absolute offsets. */
  combine(doc: DocumentView<T>, report: (r: Report) => void): void;
}

export interface DocumentView<T> {
  text: string;
  paragraphs: readonly Paragraph[];
  /** `collected[i]` is `collect(paragraphs[i].text)`. */
  collected: readonly T[];
}

export type Rule = ParagraphRule | DocumentRule<any>;

export function defineParagraphRule(rule: Omit<ParagraphRule, 'scope'>): ParagraphRule {
  return { ...rule, scope: 'paragraph' };
}

export function defineDocumentRule<T>(rule: Omit<DocumentRule<T>, 'scope'>): DocumentRule<T> {
  return { ...rule, scope: 'document' };
}
