/**
 * The tier's first-candidate mends (lib/lm/tier.ts firstCandidateMend, TierTuning.firstCandidate): a
 * two-character word whose second character was typed as a commoner one of the very same reading (the input
 * method's first offer for that syllable), leaving a non-word, costs less to mend. Sentences written for this
 * in the genre's style (tests/unit/lm/data/nonword-*; `npx tsx scripts/eval-lm-misspelt.ts --set nonword
 * --list`), and clean ones holding right non-dictionary sequences one reading from a common word (names,
 * places, new terms, abbreviations), which must stay clean.
 */
import { describe, expect, it } from 'vitest';
import { loadTierForNode } from '../../../scripts/lib/lm-node';
import { dataLines, fixOf } from './tier-fixes';

const tier = loadTierForNode();
const without = loadTierForNode({ tuning: { firstCandidate: 0 } });

describe('wrong-char first-candidate mends', () => {
  it.each([
    ['年底对各党支部书记抓党建工作进行述职考和，结果在全系统通报。', '考核'],
    ['把政治建设摆在首位，不断提高党员干部的政之判断力。', '政治'],
  ])('fixes %s (short of the margin without it)', (input, word) => {
    expect(fixOf(without, input)).toBe(input);
    expect(fixOf(tier, input)).toContain(word);
  });

  it('finds every slip of the set it found before (the mend only adds)', () => {
    for (const [wrong, right] of dataLines('nonword-slips.tsv').map((l) => l.split('\t') as [string, string])) {
      if (fixOf(without, wrong) === right) expect(fixOf(tier, wrong)).toBe(right);
    }
  });

  it.each([
    // The window's first character changed: a common character there heads a phrase of its own.
    '坚持知行合一，把学习成果转化为推动工作的实际成效。',
    '党员干部要一直干到问题解决为止，不能半途而废。',
    '全体党员要以案为鉴、以案明纪，筑牢拒腐防变的思想防线。',
    // A place or organ suffix in the window: a name and a conjunction.
    '支持国家级经开区与所在地人民政府共享公共资源交易信息。',
    // The first character ends a word with the one before it (成事 + 是): two phrases' edge.
    '能不能干成事是检验干部作风的重要标尺，也是深学笃行的具体体现。',
    // Right non-words one reading from a common word, and the slips' meant sentences.
    ...dataLines('nonword-clean.txt'),
    ...dataLines('nonword-slips.tsv').map((l) => l.split('\t')[1]!),
  ])('leaves %s alone', (input) => {
    expect(tier.findingsTwoPass(input)).toEqual([]);
  });
});
