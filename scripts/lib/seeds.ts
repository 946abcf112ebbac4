/**
 * Test material shared by scripts/eval.ts, scripts/bench.ts and the fuzz test: the hand-labelled seed
 * documents (tests/fixtures/seeds, tests/fixtures/seed-errors.json) and the clean official-document
 * sentences of tests/fixtures/ecspell/odw.train.tsv.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = join(ROOT, 'tests', 'fixtures');

/** One hand-labelled error; start/end are UTF-16 offsets into the seed text. */
export interface Label {
  doc: string;
  start: number;
  end: number;
  text: string;
  /** The correct text for [start, end); "" deletes; null/undefined when no fix is known. */
  fix: string | null;
  type: string;
  confidence: 'certain' | 'likely' | string;
  context?: string;
}

export interface SeedDoc {
  name: string;
  text: string;
  labels: Label[];
  /** Expected number of half-width punctuation issues (counted, not listed). */
  halfWidthCount: number | undefined;
}

interface SeedErrorsFile {
  errors: Label[];
  punct_width_counts?: Record<string, number>;
}

function readUtf8(path: string): string {
  // Seeds are read exactly as the labels were made: UTF-8, nothing else (a BOM would be kept).
  return readFileSync(path, 'utf8');
}

/** Our review of the hand labels (tests/fixtures/seed-errors-review.json): additions and widened ranges. */
interface ReviewFile {
  added: Label[];
  amended: Array<Label & { original: { start: number; end: number } }>;
}

/**
 * The seeds with their labels. `reviewed: false` (default): the hand labels exactly as given.
 * `reviewed: true`: plus the real errors our review added, with the too-narrow hand labels widened.
 */
export function loadSeeds({ reviewed = false }: { reviewed?: boolean } = {}): SeedDoc[] {
  const file = JSON.parse(readUtf8(join(FIXTURES, 'seed-errors.json'))) as SeedErrorsFile;
  let labels = file.errors;
  if (reviewed) {
    const review = JSON.parse(readUtf8(join(FIXTURES, 'seed-errors-review.json'))) as ReviewFile;
    const replaced = (l: Label) =>
      review.amended.find((m) => m.doc === l.doc && m.original.start === l.start && m.original.end === l.end);
    labels = [
      ...labels.map((l) => {
        const m = replaced(l);
        return m ? { ...l, start: m.start, end: m.end, text: m.text, fix: m.fix } : l;
      }),
      ...review.added,
    ];
  }
  const dir = join(FIXTURES, 'seeds');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((name) => ({
      name,
      text: readUtf8(join(dir, name)),
      labels: labels.filter((e) => e.doc === name).sort((a, b) => a.start - b.start || a.end - b.end),
      halfWidthCount: file.punct_width_counts?.[name],
    }));
}

/** Labels whose `text` is not what the seed holds at [start, end) (a broken fixture). */
export function staleLabels(seeds: readonly SeedDoc[]): Label[] {
  return seeds.flatMap((s) => s.labels.filter((l) => s.text.slice(l.start, l.end) !== l.text));
}

/** The correct-side sentences of the ecspell official-document set (third column). */
export function loadEcspellTargets(): string[] {
  const raw = readUtf8(join(FIXTURES, 'ecspell', 'odw.train.tsv'));
  const out: string[] = [];
  for (const line of raw.split(/\r?\n/)) {
    const cols = line.split('\t');
    if (cols.length >= 3 && cols[2]) out.push(cols[2]);
  }
  return out;
}

/**
 * A document of at least `size` UTF-16 units made of real text: every seed once, then the ecspell
 * target sentences grouped into paragraphs, then further rounds of the same material with the round
 * number appended to each line, so no two non-empty lines are identical (the paragraph cache must not
 * make the benchmark trivial). Cut at a line end near `size`.
 */
export function buildLargeDocument(size: number, seeds = loadSeeds(), sentences = loadEcspellTargets()): string {
  const base: string[] = [];
  for (const s of seeds) base.push(...s.text.split(/\r\n|\n|\r/));
  for (let i = 0; i < sentences.length; i += 4) base.push(sentences.slice(i, i + 4).join(''));
  const lines: string[] = [];
  let length = 0;
  for (let round = 0; length < size; round++) {
    for (const line of base) {
      const l = round === 0 || line.trim() === '' ? line : `${line}（第${round + 1}轮）`;
      lines.push(l);
      length += l.length + 1;
      if (length >= size) break;
    }
  }
  return lines.join('\n');
}

/**
 * The text with run number `k` appended to every non-empty line: rules and the typo tier keep caches keyed by
 * a line's text (some at module level, outliving an analyzer), so a benchmark's timed run on a new variant
 * gets lines no cache has seen.
 */
export function lineVariant(text: string, k: number): string {
  return text.replace(/[^\r\n]+/g, (line) => `${line}（${k}）`);
}

/** Deterministic PRNG (mulberry32) for the fuzz test and reproducible benchmarks. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
