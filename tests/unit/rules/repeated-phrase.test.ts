import { describe, expect, it } from 'vitest';
import repeatedPhrase from '../../../lib/rules/repeated-phrase';
import { ecspellTargets, loadSeeds, ruleTester, runRule } from '../rule-tester';

const lines = (...l: string[]) => l.join('\n');

ruleTester.run(repeatedPhrase, {
  valid: [
    // Parallel clauses share words but are not equal.
    '要认真学习党章、认真学习党规、认真学习系列讲话。',
    '一年接着一年干，一届接着一届干，久久为功。',
    // The emphatic figure.
    '列宁说过：学习、学习、再学习。',
    '同志们，奋斗！奋斗！奋斗！',
    // A slogan or question said twice is a figure; sentences that only end alike are parallel, not repeated.
    '同志们，加油！同志们，加油！',
    '怎么办？怎么办？我们必须回答好这个问题。',
    '理论学习要深入，思想认识要提高。作风建设要从严，思想认识要提高。',
    '一是要学，学深悟透。二是要干，学深悟透。',
    '他说：“好。”他说：“好。”',
    // Numbers and codes repeat legitimately.
    '编号为2023120231的文件，电话13512345678。',
    // Runs of one character or a short period (repeated-word's business, or emphasis).
    '哈哈哈哈哈哈哈哈哈哈',
    // Short doubles inside a line are repeated-word's.
    '要加强加强学习。',
    // A line that ends with a word the next one starts with, but the break is a paragraph end.
    lines('全面从严治党要持之以恒，抓好党员教育。', '教育引导党员干部坚定理想信念。'),
    // Different words across a line break that happen to share a character.
    lines('党支部要把工作重心放在加强党的建设', '设施完善、制度健全是基本要求。'),
    // A heading and the line under it.
    lines('一、加强组织建设', '组织建设是党的建设的基础。'),
    // Blank line between.
    lines('各级党组织要深入开展调查研究，切实加强', '', '加强对党员的教育管理。'),
    '中国共产党党章规定了党员的权利和义务。',
    // An enumeration going on over a line break with different items.
    lines('重点学习党章、党规、', '条例、准则等党内法规。'),
    // (issue 7) The end of a clause said again as an exclamation; a clause that opens with the end of the one
    // before and goes on (顶真).
    '我们的宗旨就是为人民服务，为人民服务！',
    '我们要压实主体责任，压实主体责任的关键在于层层传导压力。',
    // A title line and a sentence that opens with it; quoted items that differ.
    lines('论加强党的建设', '加强党的建设是党的事业的根本保证。'),
    '要落实“三会一课”“主题党日”等制度。',
    // Across a space: a unit and its post (党支部 支部书记), a tentative ABAB (学习 学习成果).
    '第一党支部 支部书记 张明',
    '要把学习 学习成果转化为工作动力。',
  ],
  invalid: [
    // (issue 7) A phrase at the end of a short line repeated at the start of the next; a quoted phrase typed twice.
    {
      text: lines('我们要筑牢信仰之基', '筑牢信仰之基，补足精神之钙。'),
      output: lines('我们要筑牢信仰之基', '，补足精神之钙。'),
      issues: [{ text: '筑牢信仰之基', fix: '' }],
    },
    {
      text: lines('今年以来，我们始终坚持以人民为中心的发展思想', '以人民为中心的发展思想，推动各项工作落实。'),
      output: lines('今年以来，我们始终坚持以人民为中心的发展思想', '，推动各项工作落实。'),
      issues: [{ text: '以人民为中心的发展思想', fix: '' }],
    },
    {
      text: '要进一步加强 加强干部队伍建设。',
      output: '要进一步加强干部队伍建设。',
      issues: [{ text: ' 加强', fix: '' }],
    },
    {
      text: '我们要坚持以人民为中心 以人民为中心的发展思想。',
      output: '我们要坚持以人民为中心的发展思想。',
      issues: [{ text: ' 以人民为中心', fix: '' }],
    },
    {
      text: '要扎实开展“四下基层”调研活动“四下基层”调研活动，推动问题解决。',
      output: '要扎实开展“四下基层”调研活动，推动问题解决。',
      issues: [{ text: '“四下基层”调研活动', fix: '' }],
    },
    // (issue 7) A clause that repeats the end of the clause before it, across a comma.
    {
      text: '我们要压实主体责任，压实主体责任，层层传导压力。',
      output: '我们要压实主体责任，层层传导压力。',
      issues: [{ text: '，压实主体责任', fix: '' }],
    },
    // A sentence of several clauses, or the clauses closing the one before, said again right after it.
    {
      text: '做好新时代组织工作，关键在于抓落实。做好新时代组织工作，关键在于抓落实。全体党员要以身作则。',
      output: '做好新时代组织工作，关键在于抓落实。全体党员要以身作则。',
      issues: [{ text: '做好新时代组织工作，关键在于抓落实。', fix: '' }],
    },
    {
      text: '我们深刻体会到，乡村振兴，人才是关键。乡村振兴，人才是关键。要把更多年轻人留在农村。',
      output: '我们深刻体会到，乡村振兴，人才是关键。要把更多年轻人留在农村。',
      issues: [{ text: '乡村振兴，人才是关键。', fix: '' }],
    },
    {
      text: '支部书记要带头讲党课，班子成员要轮流讲。支部书记要带头讲党课，班子成员要轮流讲。',
      output: '支部书记要带头讲党课，班子成员要轮流讲。',
      issues: [{ text: '支部书记要带头讲党课，班子成员要轮流讲。', fix: '' }],
    },
    {
      text: '会议强调，要压实责任，狠抓落实。要压实责任，狠抓落实。',
      output: '会议强调，要压实责任，狠抓落实。',
      issues: [{ text: '要压实责任，狠抓落实。', fix: '' }],
    },
    {
      text: '新时代要全面加强党的建设加强党的建设，推动全面从严治党向纵深发展。',
      output: '新时代要全面加强党的建设，推动全面从严治党向纵深发展。',
      issues: [{ text: '加强党的建设', fix: '' }],
    },
    {
      text: '支部每月组织党员学习党章、学习党章、学习党规，开展专题讨论。',
      output: '支部每月组织党员学习党章、学习党规，开展专题讨论。',
      issues: [{ text: '、学习党章', fix: '' }],
    },
    {
      text: '重点抓好“三会一课”、主题党日、主题党日、组织生活会等制度落实。',
      output: '重点抓好“三会一课”、主题党日、组织生活会等制度落实。',
    },
    {
      text: '要压实管党治党主体责任，要压实管党治党主体责任，确保各项任务落到实处。',
      output: '要压实管党治党主体责任，确保各项任务落到实处。',
    },
    {
      text: '要加强学习。要加强学习。要狠抓落实。',
      output: '要加强学习。要狠抓落实。',
    },
    {
      text: lines('各级党组织要深入开展调查研究，切实加强', '加强对党员的教育管理，提高党员队伍整体素质。'),
      output: lines('各级党组织要深入开展调查研究，切实加强', '对党员的教育管理，提高党员队伍整体素质。'),
      issues: [{ text: '加强', fix: '' }],
      note: 'a word doubled across a line break',
    },
    {
      text: lines('支部组织党员逐章学习党章、', '学习党章、学习党规，交流心得体会。'),
      output: lines('支部组织党员逐章学习党章、', '学习党规，交流心得体会。'),
      issues: [{ text: '学习党章、', fix: '' }],
      note: 'an item repeated across a line break in an enumeration',
    },
    {
      text: '推进主题教育走深走实推进主题教育走深走实，不断巩固拓展成果。',
      output: '推进主题教育走深走实，不断巩固拓展成果。',
      note: 'ten characters',
    },
    {
      text: '党员干部 党员干部要带头。',
      output: '党员干部要带头。',
      note: 'across a space',
    },
  ],
});

describe('repeated-phrase on real text', () => {
  it('raises no flag on the clean ecspell target sentences', () => {
    const flags = ecspellTargets().flatMap((t) => runRule(repeatedPhrase, t).map((i) => `${t}: ${i.text}`));
    expect(flags).toEqual([]);
  });

  it('raises no flag on the seeds outside their labelled repeats', () => {
    const flags = loadSeeds().flatMap((s) =>
      runRule(repeatedPhrase, s.text)
        .filter((i) => !s.labels.some((l) => l.start < i.end && i.start < l.end))
        .map((i) => `${s.name}@${i.start}: ${i.text}`),
    );
    expect(flags).toEqual([]);
  });
});
