import { describe, expect, it } from 'vitest';
import { mergeCorpora } from '@/lib/corpus/build';
import { defaultCorpus } from '@/lib/corpus/default';
import { setPhraseEnumerations } from '@/lib/corpus/set-phrases';
import { corpusSuggestions, enumerationHints, sourceOf } from '@/lib/import/attribution';
import { buildReferenceCorpus } from '@/lib/import/corpus';
import { DRAFT_PROBLEMS_ONLY, SMART_PARTY_PARAGRAPHS } from './fixtures';

const base = { corpus: defaultCorpus, userDocs: {} };
const smart = buildReferenceCorpus('u1', '汇编', SMART_PARTY_PARAGRAPHS.join('\n'));
const merged = { corpus: mergeCorpora(defaultCorpus, smart), userDocs: { u1: { title: '我的汇编', kind: 'docx' as const } } };

describe('sourceOf', () => {
  it('names default-corpus essays by their own title and user documents by their stored title', () => {
    expect(sourceOf(base, 0)).toEqual({ kind: 'default', id: defaultCorpus.docs[0]!.id, title: defaultCorpus.docs[0]!.title });
    const n = defaultCorpus.docs.length;
    expect(sourceOf(merged, n)).toEqual({ kind: 'user', id: 'u1', title: '我的汇编' });
    expect(sourceOf(merged, n + 2)).toEqual({ kind: 'user', id: 'u1', title: '我的汇编' });
    // A user essay whose document is not listed still counts as the user's.
    expect(sourceOf({ corpus: merged.corpus, userDocs: {} }, n)).toMatchObject({ kind: 'user', id: 'u1' });
    expect(sourceOf(base, 999)).toBeNull();
  });
});

describe('corpusSuggestions', () => {
  it('gives missing sections with a real corpus heading and its source', () => {
    const s = corpusSuggestions(DRAFT_PROBLEMS_ONLY, base);
    expect(s.sections.map((x) => x.role)).toContain('problems');
    const roles = s.missingSections.map((m) => m.role);
    expect(roles).toEqual(expect.arrayContaining(['causes', 'measures']));
    for (const m of s.missingSections) {
      expect(m.exampleSource?.kind).toBe('default');
      expect(defaultCorpus.sections.headings.some((h) => h.title === m.example)).toBe(true);
    }
  });

  it('gives nothing for an empty draft and never throws on odd text', () => {
    expect(corpusSuggestions('', base)).toMatchObject({ sections: [], missingSections: [], covered: [], enumerations: [] });
    expect(() => corpusSuggestions('\ud800\u0000𠮷\r\n一、\n'.repeat(50), merged)).not.toThrow();
  });

  it('hints only at enumerations the shipped set-phrase list lacks (the rule checks those)', () => {
    const known = setPhraseEnumerations.find((e) => e.parts.length >= 3)!;
    const draft = `要做到${known.parts.slice(0, 2).join('、')}，还要网上学、网上议。`;
    expect(enumerationHints(draft, merged).map((h) => h.written)).toEqual([['网上学', '网上议']]);
    expect(enumerationHints(draft, base)).toEqual([]);
  });
});
