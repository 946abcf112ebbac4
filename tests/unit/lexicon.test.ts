/**
 * lib/lexicon and its generator. The staleness check runs offline against the committed table (generator
 * version, pinned source, recorded checksum of the data); when the source tarball or dictionary is on disk
 * (WENGAO_JIEBA_SOURCE, or a copy left in the OS temp folder) the table is also rebuilt and compared whole.
 */
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  classesAt,
  classNames,
  hasClass,
  isReduplicated,
  isWord,
  LEXICON_INFO,
  longestEntryLength,
  longestMatch,
  MAX_WORD_LENGTH,
  WordClass as C,
  wordClasses,
  wordsEndingAt,
  wordsStartingAt,
} from '../../lib/lexicon';
import { build, checkCommitted, frontCode, GENERATOR_VERSION, loadSource, OUTPUT, selectEntries } from '../../scripts/build-lexicon';

describe('generated table', () => {
  const committed = readFileSync(OUTPUT, 'utf8');

  it('is up to date with the generator version and its recorded checksums', () => {
    expect(checkCommitted(committed)).toEqual([]);
    expect(LEXICON_INFO.generatorVersion).toBe(GENERATOR_VERSION);
  });

  it('detects a hand edit or an older generator', () => {
    expect(checkCommitted(committed.replace(/(\n  2: ')(.)/, '$1战$2'))).not.toEqual([]);
    expect(checkCommitted(committed.replace(/generatorVersion: \d+/, 'generatorVersion: 0'))).not.toEqual([]);
  });

  const local = [process.env.WENGAO_JIEBA_SOURCE, join(tmpdir(), 'jieba/nodejieba-3.5.8.tgz')].find(
    (p): p is string => !!p && existsSync(p),
  );
  it.runIf(local)('matches a fresh build from the local source', () => {
    expect(build(loadSource(local!)) === committed).toBe(true);
  });

  it('stays small enough for the content script', () => {
    // Budget 35 KB gzipped for lib/lexicon minified (≈ 33.9 KB measured with esbuild); the table is most of
    // it, the code and curated lists about 2 KB.
    expect(LEXICON_INFO.words).toBeGreaterThan(5000);
    expect(gzipSync(committed, { level: 9 }).length).toBeLessThanOrEqual(33 * 1024);
  });
});

describe('generator pieces', () => {
  it('maps tags to classes and prunes names, rare words and non-Han strings', () => {
    const dict = ['开展 6910 v', '分析 11086 vn', '张三 9000 nr', '罕见词 3 n', 'ABC 9000 eng', '扎扎实实 166 z', '很 69103 zg'].join('\n');
    const got = Object.fromEntries(selectEntries(dict).map((e) => [e.word, e.classes]));
    expect(got).toEqual({ 开展: C.Verb, 分析: C.Verb | C.Noun, 扎扎实实: C.Status, 很: C.Other });
  });

  it('front-codes words grouped by first character', () => {
    expect(frontCode(['开放', '开展', '开', '推进'])).toBe('开|展|放 推进'); // code-unit order: 展 < 放
  });
});

describe('lexicon look-ups', () => {
  it('knows the classes of common words, with genre corrections', () => {
    expect(hasClass('开展', C.Verb)).toBe(true);
    expect(hasClass('分析', C.Verb) && hasClass('分析', C.Noun)).toBe(true);
    expect(hasClass('扎扎实实', C.Status)).toBe(true);
    expect(hasClass('积极', C.Adverb)).toBe(true);
    expect(hasClass('全面', C.Manner)).toBe(true); // jieba: n only
    expect(hasClass('部署', C.Verb)).toBe(true); // jieba: n only
    expect(hasClass('到位', C.Complement)).toBe(true);
    expect(hasClass('成绩', C.Noun)).toBe(true);
    expect(classNames('党员')).toContain('Noun');
    expect(wordClasses('𠮷𠮷')).toBe(0);
  });

  it('answers isWord and finds words around an offset, longest first', () => {
    expect(isWord('党员')).toBe(true);
    expect(isWord('员干')).toBe(false);
    const t = '推进工作';
    expect(wordsStartingAt(t, 0)).toEqual(['推进', '推']);
    expect(wordsEndingAt(t, 4, 2)).toEqual(['工作']);
    expect(wordsEndingAt(t, 0)).toEqual([]);
  });

  it('recognises AABB reduplication only', () => {
    expect(isReduplicated('扎扎实实')).toBe(true);
    expect(isReduplicated('研究研究')).toBe(false);
    expect(isReduplicated('哈哈哈哈')).toBe(false);
  });
});

describe('look-ups by position (the flat tries)', () => {
  it('no entry is longer than MAX_WORD_LENGTH (the walks stop there)', () => {
    expect(longestEntryLength()).toBeLessThanOrEqual(MAX_WORD_LENGTH);
    expect(longestEntryLength()).toBeGreaterThanOrEqual(4);
  });

  it('classesAt reads a word inside a text as wordClasses reads it alone', () => {
    const text = '要毫不动摇地坚持党的领导，扎实推进全面从严治党';
    for (let a = 0; a < text.length; a++)
      for (let b = a; b <= Math.min(text.length, a + MAX_WORD_LENGTH + 1); b++) expect(classesAt(text, a, b)).toBe(wordClasses(text.slice(a, b)));
    expect(classesAt(text, -1, 2)).toBe(0);
    expect(classesAt(text, 0, text.length + 1)).toBe(0);
  });

  it('longestMatch packs the classes and length of the longest word either way', () => {
    const text = '坚持党的领导';
    expect(longestMatch(text, 0) % 8).toBe(2);
    expect(Math.floor(longestMatch(text, 0) / 8)).toBe(wordClasses('坚持'));
    expect(longestMatch(text, 6, -1) % 8).toBe(2);
    expect(longestMatch(text, 2, -1) % 8).toBe(2);
    expect(longestMatch('', 0)).toBe(0);
    expect(isWord('')).toBe(false);
    expect(wordClasses('')).toBe(0);
  });
});
