/**
 * The in-memory search index over snippets and its ranking. Pure: the repository (lib/storage/snippets.ts)
 * feeds it rows read from the database, with readings computed when they were saved.
 *
 * Ranking: every query term gets the best tier it reaches in one snippet; a snippet's score is its
 * weakest term's tier (all terms must match), ties broken by the sum over terms, then by use (useCount),
 * then recency (lastUsedAt, then updatedAt), then id. Tiers, best first:
 *
 *   100  exact title                  三会一课 = 三会一课
 *    90  title starts with the query  三会 → 三会一课制度
 *    85  title starts with the reading  shyk, sanhui, 三hyk → 三会一课制度
 *    80  a tag equals the query       #基层党建, 基层党建
 *    70  title contains the query     一课 → 三会一课制度
 *    65  reading found inside title   yk → 三会一课制度
 *    60  a tag starts with the query (characters or reading)
 *    50  body contains the query
 *    40  reading found inside the body (the first PINYIN_BODY_CHARS units)
 *    20  title holds the query as a subsequence (xfzy → 先锋模范作用)
 *
 * "Title" is the stored title, or the body's first line when there is none (a short phrasing is its own
 * title). A term starting with # matches tags only.
 */
import { foldText, alignField, align, PINYIN_BODY_CHARS, pinyinField, PINYIN_VERSION, type Aligned, type PinyinField } from './pinyin';
import { findMixed, foldQuery, hasReadingChars, isSubsequence, type Range } from './match';
import type { Snippet } from './types';

export const TIER = {
  exactTitle: 100,
  titlePrefix: 90,
  titleReadingPrefix: 85,
  tagExact: 80,
  titleSubstring: 70,
  titleReading: 65,
  tagPrefix: 60,
  bodySubstring: 50,
  bodyReading: 40,
  titleSubsequence: 20,
} as const;

/** Longest title used for matching when the body's first line stands in for a missing title. */
const BODY_TITLE_CHARS = 60;

/** The text matched as the title: the title, or the start of the body's first line. */
export function matchTitle(snippet: { title: string; body: string }): string {
  if (snippet.title) return snippet.title;
  const nl = snippet.body.indexOf('\n');
  return snippet.body.slice(0, Math.min(nl < 0 ? snippet.body.length : nl, BODY_TITLE_CHARS)).trim();
}

/** Readings of a snippet, stored with it (see lib/storage/snippets.ts). */
export interface SnippetReadings {
  version: number;
  title: PinyinField;
  body: PinyinField;
}

/** Compute a snippet's readings (pinyin-pro: ≈ 3–5 µs per character). */
export function snippetReadings(snippet: { title: string; body: string }): SnippetReadings {
  return { version: PINYIN_VERSION, title: pinyinField(matchTitle(snippet)), body: pinyinField(snippet.body, PINYIN_BODY_CHARS) };
}

/** First letters and full spelling of a title's readings (indexed in the database). */
export function readingKeys(field: PinyinField): { initials: string; full: string } {
  let initials = '';
  let pos = 0;
  for (let i = 0; i < field.lens.length; i++) {
    const len = field.lens.charCodeAt(i) - 48;
    if (len > 0) initials += field.full[pos];
    pos += len;
  }
  return { initials, full: field.full };
}

export interface SearchHit {
  snippet: Snippet;
  score: number;
  /** Where the best match of the first term is, for highlighting (null: tag-only or empty query). */
  field: 'title' | 'body' | 'tags' | null;
  /** Range in the matched title (matchTitle) or body, UTF-16 units. */
  range: Range | null;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Number of snippets that matched (hits holds at most `limit` of them). */
  total: number;
}

export interface SearchOptions {
  /** Most hits returned (default 50). */
  limit?: number;
  /** Only snippets carrying this tag (exact, case-insensitive). */
  tag?: string;
}

interface Entry {
  snippet: Snippet;
  title: Aligned;
  body: Aligned;
  /** Folded tags. */
  tags: string[];
}

interface TermMatch {
  score: number;
  field: SearchHit['field'];
  range: Range | null;
}

interface Term {
  q: string;
  tagOnly: boolean;
  reading: boolean;
}

function parseQuery(raw: string): Term[] {
  const terms: Term[] = [];
  for (const part of raw.normalize('NFC').split(/[\s\u3000]+/)) {
    let q = foldQuery(part);
    let tagOnly = false;
    if (q.startsWith('#')) {
      tagOnly = true;
      q = q.replace(/^#+/, '');
    }
    if (q) terms.push({ q, tagOnly, reading: hasReadingChars(q) });
  }
  return terms;
}

/** Better first: score, then use, then recency, then id (stable across runs). */
function compareHits(a: { score: number; sum: number; snippet: Snippet }, b: { score: number; sum: number; snippet: Snippet }): number {
  return (
    b.score - a.score ||
    b.sum - a.sum ||
    b.snippet.useCount - a.snippet.useCount ||
    b.snippet.lastUsedAt - a.snippet.lastUsedAt ||
    b.snippet.updatedAt - a.snippet.updatedAt ||
    a.snippet.id - b.snippet.id
  );
}

export class SnippetIndex {
  readonly #entries = new Map<number, Entry>();
  /** Readings of tags, shared by every snippet carrying the same tag. */
  readonly #tagReadings = new Map<string, Aligned>();

  get size(): number {
    return this.#entries.size;
  }

  /** Add or replace a snippet; `readings` as stored (recomputed when missing or from an older version). */
  put(snippet: Snippet, readings?: SnippetReadings | null): void {
    const r = readings && readings.version === PINYIN_VERSION ? readings : snippetReadings(snippet);
    this.#entries.set(snippet.id, {
      snippet,
      title: alignField(matchTitle(snippet), r.title),
      body: alignField(snippet.body, r.body),
      tags: snippet.tags.map((t) => foldText(t).toLowerCase()),
    });
  }

  delete(id: number): void {
    this.#entries.delete(id);
  }

  clear(): void {
    this.#entries.clear();
  }

  get(id: number): Snippet | undefined {
    return this.#entries.get(id)?.snippet;
  }

  #tagAligned(tag: string): Aligned {
    let a = this.#tagReadings.get(tag);
    if (!a) {
      a = align(tag);
      this.#tagReadings.set(tag, a);
    }
    return a;
  }

  #matchTags(term: Term, entry: Entry): TermMatch | null {
    let best: TermMatch | null = null;
    for (const tag of entry.tags) {
      let score = 0;
      if (tag === term.q) score = TIER.tagExact;
      else if (tag.startsWith(term.q)) score = TIER.tagPrefix;
      else if (term.reading && findMixed(term.q, this.#tagAligned(tag))?.start === 0) score = TIER.tagPrefix;
      if (score && (!best || score > best.score)) best = { score, field: 'tags', range: null };
      if (score === TIER.tagExact) break;
    }
    return best;
  }

  #matchTerm(term: Term, entry: Entry): TermMatch | null {
    if (term.tagOnly) return this.#matchTags(term, entry);
    const q = term.q;
    const title = entry.title;
    let best: TermMatch | null = null;
    const at = title.text.indexOf(q);
    if (at === 0) {
      if (title.text.length === q.length) return { score: TIER.exactTitle, field: 'title', range: { start: 0, end: q.length } };
      return { score: TIER.titlePrefix, field: 'title', range: { start: 0, end: q.length } };
    }
    if (at > 0) best = { score: TIER.titleSubstring, field: 'title', range: { start: at, end: at + q.length } };
    // Readings (and characters across punctuation), unless the title already holds the query as typed
    // and the query has no letters that could reach a better (prefix) tier.
    if (term.reading || at < 0) {
      const m = findMixed(q, title);
      if (m) {
        const score = m.start === 0 ? TIER.titleReadingPrefix : TIER.titleReading;
        if (!best || score > best.score) best = { score, field: 'title', range: m };
      }
    }
    if (!best || best.score < TIER.tagExact) {
      const tag = this.#matchTags(term, entry);
      if (tag && (!best || tag.score > best.score)) best = tag;
    }
    if (best) return best;
    const bodyAt = entry.body.text.indexOf(q);
    if (bodyAt >= 0) return { score: TIER.bodySubstring, field: 'body', range: { start: bodyAt, end: bodyAt + q.length } };
    const m = findMixed(q, entry.body);
    if (m) return { score: TIER.bodyReading, field: 'body', range: m };
    if (isSubsequence(q, title)) return { score: TIER.titleSubsequence, field: 'title', range: null };
    return null;
  }

  /** Snippets matching every term of `query`, best first (see the tiers above). */
  search(query: string, options: SearchOptions = {}): SearchResult {
    const limit = Math.max(0, options.limit ?? 50);
    const terms = parseQuery(query);
    const tag = options.tag ? foldText(options.tag.normalize('NFC').trim()).toLowerCase() : null;
    type Ranked = { score: number; sum: number; snippet: Snippet; first: TermMatch | null };
    const top: Ranked[] = [];
    let total = 0;
    for (const entry of this.#entries.values()) {
      if (tag !== null && !entry.tags.includes(tag)) continue;
      let score = Infinity;
      let sum = 0;
      let first: TermMatch | null = null;
      let ok = true;
      for (let i = 0; i < terms.length; i++) {
        const m = this.#matchTerm(terms[i]!, entry);
        if (!m) {
          ok = false;
          break;
        }
        if (i === 0) first = m;
        score = Math.min(score, m.score);
        sum += m.score;
      }
      if (!ok) continue;
      total++;
      const hit: Ranked = { score: terms.length ? score : 0, sum, snippet: entry.snippet, first };
      // Keep only the best `limit` (binary insertion): a one-letter query may match thousands.
      if (top.length === limit && (limit === 0 || compareHits(hit, top[limit - 1]!) >= 0)) continue;
      let lo = 0;
      let hi = top.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareHits(top[mid]!, hit) <= 0) lo = mid + 1;
        else hi = mid;
      }
      top.splice(lo, 0, hit);
      if (top.length > limit) top.pop();
    }
    return {
      total,
      hits: top.map((h) => ({ snippet: h.snippet, score: h.score, field: h.first?.field ?? null, range: h.first?.range ?? null })),
    };
  }
}
