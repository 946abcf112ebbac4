/**
 * The checker the content script runs in a document: finds the editors (detect.ts), checks the focused
 * and visible ones with the engine after each pause in typing, draws the issues (surface.ts: CSS
 * highlights or the textarea mirror), keeps a counter badge per editor, opens the fix card on hover or
 * click, applies fixes, and answers the keyboard commands.
 *
 * DOM only: settings, the personal dictionary, storage and translations come in through
 * {@link CheckerHost}, so the extension's practice page (and tests) can run the same code. Every
 * listener, observer and timer ends with `lifetime.signal` (WXT's `ctx`).
 *
 * Scheduling, per editor:
 *   edit (input event; for rich editors the DOM mutation, which also catches the editor's own undo and
 *   re-rendering) → surface.noteEdit() at once (highlights shift, touched ones drop, no stale underline)
 *   → after `settings.debounceMs` of quiet (longer when this editor's checks are costly) → analyse, or
 *   for costly checks first wait for an idle period (scheduling.ts).
 *   A large change (first check, a big paste, other rules) is analysed in chunks (chunked.ts), each its
 *   own task; the engine data is warmed up one rule per task before the first non-empty check.
 *   The engine's update() keeps the analysis; a long document's surface holds only the issues in and
 *   around the part on screen (issue-window.ts), read again from the analyzer's view when the writer
 *   scrolls away from them (followView); the badge counts the whole document.
 */
import { createAnalyzer, filterByOptions, type Analyzer, type AnalysisView } from '../engine/analyzer';
import type { AnalysisResult, Issue } from '../engine/types';
import type { EditorCommand } from '../protocol';
import { rules as allRules } from '../rules';
import { analyzeOptions, checksSite, type Settings } from '../settings';
import { withGroupSeverity } from '../severity-override';
import { Badge } from './badge';
import { FixCard, LABELS, type CardCallbacks } from './card';
import { analyzeChunked, warmUpEngine, yieldTask } from './chunked';
import { answerCheckerPing, hasOwnChecker, targetFor, watchTargets, type EditableTarget } from './detect';
import { applyNotice, dictionaryNotice } from './fix-notices';
import type { EditHint } from './field-edit';
import { rectToTopViewport, toRect, type Rect } from './geometry';
import { WrongCharClient, withWrongChars, type AskWrongChars } from './lm-client';
import { shiftIssues } from './shift';
import { covers, issueWindow, windowIssues, WINDOW_ALL_CHARS, type Range } from './issue-window';
import { CheckSchedule, Timers } from './scheduling';
import { createSurface, type Surface } from './surface';
import { panelEditor, type PanelEditor, type PanelFeed } from './panel-feed';

/** What the checker needs from its owner; WXT's ContentScriptContext satisfies it. */
export interface Lifetime {
  readonly signal: AbortSignal;
  setTimeout(handler: () => void, timeout?: number): number;
}

export interface CheckerHost {
  /** This document's site key (lib/settings.ts siteKey). */
  readonly site: string;
  /** The current settings (the owner follows storage and calls `refresh()` after a change). */
  settings(): Settings;
  /** The personal dictionary (may take a message round trip the first time; never rejects). */
  dictionary(): Promise<readonly string[]>;
  /** Persist "ignore this rule on this site" (the checker already hid the rule's issues). */
  ignoreRule(rule: string): void;
  /**
   * Persist a dictionary word (the checker already hid the issues with that text). May resolve to the
   * background's DictionaryWriteResult: a failure is shown in the card (fix-notices.ts).
   */
  addToDictionary(word: string): void | Promise<unknown>;
  /** A translated UI string, or '' (then the built-in Chinese text is used). */
  t(key: string, substitutions?: string[]): string;
  /**
   * Tests and benchmarks only: let the badge host carry its count and visibility as attributes
   * (badge.ts). Off for users: the page must not read what the checker found.
   */
  readonly exposeState?: boolean;
  /**
   * The extension's own page (the practice page), where no page script can watch: the personal
   * dictionary applies in every editor at once. Elsewhere it applies only in editors the writer has
   * used (a trusted key, click or composition in them), so a page cannot plant words in an editor of
   * its own and read from the underlines which ones the writer's dictionary holds.
   */
  readonly trustedPage?: boolean;
  /** The side panel's feed (panel-feed.ts), told about an editor after each check and focus change. */
  panel?: PanelFeed;
  /** The wrong-character tier (lib/lm, in the background); absent: the rules alone (lm-client.ts). */
  checkWrongChars?: AskWrongChars;
  /**
   * Told of each editor taken on (the host runs the page-world undo bridge where one needs it). A promise
   * returned settles once the bridge is in place: a fix waits for it (at most {@link BRIDGE_WAIT_MS}), or
   * the editor's undo would merge the fix with what was typed before it.
   */
  onEditor?(target: EditableTarget): void | Promise<unknown>;
  /**
   * Switches the user set from the badge (remembered by the host; without them the badge has no menu):
   * a field (by {@link fieldKey}) or this whole site off, or on again (撤销).
   */
  switches?: {
    fieldOff(key: string): boolean;
    setFieldOff(key: string, off: boolean): void;
    siteOff(): boolean;
    setSiteOff(off: boolean): void;
  };
}

/**
 * A field's name that survives a reload: the page path and the nearest id or name (frames: the frame
 * element's), else its position among its siblings. Ids with long digit runs are generated (TinyMCE's
 * mce_0, CKEditor's cke_12) and skipped.
 */
export function fieldKey(el: Element): string {
  const parts: string[] = [];
  let e: Element | null = el;
  for (let depth = 0; e && depth < 8; depth++) {
    const id = e.id && !/\d{2,}|^mce_|^cke_/.test(e.id) ? e.id : '';
    const name = e.getAttribute('name');
    if (id) {
      parts.unshift(`#${id}`);
      break;
    }
    if (name) {
      parts.unshift(`${e.localName}[name=${name}]`);
      break;
    }
    const parent: Element | null = e.parentElement;
    const index = parent ? Array.from(parent.children).filter((c) => c.localName === e!.localName).indexOf(e) : 0;
    parts.unshift(`${e.localName}:${index}`);
    e = parent ?? (e.ownerDocument.defaultView?.frameElement ?? null);
  }
  let path = '';
  try {
    path = (el.ownerDocument.defaultView?.top ?? window).location.pathname;
  } catch {
    path = el.ownerDocument.location?.pathname ?? '';
  }
  return `${path} ${parts.join('>')}`;
}

export interface Checker {
  /** The settings, the personal dictionary or the badge switches changed: check every editor again. */
  refresh(what: 'settings' | 'dictionary' | 'switches'): void;
  /** A keyboard command; true when this document had the focused editor and acted. */
  command(command: EditorCommand): boolean;
}

/** Changes larger than this (characters) are analysed in chunks, one task each. */
const CHUNK_THRESHOLD = 6000;
/** Hover this long over an underline before the card opens (ms). */
const HOVER_OPEN_MS = 250;
/** A hover card closes this long after the pointer left the underline and the card (ms). */
const HOVER_CLOSE_MS = 400;

interface IgnoredIssue {
  rule: string;
  start: number;
  end: number;
}

/** One checked editor. */
class Editor {
  surface: Surface | null = null;
  badge: Badge | null = null;
  analyzer: Analyzer | null = null;
  analyzerKey = '';
  /** In or near the viewport (IntersectionObserver). */
  visible = false;
  /** The text of the last completed check; null = never checked (or everything must be redone). */
  checkedText: string | null = null;
  /** Characters the edits since the last check touched (decides whether to analyse in chunks). */
  changed = 0;
  /** The pending check (set by the checker once it has its timers). */
  schedule!: CheckSchedule;
  /** The offsets whose issues the surface holds (issue-window.ts), and how many issues lie outside. */
  window: Range = [0, 0];
  outside = 0;
  /** The options of the last check (to read another window of its issues when the view scrolls). */
  options: ReturnType<typeof analyzeOptions> | null = null;
  /** The running check (async: warm-up, dictionary, chunks), aborted by the next edit. */
  run: AbortController | null = null;
  applying = false;
  /** The page-world undo bridge's installation, when this editor asked for it (CheckerHost.onEditor). */
  bridge: Promise<unknown> | undefined = undefined;
  composing = false;
  /** "Ignore once": issues the user dismissed, kept in step with edits like the drawn ones. */
  ignored: IgnoredIssue[] = [];
  /** The writer used this editor (a trusted key, click or composition): the personal dictionary applies. */
  engaged = false;
  /** For the side panel: when the writer last focused it, the last check's outline, its panel view. */
  focusedAt = 0;
  outline: AnalysisResult['outline'] = [];
  panel: PanelEditor | null = null;

  /** The field's name for the badge's "本栏不检查" (fieldKey). */
  readonly key: string;

  constructor(readonly target: EditableTarget) {
    this.key = fieldKey(target.element);
  }

  get element(): HTMLElement {
    return this.target.element;
  }

  get doc(): Document {
    return this.target.element.ownerDocument;
  }
}

/** How long a fix waits for the page-world undo bridge (injected by the background: normally a few ms). */
const BRIDGE_WAIT_MS = 1000;

/** Wait until `promise` settles (fulfilled or not), at most `ms`; nothing to wait for: at once. */
async function settledWithin(promise: Promise<unknown> | undefined, ms: number): Promise<void> {
  if (!promise) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([promise.catch(() => {}), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/** The same finding (a re-check makes new issue objects for unchanged findings). */
function sameIssue(a: Issue | null | undefined, b: Issue | null | undefined): boolean {
  return !!a && !!b && (a === b || (a.start === b.start && a.end === b.end && a.rule === b.rule && a.text === b.text));
}

/** The focused element, looking into open shadow roots. */
function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export function startChecker(lifetime: Lifetime, doc: Document, host: CheckerHost): Checker {
  const { signal } = lifetime;
  const win = doc.defaultView!;
  const editors = new Map<Element, Editor>();
  /**
   * Documents whose events we listen to: this one and same-origin frames with no checker of their own
   * (weak: frames come and go). `document.open` erases listeners, so a probe event (cancelled by our own
   * listener) tells whether they are still there.
   */
  const docs = new WeakSet<Document>();
  const probe = `wengao-probe-${Math.random().toString(36).slice(2)}`;
  const observers = new WeakMap<Document, IntersectionObserver>();
  const allObservers: IntersectionObserver[] = [];
  const card = new FixCard(doc, { exposeState: host.exposeState });
  // Its timers are the checker's (scheduling.ts): WXT's ctx.setTimeout would add an abort listener per ask.
  const wrongChars = host.checkWrongChars
    ? new WrongCharClient(host.checkWrongChars, { signal, setTimeout: (handler, ms) => timers.timeout(handler, ms ?? 0) })
    : null;
  // Read at each use (the card spreads them when it opens): a change of the interface language reaches
  // the next card without a reload.
  const labels = Object.defineProperties(
    {},
    Object.fromEntries(
      Object.entries(LABELS).map(([key, fallback]) => [key, { enumerable: true, get: () => host.t(`card${key[0]!.toUpperCase()}${key.slice(1)}`) || fallback }]),
    ),
  ) as typeof LABELS;
  /** Rules ignored and words added on this page, until the settings / dictionary say so too. */
  const localIgnoredRules = new Set<string>();
  const localWords = new Set<string>();
  let cardEditor: Editor | null = null;
  let cardOpenedBy: 'hover' | 'click' | 'keyboard' | null = null;
  let warm: Promise<void> | null = null;
  let warmDone = false;
  /** The personal dictionary once fetched (null: not yet, or changed since). */
  let words: readonly string[] | null = null;
  let wordsGeneration = 0;

  /** Every timer of the checker (one abort listener for all; see scheduling.ts). */
  const timers = new Timers(win, signal);

  // ---------------------------------------------------------------------------------------------
  // Settings

  const settings = () => host.settings();
  const enabled = () => checksSite(settings(), host.site) && !host.switches?.siteOff();
  const fieldOff = (ed: Editor) => !!host.switches?.fieldOff(ed.key);

  /** The issues as the writer chose to see them: each rule group at its severity (设置 → 检查项目). */
  const shown = (issues: Issue[]): Issue[] => withGroupSeverity(issues, settings().groupSeverity);

  /** Does the personal dictionary apply in this editor? (See CheckerHost.trustedPage.) */
  const personal = (ed: Editor) => ed.engaged || !!host.trustedPage;

  function options(dictionary: readonly string[], withPersonal = true) {
    return analyzeOptions(settings(), {
      site: host.site,
      dictionary: !withPersonal ? [] : localWords.size ? [...dictionary, ...localWords] : dictionary,
      ignoredRules: localIgnoredRules,
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Editors

  function isFocused(ed: Editor): boolean {
    const d = ed.doc;
    if (!d.hasFocus()) return false;
    const active = deepActiveElement(d);
    return !!active && (active === ed.element || ed.element.contains(active));
  }

  function focusedEditor(): Editor | null {
    for (const d of new Set([doc, ...[...editors.values()].map((ed) => ed.doc)])) {
      if (!d.hasFocus()) continue;
      const active = deepActiveElement(d);
      const ed = active ? editorFor(active) : null;
      if (ed) return ed;
    }
    return null;
  }

  /** The editor an element (or a node inside it) belongs to. */
  function editorFor(node: EventTarget | null): Editor | null {
    if (!node || typeof (node as Node).nodeType !== 'number') return null;
    const direct = editors.get(node as Element);
    if (direct) return direct;
    const t = targetFor(node as Node);
    return t ? editors.get(t.element) ?? null : null;
  }

  function editorFromEvent(event: Event): Editor | null {
    for (const n of event.composedPath()) {
      const ed = editors.get(n as Element);
      if (ed) return ed;
    }
    return null;
  }

  function observerFor(d: Document): IntersectionObserver | null {
    let io = observers.get(d);
    if (!io) {
      const IO = (d.defaultView as (Window & typeof globalThis) | null)?.IntersectionObserver;
      if (!IO) return null;
      io = new IO(
        (entries) => {
          if (signal.aborted) return;
          for (const e of entries) {
            const ed = editors.get(e.target);
            if (!ed) continue;
            ed.visible = e.isIntersecting;
            if (ed.visible && needsCheck(ed)) schedule(ed, 0);
            updateBadge(ed);
          }
        },
        { rootMargin: '200px' },
      );
      observers.set(d, io);
      allObservers.push(io);
    }
    return io;
  }

  function add(target: EditableTarget): void {
    if (editors.has(target.element)) return;
    const ed = new Editor(target);
    ed.schedule = new CheckSchedule(timers, () => void check(ed));
    editors.set(target.element, ed);
    ed.bridge = host.onEditor?.(target) ?? undefined;
    observerFor(ed.doc)?.observe(target.element);
    if (isFocused(ed)) {
      // The writer is already in it (focused before the checker loaded): the side panel follows it, as
      // it would have after a focusin.
      ed.focusedAt = Date.now();
      schedule(ed, 0);
    }
  }

  function remove(target: EditableTarget): void {
    const ed = editors.get(target.element);
    if (!ed) return;
    editors.delete(target.element);
    if (ed.panel) host.panel?.remove(ed.panel);
    wrongChars?.forget(ed);
    if (ed.panel) wrongChars?.forget(ed.panel);
    observers.get(ed.doc)?.unobserve(target.element);
    stop(ed);
    if (cardEditor === ed) card.hide();
    ed.surface?.destroy();
    ed.surface = null;
    ed.badge?.remove();
    ed.badge = null;
  }

  /** Forget what is drawn (checking switched off, or a rule set change). */
  function clear(ed: Editor): void {
    stop(ed);
    if (cardEditor === ed) card.hide();
    ed.surface?.destroy();
    ed.surface = null;
    ed.checkedText = null;
    ed.outside = 0;
    ed.badge?.set(null);
    feed(ed);
  }

  function stop(ed: Editor): void {
    ed.schedule.cancel();
    ed.run?.abort();
    ed.run = null;
  }

  function currentText(ed: Editor): string | null {
    if (ed.surface) return ed.surface.readText();
    if (ed.target.isTextField) return (ed.element as HTMLTextAreaElement).value;
    return null;
  }

  function needsCheck(ed: Editor): boolean {
    return ed.checkedText === null || currentText(ed) !== ed.checkedText;
  }

  function ensureSurface(ed: Editor): Surface {
    ed.surface ??= createSurface(ed.target, { onMutation: () => onEdit(ed), onView: () => followView(ed) });
    return ed.surface;
  }

  // ---------------------------------------------------------------------------------------------
  // Checking

  /** Check `ed` after `pause` ms (the debounce after an edit; 0 = as soon as it is cheap to). */
  function schedule(ed: Editor, pause: number): void {
    if (signal.aborted || !editors.has(ed.element)) return;
    stop(ed);
    if (ed.composing) return; // compositionend schedules
    if (!enabled()) return;
    ed.schedule.request(pause, ed.checkedText === null || ed.changed > CHUNK_THRESHOLD);
  }

  function warmUp(): Promise<void> {
    warm ??= warmUpEngine(allRules, (rules) => createAnalyzer({ rules })).then(() => {
      warmDone = true;
    });
    return warm;
  }

  async function loadWords(): Promise<readonly string[]> {
    const generation = wordsGeneration;
    const list = await host.dictionary();
    if (generation === wordsGeneration) words = list; // not when it changed meanwhile
    return list;
  }

  async function check(ed: Editor): Promise<void> {
    // Composing: compositionend checks (the composed text is not final before).
    if (signal.aborted || ed.applying || ed.composing || !editors.has(ed.element)) return;
    if (!enabled() || fieldOff(ed)) {
      clear(ed);
      updateBadge(ed); // the switched-off pill, while the writer is in the field
      return;
    }
    if (!ed.visible && !isFocused(ed)) return; // checked when it shows up or gets the focus
    const run = new AbortController();
    ed.run = run;
    // An empty text field needs no engine, no mirror.
    if (!ed.surface && ed.target.isTextField && !/\S/.test((ed.element as HTMLTextAreaElement).value)) {
      ed.checkedText = (ed.element as HTMLTextAreaElement).value;
      ed.run = null;
      updateBadge(ed);
      feed(ed);
      return;
    }
    const surface = ensureSurface(ed);
    // A long rich editor builds its text string (a copy of the whole text) in a task of its own, so the
    // engine's task does not pay for it too.
    if (surface.buildText()) {
      await yieldTask();
      if (run.signal.aborted || signal.aborted || ed.surface !== surface) return;
    }
    let text = surface.readText();
    let dictionary: readonly string[] = words ?? [];
    if (/\S/.test(text) && (!warmDone || words === null)) {
      // Once per page (and after a dictionary change): the engine's data and the word list.
      [dictionary] = await Promise.all([words ?? loadWords(), warmUp()]);
      if (run.signal.aborted || signal.aborted || ed.surface !== surface) return;
      text = surface.readText();
    }
    const began = win.performance.now();
    let chunked = false;
    const opts = options(dictionary, personal(ed));
    const switches = opts.rules ?? {};
    const rules = allRules.filter((r) => switches[r.meta.id] !== false);
    const key = rules.map((r) => r.meta.id).join(',');
    if (!ed.analyzer || ed.analyzerKey !== key) {
      ed.analyzer = createAnalyzer({ rules });
      ed.analyzerKey = key;
      ed.checkedText = null;
    }
    const analyzer = ed.analyzer;
    // (A programmatic change reports no edit: its length difference counts then.)
    const changed = ed.checkedText === null ? text.length : Math.max(ed.changed, Math.abs(text.length - ed.checkedText.length));
    let view: AnalysisView | null;
    if (changed > CHUNK_THRESHOLD) {
      chunked = true;
      view = await analyzeChunked(text, (t) => analyzer.update(t), { signal: run.signal });
      if (!view || run.signal.aborted || signal.aborted || ed.surface !== surface) return;
    } else {
      view = analyzer.update(text);
    }
    ed.run = null;
    ed.options = opts;
    // A long document: only the issues in and around the part on screen (issue-window.ts).
    const long = text.length > WINDOW_ALL_CHARS;
    let issues = readWindow(ed, view, issueWindow(text.length, long ? surface.visibleRange() : null, long ? surface.selection()?.start ?? null : null));
    // The tier's answers known for this text; when more come, check again if the text is unchanged.
    // (A long document: those of the window only; the tier never reads or sends the whole text.)
    issues = shown(withWrongChars(wrongChars, ed, text, issues, opts, () => !needsCheck(ed) && schedule(ed, 0), long ? ed.window : undefined, personal(ed)));
    surface.setIssues(issues, text, long ? ed.window : undefined);
    ed.checkedText = text;
    ed.changed = 0;
    if (cardEditor === ed && card.current) {
      // The card stays open over a finding the re-check confirmed.
      const same = surface.issues.find((i) => sameIssue(i, card.current));
      if (same) surface.setActive(same);
      else card.hide();
    }
    updateBadge(ed);
    ed.outline = view.outline();
    feed(ed);
    // What a check of an edit costs here sets the pause before the next one (a chunked check is spread
    // over many tasks: its total says nothing about one task).
    if (!chunked) ed.schedule.noteCost(win.performance.now() - began);
  }

  /** The issues of `window` after the user's filters (dictionary, ignore once); counts the rest. */
  function readWindow(ed: Editor, view: AnalysisView, window: Range): Issue[] {
    const opts = ed.options;
    const dictionary = opts?.dictionary?.length ? new Set(opts.dictionary) : null;
    const ignored = ed.ignored;
    const keep =
      dictionary || ignored.length
        ? (i: Issue) => !dictionary?.has(i.text) && !ignored.some((x) => x.rule === i.rule && x.start === i.start && x.end === i.end)
        : null;
    const { issues, total } = windowIssues(view, window, keep);
    ed.window = window;
    ed.outside = total - issues.length;
    return issues;
  }

  /**
   * Scrolled: a long document whose part on screen left the window of issues held gets the issues of
   * the new part from the last check's view (when the text is still the checked one; otherwise the
   * check that is due reads them).
   */
  function followView(ed: Editor): void {
    const surface = ed.surface;
    const text = ed.checkedText;
    if (!surface || !ed.analyzer || text === null || text.length <= WINDOW_ALL_CHARS || ed.run || ed.applying) return;
    const view = ed.analyzer.view();
    if (view.text !== text || surface.readText() !== text) return;
    const visible = surface.visibleRange();
    if (!visible || covers(ed.window, visible)) return;
    const window = issueWindow(text.length, visible, null);
    const issues = shown(withWrongChars(wrongChars, ed, text, readWindow(ed, view, window), ed.options ?? {}, () => !needsCheck(ed) && schedule(ed, 0), window, personal(ed)));
    surface.setIssues(issues, text, window);
    if (cardEditor === ed && card.current && !surface.issues.some((i) => sameIssue(i, card.current))) card.hide();
    updateBadge(ed);
  }

  /** An edit in an editor (input event of a text field, DOM mutation of a rich editor); `hint`: what the event says. */
  function onEdit(ed: Editor, hint?: EditHint): void {
    if (signal.aborted || !editors.has(ed.element)) return;
    // An input method is composing: the text is not final, so nothing is checked, shifted or redrawn
    // until compositionend (which calls here again).
    if (ed.composing) return;
    if (!ed.surface) {
      schedule(ed, settings().debounceMs);
      return;
    }
    const edit = ed.surface.noteEdit(hint);
    if (!edit) return;
    ed.changed += Math.max(edit.newEnd, edit.oldEnd) - edit.start;
    if (ed.ignored.length) ed.ignored = shiftIssues(ed.ignored, edit);
    if (cardEditor === ed) card.hide();
    updateBadge(ed);
    if (ed.applying) return; // re-checked when the fix is done
    ed.run?.abort();
    schedule(ed, settings().debounceMs);
  }

  function updateBadge(ed: Editor): void {
    const surface = ed.surface;
    const count = surface ? surface.issues.length + ed.outside : 0;
    const focused = isFocused(ed);
    const sw = host.switches;
    if (sw && focused && checksSite(settings(), host.site) && (sw.siteOff() || fieldOff(ed))) {
      // Switched off from the badge: while the writer is in the field, a grey pill offers 恢复检查.
      const what = sw.siteOff() ? 'site' : 'field';
      if (ed.badge?.shownCount !== 'off' || !ed.badge.visible) {
        (ed.badge ??= newBadge(ed)).showOff(what, () => resume(ed, what), true);
      }
      return;
    }
    const show = enabled() && !fieldOff(ed) && ed.checkedText !== null && (ed.visible || focused) && (count > 0 || (focused && !!surface));
    if (show) (ed.badge ??= newBadge(ed)).set(count);
    else ed.badge?.set(null);
  }

  /** 撤销 / 恢复检查 on the badge: the field or the site is checked again. */
  function resume(ed: Editor, what: 'field' | 'site'): void {
    const sw = host.switches;
    if (!sw) return;
    if (what === 'field') {
      sw.setFieldOff(ed.key, false);
      schedule(ed, 0);
    } else {
      sw.setSiteOff(false);
      for (const other of editors.values()) if (other.visible || isFocused(other)) schedule(other, 0);
    }
  }

  function newBadge(ed: Editor): Badge {
    const sw = host.switches;
    return new Badge(
      ed.element,
      (key, subs) => host.t(key, subs),
      sw && {
        onFieldOff: () => {
          sw.setFieldOff(ed.key, true);
          clear(ed);
          ed.badge?.showOff('field', () => resume(ed, 'field'));
        },
        onSiteOff: () => {
          sw.setSiteOff(true);
          for (const other of editors.values()) clear(other);
          ed.badge?.showOff('site', () => resume(ed, 'site'));
        },
      },
      { exposeState: host.exposeState },
    );
  }

  // ---------------------------------------------------------------------------------------------
  // The fix card

  function anchorOf(ed: Editor, issue: Issue): Rect | null {
    const rects = ed.surface?.rectsFor(issue) ?? [];
    const first = rects[0];
    return first ? rectToTopViewport(first, ed.doc, doc) : null;
  }

  function openCard(ed: Editor, issue: Issue, by: 'hover' | 'click' | 'keyboard'): void {
    const anchor = anchorOf(ed, issue);
    if (!anchor || !ed.surface) return;
    card.hide(); // the previous card's onClose clears its editor's state
    cardEditor = ed;
    cardOpenedBy = by;
    ed.surface.setActive(issue);
    const callbacks: CardCallbacks = {
      onApply: (i, replacement) => void applyIssue(ed, i, replacement),
      onIgnore: (i) => ignoreOnce(ed, i),
      onIgnoreRule: (i) => ignoreRuleEverywhere(i.rule),
      onAddToDictionary: (i) => {
        localWords.add(i.text);
        ed.engaged = true; // the writer acted on this editor's card (a trusted click: card.ts)
        for (const other of editors.values()) if (personal(other)) dropIssues(other, (x) => x.text === i.text);
        const anchor = anchorOf(ed, i);
        void Promise.resolve(host.addToDictionary(i.text)).then((result) => {
          const message = result === undefined ? null : dictionaryNotice(result, host.t);
          if (!message || signal.aborted) return;
          // Not saved: say so, and the word's underlines come back (it is not in the dictionary).
          card.notice(anchor ?? editorAnchor(ed), message, labels);
          localWords.delete(i.text);
          for (const other of editors.values()) {
            other.checkedText = null;
            if (other.visible || isFocused(other)) schedule(other, 0);
          }
        });
      },
      onClose: () => {
        if (cardEditor === ed) {
          ed.surface?.setActive(null);
          cardEditor = null;
          cardOpenedBy = null;
        }
      },
    };
    card.show(issue, anchor, callbacks, { focus: by === 'keyboard', labels });
  }

  function dropIssues(ed: Editor, drop: (issue: Issue) => boolean): void {
    const s = ed.surface;
    if (!s || !s.issues.some(drop)) return;
    s.setIssues(s.issues.filter((i) => !drop(i)));
    updateBadge(ed);
    feed(ed);
    // Issues outside the window held may be dropped too: the next check counts them again.
    if (ed.outside > 0) schedule(ed, 0);
  }

  function ignoreOnce(ed: Editor, issue: Issue): void {
    ed.ignored.push({ rule: issue.rule, start: issue.start, end: issue.end });
    dropIssues(ed, (x) => sameIssue(x, issue));
  }

  function ignoreRuleEverywhere(rule: string): void {
    localIgnoredRules.add(rule);
    for (const other of editors.values()) dropIssues(other, (x) => x.rule === rule);
    host.ignoreRule(rule);
  }

  /** Tell the side panel's feed about an editor (after a check, a focus change, a dismissal). */
  function feed(ed: Editor): void {
    if (!host.panel || !editors.has(ed.element)) return;
    ed.panel ??= panelEditor(ed, {
      off: () => !enabled() || fieldOff(ed),
      applying: (run) => applying(ed, run),
      ignore: (issue) => ignoreOnce(ed, issue),
      ignoreRule: ignoreRuleEverywhere,
      allIssues: () => allIssuesOf(ed),
    });
    host.panel.update(ed.panel);
  }

  /** Every issue of a long document's last check (its surface holds a window of them), for the side panel. */
  function allIssuesOf(ed: Editor): Issue[] | null {
    const text = ed.checkedText;
    const view = ed.analyzer?.view();
    if (!view || text === null || text.length <= WINDOW_ALL_CHARS || view.text !== text) return null;
    const { window, outside } = ed;
    const issues = readWindow(ed, view, [0, text.length]);
    ed.window = window;
    ed.outside = outside;
    // The wrong-character tier's findings over the whole text too (asked under the panel view's own key,
    // so the editor's window keeps its own): read while a panel shows the editor, its answers published
    // as they come.
    const owner = ed.panel ?? ed;
    return shown(withWrongChars(wrongChars, owner, text, issues, ed.options ?? {}, () => ed.checkedText === text && feed(ed), undefined, personal(ed)));
  }

  async function applyIssue(ed: Editor, issue: Issue, replacement: string): Promise<void> {
    const anchor = anchorOf(ed, issue);
    const result = await applying(ed, (surface) => surface.applyFix(issue, replacement));
    // Refused or taken back: say so where the card was (文本已变化，请重新检查 …); the re-check follows.
    const message = result ? applyNotice(result, host.t) : null;
    if (message && !signal.aborted) card.notice(anchor ?? editorAnchor(ed), message, labels);
  }

  /** The editor's box (top viewport), for a notice whose underline is gone. */
  function editorAnchor(ed: Editor): Rect {
    return rectToTopViewport(toRect(ed.element.getBoundingClientRect()), ed.doc, doc);
  }

  /** Edits (fixes) with the editor's checks held, then a check; null when it has no surface or is busy. */
  async function applying<T>(ed: Editor, run: (surface: Surface) => Promise<T>): Promise<T | null> {
    const surface = ed.surface;
    if (!surface || ed.applying) return null;
    stop(ed);
    ed.applying = true;
    let result: T;
    try {
      if (ed.bridge) await settledWithin(ed.bridge, BRIDGE_WAIT_MS); // (no await at all for other editors)
      result = await run(surface);
    } finally {
      ed.applying = false;
    }
    // Applied: check again (the neighbourhood may read differently now). Refused (the text changed
    // since the check): check again too, and the user sees the current issues.
    updateBadge(ed);
    schedule(ed, 0);
    return result;
  }

  // Hover: the issue under the pointer, looked up once per frame.
  let pointer: { x: number; y: number; ed: Editor | null; overCard: boolean } | null = null;
  let pointerFrame = 0;
  let hoverTimer = 0;
  let hoverIssue: Issue | null = null;
  let closeTimer = 0;

  const cancelClose = () => {
    timers.clearTimeout(closeTimer);
    closeTimer = 0;
  };
  const cancelHover = () => {
    timers.clearTimeout(hoverTimer);
    hoverTimer = 0;
    hoverIssue = null;
  };

  function onPointerFrame(): void {
    pointerFrame = 0;
    const p = pointer;
    if (!p || signal.aborted) return;
    if (p.overCard) {
      cancelClose();
      cancelHover();
      return;
    }
    const ed = p.ed;
    const issue = ed?.surface ? ed.surface.issueAt(p.x, p.y) : null;
    if (ed && issue) {
      cancelClose();
      if (sameIssue(card.current, issue) || sameIssue(hoverIssue, issue)) return;
      cancelHover();
      hoverIssue = issue;
      hoverTimer = timers.timeout(() => {
        hoverTimer = 0;
        hoverIssue = null;
        // Still over it? (A re-check may have replaced the issue objects meanwhile.)
        const now = pointer && pointer.ed === ed && ed.surface ? ed.surface.issueAt(pointer.x, pointer.y) : null;
        if (now && sameIssue(now, issue) && !card.hasFocus) openCard(ed, now, 'hover');
      }, HOVER_OPEN_MS);
      return;
    }
    cancelHover();
    if (card.visible && cardOpenedBy === 'hover' && !closeTimer) {
      closeTimer = timers.timeout(() => {
        closeTimer = 0;
        if (cardOpenedBy === 'hover') card.hide();
      }, HOVER_CLOSE_MS);
    }
  }

  // Scrolling and resizing: badges and the card follow, once per frame.
  let layoutFrame = 0;
  function onLayoutChange(): void {
    if (layoutFrame) return;
    layoutFrame = timers.frame(() => {
      layoutFrame = 0;
      if (signal.aborted) return;
      for (const ed of editors.values()) {
        followView(ed);
        if (ed.badge?.visible) ed.badge.reposition();
      }
      if (cardEditor && card.current) {
        const anchor = anchorOf(cardEditor, card.current);
        if (anchor) card.move(anchor);
        else card.hide();
      }
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Events, per document handled here (this one and scriptless same-origin frames)

  /** The writer used this editor (a trusted event in it): from now on the personal dictionary applies. */
  function engage(ed: Editor, e: Event): void {
    if (ed.engaged || !e.isTrusted) return;
    ed.engaged = true;
    if (host.trustedPage || !ed.surface) return;
    if (localWords.size || words === null || words.length) ed.checkedText = null; // re-check with the dictionary
    schedule(ed, 0); // (also: the wrong-character tier's answers are asked again, with the writer's vocabulary)
  }

  function listenTo(d: Document): void {
    if (docs.has(d) && !d.dispatchEvent(new Event(probe, { cancelable: true }))) return;
    docs.add(d);
    d.addEventListener(probe, (e) => e.preventDefault(), { capture: true, signal });
    // The marker for a parent frame's script: this document has its own checker.
    if (d === doc) answerCheckerPing(d, signal);
    const opts = { capture: true, passive: true, signal };
    const on = <K extends keyof DocumentEventMap>(type: K, handler: (event: DocumentEventMap[K]) => void) =>
      d.addEventListener(type, handler as EventListener, opts);

    // Text fields report edits here; rich editors through their text model's MutationObserver.
    on('input', (e) => {
      const ed = editorFromEvent(e) ?? adopt(e);
      if (ed?.target.isTextField) onEdit(ed, { inputType: (e as InputEvent).inputType ?? '', data: (e as InputEvent).data ?? null });
    });
    on('compositionstart', (e) => {
      const ed = editorFromEvent(e) ?? adopt(e);
      if (!ed) return;
      engage(ed, e);
      ed.composing = true;
      stop(ed); // a check due now would read the unfinished composition
    });
    on('compositionend', (e) => {
      const ed = editorFromEvent(e);
      if (!ed) return;
      ed.composing = false;
      // The composed text is final now: shift, drop and check it (inserted at the caret, as typing is).
      onEdit(ed, { inputType: 'insertCompositionText', data: e.data ?? null });
    });
    on('focusin', (e) => {
      const ed = editorFromEvent(e) ?? adopt(e);
      if (!ed) return;
      if (needsCheck(ed)) schedule(ed, 0);
      updateBadge(ed);
      ed.focusedAt = Date.now();
      feed(ed);
    });
    on('focusout', (e) => {
      const ed = editorFromEvent(e);
      if (!ed) return;
      ed.composing = false; // a composition cut short by a focus change may never end
      // Moving between parts of one editor fires focusout then focusin: let focus settle.
      timers.timeout(() => updateBadge(ed), 0);
    });
    on('pointermove', (e) => {
      if (!e.isTrusted) return; // only the writer's pointer opens a card
      pointer = { x: e.clientX, y: e.clientY, ed: editorFromEvent(e), overCard: d === doc && card.contains(e) };
      if (!pointerFrame) pointerFrame = timers.frame(onPointerFrame);
    });
    on('click', (e) => {
      if (!e.isTrusted) return; // a page's synthetic click opens no card
      const ed = editorFromEvent(e);
      const issue = ed?.surface?.issueAt(e.clientX, e.clientY);
      if (!ed || !issue) return;
      cancelHover();
      cancelClose();
      if (!sameIssue(card.current, issue)) openCard(ed, issue, 'click');
      else cardOpenedBy = 'click';
    });
    if (d !== doc) on('pointerdown', () => card.hide()); // the card closes itself on clicks in its own document
    on('keydown', (e) => {
      if (e.key === 'Escape' && card.visible && !card.hasFocus) card.hide();
      const ed = editorFromEvent(e);
      if (ed) engage(ed, e);
    });
    on('pointerdown', (e) => {
      const ed = editorFromEvent(e);
      if (ed) engage(ed, e);
    });
    on('scroll', onLayoutChange);
    d.defaultView?.addEventListener('resize', onLayoutChange, opts);
  }

  // ---------------------------------------------------------------------------------------------
  // Start

  listenTo(doc);
  // Same-origin frames are handled here unless a checker runs in them (it answers the ping): frames
  // filled with document.write, about:blank and srcdoc frames get none (match_about_blank and
  // match_origin_as_fallback stay off), frames with a URL of their own do.
  const watcher = watchTargets(doc, {
    signal,
    descend: (d) => !hasOwnChecker(d),
    onDocument: listenTo,
    onAdd: add,
    onRemove: remove,
  });

  /** A field no mutation announced (a designMode document): take it on when the user works in it. */
  function adopt(e: Event): Editor | null {
    const t = watcher.adopt(e.composedPath()[0] ?? null);
    return t ? editors.get(t.element) ?? null : null;
  }

  signal.addEventListener(
    'abort',
    () => {
      for (const ed of [...editors.values()]) remove(ed.target);
      for (const io of allObservers) io.disconnect();
      allObservers.length = 0;
      cancelHover();
      cancelClose();
      card.destroy();
    },
    { once: true },
  );

  return {
    refresh(what) {
      if (signal.aborted) return;
      // The stored settings / dictionary now hold what was added on this page.
      if (what === 'settings') localIgnoredRules.clear();
      else if (what === 'dictionary') {
        localWords.clear();
        words = null;
        wordsGeneration++;
      }
      for (const ed of editors.values()) {
        if (!enabled() || fieldOff(ed)) {
          clear(ed);
          continue;
        }
        ed.checkedText = null;
        if (ed.visible || isFocused(ed)) schedule(ed, 0);
      }
    },

    command(command) {
      if (signal.aborted || !enabled()) return false;
      const ed = focusedEditor() ?? (card.visible && cardEditor && doc.hasFocus() ? cardEditor : null);
      const surface = ed?.surface;
      if (!ed || !surface) return false;
      const issues = surface.issues;
      if (command === 'next-issue') {
        if (!issues.length) return true;
        const current = cardEditor === ed ? card.current : null;
        const sel = surface.selection();
        const after = current ? current.start : sel ? sel.start - 1 : -1;
        const next = issues.find((i) => i.start > after) ?? issues[0]!;
        card.hide();
        surface.select(next.start, next.end);
        openCard(ed, next, 'keyboard');
        return true;
      }
      // apply-fix: the issue in the open card, else the one at the caret.
      let issue = cardEditor === ed ? card.current : null;
      if (!issue) {
        const sel = surface.selection();
        if (sel) issue = issues.find((i) => i.start <= sel.start && sel.end <= i.end) ?? null;
      }
      if (!issue || !issue.replacements.length) return true;
      card.hide();
      void applyIssue(ed, issue, issue.replacements[0]!);
      return true;
    },
  };
}
