/**
 * The wrong-character tier: finds characters that the language model finds unlikely where a similar
 * character (same or near reading, a known confusion), a swap of two neighbours or dropping one copy of a
 * double makes the text clearly likelier, and reports them as engine issues (rule id `wrong-char`).
 *
 * Precision first: a candidate wins only by a clear margin over the text as written, after paying a
 * cost for the kind of slip it assumes; the margin maps to a confidence through a logistic curve fitted
 * on the training part of the ecspell data (scripts/lib/eval-ecspell.ts prints the fit).
 */
import type { Issue } from '../engine/types';
import { TIER_META } from './meta';
import type { LanguageModel } from './model';
import { bestScore, wordId, type Vocabulary } from './score';
import { WordTable } from './words';

export const TIER_RULE_ID = TIER_META.id;

export type SlipKind = 'same' | 'near' | 'pair' | 'swap' | 'double';

export interface Finding {
  start: number;
  end: number;
  text: string;
  fix: string;
  /** The word the fix makes, for the message. */
  word: string;
  kind: SlipKind;
  /** log10 gain of the fix over the text as written, after the slip's cost. */
  margin: number;
  /** 0–1. */
  confidence: number;
}

export interface TierTuning {
  /** log10 cost of assuming each kind of slip (how much likelier the fix must make the text). */
  cost: Record<SlipKind, number>;
  /** Logistic calibration of the margin: confidence = 1 / (1 + exp(-(a·margin + b))). */
  a: number;
  b: number;
  /** Confidence at or above which a finding is an error with a fix. */
  errorAt: number;
  /** Confidence at or above which a finding is shown as a hint (info); below it, nothing. */
  hintAt: number;
  /** Characters on each side of a candidate that the model looks at. */
  window: number;
}

/**
 * Fitted on the training part of the ecspell file only (scripts/lib/eval-ecspell.ts): the costs are the
 * smallest that keep ≤ 1 % of clean sentences flagged; a and b fit P(finding is right | margin).
 */
export const DEFAULT_TUNING: TierTuning = {
  cost: { same: 4.0, near: 5.0, pair: 2.0, swap: 5.0, double: 3.0 },
  a: 1.15,
  b: 0.115,
  errorAt: 0.78,
  hintAt: 0.78,
  window: 5,
};

export interface TierOptions {
  /** Personal dictionary: never flagged, and known to the model as words. */
  dictionary?: readonly string[];
  /** Domain phrasings (corpus set phrasings, recurring phrasings, reference documents): same treatment. */
  domainWords?: readonly string[];
  tuning?: Partial<TierTuning>;
}

const isHan = (c: number) => c >= 0x3400 && c <= 0x9fff;
/** Characters whose slips belong to dedicated rules (的/地/得) or that are numerals (left alone). */
const LEFT_ALONE = new Set('的地得〇零一二三四五六七八九十百千万亿两');

/** Log10 unigram score of a domain word: as likely as a common word. */
const DOMAIN_SCORE = -4.0;

export class WrongCharTier {
  private readonly vocab: Vocabulary;
  private readonly protectedWords: string[];
  readonly tuning: TierTuning;

  constructor(
    readonly model: LanguageModel,
    options: TierOptions = {},
  ) {
    this.tuning = { ...DEFAULT_TUNING, ...options.tuning, cost: { ...DEFAULT_TUNING.cost, ...options.tuning?.cost } };
    const words = [...(options.dictionary ?? []), ...(options.domainWords ?? [])].filter((w) => w.length >= 2 && !w.includes('\n'));
    const unknown = [...new Set(words.filter((w) => model.wordId(w) < 0))];
    const domain = unknown.length ? WordTable.build(unknown) : null;
    const maxLen = Math.max(model.maxWordLength, domain?.maxLength ?? 0);
    this.vocab = { model, domain, domainScore: DOMAIN_SCORE, maxWordLength: Math.min(maxLen, 8) };
    // Longest first, so the protected mask covers whole phrasings.
    this.protectedWords = [...new Set(words)].sort((a, b) => b.length - a.length);
  }

  /** Findings in one paragraph (offsets relative to it). */
  findings(text: string): Finding[] {
    const guard = this.protectedMask(text);
    const out: Finding[] = [];
    let i = 0;
    while (i < text.length) {
      if (!isHan(text.charCodeAt(i))) {
        i++;
        continue;
      }
      let j = i;
      while (j < text.length && isHan(text.charCodeAt(j))) j++;
      if (j - i >= 2) this.run(text, i, j, guard, out);
      i = j;
    }
    return out;
  }

  /**
   * Findings after a second look: neighbouring slips spoil each other's context (数局产业, 二登奖), so the
   * text is read again with the first pass's same-length fixes applied, and new findings are added.
   */
  findingsTwoPass(text: string): Finding[] {
    const first = this.findings(text).filter((f) => f.confidence >= this.tuning.hintAt);
    const sameLength = first.filter((f) => f.fix.length === f.end - f.start);
    if (sameLength.length === 0) return first;
    let fixed = text;
    for (const f of sameLength) fixed = fixed.slice(0, f.start) + f.fix + fixed.slice(f.end);
    const more = this.findings(fixed).filter(
      (g) => g.confidence >= this.tuning.hintAt && !first.some((f) => g.start < f.end && f.start < g.end),
    );
    for (const g of more) g.text = text.slice(g.start, g.end);
    return [...first, ...more.filter((g) => g.text !== g.fix)].sort((x, y) => x.start - y.start);
  }

  /** Engine issues for one paragraph, offset by `base`. */
  issues(text: string, base = 0): Issue[] {
    const out: Issue[] = [];
    for (const f of this.findingsTwoPass(text)) {
      const error = f.confidence >= this.tuning.errorAt;
      out.push({
        rule: TIER_RULE_ID,
        category: 'typo',
        severity: error ? 'error' : 'info',
        start: base + f.start,
        end: base + f.end,
        text: f.text,
        replacements: [f.fix],
        message: messageFor(f, error),
      });
    }
    return out;
  }

  private protectedMask(text: string): Uint8Array {
    const mask = new Uint8Array(text.length);
    // Quoted titles: 《…》 (and 〈…〉) are names of documents, not prose.
    for (const m of text.matchAll(/《[^《》\n]*》|〈[^〈〉\n]*〉/g)) mask.fill(1, m.index, m.index + m[0].length);
    for (const w of this.protectedWords) {
      for (let k = text.indexOf(w); k >= 0; k = text.indexOf(w, k + 1)) mask.fill(1, k, k + w.length);
    }
    return mask;
  }

  private run(text: string, start: number, end: number, guard: Uint8Array, out: Finding[]): void {
    const t = this.tuning;
    const v = this.vocab;
    const scoreCache = new Map<number, number>();
    const windowOf = (i: number, j: number) => [Math.max(start, i - t.window), Math.min(end, j + t.window)] as const;
    const original = (a: number, b: number) => {
      const key = a * 4096 + b;
      let s = scoreCache.get(key);
      if (s === undefined) {
        s = bestScore(v, text.slice(a, b));
        scoreCache.set(key, s);
      }
      return s;
    };
    const found: Finding[] = [];
    let best: Finding | null = null;
    const consider = (i: number, j: number, fix: string, kind: SlipKind, word: string) => {
      const [a, b] = windowOf(i, j);
      const candidate = text.slice(a, i) + fix + text.slice(j, b);
      const gain = bestScore(v, candidate) - original(a, b);
      const margin = gain - t.cost[kind];
      if (margin <= 0) return;
      const f: Finding = {
        start: i,
        end: j,
        text: text.slice(i, j),
        fix,
        word,
        kind,
        margin,
        confidence: 1 / (1 + Math.exp(-(t.a * margin + t.b))),
      };
      if (!best || f.margin > best.margin) best = f;
    };
    const flush = () => {
      if (best) found.push(best);
      best = null;
    };

    for (let i = start; i < end; i++) {
      const ch = text[i]!;
      if (guard[i] || LEFT_ALONE.has(ch)) continue;
      flush();

      // Doubles: drop one copy (党员员干部, 认识识到).
      // A double at a word boundary where both copies belong to words (工作队队长, 学习习近平) is right.
      const boundary =
        i > start && i + 2 < end && wordId(v, text.slice(i - 1, i + 1)) >= 0 && wordId(v, text.slice(i + 1, i + 3)) >= 0;
      if (i + 1 < end && text[i + 1] === ch && !guard[i + 1] && !boundary) {
        const [a] = windowOf(i, i + 2);
        consider(i, i + 2, ch, 'double', wordAround(v, text, a, i, ch));
      }
      // Swapped neighbours (问题改整).
      if (i + 1 < end && text[i + 1] !== ch && !guard[i + 1] && !LEFT_ALONE.has(text[i + 1]!)) {
        const swapped = text[i + 1]! + ch;
        const word = swapWord(v, text, start, end, i, swapped);
        if (word) consider(i, i + 2, swapped, 'swap', word);
      }
      // Sound-alike characters that make a likely word with their neighbours, and mined confusions.
      const seen = new Set<string>();
      const code = ch.charCodeAt(0);
      const pairs = v.model.pairTargets(ch);
      for (let len = 2; len <= 4; len++) {
        for (let a = Math.max(start, i - len + 1); a <= i && a + len <= end; a++) {
          const hits = v.model.maskedChars(text, a, a + len, i);
          for (let h = 0; h < hits.length + pairs.length; h++) {
            const fix = h < hits.length ? String.fromCharCode(hits[h]!) : pairs[h - hits.length]!;
            if (fix.charCodeAt(0) === code || seen.has(fix)) continue;
            const word = text.slice(a, i) + fix + text.slice(i + 1, a + len);
            if (wordId(v, word) < 0) continue;
            const kind = v.model.similarity(ch, fix);
            if (!kind) continue;
            seen.add(fix);
            consider(i, i + 1, fix, kind, word);
          }
        }
      }
    }
    flush();
    // Overlapping findings: the strongest wins.
    found.sort((x, y) => y.margin - x.margin);
    const taken: Finding[] = [];
    for (const f of found) if (!taken.some((g) => f.start < g.end && g.start < f.end)) taken.push(f);
    out.push(...taken.sort((x, y) => x.start - y.start));
  }
}

/** The word a double belongs to once one copy is dropped (for the message). */
function wordAround(v: Vocabulary, text: string, a: number, i: number, ch: string): string {
  for (let len = 4; len >= 2; len--) {
    for (let s = Math.max(a, i - len + 1); s <= i; s++) {
      const w = text.slice(s, i + 1) + text.slice(i + 2, s + len + 1);
      if (w.length === len && w.includes(ch) && wordId(v, w) >= 0) return w;
    }
  }
  return ch;
}

/** A vocabulary word of 2–4 characters covering both swapped characters, or null. */
function swapWord(v: Vocabulary, text: string, start: number, end: number, i: number, swapped: string): string | null {
  for (let len = 4; len >= 2; len--) {
    for (let a = Math.max(start, i + 2 - len); a <= i && a + len <= end; a++) {
      const w = text.slice(a, i) + swapped + text.slice(i + 2, a + len);
      if (v.model.wordId(w) >= 0) return w;
    }
  }
  return null;
}

function messageFor(f: Finding, error: boolean): string {
  const hedge = error ? '疑为' : '可能是';
  switch (f.kind) {
    case 'double':
      return `“${f.text}”${hedge}误重复，应为“${f.word}”`;
    case 'swap':
      return `“${f.text}”${hedge}字序颠倒，应为“${f.word}”`;
    default:
      return `“${f.text}”${hedge}“${f.fix}”之误（“${f.word}”）`;
  }
}
