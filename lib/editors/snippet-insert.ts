/**
 * Inserting a snippet (常用语) into an editor: at the caret (replacing a selection, as typing would) or in
 * place of the inline trigger text, through the editor-safe path of apply-edit.ts, so the editor's model
 * and undo stay right and the caret lands after the text. An insertion is a "fix" whose range is the
 * caret (or the trigger) and whose replacement is the snippet.
 *
 * The side panel inserts into the editor the writer was last in: {@link CaretMemory} keeps that editor
 * and its selection as text offsets, read on every selection change inside an editor, because once the
 * writer clicks into the side panel the page's own selection may be gone (a contenteditable loses it
 * when the page moves focus elsewhere). DOM only, no extension API.
 */
import type { Issue } from '../engine/types';
import { applyFix, type ApplyResult } from './apply-edit';
import { skipReason, targetFor, type EditableTarget } from './detect';
import { TextModel } from './text-model';

export interface TextSpan {
  start: number;
  end: number;
}

function isTextField(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  return el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';
}

/** The editor's text as the insert path sees it (field value, or the text model of a rich editor). */
export function editorText(element: HTMLElement): string {
  if (isTextField(element)) return element.value;
  return new TextModel(element, { observe: false }).text;
}

/** The selection inside `element` as text offsets, or null when it is elsewhere. */
export function selectionIn(element: HTMLElement): TextSpan | null {
  if (isTextField(element)) {
    const s = element.selectionStart;
    const e = element.selectionEnd;
    return s === null || e === null ? null : { start: Math.min(s, e), end: Math.max(s, e) };
  }
  const model = new TextModel(element, { observe: false });
  const sel = model.selectionOffsets();
  model.disconnect();
  return sel ? { start: sel.start, end: sel.end } : null;
}

/** Snippets go where prose goes: never into what the checker skips (passwords, data fields, opt-outs). */
export function snippetTarget(node: Node | EventTarget | null): EditableTarget | null {
  const target = targetFor(node);
  return target && skipReason(target.element) === null ? target : null;
}

/**
 * Replace `span` of the editor's text with `text` through the editor's input path. A single-line input
 * gets line breaks as spaces. Never throws.
 */
export async function insertText(element: HTMLElement, span: TextSpan, text: string): Promise<ApplyResult> {
  const current = editorText(element);
  const start = Math.max(0, Math.min(span.start, current.length));
  const end = Math.max(start, Math.min(span.end, current.length));
  const replacement = element.tagName === 'INPUT' ? text.replace(/\s*\n\s*/g, ' ') : text;
  const issue: Issue = {
    rule: 'snippet',
    category: 'phrase' as Issue['category'],
    severity: 'info',
    start,
    end,
    text: current.slice(start, end),
    replacements: [replacement],
    message: '',
  };
  return applyFix(element, issue, { caret: 'after' });
}

/** The last editor the writer was in, in this document (and its same-origin frames), with its selection. */
export class CaretMemory {
  #element: HTMLElement | null = null;
  #span: TextSpan | null = null;

  /** Note the editor holding `node` (call on focus). Its selection is read when it loses the focus. */
  note(node: Node | EventTarget | null): EditableTarget | null {
    const target = snippetTarget(node);
    if (!target) return null;
    if (target.element !== this.#element) this.#span = null;
    this.#element = target.element;
    return target;
  }

  /**
   * Keep the remembered editor's selection (call when it loses the focus: reading it on every selection
   * change would re-read a long document's text model each time).
   */
  refresh(): void {
    if (!this.#element?.isConnected) return;
    const span = selectionIn(this.#element);
    if (span) this.#span = span;
  }

  get element(): HTMLElement | null {
    return this.#element?.isConnected ? this.#element : null;
  }

  /** Insert `text` at the remembered caret (the end of the text when none is known). */
  async insert(text: string): Promise<ApplyResult & { noEditor?: boolean }> {
    const element = this.element;
    if (!element || skipReason(element) !== null) return { ok: false, reason: 'failed', noEditor: true };
    const length = editorText(element).length;
    // The page usually keeps its selection while the side panel has the focus; else the one kept at blur.
    const span = selectionIn(element) ?? this.#span ?? { start: length, end: length };
    const result = await insertText(element, span, text);
    if (result.ok && result.caret !== undefined) this.#span = { start: result.caret, end: result.caret };
    return result;
  }
}
