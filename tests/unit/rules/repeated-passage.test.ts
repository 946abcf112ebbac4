import { describe, expect, it } from 'vitest';
import rule from '../../../lib/rules/repeated-passage';
import { ecspellTargets, loadSeeds, ruleTester, runRule } from '../rule-tester';

const lines = (...l: string[]) => l.join('\n');

const A = '党支部作为党的基层组织，是党与人民群众紧密联系的桥梁与纽带。';
const B = '基层党支部书记作为基层党组织的第一责任人，是基层党支部各项工作的组织者。';
const C = '党支部书记要树立终身学习的理念，在学习上下真功夫、苦功夫、细功夫。';
const D = '要着力提高自身认识问题、分析问题、解决问题的能力。';
const E = '首先要强化责任意识，切实担负起管党治党的政治责任。';
const F = '再者要加强作风建设，持之以恒落实中央八项规定精神。';

ruleTester.run(rule, {
  valid: [
    lines(A + B, C + D),
    // A collection of articles: the same headings in two articles are legitimate.
    lines(
      '如何提高基层党支部书记的履职能力1',
      '一、当前基层党支部书记存在的问题',
      '（一）对基层党建工作重视程度不够。',
      A,
      '如何提高基层党支部书记的履职能力2',
      '一、当前基层党支部书记存在的问题',
      '（一）对基层党建工作重视程度不够。',
      B,
    ),
    // One stock sentence shared by two articles far apart (seed 000): not flagged.
    lines('2、提高学习能力和综合素质。' + C + D, A, B, '总之，书记要时刻检查自己在履职中可能存在的问题。', '2、提高学习能力。书记要树立终身学习的理念。' + D),
    // Short repeated sentences (under 15 characters) are another rule's business.
    '要加强学习。要加强学习。要狠抓落实。',
    // A title repeated as a page header is a title line, not a passage.
    lines('如何做好合格的基层党支部书记党建工作研究', '', '如何做好合格的基层党支部书记党建工作研究', '', A),
    // Near-duplicates differ by a character.
    lines('二、对产生问题的原因分析', '党务工作开展多了会对安全生产造成影响，认为党务工作是吃力不讨好的事。', '党务工作开展多了会对安全生产工作造成影响，认为党务工作是吃力不讨好的事。'),
    // The same clause inside two different sentences is not a repeated sentence.
    '全面从严治党永远在路上，我们必须保持战略定力，持之以恒正风肃纪。全面从严治党永远在路上，党的自我革命永远在路上。',
    // A paragraph that ends in an ellipsis but repeats nothing.
    lines('我们要做到：一是加强学习，二是狠抓落实，三是严格考核……', A),
    // Short identical lines (web residue) are left to paste-residue.
    lines('展开全部', A, '展开全部', B),
    // Blank and space-only lines.
    lines('', '   ', '\u3000\u3000', A, '', B, ''),
    // Repeated headings with long titles across articles.
    lines('三、如何提高基层党支部书记的履责能力和水平', A, '三、如何提高基层党支部书记的履责能力和水平', B),
    // The first sentence of an inline heading is part of the heading, never an anchor.
    lines('2、党务工作者素质不高。' + E, '（1）' + E + F),
    // A long enumeration line repeated inside a table-like list is short per sentence and has no anchor.
    '一是抓学习。二是抓落实。三是抓督查。',
  ],
  invalid: [
    {
      text: A + A + B,
      output: A + B,
      issues: [{ text: A, start: A.length, fix: '' }],
      note: 'a sentence repeated right after itself',
    },
    {
      text: B + A + ' ' + A,
      output: B + A,
      issues: [{ text: ' ' + A, fix: '' }],
      note: 'a repeated sentence at the end of the paragraph takes the space before it',
    },
    {
      text: lines(B + A, A + C),
      output: lines(B + A, C),
      issues: [{ text: A, start: B.length + A.length + 1, fix: '' }],
      note: 'the next paragraph starts with the last sentence of the previous one',
    },
    {
      text: lines(A + B, C, D, A + B, '总之，要履行好自己的岗位职责。'),
      output: lines(A + B, C, D, '总之，要履行好自己的岗位职责。'),
      issues: [{ text: A + B + '\n', fix: '' }],
      note: 'a whole paragraph repeated far away',
    },
    {
      text: lines(
        '一、基层党建工作存在的问题',
        '(一)对基层党建工作重视程度不够。',
        A + B,
        '(二)党员的模范带头作用不强。',
        '党章规定,党员要',
        '一、基层党建工作存在的问题',
        '(一)对基层党建工作重视程度不够。',
        A + B,
        '(二)党员的模范带头作用不强。',
        '党章规定,党员要',
        '已赞过',
      ),
      output: lines(
        '一、基层党建工作存在的问题',
        '(一)对基层党建工作重视程度不够。',
        A + B,
        '(二)党员的模范带头作用不强。',
        '党章规定,党员要',
        '已赞过',
      ),
      issues: [{ text: lines('一、基层党建工作存在的问题', '(一)对基层党建工作重视程度不够。', A + B, '(二)党员的模范带头作用不强。', '党章规定,党员要', ''), fix: '' }],
      note: 'a pasted block with its headings merges into one issue (seed 004)',
    },
    {
      text: lines('曾经做过调查，在很多单位，都把经济工作放在首位，是第一要务。' + C, D, '曾经做过调查,在很多单位,都把经济工作放在首位,是第一要务.' + C),
      output: lines('曾经做过调查，在很多单位，都把经济工作放在首位，是第一要务。' + C, D),
      note: 'half-width punctuation does not hide a repeat; at the end of the text the line break before goes',
    },
    {
      text: lines(
        ' 如何当好党支部书记党支部作为党的基层组织，是党与人民群众紧密联系的桥梁与纽带，其组织建设的好坏，直接关系到党的执政能力建设。因此，基层党支部书记作为基层党组织的第一责任人，是基层党支部各项工作的组...',
        '如何当好党支部书记',
        '党支部作为党的基层组织，是党与人民群众紧密联系的桥梁与纽带，其组织建设的好坏，直接关系到党的执政能力建设。因此，基层党支部书记作为基层党组织的第一责任人，是基层党支部各项工作的组织者。',
      ),
      output: lines(
        '如何当好党支部书记',
        '党支部作为党的基层组织，是党与人民群众紧密联系的桥梁与纽带，其组织建设的好坏，直接关系到党的执政能力建设。因此，基层党支部书记作为基层党组织的第一责任人，是基层党支部各项工作的组织者。',
      ),
      note: 'a truncated web summary above the full text (seed 003)',
    },
    {
      text: lines(A, '', B, '', C, '', A, '', D),
      output: lines(A, '', B, '', C, '', D),
      issues: [{ text: A + '\n\n', fix: '' }],
      note: 'blank-line separated paragraphs keep one blank line',
    },
    {
      text: lines(E + C + D + '其次，要加强作风建设。', A, B, F + C + D + '最后，要严格考核。'),
      output: lines(E + C + D + '其次，要加强作风建设。', A, B, F + '最后，要严格考核。'),
      issues: [{ text: C + D, fix: '' }],
      note: 'two repeated sentences in a row count anywhere',
    },
    {
      text: lines(E + A, C, D, F + A, B + A + C),
      output: lines(E + A, C, D, F + A, B + C),
      issues: [{ text: A, start: lines(E + A, C, D, F + A, B).length, fix: '' }],
      note: 'a third copy is compared with the nearest earlier one',
    },
    {
      text: [A + B, C, A + B, D].join('\r\n'),
      output: [A + B, C, D].join('\r\n'),
      issues: [{ text: A + B + '\r\n', fix: '' }],
      note: 'CRLF line breaks',
    },
    {
      text: lines(B, '（一）加强学习。' + A + C, '（二）狠抓落实。' + A + D),
      output: lines(B, '（一）加强学习。' + A + C, '（二）狠抓落实。' + D),
      issues: [{ text: A, fix: '' }],
      note: 'a sentence repeated in the next paragraph after an inline heading',
    },
  ],
});

describe('repeated-passage messages', () => {
  it('cites the paragraph of the first occurrence', () => {
    const issues = runRule(rule, lines(A + B, '', C, D, A + B));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toBe('本段与第1段重复，可删除');
    expect(issues[0]!.category).toBe('repetition');
  });

  it('never throws on odd input', () => {
    const odd = ['\u0000'.repeat(100), '𠮷'.repeat(50) + '。' + '𠮷'.repeat(50) + '。', '\ud800。\udc00。', '…'.repeat(1000), (A + '\n').repeat(300), A.repeat(2000)];
    for (const text of odd) expect(() => runRule(rule, text)).not.toThrow();
  });

  it('reports a 1 MB line of one repeated sentence', () => {
    const text = A.repeat(Math.ceil(1_000_000 / A.length));
    const issues = runRule(rule, text);
    expect(issues.length).toBeGreaterThan(0);
  });
});

describe('repeated-passage on the fixtures', () => {
  it('finds the two labelled repeats in the seeds and nothing else', () => {
    const found: [string, number, number][] = [];
    for (const { name, text } of loadSeeds()) {
      for (const i of runRule(rule, text)) found.push([name.slice(0, 3), i.start, i.end]);
    }
    // 003: the truncated web summary line (label 10–39 lies inside it); 004: the pasted block (label 2117–2148 starts it).
    expect(found).toEqual([
      ['003', 0, 125],
      ['004', 2117, 2413],
    ]);
  });

  it('flags none of the clean ecspell target sentences', () => {
    const targets = [...new Set(ecspellTargets())];
    expect(targets.length).toBeGreaterThan(900);
    for (const t of targets) expect(runRule(rule, t)).toEqual([]);
    // All distinct targets as one document: no repeats either.
    expect(runRule(rule, targets.join('\n'))).toEqual([]);
  });
});
