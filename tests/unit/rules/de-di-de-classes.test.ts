/**
 * de-di-de: the classes added for issue 7's second round (dev recall 的/地/得). Each block is one pattern: at least
 * five invalid sentences in the genre's style (none of them a dev draft's sentence) and five clean look-alikes that
 * must stay quiet. The invalid ones were checked to be missed by the rule before the pattern was added.
 */
import rule from '../../../lib/rules/de-di-de';
import { ruleTester } from '../rule-tester';

// degree adverbs of excess and slightness (过于, 过分, 太过, 有些, 有点) before a complement
ruleTester.run(rule, {
  valid: [
    '他们反映的过于理想化。',
    '存在的过于依赖上级的问题必须解决。',
    '我们遇到的有些问题，需要上级协调解决。',
    '群众反映的有些情况，我们已经核实。',
    '所做的过于琐碎的事务性工作要精简。',
    '大家提出的有些意见很中肯。',
    '去年开展的有些活动，效果不太理想。',
    '会上提出的有些建议，我们已经采纳。',
  ],
  invalid: [
    { text: '个别单位问题整改推进的过分迟缓。', output: '个别单位问题整改推进得过分迟缓。', issues: [{ text: '的', fix: '得' }], note: 'degree' },
    { text: '这次培训组织的太过仓促。', output: '这次培训组织得太过仓促。', issues: [{ text: '的', fix: '得' }], note: 'degree' },
    { text: '会议日程安排的过分紧张。', output: '会议日程安排得过分紧张。', issues: [{ text: '的', fix: '得' }], note: 'degree' },
    { text: '有的单位考核指标定的过于宽泛。', output: '有的单位考核指标定得过于宽泛。', issues: [{ text: '的', fix: '得' }], note: 'degree' },
    { text: '会议日程安排的过于紧张。', output: '会议日程安排得过于紧张。', issues: [{ text: '的', fix: '得' }], note: 'degree' },
  ],
});

// noun + 得 + derived noun X度/X率/X性/X力/X感: 得 "get" never takes a measure or a quality
ruleTester.run(rule, {
  valid: [
    '让群众得实惠，是我们工作的出发点。',
    '这项改革使群众得益于政策红利。',
    '党员干部要增强群众的获得感。',
    '他的得分率一直很高。',
    '使基层群众得以享受优质服务。',
    '大家得到了锻炼，工作能力明显提高。',
  ],
  invalid: [
    { text: '通过改进服务，进一步提升辖区居民得满意度。', output: '通过改进服务，进一步提升辖区居民的满意度。', issues: [{ text: '得', fix: '的' }], note: 'derived' },
    { text: '今年党员得参与率明显提高。', output: '今年党员的参与率明显提高。', issues: [{ text: '得', fix: '的' }], note: 'derived' },
    { text: '要充分调动基层干部得积极性。', output: '要充分调动基层干部的积极性。', issues: [{ text: '得', fix: '的' }], note: 'derived' },
    { text: '支部得凝聚力不断增强。', output: '支部的凝聚力不断增强。', issues: [{ text: '得', fix: '的' }], note: 'derived' },
    { text: '企业得竞争力显著提升。', output: '企业的竞争力显著提升。', issues: [{ text: '得', fix: '的' }], note: 'derived' },
    { text: '要不断提高群众得参与度。', output: '要不断提高群众的参与度。', issues: [{ text: '得', fix: '的' }], note: 'derived' },
  ],
});

// noun + 地 + noun + one-character verb with 了/起: the noun is a subject, the phrase a noun phrase
ruleTester.run(rule, {
  valid: [
    '要历史地看了再下结论。',
    '各地涨了工资。',
    '我们辩证地看了这个问题。',
    '会上，书记重点地讲了三个问题。',
    '党员自觉地学了起来。',
  ],
  invalid: [
    { text: '几年下来，群众地钱包鼓了起来。', output: '几年下来，群众的钱包鼓了起来。', issues: [{ text: '地', fix: '的' }], note: 'aspect predicate' },
    { text: '入冬以后，村民地菜价涨了。', output: '入冬以后，村民的菜价涨了。', issues: [{ text: '地', fix: '的' }], note: 'aspect predicate' },
    { text: '这两年，职工地工资涨了两成。', output: '这两年，职工的工资涨了两成。', issues: [{ text: '地', fix: '的' }], note: 'aspect predicate' },
    { text: '通过技能培训，农民地腰包鼓了。', output: '通过技能培训，农民的腰包鼓了。', issues: [{ text: '地', fix: '的' }], note: 'aspect predicate' },
    { text: '这几年，农民地腰包鼓了。', output: '这几年，农民的腰包鼓了。', issues: [{ text: '地', fix: '的' }], note: 'aspect predicate' },
  ],
});

// the 一A一B frame (一点一滴, 一心一意) as an unknown set phrase: only before a coverb or a verb with an object
ruleTester.run(rule, {
  valid: [
    '党员的一言一行的示范作用不可忽视。',
    '形成比学赶超的浓厚氛围，',
    '一年一度的表彰大会隆重召开。',
    '一月一次的学习交流，大家收获很大。',
    '一周一评的考核办法',
    '营造你追我赶的良好局面。',
    '一点一滴的积累是成长的基础。',
    '正是一点一滴的积累换来了今天的成绩。',
    '这不是一朝一夕的努力，而是长期坚持的结果。',
    '家乡一草一木的变化，我们都看在眼里。',
    '党员一言一行的示范带动了身边群众。',
  ],
  invalid: [
    { text: '党员干部要一心一意的为群众办实事。', output: '党员干部要一心一意地为群众办实事。', issues: [{ text: '的', fix: '地' }], note: '一A一B' },
    { text: '要一心一意的谋划乡村发展。', output: '要一心一意地谋划乡村发展。', issues: [{ text: '的', fix: '地' }], note: '一A一B' },
    { text: '大家一字一句的修改调研报告。', output: '大家一字一句地修改调研报告。', issues: [{ text: '的', fix: '地' }], note: '一A一B' },
    { text: '驻村干部一家一户的走访困难群众。', output: '驻村干部一家一户地走访困难群众。', issues: [{ text: '的', fix: '地' }], note: '一A一B' },
    { text: '大家一字一句的学习党章原文。', output: '大家一字一句地学习党章原文。', issues: [{ text: '的', fix: '地' }], note: '一A一B' },
    { text: '要一点一滴的改进工作作风。', output: '要一点一滴地改进工作作风。', issues: [{ text: '的', fix: '地' }], note: '一A一B' },
  ],
});

// an unknown set phrase before a verb with a result mark (抓好, 做好): the verb is verbal whatever follows; a second verb after V makes V a subject head
ruleTester.run(rule, {
  valid: [
    '她一心一意的付出赢得了群众信任。',
    '这些年来默默无闻的付出换来了群众的认可。',
    '这是大家群策群力的结果。',
    '这是一场攻坚克难的硬仗。',
    '全体同志同心同德的奋斗，换来了今天的成绩。',
  ],
  invalid: [
    { text: '要心无旁骛的做好本职工作。', output: '要心无旁骛地做好本职工作。', issues: [{ text: '的', fix: '地' }], note: 'unknown + marked verb' },
    { text: '要埋头苦干的做好稳岗就业工作。', output: '要埋头苦干地做好稳岗就业工作。', issues: [{ text: '的', fix: '地' }], note: 'unknown + marked verb' },
    { text: '要心无旁骛的抓好控辍保学。', output: '要心无旁骛地抓好控辍保学。', issues: [{ text: '的', fix: '地' }], note: 'unknown + marked verb' },
    { text: '要雷厉风行的做好接诉即办。', output: '要雷厉风行地做好接诉即办。', issues: [{ text: '的', fix: '地' }], note: 'unknown + marked verb' },
    { text: '要精益求精的做好文创设计。', output: '要精益求精地做好文创设计。', issues: [{ text: '的', fix: '地' }], note: 'unknown + marked verb' },
    { text: '要全神贯注的抓好秋粮收储。', output: '要全神贯注地抓好秋粮收储。', issues: [{ text: '的', fix: '地' }], note: 'unknown + marked verb' },
  ],
});

// one-character V的C pairs in parallel clauses, the partner written with 的 or 得, with its own subject or not
ruleTester.run(rule, {
  valid: [
    '学习的人多、工作的人少，这个问题要解决。',
    '他讲的书、我读的报，各有所得。',
    '大的方面、小的细节都要考虑到。',
    '用的人、管的事都要清清楚楚。',
    '买的菜、做的饭都很可口。',
  ],
  invalid: [
    { text: '要做到问题查得准、整改抓的实。', output: '要做到问题查得准、整改抓得实。', issues: [{ text: '的', fix: '得' }], note: 'parallel pairs' },
    { text: '确保工作抓的紧、抓得实。', output: '确保工作抓得紧、抓得实。', issues: [{ text: '的', fix: '得' }], note: 'parallel pairs' },
    { text: '确保隐患查的细、问题改得实。', output: '确保隐患查得细、问题改得实。', issues: [{ text: '的', fix: '得' }], note: 'parallel pairs' },
    { text: '要学的深、悟得透。', output: '要学得深、悟得透。', issues: [{ text: '的', fix: '得' }], note: 'parallel pairs' },
    { text: '确保政策讲的透、落得实。', output: '确保政策讲得透、落得实。', issues: [{ text: '的', fix: '得' }], note: 'parallel pairs' },
  ],
});

// in a 把-clause, a list of four-character descriptions after V的 (讲的通俗易懂、入脑入心)
ruleTester.run(rule, {
  valid: [
    '要把群众反映的急迫诉求、烦心小事逐一解决。',
    '把大家提出的意见建议、工作思路汇总上报。',
    '把会上讲的重要精神、具体要求传达到位。',
    '把收集的典型案例、经验做法整理成册。',
    '把上级交办的急难险重、重点难点任务完成好。',
  ],
  invalid: [
    { text: '要把党的创新理论讲的通俗易懂、入脑入心。', output: '要把党的创新理论讲得通俗易懂、入脑入心。', issues: [{ text: '的', fix: '得' }], note: 'ba list' },
    { text: '要把道理讲的深入浅出、生动鲜活。', output: '要把道理讲得深入浅出、生动鲜活。', issues: [{ text: '的', fix: '得' }], note: 'ba list' },
    { text: '把教案写的图文并茂、通俗易懂。', output: '把教案写得图文并茂、通俗易懂。', issues: [{ text: '的', fix: '得' }], note: 'ba list' },
    { text: '把活动办的有滋有味、入脑入心。', output: '把活动办得有滋有味、入脑入心。', issues: [{ text: '的', fix: '得' }], note: 'ba list' },
    { text: '要把政策讲的明白透彻、接地气。', output: '要把政策讲得明白透彻、接地气。', issues: [{ text: '的', fix: '得' }], note: 'ba list' },
    { text: '把故事讲的感人至深、催人奋进。', output: '把故事讲得感人至深、催人奋进。', issues: [{ text: '的', fix: '得' }], note: 'ba list' },
  ],
});

// manner word + 得 + coverb or verb with object → 地 (切实得把…, 耐心得倾听…)
ruleTester.run(rule, {
  valid: [
    '他们忙得顾不上吃饭。',
    '这次活动热情得让人感动。',
    '大家高兴得跳了起来。',
    '我们还是得把工作抓紧。',
    '各项政策切实得到了落实。',
    '我们一定得把工作做好。',
  ],
  invalid: [
    { text: '要切实得把整改责任扛在肩上。', output: '要切实地把整改责任扛在肩上。', issues: [{ text: '得', fix: '地' }], note: 'de -> di' },
    { text: '支部书记要耐心得倾听党员的意见。', output: '支部书记要耐心地倾听党员的意见。', issues: [{ text: '得', fix: '地' }], note: 'de -> di' },
    { text: '要积极得为群众排忧解难。', output: '要积极地为群众排忧解难。', issues: [{ text: '得', fix: '地' }], note: 'de -> di' },
    { text: '干部要主动得向群众请教。', output: '干部要主动地向群众请教。', issues: [{ text: '得', fix: '地' }], note: 'de -> di' },
    { text: '大家认真得学习党章党规。', output: '大家认真地学习党章党规。', issues: [{ text: '得', fix: '地' }], note: 'de -> di' },
    { text: '要扎扎实实得推进问题整改。', output: '要扎扎实实地推进问题整改。', issues: [{ text: '得', fix: '地' }], note: 'de -> di' },
  ],
});

// verb + 地 + degree/negated complement closing the clause, and 地很 at a clause end → 得
ruleTester.run(rule, {
  valid: [
    '各地不够重视安全生产。',
    '产业发展所在地很多。',
    '要全面地不断深化改革。',
    '要历史地看问题。',
    '土地很肥沃。',
    '农产品种植地比较分散。',
    '外来人口居住地不固定。',
    '原料生产地十分集中。',
  ],
  invalid: [
    { text: '党员的先锋作用发挥地不够充分。', output: '党员的先锋作用发挥得不够充分。', issues: [{ text: '地', fix: '得' }], note: 'di -> de complement' },
    { text: '整改措施落实地不到位。', output: '整改措施落实得不到位。', issues: [{ text: '地', fix: '得' }], note: 'di -> de complement' },
    { text: '这项工作推进地还不够深入，', output: '这项工作推进得还不够深入，', issues: [{ text: '地', fix: '得' }], note: 'di -> de complement' },
    { text: '问题查摆地还不够深入。', output: '问题查摆得还不够深入。', issues: [{ text: '地', fix: '得' }], note: 'di -> de complement' },
    { text: '理论学习开展地不够扎实。', output: '理论学习开展得不够扎实。', issues: [{ text: '地', fix: '得' }], note: 'di -> de complement' },
    { text: '问题查摆地不太彻底。', output: '问题查摆得不太彻底。', issues: [{ text: '地', fix: '得' }], note: 'di -> de complement' },
    { text: '我们肩上的担子重地很。', output: '我们肩上的担子重得很。', issues: [{ text: '地', fix: '得' }], note: 'di -> de complement' },
  ],
});

// 地 + plain adjective + noun closing the clause → 的 (崇廉拒腐地良好风尚)
ruleTester.run(rule, {
  valid: [
    '要严格地依法办事。',
    '要积极地正确引导。',
    '要持续地良好发展。',
    '要清醒地认识到问题。',
    '要坚定地高举旗帜。',
  ],
  invalid: [
    { text: '推动形成崇廉拒腐地良好风尚。', output: '推动形成崇廉拒腐的良好风尚。', issues: [{ text: '地', fix: '的' }], note: 'adjective noun' },
    { text: '营造风清气正地良好氛围。', output: '营造风清气正的良好氛围。', issues: [{ text: '地', fix: '的' }], note: 'adjective noun' },
    { text: '形成比学赶超地浓厚氛围，', output: '形成比学赶超的浓厚氛围，', issues: [{ text: '地', fix: '的' }], note: 'adjective noun' },
    { text: '这是一项长期地重要任务。', output: '这是一项长期的重要任务。', issues: [{ text: '地', fix: '的' }], note: 'adjective noun' },
    { text: '要树立清正廉洁地良好形象。', output: '要树立清正廉洁的良好形象。', issues: [{ text: '地', fix: '的' }], note: 'adjective noun' },
  ],
});

// X于 (满足于, 致力于, 由于) before X的 + a verb with its object: a verb phrase
ruleTester.run(rule, {
  valid: [
    '由于有效的管理，企业效益明显提高。',
    '这项工作得益于全面的落实。',
    '成败取决于科学的决策机制。',
    '当前经济处于良好的发展态势。',
    '好的政策源于深入的调查研究。',
    '这项成绩得益于有效的沟通协调，',
  ],
  invalid: [
    { text: '不能满足于按部就班的完成任务。', output: '不能满足于按部就班地完成任务。', issues: [{ text: '的', fix: '地' }], note: 'yu taker' },
    { text: '要致力于全方位的提升服务水平。', output: '要致力于全方位地提升服务水平。', issues: [{ text: '的', fix: '地' }], note: 'yu taker' },
    { text: '成绩得益于扎实的开展调研工作。', output: '成绩得益于扎实地开展调研工作。', issues: [{ text: '的', fix: '地' }], note: 'yu taker' },
    { text: '干部要致力于精准的解决群众诉求。', output: '干部要致力于精准地解决群众诉求。', issues: [{ text: '的', fix: '地' }], note: 'yu taker' },
    { text: '要着眼于长远的谋划发展。', output: '要着眼于长远地谋划发展。', issues: [{ text: '的', fix: '地' }], note: 'yu taker' },
    { text: '这次成效得益于认真细致的排查安全隐患。', output: '这次成效得益于认真细致地排查安全隐患。', issues: [{ text: '的', fix: '地' }], note: 'yu taker' },
  ],
});

// a head noun followed by a noun closing the clause, after a verb-only verb, is part of the object (加强理论武装)
ruleTester.run(rule, {
  valid: [
    '有效的推进机制，是工作落实的保障。',
    '要探索科学的推进方式和方法。',
    '积极的推进态度值得肯定。',
    '有效的推进机制建设滞后。',
    '这是一套严格的执行制度。',
  ],
  invalid: [
    { text: '（一）坚定不移的加强理论武装。', output: '（一）坚定不移地加强理论武装。', issues: [{ text: '的', fix: '地' }], note: 'head compound' },
    { text: '要严格的执行纪律规定。', output: '要严格地执行纪律规定。', issues: [{ text: '的', fix: '地' }], note: 'head compound' },
    { text: '要认真的执行程序规定。', output: '要认真地执行程序规定。', issues: [{ text: '的', fix: '地' }], note: 'head compound' },
    { text: '要全面的推行项目管理。', output: '要全面地推行项目管理。', issues: [{ text: '的', fix: '地' }], note: 'head compound' },
    { text: '要积极的参与工程建设。', output: '要积极地参与工程建设。', issues: [{ text: '的', fix: '地' }], note: 'head compound' },
  ],
});

// one-character verb + 的 + four-character set phrase closing the clause → 得 (写的四平八稳)
ruleTester.run(rule, {
  valid: [
    '会上讲的三个方面，大家要认真领会。',
    '我们学的党章党规，要落实到行动上。',
    '书记讲的专题党课，大家反响很好。',
    '这里讲的实事求是，就是一切从实际出发。',
    '文件写的精神实质，要准确把握。',
    '他说的千真万确。',
  ],
  invalid: [
    { text: '有的调研报告写的平铺直叙，缺乏深度。', output: '有的调研报告写得平铺直叙，缺乏深度。', issues: [{ text: '的', fix: '得' }], note: 'idiom complement' },
    { text: '有的台账做的一塌糊涂。', output: '有的台账做得一塌糊涂。', issues: [{ text: '的', fix: '得' }], note: 'idiom complement' },
    { text: '这次党课讲的枯燥乏味。', output: '这次党课讲得枯燥乏味。', issues: [{ text: '的', fix: '得' }], note: 'idiom complement' },
    { text: '有的会议开的拖泥带水。', output: '有的会议开得拖泥带水。', issues: [{ text: '的', fix: '得' }], note: 'idiom complement' },
    { text: '有的材料写的空洞无物。', output: '有的材料写得空洞无物。', issues: [{ text: '的', fix: '得' }], note: 'idiom complement' },
    { text: '有的汇报讲的照本宣科。', output: '有的汇报讲得照本宣科。', issues: [{ text: '的', fix: '得' }], note: 'idiom complement' },
  ],
});

// a one-character verb (no noun) with an object, even a verb object (抓落实): X的 + it is verbal even for a weak manner word X
ruleTester.run(rule, {
  valid: [
    '要科学的抓手，推动工作落地。',
    '这是一项创造性的工作。',
    '经常性的学习是必要的。',
    '系统的学习让大家收获很大。',
    '要有科学的抓手和有效的载体。',
  ],
  invalid: [
    { text: '要结合实际创造性的抓落实。', output: '要结合实际创造性地抓落实。', issues: [{ text: '的', fix: '地' }] },
    { text: '各支部要经常性的抓整改。', output: '各支部要经常性地抓整改。', issues: [{ text: '的', fix: '地' }] },
    { text: '要系统化的抓整改，', output: '要系统化地抓整改，', issues: [{ text: '的', fix: '地' }] },
    { text: '全体党员要主动的抓落实，', output: '全体党员要主动地抓落实，', issues: [{ text: '的', fix: '地' }] },
    { text: '要常态化的抓整改。', output: '要常态化地抓整改。', issues: [{ text: '的', fix: '地' }] },
  ],
});

// a noun-like verb + two nouns closing the clause after a sure manner word, with a subject alone, a modal or a clause start before it
ruleTester.run(rule, {
  valid: [
    '要坚持科学的发展理念。',
    '这是因地制宜的发展思路。',
    '实现经济高质量的发展，',
    '要形成积极稳妥的发展态势。',
    '这是全面协调可持续的发展模式。',
  ],
  invalid: [
    { text: '各乡镇因地制宜的发展特色产业，', output: '各乡镇因地制宜地发展特色产业，', issues: [{ text: '的', fix: '地' }] },
    { text: '盘活闲置资产，积极稳妥的发展物业经济。', output: '盘活闲置资产，积极稳妥地发展物业经济。', issues: [{ text: '的', fix: '地' }] },
    { text: '各村实事求是的发展集体经济，', output: '各村实事求是地发展集体经济，', issues: [{ text: '的', fix: '地' }] },
    { text: '要积极稳妥的发展民宿经济。', output: '要积极稳妥地发展民宿经济。', issues: [{ text: '的', fix: '地' }] },
    { text: '各县区因地制宜的发展庭院经济，', output: '各县区因地制宜地发展庭院经济，', issues: [{ text: '的', fix: '地' }] },
  ],
});

// a set phrase the table lacks + 地 + a noun + a predicate: the noun is a subject, the phrase its modifier
ruleTester.run(rule, {
  valid: [
    '我们要同甘共苦地工作。',
    '要心平气和地谈心谈话。',
    '要雷厉风行地开展工作。',
    '要一丝不苟地履行职责。',
    '干部要设身处地地为群众着想。',
  ],
  invalid: [
    { text: '与群众同甘共苦地作风有所弱化。', output: '与群众同甘共苦的作风有所弱化。', issues: [{ text: '地', fix: '的' }] },
    { text: '那种雷厉风行地作风明显增强。', output: '那种雷厉风行的作风明显增强。', issues: [{ text: '地', fix: '的' }] },
    { text: '苦干实干地作风日益彰显。', output: '苦干实干的作风日益彰显。', issues: [{ text: '地', fix: '的' }] },
    { text: '这种埋头苦干地作风日益彰显。', output: '这种埋头苦干的作风日益彰显。', issues: [{ text: '地', fix: '的' }] },
    { text: '那种艰苦朴素地作风有所淡化。', output: '那种艰苦朴素的作风有所淡化。', issues: [{ text: '地', fix: '的' }] },
    { text: '这种吃苦耐劳地精神越来越少。', output: '这种吃苦耐劳的精神越来越少。', issues: [{ text: '地', fix: '的' }] },
  ],
});

// a verb with its result mark (好/到/出) + 得 + a noun: no complement follows a result, so it is 的
ruleTester.run(rule, {
  valid: [
    '他说得很好。',
    '这件事做好得很。',
    '我们做到得到了群众认可。',
    '大家总结出得很全面。',
    '工作做好得多。',
  ],
  invalid: [
    { text: '及时总结推广好得经验做法。', output: '及时总结推广好的经验做法。', issues: [{ text: '得', fix: '的' }] },
    { text: '要认真总结出得规律。', output: '要认真总结出的规律。', issues: [{ text: '得', fix: '的' }] },
    { text: '认真梳理出得问题清单要逐项销号。', output: '认真梳理出的问题清单要逐项销号。', issues: [{ text: '得', fix: '的' }] },
    { text: '要认真总结好得经验。', output: '要认真总结好的经验。', issues: [{ text: '得', fix: '的' }] },
    { text: '要全面梳理出得短板弱项。', output: '要全面梳理出的短板弱项。', issues: [{ text: '得', fix: '的' }] },
    { text: '要推广好得典型经验。', output: '要推广好的典型经验。', issues: [{ text: '得', fix: '的' }] },
  ],
});
// Adjective + 得 + a clause or four-character complement: 得 is right, whatever the new 得→地 check or the 得→的 check
// of a four-character run would read (the run must start with a noun or a plain adjective before a noun).
ruleTester.run(rule, {
  valid: [
    '他对工作认真得令人敬佩。',
    '他积极得有些过头。',
    '工作认真得近乎苛刻。',
    '他工作认真得出了名。',
    '会议安排紧凑得没有一点空闲。',
    '群众满意得竖起了大拇指。',
    '这篇文章写得生动得让人落泪。',
    '他的发言深入得打动了在场的每一个人。',
  ],
  invalid: [
    { text: '营造风清气正得良好环境。', output: '营造风清气正的良好环境。', issues: [{ text: '得', fix: '的' }] },
    { text: '形成风清气正得良好生态。', output: '形成风清气正的良好生态。', issues: [{ text: '得', fix: '的' }] },
    { text: '弘扬清正廉洁得政治本色。', output: '弘扬清正廉洁的政治本色。', issues: [{ text: '得', fix: '的' }] },
  ],
});

// A noun-like verb + noun + 和/与/及: two coordinated noun phrases (工作作风和优良传统) unless a modal before X shows
// the verb phrase (要实事求是地总结经验和教训).
ruleTester.run(rule, {
  valid: [
    '各地实事求是的工作作风和优良传统要发扬。',
    '支部求真务实的工作作风与良好形象赢得了信任。',
    '全体党员扎实的工作作风和过硬的本领值得肯定。',
  ],
  invalid: [
    { text: '要实事求是的总结经验和教训。', output: '要实事求是地总结经验和教训。', issues: [{ text: '的', fix: '地' }] },
  ],
});

// In a 把-clause right after its object, a degree adverb + one character closing the clause is the complement,
// whatever class jieba gives the character (精, 美 are nouns there).
ruleTester.run(rule, {
  valid: [
    '把上级交办的更多任务完成好。',
    '把群众最关心的事办好。',
    '把收集的更多意见整理好。',
    '把会上讲的最新精神传达下去。',
    '把他们做的很多工作记下来。',
  ],
  invalid: [
    { text: '要把课备的更精。', output: '要把课备得更精。', issues: [{ text: '的', fix: '得' }] },
    { text: '把阵地建的更美。', output: '把阵地建得更美。', issues: [{ text: '的', fix: '得' }] },
    { text: '把教案备的更精，', output: '把教案备得更精，', issues: [{ text: '的', fix: '得' }] },
    { text: '把文章改的更精。', output: '把文章改得更精。', issues: [{ text: '的', fix: '得' }] },
    { text: '把乡村环境整治的更美。', output: '把乡村环境整治得更美。', issues: [{ text: '的', fix: '得' }] },
  ],
});
