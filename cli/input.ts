/**
 * Reading what the user gave us: UTF-8 text files (with or without BOM), .docx files, or stdin.
 * Every failure becomes an InputError with a short bilingual message; callers print it without a stack.
 *
 * Every input is bounded before work: files, pipes, devices (`/dev/zero`, `<(yes)`) and stdin are read
 * as streams that stop at MAX_INPUT_BYTES (a regular file's size is checked before reading), an input
 * that starts like a binary file is refused at its first chunk, and a .docx is checked against
 * lib/import/docx-limits.ts (unzipped size, paragraphs, elements) before mammoth reads it.
 */
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import { checkDocxLimits, DOCX_LIMITS } from '../lib/import/docx-limits';
import { ImportError } from '../lib/import/errors';

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
  overLimit: () => `输入太大：超过上限 ${mb(MAX_INPUT_BYTES)}，已停止读取 (too large: over the ${mb(MAX_INPUT_BYTES)} limit; stopped reading)`,
  binary: '是二进制文件，不是文本 (binary file, not text)',
  notUtf8: '不是 UTF-8 文本，请另存为 UTF-8 (not UTF-8 text; GBK? save it as UTF-8)',
  utf16: '是 UTF-16 编码，请另存为 UTF-8 (UTF-16 text; save it as UTF-8)',
  doc: '不支持旧版 .doc 格式，请另存为 .docx 或 .txt (.doc is not supported; save as .docx or .txt)',
  badDocx: '不是有效的 .docx 文件 (not a valid .docx file)',
  docxBomb: (detail: string) =>
    `.docx 解压后过大或段落过多，可能已损坏或是特意构造的文件 (the .docx unzips to too much: ${detail}; ` +
    `limits ${mb(DOCX_LIMITS.unzippedBytes)}, ${DOCX_LIMITS.paragraphs} paragraphs, ${DOCX_LIMITS.elements} XML elements)`,
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
  try {
    await checkDocxLimits(bytes);
  } catch (error) {
    if (error instanceof ImportError && error.code === 'too-complex') throw new InputError(file, REASONS.docxBomb(error.detail));
    throw new InputError(file, reason);
  }
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

/** Refuse at the first chunk what cannot be text or .docx (so `/dev/zero` is not read 20 MB deep). */
function refuseEarly(file: string, head: Uint8Array): void {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) throw new InputError(file, REASONS.utf16);
  if (startsWith(head, OLE_MAGIC) || startsWith(head, ZIP_MAGIC)) return; // decided later, on the whole
  if (head.includes(0)) throw new InputError(file, REASONS.binary);
}

/** Bytes wanted before the early check (or the whole input, if shorter). */
const HEAD_BYTES = 4096;

/**
 * All of a stream, refusing more than MAX_INPUT_BYTES: reading stops (and the stream is destroyed) as
 * soon as the input is over the limit, so an endless pipe or device costs at most that much.
 */
export async function readStreamBytes(file: string, stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  let checked = false;
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += buf.byteLength;
      if (size > MAX_INPUT_BYTES) throw new InputError(file, REASONS.overLimit());
      chunks.push(buf);
      if (!checked && size >= HEAD_BYTES) {
        checked = true;
        refuseEarly(file, Buffer.concat(chunks).subarray(0, HEAD_BYTES));
      }
    }
  } finally {
    if (size > MAX_INPUT_BYTES || !stream.readableEnded) stream.destroy();
  }
  return Buffer.concat(chunks);
}

/** A file argument, opened for reading after the checks on what it is (directory, size of a regular file). */
async function openInput(file: string, limitRegularSize = true): Promise<{ stream: Readable; regular: boolean }> {
  let regular: boolean;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new InputError(file, REASONS.directory);
    regular = info.isFile();
    // A regular file's size is known: refuse it before reading a byte. Pipes and devices (FIFO,
    // /dev/zero, <(yes)) have none and are read up to the limit.
    if (limitRegularSize && regular && info.size > MAX_INPUT_BYTES) throw new InputError(file, REASONS.tooLarge(info.size));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(file, fsReason(error));
  }
  try {
    const handle = await open(file, 'r');
    return { stream: handle.createReadStream(), regular };
  } catch (error) {
    throw new InputError(file, fsReason(error));
  }
}

/** A file's bytes, at most MAX_INPUT_BYTES whatever kind of file it is. */
export async function readFileBytes(file: string): Promise<Uint8Array> {
  const { stream } = await openInput(file);
  try {
    return await readStreamBytes(file, stream);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(file, fsReason(error));
  }
}

/** Read one input: `-` is standard input. */
export async function readInput(file: string, stdin: Readable): Promise<Input> {
  if (file === '-') return bytesToInput(STDIN_NAME, await readStreamBytes(STDIN_NAME, stdin));
  return bytesToInput(file, await readFileBytes(file));
}

/**
 * Open a file as a stream for JSON lines: read line by line, each line bounded (cli/jsonl.ts). A regular
 * file may be of any size; a pipe or device is capped at MAX_INPUT_BYTES like every other input.
 */
export async function openFileStream(file: string): Promise<{ stream: Readable; maxBytes: number }> {
  const { stream, regular } = await openInput(file, false);
  return { stream, maxBytes: regular ? Infinity : MAX_INPUT_BYTES };
}

export function tooLargeReason(bytes: number): string {
  return REASONS.tooLarge(bytes);
}

export const NOT_UTF8_REASON = REASONS.notUtf8;
export const overLimitReason = REASONS.overLimit;
