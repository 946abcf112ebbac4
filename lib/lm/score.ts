/**
 * Best segmentation score of a short Han string under the word bigram model: the log10 probability of
 * the likeliest way to cut it into vocabulary words (single characters always allowed). The tier compares
 * this score for the text as written and for each candidate fix over the same window.
 */
import type { LanguageModel } from './model';
import { FNV_OFFSET, fnvStep, type WordTable } from './words';

export interface Vocabulary {
  model: LanguageModel;
  /** Extra words the caller trusts (personal dictionary, corpus phrasings): id = model.size + their id. */
  domain: WordTable | null;
  /** Unigram log10 score of a domain word. */
  domainScore: number;
  maxWordLength: number;
}

export function wordId(v: Vocabulary, w: string): number {
  return rangeId(v, w, 0, w.length, -1);
}

/** Id of s[a, b) in the model or the domain words; `hash` is its FNV hash when known (-1: compute). */
export function rangeId(v: Vocabulary, s: string, a: number, b: number, hash: number): number {
  if (hash < 0) {
    let h = FNV_OFFSET;
    for (let k = a; k < b; k++) h = fnvStep(h, s.charCodeAt(k));
    hash = h >>> 0;
  }
  const id = v.model.words.findString(s, a, b, hash);
  if (id >= 0 || !v.domain) return id;
  const d = v.domain.findString(s, a, b, hash);
  return d >= 0 ? v.model.size + d : -1;
}

function mayExtend(v: Vocabulary, hash: number): boolean {
  return v.model.words.mayExtend(hash) || (v.domain !== null && v.domain.mayExtend(hash));
}

function wordScore(v: Vocabulary, prev: number, id: number): number {
  if (id >= v.model.size) return v.domainScore;
  if (prev < 0 || prev >= v.model.size) return v.model.unigram(id);
  return v.model.bigram(prev, id);
}

/** Lattice nodes ending at each position: parallel arrays, reused between calls. */
const MAX = 64;
const nodeStart: number[] = [];
const nodeId: number[] = [];
const nodeScore: number[] = [];
const endsAt: number[][] = Array.from({ length: MAX + 1 }, () => []);

/**
 * Score of `s` (≤ 64 code units). `prev` is the word before the window (-1: unknown, unigram start).
 * When `segments` is given, it receives the best segmentation's cut points (start of each word).
 */
export function bestScore(v: Vocabulary, s: string, prev = -1, segments?: number[]): number {
  const n = Math.min(s.length, MAX);
  nodeStart.length = 0;
  nodeId.length = 0;
  nodeScore.length = 0;
  for (let j = 0; j <= n; j++) endsAt[j]!.length = 0;
  const back: number[] = [];
  for (let i = 0; i < n; i++) {
    // Predecessor nodes ending at i (or the window start).
    const preds = endsAt[i]!;
    if (i > 0 && preds.length === 0) continue;
    const maxLen = Math.min(v.maxWordLength, n - i);
    let h = FNV_OFFSET;
    for (let len = 1; len <= maxLen; len++) {
      h = fnvStep(h, s.charCodeAt(i + len - 1));
      let id = rangeId(v, s, i, i + len, h >>> 0);
      if (id < 0) {
        if (len > 1) continue;
        id = -2; // an unknown single character
      }
      let best = -Infinity;
      let from = -1;
      if (i === 0) {
        best = id === -2 ? v.model.unknownChar : wordScore(v, prev, id);
      } else {
        for (const p of preds) {
          const sc = nodeScore[p]! + (id === -2 ? v.model.unknownChar : wordScore(v, nodeId[p]!, id));
          if (sc > best) {
            best = sc;
            from = p;
          }
        }
      }
      const k = nodeStart.length;
      nodeStart.push(i);
      nodeId.push(id);
      nodeScore.push(best);
      back.push(from);
      endsAt[i + len]!.push(k);
    }
  }
  let best = -Infinity;
  let last = -1;
  for (const k of endsAt[n]!) {
    if (nodeScore[k]! > best) {
      best = nodeScore[k]!;
      last = k;
    }
  }
  if (segments) {
    segments.length = 0;
    for (let k = last; k >= 0; k = back[k]!) segments.push(nodeStart[k]!);
    segments.reverse();
  }
  return best;
}

/**
 * The word lattice of one Han run with best-path scores from both ends, so the best score of the run
 * with a candidate word forced over [a, b) costs a few bigram look-ups instead of a new segmentation:
 * best path ending at a, plus the word, plus best path starting at b. This is the best path that uses
 * the candidate word — a lower bound on the rewritten run's best score, which keeps the tier cautious.
 */
export class RunLattice {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly ids: number[] = [];
  /** Best score of a path from the run start through the node (inclusive). */
  private readonly fwd: number[] = [];
  /** Best score of the rest of the run after the node (its own score excluded). */
  private bwd: number[] = [];
  private readonly byStart: number[][];
  private readonly byEnd: number[][];
  /** Best score of the whole run as written. */
  readonly best: number;

  constructor(
    private readonly v: Vocabulary,
    s: string,
    private readonly start: number,
    private readonly end: number,
  ) {
    const n = end - start;
    this.byStart = Array.from({ length: n + 1 }, () => []);
    this.byEnd = Array.from({ length: n + 1 }, () => []);
    for (let i = start; i < end; i++) {
      const maxLen = Math.min(v.maxWordLength, end - i);
      let h = FNV_OFFSET;
      for (let len = 1; len <= maxLen; len++) {
        h = fnvStep(h, s.charCodeAt(i + len - 1));
        let id = rangeId(v, s, i, i + len, h >>> 0);
        if (id < 0) {
          if (len > 1) {
            if (!mayExtend(v, h >>> 0)) break;
            continue;
          }
          id = -2;
        }
        const k = this.ids.length;
        this.starts.push(i);
        this.ends.push(i + len);
        this.ids.push(id);
        this.byStart[i - start]!.push(k);
        this.byEnd[i + len - start]!.push(k);
        if (len >= 2 && !mayExtend(v, h >>> 0)) break;
      }
    }
    // Nodes are created in order of their start, so predecessors are final when a node is reached.
    for (let k = 0; k < this.ids.length; k++) {
      const a = this.starts[k]!;
      if (a === start) {
        this.fwd.push(this.trans(-1, this.ids[k]!));
        continue;
      }
      let best = -Infinity;
      for (const p of this.byEnd[a - start]!) best = Math.max(best, this.fwd[p]! + this.trans(this.ids[p]!, this.ids[k]!));
      this.fwd.push(best);
    }
    this.bwd = new Array(this.ids.length).fill(-Infinity);
    for (let k = this.ids.length - 1; k >= 0; k--) {
      const b = this.ends[k]!;
      if (b === end) {
        this.bwd[k] = 0;
        continue;
      }
      let best = -Infinity;
      for (const f of this.byStart[b - start]!) best = Math.max(best, this.trans(this.ids[k]!, this.ids[f]!) + this.bwd[f]!);
      this.bwd[k] = best;
    }
    let best = -Infinity;
    for (const k of this.byEnd[n]!) best = Math.max(best, this.fwd[k]!);
    this.best = best;
  }

  private cuts: Uint8Array | null = null;

  /** Whether the best segmentation of the run has a word boundary at `pos` (run start and end: yes). */
  boundary(pos: number): boolean {
    if (!this.cuts) {
      const cuts = new Uint8Array(this.end - this.start + 1);
      cuts[0] = 1;
      cuts[this.end - this.start] = 1;
      for (let k = 0; k < this.ids.length; k++) {
        if (Math.abs(this.fwd[k]! + this.bwd[k]! - this.best) < 1e-6) {
          cuts[this.starts[k]! - this.start] = 1;
          cuts[this.ends[k]! - this.start] = 1;
        }
      }
      this.cuts = cuts;
    }
    return this.cuts[pos - this.start] === 1;
  }

  private trans(prev: number, id: number): number {
    if (id === -2) return this.v.model.unknownChar;
    return wordScore(this.v, prev < 0 ? -1 : prev, id);
  }

  /** Best score of the run with word `id` covering [a, b) (offsets into the run's string). */
  withWord(a: number, b: number, id: number): number {
    let left = -Infinity;
    if (a === this.start) left = this.trans(-1, id);
    else for (const e of this.byEnd[a - this.start]!) left = Math.max(left, this.fwd[e]! + this.trans(this.ids[e]!, id));
    if (b === this.end) return left;
    let right = -Infinity;
    for (const f of this.byStart[b - this.start]!) right = Math.max(right, this.trans(id, this.ids[f]!) + this.bwd[f]!);
    return left + right;
  }
}
