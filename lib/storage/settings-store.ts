/**
 * The background's side of the settings (lib/settings.ts): every write goes through one queue (read,
 * change, write must not interleave), the stored value is normalised on every read, and the per-site
 * lists are capped so that no sender can grow them without bound. Also the one-time move of the personal
 * dictionary out of the settings (early versions kept it there) into IndexedDB.
 */
import { normalizeSettings, SETTINGS_KEY, withRuleIgnored, withSiteEnabled, type Settings } from '../settings';

/** The slice of `browser.storage.local` the store needs (passed in: testable with a plain object). */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Most sites switched off, and most sites with ignored rules (the settings travel to every frame). */
export const MAX_SETTINGS_SITES = 2_000;
/** Most rules ignored on one site (there are a few dozen rules). */
export const MAX_IGNORED_RULES_PER_SITE = 100;

export class SettingsStore {
  readonly #area: SettingsArea;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(area: SettingsArea) {
    this.#area = area;
  }

  async read(): Promise<Settings> {
    return normalizeSettings((await this.#area.get(SETTINGS_KEY))[SETTINGS_KEY]);
  }

  /**
   * Apply `change` to the current settings and store the result, after every earlier update. Resolves
   * true when something was written (`change` returned a different object), false otherwise.
   */
  update(change: (settings: Settings) => Settings): Promise<boolean> {
    const run = this.#queue.then(async () => {
      const before = await this.read();
      const after = change(before);
      if (after === before) return false;
      await this.#area.set({ [SETTINGS_KEY]: after });
      return true;
    });
    this.#queue = run.catch(() => {});
    return run;
  }

  /** "忽略此规则": false when it already was ignored, or the site or its list is full. */
  ignoreRule(site: string, rule: string): Promise<boolean> {
    return this.update((s) => {
      const list = s.siteIgnoredRules[site];
      if (!list && Object.keys(s.siteIgnoredRules).length >= MAX_SETTINGS_SITES) return s;
      if (list && list.length >= MAX_IGNORED_RULES_PER_SITE) return s;
      return withRuleIgnored(s, site, rule);
    });
  }

  /** Switch checking on one site on or off; false when nothing changed (or the list is full). */
  setSiteEnabled(site: string, enabled: boolean): Promise<boolean> {
    return this.update((s) => {
      if (!enabled && !s.disabledSites.includes(site) && s.disabledSites.length >= MAX_SETTINGS_SITES) return s;
      const next = withSiteEnabled(s, site, enabled);
      return next.disabledSites.length === s.disabledSites.length && next.disabledSites.every((x, i) => x === s.disabledSites[i]) ? s : next;
    });
  }

  /**
   * Early versions kept the personal dictionary in the settings (`settings.dictionary: string[]`). Move
   * those words into the database with `addAll` (one transaction), then drop the old field. If the
   * database write fails the field stays, so the next start tries again; nothing is lost either way.
   * Returns how many words were added (0 when there was nothing to move).
   */
  async migrateDictionary(addAll: (words: unknown[]) => Promise<number>): Promise<number> {
    const raw = (await this.#area.get(SETTINGS_KEY))[SETTINGS_KEY];
    if (!raw || typeof raw !== 'object' || !('dictionary' in raw)) return 0;
    const old = (raw as { dictionary?: unknown }).dictionary;
    const added = Array.isArray(old) ? await addAll(old) : 0;
    // normalizeSettings keeps only the known fields: the rewrite drops `dictionary`.
    await this.update((s) => ({ ...s }));
    return added;
  }
}
