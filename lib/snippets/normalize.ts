/**
 * Checking and normalising snippets: NFC, trimmed, size limits, tags cleaned, source checked. The same
 * function serves the side panel's form, a selection saved from a page and every entry of an import
 * file, so a snippet is stored in one canonical form whatever its way in.
 */
import { problem, TYPE_NAMES } from './messages';
import {
  MAX_BODY_CHARS,
  MAX_SOURCE_CHARS,
  MAX_TAG_CHARS,
  MAX_TAGS,
  MAX_TITLE_CHARS,
  type Checked,
  type Problem,
  type SnippetDraft,
  type SnippetInput,
  type SourceKind,
} from './types';

// C0/C1 controls except tab and line feed, and the BOM/zero-width no-break space: never wanted in a
// phrasing, invisible when inserted.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff]/g;

/** Body as stored: NFC, one line-break style (LF), no control characters, trimmed. */
export function normalizeBody(raw: string): string {
  return raw.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
}

/** A one-line label: NFC, line breaks and runs of spaces become one space, trimmed. */
export function normalizeLine(raw: string): string {
  return raw.normalize('NFC').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/** A tag as stored: one line, without the leading # people type out of habit. */
export function normalizeTag(raw: string): string {
  return normalizeLine(raw).replace(/^[#＃]+/, '').trim();
}

/** Split what a user typed in a tag field (逗号、顿号、分号 or spaces) into tags. */
export function parseTagList(text: string): string[] {
  return text
    .split(/[,，、;；\s]+/)
    .map(normalizeTag)
    .filter(Boolean);
}

/**
 * Key under which two bodies count as the same snippet: whitespace differences (a paste that broke or
 * joined lines, trailing spaces) do not make a new phrasing.
 */
export function bodyKey(body: string): string {
  return normalizeBody(body).replace(/\s+/g, ' ');
}

/**
 * Short hash of the body key (indexed in the database to find a duplicate without indexing 20,000-
 * character strings). Two FNV-1a 32-bit hashes with different offsets plus the length; a collision only
 * costs one extra comparison, never a wrong merge (the keys are compared before merging).
 */
export function bodyHash(body: string): string {
  const key = bodyKey(body);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return `${key.length.toString(36)}-${(h1 >>> 0).toString(36)}-${(h2 >>> 0).toString(36)}`;
}

const REFERENCE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/** What kind of source a stored source string is (null: not a valid source). */
export function sourceKind(source: string): SourceKind | null {
  if (source === 'manual' || source === 'corpus') return source;
  if (source.length > MAX_SOURCE_CHARS) return null;
  if (/^(https?|file|ftp):/i.test(source)) {
    try {
      new URL(source);
      return 'page';
    } catch {
      return null;
    }
  }
  // Reference documents have generated ids (crypto.randomUUID in the options page).
  return REFERENCE_ID.test(source) ? 'reference' : null;
}

/** A title as it is shown: the stored title, else the first line of the body, cut to 40 characters. */
export function displayTitle(snippet: { title: string; body: string }): string {
  if (snippet.title) return snippet.title;
  const first = snippet.body.split('\n', 1)[0]!.trim();
  return first.length > 40 ? `${first.slice(0, 40)}…` : first;
}

function checkTimestamp(raw: unknown, path: string, fallback: number, problems: Problem[]): number {
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0) {
    problems.push(problem(path, 'bad-number'));
    return fallback;
  }
  return Math.floor(raw);
}

function checkString(raw: unknown, path: string, problems: Problem[]): string | null {
  if (typeof raw === 'string') return raw;
  problems.push(problem(path, 'type', TYPE_NAMES.string));
  return null;
}

/** Check and normalise tags (null or undefined: none). */
export function checkTags(raw: unknown, path = 'tags'): Checked<string[]> {
  const problems: Problem[] = [];
  if (raw === undefined || raw === null) return { ok: true, value: [] };
  if (!Array.isArray(raw)) return { ok: false, problems: [problem(path, 'type', TYPE_NAMES.stringArray)] };
  // Count before looking inside: a hostile list of a million tags is refused without walking it.
  if (raw.length > MAX_TAGS * 4) return { ok: false, problems: [problem(path, 'too-many', { count: raw.length, max: MAX_TAGS })] };
  const tags: string[] = [];
  const seen = new Set<string>();
  raw.forEach((t, i) => {
    const s = checkString(t, `${path}[${i}]`, problems);
    if (s === null) return;
    const tag = normalizeTag(s);
    if (!tag) return;
    if (tag.length > MAX_TAG_CHARS) {
      problems.push(problem(`${path}[${i}]`, 'too-long', { length: tag.length, max: MAX_TAG_CHARS }));
      return;
    }
    const key = tag.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    tags.push(tag);
  });
  if (tags.length > MAX_TAGS) problems.push(problem(path, 'too-many', { count: tags.length, max: MAX_TAGS }));
  return problems.length ? { ok: false, problems } : { ok: true, value: tags };
}

/** Check a title (undefined or null: none). */
export function checkTitle(raw: unknown, path = 'title'): Checked<string> {
  if (raw === undefined || raw === null) return { ok: true, value: '' };
  if (typeof raw !== 'string') return { ok: false, problems: [problem(path, 'type', TYPE_NAMES.string)] };
  const title = normalizeLine(raw);
  if (title.length > MAX_TITLE_CHARS) return { ok: false, problems: [problem(path, 'too-long', { length: title.length, max: MAX_TITLE_CHARS })] };
  return { ok: true, value: title };
}

/** Check a body (required). */
export function checkBody(raw: unknown, path = 'body'): Checked<string> {
  if (typeof raw !== 'string') return { ok: false, problems: [problem(path, 'type', TYPE_NAMES.string)] };
  // Cheap bound before normalising: NFC and trimming never shorten a text by more than a few times.
  if (raw.length > MAX_BODY_CHARS * 4) return { ok: false, problems: [problem(path, 'too-long', { length: raw.length, max: MAX_BODY_CHARS })] };
  const body = normalizeBody(raw);
  if (!body) return { ok: false, problems: [problem(path, 'empty')] };
  if (body.length > MAX_BODY_CHARS) return { ok: false, problems: [problem(path, 'too-long', { length: body.length, max: MAX_BODY_CHARS })] };
  return { ok: true, value: body };
}

/** Check a source (undefined or null: 'manual'). */
export function checkSource(raw: unknown, path = 'source'): Checked<string> {
  if (raw === undefined || raw === null) return { ok: true, value: 'manual' };
  if (typeof raw !== 'string') return { ok: false, problems: [problem(path, 'type', TYPE_NAMES.string)] };
  const source = raw.trim();
  if (sourceKind(source) === null) return { ok: false, problems: [problem(path, 'bad-source')] };
  return { ok: true, value: source };
}

/**
 * Check and normalise one snippet. `prefix` names it in problems (`snippets[3]` in an import file);
 * missing timestamps default to `now`, a missing use count to 0.
 */
export function prepareSnippet(input: unknown, now: number, prefix = ''): Checked<SnippetDraft> {
  const at = (field: string) => (prefix ? `${prefix}.${field}` : field);
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, problems: [problem(prefix || 'snippet', 'not-object')] };
  }
  const raw = input as SnippetInput;
  const problems: Problem[] = [];
  const take = <T>(r: Checked<T>, fallback: T): T => {
    if (r.ok) return r.value;
    problems.push(...r.problems);
    return fallback;
  };
  const body = take(checkBody(raw.body, at('body')), '');
  const title = take(checkTitle(raw.title, at('title')), '');
  const tags = take(checkTags(raw.tags, at('tags')), []);
  const source = take(checkSource(raw.source, at('source')), 'manual');
  const createdAt = checkTimestamp(raw.createdAt, at('createdAt'), now, problems);
  const updatedAt = checkTimestamp(raw.updatedAt, at('updatedAt'), createdAt, problems);
  const lastUsedAt = checkTimestamp(raw.lastUsedAt, at('lastUsedAt'), 0, problems);
  const useCount = checkTimestamp(raw.useCount, at('useCount'), 0, problems);
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { title, body, tags, source, createdAt, updatedAt: Math.max(updatedAt, createdAt), useCount, lastUsedAt } };
}

/**
 * The snippet that results from saving `incoming` when `existing` has the same body: nothing the user
 * had is lost (title kept, tags united, counts and dates the larger), and merging the same thing twice
 * changes nothing (so importing a file twice is a no-op). Returns null when nothing would change.
 */
export function mergeSnippet<T extends SnippetDraft>(existing: T, incoming: SnippetDraft): T | null {
  const tags = [...existing.tags];
  const seen = new Set(tags.map((t) => t.toLowerCase()));
  for (const t of incoming.tags) {
    if (tags.length >= MAX_TAGS) break;
    if (!seen.has(t.toLowerCase())) {
      seen.add(t.toLowerCase());
      tags.push(t);
    }
  }
  const merged: T = {
    ...existing,
    title: existing.title || incoming.title,
    tags,
    createdAt: Math.min(existing.createdAt, incoming.createdAt),
    useCount: Math.max(existing.useCount, incoming.useCount),
    lastUsedAt: Math.max(existing.lastUsedAt, incoming.lastUsedAt),
  };
  const changed =
    merged.title !== existing.title ||
    merged.tags.length !== existing.tags.length ||
    merged.createdAt !== existing.createdAt ||
    merged.useCount !== existing.useCount ||
    merged.lastUsedAt !== existing.lastUsedAt;
  return changed ? merged : null;
}
