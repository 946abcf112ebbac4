/**
 * npm run build:lexicon [-- --source <jieba.dict.utf8 | nodejieba-*.tgz>] [-- --check]
 *
 * Builds lib/lexicon/generated/jieba.ts, the compact word-class table behind lib/lexicon, from jieba's
 * dictionary (MIT; one `word frequency pos-tag` line per word), shipped in the npm tarball of nodejieba at
 * package/submodules/cppjieba/dict/jieba.dict.utf8.
 *   --source  a local copy of the dictionary or of the tarball; without it the pinned tarball is fetched
 *             with `npm pack nodejieba@<version>` into a temporary folder (the only network use)
 *   --check   exit 1 when the committed table is stale (different generator version, different source
 *             checksum, or different content when regenerated); writes nothing
 *
 * Pruning (the table ships in the content script, so it must stay small): proper names, foreign words and
 * numerals are left out; the other words are kept from a frequency floor that depends on their class
 * (see KEEP below), and only words of 1–4 characters. The checker's rules need the open classes (verb,
 * adjective, adverb, status words, idioms, nouns) of words people actually write; rare words add size only.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { WordClass } from '../lib/lexicon/classes';
import { GCS_BASE, GCS_BITS, gcsValue, type CodedSet } from '../lib/lexicon/coded-set';

/** Bump whenever the output would change for the same source (selection, encoding, class mapping). */
export const GENERATOR_VERSION = 5;
export const NODEJIEBA_VERSION = '3.5.8';
export const DICT_PATH_IN_TARBALL = 'package/submodules/cppjieba/dict/jieba.dict.utf8';
export const OUTPUT = resolve(import.meta.dirname, '../lib/lexicon/generated/jieba.ts');

const C = WordClass;

/**
 * jieba tag → coarse classes. Unlisted tags (person names, foreign strings, morphemes) are dropped; place and
 * organisation names (ns, nt) count as nouns.
 */
const TAG_CLASSES: Record<string, number> = {
  n: C.Noun, ng: C.Noun, nz: C.Noun, j: C.Noun, s: C.Noun, ns: C.Noun, nt: C.Noun,
  v: C.Verb, vg: C.Verb, vi: C.Verb, vq: C.Verb, vn: C.Verb | C.Noun, vd: C.Verb | C.Adverb,
  a: C.Adjective, ag: C.Adjective, ad: C.Adjective | C.Adverb, an: C.Adjective | C.Noun,
  d: C.Adverb, dg: C.Adverb, df: C.Adverb,
  z: C.Status,
  i: C.Idiom, l: C.Idiom,
  b: C.Attributive,
  p: C.Preposition, c: C.Conjunction,
  r: C.Pronoun, rr: C.Pronoun, rz: C.Pronoun, rg: C.Pronoun,
  f: C.Localizer, t: C.Time, tg: C.Time,
  m: C.Numeral, mq: C.Numeral, q: C.Measure,
  u: C.Particle, uj: C.Particle, ul: C.Particle, uv: C.Particle, uz: C.Particle, ud: C.Particle, ug: C.Particle,
  y: C.Particle, e: C.Particle, o: C.Particle,
  zg: C.Other,
};

/**
 * Frequency floor per jieba tag. Function words are all kept; open classes from a floor chosen so that the
 * words of ordinary official prose are in and the table stays under ~35 KB gzipped (it ships in the content
 * script). jieba's unclassified characters (zg) and interjections are mostly noise: only frequent ones.
 */
function keep(word: string, freq: number, tag: string, classes: number): boolean {
  const len = word.length;
  if (len > 4) return false;
  if (tag === 'zg') return freq >= 5000;
  if (tag === 'ns' || tag === 'nt') return freq >= 3000; // 中国, 国务院: only the very common names
  if (tag === 'o' || tag === 'e' || tag === 'y') return freq >= 300;
  if (classes & (C.Preposition | C.Conjunction | C.Pronoun | C.Localizer | C.Particle | C.Adverb)) return freq >= 30;
  if (classes & C.Status) return len >= 3 ? freq >= 30 : freq >= 300;
  // Idioms the table lacks are recognised by shape in the rules; adjectives are kept deeper (真切, 稳妥) since
  // they decide 的/地/得 more often than any other class.
  if (classes & C.Idiom) return freq >= 300;
  if (classes & C.Adjective) return freq >= 80;
  if (classes & C.Verb) return freq >= 260;
  if (classes & C.Attributive) return freq >= 500;
  // Two-character nouns from a lower floor (村民, 乡镇, 先锋, 精力): the 的/地/得 and doubled-character rules
  // decide from the noun on either side of a particle or a double, and a missing common noun leaves them blind.
  if (classes & C.Noun) return freq >= (len === 2 ? 1000 : 1500);
  return freq >= 3000; // time words, numerals, measure words
}

export interface Entry {
  word: string;
  classes: number;
}

export function selectEntries(dict: string): Entry[] {
  const out: Entry[] = [];
  const seen = new Set<string>();
  for (const line of dict.split('\n')) {
    const [word, f, tag] = line.trim().split(/\s+/);
    if (!word || !f || !tag) continue;
    const classes = TAG_CLASSES[tag];
    if (classes === undefined) continue;
    // Han words only (BMP ideographs, one UTF-16 unit each): the table is for Chinese prose.
    if (!/^[\u4e00-\u9fff]+$/.test(word)) continue;
    if (!keep(word, Number(f), tag, classes) || seen.has(word)) continue;
    seen.add(word);
    out.push({ word, classes });
  }
  return out;
}

/**
 * Front coding per class group: words sorted, grouped by first character; a segment is the first
 * character followed by the rest of each word, "|"-separated (an empty rest is the one-character word):
 * 开展|拓|放 = 开展 开拓 开放; segments are separated by spaces. Decoded by lib/lexicon/index.ts.
 */
export function frontCode(words: readonly string[]): string {
  const byFirst = new Map<string, string[]>();
  for (const w of [...words].sort()) {
    const list = byFirst.get(w[0]!) ?? [];
    list.push(w.slice(1));
    byFirst.set(w[0]!, list);
  }
  return [...byFirst].map(([first, rests]) => first + rests.join('|')).join(' ');
}

/**
 * The 的/地/得 rule's extra verbs (lib/lexicon minorClassesAt): two-character verbs below the main table's floor.
 * That rule decides from the verb after X的 and is precision-first: a word the table lacks is never taken for a
 * verb, so every verb of the genre missing here (研读, 把关, 跟进) is a miss. jieba v/vi/vd (not vn: verb-nouns head
 * noun phrases as often as they predicate), from frequency 100 up to the main floor. Only membership is asked
 * (is this two-character string a verb?), never a segmentation, so the words are stored as a Golomb-coded set of
 * their hashes (≈ 1.7 bytes a word in the gzipped checker against ≈ 2.9 as front-coded text) and enter no trie: the other rules
 * and the rule's own segmentation see the main table only. False-positive rate 2^-8: the set is asked only for the
 * unknown word right after a manner word + 的 (or before 的 with a complement after it), which must then also read
 * as a predicate with its object, mark or complement.
 * (Four-character set phrases jieba tags i/l from frequency 50 were tried the same way, 2.9 KB more: no gain on the
 * development sentences, whose set phrases the rule's shapes already read, and one false alarm.)
 */
export const MINOR_VERBS = { tags: ['v', 'vi', 'vd'], floor: 100, bits: 8 } as const;

/** The words' set in the coded form lib/lexicon/coded-set.ts reads. */
export function encodeGcs(words: readonly string[], p: number): CodedSet {
  const n = words.length;
  const values = [...new Set(words.map((w) => gcsValue(w, 0, w.length, n * 2 ** p)))].sort((a, b) => a - b);
  const bits: number[] = [];
  let prev = 0;
  for (const v of values) {
    const d = v - prev;
    prev = v;
    for (let q = Math.floor(d / 2 ** p); q > 0; q--) bits.push(1);
    bits.push(0);
    for (let k = p - 1; k >= 0; k--) bits.push(Math.floor(d / 2 ** k) % 2);
  }
  while (bits.length % GCS_BITS) bits.push(0);
  let data = '';
  for (let k = 0; k < bits.length; k += GCS_BITS) data += String.fromCharCode(GCS_BASE + bits.slice(k, k + GCS_BITS).reduce((a, b) => a * 2 + b, 0));
  return { n, p, data };
}

/** The extra verbs: two Han characters, of MINOR_VERBS's tags, from its floor, and not in the main table. */
export function selectMinorVerbs(dict: string, main: readonly Entry[]): string[] {
  const known = new Set(main.map((e) => e.word));
  const out = new Set<string>();
  for (const line of dict.split('\n')) {
    const [word, f, tag] = line.trim().split(/\s+/);
    if (!word || !f || !tag || word.length !== 2 || known.has(word) || !/^[\u4e00-\u9fff]+$/.test(word)) continue;
    if ((MINOR_VERBS.tags as readonly string[]).includes(tag) && Number(f) >= MINOR_VERBS.floor) out.add(word);
  }
  return [...out].sort();
}

export function renderTable(entries: readonly Entry[], sourceSha256: string, minorVerbs: readonly string[] = []): string {
  const groups = new Map<number, string[]>();
  for (const e of entries) {
    const list = groups.get(e.classes) ?? [];
    list.push(e.word);
    groups.set(e.classes, list);
  }
  const keys = [...groups.keys()].sort((a, b) => a - b);
  const body = keys.map((k) => `  ${k}: '${frontCode(groups.get(k)!)}',`).join('\n');
  const verbs = encodeGcs(minorVerbs, MINOR_VERBS.bits);
  const sets = `  verbs: { n: ${verbs.n}, p: ${verbs.p}, data: '${verbs.data}' },`;
  const dataHash = createHash('sha256').update(sets + '\n' + body).digest('hex');
  return `/**
 * GENERATED by scripts/build-lexicon.ts (npm run build:lexicon) — do not edit.
 * Source: jieba's dictionary (MIT, see THIRD_PARTY_NOTICES.md) from the npm tarball nodejieba@${NODEJIEBA_VERSION},
 * ${DICT_PATH_IN_TARBALL}; pruned by class and frequency. ${entries.length} words.
 * Keys: WordClass bits (../classes.ts); values: the words of that class set, front-coded (see frontCode).
 */
export const LEXICON_META = {
  generatorVersion: ${GENERATOR_VERSION},
  source: 'nodejieba@${NODEJIEBA_VERSION}/${DICT_PATH_IN_TARBALL}',
  sourceSha256: '${sourceSha256}',
  dataSha256: '${dataHash}',
  words: ${entries.length},
  minorVerbs: ${minorVerbs.length},
} as const;

/**
 * The 的/地/得 rule's extra verbs (see MINOR_VERBS in the generator): a Golomb-coded set of hashes, membership
 * only. ${minorVerbs.length} verbs.
 */
export const LEXICON_MINOR = {
${sets}
} as const;

export const LEXICON_GROUPS: Readonly<Record<number, string>> = {
${body}
};
`;
}

/** Read a file out of a .tgz (ustar; regular files only). */
function readFromTarball(tgz: Buffer, wanted: string): Buffer {
  const tar = gunzipSync(tgz);
  let off = 0;
  while (off + 512 <= tar.length) {
    const header = tar.subarray(off, off + 512);
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    if (!name) break;
    const prefix = header.subarray(345, 500).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(header.subarray(124, 136).toString('utf8').replace(/\0.*$/s, '').trim() || '0', 8);
    const full = prefix ? `${prefix}/${name}` : name;
    if (full === wanted) return tar.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`${wanted} not found in the tarball`);
}

/** The dictionary text from a local file (dictionary or tarball), or fetched with `npm pack`. */
export function loadSource(source?: string): string {
  if (source) {
    const buf = readFileSync(source);
    return (source.endsWith('.tgz') ? readFromTarball(buf, DICT_PATH_IN_TARBALL) : buf).toString('utf8');
  }
  const dir = mkdtempSync(join(tmpdir(), 'wengao-jieba-'));
  try {
    execFileSync('npm', ['pack', `nodejieba@${NODEJIEBA_VERSION}`, '--silent'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
    const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error('npm pack produced no tarball');
    return readFromTarball(readFileSync(join(dir, tgz)), DICT_PATH_IN_TARBALL).toString('utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function build(dict: string): string {
  const entries = selectEntries(dict);
  return renderTable(entries, sha256(dict), selectMinorVerbs(dict, entries));
}

/** Staleness without the source: version and checksums recorded in the committed file. */
export function checkCommitted(text: string): string[] {
  const problems: string[] = [];
  const version = /generatorVersion: (\d+)/.exec(text)?.[1];
  if (Number(version) !== GENERATOR_VERSION) problems.push(`generator version ${version} ≠ ${GENERATOR_VERSION}`);
  if (!text.includes(`nodejieba@${NODEJIEBA_VERSION}/`)) problems.push(`source is not nodejieba@${NODEJIEBA_VERSION}`);
  const recorded = /dataSha256: '([0-9a-f]{64})'/.exec(text)?.[1];
  const body = /LEXICON_GROUPS: Readonly<Record<number, string>> = \{\n([\s\S]*)\n\};\n$/.exec(text)?.[1];
  const sets = /LEXICON_MINOR = \{\n([\s\S]*?)\n\} as const;/.exec(text)?.[1];
  if (!body || sets === undefined || sha256(sets + '\n' + body) !== recorded) problems.push('table content does not match its recorded checksum (edited by hand?)');
  return problems;
}

function main(args: string[]): number {
  const i = args.indexOf('--source');
  const source = i >= 0 ? args[i + 1] : undefined;
  const committed = existsSync(OUTPUT) ? readFileSync(OUTPUT, 'utf8') : '';
  const fresh = build(loadSource(source));
  const stale = committed !== fresh || checkCommitted(fresh).length > 0;
  const gz = (s: string) => (execFileSync('gzip', ['-9c'], { input: s }) as Buffer).length;
  if (args.includes('--check')) {
    console.log(stale ? 'lexicon table is STALE: run `npm run build:lexicon`' : 'lexicon table is up to date');
    return stale ? 1 : 0;
  }
  if (stale) writeFileSync(OUTPUT, fresh);
  const words = /words: (\d+)/.exec(fresh)?.[1];
  console.log(`${stale ? 'wrote' : 'already up to date:'} lib/lexicon/generated/jieba.ts — ${words} words, ${Buffer.byteLength(fresh)} bytes, ${gz(fresh)} bytes gzipped`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
