/**
 * Watches the page for edits in text fields and contenteditable editors, runs the engine on the
 * field being edited (debounced) and shows the issue count in a badge.
 *
 * Everything is tied to `lifetime`: listeners use its AbortSignal and timers its setTimeout, so a
 * WXT content-script context (`ctx`) tears it all down when the extension reloads.
 */
import { analyze } from '../engine';
import type { AnalysisResult, AnalyzeOptions } from '../engine/types';
import { Badge, type Translate } from './badge';
import { findEditable, readText, type EditableElement } from './targets';

/** What the watcher needs from its owner; WXT's ContentScriptContext satisfies it. */
export interface Lifetime {
  readonly signal: AbortSignal;
  setTimeout(handler: () => void, timeout?: number): number;
}

export interface WatchOptions {
  /** Read on every check, so settings changes apply at once; `null` = checking is switched off. */
  getOptions?: () => AnalyzeOptions | null;
  t: Translate;
  /** Wait this long after the last keystroke before checking (ms). */
  debounceMs?: number;
  /** Called after each check (tests, side-panel bridge later). */
  onResult?: (el: EditableElement, result: AnalysisResult) => void;
}

export const DEFAULT_DEBOUNCE_MS = 250;

export interface Watcher {
  /** Check the current field again now (e.g. after the settings changed). */
  recheck(): void;
}

export function watchEditors(lifetime: Lifetime, doc: Document, watch: WatchOptions): Watcher {
  const { signal } = lifetime;
  if (signal.aborted) return { recheck() {} };
  const debounceMs = watch.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const badge = new Badge(doc, watch.t);
  const counts = new WeakMap<EditableElement, number>();
  let current: EditableElement | null = null;
  let timer = 0;
  let composing = false;
  let frame = 0;

  const win = doc.defaultView!;
  const listen = <K extends keyof DocumentEventMap>(
    target: Document | Window,
    type: K,
    handler: (event: DocumentEventMap[K]) => void,
  ) => target.addEventListener(type, handler as EventListener, { capture: true, passive: true, signal });

  function check(): void {
    timer = 0;
    const el = current;
    if (!el || !el.isConnected || signal.aborted) return;
    const options = watch.getOptions ? watch.getOptions() : undefined;
    if (options === null) {
      badge.hide();
      return;
    }
    const result = analyze(readText(el), options);
    counts.set(el, result.issues.length);
    if (hasFocus(el)) badge.show(el, result.issues.length);
    watch.onResult?.(el, result);
  }

  function schedule(delay: number): void {
    if (timer) win.clearTimeout(timer);
    timer = lifetime.setTimeout(check, delay);
  }

  function editableFrom(event: Event): EditableElement | null {
    return findEditable(event.composedPath()[0] ?? event.target);
  }

  listen(doc, 'focusin', (event) => {
    const el = editableFrom(event);
    if (!el) return;
    current = el;
    const known = counts.get(el);
    if (known !== undefined && watch.getOptions?.() !== null) badge.show(el, known);
    schedule(0);
  });

  listen(doc, 'focusout', () => {
    composing = false; // a composition cut short by a focus change may never send compositionend
    // Wait for focus to settle: moving between parts of one editor fires focusout then focusin.
    lifetime.setTimeout(() => {
      const el = badge.visibleFor;
      if (el && !hasFocus(el)) badge.hide();
    }, 0);
  });

  listen(doc, 'input', (event) => {
    const el = editableFrom(event);
    if (!el) return;
    current = el;
    if (!composing) schedule(debounceMs);
  });

  listen(doc, 'compositionstart', () => {
    composing = true;
  });
  listen(doc, 'compositionend', (event) => {
    composing = false;
    if (editableFrom(event)) schedule(debounceMs);
  });

  const reposition = () => {
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      if (!signal.aborted) badge.reposition();
    });
  };
  listen(doc, 'scroll', reposition);
  listen(win, 'resize', reposition);

  signal.addEventListener(
    'abort',
    () => {
      if (timer) win.clearTimeout(timer);
      if (frame) win.cancelAnimationFrame(frame);
      badge.remove();
    },
    { once: true },
  );

  // A field may already have focus when we start (document_idle, or after an extension reload).
  const active = deepActiveElement(doc);
  const initial = active ? findEditable(active) : null;
  if (initial) {
    current = initial;
    schedule(0);
  }
  return {
    recheck() {
      if (current && !signal.aborted) schedule(0);
    },
  };
}

/** The focused element, looking into open shadow roots. */
function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function hasFocus(el: Element): boolean {
  const active = deepActiveElement(el.ownerDocument);
  return active !== null && (active === el || el.contains(active));
}
