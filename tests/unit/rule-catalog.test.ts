import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARTICLE_META, TIER_META } from '@/lib/lm/meta';
import { catalogByGroup, groupMessageKey, RULE_CATALOG, RULE_GROUPS, ruleMessageKeys } from '@/lib/rule-catalog';
import { rules } from '@/lib/rules';

const ROOT = path.resolve(import.meta.dirname, '../..');
const locale = (l: string) => JSON.parse(readFileSync(path.join(ROOT, 'public/_locales', l, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const LOCALES = { zh_CN: locale('zh_CN'), en: locale('en') };

describe('rule catalogue', () => {
  it('names every rule of the registry and the statistical checks (wrong-char, de-di-de-context), once, with its category', () => {
    const metas = [...rules.map((r) => r.meta), TIER_META, PARTICLE_META];
    expect(RULE_CATALOG.map((e) => e.id).sort()).toEqual(metas.map((m) => m.id).sort());
    for (const m of metas) expect(RULE_CATALOG.find((e) => e.id === m.id)?.category, m.id).toBe(m.category);
  });

  it('has a name, a description and an example for every rule, and a name for every group, in both locales, without rule ids', () => {
    const ids = RULE_CATALOG.map((e) => e.id);
    for (const [name, messages] of Object.entries(LOCALES)) {
      for (const e of RULE_CATALOG) {
        for (const key of Object.values(ruleMessageKeys(e.id))) {
          const text = messages[key]?.message;
          expect(text, `${name} ${key}`).toBeTruthy();
          for (const id of ids) expect(text, `${name} ${key}`).not.toContain(id);
        }
      }
      for (const g of RULE_GROUPS) expect(messages[groupMessageKey(g)]?.message, `${name} ${g}`).toBeTruthy();
    }
    // Names tell rules apart within a locale.
    for (const messages of Object.values(LOCALES)) {
      const names = RULE_CATALOG.map((e) => messages[ruleMessageKeys(e.id).name]!.message);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('groups keep their order and hold every rule', () => {
    const groups = catalogByGroup();
    expect(groups.map((g) => g.group)).toEqual(RULE_GROUPS.filter((g) => groups.some((x) => x.group === g)));
    expect(groups.flatMap((g) => g.rules).length).toBe(RULE_CATALOG.length);
  });
});
