import { describe, expect, it } from 'vitest';
import { fuzzySyllable } from '../../../lib/lm/format';

describe('fuzzySyllable', () => {
  it('merges the input-method slips: zh/z, ch/c, sh/s, n/l, f/h, r/l and -ang/-an, -eng/-en, -ing/-in', () => {
    for (const [a, b] of [['zhi', 'zi'], ['chu', 'cu'], ['shi', 'si'], ['nan', 'lan'], ['fu', 'hu'], ['re', 'le'], ['zhang', 'zan'], ['feng', 'hen'], ['ling', 'nin']])
      expect(fuzzySyllable(a!)).toBe(fuzzySyllable(b!));
  });
  it('keeps other syllables apart', () => {
    for (const [a, b] of [['fu', 'pu'], ['er', 'e'], ['hu', 'ku'], ['zi', 'ji'], ['ong', 'eng']]) expect(fuzzySyllable(a!)).not.toBe(fuzzySyllable(b!));
  });
});
