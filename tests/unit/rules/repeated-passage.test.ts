import { describe, expect, it } from 'vitest';
import rule from '../../../lib/rules/repeated-passage';
import { createAnalyzer } from '../../../lib/engine';
import { mulberry32 } from '../../../scripts/lib/seeds';
import { ecspellTargets, loadSeeds, ruleTester, runRule } from '../rule-tester';
import { ADJACENT_LOOK_ALIKES, ADJACENT_REPEATS } from './repeated-passage.cases';
import { DRAFT_LOOK_ALIKES, DRAFT_REPEATS } from './repeated-passage.drafting.cases';

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
    // A collection: the articles' titles differ only by a numeral.
    lines('如何提高基层党支部书记的履职能力1', '2、提高学习能力和综合素质。' + C + D, A, B, '总之，书记要时刻检查自己在履职中可能存在的问题。', '如何提高基层党支部书记的履职能力2', '2、提高学习能力。书记要树立终身学习的理念。' + D),
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
      // Two articles of a collection (their titles differ only by a numeral): far single sentences are theirs.
      text: lines('基层党支部书记履职能力思考一', E + A, C, D, '基层党支部书记履职能力思考二', F + A, B + A + C),
      output: lines('基层党支部书记履职能力思考一', E + A, C, D, '基层党支部书记履职能力思考二', F + A, B + C),
      issues: [{ text: A, start: lines('基层党支部书记履职能力思考一', E + A, C, D, '基层党支部书记履职能力思考二', F + A, B).length, fix: '' }],
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

  it('compares sentences holding astral characters and lone surrogates as written', () => {
    // The normalized line keeps surrogates; a lone one must not become U+FFFD (which would make these equal).
    const astral = '党支部作为党的基层组织𠮷，是党与人民群众紧密联系的桥梁与纽带。';
    expect(runRule(rule, lines(astral, astral))).toHaveLength(1);
    const lone1 = '党支部作为党的基层组织\ud800，是党与人民群众紧密联系的桥梁与纽带。';
    const lone2 = '党支部作为党的基层组织\udc00，是党与人民群众紧密联系的桥梁与纽带。';
    const replaced = '党支部作为党的基层组织\ufffd，是党与人民群众紧密联系的桥梁与纽带。';
    expect(runRule(rule, lines(lone1, lone1))).toHaveLength(1);
    expect(runRule(rule, lines(lone1, lone2))).toHaveLength(0);
    expect(runRule(rule, lines(lone1, replaced))).toHaveLength(0);
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

/**
 * Incremental = fresh for this rule alone (its combine runs over the lines an edit can affect): documents
 * made of a small pool of sentences, so every sentence is repeated in many paragraphs, and edits that
 * create, break and extend repeats: a character typed into a sentence (and taken out again), a sentence
 * replaced by another of the pool or appended, lines and blocks copied next to themselves and far away,
 * lines deleted, merged and split, blank lines, headings, a truncated summary, and edits at the very end
 * of the text (a deletion reaching the end starts in the line before it).
 */
describe('repeated-passage: incremental analysis equals a fresh one', () => {
  const POOL = [
    A, B, C, D, E, F,
    '要坚持把政治建设摆在首位，教育引导党员干部增强“四个意识”。',
    '各级党组织要认真落实“三会一课”制度，提高组织生活质量。',
    '深入开展调查研究，切实帮助基层解决急难愁盼的实际问题。',
    '严格执行民主集中制，凡属重大问题都要集体讨论决定。',
    '要加强学习。', // short: never an anchor, but part of blocks
    '一、存在的主要问题',
    '（二）下一步工作打算',
  ];
  const TAILS = ['', '', '', '……', '...'];
  const rand = mulberry32(0x9a55a6e);
  const int = (k: number) => Math.floor(rand() * k);
  const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const line = () => Array.from({ length: 1 + int(3) }, () => pick(POOL)).join('') + (int(12) === 0 ? pick(TAILS) : '');

  function lineBounds(text: string): [number, number][] {
    const out: [number, number][] = [];
    let s = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i === text.length || text[i] === '\n') {
        out.push([s, i]);
        s = i + 1;
      }
    }
    return out;
  }

  function edit(text: string): string {
    const ls = lineBounds(text);
    const [s, e] = pick(ls);
    const at = s + int(e - s + 1);
    const sentenceEnds = [...text.slice(s, e).matchAll(/[。！？；]/g)].map((m) => s + m.index! + 1);
    switch (int(18)) {
      case 0:
      case 1:
      case 2: // a character typed inside a line (breaks a repeat)
        return text.slice(0, at) + pick(['要', '的', '，', '。', '党', ' ']) + text.slice(at);
      case 3: // a few characters deleted
        return text.slice(0, at) + text.slice(at + 1 + int(3));
      case 4: { // a sentence of the line replaced by one of the pool (makes or breaks a repeat)
        if (!sentenceEnds.length) return text.slice(0, e) + pick(POOL) + text.slice(e);
        const k = int(sentenceEnds.length);
        const a = k === 0 ? s : sentenceEnds[k - 1]!;
        return text.slice(0, a) + pick(POOL) + text.slice(sentenceEnds[k]!);
      }
      case 5: // a sentence appended (extends a run)
        return text.slice(0, e) + pick(POOL) + text.slice(e);
      case 6: // the line copied next to itself
        return text.slice(0, e) + '\n' + text.slice(s, e) + text.slice(e);
      case 7: { // a block of lines copied somewhere else
        const k = int(ls.length);
        const block = ls.slice(k, k + 1 + int(4));
        const copy = text.slice(block[0]![0], block[block.length - 1]![1]);
        const [ts] = pick(ls);
        return text.slice(0, ts) + copy + '\n' + text.slice(ts);
      }
      case 8: // the line deleted
        return text.slice(0, s) + text.slice(Math.min(text.length, e + 1));
      case 9: // two lines merged
        return e < text.length ? text.slice(0, e) + text.slice(e + 1) : text;
      case 10: { // a line split at a sentence end, or a blank line inserted
        const cut = sentenceEnds.length ? pick(sentenceEnds) : at;
        return text.slice(0, cut) + pick(['\n', '\n\n', '\n\u3000\n']) + text.slice(cut);
      }
      case 11: // a new line of pool sentences
        return text.slice(0, e) + '\n' + line() + text.slice(e);
      case 12: // the end of the text: typed, deleted, a copied line appended
        return pick([text + pick(['党', '。', '\n', '\n' + line()]), text.slice(0, Math.max(0, text.length - 1 - int(30))), text + '\n' + text.slice(s, e)]);
      case 13: // a sentence end turned into a comma (two sentences become one) or back
        if (!sentenceEnds.length) return text.replace('，', '。');
        return text.slice(0, sentenceEnds[int(sentenceEnds.length)]! - 1) + '，' + text.slice(sentenceEnds[int(sentenceEnds.length)]!);
      case 14: // a truncated summary of a line put before it, or an ellipsis removed
        return int(2)
          ? text.slice(0, s) + text.slice(s, s + Math.max(0, (e - s) >> 1)) + '……\n' + text.slice(s)
          : text.replace(/(……|\.\.\.)(?=\n|$)/, '');
      case 16: { // the tail of a sentence pasted right after it (an adjacent copy), or retyped after a comma
        const cut = sentenceEnds.length ? pick(sentenceEnds) : e;
        const len = 6 + int(25);
        const copy = text.slice(Math.max(s, cut - len), cut);
        return text.slice(0, cut) + (int(3) ? copy : '，' + copy.replace(/[。！？；]$/, '')) + text.slice(cut);
      }
      case 17: // the end of the line pasted at the start of the next one
        return e < text.length ? text.slice(0, e + 1) + text.slice(Math.max(s, e - 6 - int(25)), e) + text.slice(e + 1) : text;
      default: // a heading put in front of the line
        return text.slice(0, s) + pick(['一、', '（三）', '2.']) + text.slice(s);
    }
  }

  function follow(start: string, steps: number): void {
    const analyzer = createAnalyzer({ rules: [rule] });
    let text = start;
    for (let step = 0; step <= steps; step++) {
      if (step > 0) text = edit(text);
      if (text.length > 6000) text = text.slice(text.length - 4000);
      const incremental = analyzer.analyze(text).issues;
      const fresh = createAnalyzer({ rules: [rule] }).analyze(text).issues;
      expect(incremental, `step ${step}: ${JSON.stringify(text)}`).toEqual(fresh);
    }
  }

  it('follows documents of repeated sentences through edits', { timeout: 120_000 }, () => {
    for (let doc = 0; doc < 12; doc++) {
      const lines: string[] = [];
      for (let k = 0, count = 5 + int(40); k < count; k++) lines.push(int(6) === 0 ? '' : line());
      follow(lines.join('\n'), 150);
    }
  });

  it('follows a document whose paragraphs repeat one base text round after round', { timeout: 120_000 }, () => {
    const base = Array.from({ length: 12 }, () => line().replace(/(……|\.\.\.)$/, ''));
    const rounds: string[] = [];
    for (let r = 0; r < 8; r++) for (const l of base) rounds.push(r === 0 ? l : `${l}（第${r + 1}轮）`);
    follow(rounds.join('\n'), 300);
  });
});

// A sentence, a clause or the tail of a sentence pasted or retyped right after itself, also after a line
// break (issue 7: independent drafts had such copies and got no flag), and look-alikes that must stay clean.
describe('adjacent copies', () => {
  ruleTester.run(rule, {
    valid: ADJACENT_LOOK_ALIKES,
    invalid: ADJACENT_REPEATS.map(({ text, output, note }) => ({ text, output, note })),
  });

  it('reports the copy when the previous line is edited into its original, and drops it when it changes', () => {
    const analyzer = createAnalyzer({ rules: [rule] });
    const second = '确保件件有着落、事事有回音。下一步，我们将持续巩固整改成果。';
    const before = `对发现的问题，镇党委坚持立行立改。\n${second}`;
    expect(analyzer.analyze(before).issues).toEqual([]);
    const after = `对发现的问题，镇党委坚持立行立改，确保件件有着落、事事有回音。\n${second}`;
    const issues = analyzer.analyze(after).issues;
    expect(issues.map((i) => after.slice(i.start, i.end))).toEqual(['确保件件有着落、事事有回音。']);
    expect(analyzer.analyze(before).issues).toEqual([]);
  });
});

// The same sentence in two places of a draft far apart (issue 7: drafts written blind had a sentence pasted
// again at the end of the draft), and the collection of articles where far single sentences are stock.
describe('far copies and collections', () => {
  const S = '要建立整改台账，实行销号管理，确保件件有着落。';
  const body = (tail: string) => [
    '一是强化理论武装，把学习贯彻党的创新理论作为首要政治任务。' + S,
    '二是严格组织生活，认真落实组织生活会和民主评议党员制度。',
    '三是加强队伍建设，注重在业务骨干中发展党员。',
    '同时，我们也清醒地看到，工作中还存在一些短板和不足。' + tail,
  ];

  it('reports a single sentence far from its first copy, unless the document is a collection of articles', () => {
    const draft = body(S).join('\n');
    const issues = createAnalyzer({ rules: [rule] }).analyze(draft).issues;
    expect(issues.map((i) => draft.slice(i.start, i.end))).toEqual([S]);
    const collection = ['整改工作情况汇报材料一', ...body('').slice(0, 2), '整改工作情况汇报材料二', ...body(S).slice(2)].join('\n');
    expect(createAnalyzer({ rules: [rule] }).analyze(collection).issues).toEqual([]);
    // Shorter than 20 characters: stock phrasing, left alone far away.
    const short = body('确保件件有着落。').join('\n').replace(S, '实行销号管理，确保件件有着落。');
    expect(createAnalyzer({ rules: [rule] }).analyze(short).issues).toEqual([]);
  });

  it('follows a title edited into and out of a collection (incremental = fresh)', () => {
    const analyzer = createAnalyzer({ rules: [rule] });
    const parts = body(S);
    const steps = [
      ['整改工作情况汇报材料一', ...parts.slice(0, 2), '整改工作情况汇报材料二', ...parts.slice(2)],
      ['整改工作情况汇报材料一', ...parts.slice(0, 2), '整改工作情况汇报', ...parts.slice(2)],
      ['整改工作情况汇报材料一', ...parts.slice(0, 2), '整改工作情况汇报材料三', ...parts.slice(2)],
      ['整改工作情况汇报材料一', ...parts.slice(0, 2), '整改工作情况汇报材料三，', ...parts.slice(2)],
      [...parts.slice(0, 2), '整改工作情况汇报材料三', ...parts.slice(2)],
      ['整改工作情况汇报材料三', ...parts.slice(0, 2), '整改工作情况汇报材料三', ...parts.slice(2)],
    ].map((l) => l.join('\n'));
    const flagged = [false, true, false, true, true, false];
    steps.forEach((text, k) => {
      const incremental = analyzer.analyze(text).issues;
      expect(incremental, `step ${k}`).toEqual(createAnalyzer({ rules: [rule] }).analyze(text).issues);
      expect(incremental.length > 0, `step ${k}`).toBe(flagged[k]);
    });
  });
});

// How writers leave a passage twice while drafting (repeated-passage.drafting.cases.ts): the classes the rule
// covers are found, and the look-alikes stay clean (a refrain repeated as whole lines is still reported as
// repeated paragraphs, and near copies with a character changed are not matched: see the rule's comment).
describe('drafting repeats', () => {
  const covered = new Set(['end-of-paragraph', 'end-of-draft', 'clause-in-sentence', 'short-sentence', 'far-apart', 'clause-run-echo']);
  for (const c of DRAFT_REPEATS) {
    if (!covered.has(c.cls)) continue;
    it(`finds ${c.cls}: ${c.text.slice(0, 24)}…`, () => {
      const at = c.text.lastIndexOf(c.copy);
      const issues = runRule(rule, c.text);
      expect(issues.some((i) => i.start < at + c.copy.length && i.end > at), JSON.stringify(issues)).toBe(true);
    });
  }
  for (const c of DRAFT_LOOK_ALIKES) {
    if (c.cls === 'refrain') continue;
    it(`leaves ${c.cls} alone: ${c.text.slice(0, 24)}…`, () => {
      expect(runRule(rule, c.text)).toEqual([]);
    });
  }
});

describe('a copy after a line broken at a clause mark', () => {
  it('reports the next line opening with the clause before the break, not after a sentence end', () => {
    const text = '今年以来，支部共开展志愿服务活动二十余次，\n共开展志愿服务活动二十余次，服务群众一千余人次。';
    const issues = runRule(rule, text);
    expect(issues.map((i) => text.slice(i.start, i.end))).toEqual(['共开展志愿服务活动二十余次，']);
    // After a full stop the clause is taken up to go on: left alone.
    const clean = '今年以来，支部共开展志愿服务活动二十余次。\n开展志愿服务活动二十余次，是支部工作的一大亮点。';
    expect(runRule(rule, clean)).toEqual([]);
  });

  it('follows the previous line edited to end in a clause mark and back (incremental = fresh)', () => {
    const analyzer = createAnalyzer({ rules: [rule] });
    const next = '共开展志愿服务活动二十余次，服务群众一千余人次。';
    const steps = ['今年以来，支部共开展志愿服务活动二十余次。', '今年以来，支部共开展志愿服务活动二十余次，', '今年以来，支部共开展志愿服务活动二十余次', '今年以来，支部共开展志愿服务活动二十余次，']
      .map((first) => `${first}\n\n${next}\n${next}`);
    const counts = steps.map((text, k) => {
      const incremental = analyzer.analyze(text).issues;
      expect(incremental, `step ${k}`).toEqual(createAnalyzer({ rules: [rule] }).analyze(text).issues);
      return incremental.length;
    });
    // The repeated last line is reported throughout; the opening copy only after the comma.
    expect(counts).toEqual([1, 2, 1, 2]);
  });
});
