import { describe, expect, it } from 'vitest';
import { relocate } from '../../../lib/editors/relocate';

const BASE = '党支部书记要要带头学习。';
const AT = BASE.indexOf('要要');

describe('relocate: where a fix goes after the page changed the text', () => {
  it('unchanged text: the same range', () => {
    expect(relocate(BASE, BASE, AT, AT + 2, '要要')).toEqual({ start: AT, end: AT + 2 });
  });

  it('text inserted before the fix moves it (the issue 10 example: 甲乙 at the start)', () => {
    expect(relocate(BASE, '甲乙' + BASE, AT, AT + 2, '要要')).toEqual({ start: AT + 2, end: AT + 4 });
  });

  it('text deleted before the fix moves it back', () => {
    expect(relocate(BASE, BASE.replace('党支部', ''), AT, AT + 2, '要要')).toEqual({ start: AT - 3, end: AT - 1 });
  });

  it('text changed after the fix leaves it where it was', () => {
    expect(relocate(BASE, BASE.replace('学习', '学习贯彻'), AT, AT + 2, '要要')).toEqual({ start: AT, end: AT + 2 });
  });

  it('a change touching the fix (adjacent or inside) refuses', () => {
    expect(relocate(BASE, BASE.replace('记要要', '记甲要要'), AT, AT + 2, '要要')).toBeNull();
    expect(relocate(BASE, BASE.replace('要要带', '要要求带'), AT, AT + 2, '要要')).toBeNull();
    expect(relocate(BASE, BASE.replace('要要', '要'), AT, AT + 2, '要要')).toBeNull();
    expect(relocate(BASE, BASE.replace('书记', ''), AT, AT + 2, '要要')).toBeNull();
  });

  it('an insertion that could sit before, inside or after the fix (要 next to 要要) refuses', () => {
    expect(relocate(BASE, BASE.replace('要要', '要要要'), AT, AT + 2, '要要')).toBeNull();
    // …and one that can only sit well before it moves it.
    expect(relocate(BASE, BASE.replace('支部', '支部支部'), AT, AT + 2, '要要')).toEqual({ start: AT + 2, end: AT + 4 });
  });

  it('two separate changes around the fix refuse (their span covers it)', () => {
    expect(relocate(BASE, '甲' + BASE + '乙', AT, AT + 2, '要要')).toBeNull();
  });

  it('a text that was not under the range to begin with refuses', () => {
    expect(relocate(BASE, BASE, AT, AT + 2, '书记')).toBeNull();
  });

  it('a repeated slip elsewhere is no place to move to: only the diff decides', () => {
    const twice = '我们要要学习，他们要要落实。';
    const second = twice.lastIndexOf('要要');
    expect(relocate(twice, twice.replace('我们', ''), second, second + 2, '要要')).toEqual({ start: second - 2, end: second });
    expect(relocate(twice, twice.replace('我们要要', '我们'), second, second + 2, '要要')).toEqual({ start: second - 2, end: second });
  });

  it('UTF-16: characters outside the BMP before the fix count as two units', () => {
    const s = '𠮷书记要要带头';
    const at = s.indexOf('要要');
    expect(relocate(s, '𠮷' + s, at, at + 2, '要要')).toEqual({ start: at + 2, end: at + 4 });
  });
});
