/**
 * Import worker: runs the reference-document pipeline (read → extract text → buildCorpus) off the
 * options page's main thread, posting progress. One job per worker; the page stores the result through
 * the background. Message shapes: ./importer.ts.
 */
import { ImportError, MAX_FILE_BYTES } from '@/lib/import/errors';
import { prepareReference } from '@/lib/import/pipeline';
import type { WorkerReply, WorkerRequest } from './importer';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
};

scope.onmessage = async ({ data }) => {
  try {
    if (data.source.type === 'file' && data.source.file.size > MAX_FILE_BYTES) throw new ImportError('too-large', `${data.source.file.size} bytes`);
    const source =
      data.source.type === 'file'
        ? { type: 'file' as const, name: data.source.file.name, bytes: new Uint8Array(await data.source.file.arrayBuffer()) }
        : data.source;
    const doc = await prepareReference(source, { id: data.id, onProgress: (progress) => scope.postMessage({ type: 'progress', progress }) });
    scope.postMessage({ type: 'done', doc });
  } catch (error) {
    if (error instanceof ImportError) scope.postMessage({ type: 'error', code: error.code, detail: error.detail });
    else scope.postMessage({ type: 'error', code: 'internal', detail: String(error) });
  }
};
