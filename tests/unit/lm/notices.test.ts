/** The licences of the shipped data travel with the extension: public/ holds a copy of the root notices. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/lib/seeds';

describe('third-party notices', () => {
  const root = readFileSync(join(ROOT, 'THIRD_PARTY_NOTICES.md'), 'utf8');

  it('public/THIRD_PARTY_NOTICES.txt (shipped in the extension) is THIRD_PARTY_NOTICES.md: copy it over', () => {
    expect(readFileSync(join(ROOT, 'public', 'THIRD_PARTY_NOTICES.txt'), 'utf8')).toBe(root);
  });

  it('names every source of the language model and its licence', () => {
    for (const s of ['open-gram', 'Attribution-ShareAlike 3.0', 'jieba', 'pinyin-pro', 'ECSpell', 'CJK Decomposition Data', 'Apache License']) expect(root).toContain(s);
  });
});
