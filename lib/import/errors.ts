/**
 * Why a reference document could not be imported. Codes only: the pages turn them into text through
 * `_locales` (see {@link IMPORT_ERROR_MESSAGE_KEYS}), so user-facing words stay in one place per language.
 */

/** Largest file accepted, in bytes (the issue: "> e.g. 5 MB" is refused). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Largest text accepted after extraction, in UTF-16 units (a 5 MB .docx can unzip to much more). */
export const MAX_TEXT_CHARS = 2_000_000;
/** Longest title kept (longer ones are cut). */
export const MAX_TITLE_CHARS = 100;

export type ImportErrorCode =
  /** No text at all (empty file, only white space, a .docx without paragraphs). */
  | 'empty'
  /** File over MAX_FILE_BYTES or text over MAX_TEXT_CHARS. */
  | 'too-large'
  /** NUL bytes or control characters: not a text file. */
  | 'binary'
  /** Bytes that are not valid UTF-8 (GBK text, most often). */
  | 'not-utf8'
  /** UTF-16 text (BOM FF FE / FE FF). */
  | 'utf16'
  /** Word 97–2003 .doc (OLE container). */
  | 'legacy-doc'
  /** A .docx that mammoth cannot read (truncated, not a zip, not Word). */
  | 'bad-docx'
  /**
   * A .docx that unzips to more than its limits (lib/import/docx-limits.ts: unzipped size, paragraphs,
   * XML elements, entries): a zip bomb, or a document far larger than any text the import takes.
   */
  | 'too-complex'
  /** Another file type (.pdf, images …). */
  | 'unsupported'
  /** The stored data was refused or could not be written (IndexedDB error, quota). */
  | 'storage'
  /** The library already holds its most documents or characters (lib/storage/reference-docs.ts). */
  | 'library-full'
  /** Anything else (a bug): the document is not imported. */
  | 'internal';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    /** Technical detail for the console (never shown as the main message). */
    readonly detail = '',
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'ImportError';
  }
}

export function isImportErrorCode(value: unknown): value is ImportErrorCode {
  return typeof value === 'string' && value in IMPORT_ERROR_MESSAGE_KEYS;
}

/** The `_locales` key of each error's message; `$1` in them is the file name or title. */
export const IMPORT_ERROR_MESSAGE_KEYS = {
  empty: 'importErrorEmpty',
  'too-large': 'importErrorTooLarge',
  binary: 'importErrorBinary',
  'not-utf8': 'importErrorNotUtf8',
  utf16: 'importErrorUtf16',
  'legacy-doc': 'importErrorLegacyDoc',
  'bad-docx': 'importErrorBadDocx',
  'too-complex': 'importErrorTooComplex',
  unsupported: 'importErrorUnsupported',
  storage: 'importErrorStorage',
  'library-full': 'importErrorLibraryFull',
  internal: 'importErrorInternal',
} as const satisfies Record<ImportErrorCode, string>;
