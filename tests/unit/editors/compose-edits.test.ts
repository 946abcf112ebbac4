/**
 * composeEdits (lib/editors/text-model.ts): two edits in a row reported as one, for a surface that was not
 * told about the first (the text was read in between). The result must turn the text before both into
 * the text after both, whatever the edits' order, overlap or distance.
 */
import { describe, expect, it } from 'vitest';
import { composeEdits } from '../../../lib/editors/text-model';
import type { TextEdit } from '../../../lib/editors/shift';

function apply(text: string, e: TextEdit, inserted: string): string {
  return text.slice(0, e.start) + inserted + text.slice(e.oldEnd);
}

describe('composeEdits', () => {
  it('covers both edits, for random edit pairs', () => {
    let seed = 3;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const bad: string[] = [];
    for (let k = 0; k < 3000; k++) {
      const t0 = '甲乙丙丁戊己庚辛壬癸'.repeat(1 + rnd(3)).slice(0, 5 + rnd(25));
      const edit = (t: string): [TextEdit, string] => {
        const start = rnd(t.length + 1);
        const oldEnd = start + rnd(t.length - start + 1);
        const ins = '要'.repeat(rnd(4));
        return [{ start, oldEnd, newEnd: start + ins.length }, ins];
      };
      const [a, insA] = edit(t0);
      const t1 = apply(t0, a, insA);
      const [b, insB] = edit(t1);
      const t2 = apply(t1, b, insB);
      const c = composeEdits(a, b);
      const ok = c.start <= c.oldEnd && c.start <= c.newEnd && c.oldEnd <= t0.length && c.newEnd <= t2.length && apply(t0, c, t2.slice(c.start, c.newEnd)) === t2;
      if (!ok) bad.push(JSON.stringify({ t0, a, b, c }));
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('is the smallest cover of two edits in one place', () => {
    // Typing 要 then 们 after it: one insertion of two characters.
    expect(composeEdits({ start: 4, oldEnd: 4, newEnd: 5 }, { start: 5, oldEnd: 5, newEnd: 6 })).toEqual({ start: 4, oldEnd: 4, newEnd: 6 });
    // A deletion far after an insertion: from the first to the last, in both texts.
    expect(composeEdits({ start: 2, oldEnd: 2, newEnd: 3 }, { start: 10, oldEnd: 12, newEnd: 10 })).toEqual({ start: 2, oldEnd: 11, newEnd: 10 });
  });
});
