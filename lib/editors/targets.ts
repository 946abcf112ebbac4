/**
 * Which elements Wengao checks, and how to read their text.
 * DOM-only helpers (no extension APIs), shared by the content script and the practice page.
 */

export type EditableElement = HTMLTextAreaElement | HTMLInputElement | HTMLElement;

/** `<input>` types that hold free text. Password, email, number … are never checked. */
const TEXT_INPUT_TYPES = new Set(['', 'text', 'search']);

/** True when the user turned Wengao off for this element or an ancestor (`data-wengao="off"`). */
export function isOptedOut(el: Element): boolean {
  return el.closest('[data-wengao="off"]') !== null;
}

function isTextControl(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  if (el instanceof HTMLTextAreaElement) return true;
  if (el instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(el.type.toLowerCase());
  return false;
}

/** The outermost contenteditable element containing `el` (the editing host). */
function editingHost(el: HTMLElement): HTMLElement {
  let host = el;
  for (let p = el.parentElement; p && p.isContentEditable; p = p.parentElement) host = p;
  return host;
}

/**
 * The checkable editor an event target belongs to, or null.
 * Pass `event.composedPath()[0]` so fields inside open shadow roots are found.
 */
export function findEditable(target: EventTarget | null | undefined): EditableElement | null {
  if (!target || !(target instanceof Element)) return null;
  if (isTextControl(target)) {
    if (target.readOnly || target.disabled || isOptedOut(target)) return null;
    return target;
  }
  if (target instanceof HTMLElement && target.isContentEditable) {
    const host = editingHost(target);
    return isOptedOut(host) ? null : host;
  }
  // A text node's parent, or an element inside an editor (e.g. a <span> in a rich editor).
  const parent = (target as Element).parentElement;
  if (parent?.isContentEditable) {
    const host = editingHost(parent);
    return isOptedOut(host) ? null : host;
  }
  return null;
}

/** The text the engine should check. Offsets into it are what later highlighting will map back. */
export function readText(el: EditableElement): string {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return el.value;
  return el.innerText;
}
