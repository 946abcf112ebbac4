/**
 * The corpus of one user document and what it contributes. No mammoth and no DOM: the background
 * (which rebuilds stale corpora) and the import worker both use it.
 */
import { buildCorpus } from '../corpus/build';
import { CONCLUSION_MARKERS, CURATED_ENUMERATIONS, LABELS, ROLE_NAMES, ROLE_WORDS, THEMES } from '../corpus/curated';
import { ROLES, type CorpusData, type Role } from '../corpus/types';
import type { ReferenceContribution } from './types';

/** CorpusDoc.source of user documents (the default corpus uses "seed"). */
export const USER_SOURCE = 'user';

/**
 * Bump when buildCorpus or the outline (lib/corpus/outline.ts) changes in a way that should rebuild stored
 * documents. 2: the outline finds run-in, decimal, circled and label headings and names roles from a vocabulary.
 */
const PIPELINE_VERSION = 2;

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

let signature: string | undefined;
/**
 * Identifies what a stored corpus was built with: pipeline version + the curated themes, role names and
 * vocabulary, and enumerations. When the extension updates them, stored documents are rebuilt from their text.
 */
export function builderSignature(): string {
  const curated = [THEMES, ROLE_NAMES, ROLE_WORDS, [...LABELS], CONCLUSION_MARKERS, CURATED_ENUMERATIONS];
  signature ??= `${PIPELINE_VERSION}:${fnv1a(JSON.stringify(curated))}`;
  return signature;
}

/** The corpus of one user document. */
export function buildReferenceCorpus(id: string, title: string, text: string): CorpusData {
  return buildCorpus([{ id, title, text, source: USER_SOURCE }]);
}

/** What the document adds: themes, section roles, examples, phrasings. */
export function contributionOf(corpus: CorpusData): ReferenceContribution {
  const themeIds = new Set(corpus.docs.flatMap((d) => d.themes));
  const roles = new Set<Role>(corpus.docs.flatMap((d) => d.roles));
  const phrasings = [...corpus.enumerations.map((e) => e.text), ...corpus.phrases.map((p) => p.text)];
  return {
    essays: corpus.docs.length,
    themes: THEMES.map((t) => t.id).filter((id) => themeIds.has(id)),
    roles: ROLES.filter((r) => r !== 'other' && roles.has(r)),
    headings: corpus.sections.headings.length,
    examples: corpus.themes.reduce((n, t) => n + t.examples.length, 0),
    phrasings: phrasings.length,
    samplePhrasings: phrasings.slice(0, 5),
  };
}
