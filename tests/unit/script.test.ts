/**
 * lib/engine/script.ts and the engine's hook: a line holding traditional characters is checked as
 * simplified text, reports map back exactly (UTF-16) and fixes come back in the line's script.
 */
import { describe, expect, it } from 'vitest';
import { Converter } from 'opencc-js';
import { analyze, applyFixes, createAnalyzer, rules } from '../../lib/engine';
import { countScript, simplifiedView, traditionalForms } from '../../lib/engine/script';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rule from '../../lib/rules/traditional-char';
import { loadEcspellTargets, loadSeeds } from '../../scripts/lib/seeds';

const s2t = Converter({ from: 'cn', to: 't' });

describe('simplifiedView', () => {
  it('is null for text without traditional characters', () => {
    expect(simplifiedView('全心全意为人民服务，𠮷。')).toBeNull();
    expect(simplifiedView('')).toBeNull();
  });

  it('converts with phrases and maps offsets one to one when lengths agree', () => {
    const v = simplifiedView('理髮店要保持環境乾淨整潔')!;
    expect(v.text).toBe('理发店要保持环境干净整洁');
    expect(v.traditional).toBe(true);
    for (let i = 0; i <= v.text.length; i++) expect([v.start(i), v.end(i)]).toEqual([i, i]);
  });

  it('maps exactly around a character whose simplified form is outside the BMP', () => {
    const line = '要要㗲發展';
    const v = simplifiedView(line)!;
    expect(v.text).toBe('要要𠵾发展');
    expect(v.text.length).toBe(line.length + 1);
    // 发 is at 4 in the view, at 3 in the line.
    expect([v.start(4), v.end(5)]).toEqual([3, 4]);
    // The astral character maps to the one BMP character as a whole.
    expect([v.start(2), v.end(4)]).toEqual([2, 3]);
  });

  it('writes fixes back in the line’s script', () => {
    const v = simplifiedView('發揮黨員作用，認真的學習學習黨章')!;
    // A copy of text on the line comes back as the line writes it.
    expect(v.restore(12, 16, '学习')).toBe('學習');
    // New text: as the line writes its characters, else OpenCC's default.
    expect(v.restore(0, 2, '发挥')).toBe('發揮');
    expect(v.restore(9, 10, '地')).toBe('地');
    expect(v.restore(9, 10, '')).toBe('');
    expect(v.restore(0, 1, '断')).toBe('斷');
  });

  it('leaves fixes simplified in a simplified line with a stray traditional character', () => {
    const v = simplifiedView('充分發挥党员的作用，不段提高')!;
    expect(v.traditional).toBe(false);
    expect(v.restore(11, 13, '不断')).toBe('不断');
  });

  it('lists the traditional forms of a simplified character, default first', () => {
    expect(traditionalForms('发')).toEqual(['發', '髮']);
    expect(traditionalForms('的')).toEqual(['的']);
  });

  it('counts the scripts', () => {
    expect(countScript('發展和发展')).toEqual({ traditional: 1, simplified: 1 });
    expect(countScript('皇后和台灣')).toEqual({ traditional: 1, simplified: 0 });
  });
});

describe('the engine on traditional text', () => {
  const doc = [
    '一、存在的主要問題',
    '支部要要組織黨員認真的學習黨章黨規，加強黨的建設加強黨的建設，推動工作不段取得新成效。',
    '（二）作風建設有待加強,少數同志滿足於完成任務，發揮黨員先锋模範作用不夠。',
  ].join('\n');

  it('finds slips of every rule as in simplified text, with fixes in traditional characters', () => {
    const issues = analyze(doc).issues.filter((i) => i.replacements.length > 0);
    const got = issues.map((i) => `${i.rule}:${i.text}→${i.replacements[0]}`);
    expect(got).toEqual([
      'repeated-word:要要→要',
      'de-di-de:的→地',
      'repeated-phrase:加強黨的建設→',
      'confusable-word:不段→不斷',
      'half-width-punct:,→，',
      'traditional-char:锋→鋒',
    ]);
    expect(applyFixes(doc, issues)).toBe(
      [
        '一、存在的主要問題',
        '支部要組織黨員認真地學習黨章黨規，加強黨的建設，推動工作不斷取得新成效。',
        '（二）作風建設有待加強，少數同志滿足於完成任務，發揮黨員先鋒模範作用不夠。',
      ].join('\n'),
    );
    const dedide = issues.find((i) => i.rule === 'de-di-de')!;
    expect(dedide.message).toContain('認真');
  });

  it('gives the same issues on the seeds converted to traditional as on the seeds (except the notice)', () => {
    for (const { text: seed } of loadSeeds()) {
    const simplified = analyze(seed).issues.filter((i) => i.rule !== 'traditional-char');
    const converted = analyze(s2t(seed)).issues.filter((i) => i.rule !== 'traditional-char');
    expect(converted.map((i) => [i.rule, i.start, i.end])).toEqual(simplified.map((i) => [i.rule, i.start, i.end]));
    }
  });

  it('keeps the incremental analysis equal to a fresh one while a traditional document is edited', () => {
    const shared = createAnalyzer({ rules });
    let text = doc;
    const edits: Array<(t: string) => string> = [
      (t) => t.replace('認真的', '認真地'),
      (t) => t + '\n堅持黨的全面領導，发揮作用。',
      (t) => t.replace('一、存在的主要問題', '一、存在的主要问题'),
      (t) => t.replace(/[發髮]/g, '发'),
      (t) => t.replace(/\n/g, '\r\n'),
    ];
    for (const edit of edits) {
      text = edit(text);
      expect(JSON.stringify(shared.analyze(text))).toBe(JSON.stringify(createAnalyzer({ rules }).analyze(text)));
    }
  });
});

describe('traditional text made by OpenCC from clean simplified text', () => {
  const clean = [...loadSeeds().map((s) => s.text), loadEcspellTargets().join('\n')];

  it('has no simplified character flagged, in the t, tw and hk standards', () => {
    for (const to of ['t', 'tw', 'hk'] as const) {
      const convert = Converter({ from: 'cn', to });
      for (const text of clean) {
        const flags = createAnalyzer({ rules: [rule] })
          .analyze(convert(text))
          .issues.filter((i) => i.severity !== 'info');
        expect(flags.map((i) => `${to}: ${i.text} → ${i.replacements[0]}`)).toEqual([]);
      }
    }
  });

  it('is fixed into the conversion of the fixed simplified text (the dev drafts)', () => {
    for (const name of ['shuzhi-zhibu', 'xinde-zhutijiaoyu', 'zongjie-lianzheng']) {
      const text = readFileSync(join(import.meta.dirname, '../fixtures/dev', `${name}.txt`), 'utf8');
      const fixed = applyFixes(text, analyze(text).issues);
      const trad = s2t(text);
      expect(applyFixes(trad, analyze(trad).issues), name).toBe(s2t(fixed));
    }
  });
});
