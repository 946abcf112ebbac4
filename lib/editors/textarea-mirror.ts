/**
 * Underlines for `<textarea>` and text `<input>`: their text has no DOM ranges, so an invisible mirror
 * element copies the field's text layout (font, padding, border, line height, spacing, wrapping,
 * direction, alignment, scroll offsets) and ranges are measured on the mirror's text
 * (`Range.getClientRects`). Underlines are absolutely positioned boxes clipped to the field's padding box.
 *
 * Everything lives in a closed shadow root on one host element appended to the field's document
 * (outside the field, never inside the page's layout flow): `position: fixed`, `pointer-events: none`,
 * so clicks go to the field. Follows the field's scrolling, resizing (ResizeObserver), page scrolling
 * (capture listener, so ancestor scroll containers count) and text changes.
 */
import type { Severity } from '../engine/types';
import { SEVERITY_COLORS } from './highlighter';
import { rectContains, toRect, type Rect } from './geometry';

export type TextField = HTMLTextAreaElement | HTMLInputElement;

export interface MirrorIssue {
  start: number;
  end: number;
  severity: Severity;
}

export const MIRROR_TAG = 'wengao-mirror';

/** Properties that decide where characters land. */
const COPIED_STYLES = [
  'direction', 'unicodeBidi', 'writingMode', 'textOrientation',
  'fontFamily', 'fontSize', 'fontStyle', 'fontWeight', 'fontStretch', 'fontVariant', 'fontKerning',
  'fontFeatureSettings', 'fontVariationSettings', 'fontVariantLigatures', 'fontVariantEastAsian', 'fontSizeAdjust',
  'fontOpticalSizing', 'lineHeight', 'letterSpacing', 'wordSpacing', 'textAlign', 'textAlignLast', 'textIndent',
  'textTransform', 'textRendering', 'tabSize', 'whiteSpace', 'whiteSpaceCollapse', 'textWrap', 'textWrapMode',
  'wordBreak', 'overflowWrap', 'lineBreak', 'hyphens', 'textAutospace', 'textSpacingTrim',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth',
] as const;

function wave(color: string): string {
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' width='6' height='3' viewBox='0 0 6 3'><path d='M0 2.2 Q1.5 0 3 1.5 T6 1' fill='none' stroke='${color}' stroke-width='1.2'/></svg>`;
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
}

const STYLE = `
:host { all: initial !important; display: block !important; position: fixed !important; left: 0 !important;
  top: 0 !important; width: 0 !important; height: 0 !important; overflow: visible !important;
  pointer-events: none !important; z-index: 2147483645 !important; contain: layout style !important; }
.frame { position: absolute; left: 0; top: 0; overflow: visible; }
.frame[hidden] { display: none; }
.mirror { position: absolute; left: 0; top: 0; box-sizing: content-box; overflow: hidden; visibility: hidden;
  border-style: solid; border-color: transparent; margin: 0; color: transparent; background: none; }
.mirror.single { display: flex; align-items: center; white-space: pre; }
.mirror.single > .line { flex: none; min-width: 100%; white-space: pre; }
.clip { position: absolute; overflow: hidden; }
.u { position: absolute; background-repeat: repeat-x; background-position: left bottom; background-size: 6px 3px; }
.u.error { background-image: ${wave(SEVERITY_COLORS.error)}; }
.u.warning { background-image: ${wave(SEVERITY_COLORS.warning)}; background-color: rgba(240, 140, 0, 0.16); }
.u.info { background-image: ${wave(SEVERITY_COLORS.info)}; }
.u.active { background-color: rgba(250, 176, 5, 0.32); }
`;

export interface MirrorBox<T> {
  issue: T;
  /** Viewport rects of the issue's characters (one per line fragment), clipped boxes excluded. */
  rects: Rect[];
}

export interface MirrorOptions {
  /** Where to put the overlay host (default: the field's document element). */
  container?: Element;
  /** Shadow root mode (default closed, so page scripts and styles cannot reach in). */
  shadowMode?: ShadowRootMode;
}

export class TextareaMirror<T extends MirrorIssue = MirrorIssue> {
  readonly field: TextField;
  readonly host: HTMLElement;
  private readonly frame: HTMLDivElement;
  private readonly mirror: HTMLDivElement;
  private readonly textParent: HTMLElement;
  private readonly valueNode: Text;
  private readonly clip: HTMLDivElement;
  private items: T[] = [];
  private drawn: MirrorBox<T>[] = [];
  private pool: HTMLDivElement[] = [];
  private active: T | null = null;
  private frameReq = 0;
  private needStyle = true;
  private readonly abort = new AbortController();
  private readonly resizeObserver: ResizeObserver | null;
  private readonly single: boolean;

  constructor(field: TextField, options: MirrorOptions = {}) {
    this.field = field;
    const doc = field.ownerDocument;
    this.single = field instanceof (doc.defaultView?.HTMLInputElement ?? HTMLInputElement) || field.tagName === 'INPUT';
    this.host = doc.createElement(MIRROR_TAG);
    const shadow = this.host.attachShadow({ mode: options.shadowMode ?? 'closed' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    this.frame = doc.createElement('div');
    this.frame.className = 'frame';
    this.mirror = doc.createElement('div');
    this.mirror.className = this.single ? 'mirror single' : 'mirror';
    this.mirror.setAttribute('aria-hidden', 'true');
    this.valueNode = doc.createTextNode('');
    if (this.single) {
      this.textParent = doc.createElement('div');
      this.textParent.className = 'line';
      this.mirror.append(this.textParent);
    } else {
      this.textParent = this.mirror;
    }
    // A trailing zero-width space keeps a final empty line (textarea value ending in "\n") measurable.
    this.textParent.append(this.valueNode, doc.createTextNode('\u200b'));
    this.clip = doc.createElement('div');
    this.clip.className = 'clip';
    this.frame.append(this.mirror, this.clip);
    shadow.append(style, this.frame);
    (options.container ?? doc.documentElement).append(this.host);

    const signal = this.abort.signal;
    const schedule = () => this.schedule();
    const win = doc.defaultView!;
    field.addEventListener('scroll', schedule, { passive: true, signal });
    field.addEventListener('input', schedule, { passive: true, signal });
    field.addEventListener('focus', () => this.refresh(), { passive: true, signal });
    doc.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
    win.addEventListener('resize', () => this.refresh(), { passive: true, signal });
    const RO = (win as Window & { ResizeObserver?: typeof ResizeObserver }).ResizeObserver;
    this.resizeObserver = RO ? new RO(() => this.refresh()) : null;
    this.resizeObserver?.observe(field);
    this.layoutNow();
  }

  get issues(): readonly T[] {
    return this.items;
  }

  /** Draw these issues (offsets into field.value). */
  setIssues(issues: readonly T[]): void {
    this.items = issues.slice();
    if (this.active && !this.items.includes(this.active)) this.active = null;
    this.layoutNow();
  }

  setActive(issue: T | null): void {
    this.active = issue;
    this.layoutNow();
  }

  /** Re-copy the field's styles and redraw (fonts, size or classes may have changed). */
  refresh(): void {
    this.needStyle = true;
    this.schedule();
  }

  private schedule(): void {
    if (this.frameReq) return;
    const win = this.field.ownerDocument.defaultView;
    if (!win) return;
    this.frameReq = win.requestAnimationFrame(() => {
      this.frameReq = 0;
      this.layoutNow();
    });
  }

  private copyStyles(): void {
    const field = this.field;
    const cs = field.ownerDocument.defaultView!.getComputedStyle(field);
    const ms = this.mirror.style as unknown as Record<string, string>;
    const src = cs as unknown as Record<string, string>;
    for (const p of COPIED_STYLES) {
      const v = src[p];
      if (v !== undefined && v !== '') ms[p] = v;
    }
    if (this.single) {
      // Inputs never wrap; their text is vertically centred in the content box.
      ms.whiteSpace = 'pre';
      (this.textParent.style as unknown as Record<string, string>).lineHeight = cs.lineHeight;
      (this.textParent.style as unknown as Record<string, string>).textAlign = cs.textAlign;
    }
    const lang = field.closest('[lang]')?.getAttribute('lang');
    if (lang) this.mirror.setAttribute('lang', lang);
    else this.mirror.removeAttribute('lang');
    this.needStyle = false;
  }

  /** Synchronously sync text, geometry and scroll, then redraw the boxes. */
  layoutNow(): void {
    if (this.frameReq) {
      this.field.ownerDocument.defaultView?.cancelAnimationFrame(this.frameReq);
      this.frameReq = 0;
    }
    const field = this.field;
    if (!field.isConnected) {
      this.frame.hidden = true;
      return;
    }
    const rect = field.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) {
      this.frame.hidden = true;
      return;
    }
    this.frame.hidden = false;
    if (this.needStyle) this.copyStyles();
    const value = field.value;
    if (this.valueNode.data !== value) this.valueNode.data = value;

    const cs = field.ownerDocument.defaultView!.getComputedStyle(field);
    const bl = parseFloat(cs.borderLeftWidth) || 0;
    const bt = parseFloat(cs.borderTopWidth) || 0;
    const pl = parseFloat(cs.paddingLeft) || 0;
    const pr = parseFloat(cs.paddingRight) || 0;
    const pt = parseFloat(cs.paddingTop) || 0;
    const pb = parseFloat(cs.paddingBottom) || 0;

    // The frame covers the field's border box.
    const fs = this.frame.style;
    fs.transform = `translate(${rect.left}px, ${rect.top}px)`;
    fs.width = `${rect.width}px`;
    fs.height = `${rect.height}px`;

    // The mirror: same borders and padding, content box = the field's (scrollbars excluded). A scrollbar
    // on the left (RTL) or top shifts the content: clientLeft/Top include it.
    const ms = this.mirror.style;
    ms.left = `${field.clientLeft - bl}px`;
    ms.top = `${field.clientTop - bt}px`;
    ms.width = `${Math.max(0, field.clientWidth - pl - pr)}px`;
    ms.height = `${Math.max(0, field.clientHeight - pt - pb)}px`;
    this.mirror.scrollTop = field.scrollTop;
    this.mirror.scrollLeft = field.scrollLeft;

    // Clip boxes to the padding box.
    const cst = this.clip.style;
    cst.left = `${field.clientLeft}px`;
    cst.top = `${field.clientTop}px`;
    cst.width = `${field.clientWidth}px`;
    cst.height = `${field.clientHeight}px`;
    this.draw();
  }

  /** Viewport rects of the characters [start, end) as laid out in the field. */
  rangeRects(start: number, end: number): Rect[] {
    const len = this.valueNode.data.length;
    if (!(start >= 0 && end > start && end <= len)) return [];
    const range = this.field.ownerDocument.createRange();
    range.setStart(this.valueNode, start);
    range.setEnd(this.valueNode, end);
    const out: Rect[] = [];
    for (const r of Array.from(range.getClientRects())) {
      if (r.width <= 0 && r.height <= 0) continue;
      out.push(toRect(r));
    }
    return out;
  }

  private draw(): void {
    const clipRect = this.clip.getBoundingClientRect();
    const drawn: MirrorBox<T>[] = [];
    let used = 0;
    for (const issue of this.items) {
      const rects = this.rangeRects(issue.start, issue.end);
      const visible: Rect[] = [];
      for (const r of rects) {
        if (r.right < clipRect.left || r.left > clipRect.right || r.bottom < clipRect.top || r.top > clipRect.bottom) continue;
        visible.push(r);
        let box = this.pool[used];
        if (!box) {
          box = this.field.ownerDocument.createElement('div');
          this.pool.push(box);
          this.clip.append(box);
        }
        used++;
        box.className = issue === this.active ? `u ${issue.severity} active` : `u ${issue.severity}`;
        const s = box.style;
        s.display = '';
        s.left = `${r.left - clipRect.left}px`;
        s.top = `${r.top - clipRect.top}px`;
        s.width = `${r.width}px`;
        s.height = `${r.height + 3}px`;
      }
      drawn.push({ issue, rects: visible });
    }
    for (let i = used; i < this.pool.length; i++) this.pool[i]!.style.display = 'none';
    this.drawn = drawn;
  }

  /** What is drawn now: per issue, the viewport rects of its characters (tests, hit testing). */
  boxes(): MirrorBox<T>[] {
    return this.drawn;
  }

  /** The issue under a viewport point (the field takes pointer events; its owner asks us). */
  issueAt(x: number, y: number): T | null {
    for (const b of this.drawn) for (const r of b.rects) if (rectContains(r, x, y, 0, 3)) return b.issue;
    return null;
  }

  destroy(): void {
    this.abort.abort();
    this.resizeObserver?.disconnect();
    if (this.frameReq) this.field.ownerDocument.defaultView?.cancelAnimationFrame(this.frameReq);
    this.host.remove();
  }
}
