/**
 * The stored settings' schema version and the steps between versions. Pure (the one step that needs the
 * database, 0 → 1, is lib/storage/settings-store.ts migrateDictionary; the background runs the steps at
 * every start through SettingsStore.migrate).
 *
 * History (`settings.version`):
 *   0 (no field)  the personal dictionary lived in the settings (`dictionary: string[]`)
 *   1             the dictionary is in IndexedDB
 *   2             `groupSeverity`: the writer's severity per rule group (lib/severity-override.ts)
 * A newer version than this code knows (after a downgrade) is read as far as it is understood.
 */

export const SETTINGS_VERSION = 2;

/** The stored schema version (0 when absent or damaged). */
export function storedVersion(raw: unknown): number {
  const v = raw && typeof raw === 'object' ? (raw as { version?: unknown }).version : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

type Raw = Record<string, unknown>;

/**
 * Pure steps: the stored object at version `n` (the key) → at `n + 1`. Every field a step does not
 * own is kept as it was.
 */
export const PURE_STEPS: Readonly<Record<number, (raw: Raw) => Raw>> = {
  // 1 → 2: severities per group arrive, none overridden. A `groupSeverity` found in version-1 settings
  // was never written by version 1 (foreign or damaged data): it is not taken as the writer's choice.
  1: (raw) => ({ ...raw, groupSeverity: {}, version: 2 }),
};

/**
 * Bring `raw` (stored at version ≥ 1) up to {@link SETTINGS_VERSION} with the pure steps. Returns null
 * when nothing is to be done (already current or newer, or not settings at all); version 0 must first
 * go through the dictionary move, which stamps version 1 or later.
 */
export function migrateSettings(raw: unknown): Raw | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  let version = storedVersion(raw);
  if (version < 1 || version >= SETTINGS_VERSION) return null;
  let value = raw as Raw;
  while (version < SETTINGS_VERSION) {
    const step = PURE_STEPS[version];
    if (!step) throw new Error(`no settings migration from version ${version}`);
    value = step(value);
    version++;
  }
  return value;
}
