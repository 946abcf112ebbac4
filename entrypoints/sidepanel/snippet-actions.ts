import { sendMessage } from '@/lib/protocol';
import type { ActionResult } from '@/lib/panel/wire';

/**
 * The side panel's writes into the page and into the snippets that every view shares: the 常用语 tab's
 * 插入, the 主题 view's 插入 of a typical sentence or phrasing, and ☆ (save a phrasing as a snippet).
 *
 * One insert path for all of them: the background sends the text to the frame whose editor the writer was
 * last in (lib/storage/snippet-handlers.ts insertInto), which inserts it at the caret it remembers
 * through the editor's own input path (lib/editors/snippet-insert.ts: undo works, the caret lands after).
 */

/**
 * The tab the panel inserts into: `sidepanel.html?tab=N` pins one (as the issues view does), else the
 * active tab of the panel's window.
 */
export async function targetTab(): Promise<number | null> {
  const pinned = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(pinned) && pinned > 0) return pinned;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** Insert a stored snippet (its use is counted) or a text at the caret of the writer's last editor. */
export async function insertIntoPage(what: { snippetId: number } | { text: string }): Promise<Pick<ActionResult, 'ok'> & { reason?: 'no-editor' | 'not-found' | 'failed' }> {
  const tabId = await targetTab();
  if (tabId === null) return { ok: false, reason: 'no-editor' };
  const sent = 'snippetId' in what ? sendMessage('insertSnippet', { id: what.snippetId, tabId }) : sendMessage('insertText', { text: what.text, tabId });
  return sent.catch(() => ({ ok: false, reason: 'failed' as const }));
}

/**
 * ☆ on a corpus phrasing or theme example: save it as a snippet with its source (the reference corpus,
 * or the id of the writer's reference document it came from) and the theme as a tag. Resolves with the
 * result (same text already saved: merged, `created: false`); the 常用语 tab lists it at once (the
 * background announces changes).
 */
export function saveCorpusSnippet(body: string, theme?: string, source = 'corpus') {
  return sendMessage('createSnippet', { body, source, ...(theme ? { tags: [theme] } : {}) });
}
