/**
 * Text checks and titles for reference documents: no mammoth, no DOM, so the background (which
 * re-checks what it stores) can use them without bundling the .docx reader.
 */
import { ImportError, MAX_TEXT_CHARS, MAX_TITLE_CHARS } from './errors';

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Checks shared by every kind of input: something to read, not too much. */
export function checkText(text: string): string {
  if (text.length > MAX_TEXT_CHARS) throw new ImportError('too-large', `${text.length} characters`);
  if (!text.trim()) throw new ImportError('empty');
  return text;
}

/** “2023年支部工作总结.docx” → “2023年支部工作总结”. */
export function titleFromFileName(name: string): string {
  const base = name.replace(/^.*[\\/]/, '');
  const ext = extensionOf(base);
  return cutTitle(ext ? base.slice(0, -(ext.length + 1)) : base) || base;
}

/** The first non-empty line, as a fallback title for pasted text. */
export function titleFromText(text: string): string {
  const line = /^[^\S\r\n]*(\S[^\r\n]*)/m.exec(text.slice(0, 100_000))?.[1] ?? '';
  return cutTitle(line.slice(0, 1000));
}

export function cutTitle(title: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  if (t.length <= MAX_TITLE_CHARS) return t;
  let cut = MAX_TITLE_CHARS - 1;
  const c = t.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--; // never split a surrogate pair
  return `${t.slice(0, cut)}…`;
}
