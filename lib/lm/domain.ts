/**
 * Domain vocabulary for the tier: the corpus's recurring phrasings, enumerations and theme keywords, and
 * the curated set phrasings. The tier never flags inside them and knows them as words, so 党史学习教育
 * or 三会一课 are not "corrected" toward something the general-purpose model likes better.
 */
import { THEMES } from '../corpus/curated';
import { setPhraseEnumerations } from '../corpus/set-phrases';
import type { CorpusData } from '../corpus/types';

const HAN_ONLY = /^[\u3400-\u9fff]{2,16}$/u;

export function domainVocabulary(corpus?: CorpusData): string[] {
  const out = new Set<string>();
  const add = (w: string) => HAN_ONLY.test(w) && out.add(w);
  for (const e of setPhraseEnumerations) e.parts.forEach(add);
  for (const t of THEMES) t.keywords.forEach(add);
  if (corpus) {
    for (const p of corpus.phrases) add(p.text);
    for (const e of corpus.enumerations) e.parts.forEach(add);
    for (const t of corpus.themes) {
      t.phrasings.forEach(add);
      for (const [k] of t.keywords) add(k);
    }
  }
  return [...out];
}
