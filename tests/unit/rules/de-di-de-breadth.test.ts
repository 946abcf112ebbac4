/**
 * de-di-de: forms found on the breadth set (tests/fixtures/dev-dedide-gen, tune half: sentences written around words
 * sampled by jieba class). Sentences written for this file in the genre's style, none taken from that set.
 * Slips are marked [的>地] at the particle; every other sentence must stay quiet.
 */
import rule from '../../../lib/rules/de-di-de';
import { marked, ruleTester } from '../rule-tester';

// 1. A person subject and a verb that takes no object: S + V的 names no thing, so the complement is sure.
ruleTester.run(rule, {
  valid: [
    '大家反映的比较集中。',
    '我们做的还不够。',
    '干部成长很快。',
    '同志们成长的环境越来越好。',
    // (jieba tags 进步 as an adverb: no manner word before 的 + a noun.)
    '群众进步的愿望十分强烈。',
  ],
  invalid: [
    '这几年新提拔的干部成长[的>得]很快。',
    '大家进步[的>得]十分明显。',
    '我们支部的年轻党员成熟[的>得]比较快。',
  ].map(marked),
});

// 2. A verb pair whose second verb carries 了 and an object, after a subject alone or a modal; at a sentence start the
// pair is an event as subject (深入的剖析找准了…), and a consequence verb keeps that reading anywhere.
ruleTester.run(rule, {
  valid: [
    '深入的剖析找准了问题根源。',
    '虚心的采纳赢得了群众的认可。',
    '全面的督导检查发现了一批问题。',
    '有序的组织保证了活动顺利进行。',
  ],
  invalid: [
    '支部党员认真[的>地]学习领会了会议精神。',
    '各村党组织全面[的>地]排查梳理了矛盾纠纷。',
  ].map(marked),
});

// 3. A set phrase the table lacks before a verb with 了 and its object (a mark no noun phrase's head takes).
ruleTester.run(rule, {
  valid: ['一点一滴的积累是成长的阶梯。'],
  invalid: ['调查组抽丝剥茧[的>地]查清了事情的来龙去脉。'].map(marked),
});

// 4. A noun jieba gives no verb tag with the result mark 到 (体会到, 意识到) is a verb.
ruleTester.run(rule, {
  valid: ['这是我最深刻的体会。', '对问题的认识到位，整改才能到位。'],
  invalid: ['我们真切[的>地]体会到了组织的关怀。', '他清醒[的>地]意识到自身的不足。'].map(marked),
});

// 5. A verb jieba tags as a noun only (动员, 督导) between a verb and a head noun with a verb + 了 after it: one compound
// noun phrase, the subject (flagged before the change).
ruleTester.run(rule, {
  valid: ['广泛的宣传动员工作营造了浓厚氛围。', '深入的调查动员工作赢得了群众的理解。'],
  invalid: ['各村党组织要广泛[的>地]宣传动员群众。'].map(marked),
});

// 6. AA reduplications the table lacks: manner words before a verb with its object, attributes before a noun.
ruleTester.run(rule, {
  valid: ['大家带着满满的收获回到了工作岗位。', '节日里到处洋溢着浓浓的氛围。'],
  invalid: ['每一名党员都要时时[的>地]对照党章检视自己。'].map(marked),
});

// 7. 地 for 得 before a complement that judges how a thing was done (a set phrase, two complement words, AABB, a degree
// + a complement word); never after a place-forming verb (种植地), nor 地 of a word (各地).
ruleTester.run(rule, {
  valid: ['种植地比较集中，便于统一管理。', '各地扎实有效推进各项工作。', '全县各地比较重视。', '我们要扎实有效地开展工作。'],
  invalid: ['今年的专题培训开展[地>得]扎实有效。', '各项整改任务落实[地>得]比较到位。', '他把政策解读[地>得]清清楚楚。'].map(marked),
});

// 8. 得 for 地 after an adverb jieba tags d only (自觉, 深刻, 如实) before a verb with its object; the modal 得 (děi) after
// adverbs of necessity or certainty stays, whatever their class (确实 is an adjective too).
ruleTester.run(rule, {
  valid: ['这项工作一定得抓紧。', '问题迟早得解决。', '这件事确实得抓紧办理。', '这笔账终究得算清楚。'],
  invalid: ['干部要如实[得>地]填报个人事项。'].map(marked),
});

// 9. In a 把-clause, a one-character verb + 的 + a noun and an adjective closing the clause: a subject-predicate complement.
ruleTester.run(rule, {
  valid: ['要把群众反映的问题汇总。', '要把大家提出的意见建议，逐条研究。', '要把会上讲的重点难点记下来。'],
  invalid: ['不能把主题党日搞[的>得]形式单一。', '要把党日活动办[的>得]特色鲜明。'].map(marked),
});
