/**
 * The snippets file (export and import): JSON with a format marker and version.
 *
 *   { "format": "wengao-snippets", "version": 1, "exportedAt": "2026-12-06T12:00:00.000Z",
 *     "snippets": [ { "title", "body", "tags", "source", "createdAt", "updatedAt", "useCount", "lastUsedAt" } ] }
 *
 * Only `body` is required in an entry; ids are never written (they are local to one profile) and are
 * ignored on import, where duplicates are found by body. An import is checked whole before anything is
 * written: one bad entry refuses the file, with every problem listed in Chinese and English.
 */
import { problem, TYPE_NAMES } from './messages';
import { bodyKey, mergeSnippet, prepareSnippet } from './normalize';
import { MAX_SNIPPETS, type Checked, type Problem, type Snippet, type SnippetDraft } from './types';

export const SNIPPET_FILE_FORMAT = 'wengao-snippets';
export const SNIPPET_FILE_VERSION = 1;
/**
 * Largest file read, in characters. The per-snippet limits alone would allow 10,000 × 20,000 characters
 * (200 M); parsing that much JSON would take gigabytes in the background, so the file as a whole is
 * bounded too (64 M: still 10,000 snippets of 6,000 characters each).
 */
export const MAX_FILE_CHARS = 64_000_000;
/** Problems listed at most (a file of 10,000 bad entries should not produce a 10,000-line report). */
export const MAX_PROBLEMS = 100;

export type SnippetFileEntry = Omit<Snippet, 'id'>;

export interface SnippetFile {
  format: typeof SNIPPET_FILE_FORMAT;
  version: number;
  exportedAt: string;
  snippets: SnippetFileEntry[];
}

/** The file for `snippets` (oldest first, as they were created). */
export function exportSnippets(snippets: readonly Snippet[], now: number): SnippetFile {
  const sorted = [...snippets].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
  return {
    format: SNIPPET_FILE_FORMAT,
    version: SNIPPET_FILE_VERSION,
    exportedAt: new Date(now).toISOString(),
    snippets: sorted.map(({ title, body, tags, source, createdAt, updatedAt, useCount, lastUsedAt }) => ({
      title,
      body,
      tags: [...tags],
      source,
      createdAt,
      updatedAt,
      useCount,
      lastUsedAt,
    })),
  };
}

/** Serialise for download (one snippet per line: readable and diff-friendly). */
export function serializeSnippetFile(file: SnippetFile): string {
  const { snippets, ...head } = file;
  const headJson = JSON.stringify(head).slice(0, -1);
  const lines = snippets.map((s) => `  ${JSON.stringify(s)}`);
  return `${headJson},"snippets":[\n${lines.join(',\n')}\n]}\n`;
}

export interface ParsedFile {
  /** Checked, normalised, duplicates inside the file merged. */
  snippets: SnippetDraft[];
  /** Entries of the file merged into an earlier entry with the same body. */
  mergedInFile: number;
}

/**
 * Check a whole file (its text, or the value already parsed from it). `now` fills missing dates.
 * Nothing partial: either every entry is good, or the problems are returned.
 */
export function parseSnippetFile(input: unknown, now: number): Checked<ParsedFile> {
  let value: unknown = input;
  if (typeof input === 'string') {
    if (input.length > MAX_FILE_CHARS) return fail([problem('file', 'too-large', { size: input.length, max: MAX_FILE_CHARS })]);
    try {
      value = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch {
      return fail([problem('file', 'not-json')]);
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return fail([problem('file', 'not-object')]);
  const file = value as Record<string, unknown>;
  if (file.format !== SNIPPET_FILE_FORMAT) return fail([problem('format', 'wrong-format')]);
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fail([problem('version', 'bad-version')]);
  if (version > SNIPPET_FILE_VERSION) return fail([problem('version', 'newer-version', { version, supported: SNIPPET_FILE_VERSION })]);
  const list = file.snippets;
  if (!Array.isArray(list)) return fail([problem('snippets', 'type', TYPE_NAMES.array)]);
  if (list.length > MAX_SNIPPETS) return fail([problem('snippets', 'too-many', { count: list.length, max: MAX_SNIPPETS })]);

  const problems: Problem[] = [];
  let problemCount = 0;
  const byKey = new Map<string, number>();
  const snippets: SnippetDraft[] = [];
  let mergedInFile = 0;
  for (let i = 0; i < list.length; i++) {
    const checked = prepareSnippet(list[i], now, `snippets[${i}]`);
    if (!checked.ok) {
      problemCount += checked.problems.length;
      for (const p of checked.problems) if (problems.length < MAX_PROBLEMS) problems.push(p);
      continue;
    }
    if (problemCount) continue; // the file is refused anyway: no need to merge
    const key = bodyKey(checked.value.body);
    const at = byKey.get(key);
    if (at === undefined) {
      byKey.set(key, snippets.length);
      snippets.push(checked.value);
    } else {
      snippets[at] = mergeSnippet(snippets[at]!, checked.value) ?? snippets[at]!;
      mergedInFile++;
    }
  }
  if (problemCount) {
    if (problemCount > problems.length) {
      const rest = problemCount - problems.length;
      problems.push({ path: 'file', code: 'too-many', zh: `……另有 ${rest} 处问题未列出。`, en: `…and ${rest} more problems not listed.` });
    }
    return fail(problems);
  }
  return { ok: true, value: { snippets, mergedInFile } };
}

function fail(problems: Problem[]): Checked<ParsedFile> {
  return { ok: false, problems };
}
