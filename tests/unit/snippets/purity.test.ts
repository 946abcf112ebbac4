import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// lib/snippets runs in the background, the side panel and the content script's picker: no DOM, no
// browser API, no Dexie (the repository in lib/storage/snippets.ts owns the database).
describe('lib/snippets is pure', () => {
  const dir = join(__dirname, '../../../lib/snippets');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  it.each(files)('%s imports nothing from the browser, the DOM, Preact or Dexie', (file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    expect(source).not.toMatch(/from\s+['"](preact|preact\/.*|dexie|wxt\/.*|@webext-core\/.*|webextension-polyfill|#imports)['"]/);
    expect(source).not.toMatch(/\b(document|window|chrome|browser|indexedDB|localStorage)\.\w/);
    expect(source).not.toMatch(/from\s+['"]\.\.\/(storage|editors|import)\//);
  });
});
