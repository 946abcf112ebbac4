import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shapeNeighbours } from '../../../scripts/build-lm-shapes';
import { loadModel } from '../../../lib/lm/model';
import { MODEL_FILE } from '../../../scripts/lib/lm-sources';

type D = { type: string; parts: string[] };
const d = (type: string, ...parts: string[]): D => ({ type, parts });

// A small decomposition table: 泛 = 氵 + 乏, 给 = 纟 + 合; 氵 and 纟 stand in many characters.
const decomp = new Map<string, D>([
  ['泛', d('a', '氵', '乏')],
  ['给', d('a', '纟', '合')],
  ['指', d('a', '扌', '旨')],
  ['脂', d('a', '月', '旨')],
  ['栺', d('a', '木', '旨')],
  ['乏', d('d/t', '㇒', '之')],
  ['合', d('d', '亼', '口')],
  ...Array.from({ length: 20 }, (_, k) => [String.fromCharCode(0x6c40 + k), d('a', '氵', String.fromCharCode(0x4e00 + k))] as [string, D]),
]);
const common = ['泛', '给', '指', '脂', '乏', '合', ...Array.from({ length: 20 }, (_, k) => String.fromCharCode(0x6c40 + k))];
const table = (opts: Parameters<typeof shapeNeighbours>[2]) => new Map(shapeNeighbours(common, decomp, opts).map((l) => [l[0]!, l.slice(1)]));

describe('shape neighbours (scripts/build-lm-shapes.ts)', () => {
  it('links a two-part character with its distinctive part (a radical added or dropped), not with a radical', () => {
    const t = table({ partOf: true });
    expect(t.get('泛')).toContain('乏');
    expect(t.get('乏')).toContain('泛');
    expect(t.get('给')).toContain('合');
    // 氵 is in 21 common characters here: a radical, no likeness.
    expect(t.get('泛') ?? '').not.toContain('氵');
    expect(table({}).get('乏')).toBeUndefined();
  });

  it('gives a rare character the common ones that share a part in the same slot; never a rare one to a common character', () => {
    const t = table({ rare: true });
    expect(t.get('栺')).toBe('指脂'.split('').sort().join(''));
    for (const [ch, list] of t) if (common.includes(ch)) expect(list).not.toContain('栺');
    expect(table({}).get('栺')).toBeUndefined();
  });

  it('are in the model as built (泛/乏, 栺 → 指)', () => {
    const model = loadModel(readFileSync(MODEL_FILE));
    expect(model.shapes('泛')).toContain('乏');
    expect(model.shapes('乏')).toContain('泛');
    expect(model.shapes('栺')).toContain('指');
    expect(model.shapes('指')).not.toContain('栺');
    expect(model.shapes('a')).toBe('');
  });
});

describe('stroke siblings (scripts/build-lm-shapes.ts)', () => {
  it('links two characters of one structure whose other parts are a stroke apart (代/伐: 弋/戈)', () => {
    const dd = new Map<string, D>([
      ['代', d('a', '亻', '弋')],
      ['伐', d('a', '亻', '戈')],
      ['戈', d('a', '弋', '丿')],
      ['他', d('a', '亻', '也')],
      // 亻 in twenty more: a radical, not a distinctive part.
      ...Array.from({ length: 20 }, (_, k) => [String.fromCharCode(0x4f50 + k), d('a', '亻', String.fromCharCode(0x4e00 + k))] as [string, D]),
    ]);
    const chars = ['代', '伐', '他', ...Array.from({ length: 20 }, (_, k) => String.fromCharCode(0x4f50 + k))];
    const t = new Map(shapeNeighbours(chars, dd, { strokeSibling: true }).map((l) => [l[0]!, l.slice(1)]));
    expect(t.get('代')).toBe('伐');
    expect(t.get('他')).toBeUndefined();
    expect(new Map(shapeNeighbours(chars, dd, {}).map((l) => [l[0]!, l.slice(1)])).get('代')).toBeUndefined();
  });
});
