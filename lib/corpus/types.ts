/**
 * Shapes of the reference corpus (issue 3). Everything here is plain JSON so a CorpusData can be
 * generated at build time (lib/corpus/generated/corpus.json), stored in IndexedDB by the extension,
 * merged with user-imported documents and sent between extension contexts.
 *
 * Offsets are UTF-16 code units. A PassageRef points into the text of the INPUT document that a
 * corpus document was cut from (`CorpusDoc.parent`), so a collection file keeps its own offsets.
 */

/** Section roles, in their usual order. */
export type Role = 'intro' | 'problems' | 'causes' | 'measures' | 'conclusion' | 'other';
export const ROLES: readonly Role[] = ['intro', 'problems', 'causes', 'measures', 'conclusion', 'other'];

/** How a heading was recognised. */
export type SectionKind =
  /** 一、 （一） (一) 1. 1、 1 … — also found after a sentence end inside a paragraph (lost line break). */
  | 'numbered'
  /** 一是 / 第一， / 首先 … 其次 … 最后 at the start of a paragraph (needs a sibling). */
  | 'list'
  /** A short first sentence used as a heading: “明确任职资格。在新时代……” (needs a sibling). */
  | 'inline'
  /** A short line without a number that names a section: “认清党支部工作中存在的问题”. */
  | 'title-line'
  /** 前言 / 引言 / 结束语 / 参考文献, alone or followed by a colon. */
  | 'label'
  /** A closing paragraph starting with 总之 / 综上所述. */
  | 'conclusion'
  /** The untitled opening paragraphs before the first heading. */
  | 'implicit';

export type Level = 1 | 2 | 3 | 4;

export interface Section {
  /** GB/T 9704 level of the marker (一、1 （一）2 1.3 （1）4); unnumbered headings are 1, 一是-lists one below their parent. */
  level: Level;
  /** The number as written ("一", "3"), "" for unnumbered headings. */
  number: string;
  /** Heading text without its marker ("" for an implicit intro). */
  title: string;
  role: Role;
  /** Range of the heading (marker + title sentence), or of the opening paragraphs for an implicit intro. */
  start: number;
  end: number;
  kind: SectionKind;
}

export interface MissingSection {
  role: Role;
  /** Chinese name of the role, e.g. 原因分析. */
  name: string;
  /** A real heading from the corpus for this role. */
  example: string;
  /** Typical wordings, e.g. 当前……存在的问题. */
  wordings: string[];
  /** Share of corpus documents that have this role (0..1). */
  frequency: number;
  /** The present role it would follow (null: it would come first). */
  after: Role | null;
  /** Where in the draft it would go (offset of the next section, or the end of the text). */
  insertAt: number;
}

/** Input of buildCorpus: one imported document (a seed file, a user's .docx/.txt …). */
export interface CorpusDocInput {
  id: string;
  title: string;
  text: string;
  source: string;
}

/** [document index in CorpusData.docs, start, end] — offsets into the parent input text. */
export type PassageRef = [doc: number, start: number, end: number];

/** One essay of the corpus (an input document, or one essay of a collection file). */
export interface CorpusDoc {
  /** Input id, or `${input id}#${n}` for the n-th essay of a collection. */
  id: string;
  /** Id of the input document the offsets refer to. */
  parent: string;
  title: string;
  source: string;
  /** Range of the essay in the parent text. */
  start: number;
  end: number;
  /** Roles in order of first appearance ('other' left out). */
  roles: Role[];
  /** Ids of the themes this essay covers. */
  themes: string[];
}

/** A heading that names a role by its own wording (not inherited from a parent). */
export interface CorpusHeading {
  role: Role;
  title: string;
  doc: number;
}

export interface RoleStats {
  role: Role;
  name: string;
  /** Number of corpus documents with this role. */
  docs: number;
  frequency: number;
  /** Typical heading wordings with the number of corpus headings they match. */
  wordings: { pattern: string; count: number }[];
  /** Most typical real heading (null when the corpus has no heading for this role). */
  example: string | null;
}

export interface CorpusSections {
  headings: CorpusHeading[];
  /** Stats per role, in usual order. */
  roles: RoleStats[];
  /** All roles seen, in their usual order (from pairwise precedence in the corpus). */
  order: Role[];
  /** Roles common enough to be suggested when missing, in usual order. */
  usual: Role[];
}

export interface ThemeExample {
  text: string;
  ref: PassageRef;
  score: number;
}

export interface ThemeStats {
  /** Curated theme id (names and keywords live in lib/corpus/curated/themes.json). */
  id: string;
  /** Number of corpus documents covering the theme. */
  docs: number;
  /** Sentences where a keyword of the theme occurs. */
  passages: PassageRef[];
  /** Curated keywords found in the corpus: [keyword, occurrences], most frequent first. */
  keywords: [string, number][];
  /** Recurring phrasings mined from the corpus (phrases and enumerations used in the theme's passages that contain one of its words). */
  phrasings: string[];
  /** 2–3 typical sentences. */
  examples: ThemeExample[];
}

export interface Phrase {
  text: string;
  /** Number of documents using it (≥ 2). */
  docs: number;
  /** Occurrences in the corpus. */
  count: number;
  /** First occurrences (at most 3). */
  sources: PassageRef[];
}

export interface CorpusEnumeration {
  parts: string[];
  /** As written in the corpus, parts joined by 、. */
  text: string;
  docs: number;
  count: number;
  sources: PassageRef[];
}

export interface CorpusData {
  version: 1;
  docs: CorpusDoc[];
  sections: CorpusSections;
  themes: ThemeStats[];
  phrases: Phrase[];
  enumerations: CorpusEnumeration[];
}

/** A fixed enumeration a rule can check (lib/corpus/generated/set-phrases.json). */
export interface SetPhraseEnumeration {
  parts: string[];
  /** "curated" or "<doc id>:<offset>" of its first occurrence in the corpus. */
  source: string;
  curated: boolean;
  /** Corpus documents that use it (0 for curated ones the corpus lacks). */
  docs: number;
}
