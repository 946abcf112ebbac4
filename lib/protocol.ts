/**
 * Every message between extension contexts (content script ⇄ background ⇄ side panel), typed.
 * Data and return values are plain JSON. Add a message here first, then its handler in
 * entrypoints/background.ts.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Settings } from './settings';
import type { EffectiveCorpus, ImportResult, ReferenceDocSummary, ReferenceImport } from './import/types';

export interface ProtocolMap {
  /** Liveness check; the background answers with its manifest version. */
  ping(): { ok: true; version: string };
  /** The current settings (defaults filled in). */
  getSettings(): Settings;

  // Reference documents (options page, side panel) — answered by lib/storage/handlers.ts.
  /** Stored reference documents, newest first (metadata and contribution; no text). */
  listReferenceDocs(): ReferenceDocSummary[];
  /** Store a document prepared by the import pipeline (lib/import/pipeline.ts); all or nothing. */
  importReferenceDoc(doc: ReferenceImport): ImportResult;
  /** Include or leave out a document; the document as now stored, null if unknown. */
  setReferenceDocEnabled(data: { id: string; enabled: boolean }): ReferenceDocSummary | null;
  /** Delete a document, its text and its corpus; false if unknown. */
  deleteReferenceDoc(data: { id: string }): boolean;
  /** The default corpus merged with every enabled document, and those documents' titles. */
  getEffectiveCorpus(): EffectiveCorpus;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
