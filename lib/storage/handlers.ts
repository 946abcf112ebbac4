/**
 * Background side of the storage messages (lib/protocol.ts): reference documents and the personal
 * dictionary. Registered once by entrypoints/background.ts; the background is the only context that
 * opens the database.
 */
import { ImportError } from '../import/errors';
import type { EffectiveCorpus, ImportResult } from '../import/types';
import { onMessage } from '../protocol';
import { WengaoDB } from './db';
import { PersonalDictionary } from './dictionary';
import { ReferenceLibrary } from './reference-docs';

let db: WengaoDB | undefined;
/** The one database connection of the background. */
function database(): WengaoDB {
  return (db ??= new WengaoDB());
}

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

/** Answer the personal-dictionary messages from `dictionary`. Returns a function that removes the handlers. */
export function registerDictionaryHandlers(dictionary: PersonalDictionary): () => void {
  const removers = [
    onMessage('getDictionary', () => dictionary.words()),
    onMessage('addToDictionary', ({ data }) => dictionary.add(data.word)),
    onMessage('removeFromDictionary', ({ data }) => dictionary.remove(data.word)),
  ];
  return () => removers.forEach((remove) => remove());
}

let library: ReferenceLibrary | undefined;

/** Open the database, create the library and answer its messages (call once, in the background). */
export function setupReferenceLibrary(onChange: () => void): ReferenceLibrary {
  library ??= new ReferenceLibrary(database(), { onChange });
  registerReferenceHandlers(library);
  return library;
}

let dictionary: PersonalDictionary | undefined;

/** Open the database, create the personal dictionary and answer its messages (call once, in the background). */
export function setupDictionary(onChange: () => void): PersonalDictionary {
  dictionary ??= new PersonalDictionary(database(), { onChange });
  registerDictionaryHandlers(dictionary);
  return dictionary;
}

/** Default corpus merged with the enabled user documents (background only; cached until a change). */
export function getEffectiveCorpus(): Promise<EffectiveCorpus> {
  if (!library) throw new Error('setupReferenceLibrary() has not run');
  return library.effectiveCorpus();
}
