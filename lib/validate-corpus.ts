/**
 * Deep check of a user document's corpus (lib/corpus/types.ts CorpusData) before it is stored or merged:
 * every field's type and size, every role and level from its closed set, and every reference inside it
 * (PassageRef document indexes, offsets into the document's text, heading → document) in range. A corpus
 * that passes cannot make mergeCorpora, the corpus queries or the side panel throw; one that fails is
 * rebuilt from the stored text instead (lib/storage/reference-docs.ts). Pure.
 */
import { ROLES, type CorpusData, type PassageRef, type Role } from './corpus/types';
import { MAX_TEXT_CHARS } from './import/errors';
import { array, literal, number, object, parse, refine, string, tuple, type Schema } from './validate';

/** Bounds no corpus built from one document of at most MAX_TEXT_CHARS characters comes near. */
export const CORPUS_LIMITS = {
  /** Essays in one document (a collection file is cut into several). */
  docs: 2_000,
  /** Items of any one list (passages of a theme, phrases, headings …). */
  items: 200_000,
  /** Short strings: ids, titles, wordings, keywords. */
  shortText: 1_000,
} as const;

const offset = number({ min: 0, max: MAX_TEXT_CHARS, integer: true });
const count = number({ min: 0, max: Number.MAX_SAFE_INTEGER, integer: true });
const share = number({ min: 0, max: 1 });
const short = string({ max: CORPUS_LIMITS.shortText });
const passage = string({ max: MAX_TEXT_CHARS });
const role = literal(...(ROLES as readonly Role[]));
const roleList = array(role, { max: ROLES.length * 4 });
const list = <T>(item: Schema<T>) => array(item, { max: CORPUS_LIMITS.items });
const ref = tuple(number({ min: 0, max: CORPUS_LIMITS.docs - 1, integer: true }), offset, offset) as Schema<PassageRef>;

const corpusShape = object({
  version: literal(1),
  docs: array(
    object({
      id: short,
      parent: short,
      title: short,
      source: short,
      start: offset,
      end: offset,
      roles: roleList,
      themes: array(short, { max: 1_000 }),
    }),
    { min: 1, max: CORPUS_LIMITS.docs },
  ),
  sections: object({
    headings: list(object({ role, title: passage, doc: number({ min: 0, max: CORPUS_LIMITS.docs - 1, integer: true }) })),
    roles: array(
      object({
        role,
        name: short,
        docs: count,
        frequency: share,
        wordings: list(object({ pattern: short, count })),
        example: (value: unknown, path: string) => (value === null ? null : passage(value, path)),
      }),
      { max: ROLES.length * 4 },
    ),
    order: roleList,
    usual: roleList,
  }),
  themes: array(
    object({
      id: short,
      docs: count,
      passages: list(ref),
      keywords: list(tuple(short, count)),
      phrasings: list(passage),
      examples: list(object({ text: passage, ref, score: number({ min: -1e9, max: 1e9 }) })),
    }),
    { max: 1_000 },
  ),
  phrases: list(object({ text: passage, docs: count, count, sources: array(ref, { max: 100 }) })),
  enumerations: list(
    object({ parts: array(passage, { min: 1, max: 1_000 }), text: passage, docs: count, count, sources: array(ref, { min: 1, max: 100 }) }),
  ),
});

/**
 * The corpus of document `id` whose text is `textLength` characters long, as buildReferenceCorpus makes
 * it: a schema that also checks the references between its parts.
 */
export function corpusOf(id: string, textLength: number): Schema<CorpusData> {
  return refine(corpusShape as Schema<CorpusData>, (c) => {
    const docs = c.docs.length;
    for (const d of c.docs) {
      if (d.parent !== id) return `essay ${d.id} belongs to ${d.parent}, not ${id}`;
      if (d.start > d.end || d.end > textLength) return `essay ${d.id} range outside the text`;
    }
    const badRef = (r: PassageRef) => r[0] >= docs || r[1] > r[2] || r[2] > textLength;
    for (const h of c.sections.headings) if (h.doc >= docs) return 'heading of an unknown essay';
    for (const t of c.themes) {
      if (t.passages.some(badRef) || t.examples.some((e) => badRef(e.ref))) return `theme ${t.id}: reference out of range`;
    }
    for (const p of c.phrases) if (p.sources.some(badRef)) return 'phrase: reference out of range';
    for (const e of c.enumerations) if (e.sources.some(badRef)) return 'enumeration: reference out of range';
    return null;
  });
}

/** Is `corpus` a sound corpus of document `id` (text of `textLength` characters)? Never throws. */
export function isCorpusOf(corpus: unknown, id: string, textLength: number): corpus is CorpusData {
  return parse(corpusOf(id, textLength), corpus, 'corpus').ok;
}
