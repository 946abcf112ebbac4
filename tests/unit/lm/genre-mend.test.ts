/**
 * The tier's genre mends (lib/lm/tier.ts genreMend): a window that is no word, one character (by sound or
 * shape) or a swap away from a common word of official prose, whose characters stand alone as the text
 * reads best, costs less to fix. Sentences written for this in the genre's style (tests/unit/lm/data;
 * `npx tsx scripts/eval-lm-genre.ts --list` prints what is found and missed).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TUNING } from '../../../lib/lm';
import { loadTierForNode } from '../../../scripts/lib/lm-node';
import { fixOf } from './tier-fixes';
import { loadGenreSet } from '../../../scripts/lib/lm-genre';

const tier = loadTierForNode();
const without = loadTierForNode({ tuning: { genre: 0 } });

describe('wrong-char genre mends', () => {
  it("knows lib/lexicon's curated genre words that the model lacks (提质), and leaves those it has open (联系)", () => {
    // A second look (after the first slip) read 提质 as 提 + 质 and 'fixed' it into 体质.
    const fs = tier.findingsTwoPass('发挥龙头企业示范带动作月，推动传统产业提质增效。');
    expect(fs.map((f) => `${f.text}→${f.fix}`)).toEqual(['月→用']);
    // 联系 is a curated verb, but the model has it: a whole-word slip for 联席 is still found.
    expect(tier.findingsTwoPass('联系会议成员因工作变动需要调整的，由所在单位提出。').map((f) => `${f.text}→${f.fix}`)).toContain('系→席');
  });

  it.each([
    ['要进一步拓宽群众诉求表达渠到，及时回应群众关切。', '渠道'],
    ['要严素党内政治生活，增强政治生活的原则性。', '严肃'],
    ['高质量完成省委循视反馈问题整改。', '巡视'],
    // At the end of a run no word after the mend gives evidence: genreEnd.
    ['营造风清气正的良好政治生太。', '生态'],
    ['建立健全作风建设长效机治。', '机制'],
  ])('mends %s (which the general costs leave)', (input, word) => {
    expect(fixOf(without, input)).toBe(input);
    const fixed = fixOf(tier, input);
    expect(fixed).not.toBe(input);
    expect(fixed).toContain(word);
  });

  it.each([
    // A function word beside the character: grammar, not a broken word.
    '党建考核与业务考核结合不紧，考核结果运用不充分。',
    // A verb with an adjective: a result compound (建强, 织密).
    '街道党工委建强组织体系，织密治理网络。',
    // An organ's name ends in 室; a place suffix is not the character to change.
    '对班子成员和股室负责人开展廉政谈话三十一人次。',
    '该同志晋中市人，一九八五年参加工作。',
    // Short runs: list items and slogans.
    '健全发文、办会、督查的统筹协调机制。',
    '以学铸魂、以学增智、以学正风、以学促干。',
    // A parallel frame.
    '坚持边学边改、真抓真改，确保整改见底见效。',
  ])('leaves %s alone', (input) => {
    expect(tier.findingsTwoPass(input)).toEqual([]);
  });

  it('adds nothing in a parallel frame (自宰自食 is not 自在)', () => {
    const s = '除农村地区个人自宰自食的以外，一律实行定点屠宰。';
    expect(tier.findingsTwoPass(s).map((f) => f.fix)).toEqual(without.findingsTwoPass(s).map((f) => f.fix));
  });

  it('fixes most of the genre slips and flags none of their clean look-alikes', () => {
    const { slips, clean } = loadGenreSet();
    expect(slips.length).toBeGreaterThanOrEqual(60);
    expect(clean.length).toBeGreaterThanOrEqual(60);
    const fixed = slips.filter(([wrong, right]) => fixOf(tier, wrong) === right).length;
    const before = slips.filter(([wrong, right]) => fixOf(without, wrong) === right).length;
    // 26 of 75 without genre mends, 47 with (tuning notes in tier.ts).
    expect(fixed).toBeGreaterThanOrEqual(40);
    expect(fixed).toBeGreaterThan(before + 10);
    const flagged = [...slips.map(([, right]) => right), ...clean].filter((s) => tier.findingsTwoPass(s).length > 0);
    expect(flagged).toEqual([]);
  });

  it('is on by default', () => {
    expect(DEFAULT_TUNING.genre).toBeGreaterThan(0);
  });
});
