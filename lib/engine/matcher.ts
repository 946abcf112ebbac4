/**
 * PhraseMatcher: Aho–Corasick multi-pattern matching over UTF-16 code units.
 *
 * Build once from a list of literal patterns, then scan any number of texts in one pass each:
 * the cost of a scan is linear in the text length plus the number of matches, whatever the number
 * of patterns. Used by rules (set phrases, word lists) and meant for the corpus as well, so it stays
 * generic: no knowledge of Chinese, no allocation per character.
 *
 * Semantics
 * - Offsets are UTF-16 code units (JS string indices), like everywhere in the engine.
 * - Patterns are compared code unit by code unit, case-sensitively, without normalisation.
 * - Empty patterns are accepted (so indices stay aligned with the caller's list) but never match.
 * - Duplicate patterns are allowed: each index is reported.
 * - A well-formed pattern (no lone surrogate) can never match half of a surrogate pair in the text:
 *   a match would have to start on a low surrogate or end on a high surrogate, and a well-formed
 *   pattern does neither.
 *
 * Layout (for speed and a small heap):
 * - `symbolOf` maps each code unit to a dense alphabet symbol (0 = appears in no pattern, so the scan
 *   resets to the root at once: the common case for text that matches nothing).
 * - The root's transitions are a dense array; every other node keeps its children as a sorted slice
 *   of two flat typed arrays (CSR), searched linearly when short and by bisection when long.
 * - Failure links and "dictionary" links (next node on the failure chain that ends a pattern) make
 *   reporting overlapping matches proportional to their number.
 */

export interface PhraseMatch {
  /** Offset of the first code unit of the match. */
  start: number;
  /** Offset just past the match. */
  end: number;
  /** Index of the matched pattern in the list given to the constructor. */
  index: number;
}

export interface FindOptions {
  /**
   * `all` (default): every occurrence of every pattern, overlapping ones included.
   * `leftmost-longest`: non-overlapping matches chosen from left to right; at each position the
   * longest pattern wins (ties: the smaller pattern index).
   */
  mode?: 'all' | 'leftmost-longest';
  /** Scan only text[from, to). Offsets in the result stay absolute. Defaults: 0 and text.length. */
  from?: number;
  to?: number;
}

/** Called for every match in scan order (by end offset, then longest first); return `false` to stop. */
export type MatchCallback = (start: number, end: number, index: number) => void | boolean;

/** Nodes with at most this many children are searched linearly. */
const LINEAR_SEARCH_MAX = 8;

/** The bit of a pair of code units in PhraseMatcher's pair set: 16 bits of a multiplicative hash of both. */
function pairBit(c1: number, c2: number): number {
  return Math.imul((c1 << 16) | c2, 0x9e3779b1) >>> 16;
}

/** The bit of three code units in the triple set, from the first two's pair bit and the third unit. */
function tripleBit(pair: number, c3: number): number {
  return Math.imul((pair << 16) | c3, 0x85ebca6b) >>> 16;
}

export class PhraseMatcher {
  /** The patterns, as given. */
  readonly patterns: readonly string[];
  /** Number of trie nodes (root included); useful for size budgets. */
  readonly nodeCount: number;

  private readonly symbolOf: Uint16Array | Uint32Array;
  private readonly rootNext: Int32Array;
  private readonly childStart: Int32Array;
  private readonly childSymbol: Uint32Array;
  private readonly childNode: Int32Array;
  private readonly fail: Int32Array;
  /** Nearest node on the failure chain (excluding the node itself) that ends a pattern, or -1. */
  private readonly dictLink: Int32Array;
  /** First pattern index ending at the node, or -1. Further ones follow through `nextSame`. */
  private readonly firstPattern: Int32Array;
  private readonly nextSame: Int32Array;
  private readonly depth: Int32Array;
  /**
   * Bit sets of 65,536 bits (8 KB each, so they stay in the processor's first-level cache), which
   * forEachByStart tests before it touches the larger tables: units that start a pattern, and the first two
   * units of the patterns of two or more, hashed as a pair (pairBit). Tested apart, "starts a pattern" and
   * "is the second unit of some pattern" let through 47 % of the positions of the first seed for set-phrase's
   * few thousand patterns (common characters are both), while 18 % start a pattern's first two units: each
   * position let through walks the trie from the root (a child search per unit). The pair set lets through
   * those and the few other pairs that share a hash bit.
   */
  private readonly firstUnits: Int32Array;
  private readonly pairUnits: Int32Array;
  /**
   * Where a pair passes, most patterns are longer than two units and common pairs start many positions
   * that no pattern continues (工作, 党的 …: on the first seed 2,181 positions start some pattern's first two
   * units of set-phrase's 2,285 patterns, 280 its first three): the first three units of the patterns of
   * three or more, hashed (tripleBit, 8 KB), and the patterns of exactly two, by their pair's bit folded to
   * 4,096 bits (512 bytes). A position goes on to the trie when its pair is such a pattern's or its triple
   * is some pattern's start.
   */
  private readonly tripleUnits: Int32Array;
  private readonly wholePairs: Int32Array;
  /** Some pattern is a single code unit. */
  private readonly singles: boolean;

  constructor(patterns: readonly string[]) {
    this.patterns = patterns.slice();
    const count = this.patterns.length;

    // 1. Alphabet: dense symbols 1..K for the code units used by the patterns.
    const codes = new Set<number>();
    for (const p of this.patterns) for (let i = 0; i < p.length; i++) codes.add(p.charCodeAt(i));
    const alphabetSize = codes.size;
    const symbolOf = alphabetSize < 0xffff ? new Uint16Array(0x10000) : new Uint32Array(0x10000);
    let nextSymbol = 1;
    for (const c of [...codes].sort((a, b) => a - b)) symbolOf[c] = nextSymbol++;
    this.symbolOf = symbolOf;
    const firstUnits = new Int32Array(0x10000 >> 5);
    const pairUnits = new Int32Array(0x10000 >> 5);
    const tripleUnits = new Int32Array(0x10000 >> 5);
    const wholePairs = new Int32Array(0x1000 >> 5);
    for (const p of this.patterns) {
      if (p.length > 0) firstUnits[p.charCodeAt(0) >> 5]! |= 1 << (p.charCodeAt(0) & 31);
      if (p.length > 1) {
        const h = pairBit(p.charCodeAt(0), p.charCodeAt(1));
        pairUnits[h >> 5]! |= 1 << (h & 31);
        if (p.length === 2) wholePairs[h >> 9]! |= 1 << ((h >> 4) & 31);
        else {
          const t = tripleBit(h, p.charCodeAt(2));
          tripleUnits[t >> 5]! |= 1 << (t & 31);
        }
      }
    }
    this.firstUnits = firstUnits;
    this.pairUnits = pairUnits;
    this.tripleUnits = tripleUnits;
    this.wholePairs = wholePairs;
    this.singles = this.patterns.some((p) => p.length === 1);

    // 2. Trie with Map children while building.
    const children: Map<number, number>[] = [new Map()];
    const depth: number[] = [0];
    const firstPattern: number[] = [-1];
    const nextSame = new Int32Array(count).fill(-1);
    const lastPattern: number[] = [-1];
    for (let index = 0; index < count; index++) {
      const p = this.patterns[index]!;
      if (p.length === 0) continue;
      let node = 0;
      for (let i = 0; i < p.length; i++) {
        const sym = symbolOf[p.charCodeAt(i)]!;
        let next = children[node]!.get(sym);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          depth.push(depth[node]! + 1);
          firstPattern.push(-1);
          lastPattern.push(-1);
          children[node]!.set(sym, next);
        }
        node = next;
      }
      if (firstPattern[node]! < 0) firstPattern[node] = index;
      else nextSame[lastPattern[node]!] = index;
      lastPattern[node] = index;
    }
    const n = children.length;
    this.nodeCount = n;

    // 3. Compress children into CSR arrays (sorted by symbol) and a dense root row.
    const childStart = new Int32Array(n + 1);
    let edges = 0;
    for (let v = 0; v < n; v++) {
      childStart[v] = edges;
      edges += children[v]!.size;
    }
    childStart[n] = edges;
    const childSymbol = new Uint32Array(edges);
    const childNode = new Int32Array(edges);
    for (let v = 0; v < n; v++) {
      const sorted = [...children[v]!].sort((a, b) => a[0] - b[0]);
      let k = childStart[v]!;
      for (const [sym, to] of sorted) {
        childSymbol[k] = sym;
        childNode[k] = to;
        k++;
      }
    }
    const rootNext = new Int32Array(alphabetSize + 1);
    for (const [sym, to] of children[0]!) rootNext[sym] = to;
    this.childStart = childStart;
    this.childSymbol = childSymbol;
    this.childNode = childNode;
    this.rootNext = rootNext;

    // 4. Failure and dictionary links, breadth first.
    const fail = new Int32Array(n);
    const dictLink = new Int32Array(n).fill(-1);
    const fp = Int32Array.from(firstPattern);
    const queue = new Int32Array(n);
    let head = 0;
    let tail = 0;
    for (let k = childStart[0]!; k < childStart[1]!; k++) {
      const child = childNode[k]!;
      fail[child] = 0;
      queue[tail++] = child;
    }
    while (head < tail) {
      const v = queue[head++]!;
      for (let k = childStart[v]!; k < childStart[v + 1]!; k++) {
        const sym = childSymbol[k]!;
        const child = childNode[k]!;
        let f = fail[v]!;
        let target = 0;
        for (;;) {
          if (f === 0) {
            target = rootNext[sym]!;
            break;
          }
          const t = this.childOf(f, sym);
          if (t >= 0) {
            target = t;
            break;
          }
          f = fail[f]!;
        }
        fail[child] = target;
        dictLink[child] = fp[target]! >= 0 ? target : dictLink[target]!;
        queue[tail++] = child;
      }
    }
    this.fail = fail;
    this.dictLink = dictLink;
    this.firstPattern = fp;
    this.nextSame = nextSame;
    this.depth = Int32Array.from(depth);
  }

  /** Number of patterns (empty ones included). */
  get size(): number {
    return this.patterns.length;
  }

  /** Child of a non-root node for a symbol, or -1. */
  private childOf(node: number, sym: number): number {
    let lo = this.childStart[node]!;
    let hi = this.childStart[node + 1]!;
    const symbols = this.childSymbol;
    if (hi - lo <= LINEAR_SEARCH_MAX) {
      for (; lo < hi; lo++) if (symbols[lo] === sym) return this.childNode[lo]!;
      return -1;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const s = symbols[mid]!;
      if (s === sym) return this.childNode[mid]!;
      if (s < sym) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }

  /**
   * Visit every match (overlapping ones included) in scan order: by end offset, and for one end
   * offset from the longest pattern to the shortest. Return `false` from the callback to stop early.
   * Allocates nothing, so it is the one to use in hot paths.
   */
  forEachMatch(text: string, callback: MatchCallback, from = 0, to = text.length): void {
    const lo = Math.max(0, Math.min(from | 0, text.length));
    const hi = Math.max(lo, Math.min(to | 0, text.length));
    const symbolOf = this.symbolOf;
    const rootNext = this.rootNext;
    const fail = this.fail;
    const dictLink = this.dictLink;
    const firstPattern = this.firstPattern;
    const nextSame = this.nextSame;
    const depth = this.depth;
    let state = 0;
    for (let i = lo; i < hi; i++) {
      const sym = symbolOf[text.charCodeAt(i)]!;
      if (sym === 0) {
        state = 0;
        continue;
      }
      for (;;) {
        if (state === 0) {
          state = rootNext[sym]!;
          break;
        }
        const next = this.childOf(state, sym);
        if (next >= 0) {
          state = next;
          break;
        }
        state = fail[state]!;
      }
      if (state === 0) continue;
      let out = firstPattern[state]! >= 0 ? state : dictLink[state]!;
      while (out >= 0) {
        const start = i + 1 - depth[out]!;
        for (let p = firstPattern[out]!; p >= 0; p = nextSame[p]!) {
          if (callback(start, i + 1, p) === false) return;
        }
        out = dictLink[out]!;
      }
    }
  }

  /**
   * Visit every match (overlapping ones included) by start offset: for one start from the shortest
   * pattern to the longest, and for one pattern text by ascending index. Return `false` to stop early.
   *
   * Walks the trie from each position instead of following failure links. When matches are rare (rule
   * lists over running text) this is about 3× faster than forEachMatch: most positions cost two table
   * look-ups (the code unit's symbol, the root's transition), and a walk ends at the first character no
   * pattern continues with. The cost is bounded by the text length times the longest pattern, not by
   * the number of patterns. Allocates nothing.
   */
  forEachByStart(text: string, callback: MatchCallback, from = 0, to = text.length): void {
    const lo = Math.max(0, Math.min(from | 0, text.length));
    const hi = Math.max(lo, Math.min(to | 0, text.length));
    const symbolOf = this.symbolOf;
    const rootNext = this.rootNext;
    const firstPattern = this.firstPattern;
    const nextSame = this.nextSame;
    const firstUnits = this.firstUnits;
    const pairUnits = this.pairUnits;
    const tripleUnits = this.tripleUnits;
    const wholePairs = this.wholePairs;
    const singles = this.singles;
    for (let i = lo; i < hi; i++) {
      const c = text.charCodeAt(i);
      if (((firstUnits[c >> 5]! >>> (c & 31)) & 1) === 0) continue;
      // Patterns of one code unit end here (their node is looked up only when there are such patterns: the
      // 128 KB symbol table is the largest the scan reads); a longer one needs this unit and the next to
      // start one.
      if (singles) {
        const node1 = rootNext[symbolOf[c]!]!;
        for (let p = firstPattern[node1]!; p >= 0; p = nextSame[p]!) {
          if (callback(i, i + 1, p) === false) return;
        }
      }
      if (i + 1 >= hi) continue;
      const h = pairBit(c, text.charCodeAt(i + 1));
      if (((pairUnits[h >> 5]! >>> (h & 31)) & 1) === 0) continue;
      if (((wholePairs[h >> 9]! >>> ((h >> 4) & 31)) & 1) === 0) {
        if (i + 2 >= hi) continue;
        const t = tripleBit(h, text.charCodeAt(i + 2));
        if (((tripleUnits[t >> 5]! >>> (t & 31)) & 1) === 0) continue;
      }
      let node = rootNext[symbolOf[c]!]!;
      for (let j = i + 1; j < hi; ) {
        const sym = symbolOf[text.charCodeAt(j)]!;
        if (sym === 0) break;
        node = this.childOf(node, sym);
        if (node < 0) break;
        j++;
        for (let p = firstPattern[node]!; p >= 0; p = nextSame[p]!) {
          if (callback(i, j, p) === false) return;
        }
      }
    }
  }

  /**
   * All matches, sorted by start offset, then longer first, then pattern index.
   * With `mode: 'leftmost-longest'`, only non-overlapping matches, chosen from the left.
   */
  findAll(text: string, options: FindOptions = {}): PhraseMatch[] {
    const matches: PhraseMatch[] = [];
    this.forEachByStart(
      text,
      (start, end, index) => {
        matches.push({ start, end, index });
      },
      options.from,
      options.to,
    );
    matches.sort((a, b) => a.start - b.start || b.end - a.end || a.index - b.index);
    if (options.mode !== 'leftmost-longest') return matches;
    const chosen: PhraseMatch[] = [];
    let cursor = -1;
    for (const m of matches) {
      if (m.start < cursor) continue;
      chosen.push(m);
      cursor = m.end;
    }
    return chosen;
  }

  /** Does any pattern occur in the text? Stops at the first match. */
  test(text: string, from?: number, to?: number): boolean {
    let found = false;
    this.forEachByStart(
      text,
      () => {
        found = true;
        return false;
      },
      from,
      to,
    );
    return found;
  }
}
