/**
 * The ecspell official-document file (tests/fixtures/ecspell/odw.train.tsv) split once, deterministically,
 * into a training part (80 %: confusion pairs are mined from it and the tier is tuned on it) and a
 * held-out part (20 %: only ever scored, never read while developing). The split hashes each line's
 * text, so it does not depend on line order and never changes when lines are added elsewhere.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './seeds';

export type EcspellPart = 'train' | 'heldout';

export interface EcspellLine {
  /** 0-based line number in the file. */
  line: number;
  /** Number of wrong characters, as the file's first column states. */
  errors: number;
  source: string;
  target: string;
  part: EcspellPart;
}

export const ECSPELL_FILE = join(FIXTURES, 'ecspell', 'odw.train.tsv');

/** FNV-1a over UTF-16 code units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function partOf(source: string, target: string): EcspellPart {
  return fnv1a(`${source}\t${target}`) % 100 < 80 ? 'train' : 'heldout';
}

export function loadEcspell(path = ECSPELL_FILE): EcspellLine[] {
  const out: EcspellLine[] = [];
  readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .forEach((raw, line) => {
      const cols = raw.split('\t');
      if (cols.length < 3 || !cols[1] || !cols[2]) return;
      out.push({ line, errors: Number(cols[0]) || 0, source: cols[1], target: cols[2], part: partOf(cols[1], cols[2]) });
    });
  return out;
}
