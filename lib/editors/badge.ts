/**
 * The issue counter of one checked editor, pinned inside its bottom-right corner. Lives in a closed
 * shadow root on its own host element in the editor's document, so page CSS cannot reach it and it
 * cannot affect the page layout. Only the small pill itself takes pointer events (never the editor's
 * area): a click opens a two-item menu — switch this field off, switch this site off — and after either
 * the pill offers 撤销 (undo) for a while. Pressing it never moves the focus out of the editor.
 *
 * Nothing the page can read on the host says how many issues there are or whether the badge shows
 * (issue 10: a page could otherwise probe what the checker finds in text it planted): the count, the
 * tooltip and the shown/hidden state live inside the closed shadow root. Only with `exposeState`
 * (tests and benchmarks, switched on from an extension page) does the host carry `data-count` (the
 * number shown, or "off") and `data-visible`.
 *
 * Placing it reads the editor's geometry, which after an edit of a long document would lay the whole
 * document out inside our task (6–10 ms at 1 MB). So the geometry is read only where the layout is
 * current anyway or where it can have changed: in a ResizeObserver callback (the editor resized; these
 * run after layout), from IntersectionObserver entries (shown, hidden, or asked again after the count
 * changed: the entry carries the rectangle, no read at all), and in the frame callbacks of scrolling and
 * resizing (reposition). The pill is anchored by its right and bottom edges, so a new count (a wider
 * pill) needs no measuring of the pill either; all reads come before the writes.
 */
import type { Rect } from './geometry';

export type Translate = (key: string, substitutions?: string[]) => string;

export interface BadgeActions {
  onFieldOff(): void;
  onSiteOff(): void;
}

/** Built-in Chinese texts (used when the extension has no translation for a key). */
const TEXTS: Record<string, string> = {
  badgeFieldOff: '本栏不检查',
  badgeSiteOff: '本网站不检查',
  badgeOffField: '已关闭本栏检查',
  badgeOffSite: '已关闭本网站检查',
  badgeUndo: '撤销',
  badgeResume: '恢复检查',
};
/** How long the 撤销 offer stays (ms). */
const UNDO_MS = 8000;

export const BADGE_TAG = 'wengao-badge';

const STYLE = `
:host { all: initial !important; position: fixed !important; z-index: 2147483646 !important; pointer-events: none !important;
  display: block !important; right: var(--wengao-r, 0px) !important; bottom: var(--wengao-b, 0px) !important; }
.badge.gone, .gone ~ .menu { display: none !important; }
.badge {
  box-sizing: border-box; min-width: 20px; height: 20px; padding: 0 6px; border-radius: 10px;
  font: 600 12px/20px system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", sans-serif;
  color: #fff; background: #c8102e; text-align: center; box-shadow: 0 1px 3px rgba(0,0,0,.3);
  opacity: .92; user-select: none;
}
.badge.clean { background: #2e7d32; }
.badge { pointer-events: auto; cursor: pointer; }
.badge.off { background: #616161; cursor: default; }
.menu, .undo { all: initial; }
.menu { position: absolute; right: 0; bottom: 24px; display: none; flex-direction: column; min-width: 120px; padding: 4px;
  background: #fff; border: 1px solid #ccc; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.2); pointer-events: auto; }
.menu.open { display: flex; }
button { all: initial; box-sizing: border-box; padding: 5px 10px; border-radius: 4px; cursor: pointer; white-space: nowrap;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", sans-serif; color: #222; }
button:hover, button:focus-visible { background: #eee; }
.undo { margin-left: 6px; color: #fff; text-decoration: underline; font-weight: 600; padding: 0; pointer-events: auto; }
.undo:hover { background: transparent; }
`;

/** The editor's box as last read (viewport coordinates) and what of its padding box the pill needs. */
interface Geometry extends Rect {
  /** The viewport's size (without scrollbars). */
  viewWidth: number;
  viewHeight: number;
  /** The editor's border and inner width (null: not read yet; the border box is used). */
  clientLeft: number | null;
  clientWidth: number | null;
}

/** True when `node` is `el` or an ancestor of it (across shadow roots). */
function encloses(node: EventTarget | null, el: Node): boolean {
  for (let n: Node | null = el; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) if (n === node) return true;
  return false;
}

export class Badge {
  readonly host: HTMLElement;
  private readonly label: HTMLElement;
  private readonly doc: Document;
  private shown = false;
  /** The editor's geometry as last read, null before the first read. */
  private geometry: Geometry | null = null;
  private resize: ResizeObserver | null = null;
  private intersection: IntersectionObserver | null = null;
  /**
   * Something that moves the editor happened since the geometry was read: the document or a box around
   * the editor scrolled, or the window resized. (The editor's own scrolling, which typing in a long
   * field causes, moves nothing: reading the layout then would lay out the just-edited field.)
   */
  private moved = true;
  private readonly menu: HTMLElement;
  private undoTimer = 0;
  private readonly abort = new AbortController();
  /** What the pill shows: the count, or "off" (the switched-off pill); '' before anything. */
  private count = '';
  private readonly exposeState: boolean;

  constructor(
    /** The editor: a textarea/input or a contenteditable root (an iframe's body for TinyMCE). */
    readonly target: HTMLElement,
    private readonly t: Translate,
    actions?: BadgeActions,
    options: { exposeState?: boolean } = {},
  ) {
    this.exposeState = !!options.exposeState;
    this.doc = target.ownerDocument;
    this.host = this.doc.createElement(BADGE_TAG);
    const root = this.host.attachShadow({ mode: 'closed' });
    const style = this.doc.createElement('style');
    style.textContent = STYLE;
    this.label = this.doc.createElement('div');
    this.label.className = 'badge gone';
    this.label.setAttribute('role', 'status');
    this.menu = this.doc.createElement('div');
    this.menu.className = 'menu';
    this.menu.setAttribute('role', 'menu');
    root.append(style, this.label, this.menu);
    const signal = this.abort.signal;
    const win = this.doc.defaultView;
    this.doc.addEventListener(
      'scroll',
      (e) => {
        if (!this.moved && e.target !== target && encloses(e.target, target)) this.moved = true;
      },
      { capture: true, passive: true, signal },
    );
    win?.addEventListener('resize', () => (this.moved = true), { passive: true, signal });
    // Keep the focus (and the caret) in the editor: nothing here is a focus target for the mouse.
    root.addEventListener('mousedown', (e) => e.preventDefault(), { signal });
    if (actions) {
      this.menu.append(
        this.button('field-off', 'badgeFieldOff', () => actions.onFieldOff()),
        this.button('site-off', 'badgeSiteOff', () => actions.onSiteOff()),
      );
      this.label.addEventListener(
        'click',
        () => {
          if (this.count !== 'off') this.menu.classList.toggle('open');
        },
        { signal },
      );
      this.doc.addEventListener(
        'pointerdown',
        (e) => {
          if (!e.composedPath().includes(this.host)) this.menu.classList.remove('open');
        },
        { capture: true, signal },
      );
    }
  }

  private text(key: string): string {
    return this.t(key) || TEXTS[key] || key;
  }

  private button(action: string, key: string, run: () => void): HTMLButtonElement {
    const b = this.doc.createElement('button');
    b.type = 'button';
    b.dataset.action = action;
    b.setAttribute('role', 'menuitem');
    b.textContent = this.text(key);
    b.addEventListener(
      'click',
      (e) => {
        e.stopPropagation();
        this.menu.classList.remove('open');
        run();
      },
      { signal: this.abort.signal },
    );
    return b;
  }

  /**
   * After the user switched the field or the site off: a grey pill saying so, with 撤销, for a while;
   * then the badge goes. `undo` runs on 撤销.
   */
  showOff(what: 'field' | 'site', undo: () => void, persistent = false): void {
    this.menu.classList.remove('open');
    this.clearUndo();
    const title = this.text(what === 'field' ? 'badgeOffField' : 'badgeOffSite');
    this.label.textContent = title;
    this.label.className = 'badge off gone';
    this.label.setAttribute('aria-label', title);
    this.label.title = title;
    const button = this.button('undo', persistent ? 'badgeResume' : 'badgeUndo', () => {
      this.clearUndo();
      this.set(null);
      undo();
    });
    button.addEventListener('click', (e) => e.stopPropagation(), { signal: this.abort.signal });
    button.className = 'undo';
    this.label.append(button);
    this.setCount('off');
    const first = !this.host.isConnected;
    if (first) this.doc.documentElement.append(this.host);
    this.shown = true;
    this.observe();
    this.place();
    this.measureSoon();
    // Right after the switch: 撤销 for a while. Later (the field focused again): 恢复检查 while focused.
    this.undoTimer = (this.doc.defaultView ?? window).setTimeout(
      () => {
        this.undoTimer = 0;
        if (!persistent) this.set(null);
      },
      persistent ? 0 : UNDO_MS,
    );
  }

  /** What the pill shows: the count as text, "off", or '' (nothing yet). */
  get shownCount(): string {
    return this.count;
  }

  private setCount(count: string): void {
    this.count = count;
    if (this.exposeState) this.host.dataset.count = count;
  }

  /** Show or hide the pill inside the shadow root (the host stays as it is). */
  private display(on: boolean): void {
    this.label.classList.toggle('gone', !on);
    if (!on) this.menu.classList.remove('open');
    if (this.exposeState) this.host.toggleAttribute('data-visible', on);
  }

  private clearUndo(): void {
    if (this.undoTimer) (this.doc.defaultView ?? window).clearTimeout(this.undoTimer);
    this.undoTimer = 0;
  }

  get visible(): boolean {
    return this.shown;
  }

  /**
   * Show `count` (0 = a check mark), or hide with null. Cheap when nothing changed: no layout is read
   * while the user types (the position follows in the next frame, or when the editor resizes).
   */
  set(count: number | null): void {
    if (count === null) {
      if (this.undoTimer) return; // the 撤销 offer outlives the checking it switched off
      this.shown = false;
      this.display(false);
      return;
    }
    if (this.undoTimer) return; // the 撤销 offer stays until it times out or is used
    const wasOff = this.count === 'off';
    this.label.classList.remove('off');
    if (this.shown && this.count === String(count) && this.host.isConnected) return;
    const text = count > 0 ? String(count) : '✓';
    if (this.count !== String(count) || wasOff || !this.host.isConnected) {
      const title = count > 0 ? this.t('badgeIssues', [String(count)]) : this.t('badgeClean');
      this.label.textContent = text;
      this.label.classList.toggle('clean', count === 0);
      this.label.setAttribute('aria-label', title);
      this.label.title = title;
      this.setCount(String(count));
    }
    const first = !this.host.isConnected;
    if (first) this.doc.documentElement.append(this.host);
    this.shown = true;
    this.observe();
    // Where the editor was last read, then asked again (the page above it may have grown meanwhile) of
    // the IntersectionObserver, which answers after the next frame without a layout of ours.
    this.place();
    this.measureSoon();
  }

  /** Watch the editor's size and visibility (once): both call back after layout, when reads are free. */
  private observe(): void {
    const win = this.doc.defaultView as (Window & typeof globalThis) | null;
    if (!this.resize && win?.ResizeObserver) {
      // (The first callback comes after the next layout: the first read of the editor's box.)
      this.resize = new win.ResizeObserver(() => this.read());
      this.resize.observe(this.target);
    }
    if (!this.intersection && win?.IntersectionObserver) {
      try {
        this.intersection = new win.IntersectionObserver((entries) => this.intersected(entries), { root: this.doc, threshold: [0, 1] });
      } catch {
        // (No document root in older engines: the implicit root, the top-level viewport.)
        this.intersection = new win.IntersectionObserver((entries) => this.intersected(entries), { threshold: [0, 1] });
      }
      this.intersection.observe(this.target);
    }
  }

  /** Ask the IntersectionObserver for the editor's box again (it answers every new observe). */
  private measureSoon(): void {
    const io = this.intersection;
    if (!io) return;
    io.unobserve(this.target);
    io.observe(this.target);
  }

  private intersected(entries: IntersectionObserverEntry[]): void {
    const e = entries.at(-1);
    if (!e || !this.shown) return;
    const view = this.doc.documentElement;
    const root = e.rootBounds;
    const g = this.geometry;
    // (rootBounds: the viewport as of the entry; without it the size last read.)
    const viewWidth = root ? root.width : g?.viewWidth ?? view.clientWidth;
    const viewHeight = root ? root.height : g?.viewHeight ?? view.clientHeight;
    this.store(this.fillsFrame ? null : e.boundingClientRect, viewWidth, viewHeight, g?.clientLeft ?? null, g?.clientWidth ?? null);
  }

  /**
   * Follow the editor after scrolling or resizing (call it in a frame callback); out of sight while the
   * editor is. Reads the layout only when something that moves the editor happened since the last read.
   */
  reposition(): void {
    if (!this.shown || (!this.moved && this.geometry)) return;
    this.read();
  }

  /** An iframe editor's body: it fills the frame's viewport whatever its content's height. */
  private get fillsFrame(): boolean {
    return this.target === this.doc.body && this.target.isContentEditable;
  }

  /**
   * Keep the editor's box (null: an iframe editor's body, which fills the frame's viewport whatever its
   * content's height) with the viewport's size, and place the pill.
   */
  private store(box: Rect | DOMRectReadOnly | null, viewWidth: number, viewHeight: number, clientLeft: number | null, clientWidth: number | null): void {
    const r = box ?? { left: 0, top: 0, right: viewWidth, bottom: viewHeight, width: viewWidth, height: viewHeight };
    this.geometry = { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height, viewWidth, viewHeight, clientLeft, clientWidth };
    this.place();
  }

  /** Read the editor's box (where the layout is current: a frame or ResizeObserver callback) and place the pill. */
  private read(): void {
    if (!this.shown) return;
    this.moved = false;
    const el = this.target;
    if (!el.isConnected) {
      this.display(false);
      return;
    }
    const view = this.doc.documentElement;
    const viewWidth = view.clientWidth;
    const viewHeight = view.clientHeight;
    if (this.fillsFrame) this.store(null, viewWidth, viewHeight, null, null);
    else this.store(el.getBoundingClientRect(), viewWidth, viewHeight, el.clientLeft, el.clientWidth);
  }

  /** Put the pill where the geometry last read says (writes only). */
  private place(): void {
    const g = this.geometry;
    if (!this.shown || !g) return;
    const offscreen = g.bottom < 0 || g.top > g.viewHeight || g.right < 0 || g.left > g.viewWidth;
    if (offscreen || (g.width === 0 && g.height === 0) || !this.target.isConnected) {
      this.display(false);
      return;
    }
    const h = 20;
    // Stay inside the padding box: clear of borders, the scrollbar and a textarea's resize grip.
    const cw = g.clientWidth;
    const cl = g.clientLeft ?? 0;
    const inner = cw !== null && cw > 0 ? g.left + cl + cw : g.right;
    const hasScrollbar = cw !== null && cw > 0 && g.width - cw - 2 * cl > 4;
    const rightGap = this.target.tagName === 'TEXTAREA' && !hasScrollbar ? 16 : 6;
    const inset = g.height >= 48 ? 6 : Math.max(0, (g.height - h) / 2);
    // The pill's right and bottom edges, as distances from the viewport's (its width is its own).
    const right = g.viewWidth - (Math.min(inner, g.viewWidth) - rightGap);
    const bottom = g.viewHeight - (Math.min(g.bottom, g.viewHeight) - inset);
    this.host.style.setProperty('--wengao-r', `${Math.round(Math.max(0, right))}px`);
    this.host.style.setProperty('--wengao-b', `${Math.round(Math.min(g.viewHeight - h, Math.max(0, bottom)))}px`);
    this.display(true);
  }

  remove(): void {
    this.shown = false;
    this.clearUndo();
    this.abort.abort();
    this.resize?.disconnect();
    this.resize = null;
    this.intersection?.disconnect();
    this.intersection = null;
    this.host.remove();
  }
}
