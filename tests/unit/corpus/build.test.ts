import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  benchDocument,
  buildDefaultFiles,
  CORPUS_JSON,
  loadSeedDocs,
  SEEDS_DIR,
  SET_PHRASES_JSON,
} from '../../../scripts/build-corpus';
import { buildCorpus, mergeCorpora, serializeJson } from '../../../lib/corpus/build';
import { defaultCorpus } from '../../../lib/corpus/default';
import { layoutOf } from '../../../lib/corpus/layout';
import { missingSections, themeCoverage } from '../../../lib/corpus/query';

const seeds = loadSeedDocs();

describe('layout of the messy seed pastes', () => {
  it('splits collections into essays and marks web residue', () => {
    const essays = (id: string) => layoutOf(seeds.find((d) => d.id === id)!.text).essays;
    expect(essays('000_e47277fee5db3365').length).toBe(5);
    expect(essays('004_b3b420117dcbd26e').map((e) => e.title)).toEqual(['浅谈如何做好基层党建工作', '浅谈如何做好基层党建工作']);
    for (const id of ['001_fe0510cc6dddd132', '002_83b45e4dfa1e5ea3', '003_34bce22a2a68b5f6']) expect(essays(id).length).toBe(1);

    const kinds = (id: string) => {
      const l = layoutOf(seeds.find((d) => d.id === id)!.text);
      return { get: (prefix: string) => l.lines.find((x) => x.trimmed.startsWith(prefix))?.kind };
    };
    const k000 = kinds('000_e47277fee5db3365');
    expect(k000.get('【写作参考】阿拉题库漂亮网友')).toBe('residue');
    expect(k000.get('下一篇:一国两制心得体会范')).toBe('residue');
    expect(k000.get('如何提高基层党支部书记的履')).toBe('title');
    const k001 = kinds('001_fe0510cc6dddd132');
    expect(k001.get('浅谈党支部书记如何发挥表率作')).toBe('residue');
    const k002 = kinds('002_83b45e4dfa1e5ea3');
    expect(k002.get('摘要:国有企业正处在转型深入')).toBe('front');
    expect(k002.get('[1]刘永谋.党支部书记的工')).toBe('reference');
    expect(kinds('003_34bce22a2a68b5f6').get('如何当好党支部书记党支部作')).toBe('preview');
    const l004 = layoutOf(seeds.find((d) => d.id === '004_b3b420117dcbd26e')!.text);
    expect(l004.lines.filter((x) => x.dup).length).toBe(5);
    expect(l004.lines.filter((x) => x.kind === 'separator').length).toBe(2);
    expect(l004.lines.filter((x) => x.kind === 'residue').map((x) => x.trimmed)).toContain('你对这个回答的评价是?');
  });
});

describe('the default corpus', () => {
  it('ships the seeds as data: lib/corpus/seeds equals tests/fixtures/seeds', () => {
    const fixtures = join(__dirname, '../../fixtures/seeds');
    const names = readdirSync(fixtures).filter((f) => f.endsWith('.txt')).sort();
    expect(readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort()).toEqual(names);
    for (const f of names) expect(readFileSync(join(SEEDS_DIR, f), 'utf8')).toBe(readFileSync(join(fixtures, f), 'utf8'));
  });

  it('is deterministic: two builds give byte-identical JSON', () => {
    const a = buildDefaultFiles();
    const b = buildDefaultFiles();
    expect(a.corpus).toBe(b.corpus);
    expect(a.setPhrases).toBe(b.setPhrases);
    expect(JSON.parse(a.corpus)).toEqual(buildCorpus(seeds));
  });

  it('is up to date: the checked-in JSON equals a fresh build (run `npm run corpus` after editing seeds or curated data)', () => {
    const fresh = buildDefaultFiles();
    expect(readFileSync(CORPUS_JSON, 'utf8') === fresh.corpus, 'lib/corpus/generated/corpus.json is stale').toBe(true);
    expect(readFileSync(SET_PHRASES_JSON, 'utf8') === fresh.setPhrases, 'lib/corpus/generated/set-phrases.json is stale').toBe(true);
  });

  it('stays compact', () => {
    expect(readFileSync(CORPUS_JSON).length).toBeLessThan(120_000);
    expect(readFileSync(SET_PHRASES_JSON).length).toBeLessThan(4_000);
  });

  it('has one document per essay with its roles and themes', () => {
    expect(defaultCorpus.docs.map((d) => d.id)).toEqual([
      '000_e47277fee5db3365#1', '000_e47277fee5db3365#2', '000_e47277fee5db3365#3', '000_e47277fee5db3365#4', '000_e47277fee5db3365#5',
      '001_fe0510cc6dddd132', '002_83b45e4dfa1e5ea3', '003_34bce22a2a68b5f6', '004_b3b420117dcbd26e#1', '004_b3b420117dcbd26e#2',
    ]);
    expect(defaultCorpus.docs.map((d) => d.roles.join(','))).toEqual([
      'measures',
      'intro,problems,causes,measures,conclusion',
      'intro,measures,problems',
      'intro,problems,causes,measures,conclusion',
      'intro,measures',
      'intro,measures',
      'intro,problems,measures,conclusion',
      'intro,problems,causes,measures',
      'intro,measures',
      'intro,problems',
    ]);
    const { order, usual, roles } = defaultCorpus.sections;
    expect(order).toEqual(['intro', 'problems', 'causes', 'measures', 'conclusion']);
    expect(usual).toEqual(['intro', 'problems', 'causes', 'measures', 'conclusion']);
    expect(roles.map((r) => [r.role, r.docs])).toEqual([['intro', 9], ['problems', 6], ['causes', 3], ['measures', 9], ['conclusion', 3]]);
    const wordings = (role: string) => roles.find((r) => r.role === role)!.wordings.map((w) => w.pattern);
    expect(wordings('problems')).toContain('当前……存在的问题');
    expect(wordings('causes')).toContain('……产生问题的原因……');
    expect(wordings('measures')).toEqual(expect.arrayContaining(['如何提高……', '对策']));
  });
});

// Build times are measured by `npm run bench` (targets: 5 seeds < 2 s, a 100,000-character import < 1 s).
describe('large documents', () => {
  it('builds a 100,000-character document (one essay, and a collection of near-duplicates)', () => {
    const single = benchDocument();
    expect(single.length).toBe(100_000);
    let collection = '';
    while (collection.length < 100_000) collection += `${seeds.map((d) => d.text).join('\n')}\n`;
    collection = collection.slice(0, 100_000);
    for (const text of [single, collection]) {
      const c = buildCorpus([{ id: 'user-1', title: '', text, source: 'user' }]);
      expect(c.docs.length).toBeGreaterThan(0);
    }
  });
});

describe('mergeCorpora', () => {
  const userText =
    '关于加强支部标准化建设的思考\n支部标准化建设是夯实党的执政基础的重要举措，必须常抓不懈。\n一、存在的问题\n（一）党员先锋模范作用发挥不够。部分党员满足于完成本职工作。\n二、原因分析\n（一）教育培训不到位。培训内容陈旧，形式单一。\n三、对策建议\n（一）发挥党员先锋模范作用。要说起来重要、做起来次要、忙起来不要的现象坚决纠正，在学习上下真功夫、苦功夫、细功夫。\n';
  const user = buildCorpus([{ id: 'user-1', title: '', text: userText, source: 'user' }]);
  const merged = mergeCorpora(defaultCorpus, user);

  it('appends the documents and shifts their passage references', () => {
    expect(merged.docs.length).toBe(defaultCorpus.docs.length + 1);
    expect(merged.docs.at(-1)!.id).toBe('user-1');
    const n = defaultCorpus.docs.length;
    const vanguard = merged.themes.find((t) => t.id === 'vanguard')!;
    expect(vanguard.docs).toBe(defaultCorpus.themes.find((t) => t.id === 'vanguard')!.docs + 1);
    const userPassages = vanguard.passages.filter(([d]) => d === n);
    expect(userPassages.length).toBeGreaterThan(0);
    for (const [, s, e] of userPassages) expect(userText.slice(s, e)).toMatch(/先锋模范|带头/);
  });

  it('adds up enumerations and role statistics', () => {
    const shuo = merged.enumerations.find((e) => e.text === '说起来重要、做起来次要、忙起来不要')!;
    expect(shuo.docs).toBe(3);
    expect(merged.sections.roles.find((r) => r.role === 'causes')!.docs).toBe(4);
    expect(merged.sections.headings.filter((h) => h.doc === defaultCorpus.docs.length).map((h) => h.title)).toEqual(['存在的问题', '原因分析', '对策建议']);
  });

  it('keeps the default corpus usual sections however many imported documents lack them', () => {
    const bare = '关于支部建设的几点思考\n一、加强理论学习\n支部书记要带头学习党的创新理论。\n二、健全工作制度\n要完善三会一课制度。\n';
    let corpus = defaultCorpus;
    for (let i = 0; i < 8; i++) corpus = mergeCorpora(corpus, buildCorpus([{ id: `bare-${i}`, title: '', text: bare, source: 'user' }]));
    const causes = corpus.sections.roles.find((r) => r.role === 'causes')!;
    expect(causes.frequency).toBeLessThan(0.25);
    expect(corpus.sections.usual).toEqual(expect.arrayContaining(defaultCorpus.sections.usual));
    expect(missingSections('一、存在的问题\n有的党员学习不够。\n', corpus).map((m) => m.role)).toContain('causes');
  });

  it('is neutral with an empty corpus, and the queries accept the merged corpus', () => {
    const empty = buildCorpus([]);
    expect(serializeJson(mergeCorpora(defaultCorpus, empty))).toBe(serializeJson(defaultCorpus));
    expect(serializeJson(mergeCorpora(empty, defaultCorpus))).toBe(serializeJson(defaultCorpus));
    expect(missingSections('一、存在的问题\n有的党员学习不够。\n', merged).map((m) => m.role)).toEqual(['intro', 'causes', 'measures', 'conclusion']);
    expect(themeCoverage('要发挥战斗堡垒作用。', merged).covered.map((c) => c.id)).toEqual(['bastion']);
  });
});

describe('purity', () => {
  it('lib/corpus uses no DOM, browser, Preact or Dexie API', () => {
    const dir = join(__dirname, '../../../lib/corpus');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const src = readFileSync(join(dir, f), 'utf8');
      expect(src, f).not.toMatch(/from ['"](dexie|preact|wxt|node:|fs|path)|\b(window|document|chrome|browser|indexedDB|localStorage)\./);
    }
  });

  it('the rule entry point does not load the corpus JSON', () => {
    const dir = join(__dirname, '../../../lib/corpus');
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = readFileSync(join(dir, file), 'utf8');
      for (const m of src.matchAll(/^import (?!type )[^;]*from '\.\/([\w/.-]+)'/gm)) visit(m[1]!.endsWith('.json') ? m[1]! : `${m[1]}.ts`);
    };
    visit('set-phrases.ts');
    expect([...seen].sort()).toEqual(['chars.ts', 'enumerations.ts', 'generated/set-phrases.json', 'set-phrases.ts']);
  });
});
