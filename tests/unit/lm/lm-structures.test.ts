/**
 * The tier's look-up structures against plain recomputation: the word table's prefix and suffix bits,
 * the masked-index hash split into a window part and a tag part, and the run lattice's forced-word score
 * against a fresh segmentation of the rewritten window.
 */
import { describe, expect, it } from 'vitest';
import { maskedCore, maskedHash } from '../../../lib/lm/format';
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
