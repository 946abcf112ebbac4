import { tidyExample } from '../../../lib/corpus/tidy';
import { describe, expect, it } from 'vitest';
import { loadSeedDocs } from '../../../scripts/build-corpus';
import { THEMES, THEME_BY_ID } from '../../../lib/corpus/curated';
import { defaultCorpus } from '../../../lib/corpus/default';
import { layoutOf } from '../../../lib/corpus/layout';
import { themeCoverage, themeReport } from '../../../lib/corpus/query';

const seeds = loadSeedDocs();
const essays = seeds.flatMap((d) =>
  layoutOf(d.text).essays.map((e) => ({ id: `${d.id}#${e.index + 1}`, text: d.text.slice(e.start, e.end) })),
);
const words = (id: string) => {
  const t = THEME_BY_ID.get(id)!;
  return [...t.keywords, ...t.related];
};

describe('curated themes', () => {
  it('has at least 15 themes with unique ids, names and keywords', () => {
    expect(THEMES.length).toBeGreaterThanOrEqual(15);
    expect(THEMES.length).toBeLessThanOrEqual(31); // build.ts keeps theme sets in 31-bit masks
    expect(new Set(THEMES.map((t) => t.id)).size).toBe(THEMES.length);
    for (const t of THEMES) {
      expect(t.keywords.length).toBeGreaterThan(0);
      expect(new Set([...t.keywords, ...t.related]).size).toBe(t.keywords.length + t.related.length);
    }
  });

  it('every theme occurs in the seed corpus, with passages that contain its words', () => {
    for (const stats of defaultCorpus.themes) {
      expect(stats.passages.length, stats.id).toBeGreaterThan(0);
      for (const [d, start, end] of stats.passages) {
        const doc = defaultCorpus.docs[d]!;
        const text = seeds.find((s) => s.id === doc.parent)!.text;
        expect(start >= doc.start && end <= doc.end).toBe(true);
        const passage = text.slice(start, end);
        expect(words(stats.id).some((w) => passage.includes(w)), `${stats.id}: ${passage}`).toBe(true);
      }
      for (const ex of stats.examples) {
        const doc = defaultCorpus.docs[ex.ref[0]]!;
        // The example is its passage with the engine's fixes applied (the seeds keep their slips).
        const passage = seeds.find((s) => s.id === doc.parent)!.text.slice(ex.ref[1], ex.ref[2]);
        expect(tidyExample(passage)).toBe(ex.text);
      }
    }
  });
});

describe('themeCoverage on the seed essays', () => {
  for (const essay of essays) {
    it(`lists the themes of ${essay.id} with evidence spans`, () => {
      const { covered, missing } = themeCoverage(essay.text);
      expect(covered.length).toBeGreaterThanOrEqual(5);
      for (const c of covered) {
        expect(c.spans.length).toBeGreaterThan(0);
        for (const [start, end] of c.spans) {
          const span = essay.text.slice(start, end);
          expect(words(c.id).some((w) => span.includes(w)), `${c.id}: ${span}`).toBe(true);
        }
      }
      // The corpus scored the same essay (without repeated paragraphs): its themes are all found here.
      const doc = defaultCorpus.docs.find((d) => d.id === essay.id || `${d.id}#1` === essay.id)!;
      expect(covered.map((c) => c.id)).toEqual(expect.arrayContaining(doc.themes));
      for (const m of missing) expect(covered.some((c) => c.id === m.id)).toBe(false);
    });
  }

  it('pins the main themes of 003 (如何当好党支部书记)', () => {
    const text = seeds.find((d) => d.id === '003_34bce22a2a68b5f6')!.text;
    const { covered } = themeCoverage(text);
    const ids = covered.map((c) => c.id);
    for (const id of ['ideological', 'party-affairs', 'center', 'political-theory', 'research-decision', 'vanguard', 'coordination', 'responsibility', 'formalism']) {
      expect(ids).toContain(id);
    }
    const ideo = covered.find((c) => c.id === 'ideological')!;
    expect(text.slice(...ideo.spans[0]!)).toBe('思想政治工作');
  });
});

describe('themeCoverage on drafts', () => {
  const problemsOnly =
    '一、当前党支部工作存在的问题\n（一）理论学习不够深入。部分党员满足于读文件、记笔记，学用脱节。\n（二）组织生活不够规范。“三会一课”时间不固定，内容单一，说起来重要、做起来次要。\n';

  it('suggests the main corpus themes a problems-only draft misses, ranked by corpus use, with 2–3 examples', () => {
    const { covered, missing } = themeReport(problemsOnly);
    expect(covered.map((c) => c.id)).toEqual(expect.arrayContaining(['party-affairs', 'political-theory']));
    const ids = missing.map((m) => m.id);
    for (const id of ['vanguard', 'bastion', 'ideological', 'service']) expect(ids).toContain(id);
    for (let i = 1; i < missing.length; i++) expect(missing[i - 1]!.docs).toBeGreaterThanOrEqual(missing[i]!.docs);
    expect(missing[0]!.id).toBe('vanguard'); // used by all 10 corpus essays
    for (const m of missing) {
      expect(m.examples.length).toBeGreaterThanOrEqual(1);
      expect(m.examples.length).toBeLessThanOrEqual(3);
      expect(m.frequency).toBeGreaterThanOrEqual(0.3);
    }
    expect(missing.filter((m) => m.examples.length >= 2).length).toBeGreaterThanOrEqual(missing.length - 1);
  });

  it('needs a keyword or two related words', () => {
    expect(themeCoverage('要加强学习。').covered.map((c) => c.id)).toEqual(['learning']);
    expect(themeCoverage('我们学习文件。').covered).toEqual([]);
    expect(themeCoverage('我们学习文件，也学习典型。').covered.map((c) => c.id)).toEqual(['learning']);
  });

  it('reports spans in UTF-16 units', () => {
    const text = '𠮷𠮷支部要发挥战斗堡垒作用。';
    const bastion = themeCoverage(text).covered.find((c) => c.id === 'bastion')!;
    expect(bastion.spans).toEqual([[9, 13]]);
    expect(text.slice(9, 13)).toBe('战斗堡垒');
  });

  it('ignores web residue lines', () => {
    expect(themeCoverage('下一篇:加强党员队伍建设的几点思考').covered).toEqual([]);
  });
});

describe('example sentences', () => {
  it('are shown without the slips the engine flags in the reference documents', () => {
    const examples = defaultCorpus.themes.flatMap((t) => t.examples.map((e) => e.text));
    expect(examples.length).toBeGreaterThan(20);
    expect(examples.filter((e) => /發|,|充分的发挥/.test(e))).toEqual([]);
  });
});
