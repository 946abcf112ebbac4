/**
 * Repository of the user's reference documents (background only). A document is stored as three rows
 * written in ONE transaction — metadata, text, derived corpus — so an import either lands whole or not
 * at all. The effective corpus (default corpus + every enabled document) is computed on demand, cached,
 * and dropped whenever the library changes.
 */
import { mergeCorpora } from '../corpus/build';
import { defaultCorpus } from '../corpus/default';
import type { CorpusData } from '../corpus/types';
import { ImportError } from '../import/errors';
import { builderSignature, buildReferenceCorpus, contributionOf } from '../import/corpus';
import { checkText, cutTitle, titleFromText } from '../import/text';
import type { EffectiveCorpus, ReferenceDocSummary, ReferenceImport, ReferenceKind } from '../import/types';
import type { ReferenceCorpusRow, ReferenceDocRow, WengaoDB } from './db';

const KINDS: readonly ReferenceKind[] = ['txt', 'docx', 'paste'];

function summaryOf(row: ReferenceDocRow): ReferenceDocSummary {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    fileName: row.fileName,
    bytes: row.bytes,
    chars: row.chars,
    addedAt: row.addedAt,
    enabled: row.enabled === 1,
    contribution: row.contribution,
  };
}

/** Is this the corpus of document `id` as buildCorpus makes it (enough to merge it safely)? */
export function isCorpusOf(corpus: unknown, id: string): corpus is CorpusData {
  if (!corpus || typeof corpus !== 'object') return false;
  const c = corpus as Partial<CorpusData>;
  return (
    c.version === 1 &&
    Array.isArray(c.docs) &&
    c.docs.length > 0 &&
    c.docs.every((d) => d && d.parent === id) &&
    Array.isArray(c.themes) &&
    Array.isArray(c.phrases) &&
    Array.isArray(c.enumerations) &&
    !!c.sections &&
    Array.isArray(c.sections.headings)
  );
}

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
  async add(input: ReferenceImport): Promise<ReferenceDocSummary> {
    if (!input || typeof input !== 'object' || typeof input.id !== 'string' || !input.id) {
      throw new ImportError('storage', 'malformed import');
    }
    const text = checkText(typeof input.text === 'string' ? input.text : '');
    const title = cutTitle(typeof input.title === 'string' ? input.title : '') || titleFromText(text) || input.id;
    const kind = KINDS.includes(input.kind) ? input.kind : 'paste';
    const signature = builderSignature();
    const corpus =
      input.signature === signature && isCorpusOf(input.corpus, input.id) ? input.corpus : buildReferenceCorpus(input.id, title, text);
    const row: ReferenceDocRow = {
      id: input.id,
      title,
      kind,
      fileName: typeof input.fileName === 'string' ? input.fileName : null,
      bytes: Number.isFinite(input.bytes) && input.bytes >= 0 ? input.bytes : new TextEncoder().encode(text).length,
      chars: text.length,
      addedAt: this.#now(),
      enabled: 1,
      contribution: contributionOf(corpus),
    };
    const db = this.#db;
    try {
      await db.transaction('rw', db.referenceDocs, db.referenceTexts, db.referenceCorpora, async () => {
        await db.referenceDocs.add(row);
        await db.referenceTexts.add({ id: row.id, text });
        await db.referenceCorpora.add({ id: row.id, signature, corpus });
      });
    } catch (error) {
      throw new ImportError('storage', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
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
    return (await this.#db.referenceTexts.get(id))?.text ?? null;
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
      .filter((d) => d.enabled === 1)
      .sort((a, b) => a.addedAt - b.addedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const rows = await db.referenceCorpora.bulkGet(docs.map((d) => d.id));
    const signature = builderSignature();
    let corpus = this.#base;
    const userDocs: EffectiveCorpus['userDocs'] = {};
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      let row: ReferenceCorpusRow | undefined = rows[i];
      if (!row || row.signature !== signature || !isCorpusOf(row.corpus, doc.id)) row = await this.#rebuild(doc);
      if (!row) continue;
      corpus = mergeCorpora(corpus, row.corpus);
      userDocs[doc.id] = { title: doc.title, kind: doc.kind };
    }
    return { corpus, userDocs };
  }

  /** Rebuild a stale corpus from the stored text (after an extension update changed the builder). */
  async #rebuild(doc: ReferenceDocRow): Promise<ReferenceCorpusRow | undefined> {
    const text = await this.text(doc.id);
    if (text === null) return undefined;
    const row: ReferenceCorpusRow = { id: doc.id, signature: builderSignature(), corpus: buildReferenceCorpus(doc.id, doc.title, text) };
    const db = this.#db;
    await db.transaction('rw', db.referenceDocs, db.referenceCorpora, async () => {
      if (!(await db.referenceDocs.get(doc.id))) return; // deleted meanwhile
      await db.referenceCorpora.put(row);
      await db.referenceDocs.update(doc.id, { contribution: contributionOf(row.corpus) });
    });
    return row;
  }

  #changed(): void {
    this.#generation++;
    this.#cache = null;
    this.#onChange();
  }
}
