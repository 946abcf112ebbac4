import { describe, expect, it } from 'vitest';
import { BOUND_CHARS, BOUND_CHARS_META } from '../../../lib/rules/data/bound-chars';
import rule from '../../../lib/rules/repeated-word';
import { ruleTester } from '../rule-tester';

ruleTester.run(rule, {
  valid: [
    '党委委员将带头讲党课。',
    '大家认真学了学习方法，又交流了体会。',
    // AA / AABB / ABAB reduplication that is legitimate
    '党员干部要时时刻刻牢记全心全意为人民服务的宗旨。',
    '他们兢兢业业、任劳任怨，常常加班到深夜。',
    '问题往往出在基层，人人都要负起责任。',
    '一个个党支部成为坚强的战斗堡垒。',
    '这件事我们再研究研究，下周讨论讨论再定。',
    '天天学习，渐渐进步，多多交流，看看别人怎么做。',
    '谢谢大家，形形色色的问题轰轰烈烈地冒出来。',
    '实实在在干事，明明白白做人，清清楚楚算账。',
    '对群众反映的问题一一作出答复，层层把关，事事有回应。',
    '党员处处带头，条条措施落实，个个争当先锋。',
    '家家户户挂国旗，年年有余，日日精进。',
    '点点滴滴的进步来自各个支部的努力，说说、想想、试试，等等。',
    '这的的确确是一个值得重视的问题。',
    '明辨是是非非，和和美美过日子。',
    '一步一步地推进，一个一个地解决。',
    // Distributive 一 + measure + noun said twice: one by one, not a double.
    '党委一个支部一个支部地抓落实，一个村一个村地走访群众。',
    '工作组一家企业一家企业上门，一项任务一项任务地对账销号。',
    '说着说着，大家都笑了。',
    '对对对，就是这个道理。',
    '同志们常说：“干部干部，干字当头。”',
    // doubles across word boundaries
    '坚持以人为本的管理理念，这是群众路线的具体体现。',
    '他缺乏政工工作经验，后任党委委员、人事处处长。',
    '经研究，任命王强同志为援滇干部联络组组长。',
    '上海市市场监督管理局依法查处拖欠农民工工资的用人单位。',
    '我们要要求每一名党员亮明身份。',
    '为了了解基层情况，他深入一线调研。',
    '他现在在北京参加培训。',
    '问题主要存在在基层执行环节。',
    // Tentative ABAB in a request or plan (a modal, a pronoun subject, a time before it), and the look-alikes of the
    // doubles of drafts written blind (tests/fixtures/dev-blind): XX words, 了 of a complement, 在 as a verb.
    '大家回去再研究研究，下次会上定下来。',
    '这个方案我们要好好讨论讨论。',
    '有空多和老党员交流交流，听听他们的意见。',
    '你们先商量商量，明天给我答复。',
    '我们一起总结总结经验。',
    '同时时刻关注舆情动态。',
    '平时时间安排得很紧。',
    '要提高党组织的凝聚力力量不断壮大。',
    '这种日子我实在受不了了。',
    '有的问题拖着拖着就不了了之。',
    '他现在在的单位是县委办。',
    '哈哈哈哈，大家都笑了。',
    '党组织组织开展主题党日。',
    '第一党支部支部书记讲党课。',
    '找他谈谈，坐下来谈谈。',
    '这是需要研究研究的问题。',
    '请大家提提意见、议论议论。',
    '同志们回去以后要好好讨论讨论。',
    '我想先了解了解情况再说。',
    '咱们改天再交流交流。',
    '要把把关的责任落实到人。',
    '实现这一目的的关键在于落实。',
    '县委书记与与会代表交流座谈。',
    // ABC BC where both copies are right: the unit repeated with a post of its own (支部书记, 组织委员), and the
    // verb 组织 after a unit whose name ends with it (党组织组织开展 = the party organisation organises).
    '机关第二党支部支部书记带头讲党课。',
    '请各党支部支部委员按时参加培训。',
    '会上增补了党组织组织委员。',
    '基层党组织组织开展主题党日活动。',
    '村党组织组织党员志愿者清扫街巷。',
    '社区党组织组织力明显增强。',
    // 会会 before a localizer only after a meeting's name: 社会会上升 (会 modal), 不会会上 (no name).
    '老龄化社会会上升为主要矛盾吗？',
    '他不会会上就表态。',
    // A pronoun before 党员 is the group: 我们党员 is right once.
    '我们党员干部要带头。',
    '继续做好对对口支援地区的帮扶工作。',
    '他对此不甚了了。',
    // organisation name followed by a title that starts with the same word
    '他担任该工程PPP项目项目部常务副经理。',
    '第一党支部支部书记带头讲党课。',
    // 国企企业家 is a fixed expression
    '国企企业家要增强政治意识。',
    // Two words that meet on the same character, and names or terms the segmenter splits.
    '中国共产党党章是最根本的党内法规。',
    '深入学习习近平新时代中国特色社会主义思想。',
    '人人参与，天天学习，我们谈谈体会，再讨论讨论。',
    '要把加强管理理顺关系作为重点，党委委员分工负责。',
    '各组组织一次专题讨论，小组组长负责记录。',
    '依法查处拖欠农民工工资的行为，他缺乏政工工作经验。',
    '联合国国际日活动，计算机机房管理。',
    '新建的厂房建有消防通道，他被评为优秀党员。',
    '党的组织在在建项目全覆盖，对群众反映的一件件问题逐一回应。',
    '提升基层党组织组织力，我们再研究研究，卿卿我我的情节不宜写进报告。',
    // odd input
    '𠮷𠮷𠮷𠮷，😀😀。',
    'aa bb 1111 ，，',
    // Issue 7: doubles at a word boundary that are right (both copies in words, units, pronoun groups, AAB, XX words).
    '做到人人参与、人人尽责、人人享有。',
    '企业管理理念不断更新。',
    '党委委员要带头参加双重组织生活。',
    '中国共产党党章对党员的权利和义务作了明确规定。',
    '我们党党员队伍不断壮大。',
    '教育局局长带队检查校园安全。',
    '志愿服务队队员深入社区开展服务。',
    '农民专业合作社社员的分红逐年增加。',
    '村“两委”委员要带头遵守村规民约。',
    '农民工工资支付情况要定期检查。',
    '工会会组织职工开展技能竞赛。',
    '村民民主选举依法有序进行。',
    '干部工作作风明显好转。',
    '党员员工积极参与志愿服务。',
    '大家红红脸、出出汗，达到了团结的目的。',
    '不能满足于开开会、读读文件。',
    '层层压实责任，层层传导压力。',
    '负责人人选已经确定。',
    '要把加强管理理顺关系作为重点。',
    '国务院关税税则委员会发布通知。',
    '做好村党组织带头人人选储备工作。',
    // (issue 7) A unit named by a verb and a title after a noun phrase; 的 before 的确; words that end or start
    // with the doubled function character.
    '由各地区按职责分工负责负责部门的协调工作。',
    '他说的的确是实情。',
    '他的成就就在于数十年如一日地坚持。',
    '所有有关单位都要参加。',
    '这个基地地址偏远，交通不便。',
    '这部小说说的是一个老党员的故事。',
    '解决问题不单单需要说服，还需要引导。',
    '我们要尝试试点新办法。',
    '他干起活来地地道道，一丝不苟。',
    // 地 closing an idiom, then the adverbial 地: lexicon word, the 天…地 frame, an exception.
    '党员干部要脚踏实地地干好本职工作。',
    '乡亲们欢天喜地地搬进了新房。',
    '要设身处地地为群众着想。',
  ],
  invalid: [
    // (issue 7) A verb doubled after an adverb or modal, before its object that is also a title (加强加强干部).
    { text: '要充分发挥发挥党员的先锋模范作用。', output: '要充分发挥党员的先锋模范作用。', issues: [{ text: '发挥发挥', fix: '发挥' }] },
    { text: '我们要进一步加强加强干部队伍建设。', output: '我们要进一步加强干部队伍建设。', issues: [{ text: '加强加强', fix: '加强' }] },
    // A function character doubled where the segmenter glues the second copy to the next one (也|也要).
    { text: '今后我也也要多向先进同志学习。', output: '今后我也要多向先进同志学习。', issues: [{ text: '也也', fix: '也' }] },
    // The first copy closes a word, a word follows the second: XX (想想) cannot be read there.
    { text: '我们要加强理想想信念教育。', output: '我们要加强理想信念教育。', issues: [{ text: '想想', fix: '想' }] },
    { text: '党员们认真地地开展了自查。', output: '党员们认真地开展了自查。', issues: [{ text: '地地', fix: '地' }] },
    // A unit of three characters twice before a title: no unit names itself twice.
    { text: '全县党支部党支部书记都参加了轮训。', output: '全县党支部书记都参加了轮训。', issues: [{ text: '党支部党支部', fix: '党支部' }] },
    // A bound character left over after an adverb (认真|学|学习) or before a modal adverb (党委|委|将).
    { text: '支部书记认真学学习了新修订的条例。', output: '支部书记认真学习了新修订的条例。', issues: [{ text: '学学', fix: '学' }] },
    { text: '学院党委委将组织专项检查。', output: '学院党委将组织专项检查。', issues: [{ text: '委委', fix: '委' }] },
    { text: '党支部书记要要带领全体党员学习。', output: '党支部书记要带领全体党员学习。', issues: [{ text: '要要', fix: '要' }] },
    { text: '要采取合理、正确的的管理办法。', output: '要采取合理、正确的管理办法。', issues: [{ text: '的的', fix: '的' }] },
    { text: '不能出现土地荒废的的现象。', output: '不能出现土地荒废的现象。', issues: [{ text: '的的', fix: '的' }] },
    {
      text: '先进的政治思想思想推动着企业经济发展。',
      output: '先进的政治思想推动着企业经济发展。',
      issues: [{ text: '思想思想', fix: '思想' }],
    },
    {
      text: '与“灵魂”息息相关，教你教你怎样搞好支部工作。',
      output: '与“灵魂”息息相关，教你怎样搞好支部工作。',
      issues: [{ text: '教你教你', fix: '教你' }],
    },
    {
      text: '为了实现国企企业的可持续发展，相关部门需要建立服务体系。',
      output: '为了实现国有企业的可持续发展，相关部门需要建立服务体系。',
      issues: [{ text: '国企企业', fix: '国有企业' }],
      note: 'explicit redundancy list',
    },
    // ABC BC before a post that the unit does not hold (组织书记 is no post): the second copy is left over.
    {
      text: '部分村党组织组织书记抓党建的办法不多。',
      output: '部分村党组织书记抓党建的办法不多。',
      issues: [{ text: '组织组织', fix: '组织' }],
    },
    {
      text: '各基层党组织组织负责人要履行第一责任人职责。',
      output: '各基层党组织负责人要履行第一责任人职责。',
      issues: [{ text: '组织组织', fix: '组织' }],
    },
    {
      text: '在专题组织生活会会上，同志们提出了批评意见。',
      output: '在专题组织生活会上，同志们提出了批评意见。',
      issues: [{ text: '会会', fix: '会' }],
    },
    { text: '推进会会后，各单位立即行动。', output: '推进会后，各单位立即行动。', issues: [{ text: '会会', fix: '会' }] },
    {
      text: '我们我们党员要在急难险重任务面前站得出来。',
      output: '我们党员要在急难险重任务面前站得出来。',
      issues: [{ text: '我们我们', fix: '我们' }],
    },
    { text: '我们是是新时代的建设者。', output: '我们是新时代的建设者。', issues: [{ text: '是是', fix: '是' }] },
    { text: '要把把党的建设摆在首位。', output: '要把党的建设摆在首位。', issues: [{ text: '把把', fix: '把' }] },
    {
      text: '各级党组织要加强加强对党员的教育管理。',
      output: '各级党组织要加强对党员的教育管理。',
      issues: [{ text: '加强加强', fix: '加强' }],
    },
    {
      text: '要认真落实落实“三会一课”制度。',
      output: '要认真落实“三会一课”制度。',
      issues: [{ text: '落实落实', fix: '落实' }],
    },
    { text: '在在全市范围内开展专项整治。', output: '在全市范围内开展专项整治。', issues: [{ text: '在在', fix: '在' }] },
    { text: '他们也也参加了学习，还还要作交流发言。', output: '他们也参加了学习，还要作交流发言。', issues: [{ text: '也也' }, { text: '还还' }] },
    {
      text: '实实在在干事，的的工作要落实。',
      output: '实实在在干事，的工作要落实。',
      issues: [{ text: '的的', start: 7 }],
      note: 'AABB before, a real slip after',
    },
    {
      text: '全体党员员干部要带头学习党章。',
      output: '全体党员干部要带头学习党章。',
      issues: [{ text: '员员', fix: '员' }],
      note: 'a lone bound character left after a word',
    },
    {
      text: '要认识识到问题的严重性。',
      output: '要认识到问题的严重性。',
      issues: [{ text: '识识', fix: '识' }],
    },
    {
      text: '支部要组组织党员学习。',
      output: '支部要组织党员学习。',
      issues: [{ text: '组组', fix: '组' }],
      note: 'a lone bound character before a word',
    },
    {
      text: '持续改进工作作风，发挥党员员先锋模范作用。',
      output: '持续改进工作作风，发挥党员先锋模范作用。',
      issues: [{ text: '员员', fix: '员' }],
    },
    {
      text: '取得了实实在在的的收获。',
      output: '取得了实实在在的收获。',
      issues: [{ text: '的的', fix: '的' }],
      note: 'after an AABB word',
    },
    {
      text: '我们们一定要学懂弄通做实。',
      output: '我们一定要学懂弄通做实。',
      issues: [{ text: '们们', fix: '们' }],
    },
    {
      text: '要不断提高提高政治判断力。',
      output: '要不断提高政治判断力。',
      issues: [{ text: '提高提高', fix: '提高' }],
      note: 'no tentative reduplication after a formal adverb',
    },
    {
      text: '根本任务是以学铸魂以学铸魂、以学增智。',
      output: '根本任务是以学铸魂、以学增智。',
      issues: [{ text: '以学铸魂以学铸魂', fix: '以学铸魂' }],
    },
    {
      text: '加强党支部党支部的标准化建设。',
      output: '加强党支部的标准化建设。',
      issues: [{ text: '党支部党支部', fix: '党支部' }],
    },
    // Issue 7: one copy left over where two words meet (lexicon and the segmenter's dictionary on both sides).
    { text: '各乡镇镇、村两级都建立了工作台账。', output: '各乡镇、村两级都建立了工作台账。', issues: [{ text: '镇镇', fix: '镇' }], note: 'a word ends with the first copy, a clause end follows' },
    { text: '要坚定理想信信念，筑牢信仰之基。', output: '要坚定理想信念，筑牢信仰之基。', issues: [{ text: '信信', fix: '信' }], note: 'a word before, a word from the second copy' },
    { text: '听取基层党组织书书记述职。', output: '听取基层党组织书记述职。', issues: [{ text: '书书', fix: '书' }] },
    { text: '引导广大党党员发挥作用。', output: '引导广大党员发挥作用。', issues: [{ text: '党党', fix: '党' }], note: 'after an adjective, not a name' },
    { text: '把闲置置厂房改造成活动中心。', output: '把闲置厂房改造成活动中心。', issues: [{ text: '置置', fix: '置' }] },
    { text: '认真梳理群众意见建建议。', output: '认真梳理群众意见建议。', issues: [{ text: '建建', fix: '建' }] },
    { text: '把基层层党组织建设成坚强战斗堡垒。', output: '把基层党组织建设成坚强战斗堡垒。', issues: [{ text: '层层', fix: '层' }], note: 'XX word before a noun' },
    { text: '充实社区网格格员队伍。', output: '充实社区网格员队伍。', issues: [{ text: '格格', fix: '格' }], note: 'derived noun suffix after the lone copy' },
    // Issue 7, classes of the blind-written development drafts (each with sentences of our own).
    { text: '部分党员对新修订条例的内容熟悉熟悉不够。', output: '部分党员对新修订条例的内容熟悉不够。', issues: [{ text: '熟悉熟悉', fix: '熟悉' }], note: 'ABAB in a report: no request, no plan' },
    { text: '各支部围绕巡察反馈问题讨论讨论，形成了整改清单。', output: '各支部围绕巡察反馈问题讨论，形成了整改清单。', issues: [{ text: '讨论讨论', fix: '讨论' }] },
    { text: '有的同志满足于开会、传达传达文件。', output: '有的同志满足于开会、传达文件。', issues: [{ text: '传达传达', fix: '传达' }], note: 'an item of an enumeration' },
    { text: '支部去年组织党员调研调研了三次。', output: '支部去年组织党员调研了三次。', issues: [{ text: '调研调研', fix: '调研' }], note: 'a count of what was done' },
    { text: '支部书记与驻村干部交流交流了帮扶思路。', output: '支部书记与驻村干部交流了帮扶思路。', issues: [{ text: '交流交流', fix: '交流' }] },
    { text: '各支部要及时时上报党员信息。', output: '各支部要及时上报党员信息。', issues: [{ text: '时时', fix: '时' }], note: 'XX would leave 及 alone' },
    { text: '两个品牌逐渐渐叫响。', output: '两个品牌逐渐叫响。', issues: [{ text: '渐渐', fix: '渐' }], note: 'XX would leave the bound 逐 alone' },
    { text: '党员队伍的凝聚力力明显增强。', output: '党员队伍的凝聚力明显增强。', issues: [{ text: '力力', fix: '力' }], note: 'a word with a deriving suffix' },
    { text: '推进治理体系现代化化。', output: '推进治理体系现代化。', issues: [{ text: '化化', fix: '化' }] },
    { text: '参会率由六成提高到了了八成。', output: '参会率由六成提高到了八成。', issues: [{ text: '了了', fix: '了' }], note: 'aspect 了 after a word glued to the first copy' },
    { text: '这些问题我们都认识到了了。', output: '这些问题我们都认识到了。', issues: [{ text: '了了', fix: '了' }] },
    { text: '没有站在在群众的立场想问题。', output: '没有站在群众的立场想问题。', issues: [{ text: '在在', fix: '在' }], note: 'a verb and its complement 在, then 在 again' },
    { text: '认真查找班子存在在的突出问题。', output: '认真查找班子存在的突出问题。', issues: [{ text: '在在', fix: '在' }], note: 'a preposition with no object' },
    { text: '他直到年底才才完成任务。', output: '他直到年底才完成任务。', issues: [{ text: '才才', fix: '才' }], note: 'the segmenter glues the second copy to the next verb' },
    { text: '被县纪委监委约谈谈。', output: '被县纪委监委约谈。', issues: [{ text: '谈谈', fix: '谈' }], note: 'XX verb at the clause end after a word with the first copy' },
    { text: '干部作风常常常常受到群众议论。', output: '干部作风常常受到群众议论。', issues: [{ text: '常常常常', fix: '常常' }], note: 'a reduplicated adverb typed twice' },
    { text: '党员纷纷纷纷报名参加志愿服务。', output: '党员纷纷报名参加志愿服务。', issues: [{ text: '纷纷纷纷', fix: '纷纷' }] },
    { text: '工作积极性越来越越来越高。', output: '工作积极性越来越高。', issues: [{ text: '越来越越来越', fix: '越来越' }], note: 'a unit that holds a character twice' },
    { text: '把专项资金资金用于村级活动场所建设。', output: '把专项资金用于村级活动场所建设。', issues: [{ text: '资金资金', fix: '资金' }], note: 'the segmenter glues the first copy into a longer noun' },
  ],
});

describe('bound characters (generated from jieba by scripts/build-bound-chars.ts)', () => {
  it('is whole and tells bound characters from free ones', () => {
    expect(Array.from(BOUND_CHARS).length).toBe(BOUND_CHARS_META.count);
    for (const ch of '员识织组委们') expect(BOUND_CHARS, ch).toContain(ch);
    for (const ch of '党人要干高天') expect(BOUND_CHARS, ch).not.toContain(ch);
  });
});
