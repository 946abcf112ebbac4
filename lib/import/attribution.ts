/**
 * Corpus-based suggestions for a draft, each marked with the reference document it comes from: missing
 * sections with an example heading, covered themes with evidence, missing themes with typical sentences
 * and phrasings, and fixed enumerations (排比) learned from the user's documents that the draft cuts short.
 * Pure: the side panel runs it on the effective corpus it gets from the background; tests run it in Node.
 */
import { setPhraseEnumerations as corpusSetPhrases } from '../corpus/build';
import { findIncompleteEnumerations, setPhraseEnumerations as defaultSetPhrases } from '../corpus/set-phrases';
import { missingSections, themeCoverage, type CoveredTheme, type MissingTheme } from '../corpus/query';
import { outlineOf } from '../corpus/outline';
import type { CorpusData, MissingSection, PassageRef, Section } from '../corpus/types';
import { USER_SOURCE } from './corpus';
import type { CorpusSource, EffectiveCorpus } from './types';

export interface Sourced {
  text: string;
  source: CorpusSource | null;
}

export interface SourcedMissingSection extends MissingSection {
  exampleSource: CorpusSource | null;
}

export interface SourcedCoveredTheme extends CoveredTheme {
  /** Phrasings of the theme in the corpus (to vary the wording). */
  phrasings: Sourced[];
}

export interface SourcedMissingTheme extends Omit<MissingTheme, 'examples'> {
  examples: Sourced[];
  phrasings: Sourced[];
}

/** “说起来重要、做起来次要” where a user document always goes on with “忙起来不要”. */
export interface EnumerationHint {
  start: number;
  end: number;
  written: string[];
  missing: string[];
  /** The whole enumeration as the document writes it (null when the draft goes on with a variant). */
  replacement: string | null;
  source: CorpusSource | null;
}

export interface CorpusSuggestions {
  sections: Section[];
  missingSections: SourcedMissingSection[];
  covered: SourcedCoveredTheme[];
  missingThemes: SourcedMissingTheme[];
  enumerations: EnumerationHint[];
}

const PHRASINGS_SHOWN = 4;

/** Source of corpus document `index`: a user document (by its stored title) or a default-corpus essay. */
export function sourceOf(effective: Pick<EffectiveCorpus, 'corpus' | 'userDocs'>, index: number): CorpusSource | null {
  const doc = effective.corpus.docs[index];
  if (!doc) return null;
  const user = effective.userDocs[doc.parent];
  if (user) return { kind: 'user', id: doc.parent, title: user.title };
  return { kind: doc.source === USER_SOURCE ? 'user' : 'default', id: doc.source === USER_SOURCE ? doc.parent : doc.id, title: doc.title };
}

/** Prefer a user document among the places a phrasing was seen (the default ones are known anyway). */
function bestSource(effective: Pick<EffectiveCorpus, 'corpus' | 'userDocs'>, refs: readonly PassageRef[]): CorpusSource | null {
  const sources = refs.map((r) => sourceOf(effective, r[0])).filter((s): s is CorpusSource => s !== null);
  return sources.find((s) => s.kind === 'user') ?? sources[0] ?? null;
}

function phrasingIndex(corpus: CorpusData): Map<string, PassageRef[]> {
  const map = new Map<string, PassageRef[]>();
  for (const e of corpus.enumerations) map.set(e.text, e.sources);
  for (const p of corpus.phrases) if (!map.has(p.text)) map.set(p.text, p.sources);
  return map;
}

/** Every suggestion the corpus gives for `text`, with sources. */
export function corpusSuggestions(text: string, effective: Pick<EffectiveCorpus, 'corpus' | 'userDocs'>): CorpusSuggestions {
  const { corpus } = effective;
  const sections = outlineOf(text);
  const refsOf = phrasingIndex(corpus);
  const sourced = (phrasing: string): Sourced => ({ text: phrasing, source: bestSource(effective, refsOf.get(phrasing) ?? []) });
  const stats = new Map(corpus.themes.map((t) => [t.id, t]));

  const missing = missingSections(text, corpus, sections).map((m): SourcedMissingSection => {
    const heading = corpus.sections.headings.find((h) => h.role === m.role && h.title === m.example);
    return { ...m, exampleSource: heading ? sourceOf(effective, heading.doc) : null };
  });

  const coverage = themeCoverage(text, corpus);
  const covered = coverage.covered.map(
    (c): SourcedCoveredTheme => ({ ...c, phrasings: (stats.get(c.id)?.phrasings ?? []).slice(0, PHRASINGS_SHOWN).map(sourced) }),
  );
  const missingThemes = coverage.missing.map((m): SourcedMissingTheme => {
    const s = stats.get(m.id);
    const examples = (s?.examples ?? []).map((e) => ({ text: e.text, source: sourceOf(effective, e.ref[0]) }));
    return {
      ...m,
      examples: examples.length ? examples : m.examples.map((e) => ({ text: e, source: null })),
      phrasings: (s?.phrasings ?? []).slice(0, PHRASINGS_SHOWN).map(sourced),
    };
  });

  return { sections, missingSections: missing, covered, missingThemes, enumerations: enumerationHints(text, effective) };
}

/**
 * Enumerations the effective corpus knows and the shipped list does not (the set-phrase rule already
 * checks those): the user's own documents' fixed phrasings, cut short in the draft.
 */
export function enumerationHints(text: string, effective: Pick<EffectiveCorpus, 'corpus' | 'userDocs'>): EnumerationHint[] {
  const known = new Set(defaultSetPhrases.map((e) => e.parts.join('、')));
  const extra = corpusSetPhrases(effective.corpus).filter((e) => !known.has(e.parts.join('、')));
  if (!extra.length) return [];
  const byKey = new Map(effective.corpus.enumerations.map((e) => [e.parts.join('、'), e]));
  return findIncompleteEnumerations(text, extra).map((f) => ({
    start: f.start,
    end: f.end,
    written: f.written,
    missing: f.missing,
    replacement: f.replacement,
    source: bestSource(effective, byKey.get(f.expected.join('、'))?.sources ?? []),
  }));
}
