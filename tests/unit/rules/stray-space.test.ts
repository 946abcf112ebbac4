import rule from '../../../lib/rules/stray-space';
import { ruleTester } from '../rule-tester';

ruleTester.run(rule, {
  valid: [
    // A number spaced on both sides is a typographic style; one full-width space pair is a paragraph's indent, an ASCII
    // space after 。 a collapsed paragraph; a padded two-character name.
    '截至 2023 年底，全县共有党员 12500 名。',
    '截至目前，已整改问题 12 个，整改率达到 85%。',
    '完成了年度任务。　　二是加强学习，改进作风。',
    '保持领先。 在学习过程中，要努力推进成果转化。',
    '全面完成任务。　一是加强学习，二是改进作风。',
    '参会人员：王 伟、李 强、张 敏。',
    '1 调研的基本情况',
    'The rate rose to 68 % last year.',
    // indentation and trailing white space
    '\u3000\u3000党支部书记要切实履行第一责任人职责。',
    '  党支部书记要切实履行第一责任人职责。  ',
    '\u00a0\u00a0 在党组织考察入党人员的过程中，一定要认真对待。',
    // article labels take a space by convention
    '第七十四条 县以上政府接到下一级政府的报告时，应当在24小时内作出决定。',
    '第四十条\u3000\u3000国家工作人员应严格按章办事，确保上站青年质量。',
    // titles, slogans, forms, name lists: layout, not slips
    '勠力同心谋新篇 砥砺前行开新局',
    '通\u3000\u3000知',
    '刘\u3000羽\u3000\u3000平顶山市体育运动学校游泳队教练',
    '填报单位：区党委老干部局      2015年度单位：万元',
    '参加人员：王\u3000伟、李\u3000强、张晓明。',
    '02416\u3000洪武正韵十六卷\u3000（明）乐韶凤、宋濂等撰\u3000明隆庆元年（1567）衡藩刻本',
    '北大荒集团黑龙江八五九农场有限公司\u00a0 156300 \u00a0黑龙江佳木斯',
    // web page furniture (paste-residue's business)
    '发布时间 : 星期一 文章浅谈党支部书记如何发挥表率作用',
    '浅谈党支部书记如何发挥表率作用 联系客服',
    // Latin, digits, URLs
    '详见 http://www.gov.cn/zhengce 。',
    '2023年，全市GDP增长5.2%，共有 3 个项目获奖。',
    'Party building 党建 is important, we said.',
    // after a sentence end: may be a collapsed line break, not ours to delete
    '要起着表率作用。 一、加强学习,保持思想上领先',
    '企业才会发展。 (作者单位:建筑公司)',
    '他说：“必须这样做。” 大家纷纷表示赞同。',
    // spaced-out words in a clause
    '会议强调 党 的 建 设 要常抓不懈，不能松劲。',
    // after a half-width comma: half-width-punct replaces ", " as a whole
    '形势的不断变化, 国有企业也面临着比较复杂的内外部环境。',
    // inside paste residue (deleted whole by paste-residue)
    '【字体：大 中 小】 【打印】 【关闭】',
    '发布时间：2024-03-18 09:42\u3000\u3000来源：县委组织部\u3000\u3000浏览次数：3265',
  ],
  invalid: [
    // Issue 7, classes of the blind-written dev drafts (sentences of our own).
    { text: '对照 26项标准逐项打分，整顿提升软弱涣散党支部2个。', output: '对照26项标准逐项打分，整顿提升软弱涣散党支部2个。', issues: [{ text: ' ', fix: '' }], note: 'a space on one side of a number' },
    { text: '更换过期内容 52处，确保阵地始终传播正能量。', output: '更换过期内容52处，确保阵地始终传播正能量。', issues: [{ text: ' ', fix: '' }] },
    { text: '全年发展党员19 名，其中一线骨干占七成。', output: '全年发展党员19名，其中一线骨干占七成。', issues: [{ text: ' ', fix: '' }] },
    { text: '党员挂牌上岗，亮身份、作 表率，增强身份意识。', output: '党员挂牌上岗，亮身份、作表率，增强身份意识。', issues: [{ text: ' ', fix: '' }], note: '1 + 2 in prose is no padded name' },
    { text: '确保年底前全面上线。　要在干部队伍中带好头，增强本领。', output: '确保年底前全面上线。要在干部队伍中带好头，增强本领。', issues: [{ text: '　', fix: '' }], note: 'one full-width space after a sentence end' },
    { text: '聚焦高标准农田　建设等资金密集领域，开展专项检查。', output: '聚焦高标准农田建设等资金密集领域，开展专项检查。', issues: [{ text: '　', fix: '' }], note: 'no clause boundary at the gap: deletion first' },
    { text: '坚决守好　意识形态阵地，提供坚强思想保证。', output: '坚决守好意识形态阵地，提供坚强思想保证。', issues: [{ text: '　', fix: '' }] },
    { text: '党员大专以上学历占比达到68 %，比上年提高5个百分点。', output: '党员大专以上学历占比达到68%，比上年提高5个百分点。', issues: [{ text: ' ', fix: '' }] },
    {
      text: '基层党支部书记 负责处理党支部内部事务，发挥带头作用。',
      output: '基层党支部书记负责处理党支部内部事务，发挥带头作用。',
      issues: [{ text: ' ', fix: '' }],
    },
    {
      text: '作为基层党支部书记 。基于此，本文阐述了策略。',
      output: '作为基层党支部书记。基于此，本文阐述了策略。',
      issues: [{ text: ' ', fix: '' }],
    },
    {
      text: '与企业经济建设相互融合 ,这才称得上是合格的书记。',
      output: '与企业经济建设相互融合,这才称得上是合格的书记。',
      issues: [{ text: ' ', fix: '' }],
      note: 'only the space; the comma is half-width-punct’s',
    },
    {
      text: '靠传统的党建工作\u3000是不适应新时期要求的。',
      output: '靠传统的党建工作是不适应新时期要求的。',
      issues: [{ text: '\u3000', fix: '' }],
    },
    {
      text: '党建工作\t是基础，必须抓好。',
      output: '党建工作是基础，必须抓好。',
      issues: [{ text: '\t', fix: '' }],
    },
    {
      text: '明确活动的总体安排、 方法步骤，落实责任。',
      output: '明确活动的总体安排、方法步骤，落实责任。',
      issues: [{ text: ' ', fix: '' }],
    },
    {
      text: '（一） 加强政治建设，提高政治能力。',
      output: '（一）加强政治建设，提高政治能力。',
      issues: [{ text: ' ', fix: '' }],
    },
    {
      text: '“三会一课” 制度要坚持好。',
      output: '“三会一课”制度要坚持好。',
      issues: [{ text: ' ', fix: '' }],
    },
    {
      text: '开展“ 三会一课”活动，增强党性。',
      output: '开展“三会一课”活动，增强党性。',
      issues: [{ text: ' ', fix: '' }],
    },
    {
      text: '全年共完成投资 120 亿元 ，同比增长8%。',
      output: '全年共完成投资 120 亿元，同比增长8%。',
      issues: [{ text: ' ', start: 14, fix: '' }],
      note: 'spaces around digits are left alone',
    },
    {
      text: '党支部书记\u00a0\u00a0要发挥表率作用 ，带头学习。',
      output: '党支部书记要发挥表率作用，带头学习。',
      issues: [{ text: '\u00a0\u00a0', fix: '' }, { text: ' ', fix: '' }],
    },
    {
      text: '农村青壮年劳动力大量外流，村级后备干部选育渠道窄\u3000能人回引的政策吸引力不强。',
      output: '农村青壮年劳动力大量外流，村级后备干部选育渠道窄，能人回引的政策吸引力不强。',
      issues: [{ text: '\u3000', fix: '，' }],
      note: 'a full-width space used as a separator between two clauses',
    },
    {
      text: '全年认领服务项目136个\u3000解决群众急难愁盼问题210件。',
      output: '全年认领服务项目136个，解决群众急难愁盼问题210件。',
      issues: [{ text: '\u3000', fix: '，' }],
      note: 'digits count as clause text',
    },
    {
      text: '我们党员干部\u3000\u3000要把学到的理论转化为推动工作的实际本领。',
      output: '我们党员干部要把学到的理论转化为推动工作的实际本领。',
      issues: [{ text: '\u3000\u3000', fix: '' }],
      note: 'the predicate goes on after the gap: delete',
    },
    {
      text: '各支部开展学习186场 次，专题研讨6次。',
      output: '各支部开展学习186场次，专题研讨6次。',
      issues: [{ text: ' ', fix: '' }],
      note: 'a measure word split after a number is no name padding',
    },
    {
      text: '根据中央关于开展党纪学习教 育的部署要求，决定举办读书班。',
      output: '根据中央关于开展党纪学习教育的部署要求，决定举办读书班。',
      issues: [{ text: ' ', fix: '' }],
      note: 'a space inside a word',
    },
  ],
});
