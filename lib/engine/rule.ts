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
  /**
   * Index of the line in `DocumentView.paragraphs`, when the host keeps it (the analyzer does, in O(1) per
   * read): a rule that keeps Paragraph objects between edits finds them again without a binary search.
   */
  readonly index?: number;
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
 * `collect` runs per paragraph and is cached with it; `combine` looks at the collected data and paragraph
 * boundaries, never rescans the whole text.
 *
 * Without `incremental`, combine runs over the whole document after every edit (O(paragraphs)). With it,
 * the engine keeps the rule's reports between edits (each stored with the line where it starts, at an
 * offset relative to that line) and, after an edit, asks `affected` which lines' reports may have changed;
 * combine then runs with `doc.from`/`doc.to` set to that range and must report at least every issue that
 * starts in lines [from, to) (it may look at any line for context; reports starting elsewhere are dropped).
 * `affected` may instead name scattered lines (`{ lines }`: the copies of an edited sentence far apart);
 * combine then gets them in `doc.lines` and must report every issue that starts in them.
 */
export interface DocumentRule<T = unknown, S = unknown> {
  meta: RuleMeta;
  scope: 'document';
  collect(text: string): T;
  /** Reports use absolute offsets. */
  combine(doc: DocumentView<T, S>, report: (r: Report) => void): void;
  incremental?: IncrementalDocumentRule<T, S>;
}

/**
 * A summary of the whole document kept up to date from the changed lines' contributions alone (counts,
 * hash maps), and the range of lines an edit can affect.
 */
export interface IncrementalDocumentRule<T, S> {
  /** The summary of an empty document. */
  summary(): S;
  /**
   * A line's collected data enters (`add`) or leaves (`remove`) the document. `line` is the same object
   * while the line stays unchanged (its index can be found again by binary search on `start`).
   */
  add(summary: S, collected: T, line: Paragraph): void;
  remove(summary: S, collected: T, line: Paragraph): void;
  /**
   * Lines [from, to) of `doc` are new (they replaced `removed` old lines, whose data has already been
   * removed from the summary, and their own data added). Return the range of lines whose reports must be
   * computed again, or null for the whole document. Must stay O(edit): look only near [from, to) (or at
   * the lines the summary links to the edit, for `{ lines }`: ascending line indices). `{ carry: true }`:
   * no report changes anywhere, and each new line has exactly the reports of the old line it replaced
   * (one for one, at the same offsets in the line: say so only when as many lines were removed as added).
   */
  affected(
    doc: DocumentView<T, S>,
    from: number,
    to: number,
    removed: readonly T[],
  ): readonly [number, number] | { lines: readonly number[] } | { carry: true } | null;
}

export interface DocumentView<T, S = unknown> {
  text: string;
  paragraphs: readonly Paragraph[];
  /** `collected[i]` is `collect(paragraphs[i].text)`. */
  collected: readonly T[];
  /** The lines whose reports are wanted: [from, to) (the whole document unless the rule is incremental). */
  from: number;
  to: number;
  /** When set, the lines whose reports are wanted are exactly these (ascending; from/to span them). */
  lines?: readonly number[] | null;
  /** The rule's incremental summary (undefined for a rule without `incremental`). */
  summary: S;
}

export type Rule = ParagraphRule | DocumentRule<any, any>;

export function defineParagraphRule(rule: Omit<ParagraphRule, 'scope'>): ParagraphRule {
  return { ...rule, scope: 'paragraph' };
}

export function defineDocumentRule<T, S = unknown>(rule: Omit<DocumentRule<T, S>, 'scope'>): DocumentRule<T, S> {
  return { ...rule, scope: 'document' };
}
