/**
 * Finding the fields Wengao checks, and which editor each one is.
 *
 * Targets: where people write prose — `<textarea>`, `<input type=text>` (or no type), contenteditable
 * roots (the outermost editable element, the editing host) and designMode documents, in the document, in
 * open shadow roots and in same-origin iframes (TinyMCE's srcdoc body, the `document.write` frames of
 * CKEditor 4, KindEditor and UEditor).
 *
 * Skipped (skip policy): fields for data rather than prose — passwords and other credentials, one-time
 * codes, e-mail, URL, telephone, number, date/time and search fields (by type, `autocomplete`,
 * `inputmode`, role and the usual search names), read-only/disabled fields; code editors (CodeMirror 5/6,
 * Monaco, Ace) and the HTML source views of rich editors; `data-wengao="off"` on the field or a parent.
 * Not opt-outs: `data-gramm="false"` (it keeps Grammarly's DOM edits away; Quill 1 sets it by default) and
 * `spellcheck="false"` on rich editors (Jodit, CKEditor 4 and TinyMCE set it to hide the browser's English
 * squiggles). On a plain textarea/input `spellcheck="false"` still marks a code or identifier field.
 * Fields the user switched off from the badge are the controller's business (it knows the stored list).
 */

import { CHECKER_PING, CODE_EDITOR_SELECTOR, OPT_OUT_SELECTOR } from './field-selectors';

// The frame ping is shared with the small watch of every page (./content-watch.ts), which must not carry this module.
export { CHECKER_PING };

export type EditorKind =
  | 'textarea'
  | 'input'
  | 'contenteditable'
  | 'quill'
  | 'prosemirror'
  | 'ckeditor5'
  | 'lexical'
  | 'slate'
  | 'wangeditor'
  | 'tinymce'
  | 'draftjs'
  | 'ckeditor4'
  | 'kindeditor'
  | 'jodit'
  | 'summernote'
  | 'froala'
  | 'editorjs'
  | 'toastui'
  | 'medium'
  | 'wangeditor4'
  | 'ueditor';

export interface EditableTarget {
  element: HTMLElement;
  kind: EditorKind;
  /** A textarea or input (mirror overlay) rather than a contenteditable (CSS highlights). */
  isTextField: boolean;
}

/** Input types that hold prose. (search: a query, not prose; email, url, tel, number, date…: data.) */
const TEXT_INPUT_TYPES = new Set(['', 'text']);
/**
 * `autocomplete` tokens of fields that hold credentials or data (WHATWG autofill field names): the
 * user name and passwords, one-time codes, e-mail, telephone, URL, payment and address details, dates.
 */
const DATA_AUTOCOMPLETE = /\b(username|current-password|new-password|one-time-code|email|impp|tel(-[a-z-]+)?|url|photo|cc-[a-z-]+|transaction-[a-z]+|postal-code|bday(-[a-z]+)?|webauthn)\b/i;
/** `inputmode` values of data fields. */
const DATA_INPUTMODES = new Set(['numeric', 'decimal', 'tel', 'email', 'url', 'search']);
/** Query field names used by search forms (q, wd/kw on Chinese portals, keyword, search…). */
const SEARCH_NAME = /^(q|query|wd|kw|word|keywords?|search(text|key|word)?|s)$/i;

function isElement(n: unknown): n is Element {
  return typeof n === 'object' && n !== null && (n as Node).nodeType === 1;
}

function tag(el: Element): string {
  return el.tagName.toUpperCase();
}

function isTextarea(el: Element): el is HTMLTextAreaElement {
  return tag(el) === 'TEXTAREA';
}

function isTextInput(el: Element): el is HTMLInputElement {
  return tag(el) === 'INPUT' && TEXT_INPUT_TYPES.has(((el as HTMLInputElement).type || '').toLowerCase());
}

/**
 * Does `el` (or an element inside it) have the focus? Looks through shadow roots: for a field inside one,
 * `document.activeElement` is the shadow host, so the field's own root is asked.
 */
export function hasFocusWithin(el: Element): boolean {
  const doc = el.ownerDocument;
  if (!doc.hasFocus()) return false;
  const root = el.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement ?? null;
  return !!active && (active === el || el.contains(active));
}

/** The outermost contenteditable element containing `el` (the editing host), or null. */
export function editingHost(el: Element): HTMLElement | null {
  const h = el as HTMLElement;
  if (!h.isContentEditable) {
    // designMode documents: the body is the host.
    if (el.ownerDocument.designMode === 'on' && el.ownerDocument.body) return el.ownerDocument.body;
    return null;
  }
  let host: HTMLElement = h;
  for (let p = h.parentElement; p && p.isContentEditable; p = p.parentElement) host = p;
  return host;
}

/** Which editor renders this root (for adapter quirks). */
export function editorKind(el: Element): EditorKind {
  if (isTextarea(el)) return 'textarea';
  if (tag(el) === 'INPUT') return 'input';
  const cl = el.classList;
  if (cl.contains('codex-editor__redactor')) return 'editorjs';
  if (cl.contains('ql-editor')) return 'quill';
  if (cl.contains('cke_editable')) return 'ckeditor4';
  if (cl.contains('ke-content')) return 'kindeditor';
  if (cl.contains('jodit-wysiwyg')) return 'jodit';
  if (cl.contains('note-editable')) return 'summernote';
  if (cl.contains('fr-element')) return 'froala';
  if (cl.contains('medium-editor-element')) return 'medium';
  if (cl.contains('w-e-text') && el.closest('.w-e-text-container')) return 'wangeditor4';
  if (cl.contains('ProseMirror') && el.closest('.toastui-editor-defaultUI')) return 'toastui';
  if (cl.contains('ProseMirror')) return 'prosemirror';
  if (cl.contains('ck-editor__editable') || (cl.contains('ck-content') && el.closest('.ck'))) return 'ckeditor5';
  if (el.hasAttribute('data-lexical-editor')) return 'lexical';
  if (el.hasAttribute('data-slate-editor')) return el.closest('.w-e-text-container') ? 'wangeditor' : 'slate';
  if (tag(el) === 'BODY' && (el.id === 'tinymce' || cl.contains('mce-content-body'))) return 'tinymce';
  if (cl.contains('mce-content-body')) return 'tinymce';
  if (el.classList.contains('public-DraftEditor-content') || el.closest('.DraftEditor-root')) return 'draftjs';
  return 'contenteditable';
}

/** Why a text field holds data rather than prose (credential, code, contact, number, search), or null. */
function dataFieldReason(f: HTMLTextAreaElement | HTMLInputElement): string | null {
  // Each regular expression costs its compilation the first time a page runs it: none is run on an empty
  // attribute, which it cannot match.
  const auto = f.getAttribute('autocomplete') ?? '';
  if (auto && /password|one-time-code|webauthn/i.test(auto)) return 'credential';
  if (auto && DATA_AUTOCOMPLETE.test(auto)) return 'data-field';
  const mode = (f.getAttribute('inputmode') ?? '').toLowerCase();
  if (DATA_INPUTMODES.has(mode)) return mode === 'search' ? 'search' : 'data-field';
  if (tag(f) === 'INPUT') {
    const role = (f.getAttribute('role') ?? '').toLowerCase();
    if (role === 'searchbox' || (f.getAttribute('enterkeyhint') ?? '').toLowerCase() === 'search') return 'search';
    if ((f.name && SEARCH_NAME.test(f.name)) || f.closest('search, [role="search"]')) return 'search';
  }
  return null;
}

/** Why an element is not checked, or null when it is. */
export function skipReason(el: Element): string | null {
  const textField = isTextarea(el) || tag(el) === 'INPUT';
  if (tag(el) === 'INPUT' && !isTextInput(el)) return (el as HTMLInputElement).type === 'password' ? 'credential' : 'input-type';
  if (textField) {
    const f = el as HTMLTextAreaElement | HTMLInputElement;
    if (f.readOnly) return 'read-only';
    if (f.disabled) return 'disabled';
    const data = dataFieldReason(f);
    if (data) return data;
  } else {
    const blockList = el.matches(BLOCK_LIST_SELECTOR) && !!el.querySelector('[contenteditable="true"]');
    if (!blockList && !(el as HTMLElement).isContentEditable && !(el.ownerDocument.designMode === 'on' && el === el.ownerDocument.body)) {
      return 'not-editable';
    }
    if (el.getAttribute('aria-readonly') === 'true') return 'read-only';
  }
  if (el.closest(OPT_OUT_SELECTOR)) return 'opt-out';
  if (el.closest(CODE_EDITOR_SELECTOR)) return 'code-editor';
  // spellcheck="false" on a plain text field marks a code or identifier field. On contenteditable it
  // says nothing: rich editors set it from their own config (TinyMCE, Jodit, CKEditor 4 by default) to
  // hide the browser's English squiggles, and unknown rich editors look like plain contenteditable.
  const kind = editorKind(el);
  if (textField && el.getAttribute('spellcheck') === 'false') return 'spellcheck-off';
  if (kind !== 'contenteditable') return null;
  // (Only a plain contenteditable's font is read: a computed style can force a style recalc.)
  const font = el.ownerDocument.defaultView?.getComputedStyle(el).fontFamily ?? '';
  if (font && /^\s*(monospace|["']?(courier|consolas|menlo|monaco|source code pro|fira code)\b)/i.test(font)) return 'code-font';
  return null;
}

/**
 * Block editors whose blocks are separate contenteditable elements (Editor.js): the block list is one
 * field (one text, one badge), not one field per paragraph.
 */
const BLOCK_LIST_SELECTOR = '.codex-editor__redactor';

/**
 * The checkable target an event target (or any node) belongs to, or null.
 * Pass `event.composedPath()[0]` so fields inside open shadow roots are found.
 */
export function targetFor(node: EventTarget | Node | null | undefined): EditableTarget | null {
  if (!node) return null;
  let el: Element | null = isElement(node) ? node : ((node as Node).parentElement ?? null);
  if (!el) return null;
  const list = el.closest(BLOCK_LIST_SELECTOR) as HTMLElement | null;
  if (list && list.querySelector('[contenteditable="true"]')) {
    if (list.closest(OPT_OUT_SELECTOR)) return null;
    return { element: list, kind: 'editorjs', isTextField: false };
  }
  if (isTextarea(el) || tag(el) === 'INPUT') {
    if (skipReason(el)) return null;
    return { element: el as HTMLElement, kind: isTextarea(el) ? 'textarea' : 'input', isTextField: true };
  }
  const host = editingHost(el);
  if (!host) return null;
  el = host;
  if (skipReason(el)) return null;
  return { element: host, kind: editorKind(host), isTextField: false };
}

export interface FindOptions {
  /** Look into same-origin iframes (default true). */
  frames?: boolean;
  /** Look into open shadow roots (default true). */
  shadow?: boolean;
}

/** Every checkable target under a document / shadow root / element, outermost editing hosts only. */
export function findTargets(scope: Document | ShadowRoot | Element, options: FindOptions = {}): EditableTarget[] {
  const out: EditableTarget[] = [];
  const seen = new Set<Element>();
  collect(scope, options, out, seen);
  return out;
}

function collect(scope: Document | ShadowRoot | Element, options: FindOptions, out: EditableTarget[], seen: Set<Element>): void {
  const doc = (scope as Node).nodeType === 9 ? (scope as Document) : (scope as Node).ownerDocument!;
  if ((scope as Node).nodeType === 9 && doc.designMode === 'on' && doc.body && !seen.has(doc.body)) {
    seen.add(doc.body);
    const t = targetFor(doc.body);
    if (t) out.push(t);
  }
  const candidates = scope.querySelectorAll(`textarea, input, [contenteditable]:not([contenteditable="false"]), ${BLOCK_LIST_SELECTOR}`);
  for (const el of Array.from(candidates)) {
    const t = targetFor(el);
    if (!t || seen.has(t.element)) continue;
    seen.add(t.element);
    out.push(t);
  }
  if (isElement(scope)) {
    const t = targetFor(scope);
    if (t && !seen.has(t.element)) {
      seen.add(t.element);
      out.push(t);
    }
  }
  if (options.frames !== false) {
    for (const frame of Array.from(scope.querySelectorAll('iframe, frame'))) {
      const inner = frameDocument(frame as HTMLIFrameElement);
      if (inner) collect(inner, options, out, seen);
    }
  }
  if (options.shadow !== false) {
    for (const root of openShadowRoots(scope)) collect(root, options, out, seen);
  }
}

/** A same-origin frame's document, or null (cross-origin, not loaded). */
export function frameDocument(frame: HTMLIFrameElement | HTMLFrameElement): Document | null {
  try {
    return frame.contentDocument ?? null;
  } catch {
    return null;
  }
}

/** Open shadow roots directly under a scope (not nested ones; collect() recurses). */
export function openShadowRoots(scope: Document | ShadowRoot | Element): ShadowRoot[] {
  const doc = (scope as Node).nodeType === 9 ? (scope as Document) : (scope as Node).ownerDocument!;
  const roots: ShadowRoot[] = [];
  const walker = doc.createTreeWalker(scope as Node, 1 /* SHOW_ELEMENT */);
  for (let n = walker.currentNode as Element | null; n; n = walker.nextNode() as Element | null) {
    const sr = (n as Element).shadowRoot;
    if (sr) roots.push(sr);
  }
  return roots;
}

export interface WatchTargetsOptions extends FindOptions {
  signal?: AbortSignal;
  onAdd: (target: EditableTarget) => void;
  onRemove?: (target: EditableTarget) => void;
  /**
   * Whether to look into a same-origin frame's document (default: every one). A content script that
   * also runs in frames (all_frames) passes `(d) => !hasOwnChecker(d)`, so that exactly one script
   * handles each document. Asked again whenever the frame loads a new document.
   */
  descend?: (doc: Document, frame: HTMLIFrameElement) => boolean;
  /**
   * Called for each document watched (the top one included): attach event listeners there. Called again
   * when a document was rewritten with `document.open`/`document.write`, which erases every event
   * listener on it (CKEditor 4, KindEditor and UEditor fill their editing frame that way).
   */
  onDocument?: (doc: Document) => void;
}

/** Answer {@link CHECKER_PING} on `doc` until `signal` aborts (call again after `document.open`). */
export function answerCheckerPing(doc: Document, signal: AbortSignal): void {
  doc.addEventListener(CHECKER_PING, (e) => e.preventDefault(), { capture: true, signal });
}

/** True when a Wengao content script runs in `doc` itself (it answered the ping). */
export function hasOwnChecker(doc: Document): boolean {
  try {
    return !doc.dispatchEvent(new Event(CHECKER_PING, { cancelable: true }));
  } catch {
    return false;
  }
}

/**
 * Report every target now and every target added later (MutationObserver on the document, on each open
 * shadow root found and on same-origin iframes once they load). Removed targets are reported when their
 * element leaves the document. Stops when `signal` aborts.
 */
export function watchTargets(
  doc: Document,
  options: WatchTargetsOptions,
): { rescan(): void; targets(): EditableTarget[]; adopt(node: Node | EventTarget | null): EditableTarget | null } {
  const known = new Map<Element, EditableTarget>();
  const observers: MutationObserver[] = [];
  const observed = new WeakSet<Node>();
  const signal = options.signal;
  let queued = false;

  const add = (t: EditableTarget) => {
    if (known.has(t.element)) return;
    known.set(t.element, t);
    options.onAdd(t);
  };

  const sweep = () => {
    for (const [el, t] of known) {
      // A frame that navigated leaves its old document connected but without a window.
      if (!el.isConnected || !el.ownerDocument.defaultView || skipReason(el) !== null || targetFor(el)?.element !== el) {
        known.delete(el);
        options.onRemove?.(t);
      }
    }
  };

  const scan = (scope: Document | ShadowRoot | Element, shadow = options.shadow !== false) => {
    for (const t of findTargets(scope, { frames: false, shadow: false })) add(t);
    if (options.frames !== false) {
      const name = (scope as Element).tagName;
      const frames = name === 'IFRAME' || name === 'FRAME' ? [scope as HTMLIFrameElement] : Array.from(scope.querySelectorAll('iframe, frame'));
      for (const f of frames) watchFrame(f as HTMLIFrameElement);
    }
    if (shadow) for (const r of openShadowRoots(scope)) observe(r);
  };

  const watchFrame = (frame: HTMLIFrameElement) => {
    if (observed.has(frame)) return;
    observed.add(frame);
    const attach = () => {
      const inner = frameDocument(frame);
      if (!inner || observed.has(inner)) return;
      if (options.descend && !options.descend(inner, frame)) return;
      observe(inner);
      options.onDocument?.(inner);
    };
    frame.addEventListener(
      'load',
      () => {
        rescanSoon(); // the previous document's targets are gone
        attach();
      },
      { signal },
    );
    attach();
  };

  const rescanSoon = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (signal?.aborted) return;
      sweep();
    });
  };

  const observe = (scope: Document | ShadowRoot) => {
    if (observed.has(scope)) return;
    observed.add(scope);
    const MO = ((scope as Node).nodeType === 9 ? (scope as Document) : (scope as Node).ownerDocument!).defaultView?.MutationObserver ?? MutationObserver;
    const mo = new MO((records) => {
      if (signal?.aborted) return;
      let removed = false;
      let rewritten: Document | null = null;
      for (const r of records) {
        // A new root element: the document was rewritten (document.open/write), which also erased the
        // event listeners attached to it.
        if (r.target.nodeType === 9 && Array.from(r.addedNodes).some(isElement)) rewritten = r.target as Document;
        if (r.type === 'attributes') {
          const t = targetFor(r.target as Element);
          if (t) add(t);
          removed = true;
          continue;
        }
        for (const n of Array.from(r.addedNodes)) if (isElement(n)) scan(n);
        if (r.removedNodes.length) removed = true;
      }
      if (removed) rescanSoon();
      if (rewritten) options.onDocument?.(rewritten);
    });
    mo.observe(scope, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['contenteditable', 'type', 'readonly', 'disabled', 'data-wengao', 'spellcheck', 'data-gramm'],
    });
    observers.push(mo);
    // designMode flips are not attributes; TinyMCE uses contenteditable on the body, which is.
    scan(scope);
  };

  observe(doc);
  signal?.addEventListener('abort', () => observers.forEach((o) => o.disconnect()), { once: true });
  return {
    rescan: () => {
      sweep();
      scan(doc);
    },
    /**
     * A field the user is in that no mutation announced (a document switched to designMode, as
     * KindEditor does, changes no attribute): add it now. Returns its target, or null.
     */
    adopt: (node) => {
      const t = targetFor(node as Node);
      if (!t) return null;
      add(t);
      return known.get(t.element) ?? null;
    },
    targets: () => [...known.values()],
  };
}
