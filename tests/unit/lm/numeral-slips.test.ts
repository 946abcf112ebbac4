/**
 * A numeral typed for a character of a like shape (党员千部 for 干部, 老十部局 for 老干部局): the tier tries
 * shape neighbours of a numeral only where it is not part of a number (lib/lm/tier.ts numeralMaySlip).
 * Sentences written for this in the genre's style: slips, and real numbers, counts and idioms that look
 * like them.
 */
import { describe, expect, it } from 'vitest';
import { loadTierForNode } from '../../../scripts/lib/lm-node';

const tier = loadTierForNode();
const fixes = (s: string) => tier.findingsTwoPass(s).map((f) => `${f.text}→${f.fix}`);

describe('wrong-char numerals written for a like shape', () => {
  it.each([
    ['社区党员千部主动认领服务岗位，常态化开展志愿服务。', '千→干'],
    ['市委老十部局组织离退休干部参观学习。', '十→干'],
    ['关心关爱老十部，用心用情做好服务。', '十→干'],
  ])('finds %s', (s, fix) => {
    expect(fixes(s)).toEqual([fix]);
  });

  it.each([
    '全县共印发学习读本三千部，发放到每个党支部。',
    '图书室现有藏书两千部，满足党员群众阅读需求。',
    '图书室新购图书1千部，满足党员群众阅读需求。',
    '图书室新购图书约千部，满足党员群众阅读需求。',
    '组织千名干部进万家，面对面听取群众意见。',
    '深入千家万户宣讲党的创新理论。',
    '省里十部门联合印发实施方案，明确责任分工。',
    '严格落实中央八项规定及其实施细则精神。',
    '坚持百花齐放、百家争鸣的方针。',
    '本次培训覆盖千余名基层党员。',
    '全市百强村集体经济收入稳步增长。',
    '共有十二个村、八个社区参与评比。',
    '全县九个乡镇均已完成换届选举。',
    '全年培训党员干部千人次以上。',
    '要下好先手棋，打好主动仗，不搞千篇一律。',
    '村里有二百多户人家，八成以上从事特色种植。',
    '建立千亩高标准农田示范区。',
    '二是学习的系统性不够。',
    '八小时以外也要严格要求自己。',
    '十佳共产党员评选结果已经揭晓。',
    '百姓的事无小事，件件要落实。',
    '老干部局组织全市十部门负责同志座谈。',
    '党员干部要做到千方百计为群众办实事。',
    '全县千部宣传片展播活动圆满结束。',
  ])('leaves the number or idiom in %s alone', (s) => {
    expect(fixes(s)).toEqual([]);
  });
});
