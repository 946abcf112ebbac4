/**
 * Word-for-word confusions of like reading (issue 8; the 易混词 of proofreading handbooks): a real word
 * written for another real word of the same toneless reading — 权利 for 权力, 形式 for 形势, 公式 for 公示,
 * 报道 for 报到. Both are common words, so the tier's general search (a sound-alike character, cost
 * `same`; a whole-word homophone, cost `word`) asks a margin that the word bigrams around them rarely give.
 * Here a closed confusion set is decided by context: at each occurrence of a member that the best
 * segmentation reads as a word, the run's best score with each other member over the same span is compared
 * with the run as written. A confusion listed in advance is far likelier than an arbitrary substitution,
 * so the margin asked (`cost`) is smaller than the tier's; it is measured, not assumed (lib/lm/README.md).
 *
 * Where the pairs come from (each entry's `from`):
 * - `handbook`: the classic confusable pairs of proofreading handbooks and style guides for official
 *   writing (权力/权利, 形势/形式, 制定/制订, 截止/截至 …), written down from knowledge of the genre;
 * - `odw`: pairs mined from the TRAINING part of ECSpell's official-document file (odw.train.tsv, split by
 *   scripts/lib/ecspell-split.ts), where a slip turned one two-character vocabulary word into another of the
 *   same toneless reading (编织 for 编制, 机智 for 机制, 旅行 for 履行), kept when the confusion is one the genre
 *   invites (a term of official prose against a common word), not a one-off (书籍 for 书记 is a typing
 *   accident no context rule is needed for: the general search has it);
 * - `both`: in the handbooks and mined too.
 * Every pair is checked to share its toneless reading (tests/unit/lm/word-pairs.test.ts). Pairs whose both
 * members are accepted usage (制定/制订, 交代/交待), or that the model judges by its web source rather than the
 * genre (暴发/爆发, 法制/法治), or that the ecspell labels mine in both directions (督查/督察, 监测/检测) are left
 * out: lib/lm/README.md lists them with what they flagged.
 */
import { RunLattice, bestScore, isModelHan, rangeId, type Vocabulary } from './score';
import type { Finding } from './tier';

export type PairSource = 'handbook' | 'odw' | 'both';

export interface WordPairEntry {
  words: readonly [string, string];
  from: PairSource;
}

const h = (a: string, b: string): WordPairEntry => ({ words: [a, b], from: 'handbook' });
const o = (a: string, b: string): WordPairEntry => ({ words: [a, b], from: 'odw' });
const both = (a: string, b: string): WordPairEntry => ({ words: [a, b], from: 'both' });

/** The confusion set: two-character words of one toneless reading, each pair tried in both directions. */
export const WORD_PAIRS: readonly WordPairEntry[] = [
  // Rights, powers, law.
  h('权力', '权利'),
  h('授权', '受权'),
  both('违反', '违犯'),
  // Drafting and issuing documents.
  both('指定', '制定'),
  h('公示', '公式'),
  h('报到', '报道'),
  both('报送', '保送'),
  h('截止', '截至'),
  h('启用', '起用'),
  // Situations and forms.
  both('形势', '形式'),
  h('反映', '反应'),
  h('必须', '必需'),
  both('需要', '须要'),
  h('期间', '其间'),
  h('界限', '界线'),
  h('度过', '渡过'),
  h('实效', '时效'),
  h('意义', '异议'),
  // Inspection, supervision, examination.
  both('考察', '考查'),
  h('检查', '检察'),
  both('审查', '审察'),
  both('监管', '兼管'),
  both('查处', '查出'),
  // Mediation, regulation, prevention.
  h('调解', '调节'),
  both('防治', '防止'),
  both('体制', '体质'),
  both('机制', '机智'),
  both('编制', '编织'),
  both('配置', '配制'),
  h('处置', '处治'),
  // Secrets and records.
  h('泄露', '泄漏'),
  h('病历', '病例'),
  h('经历', '精力'),
  // Doing and carrying out.
  both('履行', '旅行'),
  both('施行', '实行'),
  both('试验', '实验'),
  both('牵头', '前头'),
  both('恢复', '回复'),
  h('发愤', '发奋'),
  h('树立', '竖立'),
  h('融合', '融和'),
  both('修养', '休养'),
  both('诚信', '诚心'),
  both('主体', '主题'),
  both('自治', '自制'),
  o('职责', '指责'),
  o('权责', '全责'),
  o('突出', '凸出'),
];

/** A member read as a word, and the best other member over the same span. */
export interface PairHit {
  start: number;
  end: number;
  text: string;
  fix: string;
  /** log10 gain of the run's best path with `fix` over the run as written (before any cost). */
  gain: number;
  /** Clause association of `fix` less that of the written member (`association`), in decades, at most CONTEXT_CAP. */
  context: number;
}

/** The Han run around position k. */
function hanRunAround(text: string, k: number): [number, number] {
  let a = k;
  while (a > 0 && isModelHan(text.charCodeAt(a - 1))) a--;
  let b = k;
  while (b < text.length && isModelHan(text.charCodeAt(b))) b++;
  return [a, b];
}

/**
 * Clause ends: the association reads the words of the member's clause only. (Measured against the whole
 * sentence: on the clean text of the ecspell train targets and the dev drafts the sentence let one clean
 * 形势研判 reach a hint, 形势 … 数据 … 监测 across commas; the clause kept every clean member there below it, own
 * slips 20 → 18 over the hint line.)
 */
const CLAUSE_END = /[。；！？，、：!?;,:\n]/;

/** Most the clause association may count (decades): a bound that lets `scan` skip hopeless members. */
export const CONTEXT_CAP = 6;

/**
 * The confusion set over one vocabulary: `scan` finds the members in a text and scores their partners.
 * Members are found by their first character's code (a table look-up per character, as lib/rules'
 * scans do), then by the two-character string.
 */
export class WordPairs {
  private readonly partners = new Map<string, string[]>();
  /** The members by their two UTF-16 codes (c0 · 65536 + c1): no string is made per character scanned. */
  private readonly byCodes = new Map<number, { written: string; id: number; partners: Array<{ word: string; id: number }> }>();
  private readonly first = new Uint8Array(0x10000);
  private readonly second = new Uint8Array(0x10000);
  private readonly ids = new Map<string, number>();
  private readonly cuts: number[] = [];

  constructor(
    private readonly v: Vocabulary,
    pairs: readonly WordPairEntry[] = WORD_PAIRS,
  ) {
    for (const { words } of pairs) {
      const [a, b] = words;
      const ia = rangeId(v, a, 0, a.length, -1);
      const ib = rangeId(v, b, 0, b.length, -1);
      // (A member the vocabulary lacks cannot be scored: the pair is left out.)
      if (ia < 0 || ib < 0 || ia >= v.model.size || ib >= v.model.size || a.length !== 2 || b.length !== 2) continue;
      this.ids.set(a, ia);
      this.ids.set(b, ib);
      for (const [x, y] of [
        [a, b],
        [b, a],
      ] as const) {
        const list = this.partners.get(x) ?? [];
        if (!list.includes(y)) list.push(y);
        this.partners.set(x, list);
        this.first[x.charCodeAt(0)] = 1;
        this.second[x.charCodeAt(1)] = 1;
      }
    }
    for (const [x, list] of this.partners) {
      this.byCodes.set(x.charCodeAt(0) * 0x10000 + x.charCodeAt(1), { written: x, id: this.ids.get(x)!, partners: list.map((y) => ({ word: y, id: this.ids.get(y)! })) });
    }
  }

  /** How many words the set holds (both members of every pair the vocabulary has). */
  get size(): number {
    return this.partners.size;
  }

  /**
   * Each occurrence of a member that the best segmentation of its Han run reads as a word (not inside a
   * longer word: 形式主义), with the best partner's gain (at least `minGain`) and context. A run's lattice
   * is built only when it holds a member. (Standalone: the tier asks `scanRun` with the lattice it has.)
   */
  scan(text: string, minGain = -Infinity): PairHit[] {
    const out: PairHit[] = [];
    for (let k = 0; k + 1 < text.length; k++) {
      if (!this.first[text.charCodeAt(k)] || !isModelHan(text.charCodeAt(k))) continue;
      const [a, b] = hanRunAround(text, k);
      if (this.holdsMember(text, a, b)) this.scanRun(text, a, b, new RunLattice(this.v, text, a, b), minGain, out);
      k = b;
    }
    return out;
  }

  private holdsMember(text: string, a: number, b: number): boolean {
    for (let k = a; k + 1 < b; k++) if (this.byCodes.has(text.charCodeAt(k) * 0x10000 + text.charCodeAt(k + 1))) return true;
    return false;
  }

  /**
   * scan over one Han run [a, b) whose lattice the caller has built (the tier's, as it reads the run),
   * into `out`; members on a `guard` (protected spans: titles, names, phrasings) are skipped. The lattice
   * stays valid: the association segments other runs with bestScore's own buffers.
   */
  scanRun(text: string, runStart: number, runEnd: number, lattice: RunLattice, minGain: number, out: PairHit[], guard?: Uint8Array): void {
    for (let k = runStart; k + 1 < runEnd; k++) {
      const c0 = text.charCodeAt(k);
      const c1 = text.charCodeAt(k + 1);
      if (!this.first[c0] || !this.second[c1]) continue;
      const member = this.byCodes.get(c0 * 0x10000 + c1);
      if (!member) continue;
      if (guard && (guard[k] || guard[k + 1])) continue;
      const asWritten = lattice.withWord(k, k + 2, member.id);
      if (asWritten < lattice.best - 1e-6) continue;
      let best: PairHit | null = null;
      let bestId = -1;
      for (const p of member.partners) {
        // (withWordAbove gives up early on a partner that cannot come within `minGain` of the text.)
        const gain = lattice.withWordAbove(k, k + 2, p.id, lattice.best + minGain) - lattice.best;
        if (gain > -Infinity && (!best || gain > best.gain)) {
          best = { start: k, end: k + 2, text: member.written, fix: p.word, gain, context: 0 };
          bestId = p.id;
        }
      }
      if (!best) continue;
      best.context = Math.min(CONTEXT_CAP, this.association(text, k, bestId, member.id, lattice, runStart, runEnd));
      out.push(best);
    }
  }

  /**
   * How much more strongly the words of the member's clause, beyond its two neighbours (those the lattice
   * scores), go with word `fix` than with word `written` at [k, k + 2): each word's sum of the positive
   * pointwise associations the model's stored bigrams give (log10 P(id | w) / P(id) for a word w before
   * it, P(w | id) / P(w) for one after it). The model keeps a bigram only where it departs from the
   * back-off estimate, so a stored pair is a collocation (形势 … 严峻, 泄露 … 秘密, 调解 … 纠纷); used at a
   * distance it stands for the topic of the clause, which word bigrams next to the member do not see.
   * The clause is segmented once for both words.
   */
  association(text: string, k: number, fix: number, written: number, lattice: RunLattice, runStart: number, runEnd: number): number {
    const model = this.v.model;
    let a = k;
    while (a > 0 && !CLAUSE_END.test(text[a - 1]!)) a--;
    let b = k + 2;
    while (b < text.length && !CLAUSE_END.test(text[b]!)) b++;
    let sum = 0;
    let i = a;
    const uFix = model.unigram(fix);
    const uWritten = model.unigram(written);
    while (i < b) {
      if (!isModelHan(text.charCodeAt(i))) {
        i++;
        continue;
      }
      let j = i;
      while (j < b && isModelHan(text.charCodeAt(j))) j++;
      // The member's own run is cut where its lattice's best reading is; another run of the clause (after
      // a digit or a quote) by bestScore.
      const end = i === runStart ? runEnd : Math.min(j, i + 64);
      const cuts = this.cuts;
      if (i === runStart) {
        cuts.length = 0;
        for (let x = runStart; x < runEnd; x++) if (lattice.boundary(x)) cuts.push(x - i);
      } else bestScore(this.v, text.slice(i, end), -1, cuts);
      for (let q = 0; q < cuts.length; q++) {
        const x = i + cuts[q]!;
        const y = q + 1 < cuts.length ? i + cuts[q + 1]! : end;
        // Words of two or more characters, not the member itself nor a neighbour touching it.
        if (y - x < 2 || y === k || x === k + 2 || (x < k + 2 && k < y)) continue;
        const w = rangeId(this.v, text, x, y, -1);
        if (w < 0 || w >= model.size) continue;
        if (y <= k) sum += Math.max(0, model.bigram(w, fix) - uFix) - Math.max(0, model.bigram(w, written) - uWritten);
        else {
          const uw = model.unigram(w);
          sum += Math.max(0, model.bigram(fix, w) - uw) - Math.max(0, model.bigram(written, w) - uw);
        }
      }
      i = j;
    }
    return sum;
  }
}

export interface WordPairTuning {
  /** log10 cost of assuming a listed confusion (the tier's own: same 3.03, word 3.6). */
  cost: number;
  /** Weight of the clause association (PairHit.context) beside the lattice's gain. */
  context: number;
  /** Margin from which a finding is an error; between the tier's threshold and this, a hint. */
  errorMargin: number;
  /** The confusion set (default WORD_PAIRS; evaluations try subsets). */
  set?: readonly WordPairEntry[];
}

/** Measured on tests/unit/lm/data/word-pairs-* and the cross-validated train part (lib/lm/README.md). */
export const DEFAULT_PAIR_TUNING: WordPairTuning = { cost: 1.0, context: 0.5, errorMargin: 2.0 };

/**
 * The tier's findings with the confusion set's hits (scanRun's, outside protected spans) added: a pair finding where no finding of the tier
 * overlaps it, its margin the gain plus the weighted context less the cost, its confidence by the tier's
 * logistic (`confidence`), kept from `hintAt`; below `errorMargin` it is marked doubted (a hint, 可能是…).
 * Kind `word`: a written word read as another of the same syllables.
 */
/**
 * The least gain a hit needs (`scanRun`'s minGain): the least margin shown (confidence, increasing in the
 * margin, at `hintAt`) plus the cost, less the most the context can add.
 */
export function leastPairGain(t: WordPairTuning, confidence: (margin: number) => number, hintAt: number): number {
  let lo = -20;
  let hi = 20;
  for (let n = 0; n < 30; n++) {
    const mid = (lo + hi) / 2;
    if (confidence(mid) >= hintAt) hi = mid;
    else lo = mid;
  }
  return lo + t.cost - t.context * CONTEXT_CAP;
}

export function withPairFindings(t: WordPairTuning, hits: readonly PairHit[], findings: Finding[], confidence: (margin: number) => number, hintAt: number): Finding[] {
  let added: Finding[] | null = null;
  for (const h of hits) {
    const margin = h.gain + t.context * h.context - t.cost;
    const c = confidence(margin);
    if (c < hintAt) continue;
    if (findings.some((f) => h.start < f.end && f.start < h.end)) continue;
    (added ??= []).push({
      start: h.start,
      end: h.end,
      text: h.text,
      fix: h.fix,
      word: h.fix,
      kind: 'word',
      margin,
      confidence: c,
      wordStart: h.start,
      wordEnd: h.end,
      doubted: margin < t.errorMargin || undefined,
    });
  }
  return added ? [...findings, ...added].sort((x, y) => x.start - y.start) : findings;
}
