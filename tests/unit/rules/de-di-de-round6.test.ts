/**
 * de-di-de: round 6 of issue 7 item 1, adverbial 的 → 地 and its reverse by class — X性/X化 manner words, manner coverb
 * phrases before a clause-final verb, four-character phrases the table lacks in a predicate slot, and 地 in the second of
 * two coordinated noun phrases. Sentences written for this file in the genre's style, none taken from the drafts nor from
 * the development file the classes were built on (tests/fixtures/dev-dedide/r6-adverbial.txt).
 * Slips are marked [的>地] at the particle; every other sentence must stay quiet.
 */
import rule from '../../../lib/rules/de-di-de';
import { marked, ruleTester } from '../rule-tester';

// 1. X性/X化 (abstract nouns the genre uses as manner words) before a verb the table knows as no noun, with a noun object
// (or after a light verb, any object): the verb cannot head a noun phrase with its object, so X modifies it. A verb-noun
// object may make one compound with the verb (组织生活), a head noun makes the phrase nominal (推进机制), and a taker or
// copula before X takes a noun phrase.
ruleTester.run(rule, {
  valid: [
    '我们要坚持经常性的组织生活。',
    '这次调整带来了结构性的变化。',
    '要形成常态化的推进机制。',
    '这是一项具有基础性的保障工作。',
    '他提出了很多建设性的意见。',
    '缺乏系统化的培训，是履职能力不足的重要原因。',
    '各部门要加强规范化的管理。',
    '项目取得了突破性的进展。',
    '全市推行网格化的服务管理。',
  ],
  invalid: [
    '县委组织部常态化[的>地]开展基层党建督查。',
    '我们要前瞻性[的>地]研判风险隐患。',
    '工作组创造性[的>地]开展专项整治，成效明显。',
    '有的支部还缺乏针对性[的>地]解决实际问题的办法。',
    '街道规范化[的>地]开展“三会一课”，支部组织力明显增强。',
  ].map(marked),
});

// 2. A manner coverb's phrase (按计划, 依照规划, 随季节) between the clause's start, a predicate adverb, a modal or a noun
// ending the subject and X的 + a clause-final verb: the coverb phrase modifies a predicate, so the verb is the predicate.
// A coverb that takes X的V as a noun phrase (按照…的部署, 随着…的推进, 通过…的学习) and a weak X stay.
ruleTester.run(rule, {
  valid: [
    '各项工作要按照党委统一的部署。',
    '随着整改持续的推进，群众满意度不断提高。',
    '通过按计划扎实的推进，各项任务全部完成。',
    '依照严格的程序，项目通过了审批。',
    '按照上级明确的要求，我们开展了自查。',
    '这是按规定正常的调整。',
  ],
  invalid: [
    '冬季防火宣传按片区逐步[的>地]展开。',
  ].map(marked),
});

// 3. A four-character phrase the table lacks (idioms below its floor) in a predicate slot — a personal subject, a
// predicate adverb, a modal, a pivot verb and its person — before a verb that heads no noun phrase: a one-character verb
// with its object, a verb carrying its result, or a verb the table knows only as a verb, with an object closing the
// clause. A possessor or subject of its own words (基层组织, 关心群众), a relative clause (认真解决的), a coverb phrase
// (保持对党), a verb phrase followed by a head noun or a predicate (抓落实能力, 抓落实还不够) stay.
ruleTester.run(rule, {
  valid: [
    '我们基层组织的抓落实能力还需提升。',
    '这是大家必须认真研究的重大课题。',
    '始终保持对党的绝对忠诚。',
    '要求各支部书记的述职报告严格把关。',
    '他们村两委的抓发展思路很清晰。',
  ],
  invalid: [
    '我们要马不停蹄[的>地]抓落实，确保年底前完工。',
    '他们始终埋头苦干[的>地]干事业，不图名不图利。',
    '支部带领党员群众齐心协力[的>地]抓生产。',
    '要求驻村干部沉心静气[的>地]摸清底数。',
  ].map(marked),
});

// 4. 地 in the second of two coordinated noun phrases whose first has 的 (X的N和Y地Z): a noun phrase too, so 的. Not when Z
// is a verb: two verb phrases are joined (学习党的理论和扎实地开展工作).
ruleTester.run(rule, {
  valid: [
    '要学习党的理论和扎实地开展工作。',
    '我们要尊重群众的意愿和耐心地做好解释。',
    '要把握会议的精神和深入地思考问题。',
  ],
  invalid: [
    '他以饱满的热情和过硬[地>的]素质赢得了群众信任。',
    '要有开阔的视野和扎实[地>的]功底。',
  ].map(marked),
});

// 5. Verbs of using take the means as their object (运用…手段, 利用…平台), verbs of drawing up the plan (制定…方案): a head
// noun after them is that object, not the head of a noun phrase X的V N. Before a predicate the pair heads a subject.
ruleTester.run(rule, {
  valid: [
    '科学的制定程序是前提。',
    '这是一种有效的利用方式。',
    '合理的运用方法已经写进了手册。',
    '科学的利用方式能够节约资源。',
  ],
  invalid: [
    '要熟练[的>地]运用信息化手段开展宣传。',
    '各支部要认真[的>地]制定整改方案。',
    '我们要充分[的>地]利用网络平台。',
  ].map(marked),
});

// 6. A verb + a noun that does a second verb with its own object (a pivot: 指导村里谋划…, 帮助群众解决…): V is a verb whatever
// head noun closes the clause later. A head noun right after the second verb makes one noun phrase (组织群众参与机制), and two
// or three nouns after V before an adjective closing the clause head that adjective's subject.
ruleTester.run(rule, {
  valid: [
    '要建立有效的动员群众参与机制。',
    '持续的宣传教育工作效果明显。',
    '他们积极的学习态度值得肯定。',
  ],
  invalid: [
    '工作队手把手[的>地]帮助农户申请小额贷款。',
    '镇里一对一[的>地]指导企业完善安全生产制度。',
    '社区党委耐心[的>地]引导居民参与文明创建活动。',
  ].map(marked),
});

// 7. 地 before a list of items joined by 、 and closed by 等 + a noun: the list is a noun phrase, so 的. Not when the first item
// is a verb, a coverb or an adverb (the list is then that verb's object), nor after a place word (各地).
ruleTester.run(rule, {
  valid: [
    '要扎实地做好防汛、防火等工作。',
    '积极地把学习、宣传等任务分解到人。',
    '各地、各部门等单位都要参加培训。',
    '群众反映强烈的看病难、看病贵等问题得到了缓解。',
  ],
  invalid: [
    '着力解决职工反映集中[地>的]加班多、休假难等问题。',
    '整治窗口单位群众反映强烈[地>的]办事慢、手续繁等现象。',
  ].map(marked),
});
