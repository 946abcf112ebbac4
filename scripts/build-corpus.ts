/**
 * npm run corpus — build the default reference corpus from lib/corpus/seeds/*.txt into
 * lib/corpus/generated/{corpus,set-phrases}.json (generated; never edit by hand, never touches
 * lib/corpus/curated/). Prints build time and sizes.
 *
 *   npm run corpus              rebuild and write
 *   npm run corpus -- --check   exit 1 if the checked-in JSON is stale
 *   npm run corpus -- --bench   also time the import of a 100,000-character document
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCorpus, serializeJson, setPhraseEnumerations } from '../lib/corpus/build';
import type { CorpusDocInput } from '../lib/corpus/types';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SEEDS_DIR = join(root, 'lib/corpus/seeds');
export const CORPUS_JSON = join(root, 'lib/corpus/generated/corpus.json');
export const SET_PHRASES_JSON = join(root, 'lib/corpus/generated/set-phrases.json');

/** The seed essays as corpus inputs, in file-name order. */
export function loadSeedDocs(dir = SEEDS_DIR): CorpusDocInput[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const title = text.split(/\r\n|\r|\n/).find((l) => l.trim())?.trim() ?? '';
      return { id: f.replace(/\.txt$/, ''), title, text, source: 'seed' };
    });
}

/** Both generated files, exactly as they are written to disk. */
export function buildDefaultFiles(docs = loadSeedDocs()): { corpus: string; setPhrases: string } {
  const corpus = buildCorpus(docs);
  return { corpus: `${serializeJson(corpus)}\n`, setPhrases: `${serializeJson(setPhraseEnumerations(corpus))}\n` };
}

/** A 100,000-character document for timing: the seeds' body paragraphs in a deterministic shuffle. */
export function benchDocument(length = 100_000): string {
  const lines = loadSeedDocs()
    .flatMap((d) => d.text.split(/\r?\n/))
    .filter((l) => l.trim().length > 40);
  let text = '基层党支部建设材料汇编\n';
  for (let i = 0; text.length < length; i++) text += `${lines[(i * 7919) % lines.length]}\n`;
  return text.slice(0, length);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function main(args: string[]): number {
  const docs = loadSeedDocs();
  const times: number[] = [];
  let files = buildDefaultFiles(docs);
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    files = buildDefaultFiles(docs);
    times.push(performance.now() - t);
  }
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  console.log(`seeds: ${docs.length} files, ${chars} characters; build ${median(times).toFixed(0)} ms (median of 5)`);
  console.log(`corpus.json ${Buffer.byteLength(files.corpus)} bytes, set-phrases.json ${Buffer.byteLength(files.setPhrases)} bytes`);

  if (args.includes('--bench')) {
    const text = benchDocument();
    const t100: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      buildCorpus([{ id: 'bench', title: '', text, source: 'user' }]);
      t100.push(performance.now() - t);
    }
    console.log(`100,000-character document: ${median(t100).toFixed(0)} ms (median of 5)`);
  }

  const stale =
    !existsSync(CORPUS_JSON) ||
    !existsSync(SET_PHRASES_JSON) ||
    readFileSync(CORPUS_JSON, 'utf8') !== files.corpus ||
    readFileSync(SET_PHRASES_JSON, 'utf8') !== files.setPhrases;
  if (args.includes('--check')) {
    console.log(stale ? 'generated corpus is STALE: run `npm run corpus`' : 'generated corpus is up to date');
    return stale ? 1 : 0;
  }
  if (stale) {
    writeFileSync(CORPUS_JSON, files.corpus);
    writeFileSync(SET_PHRASES_JSON, files.setPhrases);
    console.log('wrote lib/corpus/generated/corpus.json and set-phrases.json');
  } else console.log('generated corpus already up to date');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
