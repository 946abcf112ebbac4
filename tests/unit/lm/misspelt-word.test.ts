/**
 * The tier's misspelt-word pricing (lib/lm/tier.ts misspeltWord, TierTuning.misspelt): the vocabulary holds
 * slip-typed forms of common words (己经 in open-gram's web text), so a rare written word one character (same
 * reading, or a like shape) from a far commoner word is fixed on the context's say, not drowned by its own
 * score. Sentences written for this in the genre's style (tests/unit/lm/data/misspelt-*; `npx tsx
 * scripts/eval-lm-misspelt.ts --list` prints what is found and missed), and clean ones holding rare real words
 * of that shape (严紧, 收悉, 小结, 网格), which must stay clean.
 */
import { describe, expect, it } from 'vitest';
import { loadTierForNode } from '../../../scripts/lib/lm-node';
import { dataLines, fixOf } from './tier-fixes';

const tier = loadTierForNode();
const without = loadTierForNode({ tuning: { misspeltRatio: null } });

describe('wrong-char misspelt vocabulary words', () => {
  it.each([
    ['各项整改任务己经全部完成，群众满意度明显提升。', '已经'],
    ['对照检查材料己经报送县委组织部审核。', '已经'],
    ['他己经连续三年被评为优秀共产党员。', '已经'],
    ['目前己经完成投资一点二亿元。', '已经'],
  ])('fixes %s (the word 己经 hides the shape slip without it)', (input, word) => {
    expect(fixOf(without, input)).toBe(input);
    const fixed = fixOf(tier, input);
    expect(fixed).toContain(word);
    expect(tier.issues(input).every((i) => i.severity === 'error')).toBe(true);
  });

  it('finds every slip it found before (the pricing only adds)', () => {
    for (const [wrong, right] of dataLines('misspelt-slips.tsv').map((l) => l.split('\t') as [string, string])) {
      if (fixOf(without, wrong) === right) expect(fixOf(tier, wrong)).toBe(right);
    }
  });

  it.each([
    // Rare real words one character from a far commoner one.
    ...dataLines('misspelt-clean.txt'),
    // The slips' meant sentences.
    ...dataLines('misspelt-slips.tsv').map((l) => l.split('\t')[1]!),
  ])('leaves %s alone', (input) => {
    expect(tier.findingsTwoPass(input)).toEqual([]);
  });
});
