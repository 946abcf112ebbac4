import { describe, expect, it } from 'vitest';
import { defaultCorpus } from '@/lib/corpus/default';
import { THEMES } from '@/lib/corpus/curated';
import { isSnippetPhrasing, prepareSnippet, SET_PHRASE_TAG, starterPack } from '@/lib/snippets';
import type { CorpusData } from '@/lib/corpus/types';

describe('starter pack', () => {
  const pack = starterPack(defaultCorpus, { now: 5 });

  it('holds the curated set phrasings, tagged as set phrasings', () => {
    const sixiang = pack.find((s) => s.body === '政治意识、大局意识、核心意识、看齐意识');
    expect(sixiang).toMatchObject({ title: '四个意识', source: 'corpus', createdAt: 5 });
    expect(sixiang!.tags[0]).toBe(SET_PHRASE_TAG);
  });

  it('holds recurring phrasings grouped by theme names', () => {
    const themeNames = new Set(THEMES.map((t) => t.name));
    const byTheme = pack.filter((s) => s.tags.some((t) => themeNames.has(t)));
    expect(byTheme.length).toBeGreaterThan(30);
    // Every theme of the corpus that has usable phrasings shows up as a tag.
    const withPhrasings = defaultCorpus.themes.filter((t) => t.phrasings.some(isSnippetPhrasing)).map((t) => THEMES.find((c) => c.id === t.id)!.name);
    for (const name of withPhrasings) expect(pack.some((s) => s.tags.includes(name)), name).toBe(true);
  });

  it('every entry is a valid snippet and bodies are unique', () => {
    for (const s of pack) expect(prepareSnippet(s, 0), s.body).toMatchObject({ ok: true, value: s });
    expect(new Set(pack.map((s) => s.body)).size).toBe(pack.length);
  });

  it('leaves out cuts through sentences', () => {
    // Edges on function words, a word-final suffix at the start, clause punctuation, too short or long.
    for (const bad of ['对党务工作', '服务的', '力和战斗力', '在单位工作中能否发挥作用', '加强学习，提高能力', '党建', '支部书记在具体工作中要能够学以致用']) {
      expect(isSnippetPhrasing(bad), bad).toBe(false);
    }
    for (const good of ['凝聚力和战斗力', '先锋模范作用', '认识问题、分析问题、解决问题', '得过且过']) expect(isSnippetPhrasing(good), good).toBe(true);
  });

  it('drops a phrasing that only ever occurs inside a longer recurring one', () => {
    const corpus: CorpusData = {
      ...defaultCorpus,
      enumerations: [],
      phrases: [
        { text: '支部工作条例', docs: 3, count: 4, sources: [] },
        { text: '贯彻支部工作条例', docs: 3, count: 4, sources: [] },
        { text: '工作条例', docs: 3, count: 6, sources: [] },
      ],
      themes: [{ ...defaultCorpus.themes[0]!, phrasings: ['支部工作条例', '贯彻支部工作条例', '工作条例'] }],
    };
    const bodies = starterPack(corpus, { enumerations: [] }).map((s) => s.body);
    expect(bodies).toEqual(['贯彻支部工作条例', '工作条例']);
  });
});
