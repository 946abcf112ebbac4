import type { CheckerHost } from '@/lib/editors/controller';
import { sendMessage } from '@/lib/protocol';
import type { PageStorage } from './page-storage';

/**
 * What the user switched off from the badge, remembered in `storage.local` under {@link SWITCHES_KEY}:
 * whole sites, and single fields per site (lib/editors/controller.ts fieldKey). Kept apart from the
 * settings, which only extension pages may change (lib/message-policy.ts). The content script reads its
 * own site's entries (./page-storage.ts) and asks the background to change them (`setBadgeSwitch`, allowed
 * for the sender's own site only): the only effect a hostile page could have is switching checking off or
 * on for itself. Every frame of every tab follows changes live.
 */
export const SWITCHES_KEY = 'badgeSwitches';
import { EXPOSE_STATE_KEY } from '@/lib/storage/page-state';

export { EXPOSE_STATE_KEY };

interface Stored {
  sites: string[];
  fields: Record<string, string[]>;
}

function parse(raw: unknown): Stored {
  const v = (raw ?? {}) as Partial<Stored>;
  const sites = Array.isArray(v.sites) ? v.sites.filter((s): s is string => typeof s === 'string') : [];
  const fields: Record<string, string[]> = {};
  if (v.fields && typeof v.fields === 'object') {
    for (const [site, list] of Object.entries(v.fields)) {
      if (Array.isArray(list)) fields[site] = list.filter((s): s is string => typeof s === 'string');
    }
  }
  return { sites, fields };
}

/**
 * Tests and benchmarks only (set from an extension page, never by a page): the badge host then carries
 * its count and visibility as attributes (lib/editors/badge.ts exposeState). Read once per document.
 */
export async function readExposeState(storage: PageStorage): Promise<boolean> {
  const got = (await storage.local.get(EXPOSE_STATE_KEY).catch(() => ({}))) as Record<string, unknown>;
  return got[EXPOSE_STATE_KEY] === true;
}

export async function watchSwitches(
  storage: PageStorage,
  site: string,
  signal: AbortSignal,
  onChange: () => void,
): Promise<NonNullable<CheckerHost['switches']>> {
  let state = parse(((await storage.local.get(SWITCHES_KEY).catch(() => ({}))) as Record<string, unknown>)[SWITCHES_KEY]);
  const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    if (areaName !== 'local' || !(SWITCHES_KEY in changes)) return;
    state = parse(changes[SWITCHES_KEY]!.newValue);
    onChange();
  };
  storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => storage.onChanged.removeListener(listener), { once: true });

  // The background changes the stored copy (one queue for every frame's writes); the change notice
  // brings it back here.
  const update = (field: string | null, off: boolean) => {
    void sendMessage('setBadgeSwitch', { site, field, off }).catch(() => {});
  };
  const toggle = (list: string[], item: string, on: boolean): string[] => {
    const rest = list.filter((x) => x !== item);
    return on ? [...rest, item] : rest;
  };
  return {
    fieldOff: (key) => state.fields[site]?.includes(key) ?? false,
    setFieldOff: (key, off) => {
      state.fields[site] = toggle(state.fields[site] ?? [], key, off);
      update(key, off);
    },
    siteOff: () => state.sites.includes(site),
    setSiteOff: (off) => {
      state.sites = toggle(state.sites, site, off);
      update(null, off);
    },
  };
}
