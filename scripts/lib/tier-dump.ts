/**
 * npx tsx scripts/lib/tier-dump.ts > out.txt
 *
 * Every finding of the typo tier (rule wrong-char) and of the whole LM checker on a fixed set, one line
 * each with its kind and margin (9 decimals): the bench document, the dev drafts, the cleaned seeds, and
 * the ecspell train part's sources and targets (never the held-out part). For speed work that must leave
 * the output as it was: run it in the old tree and the new one and diff. (lm-dump.ts prints the issues
 * alone, for comparing models.)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel } from '../../lib/lm/model';
import { createLmChecker, domainVocabulary } from '../../lib/lm';
import { defaultCorpus } from '../../lib/corpus';
import { DEV_DIR } from './dev-set';
import { buildLargeDocument, loadSeeds } from './seeds';
import { loadEcspell } from './ecspell-split';
import { MODEL_FILE } from './lm-sources';

const model = loadModel(readFileSync(MODEL_FILE));
const domainWords = domainVocabulary(defaultCorpus);
const checker = createLmChecker(model, { domainWords });
const tier = checker.tier;
const texts: Array<[string, string]> = [['bench', buildLargeDocument(100_000)]];
for (const f of readdirSync(DEV_DIR).filter((n) => n.endsWith('.txt')).sort()) texts.push([`dev/${f}`, readFileSync(join(DEV_DIR, f), 'utf8')]);
for (const s of loadSeeds()) texts.push([`seed/${s.name}`, s.text]);
for (const l of loadEcspell().filter((x) => x.part === 'train')) {
  texts.push([`source/${l.line + 1}`, l.source]);
  texts.push([`target/${l.line + 1}`, l.target]);
}
for (const [name, text] of texts) {
  let base = 0;
  for (const p of text.split('\n')) {
    // The findings with their margins (both looks), then the issues the checker makes of them.
    for (const f of tier.findingsTwoPass(p)) {
      console.log(`${name}@${base + f.start} F ${f.kind} ${f.text}→${f.fix} ${f.word} [${f.wordStart},${f.wordEnd}) ${f.margin.toFixed(9)}${f.doubted ? ' doubted' : ''}`);
    }
    base += p.length + 1;
  }
  for (const i of checker.check(text)) console.log(`${name}@${i.start} I ${i.rule} ${i.severity} ${i.text}→${i.replacements.join('|')} ${i.message}`);
}
