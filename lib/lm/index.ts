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
import { ParticleChecker } from './particles';

export { loadModel, type LanguageModel } from './model';
export { WrongCharTier, TIER_RULE_ID, DEFAULT_TUNING, type Finding, type TierOptions, type TierTuning } from './tier';
export { domainVocabulary } from './domain';
export { TIER_META, PARTICLE_META, LM_RULE_IDS } from './meta';
export { mergeTierIssues } from './merge';
export { ParticleChecker, DEFAULT_PARTICLE_TUNING, type ParticleFinding, type ParticleTuning } from './particles';

export interface LmChecker {
  /** wrong-char and de-di-de-context issues for a whole text (offsets into it), paragraphs cached by their text. */
  check(text: string): Issue[];
  readonly tier: WrongCharTier;
}

const MAX_CACHE = 2000;

export function createLmChecker(model: LanguageModel, options: TierOptions = {}): LmChecker {
  const tier = new WrongCharTier(model, options);
  // The statistical 的/地/得 check (lib/lm/particles.ts) answers with the tier (same model, same message),
  // under its own rule id (de-di-de-context), so each is switched and ignored on its own.
  const particles = new ParticleChecker(model, { dictionary: options.dictionary, domainWords: options.domainWords });
  const cache = new Map<string, Issue[]>();
  return {
    tier,
    check(text) {
      const out: Issue[] = [];
      let base = 0;
      for (const para of text.split('\n')) {
        let local = cache.get(para);
        if (!local) {
          local = withParticles(tier.issues(para), particles.issues(para));
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

/** The tier's issues plus the particle check's where the tier says nothing (the tier leaves 的/地/得 alone). */
function withParticles(typos: Issue[], particles: Issue[]): Issue[] {
  const kept = particles.filter((p) => !typos.some((t) => p.start < t.end && t.start < p.end));
  return kept.length === 0 ? typos : [...typos, ...kept].sort((a, b) => a.start - b.start || a.end - b.end);
}
