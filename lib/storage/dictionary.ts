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

export class PersonalDictionary {
  readonly #db: WengaoDB;
  readonly #onChange: () => void;
  readonly #now: () => number;

  constructor(db: WengaoDB, options: { onChange?: () => void; now?: () => number } = {}) {
    this.#db = db;
    this.#onChange = options.onChange ?? (() => {});
    this.#now = options.now ?? Date.now;
  }

  /** Every word, oldest first. */
  async words(): Promise<string[]> {
    const rows = await this.#db.dictionary.orderBy('addedAt').toArray();
    return rows.map((r) => r.word);
  }

  /** Add a word; false when it is not a valid word, already there, or the dictionary is full. */
  async add(raw: unknown): Promise<boolean> {
    const word = normalizeWord(raw);
    if (word === null) return false;
    const db = this.#db;
    const added = await db.transaction('rw', db.dictionary, async () => {
      if (await db.dictionary.get(word)) return false;
      if ((await db.dictionary.count()) >= MAX_WORDS) return false;
      await db.dictionary.add({ word, addedAt: this.#now() });
      return true;
    });
    if (added) this.#onChange();
    return added;
  }

  /** Add several words at once (a migration, an import); returns how many were new. */
  async addAll(raw: readonly unknown[]): Promise<number> {
    let n = 0;
    for (const w of raw) if (await this.#addQuietly(w)) n++;
    if (n) this.#onChange();
    return n;
  }

  async #addQuietly(raw: unknown): Promise<boolean> {
    const word = normalizeWord(raw);
    if (word === null) return false;
    const db = this.#db;
    return db.transaction('rw', db.dictionary, async () => {
      if ((await db.dictionary.get(word)) || (await db.dictionary.count()) >= MAX_WORDS) return false;
      await db.dictionary.add({ word, addedAt: this.#now() });
      return true;
    });
  }

  /** Remove a word; false when it was not there. */
  async remove(raw: unknown): Promise<boolean> {
    const word = normalizeWord(raw);
    if (word === null) return false;
    const db = this.#db;
    const existed = await db.transaction('rw', db.dictionary, async () => {
      const found = (await db.dictionary.get(word)) !== undefined;
      await db.dictionary.delete(word);
      return found;
    });
    if (existed) this.#onChange();
    return existed;
  }
}
