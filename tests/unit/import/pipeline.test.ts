import { describe, expect, it } from 'vitest';
import { ImportError } from '@/lib/import/errors';
import { builderSignature, contributionOf, prepareReference, USER_SOURCE } from '@/lib/import/pipeline';
import type { ImportProgress } from '@/lib/import/types';
import { longReferenceText, makeDocx, SMART_PARTY_PARAGRAPHS } from './fixtures';

function recorder() {
  const seen: ImportProgress[] = [];
  return { seen, onProgress: (p: ImportProgress) => seen.push(p) };
}

describe('prepareReference', () => {
  it('turns a .txt file into a document with its own corpus, reporting progress stage by stage', async () => {
    const text = '如何当好党支部书记\n一、当前存在的问题\n一些支部书记政治理论学习不够，理想信念不够坚定。\n二、对策\n要加强理论学习，发挥先锋模范作用。';
    const { seen, onProgress } = recorder();
    const doc = await prepareReference({ type: 'file', name: '我的总结.txt', bytes: new TextEncoder().encode(text) }, { id: 'doc-1', onProgress });
    expect(doc).toMatchObject({ id: 'doc-1', title: '我的总结', kind: 'txt', fileName: '我的总结.txt', text, signature: builderSignature() });
    expect(doc.bytes).toBe(new TextEncoder().encode(text).length);
    expect(doc.corpus.docs.length).toBe(1);
    expect(doc.corpus.docs[0]).toMatchObject({ id: 'doc-1', parent: 'doc-1', source: USER_SOURCE });
    expect(doc.corpus.docs[0]!.roles).toEqual(['problems', 'measures']);
    expect(doc.corpus.docs[0]!.themes).toEqual(expect.arrayContaining(['political-theory', 'vanguard']));
    // Stages in order; fractions within a stage never go back.
    const stages = seen.map((p) => p.stage);
    expect(stages[0]).toBe('read');
    expect(stages.lastIndexOf('read')).toBeLessThan(stages.indexOf('analyse'));
    expect(seen.at(-1)).toEqual({ stage: 'analyse', fraction: 1 });
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc); // plain JSON: crosses message boundaries intact
  });

  it('reads a .docx collection: one corpus document per essay, with what it contributes', async () => {
    const bytes = await makeDocx(SMART_PARTY_PARAGRAPHS);
    const doc = await prepareReference({ type: 'file', name: '智慧党建材料汇编.docx', bytes }, { id: 'smart' });
    expect(doc.kind).toBe('docx');
    expect(doc.text).toBe(SMART_PARTY_PARAGRAPHS.join('\n'));
    expect(doc.corpus.docs.map((d) => d.id)).toEqual(['smart#1', 'smart#2', 'smart#3']);
    const c = contributionOf(doc.corpus);
    expect(c.essays).toBe(3);
    expect(c.themes).toContain('informatization');
    expect(c.roles).toEqual(expect.arrayContaining(['intro', 'problems', 'measures']));
    expect(c.examples).toBeGreaterThan(0);
    expect(c.samplePhrasings).toContain('网上学、网上议、网上办');
  });

  it('takes pasted text with its title, or its first line as the title', async () => {
    const text = '\n  关于加强支部建设的几点思考\n要健全制度，落实“三会一课”。';
    const titled = await prepareReference({ type: 'paste', title: '  支部材料 ', text }, { id: 'p1' });
    expect(titled).toMatchObject({ title: '支部材料', kind: 'paste', fileName: null, text });
    expect(titled.bytes).toBe(new TextEncoder().encode(text).length);
    const untitled = await prepareReference({ type: 'paste', title: '', text }, { id: 'p2' });
    expect(untitled.title).toBe('关于加强支部建设的几点思考');
  });

  it('fails with a code and reports no analysis for malformed input', async () => {
    const { seen, onProgress } = recorder();
    const failure = prepareReference({ type: 'file', name: 'gbk.txt', bytes: new Uint8Array([0xb5, 0xb3, 0xbd, 0xa8]) }, { id: 'x', onProgress });
    await expect(failure).rejects.toBeInstanceOf(ImportError);
    await expect(failure).rejects.toMatchObject({ code: 'not-utf8' });
    expect(seen.some((p) => p.stage === 'analyse')).toBe(false);
    await expect(prepareReference({ type: 'paste', title: 'x', text: '   ' }, { id: 'y' })).rejects.toMatchObject({ code: 'empty' });
    await expect(prepareReference({ type: 'file', name: 'x.docx', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]) }, { id: 'z' })).rejects.toMatchObject({
      code: 'bad-docx',
    });
  });

  // Its speed is measured by `npm run bench` (import target < 1 s).
  it('imports a 100,000-character document as .txt and .docx, with the same text', async () => {
    const text = longReferenceText(100_000);
    expect(text.length).toBe(100_000);
    const txt = await prepareReference({ type: 'file', name: 'long.txt', bytes: new TextEncoder().encode(text) }, { id: 'long' });
    const docx = await prepareReference({ type: 'file', name: 'long.docx', bytes: await makeDocx(text.split('\n')) }, { id: 'long' });
    expect(txt.corpus.docs.length).toBeGreaterThan(0);
    expect(docx.corpus.docs.length).toBe(txt.corpus.docs.length);
  });
});
