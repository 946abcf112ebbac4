import { atBatchLine, withLineBatch } from './batch';
import { mayBeHeading, parseHeading, withParsedHeadings, type ParsedHeading } from './headings';
import { keepShape } from './keep-shape';
import { commonEnds, forEachLine } from './paragraphs';
import type { DocumentRule, DocumentView, Paragraph, ParagraphRule, Report, Rule, RuleMeta } from './rule';
import { simplifiedView, type SimplifiedView } from './script';
import { splitsSurrogate } from './text';
import type { AnalysisResult, AnalyzeOptions, Issue, OutlineEntry, Severity } from './types';

/**
 * The analyzer keeps the document as a list of lines between calls. After an edit only the lines between
 * the unchanged front and back of the text are split and looked up again (their checks are cached by
 * line text), and only they are touched:
 * - every issue is stored with the line where it starts, at offsets relative to the line, so the lines
 *   after an edit move by arithmetic at read time (below), never by rebuilding their issues;
 * - line offsets are kept in a gap buffer: lines before the gap hold their absolute start, lines after it
 *   their start relative to the end of the text, so an edit shifts every later line for free; the gap
 *   moves to the edit (cost: the lines between two consecutive edits);
 * - document rules with an `incremental` part keep summaries updated by the changed lines alone and
 *   re-run combine only over the lines an edit can affect (rule.ts); the others run over the document.
 * `analyze` still returns every issue (an array, for the CLI, eval and the side panel); `update` + the
 * returned view let a consumer read the count, a range or an iteration without materialising them all.
 */

/**
 * What the issues of one rule with one message, severity and fixes have in common: made once per analyzer
 * (KindTable) and shared by them (a long document holds thousands of half-width marks with the same fix).
 */
interface IssueKind {
  meta: RuleMeta;
  /** Index of the rule in the analyzer's rule list (tie-break of the sort, and which rule stored it). */
  rank: number;
  replacements: string[];
  message: string;
  severity: Severity;
}

/**
 * An issue stored with a line, offsets relative to the line's start (it may end in a later line): its kind
 * and its range, three fields where seven were kept per issue (1,000,000 characters hold ~17,000 issues).
 */
class LocalIssue {
  constructor(
    readonly kind: IssueKind,
    readonly start: number,
    readonly end: number,
  ) {}
  get meta(): RuleMeta {
    return this.kind.meta;
  }
  get rank(): number {
    return this.kind.rank;
  }
  get replacements(): string[] {
    return this.kind.replacements;
  }
  get message(): string {
    return this.kind.message;
  }
  get severity(): Severity {
    return this.kind.severity;
  }
}

interface ParagraphEntry {
  /** Paragraph rules' issues, sorted and without duplicates. */
  issues: LocalIssue[];
  /** One slot per document rule, in rule order. */
  collected: unknown[];
  heading: ParsedHeading | null;
  /** Eviction stamp. */
  generation: number;
}

/** Shared by the lines of one analyzer: the current text length and line count, for lines after the gap. */
interface Store {
  length: number;
  count: number;
}

const NO_ISSUES: LocalIssue[] = [];
/** The fixes of an issue that offers none (shared, frozen like the single-fix lists). */
const NO_FIXES: string[] = Object.freeze([]) as unknown as string[];
/** Cache value of a line text while its batch is being checked (never read as a result). */
const PENDING: ParagraphEntry = { issues: NO_ISSUES, collected: [], heading: null, generation: -1 };

/** A line of the current document (what document rules see as a Paragraph). */
class Line implements Paragraph {
  /** Document rules' issues that start in this line, or null. */
  docIssues: LocalIssue[] | null = null;
  /** Paragraph and document issues of the line, sorted and deduplicated. */
  merged: LocalIssue[];
  /** Last update that touched docIssues (to collect the lines to merge again). */
  dirty = 0;
  /** Stamp of the combine run that wants this line's reports (a rule's scattered `{ lines }`). */
  wanted = 0;
  /** Index in the document (before the gap) or index minus the line count (after it); set when placed. */
  ix = 0;
  constructor(
    readonly text: string,
    readonly lineBreak: Paragraph['lineBreak'],
    /** Absolute start (before the gap) or start minus the text length (after it). */
    public off: number,
    public afterGap: boolean,
    public entry: ParagraphEntry,
    readonly store: Store,
  ) {
    this.merged = entry.issues;
  }
  get start(): number {
    return this.afterGap ? this.off + this.store.length : this.off;
  }
  get end(): number {
    return this.start + this.text.length;
  }
  /**
   * Index of the line in the document (Paragraph.index): kept like `start`, so a document rule finds the
   * line of a Paragraph it stored without a binary search.
   */
  get index(): number {
    return this.afterGap ? this.ix + this.store.count : this.ix;
  }
}
// Lines are dropped with their analyzer (the bench, a closed tab): one kept instance holds the class's
// hidden class, so a major collection does not throw away the code compiled for it (keep-shape.ts).
keepShape(new Line('', '', 0, false, PENDING, { length: 0, count: 0 }));

/** Read access to the analysed document without materialising every issue. */
export interface AnalysisView {
  readonly text: string;
  readonly issueCount: number;
  readonly paragraphCount: number;
  /** Issues overlapping [start, end) (a zero-length issue counts when it lies in it), in document order. */
  issuesIn(start: number, end: number): Issue[];
  /** Every issue in document order, one object at a time. */
  [Symbol.iterator](): IterableIterator<Issue>;
  outline(): OutlineEntry[];
}

export interface Analyzer {
  analyze(text: string): AnalysisResult;
  /** Bring the analysis up to date with `text` and return a view of it (O(edit), nothing materialised). */
  update(text: string): AnalysisView;
  /** The view of the last update or analyze. */
  view(): AnalysisView;
  /** Forget every cached paragraph. */
  clear(): void;
  /** Number of paragraphs re-checked by the last analyze() (for tests and benchmarks). */
  readonly lastRecheckedParagraphs: number;
}

export interface AnalyzerConfig {
  rules: readonly Rule[];
  /** Called when a rule throws; the engine itself never throws. */
  onRuleError?: (ruleId: string, error: unknown) => void;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function isValidRange(text: string, start: number, end: number): boolean {
  return (
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    end >= start &&
    end <= text.length &&
    !splitsSurrogate(text, start) &&
    !splitsSurrogate(text, end)
  );
}

/**
 * One frozen list per single fix text, shared by every issue offering it (a long document holds thousands
 * of ["，"]); frozen so no consumer can change another issue's fix through it. Bounded.
 */
const singleFixes = new Map<string, string[]>();
function singleFix(r: string): string[] {
  let list = singleFixes.get(r);
  if (!list) {
    if (singleFixes.size >= 5_000) singleFixes.clear();
    list = Object.freeze([r]) as string[];
    singleFixes.set(r, list);
  }
  return list;
}

/** Is `r` the text it would replace, text[start, end)? (No slice: startsWith compares in place.) */
function isOriginal(text: string, start: number, end: number, r: string): boolean {
  return r.length === end - start && text.startsWith(r, start);
}

function cleanReplacements(text: string, start: number, end: number, replacements: readonly string[] | undefined): string[] {
  if (!replacements || replacements.length === 0) return NO_FIXES;
  // Most reports have one fix: no set, and an array of exactly one element (kept with the issue; an array
  // grown by push keeps room for seventeen).
  if (replacements.length === 1) {
    const r = replacements[0];
    if (typeof r !== 'string' || isOriginal(text, start, end, r)) return NO_FIXES;
    // A rule's own frozen one-fix list (made once, shared by its reports) is already what singleFix makes.
    return Object.isFrozen(replacements) ? (replacements as string[]) : singleFix(r);
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of replacements) {
    if (typeof r !== 'string' || isOriginal(text, start, end, r) || seen.has(r)) continue;
    seen.add(r);
    out.push(r);
  }
  return out.length === 0 ? NO_FIXES : out.slice();
}

function sameFixes(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

const compareLocal = (a: LocalIssue, b: LocalIssue) =>
  a.start - b.start || a.end - b.end || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.rank - b.rank;

/**
 * Sort a line's issues in place by compareLocal. A line holds a handful (rules report in order, one rule
 * after another): insertion sort, which allocates nothing, where Array.prototype.sort (TimSort) allocates
 * a work array on every call: 40 KB per analysis of the 10k bench document, one sort per line with issues.
 * Both are stable, so the order is the same.
 */
function sortLocal(list: LocalIssue[]): LocalIssue[] {
  if (list.length > 32) return list.sort(compareLocal);
  for (let i = 1; i < list.length; i++) {
    const x = list[i]!;
    let j = i - 1;
    while (j >= 0 && compareLocal(list[j]!, x) > 0) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = x;
  }
  return list;
}

/**
 * Where two reports cover the same range with the same fix, keep the first (the more severe, then the
 * earlier rule's: the list is sorted that way). Equal ranges always start in the same line, so this per
 * line is the same as over the document.
 */
function dedupe(issues: LocalIssue[]): LocalIssue[] {
  // Most lists hold no duplicate: until the first one, the kept issues are issues[0, i) and no list is made
  // (a new list per line with issues was garbage on every analysis: ~6,000 of them at 1,000,000 characters).
  let out: LocalIssue[] | null = null;
  let groupStart = 0; // index among the kept issues of the first one with the current range
  for (let i = 0; i < issues.length; i++) {
    const issue = issues[i]!;
    const kept = out ?? issues;
    const keptCount = out ? out.length : i;
    const last = keptCount > 0 ? kept[keptCount - 1]! : undefined;
    if (!last || last.start !== issue.start || last.end !== issue.end) groupStart = keptCount;
    let duplicate = false;
    for (let k = groupStart; k < keptCount && !duplicate; k++) {
      duplicate = kept[k]!.replacements[0] === issue.replacements[0];
    }
    if (duplicate) out ??= issues.slice(0, i);
    else if (out) out.push(issue);
  }
  return out ?? issues;
}

/** Merge two sorted lists. */
function mergeSorted(a: LocalIssue[], b: LocalIssue[]): LocalIssue[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: LocalIssue[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareLocal(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/**
 * The text of a line, text[start, end), as a flat string of its own. A V8 slice of 13 code units or more is
 * a SlicedString, a pointer into its parent: a line kept across edits would pin every version of the
 * document it came from, and every charCodeAt of every rule goes through the indirection (the rules over
 * the first seed's lines, fastest of 60 interleaved: 2.76 ms as slices, 2.19 as flat strings). slice, `+`
 * and String() do not copy; Array.prototype.join builds a new sequential string. A line that is the whole
 * text is the text itself.
 */
function lineCopy(text: string, start: number, end: number): string {
  if (end - start < 13 || end - start === text.length) return text.slice(start, end);
  const mid = (start + end) >> 1;
  return [text.slice(start, mid), text.slice(mid, end)].join('');
}

/** Index of the line of `lines` holding offset `at` (the last line starting at or before it). */
function lineIndexAt(lines: readonly Line[], at: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/*
 * Hot code lives in module-level functions and class methods here, not in closures made per analyzer or per
 * call. V8 keeps a function's optimized code for the closures made later from the same source only weakly
 * (in the feedback vector they share): when a major garbage collection finds no live closure holding it, it
 * drops it, and the next closures run unoptimized until V8 has compiled them again. Closures made per batch
 * (a report function per rule) or per analyzer therefore lost their optimized code at every major
 * collection between two analyses (--trace-opt: 10-16 functions compiled again after each). Module-level
 * functions and prototype methods live as long as the module and keep theirs.
 */

/**
 * One copy of each message text: rules build messages per report, and a long document repeats the same few
 * messages thousands of times (every half-width comma). Bounded, so odd input cannot grow it forever. One
 * per analyzer.
 */
class MessageTable {
  private readonly texts = new Map<string, string>();
  /** The last message interned: reports come in runs with one message (a rule's marks, line after line). */
  private last = '';
  private lastInterned = '';

  intern(message: string): string {
    // The same string object (or an equal one) as the last report's: no hash look-up.
    if (message === this.last) return this.lastInterned;
    this.last = message;
    this.lastInterned = this.internOf(message);
    return this.lastInterned;
  }

  private internOf(message: string): string {
    const known = this.texts.get(message);
    if (known !== undefined) return known;
    if (this.texts.size >= 20_000) this.texts.clear();
    this.texts.set(message, message);
    return message;
  }
}

/**
 * The issue kinds of one analyzer, by message (a message mostly belongs to one rule, severity and fix; the
 * few kinds that share one are told apart by a scan). The kind of the previous issue is tried first: issues
 * come in runs of one kind. Bounded like the message table (kinds held by issues stay with them).
 */
class KindTable {
  private readonly byMessage = new Map<string, IssueKind | IssueKind[]>();
  private last: IssueKind | null = null;

  constructor(private readonly messages: MessageTable) {}

  kind(meta: RuleMeta, rank: number, replacements: string[], rawMessage: string, severity: Severity): IssueKind {
    const message = this.messages.intern(rawMessage);
    const last = this.last;
    if (last !== null && last.message === message && matches(last, rank, replacements, severity)) return last;
    const known = this.byMessage.get(message);
    let found: IssueKind | null = null;
    if (known !== undefined) {
      if (!Array.isArray(known)) {
        if (matches(known, rank, replacements, severity)) found = known;
      } else {
        for (const k of known) if (matches(k, rank, replacements, severity)) found = k;
      }
    }
    if (found === null) {
      found = { meta, rank, replacements, message, severity };
      if (this.byMessage.size >= 20_000) this.byMessage.clear();
      const again = this.byMessage.get(message);
      if (again === undefined) this.byMessage.set(message, found);
      else if (Array.isArray(again)) again.push(found);
      else this.byMessage.set(message, [again, found]);
    }
    this.last = found;
    return found;
  }
}

/** Is `k` the kind of an issue of rule `rank` with these fixes and severity (its message already equal)? */
function matches(k: IssueKind, rank: number, replacements: readonly string[], severity: Severity): boolean {
  return k.rank === rank && k.severity === severity && sameFixes(k.replacements, replacements);
}

const NO_LISTS: (LocalIssue[] | undefined)[] = [];
const NO_LINES: Line[] = [];

/**
 * Where paragraph rules' reports go while an analyzer checks a batch of lines: the rule (meta, rank) and the
 * line being checked, set by the analyzer before each check (one per analyzer).
 */
class LineSink {
  /** Per line of the batch, its reports (made on the line's first report). */
  issuesOf: (LocalIssue[] | undefined)[] = NO_LISTS;
  k = 0;
  lineText = '';
  /** What the rule was given: the line, or its simplified view's text. */
  checked = '';
  view: SimplifiedView | null = null;
  meta: RuleMeta | null = null;
  rank = 0;
  /** The analyzer's longest issue so far, updated here and read back after the batch. */
  maxSpan = 0;

  constructor(readonly kinds: KindTable) {}

  take(raw: Report): void {
    // Each field read once: the reports of fourteen rules have as many shapes, so every read here is a
    // slow (megamorphic) property load, once per report — thousands in a pasted text.
    let r = raw;
    const view = this.view;
    if (view) {
      if (!isValidRange(this.checked, raw.start, raw.end)) return;
      r = view.mapReport(raw);
    }
    const start = r.start;
    const end = r.end;
    const lineText = this.lineText;
    if (!isValidRange(lineText, start, end)) return;
    const meta = this.meta!;
    const kind = this.kinds.kind(meta, this.rank, cleanReplacements(lineText, start, end, r.replacements), r.message, r.severity ?? meta.severity);
    (this.issuesOf[this.k] ??= []).push(new LocalIssue(kind, start, end));
    if (end - start > this.maxSpan) this.maxSpan = end - start;
  }

  /** Let go of the batch (nothing of it kept alive by the analyzer between calls). */
  release(): void {
    this.issuesOf = NO_LISTS;
    this.lineText = '';
    this.checked = '';
    this.view = null;
    this.meta = null;
  }
}

/** The sink of the batch being checked (checking is synchronous; a nested analysis restores the outer one). */
let activeLineSink: LineSink | null = null;
/** What every paragraph rule is given as `report`. */
function reportToLine(raw: Report): void {
  activeLineSink!.take(raw);
}

/**
 * Where a document rule's reports go during one combine run: the document, the lines [lo, hi) whose reports
 * are wanted (or the stamped ones), and the analyzer's dirty-line list (one per analyzer).
 */
class DocSink {
  text = '';
  lines: Line[] = NO_LINES;
  lo = 0;
  hi = 0;
  /** Line of the previous report: reports mostly come in document order. */
  hint = 0;
  /** Only lines stamped `stamp` (Line.wanted) take reports. */
  only = false;
  stamp = 0;
  d: DocRuleState | null = null;
  /** The analyzer's update number and dirty lines (Line.dirty stamps). */
  updates = 0;
  dirtyLines: Line[] = NO_LINES;
  maxSpan = 0;

  constructor(readonly kinds: KindTable) {}

  take(r: Report): void {
    const text = this.text;
    const lines = this.lines;
    if (!isValidRange(text, r.start, r.end) || r.start < this.lo || r.start >= this.hi) return;
    // Reports mostly come in document order: try the line of the previous one first.
    let k = this.hint;
    const hl = lines[k]!;
    if (!(hl.start <= r.start && (k + 1 >= lines.length || lines[k + 1]!.start > r.start))) k = lineIndexAt(lines, r.start);
    this.hint = k;
    const line = lines[k]!;
    if (this.only && line.wanted !== this.stamp) return;
    const d = this.d!;
    const meta = d.rule.meta;
    const base = line.start;
    const kind = this.kinds.kind(meta, d.rank, cleanReplacements(text, r.start, r.end, r.replacements), r.message, r.severity ?? meta.severity);
    const li = new LocalIssue(kind, r.start - base, r.end - base);
    if (r.end - r.start > this.maxSpan) this.maxSpan = r.end - r.start;
    (line.docIssues ??= []).push(li);
    d.anchors.add(line);
    if (line.dirty !== this.updates) {
      line.dirty = this.updates;
      this.dirtyLines.push(line);
    }
  }

  release(): void {
    this.text = '';
    this.lines = NO_LINES;
    this.d = null;
    this.dirtyLines = NO_LINES;
  }
}

let activeDocSink: DocSink | null = null;
/** What every document rule's combine is given as `report`. */
function reportToDocument(r: Report): void {
  activeDocSink!.take(r);
}

// One per analyzer, dropped with it: keep their hidden classes (keep-shape.ts).
keepShape(new LineSink(keepShape(new KindTable(keepShape(new MessageTable())))));
keepShape(new DocSink(new KindTable(new MessageTable())));
keepShape(new LocalIssue({ meta: { id: '', category: 'typo', severity: 'info', description: '', fixable: false }, rank: 0, replacements: NO_FIXES, message: '', severity: 'info' }, 0, 0));

/** The issue `li` of the line starting at `base`, as handed out. */
function materialiseIssue(text: string, li: LocalIssue, base: number): Issue {
  const start = base + li.start;
  const end = base + li.end;
  return {
    rule: li.meta.id,
    category: li.meta.category,
    severity: li.severity,
    start,
    end,
    text: text.slice(start, end),
    replacements: li.replacements,
    message: li.message,
  };
}

/** Every issue of the document, in order (`total`: their count, for the array's size). */
function allIssuesOf(text: string, lines: readonly Line[], total: number): Issue[] {
  const out: Issue[] = new Array(total);
  let k = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const merged = line.merged;
    if (merged.length === 0) continue;
    const base = line.start;
    for (let j = 0; j < merged.length; j++) out[k++] = materialiseIssue(text, merged[j]!, base);
  }
  out.length = k;
  return out;
}

function outlineOf(lines: readonly Line[]): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const h = line.entry.heading;
    if (h) {
      const base = line.start;
      out.push({ level: h.level, number: h.number, title: h.title, start: base + h.markerStart, end: base + h.end });
    }
  }
  return out;
}

/** Per document rule: its view (reused across calls), summary and where its reports are stored. */
interface DocRuleState {
  rule: DocumentRule<unknown, unknown>;
  rank: number;
  /** Slot in ParagraphEntry.collected. */
  slot: number;
  collected: unknown[];
  view: DocumentView<unknown, unknown>;
  /** Lines holding at least one of this rule's reports. */
  anchors: Set<Line>;
  /** The summary is not trustworthy (a throw in add/remove): rebuild it on the next update. */
  broken: boolean;
}

export function createAnalyzer(config: AnalyzerConfig): Analyzer {
  const paragraphRules: { rule: ParagraphRule; rank: number }[] = [];
  const documentRules: DocRuleState[] = [];
  config.rules.forEach((rule, rank) => {
    if (rule.scope === 'paragraph') paragraphRules.push({ rule, rank });
    else {
      const collected: unknown[] = [];
      documentRules.push({
        rule: rule as DocumentRule<unknown, unknown>,
        rank,
        slot: documentRules.length,
        collected,
        view: { text: '', paragraphs: [], collected, from: 0, to: 0, lines: null, summary: undefined },
        anchors: new Set(),
        broken: false,
      });
    }
  });
  const cache = new Map<string, ParagraphEntry>();
  const store: Store = { length: 0, count: 0 };
  let text = '';
  let lines: Line[] = [];
  let gap = 0;
  let started = false;
  let totalIssues = 0;
  /** Longest issue so far (characters): how far back issuesIn looks for issues reaching into a range. */
  let maxSpan = 0;
  let generation = 0;
  let rechecked = 0;
  let dirtyLines: Line[] = [];
  /** Numbers the updates (Line.dirty stamps). */
  let updates = 0;

  const guard = <T>(ruleId: string, fallback: T, fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      config.onRuleError?.(ruleId, error);
      return fallback;
    }
  };

  const kinds = new KindTable(new MessageTable());
  /** What the reports of a batch or a combine run are stored with (reporting.ts below: module-level sinks). */
  const lineSink = new LineSink(kinds);
  const docSink = new DocSink(kinds);

  /**
   * Check new lines, rule by rule over all of them rather than line by line: each rule's code and tables
   * stay hot in the processor's caches for the whole batch (measured on a 100,000-character document:
   * the rules' own time falls by about a quarter against line by line). Results are the same as checking
   * each line alone: rules see one line at a time.
   */
  function checkParagraphs(lineTexts: readonly string[]): ParagraphEntry[] {
    const n = lineTexts.length;
    // A line holding traditional characters is checked as simplified text (the rules' word lists and the
    // lexicon are simplified); reports are mapped back to the line and their fixes written back in its
    // script (script.ts). Depends on the line alone, so the cache by line text stays exact. Plain loops
    // with try/catch here and below, not guard(): a closure per line is garbage by the thousand.
    const views: ReturnType<typeof simplifiedView>[] = new Array(n);
    // Headings first: rules that parse the same line's heading (numbering, repeated passages, half-width
    // marks) get it from this batch instead of parsing it again (headings.ts, withParsedHeadings).
    const headings: (ParsedHeading | null)[] = new Array(n);
    const parsed = new Map<string, ParsedHeading | null>();
    for (let k = 0; k < n; k++) {
      const lineText = lineTexts[k]!;
      atBatchLine(k);
      try {
        views[k] = simplifiedView(lineText);
      } catch (error) {
        config.onRuleError?.('script', error);
        views[k] = null;
      }
      try {
        const heading = parseHeading(lineText);
        headings[k] = heading;
        if (mayBeHeading(lineText)) parsed.set(lineText, heading);
      } catch (error) {
        config.onRuleError?.('outline', error);
        headings[k] = null;
      }
    }
    return withParsedHeadings(parsed, () => checkLines(lineTexts, views, headings));
  }

  function checkLines(
    lineTexts: readonly string[],
    views: readonly ReturnType<typeof simplifiedView>[],
    headings: readonly (ParsedHeading | null)[],
  ): ParagraphEntry[] {
    const n = lineTexts.length;
    // Lists are made on a line's first report (most lines have none).
    const issuesOf: (LocalIssue[] | undefined)[] = new Array(n);
    // Every rule reports through one module-level function (reportToLine) to this analyzer's sink, which
    // knows the rule and the line being checked: no closure per rule and batch (see LineSink).
    const sink = lineSink;
    const outer = activeLineSink;
    activeLineSink = sink;
    sink.issuesOf = issuesOf;
    sink.maxSpan = maxSpan;
    try {
      for (const { rule, rank } of paragraphRules) {
        sink.meta = rule.meta;
        sink.rank = rank;
        for (let k = 0; k < n; k++) {
          const lineText = lineTexts[k]!;
          const view = views[k]!;
          const checked = view ? view.text : lineText;
          sink.k = k;
          sink.lineText = lineText;
          sink.view = view;
          sink.checked = checked;
          atBatchLine(k);
          try {
            rule.check(checked, reportToLine);
          } catch (error) {
            config.onRuleError?.(rule.meta.id, error);
          }
        }
      }
    } finally {
      activeLineSink = outer;
      maxSpan = sink.maxSpan;
      sink.release();
    }
    // Document rules get the simplified line too when it has the line's length (their offsets are used
    // against the document as written), unless they ask for the script as written (traditional-char).
    // Plain loops here and below, not map/forEach callbacks: a closure made per call loses its optimized code
    // at a major collection (see the comment above MessageTable).
    const collectedOf: unknown[][] = new Array(n);
    for (let k = 0; k < n; k++) collectedOf[k] = new Array<unknown>(documentRules.length);
    for (let d = 0; d < documentRules.length; d++) {
      const rule = documentRules[d]!.rule;
      for (let k = 0; k < n; k++) {
        const line = lineTexts[k]!;
        const v = views[k]!;
        const input = v !== null && v.text.length === line.length && !rule.meta.rawScript ? v.text : line;
        atBatchLine(k);
        try {
          collectedOf[k]![d] = rule.collect(input);
        } catch (error) {
          config.onRuleError?.(rule.meta.id, error);
        }
      }
    }
    const entries: ParagraphEntry[] = [];
    for (let k = 0; k < n; k++) {
      const issues = issuesOf[k];
      const heading = headings[k] ?? null;
      if (!issues) {
        entries.push({ issues: NO_ISSUES, collected: collectedOf[k]!, heading, generation });
        continue;
      }
      // Sorted and deduplicated once here: lines come out in document order without a global sort.
      sortLocal(issues);
      // An exact-length copy: the list is kept with the line (a pushed-to array keeps spare room).
      entries.push({ issues: dedupe(issues).slice(), collected: collectedOf[k]!, heading, generation });
    }
    return entries;
  }

  /** The cached checks of these lines, checking (as one batch) those not seen before. */
  function entriesFor(lineTexts: readonly string[]): ParagraphEntry[] {
    const n = lineTexts.length;
    const entries: ParagraphEntry[] = new Array(n);
    const missing: string[] = [];
    // A text not cached yet is entered at once as PENDING (a text that occurs twice in the batch is checked
    // once): one look-up per line, and no set of the batch's texts beside the cache.
    for (let k = 0; k < n; k++) {
      const t = lineTexts[k]!;
      const entry = cache.get(t);
      if (entry !== undefined) entries[k] = entry;
      else {
        cache.set(t, PENDING);
        missing.push(t);
      }
    }
    if (missing.length) {
      let checked: ParagraphEntry[];
      try {
        // One batch (batch.ts): per-line scans that several rules need are made once for these lines.
        checked = withLineBatch(missing, () => checkParagraphs(missing));
      } catch (error) {
        for (const t of missing) cache.delete(t);
        throw error;
      }
      for (let k = 0; k < missing.length; k++) cache.set(missing[k]!, checked[k]!);
      rechecked += missing.length;
      // The lines not found are `missing` in order: their entries without another look-up. A text that
      // occurred earlier in the batch found PENDING and looks its entry up now.
      for (let k = 0, m = 0; k < n; k++) {
        const entry = entries[k];
        if (entry === undefined) entries[k] = checked[m++]!;
        else if (entry === PENDING) entries[k] = cache.get(lineTexts[k]!)!;
      }
    }
    return entries;
  }

  function evict(): void {
    // Keep entries from earlier runs while the cache is small: undo/redo often brings them back. The sweep
    // is O(cache) but runs once per ~(lines + 2000) new entries.
    if (cache.size <= lines.length * 2 + 2000) return;
    generation++;
    for (const line of lines) line.entry.generation = generation;
    for (const [key, entry] of cache) if (entry.generation !== generation) cache.delete(key);
  }

  /** Lines [0, g) get absolute offsets, the rest offsets relative to the end. */
  function moveGap(g: number): void {
    const length = store.length;
    const count = store.count;
    for (; gap < g; gap++) {
      const line = lines[gap]!;
      line.off += length;
      line.ix += count;
      line.afterGap = false;
    }
    for (; gap > g; gap--) {
      const line = lines[gap - 1]!;
      line.off -= length;
      line.ix -= count;
      line.afterGap = true;
    }
  }

  /** Index of the line holding offset `at` (the last line starting at or before it). */
  function lineAt(at: number): number {
    return lineIndexAt(lines, at);
  }

  function splitLines(from: number, to: number): Line[] {
    const texts: string[] = [];
    const breaks: Paragraph['lineBreak'][] = [];
    const starts: number[] = [];
    forEachLine(text, from, to, (start, end, lineBreak) => {
      texts.push(lineCopy(text, start, end));
      breaks.push(lineBreak);
      starts.push(start);
    });
    const entries = entriesFor(texts);
    // Pushed, so the list stays packed (it becomes the document's line list).
    const out: Line[] = [];
    for (let k = 0; k < texts.length; k++) out.push(new Line(texts[k]!, breaks[k]!, starts[k]!, false, entries[k]!, store));
    return out;
  }

  function markDirty(line: Line): void {
    if (line.dirty !== updates) {
      line.dirty = updates;
      dirtyLines.push(line);
    }
  }

  /** Drop rule `d`'s reports from line `line`. */
  function clearLine(d: DocRuleState, line: Line): void {
    const own = line.docIssues;
    if (!d.anchors.delete(line) || !own) return;
    const kept = own.filter((li) => li.rank !== d.rank);
    line.docIssues = kept.length ? kept : null;
    markDirty(line);
  }

  /** Drop rule `d`'s reports from lines [a, b) (all of them when a = 0, b = lines.length). */
  function clearReports(d: DocRuleState, a: number, b: number): void {
    if (a === 0 && b === lines.length) for (const line of [...d.anchors]) clearLine(d, line);
    else for (let i = a; i < b; i++) clearLine(d, lines[i]!);
  }

  /** Rule `d`'s reports of a replaced line, kept by the line that replaces it (relative offsets: shared). */
  function carryReports(d: DocRuleState, from: Line, into: Line): void {
    const own = from.docIssues;
    if (!own) return;
    for (const li of own) {
      if (li.rank !== d.rank) continue;
      (into.docIssues ??= []).push(li);
      d.anchors.add(into);
      markDirty(into);
    }
  }

  /** Stamps Line.wanted: one per combine run over scattered lines. */
  let wantedRuns = 0;

  /**
   * Run rule `d`'s combine over lines [a, b) (its view's from/to), or over the ascending line indices
   * `only` (its view's lines), and store what starts in them.
   */
  function runCombine(d: DocRuleState, a: number, b: number, only: readonly number[] | null = null): void {
    const { rule, view } = d;
    view.text = text;
    view.paragraphs = lines;
    view.from = a;
    view.to = b;
    view.lines = only;
    const stamp = only ? ++wantedRuns : 0;
    if (only) for (const i of only) lines[i]!.wanted = stamp;
    // The rule reports through one module-level function (reportToDocument) to this analyzer's sink: no
    // closure per run (see DocSink).
    const sink = docSink;
    sink.text = text;
    sink.lines = lines;
    sink.lo = a < lines.length ? lines[a]!.start : text.length + 1;
    sink.hi = b < lines.length ? lines[b]!.start : text.length + 1;
    sink.hint = a;
    sink.only = only !== null;
    sink.stamp = stamp;
    sink.d = d;
    sink.updates = updates;
    sink.dirtyLines = dirtyLines;
    sink.maxSpan = maxSpan;
    const outer = activeDocSink;
    activeDocSink = sink;
    try {
      rule.combine(view, reportToDocument);
    } catch (error) {
      config.onRuleError?.(rule.meta.id, error);
    } finally {
      activeDocSink = outer;
      maxSpan = sink.maxSpan;
      sink.release();
    }
    view.lines = null;
  }

  function rebuildSummary(d: DocRuleState): void {
    const inc = d.rule.incremental!;
    d.broken = false;
    d.view.summary = guard(d.rule.meta.id, undefined, () => inc.summary());
    d.collected.forEach((c, i) => addToSummary(d, c, lines[i]!));
  }

  function addToSummary(d: DocRuleState, c: unknown, line: Line): void {
    try {
      d.rule.incremental!.add(d.view.summary, c, line);
    } catch (error) {
      d.broken = true;
      config.onRuleError?.(d.rule.meta.id, error);
    }
  }

  function removeFromSummary(d: DocRuleState, c: unknown, line: Line): void {
    try {
      d.rule.incremental!.remove(d.view.summary, c, line);
    } catch (error) {
      d.broken = true;
      config.onRuleError?.(d.rule.meta.id, error);
    }
  }

  /** Replace lines [from, from + removedCount) by `added`; returns the removed lines. */
  function spliceLines(from: number, removedCount: number, added: Line[]): Line[] {
    if (added.length < 8192) return lines.splice(from, removedCount, ...added);
    const removed = lines.slice(from, from + removedCount);
    lines = lines.slice(0, from).concat(added, lines.slice(from + removedCount));
    return removed;
  }

  function spliceArray<T>(array: T[], from: number, removedCount: number, added: T[]): T[] {
    if (added.length < 8192) return array.splice(from, removedCount, ...added);
    const removed = array.slice(from, from + removedCount);
    const rest = array.slice(from + removedCount);
    array.length = from;
    for (const x of added) array.push(x);
    for (const x of rest) array.push(x);
    return removed;
  }

  function update(input: string): AnalysisView {
    const next = typeof input === 'string' ? input : String(input ?? '');
    rechecked = 0;
    dirtyLines = [];
    updates++;
    const first = !started;
    let head = 0;
    let added: Line[];
    let removed: Line[] = [];
    if (first) {
      started = true;
      text = next;
      store.length = next.length;
      added = splitLines(0, next.length);
      lines = added;
      gap = lines.length;
      for (let k = 0; k < added.length; k++) added[k]!.ix = k;
      store.count = lines.length;
    } else {
      const old = text;
      const oldCount = lines.length;
      const delta = next.length - old.length;
      const { prefix, suffix } = commonEnds(old, next);
      // A line is kept at the front when it and its break lie in the common prefix (a lone \r at the very
      // edge could have become the first half of a \r\n), at the back when it and the break before it lie
      // in the common suffix. Both by binary search: line offsets are sorted.
      let lo = 0;
      let hi = oldCount - 1; // the last line has no break: never kept at the front
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const l = lines[mid]!;
        if (l.end + l.lineBreak.length <= prefix) lo = mid + 1;
        else hi = mid;
      }
      head = lo;
      if (head > 0) {
        const l = lines[head - 1]!;
        if (l.lineBreak === '\r' && l.end + 1 === prefix) head--;
      }
      const suffixStart = old.length - suffix;
      lo = head;
      hi = oldCount;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (lines[mid]!.start > suffixStart) hi = mid;
        else lo = mid + 1;
      }
      const tail = oldCount - lo;
      const headEnd = head > 0 ? lines[head - 1]!.end + lines[head - 1]!.lineBreak.length : 0;
      const middleEnd = tail > 0 ? lines[oldCount - tail]!.start + delta : next.length;
      moveGap(head);
      text = next;
      store.length = next.length;
      added = middleEnd > headEnd || tail === 0 ? splitLines(headEnd, middleEnd) : [];
      removed = spliceLines(head, oldCount - tail - head, added);
      gap = head + added.length;
      // The new lines sit before the gap (absolute index); the lines after it keep theirs relative to the end.
      for (let k = 0; k < added.length; k++) added[k]!.ix = head + k;
      store.count = lines.length;
    }

    // Indexed loops in this function: its for-of loops were not optimised away and allocated an iterator
    // result per line (~70 KB per full analysis of 100,000 characters).
    for (let k = 0; k < removed.length; k++) {
      const line = removed[k]!;
      totalIssues -= line.merged.length;
      if (line.docIssues) for (let r = 0; r < documentRules.length; r++) documentRules[r]!.anchors.delete(line);
    }
    for (let k = 0; k < added.length; k++) totalIssues += added[k]!.merged.length;

    for (let r = 0; r < documentRules.length; r++) {
      const d = documentRules[r]!;
      const slot = d.slot;
      // Plain loops and try/catch below rather than map/forEach/guard: per document rule and edit, every
      // closure is garbage (seven rules, every keystroke).
      const incoming: unknown[] = new Array(added.length);
      for (let k = 0; k < added.length; k++) incoming[k] = added[k]!.entry.collected[slot];
      const outgoing = first ? [] : spliceArray(d.collected, head, removed.length, incoming);
      if (first) {
        // The list itself, not a copy pushed element by element (at 1,000,000 characters the copies and their
        // growth were 1.6 MB of garbage per full analysis across the document rules).
        d.collected = incoming;
        d.view.collected = incoming;
      }
      d.view.text = text;
      d.view.paragraphs = lines;
      let range: readonly [number, number] | { lines: readonly number[] } | { carry: true } | null = null;
      const inc = d.rule.incremental;
      if (inc) {
        if (first || d.broken) rebuildSummary(d);
        else {
          for (let k = 0; k < outgoing.length; k++) removeFromSummary(d, outgoing[k], removed[k]!);
          for (let k = 0; k < incoming.length; k++) addToSummary(d, incoming[k], added[k]!);
        }
        if (!first && !d.broken) {
          d.view.from = 0;
          d.view.to = lines.length;
          try {
            range = inc.affected(d.view, head, head + added.length, outgoing);
          } catch (error) {
            config.onRuleError?.(d.rule.meta.id, error);
            range = null;
          }
        }
        if (d.broken) rebuildSummary(d);
      }
      if (range !== null && 'carry' in range && range.carry === true && removed.length === added.length) {
        for (let k = 0; k < removed.length; k++) carryReports(d, removed[k]!, added[k]!);
      } else if (range === null || 'carry' in range) {
        clearReports(d, 0, lines.length);
        runCombine(d, 0, lines.length);
      } else if ('lines' in range) {
        const only = range.lines.filter((i, k, all) => Number.isInteger(i) && i >= 0 && i < lines.length && (k === 0 || i > all[k - 1]!));
        if (only.length === range.lines.length && only.length > 0) {
          for (const i of only) clearLine(d, lines[i]!);
          runCombine(d, only[0]!, only[only.length - 1]! + 1, only);
        } else if (only.length !== range.lines.length) {
          // Not ascending or out of range: the rule's bookkeeping is off, so trust none of it.
          clearReports(d, 0, lines.length);
          runCombine(d, 0, lines.length);
        }
      } else {
        const a = Math.max(0, Math.min(range[0], lines.length));
        const b = Math.max(a, Math.min(range[1], lines.length));
        if (a < b) {
          clearReports(d, a, b);
          runCombine(d, a, b);
        }
      }
    }

    for (let k = 0; k < dirtyLines.length; k++) {
      const line = dirtyLines[k]!;
      const own = line.docIssues;
      // Never the docIssues array itself: later runs push into it, and merged must stay as counted.
      const merged = own ? dedupe(mergeSorted(line.entry.issues, sortLocal(own).slice())) : line.entry.issues;
      totalIssues += merged.length - line.merged.length;
      line.merged = merged;
    }
    dirtyLines = [];
    evict();
    return view;
  }

  function materialise(line: Line, li: LocalIssue, base: number): Issue {
    return materialiseIssue(text, li, base);
  }

  function* iterate(): IterableIterator<Issue> {
    for (const line of lines) {
      const merged = line.merged;
      if (merged.length === 0) continue;
      const base = line.start;
      for (const li of merged) yield materialise(line, li, base);
    }
  }

  function allIssues(): Issue[] {
    return allIssuesOf(text, lines, totalIssues);
  }

  function issuesIn(start: number, end: number): Issue[] {
    const out: Issue[] = [];
    if (lines.length === 0) return out;
    for (let i = lineAt(Math.max(0, start - maxSpan)); i < lines.length; i++) {
      const line = lines[i]!;
      const base = line.start;
      if (base > end || (base === end && end > start)) break;
      for (const li of line.merged) {
        const s = base + li.start;
        const e = base + li.end;
        if (s === e ? s >= start && (s < end || (s === end && start === end)) : s < end && e > start) out.push(materialise(line, li, base));
      }
    }
    return out;
  }

  function outline(): OutlineEntry[] {
    return outlineOf(lines);
  }

  const view = new LiveView({ text: () => text, issueCount: () => totalIssues, paragraphCount: () => lines.length }, issuesIn, iterate, outline);

  return new AnalyzerHandle(
    (input: string): AnalysisResult => {
      update(input);
      return { issues: allIssues(), outline: outline() };
    },
    update,
    () => view,
    () => {
      cache.clear();
      started = false;
      text = '';
      lines = [];
      gap = 0;
      store.length = 0;
      store.count = 0;
      totalIssues = 0;
      for (const d of documentRules) {
        d.anchors.clear();
        d.collected.length = 0;
        d.broken = false;
      }
    },
    () => rechecked,
  );
}

/*
 * The view and the analyzer are class instances (getters on the prototype), never object literals with
 * `get` accessors: a literal's accessors are fresh closures per analyzer, so V8 gives every such object a
 * hidden class of its own, hung as a transition off the literal's map. Scavenges keep those transitions
 * (only a full collection clears them), and through the getters' closures they kept each analyzer's whole
 * state (paragraph cache, lines, issues) alive: measured on the largest seed, every scavenge copied
 * ~10 MB (5 MB survived, 5 MB promoted), pauses of 10-30 ms every ~20 full analyses, even with no rules.
 */

interface ViewSource {
  text(): string;
  issueCount(): number;
  paragraphCount(): number;
}

class LiveView implements AnalysisView {
  readonly [Symbol.iterator]!: () => IterableIterator<Issue>;
  constructor(
    private readonly source: ViewSource,
    readonly issuesIn: (start: number, end: number) => Issue[],
    iterate: () => IterableIterator<Issue>,
    readonly outline: () => OutlineEntry[],
  ) {
    this[Symbol.iterator] = iterate;
  }
  get text(): string {
    return this.source.text();
  }
  get issueCount(): number {
    return this.source.issueCount();
  }
  get paragraphCount(): number {
    return this.source.paragraphCount();
  }
}

class AnalyzerHandle implements Analyzer {
  constructor(
    readonly analyze: (text: string) => AnalysisResult,
    readonly update: (text: string) => AnalysisView,
    readonly view: () => AnalysisView,
    readonly clear: () => void,
    private readonly recheckedCount: () => number,
  ) {}
  get lastRecheckedParagraphs(): number {
    return this.recheckedCount();
  }
}

/** Drop issues the user's options switch off or accept (dictionary words). */
export function filterByOptions(issues: Issue[], options: AnalyzeOptions | undefined): Issue[] {
  const dictionary = options?.dictionary;
  if (!dictionary || dictionary.length === 0) return issues;
  const words = new Set(dictionary);
  return issues.filter((i) => !words.has(i.text));
}
