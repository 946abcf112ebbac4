/**
 * buildCorpus: documents → CorpusData (section patterns, theme statistics, recurring phrasings,
 * enumerations). Pure and deterministic (same input → byte-identical JSON), no Intl.Segmenter, so the
 * same code builds the shipped default corpus (scripts/build-corpus.ts) and user imports in the extension.
 *
 * mergeCorpora(base, extra) combines two built corpora without their texts. Statistics add up exactly;
 * the one approximation: a phrase used once in each corpus (in neither corpus twice) is not found.
 */
import { CURATED_ENUMERATIONS, ROLE_NAMES, roleCue, strongRole, THEMES } from './curated';
import { findEnumerations } from './enumerations';
import { tidyExample } from './tidy';
import { layoutOf, type LayoutLine } from './layout';
import { outlineOfLayout } from './outline';
import { hanRuns, minePhrases, MAX_PHRASES, type Run } from './phrases';
import { COVER_SCORE, themeHits, type ThemeHit } from './themes';
import {
  ROLES,
  type CorpusData,
  type CorpusDoc,
  type CorpusDocInput,
  type CorpusEnumeration,
  type CorpusHeading,
  type CorpusSections,
  type PassageRef,
  type Role,
  type RoleStats,
  type SetPhraseEnumeration,
  type ThemeExample,
  type ThemeStats,
} from './types';

// Theme sets are kept in 31-bit masks while building.
if (THEMES.length > 31) throw new Error('lib/corpus: at most 31 curated themes are supported');

/** A role is suggested when missing if at least this share of corpus documents has it. */
export const USUAL_ROLE_SHARE = 0.25;
const EXAMPLES_PER_THEME = 3;
const PHRASINGS_PER_THEME = 8;
const SOURCES = 3;

const SENTENCE_END = /[。！？!?；;]/g;
const COMPLETE_END = /[。！？!?；;：:…”」）)]$/;
const LEAD_MARKER =
  /^(?:[一二三四五六七八九十]{1,3}[、：:是要]|[（(][一二三四五六七八九十0-9]{1,3}[)）]|[0-9]{1,2}[.、．]|第[一二三四五六七八九十]{1,3}[，,、]?|首先|其次|再次|最后)[，,、]?/;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Ranking of phrases and enumerations: documents, occurrences, length, text. */
const byUse = (p: { text: string; docs: number; count: number }, q: { text: string; docs: number; count: number }) =>
  q.docs - p.docs || q.count - p.count || q.text.length - p.text.length || byText(p.text, q.text);

interface ThemeAcc {
  docs: number;
  passages: PassageRef[];
  keywords: Map<string, number>;
  examples: ThemeExample[];
}

interface SentenceInfo {
  start: number;
  end: number;
  /** Bit set of theme indices. */
  mask: number;
}

function sentencesOf(line: LayoutLine): [number, number][] {
  const out: [number, number][] = [];
  const t = line.text;
  let s = 0;
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(t[a]!)) a++;
    while (b > a && /\s/.test(t[b - 1]!)) b--;
    if (b > a) out.push([line.start + a, line.start + b]);
  };
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(t))) {
    push(s, m.index + 1);
    s = m.index + 1;
  }
  push(s, t.length);
  return out;
}

function bigrams(s: string): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + 2 <= s.length; i++) set.add(s.slice(i, i + 2));
  return set;
}

function similar(a: string, b: string): boolean {
  const x = bigrams(a);
  const y = bigrams(b);
  let inter = 0;
  for (const g of x) if (y.has(g)) inter++;
  return inter / Math.max(1, x.size + y.size - inter) > 0.4;
}

/** Best examples: highest score, one per document, no near-duplicates. */
function pickExamples(cands: readonly ThemeExample[]): ThemeExample[] {
  const sorted = [...cands].sort(
    (a, b) => b.score - a.score || a.ref[0] - b.ref[0] || a.ref[1] - b.ref[1] || byText(a.text, b.text),
  );
  const out: ThemeExample[] = [];
  for (const c of sorted) {
    if (out.some((o) => o.ref[0] === c.ref[0] || similar(o.text, c.text))) continue;
    out.push(c);
    if (out.length >= EXAMPLES_PER_THEME) break;
  }
  return out;
}

function exampleScore(text: string, hits: readonly ThemeHit[], theme: number): number {
  const strong = new Set<string>();
  const related = new Set<string>();
  for (const h of hits) {
    const k = h.themes.indexOf(theme);
    if (k >= 0) (h.strong[k] ? strong : related).add(h.keyword);
  }
  const n = text.length;
  const lengthFit = n >= 15 && n <= 60 ? 2 : n <= 90 ? 1 : 0;
  return strong.size * 3 + related.size + lengthFit;
}

// ---------------------------------------------------------------------------------------------
// Section statistics

function commonPrefixLen(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function commonSuffixLen(a: string, b: string, max: number): number {
  let i = 0;
  while (i < max && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

function longestCommonSubstring(a: string, b: string): string {
  let best = '';
  for (let i = 0; i < a.length; i++) {
    for (let j = i + best.length + 1; j <= a.length; j++) {
      if (b.includes(a.slice(i, j))) best = a.slice(i, j);
      else break;
    }
  }
  return best;
}

function patternRegex(pattern: string): RegExp {
  const parts = pattern.split('……').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`);
}

/** Does the fixed text of a wording name the role (存在的问题, 原因, 对策 …)? */
function namesRole(fixed: string, role: Role): boolean {
  return strongRole(fixed) === role;
}

/** A wording from one title: the part that names the role (如何提高……, ……的思考, 对策). */
function singleWording(title: string, role: Role): string | null {
  if (title.length <= 6) return namesRole(title, role) ? title : null;
  const cue = roleCue(title, role);
  if (!cue) return null;
  const [a, b] = cue;
  if (a === 0) return `${title.slice(0, Math.min(title.length, b + 2))}${b + 2 < title.length ? '……' : ''}`;
  if (b === title.length) {
    const de = title.lastIndexOf('的', a);
    const from = de >= 0 && a - de <= 3 ? de : Math.max(0, a - 2);
    return `${from > 0 ? '……' : ''}${title.slice(from)}`;
  }
  return `……${title.slice(a, b)}……`;
}

/** Typical wordings of a role's headings: 当前……存在的问题, ……产生问题的原因……, 如何提高…… */
export function headingWordings(titles: readonly string[], role: Role): { pattern: string; count: number }[] {
  const named = titles.filter((t) => t.length <= 40 && namesRole(t, role));
  const uniq = [...new Set(named)].sort(byText);
  const patterns = new Set<string>();
  for (let i = 0; i < uniq.length; i++) {
    for (let j = i + 1; j < uniq.length; j++) {
      const a = uniq[i]!;
      const b = uniq[j]!;
      const p = commonPrefixLen(a, b);
      const s = commonSuffixLen(a, b, Math.min(a.length, b.length) - p);
      const pre = p >= 2 ? a.slice(0, p) : '';
      const suf = s >= 2 ? a.slice(a.length - s) : '';
      let pattern = '';
      if (pre.length + suf.length >= 3) pattern = `${pre}……${suf}`;
      else {
        const c = longestCommonSubstring(a, b);
        if (c.length >= 3) pattern = `……${c}……`;
      }
      if (pattern && namesRole(pattern.replace(/……/g, ''), role)) patterns.add(pattern);
    }
  }
  for (const t of uniq) {
    const w = singleWording(t, role);
    if (w) patterns.add(w);
  }
  const titleCount = new Map<string, number>();
  for (const t of named) titleCount.set(t, (titleCount.get(t) ?? 0) + 1);
  const scored = [...patterns].map((pattern) => {
    const re = patternRegex(pattern);
    const matched = uniq.filter((t) => re.test(t));
    const count = matched.reduce((n, t) => n + titleCount.get(t)!, 0);
    return { pattern, count, key: matched.join('|'), fixed: pattern.replace(/……/g, '').length };
  });
  scored.sort((a, b) => b.count - a.count || b.fixed - a.fixed || byText(a.pattern, b.pattern));
  const seen = new Set<string>();
  const out: { pattern: string; count: number }[] = [];
  for (const p of scored) {
    if (!p.count || seen.has(p.key)) continue;
    seen.add(p.key);
    out.push({ pattern: p.pattern, count: p.count });
    if (out.length >= 5) break;
  }
  return out;
}

function finalizeSections(docs: readonly CorpusDoc[], headings: CorpusHeading[]): CorpusSections {
  const n = docs.length;
  const count = new Map<Role, number>();
  const wins = new Map<string, number>();
  for (const d of docs) {
    d.roles.forEach((r, i) => {
      count.set(r, (count.get(r) ?? 0) + 1);
      for (const later of d.roles.slice(i + 1)) wins.set(`${r}>${later}`, (wins.get(`${r}>${later}`) ?? 0) + 1);
    });
  }
  const seen = ROLES.filter((r) => count.has(r) || headings.some((h) => h.role === r));
  // Copeland order: how many other roles a role precedes in most documents that have both.
  const score = (r: Role) => seen.filter((o) => (wins.get(`${r}>${o}`) ?? 0) > (wins.get(`${o}>${r}`) ?? 0)).length;
  const order = [...seen].sort((a, b) => score(b) - score(a) || ROLES.indexOf(a) - ROLES.indexOf(b));
  const roles: RoleStats[] = order.map((role) => {
    const titles = headings.filter((h) => h.role === role).map((h) => h.title);
    const wordings = headingWordings(titles, role);
    return {
      role,
      name: ROLE_NAMES[role],
      docs: count.get(role) ?? 0,
      frequency: n ? Math.round(((count.get(role) ?? 0) / n) * 1000) / 1000 : 0,
      wordings,
      example: pickHeadingExample(titles, wordings),
    };
  });
  const usual = roles.filter((r) => r.role !== 'other' && r.frequency >= USUAL_ROLE_SHARE).map((r) => r.role);
  return { headings, roles, order, usual };
}

/** The real heading that matches the most typical wordings (4–24 characters preferred, then shorter). */
function pickHeadingExample(titles: readonly string[], wordings: readonly { pattern: string; count: number }[]): string | null {
  const uniq = [...new Set(titles)].sort(byText);
  if (!uniq.length) return null;
  const res = wordings.map((w) => [patternRegex(w.pattern), w.count] as const);
  const value = (t: string) => res.reduce((s, [re, c]) => s + (re.test(t) ? c : 0), 0);
  const fit = (t: string) => (t.length >= 4 && t.length <= 24 ? 0 : 1);
  return [...uniq].sort((a, b) => value(b) - value(a) || fit(a) - fit(b) || a.length - b.length || byText(a, b))[0]!;
}

// ---------------------------------------------------------------------------------------------

function rankPairs(m: Map<string, number>): [string, number][] {
  return [...m].sort((a, b) => b[1] - a[1] || byText(a[0], b[0]));
}

/** Build the corpus of a set of documents. Collections are split into one document per essay. */
export function buildCorpus(inputs: readonly CorpusDocInput[]): CorpusData {
  const docs: CorpusDoc[] = [];
  const headings: CorpusHeading[] = [];
  const runs: Run[] = [];
  const enumFound = new Map<string, CorpusEnumeration & { last: number }>();
  const sentenceIndex: SentenceInfo[][] = [];
  const acc: ThemeAcc[] = THEMES.map(() => ({ docs: 0, passages: [], keywords: new Map(), examples: [] }));
  /** Paragraphs already seen in an earlier document: copies do not make a phrasing recur. */
  const seenParagraphs = new Set<string>();

  for (const input of inputs) {
    const text = input.text;
    const layout = layoutOf(text);
    const sections = outlineOfLayout(layout);
    for (const essay of layout.essays) {
      const d = docs.length;
      const mine = sections.filter((s) => s.essay === essay.index);
      const roles: Role[] = [];
      for (const s of mine) if (s.role !== 'other' && !roles.includes(s.role)) roles.push(s.role);
      const titles = new Set<string>();
      for (const s of mine) {
        // Long titles are body text fused to a heading by a lost line break: no use as wording examples.
        if (!s.own || s.kind === 'implicit' || s.kind === 'conclusion' || s.role === 'other' || s.title.length > 40 || titles.has(s.title)) continue;
        titles.add(s.title);
        headings.push({ role: s.role, title: s.title, doc: d });
      }
      const id = layout.essays.length > 1 ? `${input.id}#${essay.index + 1}` : input.id;
      const title = essay.title || input.title;
      const scores = new Float64Array(THEMES.length);
      const sentences: SentenceInfo[] = [];
      const exampleCands: ThemeExample[][] = THEMES.map(() => []);
      const essayParagraphs: string[] = [];

      for (let i = essay.firstLine; i <= essay.lastLine; i++) {
        const line = layout.lines[i]!;
        if (line.kind === 'title') {
          // A title counts for the essay's themes (as in a draft), but gives no passage.
          for (const x of themeHits(text, line.start, line.end)) {
            for (let k = 0; k < x.themes.length; k++) scores[x.themes[k]!]! += x.strong[k] ? 2 : 1;
          }
        }
        if (line.kind !== 'body' || line.dup) continue;
        const copy = line.trimmed.length >= 20 && seenParagraphs.has(line.trimmed);
        if (line.trimmed.length >= 20) essayParagraphs.push(line.trimmed);
        if (!copy) {
          hanRuns(d, line.text, line.start, runs);
          for (const e of findEnumerations(text, line.start, line.end)) {
            const key = e.parts.join('、');
            let entry = enumFound.get(key);
            if (!entry) enumFound.set(key, (entry = { parts: e.parts, text: key, docs: 0, count: 0, sources: [], last: -1 }));
            if (entry.last !== d) {
              entry.last = d;
              entry.docs++;
            }
            entry.count++;
            if (entry.sources.length < SOURCES) entry.sources.push([d, e.start, e.end]);
          }
        }
        const hits = themeHits(text, line.start, line.end);
        for (const x of hits) {
          for (let k = 0; k < x.themes.length; k++) {
            const t = x.themes[k]!;
            scores[t]! += x.strong[k] ? 2 : 1;
            if (x.strong[k]) acc[t]!.keywords.set(x.keyword, (acc[t]!.keywords.get(x.keyword) ?? 0) + 1);
          }
        }
        // A line that continues a broken one, or stops mid-sentence, gives no clean example at its edge.
        let p = i - 1;
        while (p >= essay.firstLine && layout.lines[p]!.kind === 'blank') p--;
        const continues = p >= essay.firstLine && layout.lines[p]!.kind === 'body' && !COMPLETE_END.test(layout.lines[p]!.trimmed);
        const lineSentences = sentencesOf(line);
        let h = 0;
        for (let si = 0; si < lineSentences.length; si++) {
          const [s, e] = lineSentences[si]!;
          const clean = !(si === 0 && continues) && COMPLETE_END.test(text.slice(e - 1, e));
          let mask = 0;
          let strongMask = 0;
          const h0 = h;
          while (h < hits.length && hits[h]!.start < e) {
            const x = hits[h]!;
            for (let k = 0; k < x.themes.length; k++) {
              mask |= 1 << x.themes[k]!;
              if (x.strong[k]) strongMask |= 1 << x.themes[k]!;
            }
            h++;
          }
          sentences.push({ start: s, end: e, mask });
          if (!mask) continue;
          const inSentence = hits.slice(h0, h);
          const marker = LEAD_MARKER.exec(text.slice(s, Math.min(e, s + 8)));
          const exStart = marker ? s + marker[0].length : s;
          const exLength = e - exStart;
          for (let t = 0; t < THEMES.length; t++) {
            if (!(mask & (1 << t))) continue;
            acc[t]!.passages.push([d, s, e]);
            if (clean && strongMask & (1 << t) && exLength >= 12 && exLength <= 100) {
              const exText = text.slice(exStart, e);
              exampleCands[t]!.push({ text: exText, ref: [d, exStart, e], score: exampleScore(exText, inSentence, t) });
            }
          }
        }
      }
      for (const p of essayParagraphs) seenParagraphs.add(p);

      const covered: string[] = [];
      THEMES.forEach((theme, t) => {
        if (scores[t]! >= COVER_SCORE) {
          covered.push(theme.id);
          acc[t]!.docs++;
        }
        acc[t]!.examples.push(...pickExamples(exampleCands[t]!));
      });
      sentenceIndex.push(sentences);
      docs.push({ id, parent: input.id, title, source: input.source, start: essay.start, end: essay.end, roles, themes: covered });
    }
  }

  const phrases = minePhrases(runs);
  const enumerations = [...enumFound.values()]
    .map(({ last: _last, ...e }) => e)
    .sort(byUse);

  // Phrasings of a theme: recurring phrases and enumerations whose occurrences lie in its passages.
  const themesAt = (ref: PassageRef): number => {
    const list = sentenceIndex[ref[0]]!;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (s.end <= ref[1]) lo = mid + 1;
      else if (s.start > ref[1]) hi = mid - 1;
      else return s.mask;
    }
    return 0;
  };
  const phrasingsOf = (t: number): string[] => {
    const words = [...THEMES[t]!.keywords, ...THEMES[t]!.related];
    const out: string[] = [];
    for (const p of [...enumerations.filter((e) => e.docs >= 2), ...phrases]) {
      const inTheme = p.sources.filter((r) => themesAt(r) & (1 << t)).length;
      if (inTheme >= Math.min(2, p.sources.length) && words.some((w) => p.text.includes(w))) out.push(p.text);
      if (out.length >= PHRASINGS_PER_THEME) break;
    }
    return out;
  };

  const themes: ThemeStats[] = THEMES.map((theme, t) => {
    const a = acc[t]!;
    return {
      id: theme.id,
      docs: a.docs,
      passages: a.passages,
      keywords: rankPairs(a.keywords),
      phrasings: phrasingsOf(t),
      // `ref` keeps pointing at the original passage; the text shown is tidied.
      examples: pickExamples(a.examples).map((e) => ({ ...e, text: tidyExample(e.text) })),
    };
  });

  return { version: 1, docs, sections: finalizeSections(docs, headings), themes, phrases, enumerations };
}

// ---------------------------------------------------------------------------------------------

function shiftRef(ref: PassageRef, offset: number): PassageRef {
  return [ref[0] + offset, ref[1], ref[2]];
}

function mergeCounted<T extends { text: string; docs: number; count: number; sources: PassageRef[] }>(
  a: readonly T[],
  b: readonly T[],
  offset: number,
): T[] {
  const map = new Map<string, T>();
  for (const x of a) map.set(x.text, { ...x, sources: [...x.sources] });
  for (const x of b) {
    const shifted = x.sources.map((r) => shiftRef(r, offset));
    const y = map.get(x.text);
    if (!y) map.set(x.text, { ...x, sources: shifted });
    else {
      y.docs += x.docs;
      y.count += x.count;
      y.sources = [...y.sources, ...shifted].slice(0, SOURCES);
    }
  }
  return [...map.values()].sort(byUse);
}

function mergePairs(a: readonly [string, number][], b: readonly [string, number][]): [string, number][] {
  const m = new Map<string, number>(a);
  for (const [k, v] of b) m.set(k, (m.get(k) ?? 0) + v);
  return rankPairs(m);
}

/** Combine a base corpus (e.g. the default one) with a corpus built from more documents. */
export function mergeCorpora(base: CorpusData, extra: CorpusData): CorpusData {
  const offset = base.docs.length;
  const docs = [...base.docs, ...extra.docs];
  const headings = [...base.sections.headings, ...extra.sections.headings.map((h) => ({ ...h, doc: h.doc + offset }))];
  const ids = [...base.themes.map((t) => t.id), ...extra.themes.map((t) => t.id).filter((id) => !base.themes.some((t) => t.id === id))];
  const themes: ThemeStats[] = ids.map((id) => {
    const a = base.themes.find((t) => t.id === id);
    const b = extra.themes.find((t) => t.id === id);
    if (!a) return { ...b!, passages: b!.passages.map((r) => shiftRef(r, offset)), examples: b!.examples.map((e) => ({ ...e, ref: shiftRef(e.ref, offset) })) };
    if (!b) return a;
    return {
      id,
      docs: a.docs + b.docs,
      passages: [...a.passages, ...b.passages.map((r) => shiftRef(r, offset))],
      keywords: mergePairs(a.keywords, b.keywords),
      phrasings: [...new Set([...a.phrasings, ...b.phrasings])].slice(0, PHRASINGS_PER_THEME),
      examples: pickExamples([...a.examples, ...b.examples.map((e) => ({ ...e, ref: shiftRef(e.ref, offset) }))]),
    };
  });
  const phrases = mergeCounted(base.phrases, extra.phrases, offset).slice(0, MAX_PHRASES);
  const enumerations = mergeCounted(base.enumerations, extra.enumerations, offset);
  const sections = finalizeSections(docs, headings);
  // The base corpus's usual sections stay usual: a few imported documents without, say, a 原因分析 section
  // must not stop the genre's usual outline from being suggested.
  const usual = sections.order.filter((r) => sections.usual.includes(r) || base.sections.usual.includes(r));
  return { version: 1, docs, sections: { ...sections, usual }, themes, phrases, enumerations };
}

// ---------------------------------------------------------------------------------------------

/** The fixed enumerations a rule can check: curated ones plus those used by ≥ 2 corpus documents. */
export function setPhraseEnumerations(corpus: CorpusData): SetPhraseEnumeration[] {
  const found = new Map(corpus.enumerations.map((e) => [e.parts.join('、'), e]));
  const out: SetPhraseEnumeration[] = CURATED_ENUMERATIONS.map((c) => ({
    parts: c.parts,
    source: 'curated',
    curated: true,
    docs: found.get(c.parts.join('、'))?.docs ?? 0,
  }));
  for (const e of corpus.enumerations) {
    if (e.docs < 2 || out.some((o) => o.parts.join('、') === e.text)) continue;
    const ref = e.sources[0]!;
    out.push({ parts: e.parts, source: `${corpus.docs[ref[0]]!.id}:${ref[1]}`, curated: false, docs: e.docs });
  }
  return out;
}

/**
 * JSON with one array element per line: compact, yet a regenerated file diffs line by line.
 */
export function serializeJson(value: unknown, depth = 0): string {
  if (depth < 2 && Array.isArray(value)) {
    if (!value.length) return '[]';
    return `[\n${value.map((v) => JSON.stringify(v)).join(',\n')}\n]`;
  }
  if (depth < 2 && value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{\n${entries.map(([k, v]) => `${JSON.stringify(k)}:${serializeJson(v, depth + 1)}`).join(',\n')}\n}`;
  }
  return JSON.stringify(value);
}
