/** The genre slip set of the wrong-char tier (tests/unit/lm/data): [as written, as meant] pairs and clean sentences. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../../tests/unit/lm/data/', import.meta.url));
const lines = (file: string) =>
  readFileSync(DIR + file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));

export function loadGenreSet(): { slips: Array<[string, string]>; clean: string[] } {
  const slips = lines('genre-slips.tsv').map((l) => l.split('\t') as [string, string]);
  return { slips, clean: lines('genre-clean.txt') };
}
