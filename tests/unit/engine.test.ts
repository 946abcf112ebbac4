import { describe, expect, it } from 'vitest';
import { applyFixes, applyFixesDetailed, createAnalyzer, type Issue } from '../../lib/engine';
import { defineDocumentRule, defineParagraphRule } from '../../lib/engine/rule';
import { splitParagraphs } from '../../lib/engine/paragraphs';

const doubled = defineParagraphRule({
  meta: { id: 'test-doubled', category: 'repetition', severity: 'error', description: '', fixable: true },
  check(text, report) {
    for (const m of text.matchAll(/要要/g)) report({ start: m.index, end: m.index + 2, message: '重复', replacements: ['要'] });
  },
});

function issue(start: number, end: number, text: string, fix: string): Issue {
  return { rule: 'x', category: 'typo', severity: 'error', start, end, text, replacements: [fix], message: 'm' };
}

describe('splitParagraphs', () => {
  it('keeps exact offsets for LF, CRLF and CR', () => {
    const text = 'a\r\nbb\ncc\rd';
    const ps = splitParagraphs(text);
    expect(ps.map((p) => [p.text, p.start, p.end, p.lineBreak])).toEqual([
      ['a', 0, 1, '\r\n'], ['bb', 3, 5, '\n'], ['cc', 6, 8, '\r'], ['d', 9, 10, ''],
    ]);
    for (const p of ps) expect(text.slice(p.start, p.end)).toBe(p.text);
  });
});

describe('analyzer', () => {
  it('reports absolute UTF-16 offsets across paragraphs and CRLF', () => {
    const text = '𠮷要要\r\n我们要要做';
    const { issues } = createAnalyzer({ rules: [doubled] }).analyze(text);
    expect(issues.map((i) => [i.start, i.end, i.text])).toEqual([[2, 4, "要要"], [8, 10, "要要"]]);
  });

  it('re-checks only the touched paragraph after an edit', () => {
    const analyzer = createAnalyzer({ rules: [doubled] });
    const paras = Array.from({ length: 50 }, (_, i) => `第${i}段要要内容`);
    analyzer.analyze(paras.join('\n'));
    expect(analyzer.lastRecheckedParagraphs).toBe(50);
    paras[7] = '第7段要要内容改';
    const { issues } = analyzer.analyze(paras.join('\n'));
    expect(analyzer.lastRecheckedParagraphs).toBe(1);
    expect(issues).toHaveLength(50);
  });

  it('survives a throwing rule and drops out-of-range or surrogate-splitting reports', () => {
    const bad = defineParagraphRule({
      meta: { id: 'bad', category: 'typo', severity: 'error', description: '', fixable: false },
      check(text, report) {
        report({ start: -1, end: 2, message: 'x' });
        report({ start: 0, end: 1, message: 'half of 𠮷' });
        report({ start: 0, end: text.length + 5, message: 'x' });
        throw new Error('boom');
      },
    });
    const errors: string[] = [];
    const result = createAnalyzer({ rules: [bad, doubled], onRuleError: (id) => errors.push(id) }).analyze('𠮷要要');
    expect(errors).toEqual(['bad']);
    expect(result.issues.map((i) => i.text)).toEqual(['要要']);
  });

  it('passes paragraph boundaries and collected data to document rules', () => {
    const seen: string[] = [];
    const doc = defineDocumentRule<number>({
      meta: { id: 'doc', category: 'structure', severity: 'info', description: '', fixable: false },
      collect: (t) => t.length,
      combine(view, report) {
        seen.push(view.collected.join(','));
        const last = view.paragraphs.at(-1)!;
        report({ start: last.start, end: last.end, message: 'last' });
      },
    });
    const { issues } = createAnalyzer({ rules: [doc] }).analyze('ab\r\ncde');
    expect(seen).toEqual(['2,3']);
    expect(issues[0]).toMatchObject({ start: 4, end: 7, text: 'cde' });
  });

  it('de-duplicates identical reports and sorts by position', () => {
    const twice = defineParagraphRule({ ...doubled, meta: { ...doubled.meta, id: 'twice' } });
    const { issues } = createAnalyzer({ rules: [doubled, twice] }).analyze('要要，再要要');
    expect(issues.map((i) => [i.rule, i.start])).toEqual([['test-doubled', 0], ['test-doubled', 4]]);
  });
});

describe('Paragraph.index', () => {
  it('is the line\'s index in doc.paragraphs after every edit, also for lines a rule kept from earlier calls', async () => {
    const { mulberry32 } = await import('../../scripts/lib/seeds');
    const rand = mulberry32(13);
    const int = (n: number) => Math.floor(rand() * n);
    const held = new Set<import('../../lib/engine/rule').Paragraph>();
    let checked = 0;
    const wrong: string[] = [];
    const probe = defineDocumentRule<string, null>({
      meta: { id: 'test-index', category: 'repetition', severity: 'info', description: '', fixable: false },
      collect: (text) => text,
      combine(doc) {
        doc.paragraphs.forEach((p, i) => {
          checked++;
          if (p.index !== i) wrong.push(`line ${i} says ${p.index}`);
        });
        // A line kept from an earlier call: its index finds it again while it is in the document.
        for (const p of held) {
          const i = p.index!;
          if (doc.paragraphs[i] !== p && doc.paragraphs.includes(p)) wrong.push(`held line at ${doc.paragraphs.indexOf(p)} says ${i}`);
        }
      },
      incremental: {
        summary: () => null,
        add: (_s, _c, line) => void held.add(line),
        remove: (_s, _c, line) => void held.delete(line),
        affected: () => null,
      },
    });
    const analyzer = createAnalyzer({ rules: [probe] });
    let text = Array.from({ length: 40 }, (_, i) => `第${i}行内容`).join('\n');
    analyzer.update(text);
    for (let step = 0; step < 300; step++) {
      const at = int(text.length + 1);
      const kind = int(5);
      if (kind === 0) text = text.slice(0, at) + '\n' + text.slice(at);
      else if (kind === 1) text = text.slice(0, at) + text.slice(at + 1 + int(12));
      else if (kind === 2) text = text.slice(0, at) + '甲\n乙\r\n丙' + text.slice(at);
      else text = text.slice(0, at) + '字' + text.slice(at);
      analyzer.update(text);
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(300 * 20);
  });
});

describe('applyFixes', () => {
  it('applies from the end and skips overlapping or stale fixes', () => {
    const text = '我们要要要做好';
    const a = issue(2, 4, '要要', '要');
    const b = issue(3, 5, '要要', '要');
    const stale = issue(5, 6, '说', '讲');
    const out = applyFixesDetailed(text, [a, b, stale]);
    expect(out.text).toBe('我们要要做好');
    expect(out.applied).toEqual([b]);
    expect(out.skipped).toContain(a);
    expect(out.skipped).toContain(stale);
  });

  it('handles deletions, insertions and surrogate pairs', () => {
    const text = '𠮷的的，展开全部';
    expect(applyFixes(text, [issue(2, 4, '的的', '的'), issue(5, 9, '展开全部', ''), issue(0, 0, '', '【')])).toBe('【𠮷的，');
  });
});

describe('incremental analysis', () => {
  it('gives the same result as a fresh analysis after any sequence of edits', async () => {
    const { readFileSync } = await import('node:fs');
    const { rules } = await import('../../lib/rules');
    const seed = readFileSync(new URL('../fixtures/seeds/001_fe0510cc6dddd132.txt', import.meta.url), 'utf8');
    const analyzer = createAnalyzer({ rules });
    let text = seed;
    let state = 42;
    const random = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    const inserts = ['要', '的的', '\n', '\r\n', ',', ' ', '發', '𠮷', '一、', '展开全部\n'];
    for (let step = 0; step < 60; step++) {
      const at = random(text.length + 1);
      if (random(3) === 0) text = text.slice(0, at) + text.slice(at + 1 + random(5));
      else text = text.slice(0, at) + inserts[random(inserts.length)] + text.slice(at);
      const incremental = analyzer.analyze(text);
      const fresh = createAnalyzer({ rules }).analyze(text);
      expect(incremental).toEqual(fresh);
    }
  });
});

describe('document rule reports carried over an edit', () => {
  it('keeps the numbering reports of a heading whose text (not its marker) is edited, as a fresh analysis finds them', async () => {
    const { default: numbering } = await import('../../lib/rules/heading-numbering');
    let combines = 0;
    const counted = { ...numbering, combine: (...args: Parameters<typeof numbering.combine>) => (combines++, numbering.combine(...args)) };
    const lines = ['一、总体要求', '二、主要任务', '二、保障措施', '（1）加强组织领导', '全年完成投资1.5亿元，同比增长3.2%。', '四、工作要求', '1、明确责任', '2.压实责任'];
    let text = lines.join('\n');
    const analyzer = createAnalyzer({ rules: [counted] });
    const first = analyzer.analyze(text);
    expect(first.issues.length).toBeGreaterThan(2);
    // Typing inside heading texts: no numbering pass, the same reports as a fresh analysis.
    for (const [line, insert] of [[1, '和'], [2, '，加强'], [4, '左右'], [5, '要'], [7, '层层']] as const) {
      const at = text.split('\n').slice(0, line).join('\n').length + (line > 0 ? 1 : 0) + lines[line]!.length;
      text = text.slice(0, at) + insert + text.slice(at);
      combines = 0;
      const incremental = analyzer.analyze(text);
      expect(combines).toBe(0);
      expect(incremental).toEqual(createAnalyzer({ rules: [numbering] }).analyze(text));
    }
    // Edits that change what numbering reads run it again: a number written in a line (三、 between 二、 and
    // 四、), a marker, a line split, a line that now ends mid-sentence before a heading.
    for (const edit of [(t: string) => t.replace('同比', '三、同比'), (t: string) => t.replace('四、', '三、'), (t: string) => t.replace('主要任务', '主要\n任务'), (t: string) => t.replace('保障措施', '保障措施还要进一步加强各项工作的统筹协调推进和督促检查落实到位的')]) {
      text = edit(text);
      combines = 0;
      const incremental = analyzer.analyze(text);
      expect(combines).toBe(1);
      expect(incremental).toEqual(createAnalyzer({ rules: [numbering] }).analyze(text));
    }
  });
});
