/**
 * One checked field, whatever its kind: reads its text, draws issues (CSS highlights for contenteditable
 * and rich editors, the mirror overlay for textarea/input), keeps them honest between edits (shift and
 * drop), hit-tests a point, and applies fixes. The content script owns scheduling (debounce, idle) and
 * the engine call; this is the DOM side.
 *
 *   const s = createSurface(target);
 *   field.addEventListener('input', () => { s.noteEdit(); debounce(() => s.setIssues(analyze(s.readText()).issues)); });
 */
import type { Issue } from '../engine/types';
import { applyToEditable, applyToField, type ApplyResult, type CaretPolicy } from './apply-edit';
import { hasFocusWithin, type EditableTarget } from './detect';
import { rectContains, toRect, type Rect } from './geometry';
import { Highlighter, styleScopeOf } from './highlighter';
import { editAtCaret, mayMoveCaret, type EditHint } from './field-edit';
import { diffText, shiftIssues, type TextEdit } from './shift';
import { TextareaMirror } from './textarea-mirror';
import { TextModel } from './text-model';

export interface Surface {
  readonly target: EditableTarget;
  /** The current text (re-reads only what changed). */
  readText(): string;
  /**
   * Build the current text if it is pending (a rich editor builds its text string only when it is read:
   * text-model.ts); true when that copied a long text, so the caller may yield before more work.
   */
  buildText(): boolean;
  /**
   * Draw issues. `text` is the text they were computed on; when the field changed since, they are
   * shifted first and those the change touched are dropped. `within`: the part of a long document whose
   * issues these are (issue-window.ts): a long issue is drawn there only (kept until the next call with
   * `text`).
   */
  setIssues(issues: readonly Issue[], text?: string, within?: readonly [number, number]): void;
  /** The issues drawn now (after shifting). */
  readonly issues: readonly Issue[];
  /**
   * Call on every edit (input event, editor mutation): shifts issues past the edit and drops touched
   * ones, at once. Returns the edit, null when the text did not change. `hint`: what the input event
   * says (a text field finds a keystroke's place from it without comparing the whole value: field-edit.ts).
   */
  noteEdit(hint?: EditHint): TextEdit | null;
  /** Viewport rects of an issue's characters. */
  rectsFor(issue: Issue): Rect[];
  /** The issue under a viewport point, if any. */
  issueAt(x: number, y: number): Issue | null;
  /** Text offsets of the part on screen (approximate, whole lines), null when unknown or off screen. */
  visibleRange(): { start: number; end: number } | null;
  /** Mark an issue as active (card open), or none. */
  setActive(issue: Issue | null): void;
  /** The selection as text offsets when the field has the focus, else null. */
  selection(): { start: number; end: number } | null;
  /** Focus the field and select [start, end) (a caret when equal); scrolls it into view. */
  select(start: number, end: number): boolean;
  applyFix(issue: Issue, replacement?: string, caret?: CaretPolicy): Promise<ApplyResult>;
  destroy(): void;
}

export interface SurfaceOptions {
  /**
   * Rich editors: called when the editor's DOM changed (from the text model's MutationObserver), also
   * for changes without an `input` event (the editor's own undo, re-rendering). Text fields report
   * their edits through `input` events instead.
   */
  onMutation?: () => void;
  /**
   * Text fields: the part on screen may hold other text now although nothing scrolled (the mirror
   * finished laying out a long value), so a holder of only the visible issues should look again.
   */
  onView?: () => void;
}

/** Issues longer than this (characters) are measured in part: where they are on screen or under the pointer. */
const LONG_ISSUE = 2000;
/** A text this long (characters) takes milliseconds to build (buildText). */
const LONG_TEXT = 100_000;
/**
 * In a long document, issues are drawn on the part on screen and this much more on each side
 * (characters; at least the part's own length), not on all of the window of issues held (a long issue
 * is cut there): every highlighted character in Chromium's paint area (the view and 4,000 px around it)
 * costs paint and commit time in every frame (a 5,000-character passage tripled the commit after each
 * keystroke at 1 MB), and after every change of the DOM Chromium rebuilds the markers of every
 * registered range and, for underlines (text decorations overflow the text), recomputes the ink
 * overflow of every text node under one.
 */
const NEAR_MARGIN = 1000;

export function createSurface(target: EditableTarget, options: SurfaceOptions = {}): Surface {
  return target.isTextField ? new FieldSurface(target, options) : new RichSurface(target, options);
}

abstract class BaseSurface {
  protected list: Issue[] = [];
  protected text = '';
  /** The part of a long document the issues were read for (setIssues), null: the whole text. */
  protected within: readonly [number, number] | null = null;
  /** When the text last changed (Date.now()): editors whose history groups edits by time need it for fixes. */
  protected lastEditAt: number | undefined;
  constructor(readonly target: EditableTarget) {}

  abstract readText(): string;
  protected abstract draw(): void;

  buildText(): boolean {
    return false;
  }
  protected abstract caretHint(): number | undefined;
  /** True when what is drawn may be stale although the text is the same (e.g. formatting moved nodes). */
  protected layoutChanged(): boolean {
    return false;
  }

  get issues(): readonly Issue[] {
    return this.list;
  }

  setIssues(issues: readonly Issue[], text?: string, within?: readonly [number, number]): void {
    if (text !== undefined) this.within = within ?? null;
    const now = this.readText();
    let list = issues.slice();
    if (text !== undefined && text !== now) {
      const edit = diffText(text, now, () => this.caretHint());
      if (edit) list = shiftIssues(list, edit);
    }
    this.list = list;
    this.text = now;
    this.draw();
  }

  noteEdit(): TextEdit | null {
    const now = this.readText();
    if (now === this.text) {
      if (this.layoutChanged()) this.draw();
      return null;
    }
    const edit = diffText(this.text, now, () => this.caretHint());
    this.text = now;
    this.shiftBy(edit);
    return edit;
  }

  /** The drawn issues moved past an edit (touched ones dropped), and drawn again. */
  protected shiftBy(edit: TextEdit | null): void {
    this.lastEditAt = Date.now();
    if (edit) {
      const next = shiftIssues(this.list, edit);
      if (next.length !== this.list.length || edit.newEnd !== edit.oldEnd || next.some((x, i) => x !== this.list[i])) {
        this.list = next;
      }
    }
    this.draw();
  }

  /** After a successful fix: the fixed issue (and any it touched) go, the rest shift. */
  protected afterFix(result: ApplyResult): void {
    if (result.ok) this.noteEdit();
  }
}

class RichSurface extends BaseSurface implements Surface {
  readonly model: TextModel;
  private readonly highlighter: Highlighter;
  private ranges = new Map<Issue, Range>();
  private active: Issue | null = null;
  private drawnVersion = -1;
  /**
   * The part on screen as last measured (null: measure again). Measuring hit-tests two points,
   * which after an edit lays out the editor first (≈ 5–10 ms per keystroke in a 1 MB editor); what is
   * on screen changes with a scroll, a resize or a large edit, which forget it.
   */
  private view: { start: number; end: number } | null = null;
  private readonly forgetView = () => {
    this.view = null;
  };
  /**
   * Where issues were last drawn in a long document (the part on screen and a margin), and whether
   * some held issue was left out or cut there.
   */
  private near: { start: number; end: number } | null = null;
  private cut = false;
  /** The last draw of a long document drew near the part on screen (false: all issues held, the view unknown). */
  private drewNear = false;

  constructor(target: EditableTarget, options: SurfaceOptions = {}) {
    super(target);
    this.model = new TextModel(target.element, { onMutation: options.onMutation });
    this.highlighter = Highlighter.for(target.element.ownerDocument);
    this.highlighter.ensureStyles(styleScopeOf(target.element));
    this.text = this.model.text;
    const doc = target.element.ownerDocument;
    // (Capture: an element's scroll event does not bubble, but passes the document on its way.)
    doc.addEventListener('scroll', this.forgetView, { capture: true, passive: true });
    doc.defaultView?.addEventListener('resize', this.forgetView, { passive: true });
  }

  /**
   * The edit from the text model (the paragraphs it re-read), not from comparing the whole text before
   * and after: a keystroke in a 1 MB editor then neither builds nor compares the 1 MB string.
   */
  override noteEdit(): TextEdit | null {
    this.model.refresh();
    const edit = this.model.takeEdit(this.caretHint());
    if (!edit) {
      if (this.layoutChanged()) this.draw();
      return null;
    }
    this.shiftBy(edit);
    // A large edit (a paste, a deleted block) moves what is on screen; a keystroke does not.
    if (Math.max(edit.oldEnd, edit.newEnd) - edit.start > 64) this.view = null;
    return edit;
  }

  override setIssues(issues: readonly Issue[], text?: string, within?: readonly [number, number]): void {
    super.setIssues(issues, text, within);
    // The issues are placed on the text as it is now: later edits count from here.
    this.model.takeEdit();
  }

  readText(): string {
    return this.model.text;
  }

  override buildText(): boolean {
    return this.model.build(LONG_TEXT);
  }

  protected caretHint(): number | undefined {
    if (!hasFocusWithin(this.target.element)) return undefined;
    return this.model.selectionOffsets()?.end;
  }

  protected override layoutChanged(): boolean {
    return this.model.version !== this.drawnVersion;
  }

  protected draw(): void {
    this.drawnVersion = this.model.version;
    const ranges = new Map<Issue, Range>();
    const entries = [];
    const keep = new Set<AbstractRange>();
    const within = this.within;
    // (The part on screen as last measured: measuring here would lay out the editor inside a keystroke.)
    if (this.view) {
      const m = Math.max(NEAR_MARGIN, this.view.end - this.view.start);
      this.near = { start: this.view.start - m, end: this.view.end + m };
    }
    const near = within ? this.near : null;
    this.cut = false;
    this.drewNear = near !== null;
    for (const issue of this.list) {
      let { start, end } = issue;
      // Off screen in a long document: not drawn (scrolling near the edge of what is drawn draws again:
      // visibleRange). The ranges of the drawn ones are kept from draw to draw (cachedRangeFor).
      if (near && (end < near.start || start > near.end)) {
        this.cut = true;
        continue;
      }
      // A long issue (a repeated passage: up to hundreds of thousands of characters in a long document)
      // is drawn in the part whose issues are held only, and there around the part on screen: Chromium
      // revisits every text node under a highlight's ranges whenever the highlights or the text change,
      // which for a 490,000-character range cost 0.3–0.8 s of rendering per keystroke. (Scrolling brings
      // a new part: visibleRange.)
      if (within && end - start > LONG_ISSUE) {
        start = Math.max(start, within[0], near ? near.start : 0);
        end = Math.min(end, within[1], near ? near.end : end);
        this.cut = true;
        if (start >= end) continue;
      }
      const r = this.model.cachedRangeFor(start, end);
      if (!r) continue;
      ranges.set(issue, r);
      keep.add(r);
      entries.push({ range: r, severity: issue.severity });
    }
    this.model.pruneRanges(keep);
    this.ranges = ranges;
    this.highlighter.ensureStyles(styleScopeOf(this.target.element));
    this.highlighter.set(this, entries);
    if (this.active) this.highlighter.setActive(ranges.get(this.active) ?? null);
  }

  rectsFor(issue: Issue): Rect[] {
    // A long issue (repeated-passage marks whole repeated blocks: 340,000 characters in a 1 MB document)
    // is measured only where it is on screen, else on its first characters.
    if (issue.end - issue.start > LONG_ISSUE) {
      const view = this.visibleRange();
      const from = view ? Math.max(issue.start, view.start) : issue.start;
      const to = view ? Math.min(issue.end, view.end) : issue.start;
      return this.rectsOf(from < to ? from : issue.start, from < to ? to : issue.start + LONG_ISSUE);
    }
    const r = this.ranges.get(issue) ?? this.model.rangeFor(issue.start, issue.end);
    if (!r) return [];
    return Array.from(r.getClientRects()).filter((x) => x.width > 0 || x.height > 0).map(toRect);
  }

  private rectsOf(start: number, end: number): Rect[] {
    const r = this.model.rangeFor(start, end);
    return r ? Array.from(r.getClientRects()).filter((x) => x.width > 0 || x.height > 0).map(toRect) : [];
  }

  issueAt(x: number, y: number): Issue | null {
    const doc = this.target.element.ownerDocument as Document & {
      caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    };
    let offset: number | null = null;
    const pos = doc.caretPositionFromPoint?.(x, y);
    if (pos) offset = this.model.offsetAt(pos.offsetNode, pos.offset);
    else {
      const r = doc.caretRangeFromPoint?.(x, y);
      if (r) offset = this.model.offsetAt(r.startContainer, r.startOffset);
    }
    const candidates = offset === null ? this.list.slice() : this.list.filter((i) => i.start <= offset! && offset! <= i.end);
    // Short ones first: under the pointer, a slip inside a long issue (a repeated passage) wins.
    candidates.sort((a, b) => a.end - a.start - (b.end - b.start));
    for (const issue of candidates) {
      // A long issue: only the characters next to the pointer are measured.
      const rects =
        offset !== null && issue.end - issue.start > LONG_ISSUE
          ? this.rectsOf(Math.max(issue.start, offset - 1), Math.min(issue.end, offset + 1))
          : this.rectsFor(issue);
      for (const rect of rects) if (rectContains(rect, x, y, 0, 3)) return issue;
    }
    return null;
  }

  setActive(issue: Issue | null): void {
    this.active = issue;
    this.highlighter.setActive(issue ? this.ranges.get(issue) ?? null : null);
  }

  visibleRange(): { start: number; end: number } | null {
    // (Off screen or not laid out: measured again next time, the editor may show without a scroll.)
    if (!this.view) {
      this.view = this.measureView();
      // Issues drawn near the part on screen only follow it once it nears the edge of what is drawn.
      const v = this.view;
      const n = this.near;
      // (Also when the last draw did not know the view and drew every issue held.)
      if (v && this.within && (!this.drewNear || (this.cut && (!n || v.start < n.start + (n.end - n.start) / 4 || v.end > n.end - (n.end - n.start) / 4)))) this.draw();
    }
    return this.view && { ...this.view };
  }

  private measureView(): { start: number; end: number } | null {
    const el = this.target.element;
    const doc = el.ownerDocument as Document & {
      caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    };
    const win = doc.defaultView;
    if (!win) return null;
    const r = el.getBoundingClientRect();
    const top = Math.max(r.top, 0) + 2;
    const bottom = Math.min(r.bottom, win.innerHeight) - 2;
    const left = Math.max(r.left, 0) + 2;
    const right = Math.min(r.right, win.innerWidth) - 2;
    if (bottom <= top || right <= left) return null;
    const at = (x: number, y: number): number | null => {
      const pos = doc.caretPositionFromPoint?.(x, y);
      if (pos) return this.model.offsetAt(pos.offsetNode, pos.offset);
      const range = doc.caretRangeFromPoint?.(x, y);
      return range ? this.model.offsetAt(range.startContainer, range.startOffset) : null;
    };
    const a = at(left, top);
    const b = at(right, bottom);
    if (a === null || b === null) return null;
    return { start: Math.min(a, b), end: Math.max(a, b) };
  }

  selection(): { start: number; end: number } | null {
    const el = this.target.element;
    const doc = el.ownerDocument;
    if (!hasFocusWithin(el)) return null;
    const sel = this.model.selectionOffsets();
    return sel ? { start: sel.start, end: sel.end } : null;
  }

  select(start: number, end: number): boolean {
    const el = this.target.element;
    const doc = el.ownerDocument;
    if (!hasFocusWithin(el)) el.focus({ preventScroll: true });
    if (!this.model.select(start, end)) return false;
    const range = this.model.rangeFor(start, end);
    const node = range?.startContainer;
    const anchor = node ? (node.nodeType === 1 ? (node as Element) : node.parentElement) : null;
    anchor?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    return true;
  }

  async applyFix(issue: Issue, replacement?: string, caret?: CaretPolicy): Promise<ApplyResult> {
    const result = await applyToEditable(this.target.element, issue, {
      replacement,
      caret,
      kind: this.target.kind,
      model: this.model,
      lastEditAt: this.lastEditAt,
    });
    this.afterFix(result);
    return result;
  }

  destroy(): void {
    this.highlighter.clear(this);
    if (this.active) this.highlighter.setActive(null);
    this.model.disconnect();
    const doc = this.target.element.ownerDocument;
    doc.removeEventListener('scroll', this.forgetView, { capture: true });
    doc.defaultView?.removeEventListener('resize', this.forgetView);
  }
}

class FieldSurface extends BaseSurface implements Surface {
  readonly mirror: TextareaMirror<Issue>;
  private readonly field: HTMLTextAreaElement | HTMLInputElement;
  /**
   * Where the caret is (collapsed) as the last edit left it, without reading it (selectionStart costs
   * O(offset) in a long textarea: field-edit.ts); null when unknown: something may have moved it.
   */
  private caret: number | null = null;
  private readonly abort = new AbortController();

  constructor(target: EditableTarget, options: SurfaceOptions = {}) {
    super(target);
    this.field = target.element as HTMLTextAreaElement | HTMLInputElement;
    this.mirror = new TextareaMirror<Issue>(this.field, { onComplete: options.onView });
    this.text = this.field.value;
    const forget = () => {
      this.caret = null;
    };
    const opts = { capture: true, passive: true, signal: this.abort.signal };
    for (const type of ['pointerdown', 'mousedown', 'focus', 'blur', 'select', 'dragstart', 'drop', 'cut', 'paste']) this.field.addEventListener(type, forget, opts);
    this.field.addEventListener(
      'keydown',
      (event) => {
        if (mayMoveCaret(event as KeyboardEvent)) forget();
      },
      opts,
    );
    // The text before a keystroke must be ours: a value the page set meanwhile (no input event) was not
    // seen by the caret. (The same string object when unchanged: the comparison is one pointer check.)
    this.field.addEventListener(
      'beforeinput',
      (event) => {
        // (While an input method composes, the field holds text not taken yet: compositionend takes it.)
        if ((event as InputEvent).isComposing || (event as InputEvent).inputType?.endsWith('CompositionText')) return;
        if (this.field.value !== this.text) forget();
      },
      opts,
    );
  }

  readText(): string {
    return this.field.value;
  }

  override noteEdit(hint?: EditHint): TextEdit | null {
    const now = this.field.value;
    if (now === this.text) return super.noteEdit();
    const old = this.text;
    const cheap = hint && this.caret !== null ? editAtCaret(old, now, this.caret, hint) : null;
    const edit = cheap ?? diffText(old, now, () => this.caretHint());
    // A keystroke leaves the caret at the end of what it typed (or where it deleted); after any other
    // change that is a guess the next keystroke's check confirms or refutes.
    this.caret = edit && hint ? edit.newEnd : null;
    this.text = now;
    this.mirror.noteEdit(old, now, edit, cheap === null);
    this.shiftBy(edit);
    return edit;
  }

  override setIssues(issues: readonly Issue[], text?: string, within?: readonly [number, number]): void {
    // A check: the mirror proves the lines it took from keystrokes against the value (once per check).
    if (text !== undefined) this.mirror.verifyText();
    super.setIssues(issues, text, within);
  }

  protected caretHint(): number | undefined {
    return hasFocusWithin(this.field) ? this.field.selectionEnd ?? undefined : undefined;
  }

  protected draw(): void {
    this.mirror.setIssues(this.list);
  }

  rectsFor(issue: Issue): Rect[] {
    this.mirror.layoutNow();
    // (The part in view: a repeated passage may span thousands of lines.)
    return this.mirror.visibleRects(issue.start, issue.end);
  }

  issueAt(x: number, y: number): Issue | null {
    return this.mirror.issueAt(x, y);
  }

  visibleRange(): { start: number; end: number } | null {
    // (As last measured when nothing scrolled since: a check right after an edit forces no layout.)
    return this.mirror.lastVisibleRange() ?? this.mirror.visibleRange();
  }

  setActive(issue: Issue | null): void {
    this.mirror.setActive(issue);
  }

  selection(): { start: number; end: number } | null {
    const f = this.field;
    if (!hasFocusWithin(f) || f.selectionStart === null) return null;
    return { start: f.selectionStart, end: f.selectionEnd ?? f.selectionStart };
  }

  select(start: number, end: number): boolean {
    this.caret = null;
    const f = this.field;
    if (!hasFocusWithin(f)) f.focus({ preventScroll: true });
    // Chromium scrolls a focused field to its selection; make sure by collapsing to the end first.
    f.setSelectionRange(end, end);
    f.setSelectionRange(start, end);
    f.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    return true;
  }

  async applyFix(issue: Issue, replacement?: string, caret?: CaretPolicy): Promise<ApplyResult> {
    this.caret = null;
    const result = applyToField(this.field, issue, { replacement, caret });
    this.caret = null;
    this.afterFix(result);
    return result;
  }

  destroy(): void {
    this.abort.abort();
    this.mirror.destroy();
  }
}
