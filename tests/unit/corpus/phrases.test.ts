import { describe, expect, it } from 'vitest';
import { loadSeedDocs } from '../../../scripts/build-corpus';
import { defaultCorpus } from '../../../lib/corpus/default';
import { findEnumerations } from '../../../lib/corpus/enumerations';
import { minePhrases, trimPhrase, hanRuns, type Run } from '../../../lib/corpus/phrases';
import { findIncompleteEnumerations, setPhraseEnumerations } from '../../../lib/corpus/set-phrases';
import type { PassageRef } from '../../../lib/corpus/types';

const seeds = loadSeedDocs();
const sliceOf = ([d, start, end]: PassageRef) => {
  const doc = defaultCorpus.docs[d]!;
  return seeds.find((s) => s.id === doc.parent)!.text.slice(start, end);
};

describe('recurring phrasings of the seed corpus', () => {
  const phrases = defaultCorpus.phrases;

  it('are n-grams used by at least two documents, ranked, unique, with exact sources', () => {
    expect(phrases.length).toBeGreaterThan(100);
    expect(new Set(phrases.map((p) => p.text)).size).toBe(phrases.length);
    for (let i = 0; i < phrases.length; i++) {
      const p = phrases[i]!;
      expect(p.docs).toBeGreaterThanOrEqual(2);
      expect(p.count).toBeGreaterThanOrEqual(p.docs);
      expect(p.text.length).toBeGreaterThanOrEqual(4);
      expect(p.sources.length).toBeGreaterThanOrEqual(1);
      for (const ref of p.sources) expect(sliceOf(ref)).toBe(p.text);
      if (i > 0) expect(phrases[i - 1]!.docs).toBeGreaterThanOrEqual(p.docs);
    }
  });

  it('include the set phrases of the genre and no dangling particles', () => {
    const texts = phrases.map((p) => p.text);
    for (const t of ['思想政治工作', '先锋模范作用', '战斗堡垒作用', '民主集中制', '树立终身学习的理念', '发挥战斗堡垒作用', '凝聚人心', '一知半解', '得过且过']) {
      expect(texts).toContain(t);
    }
    for (const t of texts) {
      expect(t).not.toMatch(/^[的是了和]|[的了和与及]$/);
    }
    expect(texts).not.toContain('如何提高基层党支部书记的履职能力'); // curated stop phrase (collection title)
  });

  it('are grouped per theme', () => {
    const theme = (id: string) => defaultCorpus.themes.find((t) => t.id === id)!;
    expect(theme('learning').phrasings).toContain('真功夫、苦功夫、细功夫');
    expect(theme('bastion').phrasings).toContain('发挥战斗堡垒作用');
    expect(theme('vanguard').phrasings).toContain('先锋模范作用');
  });
});

describe('minePhrases', () => {
  const runsOf = (texts: string[]) => {
    const runs: Run[] = [];
    texts.forEach((t, d) => hanRuns(d, t, 0, runs));
    return runs;
  };

  it('finds what two documents share and nothing from one document alone', () => {
    const found = minePhrases(runsOf(['要充分发挥党员的先锋模范作用。', '支部要充分发挥党员的先锋模范作用，带动群众。', '党员的先锋模范作用，党员的先锋模范作用。']));
    const texts = found.map((p) => p.text);
    expect(texts[0]).toBe('党员的先锋模范作用');
    expect(found[0]!.docs).toBe(3);
    expect(found[0]!.count).toBe(4);
    expect(texts).toContain('要充分发挥党员的先锋模范作用');
    expect(minePhrases(runsOf(['党员的先锋模范作用，党员的先锋模范作用。']))).toEqual([]);
  });

  it('trims dangling particles but keeps words that end like one', () => {
    expect(trimPhrase('发挥作用的')).toBe('发挥作用');
    expect(trimPhrase('的基层党组织')).toBe('基层党组织');
    expect(trimPhrase('党员干部作为')).toBe('党员干部');
    expect(trimPhrase('工作中存在')).toBe('工作中存在');
    expect(trimPhrase('这一点很重要')).toBe('这一点很重要');
  });
});

describe('enumerations', () => {
  const cases: [string, string[] | null][] = [
    ['党支部书记要在学习上下真功夫、苦功夫、细功夫。', ['真功夫', '苦功夫', '细功夫']],
    ['少数支部书记对党务工作持说起来重要、做起来次要、忙起来不要的态度', ['说起来重要', '做起来次要', '忙起来不要']],
    ['少数党总支委员、支部书记对党务工作说起来重要、做起来次要、忙起来不要,对“自留地”', ['说起来重要', '做起来次要', '忙起来不要']],
    ['抓住薄弱环节,想大事、议大事、抓大事,不断促进单位的全面发展', ['想大事', '议大事', '抓大事']],
    ['要同行政领导多联系、多请示、多汇报、多交流工作,及时了解', ['多联系', '多请示', '多汇报', '多交流']],
    ['注重选拔具备专业知识、专业能力、专业作风、专业精神的干部', ['专业知识', '专业能力', '专业作风', '专业精神']],
    ['着力解决一些基层党组织弱化、虚化、边缘化问题', ['弱化', '虚化', '边缘化']],
    ['搭建一个“党性强、作风正、工作好、效率高”的支部班子', ['党性强', '作风正', '工作好', '效率高']],
    ['加强对经济、科技、法律、历史、文学等领域的涉猎', null],
    ['对支部每个成员的工作、思想、作风实行有效监督', null],
  ];
  for (const [text, parts] of cases) {
    it(`${parts ? 'finds' : 'ignores'} ${text.slice(0, 20)}…`, () => {
      const found = findEnumerations(text);
      if (!parts) return expect(found).toEqual([]);
      expect(found.map((e) => e.parts)).toEqual([parts]);
      expect(text.slice(found[0]!.start, found[0]!.end)).toBe(parts.join('、'));
    });
  }

  it('are mined from the corpus with their documents', () => {
    const get = (t: string) => defaultCorpus.enumerations.find((e) => e.text === t)!;
    for (const t of ['说起来重要、做起来次要、忙起来不要', '想大事、议大事、抓大事', '真功夫、苦功夫、细功夫']) {
      expect(get(t).docs).toBe(2);
      for (const ref of get(t).sources) expect(sliceOf(ref)).toBe(t);
    }
  });

  it('are exported for rules as {parts, source}', () => {
    expect(setPhraseEnumerations.length).toBeGreaterThanOrEqual(10);
    for (const e of setPhraseEnumerations) {
      expect(e.parts.length).toBeGreaterThanOrEqual(3);
      expect(e.source === 'curated' || /^[\w#]+:\d+$/.test(e.source)).toBe(true);
    }
    const shuo = setPhraseEnumerations.find((e) => e.parts[0] === '说起来重要')!;
    expect(shuo).toEqual({ parts: ['说起来重要', '做起来次要', '忙起来不要'], source: 'curated', curated: true, docs: 2 });
    expect(setPhraseEnumerations.some((e) => !e.curated && e.parts.join('、') === '认识问题、分析问题、解决问题')).toBe(true);
  });
});

describe('findIncompleteEnumerations', () => {
  it('flags a fixed enumeration cut short, with the full wording as fix', () => {
    const text = '有的支部书记对党务工作说起来重要、做起来次要，工作浮于表面。';
    const [f, ...rest] = findIncompleteEnumerations(text);
    expect(rest).toEqual([]);
    expect(text.slice(f!.start, f!.end)).toBe('说起来重要、做起来次要');
    expect(f!.missing).toEqual(['忙起来不要']);
    expect(f!.replacement).toBe('说起来重要、做起来次要、忙起来不要');
    expect(f!.source).toBe('curated');
  });

  it('accepts complete enumerations and single parts', () => {
    expect(findIncompleteEnumerations('说起来重要、做起来次要、忙起来不要')).toEqual([]);
    expect(findIncompleteEnumerations('在学习上下真功夫，在落实上见实效。')).toEqual([]);
  });

  it('keeps the writer’s separator and gives no fix for a variant', () => {
    expect(findIncompleteEnumerations('要真功夫，苦功夫。')[0]!.replacement).toBe('真功夫，苦功夫，细功夫');
    const variant = findIncompleteEnumerations('说起来重要、做起来次要、干起来不要');
    expect(variant.length).toBe(1);
    expect(variant[0]!.replacement).toBeNull();
  });
});
