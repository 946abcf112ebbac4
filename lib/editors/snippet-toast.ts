/**
 * The toast shown in the page after 保存为常用语: what was saved, 添加标题/标签 (a small form) and 撤销.
 * It lives in a closed shadow root on its own host element at the bottom right of the viewport (page CSS
 * cannot reach in, page scripts cannot read it), takes no focus when it appears (the writer may go on
 * typing), and keeps its keystrokes from the page's own shortcuts. It closes by itself after a few
 * seconds unless the pointer or the focus is in it. Storage is the owner's job: the toast only calls
 * {@link ToastActions}. DOM only; labels come translated from the owner (Chinese by default).
 */
import { parseTagList } from '../snippets/normalize';

export const TOAST_TAG = 'wengao-snippet-toast';

export const TOAST_LABELS = {
  saved: '已保存为常用语',
  exists: '常用语中已有这段文字',
  failed: '未能保存为常用语',
  empty: '请先选中要保存的文字',
  addDetails: '添加标题/标签',
  undo: '撤销',
  undone: '已撤销保存',
  title: '标题',
  tags: '标签',
  tagsHint: '用逗号或空格分隔',
  save: '保存',
  cancel: '取消',
  updated: '已更新标题和标签',
  close: '关闭',
};
export type ToastLabels = typeof TOAST_LABELS;

export interface ToastActions {
  /** Store a title and tags; resolves with an error text to show, or null when saved. */
  edit?(title: string, tags: string[]): Promise<string | null>;
  /** Take the save back; false when it could not be. */
  undo?(): Promise<boolean>;
}

export type ToastKind = 'saved' | 'exists' | 'failed' | 'empty';

/** How long the toast stays when nobody touches it (ms). */
export const TOAST_MS = 6_000;
const DONE_MS = 1_600;

const STYLE = `
:host { all: initial !important; position: fixed !important; z-index: 2147483647 !important; right: 16px !important;
  bottom: 16px !important; display: block !important; }
.toast { box-sizing: border-box; width: 320px; max-width: calc(100vw - 32px); padding: 10px 12px; border-radius: 8px;
  background: #fff; color: #1f2328; border: 1px solid #d0d7de; box-shadow: 0 6px 24px rgba(0,0,0,.18);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
.head { display: flex; align-items: center; gap: 8px; font-weight: 600; }
.head .icon { color: #1a7f37; } .toast.failed .head .icon, .toast.empty .head .icon { color: #cf222e; }
.close { margin-left: auto; border: 0; background: none; color: #59636e; font-size: 18px; line-height: 1; cursor: pointer; padding: 0 2px; }
.preview { margin: 4px 0 8px; color: #59636e; font-size: 13px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.detail { margin: 4px 0 0; color: #cf222e; font-size: 13px; }
.actions { display: flex; gap: 6px; flex-wrap: wrap; }
button { font: inherit; font-size: 13px; }
.actions button, .form button { border: 1px solid #d0d7de; background: #f6f8fa; color: #1f2328; border-radius: 6px; padding: 2px 10px; cursor: pointer; }
.form button.primary { background: #1f883d; border-color: #1a7f37; color: #fff; }
.form { display: grid; gap: 6px; margin-top: 4px; }
.form label { display: grid; gap: 2px; font-size: 13px; color: #59636e; }
.form input { font: inherit; font-size: 14px; padding: 3px 6px; border: 1px solid #d0d7de; border-radius: 6px; background: #fff; color: #1f2328; }
.form .row { display: flex; gap: 6px; justify-content: flex-end; }
button:focus-visible, input:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
[hidden] { display: none !important; }
@media (prefers-color-scheme: dark) {
  .toast { background: #1f2328; color: #e6edf3; border-color: #3d444d; box-shadow: 0 6px 24px rgba(0,0,0,.5); }
  .preview, .close, .form label { color: #9198a1; }
  .head .icon { color: #3fb950; }
  .actions button, .form button, .form input { background: #2d333b; color: #e6edf3; border-color: #3d444d; }
  .form button.primary { background: #238636; border-color: #2ea043; color: #fff; }
}
`;

export interface ToastOptions {
  kind: ToastKind;
  /** The saved text (shown on one line). */
  preview?: string;
  /** A reason to show under the head (a failed save). */
  detail?: string;
  labels?: Partial<ToastLabels>;
  actions?: ToastActions;
}

export interface Toast {
  readonly host: HTMLElement;
  close(): void;
}

let current: Toast | null = null;

/** Show the toast (replacing one still open) in `doc`'s top same-origin document. */
export function showSnippetToast(doc: Document, options: ToastOptions): Toast {
  current?.close();
  const L = { ...TOAST_LABELS, ...options.labels };
  const win = doc.defaultView!;
  const host = doc.createElement(TOAST_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) => {
    const e = doc.createElement(tag);
    Object.assign(e, props);
    e.append(...children);
    return e;
  };
  const style = el('style', { textContent: STYLE });
  const toast = el('div', { className: `toast ${options.kind}` });
  toast.setAttribute('role', 'status');
  toast.setAttribute('aria-live', 'polite');
  const headText = el('span', { textContent: L[options.kind] });
  const close = el('button', { className: 'close', type: 'button', textContent: '×', title: L.close });
  close.setAttribute('aria-label', L.close);
  const ok = options.kind === 'saved' || options.kind === 'exists';
  const head = el('div', { className: 'head' }, el('span', { className: 'icon', textContent: ok ? '✓' : '!' }), headText, close);
  toast.append(head);
  if (options.preview) toast.append(el('div', { className: 'preview', textContent: options.preview.replace(/\s+/g, ' ') }));
  const detail = el('div', { className: 'detail', textContent: options.detail ?? '' });
  detail.hidden = !options.detail;
  toast.append(detail);

  const actions = el('div', { className: 'actions' });
  const form = el('form', { className: 'form' });
  form.hidden = true;
  const edit = options.actions?.edit;
  const undo = options.actions?.undo;
  if (edit) {
    const open = el('button', { type: 'button', textContent: L.addDetails, className: 'add' });
    open.addEventListener('click', () => {
      form.hidden = false;
      actions.hidden = true;
      hold = true;
      titleInput.focus();
    });
    actions.append(open);
  }
  if (undo && options.kind === 'saved') {
    const undoButton = el('button', { type: 'button', textContent: L.undo, className: 'undo' });
    undoButton.addEventListener('click', () => {
      undoButton.disabled = true;
      void undo().then((done) => finish(done ? L.undone : L.failed, !done));
    });
    actions.append(undoButton);
  }
  if (actions.childElementCount) toast.append(actions);

  const titleInput = el('input', { type: 'text', name: 'title', maxLength: 200 });
  const tagsInput = el('input', { type: 'text', name: 'tags', placeholder: L.tagsHint, maxLength: 600 });
  // Our own fields: the checker and the inline picker stay out of them.
  titleInput.setAttribute('data-wengao', 'off');
  tagsInput.setAttribute('data-wengao', 'off');
  const cancel = el('button', { type: 'button', textContent: L.cancel });
  const save = el('button', { type: 'submit', textContent: L.save, className: 'primary' });
  form.append(el('label', {}, L.title, titleInput), el('label', {}, L.tags, tagsInput), el('div', { className: 'row' }, cancel, save));
  toast.append(form);
  cancel.addEventListener('click', () => handle.close());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!edit) return;
    save.disabled = true;
    void edit(titleInput.value, parseTagList(tagsInput.value)).then((error) => {
      if (error) {
        save.disabled = false;
        detail.textContent = error;
        detail.hidden = false;
        return;
      }
      finish(L.updated, false);
    });
  });

  shadow.append(style, toast);

  // The page's shortcuts must not see what is typed here (events leave a shadow root retargeted).
  const stop = (event: Event) => {
    event.stopPropagation();
    if (event.type === 'keydown' && (event as KeyboardEvent).key === 'Escape') handle.close();
  };
  for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput'] as const) toast.addEventListener(type, stop);
  close.addEventListener('click', () => handle.close());

  // Stays while pointed at or focused; otherwise closes after TOAST_MS.
  let hold = false;
  let timer = 0;
  const arm = (ms: number) => {
    win.clearTimeout(timer);
    timer = win.setTimeout(() => {
      if (!hold) handle.close();
    }, ms);
  };
  toast.addEventListener('pointerenter', () => (hold = true));
  toast.addEventListener('pointerleave', () => {
    hold = !form.hidden;
    arm(TOAST_MS / 2);
  });
  toast.addEventListener('focusin', () => (hold = true));

  function finish(text: string, failed: boolean): void {
    headText.textContent = text;
    toast.className = `toast ${failed ? 'failed' : 'saved'}`;
    form.hidden = true;
    actions.hidden = true;
    detail.hidden = true;
    hold = false;
    arm(DONE_MS);
  }

  const handle: Toast = {
    host,
    close() {
      win.clearTimeout(timer);
      host.remove();
      if (current === handle) current = null;
    },
  };
  current = handle;
  doc.documentElement.append(host);
  arm(TOAST_MS);
  return handle;
}
