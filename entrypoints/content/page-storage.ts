import { sendMessage } from '@/lib/protocol';
import { isPageStateMessage, PAGE_STATE_KEYS, type PageStateKey } from '@/lib/storage/page-state';

/**
 * `storage.local` as a content script sees it: closed to it (lib/storage/page-state.ts), so reads go
 * through the background (`readPageState`, each key cut down to this frame's site) and changes arrive
 * as the background's per-tab notice of which keys changed, after which they are read again. Same shape
 * as the slice of `browser.storage` the readers use (lib/settings.ts watchSettings, lib/storage/revision.ts
 * watchRevision, ./switches.ts, ./snippets.ts), so they work unchanged on either.
 *
 * One per frame: values are cached until the background says they changed, so the checker and the
 * snippet picker starting together cost one message, not one per reader.
 */
type Changes = Record<string, { newValue?: unknown }>;
type Listener = (changes: Changes, area: string) => void;

export interface PageStorage {
  local: { get(keys: string | string[]): Promise<Record<string, unknown>> };
  onChanged: { addListener(cb: Listener): void; removeListener(cb: Listener): void };
}

const PAGE_KEYS: ReadonlySet<string> = new Set(PAGE_STATE_KEYS);

let shared: PageStorage | null = null;

/** The frame's page storage: through the background in a web page, `browser.storage` itself in an extension page. */
export function pageStorage(): PageStorage {
  if (location.protocol.endsWith('-extension:')) return browser.storage as unknown as PageStorage;
  return (shared ??= createPageStorage((keys) => sendMessage('readPageState', { keys }), browser.runtime.onMessage));
}

/** The storage over a reader and the runtime's message event (tests pass doubles). */
export function createPageStorage(
  read: (keys: PageStateKey[]) => Promise<Record<string, unknown>>,
  messages: { addListener(cb: (message: unknown) => void): void },
): PageStorage {
  const cache = new Map<string, unknown>();
  const pending = new Map<string, Promise<void>>();
  const listeners = new Set<Listener>();

  function fetch(keys: PageStateKey[]): Promise<void> {
    const run = read(keys).then((values) => {
      for (const key of keys) cache.set(key, values?.[key]);
    });
    const settled = run.catch(() => {}).finally(() => {
      for (const key of keys) if (pending.get(key) === settled) pending.delete(key);
    });
    for (const key of keys) pending.set(key, settled);
    return run;
  }

  async function get(keys: string | string[]): Promise<Record<string, unknown>> {
    const wanted = (Array.isArray(keys) ? keys : [keys]).filter((k): k is PageStateKey => PAGE_KEYS.has(k));
    const missing = wanted.filter((k) => !cache.has(k) && !pending.has(k));
    const waits = [...new Set(wanted.map((k) => pending.get(k)).filter((p): p is Promise<void> => !!p))];
    // A failed read (extension reloaded) rejects, as storage.local.get would: the readers fall back.
    await Promise.all([...(missing.length ? [fetch(missing)] : []), ...waits]);
    const out: Record<string, unknown> = {};
    for (const k of wanted) if (cache.get(k) !== undefined) out[k] = cache.get(k);
    return out;
  }

  messages.addListener((message) => {
    if (!isPageStateMessage(message)) return;
    const keys = message.wengaoPageState;
    for (const key of keys) cache.delete(key);
    fetch(keys).then(
      () => {
        const changes: Changes = {};
        for (const key of keys) changes[key] = { newValue: cache.get(key) };
        for (const cb of [...listeners]) cb(changes, 'local');
      },
      () => {},
    );
  });

  return {
    local: { get },
    onChanged: {
      addListener: (cb) => void listeners.add(cb),
      removeListener: (cb) => void listeners.delete(cb),
    },
  };
}
