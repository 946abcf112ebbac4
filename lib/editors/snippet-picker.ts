/**
 * The inline snippet picker: typing the trigger (default `//`, lib/snippets/trigger.ts) then letters,
 * pinyin initials or characters opens a list of matching snippets at the caret; ↑↓ choose, Enter (or Tab)
 * replaces the trigger and what was typed after it with the snippet, Esc closes (and the same trigger is
 * left alone until it is typed again). Mouse: click an entry.
 *
 * Where: textareas, text inputs and contenteditable/rich editors the checker would check (detect.ts): never
 * in passwords or other credential and data fields, code editors, or fields marked `data-wengao="off"`.
 * `autocomplete="off"` is not an opt-out here: sites set it on ordinary text areas to stop the browser's
 * form autofill, which says nothing about the writer's own phrasings (the same reading as the checker's).
 *
 * How it stays cheap: the caret is read only when a trigger can be right before it — the picker is open,
 * the input holds a trigger character (or its text is unknown: a deletion, a paste), or the caret moved
 * by other means since the last look (a click, a navigation key, focus). Reading it is not free: the
 * selection of a contenteditable lays the page out after an edit (0.7–1.3 ms per keystroke in a 1 MB
 * editor) and a textarea's selectionStart counts the characters up to the caret (≈ 1 ms at 500,000).
 * Then only the text node (or field value) right before the caret is looked at, for the trigger and at
 * most 24 query characters. While open, each keystroke sends one search (answers to older searches
 * are dropped).
 * The list lives in a closed shadow root at the caret (page CSS and scripts cannot reach it); keys are
 * taken in the capture phase on the window, before the page's editor sees them, only while it is open
 * and has entries. The replacement goes through snippet-insert.ts (the editor's input path: undo works).
 * DOM only: searching and counting uses come in through {@link PickerHost}.
 */
import { displayTitle } from '../snippets/normalize';
import { findTrigger, halfWidth, MAX_TRIGGER_QUERY, type TriggerMatch } from '../snippets/trigger';
import { mayMoveCaret } from './field-edit';
import { watchSnippetDocuments } from './snippet-frames';
import type { Lifetime } from './controller';
import { toRect, type Rect } from './geometry';
import { insertText, snippetTarget } from './snippet-insert';
import { TextareaMirror } from './textarea-mirror';
import { TextModel } from './text-model';

export const PICKER_TAG = 'wengao-snippet-picker';

/** One entry of the list (what the search answers, trimmed). */
export interface PickerItem {
  id: number;
  title: string;
  body: string;
  tags: string[];
}

export const PICKER_LABELS = {
  list: '常用语',
  empty: '没有匹配的常用语',
  emptyHint: '可在侧边栏“常用语”中添加',
  searching: '正在查找…',
  help: '↑↓ 选择 · Enter 插入 · Esc 关闭',
};

export interface PickerHost {
  /** The trigger now ('' = off). */
  trigger(): string;
  /** False where Wengao is switched off (the site, or everywhere). */
  enabled(): boolean;
  /** Snippets for a query, best first (at most {@link PICKER_SIZE}). */
  search(query: string): Promise<PickerItem[]>;
  /** A snippet was inserted (count its use). */
  used(id: number): void;
  labels?: Partial<typeof PICKER_LABELS>;
  /** Called when the list was drawn with the first answer (for measurements). */
  onShown?(ms: number): void;
  /**
   * Tests and benchmarks only (content/switches.ts EXPOSE_STATE_KEY, set from an extension page): after
   * each answer is drawn the host element carries `data-query`, `data-asked-at` (the search sent),
   * `data-rendered-at` and, once the frame
   * is painted, `data-painted-at` (performance.now() of the page: the same clock as its key events).
   */
  exposeState?: boolean;
}

/** Entries shown at most. */
export const PICKER_SIZE = 8;

const STYLE = `
:host { all: initial !important; position: fixed !important; z-index: 2147483647 !important;
  left: var(--x, 0px) !important; top: var(--y, 0px) !important; display: block !important; }
.box { box-sizing: border-box; width: 340px; max-width: calc(100vw - 16px); border-radius: 8px; background: #fff; color: #1f2328;
  border: 1px solid #d0d7de; box-shadow: 0 6px 24px rgba(0,0,0,.18); overflow: hidden;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
ul { list-style: none; margin: 0; padding: 4px 0; max-height: 320px; overflow-y: auto; }
li { padding: 5px 10px; cursor: pointer; }
li[aria-selected="true"] { background: #ddf4ff; }
.t { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.b { color: #59636e; font-size: 13px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.tag { display: inline-block; margin-left: 6px; padding: 0 5px; border-radius: 8px; background: #eff2f5; color: #59636e; font-size: 12px; font-weight: 400; }
.note { padding: 8px 10px; color: #59636e; }
.note small { display: block; font-size: 12px; }
.help { border-top: 1px solid #d0d7de; padding: 3px 10px; color: #59636e; font-size: 12px; }
@media (prefers-color-scheme: dark) {
  .box { background: #1f2328; color: #e6edf3; border-color: #3d444d; box-shadow: 0 6px 24px rgba(0,0,0,.5); }
  li[aria-selected="true"] { background: #1f3b5c; }
  .b, .note, .help { color: #9198a1; } .help { border-color: #3d444d; }
  .tag { background: #2d333b; color: #9198a1; }
}
`;

interface Open {
  doc: Document;
  element: HTMLElement;
  /** The trigger and query as typed, right before the caret. */
  match: TriggerMatch;
  typed: string;
  trigger: string;
  items: PickerItem[];
  selected: number;
  /** Search sequence: answers to older searches are dropped. */
  seq: number;
  openedAt: number;
  shown: boolean;
}

export interface SnippetPicker {
  isOpen(): boolean;
  close(): void;
}

/** Text right before the caret in a field or editor (at most `max` characters), or null (a selection, no caret). */
function textBeforeCaret(element: HTMLElement, max: number): string | null {
  if (element.tagName === 'TEXTAREA' || element.tagName === 'INPUT') {
    const f = element as HTMLTextAreaElement | HTMLInputElement;
    const s = f.selectionStart;
    if (s === null || s !== f.selectionEnd) return null;
    return f.value.slice(Math.max(0, s - max), s);
  }
  const sel = element.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0 || !sel.isCollapsed) return null;
  const node = sel.focusNode;
  if (!node || node.nodeType !== 3 || !element.contains(node)) return null;
  const data = (node as Text).data;
  return data.slice(Math.max(0, sel.focusOffset - max), sel.focusOffset);
}

/** Viewport rect of the `length` characters before the caret (where the trigger is). */
function triggerRect(element: HTMLElement, length: number): Rect | null {
  if (element.tagName === 'TEXTAREA' || element.tagName === 'INPUT') {
    const f = element as HTMLTextAreaElement | HTMLInputElement;
    const end = f.selectionEnd ?? 0;
    const mirror = new TextareaMirror(f);
    try {
      const rects = mirror.rangeRects(Math.max(0, end - length), end);
      return rects[0] ?? null;
    } finally {
      mirror.destroy();
    }
  }
  const sel = element.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const node = sel.focusNode!;
  const range = element.ownerDocument.createRange();
  range.setStart(node, Math.max(0, sel.focusOffset - length));
  range.setEnd(node, sel.focusOffset);
  const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
  return r && (r.width || r.height) ? toRect(r) : null;
}

export function startSnippetPicker(lifetime: Lifetime, doc: Document, host: PickerHost): SnippetPicker {
  const { signal } = lifetime;
  const L = { ...PICKER_LABELS, ...host.labels };
  let open: Open | null = null;
  let hostEl: HTMLElement | null = null;
  let list: HTMLUListElement | null = null;
  let box: HTMLDivElement | null = null;
  /** Esc on a trigger: leave it alone while what is typed goes on from there (until the trigger is gone). */
  let dismissed: { element: HTMLElement; text: string } | null = null;
  let inserting = false;
  /**
   * The caret may have moved onto text typed earlier (a click, a navigation key, focus) since the last
   * look: the next input looks even when it holds no trigger character.
   */
  let moved = true;

  function ensureUi(d: Document): void {
    if (hostEl && hostEl.ownerDocument === d && hostEl.isConnected) return;
    hostEl?.remove();
    hostEl = d.createElement(PICKER_TAG);
    const shadow = hostEl.attachShadow({ mode: 'closed' });
    const style = d.createElement('style');
    style.textContent = STYLE;
    box = d.createElement('div');
    box.className = 'box';
    list = d.createElement('ul');
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', L.list);
    const help = d.createElement('div');
    help.className = 'help';
    help.textContent = L.help;
    box.append(list, help);
    shadow.append(style, box);
    // Clicking an entry must not take the focus (and the caret) from the editor.
    box.addEventListener('mousedown', (event) => event.preventDefault());
    box.addEventListener('click', (event) => {
      const li = (event.composedPath().find((n) => (n as Element).tagName === 'LI') ?? null) as HTMLLIElement | null;
      if (li?.dataset.index !== undefined) void choose(Number(li.dataset.index));
    });
  }

  function place(rect: Rect | null, element: HTMLElement): void {
    if (!hostEl) return;
    const d = hostEl.ownerDocument;
    const vw = d.documentElement.clientWidth || d.defaultView!.innerWidth;
    const vh = d.documentElement.clientHeight || d.defaultView!.innerHeight;
    const anchor = rect ?? toRect(element.getBoundingClientRect());
    const width = Math.min(340, vw - 16);
    const x = Math.max(8, Math.min(anchor.left, vw - width - 8));
    const below = anchor.bottom + 4;
    // Above the line when the list would not fit below it.
    const y = below + 200 > vh && anchor.top > 220 ? anchor.top - 4 - Math.min(360, (box?.offsetHeight || 200)) : below;
    hostEl.style.setProperty('--x', `${x}px`);
    hostEl.style.setProperty('--y', `${Math.max(4, y)}px`);
  }

  function render(): void {
    if (!open || !list) return;
    list.replaceChildren();
    const d = list.ownerDocument;
    if (!open.items.length) {
      const note = d.createElement('li');
      note.className = 'note';
      note.setAttribute('aria-disabled', 'true');
      note.textContent = open.shown ? L.empty : L.searching;
      if (open.shown) {
        const hint = d.createElement('small');
        hint.textContent = L.emptyHint;
        note.append(hint);
      }
      list.append(note);
      return;
    }
    open.items.forEach((item, i) => {
      const li = d.createElement('li');
      li.setAttribute('role', 'option');
      li.dataset.index = String(i);
      li.setAttribute('aria-selected', String(i === open!.selected));
      const t = d.createElement('div');
      t.className = 't';
      t.textContent = displayTitle(item);
      for (const tag of item.tags.slice(0, 2)) {
        const s = d.createElement('span');
        s.className = 'tag';
        s.textContent = tag;
        t.append(s);
      }
      li.append(t);
      if (item.title) {
        const b = d.createElement('div');
        b.className = 'b';
        b.textContent = item.body.slice(0, 120).replace(/\s+/g, ' ');
        li.append(b);
      }
      list!.append(li);
    });
    list.children[open.selected]?.scrollIntoView?.({ block: 'nearest' });
  }

  function close(): void {
    open = null;
    hostEl?.remove();
  }

  async function search(): Promise<void> {
    if (!open) return;
    const seq = ++open.seq;
    const query = open.match.query;
    const askedAt = performance.now();
    let items: PickerItem[] = [];
    try {
      items = await host.search(query);
    } catch {
      items = [];
    }
    if (!open || open.seq !== seq) return;
    open.items = items.slice(0, PICKER_SIZE);
    open.selected = 0;
    const first = !open.shown;
    open.shown = true;
    render();
    if (first) host.onShown?.(performance.now() - open.openedAt);
    if (host.exposeState && hostEl) markDrawn(hostEl, query, askedAt);
  }

  /** Timestamps for a benchmark (exposeState only): drawn now, painted after the next frame. */
  function markDrawn(el: HTMLElement, query: string, askedAt: number): void {
    const win = el.ownerDocument.defaultView ?? window;
    el.dataset.query = query;
    el.dataset.askedAt = String(askedAt);
    el.dataset.renderedAt = String(win.performance.now());
    delete el.dataset.paintedAt;
    // A task queued from a frame callback runs after that frame's paint.
    win.requestAnimationFrame(() =>
      win.setTimeout(() => {
        if (el.dataset.query === query) el.dataset.paintedAt = String(win.performance.now());
      }, 0),
    );
  }

  /** Look for the trigger before the caret of `element`; open, update or close the picker. */
  function evaluate(element: HTMLElement): void {
    const trigger = host.trigger();
    if (!trigger || inserting || !host.enabled()) return close();
    moved = false;
    const before = textBeforeCaret(element, MAX_TRIGGER_QUERY + trigger.length + 1);
    const match = before === null ? null : findTrigger(before, trigger);
    if (!match) {
      dismissed = null;
      return close();
    }
    const typed = before!.slice(match.start);
    if (dismissed && dismissed.element === element && typed.startsWith(dismissed.text)) {
      // Esc closed this trigger: typing on after it stays text.
      if (open) close();
      return;
    }
    if (open && open.element === element && open.trigger === trigger) {
      open.match = match;
      open.typed = typed;
      void search();
      return;
    }
    const d = element.ownerDocument;
    ensureUi(d);
    open = { doc: d, element, match, typed, trigger, items: [], selected: 0, seq: 0, openedAt: performance.now(), shown: false };
    render();
    d.documentElement.append(hostEl!);
    place(triggerRect(element, typed.length), element);
    void search();
  }

  async function choose(index: number): Promise<void> {
    if (!open) return;
    const item = open.items[index];
    if (!item) return;
    const { element, typed } = open;
    close();
    // The trigger and query end at the caret: their offsets in the editor's whole text.
    let caret: number | null;
    if (element.tagName === 'TEXTAREA' || element.tagName === 'INPUT') {
      caret = (element as HTMLTextAreaElement).selectionEnd;
    } else {
      const model = new TextModel(element, { observe: false });
      caret = model.selectionOffsets()?.end ?? null;
    }
    if (caret === null) return;
    inserting = true;
    try {
      const result = await insertText(element, { start: caret - typed.length, end: caret }, item.body);
      if (result.ok) host.used(item.id);
    } finally {
      inserting = false;
    }
  }

  function move(delta: number): void {
    if (!open || !open.items.length) return;
    open.selected = (open.selected + delta + open.items.length) % open.items.length;
    render();
  }

  // ——— events, per watched document (this one and its same-origin frames: snippet-frames.ts) ———

  function onInput(event: Event): void {
    if ((event as InputEvent).isComposing) return;
    const type = (event as InputEvent).inputType ?? '';
    // Undo and redo bring text back; a trigger among it was typed before, not now.
    if (/^history/.test(type)) return close();
    if (!mayMatch(type, (event as InputEvent).data ?? null)) return;
    const target = snippetTarget(event.composedPath()[0] ?? null);
    if (!target) return;
    evaluate(target.element);
  }

  /**
   * Whether a trigger can be right before the caret after this input (else the caret is not read): the
   * picker is open or was dismissed there, the caret moved by other means, the inserted text is unknown
   * (a deletion, a paste without data) or holds a character of the trigger. A new line ends any query.
   */
  function mayMatch(type: string, data: string | null): boolean {
    if (open || dismissed || moved) return true;
    if (data === null) return type !== 'insertLineBreak' && type !== 'insertParagraph';
    const trigger = halfWidth(host.trigger());
    if (!trigger) return false;
    const typed = halfWidth(data);
    for (const c of trigger) if (typed.includes(c)) return true;
    return false;
  }

  function onCompositionEnd(event: Event): void {
    if (!mayMatch('insertCompositionText', (event as CompositionEvent).data ?? null)) return;
    const target = snippetTarget(event.composedPath()[0] ?? null);
    if (target) evaluate(target.element);
  }

  const caretMoved = (): void => {
    moved = true;
  };

  function onKeyDown(event: KeyboardEvent): void {
    if (!open && mayMoveCaret(event)) moved = true;
    if (!open || event.isComposing || event.keyCode === 229) return;
    const key = event.key;
    const take = () => {
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    if (key === 'Escape') {
      take();
      dismissed = { element: open.element, text: open.typed };
      close();
      return;
    }
    if (!open.items.length) return; // nothing to choose: keys go to the editor as usual
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      take();
      move(key === 'ArrowDown' ? 1 : -1);
    } else if ((key === 'Enter' || key === 'Tab') && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey) {
      take();
      void choose(open.selected);
    }
  }

  function onFocusOut(event: FocusEvent): void {
    if (!open) return;
    const next = event.relatedTarget as Node | null;
    if (next && (next === hostEl || open.element.contains(next))) return;
    close();
  }

  function onPointerDown(event: Event): void {
    moved = true;
    if (!open) return;
    const path = event.composedPath();
    if (hostEl && path.includes(hostEl)) return;
    close();
  }

  function attach(d: Document): void {
    const opts = { capture: true, signal } as const;
    d.addEventListener('input', onInput, opts);
    d.addEventListener('compositionend', onCompositionEnd, opts);
    d.addEventListener('focusout', onFocusOut as EventListener, opts);
    d.addEventListener('pointerdown', onPointerDown, opts);
    d.addEventListener('focusin', caretMoved, opts);
    d.defaultView?.addEventListener('keydown', onKeyDown, opts);
    d.defaultView?.addEventListener('blur', close, { signal });
    d.defaultView?.addEventListener('resize', close, { signal });
    d.addEventListener('scroll', () => open && place(triggerRect(open.element, open.typed.length), open.element), { capture: true, passive: true, signal });
  }

  watchSnippetDocuments(doc, signal, attach);
  signal.addEventListener('abort', close, { once: true });
  return { isOpen: () => open !== null, close };
}
