/**
 * The extension's IndexedDB database (Dexie). Only the background opens it; pages reach it through the
 * typed messages in lib/protocol.ts.
 *
 * Schema history — add a new `this.version(n)` block for every change, never edit an old one
 * (Dexie upgrades existing databases step by step; only indexed fields are listed, rows hold more):
 *
 *   v1  referenceDocs     id           metadata + contribution of each user reference document (small;
 *                         addedAt      what the options page lists)
 *       referenceTexts    id           the document's full text (large; read only to rebuild a corpus)
 *       referenceCorpora  id           CorpusData derived from the text + the builder signature
 *
 *   v2  dictionary        word         the personal dictionary: words never flagged (加入词典; content
 *                         addedAt      scripts get the list by message: lib/storage/dictionary.ts)
 *
 *   v3  snippets          ++id         phrase snippets (常用语): lib/storage/snippets.ts; the row holds
 *                         bodyHash     the snippet + its readings. bodyHash finds a duplicate body;
 *                         title, *tags, useCount, lastUsedAt, updatedAt   listing and tag filters;
 *                         pyInitials, pyFull   title pinyin (initials, full spelling) for prefix lookups
 *       snippetMeta       key          one row {key: 'revision'}: bumped by every snippet write, so a
 *                                      context with a cached search index sees another's writes
 * Settings stay in browser.storage.local: the content script reads them there without a message.
 */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { CorpusData } from '../corpus/types';
import type { ReferenceDocSummary } from '../import/types';
import type { SnippetMetaRow, SnippetRow } from './snippets';

export const DB_NAME = 'wengao';

/** The summary the options page lists, as stored. */
export interface ReferenceDocRow extends Omit<ReferenceDocSummary, 'enabled'> {
  /** 1 = part of the effective corpus, 0 = kept but ignored (a number: booleans cannot be indexed). */
  enabled: 0 | 1;
}

export interface ReferenceTextRow {
  id: string;
  text: string;
}

export interface ReferenceCorpusRow {
  id: string;
  /** lib/import/pipeline.ts builderSignature() at build time. */
  signature: string;
  corpus: CorpusData;
}

export interface DictionaryRow {
  word: string;
  addedAt: number;
}

export class WengaoDB extends Dexie {
  referenceDocs!: EntityTable<ReferenceDocRow, 'id'>;
  referenceTexts!: EntityTable<ReferenceTextRow, 'id'>;
  referenceCorpora!: EntityTable<ReferenceCorpusRow, 'id'>;
  dictionary!: EntityTable<DictionaryRow, 'word'>;
  snippets!: EntityTable<SnippetRow, 'id'>;
  snippetMeta!: EntityTable<SnippetMetaRow, 'key'>;

  /** `options` lets tests pass fake-indexeddb's `indexedDB` and `IDBKeyRange`. */
  constructor(name = DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      referenceDocs: 'id, addedAt',
      referenceTexts: 'id',
      referenceCorpora: 'id',
    });
    this.version(2).stores({ dictionary: 'word, addedAt' });
    this.version(3).stores({
      snippets: '++id, bodyHash, title, *tags, useCount, lastUsedAt, updatedAt, pyInitials, pyFull',
      snippetMeta: 'key',
    });
  }
}
