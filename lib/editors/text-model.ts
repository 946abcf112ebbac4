/**
 * The text of a contenteditable / rich-text editor root exactly as the engine should see it, with a map
 * from text offsets (UTF-16) to DOM positions and back.
 *
 * Rules (one pass over the DOM, no layout reads except `white-space` for text nodes that hold newlines/tabs):
 * - Every block element (p, div, li, h1…, td…) is its own line; nested blocks give one "\n", never two.
 *   An empty block (`<p></p>`, `<p><br></p>`) is an empty line.
 * - `<br>` ends a line, except a trailing `<br>` (nothing rendered after it in its block), which is the
 *   placeholder browsers and editors put into empty or ending lines (Quill, Lexical, TinyMCE, CKEditor).
 * - Editor UI is skipped: ProseMirror's trailing break and separator, Quill's `.ql-ui`, TinyMCE's
 *   `data-mce-bogus="all"`, CKEditor's fake-selection container, zero-width characters (U+FEFF, U+200B,
 *   U+2060) used as caret guards (Quill, Slate/wangEditor, CKEditor's inline filler).
 * - Non-editable islands (`contenteditable="false"`), images and embeds become one U+FFFC, so text on
 *   both sides never reads as one word.
 * - In `white-space: normal` containers, runs of spaces/newlines/tabs read as one space (as rendered).
 *
 * Incremental: the root's children are read as units (each block child one unit, runs of inline children
 * one unit). With `observe` (default) a MutationObserver marks the units an edit touched and `refresh()`
 * re-reads only those, so a keystroke in a 100,000-character document re-reads one paragraph.
 *
 * A keystroke costs O(paragraph), not O(document): the whole text is a string the engine needs only when
 * it checks, so a re-read paragraph is kept as a pending splice and the string is built when `text` is
 * read (one copy per check, not one per keystroke: ≈ 3–10 ms at 1 MB); `takeEdit()` tells what changed
 * since it was last asked, from the re-read paragraphs alone; and the live Ranges handed out for a
 * re-read paragraph are kept where they still cover the same characters (a new Range for every
 * underline of the paragraph made Chromium repaint the highlights of the whole editor).
 *
 * Paragraphs added or removed (Enter, a paste, a deleted selection, an undo) cost the paragraphs changed
 * too: the mutation records say which units lost nodes and next to which units nodes were added; only
 * the root's children between the untouched units around each such place are walked, and the unit
 * list, the line offsets and the pending splice of the text are spliced there (moving the later offsets
 * is the only work over the whole document: arithmetic on one array).
 */
import { diffText, type TextEdit } from './shift';

/**
 * `a + b + c` as one flat string. V8 keeps `+` of long strings as a rope, and substrings of a rope built
 * on earlier ropes copy it again and again (comparing a keystroke's text with the last one in
 * commonEnds cost ≈ 20 ms at 1 MB); a join of three pieces copies once (≈ 1–4 ms at 1 MB, against
 * ≈ 10–30 ms to join the 20,000 paragraphs again).
 */
function flatConcat(a: string, b: string, c: string): string {
  return [a, b, c].join('');
}

/** The text of units [from, to) with "\n" between them. */
function joinLines(units: readonly Unit[], from: number, to: number): string {
  if (to - from === 1) return units[from]!.text;
  const parts: string[] = [];
  for (let i = from; i < to; i++) parts.push(units[i]!.text);
  return parts.join('\n');
}

/** `arr.splice(start, count, ...items)`, also for more items than a call takes arguments. */
function spliceIn<T>(arr: T[], start: number, count: number, items: readonly T[]): void {
  if (items.length < 10_000) {
    arr.splice(start, count, ...items);
    return;
  }
  const tail = arr.slice(start + count);
  arr.length = start;
  for (const x of items) arr.push(x);
  for (const x of tail) arr.push(x);
}

/**
 * Two pending splices of the text are kept as one while they lie within this many lines of each other
 * (building it joins the lines between); farther apart, the first is built at once.
 */
const MERGE_LINES = 256;

/** A unit's cached Range is keyed by its local start and end in one number (local offsets stay far below 2^21). */
const RANGE_KEY_BASE = 0x200000;
const rangeKey = (start: number, end: number) => start * RANGE_KEY_BASE + end;

/** One re-read paragraph: its text before and after, `at` its start in the text. */
interface UnitEdit {
  at: number;
  before: string;
  after: string;
}

/**
 * One edit covering `a` then `b` (b's offsets in the text after a): from the first changed offset to the
 * last, in the text before both and after both. (Not always the smallest: what lies between two distant
 * edits counts as changed.)
 */
export function composeEdits(a: TextEdit, b: TextEdit): TextEdit {
  const start = Math.min(a.start, b.start);
  const mid = Math.max(a.newEnd, b.oldEnd); // in the text between the two
  return { start, oldEnd: mid - (a.newEnd - a.oldEnd), newEnd: mid + (b.newEnd - b.oldEnd) };
}

/** A DOM position. */
export interface DomPoint {
  node: Node;
  offset: number;
}

/** Stored position: offset ≥ 0 is a real offset; BEFORE/AFTER mean "just before/after `node`". */
interface RawPoint {
  node: Node;
  offset: number;
}
const BEFORE = -1;
const AFTER = -2;

const enum Kind {
  Text = 0,
  Br = 1,
  Synthetic = 2,
  Object = 3,
}

/** One unit: a block child of the root, or a run of consecutive inline children. */
interface Unit {
  nodes: Node[];
  text: string;
  /** Segment starts (local offsets), kinds, nodes and DOM offsets, in text order. */
  starts: number[];
  kinds: Kind[];
  segNodes: Node[];
  /** Text: DOM offset of the segment's first char. Synthetic: the start of the new line (after-point). */
  segOffs: number[];
  /** Synthetic breaks: end of the line before (before-point), keyed by segment index. */
  synBefore: Map<number, RawPoint>;
  /** Text node → index of its first segment. */
  textIndex: Map<Node, number>;
  lines: number;
  /** Its index in the model's units (kept current for the units there; a dropped unit's is stale). */
  idx: number;
  /** Ranges handed out for this unit (valid while the unit is not re-read), keyed "start,end" (local). */
  ranges?: Map<number, Range>;
  /** Where the first line starts, and where the last line's content ends. */
  first: RawPoint | null;
  end: RawPoint | null;
}

export const OBJECT_REPLACEMENT = '\uFFFC';

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIR', 'DIV',
  'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HGROUP', 'HR', 'LI', 'LISTING', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY',
  'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'XMP',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE', 'META', 'LINK']);
const OBJECT_TAGS = new Set([
  'IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'svg', 'SVG', 'math', 'MATH',
  'INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'METER', 'PROGRESS',
]);
/** Editor UI inside the editable DOM that is not part of the document text. */
const UI_CLASSES = [
  'ql-ui',
  'ql-cursor',
  'ProseMirror-separator',
  'ProseMirror-trailingBreak',
  'ProseMirror-widget',
  'ck-fake-selection-container',
  'ck-widget__type-around',
  'ck-widget__resizer',
];

/** Characters that need the slow path: zero-width guards and whitespace that may collapse. */
const SPECIAL = /[\uFEFF\u200B\u2060\n\r\t]/;

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12;
}

/** True when `el` starts a line of its own (by tag: cheap and deterministic; no layout reads). */
export function isBlockElement(node: Node): boolean {
  return node.nodeType === 1 && BLOCK_TAGS.has((node as Element).tagName);
}

function isUi(el: Element): boolean {
  const cl = el.classList;
  if (cl.length) for (const c of UI_CLASSES) if (cl.contains(c)) return true;
  if (el.getAttribute('data-mce-bogus') === 'all') return true;
  if (el.hasAttribute('data-slate-placeholder') || el.hasAttribute('data-cke-filler')) return true;
  return false;
}

/** What to do with an element: 0 descend, 1 skip subtree, 2 object (one U+FFFC), 3 line break. */
function classify(el: Element, root: Node): 0 | 1 | 2 | 3 {
  const tag = el.tagName;
  if (tag === 'BR') return isUi(el) ? 1 : 3;
  if (SKIP_TAGS.has(tag)) return 1;
  if (el.hasAttribute('hidden')) return 1;
  const style = (el as HTMLElement).style;
  if (style && style.display === 'none') return 1;
  if (isUi(el)) return 1;
  if (el !== root && el.getAttribute('contenteditable') === 'false') {
    return el.getAttribute('aria-hidden') === 'true' ? 1 : 2;
  }
  if (OBJECT_TAGS.has(tag)) return 2;
  return 0;
}

/** Builds one unit. State follows the line logic described at the top of the file. */
class UnitBuilder {
  private parts: string[] = [];
  private len = 0;
  private starts: number[] = [];
  private kinds: Kind[] = [];
  private segNodes: Node[] = [];
  private segOffs: number[] = [];
  private synBefore = new Map<number, RawPoint>();
  private textIndex = new Map<Node, number>();
  private open = false;
  private lines = 0;
  private pendingBr: Element | null = null;
  private pendingSpace: RawPoint | null = null;
  private lineEnd: RawPoint | null = null;
  private first: RawPoint | null = null;
  private blockStack: number[] = [];

  constructor(
    private readonly root: Node,
    private readonly collapseCache: Map<Element, boolean>,
  ) {}

  build(nodes: Node[]): Unit {
    for (const n of nodes) this.walk(n);
    this.closeLine();
    return {
      nodes,
      text: this.parts.length === 1 ? this.parts[0]! : this.parts.join(''),
      starts: this.starts,
      kinds: this.kinds,
      segNodes: this.segNodes,
      segOffs: this.segOffs,
      synBefore: this.synBefore,
      textIndex: this.textIndex,
      lines: this.lines,
      idx: -1,
      first: this.first,
      end: this.lineEnd,
    };
  }

  private push(kind: Kind, node: Node, off: number, s: string): void {
    this.starts.push(this.len);
    this.kinds.push(kind);
    this.segNodes.push(node);
    this.segOffs.push(off);
    if (kind === Kind.Text && !this.textIndex.has(node)) this.textIndex.set(node, this.starts.length - 1);
    this.parts.push(s);
    this.len += s.length;
  }

  /** Make sure a line is open before content at (node, off). */
  private openLine(node: Node, off: number): void {
    if (this.pendingBr) {
      const br = this.pendingBr;
      this.pendingBr = null;
      this.pendingSpace = null;
      this.push(Kind.Br, br, BEFORE, '\n');
      this.open = true;
      this.lines++;
      this.lineEnd = { node: br, offset: AFTER };
      return;
    }
    if (this.open) return;
    const at = { node, offset: off };
    if (this.lines > 0) {
      this.synBefore.set(this.starts.length, this.lineEnd!);
      this.push(Kind.Synthetic, node, off, '\n');
    } else {
      this.first = at;
    }
    this.open = true;
    this.lines++;
    this.lineEnd = at;
  }

  private closeLine(): void {
    this.pendingBr = null;
    this.pendingSpace = null;
    this.open = false;
  }

  private emitText(node: Node, off: number, s: string): void {
    this.openLine(node, off);
    if (this.pendingSpace) {
      const p = this.pendingSpace;
      this.pendingSpace = null;
      this.push(Kind.Text, p.node, p.offset, ' ');
    }
    this.push(Kind.Text, node, off, s);
    this.lineEnd = { node, offset: off + s.length };
  }

  private collapses(el: Element | null): boolean {
    if (!el) return false;
    let v = this.collapseCache.get(el);
    if (v === undefined) {
      const view = el.ownerDocument.defaultView;
      const cs = view ? view.getComputedStyle(el) : null;
      if (!cs) v = false;
      else {
        const c = (cs as CSSStyleDeclaration & { whiteSpaceCollapse?: string }).whiteSpaceCollapse;
        v = c ? c === 'collapse' || c === 'preserve-breaks' : cs.whiteSpace === 'normal' || cs.whiteSpace === 'nowrap' || cs.whiteSpace === 'pre-line';
      }
      this.collapseCache.set(el, v);
    }
    return v;
  }

  private text(node: Text): void {
    const data = node.data;
    if (!data) return;
    if (!SPECIAL.test(data)) {
      this.emitText(node, 0, data);
      return;
    }
    let collapse: boolean | null = null;
    let runStart = -1;
    const n = data.length;
    for (let i = 0; i < n; i++) {
      const c = data.charCodeAt(i);
      if (c === 0xfeff || c === 0x200b || c === 0x2060) {
        if (runStart >= 0) this.emitText(node, runStart, data.slice(runStart, i));
        runStart = -1;
        continue;
      }
      if (c === 10 || c === 13 || c === 9) {
        if (collapse === null) collapse = this.collapses(node.parentElement);
        if (collapse) {
          if (runStart >= 0) this.emitText(node, runStart, data.slice(runStart, i));
          runStart = -1;
          // A collapsed run of whitespace (the run may have started with spaces already emitted: fine).
          let j = i;
          while (j < n && isWs(data.charCodeAt(j))) j++;
          if (this.open && !this.pendingBr && !this.pendingSpace) this.pendingSpace = { node, offset: i };
          i = j - 1;
          continue;
        }
      }
      if (runStart < 0) runStart = i;
    }
    if (runStart >= 0) this.emitText(node, runStart, runStart === 0 ? data : data.slice(runStart));
  }

  private object(el: Element): void {
    const block = BLOCK_TAGS.has(el.tagName);
    if (block) this.closeLine();
    this.openLine(el, BEFORE);
    this.pendingSpace = null;
    this.push(Kind.Object, el, BEFORE, OBJECT_REPLACEMENT);
    this.lineEnd = { node: el, offset: AFTER };
    if (block) this.closeLine();
  }

  private br(el: Element): void {
    this.openLine(el, BEFORE); // the line the <br> ends exists, even if empty (resolves an earlier <br>)
    this.pendingSpace = null;
    this.pendingBr = el; // a real break only if more content follows in this block
  }

  /** Returns true when the element's children should be visited (then leave() is called). */
  private enter(el: Element): boolean {
    const what = classify(el, this.root);
    if (what === 1) return false;
    if (what === 2) {
      this.object(el);
      return false;
    }
    if (what === 3) {
      this.br(el);
      return false;
    }
    if (BLOCK_TAGS.has(el.tagName)) {
      this.closeLine();
      this.blockStack.push(this.lines);
    }
    return true;
  }

  private leave(el: Element): void {
    if (!BLOCK_TAGS.has(el.tagName)) return;
    const before = this.blockStack.pop();
    if (before === this.lines) {
      // An empty block is an empty line.
      this.openLine(el, 0);
    }
    this.closeLine();
  }

  private walk(start: Node): void {
    let n: Node = start;
    outer: for (;;) {
      let descend = false;
      const type = n.nodeType;
      if (type === 3) this.text(n as Text);
      else if (type === 1) descend = this.enter(n as Element);
      if (descend) {
        const child = n.firstChild;
        if (child) {
          n = child;
          continue;
        }
        this.leave(n as Element);
      }
      for (;;) {
        if (n === start) return;
        const next: Node | null = n.nextSibling;
        if (next) {
          n = next;
          continue outer;
        }
        n = n.parentNode!;
        this.leave(n as Element);
      }
    }
  }
}

/** A unit of one block element (never merged with its neighbours, unlike a run of inline nodes). */
function isBlockUnit(u: Unit): boolean {
  return u.nodes.length === 1 && isBlockElement(u.nodes[0]!);
}

function upperBound(arr: number[], x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function segEnd(u: Unit, s: number): number {
  return s + 1 < u.starts.length ? u.starts[s + 1]! : u.text.length;
}

function resolve(p: RawPoint): DomPoint {
  if (p.offset >= 0) return p;
  const parent = p.node.parentNode;
  if (!parent) return { node: p.node, offset: 0 };
  let i = 0;
  for (let c = parent.firstChild; c && c !== p.node; c = c.nextSibling) i++;
  return { node: parent, offset: p.offset === AFTER ? i + 1 : i };
}

/** Position before the char at local offset i of a unit. */
function unitBefore(u: Unit, i: number): RawPoint {
  const s = upperBound(u.starts, i) - 1;
  const kind = u.kinds[s]!;
  if (kind === Kind.Text) return { node: u.segNodes[s]!, offset: u.segOffs[s]! + (i - u.starts[s]!) };
  if (kind === Kind.Synthetic) return u.synBefore.get(s)!;
  return { node: u.segNodes[s]!, offset: BEFORE };
}

/** Position after the char at local offset i of a unit. */
function unitAfter(u: Unit, i: number): RawPoint {
  const s = upperBound(u.starts, i) - 1;
  const kind = u.kinds[s]!;
  if (kind === Kind.Text) return { node: u.segNodes[s]!, offset: u.segOffs[s]! + (i - u.starts[s]!) + 1 };
  if (kind === Kind.Synthetic) return { node: u.segNodes[s]!, offset: u.segOffs[s]! };
  return { node: u.segNodes[s]!, offset: AFTER };
}

export interface TextModelOptions {
  /** Keep a MutationObserver on the root and re-read only the touched units (default true). */
  observe?: boolean;
  /**
   * Called (from the MutationObserver, after the editor's DOM changed) when mutations are pending:
   * editors that re-render themselves (undo, collaborative edits, Slate/Lexical reconciling) change the
   * text without an `input` event. Call `refresh()` or read `text` there to see the change.
   */
  onMutation?: () => void;
}

export interface SelectionOffsets {
  start: number;
  end: number;
  anchor: number;
  focus: number;
  collapsed: boolean;
}

export class TextModel {
  readonly root: HTMLElement;
  private units: Unit[] = [];
  /** Units with at least one line, and their global start offsets. */
  private lineUnits: Unit[] = [];
  private unitStarts: number[] = [];
  private unitOf = new WeakMap<Node, Unit>();
  private observer: MutationObserver | null = null;
  private pending: MutationRecord[] = [];
  private fullDirty = true;
  /** The text, except for `patch` when one is pending: build it with flush(). */
  private _text = '';
  private _length = 0;
  /**
   * Lines not yet spliced into `_text`: lineUnits[from, to) (as they are now) replace the `oldLength`
   * characters of `_text` at `at`.
   */
  private patch: { from: number; to: number; at: number; oldLength: number } | null = null;
  /** What changed since the last takeEdit(), oldest first. */
  private edits: (UnitEdit | TextEdit)[] = [];
  private _version = 0;
  private cachedRanges = 0;
  /** Ranges handed out that span several units (long issues), by "start,end"; checked on every use. */
  private spanning = new Map<string, Range>();
  /** Number of units re-read by the last refresh() (for tests and benchmarks). */
  lastReadUnits = 0;
  /**
   * Number of the root's children the last refresh() walked (for tests and benchmarks): all of them
   * when it read everything again, those between the untouched neighbours of a change otherwise.
   */
  lastWalked = 0;

  constructor(root: HTMLElement, options: TextModelOptions = {}) {
    this.root = root;
    if (options.observe !== false) {
      const MO = root.ownerDocument.defaultView?.MutationObserver ?? MutationObserver;
      const onMutation = options.onMutation;
      this.observer = new MO((records) => {
        for (const r of records) this.pending.push(r);
        onMutation?.();
      });
      this.observer.observe(root, {
        childList: true,
        characterData: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['hidden', 'contenteditable', 'style', 'class', 'data-mce-bogus'],
      });
    }
    this.refresh();
    this.edits = []; // (takeEdit tells what changed after this first read)
  }

  /** The current text (call refresh() first if the DOM may have changed; `text` does it for you). */
  get text(): string {
    this.refresh();
    return this.flush();
  }

  /** The text as of the last refresh, without checking the DOM. */
  get cachedText(): string {
    return this.flush();
  }

  /** The length of the text as of the last refresh (without building the string). */
  get length(): number {
    return this._length;
  }

  /**
   * Build the text string now if an edit left it pending (refreshing first); true when that was a copy
   * of a long text (at least `minLength` characters), worth a task of its own before a check.
   */
  build(minLength = 0): boolean {
    this.refresh();
    if (!this.patch) return false;
    this.flush();
    return this._length >= minLength;
  }

  /** `_text` with the pending lines spliced in. */
  private flush(): string {
    const p = this.patch;
    if (p) {
      this.patch = null;
      const prev = this._text;
      this._text = flatConcat(prev.slice(0, p.at), joinLines(this.lineUnits, p.from, p.to), prev.slice(p.at + p.oldLength));
    }
    return this._text;
  }

  /**
   * The edit that turns the text as of the last call (or the first read) into the current one, null when
   * it is the same. Refreshes first. `caret` (the caret offset now) places an edit inside a run of equal
   * characters where the writer typed it (see diffText).
   */
  takeEdit(caret?: number): TextEdit | null {
    this.refresh();
    const list = this.edits;
    this.edits = [];
    let out: TextEdit | null = null;
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
      let e: TextEdit | null;
      if ('before' in r) {
        const hint = caret !== undefined && i === list.length - 1 ? caret - r.at : undefined;
        const d = diffText(r.before, r.after, hint);
        e = d && { start: d.start + r.at, oldEnd: d.oldEnd + r.at, newEnd: d.newEnd + r.at };
      } else e = r;
      if (e) out = out ? composeEdits(out, e) : e;
    }
    return out;
  }

  /** Bumped every time the text or mapping changed. */
  get version(): number {
    return this._version;
  }

  /** Re-read what changed. Returns true when the model changed. */
  refresh(): boolean {
    if (this.observer) {
      const records = this.observer.takeRecords();
      if (records.length) for (const r of records) this.pending.push(r);
    } else {
      this.fullDirty = true;
    }
    if (!this.fullDirty && this.pending.length === 0) return false;
    const records = this.pending;
    this.pending = [];
    const collapseCache = new Map<Element, boolean>();
    let read = 0;
    const build = (nodes: Node[]): Unit => {
      read++;
      const u = new UnitBuilder(this.root, collapseCache).build(nodes);
      for (const n of nodes) this.unitOf.set(n, u);
      return u;
    };
    if (!this.fullDirty) {
      const done = this.refreshPart(records, build);
      if (done !== null) {
        this.lastReadUnits = read;
        return done;
      }
    }
    return this.refreshAll(records, build, () => read);
  }

  /** True when `u` is one of the units now (its `idx` is current). */
  private isCurrent(u: Unit | undefined): u is Unit {
    return u !== undefined && this.units[u.idx] === u;
  }

  /**
   * Re-read only the root's children the mutation records touched: the units whose nodes changed or were
   * removed, and the units next to where nodes were added (a node added in the same batch is placed by its
   * own record, so every added node lies between units found this way), widened to the neighbouring runs
   * of inline nodes (removing a block between two runs makes them one line). The text and the offsets are
   * spliced: an Enter, a paste of paragraphs or a deleted selection costs the paragraphs it changed (and
   * moving the later offsets along), not a join of every paragraph and a compare of the whole text
   * (≈ 10–30 ms at 1 MB). Returns whether the model changed, or null when the records cannot be placed
   * (then everything is walked again).
   */
  private refreshPart(records: MutationRecord[], build: (nodes: Node[]) => Unit): boolean | null {
    const root = this.root;
    const units = this.units;
    if (units.length === 0) return null;
    const dirty = new Set<Node>();
    let structure = false;
    /** Index spans of units to read again (from each record), merged below. */
    const spans: [number, number][] = [];
    const idxOf = (n: Node): number => {
      const u = this.unitOf.get(n);
      return this.isCurrent(u) ? u.idx : -1;
    };
    for (const r of records) {
      if (r.target === root) {
        if (r.type !== 'childList') continue;
        structure = true;
        let a = Infinity;
        let b = -1;
        const add = (i: number) => {
          if (i < 0) return;
          if (i < a) a = i;
          if (i > b) b = i;
        };
        for (const n of r.removedNodes) add(idxOf(n));
        // At the start or the end when there is no sibling; a sibling added in the same batch (no unit
        // yet) is placed by its own record.
        add(r.previousSibling ? idxOf(r.previousSibling) : 0);
        add(r.nextSibling ? idxOf(r.nextSibling) : units.length - 1);
        if (b >= 0) spans.push([a, b]);
        continue;
      }
      let n: Node | null = r.target;
      while (n && n.parentNode !== root) n = n.parentNode;
      if (n) {
        dirty.add(n);
        const i = idxOf(n);
        if (i >= 0) spans.push([i, i]);
      }
    }
    if (!structure && dirty.size === 0) return false;
    if (spans.length === 0) return null;
    spans.sort((p, q) => p[0] - q[0]);
    // Merged when they overlap or touch (a unit next to a span is its untouched neighbour); with nodes
    // added or removed, widened to the runs of inline nodes next to them (they may join into one line).
    const merged: [number, number][] = [];
    for (const [a0, b0] of spans) {
      let a = a0;
      let b = b0;
      if (structure) {
        while (a > 0 && !isBlockUnit(units[a - 1]!)) a--;
        while (b < units.length - 1 && !isBlockUnit(units[b + 1]!)) b++;
      }
      const last = merged.at(-1);
      if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
      else merged.push([a, b]);
    }
    const pairs: [Unit, Unit][] = [];
    let walked = 0;
    // From the last span to the first: the indices of the earlier ones stay as they are.
    for (let k = merged.length - 1; k >= 0; k--) {
      const n = this.replaceSpan(merged[k]![0], merged[k]![1], dirty, build, pairs);
      if (n < 0) return null;
      walked += n;
    }
    this.lastWalked = walked;
    this.fullDirty = false;
    for (const [old, u] of pairs) {
      if (old.lines === 0 || u.lines === 0) continue;
      const li = this.lineIndexOf(u);
      if (li >= 0) this.keepRanges(old, u, this.unitStarts[li]!);
    }
    // (Also with the same text: a re-read unit maps its offsets to other nodes now.)
    this._version++;
    return true;
  }

  /**
   * Read the root's children between units[lo - 1] and units[hi + 1] (untouched: still in place) into
   * units (unchanged ones kept, re-read ones with the same nodes noted in `pairs`), and put them in
   * place of units[lo..hi]. Returns how many children it walked, -1 when the neighbours are not in place.
   */
  private replaceSpan(lo: number, hi: number, dirty: Set<Node>, build: (nodes: Node[]) => Unit, pairs: [Unit, Unit][]): number {
    const root = this.root;
    const units = this.units;
    const first = lo > 0 ? units[lo - 1]!.nodes.at(-1)! : null;
    const stop = hi + 1 < units.length ? units[hi + 1]!.nodes[0]! : null;
    if ((first && first.parentNode !== root) || (stop && stop.parentNode !== root)) return -1;
    const fresh: Unit[] = [];
    const paired = new Set<Unit>();
    const take = (nodes: Node[]) => {
      const had = this.unitOf.get(nodes[0]!);
      const same = this.isCurrent(had) && had.idx >= lo && had.idx <= hi && had.nodes.length === nodes.length && had.nodes.every((n, i) => n === nodes[i]);
      if (same && !had.nodes.some((n) => dirty.has(n))) {
        fresh.push(had);
        return;
      }
      const u = build(nodes);
      if (same) {
        pairs.push([had, u]);
        paired.add(had);
      }
      fresh.push(u);
    };
    let run: Node[] = [];
    let walked = 0;
    for (let c = first ? first.nextSibling : root.firstChild; c !== stop; c = c.nextSibling) {
      if (!c) return -1;
      walked++;
      if (isBlockElement(c)) {
        if (run.length) take(run);
        run = [];
        take([c]);
      } else run.push(c);
    }
    if (run.length) take(run);
    // The lines of the span, in lineUnits.
    const x = this.lineIndexAtOrAfter(lo);
    const y = this.lineIndexAtOrAfter(hi + 1);
    const added: Unit[] = [];
    for (const u of fresh) if (u.lines > 0) added.push(u);
    const kept = new Set(fresh);
    for (let i = lo; i <= hi; i++) {
      const old = units[i]!;
      if (old.ranges && !kept.has(old) && !paired.has(old)) this.cachedRanges -= old.ranges.size;
    }
    spliceIn(units, lo, hi - lo + 1, fresh);
    const end = fresh.length === hi - lo + 1 ? lo + fresh.length : units.length;
    for (let i = lo; i < end; i++) units[i]!.idx = i;
    this.replaceLines(x, y, added);
    return walked;
  }

  /** The index in lineUnits of the first line unit whose index in units is at least `idx`. */
  private lineIndexAtOrAfter(idx: number): number {
    const lines = this.lineUnits;
    let a = 0;
    let b = lines.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (lines[mid]!.idx < idx) a = mid + 1;
      else b = mid;
    }
    return a;
  }

  /** The index of `u` in lineUnits, -1 when it is not one. */
  private lineIndexOf(u: Unit): number {
    if (!this.isCurrent(u) || u.lines === 0) return -1;
    const i = this.lineIndexAtOrAfter(u.idx);
    return this.lineUnits[i] === u ? i : -1;
  }

  /**
   * Replace the line units [x, y) by `lines` (the units arrays already hold them): the offsets after
   * them move, the text gets a pending splice, and the edit is noted. True when the text changed.
   */
  private replaceLines(x: number, y: number, lines: Unit[]): boolean {
    const all = this.lineUnits;
    if (x === y && lines.length === 0) return false;
    let from = x;
    let to = y;
    let next = lines;
    // Lines inserted or removed whole: a neighbouring line joins the edit, so that the "\n" between
    // lines is in the replaced text.
    if (x === y || lines.length === 0) {
      if (x > 0) {
        from = x - 1;
        next = [all[x - 1]!, ...lines];
      } else if (y < all.length) {
        to = y + 1;
        next = [...lines, all[y]!];
      }
    }
    const before = joinLines(all, from, to);
    const after = joinLines(next, 0, next.length);
    const at = from < to ? this.unitStarts[from]! : 0;
    const delta = after.length - before.length;
    if (to - from === all.length) {
      // The whole text (it was empty, or every line changed or went).
      this.patch = null;
      this._text = after;
    } else {
      let p = this.patch;
      if (p && Math.max(p.to, to) - Math.min(p.from, from) > MERGE_LINES) {
        this.flush();
        p = null;
      }
      if (p) {
        // One pending splice over both: its start and end in `_text` (lines before the pending one are
        // where `_text` has them; lines after it are moved by what it changed).
        const pEnd = this.unitStarts[p.to - 1]! + all[p.to - 1]!.text.length;
        const moved = pEnd - this.unitStarts[p.from]! - p.oldLength;
        const start = from < p.from ? at : p.at;
        const end = to > p.to ? at + before.length - moved : p.at + p.oldLength;
        const lo = Math.min(p.from, from);
        this.patch = { from: lo, to: Math.max(p.to, to) + next.length - (to - from), at: start, oldLength: end - start };
      } else {
        this.patch = { from, to: from + next.length, at, oldLength: before.length };
      }
    }
    const starts: number[] = [];
    let pos = at;
    for (const u of next) {
      starts.push(pos);
      pos += u.text.length + 1;
    }
    spliceIn(all, from, to - from, next);
    spliceIn(this.unitStarts, from, to - from, starts);
    if (delta) for (let k = from + next.length; k < this.unitStarts.length; k++) this.unitStarts[k]! += delta;
    this._length += delta;
    if (before === after) return false;
    const last = this.edits.at(-1);
    if (last && 'before' in last && last.at === at && last.after === before) last.after = after;
    else this.edits.push({ at, before, after });
    return true;
  }

  /** Walk every child of the root again (the first read, a model without observer, records not placed). */
  private refreshAll(records: MutationRecord[], build: (nodes: Node[]) => Unit, reads: () => number): boolean {
    const root = this.root;
    const dirty = new Set<Node>();
    for (const r of records) {
      if (r.target === root) continue;
      let n: Node | null = r.target;
      while (n && n.parentNode !== root) n = n.parentNode;
      if (n) dirty.add(n);
    }
    const full = this.fullDirty;
    const units: Unit[] = [];
    let run: Node[] = [];
    const reuse = (nodes: Node[]): Unit | undefined => {
      if (full) return undefined;
      const cached = this.unitOf.get(nodes[0]!);
      return this.isCurrent(cached) && cached.nodes.length === nodes.length && cached.nodes.every((n, i) => n === nodes[i] && !dirty.has(n)) ? cached : undefined;
    };
    const flushRun = () => {
      if (!run.length) return;
      units.push(reuse(run) ?? build(run));
      run = [];
    };
    let walked = 0;
    for (let c = root.firstChild; c; c = c.nextSibling) {
      walked++;
      if (isBlockElement(c)) {
        flushRun();
        units.push(reuse([c]) ?? build([c]));
      } else run.push(c);
    }
    flushRun();
    this.lastWalked = walked;
    // (The pending splice reads the old lines: the text before is built before they are replaced.)
    const before = this.flush();
    this.units = units;
    for (let i = 0; i < units.length; i++) units[i]!.idx = i;
    this.fullDirty = false;
    this.lastReadUnits = reads();
    const lineUnits: Unit[] = [];
    const starts: number[] = [];
    let pos = 0;
    for (const u of units) {
      if (u.lines === 0) continue;
      if (lineUnits.length) pos++; // the "\n" between units
      lineUnits.push(u);
      starts.push(pos);
      pos += u.text.length;
    }
    this.lineUnits = lineUnits;
    this.unitStarts = starts;
    const text = joinLines(lineUnits, 0, lineUnits.length);
    const changed = reads() > 0 || text !== before;
    if (text !== before) {
      const edit = diffText(before, text);
      if (edit) this.edits.push(edit);
    }
    this._text = text;
    this._length = text.length;
    if (changed) this._version++;
    return changed;
  }

  /** True when `r` starts and ends where rangeFor(start, end) would (so it covers those characters). */
  private covers(r: Range, start: number, end: number): boolean {
    const a = this.pointAt(start, 'forward');
    const b = start === end ? a : this.pointAt(end, 'backward');
    return r.startContainer === a.node && r.startOffset === a.offset && r.endContainer === b.node && r.endOffset === b.offset;
  }

  /**
   * The Ranges handed out for a unit's characters that still cover them after it was re-read (the
   * editor changed its text nodes in place: live Ranges after the change moved with it), kept for the
   * fresh unit under their new offsets; the others are dropped.
   */
  private keepRanges(old: Unit, fresh: Unit, at: number): void {
    const ranges = old.ranges;
    if (!ranges || ranges.size === 0) return;
    const d = diffText(old.text, fresh.text);
    if (!d) {
      fresh.ranges = ranges;
      return;
    }
    const delta = d.newEnd - d.oldEnd;
    for (const [key, r] of ranges) {
      const ls = Math.floor(key / RANGE_KEY_BASE);
      const le = key - ls * RANGE_KEY_BASE;
      let s: number;
      if (le < d.start) s = ls;
      else if (ls > d.oldEnd) s = ls + delta;
      else {
        this.cachedRanges--;
        continue;
      }
      const e = s + (le - ls);
      if (this.covers(r, at + s, at + e)) {
        (fresh.ranges ??= new Map()).set(rangeKey(s, e), r);
      } else this.cachedRanges--;
    }
  }

  /** Forget everything and re-read the whole root on the next refresh(). */
  invalidate(): void {
    this.fullDirty = true;
  }

  disconnect(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.pending = [];
  }

  private locate(g: number): [number, number] {
    const u = Math.max(0, upperBound(this.unitStarts, g) - 1);
    return [u, g - this.unitStarts[u]!];
  }

  private rawBefore(g: number): RawPoint {
    const total = this._length;
    if (this.lineUnits.length === 0) return { node: this.root, offset: 0 };
    if (g >= total) return this.rawAfter(total);
    const [ui, l] = this.locate(g);
    const u = this.lineUnits[ui]!;
    if (l < u.text.length) return unitBefore(u, l);
    return u.end ?? u.first ?? { node: this.root, offset: 0 };
  }

  private rawAfter(g: number): RawPoint {
    if (this.lineUnits.length === 0) return { node: this.root, offset: 0 };
    if (g <= 0) return this.rawBefore(0);
    const [ui, l] = this.locate(g - 1);
    const u = this.lineUnits[ui]!;
    if (l < u.text.length) return unitAfter(u, l);
    const next = this.lineUnits[ui + 1];
    return (next ? next.first : u.end) ?? { node: this.root, offset: 0 };
  }

  /**
   * The DOM position for a text offset. `forward` (default) gives the position before the char at
   * `offset` (start of the next line at a line start), `backward` the position after the char before it.
   */
  pointAt(offset: number, affinity: 'forward' | 'backward' = 'forward'): DomPoint {
    const total = this._length;
    const g = Math.max(0, Math.min(offset, total));
    if (affinity === 'backward' || g >= total) return resolve(this.rawAfter(g));
    return resolve(this.rawBefore(g));
  }

  /** A live DOM Range for [start, end) of the text, or null when out of bounds. */
  rangeFor(start: number, end: number): Range | null {
    const total = this._length;
    if (!(start >= 0 && end >= start && end <= total)) return null;
    const range = this.root.ownerDocument.createRange();
    try {
      const a = this.pointAt(start, 'forward');
      if (start === end) {
        range.setStart(a.node, a.offset);
        range.collapse(true);
        return range;
      }
      const b = this.pointAt(end, 'backward');
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
    } catch {
      return null;
    }
    return range;
  }

  /**
   * Like rangeFor, but returns the same live Range again for an issue whose paragraph was not re-read
   * since (its DOM is untouched, so the Range still covers the same characters). Redrawing a long
   * document after a keystroke then creates ranges only for the edited paragraph.
   */
  cachedRangeFor(start: number, end: number): Range | null {
    const total = this._length;
    if (!(start >= 0 && end >= start && end <= total) || this.lineUnits.length === 0) return this.rangeFor(start, end);
    const [ui, ls] = this.locate(start);
    const u = this.lineUnits[ui]!;
    const le = end - this.unitStarts[ui]!;
    if (le > u.text.length || ls >= u.text.length) {
      // Across paragraphs (a repeated passage): the same Range again while its ends are where the text's
      // offsets put them now; a new Range each time changed the highlights after every keystroke and check,
      // and Chromium then repaints and commits the whole editor (≈ 30–50 ms a frame at 1 MB).
      const key = `${start},${end}`;
      const had = this.spanning.get(key);
      if (had && this.covers(had, start, end)) return had;
      const r = this.rangeFor(start, end);
      if (r) this.spanning.set(key, r);
      else this.spanning.delete(key);
      return r;
    }
    const key = rangeKey(ls, le);
    const cached = u.ranges?.get(key);
    if (cached && (cached.collapsed ? start === end : start !== end)) {
      const home = u.nodes.length === 1 ? u.nodes[0]! : null;
      if (home ? home.contains(cached.startContainer) && home.contains(cached.endContainer) : cached.startContainer !== this.root) {
        return cached;
      }
    }
    const r = this.rangeFor(start, end);
    if (r) {
      (u.ranges ??= new Map()).set(key, r);
      this.cachedRanges++;
    }
    return r;
  }

  /**
   * Forget cached ranges not in `keep` (call after a redraw so the cache does not grow). Cheap when
   * the cache is small compared to what is kept: it only sweeps once it has doubled.
   */
  pruneRanges(keep: Set<AbstractRange>): void {
    if (this.spanning.size > 16) for (const [k, r] of this.spanning) if (!keep.has(r)) this.spanning.delete(k);
    if (this.cachedRanges <= keep.size * 2 + 64) return;
    let n = 0;
    for (const u of this.lineUnits) {
      if (!u.ranges) continue;
      for (const [k, r] of u.ranges) {
        if (!keep.has(r)) u.ranges.delete(k);
        else n++;
      }
    }
    this.cachedRanges = n;
  }

  /** The text offset of a DOM position inside the root, or null when it is outside. */
  offsetAt(node: Node, offset: number): number | null {
    const root = this.root;
    if (node !== root && !root.contains(node)) return null;
    if (this.lineUnits.length === 0) return 0;
    if (node.nodeType === 3) {
      let top: Node | null = node;
      while (top && top.parentNode !== root) top = top.parentNode;
      const u = top ? this.unitOf.get(top) : undefined;
      const idx = u?.textIndex.get(node);
      if (u && idx !== undefined) {
        const ui = this.lineIndexOf(u);
        if (ui >= 0) {
          let s = idx;
          while (s + 1 < u.starts.length && u.segNodes[s + 1] === node && u.segOffs[s + 1]! <= offset) s++;
          const local = u.starts[s]! + Math.max(0, Math.min(offset - u.segOffs[s]!, segEnd(u, s) - u.starts[s]!));
          return this.unitStarts[ui]! + local;
        }
      }
    }
    return this.offsetByCompare(node, offset);
  }

  private offsetByCompare(node: Node, offset: number): number | null {
    const range = this.root.ownerDocument.createRange();
    try {
      range.setStart(node, offset);
    } catch {
      return null;
    }
    /** ≤ 0 when the stored point lies at or before (node, offset). */
    const cmp = (p: RawPoint): number => {
      const d = resolve(p);
      return -range.comparePoint(d.node, d.offset);
    };
    try {
      // The last unit whose first line starts at or before the point.
      let lo = 0;
      let hi = this.lineUnits.length - 1;
      let ui = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const first = this.lineUnits[mid]!.first;
        if (first && cmp(first) >= 0) {
          ui = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (ui < 0) return 0;
      const u = this.lineUnits[ui]!;
      const base = this.unitStarts[ui]!;
      // The last segment whose start lies at or before the point.
      lo = 0;
      hi = u.starts.length - 1;
      let s = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (cmp(unitBefore(u, u.starts[mid]!)) >= 0) {
          s = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (s < 0) return base;
      const kind = u.kinds[s]!;
      const start = u.starts[s]!;
      const end = segEnd(u, s);
      if (kind === Kind.Text) return base + end;
      const after = unitAfter(u, start);
      return base + (cmp(after) >= 0 ? end : start);
    } catch {
      return null;
    }
  }

  /** The selection as text offsets, or null when it is not inside the root. */
  selectionOffsets(selection?: Selection | null): SelectionOffsets | null {
    const doc = this.root.ownerDocument;
    const sel = selection ?? doc.getSelection();
    if (!sel || sel.rangeCount === 0) return null;
    let anchorNode = sel.anchorNode;
    let anchorOffset = sel.anchorOffset;
    let focusNode = sel.focusNode;
    let focusOffset = sel.focusOffset;
    const rootNode = this.root.getRootNode();
    const composed = (sel as Selection & { getComposedRanges?: (o: unknown) => StaticRange[] }).getComposedRanges;
    if (rootNode !== doc && typeof composed === 'function') {
      const r = composed.call(sel, { shadowRoots: [rootNode] })[0];
      if (!r) return null;
      const backward = sel.direction === 'backward';
      anchorNode = backward ? r.endContainer : r.startContainer;
      anchorOffset = backward ? r.endOffset : r.startOffset;
      focusNode = backward ? r.startContainer : r.endContainer;
      focusOffset = backward ? r.startOffset : r.endOffset;
    }
    if (!anchorNode || !focusNode) return null;
    this.refresh();
    const anchor = this.offsetAt(anchorNode, anchorOffset);
    const focus = this.offsetAt(focusNode, focusOffset);
    if (anchor === null || focus === null) return null;
    return { anchor, focus, start: Math.min(anchor, focus), end: Math.max(anchor, focus), collapsed: anchor === focus };
  }

  /** Put the selection (caret when end is omitted) at text offsets. */
  select(start: number, end: number = start): boolean {
    this.refresh();
    const range = this.rangeFor(Math.min(start, end), Math.max(start, end));
    if (!range) return false;
    const sel = this.root.ownerDocument.getSelection();
    if (!sel) return false;
    sel.removeAllRanges();
    sel.addRange(range);
    return true;
  }
}

/** Read a root once (no observer). */
export function readText(root: HTMLElement): string {
  const m = new TextModel(root, { observe: false });
  return m.cachedText;
}
