import { describe, expect, it } from 'vitest';
import { Converter } from 'opencc-js';
import { SIMPLIFIED_VALID } from '../../../lib/rules/data/traditional-chars';
import rule from '../../../lib/rules/traditional-char';
import { ecspellTargets, loadSeeds, ruleTester, runRule, seedFindings, seedLabels } from '../rule-tester';

ruleTester.run(rule, {
  valid: [
    '三是要树立先锋模范的先进意识。充分发挥党员的先锋模范带头作用，树立先进意识。',
    '党支部书记要时刻检查自己履责中可能存在的问题，时时刻刻牢记为职工服务的宗旨。',
    '乾隆年间修建的古建筑群要纳入文物保护范围，妥善保护。',
    '宫商角徵羽是古代的五声音阶，要在群众文化活动中加以传承。',
    '机关食堂每周供应蒜薹炒肉等家常菜，职工满意度明显提高。',
    '书法展览展出了赵孟頫等历代名家的作品。',
    '在耳闻目睹中见微知著，著名劳动模范的事迹令人感动。',
    '瞭望塔上的民兵二十四小时值守，处理问题要一目了然。',
    '里面、后来、面条、只有、台湾、系统、干部、头发、复习、复杂、恢复、复兴都是简体字。',
    '扞格不入的旧观念要破除，合伙人与伙伴关系要理顺。',
    '学习强国𠮷😀打卡，积分排名第1名。',
    '2024年GDP增长5.2%，CPI同比上涨0.2%。',
    'これはテストです。',
    '',
    '一、总体要求\r\n（一）指导思想\r\n坚持以习近平新时代中国特色社会主义思想为指导。',
    '抓好“三会一课”，落实组织生活制度，增强党组织的凝聚力和战斗力。',
  ],
  invalid: [
    {
      text: '三是要树立先锋模范的先进意识。充分發挥党员的先锋模范带头作用。',
      output: '三是要树立先锋模范的先进意识。充分发挥党员的先锋模范带头作用。',
      issues: [{ text: '發', fix: '发' }],
      note: 'seed 000',
    },
    {
      text: '理髮店要保持環境乾淨整洁。',
      output: '理发店要保持环境干净整洁。',
      issues: [{ text: '髮', fix: '发' }, { text: '環', fix: '环' }, { text: '乾淨', fix: '干净' }],
      note: '乾 converted together with 淨',
    },
    {
      text: '他留着一头長頭髮，精神饱满。',
      output: '他留着一头长头发，精神饱满。',
      issues: [{ text: '長頭髮', fix: '长头发' }],
      note: 'one fix per run',
    },
    {
      text: '要广泛徵求群众意见，做好後续工作。',
      output: '要广泛征求群众意见，做好后续工作。',
      issues: [{ text: '徵', fix: '征' }, { text: '後', fix: '后' }],
    },
    {
      text: '认真學習貫徹黨的精神。',
      output: '认真学习贯彻党的精神。',
      issues: [{ text: '學習貫徹黨', fix: '学习贯彻党' }],
    },
    {
      text: '臺灣同胞血浓于水。',
      output: '台湾同胞血浓于水。',
      issues: [{ text: '臺灣', fix: '台湾' }],
    },
    {
      text: '关於进一步加强基层党组织建设的意见',
      output: '关于进一步加强基层党组织建设的意见',
      issues: [{ text: '於', fix: '于' }],
    },
    {
      text: '全心全意為人民服務是我们党的根本宗旨。',
      output: '全心全意为人民服务是我们党的根本宗旨。',
      issues: [{ text: '為', fix: '为' }, { text: '務', fix: '务' }],
    },
    {
      text: '乾隆年间发展很快，后来發展更快。',
      output: '乾隆年间发展很快，后来发展更快。',
      issues: [{ text: '發', fix: '发' }],
      note: '乾隆 stays',
    },
    {
      text: '第一段没有问题。\r\n第二段發挥作用。\r\n第三段後来居上。',
      output: '第一段没有问题。\r\n第二段发挥作用。\r\n第三段后来居上。',
      issues: [{ text: '發', fix: '发' }, { text: '後', fix: '后' }],
      note: 'CRLF document',
    },
    {
      text: '党支部书记要认真学习贯彻党的路线方针政策，团结带领党员群众，推动各项工作落实，发挥战斗堡垒作用。\n堅持黨的全面領導，貫徹新發展理念，構建新格局。',
      output: '党支部书记要认真学习贯彻党的路线方针政策，团结带领党员群众，推动各项工作落实，发挥战斗堡垒作用。\n坚持党的全面领导，贯彻新发展理念，构建新格局。',
      issues: [
        { text: '堅', fix: '坚' },
        { text: '黨', fix: '党' },
        { text: '領導', fix: '领导' },
        { text: '貫徹', fix: '贯彻' },
        { text: '發', fix: '发' },
        { text: '構', fix: '构' },
      ],
      note: 'traditional quote inside a simplified document (deferred conversion)',
    },
    {
      text: '學習貫徹黨的二十大精神，發揮黨員先鋒模範作用，堅持全面從嚴治黨。',
      issues: [{ text: '學習貫徹黨的二十大精神，發揮黨員先鋒模範作用，堅持全面從嚴治黨。', fix: null }],
      note: 'wholly traditional: one notice, no fix',
    },
    {
      text: '一、总体要求\n堅持黨的全面領導，貫徹新發展理念。\n構建新發展格局，推動高質量發展。',
      issues: [
        { text: '总体', fix: '總體', start: 2 },
        { text: '堅持黨的全面領導，貫徹新發展理念。\n構建新發展格局，推動高質量發展。', fix: null, start: 7 },
      ],
      note: 'the notice spans the traditional paragraphs; a simplified heading in it is flagged',
    },
    {
      text: '堅持黨的全面領導，充分发揮黨員的先锋模範作用，推動高質量發展。',
      output: '堅持黨的全面領導，充分發揮黨員的先鋒模範作用，推動高質量發展。',
      issues: [
        { text: '堅持黨的全面領導，充分发揮黨員的先锋模範作用，推動高質量發展。', fix: null },
        { text: '发', fix: '發' },
        { text: '锋', fix: '鋒' },
      ],
      note: 'simplified characters inside a traditional text',
    },
    {
      text: '理髮店要保持環境乾淨整潔，顧客頭髮要及時清掃，理发師要持證上崗。',
      output: '理髮店要保持環境乾淨整潔，顧客頭髮要及時清掃，理髮師要持證上崗。',
      issues: [{ text: '理髮店要保持環境乾淨整潔，顧客頭髮要及時清掃，理发師要持證上崗。', fix: null }, { text: '发', fix: '髮' }],
      note: 'the traditional form the document itself uses (髮, not the default 發)',
    },
    {
      text: '臺灣同胞和台灣青年踴躍參與，皇后大道、若干公里的路段都已整修，遊客與游泳愛好者眾多。',
      issues: [{ text: '臺灣同胞和台灣青年踴躍參與，皇后大道、若干公里的路段都已整修，遊客與游泳愛好者眾多。', fix: null }],
      note: 'characters traditional text also writes unchanged (台 后 干 里 游) are not flagged',
    },
  ],
});

describe('traditional-char details', () => {
  it('gives the document notice as info, and per-run reports as errors', () => {
    const doc = runRule(rule, '學習貫徹黨的二十大精神，發揮黨員先鋒模範作用。');
    expect(doc.map((i) => [i.severity, i.category, i.replacements.length])).toEqual([['info', 'traditional', 0]]);
    expect(doc[0]!.message).toContain('繁体');
    const slip = runRule(rule, '充分發挥作用');
    expect(slip.map((i) => [i.severity, i.category])).toEqual([['error', 'traditional']]);
  });

  it('never reports a character that is also correct in simplified text on its own', () => {
    for (const ch of SIMPLIFIED_VALID) expect(runRule(rule, `这是${ch}字`), ch).toEqual([]);
  });

  it('handles astral table entries and never splits surrogate pairs', () => {
    const issues = runRule(rule, '𠮷㗲𠮷');
    expect(issues.map((i) => [i.start, i.end, i.replacements[0]])).toEqual([[2, 3, '𠵾']]);
  });

  it('never throws on odd input', () => {
    const odd = ['\ud800', '\udc00發', '發\ud800', '\u0000\u200b發\u0301', '發'.repeat(200_000), '发'.repeat(1_000_000), '𠮷'.repeat(5000)];
    for (const text of odd) expect(() => runRule(rule, text)).not.toThrow();
  });

  it('converts a wholly traditional seed into one notice', () => {
    const text = loadSeeds()[0]!.text;
    for (const to of ['t', 'tw', 'hk'] as const) {
      const issues = runRule(rule, Converter({ from: 'cn', to })(text));
      expect(issues.length, to).toBe(1);
      expect(issues[0]!.severity).toBe('info');
    }
  });
});

describe('traditional-char on real text', () => {
  it('finds exactly the labelled traditional character of the seeds', () => {
    expect(seedFindings(rule)).toEqual(seedLabels('traditional'));
  });

  it('raises no flag on the clean ecspell target sentences', () => {
    const targets = ecspellTargets();
    expect(runRule(rule, targets.join('\n'))).toEqual([]);
  });

});
