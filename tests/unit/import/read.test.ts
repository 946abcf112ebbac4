import { describe, expect, it } from 'vitest';
import { ImportError, MAX_FILE_BYTES, MAX_TEXT_CHARS, type ImportErrorCode } from '@/lib/import/errors';
import { decodeUtf8, docxToText, looksBinary, readPastedText, readReferenceFile } from '@/lib/import/read';
import { cutTitle, titleFromFileName, titleFromText } from '@/lib/import/text';
import { makeDocx, makeZip } from './fixtures';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...xs: number[]) => new Uint8Array(xs);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

async function codeOf(run: () => unknown): Promise<ImportErrorCode | 'no error'> {
  try {
    await run();
    return 'no error';
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).code;
  }
}

describe('decodeUtf8 / .txt files', () => {
  const text = '一、加强理论学习\n党支部书记要带头学习𠮷。\r\n';

  it('decodes UTF-8 exactly (CRLF kept, characters outside the BMP kept)', () => {
    expect(decodeUtf8(utf8(text))).toBe(text);
  });

  it('drops one leading BOM, so offsets count from the first real character', () => {
    const withBom = concat(bytes(0xef, 0xbb, 0xbf), utf8(text));
    expect(decodeUtf8(withBom)).toBe(text);
    expect(decodeUtf8(withBom).charCodeAt(0)).toBe('一'.charCodeAt(0));
  });

  it('decodes across slice boundaries and reports progress up to 1', () => {
    // > 1 MB, so the 1 MiB slices cut a 3-byte character somewhere.
    const long = '党'.repeat(400_000);
    const seen: number[] = [];
    expect(decodeUtf8(utf8(long), (f) => seen.push(f))).toBe(long);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  const refused: [string, Uint8Array, ImportErrorCode][] = [
    ['GBK bytes (invalid UTF-8)', bytes(0xb5, 0xb3, 0xbd, 0xa8), 'not-utf8'],
    ['a truncated UTF-8 sequence at the end', concat(utf8('党建'), bytes(0xe5, 0x85)), 'not-utf8'],
    ['an overlong encoding', bytes(0xc0, 0xaf), 'not-utf8'],
    ['UTF-16 LE with BOM', bytes(0xff, 0xfe, 0x5a, 0x51), 'utf16'],
    ['UTF-16 BE with BOM', bytes(0xfe, 0xff, 0x51, 0x5a), 'utf16'],
    ['NUL bytes (binary)', concat(utf8('党建'), bytes(0), utf8('工作')), 'binary'],
    ['control characters (binary)', utf8('\x01\x02\x03\x04党建工作'), 'binary'],
    ['an old Word .doc (OLE)', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0), 'legacy-doc'],
    ['a PDF', utf8('%PDF-1.7\n%âãÏÓ\n'), 'unsupported'],
  ];
  for (const [name, input, code] of refused) {
    it(`refuses ${name}: ${code}`, async () => {
      expect(await codeOf(() => decodeUtf8(input))).toBe(code);
    });
  }

  it('accepts a few control characters in a long text (a stray form feed is not binary)', () => {
    const t = `${'党支部工作'.repeat(400)}\f\x1b`;
    expect(looksBinary(t)).toBe(false);
    expect(decodeUtf8(utf8(t))).toBe(t);
  });
});

describe('readReferenceFile', () => {
  it('reads .txt as text and .docx through mammoth, one Word paragraph per line', async () => {
    expect(await readReferenceFile('总结.txt', utf8('第一段\n第二段'))).toEqual({ text: '第一段\n第二段', kind: 'txt' });
    const docx = await makeDocx(['一、总体要求', '书记要带领大家学习𠮷。', '第三段 结束。']);
    expect(await readReferenceFile('材料.DOCX', docx)).toEqual({ text: '一、总体要求\n书记要带领大家学习𠮷。\n第三段 结束。', kind: 'docx' });
    expect(await docxToText(docx)).toBe('一、总体要求\n书记要带领大家学习𠮷。\n第三段 结束。');
  });

  it('reads a .docx saved with a .txt name by its content', async () => {
    const docx = await makeDocx(['加强制度建设。']);
    expect(await readReferenceFile('误命名.txt', docx)).toEqual({ text: '加强制度建设。', kind: 'docx' });
  });

  it('reports progress while decoding text', async () => {
    const seen: number[] = [];
    await readReferenceFile('a.txt', utf8('党建'), (f) => seen.push(f));
    expect(seen.at(-1)).toBe(1);
  });

  const cases: [string, () => Promise<Uint8Array> | Uint8Array, ImportErrorCode][] = [
    ['an empty .txt', () => new Uint8Array(0), 'empty'],
    ['a .txt with only white space and a BOM', () => concat(bytes(0xef, 0xbb, 0xbf), utf8(' \n\u3000\t\r\n')), 'empty'],
    ['a .docx without text', () => makeDocx([]), 'empty'],
    ['a .docx with only empty paragraphs', () => makeDocx(['', '  ']), 'empty'],
    ['a corrupt .docx (truncated zip)', async () => (await makeDocx(['党建工作要点。'])).slice(0, 60), 'bad-docx'],
    ['a zip that is not a Word document', () => makeZip({ 'readme.txt': 'hello' }), 'bad-docx'],
    ['random bytes named .docx', () => utf8('这不是压缩包'), 'bad-docx'],
    ['an old .doc', () => bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'legacy-doc'],
    ['a file over 5 MB', () => new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61), 'too-large'],
  ];
  const names = ['a.txt', 'b.txt', 'c.docx', 'd.docx', 'e.docx', 'f.docx', 'g.docx', 'h.doc', 'i.txt'];
  cases.forEach(([what, make, code], i) => {
    it(`refuses ${what} (${names[i]}): ${code}`, async () => {
      const input = await make();
      expect(await codeOf(() => readReferenceFile(names[i]!, input))).toBe(code);
    });
  });

  it('refuses other file types by extension', async () => {
    for (const name of ['扫描件.pdf', '图片.png', 'README']) {
      expect(await codeOf(() => readReferenceFile(name, utf8('党建工作')))).toBe('unsupported');
    }
  });
});

describe('pasted text and titles', () => {
  it('keeps pasted text as it is; refuses empty and oversized text', async () => {
    expect(readPastedText(' 一、总体要求\r\n')).toEqual({ text: ' 一、总体要求\r\n', kind: 'paste' });
    expect(await codeOf(() => readPastedText(' \n '))).toBe('empty');
    expect(await codeOf(() => readPastedText('党'.repeat(MAX_TEXT_CHARS + 1)))).toBe('too-large');
  });

  it('derives titles from file names and first lines', () => {
    expect(titleFromFileName('C:\\材料\\2023年支部工作总结.docx')).toBe('2023年支部工作总结');
    expect(titleFromFileName('/tmp/x/报告.v2.txt')).toBe('报告.v2');
    expect(titleFromFileName('.txt')).toBe('.txt');
    expect(titleFromText('\n\n  关于加强党建的思考 \n正文')).toBe('关于加强党建的思考');
    expect(titleFromText(' \n ')).toBe('');
    const long = cutTitle(`${'党'.repeat(98)}𠮷𠮷`);
    expect(long.endsWith('…')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(100);
    expect(/[\ud800-\udbff]…$/.test(long)).toBe(false);
  });
});
