/**
 * The class of a labelled typo slip, from the label and the model's vocabulary alone (a word written for
 * another of like reading, a non-word of a same-reading, near-reading, like-shape, mined-pair or unrelated
 * character, a slip in a four-character phrase, a swap of neighbours, slips of two or more characters). Shared
 * by the diagnostic scripts lm-typo-classes.ts and lm-nonword-diag.ts.
 */
import type { LanguageModel } from '../../lib/lm/model';

const HAN = /^[\u3400-\u9fff]+$/u;

/** The class of a slip, from the label and the vocabulary alone. */
export function typoClassOf(model: LanguageModel, text: string, start: number, written: string, fix: string): string {
  if (written.length !== fix.length) return 'length-change';
  const diffs = [...written].map((c, k) => (c !== fix[k] ? k : -1)).filter((k) => k >= 0);
  if (diffs.length === 2 && diffs[1] === diffs[0]! + 1 && written[diffs[0]!] === fix[diffs[1]!] && written[diffs[1]!] === fix[diffs[0]!]) return 'swap';
  if (diffs.length !== 1) return 'multi-char';
  const at = start + diffs[0]!;
  const w = text[at]!;
  const f = fix[diffs[0]!]!;
  const fixed = text.slice(0, at) + f + text.slice(at + 1);
  // The written two-character windows through the slip that are words, and the fixed ones.
  const windows = (t: string) => [t.slice(at - 1, at + 1), t.slice(at, at + 2)].filter((x) => x.length === 2 && HAN.test(x));
  const writtenWord = windows(text).some((x) => model.wordId(x) >= 0);
  const fixedWord = windows(fixed).some((x) => model.wordId(x) >= 0);
  if (written.length >= 4) return 'phrase-4';
  const sim = model.similarityOf(w.charCodeAt(0), f.charCodeAt(0));
  const shape = model.shapes(w).includes(f) || model.shapes(f).includes(w);
  const how = sim === 1 ? 'same-reading' : sim === 2 ? 'near-reading' : shape ? 'shape' : sim === 3 ? 'mined-pair' : 'far';
  if (writtenWord && fixedWord) return `word-for-word ${how}`;
  return `non-word ${how}`;
}
