import { describe, expect, it } from 'vitest';
import {
  exportSnippets,
  MAX_FILE_CHARS,
  MAX_PROBLEMS,
  MAX_SNIPPETS,
  parseSnippetFile,
  serializeSnippetFile,
  SNIPPET_FILE_FORMAT,
  summarizeProblems,
  type Snippet,
} from '@/lib/snippets';

const NOW = 1_800_000_000_000;
const file = (snippets: unknown, extra: Record<string, unknown> = {}) => ({ format: SNIPPET_FILE_FORMAT, version: 1, snippets, ...extra });

describe('snippets file', () => {
  it('round-trips an export (without ids)', () => {
    const snippets: Snippet[] = [
      { id: 7, title: '两个维护', body: '坚决做到“两个维护”。', tags: ['政治建设'], source: 'manual', createdAt: 2, updatedAt: 3, useCount: 4, lastUsedAt: 5 },
      { id: 3, title: '', body: '以党建引领基层治理。', tags: [], source: 'https://example.org/a', createdAt: 1, updatedAt: 1, useCount: 0, lastUsedAt: 0 },
    ];
    const exported = exportSnippets(snippets, NOW);
    expect(exported.exportedAt).toBe(new Date(NOW).toISOString());
    expect(exported.snippets.map((s) => s.body)).toEqual(['以党建引领基层治理。', '坚决做到“两个维护”。']);
    expect(JSON.stringify(exported)).not.toContain('"id"');
    const text = serializeSnippetFile(exported);
    expect(JSON.parse(text)).toEqual(exported);
    const parsed = parseSnippetFile(text, NOW);
    expect(parsed).toEqual({ ok: true, value: { snippets: exported.snippets, mergedInFile: 0 } });
  });

  it('accepts a minimal file: only bodies, a BOM, defaults filled', () => {
    const r = parseSnippetFile(`\ufeff${JSON.stringify(file([{ body: '全面从严治党' }]))}`, NOW);
    expect(r).toEqual({
      ok: true,
      value: { snippets: [{ title: '', body: '全面从严治党', tags: [], source: 'manual', createdAt: NOW, updatedAt: NOW, useCount: 0, lastUsedAt: 0 }], mergedInFile: 0 },
    });
  });

  it('merges duplicate bodies inside the file', () => {
    const r = parseSnippetFile(file([{ body: '守正创新', tags: ['甲'] }, { body: ' 守正创新 ', title: '题', tags: ['乙'] }]), NOW);
    expect(r.ok && r.value).toMatchObject({ snippets: [{ body: '守正创新', title: '题', tags: ['甲', '乙'] }], mergedInFile: 1 });
  });

  it('refuses the file as a whole, listing every problem with its place, in both languages', () => {
    const r = parseSnippetFile(
      file([{ body: '好的一条' }, { body: '' }, { title: 5, body: '正文' }, 'x', { body: '正文', tags: ['a'.repeat(31)] }]),
      NOW,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.path, p.code])).toEqual([
      ['snippets[1].body', 'empty'],
      ['snippets[2].title', 'type'],
      ['snippets[3]', 'not-object'],
      ['snippets[4].tags[0]', 'too-long'],
    ]);
    expect(r.problems[0]!.zh).toBe('第 2 条常用语的正文不能为空。');
    expect(r.problems[0]!.en).toBe('Snippet 2 body must not be empty.');
    expect(r.problems[3]!.zh).toBe('第 5 条常用语的第 1 个标签过长（31 字符），上限为 30 字符。');
    expect(summarizeProblems(r.problems, 'zh', 2).split('\n')).toEqual(['第 2 条常用语的正文不能为空。', '第 3 条常用语的标题应为文本。', '……另有 2 处问题。']);
  });

  it('refuses what is not a snippets file, or a newer one', () => {
    const codes = (input: unknown) => {
      const r = parseSnippetFile(input, NOW);
      return r.ok ? null : r.problems.map((p) => p.code);
    };
    expect(codes('{not json')).toEqual(['not-json']);
    expect(codes('[]')).toEqual(['not-object']);
    expect(codes({ format: 'other', version: 1, snippets: [] })).toEqual(['wrong-format']);
    expect(codes(file([], { version: 2 }))).toEqual(['newer-version']);
    expect(codes(file([], { version: 1.5 }))).toEqual(['bad-version']);
    expect(codes(file({}))).toEqual(['type']);
    expect(codes(file([]))).toBeNull();
  });

  it('bounds sizes before walking: file length, snippet count, problem list', () => {
    expect(parseSnippetFile(' '.repeat(MAX_FILE_CHARS + 1), NOW)).toMatchObject({ ok: false, problems: [{ code: 'too-large' }] });
    const tooMany = new Array(MAX_SNIPPETS + 1).fill({ body: '一' });
    expect(parseSnippetFile(file(tooMany), NOW)).toMatchObject({ ok: false, problems: [{ code: 'too-many', path: 'snippets' }] });
    const r = parseSnippetFile(file(new Array(500).fill({ body: '' })), NOW);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(r.problems.at(-1)!.zh).toBe('……另有 400 处问题未列出。');
  });
});
