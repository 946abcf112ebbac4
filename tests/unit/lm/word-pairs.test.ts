/**
 * The word-for-word confusion set (lib/lm/word-pairs.ts): a real word written for a like-sounding real
 * word (权力 for 权利, 调解 for 调节), decided by the run's score with each member and the sentence's
 * association. Sentences written for it in the genre's style (tests/unit/lm/data/word-pairs-*; `npx tsx
 * scripts/eval-lm-misspelt.ts --set word-pairs --list`); clean ones use both members rightly and must stay clean.
 */
import { describe, expect, it } from 'vitest';
import { loadTierForNode } from '../../../scripts/lib/lm-node';
import { WORD_PAIRS } from '../../../lib/lm/word-pairs';
import { dataLines, fixOf } from './tier-fixes';

const tier = loadTierForNode();
const without = loadTierForNode({ wordPairs: null });
const model = tier.model;

describe('wrong-char word-for-word confusion set', () => {
  it('holds two-character vocabulary words of one toneless reading, each pair once', () => {
    const seen = new Set<string>();
    for (const { words: [a, b] } of WORD_PAIRS) {
      expect(model.wordId(a), a).toBeGreaterThanOrEqual(0);
      expect(model.wordId(b), b).toBeGreaterThanOrEqual(0);
      expect(a.length === 2 && b.length === 2 && a !== b).toBe(true);
      for (let k = 0; k < 2; k++) if (a[k] !== b[k]) expect(model.similarityOf(a.charCodeAt(k), b.charCodeAt(k)), `${a}/${b}`).toBe(1);
      const key = [a, b].sort().join('/');
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it.each([
    ['依法维护职工群众的合法权力，及时化解劳动争议。', '合法权利'],
    ['人民调节委员会全年受理各类纠纷46件。', '人民调解'],
    ['严防泄漏国家秘密和工作秘密，筑牢保密防线。', '泄露国家秘密'],
    ['今年以来全县累计报告确诊病历12例，均已治愈。', '确诊病例'],
  ])('fixes %s, which the tier without the set leaves', (input, fixed) => {
    expect(fixOf(without, input)).toBe(input);
    expect(fixOf(tier, input)).toContain(fixed);
    const issue = tier.issues(input).find((i) => i.replacements[0] && fixed.includes(i.replacements[0]));
    expect(issue?.rule).toBe('wrong-char');
    expect(issue?.message).toContain(issue!.replacements[0]);
  });

  it('reads a member only as a word of the best reading (形式主义 is no 形势)', () => {
    expect(fixOf(tier, '坚决反对形式主义和官僚主义。')).toBe('坚决反对形式主义和官僚主义。');
  });

  it('leaves the clean sentences as the tier without the set does', () => {
    const lines = [...dataLines('word-pairs-clean.txt'), ...dataLines('word-pairs-slips.tsv').map((l) => l.split('\t')[1]!)];
    const added = lines.filter((s) => fixOf(tier, s) !== s && fixOf(without, s) === s);
    // One known flag: 进行考查 → 考察 (the model's prior for the far commoner 考察, margin 2.0; lib/lm/README.md).
    expect(added.length).toBeLessThanOrEqual(1);
  });

  it('finds every slip the tier found without it, and more', () => {
    const slips = dataLines('word-pairs-slips.tsv').map((l) => l.split('\t') as [string, string]);
    const before = slips.filter(([w, r]) => fixOf(without, w) === r).length;
    const after = slips.filter(([w, r]) => fixOf(tier, w) === r);
    expect(slips.filter(([w, r]) => fixOf(without, w) === r && fixOf(tier, w) !== r)).toEqual([]);
    expect(after.length).toBeGreaterThan(before + 10);
  });
});
