/**
 * The tier's look-up structures against plain recomputation: the word table's prefix and suffix bits,
 * the masked-index hash split into a window part and a tag part, and the run lattice's forced-word score
 * against a fresh segmentation of the rewritten window.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeModel, dequantise, maskedCore, maskedHash, u32 } from '../../../lib/lm/format';
import { MODEL_FILE } from '../../../scripts/lib/lm-sources';
import { bestScore, RunLattice, type Vocabulary } from '../../../lib/lm/score';
import { FNV_OFFSET, fnvStep, WordTable } from '../../../lib/lm/words';
import { loadModelForNode } from '../../../scripts/lib/lm-node';

const hash = (s: string) => {
  let h = FNV_OFFSET;
  for (const c of s) h = fnvStep(h, c.charCodeAt(0));
  return h >>> 0;
};

describe('WordTable', () => {
  const table = WordTable.build(['组织生活会', '党员', '带头作用']);
  it('finds words by range and with one character replaced', () => {
    expect(table.find('召开组织生活会议', 2, 7)).toBe(0);
    expect(table.find('党委', 0, 2)).toBe(-1);
    expect(table.findWithSub('代头作用', 0, 4, 0, '带'.charCodeAt(0))).toBe(2);
  });
  it('answers the same when its bits are handed over (as the generated model does)', () => {
    const a = table.arrays;
    const loaded = new WordTable(a.chars, a.starts, a.table, { prefixes: a.prefixes, suffixes: a.suffixes, whole: a.whole, maxLength: table.maxLength });
    for (const [s, x, y] of [['召开组织生活会议', 2, 7], ['党员', 0, 2], ['党委', 0, 2], ['带头作用', 0, 4], ['带头作', 0, 3]] as const) {
      expect(loaded.find(s, x, y)).toBe(table.find(s, x, y));
    }
    expect(loaded.mayExtend(hash('组织'))).toBe(true);
    expect(loaded.mayEnd(hash('作用'))).toBe(true);
    expect(loaded.maxLength).toBe(5);
  });
  it('knows which strings begin a longer word and which end one', () => {
    expect(table.mayExtend(hash('组织'))).toBe(true);
    expect(table.mayExtend(hash('组织生活'))).toBe(true);
    expect(table.mayEnd(hash('生活会'))).toBe(true);
    expect(table.mayEnd(hash('作用'))).toBe(true);
    // Suffixes are proper and at least two characters: the whole word and its last character are not.
    expect(table.mayEnd(hash('带头作用'))).toBe(false);
    expect(table.mayEnd(hash('会议'))).toBe(false);
  });
});

describe('WordTable look-ups', () => {
  // Enough words that many share a slot of the cache of recent words (4,096 entries).
  const words: string[] = [];
  for (let k = 0; k < 6000; k++) {
    const len = 1 + (k % 6);
    let w = '';
    for (let c = 0; c < len; c++) w += String.fromCharCode(0x4e00 + ((k * 7919 + c * 104729) % 20000));
    words.push(w);
  }
  const table = WordTable.build(words);
  const first = new Map<string, number>();
  words.forEach((w, id) => first.has(w) || first.set(w, id));

  it('finds every word, asked again and again, and by its codes; no string that is none', () => {
    for (let round = 0; round < 3; round++) {
      for (const [w, id] of first) {
        expect(table.find(`前${w}后`, 1, 1 + w.length)).toBe(id);
        const codes = Uint16Array.from(w, (c) => c.charCodeAt(0));
        expect(table.findCodes(codes, 0, codes.length, hash(w))).toBe(id);
        expect(table.word(id)).toBe(w);
        // The word with its last character changed, and the word cut short, are no words unless listed.
        const changed = w.slice(0, -1) + '〇';
        expect(table.find(changed, 0, changed.length)).toBe(first.get(changed) ?? -1);
        if (w.length > 1) expect(table.find(w, 0, w.length - 1)).toBe(first.get(w.slice(0, -1)) ?? -1);
      }
    }
  });
  it('keeps the bit tables of a small vocabulary small, and answers as a full-size one', () => {
    const small = WordTable.build(['组织生活会', '党员', '带头作用']);
    expect(small.arrays.prefixes.length * 32).toBeLessThan(1 << 21);
    for (const w of ['组织', '组织生活', '带头', '带头作']) expect(small.mayExtend(hash(w))).toBe(true);
    for (const w of ['生活会', '作用', '头作用']) expect(small.mayEnd(hash(w))).toBe(true);
  });
});

describe('masked look-ups of the model', () => {
  const model = loadModelForNode();
  it('finds the sound-alike that makes a word of three or four characters, and nothing where no word can be', () => {
    expect(model.maskedChars('全心全义', 0, 4, 3)).toContain('意'.charCodeAt(0));
    expect(model.maskedChars('积极姓', 0, 3, 2)).toContain('性'.charCodeAt(0));
    expect(model.maskedChars('的了是', 0, 3, 1)).toEqual([]);
    expect(model.pairChars('的了是', 0, 3, 1)).toEqual([]);
  });
});

describe('masked hash', () => {
  it('is the window part finished with the tag and the length', () => {
    for (const [s, skip, tag] of [['密切联系群众', 2, 'lian'], ['组织生活汇', 4, '#汇'], ['谈心谈化', 3, 'hua']] as const) {
      let h = maskedCore(s, 0, s.length, skip);
      for (const c of tag) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
      h = Math.imul(h ^ s.length, 0x01000193) >>> 0;
      expect(h).toBe(maskedHash(s, 0, s.length, skip, tag));
    }
  });
});

describe('RunLattice', () => {
  const model = loadModelForNode();
  const v: Vocabulary = { model, domain: null, domainScore: -4, maxWordLength: Math.min(model.maxWordLength, 8) };
  it('scores the run as the segmenter does', () => {
    for (const s of ['党员干部要密切联系群众', '发挥带头作用', '谈心谈话制度']) {
      expect(new RunLattice(v, s, 0, s.length).best).toBeCloseTo(bestScore(v, s), 6);
    }
  });
  it('scores a forced word no better than the best segmentation of the rewritten text', () => {
    const s = '党员要发挥代头作用';
    const lattice = new RunLattice(v, s, 0, s.length);
    const forced = lattice.withWord(5, 7, model.wordId('带头'));
    expect(forced).toBeLessThanOrEqual(bestScore(v, '党员要发挥带头作用') + 1e-9);
    expect(forced).toBeGreaterThan(lattice.best);
  });
  it('refuses to answer once another run was scored (its nodes are shared)', () => {
    const a = new RunLattice(v, '党员干部', 0, 4);
    new RunLattice(v, '群众路线', 0, 4);
    expect(() => a.withWord(0, 2, model.wordId('党员'))).toThrow();
  });
});

describe('generated homophone index', () => {
  const model = loadModelForNode();
  it('finds the likely words read like a span, the span itself among them', () => {
    const ids = model.homophones('密切练习群众', 2, 4);
    const words = ids.map((id) => model.words.word(id));
    expect(words).toContain('联系');
    expect(words).toContain('练习');
    for (const w of words) expect(w).toHaveLength(2);
  });
  it('tries every reading of a polyphone', () => {
    // 行 reads xing and hang: 银行 (yin hang) is found for a span written 银行 and for 银杭.
    expect(model.homophones('银杭', 0, 2).map((id) => model.words.word(id))).toContain('银行');
  });
  it('has nothing for characters without a reading', () => {
    expect(model.homophones('ab', 0, 2)).toEqual([]);
  });
});

describe('RunLattice.withWordAbove', () => {
  const model = loadModelForNode();
  const v: Vocabulary = { model, domain: null, domainScore: -4, maxWordLength: Math.min(model.maxWordLength, 8) };
  it('is withWord when it can reach the floor, and -Infinity only when withWord is below it', () => {
    const s = '党员要发挥代头作用和模范作用';
    const lattice = new RunLattice(v, s, 0, s.length);
    for (const [a, b, w] of [[5, 7, '带头'], [3, 5, '发挥'], [0, 2, '党员'], [9, 11, '模范']] as const) {
      const id = model.wordId(w);
      const exact = lattice.withWord(a, b, id);
      for (const floor of [exact - 5, exact - 1e-6, exact + 1, exact + 10]) {
        const got = lattice.withWordAbove(a, b, id, floor);
        if (got === -Infinity) expect(exact).toBeLessThan(floor);
        else expect(got).toBe(exact);
      }
      expect(lattice.withWordAbove(a, b, id, exact - 1e-6)).toBe(exact);
    }
  });
});

describe('bigram look-ups', () => {
  const model = loadModelForNode();
  const decoded = decodeModel(readFileSync(MODEL_FILE));
  const rows = u32(decoded.section('rows'));
  const bigrams = u32(decoded.section('bigrams'));
  it('answer every stored pair with its own score (the presence table never hides one)', () => {
    let checked = 0;
    for (let w = 0; w < model.header.lmWords; w += 7) {
      for (let k = rows[w]!; k < rows[w + 1]!; k += 5) {
        expect(model.bigram(w, bigrams[k]! >>> 8)).toBe(dequantise(bigrams[k]! & 0xff));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });
  it('answer a pair that is not stored with the back-off: at most the unigram, the same when asked twice', () => {
    const a = model.wordId('党员');
    const b = model.wordId('的');
    const back = model.bigram(b, b);
    expect(back).toBeLessThanOrEqual(model.unigram(b));
    expect(model.bigram(b, b)).toBe(back);
    expect(model.bigram(a, a)).toBeLessThanOrEqual(model.unigram(a));
  });
});

describe('similarity by codes', () => {
  const model = loadModelForNode();
  it('says what similarity says (1 same, 2 near, 3 pair, 0 none)', () => {
    const names = [null, 'same', 'near', 'pair'];
    for (const [x, y] of [['练', '联'], ['织', '只'], ['申', '深'], ['党', '当'], ['干', '千'], ['组', '织']]) {
      expect(names[model.similarityOf(x!.charCodeAt(0), y!.charCodeAt(0))]).toBe(model.similarity(x!, y!));
    }
    expect(model.similarityOf('练'.charCodeAt(0), '联'.charCodeAt(0))).toBe(1);
    expect(model.similarityOf('组'.charCodeAt(0), '织'.charCodeAt(0))).toBe(0);
  });
});
