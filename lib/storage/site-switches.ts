/**
 * The badge's switches as the settings page sees them: 本网站不检查 and 本栏不检查, which the content script
 * writes itself under {@link SWITCHES_KEY} in `storage.local` (entrypoints/content/switches.ts: a page can
 * only switch checking off or on for itself). The settings page lists them beside the settings' own
 * per-site lists and asks the background to clear them; this module is the pure part (read tolerantly,
 * edit without mutating). No browser API.
 */

/** Same key as entrypoints/content/switches.ts (a test keeps them equal). */
export const SWITCHES_KEY = 'badgeSwitches';

export interface SiteSwitches {
  /** Sites switched off from the badge. */
  sites: string[];
  /** Per site: the fields switched off (lib/editors/controller.ts fieldKey). */
  fields: Record<string, string[]>;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.length > 0) : []);

/** Whatever is stored, as a valid value (never throws). */
export function parseSiteSwitches(raw: unknown): SiteSwitches {
  const v = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const fields: Record<string, string[]> = {};
  if (v.fields && typeof v.fields === 'object' && !Array.isArray(v.fields)) {
    for (const [site, list] of Object.entries(v.fields as Record<string, unknown>)) {
      const keys = [...new Set(strings(list))];
      if (site && keys.length) fields[site] = keys;
    }
  }
  return { sites: [...new Set(strings(v.sites))], fields };
}

/** How many sites, and fields per site, the switches may hold (the settings store's limits). */
export interface SwitchLimits {
  sites: number;
  fieldsPerSite: number;
}

/** 本网站不检查 for `site`; unchanged when it is already off or the list is full. */
export function withSiteOff(s: SiteSwitches, site: string, limits: SwitchLimits): SiteSwitches {
  return s.sites.includes(site) || s.sites.length >= limits.sites ? s : { ...s, sites: [...s.sites, site] };
}

/** Checking on again for `site` from the badge's side (its fields stay as they are). */
export function withSiteResumed(s: SiteSwitches, site: string): SiteSwitches {
  return s.sites.includes(site) ? { ...s, sites: s.sites.filter((x) => x !== site) } : s;
}

/** Every field of `site` checked again; returns the new value and the keys that were off. */
export function withFieldsResumed(s: SiteSwitches, site: string): { switches: SiteSwitches; fields: string[] } {
  const fields = s.fields[site] ?? [];
  if (!fields.length) return { switches: s, fields };
  const rest = { ...s.fields };
  delete rest[site];
  return { switches: { ...s, fields: rest }, fields };
}

/** One field of `site` checked again (the badge's 撤销 of 本栏不检查); a site left with none is dropped. */
export function withFieldResumed(s: SiteSwitches, site: string, key: string): SiteSwitches {
  const list = s.fields[site] ?? [];
  if (!list.includes(key)) return s;
  const fields = { ...s.fields, [site]: list.filter((x) => x !== key) };
  if (!fields[site]!.length) delete fields[site];
  return { ...s, fields };
}

/**
 * Fields of `site` off (本栏不检查, or the undo of {@link withFieldsResumed}), as many as the limits leave
 * room for; unchanged when none is added.
 */
export function withFieldsOff(s: SiteSwitches, site: string, keys: readonly string[], limits: SwitchLimits): SiteSwitches {
  const list = s.fields[site];
  if (!list && Object.keys(s.fields).length >= limits.sites) return s;
  const merged = [...new Set([...(list ?? []), ...keys])].slice(0, Math.max(limits.fieldsPerSite, list?.length ?? 0));
  return merged.length === (list?.length ?? 0) ? s : { ...s, fields: { ...s.fields, [site]: merged } };
}
