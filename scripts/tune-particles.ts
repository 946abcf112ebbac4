/**
 * npx tsx scripts/tune-particles.ts [--test] [--window N] [--list]
 *
 * Tuning data for the statistical 的/地/得 check (lib/lm/particles.ts): for each particle of the tune half of
 * the dev drafts (the 22 whose file names sort first; --test: the other half, for reporting only) and of
 * the ecspell training part's target sentences (clean), the gain of each other particle over the one
 * written, and per direction the correct particles above the gain (would-be false alarms) and the
 * labelled slips found, for a few costs. Labelled slips: dev labels of type dedide. Then the same for each class
 * of structural evidence (lib/lm/particle-context.ts: its cost is ParticleTuning.evidenceCosts), adding the
 * hand-written sentences of tests/fixtures/dev-dedide-stat (tune-*.txt; --test: test-*.txt).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { evidenceFor, type Evidence } from '../lib/lm/particle-context';
import { particleWindow, ParticleChecker, PARTICLES } from '../lib/lm/particles';
import { loadDevSet } from './lib/dev-set';
import { loadEcspell } from './lib/ecspell-split';
import { loadModelForNode } from './lib/lm-node';
import { readMarkedSentences } from './lib/marked-sentences';

const { values } = parseArgs({ options: { test: { type: 'boolean' }, window: { type: 'string' }, list: { type: 'boolean' } } });
const window = Number(values.window ?? 5);
const checker = new ParticleChecker(loadModelForNode(), { tuning: { window } });

interface Row { dir: string; gain: number; wrong: boolean; ctx: string; source: string }
const rows: Row[] = [];
const evidenceRows: Array<Row & { evidence: Evidence }> = [];

function scan(text: string, source: string, wrongAt: (p: number) => string | null): void {
  for (let p = 0; p < text.length; p++) {
    if (!PARTICLES.includes(text[p]!)) continue;
    const [a, b] = particleWindow(text, p, window);
    if (a === p || b === p + 1) continue;
    const g = checker.gains(text.slice(a, b), p - a);
    if (!g) continue;
    const want = wrongAt(p);
    for (const fix of PARTICLES) {
      const ctx = text.slice(Math.max(0, p - 8), p) + '[' + text[p] + ']' + text.slice(p + 1, p + 8);
      const raw = g.raw[fix as '的'];
      const evidence = raw === undefined ? null : evidenceFor(text, p, fix as '的');
      if (evidence) evidenceRows.push({ dir: text[p]! + fix, gain: raw!, wrong: want === fix, ctx, source, evidence });
      const gain = (g as Record<string, unknown>)[fix];
      if (typeof gain !== 'number') continue;
      rows.push({ dir: text[p]! + fix, gain, wrong: want === fix, ctx, source });
    }
  }
}

const { docs } = loadDevSet();
const names = docs.map((d) => d.name).sort();
const tune = new Set(names.slice(0, Math.ceil(names.length / 2)));
for (const d of docs) {
  if (tune.has(d.name) === Boolean(values.test)) continue;
  scan(d.text, d.name, (p) => {
    const l = d.labels.find((x) => x.type === 'dedide' && x.start <= p && p < x.end && x.text.length === 1);
    return l && typeof l.fix === 'string' ? l.fix : null;
  });
}
if (!values.test) for (const l of loadEcspell()) if (l.part === 'train') scan(l.target, 'ecspell', () => null);
const stat = join(import.meta.dirname, '..', 'tests', 'fixtures', 'dev-dedide-stat');
for (const f of readdirSync(stat).filter((x) => x.startsWith(values.test ? 'test-' : 'tune-') && x.endsWith('.txt'))) {
  for (const { text, slips } of readMarkedSentences(join(stat, f))) {
    const fixes = new Map(slips.map((s) => [s.at, s.fix]));
    scan(text, f, (p) => fixes.get(p) ?? null);
  }
}

console.log(`${values.test ? 'TEST' : 'TUNE'} half (${values.test ? names.length - tune.size : tune.size} drafts)${values.test ? '' : ' + ecspell train targets'}, window ${window}`);
for (const dir of ['的地', '的得', '地的', '地得', '得的', '得地']) {
  const xs = rows.filter((r) => r.dir === dir).sort((x, y) => y.gain - x.gain);
  const wrong = xs.filter((r) => r.wrong).length;
  const firstClean = xs.find((r) => !r.wrong);
  console.log(`\n${dir[0]}→${dir[1]}: ${xs.length} particles, ${wrong} labelled slips; highest clean gain ${firstClean?.gain.toFixed(2)} ${firstClean?.ctx.replace(/\n/g, '⏎')} (${firstClean?.source})`);
  for (const c of [0.5, 0.8, 1.0, 1.2, 1.5, 2.0, 2.5]) {
    const hit = xs.filter((r) => r.gain > c);
    console.log(`  cost ${c}: found ${hit.filter((r) => r.wrong).length}/${wrong}, false ${hit.filter((r) => !r.wrong).length}`);
  }
  if (values.list) for (const r of xs.slice(0, 30)) console.log(`   ${r.gain.toFixed(2)} ${r.wrong ? 'W' : '.'} ${r.ctx.replace(/\n/g, '⏎')} (${r.source})`);
}

console.log('\nStructural evidence (raw gain of the fix; the class opens the direction at its own cost):');
for (const evidence of ['adverbial', 'complement', 'attributive'] as const) {
  const xs = evidenceRows.filter((r) => r.evidence === evidence).sort((x, y) => y.gain - x.gain);
  const wrong = xs.filter((r) => r.wrong).length;
  const cleanMax = xs.find((r) => !r.wrong);
  console.log(`\n${evidence}: ${xs.length} particles, ${wrong} slips; highest clean gain ${cleanMax?.gain.toFixed(2)} ${cleanMax?.ctx.replace(/\n/g, '⏎')} (${cleanMax?.source})`);
  for (const c of [-3.0, -2.6, -2.2, -2.0, -1.8, -1.6, -1.2, -0.8, 0, 0.6, 1.0, 1.4]) {
    const hit = xs.filter((r) => r.gain > c);
    console.log(`  cost ${c}: found ${hit.filter((r) => r.wrong).length}/${wrong}, false ${hit.filter((r) => !r.wrong).length}`);
  }
  if (values.list) for (const r of xs) console.log(`   ${r.gain.toFixed(2)} ${r.wrong ? 'W' : '.'} ${r.dir} ${r.ctx.replace(/\n/g, '⏎')} (${r.source})`);
}
