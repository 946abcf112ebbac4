/**
 * The wrong-character tier for the command line: the model file is read from the package
 * (lib/lm/generated/model.bin) once per process; the corpus's phrasings are its domain vocabulary.
 */
import { readFileSync } from 'node:fs';
import { defaultCorpus } from '../lib/corpus';
import { createLmChecker, domainVocabulary, loadModel, type LmChecker } from '../lib/lm';

export const MODEL_URL = new URL('../lib/lm/generated/model.bin', import.meta.url);

/** The tier, or an Error saying why it could not be loaded (the rules still run). */
export function loadCliLmChecker(url: URL = MODEL_URL): LmChecker | Error {
  try {
    return createLmChecker(loadModel(readFileSync(url)), { domainWords: domainVocabulary(defaultCorpus) });
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
