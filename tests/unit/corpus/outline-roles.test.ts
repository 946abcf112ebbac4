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
      ['五、工作要求', 'other'],
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
