/**
 * de-di-de: X的V where V is used as a noun (issue 7's false alarms). Sentences written for this file in the genre's style
 * (党建 reports, 心得, 述职); none is taken from the development sets (tests/fixtures/dev-dedide*).
 * Slips are marked [的>地] at the particle; every other sentence must stay quiet.
 */
import rule from '../../../lib/rules/de-di-de';
import { marked, ruleTester } from '../rule-tester';

// (a) X的V as a subject: a predicate follows V directly — a comparison 比, a predicate adverb (往往, 始终, 通常), a predicate
// taking an action as subject (离不开, 在于, 取决于) — or after a second verb (督导检查已经…), or a verb pair heading a noun
// with a verb + 了 after it (酝酿讨论环节保证了…). A verb used verbally has its object, a mark or a complement there instead.
ruleTester.run(rule, {
  valid: [
    '冷静的思考比盲目的行动更有价值。',
    '深入的调研比坐在办公室里拍脑袋更管用。',
    '细致的排查比事后的补救更重要。',
    '盲目的扩张往往带来更大的风险。',
    '科学的谋划往往决定工作的成败。',
    '严格的考核往往能倒逼责任落实。',
    '及时的反馈总是能让群众感到温暖。',
    '经常的提醒始终是最管用的办法。',
    '稳步的推进离不开扎实的基础工作。',
    '持续的投入离不开各级财政的支持。',
    '长期的坚持在于每一天的点滴积累。',
    '全面的督导检查已经结束。',
    '深入的走访调研往往能发现真问题。',
    '充分的酝酿讨论环节保证了决策质量。',
    '严格的审核把关环节避免了多起差错。',
    '热烈的讨论碰撞出了思想的火花。',
  ],
  invalid: [
    '他认真[的>地]阅读了每一份材料。',
    '要全面[的>地]梳理本单位的风险点。',
    '各支部要扎实[的>地]开展主题党日活动。',
    '驻村干部耐心[的>地]解答群众的疑问。',
    '我们必须严格[的>地]执行各项规章制度。',
    '全体党员积极[的>地]参与到志愿服务中。',
    '我们认真[的>地]学习了党的二十大报告。',
  ].map(marked),
});

// (a) X的V + a noun as the object of a verb before X (出台, 制定): the clause's verb stands before X, so X的V N is a noun
// phrase headed by the noun. A verb taking a verb phrase (继续, 开始) leaves X adverbial.
ruleTester.run(rule, {
  valid: [
    '要出台更加具体的扶持政策。',
    '乡镇要拿出更加有力的帮扶政策。',
    '乡镇要拿出更加管用的帮扶政策。',
    '这次出台了更加有力的保障措施。',
    '要制定切实可行的帮扶措施。',
    '镇党委制定了切实可行的考核办法。',
  ],
  invalid: [
    '要继续认真[的>地]学习党章党规。',
    '要开始主动[的>地]思考问题。',
    '支部要及时[的>地]总结经验。',
  ].map(marked),
});

// (b) After a modal, a manner word + a verb (认真解决, 及时整改) is a verb phrase of its own words, no four-character set
// phrase: X的 + a noun is a relative clause. An unknown set phrase there stays adverbial (要开门见山的讲清…).
ruleTester.run(rule, {
  valid: [
    '这是必须认真解决的突出问题。',
    '这是必须认真对待的突出矛盾。',
    '这是我们必须切实解决的紧迫问题。',
    '列出了应当及时整改的具体事项。',
    '梳理出一批应当重点推进的民生项目。',
  ],
  invalid: [
    '主讲人要开门见山[的>地]讲清任务。',
    '党员干部要主动[的>地]担当作为。',
  ].map(marked),
});
