/**
 * The tier's missing-character candidates (lib/lm/tier.ts missingFixes, TierTuning.missingWords): a writer
 * drops one character of a four-character idiom or set phrasing, leaving three (实事是 for 实事求是, 三会课 for
 * 三会一课); no other candidate inserts a character, so without these the slip is never found. Guards: no
 * particle is restored, a content character standing alone at the window's open end fills that slot itself
 * (严字当头), and a one-character verb before a two-character word is a verb and its object (促发展, 树新风).
 * Sentences written for this (tests/unit/lm/data/missing-char-*; `npx tsx scripts/eval-lm-misspelt.ts --set
 * missing-char --list`).
 */
import { describe, expect, it } from 'vitest';
import { loadTierForNode } from '../../../scripts/lib/lm-node';
import { dataLines, fixOf } from './tier-fixes';

const tier = loadTierForNode();
const without = loadTierForNode({ tuning: { missingWords: false } });
const slips = dataLines('missing-char-slips.tsv').map((l) => l.split('\t') as [string, string]);

describe('wrong-char missing characters', () => {
  it.each([
    ['我们要坚持实事是，一切从实际出发。', '实事求是'],
    ['各级干部要真抓干，推动政策落地见效。', '真抓实干'],
    ['他工作一贯任劳怨，从不计较个人得失。', '任劳任怨'],
    ['全体党员干部要与时进，开拓创新。', '与时俱进'],
  ])('restores the dropped character in %s (nothing found without the candidates)', (input, word) => {
    expect(fixOf(without, input)).toBe(input);
    expect(fixOf(tier, input)).toContain(word);
    const issues = tier.issues(input);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.replacements).toEqual([word]);
    expect(issues[0]!.message).toContain('漏字');
  });

  it('fixes most of its own slips, and every restored word is the one meant', () => {
    let fixed = 0;
    for (const [wrong, right] of slips) {
      if (fixOf(tier, wrong) === right) fixed++;
      for (const f of tier.findingsTwoPass(wrong)) if (f.kind === 'missing') expect(right).toContain(f.word);
    }
    expect(fixed).toBeGreaterThanOrEqual(18);
  });

  it.each([...dataLines('missing-char-clean.txt'), ...slips.map(([, r]) => r)])('leaves %s alone', (input) => {
    expect(tier.findingsTwoPass(input)).toEqual([]);
  });

  it.each([
    ['要坚持抓党建、促发展。', '促发展'],
    ['要转作风、树新风。', '树新风'],
    ['要坚持严字当头。', '严字当头'],
    // Compounds, not fixed expressions: their abbreviations are everyday prose (党书记, 企改制).
    ['这需要基层党书记担负起责任。', '党书记'],
    ['推动经营性文化事业单位转企改制。', '企改制'],
  ])('keeps the guards: %s', (input) => {
    expect(fixOf(tier, input)).toBe(input);
  });
});
