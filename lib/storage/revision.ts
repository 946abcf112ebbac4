/**
 * Change notices for data that lives in the background's database. After every change the background
 * writes a new number under a revision key in `browser.storage.local`; pages and content scripts that
 * hold a copy watch that key and fetch the data again. No Dexie here: pages and content scripts import this.
 *
 *   referenceRevision   the reference library (the side panel re-fetches the effective corpus)
 *   dictionaryRevision  the personal dictionary (content scripts re-fetch the word list)
 */
export const REFERENCE_REVISION_KEY = 'referenceRevision';
export const DICTIONARY_REVISION_KEY = 'dictionaryRevision';

/** The slice of `browser.storage` this module needs (passed in: no browser API import). */
export interface RevisionStorage {
  local: { set(items: Record<string, unknown>): Promise<void> };
  onChanged: {
    addListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
    removeListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
  };
}

let last = 0;
/** Background: announce a change under `key` (strictly increasing, even within one millisecond). */
export function bumpRevision(storage: Pick<RevisionStorage, 'local'>, key: string): Promise<void> {
  last = Math.max(Date.now(), last + 1);
  return storage.local.set({ [key]: last });
}

/** Call `onChange` after each change announced under `key`, until `signal` aborts. */
export function watchRevision(storage: Pick<RevisionStorage, 'onChanged'>, key: string, signal: AbortSignal, onChange: () => void): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && key in changes && !signal.aborted) onChange();
  };
  storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => storage.onChanged.removeListener(listener), { once: true });
}

/** Background: announce a change of the reference library. */
export function bumpReferenceRevision(storage: Pick<RevisionStorage, 'local'>): Promise<void> {
  return bumpRevision(storage, REFERENCE_REVISION_KEY);
}

/** Pages: call `onChange` after each change of the reference library, until `signal` aborts. */
export function watchReferenceRevision(storage: Pick<RevisionStorage, 'onChanged'>, signal: AbortSignal, onChange: () => void): void {
  watchRevision(storage, REFERENCE_REVISION_KEY, signal, onChange);
}
