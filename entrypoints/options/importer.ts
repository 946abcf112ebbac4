/**
 * Options page side of an import: the pipeline runs in a Web Worker (./import-worker.ts) so a 1 MB
 * document never freezes the page; the result goes to the background, which stores it in one
 * transaction. If a worker cannot be started, the pipeline runs here instead (it yields between stages).
 */
import { ImportError, MAX_FILE_BYTES, type ImportErrorCode } from '@/lib/import/errors';
import type { ImportSource } from '@/lib/import/pipeline';
import type { ImportProgress, ImportResult, ReferenceImport } from '@/lib/import/types';
import { sendMessage } from '@/lib/protocol';

export type WorkerSource = { type: 'file'; file: File } | { type: 'paste'; title: string; text: string };

export interface WorkerRequest {
  id: string;
  source: WorkerSource;
}

export type WorkerReply =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; doc: ReferenceImport }
  | { type: 'error'; code: ImportErrorCode; detail: string };

function inWorker(request: WorkerRequest, onProgress: (p: ImportProgress) => void): Promise<ReferenceImport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    const finish = () => worker.terminate();
    worker.onmessage = ({ data }: MessageEvent<WorkerReply>) => {
      if (data.type === 'progress') onProgress(data.progress);
      else if (data.type === 'done') {
        finish();
        resolve(data.doc);
      } else {
        finish();
        reject(new ImportError(data.code, data.detail));
      }
    };
    worker.onerror = (event) => {
      finish();
      event.preventDefault();
      reject(new WorkerStartError(event.message));
    };
    worker.postMessage(request);
  });
}

class WorkerStartError extends Error {}

async function inPage(request: WorkerRequest, onProgress: (p: ImportProgress) => void): Promise<ReferenceImport> {
  let source: ImportSource;
  if (request.source.type === 'file') {
    const { file } = request.source;
    if (file.size > MAX_FILE_BYTES) throw new ImportError('too-large', `${file.size} bytes`);
    source = { type: 'file', name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  } else source = request.source;
  // Loaded only on this path: the page itself does not carry mammoth and the corpus builder.
  const { prepareReference } = await import('@/lib/import/pipeline');
  return prepareReference(source, { id: request.id, onProgress });
}

/** Read, analyse and store one document. Never throws: failures come back as `{ok: false, error}`. */
export async function importReference(source: WorkerSource, onProgress: (p: ImportProgress) => void): Promise<ImportResult> {
  const request: WorkerRequest = { id: crypto.randomUUID(), source };
  try {
    let doc: ReferenceImport;
    try {
      doc = await inWorker(request, onProgress);
    } catch (error) {
      if (!(error instanceof WorkerStartError)) throw error;
      console.warn('[wengao] import worker unavailable, importing in the page', error.message);
      doc = await inPage(request, onProgress);
    }
    onProgress({ stage: 'save', fraction: 0 });
    const result = await sendMessage('importReferenceDoc', doc);
    onProgress({ stage: 'save', fraction: 1 });
    return result;
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, error: error.code, detail: error.detail };
    return { ok: false, error: 'storage', detail: String(error) };
  }
}
