import { describe, expect, it } from 'vitest';
import { batchOpen, lineMemo, withLineBatch } from '../../lib/engine/batch';
import { countScript, lineScriptCounts, simplifiedView } from '../../lib/engine/script';
import { findResidue } from '../../lib/rules/paste-residue';

describe('line batch (shared per-line scans)', () => {
  it('keeps a memo only while a batch runs, across nested batches, and empties it after', () => {
    const memo = lineMemo<number>();
    expect(batchOpen()).toBe(false);
    withLineBatch(() => {
      expect(batchOpen()).toBe(true);
      memo.set('一行', 1);
      withLineBatch(() => memo.set('二行', 2));
      // The inner batch ending does not empty what the outer one still uses.
      expect(memo.get('一行')).toBe(1);
      expect(memo.get('二行')).toBe(2);
    });
    expect(batchOpen()).toBe(false);
    expect(memo.size).toBe(0);
  });

  it('empties the memos when the batch throws', () => {
    const memo = lineMemo<number>();
    expect(() =>
      withLineBatch(() => {
        memo.set('一行', 1);
        throw new Error('rule failed');
      }),
    ).toThrow('rule failed');
    expect(memo.size).toBe(0);
    expect(batchOpen()).toBe(false);
  });

  it('gives the script counts the engine took for a line, and counts lines it did not see', () => {
    const lines = ['發展和发展', '皇后和台灣', '全面从严治党', '', '𠮷们'];
    withLineBatch(() => {
      for (const line of lines.slice(0, 3)) simplifiedView(line);
      for (const line of lines) expect(lineScriptCounts(line)).toEqual(countScript(line));
    });
    for (const line of lines) expect(lineScriptCounts(line)).toEqual(countScript(line));
  });

  it('gives the same simplified view inside and outside a batch', () => {
    for (const line of ['發展和发展', '全面从严治党', '這個問題']) {
      const outside = simplifiedView(line);
      const inside = withLineBatch(() => simplifiedView(line));
      expect(inside?.text ?? null).toBe(outside?.text ?? null);
    }
  });

  it('finds the same residue inside a batch (once per line) as outside', () => {
    const line = '加强党的建设。扫一扫在手机打开当前页';
    const outside = findResidue(line);
    expect(outside.length).toBeGreaterThan(0);
    withLineBatch(() => {
      const first = findResidue(line);
      expect(first).toEqual(outside);
      expect(findResidue(line)).toBe(first);
    });
  });
});
