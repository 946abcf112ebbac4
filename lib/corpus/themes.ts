/**
 * Theme matching: curated keywords (lib/corpus/curated/themes.json) found with one precompiled regex.
 * A theme is covered when its score reaches 2 (a keyword counts 2, a related word 1).
 */
import { THEMES } from './curated';

export interface ThemeHit {
  start: number;
  end: number;
  keyword: string;
  /** Indices into THEMES. */
  themes: number[];
  strong: boolean[];
}

interface KeywordInfo {
  themes: number[];
  strong: boolean[];
}

const KEYWORDS = new Map<string, KeywordInfo>();
THEMES.forEach((theme, t) => {
  const add = (word: string, strong: boolean) => {
    let info = KEYWORDS.get(word);
    if (!info) KEYWORDS.set(word, (info = { themes: [], strong: [] }));
    const at = info.themes.indexOf(t);
    if (at === -1) {
      info.themes.push(t);
      info.strong.push(strong);
    } else info.strong[at] ||= strong;
  };
  for (const k of theme.keywords) add(k, true);
  for (const k of theme.related) add(k, false);
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Longest keywords first, so 思想政治工作 wins over 思想. */
const KEYWORD_RE = new RegExp(
  [...KEYWORDS.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0)).map(escape).join('|'),
  'g',
);

export const COVER_SCORE = 2;

/** Keyword hits in text[from, to). */
export function themeHits(text: string, from = 0, to = text.length, out: ThemeHit[] = []): ThemeHit[] {
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  KEYWORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = KEYWORD_RE.exec(slice))) {
    const info = KEYWORDS.get(m[0])!;
    out.push({ start: from + m.index, end: from + m.index + m[0].length, keyword: m[0], themes: info.themes, strong: info.strong });
  }
  return out;
}

/** Score per theme (index into THEMES) of a list of hits. */
export function themeScores(hits: readonly ThemeHit[]): Float64Array {
  const scores = new Float64Array(THEMES.length);
  for (const h of hits) for (let k = 0; k < h.themes.length; k++) scores[h.themes[k]!]! += h.strong[k] ? 2 : 1;
  return scores;
}
