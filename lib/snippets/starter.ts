/**
 * The starter pack: the genre's set phrasings offered as snippets in one click — the curated fixed
 * enumerations (lib/corpus/curated/phrasings.json: 四个意识, 三严三实 …), the enumerations that recur in
 * the reference corpus, and the recurring phrasings mined per theme (CorpusData.themes[].phrasings),
 * tagged with the theme's name so the side panel can group them. Built from whatever corpus it is given
 * (the default one, or the default merged with the user's reference documents), so it grows with them.
 * Pure: no DOM, no database.
 */
import { CURATED_ENUMERATIONS, STOP_PHRASES, THEMES, type CuratedEnumeration, type CuratedTheme } from '../corpus/curated';
import type { CorpusData } from '../corpus/types';
import { MAX_TAGS, type SnippetDraft } from './types';

/** Tag given to fixed enumerations (固定提法: parts that always come together, in this order). */
export const SET_PHRASE_TAG = '固定提法';

/** Shortest and longest mined phrasing kept: below 4 characters a snippet saves no typing; above 16
 * a mined n-gram is a clause cut out of one essay's sentence, not a set phrasing. */
const MIN_PHRASING = 4;
const MAX_PHRASING = 16;
/** Enumerations may be longer (说起来重要、做起来次要、忙起来不要). */
const MAX_ENUMERATION = 40;

// A mined n-gram that starts or ends on a function word is a cut through a sentence (对党务工作,
// 服务的, 在单位工作中…), not a phrasing anyone saves. Prepositions, conjunctions, particles and
// clause-linking adverbs; single characters only, because a multi-character word at the edge is fine.
const BAD_FIRST = new Set('对在从向把被将与和及的了才就也都而并又还使为于是由'.split(''));
const BAD_LAST = new Set('的了和与及在对是着地得把被将于'.split(''));
// Suffixes that end words and do not start them: a phrasing starting with one was cut out of a longer
// word (力和战斗力 from 凝聚力和战斗力, 性和 from 党性和).
const WORD_FINAL = new Set('力性化们者率'.split(''));

const HAN = /^[\u3400-\u9fff]$/;
const CLAUSE_PUNCTUATION = /[，。；：？！,.;:?!\n]/;

/** Is a mined phrasing worth a snippet (see the constants above)? */
export function isSnippetPhrasing(text: string): boolean {
  if (text.length < MIN_PHRASING || STOP_PHRASES.has(text)) return false;
  const enumeration = text.includes('、');
  if (text.length > (enumeration ? MAX_ENUMERATION : MAX_PHRASING)) return false;
  if (CLAUSE_PUNCTUATION.test(text)) return false;
  const first = text[0]!;
  const last = text[text.length - 1]!;
  if (!HAN.test(first) || !HAN.test(last)) return false;
  return !BAD_FIRST.has(first) && !BAD_LAST.has(last) && !WORD_FINAL.has(first);
}

/**
 * Drop a phrasing that never occurs on its own: a longer recurring phrase contains it as often as it
 * occurs at all (党务工作能力欠缺 counted 6 times inside a 6-times phrase …). Counts from CorpusData.phrases.
 */
function standsAlone(text: string, counts: ReadonlyMap<string, number>, phrases: readonly string[]): boolean {
  const count = counts.get(text);
  if (count === undefined) return true;
  return !phrases.some((p) => p !== text && p.includes(text) && (counts.get(p) ?? 0) >= count);
}

/** Themes whose curated words occur in the text (tags for a phrasing that belongs to several). */
function themesOf(text: string, themes: readonly CuratedTheme[]): CuratedTheme[] {
  return themes.filter((t) => t.keywords.some((k) => text.includes(k)));
}

/** A title for a curated enumeration: its note when that is a Chinese name (四个意识, 三严三实). */
function enumerationTitle(e: CuratedEnumeration): string {
  return /^[\u3400-\u9fff0-9、，“”]{2,20}$/.test(e.note) ? e.note : '';
}

export interface StarterOptions {
  themes?: readonly CuratedTheme[];
  enumerations?: readonly CuratedEnumeration[];
  /** Creation time of the drafts (default 0: "shipped", older than anything the user made). */
  now?: number;
}

/** The starter pack for `corpus`: snippet drafts with source 'corpus', deduplicated by body. */
export function starterPack(corpus: CorpusData, options: StarterOptions = {}): SnippetDraft[] {
  const themes = options.themes ?? THEMES;
  const now = options.now ?? 0;
  const out = new Map<string, SnippetDraft>();
  const add = (body: string, title: string, tags: string[]) => {
    const existing = out.get(body);
    if (existing) {
      for (const t of tags) if (!existing.tags.includes(t) && existing.tags.length < MAX_TAGS) existing.tags.push(t);
      if (!existing.title) existing.title = title;
      return;
    }
    out.set(body, { title, body, tags: [...new Set(tags)].slice(0, MAX_TAGS), source: 'corpus', createdAt: now, updatedAt: now, useCount: 0, lastUsedAt: 0 });
  };

  for (const e of options.enumerations ?? CURATED_ENUMERATIONS) {
    const body = e.parts.join('、');
    add(body, enumerationTitle(e), [SET_PHRASE_TAG, ...themesOf(body, themes).map((t) => t.name)]);
  }
  for (const e of corpus.enumerations) {
    if (e.docs < 2 || !isSnippetPhrasing(e.text)) continue;
    add(e.text, '', [SET_PHRASE_TAG, ...themesOf(e.text, themes).map((t) => t.name)]);
  }
  const counts = new Map(corpus.phrases.map((p) => [p.text, p.count]));
  const phraseTexts = corpus.phrases.map((p) => p.text);
  const byId = new Map(themes.map((t) => [t.id, t]));
  for (const stats of corpus.themes) {
    const theme = byId.get(stats.id);
    if (!theme) continue;
    for (const text of stats.phrasings) {
      if (!isSnippetPhrasing(text) || !standsAlone(text, counts, phraseTexts)) continue;
      const tags = [theme.name, ...themesOf(text, themes).map((t) => t.name)];
      if (text.includes('、')) tags.unshift(SET_PHRASE_TAG);
      add(text, '', tags);
    }
  }
  return [...out.values()];
}
