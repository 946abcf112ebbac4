/**
 * The fix card: a small dialog next to an underline with the Chinese message, the fix as before → after,
 * and the actions 应用 / 忽略 / 忽略此规则 / 加入词典. It lives in a closed shadow root on its own host
 * element (page CSS cannot break it: the host's own rules are `!important` inside the shadow tree, which
 * beats the page's `!important`; page scripts cannot reach in) and only emits callbacks: storage
 * and applying are the owner's job.
 *
 * Keyboard: the card takes focus when opened from the keyboard (`focus: true`); Tab moves between its
 * buttons, Enter applies (unless another button has focus, which then does its own action), Esc closes.
 */
import type { Issue } from '../engine/types';
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
.actions { display: flex; flex-wrap: wrap; gap: 6px; }
button { font: inherit; font-size: 13px; }
.actions button { border: 1px solid #d0d7de; background: #f6f8fa; color: #1f2328; border-radius: 6px; padding: 2px 10px; cursor: pointer; }
.actions button.apply { background: #1f883d; border-color: #1a7f37; color: #fff; }
.actions button:focus-visible, .after:focus-visible, .close:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  .card { background: #1f2328; color: #e6edf3; border-color: #3d444d; box-shadow: 0 6px 24px rgba(0,0,0,.5); }
  .head, .arrow, .nofix { color: #9198a1; }
  .before { color: #ffa198; background: rgba(248,81,73,.15); }
  .after { color: #7ee787; background: rgba(46,160,67,.15); border-color: rgba(46,160,67,.4); }
  .actions button { background: #2d333b; color: #e6edf3; border-color: #3d444d; }
}
`;

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

  constructor(doc: Document = document, options: { shadowMode?: ShadowRootMode } = {}) {
    this.doc = doc;
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
  }

  get visible(): boolean {
    return this.issue !== null;
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
    this.issue = issue;
    this.callbacks = callbacks;
    const labels = { ...LABELS, ...options.labels };
    this.render(issue, labels, options);
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    this.host.setAttribute('data-open', '');
    this.host.setAttribute('data-rule', issue.rule);
    this.position(anchor);
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

  /** Close without an action. */
  hide(): void {
    if (this.issue) this.close('hide');
  }

  destroy(): void {
    this.hide();
    this.host.remove();
  }

  private close(reason: 'escape' | 'outside' | 'hide' | 'action'): void {
    const issue = this.issue;
    if (!issue) return;
    this.issue = null;
    this.focusMode = false;
    this.abort?.abort();
    this.abort = null;
    this.host.removeAttribute('data-open');
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
        b.addEventListener('click', () => this.act('apply', r));
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
      b.addEventListener('click', () => this.act(action, action === 'apply' ? issue.replacements[0] : undefined));
      actions.append(b);
    };
    if (issue.replacements.length) button('apply', labels.apply, 'apply');
    button('ignore', labels.ignore, 'ignore');
    button('ignore-rule', labels.ignoreRule, 'ignore-rule');
    button('dict', labels.addToDictionary, 'add-to-dictionary');
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
