/**
 * A small issue-count badge pinned to the bottom-right corner of the field being edited.
 * Lives in a closed shadow root on its own host element, so page CSS cannot reach it and it cannot
 * affect the page layout. It never takes pointer events (it must not steal clicks from the editor).
 * The host carries `data-count` (number of issues) for tests and assistive tech reads its label.
 */

export type Translate = (key: 'badgeIssues' | 'badgeClean', substitutions?: string[]) => string;

export const BADGE_TAG = 'wengao-badge';

const STYLE = `
:host { all: initial; position: fixed; z-index: 2147483646; pointer-events: none; display: none; }
:host([data-visible]) { display: block; }
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
  private target: Element | null = null;

  constructor(
    private readonly doc: Document,
    private readonly t: Translate,
  ) {
    this.host = doc.createElement(BADGE_TAG);
    const root = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    this.label = doc.createElement('div');
    this.label.className = 'badge';
    this.label.setAttribute('role', 'status');
    root.append(style, this.label);
  }

  /** Show `count` next to `target`. */
  show(target: Element, count: number): void {
    this.target = target;
    const text = count > 0 ? String(count) : '✓';
    const title = count > 0 ? this.t('badgeIssues', [String(count)]) : this.t('badgeClean');
    this.label.textContent = text;
    this.label.classList.toggle('clean', count === 0);
    this.label.setAttribute('aria-label', title);
    this.host.title = title;
    this.host.dataset.count = String(count);
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    this.host.setAttribute('data-visible', '');
    this.reposition();
  }

  hide(): void {
    this.target = null;
    this.host.removeAttribute('data-visible');
  }

  get visibleFor(): Element | null {
    return this.target;
  }

  /** Follow the target after scrolling or resizing; hide when it left the page or the viewport. */
  reposition(): void {
    const el = this.target;
    if (!el) return;
    if (!el.isConnected) {
      this.hide();
      return;
    }
    const r = el.getBoundingClientRect();
    const view = this.doc.documentElement;
    const offscreen = r.bottom < 0 || r.top > view.clientHeight || r.right < 0 || r.left > view.clientWidth;
    if (offscreen || (r.width === 0 && r.height === 0)) {
      this.host.removeAttribute('data-visible');
      return;
    }
    this.host.setAttribute('data-visible', '');
    const w = this.label.offsetWidth || 20;
    const h = 20;
    // Stay inside the padding box: clear of borders, the scrollbar and a textarea's resize grip.
    const inner = el.clientWidth > 0 ? r.left + el.clientLeft + el.clientWidth : r.right;
    const hasScrollbar = el.clientWidth > 0 && r.width - el.clientWidth - 2 * el.clientLeft > 4;
    const rightGap = el instanceof HTMLTextAreaElement && !hasScrollbar ? 16 : 6;
    const inset = r.height >= 48 ? 6 : Math.max(0, (r.height - h) / 2);
    const left = Math.min(inner, view.clientWidth) - w - rightGap;
    const top = Math.min(r.bottom, view.clientHeight) - h - inset;
    this.host.style.left = `${Math.max(0, left)}px`;
    this.host.style.top = `${Math.max(0, top)}px`;
  }

  remove(): void {
    this.target = null;
    this.host.remove();
  }
}
