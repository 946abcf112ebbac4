/**
 * Keeps the rule registry whole and the pure layers pure:
 * every rule file is registered under its own id, has a table-driven test and a line in docs/RULES.md;
 * lib/engine, lib/rules and lib/corpus import nothing from the browser, the DOM, Preact or Dexie.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../lib/rules';
import { rulesMarkdown } from '../../scripts/rules-doc';
import { PARTICLE_META, TIER_META } from '../../lib/lm/meta';

const root = join(import.meta.dirname, '..', '..');
const ruleFiles = readdirSync(join(root, 'lib/rules'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'messages.ts')
  .map((f) => f.slice(0, -3));

function walk(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(walk(path));
    else if (/\.(ts|tsx|js|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

describe('rule registry', () => {
  it('registers every rule file exactly once, under its file name', () => {
    const ids = rules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...ruleFiles].sort());
  });

  it('docs/RULES.md is what `npm run docs:rules` writes', () => {
    expect(readFileSync(join(root, 'docs/RULES.md'), 'utf8')).toBe(rulesMarkdown());
  });

  it.each(ruleFiles)('%s has kebab-case id, a Chinese description, a test file and a doc line', (id) => {
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    const rule = rules.find((r) => r.meta.id === id)!;
    expect(rule.meta.description).toMatch(/[\u4e00-\u9fff]/);
    expect(statSync(join(root, 'tests/unit/rules', `${id}.test.ts`)).isFile()).toBe(true);
    expect(readFileSync(join(root, 'docs/RULES.md'), 'utf8')).toContain(`\`${id}\``);
  });
});

describe('statistical tier', () => {
  it.each([TIER_META.id, PARTICLE_META.id])('%s (lib/lm) has its test file and a doc line, and no rule file takes its id', (id) => {
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(statSync(join(root, 'tests/unit/lm', `${id}.test.ts`)).isFile()).toBe(true);
    expect(readFileSync(join(root, 'docs/RULES.md'), 'utf8')).toContain(`\`${id}\``);
    expect(ruleFiles).not.toContain(id);
  });
});

describe('pure layers', () => {
  const pureDirs = ['lib/engine', 'lib/rules', 'lib/corpus', 'lib/lm'];
  const forbiddenImport = /from\s+['"](preact|preact\/.*|dexie|wxt\/.*|@webext-core\/.*|webextension-polyfill|#imports)['"]/;
  const forbiddenGlobal = /\b(document|window|navigator|localStorage|chrome|browser)\s*\.\s*[a-zA-Z]/;

  const files = pureDirs.flatMap((d) => {
    try {
      return walk(join(root, d));
    } catch {
      return [];
    }
  });

  it.each(files.map((f) => relative(root, f)))('%s uses no browser, DOM, Preact or Dexie', (file) => {
    const source = readFileSync(join(root, file), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
    expect(source).not.toMatch(forbiddenImport);
    expect(source).not.toMatch(forbiddenGlobal);
  });
});
