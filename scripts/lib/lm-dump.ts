/**
 * npx tsx scripts/lib/lm-dump.ts [MODEL.bin] > out.txt
 *
 * The typo tier's findings (errors and hints) on the dev drafts, the cleaned seeds and the ecspell train
 * targets, one line each, for comparing two models or two trees (diff the outputs). Never the held-out part.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel } from '../../lib/lm/model';
import { WrongCharTier } from '../../lib/lm/tier';
import { domainVocabulary } from '../../lib/lm/domain';
import { defaultCorpus } from '../../lib/corpus';
import { DEV_DIR } from './dev-set';
import { loadSeeds } from './seeds';
import { loadEcspell } from './ecspell-split';
import { MODEL_FILE } from './lm-sources';
import { tuningFromEnv } from './lm-node';

const model = loadModel(readFileSync(process.argv[2] ?? MODEL_FILE));
const tier = new WrongCharTier(model, { domainWords: domainVocabulary(defaultCorpus), tuning: tuningFromEnv() });
const texts: Array<[string, string]> = [];
for (const f of readdirSync(DEV_DIR).filter((n) => n.endsWith('.txt')).sort()) texts.push([`dev/${f}`, readFileSync(join(DEV_DIR, f), 'utf8')]);
for (const s of loadSeeds()) texts.push([`seed/${s.name}`, s.text]);
for (const l of loadEcspell().filter((x) => x.part === 'train')) texts.push([`target/${l.line + 1}`, l.target]);
for (const [name, text] of texts) {
  let base = 0;
  for (const p of text.split('\n')) {
    for (const i of tier.issues(p, base)) console.log(`${name}@${i.start} ${i.severity} ${i.text}→${i.replacements[0]} | ${p.slice(Math.max(0, i.start - base - 8), i.end - base + 8)}`);
    base += p.length + 1;
  }
}
