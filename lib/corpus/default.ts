/**
 * The default reference corpus, generated from the seed essays by `npm run corpus`
 * (scripts/build-corpus.ts → lib/corpus/generated/corpus.json). ~70 KB of JSON: import it from the
 * side panel / background only, never from the content script.
 */
import data from './generated/corpus.json';
import type { CorpusData } from './types';

export const defaultCorpus: CorpusData = data as unknown as CorpusData;
