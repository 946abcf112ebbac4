/**
 * The inline trigger of the snippet picker (typing `//` then letters opens it). Stored on its own in
 * `storage.local` under {@link SNIPPET_TRIGGER_KEY} (content scripts read it there without a message,
 * as they read the settings); the background writes it (setSnippetTrigger). Pure: no DOM, no browser.
 *
 * What a trigger may be: 1–4 punctuation or symbol characters, or '' (off). Letters, digits and Han
 * characters are refused because they are what the query after the trigger is made of: with `zz` as a
 * trigger, `zzshyk` could not be told apart from a word. Spaces are refused because the picker closes on
 * a space.
 */
export const SNIPPET_TRIGGER_KEY = 'snippetTrigger';
export const DEFAULT_SNIPPET_TRIGGER = '//';
export const MAX_TRIGGER_CHARS = 4;

/** Characters a query may hold after the trigger: Latin letters, digits, Han, and # for a tag. */
export const QUERY_CHAR = /[A-Za-z0-9#\u3400-\u9fff\uf900-\ufaff]/;
const BAD_TRIGGER_CHAR = /[\sA-Za-z0-9\u3400-\u9fff\uf900-\ufaff#\u0000-\u001f\u007f]/;

/** The trigger as stored, or null when `raw` cannot be one ('' is valid: off). */
export function checkTrigger(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const t = raw.normalize('NFC');
  if (t === '') return '';
  if ([...t].length > MAX_TRIGGER_CHARS || BAD_TRIGGER_CHAR.test(t)) return null;
  return t;
}

/** The trigger read from storage: the default when missing or damaged. */
export function normalizeTrigger(raw: unknown): string {
  return raw === undefined ? DEFAULT_SNIPPET_TRIGGER : (checkTrigger(raw) ?? DEFAULT_SNIPPET_TRIGGER);
}

/** Longest query typed after the trigger (a longer run is ordinary text, not a search). */
export const MAX_TRIGGER_QUERY = 24;

export interface TriggerMatch {
  /** Offset of the trigger's first character. */
  start: number;
  /** The letters typed after it (may be empty). */
  query: string;
}

/**
 * The trigger and query ending at `caret` in `before` (the text before the caret), or null.
 *
 * The trigger counts only at the start of the text or after a character that cannot continue a URL or a
 * word: `http://`, `a//b`, `1//2` and `///` (a comment rule line) do not open the picker. The query is
 * at most {@link MAX_TRIGGER_QUERY} query characters.
 */
export function findTrigger(before: string, trigger: string): TriggerMatch | null {
  if (!trigger) return null;
  let q = before.length;
  while (q > 0 && before.length - q < MAX_TRIGGER_QUERY && QUERY_CHAR.test(before[q - 1]!)) q--;
  // Walk back over query characters, then expect the trigger right before them. The query may itself
  // be shorter than the run (the trigger ends inside a run only when it ends in a query character,
  // which checkTrigger forbids), so the run is the query.
  const start = q - trigger.length;
  const want = halfWidth(trigger);
  if (start < 0 || halfWidth(before.slice(start, q)) !== want) return null;
  // After a letter or digit (also full-width), an ASCII colon (a URL's scheme) or another trigger
  // character: not a trigger. A Chinese colon is fine (标签：//…).
  const raw = start > 0 ? before[start - 1]! : '';
  const prev = halfWidth(raw);
  if (raw && (/[A-Za-z0-9]/.test(prev) || raw === ':' || want.includes(raw))) return null;
  return { start, query: before.slice(q) };
}

/**
 * Full-width ASCII forms (／ ； ＃ Ａ …, U+FF01–FF5E) as their ASCII counterparts: a Chinese input method in
 * full-width punctuation mode types ／／ for //, and the trigger should still work. One character for one,
 * so offsets do not move.
 */
export function halfWidth(s: string): string {
  return s.replace(/[！-～]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
