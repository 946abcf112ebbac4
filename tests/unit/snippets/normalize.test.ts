import { describe, expect, it } from 'vitest';
import {
  bodyHash,
  bodyKey,
  checkTags,
  displayTitle,
  MAX_BODY_CHARS,
  MAX_TAG_CHARS,
  MAX_TAGS,
  MAX_TITLE_CHARS,
  mergeSnippet,
  parseTagList,
  prepareSnippet,
  sourceKind,
  type SnippetDraft,
} from '@/lib/snippets';

const NOW = 1_800_000_000_000;

describe('normalising a snippet', () => {
  it('trims, composes to NFC, unifies line breaks, drops control characters', () => {
    // e + combining acute → é; CRLF → LF; BOM and NUL removed.
    const r = prepareSnippet({ title: '  标题\n第二行\t ', body: '\ufeff  第一段\r\n第二段\u0000e\u0301  ', tags: ['#党建', ' 党建 ', '作风建设', ''] }, NOW);
    expect(r).toEqual({
      ok: true,
      value: { title: '标题 第二行', body: '第一段\n第二段é', tags: ['党建', '作风建设'], source: 'manual', createdAt: NOW, updatedAt: NOW, useCount: 0, lastUsedAt: 0 },
    });
  });

  it('enforces the limits, naming each problem in Chinese and English', () => {
    const r = prepareSnippet(
      {
        title: '题'.repeat(MAX_TITLE_CHARS + 1),
        body: '文'.repeat(MAX_BODY_CHARS + 1),
        tags: ['签'.repeat(MAX_TAG_CHARS + 1)],
        source: 'javascript:alert(1)',
        useCount: -1,
      },
      NOW,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.path, p.code])).toEqual([
      ['body', 'too-long'],
      ['title', 'too-long'],
      ['tags[0]', 'too-long'],
      ['source', 'bad-source'],
      ['useCount', 'bad-number'],
    ]);
    expect(r.problems[0]!.zh).toBe(`正文过长（${MAX_BODY_CHARS + 1} 字符），上限为 ${MAX_BODY_CHARS} 字符。`);
    expect(r.problems[0]!.en).toBe(`Body is too long (${MAX_BODY_CHARS + 1} characters; the limit is ${MAX_BODY_CHARS}).`);
    // Exactly at the limits is fine.
    expect(prepareSnippet({ title: '题'.repeat(MAX_TITLE_CHARS), body: '文'.repeat(MAX_BODY_CHARS) }, NOW).ok).toBe(true);
  });

  it('refuses an empty body and wrong types', () => {
    for (const bad of [{ body: '  \n ' }, { body: 3 }, { body: '正文', tags: '党建' }, { body: '正文', tags: [1] }, { body: '正文', title: {} }, null, [], '正文']) {
      expect(prepareSnippet(bad, NOW).ok, JSON.stringify(bad)).toBe(false);
    }
  });

  it('tags: at most 20, deduplicated without regard to case, # and spaces cleaned', () => {
    expect(checkTags(['GDP', 'gdp', '＃统计', '统计'])).toEqual({ ok: true, value: ['GDP', '统计'] });
    const many = Array.from({ length: MAX_TAGS + 1 }, (_, i) => `标签${i}`);
    expect(checkTags(many)).toMatchObject({ ok: false, problems: [{ code: 'too-many', path: 'tags' }] });
    expect(checkTags(many.slice(0, MAX_TAGS)).ok).toBe(true);
    expect(parseTagList('党建，作风建设、 主题教育;；#廉政')).toEqual(['党建', '作风建设', '主题教育', '廉政']);
  });

  it('sources: manual, corpus, a page URL or a reference document id', () => {
    expect(sourceKind('manual')).toBe('manual');
    expect(sourceKind('corpus')).toBe('corpus');
    expect(sourceKind('https://www.example.gov.cn/art/2026/1/1/art_1.html')).toBe('page');
    expect(sourceKind('file:///home/user/文稿.html')).toBe('page');
    expect(sourceKind('0b6d1f3e-9c3a-4d8e-8f21-5a2b7c9d0e11')).toBe('reference');
    for (const bad of ['', 'javascript:void(0)', 'data:text/html,x', 'http://', 'has space', `https://x.cn/${'a'.repeat(3000)}`]) {
      expect(sourceKind(bad), bad).toBeNull();
    }
  });

  it('same body up to whitespace: same key and hash; different bodies differ', () => {
    expect(bodyKey('以党建引领\r\n基层治理  ')).toBe(bodyKey('以党建引领 基层治理'));
    expect(bodyHash('以党建引领\n基层治理')).toBe(bodyHash('以党建引领 基层治理'));
    expect(bodyHash('以党建引领基层治理')).not.toBe(bodyHash('以党建引领基层治理。'));
    expect(bodyHash('要要')).not.toBe(bodyHash('的的'));
  });

  it('display title falls back to the first line of the body', () => {
    expect(displayTitle({ title: '', body: '第一行\n第二行' })).toBe('第一行');
    expect(displayTitle({ title: '', body: '长'.repeat(50) })).toBe(`${'长'.repeat(40)}…`);
    expect(displayTitle({ title: '题', body: '文' })).toBe('题');
  });

  it('merging keeps what the user had, unites tags, and is a no-op the second time', () => {
    const existing: SnippetDraft = { title: '我的标题', body: '正文', tags: ['甲'], source: 'manual', createdAt: 5, updatedAt: 5, useCount: 2, lastUsedAt: 9 };
    const incoming: SnippetDraft = { title: '别的标题', body: '正文', tags: ['乙', '甲'], source: 'corpus', createdAt: 3, updatedAt: 3, useCount: 1, lastUsedAt: 20 };
    const merged = mergeSnippet(existing, incoming)!;
    expect(merged).toEqual({ ...existing, tags: ['甲', '乙'], createdAt: 3, lastUsedAt: 20 });
    expect(mergeSnippet(merged, incoming)).toBeNull();
    expect(mergeSnippet({ ...existing, title: '' }, incoming)!.title).toBe('别的标题');
  });
});
