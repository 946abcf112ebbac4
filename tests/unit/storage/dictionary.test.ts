import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { DB_NAME, WengaoDB } from '@/lib/storage/db';
import { MAX_WORD_LENGTH, normalizeWord, PersonalDictionary } from '@/lib/storage/dictionary';

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
    expect(v2.verno).toBe(2);
    v2.close();
  });
});
