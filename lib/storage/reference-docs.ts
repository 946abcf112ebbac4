/**
 * Repository of the user's reference documents (background only). A document is stored as three rows
 * written in ONE transaction — metadata, text, derived corpus — so an import either lands whole or not
 * at all. The effective corpus (default corpus + every enabled document) is computed on demand, cached,
 * and dropped whenever the library changes.
 */
import { mergeCorpora } from '../corpus/build';
import { defaultCorpus } from '../corpus/default';
import type { CorpusData } from '../corpus/types';
import { ImportError, MAX_TEXT_CHARS } from '../import/errors';
import { builderSignature, buildReferenceCorpus, contributionOf } from '../import/corpus';
import { checkText, cutTitle, titleFromText } from '../import/text';
import type { EffectiveCorpus, ReferenceContribution, ReferenceDocSummary, ReferenceImport, ReferenceKind } from '../import/types';
import { ROLES } from '../corpus/types';
import { array, literal, number, object, parse, string } from '../validate';
import { corpusOf } from '../validate-corpus';
import type { ReferenceCorpusRow, ReferenceDocRow, WengaoDB } from './db';

/** Most documents kept (each can be up to MAX_TEXT_CHARS characters). */
export const MAX_REFERENCE_DOCS = 200;
/** Most characters of text over all documents (≈ 40 MB in IndexedDB). */
export const MAX_LIBRARY_CHARS = 20_000_000;
/** Longer file names are cut (no file system allows more than 255 bytes per name). */
export const MAX_STORED_FILE_NAME = 255;

const KINDS: readonly ReferenceKind[] = ['txt', 'docx', 'paste'];

const contributionSchema = object({
  essays: number({ min: 0, max: 1e6, integer: true }),
  themes: array(string({ max: 200 }), { max: 1_000 }),
  roles: array(literal(...ROLES), { max: ROLES.length }),
  headings: number({ min: 0, max: 1e7, integer: true }),
  examples: number({ min: 0, max: 1e7, integer: true }),
  phrasings: number({ min: 0, max: 1e7, integer: true }),
  samplePhrasings: array(string({ max: MAX_TEXT_CHARS }), { max: 100 }),
});
const EMPTY_CONTRIBUTION: ReferenceContribution = { essays: 0, themes: [], roles: [], headings: 0, examples: 0, phrasings: 0, samplePhrasings: [] };
const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0);

/**
 * A stored row as the pages get it. Every field is checked again: a damaged row (another version, a
 * failing disk, a hand-edited database) is shown with safe values instead of breaking the whole list.
 */
function summaryOf(row: ReferenceDocRow): ReferenceDocSummary {
  const r = (row && typeof row === 'object' ? row : {}) as Partial<Record<keyof ReferenceDocRow, unknown>>;
  const id = typeof r.id === 'string' ? r.id : String(r.id);
  const contribution = parse(contributionSchema, r.contribution);
  return {
    id,
    title: typeof r.title === 'string' ? cutTitle(r.title) || id : id,
    kind: KINDS.includes(r.kind as ReferenceKind) ? (r.kind as ReferenceKind) : 'paste',
    fileName: typeof r.fileName === 'string' ? r.fileName.slice(0, MAX_STORED_FILE_NAME) : null,
    bytes: count(r.bytes),
    chars: count(r.chars),
    addedAt: count(r.addedAt),
    enabled: r.enabled === 1,
    contribution: contribution.ok ? contribution.value : EMPTY_CONTRIBUTION,
  };
}

/**
 * The corpus of document `id` (text of `textLength` characters), deeply checked (lib/validate-corpus.ts),
 * or null when it is not one: then it is rebuilt from the text.
 */
export function checkedCorpus(corpus: unknown, id: string, textLength: number): CorpusData | null {
  const result = parse(corpusOf(id, textLength), corpus, 'corpus');
  return result.ok ? result.value : null;
}

/** An import as it may arrive: any corpus (checked here), or none. */
export type ImportInput = Omit<ReferenceImport, 'corpus'> & { corpus?: unknown };

export interface ReferenceLibraryOptions {
  /** Corpus the user documents are merged into (default: the shipped seed corpus). */
  base?: CorpusData;
  /** Called after every change (the background bumps a revision the side panel watches). */
  onChange?: () => void;
  now?: () => number;
}

export class ReferenceLibrary {
  readonly #db: WengaoDB;
  readonly #base: CorpusData;
  readonly #onChange: () => void;
  readonly #now: () => number;
  #generation = 0;
  #cache: { generation: number; value: Promise<EffectiveCorpus> } | null = null;

  constructor(db: WengaoDB, options: ReferenceLibraryOptions = {}) {
    this.#db = db;
    this.#base = options.base ?? defaultCorpus;
    this.#onChange = options.onChange ?? (() => {});
    this.#now = options.now ?? Date.now;
  }

  /**
   * Store a prepared document (see lib/import/pipeline.ts). The input is checked again here (it crossed
   * a message boundary); a missing, foreign or stale corpus is rebuilt from the text. Throws ImportError;
   * on any failure nothing is stored.
   */
  async add(input: ImportInput): Promise<ReferenceDocSummary> {
    if (!input || typeof input !== 'object' || typeof input.id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(input.id)) {
      throw new ImportError('storage', 'malformed import');
    }
    const text = checkText(typeof input.text === 'string' ? input.text : '');
    const title = cutTitle(typeof input.title === 'string' ? input.title.slice(0, 10_000) : '') || titleFromText(text) || input.id;
    const kind = KINDS.includes(input.kind) ? input.kind : 'paste';
    const signature = builderSignature();
    const corpus = (input.signature === signature && checkedCorpus(input.corpus, input.id, text.length)) || buildReferenceCorpus(input.id, title, text);
    const row: ReferenceDocRow = {
      id: input.id,
      title,
      kind,
      fileName: typeof input.fileName === 'string' && input.fileName ? input.fileName.slice(0, MAX_STORED_FILE_NAME) : null,
      bytes: Number.isSafeInteger(input.bytes) && input.bytes >= 0 ? input.bytes : new TextEncoder().encode(text).length,
      chars: text.length,
      addedAt: this.#now(),
      enabled: 1,
      contribution: contributionOf(corpus),
    };
    const db = this.#db;
    let full = false;
    try {
      await db.transaction('rw', db.referenceDocs, db.referenceTexts, db.referenceCorpora, async () => {
        // The library's bounds, checked in the same transaction as the write.
        const stored = await db.referenceDocs.toArray();
        const chars = stored.reduce((n, d) => n + count(d?.chars), 0);
        if (stored.length >= MAX_REFERENCE_DOCS || chars + text.length > MAX_LIBRARY_CHARS) {
          full = true;
          return;
        }
        await db.referenceDocs.add(row);
        await db.referenceTexts.add({ id: row.id, text });
        await db.referenceCorpora.add({ id: row.id, signature, corpus });
      });
    } catch (error) {
      throw new ImportError('storage', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
    if (full) throw new ImportError('library-full', `${MAX_REFERENCE_DOCS} documents or ${MAX_LIBRARY_CHARS} characters`);
    this.#changed();
    return summaryOf(row);
  }

  /** Every stored document, newest first. */
  async list(): Promise<ReferenceDocSummary[]> {
    const rows = await this.#db.referenceDocs.orderBy('addedAt').reverse().toArray();
    return rows.map(summaryOf);
  }

  async get(id: string): Promise<ReferenceDocSummary | null> {
    const row = await this.#db.referenceDocs.get(id);
    return row ? summaryOf(row) : null;
  }

  /** Full text of a document (null if unknown). */
  async text(id: string): Promise<string | null> {
    const text = (await this.#db.referenceTexts.get(id))?.text;
    return typeof text === 'string' ? text : null;
  }

  /** Include or leave out a document; returns it as now stored (null if unknown). */
  async setEnabled(id: string, enabled: boolean): Promise<ReferenceDocSummary | null> {
    const value = enabled ? 1 : 0;
    const n = await this.#db.referenceDocs.update(id, { enabled: value });
    const row = await this.#db.referenceDocs.get(id);
    if (n > 0) this.#changed();
    return row ? summaryOf(row) : null;
  }

  /** Delete a document with its text and corpus; false if there was none. */
  async remove(id: string): Promise<boolean> {
    const db = this.#db;
    const existed = await db.transaction('rw', db.referenceDocs, db.referenceTexts, db.referenceCorpora, async () => {
      const found = (await db.referenceDocs.get(id)) !== undefined;
      await db.referenceDocs.delete(id);
      await db.referenceTexts.delete(id);
      await db.referenceCorpora.delete(id);
      return found;
    });
    if (existed) this.#changed();
    return existed;
  }

  /** Default corpus merged with every enabled document (oldest first), cached until the next change. */
  effectiveCorpus(): Promise<EffectiveCorpus> {
    const generation = this.#generation;
    if (this.#cache?.generation === generation) return this.#cache.value;
    const value = this.#computeEffective();
    this.#cache = { generation, value };
    // A failed computation is not kept.
    value.catch(() => {
      if (this.#cache?.value === value) this.#cache = null;
    });
    return value;
  }

  async #computeEffective(): Promise<EffectiveCorpus> {
    const db = this.#db;
    const docs = (await db.referenceDocs.toArray())
      .filter((d) => d && typeof d.id === 'string' && d.enabled === 1)
      .sort((a, b) => count(a.addedAt) - count(b.addedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const rows = await db.referenceCorpora.bulkGet(docs.map((d) => d.id));
    const signature = builderSignature();
    let corpus = this.#base;
    const userDocs: EffectiveCorpus['userDocs'] = {};
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      // A stored corpus is used only when it passes the deep check against its document; anything else
      // (older builder, damaged row) is rebuilt from the stored text, and a document whose text is gone
      // too is left out. One bad document never costs the others.
      const stored = rows[i];
      let own = stored?.signature === signature ? checkedCorpus(stored.corpus, doc.id, count(doc.chars)) : null;
      try {
        own ??= (await this.#rebuild(doc))?.corpus ?? null;
        if (!own) continue;
        corpus = mergeCorpora(corpus, own);
      } catch (error) {
        console.warn('[wengao] reference document left out of the corpus', doc.id, error);
        continue;
      }
      userDocs[doc.id] = { title: summaryOf(doc).title, kind: summaryOf(doc).kind };
    }
    return { corpus, userDocs };
  }

  /** Rebuild a stale corpus from the stored text (after an extension update changed the builder). */
  async #rebuild(doc: ReferenceDocRow): Promise<ReferenceCorpusRow | undefined> {
    const text = await this.text(doc.id);
    if (text === null) return undefined;
    const row: ReferenceCorpusRow = { id: doc.id, signature: builderSignature(), corpus: buildReferenceCorpus(doc.id, summaryOf(doc).title, text) };
    const db = this.#db;
    await db.transaction('rw', db.referenceDocs, db.referenceCorpora, async () => {
      if (!(await db.referenceDocs.get(doc.id))) return; // deleted meanwhile
      await db.referenceCorpora.put(row);
      await db.referenceDocs.update(doc.id, { contribution: contributionOf(row.corpus), chars: text.length });
    });
    return row;
  }

  #changed(): void {
    this.#generation++;
    this.#cache = null;
    this.#onChange();
  }
}
