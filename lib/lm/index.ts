/**
 * The statistical tier (issue 8): a word bigram language model that catches wrong characters no rule
 * lists (homophones and known confusions that still read as words, swapped neighbours, doubles at a
 * word boundary). Pure TypeScript: the host hands over the model's bytes (lib/lm/generated/model.bin).
 *
 *   const tier = createLmChecker(loadModel(bytes), { domainWords: domainVocabulary(corpus) });
 *   const issues = mergeTierIssues(analyze(text).issues, tier.check(text, { dictionary }));
 */
import type { Issue } from '../engine/types';
import type { LanguageModel } from './model';
import { WrongCharTier, type TierOptions } from './tier';

export { loadModel, type LanguageModel } from './model';
export { WrongCharTier, TIER_RULE_ID, DEFAULT_TUNING, type Finding, type TierOptions, type TierTuning } from './tier';
export { domainVocabulary } from './domain';
export { TIER_META } from './meta';
export { mergeTierIssues } from './merge';

export interface LmChecker {
  /** wrong-char issues for a whole text (offsets into it), paragraphs cached by their text. */
  check(text: string): Issue[];
  readonly tier: WrongCharTier;
}

const MAX_CACHE = 2000;

export function createLmChecker(model: LanguageModel, options: TierOptions = {}): LmChecker {
  const tier = new WrongCharTier(model, options);
  const cache = new Map<string, Issue[]>();
  return {
    tier,
    check(text) {
      const out: Issue[] = [];
      let base = 0;
      for (const para of text.split('\n')) {
        let local = cache.get(para);
        if (!local) {
          local = tier.issues(para);
          if (cache.size >= MAX_CACHE) cache.delete(cache.keys().next().value!);
          cache.set(para, local);
        }
        for (const i of local) out.push({ ...i, start: i.start + base, end: i.end + base });
        base += para.length + 1;
      }
      return out;
    },
  };
}
