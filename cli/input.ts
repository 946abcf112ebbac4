/**
 * Reading what the user gave us: UTF-8 text files (with or without BOM), .docx files, or stdin.
 * Every failure becomes an InputError with a short bilingual message; callers print it without a stack.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';

/** Largest input we accept, in bytes (and, for .docx, in bytes of extracted UTF-8 text). */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

export const STDIN_NAME = '<stdin>';

export class InputError extends Error {
  constructor(
    /** The file as the user named it (or `<stdin>`). */
    readonly file: string,
    /** Bilingual reason, e.g. `不是 UTF-8 文本 (not UTF-8 text)`. */
    readonly reason: string,
  ) {
    super(`无法读取 ${file}：${reason}`);
    this.name = 'InputError';
  }
}

export interface Input {
  /** As the user named it; `<stdin>` for standard input. */
  file: string;
  /** Decoded text: UTF-8 without its BOM, or the paragraphs of a .docx one per line. */
  text: string;
  kind: 'text' | 'docx';
}

const REASONS = {
  missing: '文件不存在 (no such file)',
  directory: '是目录，不是文件 (is a directory)',
  permission: '没有读取权限 (permission denied)',
  tooLarge: (bytes: number) =>
    `输入太大：${mb(bytes)}，上限 ${mb(MAX_INPUT_BYTES)} (too large: ${mb(bytes)}, limit ${mb(MAX_INPUT_BYTES)})`,
  binary: '是二进制文件，不是文本 (binary file, not text)',
  notUtf8: '不是 UTF-8 文本，请另存为 UTF-8 (not UTF-8 text; GBK? save it as UTF-8)',
  utf16: '是 UTF-16 编码，请另存为 UTF-8 (UTF-16 text; save it as UTF-8)',
  doc: '不支持旧版 .doc 格式，请另存为 .docx 或 .txt (.doc is not supported; save as .docx or .txt)',
  badDocx: '不是有效的 .docx 文件 (not a valid .docx file)',
  other: (code: string) => `读取失败 (read error: ${code})`,
};

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // old binary .doc / .xls

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * UTF-8 bytes → string. A leading BOM is dropped (so offsets count from the first real character);
 * NUL bytes mean binary; malformed UTF-8 is refused rather than silently replaced with U+FFFD.
 */
export function decodeUtf8(file: string, bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(file, REASONS.utf16);
  }
  if (startsWith(bytes, OLE_MAGIC)) throw new InputError(file, REASONS.doc);
  if (bytes.includes(0)) throw new InputError(file, REASONS.binary);
  try {
    // ignoreBOM: false (the default) strips one leading U+FEFF.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(file, REASONS.notUtf8);
  }
}

/**
 * .docx → text, one Word paragraph per line. mammoth ends every paragraph with "\n\n"; we keep a
 * single "\n" so that line N of the output is paragraph N of the document.
 */
export async function docxToText(file: string, bytes: Uint8Array, reason = REASONS.badDocx): Promise<string> {
  let raw: string;
  try {
    const mammoth = (await import('mammoth')).default;
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
  } catch {
    throw new InputError(file, reason);
  }
  if (typeof raw !== 'string') throw new InputError(file, reason);
  const text = raw.replace(/\n\n/g, '\n').replace(/\n$/, '');
  const size = Buffer.byteLength(text);
  if (size > MAX_INPUT_BYTES) throw new InputError(file, REASONS.tooLarge(size));
  return text;
}

/** Bytes from any source → Input, choosing .docx or text by extension and content. */
export async function bytesToInput(file: string, bytes: Uint8Array): Promise<Input> {
  const ext = extname(file).toLowerCase();
  if (ext === '.doc') throw new InputError(file, REASONS.doc);
  if (ext === '.docx') return { file, text: await docxToText(file, bytes), kind: 'docx' };
  if (startsWith(bytes, ZIP_MAGIC)) {
    // A .docx without its extension (or on stdin); any other zip is just binary.
    return { file, text: await docxToText(file, bytes, REASONS.binary), kind: 'docx' };
  }
  return { file, text: decodeUtf8(file, bytes), kind: 'text' };
}

function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown';
  if (code === 'ENOENT' || code === 'ENOTDIR') return REASONS.missing;
  if (code === 'EISDIR') return REASONS.directory;
  if (code === 'EACCES' || code === 'EPERM') return REASONS.permission;
  return REASONS.other(code);
}

export async function readFileBytes(file: string): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new InputError(file, REASONS.directory);
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(file, fsReason(error));
  }
  if (size > MAX_INPUT_BYTES) throw new InputError(file, REASONS.tooLarge(size));
  try {
    const bytes = await readFile(file);
    // A FIFO or a file that grew after stat().
    if (bytes.byteLength > MAX_INPUT_BYTES) throw new InputError(file, REASONS.tooLarge(bytes.byteLength));
    return bytes;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(file, fsReason(error));
  }
}

/** All of a stream, refusing more than MAX_INPUT_BYTES. */
export async function readStreamBytes(file: string, stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.byteLength;
    if (size > MAX_INPUT_BYTES) throw new InputError(file, REASONS.tooLarge(size));
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Read one input: `-` is standard input. */
export async function readInput(file: string, stdin: Readable): Promise<Input> {
  if (file === '-') return bytesToInput(STDIN_NAME, await readStreamBytes(STDIN_NAME, stdin));
  return bytesToInput(file, await readFileBytes(file));
}

/** Open a file as a stream (JSON lines are read line by line, without a size limit on the whole file). */
export async function openFileStream(file: string): Promise<Readable> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new InputError(file, REASONS.directory);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(file, fsReason(error));
  }
  try {
    const handle = await open(file, 'r');
    return handle.createReadStream();
  } catch (error) {
    throw new InputError(file, fsReason(error));
  }
}

export function tooLargeReason(bytes: number): string {
  return REASONS.tooLarge(bytes);
}
