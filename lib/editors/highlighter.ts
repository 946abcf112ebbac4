/**
 * Underlines in contenteditable / rich-text editors through the CSS Custom Highlight API: ranges are
 * registered in `CSS.highlights` of the editor's own window (an iframe editor has its own registry) and
 * styled by `::highlight(wengao-…)` rules in the stylesheet scope that holds the text (the document, or
 * the shadow root the editor lives in). Nothing is ever inserted into the editor's DOM.
 *
 * One Highlight per severity (error, warning, info) plus one for the issue whose card is open. Several
 * editors in one document share the highlights; each editor (an `owner` key) replaces only its own ranges.
 *
 * The page can read the highlight registry (names and ranges) and the stylesheet. The names are random
 * per session and per highlight (no `wengao-error`: nothing names the extension, a rule, a category or
 * a severity, and nothing stays the same between page loads); the ranges only cover the page's own text.
 */
import type { Severity } from '../engine/types';

export type HighlightKey = Severity | 'active';

export const HIGHLIGHT_KEYS: readonly HighlightKey[] = ['error', 'warning', 'info', 'active'];

/** A CSS identifier nobody can predict: a letter, then random base-36 digits. */
function randomName(): string {
  const bytes = new Uint8Array(9);
  globalThis.crypto.getRandomValues(bytes);
  return 'h' + Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

/** This session's names (one content-script instance: every document it draws in shares them). */
const NAMES: Record<HighlightKey, string> = { error: randomName(), warning: randomName(), info: randomName(), active: randomName() };

/** The registry name of a highlight in this session (random; see the header). */
export function highlightName(key: HighlightKey): string {
  return NAMES[key];
}

/**
 * Mid-tone colours: readable as underlines on white and on dark backgrounds alike. Warnings (mostly
 * punctuation and spacing, often one narrow glyph such as a half-width comma) also get a faint tint,
 * because a wavy underline under a single comma is barely visible.
 */
export const SEVERITY_COLORS: Record<Severity, string> = {
  error: '#e5484d',
  warning: '#f08c00',
  info: '#3b82f6',
};

export const HIGHLIGHT_CSS = `
::highlight(${NAMES.error}) { text-decoration: underline wavy ${SEVERITY_COLORS.error}; text-decoration-thickness: 1.5px; text-underline-offset: 3px; text-decoration-skip-ink: none; }
::highlight(${NAMES.warning}) { text-decoration: underline wavy ${SEVERITY_COLORS.warning}; text-decoration-thickness: 1.5px; text-underline-offset: 3px; text-decoration-skip-ink: none; background-color: rgba(240, 140, 0, 0.16); }
::highlight(${NAMES.info}) { text-decoration: underline dotted ${SEVERITY_COLORS.info}; text-decoration-thickness: 2px; text-underline-offset: 3px; text-decoration-skip-ink: none; }
::highlight(${NAMES.active}) { background-color: rgba(250, 176, 5, 0.32); }
`;

const STYLE_MARK = 'data-wengao-highlight-style';

interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): boolean;
  clear(): void;
  readonly size: number;
  priority: number;
  forEach(cb: (range: AbstractRange) => void): void;
}
interface RegistryLike {
  set(name: string, h: HighlightLike): unknown;
  get(name: string): HighlightLike | undefined;
  delete(name: string): boolean;
}
type HighlightCtor = new (...ranges: AbstractRange[]) => HighlightLike;

function registryOf(win: Window | null): { registry: RegistryLike; Ctor: HighlightCtor } | null {
  const w = win as (Window & { Highlight?: HighlightCtor; CSS?: { highlights?: RegistryLike } }) | null;
  const registry = w?.CSS?.highlights;
  const Ctor = w?.Highlight;
  return registry && Ctor ? { registry, Ctor } : null;
}

/** True when the document's window supports the CSS Custom Highlight API. */
export function supportsHighlights(doc: Document): boolean {
  return registryOf(doc.defaultView) !== null;
}

export interface HighlightEntry {
  range: AbstractRange;
  severity: Severity;
}

const instances = new WeakMap<Document, Highlighter>();

export class Highlighter {
  readonly doc: Document;
  private readonly api: { registry: RegistryLike; Ctor: HighlightCtor } | null;
  private readonly highlights = new Map<HighlightKey, HighlightLike>();
  private readonly owned = new Map<object, HighlightEntry[]>();
  private readonly ownedRanges = new Map<object, Map<AbstractRange, Severity>>();
  private active: AbstractRange | null = null;
  private readonly styledScopes = new WeakMap<Document | ShadowRoot, CSSStyleSheet | HTMLStyleElement>();

  /** One Highlighter per document (per window registry). */
  static for(doc: Document): Highlighter {
    let h = instances.get(doc);
    if (!h) {
      h = new Highlighter(doc);
      instances.set(doc, h);
    }
    return h;
  }

  private constructor(doc: Document) {
    this.doc = doc;
    this.api = registryOf(doc.defaultView);
  }

  get supported(): boolean {
    return this.api !== null;
  }

  private highlight(key: HighlightKey): HighlightLike | null {
    if (!this.api) return null;
    let h = this.highlights.get(key);
    const name = highlightName(key);
    if (!h) {
      h = new this.api.Ctor();
      h.priority = key === 'active' ? 10 : key === 'error' ? 3 : key === 'warning' ? 2 : 1;
      this.highlights.set(key, h);
    }
    // Re-register when the page removed it (cheap map lookup).
    if (this.api.registry.get(name) !== h) this.api.registry.set(name, h);
    return h;
  }

  /**
   * Add the ::highlight styles to the scope holding the text: the document, or the shadow root an
   * editor lives in (document styles do not reach into shadow trees). Idempotent.
   */
  ensureStyles(scope: Document | ShadowRoot = this.doc): void {
    const existing = this.styledScopes.get(scope);
    if (existing) {
      if (existing instanceof CSSStyleSheet || isSheet(existing)) {
        if (scope.adoptedStyleSheets.includes(existing as CSSStyleSheet)) return;
      } else if ((existing as HTMLStyleElement).isConnected) return;
    }
    const win = this.doc.defaultView as (Window & typeof globalThis) | null;
    try {
      if (win && 'adoptedStyleSheets' in scope) {
        const sheet = new win.CSSStyleSheet();
        sheet.replaceSync(HIGHLIGHT_CSS);
        scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
        this.styledScopes.set(scope, sheet);
        return;
      }
    } catch {
      /* fall back to a <style> element */
    }
    const style = this.doc.createElement('style');
    style.setAttribute(STYLE_MARK, '');
    style.textContent = HIGHLIGHT_CSS;
    const parent = scope instanceof Document || (scope as Node).nodeType === 9 ? (scope as Document).head ?? (scope as Document).documentElement : scope;
    parent.appendChild(style);
    this.styledScopes.set(scope, style);
  }

  /** Replace the ranges of one editor (owner); only the differences touch the highlights. */
  set(owner: object, entries: readonly HighlightEntry[]): void {
    const before = this.ownedRanges.get(owner);
    const next = byRange(entries);
    this.owned.set(owner, entries as HighlightEntry[]);
    this.ownedRanges.set(owner, next);
    if (!this.api) return;
    if (before) {
      for (const [range, key] of before) if (next.get(range) !== key) this.highlights.get(key)?.delete(range);
      for (const [range, key] of next) if (before.get(range) !== key) this.highlight(key)?.add(range);
    } else {
      for (const [range, key] of next) this.highlight(key)?.add(range);
    }
    // Kept ranges must stay registered even if the page emptied the registry.
    for (const key of ['error', 'warning', 'info'] as const) if (this.highlights.has(key)) this.highlight(key);
  }

  clear(owner: object): void {
    const before = this.ownedRanges.get(owner);
    this.owned.delete(owner);
    this.ownedRanges.delete(owner);
    if (before) for (const [range, key] of before) this.highlights.get(key)?.delete(range);
  }

  /** Ranges currently registered for an owner. */
  entries(owner: object): readonly HighlightEntry[] {
    return this.owned.get(owner) ?? [];
  }

  /** Mark one range as the active issue (card open), or none. */
  setActive(range: AbstractRange | null): void {
    const h = this.highlight('active');
    if (!h) return;
    if (this.active) h.delete(this.active);
    this.active = range;
    if (range) h.add(range);
  }

  /** Remove every range and the registry entries this highlighter created. */
  dispose(): void {
    for (const h of this.highlights.values()) h.clear();
    if (this.api) for (const key of HIGHLIGHT_KEYS) {
      const name = highlightName(key);
      if (this.api.registry.get(name) === this.highlights.get(key)) this.api.registry.delete(name);
    }
    this.highlights.clear();
    this.owned.clear();
    this.ownedRanges.clear();
    this.active = null;
    instances.delete(this.doc);
  }
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** One severity per range (the most severe when two issues share a range). */
function byRange(entries: readonly HighlightEntry[]): Map<AbstractRange, Severity> {
  const m = new Map<AbstractRange, Severity>();
  for (const e of entries) {
    const had = m.get(e.range);
    if (had === undefined || RANK[e.severity] < RANK[had]) m.set(e.range, e.severity);
  }
  return m;
}

function isSheet(x: unknown): boolean {
  return typeof x === 'object' && x !== null && 'cssRules' in x && 'replaceSync' in x;
}

/** The Document or ShadowRoot whose stylesheets style `node`. */
export function styleScopeOf(node: Node): Document | ShadowRoot {
  const root = node.getRootNode();
  return root.nodeType === 11 && (root as ShadowRoot).host ? (root as ShadowRoot) : node.ownerDocument ?? (root as Document);
}
