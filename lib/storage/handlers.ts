/**
 * Background side of the reference-document messages (lib/protocol.ts). Registered once by
 * entrypoints/background.ts through {@link setupReferenceLibrary}; the background is the only context
 * that opens the database.
 */
import { ImportError } from '../import/errors';
import type { EffectiveCorpus, ImportResult } from '../import/types';
import { onMessage } from '../protocol';
import { WengaoDB } from './db';
import { ReferenceLibrary } from './reference-docs';

/** Answer the reference-document messages from `library`. Returns a function that removes the handlers. */
export function registerReferenceHandlers(library: ReferenceLibrary): () => void {
  const removers = [
    onMessage('listReferenceDocs', () => library.list()),
    onMessage('importReferenceDoc', async ({ data }): Promise<ImportResult> => {
      try {
        return { ok: true, doc: await library.add(data) };
      } catch (error) {
        if (error instanceof ImportError) {
          if (error.code === 'storage') console.warn('[wengao] reference import failed', error.detail);
          return { ok: false, error: error.code, detail: error.detail };
        }
        console.warn('[wengao] reference import failed', error);
        return { ok: false, error: 'storage', detail: String(error) };
      }
    }),
    onMessage('setReferenceDocEnabled', ({ data }) => library.setEnabled(data.id, data.enabled)),
    onMessage('deleteReferenceDoc', ({ data }) => library.remove(data.id)),
    onMessage('getEffectiveCorpus', () => library.effectiveCorpus()),
  ];
  return () => removers.forEach((remove) => remove());
}

let library: ReferenceLibrary | undefined;

/** Open the database, create the library and answer its messages (call once, in the background). */
export function setupReferenceLibrary(onChange: () => void): ReferenceLibrary {
  library ??= new ReferenceLibrary(new WengaoDB(), { onChange });
  registerReferenceHandlers(library);
  return library;
}

/** Default corpus merged with the enabled user documents (background only; cached until a change). */
export function getEffectiveCorpus(): Promise<EffectiveCorpus> {
  if (!library) throw new Error('setupReferenceLibrary() has not run');
  return library.effectiveCorpus();
}
