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
 *
 * Cost bounded by what is on screen and what changed (a 1 MB textarea holds ≈ 47,000 issues):
 * - the mirror's text is one block per line, so an edit replaces the blocks of the changed lines and the
 *   layout engine re-lays out only them (one text node for the whole value: ≈ 0.5 s per keystroke at
 *   1 MB, the whole text re-broken into lines every time); the blocks sit in groups of
 *   {@link GROUP_LINES} lines, so that the layout after an edit walks one group and the list of groups,
 *   not thousands of blocks (≈ 12 ms → 0.3 ms at 6,500 lines);
 * - after an edit no geometry is read before the browser has rendered the next frame (after-frame.ts):
 *   the field's own layout of its new text is then done, not forced inside our task; meanwhile the boxes
 *   of the edited lines (and of every later line when the number of lines changed) are hidden;
 * - a long value's blocks are built {@link SLICE_CHARS} characters per frame, not in one long task, and no
 *   slice forces a layout (each forced layout of a large page costs tens of ms whatever the slice);
 * - only issues on the lines in view are measured and drawn: the first and last visible line are found by
 *   binary search over the blocks' positions, the issues there by binary search over the sorted issues;
 * - only the part of an issue on those lines is measured (repeated-passage marks whole repeated blocks:
 *   at 1 MB one issue spans 340,000 characters, thousands of lines, and measuring all of it cost ≈ 300 ms
 *   per redraw); the few issues longer than {@link LONG_SPAN} are kept apart, so that they do not widen
 *   the binary search's reach back for all the others.
 */
import { commonEnds } from '../engine/paragraphs';
import type { Severity } from '../engine/types';
import { afterNextFrame } from './after-frame';
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

/**
 * The wavy underline as two CSS gradients (no image: a page whose CSP has no img-src for data: URLs would
 * block an SVG and log an error in its console). In a 6 × 3 px tile a 45° band of constant x − y falls from
 * (3, 0) to (6, 3) and one of constant x + y rises from (0, 3) to (3, 0): a zigzag 3 px high; both bands sit
 * 4.24 px along their gradient line (half the stroke, 0.65 px, either side).
 */
function wave(color: string): string {
  const band = (angle: number) => `linear-gradient(${angle}deg, transparent 3.6px, ${color} 3.6px, ${color} 4.9px, transparent 4.9px)`;
  return `${band(45)}, ${band(-45)}`;
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
.mirror > .b:not(:first-child), .mirror > .g:not(:first-child), .g > .b:not(:first-child) { text-indent: 0; }
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
  /** A long value's blocks are all laid out now (built a slice per task): lines further down can be drawn. */
  onComplete?: () => void;
}

/** Values up to this long get all their blocks at once; longer ones a slice per task. */
const SYNC_BUILD_CHARS = 20_000;
/** A long value's blocks are built this many characters per frame (Chromium lays out ≈ 1–2 µs per character). */
const SLICE_CHARS = 12_000;
/** Issues longer than this (characters) are looked at one by one on each redraw, not by binary search. */
const LONG_SPAN = 2000;
/** Edits kept for the next sync at most (a field out of view syncs only when it shows again). */
const MAX_HINTS = 64;
/** Lines per group of blocks (a textarea's); a group that grows past GROUP_MAX by insertions is split. */
const GROUP_LINES = 64;
const GROUP_MAX = 256;

export class TextareaMirror<T extends MirrorIssue = MirrorIssue> {
  readonly field: TextField;
  readonly host: HTMLElement;
  private readonly frame: HTMLDivElement;
  private readonly mirror: HTMLDivElement;
  private readonly textParent: HTMLElement;
  private readonly clip: HTMLDivElement;
  /** The value the blocks show, its lines and their start offsets. */
  private value = '';
  private lines: string[] = [''];
  private starts: number[] = [0];
  /** Blocks of lines [0, blocks.length); later lines wait for the build. */
  private blocks: HTMLElement[] = [];
  /** Cancels the next build slice (null: none waiting). */
  private buildTimer: (() => void) | null = null;
  /** Edits from the text shown to the value as the owner found them (noteEdit), for the next sync. */
  private hints: { old: string; now: string; edit: { start: number; oldEnd: number; newEnd: number }; proven: boolean }[] = [];
  /**
   * Lines taken from edits that were not proven over the whole value (a keystroke located around the
   * caret: field-edit.ts): the value they were last known right for, and the span (current offsets: from
   * `start` to `suffix` characters before the end) outside which nothing changed since. verifyText.
   */
  private unverified: { proven: string; start: number; suffix: number } | null = null;
  private items: T[] = [];
  /** Issues up to LONG_SPAN long, sorted by start, and the longer ones. */
  private short: T[] = [];
  private long: T[] = [];
  /** Longest of `short` (characters): how far before the view one may start and still reach into it. */
  private maxSpan = 0;
  private drawn: MirrorBox<T>[] = [];
  private pool: HTMLDivElement[] = [];
  /** The offsets of the issue each box in use shows (pool index; kept in step with edits until redrawn). */
  private boxRanges: [number, number][] = [];
  /** Cancels the redraw waiting for the frame after an edit (null: none waiting). */
  private afterFrame: (() => void) | null = null;
  private active: T | null = null;
  /** The lines in view as last measured (visibleRange); forgotten when the field or page scrolls or resizes. */
  private view: { start: number; end: number } | null = null;
  private frameReq = 0;
  private needStyle = true;
  /** The field's geometry the frame, mirror and clip were last placed for (layoutNow). */
  private geometry = '';
  private readonly abort = new AbortController();
  private readonly resizeObserver: ResizeObserver | null;
  private readonly single: boolean;
  private readonly onComplete: (() => void) | undefined;

  constructor(field: TextField, options: MirrorOptions = {}) {
    this.field = field;
    this.onComplete = options.onComplete;
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
    if (this.single) {
      this.textParent = doc.createElement('div');
      this.textParent.className = 'line';
      this.mirror.append(this.textParent);
    } else {
      this.textParent = this.mirror;
    }
    this.clip = doc.createElement('div');
    this.clip.className = 'clip';
    this.frame.append(this.mirror, this.clip);
    shadow.append(style, this.frame);
    (options.container ?? doc.documentElement).append(this.host);

    const signal = this.abort.signal;
    const schedule = () => {
      this.view = null;
      this.schedule();
    };
    const win = doc.defaultView!;
    field.addEventListener('scroll', schedule, { passive: true, signal });
    field.addEventListener('input', () => this.schedule(), { passive: true, signal });
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
    let sorted = true;
    for (let i = 1; i < issues.length; i++) if (issues[i]!.start < issues[i - 1]!.start) sorted = false;
    this.items = sorted ? issues.slice() : issues.slice().sort((a, b) => a.start - b.start);
    let span = 0;
    const short: T[] = [];
    const long: T[] = [];
    for (const x of this.items) {
      const length = x.end - x.start;
      if (length > LONG_SPAN) long.push(x);
      else {
        short.push(x);
        if (length > span) span = length;
      }
    }
    this.short = short;
    this.long = long;
    this.maxSpan = span;
    if (this.active && !this.items.includes(this.active)) this.active = null;
    this.redraw();
  }

  setActive(issue: T | null): void {
    this.active = issue;
    this.redraw();
  }

  /** Re-copy the field's styles and redraw (fonts, size or classes may have changed). */
  refresh(): void {
    this.needStyle = true;
    this.view = null;
    this.schedule();
  }

  /** Every line has its block (a long value is built over several tasks). */
  get complete(): boolean {
    return this.blocks.length === this.lines.length;
  }

  private schedule(): void {
    if (this.frameReq) return;
    const win = this.field.ownerDocument.defaultView;
    if (!win) return;
    this.frameReq = win.requestAnimationFrame(() => {
      this.frameReq = 0;
      this.redraw();
    });
  }

  /**
   * Redraw now; but when the field's text changed since the last layout, only update the blocks now, hide
   * the boxes that may have moved, and redraw after the next frame (the browser lays the field out then).
   */
  private redraw(): void {
    if (this.afterFrame) return; // that redraw will draw what is current then
    const win = this.field.ownerDocument.defaultView;
    const changed = this.field.value !== this.value;
    // Unchanged text, no slice waiting for its layout: the layout is current, reads cost nothing.
    if (!win || !this.field.isConnected || (!changed && !this.buildTimer)) {
      this.layoutNow();
      return;
    }
    if (changed) {
      this.syncText();
      this.build();
    }
    this.afterFrame = afterNextFrame(win, () => {
      this.afterFrame = null;
      if (!this.abort.signal.aborted) this.layoutNow();
    });
  }

  /**
   * Hide the boxes of issues reaching into [from, to] (old offsets) until the next redraw; the others stay
   * where they are (their lines did not move), their offsets shifted by `delta` past the edit, and for
   * hit testing the shifted issue objects of the current list (or none until the redraw).
   */
  private hide(from: number, to: number, delta: number): void {
    const out = (start: number, end: number) => end >= from && start <= to;
    for (let i = 0; i < this.boxRanges.length; i++) {
      const r = this.boxRanges[i]!;
      if (out(r[0], r[1])) this.pool[i]!.style.display = 'none';
      else if (r[0] > to) this.boxRanges[i] = [r[0] + delta, r[1] + delta];
    }
    const kept: MirrorBox<T>[] = [];
    for (const b of this.drawn) {
      if (out(b.issue.start, b.issue.end)) continue;
      if (b.issue.end < from) kept.push(b);
      else {
        // (Found by binary search in the sorted list: a map of every issue cost O(issues) per keystroke.)
        const now = this.itemAt(b.issue.start + delta, b.issue.end + delta);
        if (now) kept.push({ issue: now, rects: b.rects });
      }
    }
    this.drawn = kept;
  }


  /** An issue of the current list with these offsets, if any. */
  private itemAt(start: number, end: number): T | undefined {
    const items = this.items;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < items.length && items[k]!.start === start; k++) if (items[k]!.end === end) return items[k];
    return undefined;
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

  // ---------------------------------------------------------------------------------------------
  // The text: one block per line

  private newBlock(line: string): HTMLElement {
    const b = this.field.ownerDocument.createElement(this.single ? 'span' : 'div');
    b.className = 'b';
    // An empty line still takes a line's height (a zero-width space, never an offset of the value).
    b.textContent = line || '\u200b';
    return b;
  }

  /** Index of the line holding offset `at` (the last line starting at or before it). */
  private lineAt(at: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private recomputeStarts(from: number): void {
    const starts = this.starts;
    starts.length = this.lines.length;
    let at = from > 0 ? starts[from - 1]! + this.lines[from - 1]!.length + 1 : 0;
    for (let i = from; i < this.lines.length; i++) {
      starts[i] = at;
      at += this.lines[i]!.length + 1;
    }
  }

  /**
   * Bring the blocks up to date with the field's value: only the changed lines' blocks are replaced, and
   * the boxes drawn on them hidden (hide). The edits the owner noted (noteEdit) are taken when they lead
   * from the text shown to the value; otherwise the two are compared. False when nothing changed.
   */
  private syncText(): boolean {
    const value = this.field.value;
    const hints = this.hints;
    this.hints = [];
    if (value === this.value) return false;
    let chained = hints.length > 0 && hints[0]!.old === this.value && hints.at(-1)!.now === value;
    for (let i = 1; chained && i < hints.length; i++) chained = hints[i]!.old === hints[i - 1]!.now;
    if (chained) {
      // (The owner's edits: the same strings, so no second comparison of the whole value.)
      for (const h of hints) this.applyEdit(h.now, h.edit.start, h.old.length - h.edit.oldEnd, h.proven);
    } else {
      const old = this.value;
      const ends = commonEnds(old, value);
      this.applyEdit(value, ends.prefix, Math.min(ends.suffix, Math.min(old.length, value.length) - ends.prefix), true);
    }
    return true;
  }

  /**
   * The text became `value`, which differs from the one shown only in [prefix, length - suffix): replace
   * the blocks of the lines there, and hide the boxes that may be out of place now (the changed lines,
   * and every later one when the number of lines changed).
   */
  private applyEdit(value: string, prefix: number, suffix: number, proven: boolean): void {
    const old = this.value;
    this.value = value;
    // A large change (a paste, a value set by the page) may show other lines: measure them again.
    if (Math.abs(value.length - old.length) > 64) this.view = null;
    const u = this.unverified;
    if (u) {
      u.start = Math.min(u.start, prefix);
      u.suffix = Math.min(u.suffix, suffix);
    } else if (!proven) this.unverified = { proven: old, start: prefix, suffix };
    const a = this.lineAt(prefix);
    const b = this.lineAt(old.length - suffix);
    const oldEndOfB = b + 1 < this.lines.length ? this.starts[b + 1]! - 1 : old.length;
    const replaced = value.slice(this.starts[a]!, oldEndOfB + value.length - old.length).split('\n');
    const sameCount = replaced.length === b - a + 1;
    const moved = this.starts[a]!;
    this.lines = replaced.length < 10_000 ? (this.lines.splice(a, b - a + 1, ...replaced), this.lines) : this.lines.slice(0, a).concat(replaced, this.lines.slice(b + 1));
    this.recomputeStarts(a);
    const built = this.blocks.length;
    if (a < built) {
      // The blocks of the replaced lines go; the new lines get blocks now when they are few, else the
      // build re-creates everything from line a a slice per task.
      const removeTo = Math.min(b + 1, built);
      const few = replaced.length <= 2000;
      const gone = few ? this.blocks.splice(a, removeTo - a) : this.blocks.splice(a);
      if (few) {
        // Same number of lines: the new blocks replace the old ones in place (their groups stay).
        const fresh = replaced.map((l) => this.newBlock(l));
        if (fresh.length === gone.length) for (let i = 0; i < fresh.length; i++) gone[i]!.replaceWith(fresh[i]!);
        else {
          this.removeBlocks(gone);
          this.insertBlocks(a, fresh);
        }
        this.blocks.splice(a, 0, ...fresh);
      } else this.removeBlocks(gone);
    }
    this.hide(moved, sameCount ? oldEndOfB : Infinity, value.length - old.length);
  }

  /**
   * The owner found the edit from `old` to `now` (the field's values before and after it): the next sync
   * takes it instead of comparing the two. `proven`: found by comparing the whole texts; otherwise located
   * around the caret (field-edit.ts), which verifyText confirms later.
   */
  noteEdit(old: string, now: string, edit: { start: number; oldEnd: number; newEnd: number } | null, proven: boolean): void {
    if (!edit || old === now) return;
    // A chain of edits from the text shown (a sync waits for the next frame while keys come in); a break
    // in it leaves the next sync to compare.
    if (old !== (this.hints.at(-1)?.now ?? this.value) || this.hints.length >= MAX_HINTS) this.hints = [];
    else this.hints.push({ old, now, edit, proven });
  }

  /**
   * Make sure the lines are the field's: after edits located around the caret, the value outside the span
   * they touched must equal the one last proven and the lines inside it the value's; otherwise (a page
   * script changed the value during the same event) every line is taken again. One comparison of the
   * whole value per call: meant for each check, not each keystroke.
   */
  verifyText(): void {
    const u = this.unverified;
    // (Not synced yet, a frame pending: the next call verifies; syncing here would read the layout early.)
    if (!u || this.field.value !== this.value) return;
    this.unverified = null;
    const value = this.value;
    const p = u.proven;
    const end = value.length - u.suffix;
    let ok =
      u.start <= end &&
      u.start <= p.length - u.suffix &&
      p.substring(0, u.start) === value.substring(0, u.start) &&
      p.substring(p.length - u.suffix) === value.substring(end) &&
      this.starts.at(-1)! + this.lines.at(-1)!.length === value.length;
    for (let i = this.lineAt(u.start); ok && i < this.lines.length && this.starts[i]! <= end; i++) {
      const line = this.lines[i]!;
      const after = this.starts[i]! + line.length;
      ok = value.startsWith(line, this.starts[i]!) && (after === value.length || value.charCodeAt(after) === 10);
    }
    if (!ok) this.retake();
  }

  /** Take every line from the value again (blocks rebuilt, a long value a slice per task). */
  private retake(): void {
    this.lines = this.value.split('\n');
    this.starts = [0];
    this.recomputeStarts(0);
    this.removeBlocks(this.blocks);
    this.blocks = [];
    this.buildTimer?.();
    this.buildTimer = null;
    this.view = null;
    for (const box of this.pool) box.style.display = 'none';
    this.boxRanges.length = 0;
    this.drawn = [];
    this.build();
  }

  /**
   * syncText, and for a short value the missing blocks at once (a long value's slices are appended
   * only after a redraw: never between a slice and the geometry reads that follow).
   */
  private syncNow(): void {
    this.syncText();
    if (this.value.length <= SYNC_BUILD_CHARS) this.build();
  }

  /** Remove blocks from the mirror, and the groups they leave empty. */
  private removeBlocks(gone: readonly HTMLElement[]): void {
    for (const x of gone) {
      const group = x.parentElement;
      x.remove();
      if (group && group !== this.textParent && !group.firstChild) group.remove();
    }
  }

  /**
   * Put `fresh` (not yet in this.blocks) where line `at` goes: before the block now at `at`, in its group
   * (split when it grows past GROUP_MAX), or at the end, filling the last group and then new ones.
   */
  private insertBlocks(at: number, fresh: readonly HTMLElement[]): void {
    if (!fresh.length) return;
    const doc = this.field.ownerDocument;
    const next = this.blocks[at];
    if (this.single) {
      const frag = doc.createDocumentFragment();
      frag.append(...fresh);
      this.textParent.insertBefore(frag, next ?? null);
      return;
    }
    if (next?.parentElement && next.parentElement !== this.textParent) {
      const group = next.parentElement;
      const frag = doc.createDocumentFragment();
      frag.append(...fresh);
      group.insertBefore(frag, next);
      if (group.childElementCount > GROUP_MAX) this.split(group);
      return;
    }
    let k = 0;
    let last = this.textParent.lastElementChild as HTMLElement | null;
    while (k < fresh.length) {
      if (!last || last.childElementCount >= GROUP_LINES) {
        last = doc.createElement('div');
        last.className = 'g';
        this.textParent.append(last);
      }
      const take = fresh.slice(k, k + GROUP_LINES - last.childElementCount);
      last.append(...take);
      k += take.length;
    }
  }

  /** Cut a grown group into groups of GROUP_LINES blocks. */
  private split(group: HTMLElement): void {
    const doc = this.field.ownerDocument;
    const children = Array.from(group.children);
    let after: Element = group;
    for (let k = GROUP_LINES; k < children.length; k += GROUP_LINES) {
      const g = doc.createElement('div');
      g.className = 'g';
      g.append(...children.slice(k, k + GROUP_LINES));
      after.after(g);
      after = g;
    }
  }

  /** Create the missing blocks: at once for a short value, else a slice per task. */
  private build(): void {
    if (this.complete || this.buildTimer) return;
    const win = this.field.ownerDocument.defaultView;
    const sync = this.value.length <= SYNC_BUILD_CHARS || !win;
    const from = this.blocks.length;
    let to = from;
    if (sync) to = this.lines.length;
    else for (let chars = 0; to < this.lines.length && (to === from || chars < SLICE_CHARS); to++) chars += this.lines[to]!.length + 1;
    const fresh: HTMLElement[] = [];
    for (let i = from; i < to; i++) fresh.push(this.newBlock(this.lines[i]!));
    this.insertBlocks(from, fresh);
    for (const b of fresh) this.blocks.push(b);
    if (sync) return;
    // No layout is read here: the browser lays the slice out in its next frame (in one piece, however
    // long the value), and the next slice, or when all are there the first full redraw, comes after it.
    this.buildTimer = afterNextFrame(win, () => {
      this.buildTimer = null;
      if (this.abort.signal.aborted) return;
      // The slice is laid out now: a redraw waiting for it goes first (layoutNow then appends the next slice).
      const waiting = this.afterFrame !== null || this.complete;
      if (waiting) this.layoutNow();
      if (this.complete) this.onComplete?.();
      else if (!waiting) this.build();
    });
  }


  /** The text node and offset in it for a value offset (null: the line has no block yet). */
  private point(at: number): [Node, number] | null {
    const i = this.lineAt(at);
    const block = this.blocks[i];
    if (!block?.firstChild) return null;
    return [block.firstChild, Math.min(at - this.starts[i]!, this.lines[i]!.length)];
  }

  // ---------------------------------------------------------------------------------------------
  // Layout and drawing

  /** Synchronously sync text, geometry and scroll, then redraw the boxes in view. */
  layoutNow(): void {
    if (this.frameReq) {
      this.field.ownerDocument.defaultView?.cancelAnimationFrame(this.frameReq);
      this.frameReq = 0;
    }
    this.afterFrame?.();
    this.afterFrame = null;
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
    this.syncNow();

    const cs = field.ownerDocument.defaultView!.getComputedStyle(field);
    const bl = parseFloat(cs.borderLeftWidth) || 0;
    const bt = parseFloat(cs.borderTopWidth) || 0;
    const pl = parseFloat(cs.paddingLeft) || 0;
    const pr = parseFloat(cs.paddingRight) || 0;
    const pt = parseFloat(cs.paddingTop) || 0;
    const pb = parseFloat(cs.paddingBottom) || 0;

    const { clientLeft, clientTop, clientWidth, clientHeight, scrollTop, scrollLeft } = field;
    // Written only when changed: after our own write, the reads of draw() would lay the page out again
    // inside this task (with the edit of a long field still pending: its whole value).
    const geometry = [rect.left, rect.top, rect.width, rect.height, clientLeft, clientTop, clientWidth, clientHeight, bl, bt, pl, pr, pt, pb].join(',');
    if (geometry !== this.geometry) {
      this.geometry = geometry;
      // The frame covers the field's border box.
      const fs = this.frame.style;
      fs.transform = `translate(${rect.left}px, ${rect.top}px)`;
      fs.width = `${rect.width}px`;
      fs.height = `${rect.height}px`;

      // The mirror: same borders and padding, content box = the field's (scrollbars excluded). A scrollbar
      // on the left (RTL) or top shifts the content: clientLeft/Top include it.
      const ms = this.mirror.style;
      ms.left = `${clientLeft - bl}px`;
      ms.top = `${clientTop - bt}px`;
      ms.width = `${Math.max(0, clientWidth - pl - pr)}px`;
      ms.height = `${Math.max(0, clientHeight - pt - pb)}px`;

      // Clip boxes to the padding box.
      const cst = this.clip.style;
      cst.left = `${clientLeft}px`;
      cst.top = `${clientTop}px`;
      cst.width = `${clientWidth}px`;
      cst.height = `${clientHeight}px`;
    }
    if (this.mirror.scrollTop !== scrollTop) this.mirror.scrollTop = scrollTop;
    if (this.mirror.scrollLeft !== scrollLeft) this.mirror.scrollLeft = scrollLeft;
    this.draw();
    // A long value's next slice: after the geometry reads (it is laid out in the next frame).
    this.build();
  }

  /** Viewport rects of the characters [start, end) as laid out in the field. */
  rangeRects(start: number, end: number): Rect[] {
    this.syncNow();
    if (!(start >= 0 && end > start && end <= this.value.length)) return [];
    const from = this.point(start);
    const to = this.point(end);
    if (!from || !to) return [];
    const range = this.field.ownerDocument.createRange();
    range.setStart(from[0], from[1]);
    range.setEnd(to[0], to[1]);
    const out: Rect[] = [];
    for (const r of Array.from(range.getClientRects())) {
      if (r.width <= 0 && r.height <= 0) continue;
      out.push(toRect(r));
    }
    return out;
  }

  /**
   * The value offsets of the lines in view, [start, end) (the mirror scrolls with the field). Lines not
   * built yet count as out of view.
   */
  visibleRange(): { start: number; end: number } {
    this.syncNow();
    const blocks = this.blocks;
    if (!blocks.length) return { start: 0, end: 0 };
    if (this.single) return { start: 0, end: this.value.length };
    const top = this.mirror.scrollTop;
    const bottom = top + this.mirror.clientHeight;
    // First block whose bottom is below the top of the view, last block whose top is above its bottom.
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const b = blocks[mid]!;
      if (b.offsetTop + b.offsetHeight <= top) lo = mid + 1;
      else hi = mid;
    }
    const first = lo;
    hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blocks[mid]!.offsetTop < bottom) lo = mid;
      else hi = mid - 1;
    }
    const last = lo;
    this.view = { start: this.starts[first]!, end: this.starts[last]! + this.lines[last]!.length };
    return { ...this.view };
  }

  /**
   * The lines in view as last measured, without measuring again (null: not measured since the last
   * scroll or resize). After an edit the field is laid out again only in the next frame: measuring before
   * it lays out the field's whole value inside the caller's task (≈ 8–10 ms at 1 MB), and the lines in
   * view have not moved unless something scrolled. Offsets may lag behind the edit by its length.
   */
  lastVisibleRange(): { start: number; end: number } | null {
    return this.view && { ...this.view };
  }

  /**
   * Viewport rects of the part of [start, end) on the lines in view, or when none of it is there, of its
   * first line: never of more lines than the view holds, however long the range.
   */
  visibleRects(start: number, end: number): Rect[] {
    const view = this.visibleRange();
    const from = Math.max(start, view.start);
    const to = Math.min(end, view.end);
    if (from < to) return this.rangeRects(from, to);
    this.syncNow();
    // Its first line with characters of it (an issue may begin at a line break).
    let line = this.lineAt(start);
    while (line + 1 < this.lines.length && this.starts[line]! + this.lines[line]!.length <= start) line++;
    const lineEnd = this.starts[line]! + this.lines[line]!.length;
    return this.rangeRects(start, Math.min(end, lineEnd > start ? lineEnd : start + LONG_SPAN));
  }

  /** Index of the first short issue that can reach into offsets at or after `at`. */
  private firstItemFrom(at: number): number {
    const from = at - this.maxSpan;
    let lo = 0;
    let hi = this.short.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.short[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The issues reaching into [start, end]: the long ones first (their boxes go under the others'), then
   * the short ones, found by binary search.
   */
  private inView(start: number, end: number): { long: T[]; short: T[] } {
    const short: T[] = [];
    for (let k = this.firstItemFrom(start); k < this.short.length; k++) {
      const issue = this.short[k]!;
      if (issue.start > end) break;
      if (issue.end >= start) short.push(issue);
    }
    return { long: this.long.filter((x) => x.start <= end && x.end >= start), short };
  }

  private draw(): void {
    let drawn: MirrorBox<T>[] = [];
    let used = 0;
    if (this.items.length) {
      const clipRect = this.clip.getBoundingClientRect();
      const view = this.visibleRange();
      const { long, short } = this.inView(view.start, view.end);
      // Every rectangle is read before any box is written: a write between two reads would lay the
      // page out again for the next read.
      for (const issue of [...long, ...short]) {
        // Only the part on the lines in view is measured.
        const rects = this.rangeRects(Math.max(issue.start, view.start), Math.min(issue.end, view.end));
        const visible: Rect[] = [];
        for (const r of rects) {
          if (r.right < clipRect.left || r.left > clipRect.right || r.bottom < clipRect.top || r.top > clipRect.bottom) continue;
          visible.push(r);
        }
        drawn.push({ issue, rects: visible });
      }
      for (const { issue, rects } of drawn) {
        for (const r of rects) {
          let box = this.pool[used];
          if (!box) {
            box = this.field.ownerDocument.createElement('div');
            this.pool.push(box);
            this.clip.append(box);
          }
          this.boxRanges[used] = [issue.start, issue.end];
          used++;
          box.className = issue === this.active ? `u ${issue.severity} active` : `u ${issue.severity}`;
          const s = box.style;
          s.display = '';
          s.left = `${r.left - clipRect.left}px`;
          s.top = `${r.top - clipRect.top}px`;
          s.width = `${r.width}px`;
          s.height = `${r.height + 3}px`;
        }
      }
      // Hit testing takes the first match: under the pointer, a slip inside a repeated passage wins.
      if (long.length) drawn = drawn.slice(long.length).concat(drawn.slice(0, long.length));
    }
    for (let i = used; i < this.pool.length; i++) this.pool[i]!.style.display = 'none';
    this.boxRanges.length = used;
    this.drawn = drawn;
  }

  /** What is drawn now: per issue on the lines in view, the viewport rects of its characters (tests, hit testing). */
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
    const win = this.field.ownerDocument.defaultView;
    if (this.frameReq) win?.cancelAnimationFrame(this.frameReq);
    this.afterFrame?.();
    this.afterFrame = null;
    this.buildTimer?.();
    this.buildTimer = null;
    this.host.remove();
  }
}
