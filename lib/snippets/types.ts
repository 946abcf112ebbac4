/**
 * Shapes of phrase snippets (常用语, issue 12). Plain JSON: snippets cross every context boundary
 * (background ⇄ side panel ⇄ content script) and are exported as files. Pure: no DOM, Dexie or browser.
 */

/** Longest body, in UTF-16 units after normalisation (a few paragraphs). */
export const MAX_BODY_CHARS = 20_000;
/** Longest title, in UTF-16 units after normalisation. */
export const MAX_TITLE_CHARS = 200;
/** Most tags on one snippet. */
export const MAX_TAGS = 20;
/** Longest tag, in UTF-16 units after normalisation. */
export const MAX_TAG_CHARS = 30;
/** Longest source (a page URL), in UTF-16 units. */
export const MAX_SOURCE_CHARS = 2_048;
/** Most snippets in one import file (and in the whole collection). */
export const MAX_SNIPPETS = 10_000;

/**
 * Where a snippet came from: typed by the user ('manual'), the starter pack built from the reference
 * corpus ('corpus'), the URL of the page a selection was saved from, or the id of a reference document
 * (lib/import) it was taken from. See {@link sourceKind}.
 */
export type SnippetSource = string;
export type SourceKind = 'manual' | 'corpus' | 'page' | 'reference';

export interface Snippet {
  /** Local key (auto-increment in the database; never exported: ids differ between profiles). */
  id: number;
  /** May be empty: a short phrasing is its own title (see displayTitle). */
  title: string;
  body: string;
  tags: string[];
  source: SnippetSource;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  /** Insertions so far (recordUse). */
  useCount: number;
  /** Epoch milliseconds of the last insertion; 0 = never used. */
  lastUsedAt: number;
}

/** What a caller supplies to create a snippet (or one entry of an import file). */
export interface SnippetInput {
  title?: unknown;
  body: unknown;
  tags?: unknown;
  source?: unknown;
  createdAt?: unknown;
  updatedAt?: unknown;
  useCount?: unknown;
  lastUsedAt?: unknown;
}

/** A snippet checked and normalised, not stored yet (no id). */
export type SnippetDraft = Omit<Snippet, 'id'>;

/** One thing wrong with a snippet or a file, in both languages (the UI picks one). */
export interface Problem {
  /** Where: `body`, `snippets[12].tags[3]`, `file`. */
  path: string;
  code: ProblemCode;
  zh: string;
  en: string;
}

export type ProblemCode =
  | 'not-json'
  | 'too-large'
  | 'not-object'
  | 'wrong-format'
  | 'newer-version'
  | 'bad-version'
  | 'type'
  | 'empty'
  | 'too-long'
  | 'too-many'
  | 'bad-source'
  | 'bad-number'
  | 'duplicate'
  | 'not-found';

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };
