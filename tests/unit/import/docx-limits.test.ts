import { describe, expect, it } from 'vitest';
import { checkDocxLimits, DOCX_LIMITS } from '@/lib/import/docx-limits';
import { ImportError, type ImportErrorCode } from '@/lib/import/errors';
import { prepareReference } from '@/lib/import/pipeline';
import { docxToText, readReferenceFile } from '@/lib/import/read';
import { makeDocx } from './fixtures';
import { paragraphBomb, rawZip, repeatedBodyDocx } from './zip-bombs';

async function failure(run: () => Promise<unknown>): Promise<{ code: ImportErrorCode | 'no error'; detail: string }> {
  try {
    await run();
    return { code: 'no error', detail: '' };
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return { code: (error as ImportError).code, detail: (error as ImportError).detail };
  }
}

describe('.docx bounds, checked before mammoth', () => {
  it('pass a real document and count what is in it', async () => {
    const paragraphs = ['一、总体要求', '党支部书记要带头学习。', '二、主要措施'];
    const stats = await checkDocxLimits(await makeDocx(paragraphs));
    expect(stats.paragraphs).toBe(3);
    expect(stats.elements).toBeGreaterThan(3 * 3);
    expect(stats.entries).toBe(5); // three parts and JSZip's two folder entries
    // The same document in a hand-written zip, deflated and stored: the same counts.
    const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
    expect((await checkDocxLimits(repeatedBodyDocx(body, 1))).paragraphs).toBe(3);
    expect(await docxToText(repeatedBodyDocx(body, 2))).toBe([...paragraphs, ...paragraphs].join('\n'));
  });

  it('count paragraphs under any namespace prefix, and tags cut across inflate chunks', async () => {
    // 40,000 paragraphs: inflated output arrives in many chunks, so tags are cut at chunk ends.
    const stats = await checkDocxLimits(repeatedBodyDocx('<x:p xml:space="preserve"><x:pPr/><x:r><x:t>党</x:t></x:r></x:p>', 40_000));
    expect(stats.paragraphs).toBe(40_000);
    // document + body + 5 per paragraph (p, pPr, r, t) … + the two small parts' elements.
    expect(stats.elements).toBeGreaterThanOrEqual(2 + 40_000 * 4);
  });

  it('refuse the review’s bomb (5 M tiny paragraphs in half a megabyte) from its zip directory, before inflating', async () => {
    const bomb = paragraphBomb();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const { code, detail } = await failure(() => checkDocxLimits(bomb));
    expect(code).toBe('too-complex');
    expect(detail).toMatch(/unzips to 17\d{7} bytes/);
    // Through the options page's pipeline (the worker runs exactly this) and its file reader.
    expect((await failure(() => readReferenceFile('炸弹.docx', bomb))).code).toBe('too-complex');
    expect((await failure(() => prepareReference({ type: 'file', name: '炸弹.docx', bytes: bomb }, { id: 'x' }))).code).toBe('too-complex');
  });

  it('refuse a bomb whose headers lie about its size: inflation stops at the declared size', async () => {
    const liar = repeatedBodyDocx('<w:p><w:r><w:t>x</w:t></w:r></w:p>', 1_000_000, { declaredSize: 1000 });
    const { code, detail } = await failure(() => checkDocxLimits(liar));
    expect(code).toBe('bad-docx');
    expect(detail).toMatch(/more than it declares/);
  });

  it('refuse too many paragraphs or elements within the unzipped limit', async () => {
    const paragraphs = await failure(() => checkDocxLimits(repeatedBodyDocx('<w:p/>', DOCX_LIMITS.paragraphs + 1)));
    expect(paragraphs).toEqual({ code: 'too-complex', detail: `more than ${DOCX_LIMITS.paragraphs} paragraphs` });
    const runs = await failure(() => checkDocxLimits(repeatedBodyDocx('<w:r/>', DOCX_LIMITS.elements)));
    expect(runs).toEqual({ code: 'too-complex', detail: `more than ${DOCX_LIMITS.elements} XML elements` });
    // Stored, not deflated: counted all the same.
    const stored = rawZip([{ name: 'word/document.xml', data: Buffer.alloc(6 * (DOCX_LIMITS.paragraphs + 1), '<w:p/>'), method: 0 }]);
    expect((await failure(() => checkDocxLimits(stored))).code).toBe('too-complex');
  });

  it('refuse many entries, huge totals over several parts, and broken zips', async () => {
    const many = rawZip(Array.from({ length: DOCX_LIMITS.entries + 1 }, (_, i) => ({ name: `f${i}.xml`, data: new Uint8Array(0) })));
    expect((await failure(() => checkDocxLimits(many))).code).toBe('too-complex');
    const parts = rawZip(Array.from({ length: 5 }, (_, i) => ({ name: `word/part${i}.bin`, data: Buffer.alloc(DOCX_LIMITS.unzippedBytes / 4, 'a') })));
    expect((await failure(() => checkDocxLimits(parts))).code).toBe('too-complex');
    const good = await makeDocx(['正文']);
    expect((await failure(() => checkDocxLimits(good.subarray(0, good.length - 30)))).code).toBe('bad-docx');
    const corrupt = rawZip([{ name: 'word/document.xml', data: Buffer.from('<w:p/>'.repeat(100)) }]);
    corrupt.fill(0xff, 40, 60); // inside the deflated data
    expect((await failure(() => checkDocxLimits(corrupt))).code).toBe('bad-docx');
  });
});
