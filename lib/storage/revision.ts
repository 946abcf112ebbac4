/**
 * Change notice for the reference library. After every change the background writes a new number under
 * {@link REFERENCE_REVISION_KEY} in `browser.storage.local`; pages that show corpus-based suggestions
 * (the side panel) watch it and fetch the effective corpus again. No Dexie here: pages import this.
 */
export const REFERENCE_REVISION_KEY = 'referenceRevision';

/** The slice of `browser.storage` this module needs (passed in: no browser API import). */
export interface RevisionStorage {
  local: { set(items: Record<string, unknown>): Promise<void> };
  onChanged: {
    addListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
    removeListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
  };
}

let last = 0;
/** Background: announce a change (strictly increasing, even within one millisecond). */
export function bumpReferenceRevision(storage: Pick<RevisionStorage, 'local'>): Promise<void> {
  last = Math.max(Date.now(), last + 1);
  return storage.local.set({ [REFERENCE_REVISION_KEY]: last });
}

/** Pages: call `onChange` after each change of the library, until `signal` aborts. */
export function watchReferenceRevision(storage: Pick<RevisionStorage, 'onChanged'>, signal: AbortSignal, onChange: () => void): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && REFERENCE_REVISION_KEY in changes && !signal.aborted) onChange();
  };
  storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => storage.onChanged.removeListener(listener), { once: true });
}
