/**
 * npx tsx scripts/lib/lm-dump.ts [MODEL.bin] [--margins] > out.txt
 *
 * The typo tier's output on a fixed set, one line each, for comparing two models or two trees (diff the
 * outputs): the dev drafts, the cleaned seeds and the ecspell train part (never the held-out part).
 * - default: the tier's issues (errors and hints) on the train targets, with their context; the tuning from
 *   the environment (tuningFromEnv). For comparing models.
 * - --margins: every finding with its kind and margin (9 decimals, both looks), then every issue of the
 *   whole LM checker, on the bench document too and on the train sources as well as the targets. For speed
 *   work that must leave the output exactly as it was.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel } from '../../lib/lm/model';
import { createLmChecker, domainVocabulary } from '../../lib/lm';
import { WrongCharTier } from '../../lib/lm/tier';
import { defaultCorpus } from '../../lib/corpus';
import { DEV_DIR } from './dev-set';
import { buildLargeDocument, loadSeeds } from './seeds';
import { loadEcspell } from './ecspell-split';
import { MODEL_FILE } from './lm-sources';
import { tuningFromEnv } from './lm-node';

const args = process.argv.slice(2);
const margins = args.includes('--margins');
const model = loadModel(readFileSync(args.find((a) => !a.startsWith('--')) ?? MODEL_FILE));
const domainWords = domainVocabulary(defaultCorpus);

const texts: Array<[string, string]> = margins ? [['bench', buildLargeDocument(100_000)]] : [];
for (const f of readdirSync(DEV_DIR).filter((n) => n.endsWith('.txt')).sort()) texts.push([`dev/${f}`, readFileSync(join(DEV_DIR, f), 'utf8')]);
for (const s of loadSeeds()) texts.push([`seed/${s.name}`, s.text]);
for (const l of loadEcspell().filter((x) => x.part === 'train')) {
  if (margins) texts.push([`source/${l.line + 1}`, l.source]);
  texts.push([`target/${l.line + 1}`, l.target]);
}

if (margins) {
  const checker = createLmChecker(model, { domainWords });
  for (const [name, text] of texts) {
    eachLine(text, (p, base) => {
      for (const f of checker.tier.findingsTwoPass(p)) {
        console.log(`${name}@${base + f.start} F ${f.kind} ${f.text}→${f.fix} ${f.word} [${f.wordStart},${f.wordEnd}) ${f.margin.toFixed(9)}${f.doubted ? ' doubted' : ''}`);
      }
    });
    for (const i of checker.check(text)) console.log(`${name}@${i.start} I ${i.rule} ${i.severity} ${i.text}→${i.replacements.join('|')} ${i.message}`);
  }
} else {
  const tier = new WrongCharTier(model, { domainWords, tuning: tuningFromEnv() });
  for (const [name, text] of texts) {
    eachLine(text, (p, base) => {
      for (const i of tier.issues(p, base)) console.log(`${name}@${i.start} ${i.severity} ${i.text}→${i.replacements[0]} | ${p.slice(Math.max(0, i.start - base - 8), i.end - base + 8)}`);
    });
  }
}

function eachLine(text: string, visit: (line: string, base: number) => void): void {
  let base = 0;
  for (const p of text.split('\n')) {
    visit(p, base);
    base += p.length + 1;
  }
}
