/**
 * User settings: plain JSON, stored in `browser.storage.local` under {@link SETTINGS_KEY}. The content
 * script reads them there directly (no message, so no background wake-up from every frame); changes go
 * through the background (lib/protocol.ts), which owns every write. Pure module (no browser APIs) so
 * every context and the tests can use it.
 *
 * The personal dictionary is not a setting: it lives in IndexedDB (lib/storage/dictionary.ts).
 */
import type { AnalyzeOptions, Severity } from './engine/types';
import type { RuleGroup } from './rule-catalog';
import { parseSeverityOverrides, type SeverityOverrides } from './severity-override';
import { LANGUAGE_SETTINGS, type LanguageSetting } from './ui-language';

export interface Settings {
  /** Master switch for checking in web pages. */
  enabled: boolean;
  /** Per-rule switches keyed by rule id; absent = on. */
  rules: Record<string, boolean>;
  /** Sites (see {@link siteKey}) where the content script checks nothing. */
  disabledSites: string[];
  /** Per site: rule ids the user chose to ignore there ("忽略此规则"). */
  siteIgnoredRules: Record<string, string[]>;
  /** Pause after the last edit before an editor is checked again (ms). */
  debounceMs: number;
  /** Interface language (lib/ui-language.ts): follow the browser, or always Chinese / English. */
  language: LanguageSetting;
  /**
   * Per rule group (lib/rule-catalog.ts): the severity its findings are shown with (underline colour,
   * the panel's counts); absent = each rule's own (lib/severity-override.ts). Since schema version 2.
   */
  groupSeverity: SeverityOverrides;
}

export const SETTINGS_KEY = 'settings';

export const DEFAULT_DEBOUNCE_MS = 80;
/** Accepted range of {@link Settings.debounceMs}. */
export const DEBOUNCE_LIMITS = { min: 0, max: 2000 } as const;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  rules: {},
  disabledSites: [],
  siteIgnoredRules: {},
  debounceMs: DEFAULT_DEBOUNCE_MS,
  language: 'auto',
  groupSeverity: Object.freeze({}),
});

const isWord = (w: unknown): w is string => typeof w === 'string' && w.length > 0;

/** Accepts anything read from storage and returns a valid Settings object (never throws). */
export function normalizeSettings(raw: unknown): Settings {
  const out: Settings = {
    enabled: DEFAULT_SETTINGS.enabled,
    rules: {},
    disabledSites: [],
    siteIgnoredRules: {},
    debounceMs: DEFAULT_DEBOUNCE_MS,
    language: 'auto',
    groupSeverity: {},
  };
  if (!raw || typeof raw !== 'object') return out;
  const r = raw as Record<string, unknown>;
  if (typeof r.enabled === 'boolean') out.enabled = r.enabled;
  if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
    for (const [id, on] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof on === 'boolean') out.rules[id] = on;
    }
  }
  if (Array.isArray(r.disabledSites)) out.disabledSites = [...new Set(r.disabledSites.filter(isWord))];
  if (r.siteIgnoredRules && typeof r.siteIgnoredRules === 'object' && !Array.isArray(r.siteIgnoredRules)) {
    for (const [site, ids] of Object.entries(r.siteIgnoredRules as Record<string, unknown>)) {
      if (!site || !Array.isArray(ids)) continue;
      const list = [...new Set(ids.filter(isWord))];
      if (list.length) out.siteIgnoredRules[site] = list;
    }
  }
  if (typeof r.debounceMs === 'number' && Number.isFinite(r.debounceMs)) {
    out.debounceMs = Math.round(Math.min(DEBOUNCE_LIMITS.max, Math.max(DEBOUNCE_LIMITS.min, r.debounceMs)));
  }
  if (LANGUAGE_SETTINGS.includes(r.language as LanguageSetting)) out.language = r.language as LanguageSetting;
  out.groupSeverity = parseSeverityOverrides(r.groupSeverity);
  return out;
}

/**
 * The key a page's per-site settings are stored under: its host name (`www.example.com`, `127.0.0.1`),
 * or the scheme for pages without a host (`file:`). `about:blank`/`about:srcdoc` frames pass their
 * creator's origin.
 */
export function siteKey(url: string): string {
  try {
    const u = new URL(url);
    return u.hostname || u.protocol;
  } catch {
    return '';
  }
}

/** True when checking is on for this site. */
export function checksSite(settings: Settings, site: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(site);
}

/** The settings with one more rule ignored on `site` (unchanged when it already was). */
export function withRuleIgnored(settings: Settings, site: string, rule: string): Settings {
  const list = settings.siteIgnoredRules[site] ?? [];
  if (!site || !rule || list.includes(rule)) return settings;
  return { ...settings, siteIgnoredRules: { ...settings.siteIgnoredRules, [site]: [...list, rule] } };
}

/** The settings with checking switched on or off for `site`. */
export function withSiteEnabled(settings: Settings, site: string, enabled: boolean): Settings {
  const others = settings.disabledSites.filter((s) => s !== site);
  return { ...settings, disabledSites: enabled || !site ? others : [...others, site] };
}

/** The settings with the rules `ids` switched on or off everywhere (on = no entry: absent means on). */
export function withRulesEnabled(settings: Settings, ids: readonly string[], enabled: boolean): Settings {
  const rules = { ...settings.rules };
  for (const id of ids) {
    if (enabled) delete rules[id];
    else rules[id] = false;
  }
  return { ...settings, rules };
}

/** The settings with `rule` no longer ignored on `site` (unchanged when it was not); an emptied site goes. */
export function withRuleRestored(settings: Settings, site: string, rule: string): Settings {
  const list = settings.siteIgnoredRules[site];
  if (!list?.includes(rule)) return settings;
  const siteIgnoredRules = { ...settings.siteIgnoredRules };
  const rest = list.filter((r) => r !== rule);
  if (rest.length) siteIgnoredRules[site] = rest;
  else delete siteIgnoredRules[site];
  return { ...settings, siteIgnoredRules };
}

/** The settings with another pause before checking, clamped to {@link DEBOUNCE_LIMITS}. */
export function withDebounce(settings: Settings, ms: number): Settings {
  const debounceMs = normalizeSettings({ debounceMs: ms }).debounceMs;
  return debounceMs === settings.debounceMs ? settings : { ...settings, debounceMs };
}

/** The settings with group `group` shown at `severity`, or at its rules' own severities (null). */
export function withGroupSeverityOverride(settings: Settings, group: RuleGroup, severity: Severity | null): Settings {
  if ((settings.groupSeverity[group] ?? null) === severity) return settings;
  const groupSeverity = { ...settings.groupSeverity };
  if (severity === null) delete groupSeverity[group];
  else groupSeverity[group] = severity;
  return { ...settings, groupSeverity };
}

/** The checks' part of the settings (rule switches and group severities), as 恢复默认 and its 撤销 write it. */
export type RuleSettings = Pick<Settings, 'rules' | 'groupSeverity'>;

/** The settings with the checks' part replaced (unchanged when it is the same). */
export function withRuleSettings(settings: Settings, next: RuleSettings): Settings {
  const same = (a: object, b: object) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
  if (same(settings.rules, next.rules) && same(settings.groupSeverity, next.groupSeverity)) return settings;
  return { ...settings, rules: { ...next.rules }, groupSeverity: { ...next.groupSeverity } };
}

/** True when rule `id` is on everywhere (it may still be ignored on some sites). */
export const ruleEnabled = (settings: Settings, id: string): boolean => settings.rules[id] !== false;

/**
 * The engine options these settings imply, on `site` (its ignored rules switched off, plus
 * `ignoredRules` not stored yet) and with the personal dictionary.
 */
export function analyzeOptions(
  settings: Settings,
  context: { site?: string; dictionary?: readonly string[]; ignoredRules?: Iterable<string> } = {},
): AnalyzeOptions {
  const ignored = [...(context.site ? settings.siteIgnoredRules[context.site] ?? [] : []), ...(context.ignoredRules ?? [])];
  const rules = ignored.length ? { ...settings.rules, ...Object.fromEntries(ignored.map((id) => [id, false])) } : settings.rules;
  return context.dictionary?.length ? { rules, dictionary: context.dictionary } : { rules };
}

/** The slice of `browser.storage` that {@link watchSettings} needs (passed in: this module imports no browser API). */
export interface SettingsStorage {
  local: { get(key: string): Promise<Record<string, unknown>> };
  onChanged: {
    addListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
    removeListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
  };
}

/**
 * Read the settings straight from storage (no message, so no background wake-up from every frame)
 * and call `onChange` whenever they change, until `signal` aborts. Resolves with the first value;
 * falls back to the defaults when storage cannot be read.
 */
export async function watchSettings(
  storage: SettingsStorage,
  signal: AbortSignal,
  onChange: (settings: Settings) => void,
): Promise<Settings> {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes && !signal.aborted) onChange(normalizeSettings(changes[SETTINGS_KEY]?.newValue));
  };
  storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => storage.onChanged.removeListener(listener), { once: true });
  try {
    return normalizeSettings((await storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  } catch {
    return normalizeSettings(undefined);
  }
}
