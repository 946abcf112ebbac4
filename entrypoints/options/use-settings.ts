/**
 * The settings page's live view of what the background stores: the settings (lib/settings.ts
 * watchSettings, as content scripts read them), the badge's per-site switches, and the personal
 * dictionary (fetched again after every change the background announces). Read-only: every write is a
 * message to the background (lib/protocol.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/protocol';
import { watchSettings, type Settings } from '@/lib/settings';
import { DICTIONARY_REVISION_KEY, watchRevision } from '@/lib/storage/revision';
import { parseSiteSwitches, SWITCHES_KEY, type SiteSwitches } from '@/lib/storage/site-switches';

type Storage = typeof browser.storage;

export function useSettings(): { settings: Settings | null; failed: boolean } {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const lifetime = new AbortController();
    watchSettings(browser.storage, lifetime.signal, setSettings)
      .then((first) => !lifetime.signal.aborted && setSettings(first))
      .catch(() => setFailed(true));
    return () => lifetime.abort();
  }, []);
  return { settings, failed };
}

export function useSiteSwitches(storage: Storage = browser.storage): SiteSwitches {
  const [switches, setSwitches] = useState<SiteSwitches>({ sites: [], fields: {} });
  useEffect(() => {
    let live = true;
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && SWITCHES_KEY in changes) setSwitches(parseSiteSwitches(changes[SWITCHES_KEY]?.newValue));
    };
    storage.onChanged.addListener(listener);
    storage.local
      .get(SWITCHES_KEY)
      .then((got) => live && setSwitches(parseSiteSwitches((got as Record<string, unknown>)[SWITCHES_KEY])))
      .catch(() => {});
    return () => {
      live = false;
      storage.onChanged.removeListener(listener);
    };
  }, [storage]);
  return switches;
}

export function useDictionary(): { words: string[] | null; failed: boolean } {
  const [words, setWords] = useState<string[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const lifetime = new AbortController();
    const load = () =>
      sendMessage('getDictionary')
        .then((list) => {
          if (lifetime.signal.aborted) return;
          setWords(list);
          setFailed(false);
        })
        .catch(() => !lifetime.signal.aborted && setFailed(true));
    watchRevision(browser.storage, DICTIONARY_REVISION_KEY, lifetime.signal, () => void load());
    void load();
    return () => lifetime.abort();
  }, []);
  return { words, failed };
}
