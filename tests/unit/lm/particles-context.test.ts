/**
 * Structural evidence for the statistical 的/地/得 check (lib/lm/particle-context.ts): slips on words the
 * de-di-de rule's tables do not list, found where the clause's shape is clear, and the look-alikes each
 * class must leave alone. Sentences written for these tests in the genre's style (none is from the
 * dev-dedide-stat sets or the dev drafts).
 */
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../../lib/engine/apply-fixes';
import { ParticleChecker } from '../../../lib/lm/particles';
import { evidenceFor } from '../../../lib/lm/particle-context';
import { loadModelForNode } from '../../../scripts/lib/lm-node';

const checker = new ParticleChecker(loadModelForNode());

describe('evidence classes', () => {
  it.each([
    // adverbial: a slot (modal, adverb, personal subject) or a manner-like word + 的 + a verb with its object.
    ['我们要冷峻的审视自身存在的短板。', 5, '地', 'adverbial'],
    ['各位委员坦然的接受了大家的批评。', 6, '地', 'adverbial'],
    ['驻村干部们风雨无阻的奔走在田间地头。', 9, '地', 'adverbial'],
    // A verb-only V carrying 了 with more after it is the predicate, whatever the lexicon calls X (大胆: noun).
    ['镇党委大胆的试行了村级事务积分制。', 5, '地', 'adverbial'],
    // After a verb-only V a head noun is its object (提出措施).
    ['我们要按部就班的提出措施。', 7, '地', 'adverbial'],
    // complement: a verb + 的 + descriptions closing the clause with a mark.
    ['今年的征兵宣传铺开的不够及时。', 9, '得', 'complement'],
    ['这批项目验收的十分严格，', 6, '得', 'complement'],
    // attributive: a word that is no manner word + 地/得 + a noun phrase.
    ['这是我们下一步亟待破解地难题。', 11, '的', 'attributive'],
    ['会上传达得精神要及时学习。', 4, '的', 'attributive'],
    // derived: a derived manner word (X化, X性) + 的 + a verb with its object, after a slot or not.
    ['党小组要常规化的组织党员学习。', 7, '地', 'derived'],
    ['驻村工作队经常性的入户走访群众。', 8, '地', 'derived'],
    // A verb-only V before a word the lexicon lacks or an attributive word: its object (上级部署, 重大事项).
    ['要认真的落实上级部署。', 3, '地', 'adverbial'],
    // attributive for a written 得: after a verb of result or direction, after a noun before a determiner.
    ['各村总结出得好做法要及时推广。', 5, '的', 'attributive'],
    ['要确保党小组得每一次活动都有记录。', 6, '的', 'attributive'],
    // complement for a written 地 after a verb (not after a manner word), and a comparison closing the clause.
    ['村里的账目张贴地不够及时。', 7, '得', 'complement'],
    ['部分党员谈体会谈地比较空泛。', 8, '得', 'complement'],
    ['这位老支书在村里转的比谁都勤。', 9, '得', 'complement'],
    ['今年的招商项目落地的比往年顺利。', 9, '得', 'complement'],
    // A verb the lexicon tags a noun only (定位) when a degree word opens the description.
    ['这份规划把目标定位的过于宽泛。', 9, '得', 'complement'],
  ] as const)('%s', (text, p, fix, evidence) => {
    expect(evidenceFor(text, p, fix)).toBe(evidence);
  });

  it.each([
    // A noun-phrase taker, a verb or a coordinator before X: X的V is a noun phrase.
    ['要开展冷静的分析研究工作。', 5, '地'],
    ['我们缺乏坦然的面对问题的勇气。', 6, '地'],
    ['通过严谨而细致的核查数据，', 7, '地'],
    // The verb heads a noun phrase: before a predicate or another verb, at the clause end.
    ['冷峻的审视是必要的。', 2, '地'],
    ['耐心的倾听换来了理解。', 2, '地'],
    // A verb-only V + a head noun + what opens a predicate: the noun heads the subject (not V's object).
    ['这种主动的学习态度值得大家借鉴。', 4, '地'],
    ['这种严谨的工作作风是我们的传家宝。', 4, '地'],
    // A verb-only X after a slot heads a relative clause (我们要解决的突出问题); a derived noun (关注点).
    ['我们要解决的突出问题是发展不平衡。', 5, '地'],
    ['大家普遍的关注点集中在民生领域。', 4, '地'],
    // A possessor after a person: 我们党的领导干部.
    ['我们党的领导干部要带头。', 3, '地'],
    // Complement: an amount, a pronoun subject, 所, a derived noun, no clause mark.
    ['需要解决的还很多。', 4, '得'],
    ['他们反映的比较集中。', 4, '得'],
    ['所做的十分有限。', 2, '得'],
    ['监督检查的力度不够。', 4, '得'],
    // A noun the lexicon lacks, ending in a noun suffix (班子), is no one-character verb.
    ['大家看重的是班子的和谐。', 8, '得'],
    ['要充分认识工作的重', 8, '得'],
    // Attributive: a manner word before 地, a complement of one character after 得.
    ['我们要冷静地分析形势。', 5, '的'],
    ['要把任务定得实。', 5, '的'],
    // A derived word after a taker or a verb, or before a noun phrase: an attribute (进行系统性的梳理, 创造性的工作).
    ['要进行常规化的组织建设。', 6, '地'],
    ['加强经常性的教育管理。', 5, '地'],
    ['这是一项创造性的工作。', 7, '地'],
    // (文化, 变化: lexicon words ending in the suffix are read by their own classes.)
    ['要弘扬先进文化的引领作用。', 7, '地'],
    // A noun + the modal 得 + a verb (干部得带头) or 有; a verb + 得 + 出/到 (看得出, 做得到).
    ['基层干部得带头执行。', 4, '的'],
    ['基层干部得有担当。', 4, '的'],
    // A noun + the modal 得 + a determiner that is an adverbial of the verb (每月, 各自).
    ['党支部得每月开展一次主题党日。', 3, '的'],
    ['班子成员得各自抓好分管工作。', 4, '的'],
    ['这个问题大家都看得出来。', 8, '的'],
    // 地 after a manner word before a word the lexicon also calls an adjective: 不断地完善。
    ['制度还要不断地完善。', 6, '得'],
    // A comparison of amounts (what was V'ed), or the standard of a comparison after 比.
    ['今年收的比去年多。', 3, '得'],
    ['他说的比唱的还好听。', 5, '得'],
    // A noun before 的 without a degree word after it (群众的呼声很高, 工作的难度很大).
    ['这项工作的难度很大。', 4, '得'],
    ['两个支部的都很扎实。', 4, '得'],
  ] as const)('no evidence: %s', (text, p, fix) => {
    expect(evidenceFor(text, p, fix)).toBeNull();
  });
});

describe('particle check with evidence finds and fixes', () => {
  it.each([
    ['我们要冷峻的审视自身存在的短板。', '我们要冷峻地审视自身存在的短板。'],
    ['驻村干部们风雨无阻的奔走在田间地头。', '驻村干部们风雨无阻地奔走在田间地头。'],
    ['今年的征兵宣传铺开的不够及时。', '今年的征兵宣传铺开得不够及时。'],
    ['这是我们下一步亟待破解地难题。', '这是我们下一步亟待破解的难题。'],
    // A model word of a verb + 的 (讲的) is a particle there.
    ['这堂党课讲的很透彻。', '这堂党课讲得很透彻。'],
    // A verb whose V得 the model holds as a word (记得, 过得): the complement closing the clause still makes it 得.
    ['每次谈话的要点都记的很潦草。', '每次谈话的要点都记得很潦草。'],
    ['搬进新居后，乡亲们的日子过地越来越舒心。', '搬进新居后，乡亲们的日子过得越来越舒心。'],
    ['这位老支书在村里转的比谁都勤。', '这位老支书在村里转得比谁都勤。'],
    ['镇纪委要制度化的开展廉政谈话。', '镇纪委要制度化地开展廉政谈话。'],
    ['这次座谈会听取到得建议很中肯。', '这次座谈会听取到的建议很中肯。'],
    // A four-character phrase the model holds as a word and the lexicon lacks (an idiom) is a manner word.
    ['网格员不厌其烦的帮老人办理医保手续。', '网格员不厌其烦地帮老人办理医保手续。'],
    ['镇里因地制宜的发展林下经济。', '镇里因地制宜地发展林下经济。'],
    // A reduplicated word (AA, AABB) before a verb used verbally, or before a verb-only V closing the clause.
    ['网格员们悄悄的把慰问品送到了老人家里。', '网格员们悄悄地把慰问品送到了老人家里。'],
    ['我们要老老实实的做人。', '我们要老老实实地做人。'],
    ['支部要牢牢的掌握意识形态工作主动权。', '支部要牢牢地掌握意识形态工作主动权。'],
    // A verb the lexicon tags a noun only (动员, 评价), after a modal and a manner word, with its object.
    ['街道要广泛的动员辖区单位参与共建。', '街道要广泛地动员辖区单位参与共建。'],
    ['考核组要客观的评价每一名干部。', '考核组要客观地评价每一名干部。'],
    // A one-character verb with a verb object (抓落实, 抓整改).
    ['支委们要扎扎实实的抓整改。', '支委们要扎扎实实地抓整改。'],
    // A noun + 的 that the model holds as a word (人的), with attributive evidence.
    ['要关注身边人得思想动态。', '要关注身边人的思想动态。'],
  ])('%s', (input, output) => {
    const found = checker.issues(input);
    expect(found).toHaveLength(1);
    expect(applyFixes(input, found)).toBe(output);
    expect(checker.issues(output)).toEqual([]);
  });
});

describe('particle check leaves look-alikes alone', () => {
  it.each([
    '冷峻的审视是必要的。',
    '要开展冷静的分析研究工作。',
    '我们缺乏坦然的面对问题的勇气。',
    '需要解决的还很多。',
    '监督检查的力度不够。',
    '我们党的领导干部要带头。',
    '这是我们下一步亟待破解的难题。',
    '要把任务定得实。',
    '大家都在极地考察站工作过。',
    '要引导企业在属地纳税。',
    '今年支部发展得很快。',
    '这次会议开得很成功。',
    // An amount after 的 (what was done much, what was read little), 的 before the copula, the standard after 比.
    '平时在手机上刷的多，静下心来读原著的少。',
    '群众反映的比较集中的是停车难问题。',
    '他说的比唱的还好听，就是不见行动。',
    '今年种的比去年多了一倍。',
    '我记得很清楚，那天下着大雨。',
    '这种前瞻性的谋划为今后发展打下了基础。',
    '基层党建的项目化推进取得了阶段性成效。',
    '要把规范化的管理要求落实到每个环节。',
    '这项工作完成得很好，受到了上级表扬。',
    '同志们做得到、做得好。',
    // A compound ending in a noun, or a phrase after a measure, determiner or coverb: an attribute.
    '要加强党员干部的学习教育。',
    '要提高离退休干部的服务保障水平。',
    '这是一份原原本本的工作记录。',
    '这种兢兢业业的工作态度值得学习。',
    '要把理想信念的根基筑得更牢。',
    // A reduplicated word before a noun, or a verb that is a noun too, or after a measure: an attribute.
    '大家心里都是满满的收获。',
    '心中充满了深深的思念。',
    '这是一份沉甸甸的责任。',
    '天天的坚持换来了今天的成绩。',
    '他们过着平平安安的日子。',
    // The same nouns heading a noun phrase: no modal right before the manner word, a head noun, the clause end.
    '要进行广泛的动员。',
    '要形成广泛的动员机制。',
    '客观的评价有助于干部成长。',
    '要把客观的评价结果作为干部使用的依据。',
    '要建立完整的记录台账。',
    // 地 before such a verb with its object stays (these were flagged 地→的 before).
    '各级党组织广泛地动员党员群众参与。',
    '老支书真诚地关心每一位村民。',
    '要提高抓落实的能力。',
    '要总结推广抓整改的有效办法。',
    '基层干部得有担当，群众才信服。',
    '这个问题我们得抓紧研究。',
  ])('%s', (text) => {
    expect(checker.issues(text)).toEqual([]);
  });
});
