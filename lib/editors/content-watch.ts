/**
 * The watch every page and frame runs until it shows a field Wengao might check (entrypoints/content-watch.ts).
 *
 * Most pages never have an editor, so this is all they pay for, and what it costs is mostly parsing and
 * compiling its own code (scripts/bench-browser.ts --load). It therefore does not carry the editor detection
 * (lib/editors/detect.ts: ≈ 7 KB, ≈ 0.8 ms a page to parse even when it never runs): a field is told apart by
 * one CSS selector ({@link maybeField}), matched by the browser, and the checker — which detects the fields
 * exactly — is loaded once anything matches. The selector is the skip policy of detect.ts as far as CSS can
 * say it (input types, read-only, search boxes, credentials, code editors, data-wengao="off"); it may let
 * through a field detect.ts skips (a code font, an autocomplete token it does not list), never the reverse
 * (tests/browser-editors/content-watch.test.ts checks both against detect.ts).
 *
 * Like detect.ts watchTargets, it looks into same-origin frames without a script of their own (about:blank,
 * srcdoc, frames filled with document.write), into open shadow roots that come with elements added later,
 * and catches a field no scan found (a designMode document, an editor in a shadow root the page had at
 * load) when the writer focuses or types in it.
 */

import { CHECKER_PING, CODE_EDITOR_SELECTOR, OPT_OUT_SELECTOR } from './field-selectors';

export { CHECKER_PING };

/** Skipped, field and all inside: opted out, or a code editor (detect.ts skipReason). */
const SKIPPED = `${OPT_OUT_SELECTOR}, ${CODE_EDITOR_SELECTOR}`;
/**
 * Text fields (textarea, input) that hold data rather than prose: read-only or disabled, spellcheck="false",
 * `inputmode` of data, `autocomplete` tokens of credentials and contact data (each one a whole token, which
 * detect.ts's word-bounded patterns also match).
 */
const DATA_FIELD =
  '[readonly],[disabled],[spellcheck=false],' +
  '[inputmode=numeric i],[inputmode=decimal i],[inputmode=tel i],[inputmode=email i],[inputmode=url i],[inputmode=search i],' +
  '[autocomplete~=username i],[autocomplete~=current-password i],[autocomplete~=new-password i],[autocomplete~=one-time-code i],' +
  '[autocomplete~=email i],[autocomplete~=tel i],[autocomplete~=url i],[autocomplete~=postal-code i],[autocomplete~=webauthn i]';
/**
 * Inputs that are not prose: every input type but text (an unknown type is text, as `input.type` says),
 * and search boxes (by role, enterkeyhint, the usual query names — detect.ts SEARCH_NAME — or a search
 * landmark around them).
 */
const NOT_PROSE_INPUT =
  '[type=hidden i],[type=password i],[type=search i],[type=email i],[type=url i],[type=tel i],[type=number i],' +
  '[type=checkbox i],[type=radio i],[type=submit i],[type=button i],[type=reset i],[type=file i],[type=image i],' +
  '[type=range i],[type=color i],[type=date i],[type=datetime-local i],[type=month i],[type=week i],[type=time i],' +
  '[role=searchbox i],[enterkeyhint=search i],search,[role=search],search *,[role=search] *,' +
  '[name=q i],[name=query i],[name=wd i],[name=kw i],[name=word i],[name=keyword i],[name=keywords i],' +
  '[name=search i],[name=searchtext i],[name=searchkey i],[name=searchword i],[name=s i]';

/** {@link maybeField}'s selector and the same with frames ({@link watched}); made on first use. */
let fieldSelector = '';
let watchedSelector = '';

/**
 * A field Wengao might check: what the checker is loaded for. Every element detect.ts targetFor returns
 * as a target matches it (a designMode document's body aside: see {@link watchForEditor}).
 *
 * Made on first use, not as the script loads: joining its ≈ 1.6 KB costs every page ≈ 0.1 ms (a DevTools
 * trace with marks in the script), and a page without candidates never needs it.
 */
export function maybeField(): string {
  if (!fieldSelector) {
    fieldSelector = [
      `:is(textarea:not(${DATA_FIELD}),input:not(${DATA_FIELD},${NOT_PROSE_INPUT}),[contenteditable]:not([contenteditable=false i],[aria-readonly=true]))`,
      `:not(${SKIPPED},:is(${SKIPPED}) *)`,
    ].join(''); // (joined at run time: a minifier copies a constant string into every place that uses it)
    watchedSelector = `${fieldSelector},iframe,frame`;
  }
  return fieldSelector;
}

/** What the watch looks for once a candidate is there: {@link maybeField} and frames to look into. */
function watched(): string {
  maybeField();
  return watchedSelector;
}

/**
 * What the watch looks for first, on every page: fields and frames by element and attribute names alone,
 * a selector the browser parses and matches faster than {@link maybeField}.
 */
const CANDIDATES = 'textarea,input,[contenteditable],iframe,frame';

/** What the watch observes: added elements, and the attributes whose change can make an element a field (as detect.ts watchTargets). */
const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['contenteditable', 'type', 'readonly', 'disabled', 'data-wengao', 'spellcheck'],
};

/** One watch's state. Its functions live outside {@link watchForEditor}, which is then small to compile. */
interface Watch {
  onFound: (doc: Document) => void;
  done: boolean;
  /** Documents listened to (`this` is their listener: {@link handleEvent}). */
  docs: Document[];
  observers: MutationObserver[];
  /** Frames whose load is listened to. */
  frames: Element[];
  /** Frames, frame documents and shadow roots already watched. */
  seen: WeakSet<Node> | null;
  handleEvent(e: Event): void;
}

/**
 * Calls `onFound(doc)` once, when `doc` (or a same-origin frame without a script of its own) shows an element
 * that matches {@link maybeField}, is a designMode document, or the writer focuses or types in an editable
 * element no scan saw. Everything it set up ends then.
 *
 * It runs on every page, and each function that runs is compiled then: on a page without fields only this
 * one runs, and it is kept small (its helpers are module functions over a {@link Watch}, which run when
 * there is something to look at). No closure, no AbortController (listeners are removed by hand), no
 * promise, no regular expression — each costs its compilation or bindings' set-up in the page's isolated
 * world (scripts/bench-browser.ts --load).
 */
export function watchForEditor(doc: Document, onFound: (doc: Document) => void): void {
  const w: Watch = { onFound, done: false, docs: [doc], observers: [], frames: [], seen: null, handleEvent };
  // (listen() written out: one function less to compile on every page.)
  doc.addEventListener('focusin', w, true);
  doc.addEventListener('input', w, true);
  if (doc.designMode === 'on') return yes(w);
  const mo = new MutationObserver(onMutations.bind(w));
  mo.observe(doc, OBSERVE);
  w.observers.push(mo);
  if (doc.querySelector(CANDIDATES)) scan(w, doc, false);
}

/** The writer focusing or typing in `d` reaches the watch ({@link handleEvent}); {@link yes} removes it. */
function listen(w: Watch, d: Document): void {
  d.addEventListener('focusin', w, true);
  d.addEventListener('input', w, true);
}

/** Found: the watch ends, then `onFound` runs (once, with the document the watch began on). */
function yes(w: Watch): void {
  if (w.done) return;
  w.done = true;
  for (const d of w.docs) {
    d.removeEventListener('focusin', w, true);
    d.removeEventListener('input', w, true);
  }
  for (const o of w.observers) o.disconnect();
  for (const f of w.frames) f.removeEventListener('load', w);
  w.onFound(w.docs[0]!);
}

/**
 * The watch's listener (`this`): a frame loaded a new document; or, on a document, a field the writer works
 * in that no scan found (a designMode document, an editor in a shadow root the page had at load).
 */
function handleEvent(this: Watch, e: Event): void {
  if (e.type === 'load') return attach(this, e.target as HTMLIFrameElement);
  const n = e.composedPath()[0] as Element | undefined;
  if (n?.nodeType !== 1) return;
  if (n.matches(maybeField()) || ((n.ownerDocument.designMode === 'on' || (n as HTMLElement).isContentEditable) && !n.closest(SKIPPED))) yes(this);
}

function onMutations(this: Watch, records: MutationRecord[]): void {
  for (const r of records) {
    if (this.done) return;
    if (r.type === 'attributes') {
      const el = r.target as Element;
      // (Removing data-wengao="off" from a parent makes the fields inside it fields again.)
      if (el.matches(maybeField()) || el.querySelector(fieldSelector)) return yes(this);
      continue;
    }
    const d = r.target as Document;
    if (d.nodeType === 9) {
      // A new root element: the document was rewritten (document.open/write), which also erased the
      // event listeners attached to it.
      listen(this, d);
      if (d.designMode === 'on') return yes(this);
    }
    for (const n of Array.from(r.addedNodes)) if (n.nodeType === 1) scan(this, n as Element, true);
  }
}

/** A same-origin frame's document is watched here unless a script of its own answers the ping. */
function attach(w: Watch, frame: HTMLIFrameElement): void {
  let inner: Document | null = null;
  try {
    inner = frame.contentDocument;
  } catch {
    /* cross-origin */
  }
  if (inner && !w.seen!.has(inner) && inner.dispatchEvent(new Event(CHECKER_PING, { cancelable: true }))) watch(w, inner);
}

/** Frames and fields under `scope` (itself included when it is an element), and open shadow roots in an added subtree. */
function scan(w: Watch, scope: Document | ShadowRoot | Element, added: boolean): void {
  const seen = (w.seen ??= new WeakSet());
  const list: Element[] = Array.from(scope.querySelectorAll(watched()));
  if (added && (scope as Element).matches(watchedSelector)) list.push(scope as Element);
  for (const el of list) {
    if (w.done) return;
    if (el.tagName !== 'IFRAME' && el.tagName !== 'FRAME') return yes(w);
    if (seen.has(el)) continue;
    seen.add(el);
    w.frames.push(el);
    el.addEventListener('load', w);
    attach(w, el as HTMLIFrameElement);
  }
  if (!added) return;
  // (Not at load: walking every element of the page costs more than the rest of the watch. An editor in
  // a shadow root the page already had is found when the writer works in it.)
  const walker = (scope as Element).ownerDocument.createTreeWalker(scope, 1 /* SHOW_ELEMENT */);
  for (let n = walker.currentNode as Element | null; n && !w.done; n = walker.nextNode() as Element | null) {
    if (n.shadowRoot) watch(w, n.shadowRoot);
  }
}

/** A frame's document or a shadow root, as {@link watchForEditor} does the top document. */
function watch(w: Watch, scope: Document | ShadowRoot): void {
  const seen = (w.seen ??= new WeakSet());
  if (w.done || seen.has(scope)) return;
  seen.add(scope);
  const d = scope.nodeType === 9 ? (scope as Document) : (scope as ShadowRoot).ownerDocument;
  if (d === scope) {
    w.docs.push(d);
    listen(w, d);
    // designMode flips are no mutation; a document already in it is an editor (KindEditor's frame).
    if (d.designMode === 'on') return yes(w);
  }
  const mo = new (d.defaultView?.MutationObserver ?? MutationObserver)(onMutations.bind(w));
  mo.observe(scope, OBSERVE);
  w.observers.push(mo);
  scan(w, scope, false);
}
