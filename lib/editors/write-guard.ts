/**
 * May a fix be written here, now? Asked before the first step of a fix and again right before every
 * write, in the same task as the write: a page can disable a field, make it read-only, turn
 * `contenteditable` off or make the region inert while a fix is under way (between the card's 应用 and
 * the write, an editor's asynchronous steps run), and a write must then not happen.
 */

/** The element, its ancestors, and across shadow roots and frames their hosts and frame elements. */
function* composedAncestors(el: Element): Generator<Element> {
  let n: Node | null = el;
  for (let guard = 0; n && guard < 10_000; guard++) {
    if (n.nodeType === 1) yield n as Element;
    const parent: Node | null = n.parentNode;
    if (parent) {
      n = parent.nodeType === 11 ? ((parent as ShadowRoot).host ?? null) : parent;
      continue;
    }
    // A document: go on with the frame element that holds it (same-origin only).
    try {
      n = (n as Document).defaultView?.frameElement ?? null;
    } catch {
      n = null;
    }
  }
}

/** Inside an `inert` subtree (here, or around the frame or shadow host that holds it). */
export function isInert(el: Element): boolean {
  for (const a of composedAncestors(el)) if (a.hasAttribute('inert')) return true;
  return false;
}

export type Unwritable = 'disconnected' | 'disabled' | 'readonly' | 'not-editable' | 'inert';

/** Why a textarea or input takes no fix now, or null when it does. */
export function fieldUnwritable(field: HTMLTextAreaElement | HTMLInputElement): Unwritable | null {
  if (!field.isConnected) return 'disconnected';
  // :disabled also covers a `<fieldset disabled>` around the field (outside its first legend).
  if (field.disabled || field.matches(':disabled')) return 'disabled';
  if (field.readOnly) return 'readonly';
  if (isInert(field)) return 'inert';
  return null;
}

/**
 * Why a contenteditable root (and the node the fix starts in) takes no fix now, or null when it does.
 * A `contenteditable=false` island inside the editor counts as not editable. A block list (Editor.js) is
 * no editing host itself: there the node's own block decides.
 */
export function editableUnwritable(root: HTMLElement, at?: Node | null): Unwritable | null {
  if (!root.isConnected) return 'disconnected';
  if (root.getAttribute('aria-readonly') === 'true') return 'readonly';
  const designMode = root.ownerDocument.designMode === 'on';
  if (!designMode) {
    const el = at ? (at.nodeType === 1 ? (at as HTMLElement) : at.parentElement) : root;
    if (!el || !root.contains(el) || !el.isContentEditable) return 'not-editable';
  }
  if (isInert(root)) return 'inert';
  return null;
}
