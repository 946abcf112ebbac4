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
  /** A re-read unit not yet spliced into `_text`: its start there and the length it had there. */
  private patch: { unit: Unit; at: number; oldLength: number } | null = null;
  /** What changed since the last takeEdit(), oldest first. */
  private edits: (UnitEdit | TextEdit)[] = [];
  private _version = 0;
  private cachedRanges = 0;
  /** Ranges handed out that span several units (long issues), by "start,end"; checked on every use. */
  private spanning = new Map<string, Range>();
  /** Number of units re-read by the last refresh() (for tests and benchmarks). */
  lastReadUnits = 0;

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

  /** `_text` with the pending paragraph spliced in. */
  private flush(): string {
    const p = this.patch;
    if (p) {
      this.patch = null;
      const prev = this._text;
      this._text = flatConcat(prev.slice(0, p.at), p.unit.text, prev.slice(p.at + p.oldLength));
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
    const root = this.root;
    const dirty = new Set<Node>();
    let structure = this.fullDirty;
    if (!structure) {
      for (const r of records) {
        if (r.target === root) {
          if (r.type === 'childList') structure = true;
          continue;
        }
        let n: Node | null = r.target;
        while (n && n.parentNode !== root) n = n.parentNode;
        if (n) dirty.add(n);
      }
    }
    const collapseCache = new Map<Element, boolean>();
    let read = 0;
    const build = (nodes: Node[]): Unit => {
      read++;
      const u = new UnitBuilder(root, collapseCache).build(nodes);
      for (const n of nodes) this.unitOf.set(n, u);
      return u;
    };
    if (!structure) {
      if (dirty.size === 0) return false;
      const todo = new Set<Unit>();
      for (const n of dirty) {
        const u = this.unitOf.get(n);
        if (!u || !this.units.includes(u)) {
          structure = true;
          break;
        }
        todo.add(u);
      }
      if (!structure) {
        // One unit re-read (a keystroke) that stays a line: the text is spliced and the later units'
        // starts moved, instead of joining every unit again (a 1 MB document: ≈ 10 ms per keystroke).
        if (todo.size === 1) {
          const old: Unit = todo.values().next().value!;
          const fresh = build(old.nodes);
          this.units[this.units.indexOf(old)] = fresh;
          const li = old.lines > 0 && fresh.lines > 0 ? this.lineUnits.indexOf(old) : -1;
          if (li >= 0) {
            this.fullDirty = false;
            this.lastReadUnits = read;
            this.lineUnits[li] = fresh;
            const at = this.unitStarts[li]!;
            const delta = fresh.text.length - old.text.length;
            if (delta) for (let k = li + 1; k < this.unitStarts.length; k++) this.unitStarts[k]! += delta;
            this._length += delta;
            // The text string is built when read (flush): typing on in the same paragraph only moves the
            // pending splice along; another paragraph builds the string for the first one.
            if (this.patch && this.patch.unit !== old) this.flush();
            this.patch = this.patch ? { ...this.patch, unit: fresh } : { unit: fresh, at, oldLength: old.text.length };
            const last = this.edits.at(-1);
            if (last && 'before' in last && last.at === at && last.after === old.text) last.after = fresh.text;
            else this.edits.push({ at, before: old.text, after: fresh.text });
            this.keepRanges(old, fresh, at);
            this._version++;
            return true;
          }
        } else {
          for (const u of todo) {
            const i = this.units.indexOf(u);
            this.units[i] = build(u.nodes);
          }
        }
      }
    }
    if (structure) {
      const full = this.fullDirty;
      const units: Unit[] = [];
      let run: Node[] = [];
      const flush = () => {
        if (!run.length) return;
        const cached = full ? undefined : this.unitOf.get(run[0]!);
        if (
          cached &&
          cached.nodes.length === run.length &&
          cached.nodes.every((n, i) => n === run[i] && !dirty.has(n))
        ) {
          units.push(cached);
        } else units.push(build(run));
        run = [];
      };
      for (let c = root.firstChild; c; c = c.nextSibling) {
        if (isBlockElement(c)) {
          flush();
          const cached = full ? undefined : this.unitOf.get(c);
          units.push(cached && cached.nodes.length === 1 && cached.nodes[0] === c && !dirty.has(c) ? cached : build([c]));
        } else run.push(c);
      }
      flush();
      this.units = units;
    }
    this.fullDirty = false;
    this.lastReadUnits = read;
    const lineUnits: Unit[] = [];
    const starts: number[] = [];
    let pos = 0;
    for (const u of this.units) {
      if (u.lines === 0) continue;
      if (lineUnits.length) pos++; // the "\n" between units
      lineUnits.push(u);
      starts.push(pos);
      pos += u.text.length;
    }
    this.lineUnits = lineUnits;
    this.unitStarts = starts;
    const text = lineUnits.length === 1 ? lineUnits[0]!.text : lineUnits.map((u) => u.text).join('\n');
    const before = this.flush();
    const changed = read > 0 || text !== before;
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
        const ui = this.lineUnits.indexOf(u);
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
