import rule from '../../../lib/rules/half-width-punct';
import { ruleTester } from '../rule-tester';

ruleTester.run(rule, {
  valid: [
    '1.',
    'Version 2.0.',
    '参考文献：[1]张三.党建研究[J].2023.',
    'He said "hello" to everyone.',
    '<div class="TRS_Editor">',
    '他说"好的，我们一起去。',
    // Already full-width.
    '党的二十大报告指出，全面建设社会主义现代化国家，必须坚持中国共产党的全面领导。',
    '一是加强理论武装；二是严肃组织生活；三是抓好作风建设。',
    // Numbers, times, ratios, dates.
    '全年共发展党员1,280名，比上年增长3.5%。',
    '支部委员会定于上午10:30在三楼会议室召开组织生活会。',
    '两个支部的党员人数之比约为3:2。',
    '会议时间：2024-02-21 14:30',
    // Latin text, product names, an e-mail address, a URL with a Chinese path.
    'Please refer to the attached file: Report 2023, Section 3.',
    '本次会议材料分别使用Word,Excel和PPT三种格式。',
    '联系邮箱：dangjian@example.com.cn，联系电话：010-12345678。',
    '详见http://www.example.cn/党建/index.php?id=3&page=2，欢迎下载。',
    '函数f(x)在区间内单调递增。',
    // Heading markers belong to heading-numbering; list marker "1." at line start is a heading style matter.
    '(一)是要强化服务意识。',
    '一:作为基层党支部书记，要在全心全意投入工作的同时提高自身能力。',
    '1.政治素质素养不适应新形势的要求',
    // Reference list entries keep GB/T 7714 punctuation.
    '[1]刘永谋.党支部书记的工作方法与领导艺术[M].北京:中国共产党出版社,2022,12.',
    '[2]高旗.强化国企基层党支部书记队伍建设的方法和途径浅析[J].人才资源开发,2022(08):66-67.',
    // Doubled and stray marks are stray-punct's: "、," and "的." are not reported here.
    '2、,提升党员队伍的综合素质',
    '特别是年轻干部的.思想波动，在他们成长、进步的道路上排忧解难。',
    // An ellipsis typed as "..." at the end of a snippet.
    '因此，基层党支部书记作为基层党组织的第一责任人，是基层党支部各项工作的组...',
    // Paste residue is deleted whole by paste-residue.
    '你对这个回答的评价是?',
    '(整期优先)网络出版时间:2024-02-21',
    // An unmatched half-width ")" after a list number.
    '1)加强学习，提高党员素质。',
    // `code`
    '在表格中输入`=SUM(A1:A9)`即可统计全部党费。',
  ],
  invalid: [
    // A line-final "." after a number in a Chinese clause; straight quotes after a half-width colon.
    { text: '全年完成投资3.5亿元，同比增长8.2%.', output: '全年完成投资3.5亿元，同比增长8.2%。', issues: [{ text: '.', fix: '。' }] },
    { text: '全年新发展党员15.', output: '全年新发展党员15。', issues: [{ text: '.', fix: '。' }] },
    {
      text: '大家都说:"这个办法好！"',
      output: '大家都说：“这个办法好！”',
      issues: [{ text: ':', fix: '：' }, { text: '"', fix: '“' }, { text: '"', fix: '”' }],
    },
    {
      text: '力争实现"两个提升"，推动工作上台阶。',
      output: '力争实现“两个提升”，推动工作上台阶。',
      issues: [{ text: '"', fix: '“' }, { text: '"', fix: '”' }],
    },
    {
      text: '随着全球经济形势的不断变化, 国有企业也面临着比较复杂的形势。',
      output: '随着全球经济形势的不断变化，国有企业也面临着比较复杂的形势。',
      issues: [{ text: ', ', fix: '，' }],
      note: 'the space after the mark goes with the fix (seed 002)',
    },
    {
      text: '党章规定,党员要履行八项义务。',
      output: '党章规定，党员要履行八项义务。',
      issues: [{ text: ',', fix: '，' }],
    },
    {
      text: '为此,党支部书记一定要:',
      output: '为此，党支部书记一定要：',
      issues: [{ text: ',', fix: '，' }, { text: ':', fix: '：' }],
      note: 'colon at line end',
    },
    {
      text: '古人云:“凡事预则立,不预则废。”',
      output: '古人云：“凡事预则立，不预则废。”',
      issues: [{ text: ':', fix: '：' }, { text: ',', fix: '，' }],
      note: 'colon before an opening quote',
    },
    {
      text: '实施“头雁工程”,拓展工作领域;健全党支部工作制度;',
      output: '实施“头雁工程”，拓展工作领域；健全党支部工作制度；',
      issues: [{ text: ',', fix: '，' }, { text: ';', fix: '；', start: 15 }, { text: ';', fix: '；', start: 25 }],
      note: 'comma after a closing quote',
    },
    {
      text: '如何做好基层党建工作?我认为重点要抓好以下几个方面。',
      output: '如何做好基层党建工作？我认为重点要抓好以下几个方面。',
      issues: [{ text: '?', fix: '？' }],
    },
    {
      text: '让我们携起手来,为实现中华民族伟大复兴而努力奋斗!',
      output: '让我们携起手来，为实现中华民族伟大复兴而努力奋斗！',
      issues: [{ text: ',', fix: '，' }, { text: '!', fix: '！' }],
    },
    {
      text: '只有这样,党的基层组织才有生命力和战斗力。 (作者单位:建筑公司)',
      output: '只有这样，党的基层组织才有生命力和战斗力。 （作者单位：建筑公司）',
      issues: [{ text: ',' }, { text: '(', fix: '（' }, { text: ':', fix: '：' }, { text: ')', fix: '）' }],
      note: 'parentheses around Chinese are paired and converted',
    },
    {
      text: '抓好党建工作,\u3000促进国企党建工作高质量开展。',
      output: '抓好党建工作，促进国企党建工作高质量开展。',
      issues: [{ text: ',\u3000', fix: '，' }],
      note: 'an ideographic space after the mark goes too',
    },
    {
      text: '要把党建工作和企业经济建设相互融合 ,这才称得上是一个合格的支部书记。',
      output: '要把党建工作和企业经济建设相互融合 ，这才称得上是一个合格的支部书记。',
      issues: [{ text: ',', fix: '，' }],
      note: 'a space before the mark',
    },
    {
      text: '主要有三项任务:(1)加强学习;(2)完善制度。',
      output: '主要有三项任务：（1）加强学习；（2）完善制度。',
      issues: [
        { text: ':' }, { text: '(', start: 8 }, { text: ')', start: 10 }, { text: ';' }, { text: '(', start: 16 }, { text: ')', start: 18 },
      ],
      note: 'inline enumeration numbers in parentheses',
    },
    {
      text: '公文格式执行国家标准（GB/T 9704-2012)的规定。',
      output: '公文格式执行国家标准（GB/T 9704-2012）的规定。',
      issues: [{ text: ')', fix: '）' }],
      note: 'a mixed pair is always meant full-width',
    },
    {
      text: '全年国内生产总值(GDP)同比增长5.2%,高于全国平均水平。',
      output: '全年国内生产总值（GDP）同比增长5.2%，高于全国平均水平。',
      issues: [{ text: '(' }, { text: ')' }, { text: ',' }],
      note: 'Latin abbreviation between Chinese words; comma after a percent sign',
    },
    {
      text: '当县(市、区)或省辖市水上突发事件应急指挥机构接到报告后,在向省指挥部报告的同时向上级报告。',
      output: '当县（市、区）或省辖市水上突发事件应急指挥机构接到报告后，在向省指挥部报告的同时向上级报告。',
      issues: [{ text: '(' }, { text: ')' }, { text: ',' }],
      note: 'from the ecspell targets',
    },
    {
      text: '各支部要用好学习强国APP,每天坚持学习。',
      output: '各支部要用好学习强国APP，每天坚持学习。',
      issues: [{ text: ',', fix: '，' }],
      note: 'Latin word before, Chinese after',
    },
    {
      text: '截至目前，整改任务已经全部完成.',
      output: '截至目前，整改任务已经全部完成。',
      issues: [{ text: '.', fix: '。' }],
      note: 'half-width full stop ending a Chinese line',
    },
    {
      text: '会议强调:要坚决贯彻落实http://www.gov.cn/文件精神。',
      output: '会议强调：要坚决贯彻落实http://www.gov.cn/文件精神。',
      issues: [{ text: ':', fix: '：' }],
      note: 'the colon of the URL is left alone',
    },
    {
      text: '真的做到了吗?!我们必须深刻反思。',
      output: '真的做到了吗？！我们必须深刻反思。',
      issues: [{ text: '?', fix: '？' }, { text: '!', fix: '！' }],
    },
  ],
});
