import { describe, expect, it } from 'vitest';
import { diffText, shiftForTexts, shiftIssues, shiftOffset } from '../../../lib/editors/shift';

const I = (start: number, end: number, text = '') => ({ start, end, text });

describe('diffText', () => {
  it('finds a single insertion, deletion and replacement', () => {
    expect(diffText('我们学习', '我们认真学习')).toEqual({ start: 2, oldEnd: 2, newEnd: 4 });
    expect(diffText('我们认真学习', '我们学习')).toEqual({ start: 2, oldEnd: 4, newEnd: 2 });
    expect(diffText('全面發挥', '全面发挥')).toEqual({ start: 2, oldEnd: 3, newEnd: 3 });
    expect(diffText('相同', '相同')).toBeNull();
    expect(diffText('', '新')).toEqual({ start: 0, oldEnd: 0, newEnd: 1 });
  });

  it('places an ambiguous insertion where the caret says it happened', () => {
    // Typing 要 after 我要 or before it gives the same text; without a hint the edit sits at the end.
    expect(diffText('我要学习', '我要要学习')).toEqual({ start: 2, oldEnd: 2, newEnd: 3 });
    expect(diffText('我要学习', '我要要学习', 2)).toEqual({ start: 1, oldEnd: 1, newEnd: 2 });
    expect(diffText('我要要学习', '我要学习', 1)).toEqual({ start: 1, oldEnd: 2, newEnd: 1 });
    // A hint outside the possible range is clamped.
    expect(diffText('我要学习', '我要要学习', 99)).toEqual({ start: 2, oldEnd: 2, newEnd: 3 });
  });

  it('never splits a surrogate pair', () => {
    // 𠮷 (D842 DFB7) → 𠮸 (D842 DFB8): the common prefix would end inside the pair.
    expect(diffText('a𠮷b', 'a𠮸b')).toEqual({ start: 1, oldEnd: 3, newEnd: 3 });
  });
});

/** The character-by-character definition diffText must agree with (its substring comparisons are only faster). */
function naiveDiff(oldText: string, newText: string, caretHint?: number) {
  if (oldText === newText) return null;
  const o = oldText.length;
  const n = newText.length;
  const min = Math.min(o, n);
  let p = 0;
  while (p < min && oldText[p] === newText[p]) p++;
  let q = 0;
  while (q < min - p && oldText[o - 1 - q] === newText[n - 1 - q]) q++;
  const high = (c: number) => c >= 0xd800 && c <= 0xdbff;
  const low = (c: number) => c >= 0xdc00 && c <= 0xdfff;
  let start = p;
  if (start > 0 && high(oldText.charCodeAt(start - 1)) && (low(oldText.charCodeAt(start)) || low(newText.charCodeAt(start)))) start--;
  let oldEnd = o - q;
  let newEnd = n - q;
  if (oldEnd < o && low(oldText.charCodeAt(oldEnd)) && oldEnd > start) {
    oldEnd++;
    newEnd++;
  }
  if (caretHint !== undefined && (oldEnd === start || newEnd === start)) {
    let q0 = 0;
    while (q0 < min && oldText[o - 1 - q0] === newText[n - 1 - q0]) q0++;
    const p0 = Math.max(0, min - q0);
    if (p0 < start) {
      const d = Math.abs(n - o);
      const s = Math.max(p0, Math.min(start, n > o ? caretHint - d : caretHint));
      if (s !== start && !low(oldText.charCodeAt(s))) return n > o ? { start: s, oldEnd: s, newEnd: s + d } : { start: s, oldEnd: s + d, newEnd: s };
    }
  }
  return { start, oldEnd, newEnd };
}

describe('diffText on long texts', () => {
  it('agrees with the character-by-character definition for edits anywhere in texts of up to 30,000 characters', () => {
    let seed = 7;
    const rnd = (k: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % k;
    };
    // Few distinct characters, so that repeats around the edit (要要, 。。) are common.
    const alphabet = ['要', '的', '。', '\n', 'a', '𠮷'];
    for (let round = 0; round < 300; round++) {
      const len = [0, 1, 5, 300, 5000, 30_000][rnd(6)]!;
      let old = '';
      while (old.length < len) old += alphabet[rnd(alphabet.length)];
      const at = rnd(old.length + 1);
      const cut = Math.min(old.length - at, rnd(4));
      let inserted = '';
      for (let k = rnd(4); k > 0; k--) inserted += alphabet[rnd(alphabet.length)];
      const now = old.slice(0, at) + inserted + old.slice(at + cut);
      const hint = rnd(3) === 0 ? undefined : Math.min(now.length, at + inserted.length + rnd(3) - 1);
      expect(diffText(old, now, hint), `round ${round}`).toEqual(naiveDiff(old, now, hint));
    }
  });
});

describe('shiftIssues', () => {
  const issues = [I(0, 2, '要要'), I(5, 6, '發'), I(10, 12, '的的')];

  it('keeps issues before the edit, shifts those after, drops touched ones', () => {
    expect(shiftIssues(issues, { start: 7, oldEnd: 7, newEnd: 9 })).toEqual([I(0, 2, '要要'), I(5, 6, '發'), I(12, 14, '的的')]);
    expect(shiftIssues(issues, { start: 1, oldEnd: 1, newEnd: 2 })).toEqual([I(6, 7, '發'), I(11, 13, '的的')]);
    expect(shiftIssues(issues, { start: 3, oldEnd: 9, newEnd: 3 })).toEqual([I(0, 2, '要要'), I(4, 6, '的的')]);
  });

  it('drops issues the edit merely touches (typing right before or after)', () => {
    expect(shiftIssues(issues, { start: 2, oldEnd: 2, newEnd: 3 }).map((i) => i.text)).toEqual(['發', '的的']);
    expect(shiftIssues(issues, { start: 5, oldEnd: 5, newEnd: 6 }).map((i) => i.text)).toEqual(['要要', '的的']);
  });

  it('returns the same objects when nothing moves', () => {
    const out = shiftIssues(issues, { start: 3, oldEnd: 4, newEnd: 4 });
    expect(out[0]).toBe(issues[0]);
    expect(out[1]).toBe(issues[1]);
  });
});

describe('shiftForTexts', () => {
  it('keeps every surviving issue over its own text (random edits)', () => {
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const alphabet = '我们要的的學习發挥，,。\n𠮷';
    for (let round = 0; round < 500; round++) {
      let text = '';
      const len = 5 + rnd(40);
      for (let i = 0; i < len; i++) text += alphabet[rnd(alphabet.length)];
      text = Array.from(text).join('');
      const issues = [];
      for (let k = 0; k < 5; k++) {
        const s = rnd(text.length);
        const e = Math.min(text.length, s + 1 + rnd(3));
        issues.push(I(s, e, text.slice(s, e)));
      }
      const at = rnd(text.length + 1);
      const del = rnd(3);
      const ins = ['', '要', '的的', '\n'][rnd(4)]!;
      const next = text.slice(0, at) + ins + text.slice(at + del);
      for (const i of shiftForTexts(issues, text, next, at + ins.length)) {
        expect(next.slice(i.start, i.end)).toBe(i.text);
      }
    }
  });
});

describe('shiftOffset', () => {
  it('moves offsets after the edit and collapses those inside it to its end', () => {
    const edit = { start: 2, oldEnd: 4, newEnd: 3 };
    expect(shiftOffset(1, edit)).toBe(1);
    expect(shiftOffset(2, edit)).toBe(2);
    expect(shiftOffset(3, edit)).toBe(3);
    expect(shiftOffset(6, edit)).toBe(5);
  });
});
