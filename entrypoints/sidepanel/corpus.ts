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
/** Pause after the last change before the corpus views are recomputed (in a worker; longer for long drafts, whose run takes longer). */
const PAUSE_MS = 250;
const pauseFor = (text: string) => PAUSE_MS + Math.min(1_000, Math.round(text.length / 100));

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

export type WorkerRequest = { type: 'corpus'; corpus: Corpus } | { type: 'run'; id: number; text: string };
export type WorkerReply = { type: 'done'; id: number; result: CorpusSuggestions } | { type: 'error'; id: number; detail: string };

/**
 * The corpus worker (./corpus-worker.ts), one per panel: the latest text waits while one runs (older
 * waiting ones are dropped); without workers the suggestions are computed here.
 */
class SuggestionWorker {
  private worker: Worker | null = null;
  private sentCorpus: Corpus | null = null;
  private running: { id: number; text: string; corpus: Corpus; resolve: (r: CorpusSuggestions | null) => void } | null = null;
  private waiting: { text: string; corpus: Corpus; resolve: (r: CorpusSuggestions | null) => void } | null = null;
  private nextId = 1;

  constructor() {
    try {
      this.worker = new Worker(new URL('./corpus-worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = ({ data }: MessageEvent<WorkerReply>) => this.done(data);
      this.worker.onerror = () => this.fail();
    } catch {
      this.worker = null;
    }
  }

  /** Suggestions for `text`, or null when a newer request replaced this one before it ran. */
  suggest(text: string, corpus: Corpus): Promise<CorpusSuggestions | null> {
    if (!this.worker) return Promise.resolve(suggestionsFor(text, corpus));
    return new Promise((resolve) => {
      this.waiting?.resolve(null);
      this.waiting = { text, corpus, resolve };
      this.pump();
    });
  }

  private pump(): void {
    if (this.running || !this.waiting || !this.worker) return;
    const job = this.waiting;
    this.waiting = null;
    if (this.sentCorpus !== job.corpus) {
      this.worker.postMessage({ type: 'corpus', corpus: job.corpus } satisfies WorkerRequest);
      this.sentCorpus = job.corpus;
    }
    const id = this.nextId++;
    this.running = { id, ...job };
    this.worker.postMessage({ type: 'run', id, text: job.text } satisfies WorkerRequest);
  }

  private done(reply: WorkerReply): void {
    const job = this.running;
    if (!job || job.id !== reply.id) return;
    this.running = null;
    if (reply.type === 'done') {
      memo = { text: job.text, corpus: job.corpus, result: reply.result };
      job.resolve(reply.result);
    } else job.resolve(suggestionsFor(job.text, job.corpus));
    this.pump();
  }

  private fail(): void {
    // The worker could not start (a CSP or browser limit): compute here from now on.
    this.worker?.terminate();
    this.worker = null;
    const jobs = [this.running, this.waiting].filter((j) => j !== null);
    this.running = this.waiting = null;
    for (const j of jobs) j.resolve(suggestionsFor(j.text, j.corpus));
  }
}

let shared: SuggestionWorker | null = null;

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
    let live = true;
    const timer = window.setTimeout(() => {
      shared ??= new SuggestionWorker();
      void shared.suggest(text, corpus).then((r) => {
        if (live && r) setResult(r);
      });
    }, pauseFor(text));
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [text, corpus, enabled]);
  return result;
}
