import { describe, expect, it } from 'vitest';
import { bumpReferenceRevision, REFERENCE_REVISION_KEY, watchReferenceRevision } from '@/lib/storage/revision';

type Listener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;

function fakeStorage() {
  const listeners = new Set<Listener>();
  const data: Record<string, unknown> = {};
  return {
    data,
    listeners,
    local: {
      async set(items: Record<string, unknown>) {
        Object.assign(data, items);
        const changes = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }]));
        for (const l of listeners) l(changes, 'local');
      },
    },
    onChanged: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
  };
}

describe('reference revision', () => {
  it('bumps a strictly increasing number and wakes watchers of that key only, until aborted', async () => {
    const storage = fakeStorage();
    const controller = new AbortController();
    let calls = 0;
    watchReferenceRevision(storage, controller.signal, () => calls++);
    await bumpReferenceRevision(storage);
    const first = storage.data[REFERENCE_REVISION_KEY] as number;
    await bumpReferenceRevision(storage);
    expect(storage.data[REFERENCE_REVISION_KEY]).toBeGreaterThan(first);
    expect(calls).toBe(2);
    await storage.local.set({ settings: { enabled: false } });
    for (const l of storage.listeners) l({ [REFERENCE_REVISION_KEY]: { newValue: 1 } }, 'sync');
    expect(calls).toBe(2);
    controller.abort();
    expect(storage.listeners.size).toBe(0);
    await bumpReferenceRevision(storage);
    expect(calls).toBe(2);
  });
});
