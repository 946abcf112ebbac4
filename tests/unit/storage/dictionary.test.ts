import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { DB_NAME, WengaoDB } from '@/lib/storage/db';
import { MAX_WORD_LENGTH, MAX_WORDS, normalizeWord, PersonalDictionary } from '@/lib/storage/dictionary';

let db: WengaoDB;
let changes: number;
let clock: number;
let dictionary: PersonalDictionary;

beforeEach(() => {
  db = new WengaoDB('wengao-dict-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  changes = 0;
  clock = 1_700_000_000_000;
  dictionary = new PersonalDictionary(db, { onChange: () => changes++, now: () => ++clock });
});
afterEach(() => db.close());

describe('personal dictionary', () => {
  it('adds, lists (oldest first), refuses duplicates and bad words, removes', async () => {
    expect(await dictionary.words()).toEqual([]);
    expect(await dictionary.add('要要')).toBe(true);
    expect(await dictionary.add(' 两学一做 ')).toBe(true);
    expect(await dictionary.add('要要')).toBe(false);
    for (const bad of ['', '   ', 'a\nb', 'x'.repeat(MAX_WORD_LENGTH + 1), 3, null]) expect(await dictionary.add(bad)).toBe(false);
    expect(await dictionary.words()).toEqual(['要要', '两学一做']);
    expect(changes).toBe(2);
    expect(await dictionary.remove('要要')).toBe(true);
    expect(await dictionary.remove('要要')).toBe(false);
    expect(await dictionary.words()).toEqual(['两学一做']);
    expect(changes).toBe(3);
    expect(await dictionary.addAll(['甲', '两学一做', '乙', ''])).toBe(2);
    expect(await dictionary.words()).toEqual(['两学一做', '甲', '乙']);
    expect(changes).toBe(4);
  });

  it('normalizes words', () => {
    expect(normalizeWord(' 的的 ')).toBe('的的');
    expect(normalizeWord('\t')).toBeNull();
  });

  it('upgrades a version-1 database without losing its tables', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie(DB_NAME, { indexedDB, IDBKeyRange });
    v1.version(1).stores({ referenceDocs: 'id, addedAt', referenceTexts: 'id', referenceCorpora: 'id' });
    await v1.table('referenceTexts').add({ id: 'a', text: '正文' });
    v1.close();
    const v2 = new WengaoDB(DB_NAME, { indexedDB, IDBKeyRange });
    expect(await v2.referenceTexts.get('a')).toEqual({ id: 'a', text: '正文' });
    await new PersonalDictionary(v2).add('词');
    expect(await v2.dictionary.toArray()).toMatchObject([{ word: '词' }]);
    expect(v2.verno).toBeGreaterThanOrEqual(2); // later versions add tables on top
    v2.close();
  });
});

describe('personal dictionary: failed writes are reported, multi-word writes are all or nothing', () => {
  const quota = () => Promise.reject(new DOMException('quota', 'QuotaExceededError')) as never;

  it('a failed add is a storage failure the card can show (未能保存到词典), and nothing is stored', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const spy = vi.spyOn(db.dictionary, 'add').mockImplementationOnce(quota);
    expect(await dictionary.add('两学一做')).toEqual({ error: 'storage', messageKey: 'dictionarySaveFailed' });
    spy.mockRestore();
    expect(await dictionary.words()).toEqual([]);
    expect(changes).toBe(0);
    expect(await dictionary.add('两学一做')).toBe(true);
  });

  it('a failed remove is reported and keeps the word', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await dictionary.add('要要');
    const spy = vi.spyOn(db.dictionary, 'delete').mockImplementationOnce(quota);
    expect(await dictionary.remove('要要')).toEqual({ error: 'storage', messageKey: 'dictionarySaveFailed' });
    spy.mockRestore();
    expect(await dictionary.words()).toEqual(['要要']);
  });

  it('a full dictionary says so', async () => {
    await db.dictionary.bulkAdd(Array.from({ length: MAX_WORDS }, (_, i) => ({ word: `词${i}`, addedAt: i })));
    expect(await dictionary.add('新词')).toEqual({ error: 'full', messageKey: 'dictionaryFull' });
    expect(await dictionary.addAll(['新词', '又一个'])).toBe(0);
    expect(await db.dictionary.count()).toBe(MAX_WORDS);
  });

  it('addAll writes every new word in one transaction: a failure stores none of them', async () => {
    await dictionary.add('甲');
    const spy = vi.spyOn(db.dictionary, 'bulkAdd').mockImplementationOnce(quota);
    await expect(dictionary.addAll(['乙', '丙', '丁'])).rejects.toThrow();
    spy.mockRestore();
    expect(await dictionary.words()).toEqual(['甲']);
    // Up to the cap, then no more.
    await db.dictionary.bulkAdd(Array.from({ length: MAX_WORDS - 3 }, (_, i) => ({ word: `词${i}`, addedAt: clock + 10 + i })));
    expect(await dictionary.addAll(['乙', '丙', '丁', '戊'])).toBe(2);
    expect(await db.dictionary.count()).toBe(MAX_WORDS);
  });

  it('words() leaves out rows that are not words (a damaged database never breaks the list)', async () => {
    await dictionary.add('甲');
    await db.dictionary.put({ word: ' 乙 ', addedAt: 1 });
    await db.dictionary.put({ word: 'x'.repeat(MAX_WORD_LENGTH + 1), addedAt: 2 });
    expect(await dictionary.words()).toEqual(['甲']);
  });
});
