import { describe, expect, it } from 'vitest';
import { analyze } from '@/lib/engine';
import type { Issue } from '@/lib/engine/types';
import { charDiff, widthOf, widthPair } from '@/lib/panel/char-diff';
import { contextOf, MAX_MARK } from '@/lib/panel/context';
import { applicable, FOLD_AT, groupIssues, rowsOf } from '@/lib/panel/groups';
import { kindOf } from '@/lib/panel/kinds';
import { previewOf } from '@/lib/panel/preview';
import { headingSkeleton } from '@/lib/panel/skeleton';
import { outlineOf } from '@/lib/corpus/outline';

const issue = (over: Partial<Issue> & Pick<Issue, 'start' | 'end' | 'text'>): Issue => ({
  rule: 'half-width-punct',
  category: 'punctuation',
  severity: 'warning',
  replacements: ['，'],
  message: '应使用全角逗号',
  ...over,
});

describe('kinds', () => {
  it('fold the engine categories into the writers’ groups', () => {
    expect(kindOf('traditional')).toBe('typo');
    expect(kindOf('linebreak')).toBe('spacing');
    expect(kindOf('grammar')).toBe('grammar');
    expect(kindOf('residue')).toBe('residue');
  });
});

describe('groupIssues', () => {
  const text = '一是要要加强学习,二是提高站位,三是狠抓落实,四是的的确保实效。';
  const result = analyze(text);

  it('groups by kind in a fixed order, counts every issue and keeps text order inside a group', () => {
    const groups = groupIssues(result.issues);
    expect(groups.reduce((n, g) => n + g.issues.length, 0)).toBe(result.issues.length);
    const kinds = groups.map((g) => g.kind);
    expect(kinds.indexOf('repetition')).toBeLessThan(kinds.indexOf('punctuation'));
    for (const g of groups) expect(g.issues.map((i) => i.start)).toEqual(g.issues.map((i) => i.start).slice().sort((a, b) => a - b));
  });

  it('folds a run of the same mark (rule, text, fix) of FOLD_AT or more into one row, unless opened', () => {
    const commas = [8, 15, 22].map((start) => issue({ start, end: start + 1, text: ',' }));
    const colon = issue({ start: 30, end: 31, text: ':', replacements: ['：'] });
    const [group] = groupIssues([...commas, colon]);
    expect(group!.runs.map((r) => r.issues.length)).toEqual([3, 1]);
    expect(commas.length).toBe(FOLD_AT);
    const rows = rowsOf(group!);
    expect(rows.map((r) => r.type)).toEqual(['run', 'issue']);
    const opened = rowsOf(group!, new Set([group!.runs[0]!.key]));
    expect(opened.map((r) => (r.type === 'issue' ? r.issue.start : -1))).toEqual([8, 15, 22, 30]);
    // Two alike are not folded.
    expect(rowsOf(groupIssues(commas.slice(0, 2))[0]!).map((r) => r.type)).toEqual(['issue', 'issue']);
  });

  it('apply-all candidates: only issues with a fix, never two overlapping', () => {
    const a = issue({ start: 0, end: 4, text: '要要加强', replacements: ['要加强'] });
    const b = issue({ start: 2, end: 3, text: '加' });
    const c = issue({ start: 6, end: 7, text: 'x', replacements: [] });
    const d = issue({ start: 8, end: 9, text: ',' });
    expect(applicable([d, c, b, a]).map((i) => i.start)).toEqual([0, 8]);
  });
});

describe('contextOf', () => {
  const text = '第一句话到此为止。我们要要认真学习,推动工作！第三句。';
  it('cuts the sentence around the issue at sentence marks and line breaks', () => {
    const start = text.indexOf('要要');
    const c = contextOf(text, start, start + 2);
    expect([c.before, c.mark, c.after]).toEqual(['我们', '要要', '认真学习,推动工作！']);
    expect(c.cutStart || c.cutEnd).toBe(false);
    const lines = '标题\n正文里有,一个逗号\n下一行';
    const i = lines.indexOf(',');
    const d = contextOf(lines, i, i + 1);
    expect(d.before + d.mark + d.after).toBe('正文里有,一个逗号');
  });

  it('keeps a closing quote with its sentence and cuts very long sentences with an ellipsis flag', () => {
    const q = '他说：“要要落实。”然后';
    const s = q.indexOf('要要');
    expect(contextOf(q, s, s + 2).after).toBe('落实。”');
    const long = '甲'.repeat(100) + '错' + '乙'.repeat(100);
    const c = contextOf(long, 100, 101, 10);
    expect(c.before).toBe('甲'.repeat(10));
    expect(c.after).toBe('乙'.repeat(10));
    expect([c.cutStart, c.cutEnd]).toEqual([true, true]);
  });

  it('never splits a surrogate pair and elides a very long mark', () => {
    const text = '𠮷'.repeat(30) + '的的' + '𠮷'.repeat(30);
    const c = contextOf(text, 60, 62, 7);
    expect(c.before.length % 2).toBe(0);
    expect(c.after.length % 2).toBe(0);
    const passage = '重复的段落内容'.repeat(20);
    const m = contextOf(passage, 0, passage.length).mark;
    expect(m.length).toBe(MAX_MARK + 1);
    expect(m).toContain('…');
  });
});

describe('charDiff', () => {
  it('labels a mark that only changes width: half-width before, full-width after', () => {
    const parts = charDiff('作用,推动', '作用，推动');
    expect(parts.filter((p) => p.type !== 'same')).toEqual([
      { type: 'del', text: ',', width: 'half', codes: 'U+002C' },
      { type: 'ins', text: '，', width: 'full', codes: 'U+FF0C' },
    ]);
    expect(charDiff(':', '：').map((p) => p.width)).toEqual(['half', 'full']);
  });

  it('marks the changed characters of a word fix without width labels, and shows invisible ones', () => {
    const parts = charDiff('要要', '要');
    expect(parts).toEqual([
      { type: 'same', text: '要' },
      { type: 'del', text: '要', codes: 'U+8981' },
    ]);
    expect(charDiff('中 国', '中国').find((p) => p.type === 'del')).toMatchObject({ text: '␣', width: 'half' });
    expect(charDiff('一\n二', '一二').find((p) => p.type === 'del')!.text).toBe('↵');
  });

  it('knows width pairs', () => {
    expect(widthPair(',', '，')).toBe(true);
    expect(widthPair('(', '（')).toBe(true);
    expect(widthPair('Ａ', 'A')).toBe(true);
    expect(widthPair(',', '。')).toBe(false);
    expect(widthPair('，', '，')).toBe(false);
    expect(widthOf('，')).toBe('full');
    expect(widthOf(' ')).toBe('half');
  });
});

describe('previewOf', () => {
  it('shows each affected sentence before and after, merging issues in one sentence', () => {
    const text = '第一句,有逗号,两个。第二句没有问题。第三句,也有。';
    const issues = analyze(text).issues.filter((i) => i.rule === 'half-width-punct');
    expect(issues.length).toBe(3);
    const hunks = previewOf(text, issues);
    expect(hunks.map((h) => [h.before, h.after])).toEqual([
      ['第一句,有逗号,两个。', '第一句，有逗号，两个。'],
      ['第三句,也有。', '第三句，也有。'],
    ]);
    expect(hunks.map((h) => h.issues.length)).toEqual([2, 1]);
  });
});

describe('headingSkeleton', () => {
  const text = '关于某事的报告\n一、存在的问题\n问题很多。\n二、对策建议\n要抓落实。';
  const sections = outlineOf(text);
  it('numbers the heading as the one it goes before, on a line of its own', () => {
    const at = text.indexOf('二、对策建议');
    const s = headingSkeleton(text, sections, { example: '二、问题产生的原因', name: '原因分析', insertAt: at });
    expect(s).toEqual({ at, text: '二、问题产生的原因\n', heading: '二、问题产生的原因' });
  });
  it('at the end: one more than the last level-1 heading, after a line break', () => {
    const s = headingSkeleton(text, sections, { example: '结束语', name: '结语', insertAt: text.length });
    expect(s.text).toBe('\n三、结束语');
  });
  it('an unnumbered draft gets an unnumbered heading', () => {
    const plain = '我们学习了很多。\n收获很大。';
    expect(headingSkeleton(plain, outlineOf(plain), { example: '（一）存在的不足', name: '问题', insertAt: plain.length }).heading).toBe('存在的不足');
  });
});
