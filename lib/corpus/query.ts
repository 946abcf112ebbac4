/**
 * Queries of a draft against a corpus: missing sections, theme coverage, and the report shapes the
 * CLI (`wengao outline`, `wengao themes`) and the side panel show. Every function takes the corpus as
 * its last argument (default: the generated seed corpus), so user documents can be merged in.
 */
import { ROLE_NAMES, THEME_BY_ID, THEMES } from './curated';
import { defaultCorpus } from './default';
import { layoutOf } from './layout';
import { outlineOf } from './outline';
import { COVER_SCORE, themeHits, themeScores, type ThemeHit } from './themes';
import type { CorpusData, MissingSection, Role, Section } from './types';

/** A theme is suggested when missing if at least this share of corpus documents covers it. */
export const COMMON_THEME_SHARE = 0.3;
const MAX_SPANS = 50;

/** Usual roles of the corpus that the draft lacks, in the order they would go, with a corpus example. */
export function missingSections(text: string, corpus: CorpusData = defaultCorpus, sections: readonly Section[] = outlineOf(text)): MissingSection[] {
  if (!text.trim()) return [];
  const { order, usual, roles } = corpus.sections;
  const present = new Set<Role>(sections.map((s) => s.role));
  const rank = (r: Role) => {
    const i = order.indexOf(r);
    return i === -1 ? order.length : i;
  };
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  const out: MissingSection[] = [];
  for (const role of usual) {
    if (present.has(role)) continue;
    const k = rank(role);
    const next = sections.find((s) => rank(s.role) > k);
    let after: Role | null = null;
    for (const r of order) if (rank(r) < k && present.has(r)) after = r;
    const stats = roles.find((r) => r.role === role);
    out.push({
      role,
      name: ROLE_NAMES[role],
      example: stats?.example ?? ROLE_NAMES[role],
      wordings: (stats?.wordings ?? []).map((w) => w.pattern),
      frequency: stats?.frequency ?? 0,
      after,
      insertAt: next ? next.start : end,
    });
  }
  return out;
}

export interface CoveredTheme {
  id: string;
  name: string;
  /** 2 per keyword, 1 per related word; covered from 2. */
  score: number;
  /** Keyword occurrences that show it: [start, end] in UTF-16 units (at most 50). */
  spans: [number, number][];
  /** The words found. */
  keywords: string[];
}

export interface MissingTheme {
  id: string;
  name: string;
  /** Corpus documents covering it, and their share. */
  docs: number;
  frequency: number;
  /** 2–3 typical sentences from the corpus. */
  examples: string[];
  /** Its most used keywords in the corpus. */
  keywords: string[];
}

export interface ThemeCoverage {
  covered: CoveredTheme[];
  missing: MissingTheme[];
}

function draftHits(text: string): ThemeHit[] {
  const hits: ThemeHit[] = [];
  for (const line of layoutOf(text).lines) {
    if (line.kind === 'body' || line.kind === 'title') themeHits(text, line.start, line.end, hits);
  }
  return hits;
}

/** Which themes the draft covers (with evidence) and which common corpus themes it misses. */
export function themeCoverage(text: string, corpus: CorpusData = defaultCorpus): ThemeCoverage {
  const hits = draftHits(text);
  const scores = themeScores(hits);
  const n = corpus.docs.length;
  const stats = new Map(corpus.themes.map((t) => [t.id, t]));
  const corpusRank = (id: string) => {
    const s = stats.get(id);
    return s ? s.docs * 100000 + s.passages.length : 0;
  };
  const covered: CoveredTheme[] = [];
  const missing: MissingTheme[] = [];
  THEMES.forEach((theme, t) => {
    if (scores[t]! >= COVER_SCORE) {
      const mine = hits.filter((h) => h.themes.includes(t));
      covered.push({
        id: theme.id,
        name: theme.name,
        score: scores[t]!,
        spans: mine.slice(0, MAX_SPANS).map((h) => [h.start, h.end]),
        keywords: [...new Set(mine.map((h) => h.keyword))],
      });
      return;
    }
    const s = stats.get(theme.id);
    if (!s || !n || s.docs / n < COMMON_THEME_SHARE) return;
    missing.push({
      id: theme.id,
      name: theme.name,
      docs: s.docs,
      frequency: Math.round((s.docs / n) * 1000) / 1000,
      examples: s.examples.map((e) => e.text),
      keywords: s.keywords.slice(0, 5).map(([k]) => k),
    });
  });
  const order = (a: string, b: string) => corpusRank(b) - corpusRank(a) || THEMES.indexOf(THEME_BY_ID.get(a)!) - THEMES.indexOf(THEME_BY_ID.get(b)!);
  covered.sort((a, b) => b.score - a.score || order(a.id, b.id));
  missing.sort((a, b) => order(a.id, b.id));
  return { covered, missing };
}

export interface OutlineReport {
  sections: Section[];
  missing: MissingSection[];
}

/** `wengao outline`: the draft's sections with roles, and the usual sections it lacks. */
export function outlineReport(text: string, corpus: CorpusData = defaultCorpus): OutlineReport {
  const sections = outlineOf(text);
  return { sections, missing: missingSections(text, corpus, sections) };
}

/** `wengao themes`: covered themes with evidence spans, missing common themes with corpus examples. */
export function themeReport(text: string, corpus: CorpusData = defaultCorpus): ThemeCoverage {
  return themeCoverage(text, corpus);
}
