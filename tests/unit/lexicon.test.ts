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
  minorClassesAt,
  WordClass as C,
  wordClasses,
  wordsEndingAt,
  wordsStartingAt,
} from '../../lib/lexicon';
import { decodeGcs, gcsValue, inSet } from '../../lib/lexicon/coded-set';
import { build, checkCommitted, encodeGcs, frontCode, GENERATOR_VERSION, loadSource, OUTPUT, selectEntries, selectMinorVerbs } from '../../scripts/build-lexicon';

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
    // The table is most of lib/lexicon, the code and curated lists about 2 KB. 33 KB before the 的/地/得 rule's
    // extra verbs (issue 7: 2,676 two-character verbs below the main floor as a Golomb-coded set, ≈ 5.1 KB).
    expect(LEXICON_INFO.words).toBeGreaterThan(5000);
    expect(gzipSync(committed, { level: 9 }).length).toBeLessThanOrEqual(38 * 1024);
  });
});

describe('generator pieces', () => {
  it('maps tags to classes and prunes names, rare words and non-Han strings', () => {
    const dict = ['开展 6910 v', '分析 11086 vn', '张三 9000 nr', '罕见词 3 n', 'ABC 9000 eng', '扎扎实实 166 z', '很 69103 zg'].join('\n');
    const got = Object.fromEntries(selectEntries(dict).map((e) => [e.word, e.classes]));
    expect(got).toEqual({ 开展: C.Verb, 分析: C.Verb | C.Noun, 扎扎实实: C.Status, 很: C.Other });
  });

  it('keeps as extra verbs only two-character v/vi/vd words from the floor that the main table lacks', () => {
    const dict = ['研读 104 v', '把关 151 v', '开展 6910 v', '督查 284 vn', '精读 41 v', '原原本本 58 n', '悉心 115 d'].join('\n');
    expect(selectMinorVerbs(dict, selectEntries(dict))).toEqual(['把关', '研读']);
  });

  it('Golomb-codes the hashes and the look-up decodes the same values', () => {
    const words = ['研读', '把关', '跟进', '深耕'];
    const set = encodeGcs(words, 8);
    expect(set.n).toBe(4);
    expect(set.data).toMatch(/^[\u4e00-\u8dff]+$/); // 14 bits a character, as ideographs
    // Each value lies in [0, n·2^p).
    for (const w of words) expect(gcsValue(w, 0, w.length, 4 * 2 ** 8)).toBeLessThan(4 * 256);
    // The look-up's decoder (lib/lexicon/coded-set.ts) finds every word, read in place inside a longer text.
    const decoded = decodeGcs(set);
    for (const w of words) expect(inSet(decoded, `要${w}了`, 1, 3)).toBe(true);
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

  it('knows the extra verbs by membership only, outside the tries', () => {
    for (const w of ['研读', '把关', '跟进']) {
      expect(minorClassesAt(w, 0, 2)).toBe(C.Verb);
      expect(wordClasses(w)).toBe(0); // not in the main table: segmentation is unchanged
    }
    const text = '要认真研读原著';
    expect(minorClassesAt(text, 3, 5)).toBe(C.Verb);
    expect(minorClassesAt(text, 3, 4)).toBe(0); // two characters only
    expect(minorClassesAt(text, 6, 8)).toBe(0); // out of range
    expect(minorClassesAt('a研', 0, 2)).toBe(0); // Han only
    // The false-positive rate stays near its 2^-8 on strings that are no verbs: pairs of common nouns' characters.
    const chars = '党员干部群众工作制度组织建设基层支部学习教育';
    let hits = 0;
    let asked = 0;
    for (const a of chars) for (const b of chars) {
      const pair = a + b;
      if (wordClasses(pair)) continue;
      asked++;
      if (minorClassesAt(pair, 0, 2)) hits++;
    }
    expect(asked).toBeGreaterThan(300);
    expect(hits / asked).toBeLessThan(0.02);
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
