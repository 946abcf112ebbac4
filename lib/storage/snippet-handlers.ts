/**
 * Background side of the snippet messages (常用语, lib/protocol.ts). The policy (lib/message-policy.ts) has
 * already checked the sender's context and the data's shape; this module adds the checks that need the
 * stored rows or the sender:
 *
 * - saveSelection takes its source from the sender (the page's URL), never from the data.
 * - editSavedSnippet / undoSavedSnippet (the in-page toast) act only on a snippet saved from the
 *   sender's own site within {@link TOAST_WINDOW_MS}, and undo only while nobody has used it: a hostile
 *   page can at most take back what was just saved from it.
 * - insertSnippet sends the snippet's text to the frame whose editor last had the focus in that tab
 *   (noted by noteSnippetTarget) and counts the use only when the content script says it inserted;
 *   insertText does the same for a theme's sentence or phrasing (the side panel's one insert path).
 */
import { siteKey } from '../settings';
import { serializeSnippetFile } from '../snippets/file';
import { sourceKind } from '../snippets/normalize';
import { MAX_SOURCE_CHARS, type Snippet } from '../snippets/types';
import { checkTrigger, normalizeTrigger, SNIPPET_TRIGGER_KEY } from '../snippets/trigger';
import { problem } from '../snippets/messages';
import type { CorpusData } from '../corpus/types';
import { senderSites, type MessageHandlers, type SenderInfo } from '../message-policy';
import { insertMessage, type InsertReply } from '../snippet-tab';
import type { SaveResult, SnippetRepository } from './snippets';

/** How long after saving the toast may still change or take back the snippet (ms). */
export const TOAST_WINDOW_MS = 10 * 60_000;

type SnippetMessage =
  | 'searchSnippets'
  | 'listSnippets'
  | 'snippetTags'
  | 'createSnippet'
  | 'updateSnippet'
  | 'deleteSnippet'
  | 'restoreSnippet'
  | 'recordSnippetUse'
  | 'saveSelection'
  | 'editSavedSnippet'
  | 'undoSavedSnippet'
  | 'noteSnippetTarget'
  | 'insertSnippet'
  | 'insertText'
  | 'exportSnippets'
  | 'importSnippets'
  | 'importStarterPack'
  | 'setSnippetTrigger';

/** A storage area (browser.storage.local / .session, or a test double). */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const TARGETS_KEY = 'snippetTargets';
/** Tabs remembered at most (the oldest notes are dropped). */
const MAX_TARGET_TABS = 200;

/**
 * Per tab, the frame whose editor last took the focus. Kept in memory and mirrored to
 * `storage.session` (when there is one) so that a restarted service worker still knows it.
 */
export class SnippetTargets {
  #map = new Map<number, { frameId: number; at: number }>();
  #loaded: Promise<void> | null = null;
  readonly #area: KeyValueArea | null;

  constructor(area: KeyValueArea | null = null) {
    this.#area = area;
  }

  async #load(): Promise<void> {
    this.#loaded ??= (async () => {
      if (!this.#area) return;
      try {
        const raw = (await this.#area.get(TARGETS_KEY))[TARGETS_KEY];
        if (!Array.isArray(raw)) return;
        for (const e of raw) {
          if (Array.isArray(e) && Number.isInteger(e[0]) && Number.isInteger(e[1]) && typeof e[2] === 'number' && !this.#map.has(e[0])) {
            this.#map.set(e[0], { frameId: e[1], at: e[2] });
          }
        }
      } catch {
        /* no session storage: memory only */
      }
    })();
    return this.#loaded;
  }

  async note(tabId: number, frameId: number, at: number): Promise<void> {
    await this.#load();
    this.#map.delete(tabId);
    this.#map.set(tabId, { frameId, at });
    while (this.#map.size > MAX_TARGET_TABS) this.#map.delete(this.#map.keys().next().value!);
    await this.#area?.set({ [TARGETS_KEY]: [...this.#map].map(([tab, t]) => [tab, t.frameId, t.at]) }).catch(() => {});
  }

  async get(tabId: number): Promise<{ frameId: number; at: number } | null> {
    await this.#load();
    return this.#map.get(tabId) ?? null;
  }
}

export interface SnippetHandlerParts {
  repo: SnippetRepository;
  /** The effective corpus (default + enabled reference documents), for the starter pack. */
  corpus: () => Promise<CorpusData>;
  /** storage.local: where the trigger is kept. */
  local: KeyValueArea;
  targets: SnippetTargets;
  /** tabs.sendMessage to one frame (rejects when no content script answers). */
  sendToFrame: (tabId: number, frameId: number, message: unknown) => Promise<unknown>;
  now?: () => number;
}

/**
 * The source recorded for a snippet saved from a page: its URL without the fragment, cut to the origin
 * and path when longer than the stored limit; 'manual' when the page has no URL a source may hold.
 */
export function pageSource(url: string | undefined): string {
  if (!url) return 'manual';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'manual';
  }
  u.hash = '';
  let s = u.href;
  if (s.length > MAX_SOURCE_CHARS) s = (u.origin === 'null' ? `${u.protocol}//` : u.origin) + u.pathname;
  if (s.length > MAX_SOURCE_CHARS) s = u.origin;
  return sourceKind(s) === 'page' ? s : 'manual';
}

/**
 * The page a content-script sender speaks for: its frame's URL (the text came from that document, and
 * the toast's later edits are checked against that frame's site), else its tab's (about:blank frames).
 */
function senderPage(sender: SenderInfo): string | undefined {
  return sender.url && /^(https?|file|ftp):/i.test(sender.url) ? sender.url : sender.tab?.url;
}

export function snippetHandlers(parts: SnippetHandlerParts): Pick<MessageHandlers, SnippetMessage> {
  const { repo, targets } = parts;
  const now = parts.now ?? Date.now;

  /** The snippet if the toast of this sender may still change it. */
  async function ownRecent(id: number, sender: SenderInfo): Promise<Snippet | null> {
    const s = await repo.get(id);
    if (!s || sourceKind(s.source) !== 'page') return null;
    if (now() - s.createdAt > TOAST_WINDOW_MS || s.createdAt > now() + 60_000) return null;
    return senderSites(sender).has(siteKey(s.source)) ? s : null;
  }

  const notFound = (): SaveResult => ({ ok: false, problems: [problem('snippet', 'not-found')] });

  /**
   * The side panel's one insert path (a snippet, or a theme's sentence or phrasing): the text goes to the
   * frame whose editor last had the focus in that tab, which inserts it at the caret it remembers.
   */
  async function insertInto(tabId: number, text: string): Promise<{ ok: boolean; reason?: 'no-editor' | 'failed' }> {
    const target = await targets.get(tabId);
    let reply: InsertReply | undefined;
    try {
      reply = (await parts.sendToFrame(tabId, target?.frameId ?? 0, insertMessage(text))) as InsertReply | undefined;
    } catch {
      return { ok: false, reason: 'no-editor' };
    }
    if (!reply || reply.ok !== true) return { ok: false, reason: reply?.reason === 'no-editor' ? 'no-editor' : 'failed' };
    return { ok: true };
  }

  return {
    // One database read per 2 s of typing instead of one per key (only the background writes snippets).
    searchSnippets: (data) => repo.search(data.query, { limit: data.limit ?? 50, maxStaleMs: 2_000, ...(data.tag ? { tag: data.tag } : {}) }),
    listSnippets: async (data) => {
      const all = await repo.list();
      const offset = data.offset ?? 0;
      return { snippets: all.slice(offset, offset + (data.limit ?? 200)), total: all.length };
    },
    snippetTags: () => repo.tags(),
    createSnippet: (data) => repo.create(data),
    updateSnippet: (data) => repo.update(data.id, data),
    deleteSnippet: (data) => repo.remove(data.id),
    restoreSnippet: (data) => repo.restore(data.snippet),
    recordSnippetUse: async (data) => (await repo.recordUse(data.id)) !== null,
    saveSelection: (data, sender) => repo.create({ body: data.text, source: pageSource(senderPage(sender)) }),
    editSavedSnippet: async (data, sender) => {
      if (!(await ownRecent(data.id, sender))) return notFound();
      return repo.update(data.id, { ...(data.title !== undefined ? { title: data.title } : {}), ...(data.tags !== undefined ? { tags: data.tags } : {}) });
    },
    undoSavedSnippet: async (data, sender) => {
      const s = await ownRecent(data.id, sender);
      if (!s || s.useCount > 0) return false;
      return (await repo.remove(data.id)) !== null;
    },
    noteSnippetTarget: async (_data, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined || tabId < 0) return false;
      await targets.note(tabId, sender.frameId ?? 0, now());
      return true;
    },
    insertSnippet: async (data) => {
      const snippet = await repo.get(data.id);
      if (!snippet) return { ok: false, reason: 'not-found' };
      const result = await insertInto(data.tabId, snippet.body);
      if (result.ok) await repo.recordUse(snippet.id);
      return result;
    },
    insertText: (data) => insertInto(data.tabId, data.text),
    exportSnippets: async () => serializeSnippetFile(await repo.exportFile()),
    importSnippets: (data) => repo.importFile(data.text),
    importStarterPack: async () => repo.importStarterPack(await parts.corpus()),
    setSnippetTrigger: async (data) => {
      const trigger = checkTrigger(data.trigger);
      if (trigger !== null) await parts.local.set({ [SNIPPET_TRIGGER_KEY]: trigger });
      return normalizeTrigger((await parts.local.get(SNIPPET_TRIGGER_KEY))[SNIPPET_TRIGGER_KEY]);
    },
  };
}
