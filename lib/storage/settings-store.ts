/**
 * The background's side of the settings (lib/settings.ts): every write goes through one queue (read,
 * change, write must not interleave), the stored value is normalised on every read, and the per-site
 * lists are capped so that no sender can grow them without bound. Also the one-time move of the personal
 * dictionary out of the settings (early versions kept it there) into IndexedDB.
 */
import {
  normalizeSettings,
  SETTINGS_KEY,
  withDebounce,
  withGroupSeverityOverride,
  withRuleSettings,
  withRuleIgnored,
  withRuleRestored,
  withRulesEnabled,
  withSiteEnabled,
  type RuleSettings,
  type Settings,
} from '../settings';
import type { Severity } from '../engine/types';
import type { RuleGroup } from '../rule-catalog';
import { migrateSettings, SETTINGS_VERSION, storedVersion } from '../settings-migration';
import type { LanguageSetting } from '../ui-language';
import { pageStateValue, type PageStateKey } from './page-state';
import { parseSiteSwitches, SWITCHES_KEY, withFieldResumed, withFieldsOff, withFieldsResumed, withSiteOff, withSiteResumed, type SiteSwitches, type SwitchLimits } from './site-switches';

/** The slice of `browser.storage.local` the store needs (passed in: testable with a plain object). */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Most sites switched off, and most sites with ignored rules (the settings travel to every frame). */
export const MAX_SETTINGS_SITES = 2_000;
/** Most rules ignored on one site (there are a few dozen rules). */
export const MAX_IGNORED_RULES_PER_SITE = 100;
/** Most fields switched off per site (the badge adds one per click). */
export const MAX_FIELDS_PER_SITE = 500;
const SWITCH_LIMITS: SwitchLimits = { sites: MAX_SETTINGS_SITES, fieldsPerSite: MAX_FIELDS_PER_SITE };

/** Schema version stamped on every write (`settings.version`); its history is in lib/settings-migration.ts. */
export { SETTINGS_VERSION, storedVersion };

export class SettingsStore {
  readonly #area: SettingsArea;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(area: SettingsArea) {
    this.#area = area;
  }

  async read(): Promise<Settings> {
    const raw = (await this.#area.get(SETTINGS_KEY))[SETTINGS_KEY];
    // Read as migrated: a write queued before migrate() (a message at the worker's start) stamps the
    // current version, so it must not store an older version's fields as if they were current.
    return normalizeSettings(migrateSettings(raw) ?? raw);
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
      await this.#area.set({ [SETTINGS_KEY]: { ...after, version: SETTINGS_VERSION } });
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

  /** Turn checking in web pages on or off everywhere. */
  setCheckingEnabled(enabled: boolean): Promise<boolean> {
    return this.update((s) => (s.enabled === enabled ? s : { ...s, enabled }));
  }

  /** Turn rules on or off everywhere; false when each already was. */
  setRulesEnabled(ids: readonly string[], enabled: boolean): Promise<boolean> {
    return this.update((s) => (ids.every((id) => (s.rules[id] !== false) === enabled) ? s : withRulesEnabled(s, ids, enabled)));
  }

  /** Undo "忽略此规则": check `rule` on `site` again; false when it was not ignored there. */
  restoreRule(site: string, rule: string): Promise<boolean> {
    return this.update((s) => withRuleRestored(s, site, rule));
  }

  /** The interface language (lib/ui-language.ts); false when unchanged. */
  setLanguage(language: LanguageSetting): Promise<boolean> {
    return this.update((s) => (s.language === language ? s : { ...s, language }));
  }

  /** Show a rule group's findings at `severity`, or at its rules' own (null); false when unchanged. */
  setGroupSeverity(group: RuleGroup, severity: Severity | null): Promise<boolean> {
    return this.update((s) => withGroupSeverityOverride(s, group, severity));
  }

  /** 恢复默认 of the checks (every rule on, no severity override) and its 撤销; false when unchanged. */
  setRuleSettings(next: RuleSettings): Promise<boolean> {
    return this.update((s) => withRuleSettings(s, next));
  }

  /** The pause before checking; false when unchanged (the value is clamped, not refused). */
  setDebounce(ms: number): Promise<boolean> {
    return this.update((s) => withDebounce(s, ms));
  }

  // --- The badge's switches (written by content scripts for their own site; cleared from here) -------

  /** Apply `change` to the badge's switches and store them when they changed (after earlier updates). */
  #updateSwitches<T>(change: (s: SiteSwitches) => { switches: SiteSwitches; result: T }): Promise<T> {
    const run = this.#queue.then(async () => {
      const before = parseSiteSwitches((await this.#area.get(SWITCHES_KEY))[SWITCHES_KEY]);
      const { switches, result } = change(before);
      if (switches !== before) await this.#area.set({ [SWITCHES_KEY]: switches });
      return result;
    });
    this.#queue = run.catch(() => {});
    return run;
  }

  /** The badge's switches as stored. */
  async readSwitches(): Promise<SiteSwitches> {
    return parseSiteSwitches((await this.#area.get(SWITCHES_KEY))[SWITCHES_KEY]);
  }

  /**
   * Check `site` again, whichever way it was switched off (the settings' list or the badge's 本网站不检查).
   * False when it was not off.
   */
  async resumeSite(site: string): Promise<boolean> {
    const inSettings = await this.setSiteEnabled(site, true);
    const fromBadge = await this.#updateSwitches((s) => {
      const switches = withSiteResumed(s, site);
      return { switches, result: switches !== s };
    });
    return inSettings || fromBadge;
  }

  /** Check every field of `site` again (the badge's 本栏不检查); returns the fields that were off. */
  resumeFields(site: string): Promise<string[]> {
    return this.#updateSwitches((s) => {
      const { switches, fields } = withFieldsResumed(s, site);
      return { switches, result: fields };
    });
  }

  /**
   * The badge's 本网站不检查 / 本栏不检查 (`field` null: the whole site) and their 撤销, sent by the content
   * script of `site` (the policy checks the sender's site). False when nothing changed or a list is full.
   */
  setBadgeSwitch(site: string, field: string | null, off: boolean): Promise<boolean> {
    return this.#updateSwitches((s) => {
      let switches: SiteSwitches;
      if (field === null) switches = off ? withSiteOff(s, site, SWITCH_LIMITS) : withSiteResumed(s, site);
      else switches = off ? withFieldsOff(s, site, [field], SWITCH_LIMITS) : withFieldResumed(s, site, field);
      return { switches, result: switches !== s };
    });
  }

  /** What a content script of `sites` may read of `keys` (lib/storage/page-state.ts). */
  async readPageState(keys: readonly PageStateKey[], sites: ReadonlySet<string>): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const key of new Set(keys)) out[key] = pageStateValue(key, (await this.#area.get(key))[key], sites);
    return out;
  }

  /** Switch those fields of `site` off again (the undo of {@link resumeFields}); false when nothing changed. */
  restoreFields(site: string, fields: readonly string[]): Promise<boolean> {
    return this.#updateSwitches((s) => {
      const switches = withFieldsOff(s, site, fields, SWITCH_LIMITS);
      return { switches, result: switches !== s };
    });
  }

  /**
   * Bring stored settings up to {@link SETTINGS_VERSION}, one step at a time: 0 → 1 the dictionary move
   * below (it needs the database), then the pure steps of lib/settings-migration.ts. Settings already
   * current (or newer), or none stored, are left alone. Returns the dictionary words moved.
   */
  async migrate(addAll: (words: unknown[]) => Promise<number>): Promise<number> {
    const raw = (await this.#area.get(SETTINGS_KEY))[SETTINGS_KEY];
    const from = storedVersion(raw);
    if (from >= SETTINGS_VERSION) return 0;
    const moved = from < 1 ? await this.migrateDictionary(addAll) : 0;
    const run = this.#queue.then(async () => {
      const now = (await this.#area.get(SETTINGS_KEY))[SETTINGS_KEY];
      // Version 0 without the old dictionary (nothing was moved) is version 1 in all but its stamp.
      const at1 = now && typeof now === 'object' && storedVersion(now) === 0 && !('dictionary' in now) ? { ...now, version: 1 } : now;
      const next = migrateSettings(at1);
      if (next) await this.#area.set({ [SETTINGS_KEY]: { ...normalizeSettings(next), version: SETTINGS_VERSION } });
    });
    this.#queue = run.catch(() => {});
    await run;
    return moved;
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
