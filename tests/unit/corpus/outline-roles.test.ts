/**
 * Section roles from the class of a heading's wording, its position and its parent — on heading phrasings
 * written for this test (none taken from the seeds or the dev drafts), one outline per genre.
 *
 * Decision on report sections (工作总结, 述职报告, 经验交流): a section that recounts the period's work and
 * its results (主要工作及成效, 工作完成情况, 履职情况, 取得的成效, 主要亮点, and level-1 achievement headings
 * such as 突出政治引领，队伍素质稳步提高) is “other”: it is neither the problems, their causes nor the
 * measures to come, and calling it measures would hide a missing 下一步打算 section. Sections named by a
 * method noun (做法, 举措, 措施) and rectification accounts (整改落实情况) stay measures whatever their tense:
 * a heading does not show tense, its head noun does show what the section lists.
 */
import { describe, expect, it } from 'vitest';
import { outlineOf } from '../../../lib/corpus/outline';

const BODY = '这一段是正文，用来把上下两个标题隔开，写清有关工作的具体情况，内容本身并不重要，只要足够长就可以。';

/** The roles of the headings of an outline given as [heading line, expected role] rows. */
function check(rows: [string, string][]): void {
  const text = rows.map(([h]) => `${h}\n${BODY}`).join('\n');
  const got = outlineOf(text)
    .filter((s) => s.kind !== 'implicit')
    .map((s) => [s.number ? s.title : s.title, s.role]);
  expect(got).toEqual(rows.map(([h, r]) => [h.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/, ''), r]));
}

describe('section roles by genre (phrasings written for this test)', () => {
  it('党课 whose first section says what its subject bears on (关乎, 事关, 决定着)', () => {
    for (const first of ['一、作风建设关乎干部队伍的形象', '一、基层党建事关改革发展全局', '一、干部作风决定着群众的口碑', '一、廉洁自律关系到每名党员的政治生命', '一、队伍建设攸关事业长远发展']) {
      check([
        [first, 'intro'],
        ['二、当前作风方面存在的突出问题', 'problems'],
        ['三、切实加强作风建设', 'measures'],
      ]);
    }
    // An action on what it bears on stays an action.
    check([
      ['一、加强作风建设', 'measures'],
      ['二、解决事关群众切身利益的问题', 'measures'],
    ]);
  });

  it('心得体会', () => {
    check([
      ['一、以学促知，深刻把握纪律教育的目标要求', 'intro'],
      ['二、对照党规党纪，检视自身存在的差距', 'problems'],
      ['三、深挖思想根源，找准问题症结', 'causes'],
      ['四、坚持知行合一，把纪律要求落到实处', 'measures'],
      ['五、结语', 'conclusion'],
    ]);
  });

  it('调研报告 with 状况, 困难和挑战, 制约因素', () => {
    check([
      ['一、调研的范围和方法', 'intro'],
      ['二、村党组织书记队伍的总体状况', 'intro'],
      ['三、带头人队伍建设面临的困难和挑战', 'problems'],
      ['四、制约队伍建设的主要因素', 'causes'],
      ['五、加强带头人队伍建设的意见建议', 'measures'],
      ['（一）拓宽选人用人视野', 'measures'],
      ['（二）完善关心激励机制', 'measures'],
    ]);
  });

  it('调研报告 with results found, contradictions and a path', () => {
    check([
      ['一、全市非公企业党建工作现状', 'intro'],
      ['二、取得的初步成效', 'other'],
      ['三、当前存在的突出矛盾', 'problems'],
      ['四、问题成因分析', 'causes'],
      ['五、推进工作的路径选择', 'measures'],
    ]);
  });

  it('工作总结 with a work-done section and a plan', () => {
    check([
      ['一、2024年工作完成情况', 'other'],
      ['（一）聚焦政治建设，理论武装走深走实', 'other'],
      ['（二）聚焦组织建设，基层堡垒全面夯实', 'other'],
      ['二、工作中存在的短板', 'problems'],
      ['三、2025年工作计划', 'measures'],
      ['（一）持续强化政治引领', 'measures'],
      ['（二）推动网格党建提质增效', 'measures'],
    ]);
  });

  it('工作总结 whose achievements are level-1 headings of their own', () => {
    check([
      ['一、突出政治引领，党员队伍素质稳步提高', 'other'],
      ['二、创新服务载体，为民办事效率明显提升', 'other'],
      ['三、主要亮点', 'other'],
      ['四、存在的薄弱之处', 'problems'],
      ['五、来年工作思路', 'measures'],
    ]);
  });

  it('工作总结 whose top sections are actions only: before the problems and a plan they recount work done', () => {
    check([
      ['一、坚持政治引领', 'other'],
      ['（一）抓实理论学习', 'other'],
      ['二、夯实组织基础', 'other'],
      ['三、工作中的不足', 'problems'],
      ['四、下一步工作打算', 'measures'],
      ['（一）持续加强队伍建设', 'measures'],
    ]);
    // Without a plan for the time to come the same actions are measures (a lecture's or an essay's points).
    check([
      ['一、坚持政治引领', 'measures'],
      ['二、夯实组织基础', 'measures'],
      ['三、工作中的不足', 'problems'],
    ]);
    // A section named as measures before the problems (a rectification account) keeps its action siblings measures.
    check([
      ['一、提高政治站位，扛起整改责任', 'measures'],
      ['二、巡视反馈问题整改落实情况', 'measures'],
      ['三、存在的不足', 'problems'],
      ['四、下一步打算', 'measures'],
    ]);
  });

  it('工作要点 (no problems, no plan): a stated result is the goal of a measure', () => {
    check([
      ['一、抓好队伍建设，干部素质全面提升', 'measures'],
      ['二、深化作风建设，服务效能持续增强', 'measures'],
    ]);
  });

  it('述职报告', () => {
    check([
      ['一、任职以来的主要工作', 'other'],
      ['（一）抓班子带队伍', 'other'],
      ['（二）抓基层打基础', 'other'],
      ['二、个人廉洁从政情况', 'other'],
      ['三、存在的问题与短板', 'problems'],
      ['四、今后努力方向', 'measures'],
    ]);
  });

  it('述职报告 with coordinated section names (the first named role leads)', () => {
    check([
      ['一、履职情况及取得的成绩', 'other'],
      ['二、问题短板及原因分析', 'problems'],
      ['三、原因及对策', 'causes'],
      ['四、明年工作安排', 'measures'],
    ]);
  });

  it('对照检查材料', () => {
    check([
      ['一、上年度专题民主生活会整改措施落实情况', 'measures'],
      ['二、对照检视查摆的问题', 'problems'],
      ['（一）在学习贯彻党的创新理论方面', 'problems'],
      ['（二）在担当作为方面', 'problems'],
      ['三、问题产生的思想根源', 'causes'],
      ['四、下一步整改方向和措施', 'measures'],
    ]);
  });

  it('党课讲稿', () => {
    check([
      ['一、为什么说作风建设永远在路上', 'intro'],
      ['二、当前作风方面的突出表现', 'problems'],
      ['三、违纪案件暴露出的深刻教训', 'problems'],
      ['四、锤炼过硬作风的实践路径', 'measures'],
      ['（一）自觉砥砺政治品格', 'measures'],
      ['（二）始终保持为民情怀', 'measures'],
    ]);
  });

  it('党课讲稿 of actions only: verbs beyond any list, adverbials before them', () => {
    check([
      ['一、深刻领会全面从严治党的时代要求', 'intro'],
      ['二、自觉践行以人民为中心的发展思想', 'measures'],
      ['三、坚决把纪律规矩挺在前面', 'measures'],
      ['四、驰而不息纠治“四风”顽疾', 'measures'],
    ]);
  });

  it('实施方案', () => {
    check([
      ['一、总体要求', 'intro'],
      ['二、主要任务', 'measures'],
      ['（一）开展集中学习', 'measures'],
      ['（二）组织专题研讨', 'measures'],
      ['三、方法步骤', 'measures'],
      ['四、职责分工', 'measures'],
      ['五、工作要求', 'measures'],
    ]);
  });

  it('通知', () => {
    check([
      ['一、会议时间和地点', 'other'],
      ['二、参会人员', 'other'],
      ['三、会议议程', 'other'],
      ['四、材料报送', 'other'],
      ['五、其他事项', 'other'],
    ]);
  });

  it('经验交流材料', () => {
    check([
      ['一、主要做法', 'measures'],
      ['二、取得的成效', 'other'],
      ['三、经验启示', 'conclusion'],
      ['四、下一步打算', 'measures'],
    ]);
  });
});

describe('role classes of single headings', () => {
  const roleOf = (title: string) => outlineOf(`一、${title}\n${BODY}\n`)[0]?.role;
  it.each([
    // Diagnostic verbs keep the problem they look at; remedial verbs make it a measure.
    ['认清党员队伍管理中的薄弱环节', 'problems'],
    ['正视联系群众方面的不足', 'problems'],
    ['着力破解村级集体经济发展难题', 'measures'],
    ['切实解决服务群众“最后一公里”问题', 'measures'],
    // Adverbials (idioms, 自觉/坚决/始终) before a verb the vocabulary does not list.
    ['持之以恒锤炼党性', 'measures'],
    ['坚决扛起管党治党政治责任', 'measures'],
    // Understanding what something means or where it stands is the opening (引言/意义), not an action.
    ['全面理解党的自我革命的历史地位', 'intro'],
    ['准确领会新发展理念的丰富意蕴', 'intro'],
    // Plans named with a time word.
    ['下步重点工作', 'measures'],
    ['新一年工作谋划', 'measures'],
    // Reports and results.
    ['工作推进情况', 'other'],
    ['取得的主要成绩', 'other'],
    // Coordination: the first named role, unless it is the background of the second.
    ['基本情况和存在的问题', 'problems'],
    ['问题及整改措施', 'problems'],
  ])('%s → %s', (title, role) => {
    expect(roleOf(title)).toBe(role);
  });
});

// Fresh probes: each block below was written and scored once before the classifier was changed for it —
// first scores 41/47, 32/41 and 37/41 (the classifier before this work: 34/47, 31/41, 33/41); the
// misses then became the classes of roles.json (意蕴/真谛, 因素, 障碍/困境/矛盾/短处, 是什么, 几点认识,
// 感悟, 存在的……, clause-final actions, verb–result compounds, 进度安排/报名条件).
describe('section roles on further outlines (fresh probes)', () => {
  it('心得 (主题党日)', () => {
    check([
      ['一、提高思想认识，体悟初心使命的深刻意蕴', 'intro'],
      ['二、反躬自省，查找理想信念方面的弱项', 'problems'],
      ['三、追根溯源，分析差距形成的主观因素', 'causes'],
      ['四、知行合一，在服务群众中践行宗旨', 'measures'],
    ]);
  });

  it('调研 (老旧小区)', () => {
    check([
      ['一、调研工作开展概况', 'intro'],
      ['二、老旧小区改造中党组织发挥作用的现状', 'intro'],
      ['三、改造推进中遇到的主要障碍', 'problems'],
      ['四、障碍形成的深层次原因', 'causes'],
      ['五、进一步发挥党组织作用的几点建议', 'measures'],
      ['（一）健全议事协商平台', 'measures'],
      ['（二）完善资金筹措机制', 'measures'],
    ]);
  });

  it('总结 (机关党委)', () => {
    check([
      ['一、上半年工作开展情况', 'other'],
      ['（一）理论学习扎实推进', 'other'],
      ['（二）支部建设规范有序', 'other'],
      ['二、工作中的不足', 'problems'],
      ['三、下半年工作安排', 'measures'],
      ['（一）抓好学习教育', 'measures'],
    ]);
  });

  it('述职 (村书记)', () => {
    check([
      ['一、个人履职基本情况', 'intro'],
      ['二、抓党建促发展的主要做法', 'measures'],
      ['三、存在的短板弱项', 'problems'],
      ['四、今后工作设想', 'measures'],
    ]);
  });

  it('对照检查 (组织生活会)', () => {
    check([
      ['一、学习收获', 'conclusion'],
      ['二、对照检视发现的问题', 'problems'],
      ['三、问题产生的原因', 'causes'],
      ['四、整改方向和措施', 'measures'],
    ]);
  });

  it('党课 (廉洁)', () => {
    check([
      ['一、充分认识加强廉洁自律的极端重要性', 'intro'],
      ['二、当前廉政风险的主要表现', 'problems'],
      ['三、筑牢拒腐防变思想防线的对策', 'measures'],
      ['四、结束语', 'conclusion'],
    ]);
  });

  it('方案 (主题教育)', () => {
    check([
      ['一、指导思想', 'intro'],
      ['二、目标任务', 'intro'],
      ['三、主要内容', 'other'],
      ['四、方法步骤', 'measures'],
      ['（一）动员部署阶段', 'measures'],
      ['（二）组织实施阶段', 'measures'],
      ['五、组织保障', 'measures'],
    ]);
  });

  it('通知 (培训)', () => {
    check([
      ['一、培训对象', 'other'],
      ['二、培训时间和地点', 'other'],
      ['三、报名方式', 'other'],
      ['四、注意事项', 'measures'],
    ]);
  });

  it('经验交流 (党建品牌)', () => {
    check([
      ['一、基本情况', 'intro'],
      ['二、主要做法和成效', 'measures'],
      ['三、几点体会', 'conclusion'],
    ]);
  });

  it('调研 (党员教育)', () => {
    check([
      ['一、党员教育培训基本状况', 'intro'],
      ['二、当前面临的问题和挑战', 'problems'],
      ['三、影响培训效果的因素分析', 'causes'],
      ['四、提升党员教育培训质量的对策思考', 'measures'],
    ]);
  });

  it('党课 (是什么/为什么/怎么做)', () => {
    check([
      ['一、新时代党的建设总要求是什么', 'intro'],
      ['二、为何要把政治建设摆在首位', 'intro'],
      ['三、怎样推动全面从严治党向纵深发展', 'measures'],
    ]);
  });

  it('心得 (读书)', () => {
    check([
      ['一、读原著悟原理的几点认识', 'intro'],
      ['二、对照先进找差距', 'problems'],
      ['三、学以致用促发展', 'measures'],
    ]);
  });

  it('调研 (村级组织)', () => {
    check([
      ['一、调研基本情况', 'intro'],
      ['二、村级组织运转中暴露的矛盾', 'problems'],
      ['（一）干部队伍青黄不接', 'problems'],
      ['（二）议事规则执行不严', 'problems'],
      ['三、问题背后的症结', 'causes'],
      ['四、破题之策', 'measures'],
    ]);
  });

  it('总结 (学校党建)', () => {
    check([
      ['一、2024年党建工作回顾', 'other'],
      ['二、党建工作的不足之处', 'problems'],
      ['三、新学期工作重点', 'measures'],
    ]);
  });

  it('述职 (国企)', () => {
    check([
      ['一、任期内履行党建责任情况', 'other'],
      ['（一）把方向，政治引领更加有力', 'other'],
      ['（二）管大局，改革发展稳中有进', 'other'],
      ['二、工作中存在的差距', 'problems'],
      ['三、差距产生的原因', 'causes'],
      ['四、下步努力方向', 'measures'],
    ]);
  });

  it('对照检查 (班子)', () => {
    check([
      ['一、存在问题及具体表现', 'problems'],
      ['（一）理论武装方面', 'problems'],
      ['（二）作风建设方面', 'problems'],
      ['二、剖析问题根源', 'causes'],
      ['三、努力方向和改进措施', 'measures'],
    ]);
  });

  it('实施方案 (品牌创建)', () => {
    check([
      ['一、总体目标', 'intro'],
      ['二、重点任务', 'measures'],
      ['三、进度安排', 'other'],
      ['四、保障机制', 'measures'],
    ]);
  });

  it('通知 (会议)', () => {
    check([
      ['一、会议主题', 'other'],
      ['二、参加对象', 'other'],
      ['三、会务安排', 'other'],
      ['四、有关要求', 'measures'],
    ]);
  });

  it('调研 (社区治理, 问题与对策)', () => {
    check([
      ['一、社区治理的发展现状', 'intro'],
      ['二、社区治理面临的困境', 'problems'],
      ['三、困境成因', 'causes'],
      ['四、优化路径', 'measures'],
    ]);
  });

  it('心得 (警示教育)', () => {
    check([
      ['一、案例触目惊心，警示作用深刻', 'other'],
      ['二、深刻反思自身不足', 'problems'],
      ['三、时刻绷紧廉洁自律这根弦', 'measures'],
    ]);
  });

  it('心得 (党史学习)', () => {
    check([
      ['一、感悟思想伟力', 'intro'],
      ['二、反思自身短处', 'problems'],
      ['三、立足本职建新功', 'measures'],
      ['四、结语', 'conclusion'],
    ]);
  });

  it('调研 (两新组织)', () => {
    check([
      ['一、基本概况', 'intro'],
      ['二、党组织覆盖面不够广', 'problems'],
      ['三、党建工作难以深入的根源', 'causes'],
      ['四、推动两新党建提质增效的思路举措', 'measures'],
    ]);
  });

  it('调研 (数据)', () => {
    check([
      ['一、调研对象与样本构成', 'intro'],
      ['二、问卷调查结果分析', 'other'],
      ['三、当前存在的主要困难', 'problems'],
      ['四、对策与建议', 'measures'],
    ]);
  });

  it('总结 (派出所)', () => {
    check([
      ['一、年度重点工作落实情况', 'other'],
      ['（一）队伍建设持续加强', 'other'],
      ['（二）执法规范化水平稳步提升', 'other'],
      ['二、短板和不足', 'problems'],
      ['三、2026年工作思路', 'measures'],
    ]);
  });

  it('述职 (机关支部)', () => {
    check([
      ['一、抓党建工作的主要成效', 'other'],
      ['二、存在的问题及原因分析', 'problems'],
      ['三、改进措施', 'measures'],
    ]);
  });

  it('对照检查 (民主生活会)', () => {
    check([
      ['一、上年度整改落实情况', 'measures'],
      ['二、查摆的突出问题', 'problems'],
      ['（一）政治理论学习不够深入系统', 'problems'],
      ['（二）担当作为有差距', 'problems'],
      ['三、产生问题的根源分析', 'causes'],
      ['（一）理想信念有所松懈', 'causes'],
      ['四、下一步整改措施', 'measures'],
    ]);
  });

  it('党课 (作风)', () => {
    check([
      ['一、作风建设的重要意义', 'intro'],
      ['二、作风方面存在的“顽症痼疾”', 'problems'],
      ['三、锻造过硬作风的着力点', 'measures'],
    ]);
  });

  it('方案 (结对共建)', () => {
    check([
      ['一、工作目标', 'intro'],
      ['二、共建内容', 'other'],
      ['三、实施步骤', 'measures'],
      ['四、工作保障', 'measures'],
    ]);
  });

  it('通知 (报名)', () => {
    check([
      ['一、报名条件', 'other'],
      ['二、报名时间', 'other'],
      ['三、联系方式', 'other'],
    ]);
  });

  it('经验 (社区)', () => {
    check([
      ['一、背景与起因', 'intro'],
      ['二、具体做法', 'measures'],
      ['三、初步成效', 'other'],
      ['四、启示与思考', 'conclusion'],
    ]);
  });
});

// Two more fresh probes (first scores 35/37 and 13/17; before this work 27/37 and 11/17). Left out as
// debatable: 查找不足明方向 (a finding and a direction in one title), 新时代呼唤担当作为 (a thesis line).
describe('section roles on speeches, summaries and question-form headings (fresh probes)', () => {
  it('心得 (党校学习)', () => {
    check([
      ['一、理论素养得到新提升', 'other'],
      ['二、党性修养经受新洗礼', 'other'],
      ['四、今后的打算', 'measures'],
    ]);
  });

  it('调研 (基层减负)', () => {
    check([
      ['一、减负工作推进情况', 'other'],
      ['二、基层反映的突出问题', 'problems'],
      ['（一）文山会海仍有反弹', 'problems'],
      ['（二）督查考核过多过频', 'problems'],
      ['三、问题产生的原因', 'causes'],
      ['（一）政绩观存在偏差', 'causes'],
      ['四、进一步为基层减负的建议', 'measures'],
    ]);
  });

  it('总结 (纪检)', () => {
    check([
      ['一、全年主要工作', 'other'],
      ['（一）政治监督更加精准', 'other'],
      ['（二）正风肃纪持续加压', 'other'],
      ['二、存在问题', 'problems'],
      ['三、明年工作打算', 'measures'],
    ]);
  });

  it('述职 (党委书记)', () => {
    check([
      ['一、履行第一责任人职责情况', 'other'],
      ['二、抓基层党建的做法', 'measures'],
      ['三、存在的不足及原因', 'problems'],
      ['四、下一步努力方向', 'measures'],
    ]);
  });

  it('党课 (担当)', () => {
    check([
      ['二、当前不敢担当不愿担当的表现', 'problems'],
      ['三、如何在新征程上担当作为', 'measures'],
    ]);
  });

  it('对照检查 (个人)', () => {
    check([
      ['一、学习体会', 'conclusion'],
      ['二、查摆出的问题', 'problems'],
      ['三、原因剖析', 'causes'],
      ['四、整改措施', 'measures'],
      ['（一）坚持不懈强化理论武装', 'measures'],
      ['（二）持之以恒锤炼过硬作风', 'measures'],
    ]);
  });

  it('方案 (活动)', () => {
    check([
      ['一、活动主题', 'other'],
      ['二、活动时间', 'other'],
      ['三、活动安排', 'other'],
      ['四、工作要求', 'measures'],
    ]);
  });

  it('调研 (产业)', () => {
    check([
      ['一、产业发展基本情况', 'intro'],
      ['二、发展中面临的瓶颈', 'problems'],
      ['三、对策建议', 'measures'],
      ['四、结束语', 'conclusion'],
    ]);
  });

  it('讲话 (部署会)', () => {
    check([
      ['一、提高政治站位，充分认识做好这项工作的重要意义', 'intro'],
      ['二、突出工作重点，确保各项任务落地见效', 'measures'],
      ['三、加强组织领导，为工作推进提供坚强保障', 'measures'],
    ]);
  });

  it('讲话 (总结表彰)', () => {
    check([
      ['一、肯定成绩，坚定做好工作的信心', 'other'],
      ['二、正视问题，清醒认识面临的挑战', 'problems'],
      ['三、明确任务，扎实推进下阶段工作', 'measures'],
    ]);
  });

  it('主题教育 (总结报告)', () => {
    check([
      ['一、主题教育开展情况', 'other'],
      ['二、取得的主要成效', 'other'],
      ['三、主要经验', 'conclusion'],
      ['四、巩固拓展主题教育成果的打算', 'measures'],
    ]);
  });

  it('调研 (村集体经济, 问答式)', () => {
    check([
      ['一、村集体经济发展得怎么样', 'intro'],
      ['二、发展中卡在哪里', 'problems'],
      ['三、下一步怎么办', 'measures'],
    ]);
  });

  it('述责述廉', () => {
    check([
      ['一、履行管党治党政治责任情况', 'other'],
      ['二、落实中央八项规定精神情况', 'other'],
      ['三、廉洁自律方面存在的问题', 'problems'],
      ['四、改进措施', 'measures'],
    ]);
  });
});

describe('unnumbered action lines', () => {
  it('a short action line of Han characters between paragraphs is a heading; a residue line with digits is not', () => {
    const text = [
      '学习贯彻全会精神，关键在于落实。作为一名基层党员，我在学习中有很多体会，也对照检查了自身的不足。',
      '',
      '立足岗位把会议精神落到实处',
      '第一，在教学中践行初心。我将把学习成果融入课堂，引导学生树立远大理想。第二，在管理中关爱学生。要关心每一名学生的成长。',
      '',
      '正文部分已省略365字',
      '各级党组织要认真组织学习，结合实际抓好贯彻落实，确保各项任务落地见效。',
    ].join('\n');
    const got = outlineOf(text).filter((s) => s.kind !== 'implicit').map((s) => [s.kind, s.role, s.title]);
    expect(got).toEqual([
      ['title-line', 'measures', '立足岗位把会议精神落到实处'],
      ['list', 'measures', '在教学中践行初心'],
      ['list', 'measures', '在管理中关爱学生'],
    ]);
  });
});

describe('a whole report: the account of work done is other down to its run-in items', () => {
  it('工作开展情况 → （二）…… → 一是/二是/三是 are other; problems, causes and the plan keep theirs', () => {
    const text = [
      '关于2024年度机关党建工作情况的报告',
      '',
      '今年以来，局机关党委在上级党组织的坚强领导下，坚持以党的政治建设为统领，全面加强机关党的建设，各项工作取得了新的进展。现将有关情况报告如下。',
      '',
      '一、工作开展情况',
      '（一）强化理论武装，思想根基更加牢固。坚持把学习贯彻党的创新理论作为首要政治任务，全年组织中心组学习十二次，开展专题研讨四次，各支部落实“第一议题”制度。',
      '（二）严格组织生活，支部建设更加规范。一是规范“三会一课”，全年各支部召开支部党员大会四十余次；二是开展支部标准化建设，评选出三个示范支部；三是加强党员教育管理，组织党员轮训两期。',
      '二、存在的不足',
      '一是理论学习的深度还不够，学用结合不够紧密；二是个别支部组织生活质量不高，形式大于内容；三是党建与业务融合还不够深入，存在“两张皮”现象。',
      '三、原因分析',
      '主要是对党建工作的认识还不到位，抓党建的责任意识有待增强，考核评价的激励作用没有充分发挥出来。',
      '四、2025年工作打算',
      '（一）持续深化理论武装。坚持不懈用党的创新理论凝心铸魂，推动学习往深里走、往实里走。',
      '（二）全面加强支部建设。深入开展支部标准化规范化建设，提升组织力。',
      '（三）推动党建业务深度融合。围绕中心、服务大局，以高质量党建引领高质量发展。',
    ].join('\n');
    expect(outlineOf(text).map((s) => s.role)).toEqual(['intro', 'other', 'other', 'other', 'other', 'other', 'other', 'problems', 'problems', 'problems', 'problems', 'causes', 'measures', 'measures', 'measures', 'measures']);
  });
});

// Whole drafts written for this test and scored once before any change for them (all sections right).
describe('whole drafts of other genres', () => {
  it('对照检查材料 with 一是 causes inside a paragraph', () => {
    const text = [
      '个人对照检查材料',
      '',
      '按照这次专题民主生活会的要求，我认真学习了规定篇目，广泛征求了意见建议，深入查摆了自身存在的问题。现将有关情况报告如下。',
      '',
      '一、对照检查查摆的问题',
      '（一）在理论学习方面。学习的系统性还不够强，有时满足于读原文、记要点，结合实际思考不够深入。',
      '（二）在担当作为方面。面对复杂矛盾有畏难情绪，工作中求稳怕乱，开拓创新的劲头有所减弱。',
      '（三）在联系群众方面。深入基层调研的次数偏少，听汇报多、实地察看少。',
      '二、产生问题的原因',
      '一是理想信念有所弱化。对加强主观世界改造重视不够，思想上有松懈情绪。二是宗旨意识有所淡化。对群众的感情不如从前深厚。三是纪律要求有所放松。对自己要求不够严格。',
      '三、整改措施',
      '（一）坚持不懈加强理论学习，每月自学不少于两次。',
      '（二）勇于担当作为，在急难险重任务面前冲锋在前。',
      '（三）密切联系群众，每季度到基层调研不少于一次。',
      '',
      '以上对照检查，请同志们批评指正。',
    ].join('\n');
    expect(outlineOf(text).map((s) => s.role)).toEqual(['intro', 'problems', 'problems', 'problems', 'problems', 'causes', 'causes', 'causes', 'causes', 'measures', 'measures', 'measures', 'measures']);
  });

  it('心得体会 with unnumbered title lines and a 总之 paragraph', () => {
    const text = [
      '在学思践悟中筑牢信仰之基',
      '——参加青年干部培训班的学习体会',
      '',
      '十月份，我有幸参加了市委组织部举办的青年干部培训班。一个月的学习时间虽然不长，但收获很大，思想上受到了深刻洗礼。',
      '',
      '领悟思想伟力的深邃意蕴',
      '通过系统学习，我深刻体会到，党的创新理论是指导我们做好一切工作的强大思想武器，必须学深悟透、融会贯通，真正把学习成果转化为推动工作的强大动力。',
      '',
      '审视自身存在的差距',
      '对照培训要求，我发现自己在理论功底、实践能力等方面还有不少差距，特别是解决复杂问题的本领还不够强，需要在今后的工作中加以改进。',
      '',
      '锤炼担当作为的过硬本领',
      '青年干部要在急难险重任务中经受磨砺，敢于到条件艰苦、矛盾复杂的地方去，在摸爬滚打中增长才干，在真抓实干中提升能力。',
      '',
      '总之，这次培训让我明确了努力方向。我将以此为新的起点，不断加强学习，努力做一名让党放心、让群众满意的青年干部。',
    ].join('\n');
    expect(outlineOf(text).map((s) => s.role)).toEqual(['intro', 'intro', 'problems', 'measures', 'conclusion']);
  });

  it('调研报告 with decimal numbering: method, results, difficulties, proposals', () => {
    const text = [
      '关于县域医共体党建工作的调研报告',
      '',
      '为摸清全县医共体党建工作底数，调研组于今年5月深入8家医共体单位开展调研，召开座谈会6场，现将调研情况报告如下。',
      '',
      '1 调研对象和方法',
      '1.1 调研对象',
      '本次调研覆盖县人民医院医共体、县中医院医共体等8家单位，涉及党支部32个、党员600余名。',
      '1.2 调研方法',
      '采取座谈交流、个别访谈、问卷调查相结合的方式，共发放问卷500份，收回有效问卷468份。',
      '2 医共体党建工作取得的成效',
      '2.1 组织覆盖不断扩大',
      '各医共体均成立了党委，在分院设立党支部，实现了党的组织全覆盖。',
      '2.2 党建业务融合逐步深入',
      '多数单位把党建工作写入医院章程，推行党支部书记“双带头人”培育工程。',
      '3 医共体党建工作面临的难点',
      '3.1 组织体系衔接不畅',
      '总院党委与分院党支部之间的隶属关系还不够清晰，管理链条较长。',
      '3.2 党务力量相对薄弱',
      '专职党务干部配备不足，兼职党务干部精力有限。',
      '4 对策建议',
      '4.1 理顺组织隶属关系',
      '明确总院党委对分院党支部的领导责任，建立统一的党建工作责任清单。',
      '4.2 充实党务工作力量',
      '按照一定比例配备专职党务干部，加强党务干部培训。',
    ].join('\n');
    expect(outlineOf(text).map((s) => s.role)).toEqual(['intro', 'intro', 'intro', 'intro', 'other', 'other', 'other', 'problems', 'problems', 'problems', 'measures', 'measures', 'measures']);
  });
});

// A last fresh probe (first score 20/20; before this work 17/20).
describe('section roles on a last probe', () => {
  it('调研 (年轻干部)', () => {
    check([
      ['一、年轻干部队伍基本状况', 'intro'],
      ['二、年轻干部成长中存在的短板', 'problems'],
      ['（一）理论功底不够扎实', 'problems'],
      ['（二）基层历练不足', 'problems'],
      ['三、短板形成的原因', 'causes'],
      ['（一）培养机制不够健全', 'causes'],
      ['四、加强年轻干部培养的思考', 'measures'],
      ['（一）拓宽来源渠道', 'measures'],
      ['（二）强化实践锻炼', 'measures'],
    ]);
  });

  it('总结 (街道)', () => {
    check([
      ['一、主要成绩', 'other'],
      ['二、几点经验', 'conclusion'],
      ['三、存在问题', 'problems'],
      ['四、下步打算', 'measures'],
    ]);
  });

  it('述职 (学校书记)', () => {
    check([
      ['一、履职尽责的主要做法', 'measures'],
      ['二、取得的成效', 'other'],
      ['三、存在的不足和改进措施', 'problems'],
    ]);
  });

  it('党课 (纪律)', () => {
    check([
      ['一、为什么要严明党的纪律', 'intro'],
      ['二、违反纪律的主要表现', 'problems'],
      ['三、怎样做到遵规守纪', 'measures'],
      ['四、结语', 'conclusion'],
    ]);
  });
});

// Issue 7, heading roles on unseen drafts: phrasings written for this block (none from the dev drafts or the
// seeds). Notices: the arrangement sections of a notice or plan (时间, 对象, 形式, 篇目, 名额, 办法, 报送要求 … of
// a meeting, training, contest or selection) are “other”, and so are the items under a section named so; its
// requirements section (有关要求, 工作要求, 几点要求, 注意事项 …: instructions on what to do) is “measures”, with
// its items (lead's decision, issue 7: two independent labellers read it so). 党课: sections carried by a model, a role
// to take, a thing to keep in mind or a metaphor (以史为镜, 做……的奋斗者, 常怀……, 开出……良方, 作风顽疾) and
// question forms (……为何会蒙尘 → causes, 短板在哪里 → problems). 述职: work done → other, 不足 → problems,
// 打算 → measures, also when the problems and the plan share one heading.
describe('section roles of notices, speeches, reports and surveys (issue 7 phrasings)', () => {
  it("通知 会议", () => {
    check([
      ["一、会议主题", 'other'],
      ["二、时间安排", 'other'],
      ["三、参加人员", 'other'],
      ["四、会议议程", 'other'],
      ["五、几点要求", 'measures'],
      ["（一）高度重视，精心组织", 'measures'],
      ["（二）严守纪律，确保实效", 'measures'],
      ["六、联系人及联系方式", 'other'],
    ]);
  });

  it("通知 征文", () => {
    check([
      ["一、征文主题", 'other'],
      ["二、征文对象", 'other'],
      ["三、征文要求", 'other'],
      ["四、报送方式及时间", 'other'],
      ["五、评选办法", 'other'],
      ["六、奖项设置", 'other'],
      ["七、其他事项", 'other'],
    ]);
  });

  it("通知 学习", () => {
    check([
      ["一、学习时间", 'other'],
      ["二、学习形式", 'other'],
      ["三、学习篇目", 'other'],
      ["四、注意事项", 'measures'],
      ["五、材料报送", 'other'],
    ]);
  });

  it("通知 工作要求", () => {
    check([
      ["一、活动内容", 'other'],
      ["二、工作要求", 'measures'],
      ["（一）加强组织领导", 'measures'],
      ["（二）严格督促检查", 'measures'],
    ]);
  });

  it("通知 报送", () => {
    check([
      ["一、报送内容", 'other'],
      ["二、报送时限", 'other'],
      ["三、报送要求", 'other'],
      ["四、联系方式", 'other'],
    ]);
  });

  it("通知 评选", () => {
    check([
      ["一、评选范围", 'other'],
      ["二、评选名额", 'other'],
      ["三、评选程序", 'other'],
      ["四、相关要求", 'measures'],
      ["五、工作纪律", 'other'],
    ]);
  });

  it("通知 比赛", () => {
    check([
      ["一、比赛内容", 'other'],
      ["二、参赛对象", 'other'],
      ["三、赛程安排", 'other'],
      ["四、奖励办法", 'other'],
      ["五、组织机构", 'other'],
    ]);
  });

  it("通知 培训2", () => {
    check([
      ["一、培训安排", 'other'],
      ["二、培训课程", 'other'],
      ["三、食宿安排", 'other'],
      ["四、纪律要求", 'measures'],
      ["五、报到时间及地点", 'other'],
    ]);
  });

  it("党课 隐喻", () => {
    check([
      ["一、以史为镜，照见初心", 'measures'],
      ["二、补足精神之钙", 'measures'],
      ["三、拧紧思想总开关", 'measures'],
      ["四、扣好廉洁从政的第一粒扣子", 'measures'],
      ["五、做新时代的奋斗者", 'measures'],
      ["六、当好人民群众的贴心人", 'measures'],
    ]);
  });

  it("党课 隐喻2", () => {
    check([
      ["一、点亮信仰之灯", 'measures'],
      ["二、常怀敬畏之心", 'measures'],
      ["三、甘当为民服务的老黄牛", 'measures'],
      ["四、炼就担当作为的硬肩膀", 'measures'],
      ["五、勇于自我革命", 'measures'],
      ["六、答好新时代的考卷", 'measures'],
    ]);
  });

  it("党课 隐喻3", () => {
    check([
      ["一、打好从严治党组合拳", 'measures'],
      ["二、下好基层治理先手棋", 'measures'],
      ["三、念好为民服务真经", 'measures'],
      ["四、守好廉洁自律底线", 'measures'],
      ["五、敢于斗争、善于斗争", 'measures'],
      ["六、争当干事创业的排头兵", 'measures'],
    ]);
  });

  it("党课 问答", () => {
    check([
      ["一、初心是什么", 'intro'],
      ["二、初心为何会蒙尘", 'causes'],
      ["三、如何守护初心", 'measures'],
    ]);
  });

  it("党课 问答2", () => {
    check([
      ["一、为什么要加强党性修养", 'intro'],
      ["二、为什么会出现党性弱化", 'causes'],
      ["三、怎样锤炼党性", 'measures'],
    ]);
  });

  it("党课 病灶", () => {
    check([
      ["一、认清作风顽疾", 'problems'],
      ["二、找准病根所在", 'causes'],
      ["三、开出治本良方", 'measures'],
    ]);
  });

  it("党课 病灶2", () => {
    check([
      ["一、作风建设的突出顽疾", 'problems'],
      ["二、基层治理中的盲区死角", 'problems'],
      ["三、破解之道", 'measures'],
      ["四、治理之策", 'measures'],
    ]);
  });

  it("述职", () => {
    check([
      ["一、履职情况", 'other'],
      ["二、不足之处", 'problems'],
      ["三、下一步打算", 'measures'],
    ]);
  });

  it("述职2", () => {
    check([
      ["一、一年来的工作回顾", 'other'],
      ["二、差距和不足", 'problems'],
      ["三、今后努力方向", 'measures'],
    ]);
  });

  it("述职3", () => {
    check([
      ["一、主要工作和成效", 'other'],
      ["二、廉洁自律情况", 'other'],
      ["三、自身存在的短板", 'problems'],
      ["四、明年工作设想", 'measures'],
    ]);
  });

  it("述职4", () => {
    check([
      ["一、学习提高情况", 'other'],
      ["二、抓党建工作情况", 'other'],
      ["三、不足与反思", 'problems'],
      ["四、改进方向", 'measures'],
    ]);
  });

  it("述职5", () => {
    check([
      ["一、坚持学习，提高政治素质", 'other'],
      ["二、履职尽责，推动工作落实", 'other'],
      ["三、存在的差距", 'problems'],
      ["四、今后的工作思路", 'measures'],
    ]);
  });

  it("调研", () => {
    check([
      ["一、基本情况", 'intro'],
      ["二、主要做法及成效", 'measures'],
      ["三、存在的主要问题", 'problems'],
      ["四、原因剖析", 'causes'],
      ["五、对策建议", 'measures'],
    ]);
  });

  it("调研2", () => {
    check([
      ["一、调研基本情况", 'intro'],
      ["二、面临的困难", 'problems'],
      ["三、问题的成因", 'causes'],
      ["四、几点建议", 'measures'],
    ]);
  });

  it("调研3", () => {
    check([
      ["一、某县村级组织运行现状", 'intro'],
      ["二、调研发现的问题", 'problems'],
      ["三、深层次原因", 'causes'],
      ["四、对策与思考", 'measures'],
    ]);
  });

  it("调研4", () => {
    check([
      ["一、总体情况", 'intro'],
      ["二、短板在哪里", 'problems'],
      ["三、病根在何处", 'causes'],
      ["四、破题之策", 'measures'],
    ]);
  });

  it("调研5", () => {
    check([
      ["一、调研的背景", 'intro'],
      ["二、主要成效", 'other'],
      ["三、突出问题", 'problems'],
      ["四、意见和建议", 'measures'],
      ["五、进一步做好工作的建议", 'measures'],
    ]);
  });

  it("党课 动作", () => {
    check([
      ["一、把牢政治方向", 'measures'],
      ["二、把为民服务落到实处", 'measures'],
      ["三、让党旗在基层一线高高飘扬", 'measures'],
      ["四、向榜样看齐", 'measures'],
      ["五、从党史中汲取奋进力量", 'measures'],
      ["六、用实干诠释忠诚", 'measures'],
    ]);
  });

  it("党课 动作2", () => {
    check([
      ["一、心中有党，对党忠诚", 'measures'],
      ["二、心中有民，为民造福", 'measures'],
      ["三、心中有责，勇于担当", 'measures'],
      ["四、心中有戒，廉洁自律", 'measures'],
    ]);
  });

  it("党课 动作3", () => {
    check([
      ["一、铭记光辉历史", 'measures'],
      ["二、传承红色基因", 'measures'],
      ["三、赓续精神血脉", 'measures'],
      ["四、走好新时代长征路", 'measures'],
    ]);
  });

  it("党课 结构", () => {
    check([
      ["一、深刻认识全面从严治党的重大意义", 'intro'],
      ["二、当前党风廉政建设面临的形势", 'intro'],
      ["三、一些党员干部身上的不良倾向", 'problems'],
      ["五、锻造忠诚干净担当的过硬队伍", 'measures'],
    ]);
  });

  it("心得", () => {
    check([
      ["二、知有所差：查找自身不足", 'problems'],
      ["三、行有所向：明确努力方向", 'measures'],
    ]);
  });

  it("心得2", () => {
    check([
      ["二、找准差距不足", 'problems'],
      ["三、狠抓整改落实", 'measures'],
      ["四、几点感悟", 'conclusion'],
    ]);
  });

  it("心得3", () => {
    check([
      ["一、感悟思想伟力", 'intro'],
      ["二、对照检视差距", 'problems'],
      ["三、坚持学用结合", 'measures'],
    ]);
  });

  it("述职6", () => {
    check([
      ["二、工作开展情况", 'other'],
      ["三、存在的问题及原因", 'problems'],
      ["四、下一步努力方向", 'measures'],
    ]);
  });

  it("述职7", () => {
    check([
      ["一、德：政治立场坚定", 'other'],
      ["二、能：业务能力提升", 'other'],
      ["三、勤：工作作风扎实", 'other'],
      ["四、绩：工作成效明显", 'other'],
      ["五、廉：廉洁自律情况", 'other'],
      ["六、存在的不足", 'problems'],
      ["七、今后打算", 'measures'],
    ]);
  });

  it("述职8", () => {
    check([
      ["一、聚焦主责主业，全力抓好党建工作", 'other'],
      ["二、聚焦中心任务，推动经济社会发展", 'other'],
      ["三、工作中存在的不足", 'problems'],
      ["四、下一步工作安排", 'measures'],
    ]);
  });

  it("调研6", () => {
    check([
      ["一、调研对象和方法", 'intro'],
      ["二、村干部队伍现状", 'intro'],
      ["三、存在的短板弱项", 'problems'],
      ["四、原因分析", 'causes'],
      ["五、对策措施", 'measures'],
    ]);
  });

  it("调研7", () => {
    check([
      ["一、现状与成效", 'intro'],
      ["二、难点与堵点", 'problems'],
      ["三、成因探析", 'causes'],
      ["四、路径与对策", 'measures'],
    ]);
  });

  it("调研8", () => {
    check([
      ["一、基本概况", 'intro'],
      ["二、主要问题", 'problems'],
      ["三、意见建议", 'measures'],
      ["四、结语", 'conclusion'],
    ]);
  });

  it("调研9", () => {
    check([
      ["一、工作成效", 'other'],
      ["二、主要问题", 'problems'],
      ["三、问题根源", 'causes'],
      ["四、工作建议", 'measures'],
    ]);
  });

  it("调研10", () => {
    check([
      ["一、调查研究的基本情况", 'intro'],
      ["二、党员教育管理存在的薄弱环节", 'problems'],
      ["三、影响党员作用发挥的因素", 'causes'],
      ["四、提升党员教育管理质效的对策", 'measures'],
    ]);
  });

  it("方案", () => {
    check([
      ["一、指导思想", 'intro'],
      ["二、工作目标", 'intro'],
      ["三、主要内容", 'other'],
      ["四、实施步骤", 'measures'],
      ["五、保障措施", 'measures'],
      ["六、工作要求", 'measures'],
    ]);
  });

  it("方案2", () => {
    check([
      ["一、总体思路", 'intro'],
      ["二、重点任务", 'measures'],
      ["三、时间安排", 'other'],
      ["四、工作保障", 'measures'],
    ]);
  });

  it("总结", () => {
    check([
      ["一、主要工作开展情况", 'other'],
      ["二、取得的主要成效", 'other'],
      ["三、存在的问题和不足", 'problems'],
      ["四、下一步工作计划", 'measures'],
    ]);
  });

  it("总结2", () => {
    check([
      ["一、工作亮点", 'other'],
      ["二、问题短板", 'problems'],
      ["三、工作思路", 'measures'],
    ]);
  });

  it("党课 三问", () => {
    check([
      ["一、“初心”从哪里来", 'intro'],
      ["二、“初心”为什么会褪色", 'causes'],
      ["三、“初心”怎样才能永葆", 'measures'],
    ]);
  });

  it("党课 之问", () => {
    check([
      ["一、理想信念为何动摇", 'causes'],
      ["二、作风问题有哪些表现", 'problems'],
      ["三、怎么办", 'measures'],
    ]);
  });

  it("党课 镜子", () => {
    check([
      ["一、以先进典型为镜，见贤思齐", 'measures'],
      ["二、以反面案例为戒，警钟长鸣", 'measures'],
      ["三、以党章党规为尺，严以律己", 'measures'],
    ]);
  });

  it("党课 者", () => {
    check([
      ["一、做理想信念的坚守者", 'measures'],
      ["二、做为民服务的践行者", 'measures'],
      ["三、做廉洁自律的示范者", 'measures'],
    ]);
  });

  it("党课 当", () => {
    check([
      ["一、当好政治上的明白人", 'measures'],
      ["二、甘做群众的勤务员", 'measures'],
      ["三、争当改革发展的生力军", 'measures'],
    ]);
  });

  it("党课 隐喻4", () => {
    check([
      ["一、筑牢信仰之基", 'measures'],
      ["二、把稳思想之舵", 'measures'],
      ["三、守住廉洁之门", 'measures'],
      ["四、扛起发展之责", 'measures'],
    ]);
  });

  it("调研 问", () => {
    check([
      ["一、基层党组织建设的现状如何", 'intro'],
      ["二、问题出在哪里", 'problems'],
      ["三、原因是什么", 'causes'],
      ["四、对策有哪些", 'measures'],
    ]);
  });

  it("调研 病", () => {
    check([
      ["一、把脉：党员教育的基本面", 'intro'],
      ["二、诊断：存在的主要问题", 'problems'],
      ["三、开方：提升质效的路径", 'measures'],
    ]);
  });

  it("调研 软肋", () => {
    check([
      ["一、近年来的工作成效", 'other'],
      ["二、当前存在的短板软肋", 'problems'],
      ["三、制约发展的瓶颈", 'problems'],
      ["四、补短强弱的思路", 'measures'],
    ]);
  });

  it("通知 活动", () => {
    check([
      ["一、活动时间", 'other'],
      ["二、活动地点", 'other'],
      ["三、参加对象", 'other'],
      ["四、活动流程", 'other'],
      ["五、活动要求", 'measures'],
    ]);
  });

  it("通知 知识竞赛", () => {
    check([
      ["一、竞赛主题", 'other'],
      ["二、竞赛形式", 'other'],
      ["三、竞赛规则", 'other'],
      ["四、奖项设置", 'other'],
      ["五、报名方式", 'other'],
    ]);
  });

  it("通知 考试", () => {
    check([
      ["一、考试时间", 'other'],
      ["二、考试范围", 'other'],
      ["三、考试方式", 'other'],
      ["四、考试纪律", 'other'],
    ]);
  });

  it("通知 表彰", () => {
    check([
      ["一、表彰名额", 'other'],
      ["二、推荐条件", 'other'],
      ["三、推荐程序", 'other'],
      ["四、材料报送", 'other'],
      ["五、工作要求", 'measures'],
    ]);
  });

  it("述职 分块", () => {
    check([
      ["一、加强学习，提升政治素养", 'other'],
      ["二、履职尽责，推动工作开展", 'other'],
      ["三、廉洁自律，树立良好形象", 'other'],
      ["四、存在的不足和今后的努力方向", 'problems'],
    ]);
  });

  it("述职 不足打算", () => {
    check([
      ["一、一年来的主要工作", 'other'],
      ["二、存在的主要不足", 'problems'],
      ["三、明年的工作打算", 'measures'],
    ]);
  });

  it("述职 反思", () => {
    check([
      ["一、工作回顾", 'other'],
      ["二、问题与反思", 'problems'],
      ["三、改进措施", 'measures'],
    ]);
  });

  it("调研 对策", () => {
    check([
      ["一、调研的基本情况", 'intro'],
      ["二、取得的主要成效", 'other'],
      ["三、面临的主要困难", 'problems'],
      ["四、对策和建议", 'measures'],
      ["（一）加大政策扶持力度", 'measures'],
      ["（二）拓宽人才引进渠道", 'measures'],
    ]);
  });

  it("心得 句", () => {
    check([
      ["一、坚定信念是根本", 'measures'],
      ["二、为民服务是宗旨", 'measures'],
    ]);
  });

  it('a title line after a field line of a pasted page (来源：……) is still a heading; its items inherit its role', () => {
    const text = [
      '学习全会精神，重在把握要义、落实行动。我结合自己的岗位认真学习，形成了以下几点体会。',
      '',
      '深刻理解会议精神的核心要义',
      '会议精神内涵丰富、思想深邃，是我们做好今后一个时期教育工作的根本遵循，必须全面准确地领会。',
      '来源：某某中学党支部公众号',
      '审核：王某',
      '',
      '扎根讲台把会议精神化为行动',
      '第一，在日常教学中践行初心。我将把学习成果融入课堂，引导学生树立远大理想。第二，在家校沟通中服务学生。要关心每一名学生的成长。',
    ].join('\n');
    const got = outlineOf(text).filter((s) => s.kind !== 'implicit').map((s) => [s.kind, s.role]);
    expect(got).toEqual([
      ['title-line', 'intro'],
      ['title-line', 'measures'],
      ['list', 'measures'],
      ['list', 'measures'],
    ]);
  });
});

// A second fresh probe (written after the first changes; first score 53/61, the misses fixed by class: 认识的提升,
// 反思, case analyses, 警示启示, 面临挑战 without 的, X目标).
describe('section roles on a second issue-7 probe', () => {
  it("心得 学习", () => {
    check([
      ["一、学深悟透，夯实理论根基", 'measures'],
      ["二、对标对表，找准差距不足", 'problems'],
      ["三、真抓实干，推动落地见效", 'measures'],
    ]);
  });

  it("心得 收获", () => {
    check([
      ["一、主要收获", 'conclusion'],
      ["二、存在的差距", 'problems'],
      ["三、努力方向", 'measures'],
    ]);
  });

  it("心得 认识", () => {
    check([
      ["一、思想认识上的提升", 'intro'],
      ["二、对照检查中的反思", 'problems'],
      ["三、今后工作的打算", 'measures'],
    ]);
  });

  it("党课 意义", () => {
    check([
      ["一、深刻把握新时代党的建设总要求", 'intro'],
      ["二、直面党的建设面临的风险挑战", 'problems'],
      ["三、奋力推进全面从严治党向纵深发展", 'measures'],
    ]);
  });

  it("党课 比喻2", () => {
    check([
      ["一、补钙壮骨，筑牢理想信念", 'measures'],
      ["二、强筋健骨，提升能力本领", 'measures'],
      ["三、祛病除疴，纯洁党的肌体", 'measures'],
    ]);
  });

  it("党课 案例", () => {
    check([
      ["一、典型案例剖析", 'problems'],
      ["二、案发原因", 'causes'],
      ["三、警示启示", 'conclusion'],
      ["四、防范措施", 'measures'],
    ]);
  });

  it("述职 书记", () => {
    check([
      ["一、抓班子带队伍情况", 'other'],
      ["二、抓基层打基础情况", 'other'],
      ["三、主要问题", 'problems'],
      ["四、整改措施", 'measures'],
    ]);
  });

  it("述职 年度", () => {
    check([
      ["一、年度目标任务完成情况", 'other'],
      ["二、工作中的薄弱环节", 'problems'],
      ["三、产生问题的原因", 'causes'],
      ["四、下一年度工作思路", 'measures'],
    ]);
  });

  it("调研 乡村", () => {
    check([
      ["一、全县村级集体经济发展概况", 'intro'],
      ["二、发展中遇到的困难", 'problems'],
      ["三、困难产生的根源", 'causes'],
      ["四、发展壮大村级集体经济的路径", 'measures'],
    ]);
  });

  it("调研 两新", () => {
    check([
      ["一、基本现状", 'intro'],
      ["二、短板弱项", 'problems'],
      ["三、原因剖析", 'causes'],
      ["四、对策思考", 'measures'],
    ]);
  });

  it("调研 治理", () => {
    check([
      ["一、主要做法", 'measures'],
      ["二、初步成效", 'other'],
      ["三、面临挑战", 'problems'],
      ["四、下步建议", 'measures'],
    ]);
  });

  it("通知 党日", () => {
    check([
      ["一、活动主题", 'other'],
      ["二、活动时间", 'other'],
      ["三、参加范围", 'other'],
      ["四、活动安排", 'other'],
      ["五、有关事项", 'other'],
    ]);
  });

  it("通知 民主生活会", () => {
    check([
      ["一、会议主题", 'other'],
      ["三、会议议程", 'other'],
      ["五、工作要求", 'measures'],
    ]);
  });

  it("通知 评议", () => {
    check([
      ["一、评议对象", 'other'],
      ["二、评议内容", 'other'],
      ["三、评议方法", 'other'],
      ["四、评议程序", 'other'],
      ["五、结果运用", 'other'],
    ]);
  });

  it("方案 整治", () => {
    check([
      ["一、整治目标", 'intro'],
      ["二、整治重点", 'measures'],
      ["三、方法步骤", 'measures'],
      ["四、保障措施", 'measures'],
    ]);
  });

  it("总结 半年", () => {
    check([
      ["一、上半年工作推进情况", 'other'],
      ["二、存在的困难和问题", 'problems'],
      ["三、下半年工作安排", 'measures'],
    ]);
  });

});

// A third fresh probe (first score 34/39; fixed by class: 下步考虑 and other plans after a time word, 基本构成 and
// other profile nouns → intro, 几种表现 → problems, a heading stating what something is → intro where no parent
// places it).
describe('section roles on a third issue-7 probe', () => {
  it("对照", () => {
    check([
      ["一、上次民主生活会整改情况", 'measures'],
      ["二、对照检视的问题", 'problems'],
      ["三、问题产生的根源", 'causes'],
      ["四、努力方向和改进措施", 'measures'],
    ]);
  });

  it("经验", () => {
    check([
      ["一、背景", 'intro'],
      ["二、做法", 'measures'],
      ["三、成效", 'other'],
      ["四、启示", 'conclusion'],
    ]);
  });

  it("经验2", () => {
    check([
      ["二、几点启示", 'conclusion'],
      ["三、下步考虑", 'measures'],
    ]);
  });

  it("心得 冒号", () => {
    check([
      ["一、学有所悟：深刻把握精神实质", 'intro'],
      ["二、思有所得：清醒认识自身差距", 'problems'],
      ["三、行有所向：明确今后努力方向", 'measures'],
    ]);
  });

  it("通知 须知", () => {
    check([
      ["一、报名须知", 'other'],
      ["二、考试科目", 'other'],
      ["三、成绩查询", 'other'],
      ["四、咨询电话", 'other'],
    ]);
  });

  it("述职 德能", () => {
    check([
      ["一、政治思想方面", 'other'],
      ["二、履行职责方面", 'other'],
      ["三、廉洁自律方面", 'other'],
      ["四、存在的不足", 'problems'],
      ["五、今后的打算", 'measures'],
    ]);
  });

  it("调研 基层", () => {
    check([
      ["一、调研对象与方法", 'intro'],
      ["二、党员队伍的基本构成", 'intro'],
      ["三、党员教育管理的现实困境", 'problems'],
      ["四、困境成因", 'causes'],
      ["五、破解困境的对策", 'measures'],
    ]);
  });

  it("党课 担当", () => {
    check([
      ["一、担当是共产党人的鲜明品格", 'intro'],
      ["二、当前不敢担当的几种表现", 'problems'],
      ["三、不敢担当的思想根源", 'causes'],
      ["四、怎样做一名敢于担当的党员", 'measures'],
    ]);
  });

  it("整改报告", () => {
    check([
      ["一、提高站位，强化整改责任", 'measures'],
      ["二、对照问题，逐条整改落实", 'measures'],
      ["三、巩固成果，建立长效机制", 'measures'],
    ]);
  });

  it("总结 亮点", () => {
    check([
      ["一、亮点工作", 'other'],
      ["二、特色做法", 'measures'],
      ["三、短板不足", 'problems'],
      ["四、明年思路", 'measures'],
    ]);
  });

  it('a statement under a parent is one of its points (inherits), not an intro', () => {
    check([
      ['一、几点体会', 'conclusion'],
      ['（一）党建引领是做好基层治理的根本保证', 'conclusion'],
      ['（二）群众参与是提升治理效能的力量源泉', 'conclusion'],
      ['二、下一步打算', 'measures'],
    ]);
  });
});

// A fourth fresh probe (first score 35/46 = 76 %; fixed by class: more value nouns for statements (品质), 危害 →
// intro, 具体安排 → other, more events of notices (征求意见, 反馈, 创建, 检查 …), survey tails 扫描/透视).
describe('section roles on a fourth issue-7 probe', () => {
  it("心得 读书", () => {
    check([
      ["二、查短板找差距，正视自身不足", 'problems'],
      ["三、强担当促落实，推动工作上台阶", 'measures'],
    ]);
  });

  it("党课 忠诚", () => {
    check([
      ["一、忠诚是共产党人的首要品质", 'intro'],
      ["二、对党不忠诚的种种表现", 'problems'],
      ["三、如何做到对党绝对忠诚", 'measures'],
    ]);
  });

  it("党课 作风2", () => {
    check([
      ["一、作风问题的危害", 'intro'],
      ["二、作风问题的成因", 'causes'],
      ["三、作风建设的路径", 'measures'],
    ]);
  });

  it("通知 主题党日2", () => {
    check([
      ["一、活动目的", 'intro'],
      ["二、活动形式", 'other'],
      ["三、参加人员", 'other'],
      ["四、具体安排", 'other'],
      ["五、有关要求", 'measures'],
    ]);
  });

  it("通知 征求意见", () => {
    check([
      ["一、征求意见范围", 'other'],
      ["二、征求意见方式", 'other'],
      ["三、反馈时间", 'other'],
    ]);
  });

  it("述职 村书记2", () => {
    check([
      ["一、一年来的履职情况", 'other'],
      ["二、存在的不足和原因", 'problems'],
      ["三、下步工作打算", 'measures'],
    ]);
  });

  it("述职 局长", () => {
    check([
      ["一、坚持政治引领，压实管党治党责任", 'other'],
      ["二、聚焦主责主业，推动重点工作落实", 'other'],
      ["三、严守纪律规矩，树立清廉形象", 'other'],
      ["四、工作中的差距", 'problems'],
      ["五、努力方向", 'measures'],
    ]);
  });

  it("调研 医院", () => {
    check([
      ["二、存在的问题", 'problems'],
      ["三、对策建议", 'measures'],
    ]);
  });

  it("调研 教育", () => {
    check([
      ["一、现状扫描", 'intro'],
      ["二、问题透视", 'problems'],
      ["三、原因探究", 'causes'],
      ["四、对策探索", 'measures'],
    ]);
  });

  it("调研 人才", () => {
    check([
      ["一、人才队伍建设成效", 'other'],
      ["二、人才工作中的短板", 'problems'],
      ["三、加强人才工作的建议", 'measures'],
    ]);
  });

  it("对照 组织生活会", () => {
    check([
      ["一、学习收获", 'conclusion'],
      ["二、查摆的问题", 'problems'],
      ["三、原因剖析", 'causes'],
      ["四、整改方向", 'measures'],
    ]);
  });

  it("方案 创建", () => {
    check([
      ["一、创建目标", 'intro'],
      ["二、创建内容", 'other'],
      ["三、创建步骤", 'measures'],
      ["四、组织保障", 'measures'],
    ]);
  });

  it("总结 季度", () => {
    check([
      ["一、一季度工作完成情况", 'other'],
      ["二、存在问题", 'problems'],
      ["三、二季度工作打算", 'measures'],
    ]);
  });

});

// A fifth fresh probe (first score 39/43 = 91 %; fixed by class: ……收获/体会 after any short noun → conclusion,
// 结论 → conclusion, the last clause after a colon may carry the action).
describe('section roles on a fifth issue-7 probe', () => {
  it("讲话 部署", () => {
    check([
      ["一、充分认识开展专项整治的重要意义", 'intro'],
      ["二、准确把握专项整治的目标任务", 'intro'],
      ["三、突出抓好几项重点工作", 'measures'],
      ["四、切实加强组织领导", 'measures'],
    ]);
  });

  it("讲话 表彰", () => {
    check([
      ["一、过去一年的工作回顾", 'other'],
      ["二、当前面临的形势", 'intro'],
      ["三、今年的重点任务", 'measures'],
    ]);
  });

  it("心得 培训", () => {
    check([
      ["一、培训收获", 'conclusion'],
      ["二、自身不足", 'problems'],
      ["三、今后打算", 'measures'],
    ]);
  });

  it("心得 廉政", () => {
    check([
      ["二、自我剖析：查找思想上的短板", 'problems'],
      ["三、知行合一：筑牢拒腐防变防线", 'measures'],
    ]);
  });

  it("调研 社区2", () => {
    check([
      ["一、社区治理的主要做法和成效", 'measures'],
      ["二、社区治理面临的主要困境", 'problems'],
      ["三、困境背后的原因", 'causes'],
      ["四、提升社区治理效能的建议", 'measures'],
    ]);
  });

  it("调研 数据", () => {
    check([
      ["一、调查样本概况", 'intro'],
      ["二、调查结果分析", 'other'],
      ["三、主要结论", 'conclusion'],
      ["四、政策建议", 'measures'],
    ]);
  });

  it("述职 支书", () => {
    check([
      ["一、履行基层党建工作责任制情况", 'other'],
      ["二、存在问题及原因分析", 'problems'],
      ["三、下一步思路举措", 'measures'],
    ]);
  });

  it("通知 会议2", () => {
    check([
      ["一、会议时间", 'other'],
      ["二、会议地点", 'other'],
      ["三、参会范围", 'other'],
      ["四、会议内容", 'other'],
      ["五、会务要求", 'measures'],
    ]);
  });

  it("通知 培训3", () => {
    check([
      ["一、培训目的", 'intro'],
      ["二、培训对象", 'other'],
      ["三、培训时间和地点", 'other'],
      ["四、培训内容", 'other'],
      ["五、培训要求", 'measures'],
      ["六、报到事项", 'other'],
    ]);
  });

  it("方案 主题教育2", () => {
    check([
      ["一、指导思想", 'intro'],
      ["二、目标要求", 'intro'],
      ["三、重点措施", 'measures'],
      ["四、工作安排", 'measures'],
      ["五、组织领导", 'measures'],
    ]);
  });

  it("党课 初心2", () => {
    check([
      ["一、初心的深刻内涵", 'intro'],
      ["二、初心易失的原因", 'causes'],
      ["三、守初心担使命的路径", 'measures'],
    ]);
  });

});

// Role signals from the fresh role sets (tests/fixtures/roles, scripts/eval-roles.ts): a significance
// question (为什么这么重要, ……为什么是……) is intro; a problem word asked about its origin (……从何而来) is causes;
// metaphors of problems (拦路虎, 温差, 症状); statements (这是……, ……是最好的……, ……是一面……) name no section by
// their last noun; a question-only cause followed by a named cause is the problems; the accounts of a
// rectification report are measures; 改进措施 closes a report as a plan does. Phrasings written for this block.
describe('section roles from structure and metaphor (role sets)', () => {
  it('党课: significance question, symptoms asked, then the named cause', () => {
    check([
      ['一、作风建设为什么如此关键', 'intro'],
      ['（一）这是赢得民心的必然途径', 'intro'],
      ['二、有的干部为何干不好事', 'problems'],
      ['（一）本事不够，遇事发怵', 'problems'],
      ['三、干不好事的病根在哪里', 'causes'],
      ['四、作风上的“温差”从何而来', 'causes'],
      ['五、以担当作为交出合格答卷', 'measures'],
    ]);
  });

  it('心得: statements and metaphors', () => {
    check([
      ['一、实践是最好的老师', 'intro'],
      ['二、前进路上的“绊脚石”', 'problems'],
      ['三、思想懈怠的几种症状', 'problems'],
      ['四、英雄是一座灯塔', 'intro'],
    ]);
  });

  it('调研: difficulties named by 难 (“两难”, 招人难) are problems; 知难而进 names none', () => {
    check([
      ['一、基本情况', 'intro'],
      ['二、基层治理中的“两难”', 'problems'],
      ['（一）招人难', 'problems'],
      ['（二）议事难', 'problems'],
      ['三、知难而进', 'other'],
      ['（一）迎难而上，破解议事难题', 'measures'],
      ['四、对策建议', 'measures'],
    ]);
  });

  it('对照检查: an action that falls short states a problem; an action on a problem noun is a measure', () => {
    check([
      ['一、存在的问题', 'problems'],
      ['二、落实主体责任不到位', 'problems'],
      ['三、执行制度不严格', 'problems'],
      ['四、学习不深入，联系群众不多', 'problems'],
      ['五、对标整改，破解基层治理难题', 'measures'],
      ['六、坚定不移推进全面从严治党', 'measures'],
    ]);
  });

  it('整改报告: every account of what was done is measures', () => {
    check([
      ['一、整改工作的推进情况', 'measures'],
      ['二、完善制度机制情况', 'measures'],
      ['三、存在的不足', 'problems'],
    ]);
  });

  it('述职: action tops before the problems recount the work when 改进措施 closes the report', () => {
    check([
      ['一、强化学习，理论素养不断提升', 'other'],
      ['二、严守纪律，自觉接受群众监督', 'other'],
      ['三、存在的不足', 'problems'],
      ['四、改进措施', 'measures'],
    ]);
  });
});

/** Like check, under a document title line. */
function checkTitled(title: string, rows: [string, string][]): void {
  const text = `${title}\n\n` + rows.map(([h]) => `${h}\n${BODY}`).join('\n');
  const got = outlineOf(text)
    .filter((s) => s.kind !== 'implicit')
    .map((s) => [s.title, s.role]);
  expect(got).toEqual(rows.map(([h, r]) => [h.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/, ''), r]));
}

describe('section roles from the document and from single clauses (issue 7, item 6)', () => {
  it('a rectification report named by its title: its action-worded accounts and the problems they fix are measures', () => {
    checkTitled('关于市委巡视反馈意见整改进展情况的报告', [
      ['一、压紧压实责任，高标准推进整改', 'measures'],
      ['二、聚焦反馈问题，逐一对账销号', 'measures'],
      ['（一）关于意识形态工作责任制落实不到位的问题', 'measures'],
      ['（二）关于基层党组织软弱涣散的问题', 'measures'],
      ['三、深化标本兼治成果', 'measures'],
      ['四、存在的差距', 'problems'],
      ['五、下步整改安排', 'measures'],
    ]);
  });

  it('the same headings in a duty report without such a title recount the work', () => {
    checkTitled('2024年度个人述职报告', [
      ['一、压紧压实责任，高标准推进工作', 'other'],
      ['二、存在的差距', 'problems'],
      ['三、下步工作安排', 'measures'],
    ]);
  });

  it('a rectification account of an earlier meeting is measures', () => {
    check([
      ['一、上次组织生活会整改事项完成情况', 'measures'],
      ['二、对照检视查摆的问题', 'problems'],
    ]);
  });

  it('a role noun in one clause after a diagnostic verb, or awareness, names the section', () => {
    check([
      ['一、统一思想，深化认识', 'intro'],
      ['二、正视短板，奋力追赶', 'problems'],
      ['三、查准病根，对症施治', 'causes'],
      ['四、紧盯薄弱环节，狠抓落实', 'measures'],
      ['五、对照问题清单，逐项整改到位', 'measures'],
    ]);
  });

  it('a speech heading whose clause is an imperative (要……, 必须……) says what to do', () => {
    check([
      ['一、形势任务十分清楚，关键在于行动', 'intro'],
      ['二、责任已经明确，要一抓到底', 'measures'],
      ['三、考验就在眼前，必须众志成城', 'measures'],
    ]);
  });

  it('an unnamed top between the problems and the measures holds the causes; a question of how it happened names them', () => {
    check([
      ['一、案件暴露出的突出问题', 'problems'],
      ['二、蛀虫是怎样一步步滋生的', 'causes'],
      ['三、标本兼治的对策', 'measures'],
    ]);
    check([
      ['一、存在的短板', 'problems'],
      ['二、“病灶”背后的土壤', 'causes'],
      ['（一）思想防线的堤坝有了裂缝', 'causes'],
      ['三、对策建议', 'measures'],
    ]);
  });

  it('a top whose verb is only a modifier takes the role its items name (persistence predicates state problems)', () => {
    check([
      ['一、为什么要激发担当之能', 'intro'],
      ['二、干事路上的“拦路石”', 'problems'],
      ['（一）“怕出错”心理较为普遍', 'problems'],
      ['（二）推诿扯皮现象时有发生', 'problems'],
      ['三、搬开“拦路石”的办法', 'measures'],
    ]);
  });

  it('以 + means + action is a measure; the raising of the question opens; bare reflections after the results are the lessons', () => {
    check([
      ['一、课题的提出', 'intro'],
      ['二、主要做法', 'measures'],
      ['三、取得的成效', 'other'],
      ['四、几点思考', 'conclusion'],
    ]);
    check([
      ['一、存在的问题', 'problems'],
      ['二、几点思考', 'measures'],
      ['三、以更大力度贯彻落实上级部署', 'measures'],
    ]);
  });

  it('a survey opens with the state of things; the same wording in a report on the year recounts results', () => {
    checkTitled('关于全县村级组织运行情况的调查与思考', [
      ['一、村级组织运行总体平稳', 'intro'],
      ['（一）干部队伍趋于年轻', 'intro'],
      ['（二）议事规则逐步完善', 'intro'],
      ['二、存在的突出问题', 'problems'],
      ['三、对策建议', 'measures'],
    ]);
    checkTitled('2024年度村级组织建设工作总结', [
      ['一、聚焦组织建设，村级组织运行总体平稳', 'other'],
      ['二、存在的突出问题', 'problems'],
      ['三、2025年工作计划', 'measures'],
    ]);
  });

  it('what an action brought is a result; failures (“失守”, 失灵) are problems and name the section holding them', () => {
    check([
      ['一、专项整治取得的初步成效', 'other'],
      ['二、部分干部的“失守”之处', 'problems'],
      ['（一）纪律防线“失守”', 'problems'],
      ['（二）监督机制失灵', 'problems'],
      ['三、防线“失守”的根子', 'causes'],
    ]);
  });

  it('areas examined before the causes are where the problems were found; 难以 states a difficulty; a speech reviews its results', () => {
    check([
      ['一、政治站位方面', 'problems'],
      ['二、服务群众方面', 'problems'],
      ['三、产生问题的根源', 'causes'],
      ['四、整改措施', 'measures'],
    ]);
    check([
      ['一、客观回顾过去，增强做好工作的底气', 'other'],
      ['二、青年人才难以留住', 'problems'],
      ['三、加强人才工作的举措', 'measures'],
    ]);
  });

  it('a judgement with 是 opens a thinking piece with why it matters; troubles faced and uneven predicates are problems', () => {
    check([
      ['一、抓好年轻干部培养是长远之计', 'intro'],
      ['（一）这是事业发展的需要', 'intro'],
      ['二、年轻干部培养面临的现实困扰', 'problems'],
      ['（一）培养力度冷热不一', 'problems'],
      ['三、加强年轻干部培养的路径', 'measures'],
    ]);
  });

  it('under the background an item named as results reports them; other items there stay background', () => {
    check([
      ['一、基本情况', 'intro'],
      ['（一）党员队伍构成情况', 'intro'],
      ['（二）取得的成绩', 'other'],
      ['二、存在的问题', 'problems'],
    ]);
  });

  it('an experience report gives its methods as action headings before the results and the plan', () => {
    checkTitled('“连心桥”服务工作法经验材料', [
      ['一、建好阵地聚人心', 'measures'],
      ['二、搭好平台解民忧', 'measures'],
      ['三、取得的成效', 'other'],
      ['四、下一步打算', 'measures'],
    ]);
    checkTitled('2024年度社区党委书记述职报告', [
      ['一、建好阵地聚人心', 'other'],
      ['二、存在的不足', 'problems'],
      ['三、下一步打算', 'measures'],
    ]);
  });

  it('the situation faced opens a speech', () => {
    check([
      ['一、当前，基层治理面临新形势新任务', 'intro'],
      ['二、要突出重点抓好落实', 'measures'],
    ]);
  });

  it('acting on results is a measure, reaching them a result; experience gained is the lessons', () => {
    check([
      ['一、专项行动取得阶段性成果', 'other'],
      ['二、专项行动形成了可贵经验', 'conclusion'],
      ['三、进一步放大专项行动成效', 'measures'],
      ['（一）要健全长效机制', 'measures'],
    ]);
  });

  it('a statement of what something is opens a reflection that closes with its plan', () => {
    check([
      ['一、纪律是管党治党的“戒尺”', 'intro'],
      ['二、对照纪律找差距', 'problems'],
      ['三、今后的努力方向', 'measures'],
    ]);
  });

  it('a perspective under the situation keeps its role whatever its point names', () => {
    check([
      ['一、当前面临的形势', 'intro'],
      ['（一）从历史方位看，基层治理任务更加繁重', 'intro'],
      ['（二）从基层实际看，队伍建设仍有短板', 'intro'],
      ['二、存在的突出问题', 'problems'],
    ]);
  });
});

