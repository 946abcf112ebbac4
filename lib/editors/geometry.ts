/** Small geometry helpers shared by the mirror, the card and hit testing. DOM only, no extension APIs. */

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

export function toRect(r: { left: number; top: number; width: number; height: number }): Rect {
  return { left: r.left, top: r.top, right: r.left + r.width, bottom: r.top + r.height, width: r.width, height: r.height };
}

/** Point-in-rect with some slack (underlines are thin; be generous vertically). */
export function rectContains(r: Rect, x: number, y: number, slackX = 0, slackY = 2): boolean {
  return x >= r.left - slackX && x <= r.right + slackX && y >= r.top - slackY && y <= r.bottom + slackY;
}

/**
 * A rect in an iframe's viewport translated to the top-most reachable (same-origin) viewport, adding each
 * frame element's position and its border/padding. Stops at the first cross-origin boundary, or at the
 * viewport of `stopAt` (the document the result is meant for).
 */
export function rectToTopViewport(rect: Rect, doc: Document, stopAt?: Document): Rect {
  let { left, top } = rect;
  let win: Window | null = doc.defaultView;
  while (win && win !== win.parent && win.document !== stopAt) {
    let frame: Element | null = null;
    try {
      frame = win.frameElement;
    } catch {
      frame = null;
    }
    if (!frame) break;
    const fr = frame.getBoundingClientRect();
    const cs = frame.ownerDocument.defaultView?.getComputedStyle(frame);
    const bl = cs ? parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft) : 0;
    const bt = cs ? parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop) : 0;
    left += fr.left + (bl || 0);
    top += fr.top + (bt || 0);
    win = frame.ownerDocument.defaultView;
  }
  return { left, top, right: left + rect.width, bottom: top + rect.height, width: rect.width, height: rect.height };
}

/** The top-most same-origin document reachable from `doc` (itself when not framed or cross-origin). */
export function topDocument(doc: Document): Document {
  let d = doc;
  for (;;) {
    let frame: Element | null = null;
    try {
      frame = d.defaultView?.frameElement ?? null;
    } catch {
      frame = null;
    }
    if (!frame) return d;
    d = frame.ownerDocument;
  }
}
