import rule from '../../../lib/rules/broken-line-break';
import { ruleTester } from '../rule-tester';
import { createAnalyzer } from '../../../lib/engine';
import { describe, expect, it } from 'vitest';

ruleTester.run(rule, {
  valid: [
    // Look-alikes of the classes of the blind-written dev drafts: 的 closing a clause after a vivid adjective or in
    // 是……的; an unnumbered subheading under a heading that ends with a section word; one under every heading of a
    // level; points one to a line.
    '读完报告，心里热乎乎的\n报告里讲的变化，我是有切身感受的。',
    '这些变化，我们是看得见摸得着的\n大家都说，日子越过越有奔头了。',
    '一、全县基层党建工作的基本情况\n全县共有基层党组织326个，党员8600余名，各项工作扎实推进。\n二、主要做法\n强化政治引领\n各支部坚持把政治建设摆在首位，认真落实“第一议题”制度。\n三、存在的问题和不足\n一是学习不够深入，二是作风不够扎实。',
    '一、强化理论武装\n坚持读原著\n支部每月组织集中学习，全年开展专题研讨4次。\n二、夯实组织基础\n严格组织生活\n支部严格落实“三会一课”，全年召开支委会12次。',
    '一是加强学习，提高认识\n二是改进作风，密切联系群众，三是从严管理。',
    '全县上下凝心聚力，各项工作取得新进展\n2023年，全县新发展党员326名，党组织覆盖率进一步提高。',
    '时间：5月10日\n地点：会议室\n参加人员：全体党员\n会议内容\n支部书记传达了上级会议精神，全体党员进行了讨论。',
    '报名截止时间为3月10日。咨询电话：86912345\n个人报名表请从网站下载。',
    '附件：1．活动计划表\n2．报名表',
    // an author note in brackets after the last sentence (seed 004, once its residue line is gone)
    '只有这样，党的基层组织才有生命力，企业才会发展。 (作者单位:建筑公司)\n\n改革开放30多年，中国经济飞速发展。',
    '事业才会兴旺，企业才会发展。（作者单位：建筑公司）\n改革开放以来，基层党建工作不断加强。',
    // a title line followed by body text
    '如何提高基层党支部书记的履职能力1\n明确任职资格。在新时代的环境中，党支部的任职条件要明确。',
    '认清党支部工作中存在的问题\n习近平总书记在党的十九大报告中指出，要加强基层党组织带头人队伍建设。',
    '如何当好党支部书记\n党支部作为党的基层组织，是党与人民群众紧密联系的桥梁与纽带。',
    '基层党支部是党组织中最基本的单元\n抓好支部各项工作是基层党支部加强自身建设的重要内容。',
    // headings, also one that follows the last sentence of a line
    '一、加强学习，保持思想上领先\n支部书记要保证思想上领先，就必须加强学习。',
    '要起着表率作用。 一、加强学习,保持思想上领先\n\n支部书记要保证思想上领先,就必须加强学习。',
    '依照环境保护有关法律、行政法规的规定处理。第八章\n坚持和加强党的领导，贯彻落实党中央决策部署。',
    '（一）强化服务意识，\n在工作上排忧解难，充当铺路石。',
    // sentence ends, colons, new points, labels
    '为此，党支部书记一定要：\n一是树立围绕中心工作的大局意识。',
    '党支部要加强学习。\n二是要增强战斗堡垒作用的政治意识。',
    '全面从严治党永远在路上。\n“打铁必须自身硬”，党员干部要以身作则。',
    '他说：“必须这样做。”\n大家纷纷表示赞同。',
    '关键词：做好；基层党支部书记；策略\n\n前言：随着企业的改革发展，国有企业也面临着复杂的环境。',
    // a truncated web snippet followed by a heading or page furniture
    '党章规定，党员要\n一、基层党建工作存在的问题',
    '党章规定，党员要\n已赞过',
    // the lower line is indented: a new paragraph
    '党支部书记要发挥表率作用，\n\u3000\u3000带头学习，带头实践。',
    // list lines: a name and post, a task and who is responsible
    '咸阳市扶贫开发局党组书记、局长\n对优秀党员，进行表彰表扬；对不合格党员，进行教育。',
    '商务部、海关总署、税务总局按职责分工负责\n探索通过购买服务等方式，保障政府网站集约化。',
    '推动党建工作与业务工作深度融合，做到“两手抓”\n\n（作者单位：建筑公司）',
    // the lower line starts with a digit
    '支部工作要有计划。如今，基层很多支部\n2023年的工作都只停留在一般工作上。',
    // too many blank lines in between to be sure
    '党支部书记要发挥表率作用。他说“要带头\n\n\n\n学习”，大家纷纷赞同。',
    // decimal headings are titles
    '2.1.2 对融合的内涵理解不够深\n有的支部把融合简单理解为在业务会议上加几句党建内容。',
    '1 调研的基本情况\n本次调研覆盖生产、科研、营销三类单位。',
    // a heading whose title is complete, followed by a title-like line
    '二、主要任务\n加强基层党组织建设\n各级党组织要把抓好党建作为最大的政绩。',
    // run-in headings: a title closed by its own full stop, a title whose first clause holds no opener
    '（一）着力提升全县干部队伍素质。全县各级要把培训作为基础工程。\n（二）组织体系不断健全。全县推行了备案管理。',
    '一、坚持问题导向，着力解决群众急难愁盼问题。',
    '（二）持续深化全县基层党建\n（一）组织体系不断健全。近年来全县推行。\n（三）产业发展势头良好。各村立足资源。',
    // task lists: each item ends without a full stop, the next item follows
    '推动产业集群发展，培育一批骨干企业，商务部、海关总署、税务总局等按职责分工负责\n围绕提升产业竞争力，加快推进技术改造，工业和信息化部负责',
    // a list item after a line ending with a comma
    '主要措施包括，\n1、加强学习。\n2、完善制度。',
    // lines that end without a mark at a complete clause (issue 7): list items, a sentence opener below, a
    // sentence that opens with a list, a word ending in a character that is also a function word
    '加强理论学习，提高政治站位\n规范组织生活，严格党员管理',
    '全镇共有党员八百余名，其中女党员二百余名\n当前，支部工作还存在一些短板。',
    '各部门要明确工作导向\n审计、财政部门负责监督检查。',
    '按照上级党委的要求，我们认真做好各项准备工作\n同志们，这次会议很重要。',
    '学习党的创新理论\n理想，是前进的方向。',
    '以上发言，不妥之处请批评指正\n谢谢大家。',
    '某某社区党委\n2023\n年度工作总结',
    '支部学习了《中国共产党支部工作条例（试行）》\n会议由支部书记主持。',
    // odd input
    '\n\n\r\n',
    '𠮷\n𠮷，😀',
  ],
  invalid: [
    // Classes of the blind-written dev drafts (forms of our own).
    {
      text: '一、坚持理论武装，筑牢思想根基\n全体党员认真学习党的创新理论，开展专题研讨4次。\n二、查摆作风建设\n存在的薄弱环节\n对照上级要求，我们的作风还有不少差距。\n三、坚持从严管理，锻造过硬队伍\n支部对照标准逐项检查，整改问题9个。',
      output: '一、坚持理论武装，筑牢思想根基\n全体党员认真学习党的创新理论，开展专题研讨4次。\n二、查摆作风建设存在的薄弱环节\n对照上级要求，我们的作风还有不少差距。\n三、坚持从严管理，锻造过硬队伍\n支部对照标准逐项检查，整改问题9个。',
      issues: [{ text: '\n', fix: '' }],
      note: 'a heading broken in two, told by its siblings (body right under them, longer titles)',
    },
    {
      text: '（一）把学习教育做成常态\n坚持每月固定一天为学习日，组织党员集中学习。\n（二）把党员的作用\n发挥出来\n组织党员认领服务岗位，开展志愿服务活动26场。\n（三）把群众的小事办成大事\n对群众反映的问题逐项销号，群众满意度明显提升。',
      output: '（一）把学习教育做成常态\n坚持每月固定一天为学习日，组织党员集中学习。\n（二）把党员的作用发挥出来\n组织党员认领服务岗位，开展志愿服务活动26场。\n（三）把群众的小事办成大事\n对群众反映的问题逐项销号，群众满意度明显提升。',
      issues: [{ text: '\n', fix: '' }],
    },
    {
      text: '警示教育：防线一松，步步失守\n通报的案例中，有一名干部最初只是收了一张购物卡。\n对照检查：一些苗头\n必须警惕\n会后，我把自己的情况认真过了一遍，发现有些问题确实需要警惕。\n今后打算：把警示转化为行动自觉\n我将从以下几个方面严格要求自己。',
      output: '警示教育：防线一松，步步失守\n通报的案例中，有一名干部最初只是收了一张购物卡。\n对照检查：一些苗头必须警惕\n会后，我把自己的情况认真过了一遍，发现有些问题确实需要警惕。\n今后打算：把警示转化为行动自觉\n我将从以下几个方面严格要求自己。',
      issues: [{ text: '\n', fix: '' }],
      note: 'a label heading broken in two, told by its sibling label headings',
    },
    {
      text: '团委组织开展“进社区、\n送温暖”志愿服务活动\n12月5日，团委组织20名团员到社区开展志愿服务。',
      output: '团委组织开展“进社区、送温暖”志愿服务活动\n12月5日，团委组织20名团员到社区开展志愿服务。',
      issues: [{ text: '\n', fix: '' }],
      note: 'a quotation left open above and closed below',
    },
    {
      text: '机关党委召开学习《中国共产党纪律\n处分条例》专题会\n会议由机关党委书记主持，全体党员参加。',
      output: '机关党委召开学习《中国共产党纪律处分条例》专题会\n会议由机关党委书记主持，全体党员参加。',
      issues: [{ text: '\n', fix: '' }],
      note: 'a book title left open above and closed below',
    },
    {
      text: '针对群众反映强烈的停车难问题，社区党委牵头协调辖区单位开放内部停车位\n120个，有效缓解了居民停车压力。',
      output: '针对群众反映强烈的停车难问题，社区党委牵头协调辖区单位开放内部停车位120个，有效缓解了居民停车压力。',
      issues: [{ text: '\n', fix: '' }],
      note: 'a count and its measure word cut from the running text above',
    },
    {
      text: '一是完善考核办法；二是创新宣讲方式，借助短视频等形式，让党的理论\n更加贴近群众；三是加强队伍培训，提升处置能力。',
      output: '一是完善考核办法；二是创新宣讲方式，借助短视频等形式，让党的理论更加贴近群众；三是加强队伍培训，提升处置能力。',
      issues: [{ text: '\n', fix: '' }],
      note: 'the next point of an enumeration comes inside the lower line',
    },
    {
      text: '组织开展专项检查4轮，发现并整改问题23\n个。各支部对照清单逐项销号。',
      output: '组织开展专项检查4轮，发现并整改问题23个。各支部对照清单逐项销号。',
      issues: [{ text: '\n', fix: '' }],
      note: 'a number cut from its measure word',
    },
    {
      text: '（一）是要强化服务意识。作为基层党支部书记，不要把自己摆在“领导”的位置上，而要把自己当作普通一员，\n在工作上排忧解难，充当铺路石。',
      output: '（一）是要强化服务意识。作为基层党支部书记，不要把自己摆在“领导”的位置上，而要把自己当作普通一员，在工作上排忧解难，充当铺路石。',
      issues: [{ text: '\n', fix: '' }],
      note: 'a paragraph that opens with a heading marker is no title',
    },
    {
      text: '江泽民同志指出:“党的基层组织是党的全部工作和战斗力的基\n\n础。各级党委要采取得力措施，努力把基层党组织建设好。',
      output: '江泽民同志指出:“党的基层组织是党的全部工作和战斗力的基础。各级党委要采取得力措施，努力把基层党组织建设好。',
      issues: [{ text: '\n\n', fix: '' }],
      note: 'open quotation',
    },
    {
      text: '作为支部书记，要明确活动的指导思想、原则和目标要求；明确活动的总体安排、\n\n方法步骤；明确上级党委每个阶段的工作重点。',
      output: '作为支部书记，要明确活动的指导思想、原则和目标要求；明确活动的总体安排、方法步骤；明确上级党委每个阶段的工作重点。',
      issues: [{ text: '\n\n', fix: '' }],
      note: 'ends with 、',
    },
    {
      text: '及时报道先进典型，供支部党员同志学习交流。要把党\n\n员干部的思想政治工作同精神文明建设融为一体。',
      output: '及时报道先进典型，供支部党员同志学习交流。要把党员干部的思想政治工作同精神文明建设融为一体。',
      issues: [{ text: '\n\n', fix: '' }],
    },
    {
      text: '2.党务工作能力欠缺，开展党务活动能力比较弱。存在党政不分、违反组织原则搞\n“一言堂”、议中心工作开展党务活动能力弱等问题。',
      output: '2.党务工作能力欠缺，开展党务活动能力比较弱。存在党政不分、违反组织原则搞“一言堂”、议中心工作开展党务活动能力弱等问题。',
      issues: [{ text: '\n', fix: '' }],
    },
    {
      text: '3.开拓创新意识不强，对各项工作的发展缺乏远见。如今，基层很多支部\n书记的工作都只停留在一般工作上。',
      output: '3.开拓创新意识不强，对各项工作的发展缺乏远见。如今，基层很多支部书记的工作都只停留在一般工作上。',
      issues: [{ text: '\n', fix: '' }],
    },
    {
      text: '1.对党建工作认识不足。由于思想上存在错误的认识，造成基层党支部负\n责人对本单位党建工作开展力度不够。',
      output: '1.对党建工作认识不足。由于思想上存在错误的认识，造成基层党支部负责人对本单位党建工作开展力度不够。',
      issues: [{ text: '\n', fix: '' }],
    },
    {
      text: '2.工作责任心不到位。基层党支部书记多数实行兼职，他们大都有兼职其\n他岗位，造成投入的时间和精力不足。',
      output: '2.工作责任心不到位。基层党支部书记多数实行兼职，他们大都有兼职其他岗位，造成投入的时间和精力不足。',
      issues: [{ text: '\n', fix: '' }],
    },
    {
      text: '要加强学习。最后，要发展地看待一切事物，要用邓小平同志\n“解放思想，实事求是”的思想路线改造主观和客观世界。',
      output: '要加强学习。最后，要发展地看待一切事物，要用邓小平同志“解放思想，实事求是”的思想路线改造主观和客观世界。',
      issues: [{ text: '\n', fix: '' }],
    },
    {
      text: '要做好思想工作。靠传统的“灌输式”教育、“硬式输入”\n和“行政命令”是不适应新时期政治思想工作要求的。',
      output: '要做好思想工作。靠传统的“灌输式”教育、“硬式输入”和“行政命令”是不适应新时期政治思想工作要求的。',
      issues: [{ text: '\n', fix: '' }],
      note: 'closing quote without a sentence end',
    },
    {
      text: '党支部书记要发挥表率作用，\r\n\r\n带头学习，带头实践。',
      output: '党支部书记要发挥表率作用，带头学习，带头实践。',
      issues: [{ text: '\r\n\r\n', fix: '' }],
      note: 'CRLF',
    },
    {
      text: '党支部书记要发挥表率作用，  \n带头学习，带头实践。',
      output: '党支部书记要发挥表率作用，带头学习，带头实践。',
      issues: [{ text: '  \n', fix: '' }],
      note: 'trailing spaces go with the break',
    },
    {
      text: '各级党组织要深入学习贯彻党的二十大精神切实把思想和行动统一到党中央决策部署上来推动基\n层党建工作高质量发展，取得新成效。',
      output: '各级党组织要深入学习贯彻党的二十大精神切实把思想和行动统一到党中央决策部署上来推动基层党建工作高质量发展，取得新成效。',
      issues: [{ text: '\n', fix: '' }],
      note: 'no punctuation above, but the break cuts 基层 in two',
    },
    {
      text: '四、关于加强\n\n机关基层党组织建设的几点思考\n机关党建是党的建设的重要组成部分。',
      output: '四、关于加强机关基层党组织建设的几点思考\n机关党建是党的建设的重要组成部分。',
      issues: [{ text: '\n\n', fix: '' }],
      note: 'a heading broken over two lines: its title cannot end with 加强',
    },
    {
      text: '二、存在的不足对照上级要求和群众期盼，我们的工作还存在一些差距。',
      output: '二、存在的不足\n对照上级要求和群众期盼，我们的工作还存在一些差距。',
      issues: [{ text: '', fix: '\n' }],
      note: 'a line break lost after a heading that ends with a section word',
    },
    {
      text: '一、深化理论学习的重要性我们要深刻认识到，理论上的清醒是政治上坚定的前提。',
      output: '一、深化理论学习的重要性\n我们要深刻认识到，理论上的清醒是政治上坚定的前提。',
      issues: [{ text: '', fix: '\n' }],
    },
    {
      text: '（一）组织体系不断健全。全面落实备案管理制度。\n（二）产业发展势头良好。各村立足资源禀赋。\n（三）治理效能稳步提升全县推行“村民说事”制度，每月固定一天由村干部集中听取群众意见，办结率达到96%。',
      output: '（一）组织体系不断健全。全面落实备案管理制度。\n（二）产业发展势头良好。各村立足资源禀赋。\n（三）治理效能稳步提升。全县推行“村民说事”制度，每月固定一天由村干部集中听取群众意见，办结率达到96%。',
      issues: [{ text: '', fix: '。' }],
      note: 'a run-in level-2 heading lost its full stop: its siblings have one',
    },
    {
      text: '调研组采取座谈交流、入户走访等方式，对全区8个街道、\n46个社区开展了专题调研。',
      output: '调研组采取座谈交流、入户走访等方式，对全区8个街道、46个社区开展了专题调研。',
      issues: [{ text: '\n', fix: '' }],
      note: 'a number of the sentence after 、',
    },
    {
      text: '全区46个社区全部建成党群服务中心，平均面积达到680平方米\n，基本实现全覆盖。',
      output: '全区46个社区全部建成党群服务中心，平均面积达到680平方米，基本实现全覆盖。',
      issues: [{ text: '\n', fix: '' }],
      note: 'no line starts with a comma',
    },
    {
      text: '下一步，我们将持之以恒正风肃纪，深入开展廉洁文化建设，推动全面从严治党向纵深发展，为高质量发展营造风清气正的良好\n政治生态。',
      output: '下一步，我们将持之以恒正风肃纪，深入开展廉洁文化建设，推动全面从严治党向纵深发展，为高质量发展营造风清气正的良好政治生态。',
      issues: [{ text: '\n', fix: '' }],
      note: 'clauses without a full stop yet, then the short rest of the sentence',
    },
    {
      text: '我们要多为群众办好家门口\n的实事好事，让群众有更多获得感。',
      output: '我们要多为群众办好家门口的实事好事，让群众有更多获得感。',
      issues: [{ text: '\n', fix: '' }],
      note: 'no line starts with 的',
    },
    {
      text: '通过学习，大家对党的光荣传统有了更加\n全面的认识。',
      output: '通过学习，大家对党的光荣传统有了更加全面的认识。',
      issues: [{ text: '\n', fix: '' }],
      note: 'no clause ends with a degree adverb',
    },
    {
      text: '大家要认真学习上级文件\n精神，结合实际抓好贯彻。',
      output: '大家要认真学习上级文件精神，结合实际抓好贯彻。',
      issues: [{ text: '\n', fix: '' }],
      note: 'a bare noun before the first comma of the lower line is the rest of the upper one',
    },
    {
      text: '今年以来，支部先后组织了\n6次集中学习。',
      output: '今年以来，支部先后组织了6次集中学习。',
      issues: [{ text: '\n', fix: '' }],
      note: 'a count after 了 that wants its object',
    },
    {
      text: '各支部结合实际，深入开展\n调研。',
      output: '各支部结合实际，深入开展调研。',
      issues: [{ text: '\n', fix: '' }],
      note: 'a verb whose object is the short rest of the sentence below',
    },
    {
      text: '通过学习，大家深刻理解\n“两个维护”的重大意义。',
      output: '通过学习，大家深刻理解“两个维护”的重大意义。',
      issues: [{ text: '\n', fix: '' }],
      note: 'a quoted object below',
    },
    {
      text: '党总支于2022\n年5月完成换届选举。',
      output: '党总支于2022年5月完成换届选举。',
      issues: [{ text: '\n', fix: '' }],
      note: 'a year cut from its number',
    },
    {
      text: '大家认真研读了《关于新形势下党内政治生活的若干\n准则》，交流了体会。',
      output: '大家认真研读了《关于新形势下党内政治生活的若干准则》，交流了体会。',
      issues: [{ text: '\n', fix: '' }],
      note: 'an open book title',
    },
  ],
});

describe('broken-line-break while typing', () => {
  // A broken heading is judged against all its siblings, which only a whole run reads; an edit far from every
  // heading must keep the finding, and one that makes a sibling shorter than it must drop it, as a fresh run does.
  const doc = [
    '一、坚持理论武装，筑牢思想根基',
    '全体党员认真学习党的创新理论，开展专题研讨4次，每次都形成了研讨记录。',
    '二、查摆作风建设',
    '存在的薄弱环节',
    '对照上级要求，我们的作风还有不少差距，需要在下一步工作中认真加以改进。',
    '三、坚持从严管理，锻造过硬队伍',
    '支部对照标准逐项检查，整改问题9个，做到了件件有着落、事事有回音。',
  ].join('\n');
  const edits = [
    doc.replace('开展专题研讨4次', '开展专题研讨5次'), // body far from the broken heading
    doc.replace('整改问题9个，', '整改问题9个，\n'), // a line added at the end
    doc.replace('一、坚持理论武装，筑牢思想根基', '一、理论武装'), // a sibling now shorter: no longer broken
    doc.replace('三、坚持从严管理，锻造过硬队伍\n', ''), // a sibling removed
    doc.replace('对照上级要求，我们', '对照上级的要求，我们'), // typing in the body right under the broken heading
    doc.replace('存在的薄弱环节', '存在的薄弱环'), // its rest shorter
    doc.replace('二、查摆作风建设', '二、查摆作风'), // the broken heading itself shorter
    doc.replace('三、坚持从严管理', '坚持从严管理'), // a sibling's marker deleted
    doc.replace('一、坚持理论武装，筑牢思想根基', '一、坚持理论武装，筑牢思想根基和理想信念'), // a sibling longer
    doc.replace('全体党员认真学习', '全体党员\n认真学习'), // a line break typed under a sibling
    doc.replace('存在的薄弱环节\n', '存在的薄弱环节\n\n'), // a blank line between the rest and the body
  ];
  it.each(edits.map((t, k) => [k, t] as const))('edit %i: incremental equals fresh', (_k, edited) => {
    const analyzer = createAnalyzer({ rules: [rule] });
    expect(analyzer.analyze(doc).issues.map((i) => i.start)).toHaveLength(1);
    expect(analyzer.analyze(edited)).toEqual(createAnalyzer({ rules: [rule] }).analyze(edited));
    // and back again
    expect(analyzer.analyze(doc)).toEqual(createAnalyzer({ rules: [rule] }).analyze(doc));
  });
});
