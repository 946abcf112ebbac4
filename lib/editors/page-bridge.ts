/**
 * Undo boundaries through the editor's own undo manager, which lives in the page's JavaScript world.
 *
 * Content scripts run in an isolated world: they share the DOM with the page but not its objects
 * (`tinymce`, `CKEDITOR`, jQuery data…). Several editors keep typing in an open undo level and merge a
 * programmatic edit into it (TinyMCE 6/8, Summernote, CKEditor 4, KindEditor, Froala, Quill's 1 s
 * grouping, Jodit's debounced history), so Ctrl+Z after a fix would also take back what was typed before it. Before a fix we ask
 * the editor to close the open level, after it to record the fix as a level of its own.
 *
 * The page side ({@link installPageBridge}) is a small script the background runs in the page's main
 * world (entrypoints/page-bridge.ts) of a frame whose checker found an editor that needs it
 * ({@link needsPageBridge}; lib/page-inject.ts): pages without such an editor — nearly all — never run
 * it. It keeps its own references to `addEventListener` and `Element.prototype.closest`, and listens in
 * the capture phase on `window`. It runs after the page's scripts, in their world: a page could stop or
 * replace it, and spoil only the undo of its own editor (the fix is applied all the same). The request is
 * a DOM event dispatched synchronously on the editor (or on the frame element holding it), so the answer
 * (the event cancelled = the editor took the boundary) comes back within the same task, before the edit.
 * A page can dispatch the event itself; all it gets is an extra undo level in its own editor.
 *
 * Frames the editor writes with document.write (CKEditor 4, KindEditor) get no script of their own, but
 * their editor object lives in the parent window: the request walks up the frame chain until some
 * window's bridge answers.
 */

import type { EditorKind } from './detect';

export const UNDO_BOUNDARY_EVENT = 'wengao-undo-boundary';

/** The editors whose undo manager the bridge drives ({@link installPageBridge}'s `boundary`). */
const BRIDGED: ReadonlySet<EditorKind> = new Set<EditorKind>(['tinymce', 'ckeditor4', 'kindeditor', 'froala', 'jodit', 'summernote', 'quill']);

/**
 * Does this editor need the page-world bridge for its undo boundaries? Editors of a bridged kind, and any
 * editor whose document is a child frame's (`doc` is the checker's own document): a designMode frame
 * (KindEditor, CKEditor 4 in some set-ups, UEditor) is taken on as its <html> element, kind
 * "contenteditable", while its editor object — and its undo stack — live in the parent's script.
 */
export function needsPageBridge(target: { kind: EditorKind; element: Element }, doc: Document): boolean {
  return BRIDGED.has(target.kind) || target.element.ownerDocument !== doc;
}

/**
 * Isolated world: ask the page's editor to close its open undo level (`before` a fix) or to record the
 * fix as a level of its own (`after`). True when an editor took it.
 */
export function requestUndoBoundary(root: HTMLElement, phase: 'before' | 'after'): boolean {
  let target: Element | null = root;
  for (let depth = 0; target && depth < 8; depth++) {
    try {
      const win: (Window & typeof globalThis) | null = target.ownerDocument.defaultView;
      if (!win) return false;
      const ev = new win.CustomEvent(UNDO_BOUNDARY_EVENT, { bubbles: true, composed: true, cancelable: true, detail: phase });
      if (!target.dispatchEvent(ev)) return true;
      target = win.frameElement;
    } catch {
      return false; // a cross-origin parent
    }
  }
  return false;
}

/** Main world: answer {@link UNDO_BOUNDARY_EVENT} for the editors this window created. */
export function installPageBridge(win: Window & typeof globalThis): void {
  const addListener = win.EventTarget.prototype.addEventListener;
  const closest = win.Element.prototype.closest;
  const contains = win.Node.prototype.contains;
  type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const g = win as unknown as Any;

  /** Does one of the editor's own elements hold (or equal) the event target? */
  const holds = (t: Node, ...els: unknown[]): boolean =>
    els.some((el) => !!el && typeof (el as Node).nodeType === 'number' && (el === t || contains.call(el as Node, t)));

  function boundary(t: Element, phase: string): boolean {
    // TinyMCE 4–8: a level now (the typing so far), and after the fix (the fix alone).
    const tinymce = g.tinymce;
    if (tinymce && typeof tinymce.get === 'function') {
      for (const ed of [].concat(tinymce.get() ?? []) as Any[]) {
        if (holds(t, ed.getBody?.(), ed.iframeElement, ed.getContainer?.())) {
          ed.undoManager?.add();
          return true;
        }
      }
    }
    // CKEditor 4: a snapshot before and after.
    const ck = g.CKEDITOR;
    if (ck && ck.instances) {
      for (const ed of Object.values(ck.instances) as Any[]) {
        const editable = ed.editable?.();
        if (holds(t, editable?.$, ed.container?.$, ed.window?.$?.frameElement)) {
          ed.fire('saveSnapshot');
          // Text that came in without key presses (an input method's commit, insertText, our fix) leaves
          // counted inputs behind; the next keyup (Ctrl+Z's) would then start a typing level and drop
          // the redo step. The snapshot holds that text now.
          ed.undoManager?.editingHandler?.keyEventsStack?.resetInputs?.();
          return true;
        }
      }
    }
    // KindEditor: its undo stack takes bookmarks.
    const ke = g.KindEditor;
    if (ke && Array.isArray(ke.instances)) {
      for (const ed of ke.instances as Any[]) {
        if (holds(t, ed.edit?.doc?.body, ed.edit?.iframe?.[0], ed.container?.[0])) {
          ed.addBookmark?.(false);
          return true;
        }
      }
    }
    // Froala.
    const froala = g.FroalaEditor;
    if (froala && Array.isArray(froala.INSTANCES)) {
      for (const ed of froala.INSTANCES as Any[]) {
        if (holds(t, ed.el, ed.$box?.[0])) {
          ed.undo?.saveStep();
          return true;
        }
      }
    }
    // Jodit: its history turns changes into commands after a debounce; push the pending change now.
    const jodit = g.Jodit;
    if (jodit && jodit.instances) {
      for (const ed of Object.values(jodit.instances) as Any[]) {
        if (holds(t, ed.editor, ed.container)) {
          const h = ed.history;
          if (h && typeof h.__processChanges === 'function') {
            h.__upTick?.();
            h.__processChanges();
            return true;
          }
        }
      }
    }
    // Summernote (jQuery plugin: the context is the data of the element it was created on). Its history
    // records snapshots on mouseup and commands, not on typing: record one unless the last one is this.
    const jq = g.jQuery;
    const note = closest.call(t, '.note-editor');
    if (jq && note) {
      const context = jq(note).prev().data('summernote');
      const editor = context?.modules?.editor;
      const h = editor?.history;
      if (h && typeof h.recordUndo === 'function') {
        const last = h.stack?.[h.stackOffset];
        if (!last || last.contents !== editor.$editable.html()) h.recordUndo();
        return true;
      }
    }
    // Quill 1 keeps its instance on the container; its history groups changes made within a second.
    const qlContainer = closest.call(t, '.ql-container') as Any | null;
    const quill = qlContainer?.__quill;
    if (quill && quill.history && typeof quill.history.cutoff === 'function') {
      quill.history.cutoff();
      return true;
    }
    void phase;
    return false;
  }

  addListener.call(
    win,
    UNDO_BOUNDARY_EVENT,
    (e: Event) => {
      const t = e.target as Element | null;
      if (!t || typeof t.nodeType !== 'number') return;
      let took = false;
      try {
        took = boundary(t, String((e as CustomEvent).detail));
      } catch {
        took = false;
      }
      if (took) e.preventDefault();
    },
    { capture: true },
  );
}
