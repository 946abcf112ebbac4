/**
 * Finding the fields Wengao checks, and which editor each one is.
 *
 * Targets: `<textarea>`, `<input type=text|search>` (or no type), and contenteditable roots (the outermost
 * editable element, the editing host), in the document, in open shadow roots and in same-origin iframes
 * (TinyMCE's iframe body). Skipped: password and other input types, read-only/disabled fields, opt-outs
 * (`data-wengao="off"`, `data-gramm="false"`, `spellcheck="false"` on plain fields), code editors
 * (CodeMirror, Monaco, Ace), and anything inside them.
 */

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
  | 'draftjs';

export interface EditableTarget {
  element: HTMLElement;
  kind: EditorKind;
  /** A textarea or input (mirror overlay) rather than a contenteditable (CSS highlights). */
  isTextField: boolean;
}

const TEXT_INPUT_TYPES = new Set(['', 'text', 'search']);
const CODE_EDITOR_SELECTOR = '.cm-editor, .CodeMirror, .monaco-editor, .ace_editor, .cm-content, .view-lines';
const OPT_OUT_SELECTOR = '[data-wengao="off"], [data-gramm="false"], [data-gramm_editor="false"], [data-enable-grammarly="false"]';

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
  if (cl.contains('ql-editor')) return 'quill';
  if (cl.contains('ProseMirror')) return 'prosemirror';
  if (cl.contains('ck-editor__editable') || (cl.contains('ck-content') && el.closest('.ck'))) return 'ckeditor5';
  if (el.hasAttribute('data-lexical-editor')) return 'lexical';
  if (el.hasAttribute('data-slate-editor')) return el.closest('.w-e-text-container') ? 'wangeditor' : 'slate';
  if (tag(el) === 'BODY' && (el.id === 'tinymce' || cl.contains('mce-content-body'))) return 'tinymce';
  if (cl.contains('mce-content-body')) return 'tinymce';
  if (el.classList.contains('public-DraftEditor-content') || el.closest('.DraftEditor-root')) return 'draftjs';
  return 'contenteditable';
}

/** Why an element is not checked, or null when it is. */
export function skipReason(el: Element): string | null {
  const textField = isTextarea(el) || tag(el) === 'INPUT';
  if (tag(el) === 'INPUT' && !isTextInput(el)) return 'input-type';
  if (textField) {
    const f = el as HTMLTextAreaElement | HTMLInputElement;
    if (f.readOnly) return 'read-only';
    if (f.disabled) return 'disabled';
    if (f.getAttribute('autocomplete')?.includes('password')) return 'password';
  } else {
    if (!(el as HTMLElement).isContentEditable && !(el.ownerDocument.designMode === 'on' && el === el.ownerDocument.body)) {
      return 'not-editable';
    }
    if (el.getAttribute('aria-readonly') === 'true') return 'read-only';
  }
  if (el.closest(OPT_OUT_SELECTOR)) return 'opt-out';
  if (el.closest(CODE_EDITOR_SELECTOR)) return 'code-editor';
  // spellcheck="false" marks code/identifier fields on plain elements. Rich editors set it from their own
  // config (TinyMCE does by default), so it says nothing about the text there.
  const kind = editorKind(el);
  if ((kind === 'textarea' || kind === 'input' || kind === 'contenteditable') && el.getAttribute('spellcheck') === 'false') {
    return 'spellcheck-off';
  }
  const font = el.ownerDocument.defaultView?.getComputedStyle(el).fontFamily ?? '';
  if (kind === 'contenteditable' && /^\s*(monospace|["']?(courier|consolas|menlo|monaco|source code pro|fira code)\b)/i.test(font)) {
    return 'code-font';
  }
  return null;
}

/**
 * The checkable target an event target (or any node) belongs to, or null.
 * Pass `event.composedPath()[0]` so fields inside open shadow roots are found.
 */
export function targetFor(node: EventTarget | Node | null | undefined): EditableTarget | null {
  if (!node) return null;
  let el: Element | null = isElement(node) ? node : ((node as Node).parentElement ?? null);
  if (!el) return null;
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
  const candidates = scope.querySelectorAll('textarea, input, [contenteditable]:not([contenteditable="false"])');
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
   * also runs in frames (all_frames) passes {@link isScriptlessFrame}, so that exactly one script handles
   * each document.
   */
  descend?: (doc: Document, frame: HTMLIFrameElement) => boolean;
  /** Called for each frame document watched from now on (attach event listeners there). */
  onDocument?: (doc: Document) => void;
}

/**
 * True for a frame document no content script runs in: `about:blank`/`about:srcdoc` (TinyMCE's iframe
 * in Chromium is srcdoc, in Firefox a document.write into about:blank), `blob:`, `javascript:`. Frames
 * with an http(s)/file URL get their own copy of the content script (`all_frames`), which handles them.
 * (Keep `match_about_blank` off in the manifest, or this and the frame's own script would both act.)
 */
export function isScriptlessFrame(doc: Document): boolean {
  let url = '';
  try {
    url = doc.URL;
  } catch {
    return false;
  }
  return !/^(https?|file|ftp):/i.test(url);
}

/**
 * Report every target now and every target added later (MutationObserver on the document, on each open
 * shadow root found and on same-origin iframes once they load). Removed targets are reported when their
 * element leaves the document. Stops when `signal` aborts.
 */
export function watchTargets(doc: Document, options: WatchTargetsOptions): { rescan(): void; targets(): EditableTarget[] } {
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

  const scan = (scope: Document | ShadowRoot | Element) => {
    for (const t of findTargets(scope, { frames: false, shadow: false })) add(t);
    if (options.frames !== false) {
      const frames = (scope as Element).tagName === 'IFRAME' ? [scope as HTMLIFrameElement] : Array.from(scope.querySelectorAll('iframe'));
      for (const f of frames) watchFrame(f as HTMLIFrameElement);
    }
    if (options.shadow !== false) for (const r of openShadowRoots(scope)) observe(r);
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
      for (const r of records) {
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
    targets: () => [...known.values()],
  };
}
