/**
 * Messages from the background to the content scripts of one tab about snippets (常用语), sent raw with
 * `tabs.sendMessage` like the keyboard commands (lib/protocol.ts CommandMessage): a tab without a content
 * script is then a rejected promise the background handles, not an unchecked error.
 *
 *   insert          the side panel's 插入: put `text` at the caret of this frame's last editor
 *
 * Content scripts answer `insert` with an {@link InsertReply}. (保存为常用语 is no message: the background
 * runs the save part in the page, lib/page-inject.ts, so pages without an editor listen for nothing.)
 * Pure: no browser API here.
 */
export const SNIPPET_TAB_MESSAGE = 'wengao:snippet';

/** Keyboard command of 保存为常用语 (wxt.config.ts `commands`). */
export const SAVE_SNIPPET_COMMAND = 'save-snippet';
/** The save part (entrypoints/snippet-save.ts), run in the page by the background (lib/page-inject.ts). */
export const SNIPPET_SAVE_FILE = '/snippet-save.js';
/** Where that file leaves its entry (the isolated world's global object): `Symbol.for(SNIPPET_SAVE_ENTRY_KEY)`. */
export const SNIPPET_SAVE_ENTRY_KEY = 'wengao.snippetSave';
export const SNIPPET_SAVE_ENTRY = Symbol.for(SNIPPET_SAVE_ENTRY_KEY);
/** The entry: resolves true when this frame acted (`via` 'command': only the frame with the focus does). */
export type SnippetSaveEntry = (via: 'menu' | 'command') => Promise<boolean>;
/** Context menu item id. */
export const SAVE_SNIPPET_MENU = 'wengao-save-snippet';
/**
 * storage.local key the background bumps after every snippet change (lib/storage/revision.ts): an open
 * side panel lists again when a page saved a selection or the picker counted a use.
 */
export const SNIPPET_REVISION_KEY = 'snippetRevision';

export type SnippetTabMessage = { type: typeof SNIPPET_TAB_MESSAGE; action: 'insert'; text: string };

export interface InsertReply {
  ok: boolean;
  reason?: 'no-editor' | 'failed';
}

export function insertMessage(text: string): SnippetTabMessage {
  return { type: SNIPPET_TAB_MESSAGE, action: 'insert', text };
}

export function isSnippetTabMessage(message: unknown): message is SnippetTabMessage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  if (m.type !== SNIPPET_TAB_MESSAGE) return false;
  return m.action === 'insert' && typeof m.text === 'string';
}
