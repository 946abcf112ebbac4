/**
 * The wrong-char tier's sentence sets written for one class of slip (tests/unit/lm/data): `<name>-slips.tsv`
 * ([as written, as meant] pairs) and `<name>-clean.txt` (clean look-alikes) — genre, misspelt, domain-phrase.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../../tests/unit/lm/data/', import.meta.url));

/** The non-empty lines of a data file of tests/unit/lm/data, less its # comments. */
export function dataLines(file: string): string[] {
  return readFileSync(DIR + file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
}

/** A slip set by name: its [as written, as meant] pairs and its clean sentences. */
export function loadSlipSet(name: string): { slips: Array<[string, string]>; clean: string[] } {
  const slips = dataLines(`${name}-slips.tsv`).map((l) => l.split('\t') as [string, string]);
  return { slips, clean: dataLines(`${name}-clean.txt`) };
}

export function loadGenreSet(): { slips: Array<[string, string]>; clean: string[] } {
  return loadSlipSet('genre');
}

/** The sentence with the tier's findings applied (last first, so offsets hold). */
export function applyFindings(s: string, findings: ReadonlyArray<{ start: number; end: number; fix: string }>): string {
  let out = s;
  for (const f of [...findings].sort((a, b) => b.start - a.start)) out = out.slice(0, f.start) + f.fix + out.slice(f.end);
  return out;
}
