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
 */
import { afterNextFrame } from './after-frame';

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
  display: block !important; left: var(--wengao-x, 0px) !important; top: var(--wengao-y, 0px) !important; }
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

export class Badge {
  readonly host: HTMLElement;
  private readonly label: HTMLElement;
  private readonly doc: Document;
  private shown = false;
  /** Cancels the reposition waiting for the next frame (null: none waiting). */
  private frame: (() => void) | null = null;
  private resize: ResizeObserver | null = null;
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
    this.reposition();
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
    if (first) this.reposition();
    else this.repositionSoon();
    if (!this.resize) {
      const RO = (this.doc.defaultView as (Window & typeof globalThis) | null)?.ResizeObserver;
      this.resize = RO ? new RO(() => this.repositionSoon()) : null;
      this.resize?.observe(this.target);
    }
  }

  /**
   * Reposition after the next frame (once, however often asked): the count changes while the writer
   * types, and the editor's layout is stale then (after-frame.ts).
   */
  repositionSoon(): void {
    const win = this.doc.defaultView;
    if (this.frame || !win) return;
    this.frame = afterNextFrame(win, () => {
      this.frame = null;
      this.reposition();
    });
  }

  /** Follow the editor after scrolling or resizing; out of sight while the editor is. */
  reposition(): void {
    if (!this.shown) return;
    const el = this.target;
    const view = this.doc.documentElement;
    if (!el.isConnected) {
      this.display(false);
      return;
    }
    // An iframe editor's body fills the frame's viewport whatever its content's height.
    const whole = el === this.doc.body && el.isContentEditable;
    const r = whole ? { left: 0, top: 0, right: view.clientWidth, bottom: view.clientHeight, width: view.clientWidth, height: view.clientHeight } : el.getBoundingClientRect();
    const offscreen = r.bottom < 0 || r.top > view.clientHeight || r.right < 0 || r.left > view.clientWidth;
    if (offscreen || (r.width === 0 && r.height === 0)) {
      this.display(false);
      return;
    }
    this.display(true);
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
    this.clearUndo();
    this.abort.abort();
    this.frame?.();
    this.frame = null;
    this.resize?.disconnect();
    this.resize = null;
    this.host.remove();
  }
}
