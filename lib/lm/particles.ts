/**
 * The statistical 的/地/得 check (issue 7): for each 的, 地 or 得 that the language model reads as a word of
 * its own, the span of text around it is scored with each of the three particles (best segmentation
 * under the word bigram model, lib/lm/score.ts), and the likeliest other particle is reported when it
 * beats the one written by a clear margin. The hand-written rule (lib/rules/de-di-de.ts) knows structures
 * by name; this check knows which words the particles go with in a large body of text, so it covers the
 * words the rule's tables lack. Where both fire, the rule's issue wins (mergeTierIssues). Its findings
 * answer with the tier's but carry their own rule id, `de-di-de-context` (lib/lm/meta.ts).
 *
 * What the model can and cannot tell (open-gram, lib/lm/README.md): the words *before* a particle carry
 * most of its evidence (≈ 67,000 bigrams into 的/地/得 in the source, many of them kept), while the words
 * after one barely do (the source keeps ≈ 4,300 bigrams out of the three, the model a hundred: pruned as no
 * better than back-off). The source is general text, in which 的 is written for 地 and 得 often, so the
 * model leans to 的: a change *to* 的 needs a smaller margin than a change *away from* it (costs below,
 * tuned on the first half of the dev drafts by name, scripts/tune-particles.ts).
 *
 * Where the model has no evidence (the bigram was pruned) the clause's structure stands in
 * (particle-context.ts: adverbial, complement, attributive evidence, each with a cost of its own), and a model
 * word that is a verb + 的 (讲的, 做的) or an adverb + 地 (默默地) is read as a particle. Measured on
 * hand-written sentences split into a tune and a test half (tests/fixtures/dev-dedide-stat/score.ts).
 */
import type { Issue } from '../engine/types';
import { simplifiedView } from '../engine/script';
import type { LanguageModel } from './model';
import { bestScore, isModelHan as isHan, type Vocabulary } from './score';
import { PARTICLE_META } from './meta';
import { classesAt, isWord, longestMatch, matchClasses, matchLength, WordClass as C, wordsStartingAt } from '../lexicon';
import { afterSuoOrBi, amountAt, degreeAt, evidenceFor, nounOnlyBefore, verbNounAfterManner, verbNounAfterModal, nounPhraseAfter, type Evidence } from './particle-context';

export const PARTICLES = '的地得';

type Particle = '的' | '地' | '得';

export interface ParticleFinding {
  /** Offset of the particle (one UTF-16 unit). */
  start: number;
  written: Particle;
  fix: Particle;
  /** log10 gain of the fix over the text as written, before the direction's cost. */
  gain: number;
  /** gain minus the direction's cost (> 0 for a finding). */
  margin: number;
}

/**
 * Vetoes of the plain route's 的→得 that the complement evidence has too: a verb after 所 or 比 (所做的, 说的比唱的:
 * a noun phrase) or an amount after the particle (刷的多，读原著的少: what is done much, as often as a
 * complement). (Not the evidence's personal-subject veto: where the model's own gain carries 得, 大家谈的很深入 is
 * 谈得.)
 */
function complementVeto(text: string, p: number): boolean {
  const xStart = p - Math.max(1, matchLength(longestMatch(text, p, -1)));
  // (A verb at the very start of the text vetoes too, as it always has: no context says which reading it is.)
  return xStart <= 0 || afterSuoOrBi(text, xStart) || amountAt(text, p + 1);
}

/** log10 margin a change must beat, per written → fix direction. */
export type ParticleCosts = Record<'的地' | '的得' | '地的' | '地得' | '得的' | '得地', number>;

export interface ParticleTuning {
  costs: ParticleCosts;
  /**
   * log10 margin a change must beat where the clause's structure gives evidence for it (particle-context.ts),
   * by class of evidence: there the model's gain needs only to be not clearly against the change.
   */
  evidenceCosts: Record<Evidence, number>;
  /** Han characters of context taken on each side of the particle (within its run of Han characters). */
  window: number;
}

/**
 * Tuned on the tune half of the dev drafts only (the 22 whose names sort first) and the ecspell training
 * part's target sentences, for precision (scripts/tune-particles.ts prints the gains): each cost sits in
 * the gap between the highest gain of a correct particle and the labelled slips below it, nearer the slips.
 * Changes *to* 的 pay a positive cost: 地→的 0.6 (slips 0.68–4.0, highest correct 0.32), 得→的 1.0 (slips
 * 1.76–4.0, correct 0.80 before the noun guard). Changes *away from* 的 have negative costs: the source
 * writes 的 for 地/得 so often that the model prefers 的 even where it is wrong; with the class of the next
 * word guarding them, 的→得 slips gain −0.20…0.40 against ≤ −0.44 for correct 的, 的→地 slips −0.76…0.12
 * against ≤ −0.08. 得↔地: few cases (得→地 slip 2.96, correct ≤ 0.36).
 * Evidence costs (particle-context.ts), set on the same data plus the tune-*.txt sentences of
 * tests/fixtures/dev-dedide-stat (scripts/tune-particles.ts, "Structural evidence"): where the bigram into the
 * particle was pruned the gain is the bare back-off difference (−1.40 for 的→地, −1.76 for 的→得, +1.40 for
 * 地→的), so each cost sits just past that floor — the evidence carries the change unless the model knows the
 * word before with the written particle. adverbial −1.6: slips −1.48…1.12, correct 的 ≤ −2.28 (and −1.40 on a
 * 的 that is a complement's 得, which that class wins); complement −2.0: slips −2.84…3.76 (44 of 46 above
 * −2.0), no correct 的 with this evidence in the tune data, a correct one in the cleaned seeds in (−3, −2]
 * before the adverb veto, so no lower; attributive 0.6 (as 地→的): slips 1.24…4.04 but one, place words
 * written X地 (流入地) ≤ −0.04.
 */
export const DEFAULT_PARTICLE_TUNING: ParticleTuning = {
  costs: { 的地: -0.04, 的得: -0.3, 地的: 0.6, 地得: 1.0, 得的: 1.0, 得地: 1.0 },
  evidenceCosts: { adverbial: -1.6, derived: -3.0, complement: -2.0, attributive: 0.6 },
  window: 5,
};


/** Log10 unigram score of a personal or domain word (as in the tier). */
const DOMAIN_SCORE = -4.0;

export interface ParticleOptions {
  /** Personal dictionary and domain phrasings: a particle inside one of them is taken as written. */
  dictionary?: readonly string[];
  domainWords?: readonly string[];
  tuning?: Partial<ParticleTuning>;
}

/**
 * The span scored around the particle at `p`: up to `window` Han characters on each side, within its run of
 * Han characters ([a, b), the particle included). The tuning tools read the same span.
 */
export function particleWindow(text: string, p: number, window: number): [number, number] {
  let a = p;
  while (a > 0 && p - a < window && isHan(text.charCodeAt(a - 1))) a--;
  let b = p + 1;
  while (b < text.length && b - p - 1 < window && isHan(text.charCodeAt(b))) b++;
  return [a, b];
}

export class ParticleChecker {
  private readonly vocab: Vocabulary;
  readonly tuning: ParticleTuning;
  /** Protected words that contain a particle (few: most phrasings have none). */
  private readonly guarded: string[];
  private readonly segs: number[] = [];
  /** Whether the model holds a string as a word (an idiom the lexicon lacks: particle-context.ts). */
  private readonly isPhrase = (w: string): boolean => this.vocab.model.wordId(w) >= 0;

  constructor(model: LanguageModel, options: ParticleOptions = {}) {
    this.tuning = {
      ...DEFAULT_PARTICLE_TUNING,
      ...options.tuning,
      costs: { ...DEFAULT_PARTICLE_TUNING.costs, ...options.tuning?.costs },
      evidenceCosts: { ...DEFAULT_PARTICLE_TUNING.evidenceCosts, ...options.tuning?.evidenceCosts },
    };
    this.vocab = { model, domain: null, domainScore: DOMAIN_SCORE, maxWordLength: Math.min(model.maxWordLength, 8) };
    this.guarded = [...new Set([...(options.dictionary ?? []), ...(options.domainWords ?? [])])].filter((w) => w.length >= 2 && /[的地得]/.test(w));
  }

  /** Findings in one paragraph (offsets relative to it). */
  findings(text: string): ParticleFinding[] {
    const out: ParticleFinding[] = [];
    const w = this.tuning.window;
    for (let p = 0; p < text.length; p++) {
      const code = text.charCodeAt(p);
      if (code !== 0x7684 && code !== 0x5730 && code !== 0x5f97) continue; // 的 地 得
      const [a, b] = particleWindow(text, p, w);
      // Context on both sides: the left word carries the evidence, the right one tells 的 from 得 at a clause end.
      if (a === p || b === p + 1) continue;
      // (Unless the noun is a verb the lexicon mistags, used verbally after a modal and a manner word: 要坦诚的交流思想.)
      if (code === 0x7684 && nounOnlyAfter(text, p) && !verbNounAfterModal(text, p, -1, this.isPhrase)) continue;
      if (this.isGuarded(text, p)) continue;
      const f = this.decide(text, p, text.slice(a, b), p - a);
      if (f) out.push({ ...f, start: p });
    }
    return out;
  }

  /**
   * Engine issues for one paragraph, offset by `base`: rule id `de-di-de-context` (its own switch, apart
   * from wrong-char's: lib/lm/meta.ts), category of the 的/地/得 rule (the side panel's 的地得 group).
   */
  issues(text: string, base = 0): Issue[] {
    // The model knows simplified Chinese: a line with traditional characters is read in simplified ones
    // (the particles are the same in both scripts, one unit each).
    const view = simplifiedView(text);
    return this.findings(view ? view.text : text).map((f) => ({
      rule: PARTICLE_META.id,
      category: PARTICLE_META.category,
      severity: 'error',
      start: base + (view ? view.start(f.start) : f.start),
      end: base + (view ? view.start(f.start) : f.start) + 1,
      text: f.written,
      replacements: [f.fix],
      message: messageFor(f),
    }));
  }

  private isGuarded(text: string, p: number): boolean {
    for (const g of this.guarded) {
      for (let k = g.indexOf(text[p]!); k >= 0; k = g.indexOf(text[p]!, k + 1)) {
        if (p - k >= 0 && text.startsWith(g, p - k)) return true;
      }
    }
    return false;
  }

  /**
   * The best other particle for text[p] (span[k]) and its margin, or null: each fix the next word's class
   * allows pays its direction's cost; one the clause's structure gives evidence for pays that evidence's.
   */
  private decide(text: string, p: number, span: string, k: number): Omit<ParticleFinding, 'start'> | null {
    const written = span[k] as Particle;
    // The clause's evidence first (lexicon look-ups only): a fix neither it nor the next word's class allows
    // is not scored at all.
    const evidence: Partial<Record<Particle, Evidence>> = {};
    for (const fix of PARTICLES as unknown as Particle[]) {
      const e = fix === written ? null : evidenceFor(text, p, fix, this.isPhrase);
      if (e) evidence[fix] = e;
    }
    const g = this.gains(span, k, evidence);
    if (!g) return null;
    let best: Omit<ParticleFinding, 'start'> | null = null;
    // 地 before a verb the lexicon tags a noun only, with its object after a manner word (广泛地动员党员群众), is right:
    // no change to 的 there.
    const verbNoun = written === '地' && verbNounAfterManner(text, p, this.isPhrase);
    for (const fix of PARTICLES as unknown as Particle[]) {
      const gain = g.raw[fix];
      if (gain === undefined || (verbNoun && fix === '的')) continue;
      // The plain route: the next word's class allowed the fix (gains), and what follows it does not make the
      // phrase a noun phrase; a degree adverb after 得 opens a complement (发展得较快).
      const plain =
        g[fix] !== undefined &&
        !(written === '的' && fix !== '的' && nounPhraseAfter(text, p, fix)) &&
        !(written === '的' && fix === '得' && (nounOnlyBefore(text, p) || complementVeto(text, p))) &&
        // 地 never stands before the copula or 有 (集中的是…: a nominal 的).
        !(fix === '地' && '是有'.includes(text[p + 1]!)) &&
        !(written === '得' && fix === '的' && degreeAt(text, p + 1));
      let margin = plain ? g[fix]! - this.tuning.costs[`${written}${fix}` as keyof ParticleCosts] : -Infinity;
      const e = evidence[fix];
      if (e) margin = Math.max(margin, gain - this.tuning.evidenceCosts[e]);
      // (Gains are quantised: a gain equal to a cost is no margin, whatever the float rounding says.)
      if (margin > 1e-6 && (!best || margin > best.margin)) best = { written, fix, gain, margin };
    }
    return best;
  }

  /**
   * Gains of the other particles that the word after the particle allows (see allows()); null when the
   * written particle is not a word of its own as the text reads best (inside 目的, 土地, 取得, 各地 it is
   * no particle at all). Public for the tuning script.
   */
  gains(
    span: string,
    k: number,
    evidence?: Partial<Record<Particle, Evidence>>,
  ): (Partial<Record<Particle, number>> & { next: string; raw: Partial<Record<Particle, number>> }) | null {
    const segs = this.segs;
    const n = span.length;
    const base = bestScore(this.vocab, span, -1, segs);
    if (!isParticle(span, k, segs, true)) return null;
    // The word after the particle as the text reads best (the longest lexicon word there when the model
    // joins the particle to it: 的很).
    const j = segs.indexOf(k + 1);
    const nextEnd = j >= 0 ? (j + 1 < segs.length ? segs[j + 1]! : n) : k + 1 + Math.max(1, matchLength(longestMatch(span, k + 1)));
    const next = span.slice(k + 1, nextEnd);
    // The class of the word as the model reads it (0: the lexicon lacks it), and failing that of the
    // longest lexicon word it starts with (积极性 → 积极: evidence against, never for, a change).
    const exact = classesAt(span, k + 1, nextEnd);
    const prefix = exact || matchClasses(longestMatch(span, k + 1));
    const marked = VERB_MARK.test(span.slice(nextEnd, nextEnd + 1));
    const out: Partial<Record<Particle, number>> & { next: string; raw: Partial<Record<Particle, number>> } = { next, raw: {} };
    for (const fix of PARTICLES as unknown as Particle[]) {
      if (fix === span[k]) continue;
      const allowed = allows(fix, span[k] as Particle, exact, prefix, next, marked);
      // (Without `evidence`, every fix is scored: the tuning script reads the raw gains.)
      if (evidence && !allowed && !evidence[fix]) continue;
      const alt = span.slice(0, k) + fix + span.slice(k + 1);
      const score = bestScore(this.vocab, alt, -1, segs);
      // The fix too must be read as a particle: 就地 → 就得 (must) is another sentence, not a fix. Where the
      // clause closes on a complement, a verb + 得 that the model holds as a word (记得, 过得, 觉得) is that verb's
      // complement all the same (记得太粗, 过得越来越好).
      // So does a noun + 的 that the model holds as a word (人的) where the clause gives attributive evidence.
      if (!isParticle(alt, k, segs, false) && !((fix === '得' && evidence?.[fix] === 'complement') || (fix === '的' && evidence?.[fix] === 'attributive'))) continue;
      out.raw[fix] = score - base;
      // A word the lexicon knows nothing of (not even a start: 锐气) says nothing for the change: the
      // scores alone must carry it, by UNKNOWN_NEXT more.
      if (allowed) out[fix] = score - base - (exact === 0 && prefix === 0 ? UNKNOWN_NEXT : 0);
    }
    return out;
  }
}

const VERBAL = C.Verb | C.Preposition;

/**
 * log10 the gain loses when the word after the particle is wholly unknown to the lexicon (only 地→的 lets
 * such a word through): the class guard says nothing there, so the scores must carry the change alone by a
 * wider margin. Tune half and ecspell train targets: no correct 地 stands before such a word; the slip
 * 开拓创新地锐气 gains 2.44 (1.44 after this).
 */
const UNKNOWN_NEXT = 1.0;
const DESCRIPTIVE = C.Adverb | C.Adjective | C.Complement | C.Status;
const VERB_MARK = /^[到了着过]/;

/**
 * What the word after the particle allows: the model hardly knows the words after 的/地/得 (their bigrams
 * out of the particles were pruned as no better than back-off), so their class in the lexicon (jieba's
 * tags) stands in. 地 goes before a verb or a coverb (把, 为, 向), 得 before a description (an adverb of
 * degree, an adjective, a complement, 不), 的 before anything but those — a noun, or a word the lexicon
 * also calls a noun (发展, 建设: 的 + verb-noun is right and stays).
 */
function allows(fix: Particle, written: Particle, exact: number, prefix: number, next: string, marked: boolean): boolean {
  const noun = (exact & C.Noun) !== 0;
  if (fix === '地') return !noun && (exact & VERBAL) !== 0;
  // (A one-character degree adverb is 'other' in jieba's tags: 很, 较.)
  if (fix === '得') return !noun && ((exact & DESCRIPTIVE) !== 0 || next[0] === '不' || (next.length === 1 && (exact & C.Other) !== 0));
  // (A one-character degree adverb, 'other' in jieba's tags, is a description too: 重得很, 好得多.)
  const against = (prefix & (VERBAL | C.Adverb | C.Complement | C.Status)) !== 0 || next[0] === '不' || (next.length === 1 && (exact & C.Other) !== 0);
  if (written === '地') {
    // Not before what 地 is right before (认真地学习), nor before a word that is a verb as well as a noun
    // (深刻地体会, 一对一地指导: 地 is right there as often as not). A word the lexicon lacks: one that starts
    // with a noun or an adjective (辉煌成就, 先锋模范作用).
    if (against) return false;
    // A word followed by an aspect or result mark is a verb there (体会到, 感悟了), whatever else the
    // lexicon calls it (it tags 体会 a noun only).
    if (marked) return false;
    if (exact === 0) return prefix === 0 || (prefix & (C.Noun | C.Adjective)) !== 0;
    return (exact & (C.Noun | C.Adjective)) !== 0;
  }
  // Written 得: a word with a noun reading takes 的 (好处, 经费: jieba also tags them adverb and verb, and
  // 得 before a noun is no complement); not before a description (讲得透彻, 建设得更加坚强, 定得实), and
  // never before one character (a one-character complement: 定得实, 提得准, whatever the lexicon says).
  if (next.length < 2) return false;
  if (noun) return true;
  if (against || (prefix & C.Adjective) !== 0) return false;
  return exact === 0;
}

/**
 * Whether the common word after the 的 at p is only a noun (的发展 is not: 发展 is a verb too): then 的 is
 * right whatever the scores say (地 and 得 need a verb or a description after them), and the span is not
 * scored at all — most particles of official prose are such a 的, so this keeps the check cheap.
 */
function nounOnlyAfter(text: string, p: number): boolean {
  if (text[p + 1] === '不') return false;
  const c = matchClasses(longestMatch(text, p + 1));
  return (c & C.Noun) !== 0 && (c & (VERBAL | DESCRIPTIVE | C.Other)) === 0;
}

/**
 * Whether span[k] reads as a particle: no word of the model's best segmentation (word start offsets)
 * joins it to the character before it (目的, 土地, 取得, 各地, 就地, 心得), and, as written, it begins no
 * common word of the lexicon (的确, 地方, 得到). A model word that joins it only to what follows
 * is left to the scores for 的 and 得 (的很, 得不 are colloquial words of the source, not of official
 * prose), not for 地.
 */
function isParticle(span: string, k: number, segs: readonly number[], written: boolean): boolean {
  if (!segs.includes(k)) return joinedParticle(span, k, segs);
  // 地 begins many nouns (地力, 地块, 地表): a model word that starts with it is one.
  if (span[k] === '地' && !segs.includes(k + 1) && k + 1 < span.length) return false;
  return !written || wordsStartingAt(span, k, 2).length === 0;
}

/**
 * Whether the model word that ends with span[k] is a word + the particle, written as one in its source
 * (讲的, 做的, 干的, 默默地): the stem is a lexicon verb, adverb, adjective or status word and the whole is no
 * lexicon word (目的, 取得, 有的, 各地 are). Those are where 得 and 地 slips cluster: the source writes 做的
 * for 做得 so often that it kept the pair as a word.
 */
function joinedParticle(span: string, k: number, segs: readonly number[]): boolean {
  if (!segs.includes(k + 1) && k + 1 < span.length) return false;
  let s = -1;
  for (const x of segs) if (x < k && x > s) s = x;
  if (s < 0 || k - s > 3) return false;
  // (The lexicon holds some reduplicated words with 的 as words — 悄悄的, 静静的 — which are such a word + the particle.)
  if (isWord(span.slice(s, k + 1)) && !(k - s === 2 && span[s] === span[s + 1])) return false;
  // One character + 地 is a place word (极地, 属地, 草地) whether the lexicon has it or not.
  if (span[k] === '地' && k - s < 2) return false;
  return (classesAt(span, s, k) & (C.Verb | C.Adverb | C.Adjective | C.Status)) !== 0;
}

function messageFor(f: ParticleFinding): string {
  switch (f.fix) {
    case '地':
      return `“${f.written}”疑为“地”之误：状语后应用“地”`;
    case '得':
      return `“${f.written}”疑为“得”之误：补语前应用“得”`;
    default:
      return `“${f.written}”疑为“的”之误：定语后应用“的”`;
  }
}
