import { useEffect, useState } from 'preact/hooks';
import { defaultCorpus } from '@/lib/corpus/default';
import { corpusSuggestions, type CorpusSuggestions } from '@/lib/import/attribution';
import type { EffectiveCorpus } from '@/lib/import/types';
import { sendMessage } from '@/lib/protocol';
import { watchReferenceRevision } from '@/lib/storage/revision';

/**
 * The effective corpus (default + the user's reference documents) and the corpus suggestions for a text,
 * shared by the outline, the themes view and the summary line: computed once per text, after a pause
 * (it is secondary to the issue list and costs more on long drafts).
 */
export type Corpus = Pick<EffectiveCorpus, 'corpus' | 'userDocs'>;
const FALLBACK: Corpus = { corpus: defaultCorpus, userDocs: {} };
/** Pause after the last change before the corpus views are recomputed: longer for long drafts (≈ 7 ms per 1,000 characters here). */
const PAUSE_MS = 250;
const pauseFor = (text: string) => PAUSE_MS + Math.min(2_000, Math.round(text.length / 40));

let memo: { text: string; corpus: Corpus; result: CorpusSuggestions } | null = null;

export function suggestionsFor(text: string, corpus: Corpus): CorpusSuggestions {
  if (memo && memo.text === text && memo.corpus === corpus) return memo.result;
  const result = corpusSuggestions(text, corpus);
  memo = { text, corpus, result };
  return result;
}

export function useEffectiveCorpus(): Corpus | null {
  const [effective, setEffective] = useState<Corpus | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const load = () =>
      sendMessage('getEffectiveCorpus')
        .then((value) => {
          if (!controller.signal.aborted) setEffective(value);
        })
        .catch((error: unknown) => {
          console.warn('[wengao] getEffectiveCorpus failed; using the built-in corpus', error);
          if (!controller.signal.aborted) setEffective((previous) => previous ?? FALLBACK);
        });
    void load();
    watchReferenceRevision(browser.storage, controller.signal, () => void load());
    return () => controller.abort();
  }, []);
  return effective;
}

/** Suggestions for `text`, recomputed a moment after it stops changing; null while none are ready. */
export function useSuggestions(text: string, corpus: Corpus | null, enabled = true): CorpusSuggestions | null {
  const [result, setResult] = useState<CorpusSuggestions | null>(null);
  useEffect(() => {
    if (!enabled || !corpus || !text.trim()) {
      setResult(null);
      return;
    }
    if (memo && memo.text === text && memo.corpus === corpus) {
      setResult(memo.result);
      return;
    }
    const timer = window.setTimeout(() => setResult(suggestionsFor(text, corpus)), pauseFor(text));
    return () => window.clearTimeout(timer);
  }, [text, corpus, enabled]);
  return result;
}
