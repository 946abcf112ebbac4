/** Loading the wrong-character tier in Node scripts (eval, bench), with the default corpus as domain vocabulary. */
import { readFileSync } from 'node:fs';
import { loadModel, type LanguageModel } from '../../lib/lm/model';
import { WrongCharTier, type TierOptions } from '../../lib/lm/tier';
import { domainVocabulary } from '../../lib/lm/domain';
import { defaultCorpus } from '../../lib/corpus';
import { MODEL_FILE } from './lm-sources';

let cached: LanguageModel | undefined;

export function loadModelForNode(): LanguageModel {
  cached ??= loadModel(readFileSync(MODEL_FILE));
  return cached;
}

/**
 * Tuning overrides for experiments: WENGAO_LM_TUNING='{"cost":{"same":3.5}}' npm run eval -- --ecspell --cv
 * (the eval, the cross-validation and the dev-set report read it; the extension never does).
 */
export function tuningFromEnv(): TierOptions['tuning'] {
  const raw = process.env.WENGAO_LM_TUNING;
  return raw ? (JSON.parse(raw) as TierOptions['tuning']) : undefined;
}

export function loadTierForNode(options: TierOptions = {}): WrongCharTier {
  return new WrongCharTier(loadModelForNode(), { domainWords: domainVocabulary(defaultCorpus), tuning: tuningFromEnv(), ...options });
}
