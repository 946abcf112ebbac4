/**
 * Cross-validated figures of the wrong-character tier on the TRAINING part of the ecspell file (for
 * `npm run eval -- --ecspell --cv`): the train part in 5 folds; each fold is scored with the confusion
 * pairs mined only from the other four hidden from the model (a pair seen in both stays). Train figures
 * without this flatter the mined pairs (every training slip is a known pair there); these are the
 * honest figures to tune on, and predict the held-out part's. The held-out part is never read here.
 */
import type { LanguageModel } from '../../lib/lm/model';
import { WrongCharTier, type TierOptions } from '../../lib/lm/tier';
import { loadEcspell, type EcspellLine } from './ecspell-split';
import { formatClasses, scorePart, type PartScore, type Prf } from './eval-ecspell';
import { loadModelForNode, tuningFromEnv } from './lm-node';
import { domainVocabulary } from '../../lib/lm/domain';
import { defaultCorpus } from '../../lib/corpus';

export const FOLDS = 5;
const HAN = /^[\u3400-\u9fff]$/u;

export function foldOf(source: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) h = Math.imul(h ^ source.charCodeAt(i), 0x01000193);
  return ((h >>> 0) >>> 7) % FOLDS;
}

/** Wrong → right character pairs of same-length lines (as scripts/build-lm.ts mines them). */
export function pairsOf(lines: readonly EcspellLine[]): Set<string> {
  const out = new Set<string>();
  for (const l of lines) {
    if (l.source.length !== l.target.length) continue;
    for (let i = 0; i < l.source.length; i++) {
      const a = l.source[i]!;
      const b = l.target[i]!;
      if (a !== b && HAN.test(a) && HAN.test(b)) out.add(a + b);
    }
  }
  return out;
}

/** The model with mined pairs outside `allowed` hidden (their index entries find nothing the tier keeps). */
export function withPairs(model: LanguageModel, allowed: ReadonlySet<string>): LanguageModel {
  return {
    ...model,
    similarity(from, to) {
      const s = model.similarity(from, to);
      return s === 'pair' && !allowed.has(from + to) ? null : s;
    },
    // (The tier asks by code: 3 is 'pair'.)
    similarityOf(from, to) {
      const s = model.similarityOf(from, to);
      return s === 3 && !allowed.has(String.fromCharCode(from, to)) ? 0 : s;
    },
  };
}

/**
 * The folds of the training part, one at a time: each fold's sentences, and the model and tier it is scored
 * with (the mined pairs of the other four folds only). Every cross-validated figure and analysis goes through
 * here, so they all hide the same pairs.
 */
export function* cvFolds(options: TierOptions = { tuning: tuningFromEnv() }): Generator<{ scored: EcspellLine[]; model: LanguageModel; tier: WrongCharTier }> {
  const model = loadModelForNode();
  const train = loadEcspell().filter((l) => l.part === 'train');
  const domainWords = domainVocabulary(defaultCorpus);
  for (let k = 0; k < FOLDS; k++) {
    const scored = train.filter((l) => foldOf(l.source) === k);
    const foldModel = withPairs(model, pairsOf(train.filter((l) => foldOf(l.source) !== k)));
    yield { scored, model: foldModel, tier: new WrongCharTier(foldModel, { domainWords, ...options }) };
  }
}

export interface CvScore {
  sentences: number;
  withErrors: number;
  flagged: number;
  allFlagsRight: number;
  cleanFlagged: number;
  detection: Prf;
  correction: Prf;
  byKind: PartScore['byKind'];
  classes: PartScore['classes'];
  /** Each fold's own counts (for choosing a setting on the other folds: nested cross-validation). */
  folds: Array<{ withErrors: number; flagged: number; detected: number; corrected: number; cleanFlagged: number }>;
}

const prf = (right: number, predicted: number, actual: number): Prf => {
  const precision = predicted ? right / predicted : 0;
  const recall = actual ? right / actual : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

export function crossValidate(options: TierOptions = { tuning: tuningFromEnv() }): CvScore {
  let sentences = 0;
  let withErrors = 0;
  let flagged = 0;
  let det = 0;
  let cor = 0;
  let allFlagsRight = 0;
  let cleanFlagged = 0;
  const byKind: PartScore['byKind'] = {};
  const folds: CvScore['folds'] = [];
  const classes: PartScore['classes'] = {};
  for (const { scored, tier } of cvFolds(options)) {
    const s = scorePart(tier, scored, 'train');
    sentences += s.sentences;
    withErrors += s.withErrors;
    flagged += s.flagged;
    const detected = Math.round(s.detection.precision * s.flagged);
    const corrected = Math.round(s.correction.precision * s.flagged);
    folds.push({ withErrors: s.withErrors, flagged: s.flagged, detected, corrected, cleanFlagged: s.cleanFlagged });
    det += detected;
    cor += corrected;
    allFlagsRight += s.allFlagsRight;
    cleanFlagged += s.cleanFlagged;
    for (const [c, n] of Object.entries(s.classes)) classes[c as keyof typeof classes] = (classes[c as keyof typeof classes] ?? 0) + n;
    for (const [kind, v] of Object.entries(s.byKind)) {
      const x = (byKind[kind] ??= { right: 0, all: 0 });
      x.right += v.right;
      x.all += v.all;
    }
  }
  return {
    sentences,
    withErrors,
    flagged,
    allFlagsRight,
    cleanFlagged,
    detection: prf(det, flagged, withErrors),
    correction: prf(cor, flagged, withErrors),
    byKind,
    classes,
    folds,
  };
}

export function formatCv(s: CvScore): string[] {
  const p3 = (x: Prf) => `P ${x.precision.toFixed(3)}  R ${x.recall.toFixed(3)}  F1 ${x.f1.toFixed(3)}`;
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  return [
    '',
    `[train, ${FOLDS}-fold cross-validated: each fold without the pairs mined only from it] ${s.sentences} sentences, ${s.withErrors} with errors, ${s.flagged} flagged`,
    `  sentence detection   ${p3(s.detection)}`,
    `  sentence correction  ${p3(s.correction)}`,
    `  flagged sentences whose every flag is right: ${s.allFlagsRight}/${s.flagged} = ${pct(s.flagged ? s.allFlagsRight / s.flagged : 0)}`,
    `  flagged sentences by class: ${formatClasses(s.classes)}`,
    `  clean target sentences flagged: ${s.cleanFlagged} (${pct(s.sentences ? s.cleanFlagged / s.sentences : 0)}; target ≤ 1 %)`,
    `  findings by kind (right/all): ${Object.entries(s.byKind)
      .map(([k, v]) => `${k} ${v.right}/${v.all}`)
      .join(', ')}`,
  ];
}
