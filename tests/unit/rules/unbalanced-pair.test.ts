import rule from '../../../lib/rules/unbalanced-pair';
import { ruleTester } from '../rule-tester';

ruleTester.run(rule, {
  valid: [
    '党的十九大报告指出：“加强基层党组织带头人队伍建设。”',
    '认真学习《中国共产党章程》和《中国共产党纪律处分条例》。',
    '依据《国务院关于中西部地区承接产业转移的指导意见》（国发〔2010〕28号），制定本方案。',
    '【典型案例】某支部创新开展“党员先锋岗”主题党日活动。',
    '（一）提高政治站位，增强“四个意识”',
    '要深刻领会“‘两个确立’的决定性意义”，坚决做到“两个维护”。',
    '“三会一课”“党员目标管理”等制度要落实到位。',
    // A quotation broken by a hard line break (PDF paste), with a blank line in between.
    '江泽民同志指出：“党的基层组织是党的全部工作和战斗力的基\n\n础。各级党委要采取得力措施，努力把基层党组织建设成为战斗堡垒”。',
    // A multi-paragraph quotation: each paragraph opens with “, only the last one closes.
    '他强调：“第一，要加强理论学习。\n“第二，要密切联系实际。\n“第三，要狠抓工作落实。”',
    // A quoted list whose items end with ；
    '条例规定，社会团体应当具备下列条件：“有规范的名称和相应的组织机构；\n有固定的住所；\n有与其业务活动相适应的专职工作人员；\n有合法的资产和经费来源。”',
    // Apostrophes, list markers, half-width partners, straight quotes.
    'It’s a good start, said the Xi’an delegation.',
    '1）加强政治理论学习；',
    '（整期优先)网络出版时间：2024年2月21日',
    '1)加强学习，提高党员素质。',
    '他说:"我们一定要完成任务。',
    // The last line is still being typed: no sentence end yet.
    '会议强调，要深入学习《习近平谈治国理政',
  ],
  invalid: [
    {
      text: '党的二十大报告指出：“全面建设社会主义现代化国家，必须坚持党的全面领导。',
      issues: [{ text: '“', fix: null }],
    },
    {
      text: '要深入学习《中国共产党章程，严格遵守党的纪律。',
      issues: [{ text: '《', fix: null }],
    },
    {
      text: '各支部要结合实际（如党员人数、分布情况，制定学习计划。',
      issues: [{ text: '（', fix: null }],
    },
    {
      text: '要发扬”钉钉子”精神，一张蓝图绘到底。',
      output: '要发扬“钉钉子”精神，一张蓝图绘到底。',
      issues: [{ text: '”', fix: '“', start: 3 }],
      note: 'closing quote used as the opening one',
    },
    {
      text: '要发扬“钉钉子“精神，一张蓝图绘到底。',
      output: '要发扬“钉钉子”精神，一张蓝图绘到底。',
      issues: [{ text: '“', fix: '”', start: 7 }],
      note: 'opening quote used as the closing one',
    },
    {
      text: '深入学习贯彻党的二十大精神》，推动各项工作落地见效。',
      issues: [{ text: '》', fix: null }],
    },
    {
      text: '坚定‘四个自信，做到‘两个维护’。',
      issues: [{ text: '‘', fix: null, start: 2 }],
    },
    {
      text: '他说：“我们要加强学习。\n这一段没有引号。\n这一段也没有。\n第四段。\n第五段。',
      issues: [{ text: '“', fix: null }],
      note: 'a quotation left open for more than three lines',
    },
    {
      text: '这是我们今年的工作重点）。',
      issues: [{ text: '）', fix: null }],
    },
    {
      text: '【学习园地：《论党的建设》',
      issues: [{ text: '【', fix: null }],
    },
    {
      text: '会议指出：“要压实管党治党政治责任。\n\n要持续深化作风建设”。\n他说：“我们要把握好“度”。',
      issues: [{ text: '“', fix: null, start: 35 }],
      note: 'the first quotation closes on a later line; the second never closes',
    },
  ],
});
