/**
 * The tier's domain-phrase candidates (lib/lm/tier.ts domainMasked, TierTuning.domainPhrases): a four-character
 * phrasing of the corpus that the model lacks as a word (三会一课, 智慧党建) is a fix one character away by sound,
 * a mined confusion or shape — the model's masked index holds its own words only, so 三会一棵 had no candidate.
 * Not where the written half of the phrasing that holds the character is a word of its own (工作实绩 is not
 * 工作实际). Sentences written for this (tests/unit/lm/data/domain-phrase-*; `npx tsx
 * scripts/eval-lm-misspelt.ts --set domain-phrase --list`).
 */
import { describe, expect, it } from 'vitest';
import { formulationPhrasings } from '../../../lib/lm/domain';
import { loadTierForNode } from '../../../scripts/lib/lm-node';
import { dataLines, fixOf } from './tier-fixes';

const tier = loadTierForNode();
// (First-candidate mends off too: 党剑 → 党建 is also a same-reading non-word of the second character, which
// that mend finds without the phrasing.)
const without = loadTierForNode({ tuning: { domainPhrases: false, firstCandidate: 0 } });

describe('wrong-char domain phrasings as fixes', () => {
  it.each([
    ['要加强智慧党剑建设，推动组织生活线上线下融合。', '智慧党建'],
    ['要树立正确的用人导相，选优配强班子。', '用人导向'],
  ])('fixes %s (no candidate without the phrasing)', (input, phrase) => {
    expect(fixOf(without, input)).toBe(input);
    expect(fixOf(tier, input)).toContain(phrase);
  });

  it('takes four-character phrasings from the fixed formulations: four-character items and halves of eight', () => {
    const got = new Set(formulationPhrasings());
    for (const w of ['三严三实', '急难愁盼', '守正创新', '立德树人', '根本任务', '真学真懂', '真信真用']) expect(got.has(w)).toBe(true);
    // A lexicon word across the middle (安全, 第一, 社会主义): the halves are pieces, not phrasings.
    for (const w of ['以人民安', '全为宗旨', '科技是第', '一生产力', '坚持社会']) expect(got.has(w)).toBe(false);
    for (const w of got) expect(w).toMatch(/^[\u4e00-\u9fff]{4}$/u);
    expect([...got].filter((w) => w.includes('的') && !/^.的.{2}$/u.test(w))).toEqual([]);
  });

  it.each([
    ['各级党组织要深入开展三严三石专题教育。', '三严三实'],
    ['要把立德竖人作为教育的根本任务。', '立德树人'],
    ['要坚持抓早抓晓，防止小问题演变成大问题。', '抓早抓小'],
  ])('fixes %s from a formulation (no candidate without the phrasing)', (input, phrase) => {
    expect(fixOf(without, input)).toBe(input);
    expect(fixOf(tier, input)).toContain(phrase);
  });

  it('finds every slip it found before, with the phrasing as the word', () => {
    for (const [wrong, right] of dataLines('domain-phrase-slips.tsv').map((l) => l.split('\t') as [string, string])) {
      if (fixOf(without, wrong) === right) expect(fixOf(tier, wrong)).toBe(right);
    }
    const f = tier.findingsTwoPass('要切实发挥党支部的战斗堡磊作用。');
    expect(f.map((x) => x.word)).toEqual(['战斗堡垒']);
  });

  it.each([...dataLines('domain-phrase-clean.txt'), ...dataLines('domain-phrase-slips.tsv').map((l) => l.split('\t')[1]!)])('leaves %s alone', (input) => {
    expect(tier.findingsTwoPass(input)).toEqual([]);
  });
});
