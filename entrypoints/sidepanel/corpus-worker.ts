/**
 * Corpus worker: the side panel's sections-and-themes analysis (corpusSuggestions) off the main thread,
 * so a long draft's outline and themes never hold up the issue list or typing feedback (≈ 0.5–1 s on a
 * 100,000-character draft). The corpus arrives once (and again when the user's documents change); each
 * request carries only the text. Message shapes: ./corpus.ts.
 */
import { corpusSuggestions } from '@/lib/import/attribution';
import type { Corpus, WorkerReply, WorkerRequest } from './corpus';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
};

let corpus: Corpus | null = null;

scope.onmessage = ({ data }) => {
  if (data.type === 'corpus') {
    corpus = data.corpus;
    return;
  }
  if (!corpus) {
    scope.postMessage({ type: 'error', id: data.id, detail: 'no corpus yet' });
    return;
  }
  try {
    scope.postMessage({ type: 'done', id: data.id, result: corpusSuggestions(data.text, corpus) });
  } catch (error) {
    scope.postMessage({ type: 'error', id: data.id, detail: String(error) });
  }
};
