/**
 * The issue counter of one checked editor, pinned inside its bottom-right corner. Lives in a closed
 * shadow root on its own host element in the editor's document, so page CSS cannot reach it and it
 * cannot affect the page layout. It never takes pointer events (it must not steal clicks from the
 * editor). The host carries `data-count` (the number of issues shown) for tests, and an aria label.
 */

export type Translate = (key: 'badgeIssues' | 'badgeClean', substitutions?: string[]) => string;

export const BADGE_TAG = 'wengao-badge';

const STYLE = `
:host { all: initial !important; position: fixed !important; z-index: 2147483646 !important; pointer-events: none !important;
  display: none !important; left: var(--wengao-x, 0px) !important; top: var(--wengao-y, 0px) !important; }
:host([data-visible]) { display: block !important; }
.badge {
  box-sizing: border-box; min-width: 20px; height: 20px; padding: 0 6px; border-radius: 10px;
  font: 600 12px/20px system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", sans-serif;
  color: #fff; background: #c8102e; text-align: center; box-shadow: 0 1px 3px rgba(0,0,0,.3);
  opacity: .92; user-select: none;
}
.badge.clean { background: #2e7d32; }
`;

export class Badge {
  readonly host: HTMLElement;
  private readonly label: HTMLElement;
  private readonly doc: Document;
  private shown = false;
  private frame = 0;
  private resize: ResizeObserver | null = null;

  constructor(
    /** The editor: a textarea/input or a contenteditable root (an iframe's body for TinyMCE). */
    readonly target: HTMLElement,
    private readonly t: Translate,
  ) {
    this.doc = target.ownerDocument;
    this.host = this.doc.createElement(BADGE_TAG);
    const root = this.host.attachShadow({ mode: 'closed' });
    const style = this.doc.createElement('style');
    style.textContent = STYLE;
    this.label = this.doc.createElement('div');
    this.label.className = 'badge';
    this.label.setAttribute('role', 'status');
    root.append(style, this.label);
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
      this.shown = false;
      this.host.removeAttribute('data-visible');
      return;
    }
    if (this.shown && this.host.dataset.count === String(count) && this.host.isConnected) return;
    const text = count > 0 ? String(count) : '✓';
    if (this.host.dataset.count !== String(count) || !this.host.isConnected) {
      const title = count > 0 ? this.t('badgeIssues', [String(count)]) : this.t('badgeClean');
      this.label.textContent = text;
      this.label.classList.toggle('clean', count === 0);
      this.label.setAttribute('aria-label', title);
      this.host.title = title;
      this.host.dataset.count = String(count);
    }
    const first = !this.host.isConnected;
    if (first) this.doc.documentElement.append(this.host);
    this.shown = true;
    if (first) this.reposition();
    else this.repositionSoon();
    if (!this.resize) {
      const RO = (this.doc.defaultView as (Window & typeof globalThis) | null)?.ResizeObserver;
      this.resize = RO ? new RO(() => this.repositionSoon()) : null;
      this.resize?.observe(this.target);
    }
  }

  /** Reposition in the next animation frame (once, however often asked). */
  repositionSoon(): void {
    const win = this.doc.defaultView;
    if (this.frame || !win) return;
    this.frame = win.requestAnimationFrame(() => {
      this.frame = 0;
      this.reposition();
    });
  }

  /** Follow the editor after scrolling or resizing; out of sight while the editor is. */
  reposition(): void {
    if (!this.shown) return;
    const el = this.target;
    const view = this.doc.documentElement;
    if (!el.isConnected) {
      this.host.removeAttribute('data-visible');
      return;
    }
    // An iframe editor's body fills the frame's viewport whatever its content's height.
    const whole = el === this.doc.body && el.isContentEditable;
    const r = whole ? { left: 0, top: 0, right: view.clientWidth, bottom: view.clientHeight, width: view.clientWidth, height: view.clientHeight } : el.getBoundingClientRect();
    const offscreen = r.bottom < 0 || r.top > view.clientHeight || r.right < 0 || r.left > view.clientWidth;
    if (offscreen || (r.width === 0 && r.height === 0)) {
      this.host.removeAttribute('data-visible');
      return;
    }
    this.host.setAttribute('data-visible', '');
    const w = this.label.offsetWidth || 20;
    const h = 20;
    // Stay inside the padding box: clear of borders, the scrollbar and a textarea's resize grip.
    const inner = !whole && el.clientWidth > 0 ? r.left + el.clientLeft + el.clientWidth : r.right;
    const hasScrollbar = !whole && el.clientWidth > 0 && r.width - el.clientWidth - 2 * el.clientLeft > 4;
    const rightGap = el.tagName === 'TEXTAREA' && !hasScrollbar ? 16 : 6;
    const inset = r.height >= 48 ? 6 : Math.max(0, (r.height - h) / 2);
    const left = Math.min(inner, view.clientWidth) - w - rightGap;
    const top = Math.min(r.bottom, view.clientHeight) - h - inset;
    this.host.style.setProperty('--wengao-x', `${Math.round(Math.max(0, left))}px`);
    this.host.style.setProperty('--wengao-y', `${Math.round(Math.max(0, top))}px`);
  }

  remove(): void {
    this.shown = false;
    if (this.frame) this.doc.defaultView?.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.resize?.disconnect();
    this.resize = null;
    this.host.remove();
  }
}
