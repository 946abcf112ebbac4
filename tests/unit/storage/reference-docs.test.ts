import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultCorpus } from '@/lib/corpus/default';
import { ImportError, MAX_TEXT_CHARS } from '@/lib/import/errors';
import { builderSignature, buildReferenceCorpus, prepareReference } from '@/lib/import/pipeline';
import type { ReferenceImport } from '@/lib/import/types';
import { WengaoDB } from '@/lib/storage/db';
import { ReferenceLibrary } from '@/lib/storage/reference-docs';
import { longReferenceText, makeDocx, SMART_PARTY_PARAGRAPHS } from '../import/fixtures';

const TEXT_A = '如何当好党支部书记\n一、当前存在的问题\n一些支部书记政治理论学习不够，理想信念不够坚定。\n二、对策\n要加强理论学习，发挥先锋模范作用。';
const TEXT_B = '关于加强制度建设的思考\n要健全规章制度，严格落实“三会一课”，推进党建工作制度化、规范化。';

let db: WengaoDB;
let clock: number;
let changes: number;
let library: ReferenceLibrary;

function open(): ReferenceLibrary {
  return new ReferenceLibrary(db, { now: () => ++clock, onChange: () => changes++ });
}

beforeEach(() => {
  db = new WengaoDB('wengao-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  clock = 1_700_000_000_000;
  changes = 0;
  library = open();
});

afterEach(() => db.close());

const paste = (id: string, text: string, title = '') => prepareReference({ type: 'paste', title, text }, { id });

async function counts() {
  return [await db.referenceDocs.count(), await db.referenceTexts.count(), await db.referenceCorpora.count()];
}

describe('ReferenceLibrary: import, list, disable, delete', () => {
  it('stores a document whole (metadata, text, corpus) and lists it with what it contributed', async () => {
    const doc = await library.add(await prepareReference({ type: 'file', name: '总结.txt', bytes: new TextEncoder().encode(TEXT_A) }, { id: 'a' }));
    expect(doc).toMatchObject({ id: 'a', title: '总结', kind: 'txt', fileName: '总结.txt', chars: TEXT_A.length, enabled: true, addedAt: clock });
    expect(doc.contribution).toMatchObject({ essays: 1, roles: ['problems', 'measures'] });
    expect(doc.contribution.themes).toEqual(expect.arrayContaining(['political-theory', 'vanguard']));
    expect(await counts()).toEqual([1, 1, 1]);
    expect(await library.text('a')).toBe(TEXT_A);
    expect(await library.list()).toEqual([doc]);
    expect(changes).toBe(1);
  });

  it('lists newest first', async () => {
    await library.add(await paste('a', TEXT_A, '甲'));
    await library.add(await paste('b', TEXT_B, '乙'));
    await library.add(await prepareReference({ type: 'file', name: '丙.docx', bytes: await makeDocx(SMART_PARTY_PARAGRAPHS) }, { id: 'c' }));
    expect((await library.list()).map((d) => [d.title, d.kind])).toEqual([
      ['丙', 'docx'],
      ['乙', 'paste'],
      ['甲', 'paste'],
    ]);
  });

  it('disables and enables a document (kept, but left out of the effective corpus)', async () => {
    await library.add(await paste('a', TEXT_A));
    expect(await library.setEnabled('a', false)).toMatchObject({ id: 'a', enabled: false });
    expect((await library.list())[0]!.enabled).toBe(false);
    expect(await counts()).toEqual([1, 1, 1]);
    expect((await library.effectiveCorpus()).userDocs).toEqual({});
    expect(await library.setEnabled('a', true)).toMatchObject({ enabled: true });
    expect(Object.keys((await library.effectiveCorpus()).userDocs)).toEqual(['a']);
    expect(await library.setEnabled('missing', false)).toBeNull();
    expect(changes).toBe(3);
  });

  it('deletes a document with its text and corpus', async () => {
    await library.add(await paste('a', TEXT_A));
    await library.add(await paste('b', TEXT_B));
    expect(await library.remove('a')).toBe(true);
    expect(await counts()).toEqual([1, 1, 1]);
    expect((await library.list()).map((d) => d.id)).toEqual(['b']);
    expect(await library.text('a')).toBeNull();
    expect(await library.remove('a')).toBe(false);
    expect(changes).toBe(3);
  });

  it('keeps documents across a reopened database', async () => {
    await library.add(await paste('a', TEXT_A, '甲'));
    const again = open();
    expect((await again.list()).map((d) => d.title)).toEqual(['甲']);
    expect(Object.keys((await again.effectiveCorpus()).userDocs)).toEqual(['a']);
  });
});

describe('ReferenceLibrary: failures change nothing', () => {
  const codeOf = async (p: Promise<unknown>) => {
    try {
      await p;
      return 'no error';
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      return (error as ImportError).code;
    }
  };

  it('rolls back the whole import when a write in the transaction fails (the corpus row)', async () => {
    await library.add(await paste('a', TEXT_A));
    const bad = await paste('b', TEXT_B);
    // Metadata and text are written first; the corpus row then fails (a quota error, say).
    const spy = vi.spyOn(db.referenceCorpora, 'add').mockImplementationOnce(() => Promise.reject(new DOMException('quota', 'QuotaExceededError')) as never);
    expect(await codeOf(library.add(bad))).toBe('storage');
    spy.mockRestore();
    expect(await counts()).toEqual([1, 1, 1]);
    expect((await library.list()).map((d) => d.id)).toEqual(['a']);
    expect(await library.text('b')).toBeNull();
    expect(changes).toBe(1);
  });

  it('rolls back when the last table already holds the id (ConstraintError)', async () => {
    await db.referenceCorpora.add({ id: 'b', signature: 'x', corpus: defaultCorpus });
    expect(await codeOf(library.add(await paste('b', TEXT_B)))).toBe('storage');
    expect(await db.referenceDocs.get('b')).toBeUndefined();
    expect(await db.referenceTexts.get('b')).toBeUndefined();
  });

  it('refuses a duplicate id without touching the stored document', async () => {
    await library.add(await paste('a', TEXT_A, '原文'));
    expect(await codeOf(library.add(await paste('a', TEXT_B, '新文')))).toBe('storage');
    expect((await library.list()).map((d) => d.title)).toEqual(['原文']);
    expect(await library.text('a')).toBe(TEXT_A);
  });

  it('refuses malformed imports (no id, empty or oversized text) with a code', async () => {
    const good = await paste('g', TEXT_A);
    const cases: [Partial<ReferenceImport> | null, string][] = [
      [null, 'storage'],
      [{ ...good, id: '' }, 'storage'],
      [{ ...good, text: '  \n ' }, 'empty'],
      [{ ...good, text: undefined as unknown as string }, 'empty'],
      [{ ...good, text: '党'.repeat(MAX_TEXT_CHARS + 1) }, 'too-large'],
    ];
    for (const [input, code] of cases) expect(await codeOf(library.add(input as ReferenceImport))).toBe(code);
    expect(await counts()).toEqual([0, 0, 0]);
    expect(changes).toBe(0);
  });

  it('rebuilds a corpus that does not belong to the document or was built by another builder', async () => {
    const a = await paste('a', TEXT_A, '甲');
    const foreign = { ...a, corpus: buildReferenceCorpus('other', 'x', TEXT_B) };
    const added = await library.add(foreign);
    const row = await db.referenceCorpora.get('a');
    expect(row!.corpus.docs.every((d) => d.parent === 'a')).toBe(true);
    expect(row!.corpus).toEqual(buildReferenceCorpus('a', '甲', TEXT_A));
    expect(added.contribution.roles).toEqual(['problems', 'measures']);
    const stale = { ...(await paste('b', TEXT_B)), signature: 'old', corpus: { version: 1 } as never };
    await library.add(stale);
    expect((await db.referenceCorpora.get('b'))!.signature).toBe(builderSignature());
  });
});

describe('ReferenceLibrary: effective corpus', () => {
  it('is the default corpus while the library is empty', async () => {
    expect(await library.effectiveCorpus()).toEqual({ corpus: defaultCorpus, userDocs: {} });
  });

  it('merges enabled documents after the default corpus, oldest first, with their titles', async () => {
    await library.add(await paste('a', TEXT_A, '甲'));
    await library.add(await prepareReference({ type: 'file', name: '汇编.docx', bytes: await makeDocx(SMART_PARTY_PARAGRAPHS) }, { id: 'c' }));
    const { corpus, userDocs } = await library.effectiveCorpus();
    expect(userDocs).toEqual({ a: { title: '甲', kind: 'paste' }, c: { title: '汇编', kind: 'docx' } });
    const n = defaultCorpus.docs.length;
    expect(corpus.docs.slice(0, n)).toEqual(defaultCorpus.docs);
    expect(corpus.docs.slice(n).map((d) => d.parent)).toEqual(['a', 'c', 'c', 'c']);
    expect(corpus.themes.find((t) => t.id === 'informatization')!.docs).toBe(
      defaultCorpus.themes.find((t) => t.id === 'informatization')!.docs + 3,
    );
  });

  it('is cached until the library changes, then recomputed', async () => {
    await library.add(await paste('a', TEXT_A));
    const first = await library.effectiveCorpus();
    expect(await library.effectiveCorpus()).toBe(first);
    await library.setEnabled('a', false);
    const second = await library.effectiveCorpus();
    expect(second).not.toBe(first);
    expect(second.corpus).toBe(defaultCorpus);
    await library.add(await paste('b', TEXT_B));
    expect(Object.keys((await library.effectiveCorpus()).userDocs)).toEqual(['b']);
    await library.remove('b');
    expect((await library.effectiveCorpus()).userDocs).toEqual({});
  });

  it('rebuilds stale stored corpora from their text (after a builder update) and stores the result', async () => {
    await library.add(await paste('a', TEXT_A, '甲'));
    await db.referenceCorpora.update('a', { signature: 'from-an-older-version', corpus: { version: 1 } as never });
    const fresh = open();
    const { corpus } = await fresh.effectiveCorpus();
    expect(corpus.docs.at(-1)).toMatchObject({ parent: 'a', title: '如何当好党支部书记' });
    const row = await db.referenceCorpora.get('a');
    expect(row).toEqual({ id: 'a', signature: builderSignature(), corpus: buildReferenceCorpus('a', '甲', TEXT_A) });
  });

  it('skips a document whose corpus and text are both gone instead of failing', async () => {
    await library.add(await paste('a', TEXT_A));
    await db.referenceCorpora.delete('a');
    await db.referenceTexts.delete('a');
    expect((await open().effectiveCorpus()).userDocs).toEqual({});
  });

  // Its speed is measured by `npm run bench` (import target < 1 s).
  it('stores a 100,000-character document and merges it', async () => {
    const text = longReferenceText(100_000);
    const prepared = await prepareReference({ type: 'file', name: 'long.txt', bytes: new TextEncoder().encode(text) }, { id: 'long' });
    await library.add(prepared);
    const { userDocs } = await library.effectiveCorpus();
    expect(Object.keys(userDocs)).toEqual(['long']);
  });
});
