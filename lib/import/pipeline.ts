/**
 * The reference-document pipeline: file or pasted text → plain text → buildCorpus on that one document
 * → a {@link ReferenceImport} the background stores. Pure apart from mammoth; it runs in the options
 * page's Web Worker (so a 1 MB import never blocks the page) and in Node tests. It yields to the event
 * loop between stages and reports progress.
 */
import { builderSignature, buildReferenceCorpus } from './corpus';
import { readPastedText, readReferenceFile } from './read';
import { cutTitle, titleFromFileName, titleFromText } from './text';
import type { ImportProgress, ReferenceImport } from './types';

export { builderSignature, buildReferenceCorpus, contributionOf, USER_SOURCE } from './corpus';

export type ImportSource =
  | { type: 'file'; name: string; bytes: Uint8Array }
  | { type: 'paste'; title: string; text: string };

export interface PrepareOptions {
  /** Id of the new document (random in the extension; fixed in tests). */
  id: string;
  onProgress?: (progress: ImportProgress) => void;
}

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Read, check and analyse one document. Throws ImportError (nothing is stored by this function). */
export async function prepareReference(source: ImportSource, options: PrepareOptions): Promise<ReferenceImport> {
  const progress = options.onProgress ?? (() => {});
  progress({ stage: 'read', fraction: 0 });
  let text: string;
  let title: string;
  let kind: ReferenceImport['kind'];
  let bytes: number;
  let fileName: string | null;
  if (source.type === 'file') {
    const read = await readReferenceFile(source.name, source.bytes, (fraction) => progress({ stage: 'read', fraction }));
    ({ text, kind } = read);
    title = titleFromFileName(source.name);
    bytes = source.bytes.length;
    fileName = source.name;
  } else {
    ({ text, kind } = readPastedText(source.text));
    title = cutTitle(source.title) || titleFromText(text);
    bytes = new TextEncoder().encode(text).length;
    fileName = null;
  }
  progress({ stage: 'read', fraction: 1 });
  await nextTurn();
  progress({ stage: 'analyse', fraction: 0 });
  const corpus = buildReferenceCorpus(options.id, title, text);
  progress({ stage: 'analyse', fraction: 1 });
  await nextTurn();
  return { id: options.id, title, kind, fileName, bytes, text, corpus, signature: builderSignature() };
}
