/**
 * Helpers of the tier's unit tests that run sentences written for one class of slip (tests/unit/lm/data).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WrongCharTier } from '../../../lib/lm/tier';

const DIR = fileURLToPath(new URL('./data/', import.meta.url));

/** The non-empty lines of a data file, less its # comments. */
export function dataLines(file: string): string[] {
  return readFileSync(DIR + file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
}

/** The sentence with every finding of the tier's two looks applied (last first, so offsets hold). */
export function fixOf(tier: WrongCharTier, s: string): string {
  let out = s;
  for (const f of [...tier.findingsTwoPass(s)].sort((a, b) => b.start - a.start)) out = out.slice(0, f.start) + f.fix + out.slice(f.end);
  return out;
}
