/**
 * Repository of phrase snippets (常用语, issue 12), background only. The pure parts live in lib/snippets
 * (normalising, readings, ranking, the file format, the starter pack); this module stores rows and keeps
 * an in-memory search index in step with them.
 *
 * - One snippet per body: saving a body that is already there merges into that snippet (title kept, tags
 *   united) instead of doubling it, also when two contexts save it at the same moment (the duplicate
 *   check and the write share one read-write transaction, which IndexedDB runs one at a time).
 * - Search runs over an in-memory SnippetIndex: substring, reading and subsequence matches cannot be
 *   answered from IndexedDB indexes (they serve prefixes and equality only), and scanning 10,000 snippets
 *   in memory takes about a millisecond where reading them from IndexedDB takes tens. Every write bumps
 *   a revision row in the same transaction; a search first reads that row and reloads the index when
 *   another connection wrote meanwhile. This context's own writes update the index in place.
 * - Imports are checked whole first (lib/snippets/file.ts) and written in one transaction.
 */
import {
  bodyHash,
  bodyKey,
  exportSnippets,
  MAX_SNIPPETS,
  mergeSnippet,
  parseSnippetFile,
  prepareSnippet,
  problem,
  readingKeys,
  SnippetIndex,
  snippetReadings,
  starterPack,
  type Problem,
  type SearchOptions,
  type SearchResult,
  type Snippet,
  type SnippetDraft,
  type SnippetFile,
  type SnippetReadings,
} from '../snippets';
import type { CorpusData } from '../corpus/types';
import type { WengaoDB } from './db';

/** A snippet as stored: the snippet plus what finding it needs (derived, never exported). */
export interface SnippetRow extends Snippet {
  /** lib/snippets bodyHash(): finds a same-body snippet without indexing whole bodies. */
  bodyHash: string;
  /** Initials and full pinyin of the title (or of the body's opening when there is no title). */
  pyInitials: string;
  pyFull: string;
  readings: SnippetReadings;
}

export interface SnippetMetaRow {
  key: string;
  value: number;
}

const REVISION = 'revision';

export type SaveResult = { ok: true; snippet: Snippet; created: boolean } | { ok: false; problems: Problem[] };

export type ImportOutcome =
  | {
      ok: true;
      /** New snippets stored. */
      added: number;
      /** Existing snippets that gained a title, tags or counts from the file. */
      merged: number;
      /** Entries already present as they are (importing the same file twice: all of them). */
      unchanged: number;
    }
  | { ok: false; problems: Problem[] };

export interface SnippetEdit {
  title?: unknown;
  body?: unknown;
  tags?: unknown;
}

/** The snippet without its derived fields (what crosses message boundaries). */
export function toSnippet(row: SnippetRow): Snippet {
  const { id, title, body, tags, source, createdAt, updatedAt, useCount, lastUsedAt } = row;
  return { id, title, body, tags: [...tags], source, createdAt, updatedAt, useCount, lastUsedAt };
}

/** A row for a snippet (computes its readings: pinyin-pro, a few µs per character). */
function toRow<T extends SnippetDraft>(draft: T, readings?: SnippetReadings): Omit<SnippetRow, 'id'> & Partial<Pick<SnippetRow, 'id'>> {
  const r = readings ?? snippetReadings(draft);
  const keys = readingKeys(r.title);
  const { title, body, tags, source, createdAt, updatedAt, useCount, lastUsedAt } = draft;
  const id = (draft as Partial<Snippet>).id;
  return {
    ...(id !== undefined ? { id } : {}),
    title,
    body,
    tags: [...tags],
    source,
    createdAt,
    updatedAt,
    useCount,
    lastUsedAt,
    bodyHash: bodyHash(body),
    pyInitials: keys.initials,
    pyFull: keys.full,
    readings: r,
  };
}

/** Thrown inside a transaction to roll it back with problems to report. */
class Refused extends Error {
  constructor(readonly problems: Problem[]) {
    super('refused');
  }
}

type Change = { put: SnippetRow } | { delete: number };

export interface SnippetRepositoryOptions {
  /** Called after every change (the background announces it to pages). */
  onChange?: () => void;
  now?: () => number;
}

export class SnippetRepository {
  readonly #db: WengaoDB;
  readonly #onChange: () => void;
  readonly #now: () => number;
  #index: SnippetIndex | null = null;
  /** Revision the index reflects (-1: none loaded). */
  #indexRevision = -1;
  /** performance.now() of the last revision check that found the index current (see search's maxStaleMs). */
  #checkedAt = -Infinity;
  #loading: Promise<void> | null = null;

  constructor(db: WengaoDB, options: SnippetRepositoryOptions = {}) {
    this.#db = db;
    this.#onChange = options.onChange ?? (() => {});
    this.#now = options.now ?? Date.now;
  }

  // ——— reading ———

  async get(id: number): Promise<Snippet | null> {
    const row = await this.#db.snippets.get(id);
    return row ? toSnippet(row) : null;
  }

  /** Every snippet, oldest first. */
  async list(): Promise<Snippet[]> {
    const rows = await this.#db.snippets.toArray();
    return rows.map(toSnippet).sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
  }

  count(): Promise<number> {
    return this.#db.snippets.count();
  }

  /** Every tag in use with how many snippets carry it, most used first (from the multi-entry index). */
  async tags(): Promise<{ tag: string; count: number }[]> {
    const counts = new Map<string, number>();
    await this.#db.snippets.orderBy('tags').eachKey((key) => {
      const tag = String(key);
      counts.set(tag, (counts.get(tag) ?? 0) + 1);
    });
    return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : 1));
  }

  /**
   * Search title, body, tags, full pinyin and initials (ranking: lib/snippets/search.ts). `maxStaleMs`:
   * skip the database's revision check when it was made that recently (the picker searches on every key;
   * in the extension only the background writes, and its own writes keep the index current at once).
   */
  async search(query: string, options: SearchOptions & { maxStaleMs?: number } = {}): Promise<SearchResult> {
    const { maxStaleMs = 0, ...rest } = options;
    const index = maxStaleMs > 0 && this.#index && !this.#loading && performance.now() - this.#checkedAt <= maxStaleMs ? this.#index : await this.#freshIndex();
    return index.search(query, rest);
  }

  /** Load the search index now (the background may call it at start so the first search is fast). */
  async warm(): Promise<void> {
    await this.#freshIndex();
  }

  async #revision(): Promise<number> {
    return (await this.#db.snippetMeta.get(REVISION))?.value ?? 0;
  }

  async #freshIndex(): Promise<SnippetIndex> {
    for (;;) {
      if (this.#loading) {
        await this.#loading;
        continue;
      }
      const checkedAt = performance.now();
      const revision = await this.#revision();
      if (this.#index && revision === this.#indexRevision) {
        this.#checkedAt = checkedAt;
        return this.#index;
      }
      if (this.#loading) continue;
      this.#loading = this.#reload().finally(() => {
        this.#loading = null;
      });
    }
  }

  /** Read every row and its revision in one snapshot and rebuild the index from their stored readings. */
  async #reload(): Promise<void> {
    const db = this.#db;
    const { revision, rows } = await db.transaction('r', db.snippets, db.snippetMeta, async () => ({
      revision: await this.#revision(),
      rows: await db.snippets.toArray(),
    }));
    const index = new SnippetIndex();
    for (const row of rows) index.put(toSnippet(row), row.readings);
    this.#index = index;
    this.#indexRevision = revision;
    this.#checkedAt = -Infinity; // the next search checks again (a write may have come meanwhile)
  }

  // ——— writing ———

  /** Inside a read-write transaction: the next revision (written). */
  async #bump(): Promise<{ before: number; after: number }> {
    const before = await this.#revision();
    await this.#db.snippetMeta.put({ key: REVISION, value: before + 1 });
    return { before, after: before + 1 };
  }

  /** After a committed write: update the index in place if it was current, else leave it to reload. */
  #applied(revision: { before: number; after: number }, changes: Change[]): void {
    if (this.#index && this.#indexRevision === revision.before) {
      for (const c of changes) {
        if ('put' in c) this.#index.put(toSnippet(c.put), c.put.readings);
        else this.#index.delete(c.delete);
      }
      this.#indexRevision = revision.after;
    } else this.#checkedAt = -Infinity; // another connection wrote first: the next search reloads
    if (changes.length) this.#onChange();
  }

  /** Rows with the same body as `body` (normally 0 or 1). */
  async #sameBody(body: string): Promise<SnippetRow | undefined> {
    const key = bodyKey(body);
    const candidates = await this.#db.snippets.where('bodyHash').equals(bodyHash(body)).toArray();
    return candidates.find((r) => bodyKey(r.body) === key);
  }

  /**
   * Save a new snippet (from the side panel, a page selection, a ☆ on a corpus phrasing). A body that is
   * already stored merges into that snippet (`created: false`).
   */
  async create(input: unknown): Promise<SaveResult> {
    const now = this.#now();
    const checked = prepareSnippet(input, now);
    if (!checked.ok) return checked;
    const draft: SnippetDraft = { ...checked.value, createdAt: now, updatedAt: now, useCount: 0, lastUsedAt: 0 };
    return this.#save(draft);
  }

  /** Put back a snippet returned by remove() (undo): same id when free; merged if its body came back meanwhile. */
  async restore(snippet: Snippet): Promise<SaveResult> {
    const checked = prepareSnippet(snippet, this.#now());
    if (!checked.ok) return checked;
    const id = Number.isSafeInteger(snippet.id) && snippet.id > 0 ? snippet.id : undefined;
    return this.#save({ ...checked.value, ...(id !== undefined ? { id } : {}) });
  }

  async #save(draft: SnippetDraft & { id?: number }): Promise<SaveResult> {
    const db = this.#db;
    const row = toRow(draft);
    let result: SaveResult | undefined;
    try {
      const { revision, changes } = await db.transaction('rw', db.snippets, db.snippetMeta, async () => {
        const same = await this.#sameBody(row.body);
        if (same) {
          const merged = mergeSnippet(same, draft);
          if (!merged) {
            result = { ok: true, snippet: toSnippet(same), created: false };
            return { revision: null, changes: [] as Change[] };
          }
          const updated = toRow({ ...merged, updatedAt: this.#now() }, merged.title === same.title ? same.readings : undefined) as SnippetRow;
          await db.snippets.put(updated);
          result = { ok: true, snippet: toSnippet(updated), created: false };
          return { revision: await this.#bump(), changes: [{ put: updated }] };
        }
        if ((await db.snippets.count()) >= MAX_SNIPPETS) throw new Refused([problem('snippets', 'too-many', { count: MAX_SNIPPETS + 1, max: MAX_SNIPPETS })]);
        if (row.id !== undefined && (await db.snippets.get(row.id))) delete row.id; // id taken: a new one
        const id = await db.snippets.add(row as SnippetRow);
        const stored = { ...row, id } as SnippetRow;
        result = { ok: true, snippet: toSnippet(stored), created: true };
        return { revision: await this.#bump(), changes: [{ put: stored }] };
      });
      if (revision) this.#applied(revision, changes);
    } catch (error) {
      if (error instanceof Refused) return { ok: false, problems: error.problems };
      throw error;
    }
    return result!;
  }

  /** Change title, body or tags. A body that another snippet already has is refused ('duplicate'). */
  async update(id: number, edit: SnippetEdit): Promise<SaveResult> {
    const db = this.#db;
    const existing = await db.snippets.get(id);
    if (!existing) return { ok: false, problems: [problem('snippet', 'not-found')] };
    const now = this.#now();
    const checked = prepareSnippet(
      {
        ...toSnippet(existing),
        ...(edit.title !== undefined ? { title: edit.title } : {}),
        ...(edit.body !== undefined ? { body: edit.body } : {}),
        ...(edit.tags !== undefined ? { tags: edit.tags } : {}),
      },
      now,
    );
    if (!checked.ok) return checked;
    const row = toRow({ ...checked.value, id, updatedAt: now }) as SnippetRow;
    try {
      const { revision, stored } = await db.transaction('rw', db.snippets, db.snippetMeta, async () => {
        const current = await db.snippets.get(id);
        if (!current) throw new Refused([problem('snippet', 'not-found')]);
        const same = await this.#sameBody(row.body);
        if (same && same.id !== id) throw new Refused([problem('body', 'duplicate')]);
        // Counts may have moved since it was read (an insert elsewhere): keep the stored ones.
        const stored: SnippetRow = { ...row, useCount: current.useCount, lastUsedAt: current.lastUsedAt };
        await db.snippets.put(stored);
        return { revision: await this.#bump(), stored };
      });
      this.#applied(revision, [{ put: stored }]);
      return { ok: true, snippet: toSnippet(stored), created: false };
    } catch (error) {
      if (error instanceof Refused) return { ok: false, problems: error.problems };
      throw error;
    }
  }

  /** Delete a snippet; returns it as it was (pass it to restore() to undo), null if there was none. */
  async remove(id: number): Promise<Snippet | null> {
    const db = this.#db;
    const { revision, row } = await db.transaction('rw', db.snippets, db.snippetMeta, async () => {
      const row = await db.snippets.get(id);
      if (!row) return { revision: null, row: null };
      await db.snippets.delete(id);
      return { revision: await this.#bump(), row };
    });
    if (!row || !revision) return null;
    this.#applied(revision, [{ delete: id }]);
    return toSnippet(row);
  }

  /** Count one insertion (useCount + 1, lastUsedAt = now); returns the snippet, null if it is gone. */
  async recordUse(id: number): Promise<Snippet | null> {
    const db = this.#db;
    const now = this.#now();
    const { revision, row } = await db.transaction('rw', db.snippets, db.snippetMeta, async () => {
      const current = await db.snippets.get(id);
      if (!current) return { revision: null, row: null };
      const row: SnippetRow = { ...current, useCount: current.useCount + 1, lastUsedAt: Math.max(now, current.lastUsedAt) };
      await db.snippets.put(row);
      return { revision: await this.#bump(), row };
    });
    if (!row || !revision) return null;
    this.#applied(revision, [{ put: row }]);
    return toSnippet(row);
  }

  // ——— files ———

  /** Every snippet as an export file (lib/snippets/file.ts; serializeSnippetFile for the text). */
  async exportFile(): Promise<SnippetFile> {
    return exportSnippets(await this.list(), this.#now());
  }

  /**
   * Import a file (its text or parsed JSON). The whole file is checked first; then everything is written
   * in one transaction, so a bad file — or a failure midway — changes nothing. Bodies already stored
   * merge; the same file imported twice adds nothing.
   */
  async importFile(input: unknown): Promise<ImportOutcome> {
    const parsed = parseSnippetFile(input, this.#now());
    if (!parsed.ok) return parsed;
    return this.#importDrafts(parsed.value.snippets);
  }

  /** Import the starter pack built from `corpus` (the effective corpus: default + reference documents). */
  async importStarterPack(corpus: CorpusData): Promise<ImportOutcome> {
    return this.#importDrafts(starterPack(corpus, { now: this.#now() }));
  }

  async #importDrafts(drafts: readonly SnippetDraft[]): Promise<ImportOutcome> {
    const db = this.#db;
    // Readings first, outside the transaction: IndexedDB commits a transaction left idle, and this is
    // the slow part (pinyin-pro).
    const rows = drafts.map((d) => toRow(d));
    let added = 0;
    let merged = 0;
    let unchanged = 0;
    try {
      const { revision, changes } = await db.transaction('rw', db.snippets, db.snippetMeta, async () => {
        const hashes = [...new Set(rows.map((r) => r.bodyHash))];
        const existing = await db.snippets.where('bodyHash').anyOf(hashes).toArray();
        const byKey = new Map(existing.map((r) => [bodyKey(r.body), r]));
        const fresh: (typeof rows)[number][] = [];
        const updates: SnippetRow[] = [];
        const now = this.#now();
        for (let i = 0; i < rows.length; i++) {
          const same = byKey.get(bodyKey(rows[i]!.body));
          if (!same) {
            fresh.push(rows[i]!);
            continue;
          }
          const m = mergeSnippet(same, drafts[i]!);
          if (!m) {
            unchanged++;
            continue;
          }
          const updated = toRow({ ...m, updatedAt: now }, m.title === same.title ? same.readings : undefined) as SnippetRow;
          updates.push(updated);
          byKey.set(bodyKey(updated.body), updated);
          merged++;
        }
        const total = (await db.snippets.count()) + fresh.length;
        if (total > MAX_SNIPPETS) throw new Refused([problem('snippets', 'too-many', { count: total, max: MAX_SNIPPETS })]);
        const changes: Change[] = updates.map((u) => ({ put: u }));
        if (updates.length) await db.snippets.bulkPut(updates);
        if (fresh.length) {
          const ids = await db.snippets.bulkAdd(fresh as SnippetRow[], { allKeys: true });
          fresh.forEach((r, i) => changes.push({ put: { ...r, id: ids[i]! } as SnippetRow }));
        }
        added = fresh.length;
        return { revision: changes.length ? await this.#bump() : null, changes };
      });
      if (revision) this.#applied(revision, changes);
    } catch (error) {
      if (error instanceof Refused) return { ok: false, problems: error.problems };
      throw error;
    }
    return { ok: true, added, merged, unchanged };
  }
}
