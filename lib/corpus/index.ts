/**
 * Corpus layer (issue 3): pure TypeScript, no DOM / browser / Dexie.
 *
 * - buildCorpus(docs) → CorpusData; mergeCorpora(base, extra)
 * - outlineOf(text), missingSections(text, corpus?), themeCoverage(text, corpus?)
 * - outlineReport(text, corpus?), themeReport(text, corpus?) — the CLI shapes
 * - defaultCorpus: generated from lib/corpus/seeds by `npm run corpus`
 *
 * Rules should import './set-phrases' instead (it does not load the corpus JSON).
 */
export * from './types';
export { buildCorpus, mergeCorpora, setPhraseEnumerations as corpusSetPhrases, serializeJson, headingWordings, USUAL_ROLE_SHARE } from './build';
export { outlineOf } from './outline';
export { layoutOf, type Layout, type LayoutLine, type Essay } from './layout';
export {
  missingSections,
  themeCoverage,
  outlineReport,
  themeReport,
  COMMON_THEME_SHARE,
  type CoveredTheme,
  type MissingTheme,
  type ThemeCoverage,
  type OutlineReport,
} from './query';
export { findEnumerations, findIncompleteEnumerations, type FoundEnumeration, type IncompleteEnumeration } from './enumerations';
export { THEMES, ROLE_NAMES, CURATED_ENUMERATIONS, type CuratedTheme } from './curated';
export { defaultCorpus } from './default';
