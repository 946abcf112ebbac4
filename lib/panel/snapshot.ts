/**
 * What a content script tells the side panel about the editor the writer is in: its text, the issues the
 * page already found (the panel never re-analyses the page's text) and the outline. It crosses the trust
 * boundary (a hostile page can send anything a content script can), so the background checks every
 * snapshot against {@link snapshotSchema} before relaying it: sizes bounded, every issue inside the text
 * and matching it, no extra fields. The panel shows every string as text, never as HTML. Pure.
 */
import type { Category, HeadingLevel, Issue, OutlineEntry, Severity } from '../engine/types';
import { array, boolean, literal, nullable, number, object, optional, refine, string, type Schema } from '../validate';

/** Longest editor text sent (UTF-16 units): a 100,000-character draft with ample room. */
export const MAX_SNAPSHOT_TEXT = 1_000_000;
export const MAX_SNAPSHOT_ISSUES = 20_000;
export const MAX_SNAPSHOT_HEADINGS = 2_000;

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
  issues: Issue[];
  outline: OutlineEntry[];
  /** Checking is switched off here (site, field or settings): the panel says so instead of "no issues". */
  off?: boolean;
}

/** The data of the publishEditorState message: a frame's editor, or null when it has none any more. */
export interface EditorStateMessage {
  snapshot: EditorSnapshot | null;
}

const CATEGORIES = ['repetition', 'grammar', 'typo', 'phrase', 'traditional', 'punctuation', 'spacing', 'linebreak', 'residue', 'structure'] as const satisfies readonly Category[];
const SEVERITIES = ['error', 'warning', 'info'] as const satisfies readonly Severity[];

const offset = number({ min: 0, max: MAX_SNAPSHOT_TEXT, integer: true });

const issueSchema: Schema<Issue> = object({
  rule: string({ min: 1, max: 64, pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/ }),
  category: literal(...CATEGORIES),
  severity: literal(...SEVERITIES),
  start: offset,
  end: offset,
  text: string({ max: 100_000 }),
  replacements: array(string({ max: 10_000 }), { max: 8 }),
  message: string({ max: 500 }),
});

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
  issues: array(issueSchema, { max: MAX_SNAPSHOT_ISSUES }),
  outline: array(headingSchema, { max: MAX_SNAPSHOT_HEADINGS }),
  off: optional(boolean),
});

/** A snapshot whose issues and headings all lie inside its text (and each issue's text is what is there). */
export const snapshotSchema: Schema<EditorSnapshot> = refine(fields, (s) => {
  const n = s.text.length;
  for (let i = 0; i < s.issues.length; i++) {
    const issue = s.issues[i]!;
    if (issue.start > issue.end || issue.end > n) return `issues[${i}] lies outside the text`;
    if (s.text.slice(issue.start, issue.end) !== issue.text) return `issues[${i}].text is not the text at its range`;
  }
  for (let i = 0; i < s.outline.length; i++) {
    const h = s.outline[i]!;
    if (h.start > h.end || h.end > n) return `outline[${i}] lies outside the text`;
  }
  return null;
}) as Schema<EditorSnapshot>;

export const editorStateSchema: Schema<EditorStateMessage> = object({ snapshot: nullable(snapshotSchema) });
