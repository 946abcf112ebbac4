import { describe, expect, it } from 'vitest';
import rule from '../../../lib/rules/heading-numbering';
import { ecspellTargets, loadSeeds, ruleTester, runRule } from '../rule-tester';

const lines = (...l: string[]) => l.join('\n');

ruleTester.run(rule, {
  valid: [
    // A full GB/T 9704 outline, each sub-level restarting under its parent.
    lines(
      '关于加强基层党组织建设的实施意见',
      '一、总体要求',
      '（一）指导思想',
      '坚持以习近平新时代中国特色社会主义思想为指导。',
      '（二）基本原则',
      '1.坚持党的领导。',
      '（1）把方向',
      '（2）管大局',
      '2.坚持问题导向。',
      '二、重点任务',
      '（一）加强政治建设',
      '1.强化理论武装',
      '三、保障措施',
    ),
    // A collection of articles in one file: numbering restarts under each title.
    lines(
      '如何提高基层党支部书记的履职能力1',
      '一、当前基层党支部书记存在的问题',
      '1.政治素质不适应新形势的需要。',
      '2.党务工作能力欠缺。',
      '二、对产生问题的原因分析',
      '如何提高基层党支部书记的履职能力2',
      '一、当前基层书记存在的问题',
      '1、政治素质修养不适应新形势下思想政治工作的需要。',
      '2、党务工作能力欠缺。',
      '二、对产生问题的原因剖析',
      '1、思想认识不到位。',
    ),
    // "1、" used throughout is common and consistent: not flagged.
    lines('一、基层党支部书记抓好党建工作的重要性', '1、先进的政治思想推动企业发展', '2、提升党员队伍的综合素质', '二、存在的问题', '1、重视程度不够', '2、制度落实不严'),
    // Inline headings at paragraph starts.
    lines(
      '一、增强党员意识，心中装着党的事业。支部书记作为领导班子的班长，必须具有淡泊个人名利的良好政治素质。',
      '二、健全制度，增强责任，强化党的职能。党支部是党的基层组织，党的各项方针政策最终要靠这一级组织去落实。',
      '三、加强学习，提高素质。',
    ),
    // 一是/二是 are not GB/T levels; enumerations inside a line are not headings.
    lines(
      '一、主要做法',
      '一是树立围绕中心工作的大局意识。二是增强战斗堡垒作用的政治意识。',
      '我们从三个方面推进：一、加强学习；二、强化落实；三、严格考核。',
      '二、存在问题',
    ),
    // Lines that look like numbers but are not headings.
    lines('一、经费保障', '1.5万元专项经费已经到位。', '2024年计划再投入3万元。', '一、二线城市的经验值得借鉴。', '二、组织保障', '3月5日召开专题会议。'),
    // A heading glued to the previous paragraph (lost line break): 二、 is written, just not at a line start.
    lines('一、加强学习，保持思想上领先', '支部书记要保证思想上领先，就必须加强学习。 二、注重实际，保证组织活动有力', '三、加强交流，凝心聚力筑堡垒'),
    // Numbering that continues across parents.
    lines('（一）思想建设', '1.学习理论', '2.学习党史', '（二）组织建设', '3.规范程序', '4.严格管理'),
    // An excerpt that starts in the middle of the numbering.
    lines('（三）强化督查', '（四）严格考核', '四、附则', '（一）本办法自印发之日起施行'),
    // A reference list after a title line is a new scope: its "1." does not mix with the body's "1、".
    lines('一、主要问题', '1、思想认识不到位', '2、工作作风不实', '参考文献', '1.刘永谋.党支部书记的工作方法与领导艺术[M].北京:中国共产党出版社,2022.', '2.高旗.强化国企基层党支部书记队伍建设的方法和途径浅析[J].人才资源开发,2022(08):66-67.'),
    // "1." and "1．" are the same style; level 2 skipped (一、 → 1.) is common practice.
    lines('一、基本情况', '1．组织设置', '2.党员队伍', '二、主要成绩', '1.理论学习'),
    // A restart of a sub-level without a new parent is not flagged (may be a new list).
    lines('一、工作安排', '1.制定计划', '2.组织实施', '具体分工如下：', '1.办公室负责综合协调', '2.组织部负责督促检查'),
    // A page number glued to a sentence cut by a page break is not a heading (the residue rule owns it).
    lines(
      '三、创新服务群众方式',
      '深化“网格+党建”服务模式，推行党员联户、代办帮办等做法，让群众少跑腿、好办事。要充分认识基层治理工作的重',
      '7、要性，把党组织的政治优势、组织优势转化为治理效能。',
      '四、健全考核激励机制',
    ),
    // A mark doubling the marker's own mark (一、、, 2、，) is left to stray-punct.
    lines('一、、总体要求', '1、，加强学习', '2、强化考核', '二、工作措施'),
    // Run-in lists, decimal section numbers and circled numbers are not GB/T levels: never flagged.
    lines(
      '1 调研的基本情况',
      '1.1 调研对象与方法',
      '1.2 主要做法',
      '主要有：一是推行“党建+项目”工作法；二是开展党员先锋岗创建活动。',
      '2 存在的主要问题',
      '2.1.1 重业务轻党建的观念仍然存在',
      '①压实党委主体责任；②明确支部书记职责。',
      '第一，思想认识存在偏差。',
      '第二，制度执行不够严格。',
      '首先，要亮明党员身份。其次，要搭建作用发挥平台。最后，要完善激励关怀机制。',
    ),
    // Party terms after the marker are headings, and in sequence.
    lines('一、三会一课制度落实情况', '二、三严三实专题教育', '三、四风问题整治情况'),
  ],
  invalid: [
    {
      text: lines('一、总体要求', '三、重点任务', '四、保障措施'),
      issues: [{ text: '三、', fix: null }],
      note: 'skipped number; the next sibling does not confirm a fix',
    },
    {
      text: lines('一、总体要求', '三、重点任务', '三、保障措施'),
      output: lines('一、总体要求', '二、重点任务', '三、保障措施'),
      issues: [{ text: '三、', start: 7, fix: '二、' }],
      note: 'skipped number, the next sibling confirms the fix',
    },
    {
      text: lines('一、总体要求', '二、重点任务', '二、组织领导', '四、保障措施'),
      output: lines('一、总体要求', '二、重点任务', '三、组织领导', '四、保障措施'),
      issues: [{ text: '二、', start: 14, fix: '三、' }],
      note: 'repeated number',
    },
    {
      text: lines('一、对基层党建工作重视程度不够', '二、党员的模范带头作用不强', '二、组织生活不规范'),
      issues: [{ text: '二、', start: 30, fix: null }],
      note: 'repeated number at the end: no fix',
    },
    {
      text: lines('基层党建工作存在的问题', '(一)对基层党建工作重视程度不够。', '(二)党员的模范带头作用不强。'),
      output: lines('基层党建工作存在的问题', '（一）对基层党建工作重视程度不够。', '（二）党员的模范带头作用不强。'),
      issues: [{ text: '(一)', fix: '（一）' }, { text: '(二)', fix: '（二）' }],
      note: 'half-width parentheses',
    },
    {
      text: lines('一:作为基层党支部书记，要强化以下四种意识：', '（一）强化服务意识', '二.支部书记要提高以下五种能力：', '三，创新载体'),
      output: lines('一、作为基层党支部书记，要强化以下四种意识：', '（一）强化服务意识', '二、支部书记要提高以下五种能力：', '三、创新载体'),
      issues: [{ text: '一:', fix: '一、' }, { text: '二.', fix: '二、' }, { text: '三，', fix: '三、' }],
      note: 'wrong first-level punctuation',
    },
    {
      text: lines('一、当前基层党支部书记存在的问题', '1.政治素质不适应新形势的需要。', '2.党务工作能力欠缺。', '二、对产生问题的原因分析', '1、思想认识不到位。', '2、党务工作者素质不高。'),
      output: lines('一、当前基层党支部书记存在的问题', '1.政治素质不适应新形势的需要。', '2.党务工作能力欠缺。', '二、对产生问题的原因分析', '1.思想认识不到位。', '2.党务工作者素质不高。'),
      issues: [{ text: '1、', fix: '1.' }, { text: '2、', fix: '2.' }],
      note: '"1." and "1、" mixed in one article',
    },
    {
      text: lines('一、主要做法', '（一）、强化理论武装', '（二） 、健全组织体系'),
      output: lines('一、主要做法', '（一）强化理论武装', '（二）健全组织体系'),
      issues: [{ text: '、', fix: '' }, { text: ' 、', fix: '' }],
      note: 'extra 、 after a full-width bracket: the fix deletes only the 、',
    },
    {
      text: lines('一、主要做法', '(一)、强化理论武装', '（二)、健全组织体系'),
      output: lines('一、主要做法', '（一）强化理论武装', '（二）健全组织体系'),
      issues: [{ text: '(一)、', fix: '（一）' }, { text: '（二)、', fix: '（二）' }],
      note: 'extra 、 after half-width or mixed brackets: the whole marker is rewritten',
    },

    {
      text: lines('（一）主要做法', '1.、建立台账', '2.定期通报', '（二）．工作措施'),
      output: lines('（一）主要做法', '1.建立台账', '2.定期通报', '（二）工作措施'),
      issues: [{ text: '、', fix: '' }, { text: '．', fix: '' }],
      note: 'a stray mark typed after a standard marker: the fix deletes only the mark',
    },
    {
      text: lines('（一）基本情况', '（1）、组织设置', '（2）、党员队伍'),
      output: lines('（一）基本情况', '（1）组织设置', '（2）党员队伍'),
      issues: [{ text: '、', fix: '' }, { text: '、', start: 20, fix: '' }],
      note: 'extra 、 after a fourth-level bracket',
    },
    {
      text: lines('一、总体要求', '（二）基本原则', '（三）主要目标'),
      issues: [{ text: '（二）', fix: null }],
      note: 'a sub-level not starting at 1',
    },
    {
      text: lines('一、总体要求', '二、重点任务', '三、保障措施', '二、组织实施'),
      issues: [{ text: '二、', start: 21, fix: null }],
      note: 'numbering goes backwards',
    },
    {
      text: lines('三、做一名合格的基层党支部书记的策略', '1加强政治觉悟的不断提升认识', '党支部书记必须其身正，有较高的政治思想觉悟。', '2、注重基层党支部书记综合素质的提高', '3、加强党建工作信息化的使用'),
      output: lines('三、做一名合格的基层党支部书记的策略', '1、加强政治觉悟的不断提升认识', '党支部书记必须其身正，有较高的政治思想觉悟。', '2、注重基层党支部书记综合素质的提高', '3、加强党建工作信息化的使用'),
      issues: [{ text: '1', fix: '1、' }],
      note: 'number line that lost its marker',
    },
    {
      text: lines('一、主要问题', '（1）思想认识不到位', '（2）工作作风不实'),
      issues: [{ text: '（1）', fix: null }],
      note: 'level jump (info)',
    },
    {
      text: lines('（一）主要问题', '(1)思想认识不到位', '（2)工作作风不实'),
      output: lines('（一）主要问题', '（1）思想认识不到位', '（2）工作作风不实'),
      issues: [{ text: '(1)', fix: '（1）' }, { text: '（2)', fix: '（2）' }],
      note: 'fourth level in half-width brackets',
    },
    {
      text: lines('一、总体要求', '（一）基本原则', '(三)主要目标', '（三）工作要求'),
      output: lines('一、总体要求', '（一）基本原则', '（二）主要目标', '（三）工作要求'),
      issues: [{ text: '(三)', fix: '（二）' }],
      note: 'wrong form and wrong number on one marker: one fix writes both',
    },
  ],
});

describe('heading-numbering on the fixtures', () => {
  it('flags only real numbering problems in the seeds', () => {
    const found: string[] = [];
    for (const { name, text } of loadSeeds()) {
      for (const i of runRule(rule, text)) found.push(`${name.slice(0, 3)} ${i.text}→${i.replacements[0] ?? '-'}`);
    }
    expect(found).toEqual([
      // 000, article 2: "1." under 一、 and 三、 but "1、" under 二、.
      '000 1、→1.', '000 2、→2.', '000 3、→3.',
      // 000, article 5: "一:" and half-width "(一)".
      '000 一:→一、', '000 (一)→（一）', '000 (二)→（二）', '000 (三)→（三）', '000 (四)→（四）',
      '000 二:→二、', '000 (一)→（一）', '000 (二)→（二）', '000 (三)→（三）', '000 (四)→（四）',
      // 002: "1加强政治觉悟…" between 三、 and 2、 lost its "、".
      '002 1→1、',
      // 004: half-width brackets (twice: the block is pasted twice).
      '004 (一)→（一）', '004 (二)→（二）', '004 (一)→（一）', '004 (二)→（二）',
    ]);
  });

  it('flags none of the clean ecspell target sentences', () => {
    for (const target of ecspellTargets()) expect(runRule(rule, target)).toEqual([]);
  });
});
