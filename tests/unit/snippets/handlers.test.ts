import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCorpus } from '@/lib/corpus/default';
import { createDispatcher, MESSAGE_POLICY, MessageRefused, type MessageHandlers, type SenderInfo } from '@/lib/message-policy';
import { insertMessage } from '@/lib/snippet-tab';
import { SNIPPET_TRIGGER_KEY } from '@/lib/snippets/trigger';
import type { Snippet } from '@/lib/snippets';
import { WengaoDB } from '@/lib/storage/db';
import { pageSource, snippetHandlers, SnippetTargets, TOAST_WINDOW_MS } from '@/lib/storage/snippet-handlers';
import { SnippetRepository, type SaveResult } from '@/lib/storage/snippets';
import { memoryArea } from '../storage/memory-area';

const SELF = { id: 'ext', baseUrl: 'chrome-extension://ext/' };
const PAGE = 'https://news.example.com/a/1.html';
const content = (url = PAGE, tab = 5, frameId = 0): SenderInfo => ({ id: SELF.id, url, origin: new URL(url).origin, tab: { id: tab, url }, frameId });
const panel: SenderInfo = { id: SELF.id, url: `${SELF.baseUrl}sidepanel.html`, origin: 'chrome-extension://ext' };

let db: WengaoDB;
let clock: number;
let repo: SnippetRepository;
let sent: { tabId: number; frameId: number; message: unknown }[];
let reply: unknown;
let area: ReturnType<typeof memoryArea>;
let dispatch: (type: string, data: unknown, sender: SenderInfo) => Promise<unknown>;

beforeEach(() => {
  db = new WengaoDB('snippet-handlers', { indexedDB: new IDBFactory(), IDBKeyRange });
  clock = 1_800_000_000_000;
  repo = new SnippetRepository(db, { now: () => clock });
  sent = [];
  reply = { ok: true };
  area = memoryArea();
  const handlers = snippetHandlers({
    repo,
    corpus: async () => defaultCorpus,
    local: area,
    targets: new SnippetTargets(area),
    sendToFrame: async (tabId, frameId, message) => {
      sent.push({ tabId, frameId, message });
      if (reply instanceof Error) throw reply;
      return reply;
    },
    now: () => clock,
  });
  dispatch = createDispatcher(handlers as unknown as MessageHandlers, SELF);
});
afterEach(() => db.close());

const saved = (r: unknown): Snippet => {
  const s = r as SaveResult;
  if (!s.ok) throw new Error(JSON.stringify(s.problems));
  return s.snippet;
};
const refused = (p: Promise<unknown>) => expect(p).rejects.toBeInstanceOf(MessageRefused);

describe('snippet message policy', () => {
  it('lets content scripts send only what the picker and 保存为常用语 need', () => {
    const fromContent = Object.entries(MESSAGE_POLICY)
      .filter(([type, rule]) => /snippet|selection|starter/i.test(type) && (rule.from as readonly string[]).includes('content-script'))
      .map(([type]) => type)
      .sort();
    expect(fromContent).toEqual(['editSavedSnippet', 'noteSnippetTarget', 'recordSnippetUse', 'saveSelection', 'searchSnippets', 'undoSavedSnippet']);
    // Speaking for a page's selection or editor is the page's content script's business only.
    for (const type of ['saveSelection', 'editSavedSnippet', 'undoSavedSnippet', 'noteSnippetTarget'] as const) {
      expect(MESSAGE_POLICY[type].from).toEqual(['content-script']);
    }
  });

  it('refuses managing snippets from a content script, and bad data from anyone, before any handler', async () => {
    const a = saved(await dispatch('createSnippet', { body: '坚持和加强党的全面领导。' }, panel));
    for (const [type, data] of [
      ['listSnippets', {}],
      ['createSnippet', { body: '网页自己写进来的常用语' }],
      ['updateSnippet', { id: a.id, body: '改掉' }],
      ['deleteSnippet', { id: a.id }],
      ['exportSnippets', undefined],
      ['importSnippets', { text: '{}' }],
      ['importStarterPack', undefined],
      ['insertSnippet', { id: a.id, tabId: 5 }],
      ['setSnippetTrigger', { trigger: '' }],
    ] as const) {
      await refused(dispatch(type, data, content()));
    }
    await refused(dispatch('saveSelection', { text: '侧边栏不能冒充网页' }, panel));
    await refused(dispatch('searchSnippets', { query: 'x'.repeat(201) }, panel));
    await refused(dispatch('searchSnippets', { query: 'a', limit: 10_000 }, content()));
    await refused(dispatch('createSnippet', { body: '' }, panel));
    await refused(dispatch('createSnippet', { body: 'x', tags: 'not an array' }, panel));
    await refused(dispatch('deleteSnippet', { id: -1 }, panel));
    await refused(dispatch('deleteSnippet', { id: 1.5 }, panel));
    expect(await repo.list()).toEqual([a]);
  });
});

describe('snippet handlers', () => {
  it('create, search by initials, update, delete and undo from the side panel', async () => {
    const a = saved(await dispatch('createSnippet', { title: '三会一课', body: '严格落实“三会一课”制度。', tags: ['组织生活'] }, panel));
    saved(await dispatch('createSnippet', { body: '充分发挥党员先锋模范作用。' }, panel));
    const hits = (await dispatch('searchSnippets', { query: 'shyk' }, content())) as { hits: { snippet: Snippet }[] };
    expect(hits.hits.map((h) => h.snippet.id)).toEqual([a.id]);
    const mixed = (await dispatch('searchSnippets', { query: '先锋mf' }, panel)) as { hits: { snippet: Snippet }[] };
    expect(mixed.hits.map((h) => h.snippet.body)).toEqual(['充分发挥党员先锋模范作用。']);

    const u = saved(await dispatch('updateSnippet', { id: a.id, tags: ['组织生活', '制度'] }, panel));
    expect(u.tags).toEqual(['组织生活', '制度']);
    expect(await dispatch('snippetTags', undefined, panel)).toEqual([
      { tag: '制度', count: 1 },
      { tag: '组织生活', count: 1 },
    ]);
    const removed = (await dispatch('deleteSnippet', { id: a.id }, panel)) as Snippet;
    expect(await repo.get(a.id)).toBeNull();
    expect(saved(await dispatch('restoreSnippet', { snippet: removed }, panel))).toEqual(removed);
    expect((await dispatch('listSnippets', { limit: 1 }, panel)) as object).toMatchObject({ total: 2, snippets: [removed] });
  });

  it('saves a page selection with the sender’s page as the source, whatever the data says', async () => {
    const s = saved(await dispatch('saveSelection', { text: '  推动全面从严治党\r\n向纵深发展。 ', source: 'manual' }, content(`${PAGE}#part2`)));
    expect(s).toMatchObject({ body: '推动全面从严治党\n向纵深发展。', source: PAGE, title: '' });
    // A frame of another site saves with its own URL (its toast is checked against that site).
    const f = saved(await dispatch('saveSelection', { text: '以党建引领基层治理。' }, content('https://frame.example.org/x', 5, 3)));
    expect(f.source).toBe('https://frame.example.org/x');
    // Saving the same text again merges.
    const again = (await dispatch('saveSelection', { text: '推动全面从严治党\n向纵深发展。' }, content())) as SaveResult;
    expect(again).toMatchObject({ ok: true, created: false, snippet: { id: s.id } });
  });

  it('lets the toast add a title and tags or undo, only for its own site and only for a while', async () => {
    const s = saved(await dispatch('saveSelection', { text: '严格落实“三会一课”制度。' }, content()));
    const other = content('https://evil.example/');
    expect(await dispatch('editSavedSnippet', { id: s.id, title: '偷改' }, other)).toMatchObject({ ok: false, problems: [{ code: 'not-found' }] });
    expect(await dispatch('undoSavedSnippet', { id: s.id }, other)).toBe(false);

    const e = saved(await dispatch('editSavedSnippet', { id: s.id, title: '三会一课', tags: ['组织生活'] }, content('https://news.example.com/other')));
    expect(e).toMatchObject({ title: '三会一课', tags: ['组织生活'], body: s.body });

    // A snippet typed in the panel (source manual) is never the toast's.
    const m = saved(await dispatch('createSnippet', { body: '坚持和加强党的全面领导。' }, panel));
    expect(await dispatch('undoSavedSnippet', { id: m.id }, content())).toBe(false);

    // Used once: no longer taken back from the page.
    await dispatch('recordSnippetUse', { id: s.id }, content());
    expect(await dispatch('undoSavedSnippet', { id: s.id }, content())).toBe(false);

    const t = saved(await dispatch('saveSelection', { text: '以党建引领基层治理。' }, content()));
    clock += TOAST_WINDOW_MS + 1;
    expect(await dispatch('undoSavedSnippet', { id: t.id }, content())).toBe(false);
    expect(await dispatch('editSavedSnippet', { id: t.id, title: '晚了' }, content())).toMatchObject({ ok: false });
    clock -= TOAST_WINDOW_MS;
    expect(await dispatch('undoSavedSnippet', { id: t.id }, content())).toBe(true);
    expect(await repo.get(t.id)).toBeNull();
    expect((await repo.list()).map((x) => x.id).sort()).toEqual([s.id, m.id].sort());
  });

  it('inserts into the frame whose editor last had the focus and counts the use only when it was inserted', async () => {
    const s = saved(await dispatch('createSnippet', { body: '坚持和加强党的全面领导。' }, panel));
    expect(await dispatch('noteSnippetTarget', undefined, content(PAGE, 5, 0))).toBe(true);
    expect(await dispatch('noteSnippetTarget', undefined, content('https://editor.example/frame', 5, 4))).toBe(true);
    expect(await dispatch('noteSnippetTarget', undefined, content(PAGE, 8, 2))).toBe(true);

    expect(await dispatch('insertSnippet', { id: s.id, tabId: 5 }, panel)).toEqual({ ok: true });
    expect(sent).toEqual([{ tabId: 5, frameId: 4, message: insertMessage(s.body) }]);
    expect((await repo.get(s.id))!.useCount).toBe(1);

    reply = { ok: false, reason: 'no-editor' };
    expect(await dispatch('insertSnippet', { id: s.id, tabId: 8 }, panel)).toEqual({ ok: false, reason: 'no-editor' });
    expect(sent.at(-1)).toMatchObject({ tabId: 8, frameId: 2 });
    reply = new Error('Could not establish connection. Receiving end does not exist.');
    expect(await dispatch('insertSnippet', { id: s.id, tabId: 9 }, panel)).toEqual({ ok: false, reason: 'no-editor' });
    expect(sent.at(-1)).toMatchObject({ tabId: 9, frameId: 0 });
    expect(await dispatch('insertSnippet', { id: 999, tabId: 5 }, panel)).toEqual({ ok: false, reason: 'not-found' });
    expect((await repo.get(s.id))!.useCount).toBe(1);
  });

  it('remembers insert targets across a restart of the background (session storage)', async () => {
    const a = new SnippetTargets(area);
    await a.note(3, 7, 100);
    const b = new SnippetTargets(area);
    expect(await b.get(3)).toEqual({ frameId: 7, at: 100 });
    expect(await b.get(4)).toBeNull();
  });

  it('exports, imports (twice adds nothing; a bad file changes nothing) and imports the starter pack', async () => {
    saved(await dispatch('createSnippet', { title: '三会一课', body: '严格落实“三会一课”制度。', tags: ['组织生活'] }, panel));
    const text = (await dispatch('exportSnippets', undefined, panel)) as string;
    expect(JSON.parse(text)).toMatchObject({ format: 'wengao-snippets', version: 1, snippets: [{ title: '三会一课' }] });
    expect(await dispatch('importSnippets', { text }, panel)).toEqual({ ok: true, added: 0, merged: 0, unchanged: 1 });
    const bad = (await dispatch('importSnippets', { text: '{"format":"wengao-snippets","version":1,"snippets":[{"body":"好的"},{"body":7}]}' }, panel)) as {
      ok: false;
      problems: { zh: string; en: string }[];
    };
    expect(bad.ok).toBe(false);
    expect(bad.problems[0]!.zh).toContain('第 2 条常用语');
    expect(await repo.count()).toBe(1);

    const pack = (await dispatch('importStarterPack', undefined, panel)) as { ok: true; added: number };
    expect(pack.ok).toBe(true);
    expect(pack.added).toBeGreaterThan(20);
    expect(await dispatch('importStarterPack', undefined, panel)).toMatchObject({ ok: true, added: 0 });
  });

  it('stores a valid trigger (or none) and keeps the old one for an invalid', async () => {
    expect(await dispatch('setSnippetTrigger', { trigger: ';;' }, panel)).toBe(';;');
    expect(area.data[SNIPPET_TRIGGER_KEY]).toBe(';;');
    expect(await dispatch('setSnippetTrigger', { trigger: 'zz' }, panel)).toBe(';;');
    expect(await dispatch('setSnippetTrigger', { trigger: '' }, panel)).toBe('');
  });
});

describe('pageSource', () => {
  it('keeps a page URL without its fragment; other pages are manual', () => {
    expect(pageSource('https://a.example/p?q=1#x')).toBe('https://a.example/p?q=1');
    expect(pageSource(`https://a.example/${'x'.repeat(3000)}?q=${'y'.repeat(3000)}`)).toBe('https://a.example');
    expect(pageSource('chrome://newtab/')).toBe('manual');
    expect(pageSource('about:blank')).toBe('manual');
    expect(pageSource(undefined)).toBe('manual');
  });
});
