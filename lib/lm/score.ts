/**
 * Best segmentation score of a short Han string under the word bigram model: the log10 probability of
 * the likeliest way to cut it into vocabulary words (single characters always allowed). The tier compares
 * this score for the text as written and for each candidate fix over the same window.
 */
import type { LanguageModel } from './model';
import { FNV_OFFSET, fnvStep, type WordTable } from './words';

/**
 * The Han characters the model's words are made of (the BMP ideograph blocks 0x3400–0x9FFF): a run of them is
 * what the typo tier and the 的/地/得 check score.
 */
export function isModelHan(code: number): boolean {
  return code >= 0x3400 && code <= 0x9fff;
}

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

/** rangeId over a scratch buffer of UTF-16 codes (a rewritten window, no string made); `hash` known. */
export function rangeIdCodes(v: Vocabulary, codes: Uint16Array, a: number, b: number, hash: number): number {
  const id = v.model.words.findCodes(codes, a, b, hash);
  if (id >= 0 || !v.domain) return id;
  const d = v.domain.findCodes(codes, a, b, hash);
  return d >= 0 ? v.model.size + d : -1;
}

/** UNSEEN: not asked yet; else the model's id of the one-character word (-1: none). */
const UNSEEN = -3;
const charIds = new WeakMap<LanguageModel, Int32Array>();
let lastCharModel: LanguageModel | null = null;
let lastCharIds: Int32Array = new Int32Array(0);

/**
 * rangeId of the one character s[i] (its hash `hash`): the model's answer is kept by UTF-16 code (every
 * position of every run asks for its character; a few thousand characters make most of a text).
 */
function charId(v: Vocabulary, s: string, i: number, hash: number): number {
  // (The last model's table is kept aside: a WeakMap look-up per position costs more than the rest.)
  if (lastCharModel !== v.model) {
    let table = charIds.get(v.model);
    if (!table) {
      table = new Int32Array(0x10000).fill(UNSEEN);
      charIds.set(v.model, table);
    }
    lastCharModel = v.model;
    lastCharIds = table;
  }
  const t = lastCharIds;
  const code = s.charCodeAt(i);
  let id = t[code]!;
  if (id === UNSEEN) {
    id = v.model.words.findString(s, i, i + 1, hash);
    t[code] = id;
  }
  if (id >= 0 || !v.domain) return id;
  const d = v.domain.findString(s, i, i + 1, hash);
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
 *
 * Nodes live in flat arrays shared by all lattices (one run is scored at a time; the tier never keeps a
 * lattice past its run): nodes are created in order of their start, so the nodes starting at a position
 * are a contiguous range, and those ending at a position are a linked list.
 */
let cap = 0;
let nStart = new Int32Array(0);
let nEnd = new Int32Array(0);
let nId = new Int32Array(0);
let nNextByEnd = new Int32Array(0);
let nEdge = new Int32Array(0); // index of a node's first incoming edge in eScore
let nFwd = new Float64Array(0);
let nBwd = new Float64Array(0);
let eScore = new Float64Array(0); // transition score of each lattice edge, in forward order
let posFirst = new Int32Array(0); // first node starting at a position (run-relative), or the count
let posEndHead = new Int32Array(0); // head of the list of nodes ending at a position, -1 when none
let owner: RunLattice | null = null;
/** The best segmentation's cut points of the lattice `cutsOwner` (run-relative), made by boundary(). */
let cutBuf = new Uint8Array(256);
let cutsOwner: RunLattice | null = null;

function ensureNodes(n: number): void {
  if (n <= cap) return;
  let c = Math.max(1024, cap);
  while (c < n) c *= 2;
  const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
    const b = make(c);
    b.set(a);
    return b;
  };
  nStart = grow(nStart, (k) => new Int32Array(k));
  nEnd = grow(nEnd, (k) => new Int32Array(k));
  nId = grow(nId, (k) => new Int32Array(k));
  nNextByEnd = grow(nNextByEnd, (k) => new Int32Array(k));
  nEdge = grow(nEdge, (k) => new Int32Array(k));
  nFwd = grow(nFwd, (k) => new Float64Array(k));
  nBwd = grow(nBwd, (k) => new Float64Array(k));
  cap = c;
}

function ensureEdges(n: number): void {
  if (n <= eScore.length) return;
  const b = new Float64Array(Math.max(4096, eScore.length * 2, n));
  b.set(eScore);
  eScore = b;
}

export class RunLattice {
  private readonly count: number;
  /** Best score of the whole run as written. */
  readonly best: number;

  constructor(
    private readonly v: Vocabulary,
    s: string,
    private readonly start: number,
    private readonly end: number,
  ) {
    owner = this;
    const n = end - start;
    if (posFirst.length < n + 2) {
      posFirst = new Int32Array(2 * n + 2);
      posEndHead = new Int32Array(2 * n + 2);
    }
    posEndHead.fill(-1, 0, n + 1);
    let k = 0;
    for (let i = start; i < end; i++) {
      posFirst[i - start] = k;
      const maxLen = Math.min(v.maxWordLength, end - i);
      let h = FNV_OFFSET;
      for (let len = 1; len <= maxLen; len++) {
        h = fnvStep(h, s.charCodeAt(i + len - 1));
        let id = len === 1 ? charId(v, s, i, h >>> 0) : rangeId(v, s, i, i + len, h >>> 0);
        if (id < 0) {
          if (len > 1) {
            if (!mayExtend(v, h >>> 0)) break;
            continue;
          }
          id = -2;
        }
        ensureNodes(k + 1);
        nStart[k] = i;
        nEnd[k] = i + len;
        nId[k] = id;
        nNextByEnd[k] = posEndHead[i + len - start]!;
        posEndHead[i + len - start] = k;
        k++;
        if (len >= 2 && !mayExtend(v, h >>> 0)) break;
      }
    }
    posFirst[n] = k;
    this.count = k;
    // Predecessors end where a node starts, and all of them start earlier: final when it is reached.
    // Each edge's transition score is kept (in the order of the predecessor lists) for the backward
    // pass, which walks the same edges: every bigram is looked up once per run, not twice.
    let e = 0;
    for (let x = 0; x < k; x++) {
      const a = nStart[x]!;
      nBwd[x] = nEnd[x] === end ? 0 : -Infinity;
      if (a === start) {
        nFwd[x] = this.trans(-1, nId[x]!);
        continue;
      }
      let best = -Infinity;
      nEdge[x] = e;
      for (let p = posEndHead[a - start]!; p >= 0; p = nNextByEnd[p]!) {
        const tr = this.trans(nId[p]!, nId[x]!);
        ensureEdges(e + 1);
        eScore[e++] = tr;
        const sc = nFwd[p]! + tr;
        if (sc > best) best = sc;
      }
      nFwd[x] = best;
    }
    // Backward: a node's successors all start after it, so in decreasing order each node's score is
    // final when it is reached, and it is pushed to its predecessors.
    for (let x = k - 1; x >= 0; x--) {
      const a = nStart[x]!;
      if (a === start) continue;
      const b = nBwd[x]!;
      let q = nEdge[x]!;
      for (let p = posEndHead[a - start]!; p >= 0; p = nNextByEnd[p]!) {
        const sc = eScore[q++]! + b;
        if (sc > nBwd[p]!) nBwd[p] = sc;
      }
    }
    let best = -Infinity;
    for (let x = posEndHead[n]!; x >= 0; x = nNextByEnd[x]!) if (nFwd[x]! > best) best = nFwd[x]!;
    this.best = best;
  }

  private check(): void {
    if (owner !== this) throw new Error('RunLattice: used after another run was scored');
  }

  /** Whether the best segmentation of the run has a word boundary at `pos` (run start and end: yes). */
  boundary(pos: number): boolean {
    if (cutsOwner !== this) {
      // Made on the first question, in a buffer shared like the nodes (only the newest lattice answers).
      this.check();
      const n = this.end - this.start;
      if (cutBuf.length < n + 1) cutBuf = new Uint8Array(2 * n + 2);
      const cuts = cutBuf;
      cuts.fill(0, 0, n + 1);
      cuts[0] = 1;
      cuts[n] = 1;
      for (let k = 0; k < this.count; k++) {
        if (Math.abs(nFwd[k]! + nBwd[k]! - this.best) < 1e-6) {
          cuts[nStart[k]! - this.start] = 1;
          cuts[nEnd[k]! - this.start] = 1;
        }
      }
      cutsOwner = this;
    }
    return cutBuf[pos - this.start] === 1;
  }

  private trans(prev: number, id: number): number {
    if (id === -2) return this.v.model.unknownChar;
    return wordScore(this.v, prev < 0 ? -1 : prev, id);
  }

  /** Best score of the run with word `id` covering [a, b) (offsets into the run's string). */
  withWord(a: number, b: number, id: number): number {
    return this.withWordAbove(a, b, id, -Infinity);
  }

  /**
   * withWord, or -Infinity when it cannot exceed `floor`: every transition scores ≤ 0, so the path
   * after b is at most the best path starting there (its transition from the word is free). Most
   * candidates lose already on the side they enter by, and the side they leave by is not scored.
   */
  withWordAbove(a: number, b: number, id: number, floor: number): number {
    this.check();
    let left = -Infinity;
    if (a === this.start) left = this.trans(-1, id);
    else {
      if (floor > -Infinity) {
        // Before any bigram is looked up: the best path to a, the likeliest way into the word, the
        // best path from b (its transition from the word free) cannot reach the floor.
        let most = -Infinity;
        for (let e = posEndHead[a - this.start]!; e >= 0; e = nNextByEnd[e]!) if (nFwd[e]! > most) most = nFwd[e]!;
        let after = 0;
        if (b !== this.end) {
          after = -Infinity;
          for (let f = posFirst[b - this.start]!, fe = posFirst[b - this.start + 1]!; f < fe; f++) if (nBwd[f]! > after) after = nBwd[f]!;
        }
        const into = id >= this.v.model.size ? this.v.domainScore : this.v.model.maxInto(id);
        if (most + into + after < floor) return -Infinity;
      }
      for (let e = posEndHead[a - this.start]!; e >= 0; e = nNextByEnd[e]!) {
        const sc = nFwd[e]! + this.trans(nId[e]!, id);
        if (sc > left) left = sc;
      }
    }
    if (b === this.end) return left;
    const fs = posFirst[b - this.start]!;
    const fe = posFirst[b - this.start + 1]!;
    if (floor > -Infinity) {
      let most = -Infinity;
      for (let f = fs; f < fe; f++) if (nBwd[f]! > most) most = nBwd[f]!;
      // The way out of the word is at most its likeliest bigram (after a domain word: the likeliest
      // unigram), or a domain word's fixed score; an unknown character scores below both.
      const out = Math.max(this.v.model.maxFrom(id >= this.v.model.size ? -1 : id), this.v.domainScore);
      if (left + out + most < floor) return -Infinity;
    }
    let right = -Infinity;
    for (let f = fs; f < fe; f++) {
      const sc = this.trans(id, nId[f]!) + nBwd[f]!;
      if (sc > right) right = sc;
    }
    return left + right;
  }
}
