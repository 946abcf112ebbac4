import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/engine';
import {
  canonicalMarker,
  hanNumeralValue,
  parseBareNumber,
  parseHeading,
  toHanNumeral,
} from '../../lib/engine/headings';

describe('hanNumeralValue / toHanNumeral', () => {
  it.each([
    ['一', 1], ['九', 9], ['十', 10], ['十一', 11], ['二十', 20], ['二十三', 23], ['九十九', 99], ['两', 2],
  ])('%s → %i', (s, n) => {
    expect(hanNumeralValue(s)).toBe(n);
  });

  it.each(['', '一二', '十十', '百', 'a', '二十三四'])('%j is not a numeral', (s) => {
    expect(hanNumeralValue(s)).toBeNaN();
  });

  it('round-trips 1..99', () => {
    for (let n = 1; n <= 99; n++) expect(hanNumeralValue(toHanNumeral(n))).toBe(n);
    expect(toHanNumeral(0)).toBe('');
    expect(toHanNumeral(100)).toBe('');
  });

  it('gives the GB/T 9704 marker per level', () => {
    expect(canonicalMarker(1, 12)).toBe('十二、');
    expect(canonicalMarker(2, 3)).toBe('（三）');
    expect(canonicalMarker(3, 4)).toBe('4.');
    expect(canonicalMarker(4, 5)).toBe('（5）');
  });
});

describe('parseHeading', () => {
  // [line, level, number, marker, style, canonical, title]
  const cases: [string, number, string, string, string, string, string][] = [
    ['一、总体要求', 1, '一', '一、', 'han-dun', '一、', '总体要求'],
    ['十二、其他事项', 1, '十二', '十二、', 'han-dun', '十二、', '其他事项'],
    ['（一）加强政治建设', 2, '一', '（一）', 'paren-full', '（一）', '加强政治建设'],
    ['(二)党员的模范带头作用不强。', 2, '二', '(二)', 'paren-half', '（二）', '党员的模范带头作用不强'],
    ['（三)压实工作责任', 2, '三', '（三)', 'paren-mixed', '（三）', '压实工作责任'],
    ['（四）、强化监督执纪', 2, '四', '（四）、', 'paren-dun', '（四）', '强化监督执纪'],
    ['1.政治素质修养不够', 3, '1', '1.', 'dot', '1.', '政治素质修养不够'],
    ['2．提高学习能力', 3, '2', '2．', 'dot', '2．', '提高学习能力'],
    ['3、组织协调能力弱', 3, '3', '3、', 'dun', '3.', '组织协调能力弱'],
    ['（1）明确任职资格', 4, '1', '（1）', 'paren-full', '（1）', '明确任职资格'],
    ['(2)严格程序', 4, '2', '(2)', 'paren-half', '（2）', '严格程序'],
    ['一:作为基层党支部书记', 1, '一', '一:', 'han-other', '一、', '作为基层党支部书记'],
    ['二．健全制度', 1, '二', '二．', 'han-other', '二、', '健全制度'],
    ['三，创新载体', 1, '三', '三，', 'han-other', '三、', '创新载体'],
    ['  　一、缩进的标题', 1, '一', '一、', 'han-dun', '一、', '缩进的标题'],
    ['二、三会一课制度落实情况', 1, '二', '二、', 'han-dun', '二、', '三会一课制度落实情况'],
    ['三、四风问题整治', 1, '三', '三、', 'han-dun', '三、', '四风问题整治'],
    ['一、二十大精神学习体会', 1, '一', '一、', 'han-dun', '一、', '二十大精神学习体会'],
    [' 2、,提升党员队伍的综合素质', 3, '2', '2、,', 'dun', '2.', '提升党员队伍的综合素质'],
    // Stray marks after a marker belong to it (the numbering rule deletes them).
    ['1.、加强理论学习', 3, '1', '1.、', 'dot', '1.', '加强理论学习'],
    ['一、、总体要求', 1, '一', '一、、', 'han-dun', '一、', '总体要求'],
    ['（二）．工作措施', 2, '二', '（二）．', 'paren-full', '（二）', '工作措施'],
    ['(3)：强化考核', 4, '3', '(3)：', 'paren-half', '（3）', '强化考核'],
    ['1．加强学习', 3, '1', '1．', 'dot', '1．', '加强学习'],
    ['（1)明确责任', 4, '1', '（1)', 'paren-mixed', '（1）', '明确责任'],
  ];
  it.each(cases)('%j', (line, level, number, marker, style, canonical, title) => {
    const h = parseHeading(line);
    expect(h).not.toBeNull();
    expect(h).toMatchObject({ level, number, marker, style, canonicalMarker: canonical, title });
    expect(line.slice(h!.markerStart, h!.markerEnd)).toBe(marker);
  });

  it.each([
    '1.5万元的专项经费已经到位。',
    '2024年工作总结',
    '2023.5.6召开会议',
    '1、2号楼的改造工程',
    '一、二线城市的房价走势',
    '三、四月份是春耕备耕的关键期。',
    '一、二等奖各一名',
    '二、三个月内完成整改',
    '一是树立围绕中心工作的大局意识。',
    '第一，要加强学习。',
    '我们从三个方面推进：一、加强学习；二、强化落实。',
    '①加强理论武装',
    '1）严格落实',
    '一、',
    '（一）   ',
    '1...',
    '一，二，三，报数',
    '十分重要的工作',
    '2个回答',
    '',
    '   ',
  ])('not a heading: %j', (line) => {
    expect(parseHeading(line)).toBeNull();
  });

  it('counts the stray marks after a marker, but not an ellipsis or a decimal', () => {
    expect(parseHeading('1、,提升素质')!.stray).toBe(1);
    expect(parseHeading('一、 、总体要求')!.stray).toBe(2);
    expect(parseHeading('一、总体要求')!.stray).toBe(0);
    expect(parseHeading('（一）、强化学习')!.stray).toBe(0);
    expect(parseHeading('1.…加强学习')?.stray ?? 0).toBe(0);
  });

  it('ends an inline heading at its first sentence', () => {
    const line = '二、健全制度，增强责任，强化党的职能。党支部是党的基层组织，党的各项方针政策最终要靠这一级组织去落实。';
    const h = parseHeading(line)!;
    expect(h.title).toBe('健全制度，增强责任，强化党的职能');
    expect(h.titleLine).toBe(false);
    expect(line.slice(0, h.end)).toBe('二、健全制度，增强责任，强化党的职能。');
  });

  it('takes a short line ending in 。 as a title line', () => {
    const line = '(一)对基层党建工作重视程度不够。';
    const h = parseHeading(line)!;
    expect(h.titleLine).toBe(true);
    expect(h.end).toBe(line.length);
    expect(h.title).toBe('对基层党建工作重视程度不够');
  });

  it('never throws on odd input', () => {
    for (const s of ['\u0000', '𠮷、', '（', '(一', '一\u0301、', '1.'.repeat(100000), '\ud800、abc']) {
      expect(() => parseHeading(s)).not.toThrow();
    }
  });
});

describe('parseBareNumber', () => {
  it('finds a number line that lost its marker', () => {
    expect(parseBareNumber('1加强政治觉悟的不段提升认识')).toEqual({ value: 1, start: 0, end: 1 });
    expect(parseBareNumber(' 12完善制度')).toEqual({ value: 12, start: 1, end: 3 });
  });
  it.each(['3月5日召开会议', '10万元专项资金', '5个方面的问题', '2024年工作要点', '1加强学习，提高认识。', '1.加强学习', '加强学习'])(
    'not a bare number: %j',
    (line) => {
      expect(parseBareNumber(line)).toBeNull();
    },
  );
});

describe('outline', () => {
  it('lists the headings of a document with absolute offsets', () => {
    const text = [
      '关于加强基层党建工作的报告',
      '一、总体情况',
      '今年以来，我们认真贯彻落实上级部署。',
      '（一）加强政治建设',
      '1.强化理论武装。组织党员开展集中学习12次。',
      '（1）个人自学',
      '二、存在问题',
      '一、二线城市的经验值得借鉴。',
    ].join('\r\n');
    const { outline } = analyze(text);
    expect(outline.map((o) => [o.level, o.number, o.title])).toEqual([
      [1, '一', '总体情况'],
      [2, '一', '加强政治建设'],
      [3, '1', '强化理论武装'],
      [4, '1', '个人自学'],
      [1, '二', '存在问题'],
    ]);
    expect(text.slice(outline[0]!.start, outline[0]!.end)).toBe('一、总体情况');
    expect(text.slice(outline[2]!.start, outline[2]!.end)).toBe('1.强化理论武装。');
    expect(text.slice(outline[4]!.start, outline[4]!.end)).toBe('二、存在问题');
  });

  it('ignores enumerations inside a line', () => {
    const { outline } = analyze('我们从三个方面推进：一、加强学习；二、强化落实。\n1.5万元已经到位。');
    expect(outline).toEqual([]);
  });
});
