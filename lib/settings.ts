/**
 * User settings: plain JSON, stored by the background in `browser.storage.local` under
 * {@link SETTINGS_KEY}. Pure module (no browser APIs) so every context and the tests can use it.
 */
import type { AnalyzeOptions } from './engine/types';

export interface Settings {
  /** Master switch for checking in web pages. */
  enabled: boolean;
  /** Per-rule switches keyed by rule id; absent = on. */
  rules: Record<string, boolean>;
  /** Words the user accepted (never flagged). */
  dictionary: string[];
}

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ enabled: true, rules: {}, dictionary: [] });

/** Accepts anything read from storage and returns a valid Settings object (never throws). */
export function normalizeSettings(raw: unknown): Settings {
  const out: Settings = { enabled: DEFAULT_SETTINGS.enabled, rules: {}, dictionary: [] };
  if (!raw || typeof raw !== 'object') return out;
  const r = raw as Record<string, unknown>;
  if (typeof r.enabled === 'boolean') out.enabled = r.enabled;
  if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
    for (const [id, on] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof on === 'boolean') out.rules[id] = on;
    }
  }
  if (Array.isArray(r.dictionary)) {
    out.dictionary = r.dictionary.filter((w): w is string => typeof w === 'string' && w.length > 0);
  }
  return out;
}

/** The engine options these settings imply. */
export function analyzeOptions(settings: Settings): AnalyzeOptions {
  return { rules: settings.rules, dictionary: settings.dictionary };
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
