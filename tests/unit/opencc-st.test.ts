import * as OPENCC_ST from 'opencc-js/dict/STCharacters';
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import REBUILT, { rebuildStCharacters } from '../../lib/opencc/st-characters';
import { diffTables, OUTPUT, render } from '../../scripts/build-opencc-st';

const ST_CHARACTERS = OPENCC_ST.default;

describe('lib/opencc/st-characters (the extension build aliases opencc-js STCharacters to it)', () => {
  test('rebuilds exactly the string opencc-js ships', () => {
    // opencc-js's own module, not the build's alias (else the comparison could not fail).
    expect(Object.keys(OPENCC_ST)).toEqual(['default']);
    expect(REBUILT.length).toBe(ST_CHARACTERS.length);
    expect(REBUILT === ST_CHARACTERS).toBe(true);
  });

  test('the committed difference is current (else: npx tsx scripts/build-opencc-st.ts)', () => {
    expect(readFileSync(OUTPUT, 'utf8') === render(ST_CHARACTERS, TS_CHARACTERS)).toBe(true);
  });

  test('the rebuild follows its data: a dropped entry goes, an extra entry comes, in code-point order', () => {
    const ts = '乾 干|幹 干|髮 发|發 发|後 后';
    expect(rebuildStCharacters(ts, '', '')).toBe('发 髮|后 後|干 乾');
    expect(rebuildStCharacters(ts, '干', '干幹')).toBe('发 髮|后 後|干 幹');
    expect(rebuildStCharacters(ts, '后', '')).toBe('发 髮|干 乾');
    expect(rebuildStCharacters(ts, '', '丁叮')).toBe('丁 叮|发 髮|后 後|干 乾');
  });

  test('the generator refuses a table it cannot rebuild: an entry of several characters', () => {
    expect(() => diffTables('发 髮|干 乾幹', '髮 发|乾 干')).toThrow(/one character/);
  });
});
