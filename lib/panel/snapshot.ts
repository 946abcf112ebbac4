/**
 * What a content script tells the side panel about the editor the writer is in: its text, the issues the
 * page already found (the panel never re-analyses the page's text) and the outline. It crosses the trust
 * boundary (a hostile page can send anything a content script can), so the background checks every
 * snapshot against {@link snapshotSchema} before relaying it: sizes bounded, every issue inside the text
 * and matching it, no extra fields. The panel shows every string as text, never as HTML. Pure.
 */
import type { Category, HeadingLevel, Issue, OutlineEntry, Severity } from '../engine/types';
import { array, boolean, literal, nullable, number, object, optional, refine, string, tuple, type Schema } from '../validate';

/** Longest editor text sent (UTF-16 units): a 100,000-character draft with ample room. */
export const MAX_SNAPSHOT_TEXT = 1_000_000;
export const MAX_SNAPSHOT_ISSUES = 20_000;
export const MAX_SNAPSHOT_HEADINGS = 2_000;

/**
 * An editor's state as sent. The issues travel in columns (tables of the distinct rule styles, messages
 * and fix lists, and five integers per issue), not as objects: a 100,000-character draft has thousands of
 * issues, and extension messages are serialised as JSON at every hop (thousands of small objects cost
 * ~100 ms each way; the columns a few ms). An issue's text is the text at its range, so it is not sent.
 */
export interface EditorSnapshot {
  /** The editor's id within its frame (stable while the page lives). */
  editor: string;
  /** Editor kind (textarea, quill, tiptap …), for the panel's header. */
  kind: string;
  /** A human name of the field (its label, placeholder or title), '' when it has none. */
  label: string;
  /** When the writer last focused this editor (ms since the epoch): the freshest frame wins. */
  focusedAt: number;
  /** Increases with every snapshot of the frame (older ones arriving late are dropped). */
  seq: number;
  text: string;
  /** Distinct [rule, category, severity] of the issues. */
  styles: [string, Category, Severity][];
  /** Distinct messages. */
  messages: string[];
  /** Distinct fix lists (best first; [] when the rule offers none). */
  fixes: string[][];
  /** Per issue, in text order: start, end, style index, message index, fix-list index. */
  issues: number[];
  outline: OutlineEntry[];
  /** Checking is switched off here (site, field or settings): the panel says so instead of "no issues". */
  off?: boolean;
}

/** Integers per issue in {@link EditorSnapshot.issues}. */
export const ISSUE_STRIDE = 5;

/** The columns of a list of issues (those whose text is not the text at their range are left out). */
export function encodeIssues(text: string, issues: readonly Issue[], max = MAX_SNAPSHOT_ISSUES): Pick<EditorSnapshot, 'styles' | 'messages' | 'fixes' | 'issues'> {
  const styles: [string, Category, Severity][] = [];
  const messages: string[] = [];
  const fixes: string[][] = [];
  const styleAt = new Map<string, number>();
  const messageAt = new Map<string, number>();
  const fixAt = new Map<string, number>();
  const out: number[] = [];
  const index = <K>(map: Map<K, number>, key: K, add: () => void) => {
    let i = map.get(key);
    if (i === undefined) {
      i = map.size;
      map.set(key, i);
      add();
    }
    return i;
  };
  for (const issue of issues) {
    if (out.length >= max * ISSUE_STRIDE) break;
    if (issue.end > text.length || issue.start > issue.end || text.slice(issue.start, issue.end) !== issue.text) continue;
    const style = index(styleAt, `${issue.rule}\u0000${issue.category}\u0000${issue.severity}`, () => styles.push([issue.rule, issue.category, issue.severity]));
    const message = index(messageAt, issue.message, () => messages.push(issue.message.slice(0, 500)));
    const list = issue.replacements.slice(0, 8);
    const fix = index(fixAt, list.join('\u0000') + (list.length ? '' : '\u0001'), () => fixes.push(list));
    out.push(issue.start, issue.end, style, message, fix);
  }
  return { styles, messages, fixes, issues: out };
}

/** The issues of a (checked) snapshot as objects. */
export function decodeIssues(s: Pick<EditorSnapshot, 'text' | 'styles' | 'messages' | 'fixes' | 'issues'>): Issue[] {
  const out: Issue[] = new Array(s.issues.length / ISSUE_STRIDE);
  for (let k = 0, i = 0; i < s.issues.length; i += ISSUE_STRIDE, k++) {
    const start = s.issues[i]!;
    const end = s.issues[i + 1]!;
    const [rule, category, severity] = s.styles[s.issues[i + 2]!]!;
    out[k] = { rule, category, severity, start, end, text: s.text.slice(start, end), replacements: s.fixes[s.issues[i + 4]!]!, message: s.messages[s.issues[i + 3]!]! };
  }
  return out;
}

/** The data of the publishEditorState message: a frame's editor, or null when it has none any more. */
export interface EditorStateMessage {
  snapshot: EditorSnapshot | null;
}

const CATEGORIES = ['repetition', 'grammar', 'typo', 'phrase', 'traditional', 'punctuation', 'spacing', 'linebreak', 'residue', 'structure'] as const satisfies readonly Category[];
const SEVERITIES = ['error', 'warning', 'info'] as const satisfies readonly Severity[];

const offset = number({ min: 0, max: MAX_SNAPSHOT_TEXT, integer: true });
const int = number({ min: 0, max: MAX_SNAPSHOT_TEXT, integer: true });

const headingSchema: Schema<OutlineEntry> = object({
  level: literal(1, 2, 3, 4) as Schema<HeadingLevel>,
  number: string({ max: 20 }),
  title: string({ max: 1_000 }),
  start: offset,
  end: offset,
});

const fields = object({
  editor: string({ min: 1, max: 40, pattern: /^[A-Za-z0-9_-]+$/ }),
  kind: string({ min: 1, max: 40, pattern: /^[A-Za-z0-9_-]+$/ }),
  label: string({ max: 120 }),
  focusedAt: number({ min: 0, max: 8.64e15, integer: true }),
  seq: number({ min: 0, max: Number.MAX_SAFE_INTEGER, integer: true }),
  text: string({ max: MAX_SNAPSHOT_TEXT }),
  styles: array(tuple(string({ min: 1, max: 64, pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/ }), literal(...CATEGORIES), literal(...SEVERITIES)), { max: 200 }),
  messages: array(string({ max: 500 }), { max: MAX_SNAPSHOT_ISSUES }),
  fixes: array(array(string({ max: 10_000 }), { max: 8 }), { max: MAX_SNAPSHOT_ISSUES }),
  issues: array(int, { max: MAX_SNAPSHOT_ISSUES * ISSUE_STRIDE }),
  outline: array(headingSchema, { max: MAX_SNAPSHOT_HEADINGS }),
  off: optional(boolean),
});

/** A snapshot whose issues and headings all lie inside its text and whose indices point into its tables. */
export const snapshotSchema: Schema<EditorSnapshot> = refine(fields, (s) => {
  const n = s.text.length;
  const cols = s.issues;
  if (cols.length % ISSUE_STRIDE) return 'issues is not a whole number of rows';
  for (let i = 0; i < cols.length; i += ISSUE_STRIDE) {
    const row = i / ISSUE_STRIDE;
    if (cols[i]! > cols[i + 1]! || cols[i + 1]! > n) return `issue ${row} lies outside the text`;
    if (cols[i + 2]! >= s.styles.length || cols[i + 3]! >= s.messages.length || cols[i + 4]! >= s.fixes.length) return `issue ${row} points outside the tables`;
  }
  for (let i = 0; i < s.outline.length; i++) {
    const h = s.outline[i]!;
    if (h.start > h.end || h.end > n) return `outline[${i}] lies outside the text`;
  }
  return null;
}) as Schema<EditorSnapshot>;

export const editorStateSchema: Schema<EditorStateMessage> = object({ snapshot: nullable(snapshotSchema) });
