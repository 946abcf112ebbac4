/**
 * The side panel's own wires (besides the typed publishEditorState message in lib/protocol.ts):
 *   panel ⇄ background   a long-lived port named {@link PANEL_PORT}: the panel says which window it lives in,
 *                        the background pushes the state of that window's active tab (checked snapshots)
 *   background → tab     {@link WatchMessage}: a panel is (or is no longer) watching this tab, so its
 *                        content scripts publish their editor's state (nothing is sent while no panel looks)
 *   panel → one frame    {@link PanelAction} through tabs.sendMessage with the snapshot's frame id:
 *                        locate, apply, apply all, ignore, ignore rule, insert; answered with {@link ActionResult}
 * Pure types and guards.
 */
import type { Issue } from '../engine/types';
import type { ApplyResult } from '../editors/apply-edit';
import type { EditorSnapshot } from './snapshot';

export const PANEL_PORT = 'wengao-panel';

/** Panel → background, over the port. */
export interface WatchWindow {
  type: 'watch';
  windowId: number;
}

/** Background → panel, over the port: what the active tab's writer is working on (null: no editor). */
export interface PanelState {
  type: 'state';
  tabId: number | null;
  frameId: number;
  snapshot: EditorSnapshot | null;
  /** Whether the tab can have a content script at all (false on browser pages, the store …). */
  reachable: boolean;
  /** The site of the editor's frame (lib/settings.ts siteKey), for the per-site switch; null when unknown. */
  site?: string | null;
}

/** Background → every frame of a tab. */
export interface WatchMessage {
  type: 'wengao:panel-watch';
  watching: boolean;
}

/** Background → a tab's frames: which site is this (the checker's frames answer {@link SiteOfAnswer}). */
export interface SiteOfMessage {
  type: 'wengao:site-of';
}

export interface SiteOfAnswer {
  site: string;
}

export function isSiteOfMessage(message: unknown): message is SiteOfMessage {
  return typeof message === 'object' && message !== null && (message as SiteOfMessage).type === 'wengao:site-of';
}

export function isWatchMessage(message: unknown): message is WatchMessage {
  return typeof message === 'object' && message !== null && (message as WatchMessage).type === 'wengao:panel-watch' && typeof (message as WatchMessage).watching === 'boolean';
}

/** An issue as the panel names it to the page (the page finds its own copy, shifted by later edits). */
export type IssueRef = Pick<Issue, 'rule' | 'start' | 'end' | 'text' | 'replacements'> & Partial<Pick<Issue, 'category' | 'severity' | 'message'>>;

export type PanelAction =
  | { action: 'locate'; start: number; end: number }
  | { action: 'apply'; issue: IssueRef; replacement: string }
  | { action: 'applyAll'; issues: IssueRef[] }
  | { action: 'ignore'; issue: IssueRef }
  | { action: 'ignoreRule'; rule: string }
  | { action: 'insert'; at: number; text: string };

export type PanelActionMessage = { type: 'wengao:panel-action'; editor: string } & PanelAction;

export function isPanelActionMessage(message: unknown): message is PanelActionMessage {
  const m = message as PanelActionMessage;
  return typeof m === 'object' && m !== null && m.type === 'wengao:panel-action' && typeof m.editor === 'string' && typeof m.action === 'string';
}

export interface ActionResult {
  ok: boolean;
  /** Fixes in the text after the action (apply all: every one, or none when it was taken back). */
  applied?: number;
  /** Apply all refused partway: true when what it had written was taken back (the text is as before). */
  undone?: boolean;
  /** no-editor: the editor is gone; stale: its text changed since the snapshot; others as ApplyResult. */
  reason?: 'no-editor' | NonNullable<ApplyResult['reason']>;
}
