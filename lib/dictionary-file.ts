/**
 * The personal dictionary as a file (settings page: 导出 / 导入). Export writes
 * `{"format": "wengao-dictionary", "version": 1, "words": [...]}`; import accepts that, or a bare JSON
 * array of words (what another tool or a hand-made list most likely is). The whole file is checked
 * before anything is stored: one bad entry refuses the file, naming the entry, so a half-imported list
 * never happens. Pure: no DOM, no browser API.
 */
import { MAX_WORD_LENGTH, MAX_WORDS, normalizeWord } from './storage/dictionary';

export const DICTIONARY_FILE_FORMAT = 'wengao-dictionary';
export const DICTIONARY_FILE_VERSION = 1;
/** Largest file read (10,000 words of 64 characters in JSON is about 1.5 MB). */
export const MAX_DICTIONARY_FILE_BYTES = 2 * 1024 * 1024;

export type DictionaryFileError =
  | { code: 'not-json' }
  | { code: 'bad-shape' }
  | { code: 'bad-word'; index: number }
  | { code: 'too-many'; max: number }
  | { code: 'too-large' };

export type DictionaryFileResult = { ok: true; words: string[] } | { ok: false; error: DictionaryFileError };

/** The export file's text (pretty-printed: people open it to look). */
export function dictionaryFileText(words: readonly string[]): string {
  return `${JSON.stringify({ format: DICTIONARY_FILE_FORMAT, version: DICTIONARY_FILE_VERSION, words }, null, 2)}\n`;
}

/** The file name offered for an export, e.g. `文稿助手-个人词典-2026-12-06.json` (local date). */
export function dictionaryFileName(prefix: string, now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${prefix}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/**
 * Read an import file: its words (trimmed, duplicates dropped, first occurrence kept) or the first
 * reason it cannot be used. `bytes` is the file's size, checked before its text is parsed.
 */
export function parseDictionaryFile(text: string, bytes = text.length): DictionaryFileResult {
  if (bytes > MAX_DICTIONARY_FILE_BYTES) return { ok: false, error: { code: 'too-large' } };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: { code: 'not-json' } };
  }
  const list = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as { words?: unknown }).words)
      ? ((data as { words: unknown[] }).words)
      : null;
  if (!list) return { ok: false, error: { code: 'bad-shape' } };
  const words: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const word = normalizeWord(list[i]);
    if (word === null) return { ok: false, error: { code: 'bad-word', index: i + 1 } };
    if (seen.has(word)) continue;
    seen.add(word);
    words.push(word);
    if (words.length > MAX_WORDS) return { ok: false, error: { code: 'too-many', max: MAX_WORDS } };
  }
  return { ok: true, words };
}

/** Longest word, for messages ("1–64 个字"). */
export const DICTIONARY_WORD_MAX = MAX_WORD_LENGTH;
