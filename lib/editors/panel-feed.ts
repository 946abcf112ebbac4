/**
 * The side panel's view of one checked editor: what the panel shows (text, the issues drawn now, the
 * outline) and what it can ask for (locate, apply, apply all, ignore, ignore rule, insert). The controller
 * makes one per editor and hands it to its host's `panel` feed after every check and focus change; the
 * content script's panel bridge (entrypoints/content/panel-bridge.ts) publishes it and runs the actions.
 * Fixes go through the surface, i.e. the same editor-safe path as the fix card (apply-edit.ts: the text
 * under the range must still be what was checked, else nothing is written).
 */
import type { Issue, OutlineEntry } from '../engine/types';
import { applyBatch } from './apply-batch';
import type { ApplyResult } from './apply-edit';
import type { EditableTarget } from './detect';
import type { Surface } from './surface';

export interface PanelEditor {
  readonly id: string;
  readonly kind: string;
  readonly label: string;
  readonly element: HTMLElement;
  /** When the writer last focused it (ms since the epoch; 0: never). */
  focusedAt(): number;
  /** Text, drawn issues and outline; null before its first check. `off`: checking is switched off here. */
  state(): { text: string; issues: readonly Issue[]; outline: readonly OutlineEntry[]; off: boolean } | null;
  /** Select [start, end) in the editor, scroll it into view and flash the issue there (if drawn). */
  locate(start: number, end: number): boolean;
  apply(issue: Issue, replacement: string): Promise<ApplyResult & { found: boolean }>;
  /**
   * Apply every issue's first fix as one undo step where the editor allows; all or nothing: a refusal partway
   * takes back what was written (`result.undone`).
   */
  applyAll(issues: readonly Issue[]): Promise<{ applied: number; found: boolean; result: ApplyResult }>;
  ignore(issue: Issue): boolean;
  ignoreRule(rule: string): void;
  /** Insert text at an offset (a heading skeleton), through the same path as a fix. */
  insert(at: number, text: string): Promise<ApplyResult>;
}

/** Where the controller reports editors to (the content script's panel bridge). */
export interface PanelFeed {
  update(editor: PanelEditor): void;
  remove(editor: PanelEditor): void;
}

/** What the controller lends the panel view of an editor. */
export interface FeedSource {
  readonly target: EditableTarget;
  readonly surface: Surface | null;
  readonly focusedAt: number;
  readonly outline: readonly OutlineEntry[];
  readonly checkedText: string | null;
}

export interface FeedOps {
  /** Checking is off for this editor (site, field or settings). */
  off(): boolean;
  /** Run edits with the editor's checks held, then check again. */
  applying<T>(run: (surface: Surface) => Promise<T>): Promise<T | null>;
  ignore(issue: Issue): void;
  ignoreRule(rule: string): void;
  /** A long document's every issue (the surface holds only those around the part on screen); null: use the surface's. */
  allIssues?(): readonly Issue[] | null;
}

/** How long a located issue stays marked active (ms). */
const FLASH_MS = 1500;
let nextId = 1;

/** The drawn issue matching a panel's copy (same rule, range and text). */
export function findDrawn(surface: Surface | null, ref: Pick<Issue, 'rule' | 'start' | 'end' | 'text'>): Issue | null {
  return surface?.issues.find((i) => i.rule === ref.rule && i.start === ref.start && i.end === ref.end && i.text === ref.text) ?? null;
}

/** A short human name for a field: its label, aria-label, placeholder or title. */
export function fieldLabel(el: HTMLElement): string {
  const aria = el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.getAttribute('placeholder') ?? el.getAttribute('data-placeholder');
  let text = aria ?? '';
  if (!text && 'labels' in el) {
    const labels = (el as HTMLTextAreaElement).labels;
    text = labels?.[0]?.textContent ?? '';
  }
  if (!text) {
    const by = el.getAttribute('aria-labelledby');
    if (by) text = el.ownerDocument.getElementById(by.split(/\s+/)[0]!)?.textContent ?? '';
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

export function panelEditor(source: FeedSource, ops: FeedOps): PanelEditor {
  const id = `e${nextId++}`;
  let flash = 0;
  const element = source.target.element;
  const win = element.ownerDocument.defaultView;
  return {
    id,
    kind: source.target.kind,
    label: fieldLabel(element),
    element,
    focusedAt: () => source.focusedAt,
    state() {
      if (ops.off()) return { text: '', issues: [], outline: [], off: true };
      const surface = source.surface;
      if (source.checkedText === null) return null;
      // An empty text field is "checked" without a surface.
      if (!surface) return { text: source.checkedText, issues: [], outline: [], off: false };
      const text = surface.readText();
      const all = text === source.checkedText ? ops.allIssues?.() : null;
      return { text, issues: all ?? surface.issues, outline: source.outline, off: false };
    },
    locate(start, end) {
      const surface = source.surface;
      if (!surface || !surface.select(start, end)) return false;
      const drawn = surface.issues.find((i) => i.start === start && i.end === end) ?? null;
      if (drawn) {
        surface.setActive(drawn);
        if (flash) win?.clearTimeout(flash);
        flash = win?.setTimeout(() => source.surface?.setActive(null), FLASH_MS) ?? 0;
      }
      return true;
    },
    async apply(issue, replacement) {
      const drawn = findDrawn(source.surface, issue);
      // Not drawn any more (edited meanwhile): still try, apply-edit refuses when the text differs.
      const result = await ops.applying((s) => s.applyFix(drawn ?? issue, replacement));
      return { ...(result ?? { ok: false, reason: 'failed' as const }), found: !!drawn };
    },
    async applyAll(issues) {
      const found = issues.every((issue) => !!findDrawn(source.surface, issue));
      // All or nothing, one undo step where the editor allows (apply-batch.ts).
      const outcome = await ops.applying((s) => applyBatch(s, issues));
      const result = outcome ?? { ok: false, applied: 0, reason: 'failed' as const };
      return { applied: result.applied, found, result: { ok: result.ok, reason: result.reason, undone: result.undone } };
    },
    ignore(issue) {
      // Not drawn: outside a long document's window of issues; remembered all the same.
      ops.ignore(findDrawn(source.surface, issue) ?? issue);
      return true;
    },
    ignoreRule(rule) {
      ops.ignoreRule(rule);
    },
    async insert(at, text) {
      const result = await ops.applying((s) => s.applyFix({ rule: 'insert', category: 'structure', severity: 'info', start: at, end: at, text: '', replacements: [text], message: '' }, text, 'after'));
      return result ?? { ok: false, reason: 'failed' };
    },
  };
}
