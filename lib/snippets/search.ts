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
import { findMixedStart, foldQuery, hasReadingChars, isAlnum as isAlnumCode, isSubsequence, type Range } from './match';
import { abbreviates, packFields, scanField, scanPrefixes, type FieldHits, type PackedField } from './scan';
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
  /** Number of snippets that matched (hits holds at most `limit` of them); a lower bound when `more`. */
  total: number;
  /**
   * The search stopped once `limit` snippets matched in their titles or tags (bodies rank below those,
   * so the hits are the same): more may match in their bodies. Absent when `total` is exact.
   */
  more?: true;
}

export interface SearchOptions {
  /** Most hits returned (default 50). */
  limit?: number;
  /** Count every match even when the titles and tags alone fill `limit` (no early cut). */
  exactTotal?: boolean;
  /** Only snippets carrying this tag (exact, case-insensitive). */
  tag?: string;
}

interface Entry {
  /** Replaced in place when only counts or dates change. */
  snippet: Snippet;
  title: Aligned;
  body: Aligned;
  /** Folded tags. */
  tags: string[];
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

/** Tier of a term against one tag (0: none). */
function tagTier(term: Term, tag: string, aligned: () => Aligned): number {
  if (tag === term.q) return TIER.tagExact;
  if (tag.startsWith(term.q) || (term.reading && findMixedStart(term.q, aligned()) === 0)) return TIER.tagPrefix;
  return 0;
}

interface Packed {
  entries: Entry[];
  titles: PackedField;
  bodies: PackedField;
  /** Every tag in use (folded) and the snippets carrying it: a term is tried once per tag. */
  tagged: Map<string, number[]>;
  /**
   * Snippets by the first initial (letters, digits) or first character of their title: the only ones an
   * abbreviation (the subsequence tier) starting with that letter or character can match.
   */
  byFirstInitial: Map<number, number[]>;
  byFirstText: Map<number, number[]>;
  /** Hit buffers per query term, reused from search to search (see scan.ts FieldHits). */
  titleHits: FieldHits[];
  bodyHits: FieldHits[];
  /** Stamp per snippet: visited in the current search (`seen[i] === stamp`). */
  seen: Uint32Array;
  stamp: number;
}

function groupBy(count: number, key: (i: number) => number): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const k = key(i);
    if (!k) continue;
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  }
  return groups;
}

export class SnippetIndex {
  readonly #entries = new Map<number, Entry>();
  /** Readings of tags, shared by every snippet carrying the same tag. */
  readonly #tagReadings = new Map<string, Aligned>();
  /** All titles and bodies packed for scanning (scan.ts); rebuilt on the first search after a change. */
  #packed: Packed | null = null;

  get size(): number {
    return this.#entries.size;
  }

  /** Add or replace a snippet; `readings` as stored (recomputed when missing or from an older version). */
  put(snippet: Snippet, readings?: SnippetReadings | null): void {
    const old = this.#entries.get(snippet.id);
    // Only counts or dates changed (recordUse): keep the aligned texts and the packed strings.
    if (old && old.snippet.title === snippet.title && old.snippet.body === snippet.body && sameTags(old.snippet.tags, snippet.tags)) {
      old.snippet = snippet;
      return;
    }
    const r = readings && readings.version === PINYIN_VERSION ? readings : snippetReadings(snippet);
    this.#entries.set(snippet.id, {
      snippet,
      title: alignField(matchTitle(snippet), r.title),
      body: alignField(snippet.body, r.body),
      tags: snippet.tags.map((t) => foldText(t.normalize('NFC')).toLowerCase()),
    });
    this.#packed = null;
  }

  delete(id: number): void {
    if (this.#entries.delete(id)) this.#packed = null;
  }

  clear(): void {
    this.#entries.clear();
    this.#packed = null;
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

  #pack(): Packed {
    if (!this.#packed) {
      const entries = [...this.#entries.values()];
      const titles = packFields(entries.map((e) => e.title));
      const tagged = new Map<string, number[]>();
      entries.forEach((e, i) => {
        for (const tag of new Set(e.tags)) {
          const list = tagged.get(tag);
          if (list) list.push(i);
          else tagged.set(tag, [i]);
        }
      });
      this.#packed = {
        entries,
        titles,
        bodies: packFields(entries.map((e) => e.body)),
        tagged,
        byFirstInitial: groupBy(entries.length, (i) => titles.firstInitial[i]!),
        byFirstText: groupBy(entries.length, (i) => titles.firstText[i]!),
        titleHits: [],
        bodyHits: [],
        seen: new Uint32Array(entries.length),
        stamp: 0,
      };
    }
    return this.#packed;
  }

  /** Snippets matching every term of `query`, best first (see the tiers above). */
  search(query: string, options: SearchOptions = {}): SearchResult {
    const limit = Math.max(0, options.limit ?? 50);
    const terms = parseQuery(query);
    const tagFilter = options.tag ? foldText(options.tag.normalize('NFC').trim()).toLowerCase() : null;
    const packed = this.#pack();
    const { entries, titles, bodies, tagged } = packed;

    // Per term: where it occurs in every title and body, and its tier against every tag in use.
    const scans = terms.map((term, k): TermScan => {
      const tags = new Map<string, number>();
      for (const tag of tagged.keys()) {
        const tier = tagTier(term, tag, () => this.#tagAligned(tag));
        if (tier) tags.set(tag, tier);
      }
      const q0 = term.q.charCodeAt(0);
      const first = isAlnumCode(q0) ? titles.firstInitial : titles.firstText;
      const firstOk = (i: number) => first[i] === q0;
      if (term.tagOnly) return { term, tags, title: null, body: null, firstOk };
      // A single term is scanned below in steps, each only if the ones before left room in the top.
      const later = terms.length === 1 && !options.exactTotal && limit > 0;
      const title = (packed.titleHits[k] = scanField(titles, later ? '' : term.q, true, packed.titleHits[k]));
      const body = (packed.bodyHits[k] = scanField(bodies, later ? '' : term.q, false, packed.bodyHits[k]));
      return { term, tags, title, body, firstOk };
    });

    type Ranked = { score: number; sum: number; snippet: Snippet; field: SearchHit['field']; start: number; end: number };
    const top: Ranked[] = [];
    let total = 0;
    const rank = (i: number) => {
      const entry = entries[i]!;
      if (tagFilter !== null && !entry.tags.includes(tagFilter)) return;
      let score = terms.length ? Infinity : 0;
      let sum = 0;
      let field: SearchHit['field'] = null;
      let start = -1;
      let end = -1;
      for (let k = 0; k < scans.length; k++) {
        const m = termTier(scans[k]!, entry, i);
        if (!m) return;
        if (k === 0) {
          field = scratch.field;
          start = scratch.start;
          end = scratch.end;
        }
        if (m < score) score = m;
        sum += m;
      }
      total++;
      const snippet = entry.snippet;
      // Keep only the best `limit` (binary insertion): a one-letter query may match thousands.
      if (top.length === limit && (limit === 0 || compareHits({ score, sum, snippet }, top[limit - 1]!) >= 0)) return;
      const hit: Ranked = { score, sum, snippet, field, start, end };
      let lo = 0;
      let hi = top.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareHits(top[mid]!, hit) <= 0) lo = mid + 1;
        else hi = mid;
      }
      top.splice(lo, 0, hit);
      if (top.length > limit) top.pop();
    };
    if (!scans.length) for (let i = 0; i < entries.length; i++) rank(i);
    else {
      // Only the snippets the first term reaches (every term must match): its title and body hits, the
      // carriers of the tags it matches, and the titles it may abbreviate — each visited once.
      const stamp = (packed.stamp = (packed.stamp + 1) >>> 0 || 1);
      const seen = packed.seen;
      const visit = (list: readonly number[]) => {
        for (let j = 0; j < list.length; j++) {
          const i = list[j]!;
          if (seen[i] === stamp) continue;
          seen[i] = stamp;
          rank(i);
        }
      };
      const first = scans[0]!;
      const q = first.term.q;
      const q0 = q.charCodeAt(0);
      const byFirst = (isAlnumCode(q0) ? packed.byFirstInitial : packed.byFirstText).get(q0) ?? [];
      const stepwise = scans.length === 1 && first.title && first.body && !options.exactTotal && limit > 0;
      if (stepwise) {
        // Step by step, best tiers first; once the snippets ranked fill the top, no later one can enter
        // it (each step's tiers are below every earlier one's) and the rest is left unscanned:
        // 1. titles that start with the query (85–100): only those whose first unit fits;
        first.title = packed.titleHits[0] = scanPrefixes(titles, q, byFirst, first.title!);
        visit(first.title.touched);
        if (total >= limit) return result(total, top, true);
        // 2. the query anywhere in a title (65, 70) or a tag (60, 80) — step 1's hits are found again
        // with the same tiers, and not ranked twice;
        first.title = packed.titleHits[0] = scanField(titles, q, true, first.title);
      }
      for (const tag of first.tags.keys()) visit(tagged.get(tag)!);
      if (first.title && first.body) {
        visit(first.title.touched);
        if (stepwise) {
          if (total >= limit) return result(total, top, true);
          // 3. bodies (40, 50) and abbreviations (20).
          first.body = packed.bodyHits[0] = scanField(bodies, q, false, first.body);
        }
        visit(first.body.touched);
        // The titles the term may abbreviate: not reached above, so nothing else of theirs matched.
        if (q.length > 1) {
          for (let j = 0; j < byFirst.length; j++) {
            const i = byFirst[j]!;
            if (seen[i] === stamp || !abbreviates(titles, q, i)) continue;
            seen[i] = stamp;
            rank(i);
          }
        }
      }
    }
    return result(total, top, false);
  }
}

function result(total: number, top: readonly { score: number; snippet: Snippet; field: SearchHit['field']; start: number; end: number }[], more: boolean): SearchResult {
  return {
    total,
    ...(more ? { more: true as const } : {}),
    hits: top.map((h) => ({
      snippet: h.snippet,
      score: h.score,
      field: h.field,
      range: h.start >= 0 ? ({ start: h.start, end: h.end } satisfies Range) : null,
    })),
  };
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/** Where the last termTier found its match (no object per snippet and term). */
const scratch = { field: null as SearchHit['field'], start: -1, end: -1 };

function hit(score: number, field: SearchHit['field'], start: number, end: number): number {
  scratch.field = field;
  scratch.start = start;
  scratch.end = end;
  return score;
}

/** Tier of one term in entry i (0: no match), from the term's scans. */
interface TermScan {
  term: Term;
  tags: Map<string, number>;
  title: FieldHits | null;
  body: FieldHits | null;
  /** Can the term abbreviate title i (its first character fits)? */
  firstOk: (i: number) => boolean;
}

function termTier(scan: TermScan, entry: Entry, i: number): number {
  let tag = 0;
  if (entry.tags.length) for (const t of entry.tags) tag = Math.max(tag, scan.tags.get(t) ?? 0);
  if (!scan.title || !scan.body) return tag ? hit(tag, 'tags', -1, -1) : 0;
  const q = scan.term.q;
  let best = 0;
  const lit = scan.title.literal[i]!;
  if (lit === 0) return hit(entry.title.text.length === q.length ? TIER.exactTitle : TIER.titlePrefix, 'title', 0, q.length);
  if (lit > 0) best = hit(TIER.titleSubstring, 'title', lit, lit + q.length);
  const at = scan.title.start[i]!;
  if (at >= 0) {
    const score = at === 0 ? TIER.titleReadingPrefix : TIER.titleReading;
    if (score > best) best = hit(score, 'title', at, scan.title.end[i]!);
  }
  if (tag > best) best = hit(tag, 'tags', -1, -1);
  if (best) return best;
  const bodyLit = scan.body.literal[i]!;
  if (bodyLit >= 0) return hit(TIER.bodySubstring, 'body', bodyLit, bodyLit + q.length);
  const bodyAt = scan.body.start[i]!;
  if (bodyAt >= 0) return hit(TIER.bodyReading, 'body', bodyAt, scan.body.end[i]!);
  // Abbreviations start at the title's first unit: test that from the packed arrays before the title.
  if (q.length > 1 && scan.firstOk(i) && isSubsequence(q, entry.title)) return hit(TIER.titleSubsequence, 'title', -1, -1);
  return 0;
}
