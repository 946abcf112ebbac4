/**
 * The fix card: a small dialog next to an underline with the Chinese message, the fix as before → after,
 * and the actions 应用 / 忽略 / 忽略此规则 / 加入词典. It lives in a closed shadow root on its own host
 * element (page CSS cannot break it: the host's own rules are `!important` inside the shadow tree, which
 * beats the page's `!important`; page scripts cannot reach in) and only emits callbacks: storage
 * and applying are the owner's job.
 *
 * Keyboard: the card takes focus when opened from the keyboard (`focus: true`); Tab moves between its
 * buttons, Enter applies (unless another button has focus, which then does its own action), Esc closes.
 *
 * A page must not be able to act through the card (issue 10): only trusted events count (a page's
 * synthetic click or key does nothing), and a pointer click counts only when the card itself is at the
 * click point. The actions that change what is stored beyond this page (加入词典, 忽略此规则) also need
 * the card seen unoccluded around the click (IntersectionObserver v2 `isVisible`): a page that hides
 * the card under its own element, even one with `pointer-events: none` that lets the click through,
 * gets the click refused. (应用 and 忽略 act at once: they only change this page's own text and view,
 * which the page controls anyway, and a fix is one undo step.) Nothing on the host tells the page which
 * rule the card shows (tests can ask for `data-rule` with `exposeState`). After an action,
 * {@link FixCard.notice} reports what went wrong (the fix was refused, the word was not saved).
 *
 * While open, the host is a manual popover in the top layer (raised again at each opening): above the
 * page's stacking contexts, and out of reach of effects on the page's root (a `filter: grayscale(1)` on
 * <html>, as sites set on days of mourning, would otherwise make the browser report the card as never
 * visible and refuse every stored action).
 */
import type { Issue } from '../engine/types';
import { offersDictionary } from './dictionary-offer';
import { SEVERITY_COLORS } from './highlighter';
import type { Rect } from './geometry';

export const CARD_TAG = 'wengao-card';

export type CardAction = 'apply' | 'ignore' | 'ignore-rule' | 'add-to-dictionary';

export interface CardCallbacks {
  /** Apply this replacement (the first one unless the user picked an alternative). */
  onApply?: (issue: Issue, replacement: string) => void;
  onIgnore?: (issue: Issue) => void;
  onIgnoreRule?: (issue: Issue) => void;
  onAddToDictionary?: (issue: Issue) => void;
  /** Closed without an action (Esc, click outside, hide()). */
  onClose?: (issue: Issue, reason: 'escape' | 'outside' | 'hide' | 'action') => void;
}

export interface CardOptions {
  /** Move keyboard focus into the card (keyboard shortcut); a hover card must not steal focus. */
  focus?: boolean;
  /** Labels (default Chinese). */
  labels?: Partial<typeof LABELS>;
  /** Category names shown in the header. */
  categoryLabel?: (issue: Issue) => string;
}

export const LABELS = {
  apply: '应用',
  ignore: '忽略',
  ignoreRule: '忽略此规则',
  addToDictionary: '加入词典',
  delete: '删除',
  close: '关闭',
  dialog: '文稿助手建议',
  noFix: '没有自动修改建议',
  covered: '建议卡片被页面内容遮挡，未执行操作',
};

const CATEGORY_LABELS: Record<string, string> = {
  repetition: '重复',
  grammar: '语法',
  typo: '错别字',
  phrase: '规范提法',
  traditional: '繁体字',
  punctuation: '标点',
  spacing: '空格',
  linebreak: '断行',
  residue: '网页残留',
  structure: '结构',
};

const STYLE = `
:host { all: initial !important; position: fixed !important; z-index: 2147483647 !important;
  left: var(--wengao-x, 0px) !important; top: var(--wengao-y, 0px) !important; display: none !important; }
:host([data-open]) { display: block !important; }
.card { box-sizing: border-box; width: max-content; max-width: min(360px, calc(100vw - 16px)); min-width: 220px;
  padding: 10px 12px 10px; border-radius: 8px; background: #fff; color: #1f2328; border: 1px solid #d0d7de;
  box-shadow: 0 6px 24px rgba(0,0,0,.18); outline: none;
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
.card:focus-visible { box-shadow: 0 0 0 2px #0969da, 0 6px 24px rgba(0,0,0,.18); }
.head { display: flex; align-items: center; gap: 6px; font-size: 12px; color: #59636e; margin-bottom: 4px; }
.dot { width: 8px; height: 8px; border-radius: 50%; flex: none; }
.dot.error { background: ${SEVERITY_COLORS.error}; } .dot.warning { background: ${SEVERITY_COLORS.warning}; } .dot.info { background: ${SEVERITY_COLORS.info}; }
.close { margin-left: auto; border: 0; background: none; color: inherit; font-size: 16px; line-height: 1; cursor: pointer; padding: 0 2px; }
.msg { margin: 0 0 8px; word-break: break-word; }
.diff { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-bottom: 10px; }
.before { text-decoration: line-through; color: #b42318; background: #fee4e2; padding: 0 4px; border-radius: 3px; white-space: pre-wrap; }
.arrow { color: #59636e; }
.after { border: 1px solid #abefc6; color: #067647; background: #ecfdf3; padding: 0 6px; border-radius: 3px; cursor: pointer;
  font: inherit; white-space: pre-wrap; }
.after.primary { font-weight: 600; }
.nofix { color: #59636e; font-size: 12px; margin-bottom: 8px; }
.notice { margin: 0; color: #b42318; }
.note { margin: 6px 0 0; font-size: 12px; color: #b42318; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; }
button { font: inherit; font-size: 13px; }
.actions button { border: 1px solid #d0d7de; background: #f6f8fa; color: #1f2328; border-radius: 6px; padding: 2px 10px; cursor: pointer; }
.actions button.apply { background: #1f883d; border-color: #1a7f37; color: #fff; }
.actions button:focus-visible, .after:focus-visible, .close:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  .card { background: #1f2328; color: #e6edf3; border-color: #3d444d; box-shadow: 0 6px 24px rgba(0,0,0,.5); }
  .head, .arrow, .nofix { color: #9198a1; }
  .notice, .note { color: #ffa198; }
  .before { color: #ffa198; background: rgba(248,81,73,.15); }
  .after { color: #7ee787; background: rgba(46,160,67,.15); border-color: rgba(46,160,67,.4); }
  .actions button { background: #2d333b; color: #e6edf3; border-color: #3d444d; }
}
`;

/** IntersectionObserver v2 reports at most this often (its minimum). */
const VISIBILITY_DELAY_MS = 100;
/** A change of visibility just before a click is computed within this long after it. */
const VISIBILITY_WINDOW_MS = 150;
/** A click's action waits this long for those reports before it is taken or refused. */
const VISIBILITY_WAIT_MS = 220;
/** A notice (no actions) closes by itself after this long. */
const NOTICE_MS = 6000;

type VisibleEntry = IntersectionObserverEntry & { isVisible?: boolean };

/** Actions that change stored state beyond the page: taken only from a card seen unoccluded. */
const STORED_ACTIONS: ReadonlySet<CardAction> = new Set(['add-to-dictionary', 'ignore-rule']);

export class FixCard {
  readonly host: HTMLElement;
  private readonly doc: Document;
  private readonly shadow: ShadowRoot;
  private readonly card: HTMLDivElement;
  private issue: Issue | null = null;
  private callbacks: CardCallbacks = {};
  private abort: AbortController | null = null;
  private returnFocus: HTMLElement | null = null;
  private focusMode = false;
  private labels: typeof LABELS = LABELS;
  /** The card's visibility as the browser saw it (IntersectionObserver v2), while it is open. */
  private seen: { time: number; visible: boolean }[] = [];
  private io: IntersectionObserver | null = null;
  /** A click waits for the visibility reports around it. */
  private pending = false;
  private noticeOpen = false;
  private noticeTimer = 0;
  private noticeAbort: AbortController | null = null;

  /** Tests only: the host carries `data-rule` (badge.ts exposeState). */
  private readonly exposeState: boolean;

  constructor(doc: Document = document, options: { shadowMode?: ShadowRootMode; exposeState?: boolean } = {}) {
    this.doc = doc;
    this.exposeState = !!options.exposeState;
    this.host = doc.createElement(CARD_TAG);
    this.shadow = this.host.attachShadow({ mode: options.shadowMode ?? 'closed' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    this.card = doc.createElement('div');
    this.card.className = 'card';
    this.card.tabIndex = -1;
    this.card.setAttribute('role', 'dialog');
    this.shadow.append(style, this.card);
    // Opened by hovering or clicking an underline, the card must not take the focus from the editor:
    // a click on its buttons keeps the editor's focus and caret (the fix then lands where the user expects).
    this.card.addEventListener('mousedown', (e) => {
      if (!this.focusMode) e.preventDefault();
    });
    if ('popover' in this.host) (this.host as HTMLElement & { popover: string | null }).popover = 'manual';
  }

  /** Into the top layer, above anything the page opened there before (where popovers exist). */
  private raise(): void {
    const h = this.host as HTMLElement & { showPopover?: () => void; hidePopover?: () => void };
    if (!h.isConnected || typeof h.showPopover !== 'function') return;
    try {
      if (h.matches(':popover-open')) h.hidePopover?.();
      h.showPopover();
    } catch {
      /* no top layer: the fixed host with the highest z-index still shows */
    }
  }

  private lower(): void {
    const h = this.host as HTMLElement & { hidePopover?: () => void };
    try {
      if (typeof h.hidePopover === 'function' && h.matches(':popover-open')) h.hidePopover();
    } catch {
      /* not a popover */
    }
  }

  get visible(): boolean {
    return this.issue !== null;
  }

  /** A notice (after an action) is showing. */
  get noticeVisible(): boolean {
    return this.noticeOpen;
  }

  get current(): Issue | null {
    return this.issue;
  }

  /** True when the card was opened with the keyboard focus in it. */
  get hasFocus(): boolean {
    return this.issue !== null && this.focusMode;
  }

  /** True when an event's composed path goes through the card (for the owner's outside-click logic). */
  contains(event: Event): boolean {
    return event.composedPath().includes(this.host);
  }

  /** Open next to `anchor` (a viewport rect in this card's document). */
  show(issue: Issue, anchor: Rect, callbacks: CardCallbacks, options: CardOptions = {}): void {
    if (this.issue) this.close('hide');
    this.closeNotice();
    this.issue = issue;
    this.callbacks = callbacks;
    const labels = { ...LABELS, ...options.labels };
    this.labels = labels;
    this.render(issue, labels, options);
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    this.host.setAttribute('data-open', '');
    if (this.exposeState) this.host.setAttribute('data-rule', issue.rule);
    this.raise();
    this.position(anchor);
    this.watchVisibility();
    this.focusMode = !!options.focus;
    this.abort = new AbortController();
    const signal = this.abort.signal;
    this.card.addEventListener('keydown', (e) => this.onKey(e), { signal });
    this.doc.addEventListener(
      'pointerdown',
      (e) => {
        if (!this.contains(e)) this.close('outside');
      },
      { capture: true, signal },
    );
    if (options.focus) {
      const active = this.doc.activeElement as HTMLElement | null;
      this.returnFocus = active && active !== this.doc.body ? active : null;
      const primary = this.shadow.querySelector<HTMLElement>('button.apply') ?? this.card;
      primary.focus({ preventScroll: true });
    } else this.returnFocus = null;
  }

  /** Follow the anchor (the page or the editor scrolled). */
  move(anchor: Rect): void {
    if (this.issue) this.position(anchor);
  }

  /** Close without an action (a notice too). */
  hide(): void {
    if (this.issue) this.close('hide');
    this.closeNotice();
  }

  destroy(): void {
    this.hide();
    this.host.remove();
  }

  /**
   * Say what went wrong after an action (the fix was refused, the word was not saved): a card with the
   * message only, next to `anchor`, closed by ×, Esc, a click elsewhere, or after a few seconds.
   */
  notice(anchor: Rect, message: string, labels: Partial<typeof LABELS> = {}): void {
    if (this.issue) this.close('hide');
    this.closeNotice();
    const l = { ...this.labels, ...labels };
    const d = this.doc;
    this.card.replaceChildren();
    this.card.setAttribute('aria-label', l.dialog);
    this.card.setAttribute('role', 'alertdialog');
    const head = d.createElement('div');
    head.className = 'head';
    const close = d.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.textContent = '×';
    close.tabIndex = -1;
    close.setAttribute('aria-label', l.close);
    close.addEventListener('click', () => this.closeNotice());
    head.append(close);
    const p = d.createElement('p');
    p.className = 'notice';
    p.id = 'wengao-card-msg';
    p.textContent = message;
    this.card.setAttribute('aria-describedby', p.id);
    this.card.append(head, p);
    if (!this.host.isConnected) d.documentElement.append(this.host);
    this.host.setAttribute('data-open', '');
    this.raise();
    this.position(anchor);
    this.noticeOpen = true;
    this.noticeAbort = new AbortController();
    const signal = this.noticeAbort.signal;
    d.addEventListener('pointerdown', (e) => !this.contains(e) && this.closeNotice(), { capture: true, signal });
    d.addEventListener('keydown', (e) => e.key === 'Escape' && this.closeNotice(), { capture: true, signal });
    this.noticeTimer = (d.defaultView ?? window).setTimeout(() => this.closeNotice(), NOTICE_MS);
  }

  private closeNotice(): void {
    if (!this.noticeOpen) return;
    this.noticeOpen = false;
    this.noticeAbort?.abort();
    this.noticeAbort = null;
    if (this.noticeTimer) (this.doc.defaultView ?? window).clearTimeout(this.noticeTimer);
    this.noticeTimer = 0;
    this.card.setAttribute('role', 'dialog');
    if (!this.issue) {
      this.host.removeAttribute('data-open');
      this.lower();
    }
  }

  /** Follow the card's visibility (IntersectionObserver v2) while it is open; off where unsupported. */
  private watchVisibility(): void {
    this.io?.disconnect();
    this.io = null;
    this.seen = [];
    const win = this.doc.defaultView as (Window & typeof globalThis) | null;
    const IO = win?.IntersectionObserver;
    const Entry = win?.IntersectionObserverEntry;
    if (!IO || !Entry || !('isVisible' in Entry.prototype)) return;
    try {
      this.io = new IO(
        (entries) => {
          for (const e of entries as VisibleEntry[]) this.seen.push({ time: e.time, visible: e.isVisible === true });
          if (this.seen.length > 64) this.seen.splice(0, this.seen.length - 64);
        },
        { trackVisibility: true, delay: VISIBILITY_DELAY_MS } as IntersectionObserverInit,
      );
      this.io.observe(this.card);
    } catch {
      this.io = null;
    }
  }

  /** Was the card unoccluded at time `t` (reports up to VISIBILITY_WINDOW_MS later included)? */
  private seenAt(t: number): boolean {
    const around = this.seen.filter((s) => s.time <= t + VISIBILITY_WINDOW_MS);
    if (!around.length) return false;
    let last: { visible: boolean } | undefined;
    for (const s of around) if (s.time <= t) last = s;
    if (last && !last.visible) return false;
    return around.every((s) => s.time <= t || s.visible);
  }

  /**
   * A click on one of the card's buttons: only a trusted one, with the card itself under the pointer,
   * and (where the browser reports it) the card unoccluded around the click.
   */
  private request(e: MouseEvent, action: CardAction, replacement?: string): void {
    if (!e.isTrusted || !this.issue || this.pending) return;
    // detail 0: Enter or Space on a focused button. The card has the focus only when the writer opened it
    // with the keyboard shortcut, and a page cannot press keys: acted on at once.
    const keyboard = e.detail === 0;
    if (!keyboard && this.doc.elementFromPoint(e.clientX, e.clientY) !== this.host) return this.refuse();
    if (keyboard || !this.io || !STORED_ACTIONS.has(action)) return this.act(action, replacement);
    const issue = this.issue;
    const t = e.timeStamp;
    this.pending = true;
    (this.doc.defaultView ?? window).setTimeout(() => {
      this.pending = false;
      if (this.issue !== issue) return;
      if (this.seenAt(t)) this.act(action, replacement);
      else this.refuse();
    }, VISIBILITY_WAIT_MS);
  }

  /** A click that did not count: say so in the card (the page may have covered it). */
  private refuse(): void {
    this.card.querySelector('.note')?.remove();
    const note = this.doc.createElement('p');
    note.className = 'note';
    note.setAttribute('role', 'status');
    note.textContent = this.labels.covered;
    this.card.append(note);
  }

  private close(reason: 'escape' | 'outside' | 'hide' | 'action'): void {
    const issue = this.issue;
    if (!issue) return;
    this.issue = null;
    this.focusMode = false;
    this.pending = false;
    this.host.removeAttribute('data-rule');
    this.io?.disconnect();
    this.io = null;
    this.seen = [];
    this.abort?.abort();
    this.abort = null;
    this.host.removeAttribute('data-open');
    this.lower();
    const cb = this.callbacks;
    this.callbacks = {};
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back && (reason === 'escape' || reason === 'action') && back.isConnected) back.focus({ preventScroll: true });
    cb.onClose?.(issue, reason);
  }

  private act(action: CardAction, replacement?: string): void {
    const issue = this.issue;
    if (!issue) return;
    const cb = this.callbacks;
    this.close('action');
    if (action === 'apply' && replacement !== undefined) cb.onApply?.(issue, replacement);
    else if (action === 'ignore') cb.onIgnore?.(issue);
    else if (action === 'ignore-rule') cb.onIgnoreRule?.(issue);
    else if (action === 'add-to-dictionary') cb.onAddToDictionary?.(issue);
  }

  private onKey(e: KeyboardEvent): void {
    if (!e.isTrusted) return; // a page's synthetic key
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.close('escape');
      return;
    }
    if (e.key === 'Enter') {
      const focused = this.shadow.activeElement as HTMLElement | null;
      if (focused && focused.tagName === 'BUTTON' && !focused.classList.contains('apply')) return; // native click
      const first = this.issue?.replacements[0];
      if (first !== undefined) {
        e.preventDefault();
        e.stopPropagation();
        this.act('apply', first);
      }
      return;
    }
    if (e.key === 'Tab') {
      // Keep focus inside the card.
      const items = Array.from(this.shadow.querySelectorAll<HTMLElement>('button'));
      if (!items.length) return;
      const idx = items.indexOf(this.shadow.activeElement as HTMLElement);
      const next = e.shiftKey ? (idx <= 0 ? items.length - 1 : idx - 1) : idx === items.length - 1 ? 0 : idx + 1;
      e.preventDefault();
      items[next]!.focus();
    }
  }

  private render(issue: Issue, labels: typeof LABELS, options: CardOptions): void {
    const d = this.doc;
    const el = <K extends keyof HTMLElementTagNameMap>(t: K, cls?: string, text?: string): HTMLElementTagNameMap[K] => {
      const e = d.createElement(t);
      if (cls) e.className = cls;
      if (text !== undefined) e.textContent = text;
      return e;
    };
    this.card.replaceChildren();
    this.card.setAttribute('aria-label', labels.dialog);
    const head = el('div', 'head');
    head.append(el('span', `dot ${issue.severity}`), el('span', 'cat', options.categoryLabel?.(issue) ?? CATEGORY_LABELS[issue.category] ?? issue.category));
    const close = el('button', 'close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', labels.close);
    close.tabIndex = -1;
    close.addEventListener('click', () => this.close('escape'));
    head.append(close);
    this.card.setAttribute('role', 'dialog');
    const msg = el('p', 'msg', issue.message);
    msg.id = 'wengao-card-msg';
    this.card.setAttribute('aria-describedby', msg.id);
    this.card.append(head, msg);

    if (issue.replacements.length) {
      const diff = el('div', 'diff');
      diff.append(el('span', 'before', visible(issue.text)), el('span', 'arrow', '→'));
      issue.replacements.slice(0, 4).forEach((r, i) => {
        const b = el('button', i === 0 ? 'after primary' : 'after', r === '' ? labels.delete : visible(r));
        b.type = 'button';
        b.dataset.replacement = r;
        b.title = `${labels.apply}：${r === '' ? labels.delete : r}`;
        b.addEventListener('click', (e) => this.request(e, 'apply', r));
        diff.append(b);
      });
      this.card.append(diff);
    } else {
      this.card.append(el('div', 'nofix', labels.noFix));
    }

    const actions = el('div', 'actions');
    const button = (cls: string, label: string, action: CardAction) => {
      const b = el('button', cls, label);
      b.type = 'button';
      b.dataset.action = action;
      b.addEventListener('click', (e) => this.request(e, action, action === 'apply' ? issue.replacements[0] : undefined));
      actions.append(b);
    };
    if (issue.replacements.length) button('apply', labels.apply, 'apply');
    button('ignore', labels.ignore, 'ignore');
    button('ignore-rule', labels.ignoreRule, 'ignore-rule');
    // Only where a word is flagged: a mark, a space or 的 in the dictionary would silence that slip everywhere.
    if (offersDictionary(issue)) button('dict', labels.addToDictionary, 'add-to-dictionary');
    this.card.append(actions);
  }

  /** Below the anchor, or above when there is no room; kept inside the viewport. */
  private position(anchor: Rect): void {
    const view = this.doc.documentElement;
    const vw = view.clientWidth || this.doc.defaultView?.innerWidth || 800;
    const vh = view.clientHeight || this.doc.defaultView?.innerHeight || 600;
    this.host.style.setProperty('--wengao-x', '0px');
    this.host.style.setProperty('--wengao-y', '0px');
    const w = this.card.offsetWidth;
    const h = this.card.offsetHeight;
    let left = Math.min(Math.max(8, anchor.left), vw - w - 8);
    let top = anchor.bottom + 6;
    if (top + h > vh - 8 && anchor.top - 6 - h >= 8) top = anchor.top - 6 - h;
    left = Math.max(8, left);
    this.host.style.setProperty('--wengao-x', `${Math.round(left)}px`);
    this.host.style.setProperty('--wengao-y', `${Math.round(Math.max(8, top))}px`);
  }

  /** For tests: the rendered card (only reachable through this object when the root is closed). */
  get element(): HTMLElement {
    return this.card;
  }
}

/** Make whitespace and line breaks visible in the before/after text. */
function visible(s: string): string {
  return s.replace(/\n/g, '↵').replace(/^ | $/g, '␣');
}
