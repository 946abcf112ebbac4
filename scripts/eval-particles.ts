/**
 * npx tsx scripts/eval-particles.ts — figures for the statistical 的/地/得 check (lib/lm/particles.ts).
 *
 * Dev set split by file name: the 22 drafts whose names sort first are the tune half (the check's costs and
 * guards were set on them), the rest the test half (scored, never tuned on). For each half and overall:
 * the dedide class (recall, fix right, precision) with the tier (`--lm`) with and without the particle
 * check, and the check's own flags on the drafts with every labelled fix applied. Then the check's flags
 * on clean text: the ecspell target sentences (train and held-out parts apart) and the cleaned seeds.
 */
import { createAnalyzer, rules } from '../lib/engine';
import { createLmChecker, domainVocabulary, mergeTierIssues, PARTICLE_META, ParticleChecker } from '../lib/lm';
import { defaultCorpus } from '../lib/corpus';
import { loadDevSet } from './lib/dev-set';
import { evaluateDev } from './lib/eval-dev';
import { cleanCopy } from './lib/eval-core';
import { loadEcspell } from './lib/ecspell-split';
import { loadModelForNode } from './lib/lm-node';
import { loadSeeds } from './lib/seeds';

const model = loadModelForNode();
const domainWords = domainVocabulary(defaultCorpus);
const analyzer = createAnalyzer({ rules });
const checker = createLmChecker(model, { domainWords });
const particles = new ParticleChecker(model, { domainWords });
const isParticle = (i: { rule: string }) => i.rule === PARTICLE_META.id;

const { docs } = loadDevSet();
const names = docs.map((d) => d.name).sort();
const tune = new Set(names.slice(0, Math.ceil(names.length / 2)));
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

for (const [label, subset] of [
  ['tune half', docs.filter((d) => tune.has(d.name))],
  ['test half', docs.filter((d) => !tune.has(d.name))],
  ['all', docs],
] as const) {
  for (const withParticles of [false, true]) {
    const s = evaluateDev(subset, (text) => {
      const result = analyzer.analyze(text);
      const tier = checker.check(text).filter((i) => withParticles || !isParticle(i));
      return { ...result, issues: mergeTierIssues(result.issues, tier) };
    });
    const d = s.classes.find((c) => c.cls === 'dedide')!;
    const mine = s.clean.items.filter((i) => isParticle(i)).length;
    console.log(
      `${label.padEnd(9)} ${withParticles ? 'with   ' : 'without'} particles: dedide ${d.found}/${d.labelled} recall ${pct(d.recall)}, fix right ${pct(d.fixRate)}, precision ${d.correctFlags}/${d.flags} = ${pct(d.precision)}; fixed drafts: ${s.clean.flags} flags (${mine} from the particle check) in ${s.clean.characters} chars`,
    );
    if (withParticles && process.argv.includes('--list')) for (const i of s.clean.items.filter(isParticle)) console.log('   clean flag', JSON.stringify(i));
  }
}

// The check alone (no rules): what it finds of the dedide labels and how often it is right.
for (const [label, subset] of [
  ['tune half', docs.filter((d) => tune.has(d.name))],
  ['test half', docs.filter((d) => !tune.has(d.name))],
] as const) {
  let labelled = 0;
  let found = 0;
  let fixed = 0;
  let flags = 0;
  let right = 0;
  for (const d of subset) {
    const issues = [];
    let base = 0;
    for (const para of d.text.split('\n')) {
      issues.push(...particles.issues(para, base));
      base += para.length + 1;
    }
    const dedide = d.labels.filter((l) => l.type === 'dedide');
    labelled += dedide.length;
    for (const l of dedide) {
      const hit = issues.filter((i) => i.start < l.end && l.start < i.end);
      if (hit.length) found++;
      if (hit.some((i) => i.replacements[0] === l.fix)) fixed++;
    }
    flags += issues.length;
    right += issues.filter((i) => d.labels.some((l) => i.start < l.end && l.start < i.end)).length;
  }
  console.log(`${label} particle check alone: found ${found}/${labelled} dedide labels (fix right ${fixed}), ${right}/${flags} flags on a labelled slip = ${pct(flags ? right / flags : null)}`);
}

for (const part of ['train', 'heldout'] as const) {
  const lines = loadEcspell().filter((l) => l.part === part);
  let flagged = 0;
  const examples: string[] = [];
  for (const l of lines) {
    const found = particles.issues(l.target);
    if (found.length) {
      flagged++;
      if (examples.length < 10) examples.push(found.map((i) => `${l.target.slice(Math.max(0, i.start - 8), i.start)}[${i.text}→${i.replacements[0]}]${l.target.slice(i.end, i.end + 8)}`).join(' '));
    }
  }
  console.log(`ecspell ${part} targets: ${flagged}/${lines.length} clean sentences flagged by the particle check = ${((flagged / lines.length) * 100).toFixed(2)}%`);
  if (process.argv.includes('--list')) for (const e of examples) console.log('   ', e);
}

const half = createAnalyzer({ rules: rules.filter((r) => r.meta.id === 'half-width-punct') });
let chars = 0;
let flags = 0;
for (const doc of loadSeeds({ reviewed: true })) {
  const { text } = cleanCopy(doc, (t) => half.analyze(t));
  chars += text.length;
  for (const para of text.split('\n')) {
    for (const i of particles.issues(para)) {
      flags++;
      console.log(`   seed flag ${doc.name}: ${para.slice(Math.max(0, i.start - 8), i.start)}[${i.text}→${i.replacements[0]}]${para.slice(i.end, i.end + 8)}`);
    }
  }
}
console.log(`cleaned seeds: ${flags} flags of the particle check in ${chars} chars = ${((flags / chars) * 10_000).toFixed(2)} per 10k`);
