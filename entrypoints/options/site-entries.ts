/**
 * The settings page's site list: every site where something is switched off, from the settings
 * (不检查的网站, 忽略此规则) and from the badge (本网站不检查, 本栏不检查), one entry per site. Pure.
 */
import { siteKey, type Settings } from '@/lib/settings';
import type { SiteSwitches } from '@/lib/storage/site-switches';

export interface SiteEntry {
  site: string;
  /** Checking is off on the whole site (either way). */
  off: boolean;
  /** Fields switched off from the badge. */
  fields: string[];
  /** Rule ids ignored on this site. */
  ignored: string[];
}

export function siteEntries(settings: Settings, switches: SiteSwitches): SiteEntry[] {
  const entries = new Map<string, SiteEntry>();
  const at = (site: string) => {
    let e = entries.get(site);
    if (!e) entries.set(site, (e = { site, off: false, fields: [], ignored: [] }));
    return e;
  };
  for (const site of [...settings.disabledSites, ...switches.sites]) at(site).off = true;
  for (const [site, fields] of Object.entries(switches.fields)) if (fields.length) at(site).fields = fields;
  for (const [site, rules] of Object.entries(settings.siteIgnoredRules)) if (rules.length) at(site).ignored = rules;
  return [...entries.values()].sort((a, b) => a.site.localeCompare(b.site));
}

/**
 * The site key (lib/settings.ts siteKey, as the content script computes it) of what someone typed: a
 * full address, or a host name with or without a path or port. Null when it is not one.
 */
export function siteFromInput(input: string): string | null {
  const text = input.trim();
  if (!text || /\s/.test(text)) return null;
  const site = /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^/:]+:\d+(\/|$)/.test(text) ? siteKey(text) : siteKey(`http://${text}`);
  if (site === 'file:') return site;
  return /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/i.test(site) ? site : null;
}
