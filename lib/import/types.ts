/**
 * Shapes of the user's reference documents as they cross contexts (options page ⇄ import worker ⇄
 * background ⇄ side panel). Plain JSON only; no runtime code here, so lib/protocol.ts can import it.
 */
import type { CorpusData, Role } from '../corpus/types';
import type { ImportErrorCode } from './errors';

export type ReferenceKind = 'txt' | 'docx' | 'paste';

/** What one document adds to the corpus, shown in the options page. */
export interface ReferenceContribution {
  /** Essays found (a collection file holds several). */
  essays: number;
  /** Curated theme ids its essays cover, in curated order. */
  themes: string[];
  /** Section roles its headings show, in usual order ('other' left out). */
  roles: Role[];
  /** Headings that name a role by their own wording. */
  headings: number;
  /** Typical sentences it offers as theme examples. */
  examples: number;
  /** Parallel enumerations (排比) and recurring phrases found in it. */
  phrasings: number;
  /** The first few of them, as written. */
  samplePhrasings: string[];
}

/** Built by the import pipeline (worker), stored by the background. */
export interface ReferenceImport {
  /** Random id; also the corpus input id, so every PassageRef of `corpus` names this document. */
  id: string;
  title: string;
  kind: ReferenceKind;
  /** Original file name (null for pasted text). */
  fileName: string | null;
  /** Size of the file, or UTF-8 size of pasted text. */
  bytes: number;
  text: string;
  /** buildCorpus([this document]). */
  corpus: CorpusData;
  /** Builder signature the corpus was made with (see lib/import/pipeline.ts); stale ones are rebuilt. */
  signature: string;
}

/** One stored document as the options page lists it (no text, no corpus). */
export interface ReferenceDocSummary {
  id: string;
  title: string;
  kind: ReferenceKind;
  fileName: string | null;
  bytes: number;
  /** Length of the text in characters (UTF-16 units). */
  chars: number;
  /** Milliseconds since the epoch. */
  addedAt: number;
  enabled: boolean;
  contribution: ReferenceContribution;
}

export type ImportResult = { ok: true; doc: ReferenceDocSummary } | { ok: false; error: ImportErrorCode; detail?: string };

/** Where a corpus document comes from, for "source" marks next to examples. */
export interface CorpusSource {
  kind: 'default' | 'user';
  /** Stored document id for user documents; corpus document id for default ones. */
  id: string;
  title: string;
}

/** The default corpus merged with every enabled user document. */
export interface EffectiveCorpus {
  corpus: CorpusData;
  /** Enabled user documents by id (= CorpusDoc.parent of their essays). */
  userDocs: Record<string, { title: string; kind: ReferenceKind }>;
}

export type ImportStage = 'read' | 'analyse' | 'save';

export interface ImportProgress {
  stage: ImportStage;
  /** Share of the stage done, 0..1. */
  fraction: number;
}
