/**
 * The documents the snippet features listen in: this one and its same-origin frames that have no
 * content script of their own (srcdoc and about:blank frames, frames an editor fills with document.write:
 * TinyMCE, CKEditor 4, KindEditor, UEditor), as the checker does (detect.ts hasOwnChecker). Frames are
 * picked up when they exist at start, when they load (a `load` event seen in the capture phase) and when
 * the focus goes into them. `document.open` erases a document's listeners: a probe event tells whether
 * ours are still there, and they are attached again. DOM only.
 */
import { frameDocument, hasOwnChecker } from './detect';

export function watchSnippetDocuments(doc: Document, signal: AbortSignal, attach: (d: Document) => void): void {
  const probe = `wengao-snippet-probe-${Math.random().toString(36).slice(2)}`;
  const seen = new WeakSet<Document>();

  function watch(d: Document): void {
    // Still listening there? (Our probe listener cancels the event.)
    if (seen.has(d) && !d.dispatchEvent(new Event(probe, { cancelable: true }))) return;
    seen.add(d);
    d.addEventListener(probe, (e) => e.preventDefault(), { signal });
    d.addEventListener('load', onFrameEvent, { capture: true, signal });
    d.addEventListener('focusin', onFrameEvent, { capture: true, signal });
    attach(d);
    for (const frame of Array.from(d.querySelectorAll('iframe, frame'))) frameWatch(frame);
  }

  function frameWatch(frame: Element): void {
    const inner = frameDocument(frame as HTMLIFrameElement);
    if (inner && inner !== doc && !hasOwnChecker(inner)) watch(inner);
  }

  function onFrameEvent(event: Event): void {
    const target = event.target as Element | null;
    if (target && (target.tagName === 'IFRAME' || target.tagName === 'FRAME')) frameWatch(target);
  }

  watch(doc);
}
