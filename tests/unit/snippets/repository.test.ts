import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCorpus } from '@/lib/corpus/default';
import { DB_NAME, WengaoDB } from '@/lib/storage/db';
import { SnippetRepository } from '@/lib/storage/snippets';
import { MAX_SNIPPETS, serializeSnippetFile, SNIPPET_FILE_FORMAT, TIER, type Snippet } from '@/lib/snippets';

let indexedDB: IDBFactory;
let db: WengaoDB;
let repo: SnippetRepository;
let clock: number;
let changes: number;

beforeEach(() => {
  indexedDB = new IDBFactory();
  db = new WengaoDB(DB_NAME, { indexedDB, IDBKeyRange });
  clock = 1_800_000_000_000;
  changes = 0;
  repo = new SnippetRepository(db, { now: () => ++clock, onChange: () => changes++ });
});
afterEach(() => db.close());

const created = async (input: unknown): Promise<Snippet> => {
  const r = await repo.create(input);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.snippet;
};
const searchIds = async (r: SnippetRepository, q: string, options = {}) => (await r.search(q, options)).hits.map((h) => h.snippet.id);

describe('snippet repository: create, read, update, delete', () => {
  it('creates, reads, lists, updates and deletes with undo', async () => {
    const a = await created({ title: '三会一课', body: '严格落实“三会一课”制度。', tags: ['组织生活'], source: 'https://example.org/p' });
    const b = await created({ body: '充分发挥党员先锋模范作用。' });
    expect(a).toMatchObject({ title: '三会一课', tags: ['组织生活'], source: 'https://example.org/p', useCount: 0, lastUsedAt: 0 });
    expect(b.source).toBe('manual');
    expect(await repo.get(a.id)).toEqual(a);
    expect((await repo.list()).map((s) => s.id)).toEqual([a.id, b.id]);
    expect(await repo.count()).toBe(2);

    const u = await repo.update(a.id, { title: '组织生活制度', tags: ['组织生活', '制度建设'] });
    expect(u).toMatchObject({ ok: true, snippet: { id: a.id, title: '组织生活制度', body: a.body, tags: ['组织生活', '制度建设'] } });
    expect(u.ok && u.snippet.updatedAt).toBeGreaterThan(a.updatedAt);
    expect(await repo.tags()).toEqual([
      { tag: '制度建设', count: 1 },
      { tag: '组织生活', count: 1 },
    ]);

    const removed = await repo.remove(a.id);
    expect(removed).toEqual(u.ok && u.snippet);
    expect(await repo.get(a.id)).toBeNull();
    expect(await repo.remove(a.id)).toBeNull();
    const restored = await repo.restore(removed!);
    expect(restored).toEqual({ ok: true, snippet: removed, created: true });
    expect(await repo.get(a.id)).toEqual(removed);
    expect(changes).toBe(5);
  });

  it('the same body saved twice merges instead of doubling', async () => {
    const a = await created({ body: '坚持和加强党的全面领导。', tags: ['政治建设'] });
    const again = await repo.create({ title: '全面领导', body: '  坚持和加强党的全面领导。\n', tags: ['党的领导'] });
    expect(again).toMatchObject({ ok: true, created: false, snippet: { id: a.id, title: '全面领导', tags: ['政治建设', '党的领导'] } });
    const third = await repo.create({ body: '坚持和加强党的全面领导。' });
    expect(third).toMatchObject({ ok: true, created: false, snippet: { id: a.id } });
    expect(await repo.count()).toBe(1);
  });

  it('refuses bad input and an edit that would duplicate another body', async () => {
    expect(await repo.create({ body: '' })).toMatchObject({ ok: false, problems: [{ code: 'empty', zh: '正文不能为空。' }] });
    const a = await created({ body: '甲方案' });
    await created({ body: '乙方案' });
    expect(await repo.update(a.id, { body: '乙方案' })).toMatchObject({ ok: false, problems: [{ code: 'duplicate' }] });
    expect(await repo.update(a.id, { tags: 'x' })).toMatchObject({ ok: false, problems: [{ code: 'type' }] });
    expect(await repo.update(999, { title: 'x' })).toMatchObject({ ok: false, problems: [{ code: 'not-found' }] });
    expect((await repo.get(a.id))!.body).toBe('甲方案');
  });

  it('records use: count and time, which then rank it first among equals', async () => {
    const a = await created({ body: '以党建引领基层治理。' });
    const b = await created({ body: '以党建引领乡村振兴。' });
    expect(await searchIds(repo, '以党建')).toEqual([b.id, a.id]); // newer first when unused
    const used = await repo.recordUse(a.id);
    expect(used).toMatchObject({ id: a.id, useCount: 1, lastUsedAt: clock });
    await repo.recordUse(a.id);
    expect((await repo.get(a.id))!.useCount).toBe(2);
    expect(await searchIds(repo, '以党建')).toEqual([a.id, b.id]);
    expect(await repo.recordUse(12345)).toBeNull();
  });
});

describe('snippet repository: search', () => {
  it('finds by pinyin initials, full pinyin and mixed queries, and follows edits', async () => {
    const vanguard = await created({ body: '在重大任务面前充分发挥先锋模范作用。', title: '先锋模范作用' });
    const meetings = await created({ body: '按期开展“三会一课”，坚持书记讲党课。' });
    const lead = await created({ body: '以党建引领基层治理，提升治理效能。', tags: ['基层党建'] });
    expect(await searchIds(repo, 'xfmf')).toEqual([vanguard.id]);
    expect(await searchIds(repo, 'shyk')).toEqual([meetings.id]);
    expect(await searchIds(repo, 'kzshyk')).toEqual([meetings.id]);
    expect(await searchIds(repo, '党建yl')).toEqual([lead.id]);
    expect(await searchIds(repo, 'xianfeng')).toEqual([vanguard.id]);
    expect(await searchIds(repo, '#jcdj')).toEqual([lead.id]);
    const hit = (await repo.search('xfmfzy')).hits[0]!;
    expect(hit.score).toBe(TIER.titleReadingPrefix);

    await repo.update(vanguard.id, { title: '', body: '发挥战斗堡垒作用。' });
    expect(await searchIds(repo, 'xfmf')).toEqual([]);
    expect(await searchIds(repo, 'zdbl')).toEqual([vanguard.id]);
    await repo.remove(lead.id);
    expect(await searchIds(repo, '党建yl')).toEqual([]);
  });

  it('stores readings with the row (search needs no pinyin-pro) and indexes title pinyin', async () => {
    const s = await created({ title: '三会一课', body: '按期开展。' });
    const row = (await db.snippets.get(s.id))!;
    expect(row).toMatchObject({ pyInitials: 'shyk', pyFull: 'sanhuiyike' });
    expect(row.readings.title).toEqual({ full: 'sanhuiyike', lens: '3322' });
    expect((await db.snippets.where('pyInitials').startsWith('shy').primaryKeys())).toEqual([s.id]);
  });

  it('re-computes readings stored by an older version', async () => {
    const s = await created({ title: '三会一课', body: '按期开展。' });
    await db.snippets.update(s.id, { readings: { version: 0, title: { full: '', lens: '' }, body: { full: '', lens: '' } } });
    const fresh = new SnippetRepository(db);
    expect(await searchIds(fresh, 'shyk')).toEqual([s.id]);
  });
});

describe('snippet repository: import and export', () => {
  const file = (snippets: unknown[]) => JSON.stringify({ format: SNIPPET_FILE_FORMAT, version: 1, snippets });

  it('imports a good file in one go; the same file twice adds nothing', async () => {
    const text = file([
      { title: '两个确立', body: '深刻领悟“两个确立”的决定性意义。', tags: ['政治建设'] },
      { body: '增强“四个意识”、坚定“四个自信”、做到“两个维护”。', useCount: 3, lastUsedAt: 100 },
      { body: '深刻领悟“两个确立”的决定性意义。', tags: ['理论学习'] },
    ]);
    expect(await repo.importFile(text)).toEqual({ ok: true, added: 2, merged: 0, unchanged: 0 });
    const list = await repo.list();
    expect(list.map((s) => [s.title, s.tags, s.useCount])).toEqual([
      ['两个确立', ['政治建设', '理论学习'], 0],
      ['', [], 3],
    ]);
    const changesAfterFirst = changes;
    expect(await repo.importFile(text)).toEqual({ ok: true, added: 0, merged: 0, unchanged: 2 });
    expect(await repo.list()).toEqual(list);
    expect(changes).toBe(changesAfterFirst); // nothing written, nothing announced
    expect(await searchIds(repo, 'lgql')).toEqual([list[0]!.id]);
  });

  it('merges an import into snippets already there', async () => {
    const mine = await created({ body: '守正创新，久久为功。', tags: ['我的'] });
    expect(await repo.importFile(file([{ title: '工作作风', body: '守正创新，久久为功。', tags: ['作风'] }, { body: '新的一条。' }]))).toEqual({
      ok: true,
      added: 1,
      merged: 1,
      unchanged: 0,
    });
    expect(await repo.get(mine.id)).toMatchObject({ title: '工作作风', tags: ['我的', '作风'], source: 'manual' });
  });

  it('a bad file changes nothing and says why in both languages', async () => {
    await created({ body: '已有的一条。' });
    const before = await repo.list();
    const r = await repo.importFile(file([{ body: '好的。' }, { body: 'x'.repeat(20_001) }]));
    expect(r).toMatchObject({ ok: false, problems: [{ path: 'snippets[1].body', code: 'too-long' }] });
    if (!r.ok) {
      expect(r.problems[0]!.zh).toContain('第 2 条常用语的正文过长');
      expect(r.problems[0]!.en).toContain('Snippet 2 body is too long');
    }
    expect(await repo.importFile('{"format":"wengao-snippets","version":1,"snippets":[')).toMatchObject({ ok: false, problems: [{ code: 'not-json' }] });
    expect(await repo.list()).toEqual(before);
  });

  it('refuses an import that would pass the collection limit, writing nothing', async () => {
    const many = Array.from({ length: MAX_SNIPPETS }, (_, i) => ({ body: `第${i}条` }));
    expect(await repo.importFile(file(many))).toMatchObject({ ok: true, added: MAX_SNIPPETS });
    const r = await repo.importFile(file([{ body: '第0条' }, { body: '多出的一条' }]));
    expect(r).toMatchObject({ ok: false, problems: [{ code: 'too-many' }] });
    expect(await repo.count()).toBe(MAX_SNIPPETS);
    expect(await repo.create({ body: '又一条' })).toMatchObject({ ok: false, problems: [{ code: 'too-many' }] });
  });

  it('exports what it imports (round trip into an empty profile)', async () => {
    await created({ title: '题', body: '第一条。', tags: ['甲'], source: 'https://example.org/x' });
    await created({ body: '第二条。' });
    await repo.recordUse((await repo.list())[1]!.id);
    const text = serializeSnippetFile(await repo.exportFile());
    const other = new WengaoDB('other', { indexedDB, IDBKeyRange });
    const otherRepo = new SnippetRepository(other);
    expect(await otherRepo.importFile(text)).toEqual({ ok: true, added: 2, merged: 0, unchanged: 0 });
    const strip = (s: Snippet) => ({ ...s, id: 0 });
    expect((await otherRepo.list()).map(strip)).toEqual((await repo.list()).map(strip));
    other.close();
  });

  it('imports the starter pack once; a second click adds nothing', async () => {
    const first = await repo.importStarterPack(defaultCorpus);
    expect(first.ok && first.added).toBeGreaterThan(40);
    expect(await repo.importStarterPack(defaultCorpus)).toMatchObject({ ok: true, added: 0, merged: 0 });
    const hits = (await repo.search('sgys')).hits.map((h) => h.snippet);
    expect(hits[0]).toMatchObject({ title: '四个意识', source: 'corpus', body: '政治意识、大局意识、核心意识、看齐意识' });
    expect((await repo.tags()).some((t) => t.tag === '先锋模范/表率作用')).toBe(true);
  });
});

describe('snippet repository: schema upgrade', () => {
  it('upgrades a version-2 database with data in it, keeping every table', async () => {
    const idb = new IDBFactory();
    const v2 = new Dexie(DB_NAME, { indexedDB: idb, IDBKeyRange });
    v2.version(1).stores({ referenceDocs: 'id, addedAt', referenceTexts: 'id', referenceCorpora: 'id' });
    v2.version(2).stores({ dictionary: 'word, addedAt' });
    await v2.table('referenceTexts').add({ id: 'doc-1', text: '参考正文' });
    await v2.table('referenceDocs').add({ id: 'doc-1', addedAt: 1, title: '参考', enabled: 1 });
    await v2.table('dictionary').bulkAdd([
      { word: '两学一做', addedAt: 1 },
      { word: '三会一课', addedAt: 2 },
    ]);
    v2.close();

    const upgraded = new WengaoDB(DB_NAME, { indexedDB: idb, IDBKeyRange });
    await upgraded.open();
    expect(upgraded.verno).toBeGreaterThanOrEqual(3);
    expect(await upgraded.referenceTexts.get('doc-1')).toEqual({ id: 'doc-1', text: '参考正文' });
    expect(await upgraded.referenceDocs.count()).toBe(1);
    expect((await upgraded.dictionary.orderBy('addedAt').toArray()).map((r) => r.word)).toEqual(['两学一做', '三会一课']);
    const snippets = new SnippetRepository(upgraded);
    expect(await snippets.count()).toBe(0);
    const r = await snippets.create({ body: '以党建引领基层治理。' });
    expect(r.ok).toBe(true);
    expect(await searchIds(snippets, 'djyl')).toHaveLength(1);
    upgraded.close();
  });
});

describe('snippet repository: two contexts', () => {
  it('two connections writing at once: nothing lost, no duplicate body, each sees the other', async () => {
    const db2 = new WengaoDB(DB_NAME, { indexedDB, IDBKeyRange });
    const other = new SnippetRepository(db2);
    await repo.warm();
    await other.warm();
    const bodies = Array.from({ length: 20 }, (_, i) => `第${i}项重点任务要抓紧落实。`);
    const shared = '两个连接同时保存的同一句话。';
    const results = await Promise.all([
      ...bodies.map((body, i) => (i % 2 ? repo : other).create({ body })),
      repo.create({ body: shared, tags: ['甲'] }),
      other.create({ body: shared, tags: ['乙'] }),
      repo.importFile(JSON.stringify({ format: SNIPPET_FILE_FORMAT, version: 1, snippets: [{ body: shared }, { body: '导入的一条。' }] })),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await repo.count()).toBe(22);
    const sharedRows = (await repo.list()).filter((s) => s.body === shared);
    expect(sharedRows).toHaveLength(1);
    expect([...sharedRows[0]!.tags].sort()).toEqual(['乙', '甲']);
    // Each side's cached index learns of the other's writes.
    expect((await repo.search('zdrw')).total).toBe(20);
    expect((await other.search('zdrw')).total).toBe(20);
    const fromOther = await other.create({ body: '另一个连接新加的。' });
    expect(await searchIds(repo, 'lygljxjd')).toEqual([fromOther.ok && fromOther.snippet.id]);
    await repo.remove(fromOther.ok ? fromOther.snippet.id : -1);
    expect(await searchIds(other, 'lygljxjd')).toEqual([]);
    // Concurrent use counts add up.
    const target = sharedRows[0]!.id;
    await Promise.all([repo.recordUse(target), other.recordUse(target), repo.recordUse(target)]);
    expect((await other.get(target))!.useCount).toBe(3);
    db2.close();
  });

  it('a search that may skip the revision check (maxStaleMs) still sees its own writes, and the other side\'s once it checks', async () => {
    const db2 = new WengaoDB(DB_NAME, { indexedDB, IDBKeyRange });
    const other = new SnippetRepository(db2);
    await repo.search('x'); // checked just now
    const long = { maxStaleMs: 60_000 };
    const own = await repo.create({ body: '本连接刚保存的一句话。' });
    expect(await searchIds(repo, 'bljgbc', long)).toEqual([own.ok && own.snippet.id]);
    // The other side writes, then this side writes too: its index was behind, so it reloads.
    const theirs = await other.create({ body: '另一个连接保存的话。' });
    const mine = await repo.create({ body: '随后本连接又保存的话。' });
    expect(await searchIds(repo, 'lygljbc', long)).toEqual([theirs.ok && theirs.snippet.id]);
    expect(await searchIds(repo, 'shbljy', long)).toEqual([mine.ok && mine.snippet.id]);
    // Without a window every search checks.
    const later = await other.create({ body: '最后由另一个连接保存。' });
    expect(await searchIds(repo, 'zhyly')).toEqual([later.ok && later.snippet.id]);
    db2.close();
  });
});
