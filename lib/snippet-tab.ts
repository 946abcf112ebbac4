/**
 * Messages from the background to the content scripts of one tab about snippets (常用语), sent raw with
 * `tabs.sendMessage` like the keyboard commands (lib/protocol.ts CommandMessage): a tab without a content
 * script is then a rejected promise the background handles, not an unchecked error.
 *
 *   insert          the side panel's 插入: put `text` at the caret of this frame's last editor
 *   save-selection  保存为常用语 (context menu: to the frame clicked; shortcut: to every frame, the focused
 *                   one acts): save the selection, show the toast
 *
 * Content scripts answer `insert` with an {@link InsertReply}; `save-selection` with true when they acted.
 * Pure: no browser API here.
 */
export const SNIPPET_TAB_MESSAGE = 'wengao:snippet';

/** Keyboard command of 保存为常用语 (wxt.config.ts `commands`). */
export const SAVE_SNIPPET_COMMAND = 'save-snippet';
/** The save part of the content script (entrypoints/snippet-save.ts), imported on the first request. */
export const SNIPPET_SAVE_FILE = '/snippet-save.js';
/** Where that file leaves its entry (on the content script's isolated global object). */
export const SNIPPET_SAVE_ENTRY = Symbol.for('wengao.snippetSave');
/** Context menu item id. */
export const SAVE_SNIPPET_MENU = 'wengao-save-snippet';
/**
 * storage.local key the background bumps after every snippet change (lib/storage/revision.ts): an open
 * side panel lists again when a page saved a selection or the picker counted a use.
 */
export const SNIPPET_REVISION_KEY = 'snippetRevision';

export type SnippetTabMessage =
  | { type: typeof SNIPPET_TAB_MESSAGE; action: 'insert'; text: string }
  | { type: typeof SNIPPET_TAB_MESSAGE; action: 'save-selection'; via: 'menu' | 'command' };

export interface InsertReply {
  ok: boolean;
  reason?: 'no-editor' | 'failed';
}

export function insertMessage(text: string): SnippetTabMessage {
  return { type: SNIPPET_TAB_MESSAGE, action: 'insert', text };
}

export function saveSelectionMessage(via: 'menu' | 'command'): SnippetTabMessage {
  return { type: SNIPPET_TAB_MESSAGE, action: 'save-selection', via };
}

export function isSnippetTabMessage(message: unknown): message is SnippetTabMessage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  if (m.type !== SNIPPET_TAB_MESSAGE) return false;
  if (m.action === 'insert') return typeof m.text === 'string';
  return m.action === 'save-selection' && (m.via === 'menu' || m.via === 'command');
}
