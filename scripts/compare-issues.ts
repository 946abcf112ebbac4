/**
 * tsx scripts/compare-issues.ts <base-tree> [rule-id,…]
 *
 * Speed work must not change what the engine reports. This runs the engine of another checkout (for
 * example `git archive <commit> | tar -x -C /tmp/base`, with node_modules linked in) and the engine of this
 * tree on the same documents and compares every issue, field by field:
 *   - the seeds, the dev drafts (tests/fixtures/dev), the ecspell target sentences (one per line), the bench
 *     documents of 10k, 100k and 1M characters, and seeded mutations of the seeds (half-width marks,
 *     spaces, traditional characters, brackets, line breaks, web residue, typos inserted at random);
 *   - per rule alone (each named rule, or every rule of this tree), and the full engine's issues of those
 *     rules (a rule that another rule shadows in the full run is compared there too).
 * Prints each difference (a few issues on each side) and exits non-zero when there is one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAnalyzer, rules } from '../lib/engine';
import type { Rule } from '../lib/engine/rule';
import { buildLargeDocument, FIXTURES, loadEcspellTargets, loadSeeds, mulberry32 } from './lib/seeds';

interface Engine {
  createAnalyzer: typeof createAnalyzer;
  rules: readonly Rule[];
}

const [baseDir, only] = process.argv.slice(2);
if (!baseDir) {
  console.error('usage: tsx scripts/compare-issues.ts <base-tree> [rule-id,…]');
  process.exit(2);
}
const base = (await import(pathToFileURL(join(resolve(baseDir), 'lib', 'engine', 'index.ts')).href)) as Engine;
const ids = only ? only.split(',') : rules.map((r) => r.meta.id);

/** Insertions that exercise the punctuation, spacing, script, residue and typo rules. */
const MUTATIONS = [
  ',', '.', ';', ':', '?', '!', '(', ')', '"', "'", ' ', '  ', '\u3000', '\t', '\n', '\n\n', '\r\n',
  '發', '這', '個', '們', '會', '國', '為', '《', '》', '“', '”', '‘', '’', '（', '）', '【', '】',
  '1', '2023', 'A', 'PDF', '%', '—', '…', '...', '展开全部', '下一篇', '点击查看', '责任编辑：', '来源：',
  '阅读全文', '返回顶部', '&nbsp;', '<br>', '打印本页', '：', '，', '。', '、', '；', '的的', '不段', '社会各届', '𠮷',
];

function documents(): [string, string][] {
  const seeds = loadSeeds();
  const ecspell = loadEcspellTargets();
  const docs: [string, string][] = seeds.map((s) => [`seed ${s.name}`, s.text]);
  const dev = join(FIXTURES, 'dev');
  for (const f of readdirSync(dev).filter((f) => f.endsWith('.txt')).sort()) docs.push([`dev ${f}`, readFileSync(join(dev, f), 'utf8')]);
  docs.push(['ecspell', ecspell.join('\n')]);
  for (const n of [10_000, 100_000, 1_000_000]) docs.push([`bench ${n}`, buildLargeDocument(n, seeds, ecspell)]);
  const rand = mulberry32(1313);
  for (const s of seeds) {
    for (let v = 0; v < 6; v++) {
      let out = '';
      for (let i = 0; i < s.text.length; ) {
        const step = 1 + Math.floor(rand() * 40);
        out += s.text.slice(i, i + step);
        i += step;
        const r = rand();
        if (r < 0.7) out += MUTATIONS[Math.floor(rand() * MUTATIONS.length)];
        else if (r < 0.85) i += 1 + Math.floor(rand() * 3);
        else if (r < 0.95) out += '\n';
      }
      docs.push([`mutated ${s.name} #${v}`, out]);
    }
  }
  return docs;
}

let differences = 0;
function compare(label: string, a: readonly unknown[], b: readonly unknown[]): void {
  const ja = a.map((x) => JSON.stringify(x));
  const jb = b.map((x) => JSON.stringify(x));
  if (ja.length === jb.length && ja.every((x, i) => x === jb[i])) return;
  differences++;
  const inA = new Set(ja);
  const inB = new Set(jb);
  console.log(`DIFFERENT ${label}: ${ja.length} issues in the base tree, ${jb.length} here`);
  for (const x of ja.filter((x) => !inB.has(x)).slice(0, 3)) console.log(`  - ${x.slice(0, 300)}`);
  for (const x of jb.filter((x) => !inA.has(x)).slice(0, 3)) console.log(`  + ${x.slice(0, 300)}`);
}

const docs = documents();
let issues = 0;
for (const [name, text] of docs) {
  const full = (engine: Engine) => engine.createAnalyzer({ rules: engine.rules }).analyze(text).issues.filter((i) => ids.includes(i.rule));
  compare(`${name}, full engine`, full(base), full({ createAnalyzer, rules }));
  for (const id of ids) {
    const theirs = base.rules.find((r) => r.meta.id === id);
    const ours = rules.find((r) => r.meta.id === id);
    if (!theirs || !ours) {
      console.log(`rule ${id} is missing from ${theirs ? 'this tree' : 'the base tree'}`);
      differences++;
      continue;
    }
    const b = createAnalyzer({ rules: [ours] }).analyze(text).issues;
    issues += b.length;
    compare(`${name}, ${id} alone`, base.createAnalyzer({ rules: [theirs] }).analyze(text).issues, b);
  }
}
const chars = docs.reduce((n, [, t]) => n + t.length, 0);
console.log(`${docs.length} documents, ${chars} characters, ${ids.length} rules, ${issues} issues of the rules alone: ${differences ? `${differences} differences` : 'identical'}`);
if (differences) process.exitCode = 1;
