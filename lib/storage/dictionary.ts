/**
 * The personal dictionary (个人词典): words the user accepted from the fix card ("加入词典"). An issue
 * whose text is one of them is never shown (the engine's `dictionary` option). Stored in the background's
 * database; content scripts fetch the list by message (lib/protocol.ts) and re-fetch it when the
 * background announces a change (DICTIONARY_REVISION_KEY, lib/storage/revision.ts).
 */
import type { WengaoDB } from './db';

/** Longest word accepted (an issue's text: a few characters, a phrase at most). */
export const MAX_WORD_LENGTH = 64;
/** Most words kept; beyond that adding one fails (the list travels to every checked frame). */
export const MAX_WORDS = 10_000;

/** The word as stored, or null when it cannot be one (empty, too long, multi-line). */
export function normalizeWord(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const word = raw.trim();
  if (!word || word.length > MAX_WORD_LENGTH || /[\r\n]/.test(word)) return null;
  return word;
}

/** Why a dictionary write failed: shown in the card ("未能保存到词典") from `_locales[messageKey]`. */
export interface DictionaryWriteFailure {
  /** `storage`: IndexedDB refused the write (quota, a broken database); `full`: MAX_WORDS reached. */
  error: 'storage' | 'full';
  messageKey: 'dictionarySaveFailed' | 'dictionaryFull';
}

/**
 * Result of adding or removing a word: true when it was done, false when there was nothing to do (the
 * word was already there / not there, or is not a word), or the failure.
 */
export type DictionaryWriteResult = boolean | DictionaryWriteFailure;

/** Result of an import: how many words were new and how many were already there (or repeated), or why nothing was stored. */
export type DictionaryImportResult = { added: number; skipped: number } | DictionaryWriteFailure;

export const isWriteFailure = (result: DictionaryWriteResult): result is DictionaryWriteFailure => typeof result === 'object' && result !== null;

const FULL: DictionaryWriteFailure = { error: 'full', messageKey: 'dictionaryFull' };
const STORAGE: DictionaryWriteFailure = { error: 'storage', messageKey: 'dictionarySaveFailed' };

export class PersonalDictionary {
  readonly #db: WengaoDB;
  readonly #onChange: () => void;
  readonly #now: () => number;

  constructor(db: WengaoDB, options: { onChange?: () => void; now?: () => number } = {}) {
    this.#db = db;
    this.#onChange = options.onChange ?? (() => {});
    this.#now = options.now ?? Date.now;
  }

  /** Every word, oldest first (rows that are not words, e.g. from a damaged database, are left out). */
  async words(): Promise<string[]> {
    const rows = await this.#db.dictionary.orderBy('addedAt').toArray();
    const out: string[] = [];
    for (const r of rows) if (r && typeof r.word === 'string' && normalizeWord(r.word) === r.word) out.push(r.word);
    return out;
  }

  /** Add a word: true when added, false when not a word or already there, else why it could not be saved. */
  async add(raw: unknown): Promise<DictionaryWriteResult> {
    const word = normalizeWord(raw);
    if (word === null) return false;
    const db = this.#db;
    let result: DictionaryWriteResult;
    try {
      result = await db.transaction('rw', db.dictionary, async () => {
        if (await db.dictionary.get(word)) return false;
        if ((await db.dictionary.count()) >= MAX_WORDS) return FULL;
        await db.dictionary.add({ word, addedAt: this.#now() });
        return true;
      });
    } catch (error) {
      console.warn('[wengao] dictionary write failed', error);
      return STORAGE;
    }
    if (result === true) this.#onChange();
    return result;
  }

  /**
   * Add several words at once (the settings migration, an import) in ONE transaction: all the new words
   * are stored or none is (a failure throws and leaves the dictionary as it was). Words beyond MAX_WORDS
   * are left out. Returns how many were new.
   */
  async addAll(raw: readonly unknown[]): Promise<number> {
    const words = [...new Set(raw.map(normalizeWord).filter((w): w is string => w !== null))];
    if (!words.length) return 0;
    const db = this.#db;
    const added = await db.transaction('rw', db.dictionary, async () => {
      const existing = await db.dictionary.bulkGet(words);
      const fresh = words.filter((_, i) => existing[i] === undefined);
      const room = Math.max(0, MAX_WORDS - (await db.dictionary.count()));
      const now = this.#now();
      const rows = fresh.slice(0, room).map((word, i) => ({ word, addedAt: now + i }));
      await db.dictionary.bulkAdd(rows);
      return rows.length;
    });
    if (added) this.#onChange();
    return added;
  }

  /**
   * Import a word list (the settings page, from a file it has validated): every new word is stored in
   * one transaction, or none when they would not all fit (`full`) or the write fails (`storage`).
   * Words already there are counted as skipped.
   */
  async importWords(raw: readonly unknown[]): Promise<DictionaryImportResult> {
    const words = [...new Set(raw.map(normalizeWord).filter((w): w is string => w !== null))];
    const db = this.#db;
    let result: DictionaryImportResult;
    try {
      result = await db.transaction('rw', db.dictionary, async () => {
        const existing = await db.dictionary.bulkGet(words);
        const fresh = words.filter((_, i) => existing[i] === undefined);
        if (fresh.length > MAX_WORDS - (await db.dictionary.count())) return FULL;
        const now = this.#now();
        await db.dictionary.bulkAdd(fresh.map((word, i) => ({ word, addedAt: now + i })));
        return { added: fresh.length, skipped: raw.length - fresh.length };
      });
    } catch (error) {
      console.warn('[wengao] dictionary import failed', error);
      return STORAGE;
    }
    if ('added' in result && result.added) this.#onChange();
    return result;
  }

  /** Remove a word: true when removed, false when it was not there, else why it could not be saved. */
  async remove(raw: unknown): Promise<DictionaryWriteResult> {
    const word = normalizeWord(raw);
    if (word === null) return false;
    const db = this.#db;
    let existed: boolean;
    try {
      existed = await db.transaction('rw', db.dictionary, async () => {
        const found = (await db.dictionary.get(word)) !== undefined;
        await db.dictionary.delete(word);
        return found;
      });
    } catch (error) {
      console.warn('[wengao] dictionary write failed', error);
      return STORAGE;
    }
    if (existed) this.#onChange();
    return existed;
  }
}
