import type { CheckerHost } from '@/lib/editors/controller';

/**
 * What the user switched off from the badge, remembered in `storage.local` under {@link SWITCHES_KEY}:
 * whole sites, and single fields per site (lib/editors/controller.ts fieldKey). Kept apart from the
 * settings, which only extension pages may write (lib/message-policy.ts): a content script writes its
 * own site's entries here, and the only effect a hostile page could have is switching checking off or on
 * for itself. Every frame of every tab follows changes live.
 */
export const SWITCHES_KEY = 'badgeSwitches';

interface Stored {
  sites: string[];
  fields: Record<string, string[]>;
}

type Area = typeof browser.storage.local;

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
export const EXPOSE_STATE_KEY = 'wengaoExposeState';

export async function readExposeState(storage: typeof browser.storage): Promise<boolean> {
  const got = (await storage.local.get(EXPOSE_STATE_KEY).catch(() => ({}))) as Record<string, unknown>;
  return got[EXPOSE_STATE_KEY] === true;
}

export async function watchSwitches(
  storage: typeof browser.storage,
  site: string,
  signal: AbortSignal,
  onChange: () => void,
): Promise<NonNullable<CheckerHost['switches']>> {
  const area: Area = storage.local;
  let state = parse(((await area.get(SWITCHES_KEY).catch(() => ({}))) as Record<string, unknown>)[SWITCHES_KEY]);
  const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    if (areaName !== 'local' || !(SWITCHES_KEY in changes)) return;
    state = parse(changes[SWITCHES_KEY]!.newValue);
    onChange();
  };
  storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => storage.onChanged.removeListener(listener), { once: true });

  // Read-modify-write on the freshest copy (another frame may have written meanwhile).
  const update = (change: (s: Stored) => void) => {
    void area
      .get(SWITCHES_KEY)
      .then((got) => {
        const next = parse(got[SWITCHES_KEY]);
        change(next);
        state = next;
        return area.set({ [SWITCHES_KEY]: next });
      })
      .catch(() => {});
  };
  const toggle = (list: string[], item: string, on: boolean): string[] => {
    const rest = list.filter((x) => x !== item);
    return on ? [...rest, item] : rest;
  };
  return {
    fieldOff: (key) => state.fields[site]?.includes(key) ?? false,
    setFieldOff: (key, off) => {
      state.fields[site] = toggle(state.fields[site] ?? [], key, off);
      update((s) => {
        s.fields[site] = toggle(s.fields[site] ?? [], key, off);
        if (!s.fields[site]!.length) delete s.fields[site];
      });
    },
    siteOff: () => state.sites.includes(site),
    setSiteOff: (off) => {
      state.sites = toggle(state.sites, site, off);
      update((s) => {
        s.sites = toggle(s.sites, site, off);
      });
    },
  };
}
