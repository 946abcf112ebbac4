/**
 * The statistical 的/地/得 check (lib/lm/particles.ts) on sentences written for these tests in the genre's
 * style (not from the dev drafts), its look-alikes that must stay clean, and its place in the tier's
 * answer (createLmChecker) and the merge with the rules (the de-di-de rule's issue wins).
 */
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../../lib/engine/apply-fixes';
import type { Issue } from '../../../lib/engine/types';
import { createLmChecker, mergeTierIssues, PARTICLE_META, ParticleChecker } from '../../../lib/lm';
import { loadModelForNode } from '../../../scripts/lib/lm-node';

const model = loadModelForNode();
const checker = new ParticleChecker(model);

describe('particle check finds and fixes', () => {
  it.each([
    // 地 or 得 where an attributive 的 belongs: the words before it go with 的, a noun follows.
    ['这是全体干部职工共同奋斗取得地优异成绩。', '这是全体干部职工共同奋斗取得的优异成绩。'],
    ['我们要倍加珍惜来之不易得成果。', '我们要倍加珍惜来之不易的成果。'],
    ['要让群众得到实实在在得实惠。', '要让群众得到实实在在的实惠。'],
    ['村里组织党员学习优秀得典型事迹。', '村里组织党员学习优秀的典型事迹。'],
    // 地 before a one-character degree adverb is a complement's 得, never 的.
    ['这几年肩上的担子重地很。', '这几年肩上的担子重得很。'],
    // 得 where an adverbial 地 belongs: a coverb follows.
    ['各级党组织要切实得把责任扛在肩上。', '各级党组织要切实地把责任扛在肩上。'],
    // 的 where a complement's 得 belongs: a negated description follows.
    ['整改任务落实的不到位。', '整改任务落实得不到位。'],
  ])('%s', (input, output) => {
    const found = checker.issues(input);
    expect(found).toHaveLength(1);
    const [i] = found;
    expect(i!.rule).toBe(PARTICLE_META.id);
    expect(i!.category).toBe('grammar');
    expect(i!.end - i!.start).toBe(1);
    expect(input.slice(i!.start, i!.end)).toBe(i!.text);
    expect(i!.message).toContain(`应用“${i!.replacements[0]}”`);
    expect(applyFixes(input, found)).toBe(output);
    expect(checker.issues(output)).toEqual([]);
  });
});

describe('particle check leaves correct text alone', () => {
  it.each([
    // 的/地/得 inside words: 目的, 耕地, 用地, 各地, 取得, 获得, 值得, 记得, 的确, 就地, 觉得, 使得, 地方, 地区, 土地, 本地.
    '这次调研的目的是摸清底数。',
    '要严格保护耕地和基本农田，节约集约用地。',
    '各地要结合实际抓好落实。',
    '全县上下取得了显著成效，群众的获得感明显增强。',
    '这些经验值得认真总结推广。',
    '我始终记得入党时的誓言。',
    '这的确是一项艰巨的任务。',
    '要把矛盾纠纷就地化解在基层。',
    '党员干部要时刻觉得肩上有担子。',
    '这使得基层负担进一步减轻。',
    '要关注地方经济发展的实际需要，各地区各部门要高度重视。',
    '这片土地上发生了翻天覆地的变化，本地的特色产业发展得很好。',
    // 得 as the modal děi.
    '你得把这件事放在心上。',
    // 的 before a verb used as a noun, 地 before a verb, 得 before a complement.
    '经济的发展离不开人才的支撑。',
    '党支部工作的开展离不开全体党员的支持。',
    '我们要认真地学习党的创新理论。',
    '要坚定不移地推进全面从严治党。',
    '他把道理讲得透彻明白。',
    '工作做得好不好，群众最有发言权。',
    '我们更加深入地认识到作风建设永远在路上。',
    // 地 before a verb the lexicon lacks with its aspect or result mark (体会 alone is tagged a noun).
    '通过这次学习，我深刻地体会到初心使命的分量。',
    '大家真切地感悟到了理论的力量。',
    '要把基层党组织建设得更加坚强有力。',
    '只有把问题找得准，才能把措施定得实。',
    '基层党组织的战斗堡垒作用不断增强，党员队伍的整体素质明显提高。',
  ])('%s', (text) => {
    expect(checker.issues(text)).toEqual([]);
  });

  it('takes a particle inside a personal-dictionary or domain phrasing as written', () => {
    const text = '村里组织党员学习优秀得典型事迹。';
    expect(checker.issues(text)).toHaveLength(1);
    expect(new ParticleChecker(model, { dictionary: ['优秀得典型'] }).issues(text)).toEqual([]);
  });

  it('maps a traditional-script line back to its own offsets', () => {
    const text = '這是全體幹部職工共同奮鬥取得地優異成績。';
    const found = checker.issues(text);
    expect(found).toHaveLength(1);
    expect(text[found[0]!.start]).toBe('地');
    expect(found[0]!.replacements).toEqual(['的']);
  });
});

describe('in the tier and the merge', () => {
  it('answers with the tier, offsets into the whole text', () => {
    const text = '第一段没有问题。\n我们要倍加珍惜来之不易得成果。';
    const issues = createLmChecker(model).check(text).filter((i) => i.category === 'grammar');
    expect(issues).toHaveLength(1);
    expect(text.slice(issues[0]!.start, issues[0]!.end)).toBe('得');
    expect(issues[0]!.start).toBe(text.indexOf('不易得') + 2);
  });

  it('gives way to the de-di-de rule where both fire', () => {
    const text = '这是全体干部职工共同奋斗取得地优异成绩。';
    const tier = createLmChecker(model).check(text);
    const at = text.indexOf('取得地') + 2;
    expect(tier.some((i) => i.start === at && i.rule === PARTICLE_META.id)).toBe(true);
    const rule: Issue = { rule: 'de-di-de', category: 'grammar', severity: 'error', start: at, end: at + 1, text: '地', replacements: ['的'], message: '“所”字结构修饰名词，应用“的”' };
    const merged = mergeTierIssues([rule], tier);
    expect(merged.filter((i) => i.start <= at && at < i.end)).toEqual([rule]);
    // Without a rule issue there, the tier's stands.
    expect(mergeTierIssues([], tier).some((i) => i.start === at && i.rule === PARTICLE_META.id)).toBe(true);
  });
});
