/**
 * Phrase snippets (常用语, issue 12): pure TypeScript, no DOM / browser / Dexie.
 *
 * - types.ts      the snippet shape and its limits
 * - normalize.ts  checking and normalising a snippet (NFC, trim, sizes, tags, source), dedup key, merge
 * - pinyin.ts     readings with pinyin-pro (polyphones in context), stored compactly per snippet
 * - match.ts      mixed character/pinyin matching (xfmf, xianfeng, 党建yl)
 * - search.ts     the in-memory index and its ranking tiers
 * - file.ts       export/import file format, whole-file validation
 * - messages.ts   Chinese/English messages
 * - starter.ts    the starter pack built from a reference corpus
 */
export * from './types';
export * from './normalize';
export { summarizeProblems, problem } from './messages';
export { PINYIN_VERSION, PINYIN_BODY_CHARS, pinyinField, type PinyinField } from './pinyin';
export { SnippetIndex, TIER, matchTitle, snippetReadings, readingKeys, type SearchHit, type SearchResult, type SearchOptions, type SnippetReadings } from './search';
export * from './file';
export { starterPack, isSnippetPhrasing, SET_PHRASE_TAG } from './starter';
