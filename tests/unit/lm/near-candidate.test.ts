/**
 * The tier's near-reading first-candidate mends (lib/lm/tier.ts nearCandidateMend, TierTuning.nearCandidate):
 * a two-character word whose second character was typed with an input-method confusion of its reading
 * (zh/z, ch/c, sh/s, n/l, r/l, f/h, an/ang, en/eng, in/ing), the written character at least as common as the
 * meant one and the window a non-word, costs less to mend. Sentences written for this in the genre's style
 * (tests/unit/lm/data/near-*; `npx tsx scripts/eval-lm-misspelt.ts --set near --list`), and clean ones
 * holding right non-dictionary sequences one such confusion from a common word (names, places, organ
 * abbreviations, new terms), which must stay clean.
 */
import { describe, expect, it } from 'vitest';
import { loadTierForNode } from '../../../scripts/lib/lm-node';
import { dataLines, fixOf } from './tier-fixes';

const tier = loadTierForNode();
const without = loadTierForNode({ tuning: { nearCandidate: 0 } });
const slips = dataLines('near-slips.tsv').map((l) => l.split('\t') as [string, string]);

describe('wrong-char near-reading first-candidate mends', () => {
  it.each([
    ['进一步规寒党员发展程序，严把入口关。', '规范'],
    ['各部门要加强安全监光，坚决防范重大风险。', '监管'],
  ])('fixes %s (short of the margin without it)', (input, word) => {
    expect(fixOf(without, input)).toBe(input);
    expect(fixOf(tier, input)).toContain(word);
  });

  it('finds every slip of the set it found before, and more', () => {
    let gained = 0;
    for (const [wrong, right] of slips) {
      if (fixOf(without, wrong) === right) expect(fixOf(tier, wrong)).toBe(right);
      else if (fixOf(tier, wrong) === right) gained++;
    }
    expect(gained).toBeGreaterThan(0);
  });

  it.each([
    // A one-character verb before a noun: a verb-object coinage (缺项 is not 缺陷).
    '对照任务清单查找缺项，逐一补齐完善。',
    ...dataLines('near-clean.txt'),
    ...slips.map(([, right]) => right),
  ])('leaves %s alone', (input) => {
    expect(tier.findingsTwoPass(input)).toEqual([]);
  });
});
