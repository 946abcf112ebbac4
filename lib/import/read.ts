/**
 * Reference documents → plain text: UTF-8 .txt (with or without BOM), Word .docx (mammoth), pasted
 * text. No DOM and no extension API, so the same code runs in the options page's import worker and in
 * Node tests. Every refusal is an {@link ImportError} with a code; nothing is guessed or half-read
 * (malformed UTF-8 is refused, not replaced with U+FFFD).
 */
import mammoth from 'mammoth';
import { checkDocxLimits } from './docx-limits';
import { ImportError, MAX_FILE_BYTES } from './errors';
import { checkText, extensionOf } from './text';
import type { ReferenceKind } from './types';

export { checkText, cutTitle, extensionOf, titleFromFileName, titleFromText } from './text';

export interface ReadText {
  text: string;
  kind: ReferenceKind;
}

/** Progress of a long read: share done, 0..1. */
export type ReadProgress = (fraction: number) => void;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const TEXT_EXTENSIONS = new Set(['txt', 'text', 'md']);
/** Decoding is done in slices of this size so a progress bar can move. */
const DECODE_SLICE = 1024 * 1024;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/**
 * UTF-8 bytes → text. One leading BOM is dropped; UTF-16, NUL bytes, other control characters and
 * malformed UTF-8 are refused.
 */
export function decodeUtf8(bytes: Uint8Array, onProgress?: ReadProgress): string {
  if (bytes.length > MAX_FILE_BYTES) throw new ImportError('too-large', `${bytes.length} bytes`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new ImportError('utf16');
  if (startsWith(bytes, OLE_MAGIC)) throw new ImportError('legacy-doc');
  if (startsWith(bytes, PDF_MAGIC)) throw new ImportError('unsupported', 'PDF');
  if (bytes.includes(0)) throw new ImportError('binary', 'NUL byte');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  try {
    for (let at = 0; at < bytes.length; at += DECODE_SLICE) {
      const end = Math.min(bytes.length, at + DECODE_SLICE);
      text += decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length });
      onProgress?.(end / bytes.length);
    }
    if (bytes.length === 0) text = decoder.decode(bytes);
  } catch (error) {
    throw new ImportError('not-utf8', String(error));
  }
  if (looksBinary(text)) throw new ImportError('binary', 'control characters');
  return text;
}

/** Control characters other than tab, line feed, vertical tab, form feed, carriage return: a text file has (almost) none. */
export function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13) || c === 0x7f) controls++;
  }
  return controls > 0 && controls * 1000 > text.length;
}

/**
 * .docx → text, one Word paragraph per line (mammoth ends each paragraph with "\n\n"; one "\n" is kept,
 * as the command line does). The zip is checked against lib/import/docx-limits.ts first (unzipped size,
 * paragraphs, XML elements): a bomb is refused (`too-complex`) before mammoth inflates anything.
 */
export async function docxToText(bytes: Uint8Array): Promise<string> {
  if (bytes.length > MAX_FILE_BYTES) throw new ImportError('too-large', `${bytes.length} bytes`);
  if (startsWith(bytes, OLE_MAGIC)) throw new ImportError('legacy-doc');
  if (!startsWith(bytes, ZIP_MAGIC)) throw new ImportError('bad-docx', 'not a zip file');
  await checkDocxLimits(bytes);
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let raw: unknown;
  try {
    // mammoth's browser build reads `arrayBuffer`, its Node build `buffer`: give both.
    const input = { arrayBuffer, buffer: bytes } as unknown as { arrayBuffer: ArrayBuffer };
    raw = (await mammoth.extractRawText(input)).value;
  } catch (error) {
    throw new ImportError('bad-docx', String(error));
  }
  if (typeof raw !== 'string') throw new ImportError('bad-docx', 'no text');
  return raw.replace(/\n\n/g, '\n').replace(/\n$/, '');
}

/** A file picked by the user: .docx by extension or content, text for .txt/.text/.md, anything else refused. */
export async function readReferenceFile(name: string, bytes: Uint8Array, onProgress?: ReadProgress): Promise<ReadText> {
  const ext = extensionOf(name);
  if (bytes.length > MAX_FILE_BYTES) throw new ImportError('too-large', `${bytes.length} bytes`);
  if (ext === 'doc') throw new ImportError('legacy-doc');
  if (ext === 'docx' || (startsWith(bytes, ZIP_MAGIC) && TEXT_EXTENSIONS.has(ext))) {
    const text = checkText(await docxToText(bytes));
    onProgress?.(1);
    return { text, kind: 'docx' };
  }
  if (!TEXT_EXTENSIONS.has(ext)) throw new ImportError('unsupported', ext || name);
  return { text: checkText(decodeUtf8(bytes, onProgress)), kind: 'txt' };
}

/** Pasted text is taken as it is (only the size and emptiness checks). */
export function readPastedText(text: string): ReadText {
  return { text: checkText(text), kind: 'paste' };
}
