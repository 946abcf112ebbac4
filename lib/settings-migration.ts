/**
 * The stored settings' schema version and the steps between versions. Pure (the one step that needs the
 * database, 0 → 1, is lib/storage/settings-store.ts migrateDictionary; the background runs the steps at
 * every start through SettingsStore.migrate).
 *
 * History (`settings.version`):
 *   0 (no field)  the personal dictionary lived in the settings (`dictionary: string[]`)
 *   1             the dictionary is in IndexedDB
 *   2             `groupSeverity`: the writer's severity per rule group (lib/severity-override.ts)
 *   3             the statistical 的/地/得 findings have their own rule id, `de-di-de-context` (they were
 *                 `wrong-char`'s): a `wrong-char` switched off, or ignored on a site, switches the new id off
 *                 too, once. Until then that one switch silenced both; the writer may have turned it off
 *                 for a 的/地/得 suggestion (the card's 忽略此规则 offered nothing finer), so neither comes back
 *                 unasked. From version 3 on the two are independent: the settings page lists both off,
 *                 and either can be turned on alone.
 * A newer version than this code knows (after a downgrade) is read as far as it is understood.
 */

export const SETTINGS_VERSION = 3;

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
  // 2 → 3: wherever wrong-char was off (everywhere, or ignored on a site), de-di-de-context is off too.
  2: (raw) => ({ ...raw, ...splitWrongChar(raw), version: 3 }),
};

/** The rule id the statistical 的/地/得 findings had up to version 2, and the one they have since (lib/lm/meta.ts). */
const OLD_PARTICLE_ID = 'wrong-char';
const NEW_PARTICLE_ID = 'de-di-de-context';

const isRecord = (x: unknown): x is Raw => !!x && typeof x === 'object' && !Array.isArray(x);

/** Version 2's `rules` and `siteIgnoredRules` with the new id off wherever the old one was (others kept as they were). */
function splitWrongChar(raw: Raw): Raw {
  const out: Raw = {};
  const rules = raw.rules;
  if (isRecord(rules) && rules[OLD_PARTICLE_ID] === false && !(NEW_PARTICLE_ID in rules)) out.rules = { ...rules, [NEW_PARTICLE_ID]: false };
  const sites = raw.siteIgnoredRules;
  if (isRecord(sites)) {
    let changed = false;
    const next: Raw = {};
    for (const [site, ids] of Object.entries(sites)) {
      const add = Array.isArray(ids) && ids.includes(OLD_PARTICLE_ID) && !ids.includes(NEW_PARTICLE_ID);
      next[site] = add ? [...(ids as unknown[]), NEW_PARTICLE_ID] : ids;
      changed ||= add;
    }
    if (changed) out.siteIgnoredRules = next;
  }
  return out;
}

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
