import { describe, expect, it } from 'vitest';
import { atBatchLine, lineMemo, withLineBatch } from '../../lib/engine/batch';
import { countScript, lineScriptCounts, simplifiedView } from '../../lib/engine/script';
import { findResidue } from '../../lib/rules/paste-residue';

describe('line batch (shared per-line scans)', () => {
  it('answers only for the line the engine is at, only while the batch runs, and empties after', () => {
    const memo = lineMemo<number>();
    const lines = ['一行', '二行', '三行'];
    memo.set('一行', 1);
    expect(memo.get('一行')).toBeUndefined(); // no batch
    withLineBatch(lines, () => {
      memo.set('一行', 1); // no current line yet
      expect(memo.get('一行')).toBeUndefined();
      atBatchLine(0);
      memo.set('一行', 1);
      memo.set('二行', 2); // not the current line: ignored
      expect(memo.get('一行')).toBe(1);
      atBatchLine(1);
      expect(memo.get('二行')).toBeUndefined();
      expect(memo.get('一行')).toBeUndefined();
      // Equal text but another line of the batch: only the current line answers.
      atBatchLine(0);
      expect(memo.get('一行')).toBe(1);
      expect(memo.get('一行（节选）'.slice(0, 2))).toBe(1); // equal text, another string object
    });
    withLineBatch(lines, () => {
      atBatchLine(0);
      expect(memo.get('一行')).toBeUndefined(); // emptied with the batch
    });
  });

  it('empties the memos when the batch throws, and a nested batch never answers with the outer one’s values', () => {
    const memo = lineMemo<number>();
    expect(() =>
      withLineBatch(['一行'], () => {
        atBatchLine(0);
        memo.set('一行', 1);
        withLineBatch(['其他'], () => {
          atBatchLine(0);
          expect(memo.get('其他')).toBeUndefined();
        });
        expect(memo.get('一行')).toBeUndefined();
        // The outer batch goes on with empty slots: what it stores now is its own, and no other memo sees it.
        const other = lineMemo<string>();
        memo.set('一行', 3);
        expect(memo.get('一行')).toBe(3);
        expect(other.get('一行')).toBeUndefined();
        throw new Error('rule failed');
      }),
    ).toThrow('rule failed');
    withLineBatch(['一行'], () => {
      atBatchLine(0);
      expect(memo.get('一行')).toBeUndefined();
    });
  });

  it('gives the script counts the engine took for a line, and counts other texts itself', () => {
    const lines = ['發展和发展', '皇后和台灣', '全面从严治党', '', '𠮷们'];
    withLineBatch(lines, () => {
      lines.forEach((line, k) => {
        atBatchLine(k);
        simplifiedView(line);
        expect(lineScriptCounts(line)).toEqual(countScript(line));
        expect(lineScriptCounts('這個发展')).toEqual(countScript('這個发展'));
      });
    });
    for (const line of lines) expect(lineScriptCounts(line)).toEqual(countScript(line));
  });

  it('finds the same residue inside a batch (scanned once for the line) as outside', () => {
    const line = '加强党的建设。扫一扫在手机打开当前页';
    const outside = findResidue(line);
    expect(outside.length).toBeGreaterThan(0);
    withLineBatch([line], () => {
      atBatchLine(0);
      const first = findResidue(line);
      expect(first).toEqual(outside);
      expect(findResidue(line)).toBe(first);
    });
  });
});
