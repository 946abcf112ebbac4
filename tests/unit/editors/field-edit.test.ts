import { describe, expect, it } from 'vitest';
import { editAtCaret, mayMoveCaret, WINDOW } from '../../../lib/editors/field-edit';
import type { TextEdit } from '../../../lib/editors/shift';

const apply = (old: string, e: TextEdit, now: string) => old.slice(0, e.start) + now.slice(e.start, e.newEnd) + old.slice(e.oldEnd);
const typed = (data: string | null, inputType = 'insertText') => ({ inputType, data });

describe('editAtCaret', () => {
  const old = '我们要认真学习贯彻会议精神，推动工作落实。';

  it('takes a typed character at the caret', () => {
    const now = old.slice(0, 5) + '地' + old.slice(5);
    expect(editAtCaret(old, now, 5, typed('地'))).toEqual({ start: 5, oldEnd: 5, newEnd: 6 });
    // At either end of the text.
    expect(editAtCaret(old, `党${old}`, 0, typed('党'))).toEqual({ start: 0, oldEnd: 0, newEnd: 1 });
    expect(editAtCaret(old, `${old}党`, old.length, typed('党'))).toEqual({ start: old.length, oldEnd: old.length, newEnd: old.length + 1 });
  });

  it('takes a committed composition, a paste and Enter', () => {
    const now = old.slice(0, 3) + '进一步' + old.slice(3);
    expect(editAtCaret(old, now, 3, typed('进一步', 'insertCompositionText'))).toEqual({ start: 3, oldEnd: 3, newEnd: 6 });
    expect(editAtCaret(old, now, 3, typed('进一步', 'insertFromPaste'))).toEqual({ start: 3, oldEnd: 3, newEnd: 6 });
    const broken = `${old.slice(0, 7)}\n${old.slice(7)}`;
    expect(editAtCaret(old, broken, 7, typed(null, 'insertLineBreak'))).toEqual({ start: 7, oldEnd: 7, newEnd: 8 });
  });

  it('takes a deletion before or after the caret', () => {
    const now = old.slice(0, 4) + old.slice(5);
    expect(editAtCaret(old, now, 5, typed(null, 'deleteContentBackward'))).toEqual({ start: 4, oldEnd: 5, newEnd: 4 });
    expect(editAtCaret(old, now, 4, typed(null, 'deleteContentForward'))).toEqual({ start: 4, oldEnd: 5, newEnd: 4 });
    // A character outside the BMP goes as a whole pair.
    const wide = '团结𠮷奋斗';
    expect(editAtCaret(wide, '团结奋斗', 4, typed(null, 'deleteContentBackward'))).toEqual({ start: 2, oldEnd: 4, newEnd: 2 });
  });

  it('refuses what the event does not explain', () => {
    const now = old.slice(0, 5) + '地' + old.slice(5);
    // The caret was elsewhere (the writer clicked; the page moved it).
    expect(editAtCaret(old, now, 9, typed('地'))).toBeNull();
    // The data is not what was inserted, or the length changed by something else.
    expect(editAtCaret(old, now, 5, typed('的'))).toBeNull();
    expect(editAtCaret(old, now, 5, typed('地地'))).toBeNull();
    // A selection was replaced (length differs from the data's).
    expect(editAtCaret(old, old.slice(0, 5) + '地' + old.slice(7), 5, typed('地'))).toBeNull();
    // Undo, redo, drop and unknown types go to the full comparison.
    expect(editAtCaret(old, now, 5, typed(null, 'historyUndo'))).toBeNull();
    expect(editAtCaret(old, now, 5, typed('地', 'formatBold'))).toBeNull();
    // A deletion of a different size than the length change says, or past the text.
    expect(editAtCaret(old, old.slice(1), 0, typed(null, 'deleteContentBackward'))).toBeNull();
    expect(editAtCaret(old, old.slice(0, -1), old.length, typed(null, 'deleteContentForward'))).toBeNull();
    // Between the halves of a surrogate pair.
    expect(editAtCaret('a𠮷b', 'a\ud842x\udfb7b', 2, typed('x'))).toBeNull();
  });

  it('refuses a change that the windows cannot place: a run repeating the change on a whole side', () => {
    // 600 dashes, and a dash typed somewhere in them: wherever it went, the windows around any caret
    // inside the run look the same, so only the full comparison may say.
    const run = `开头${'—'.repeat(600)}结尾`;
    const now = `开头${'—'.repeat(601)}结尾`;
    expect(editAtCaret(run, now, 300, typed('—'))).toBeNull();
    // The caret deep in a run, the change really outside it: refused on either side.
    const left = `xy${'a'.repeat(400)}`;
    expect(editAtCaret(left, `a${left}`, left.length, typed('a'))).toBeNull();
    const right = `${'a'.repeat(400)}xy`;
    expect(editAtCaret(right, `${'a'.repeat(400)}xay`, 0, typed('a'))).toBeNull();
    expect(editAtCaret(right, `${'a'.repeat(400)}y`, 0, typed(null, 'deleteContentForward'))).toBeNull();
    // A shorter run: both windows reach past it, so the change is inside them. Wherever in the run it
    // went, the text is the same; it is placed at the caret (like 要 typed after 要).
    const short = `开头${'—'.repeat(100)}结尾`;
    const longer = `开头${'—'.repeat(101)}结尾`;
    const e = editAtCaret(short, longer, 40, typed('—'));
    expect(e).toEqual({ start: 40, oldEnd: 40, newEnd: 41 });
    expect(apply(short, e!, longer)).toBe(longer);
  });

  it('never describes a different text than the real one (random texts, edits and stale carets)', () => {
    // mulberry32 (the low bits of a power-of-two LCG alternate, which would pair up the choices below).
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (((t ^ (t >>> 14)) >>> 0) % n);
    };
    // Small alphabets make repeats (and wrong carets that still fit nearby) frequent.
    const alphabets = ['ab', '要的', 'abc\n', '党建工作要落实。', '—'];
    let accepted = 0;
    for (let k = 0; k < 6000; k++) {
      const abc = alphabets[rand(alphabets.length)]!;
      const len = rand(3) === 0 ? WINDOW * 3 + rand(200) : rand(40);
      let old = '';
      for (let i = 0; i < len; i++) old += abc[rand(abc.length)];
      if (rand(4) === 0) old = abc[0]!.repeat(len);
      // A run longer than the window inside other text: a change elsewhere must not pass for one in it.
      if (rand(4) === 0) old = old.slice(0, 20) + abc[0]!.repeat(WINDOW + 1 + rand(300)) + old.slice(20);
      const at = rand(old.length + 1);
      // The caret we believe: mostly right, sometimes stale (near or far).
      const caret = rand(3) === 0 ? rand(old.length + 1) : at;
      let now: string;
      let hint;
      if (rand(2) === 0) {
        let data = '';
        for (let i = 0, n = 1 + rand(3); i < n; i++) data += abc[rand(abc.length)];
        now = old.slice(0, at) + data + old.slice(at);
        hint = typed(data);
      } else {
        const n = 1 + rand(3);
        if (at < n) continue;
        now = old.slice(0, at - n) + old.slice(at);
        hint = typed(null, 'deleteContentBackward');
      }
      const e = editAtCaret(old, now, caret, hint);
      if (!e) continue;
      accepted++;
      expect(apply(old, e, now), `case ${k}`).toBe(now);
      expect(now.slice(e.start, e.newEnd), `case ${k}`).toBe(hint.data ?? '');
    }
    // The cheap path is taken most of the time.
    expect(accepted).toBeGreaterThan(1500);
  });
});

describe('mayMoveCaret', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });
  it('keeps the caret for keys that type or delete at it', () => {
    for (const k of ['a', '要', 'Backspace', 'Delete', 'Enter', 'Process', 'Shift', 'Dead']) expect(mayMoveCaret(key(k))).toBe(false);
  });
  it('forgets it for navigation keys and shortcuts', () => {
    for (const k of ['ArrowLeft', 'Home', 'PageDown', 'Tab', 'Escape']) expect(mayMoveCaret(key(k))).toBe(true);
    expect(mayMoveCaret(key('z', { ctrlKey: true }))).toBe(true);
    expect(mayMoveCaret(key('a', { metaKey: true }))).toBe(true);
    expect(mayMoveCaret(key('b', { altKey: true }))).toBe(true);
  });
});
