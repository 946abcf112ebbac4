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
import { simplifiedView } from '../engine/script';
import { TIER_META } from './meta';
import type { LanguageModel } from './model';
import { isModelHan as isHan, rangeId, rangeIdCodes, RunLattice, wordId, type Vocabulary } from './score';
import { isWord as isLexiconWord, longestWordEndingAt, wordClasses, WordClass } from '../lexicon';
import { CURATED } from '../lexicon/curated';
import { FNV_OFFSET, fnvStep, WordTable } from './words';
import { HOMOPHONE_MIN_LOGP } from './homophones';
import { TIER_WORDS } from './tier-words';

export const TIER_RULE_ID = TIER_META.id;

export type SlipKind = 'same' | 'near' | 'pair' | 'shape' | 'swap' | 'double' | 'word' | 'nonword';

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
  /** [wordStart, wordEnd): the span of the written text that the fix's word covers. */
  wordStart?: number;
  wordEnd?: number;
  /**
   * The sentence holds another place the model nearly takes for a slip too (TierTuning.doubt): the
   * finding is shown as a hint, not an error.
   */
  doubted?: boolean;
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
  /** log10 cost taken off in the second look at a sentence that already has a slip. */
  relief: number;
  /**
   * The second look's relief for whole-word homophones (kinds word, nonword), at most `relief`: a written
   * word turned into another word of the same syllables is what a smaller margin lets through wrongly
   * (报备 → 宝贝, 着力 → 这里), while one-character mends in a spoiled sentence are mostly right.
   */
  reliefWord: number;
  /** Looks at the text in all (the first, then again with the fixes found so far applied). */
  passes: number;
  /**
   * log10 cost added when the character a one-character fix replaces is attested with its neighbour on
   * the side the fix's word leaves out: the two written characters stand together inside an idiom or
   * set phrasing (为鉴 in 以史为鉴, 引以为鉴), support for the text that word bigrams do not see
   * (以案为鉴守底线 is not 坚守). Train part (cross-validated): 1.0–2.0 drop the same 4 wrong flags of 302
   * and 2 right ones; 0.5 with pairs of three-character words lost 10 right ones. The same cost is paid
   * by a fix that ties the middle of a parallel frame to its second half (述责述廉 is not 述表述廉).
   */
  attested: number;
  /** Most log10 cost of a one-slip fix (not a whole-word homophone) that makes a word of LONG_WORD characters or more. */
  longWord: number;
  /** Leave coinages newer than the vocabulary alone (抗疫, 双减: see coinage()). */
  coinages: boolean;
  /**
   * log10 cost added when the fix's word is one of jieba's words without bigrams (a rarer, cruder-scored
   * part of the vocabulary: 左舷, 官服, 工稳 are what such fixes were on clean text).
   */
  plainWord: number;
  /** log10 cost taken off when the fix's word has three characters, and four or more (after `longWord`). */
  word3: number;
  word4: number;
  /**
   * For a one-character fix: log10 cost per decade that the written character is rarer than the fix
   * (taken off when it is commoner), at most `charRarityCap` decades either way. An input method lists
   * the commoner characters first, so a slip is mostly a common character; a rare one (宪 in a name,
   * 蛾 in 白蛾, 厘 in 厘清) was chosen on purpose.
   */
  charRarity: number;
  charRarityCap: number;
  /** Most decades taken off for a written character commoner than the fix (the other direction's cap). */
  charCommonCap: number;
  /** log10 cost added when the written characters of the fix's word stand together elsewhere in the paragraph. */
  repeated: number;
  /** log10 cost added when the written character stands again two places away (parallelSlot). */
  parallel: number;
  /**
   * log10 cost taken off a one-character or swap fix that mends a non-word into a word of the genre's
   * vocabulary (genreMend): the written window is no word, the changed characters stand alone as the
   * text reads best, and the fix's word is a common word (the lexicon's) or a domain phrasing.
   */
  genre: number;
  /**
   * Count a two-character fix word whose unchanged character stands again two places away as parallel
   * too (自宰自食: 食 → 私 makes 自私 of the frame's 自).
   */
  partnerParallel: boolean;
  /**
   * log10 cost added to a mined confusion pair (kind `pair`) when the written characters of the fix's word
   * are a word themselves. The pairs are mined from slips that left a non-word (mostly); a written word
   * turned into another by a pair that neither sounds nor looks alike (成败 → 成功, 败/功) asks the writer
   * to have picked a whole wrong word, which the pair does not speak for.
   */
  pairOnWord: number;
  /**
   * Further log10 cost taken off a genre mend whose word ends the run (生太。, 使名。): no word after it
   * gives evidence there, so its gain is smaller by the missing bigram out of the word.
   */
  genreEnd: number;
  /**
   * Further log10 cost taken off a genre mend of the first-candidate kind (firstCandidateMend): one
   * character of the same reading that turns a two-character non-word into a common word, the written
   * character at least `firstCandidateRarer` decades as common as the fix.
   */
  firstCandidate: number;
  /** log10: how much rarer than the fix the written character may be for firstCandidate (0: as common or commoner). */
  firstCandidateRarer: number;
  /**
   * Doubt (log10 margin, after the second look's relief): a finding stays a hint, not an error, when its
   * sentence — read again with the fixes found — has another place whose best candidate has a margin
   * above this without being found (0 would be a candidate that beats the text as written but falls
   * short of the hint threshold). Such a sentence is spoiled in more places than the tier can mend (the
   * context its fix was scored in may be a slip too), so what is shown there is a suggestion, not a
   * claim that the fix makes the sentence right. null: never.
   */
  doubt: number | null;
  /**
   * A character at least this likely alone (log10) is a common one: a span of characters that makes no
   * word is tried as a whole-word homophone only when all of them are (names and rare characters are
   * left alone: what they should be is anyone's guess).
   */
  commonChar: number;
  /**
   * A second sign of a spoiled sentence, beside `doubt`: after its findings are applied, the sentence
   * still holds a character that the best reading leaves standing alone, that is no grammar word and that
   * is rarer than this (log10 unigram) — a rare character stranded between words is mostly a further slip
   * of shape (瞥 for 督, 宿 for 诉) that no candidate reaches. Its findings are then hints. null: never.
   */
  stranded: number | null;
  /**
   * Take a measure word right after a count (a digit, a numeral, 第, 每, 几: 第12期, 每起案件) as written
   * (MEASURE, countsBefore).
   */
  countedMeasure: boolean;
  /**
   * A margin from which the coinage guard no longer holds: the model's gain is then far more than a
   * coinage read as two stray characters costs it (有价植的 → 价值: 价 and 植 each make many words in their
   * places, yet 价植 is no coinage).
   */
  coinageMargin: number;
  /**
   * A vocabulary word that is likely a misspelling of a far commoner one (misspeltWord: 己经 for 已经, 融和 for
   * 融合, 关健 for 关键): log10 cost taken off a one-character fix (same reading, or a like shape) that turns
   * such a written two-character word into that commoner word. The sources hold slip-typed forms as words
   * (open-gram's web text has 己经 and 自已; jieba's list has 关健, 精典, 融和), and their scores are the
   * frequency of the slip, so the gain of the fix understates it.
   */
  misspelt: number;
  /** How much commoner (log10 unigram, decades) the fix's word must be; null switches the misspelt-word pricing off. */
  misspeltRatio: number | null;
  /** Rarest a written word may be at most to count (log10 unigram): a common word is no misspelling. */
  misspeltMax: number;
  /** Try the domain phrasings of four characters the model lacks as fixes (one character away). */
  domainPhrases: boolean;
}

/**
 * Fitted on the training part of the ecspell file only (scripts/lib/eval-ecspell.ts): the costs are the
 * smallest that keep ≤ 1 % of clean sentences flagged; a and b fit P(finding is right | margin).
 */
export const DEFAULT_TUNING: TierTuning = {
  // The costs, plainWord, word3, word4 and charRarity come from one logistic fit of "is this finding
  // right?" over every candidate of the train part's 5-fold cross-validation (scored folds with their
  // own mined pairs hidden; clean target sentences as negatives) against the margin under the earlier
  // hand-set costs (same 3.75, near 6, pair 2, shape 4, swap 5, double 3, word 3.45, nonword 5), the
  // kind, the fix's word length, whether its word has bigrams, and how much rarer the written character
  // is than the fix; its coefficients, in decades of margin, became these costs. Cross-validated train
  // part: strict sentence F1 0.390 → 0.426, precision 0.684 → 0.727, clean sentences flagged 6 → 2 of
  // 1,355. With `repeated` (a term the paragraph uses again is no slip: 网格长 … 网格员) every cost but
  // near came down 0.3 decades: F1 0.450, precision 0.722, 6 clean sentences flagged, none of our own
  // drafts' clean text flagged (0.4 less: 股室 → 股市 and 以案为鉴 → 坚守 in our drafts; 0.5 less: also
  // 工作实践 → 工作时间). The fit's near cost (5.2) flagged 课程思政 → 市政 in our drafts: near keeps 6.0
  // (25 findings of that kind in the whole train part, too few to fit).
  // (Earlier notes: word/nonword findings over a written word were right from raw gain 4.3 on the train
  // part, a clean 议事协商 → 意识 in our drafts had 4.36; shape 4.0 found 20 slips with no wrong flag.)
  cost: { same: 3.03, near: 6.0, pair: 2.05, shape: 3.11, swap: 5.64, double: 2.85, word: 3.6, nonword: 5.22 },
  a: 1.237,
  b: 0.176,
  // Margin 1.0: on training findings of margin 1–1.5, 91 % were right (0.5–1: 74 %). Below it nothing
  // is shown: a middle band of hints cost more clean-sentence flags than the slips it would show.
  errorAt: 0.8,
  hintAt: 0.8,
  // Train part: relief 1 raised strict sentence precision 0.685 → 0.740 (multi-slip sentences found
  // whole) with the same clean-sentence flags; 2 found more but let wrong flags into flagged sentences.
  relief: 1,
  reliefWord: 1,
  passes: 2,
  attested: 1.5,
  // Cross-validated train part: 2.0 raised strict sentence F1 0.372 → 0.403 with no more clean sentences
  // flagged (2.5: 0.399; 1.5: 0.404; with whole-word homophones capped too, 1.0 flagged 实践 → 时间 in
  // our own drafts, 2.5 议事 → 意识, hence one-slip fixes only).
  longWord: 2.0,
  coinages: true,
  plainWord: 1.5,
  word3: 1.1,
  word4: 1.61,
  // The fit also rewarded a written character commoner than the fix, but that flagged 6个区县 → 各区县,
  // 项目没资金 → 投资 and 网格员 → 网络 in our own drafts: only the rarer-written side is used.
  charRarity: 0.93,
  charRarityCap: 2,
  charCommonCap: 0,
  // Cross-validated train part (costs 0.3 higher): 1.5 and 9 alike, one clean sentence less flagged, two
  // slips more found (a slip is rarely typed twice in one paragraph).
  repeated: 1.5,
  // 2 of 1,565 slips in the ecspell file stand so; 1.5 let 真减实减 → 实践 through at these costs. (Tried
  // the other way: a bonus for a fix that completes a frame of two words sharing their first character,
  // 谈心谈化 → 谈话, found nothing more on the train part and flagged 共建共治 → 共识 in our drafts.)
  parallel: 3,
  // Our own genre sentences (tests/unit/lm/data, scripts/eval-lm-genre.ts): slips fixed 26 → 44 of 75 (45
  // with the shape links of surrounds and 'Other'-tagged neighbours such as 行 let through),
  // none of 141 clean look-alikes flagged; cross-validated train part: strict sentence F1 0.450 → 0.480,
  // precision 0.722 → 0.730, clean sentences flagged 6 → 6; cleaned seeds 0 false alarms; dev drafts'
  // typos 23 → 24 found, 1 false flag (书记带学 → 大学). 2.0 found 51 of 75 but flagged 17 clean ecspell
  // sentences and 6 more places in the dev drafts; 1.0 found 43.
  genre: 1.5,
  // Cross-validated train part: clean sentences flagged 6 → 3 (自宰自食 → 自私), one slip lost (涂宰, found
  // only through the second look at that sentence); strict sentence precision 0.730 → 0.736.
  partnerParallel: true,
  // Own genre sentences 45 → 47 of 75 fixed (0 of 141 clean flagged once a changed place/organ suffix
  // stops a mend: 晋中市人 is not 诗人); CV train F1 0.484 → 0.487, P 0.737 → 0.740, clean flagged 3 → 3;
  // dev drafts unchanged. 1.0: a false alarm on the cleaned seeds.
  genreEnd: 0.5,
  // First-candidate mends (issue 8, the blind-written drafts' largest typo class: a same-reading non-word).
  // Cross-validated train part: strict detection P 0.847 → 0.850, R 0.394 → 0.403, correction F1 0.531 →
  // 0.538, clean target sentences flagged 1 → 1; 1.0: P 0.850, R 0.401; 2.0: P 0.847, R 0.401.
  // firstCandidateRarer 0.5 (a written character a little rarer counts too): 2 clean targets flagged.
  firstCandidate: 1.5,
  firstCandidateRarer: 0,
  // Cross-validated train part: no finding changes (a pair on a written word needs the pair from another
  // fold); train part with every pair known: one of 197 pair findings lost (以下 → 以上), and 事业成败 →
  // 成功 (margin 1.4) is no longer flagged in our own sentences.
  pairOnWord: 1.0,
  // Cross-validated train part (scripts/lib/ecspell-sweep.ts), strict sentence detection P / R, correction
  // F1: off 0.754 / 0.368, 0.488; 0.5: 0.766 / 0.367, 0.489; 0: 0.777 / 0.357, 0.482; -0.25: 0.800 / 0.354,
  // 0.484; -0.5: 0.809 / 0.348, 0.480; -0.75: 0.816 / 0.343, 0.476; -1: 0.826 / 0.330, 0.465; -1.5: 0.863 /
  // 0.314, 0.453; -2: 0.881 / 0.268, 0.403. Nested cross-validation on detection F0.5 (precision first, the
  // usual weighting of correction tasks) chose -0.25 to -1.5 fold by fold (F0.5 is flat there; on the folds
  // left out P 0.810, R 0.334); of that range -0.5 is the one that turns none of the dev drafts' 37 findings
  // into hints (-0.75: 2, -1: 3, -1.5: 4, e.g. 反溃 → 反馈, 针贬 → 针砭, 贯澈 → 贯彻). Own genre sentences:
  // 1 of 47 fixes a hint. This serves the strict sentence measure, not the findings: of the 63 findings it
  // makes hints (46 sentences), 62 are right. null switches it off.
  doubt: -0.5,
  // Cross-validated train part: -5.0 (the 3,000 or so characters of everyday text) → -5.7 lets 同酬 → 统筹,
  // 菲佣 → 费用 be tried (酬 -5.2, 佣 -5.6): strict detection P 0.820 → 0.825, R 0.370 → 0.372, clean
  // target sentences flagged 1 → 1; no finding changes on the dev drafts, seeds or genre sentences. -6.2
  // flags a second clean sentence.
  commonChar: -5.7,
  // Cross-validated train part (scripts/lib/ecspell-sweep.ts), strict sentence detection P / R, correction
  // F1: null 0.832 / 0.378, 0.513; -5: 0.841 / 0.375, 0.512; -4.75: 0.848 / 0.363, 0.501; -4.5: 0.870 / 0.333,
  // 0.474; -4.25: 0.879 / 0.309, 0.450. Nested cross-validation on detection F0.5 chose -5 on every fold
  // (on the folds left out P 0.841, R 0.375). It lies a little above doubt's own curve (doubt -1.5: P 0.863
  // at R 0.314) but is no way to 0.9: of the sentences it turns into hints, a third were right. No dev draft's,
  // genre sentence's or seed's finding changes.
  stranded: -5,
  // Blind-written dev drafts: 2 of the tier's 7 wrong flags gone (第12期合编 → 集合, 每起案件 → 每期), no
  // slip lost (进一部 → 进一步 stays: 一 of a word is no count); cross-validated train part, dev drafts,
  // seeds and genre sentences unchanged.
  countedMeasure: true,
  // Cross-validated train part: ∞ (always guarded) P 0.846, R 0.383, correction F1 0.520; 4 and 5: P 0.847,
  // R 0.385, F1 0.523; 6: as ∞; 3: 3 more odw target sentences flagged. Blind dev drafts +1 slip, genre set
  // +1, no flag added on any clean text. 5: the middle of the plateau.
  coinageMargin: 5,
  // Misspelt vocabulary words (issue 8). Cross-validated train part: strict detection P 0.847 → 0.847, R 0.385
  // → 0.394, correction F1 0.523 → 0.531, clean target sentences flagged 1 → 1; dev drafts typo 25 → 26 of 31
  // (己经), no flag added on the dev or blind-written dev drafts' fixed text, the genre set or the seeds; own
  // set (tests/unit/lm/data/misspelt-*, scripts/eval-lm-misspelt.ts) 8 → 10 of 20 slips, 0 of 50 clean
  // flagged. A ratio of 1.25 for jieba's words: P 0.850, R 0.395, 12 of 20, but 变造 → 编造 (a legal term,
  // 伪造、变造) flagged in our clean set; misspelt 2.5: 7 clean targets flagged (收悉 → 熟悉, 动议 → 会议);
  // 1.5, 1.75: fewer found, 变造 still flagged at ratio 1.25; misspeltRatio 2.5 (open-gram words), 3: 己经 lost;
  // misspeltMax -4 and -5.5 alike.
  misspelt: 2,
  misspeltRatio: 2,
  misspeltMax: -5.5,
  domainPhrases: true,
};

/**
 * Coinages (coinage()): each character makes at least this many likely two-character words in its place,
 * and the written one is at least this many decades rarer than the fix. Cross-validated train part: 5 and
 * 0.8 flag 6 clean sentences instead of 10 for strict sentence recall 0.284 → 0.273 (4: same clean flags,
 * recall 0.271; 6 and 8: 7 clean flags; 0.65: recall 0.269; 1.0: 9 clean flags). Letting a coinage with
 * the other neighbour stand for the rarer pick (因城施策, 提质增效: chunks of abbreviations) lost half the
 * slips found: a slip's neighbours are productive characters too.
 */
const COINAGE_WORDS = 5;
const COINAGE_RARER = 0.8;

/** Length of a fix's word from which `longWord` caps its cost. */
const LONG_WORD = 4;

export interface TierOptions {
  /** Personal dictionary: never flagged, and known to the model as words. */
  dictionary?: readonly string[];
  /** Domain phrasings (corpus set phrasings, recurring phrasings, reference documents): same treatment. */
  domainWords?: readonly string[];
  tuning?: Partial<TierTuning>;
}

const NUMERALS = '〇零一二三四五六七八九十百千万亿两';
/** Characters whose slips belong to dedicated rules (的/地/得) or that are numerals (left alone): 1 at their UTF-16 code. */
const LEFT_ALONE = new Uint8Array(0x10000);
for (const c of `的地得${NUMERALS}`) LEFT_ALONE[c.charCodeAt(0)] = 1;
const ONE = '一'.charCodeAt(0);
/** Aspect particles (了, 着, 过): the character before one is used as a verb. */
const ASPECT = new Uint8Array(0x10000);
for (const c of '了着过') ASPECT[c.charCodeAt(0)] = 1;
/** Numerals (LEFT_ALONE but for 的/地/得): 1 at their UTF-16 code. */
const NUMERAL = new Uint8Array(0x10000);
for (const c of NUMERALS) NUMERAL[c.charCodeAt(0)] = 1;
/**
 * Characters before a numeral that make it part of a number (第三, 约千, 逾百, 数十, 每千): with a numeral
 * or a digit beside it, the numeral is taken as written.
 */
const NUMBER_BEFORE = new Uint8Array(0x10000);
for (const c of '第约近逾超达余多几数每上半整成') NUMBER_BEFORE[c.charCodeAt(0)] = 1;
/**
 * Measure words (量词) of official prose, a closed class: after a count (a digit, a numeral, 第, 每, 几) the
 * character written there is the writer's unit (第12期, 每起案件, 3项, 两批), taken as written — a sound-alike
 * there makes a word with what follows by chance (期合 → 集合, 每起 → 每期) and a number says nothing of the
 * unit meant. (lib/lexicon's classes miss most of them: jieba tags 期 a noun, 起 a verb.)
 */
const MEASURE = new Uint8Array(0x10000);
for (const c of '个名位次项条件期起届批份篇场轮类种支家所处座台辆套本册页部封张把块片间层级段点例股户人元亩岁周天年月日时分秒倍成') MEASURE[c.charCodeAt(0)] = 1;
/** Characters before a measure word that make it a count's: 第, 每, 几 (digits and numerals too). */
const COUNT_BEFORE = new Uint8Array(0x10000);
for (const c of '第每几') COUNT_BEFORE[c.charCodeAt(0)] = 1;
function countsBefore(words: WordTable, text: string, i: number): boolean {
  const p = text.charCodeAt(i - 1);
  if (isDigitCode(p) || COUNT_BEFORE[p] === 1) return true;
  if (NUMERAL[p] !== 1) return false;
  // 一 that ends a word with the character before it, or begins one (统一, 进一步: 进一部 is a slip of 进一步),
  // is no count.
  if (p !== ONE || i < 2 || !isHan(text.charCodeAt(i - 2))) return true;
  const h = hashOf(text, i - 2, i);
  return !words.mayExtend(h) && words.find(text, i - 2, i) < 0;
}

/** How far (characters) another numeral makes a parallel of numbers (千村万户, 千名干部进万家). */
const NUMERAL_SPAN = 4;
const isDigitCode = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);

/**
 * Whether the numeral text[i] may be a slip for a character of a like shape (党员千部 for 干部, 讲明百 for
 * 明白): it is not part of a number. A digit or a numeral beside it (三千部, 5千, 千万), a word of number
 * before it (第, 约, 数 …), another numeral but 一 within NUMERAL_SPAN (千家万户, 千名干部进万家: parallels
 * of numbers; 一 is in words of every kind, 进一步) or a verb, preposition, numeral or measure word before
 * it (培训千人, 覆盖千家: a count after an action) leave it as written. A measure word after it does not
 * (党员千部: 部 counts volumes only after a number). Only shape neighbours are tried, never another numeral
 * (十/千, 二/三 change a number, which no reading can tell).
 */
function numeralMaySlip(text: string, i: number): boolean {
  const prev = i > 0 ? text.charCodeAt(i - 1) : -1;
  const next = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
  if (isDigitCode(prev) || isDigitCode(next) || (prev >= 0 && (NUMBER_BEFORE[prev] || NUMERAL[prev])) || (next >= 0 && NUMERAL[next])) return false;
  for (let k = Math.max(0, i - NUMERAL_SPAN); k <= i + NUMERAL_SPAN && k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (k !== i && NUMERAL[c] && c !== ONE) return false;
  }
  const before = longestWordEndingAt(text, i);
  return !(before && wordClasses(before) & (WordClass.Verb | WordClass.Preposition | WordClass.Numeral | WordClass.Measure));
}

/**
 * One-character strings by UTF-16 code, made once: the candidate loops would otherwise make a fresh
 * string (and hash it again in the model's maps) for every character they look at.
 */
const CHAR_STRINGS: Array<string | undefined> = new Array<undefined>(0x10000).fill(undefined);
function charString(code: number): string {
  return (CHAR_STRINGS[code] ??= String.fromCharCode(code));
}

/** Rewritten windows (a swap, a dropped double, a whole-word homophone in place) as UTF-16 codes: ≤ 11 used. */
const scratch = new Uint16Array(16);
/** soundAlikes' answers for windows of three or four characters (≤ 3 numbers per candidate). */
const candScratch: number[] = [];
const NO_CANDIDATES: readonly number[] = [];
const NO_HOMOPHONES: ReadonlyArray<number | string> = [];
/** Length of the domain phrasings tried as fixes (TierTuning.domainPhrases): the genre's set phrasings are four characters. */
const DOMAIN_PHRASE_LENGTH = 4;
/** Kinds of soundAlikes' candidates, by the index it writes. */
const KINDS = ['same', 'near', 'pair'] as const;
/**
 * Slots of the two-character window cache (2^16; 512 KB of keys): the bench document's 100,000
 * characters ask about ≈ 26,000 distinct windows, and at 2^15 a quarter of its misses were collisions.
 */
const WINDOW_CACHE_BITS = 16;
/** homophones()'s word ids before they are kept (reused). */
const homIdScratch: number[] = [];
/** Word starts before a homophone's position and their hashes, in pairs (≤ 5 pairs). */
const headScratch: number[] = new Array<number>(12).fill(0);


/**
 * Titles that a person's name follows in official prose (办公室主任高雨, 副局长张华, 支部书记陈力): a common
 * surname right after one starts a name, which the tier leaves alone (names are not prose: 高雨 is not 高于).
 */
const TITLE_BEFORE_NAME = /(?:书记|主任|局长|部长|处长|科长|股长|县长|市长|省长|区长|乡长|镇长|村长|组长|队长|主席|院长|校长|所长|站长|厅长|社长|会长|经理|董事长|秘书长|理事长|调研员|科员|干事|委员)$/;
/** 1 at the last character of each title of TITLE_BEFORE_NAME (a quick test before the expression). */
const TITLE_END = new Uint8Array(0x10000);
for (const c of '记任长席理员事') TITLE_END[c.charCodeAt(0)] = 1;
/** Common surnames (the hundred or so that most people bear). */
const SURNAMES = new Uint8Array(0x10000);
for (const c of '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'.replace(/\s/g, '')) SURNAMES[c.charCodeAt(0)] = 1;

/**
 * Organ abbreviations: two characters, no word together, before an organ suffix (网信办, 卫健委, 住建局, 人社局,
 * 市监局) where a level of government stands before them or a list mark beside them. Each character stands
 * for a word (网络信息, 卫生健康), and the suffix stands on its own: a fix whose word ties a changed character
 * to the suffix alone (信办 → 申办) is no mend. (The two characters themselves stay open to fixes: a slip in a
 * full organ name reads the same way, 国家铳计局 → 统计局, 省民证厅 → 民政厅.) The protected mask marks such
 * a suffix with ORGAN_END.
 */
const ORGAN_END = 2;
const ORGAN_SUFFIX = new Uint8Array(0x10000);
for (const c of '办委局厅') ORGAN_SUFFIX[c.charCodeAt(0)] = 1;
const GOVERNMENT_LEVEL = /(?:中央|国家|省委|市委|县委|区委|省|市|县|区)$/;

/**
 * A grammar word between two copies of one character is a parallel frame (能推则推, 面对面, 一对一, 有则改之):
 * the frame repeats the character on purpose and the middle ties the halves. Slips in the middle of such a
 * frame land on content characters (规张规定, 多捞多得: 5 of the cross-validated train part's findings there).
 */
const FRAME_MIDDLE = WordClass.Adverb | WordClass.Preposition | WordClass.Conjunction | WordClass.Particle;

/** Kinds of character that protectedMask looks at (MASK_CHAR): a surname, an organ suffix, 称 (of 简称), a place suffix. */
const MASK_SURNAME = 1;
const MASK_ORGAN = 2;
const MASK_CALLED = 4;
const MASK_PLACE = 8;
const MASK_CHAR = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  if (SURNAMES[c]) MASK_CHAR[c]! |= MASK_SURNAME;
  if (ORGAN_SUFFIX[c]) MASK_CHAR[c]! |= MASK_ORGAN;
}
MASK_CHAR[0x79f0 /* 称 */]! |= MASK_CALLED;
/** Administrative units whose names are not prose: a village, a township, a town. */
for (const c of '乡镇村') MASK_CHAR[c.charCodeAt(0)]! |= MASK_PLACE;

/** Last characters of place and organ names (genreMend leaves a window ending in one alone). */
const NAME_SUFFIX = new Uint8Array(0x10000);
for (const c of '省市县区乡镇村街路局厅处科股室所院部委办站队组会社团') NAME_SUFFIX[c.charCodeAt(0)] = 1;

/** Least log10 unigram of a written character for genreMend (a rarer one was picked on purpose). */
const GENRE_RARE_CHAR = -6.5;

/**
 * Runs of Han characters this short are left to the usual costs by genreMend: list items, slogans and
 * quoted coinages (发文、办会; 以学增智; “身入”; 精文减会) are compressed on purpose.
 */
const GENRE_SHORT_RUN = 4;

/** wordClasses of one character by UTF-16 code (-1: not asked yet): the lexicon is fixed, and its trie walk is asked again and again. */
const CHAR_CLASSES = new Int32Array(0x10000).fill(-1);
function charClasses(code: number): number {
  let c = CHAR_CLASSES[code]!;
  if (c < 0) {
    c = wordClasses(charString(code));
    CHAR_CLASSES[code] = c;
  }
  return c;
}

/** Lexicon classes of a character that combines with any other (不, 以, 往 …): no word is broken there. */
const FUNCTION_CLASSES =
  WordClass.Adverb | WordClass.Preposition | WordClass.Conjunction | WordClass.Pronoun | WordClass.Particle | WordClass.Numeral | WordClass.Measure | WordClass.Localizer;

/** Whether costAdjustment weighs how rare the written character is against the fix (one character for one). */
function rarityCounts(t: TierTuning, i: number, j: number, fix: string, kind: SlipKind): boolean {
  return t.charRarity !== 0 && j === i + 1 && fix.length === 1 && kind !== 'double' && kind !== 'word' && kind !== 'nonword' && kind !== 'swap';
}

/** A finding's confidence from its margin: the tuning's logistic calibration (TierTuning.a, .b). */
function confidenceOf(t: TierTuning, margin: number): number {
  return 1 / (1 + Math.exp(-(t.a * margin + t.b)));
}

/** Whole-word homophones tried per written span, the likeliest first. */
const HOMOPHONE_CAP = 12;

/** Slots of the whole-word homophone list cache (2^15: ≈ 7,000 distinct spans per 100,000 characters). */
const HOM_CACHE_BITS = 15;
const HOM_CACHE = 1 << HOM_CACHE_BITS;

/** Least log10 unigram of a word a shape neighbour makes (the masked index's floor for sound-alikes). */
const SHAPE_WORD_MIN = -6.6;

/** Log10 unigram score of a domain word: as likely as a common word. */
const DOMAIN_SCORE = -4.0;

const genreWordsCache = new WeakMap<LanguageModel, string[]>();

/**
 * lib/lexicon's hand-curated words of the genre (提质 …: verbs, nouns and set phrases of official prose) and
 * the tier's own (tier-words.ts: 施策, 纾困 …, coinages the shared lexicon must not classify) that the model
 * lacks. Read as two stray characters, a right one was 'fixed' into a common word (提质增效 → 体质 in the
 * second look at a sentence with another slip); known as words and protected, it is not. Those
 * the model has (联系, 落实) stay open to whole-word fixes like any word (联系会议 → 联席会议).
 */
function genreWords(model: LanguageModel): string[] {
  let out = genreWordsCache.get(model);
  if (!out) {
    out = [...new Set([...CURATED.keys(), ...TIER_WORDS])].filter((w) => w.length >= 2 && model.wordId(w) < 0);
    genreWordsCache.set(model, out);
  }
  return out;
}

export class WrongCharTier {
  private readonly vocab: Vocabulary;
  /** Personal and domain phrasings (never flagged), looked up by range like the vocabulary. */
  private readonly protectedWords: WordTable;
  /** 1 at the UTF-16 code of each protected phrasing's first character (a quick test per character). */
  private readonly protectedFirst = new Uint8Array(0x10000);
  /**
   * Whole-word homophone lists by the written span's 2–3 UTF-16 codes: common words come back again
   * and again. Direct-mapped (a colliding span takes the slot over), no string or number key made.
   */
  private readonly homKey = new Uint16Array(4 * HOM_CACHE);
  private readonly homList: Array<ReadonlyArray<number | string> | undefined> = new Array<undefined>(HOM_CACHE).fill(undefined);
  private readonly pairsInWords: Uint32Array;
  private readonly productive: { first: Uint16Array; second: Uint16Array };
  /** twoCharWindow's lists: direct-mapped by the window's two codes and the changed side (no string key made). */
  private readonly windowKey = new Int32Array(2 << WINDOW_CACHE_BITS);
  private readonly windowList: Array<readonly number[] | undefined> = new Array<undefined>(1 << WINDOW_CACHE_BITS).fill(undefined);
  /** charLogP's answers by UTF-16 code (UNSET until asked). */
  private readonly charLogPs: Float64Array;
  readonly tuning: TierTuning;
  /** Domain phrasings of 3–4 characters the model lacks, by maskedKey: [character code, word id, …]. */
  private readonly domainMasked = new Map<number, number[]>();
  /** Presence bits of domainMasked's keys (their top 16 bits): most windows are answered here. */
  private readonly domainBits = new Uint32Array(1 << 11);
  /** 1 at the UTF-16 code of each character of those phrasings: a window with another is none of them. */
  private readonly domainChars = new Uint8Array(0x10000);

  constructor(
    readonly model: LanguageModel,
    options: TierOptions = {},
  ) {
    this.tuning = { ...DEFAULT_TUNING, ...options.tuning, cost: { ...DEFAULT_TUNING.cost, ...options.tuning?.cost } };
    const words = [...(options.dictionary ?? []), ...(options.domainWords ?? []), ...genreWords(model)].filter((w) => w.length >= 2 && !w.includes('\n'));
    const unknown = [...new Set(words.filter((w) => model.wordId(w) < 0))];
    const domain = unknown.length ? WordTable.build(unknown) : null;
    const maxLen = Math.max(model.maxWordLength, domain?.maxLength ?? 0);
    this.vocab = { model, domain, domainScore: DOMAIN_SCORE, maxWordLength: Math.min(maxLen, 8) };
    for (const w of unknown) {
      if (w.length !== DOMAIN_PHRASE_LENGTH || !/^[\u4e00-\u9fff]+$/.test(w)) continue;
      const id = rangeId(this.vocab, w, 0, w.length, -1);
      if (id < 0) continue;
      for (let k = 0; k < w.length; k++) {
        const key = maskedKey(w, 0, w.length, k);
        this.domainBits[key >>> 21]! |= 1 << ((key >>> 16) & 31);
        this.domainChars[w.charCodeAt(k)] = 1;
        let list = this.domainMasked.get(key);
        if (!list) this.domainMasked.set(key, (list = []));
        list.push(w.charCodeAt(k), id);
      }
    }
    this.pairsInWords = pairsInsideWords(model, words);
    this.productive = productiveChars(model);
    this.charLogPs = charLogPTable(model);
    const unique = [...new Set(words)];
    this.protectedWords = WordTable.build(unique);
    for (const w of unique) this.protectedFirst[w.charCodeAt(0)] = 1;
  }

  /**
   * Findings in one paragraph (offsets relative to it). `relief` is taken off every candidate's cost (whole-word
   * homophones: at most `reliefWord`), `extra` off every one's (the doubt look; the caller takes it back).
   */
  findings(text: string, relief = 0, only?: ReadonlyArray<readonly [number, number]>, extra = 0): Finding[] {
    const guard = this.protectedMask(text);
    const out: Finding[] = [];
    eachHanRun(text, (i, j) => {
      if (!only || only.some(([a, b]) => a <= i && j <= b)) this.run(text, i, j, guard, out, relief, extra);
    });
    return out;
  }

  /**
   * Findings after a second look: neighbouring slips spoil each other's context (数局产业, 二登奖), so the
   * text is read again with the first pass's same-length fixes applied, and new findings are added.
   * Slips come in clusters (a sentence typed in haste has more than one), so within a sentence that
   * already has one the second look asks a smaller margin (`relief`); elsewhere the usual one.
   */
  findingsTwoPass(text: string): Finding[] {
    const t = this.tuning;
    const first = this.findings(text).filter((f) => f.confidence >= t.hintAt);
    // The second look also shows candidates down to `doubt` (margins after relief; `extra` more relief,
    // taken off again): those that come close without being found make their sentence's findings hints.
    const doubt = t.doubt;
    const extra = doubt !== null ? Math.max(0, -doubt) : 0;
    const doubts: Finding[] = [];
    let all = first;
    for (let pass = 1; pass < t.passes; pass++) {
      const sameLength = all.filter((f) => f.fix.length === f.end - f.start);
      if (sameLength.length === 0) break;
      let fixed = text;
      for (const f of sameLength) fixed = fixed.slice(0, f.start) + f.fix + fixed.slice(f.end);
      // Only the sentences that have a slip are read again: a run of Han characters never crosses a
      // sentence end, so elsewhere the text and its findings are those of the first look.
      const sentences = all.map((f) => sentenceAround(text, f.start));
      const seen = this.findings(fixed, t.relief, sentences, extra).filter((g) => !all.some((f) => g.start < f.end && f.start < g.end));
      const more: Finding[] = [];
      for (const g of seen) {
        if (extra > 0) {
          g.margin -= extra;
          g.confidence = confidenceOf(t, g.margin);
        }
        if (g.confidence >= t.hintAt) more.push(g);
        // (Not a written word read as another of the same syllables, 述职 → 数值: the written text is a
        // word, no sign that the sentence is spoiled; cross-validated, the curve without them lies above.)
        else if (doubt !== null && g.margin > doubt && g.kind !== 'word') doubts.push(g);
      }
      for (const g of more) g.text = text.slice(g.start, g.end);
      const added = more.filter((g) => g.text !== g.fix);
      if (added.length === 0) break;
      all = [...all, ...added].sort((x, y) => x.start - y.start);
    }
    if (t.stranded !== null && all.length) this.markStranded(text, all, t.stranded);
    if (doubts.length) {
      for (const d of doubts) {
        if (all.some((f) => d.start < f.end && f.start < d.end)) continue;
        const [a, b] = sentenceAround(text, d.start);
        for (const f of all) if (f.start >= a && f.start < b) f.doubted = true;
      }
    }
    return all;
  }

  /**
   * TierTuning.stranded: each sentence with a finding is read again with the findings applied; a rare
   * content character standing alone in it (outside the findings and protected spans) marks the sentence's
   * findings doubted.
   */
  private markStranded(text: string, all: Finding[], floor: number): void {
    const sentences = new Map<number, number>();
    for (const f of all) {
      const [a, b] = sentenceAround(text, f.start);
      sentences.set(a, b);
    }
    for (const [a, b] of sentences) {
      const mine = all.filter((f) => f.start >= a && f.start < b);
      if (mine.every((f) => f.doubted)) continue;
      if (mine.some((f) => f.fix.length !== f.end - f.start)) continue;
      let s = text.slice(a, b);
      for (const f of [...mine].sort((x, y) => y.start - x.start)) s = s.slice(0, f.start - a) + f.fix + s.slice(f.end - a);
      const guard = this.protectedMask(s);
      let spoiled = false;
      eachHanRun(s, (i, j) => {
        const lattice = new RunLattice(this.vocab, s, i, j);
        for (let k = i; k < j; k++) {
          if (guard[k] || !lattice.boundary(k) || !lattice.boundary(k + 1)) continue;
          if (mine.some((f) => f.start - a <= k && k < f.end - a)) continue;
          const c = s.charCodeAt(k);
          if (LEFT_ALONE[c] || charClasses(c) & FUNCTION_CLASSES) continue;
          if (this.charScore(c) < floor) return (spoiled = true);
        }
        return false;
      });
      if (spoiled) for (const f of mine) f.doubted = true;
    }
  }

  /**
   * soundAlikes of the two-character window at a with the character at i changed, kept by the window's
   * codes: a two-character window depends on nothing else, and official prose repeats its character
   * pairs (about half the look-ups of a long document are answered here).
   */
  private twoCharWindow(text: string, a: number, i: number): readonly number[] {
    const c0 = text.charCodeAt(a);
    const c1 = text.charCodeAt(a + 1);
    const side = i === a ? 1 : 2;
    const slot = (Math.imul(c0, 0x9e3779b1) ^ Math.imul(c1 + 0x10000 * side, 0x85ebca6b)) >>> (32 - WINDOW_CACHE_BITS);
    // Key and side (with a bit for a list that is not empty) side by side: most windows have no
    // candidates, and their answer takes no look at the lists.
    const key = (c0 << 16) | c1;
    const wk = this.windowKey;
    if (wk[2 * slot] === key && (wk[2 * slot + 1]! & 3) === side) return wk[2 * slot + 1]! & 4 ? this.windowList[slot]! : NO_CANDIDATES;
    const n = this.soundAlikes(text, a, 2, i, candScratch);
    const list = n === 0 ? NO_CANDIDATES : candScratch.slice(0, n);
    wk[2 * slot] = key;
    wk[2 * slot + 1] = n === 0 ? side : side | 4;
    this.windowList[slot] = n === 0 ? undefined : list;
    return list;
  }

  /**
   * Sound-alike characters (same or near reading) and mined confusions that make a word of the window
   * text[a, a + len) in place of the character at i, into `out` as triples (character code, word id,
   * index in KINDS), in the order the masked index gives them; returns the count of numbers written.
   */
  private soundAlikes(text: string, a: number, len: number, i: number, out: number[]): number {
    const model = this.vocab.model;
    const words = model.words;
    const code = text.charCodeAt(i);
    const hits = model.maskedChars(text, a, a + len, i);
    const paired = model.hasPairs(code);
    const pairs = paired ? model.pairChars(text, a, a + len, i) : hits;
    const count = paired ? hits.length + pairs.length : hits.length;
    let n = 0;
    for (let h = 0; h < count; h++) {
      const fixCode = h < hits.length ? hits[h]! : pairs[h - hits.length]!;
      if (fixCode === code) continue;
      const id = words.findWithSub(text, a, a + len, i, fixCode);
      if (id < 0) continue;
      const kind = model.similarityOf(code, fixCode);
      if (kind === 0) continue;
      out[n++] = fixCode;
      out[n++] = id;
      out[n++] = kind - 1;
    }
    return n;
  }

  /** Engine issues for one paragraph, offset by `base`. */
  issues(text: string, base = 0): Issue[] {
    // The model knows simplified Chinese: a line with traditional characters (a document in the
    // traditional script, or a few 發 in a simplified one — the traditional-char rule's) is read in
    // simplified characters, and what is found is mapped back, its fix written in the line's script.
    const view = simplifiedView(text);
    const out: Issue[] = [];
    for (const f of this.findingsTwoPass(view ? view.text : text)) {
      const error = f.confidence >= this.tuning.errorAt && !f.doubted;
      const message = messageFor(f, error);
      const start = view ? view.start(f.start) : f.start;
      const end = view ? view.end(f.end) : f.end;
      const fix = view ? view.restore(f.start, f.end, f.fix) : f.fix;
      if (start >= end || text.slice(start, end) === fix) continue;
      out.push({
        rule: TIER_RULE_ID,
        category: 'typo',
        severity: error ? 'error' : 'info',
        start: base + start,
        end: base + end,
        text: text.slice(start, end),
        replacements: [fix],
        message: view ? view.restoreMessage(message, f.start, f.end, f.fix) : message,
      });
    }
    return out;
  }

  /**
   * Whole-word homophones of `span` worth trying, as [id, word, id, word …]: two or more characters
   * differ (one is the sound-alike search's), and not a rare word (never what the writer meant to
   * pick). Common words come back again and again, so the lists are kept (bounded).
   */
  private homophones(text: string, i: number, len: number): ReadonlyArray<number | string> {
    const c0 = text.charCodeAt(i);
    const c1 = text.charCodeAt(i + 1);
    const c2 = len === 3 ? text.charCodeAt(i + 2) : 0;
    const slot = (Math.imul(c0, 0x9e3779b1) ^ Math.imul(c1, 0x85ebca6b) ^ Math.imul(c2, 0xc2b2ae35)) >>> (32 - HOM_CACHE_BITS);
    // The span's codes and a mark (1: kept, empty; 2: kept, a list) side by side: most spans have no
    // homophones, and their answer takes no look at the lists.
    const hk = this.homKey;
    const q = 4 * slot;
    if (hk[q] === c0 && hk[q + 1] === c1 && hk[q + 2] === c2 && hk[q + 3] !== 0) return hk[q + 3] === 2 ? this.homList[slot]! : NO_HOMOPHONES;
    const model = this.vocab.model;
    const words = model.words;
    // (Indexed loops over arrays reused from call to call: this runs for every new span of a document.)
    let ids = homIdScratch;
    if (ids.length) ids.length = 0;
    const found = model.homophones(text, i, i + len);
    for (let f = 0; f < found.length; f++) {
      const id = found[f]!;
      if (model.unigram(id) < HOMOPHONE_MIN_LOGP) continue;
      let diff = 0;
      for (let k = 0; k < len; k++) if (words.codeAt(id, k) !== text.charCodeAt(i + k)) diff++;
      if (diff >= 2) ids.push(id);
    }
    // The likeliest few only: an input method lists words by frequency, and a writer picks from its
    // first pages (cross-validated train part: 12 finds exactly what all do; 8 lost one slip).
    if (ids.length > HOMOPHONE_CAP) ids = ids.sort((x, y) => model.unigram(y) - model.unigram(x)).slice(0, HOMOPHONE_CAP);
    const list: Array<number | string> = [];
    for (let k = 0; k < ids.length; k++) list.push(ids[k]!, words.word(ids[k]!));
    hk[q] = c0;
    hk[q + 1] = c1;
    hk[q + 2] = c2;
    hk[q + 3] = list.length ? 2 : 1;
    this.homList[slot] = list.length ? list : undefined;
    return list.length ? list : NO_HOMOPHONES;
  }

  /**
   * Whether the character written at i and its neighbour inside the fix's word read as a coinage newer
   * than the vocabulary (抗疫, 双减): the pair is no word, but each character makes many words in its
   * place (抗洪 抗旱 抗灾 …; 防疫 免疫 检疫 …), and the written character is clearly rarer than the fix — an
   * input method offers the commoner character first, so the rarer one was picked on purpose.
   */
  private coinage(s: string, i: number, fix: string, a: number, b: number): boolean {
    const words = this.vocab.model.words;
    const c = s.charCodeAt(i);
    const written = this.charLogP(c);
    const fixed = this.charLogP(fix.charCodeAt(0));
    if (Number.isNaN(written) || Number.isNaN(fixed) || written > fixed - COINAGE_RARER) return false;
    const { first, second } = this.productive;
    if (a < i) return words.find(s, i - 1, i + 1) < 0 && first[s.charCodeAt(i - 1)]! >= COINAGE_WORDS && second[c]! >= COINAGE_WORDS;
    if (b > i + 1) return words.find(s, i, i + 2) < 0 && first[c]! >= COINAGE_WORDS && second[s.charCodeAt(i + 1)]! >= COINAGE_WORDS;
    return false;
  }

  /**
   * Whether the fix mends a non-word into a word of the genre's vocabulary (渠到 → 渠道, 覆行 → 履行, 改整 →
   * 整改): one character or a swap; the written window [a, b) that the fix's word covers is no word (nor a
   * domain phrasing); each changed character stands alone as the text reads best (it makes no word with
   * the characters around it: the segment falls into single characters); and the fix's word is a common
   * word of lib/lexicon (jieba's frequent words) or a domain phrasing. Then the slip is likelier than the
   * general model's gain says: official prose is written in these words.
   */
  private genreMend(lattice: RunLattice, text: string, i: number, j: number, kind: SlipKind, a: number, b: number, id: number): boolean {
    if (kind === 'double' || kind === 'word' || kind === 'nonword' || b - a < 2) return false;
    // A two-character word: both written characters stand alone (the pair falls apart); a longer one:
    // the changed characters do (责任仁: 责任 is a word, 仁 is stranded).
    const lo = b - a === 2 ? a : i;
    const hi = b - a === 2 ? b : j;
    for (let k = lo; k <= hi; k++) if (!lattice.boundary(k)) return false;
    for (let k = a; k < b; k++) {
      // Rare characters were picked on purpose (勠力 is not 努力); a name or an organ ends in 区, 局, 室 …
      // (鸿泽区, 国防科工局, 股室, 晋中市人: what a likelier word would be is beside the point), whether the
      // suffix ends the window or is the character changed.
      const c = text.charCodeAt(k);
      if (this.charScore(c) < GENRE_RARE_CHAR || ((k === b - 1 || (k >= i && k < j)) && NAME_SUFFIX[c])) return false;
      // A character of the window standing again two places away is a parallel frame (自宰自食).
      if (k - 2 >= 0 && text.charCodeAt(k - 2) === c) return false;
      if (k + 2 < text.length && text.charCodeAt(k + 2) === c) return false;
      // A function word beside the changed character makes grammar, not a word (结合不紧, 难以): it
      // combines with any character freely.
      if ((k < i || k >= j) && charClasses(c) & FUNCTION_CLASSES) return false;
    }
    const v = this.vocab;
    // A verb with an adjective after it is a result compound the vocabulary lacks (建强, 织密, 压实).
    if (b - a === 2) {
      const first = charClasses(text.charCodeAt(a));
      const second = charClasses(text.charCodeAt(a + 1));
      if (first & WordClass.Verb && second & (WordClass.Adjective | WordClass.Complement)) return false;
      // Two one-character verbs are a coined action pair (带学, 促学, 联建): mending one of them into a
      // word that is no verb (带学 → 大学) reads a thing where the sentence does something.
      if (first & WordClass.Verb && second & WordClass.Verb && id < v.model.size && !(wordClasses(v.model.words.word(id)) & WordClass.Verb)) return false;
    }
    if (rangeId(v, text, a, b, hashOf(text, a, b)) >= 0) return false;
    if (id >= v.model.size) return true;
    return isLexiconWord(v.model.words.word(id));
  }

  /**
   * Whether a genre mend (one character, a two-character word, the written window [a, a + 2) a non-word whose
   * characters stand alone) is of the first-candidate kind (TierTuning.firstCandidate): the written
   * character is the window's second, has the fix's very reading and is at least as common as the fix
   * (within `firstCandidateRarer`). An input method lists the characters of a syllable by frequency; a
   * writer whose word was not offered whole takes the first character of the next syllable, and the word's
   * first character, typed first, is the one that stands right (考核 typed 考和, 薄弱 薄若, 事项 事向, 诉求 诉球).
   * Such a non-word of common characters is far likelier a slip than the general model's gain says. Not:
   * - a rarer written character: picked on purpose (廉情, 数智, 众创: new terms and abbreviations whose
   *   same-reading word, 恋情, 数值, 重创, is common);
   * - a window whose first character is the one changed: a common character there heads a phrase of its own
   *   (知行合一 is not 执行, 干到天亮 not 赶到, 以案为鉴 not 议案, 攻坚之责 not 指责);
   * - a window holding a place or organ suffix (经开区与 is a name and a conjunction, not 区域);
   * - a first character that ends a word with the one before it (干成事是深学笃行: 成事 + 是, not 事实).
   */
  private firstCandidateMend(text: string, i: number, fix: string, a: number): boolean {
    if (i !== a + 1 || NAME_SUFFIX[text.charCodeAt(a)] || NAME_SUFFIX[text.charCodeAt(i)]) return false;
    // The unchanged first character ends a word with the one before it (干成事是: 成事): the window is the
    // edge of two phrases, not a word broken.
    if (a > 0 && isHan(text.charCodeAt(a - 1)) && this.vocab.model.words.find(text, a - 1, a + 1) >= 0) return false;
    return this.charScore(text.charCodeAt(i)) - this.charScore(fix.charCodeAt(0)) >= -this.tuning.firstCandidateRarer;
  }

  /**
   * Whether the partner p of the character i in a two-character fix word stands again two places away
   * in a frame whose other half is no word either (自宰自食: the fix 食 → 私 makes 自私 of the second 自,
   * but 自宰 beside it is no word: a parallel coinage). A frame of two words (农业农村, 规章规定, 行业企业)
   * does not count: a slip inside it breaks the parallel, and the fix restores it.
   */
  private frameOfNonWords(text: string, i: number, p: number, start: number, end: number): boolean {
    const c = text.charCodeAt(p);
    for (const q of [p - 2, p + 2]) {
      if (q < start || q >= end || text.charCodeAt(q) !== c) continue;
      const other = q + (i - p);
      if (other < start || other >= end || other === p || other === i) continue;
      const lo = Math.min(q, other);
      if (rangeId(this.vocab, text, lo, lo + 2, hashOf(text, lo, lo + 2)) < 0) return true;
    }
    return false;
  }

  /** The fix's cost beyond its kind's: the vocabulary part of its word, the word's length, how rare the written character is. */
  private costAdjustment(text: string, i: number, j: number, fix: string, kind: SlipKind, id: number, wordLen: number): number {
    const t = this.tuning;
    const model = this.vocab.model;
    let c = 0;
    if (id >= model.header.lmWords && id < model.size) c += t.plainWord;
    if (wordLen === 3) c -= t.word3;
    else if (wordLen >= 4) c -= t.word4;
    if (rarityCounts(t, i, j, fix, kind)) {
      const diff = this.charScore(fix.charCodeAt(0)) - this.charScore(text.charCodeAt(i));
      c += t.charRarity * Math.max(-t.charCommonCap, Math.min(t.charRarityCap, diff));
    }
    return c;
  }

  /**
   * Whether the written two characters s[a, b) are a vocabulary word that is likely a misspelling of the
   * fix's word `id` over the same span (TierTuning.misspelt): the written word is rare (≤ misspeltMax), no
   * common word of lib/lexicon (网格, 整治, 自已 are there: official prose uses the first two), and the fix's
   * word is an open-gram word (not one of jieba's alone: a crude, noisy count) misspeltRatio decades
   * commoner. Frequency alone cannot tell a slip-typed entry from a real rare word (核子/孩子, 失实/事实,
   * 收悉/熟悉 are as far apart as 己经/已经): the discount only lets the context decide where it would
   * otherwise be drowned by the entry's own score.
   */
  private misspeltWord(s: string, a: number, b: number, id: number): boolean {
    const t = this.tuning;
    if (t.misspeltRatio === null || id >= this.vocab.model.size) return false;
    const model = this.vocab.model;
    const wid = model.words.find(s, a, b);
    if (wid < 0) return false;
    const u = model.unigram(wid);
    if (id >= model.header.lmWords || u > t.misspeltMax) return false;
    return model.unigram(id) >= u + t.misspeltRatio && !isLexiconWord(model.words.word(wid));
  }

  /**
   * Whether the fix character's first reading (pinyin-pro's order: the common one, 熟 shu before shou) is
   * one of the written character's: 转递 is no slip of 传递 (传 reads zhuan only in 传记).
   */
  private primaryReadingShared(written: number, fix: string): boolean {
    const model = this.vocab.model;
    const first = model.readings(fix)[0];
    return first !== undefined && model.readings(charString(written)).includes(first);
  }

  /** Whether s[k] s[k+1] stand together inside a vocabulary or domain word of four or more characters. */
  private attestedPair(s: string, k: number): boolean {
    const bit = pairBit(s.charCodeAt(k), s.charCodeAt(k + 1));
    return (this.pairsInWords[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  /** Every character of s[a, b) is a common one on its own (log10 unigram ≥ tuning.commonChar). */
  private commonChars(s: string, a: number, b: number): boolean {
    for (let k = a; k < b; k++) {
      const p = this.charLogP(s.charCodeAt(k));
      if (Number.isNaN(p) || p < this.tuning.commonChar) return false;
    }
    return true;
  }

  /** log10 unigram of the one-character word of this UTF-16 code; NaN when the vocabulary lacks it (cached per model). */
  private charLogP(code: number): number {
    let p = this.charLogPs[code]!;
    if (p === UNSET) {
      const id = this.vocab.model.words.find(charString(code), 0, 1);
      p = id < 0 ? NaN : this.vocab.model.unigram(id);
      this.charLogPs[code] = p;
    }
    return p;
  }

  /** The model's unigram of the character as a word (its unknown-character score when it is none). */
  private charScore(code: number): number {
    const p = this.charLogP(code);
    return Number.isNaN(p) ? this.vocab.model.unigram(-1) : p;
  }

  private protectedMask(text: string): Uint8Array {
    const mask = new Uint8Array(text.length);
    // Quoted titles: 《…》 (and 〈…〉) are names of documents, not prose.
    if (text.includes('《') || text.includes('〈')) {
      for (const m of text.matchAll(/《[^《》\n]*》|〈[^〈〉\n]*〉/g)) mask.fill(1, m.index, m.index + m[0].length);
    }
    for (let k = 0; k < text.length; k++) {
      if (!this.protectedFirst[text.charCodeAt(k)]) continue;
      // The longest phrasing that starts here (prefix bits stop the walk where none goes on).
      const table = this.protectedWords;
      let longest = 0;
      let h = fnvStep(FNV_OFFSET, text.charCodeAt(k));
      for (let len = 2; len <= table.maxLength && k + len <= text.length; len++) {
        h = fnvStep(h, text.charCodeAt(k + len - 1));
        if (table.findString(text, k, k + len, h >>> 0) >= 0) longest = len;
        if (!table.mayExtend(h >>> 0)) break;
      }
      if (longest) mask.fill(1, k, k + longest);
    }
    // One pass over the characters that may end or start a protected span (MASK_CHAR), in text order:
    // - names after a title (办公室主任高雨主持): the surname and the character after it, and a third one
    //   unless the two after the surname's next character make a word (高雨担任: 担任);
    // - abbreviations the text defines (以下简称特医): what stands after 简称 up to a closing mark;
    // - organ abbreviations (中央网信办, 、人社局): see ORGAN_SUFFIX;
    // - place names: two characters before 乡, 镇 or 村 that are no word, and make none with it (阔洪奇乡,
    //   湾沚镇), are a name, whatever a likelier word would be (美丽乡村, 城镇 and 农村 are words).
    const words = this.vocab.model.words;
    for (let k = 2; k < text.length; k++) {
      const c = text.charCodeAt(k);
      const kind = MASK_CHAR[c]!;
      if (kind === 0) continue;
      if (kind & MASK_SURNAME && TITLE_END[text.charCodeAt(k - 1)] && TITLE_BEFORE_NAME.test(text.slice(Math.max(0, k - 3), k))) {
        if (k + 1 < text.length && isHan(text.charCodeAt(k + 1))) {
          const third = k + 2 < text.length && isHan(text.charCodeAt(k + 2)) && words.find(text, k + 2, Math.min(text.length, k + 4)) < 0 && words.find(text, k + 1, k + 3) < 0;
          mask.fill(1, k, k + (third ? 3 : 2));
        }
      }
      if (kind & MASK_CALLED && text.charCodeAt(k - 1) === 0x7b80 /* 简 */) {
        let e = k + 1;
        if (text[e] === '“' || text[e] === '"') e++;
        while (e < text.length && e - k <= 12 && !'）)”"，。；、'.includes(text[e]!)) e++;
        mask.fill(1, k + 1, e);
      }
      if (!isHan(text.charCodeAt(k - 2)) || !isHan(text.charCodeAt(k - 1))) continue;
      if (kind & MASK_ORGAN && words.find(text, k - 2, k) < 0 && words.find(text, k - 2, k + 1) < 0) {
        const before = text.charCodeAt(k - 3);
        const listed = before === 0x3001 /* 、 */ || text.charCodeAt(k + 1) === 0x3001 || text.charCodeAt(k + 1) === 0x7b49 /* 等 */;
        if (listed || GOVERNMENT_LEVEL.test(text.slice(Math.max(0, k - 4), k - 2))) mask[k] = ORGAN_END;
      }
      if (kind & MASK_PLACE) {
        if (words.find(text, k - 2, k) >= 0 || words.find(text, k - 1, k + 1) >= 0 || words.find(text, k - 2, k + 1) >= 0) continue;
        // 乡/镇/村 that starts a word with what follows (乡村振兴, 乡镇企业) is that word's, no place suffix:
        // 服物乡村振兴 is a slip before 乡村, not a place called 服物. Unless the next character starts a word
        // too (阔洪奇乡村民: 乡 + 村民 reads as well as 乡村 + 民).
        if (k + 2 <= text.length && words.find(text, k, k + 2) >= 0 && !(k + 3 <= text.length && words.find(text, k + 1, k + 3) >= 0)) continue;
        mask.fill(1, k - 2, k);
      }
    }
    return mask;
  }

  /**
   * The run being scored and its best candidate at the current position (fields, not closure variables:
   * `consider` is a method, so no function objects are made per run).
   */
  private rText = '';
  private rStart = 0;
  private rEnd = 0;
  private rRelief = 0;
  private rExtra = 0;
  private rLattice: RunLattice | null = null;
  private rBest: Finding | null = null;
  private rGuard: Uint8Array | null = null;

  /** The fix [i, j) → fix makes word `id` over [a, b) of the original text (the run in the r* fields). */
  private consider(i: number, j: number, fix: string, kind: SlipKind, a: number, b: number, id: number): void {
    const t = this.tuning;
    const v = this.vocab;
    const text = this.rText;
    const start = this.rStart;
    const end = this.rEnd;
    const lattice = this.rLattice!;
    const best = this.rBest;
    // One changed character that makes a word of four or more characters (an idiom, a set phrasing,
    // a long term) is strong evidence: it rarely does so by chance. (Not so for a whole-word
    // homophone: two changed characters make compounds with their neighbours easily, 创新议事 →
    // 创新意识.)
    // A fix whose word is the changed character and an organ abbreviation's suffix (信办 → 申办); a word
    // of the whole name (国家林烨局 → 林业局) is a mend of it.
    if (b - a === 2 && this.rGuard![b - 1] === ORGAN_END && i === a) return;
    const wordLen = kind === 'double' ? b - a - 1 : b - a;
    let cost = kind !== 'word' && kind !== 'nonword' && wordLen >= LONG_WORD ? Math.min(t.cost[kind], t.longWord) : t.cost[kind];
    const relief = (kind === 'word' || kind === 'nonword' ? Math.min(this.rRelief, t.reliefWord) : this.rRelief) + this.rExtra;
    // What the fix's path must beat (with a little room for rounding: the exact test follows), first
    // with the least cost the fix can come to (every deduction that may apply taken, no surcharge): most
    // candidates are sunk by that alone, before the look-ups that settle their cost. A candidate that
    // stays afloat has its exact score (withWordAbove returns it whenever it does not sink it).
    const oneChar = j === i + 1;
    let least = cost + (id >= v.model.header.lmWords && id < v.model.size ? t.plainWord : 0) - (wordLen === 3 ? t.word3 : wordLen >= 4 ? t.word4 : 0);
    if (rarityCounts(t, i, j, fix, kind)) least += Math.min(0, -t.charRarity * t.charCommonCap, t.charRarity * t.charRarityCap);
    if (oneChar) least += Math.min(0, t.attested) + (kind !== 'double' ? Math.min(0, t.parallel) : 0);
    if (t.genre > 0 && end - start > GENRE_SHORT_RUN) least += Math.min(0, -(t.genre + (b === end ? t.genreEnd : 0) + (kind === 'same' ? t.firstCandidate : 0)));
    // A written word that is likely a misspelling of the fix's (己经 → 已经): not where a character is one of
    // 的/地/得 or a numeral (学得来, 三是: grammar and enumerations, their own rules), nor where the changed
    // one is a place or organ suffix (市情, 县情: the unit's situation, not 事情); a sound-alike only by
    // the fix character's first reading (收悉 is no slip of 熟悉, nor 转递 of 传递).
    const misspelt =
      oneChar &&
      b - a === 2 &&
      (kind === 'shape' || kind === 'same') &&
      !LEFT_ALONE[text.charCodeAt(i)] &&
      !NAME_SUFFIX[text.charCodeAt(i)] &&
      !LEFT_ALONE[text.charCodeAt(a === i ? b - 1 : a)] &&
      this.misspeltWord(text, a, b, id) &&
      (kind === 'shape' || this.primaryReadingShared(text.charCodeAt(i), fix));
    if (misspelt) least -= t.misspelt;
    const ahead = best && best.margin > 0 ? best.margin : 0;
    const score = lattice.withWordAbove(a, b, id, lattice.best + least - relief + ahead - 1e-9);
    if (score === -Infinity) return;
    cost += this.costAdjustment(text, i, j, fix, kind, id, wordLen);
    // A mined confusion that turns a written word into another word (事业成败 → 成功) pays `pairOnWord`; so
    // does one that changes a character of a word as the text reads best (11月下旬 → 月上旬: 下旬 is a word
    // the vocabulary happens not to hold with 月, where it holds 月上旬).
    if (t.pairOnWord > 0 && kind === 'pair' && (rangeId(v, text, a, b, hashOf(text, a, b)) >= 0 || !(lattice.boundary(i) && lattice.boundary(j)))) cost += t.pairOnWord;
    // The written character with its neighbour outside the fix's word, attested inside a longer word;
    // or the second of a parallel frame (述责述廉, 边学边干) that the fix's word would tie to the frame's
    // second half (表述).
    const attested =
      oneChar &&
      ((a === i && i > start && (this.attestedPair(text, i - 1) || (b >= i + 2 && text.charCodeAt(i - 1) === text.charCodeAt(i + 1)))) ||
        (b === j && j < end && this.attestedPair(text, i)));
    // A character that stands again two places away: a parallel phrasing (真减实减, 边学边改).
    // (Not for a fix that makes a word of LONG_WORD characters or more: completing an idiom, 实事求事 →
    // 实事求是, is the strong evidence `longWord` speaks of, whatever repeats in it. Blind-written dev
    // drafts, dev drafts, cross-validated train part, odw targets and seeds unchanged; clean frames written
    // for it — 边学边干, 真管真严, 边查边改, 应收尽收, 能改则改, 有权有责, 以学促干 — stay clean.)
    const parallel =
      oneChar &&
      wordLen < LONG_WORD &&
      kind !== 'double' &&
      (parallelSlot(text, i, start, end) ||
        (i > start && i + 1 < end && text.charCodeAt(i - 1) === text.charCodeAt(i + 1) && (charClasses(text.charCodeAt(i)) & FRAME_MIDDLE) !== 0) ||
        (t.partnerParallel && b - a === 2 && this.frameOfNonWords(text, i, a === i ? i + 1 : a, start, end)));
    // A non-word mended into a word of the genre (genreMend) costs less; not where the written text is
    // attested or parallel (以案为鉴守底线), nor in a short run (a list item, a slogan).
    if (t.genre > 0 && !attested && !parallel && end - start > GENRE_SHORT_RUN && this.genreMend(lattice, text, i, j, kind, a, b, id)) {
      cost -= t.genre + (b === end ? t.genreEnd : 0);
      if (kind === 'same' && oneChar && b - a === 2 && this.firstCandidateMend(text, i, fix, a)) cost -= t.firstCandidate;
    }
    // (The exact floor, lattice.best + cost - relief + ahead + the surcharges, is at least the one above:
    // a score below it leaves a margin of at most `ahead`, which the tests below turn down.)
    const gain = score - lattice.best;
    let margin = gain - cost + relief;
    if (misspelt) margin += t.misspelt;
    if (attested) margin -= t.attested;
    if (parallel) margin -= t.parallel;
    // The written characters that the fix's word would change stand together elsewhere in the
    // paragraph: a term the writer uses (网格长 … 网格员, 检察院第四检察部), not a one-off slip.
    if (t.repeated > 0 && margin > 0 && j === i + 1 && b - a >= 2 && writtenElsewhere(text, i, a, b)) margin -= t.repeated;
    if (margin <= 0 || (best && margin <= best.margin)) return;
    // (Only where the fix makes a two-character word: a fix that makes an idiom or a longer term, 以身作责 →
    // 以身作则, reads the written pair, 作责, as part of that word, not as a coinage of its own.
    // Blind-written dev drafts: 3 more slips found, no flag added; cross-validated train part: strict
    // detection P 0.841 → 0.846, R 0.375 → 0.383, correction F1 0.512 → 0.520, clean sentences flagged 1 → 1.)
    if (t.coinages && j === i + 1 && kind !== 'double' && b - a === 2 && margin < t.coinageMargin && this.coinage(text, i, fix, a, b)) return;
    const words = v.model.words;
    this.rBest = {
      start: i,
      end: j,
      text: text.slice(i, j),
      fix,
      word: id < v.model.size ? words.word(id) : (v.domain?.word(id - v.model.size) ?? fix),
      kind,
      margin,
      confidence: confidenceOf(t, margin),
      wordStart: a,
      wordEnd: b,
    };
  }

  private run(text: string, start: number, end: number, guard: Uint8Array, out: Finding[], relief: number, extra: number): void {
    const v = this.vocab;
    const t = this.tuning;
    const words = v.model.words;
    const lattice = new RunLattice(v, text, start, end);
    const found: Finding[] = [];
    this.rText = text;
    this.rStart = start;
    this.rEnd = end;
    this.rRelief = relief;
    this.rExtra = extra;
    this.rLattice = lattice;
    this.rBest = null;
    this.rGuard = guard;
    const buf = scratch;
    const heads = headScratch;

    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      // A numeral outside a number may be a slip of shape (党员千部): only shape neighbours are tried.
      const numeral = NUMERAL[code] === 1;
      if (guard[i] || (LEFT_ALONE[code] && !(numeral && numeralMaySlip(text, i)))) continue;
      if (t.countedMeasure && MEASURE[code] && i > 0 && countsBefore(words, text, i)) continue;
      if (this.rBest) found.push(this.rBest);
      this.rBest = null;
      const next = i + 1 < end && !guard[i + 1] ? text.charCodeAt(i + 1) : -1;

      // Doubles: drop one copy (党员员干部, 认识识到) — unless the second copy starts a word (工作队队长,
      // 学习习近平: the first copy ends the word before) or the pair is a reduplicated measure (一次次).
      if (next === code && !numeral) {
        // (Nor before an aspect particle: the second copy is then a verb of its own, 笔记记了, 日记记着.)
        let startsWord = text.charCodeAt(i - 1) === ONE || (i + 2 < end && ASPECT[text.charCodeAt(i + 2)] === 1);
        for (let len = 2; len <= 4 && !startsWord && i + 1 + len <= end; len++) startsWord = words.find(text, i + 1, i + 1 + len) >= 0;
        if (!startsWord) {
          // Local copy without the second character: index o in it is text index o + base (+1 after i).
          const base = Math.max(start, i - 3);
          let n = 0;
          for (let k = base; k <= i; k++) buf[n++] = text.charCodeAt(k);
          for (let k = i + 2, e = Math.min(end, i + 5); k < e; k++) buf[n++] = text.charCodeAt(k);
          const ch = charString(code);
          for (let len = 2; len <= 4; len++) {
            for (let a = Math.max(start, i - len + 1); a <= i && a + len <= end - 1; a++) {
              const id = rangeIdCodes(v, buf, a - base, a - base + len, hashCodes(buf, a - base, a - base + len));
              if (id >= 0) this.consider(i, i + 2, ch, 'double', a, a + len + 1, id);
            }
          }
        }
      }
      // Swapped neighbours (问题改整).
      // (Only where the swapped pair starts a word or is one: 整改 in 问题改整.)
      if (!numeral && next >= 0 && next !== code && !LEFT_ALONE[next] && swapMayHelp(words, next, code)) {
        const base = Math.max(start, i - 2);
        let n = 0;
        for (let k = base; k < i; k++) buf[n++] = text.charCodeAt(k);
        buf[n++] = next;
        buf[n++] = code;
        for (let k = i + 2, e = Math.min(end, i + 4); k < e; k++) buf[n++] = text.charCodeAt(k);
        let fix = '';
        for (let len = 2; len <= 4; len++) {
          for (let a = Math.max(start, i + 2 - len); a <= i && a + len <= end; a++) {
            const id = words.findCodes(buf, a - base, a - base + len, hashCodes(buf, a - base, a - base + len));
            if (id < 0) continue;
            if (!fix) fix = charString(next) + charString(code);
            this.consider(i, i + 2, fix, 'swap', a, a + len, id);
          }
        }
      }
      // Whole-word homophones (联系 written 练习): the input method offered another word for the same
      // syllables. Two or more characters differ (one is the sound-alike search below). The fix counts
      // as the word itself or as part of a longer word it completes (a domain phrasing: 密切联系群众).
      if (!numeral && lattice.boundary(i)) {
        // Starts of longer words through the fix: the text before it must be a word's beginning, which
        // does not depend on the candidate (hashes of text[a, i), made for the first span that has
        // candidates and kept for the loop below).
        const a0 = Math.max(start, i - 4);
        let nh = -1;
        for (let len = 2; len <= 3 && i + len <= end; len++) {
          if (guard[i + len - 1] || LEFT_ALONE[text.charCodeAt(i + len - 1)]) break;
          // The picked word (or the characters picked) is whole segments of the text as read best.
          if (!lattice.boundary(i + len)) continue;
          // A word the writer could have picked from the input method's list; or common characters
          // that make no word (a phrase-level pick gone wrong: 人才堆物 for 人才队伍), at a higher cost.
          // Names and rare characters are left alone: what they should be is anyone's guess.
          // (The homophone list first: most spans have none, and it is kept by the span's codes.)
          const cands = this.homophones(text, i, len);
          if (cands.length === 0) continue;
          const kind: SlipKind = words.find(text, i, i + len) >= 0 ? 'word' : 'nonword';
          if (kind === 'nonword' && !this.commonChars(text, i, i + len)) continue;
          if (nh < 0) {
            nh = 0;
            for (let a = i - 1; a >= a0; a--) {
              let h = FNV_OFFSET;
              for (let k = a; k < i; k++) h = fnvStep(h, text.charCodeAt(k));
              if (i - a >= 2 && !words.mayExtend(h >>> 0) && !(v.domain && v.domain.mayExtend(h >>> 0))) continue;
              heads[nh++] = a;
              heads[nh++] = h;
            }
            heads[nh++] = i;
            heads[nh++] = FNV_OFFSET;
          }
          // The text around the fix, in codes (index o is text index o + a0); the fix's codes go at i.
          const b0 = Math.min(end, i + len + 4);
          for (let k = a0; k < b0; k++) buf[k - a0] = text.charCodeAt(k);
          for (let c = 0; c < cands.length; c += 2) {
            const id = cands[c] as number;
            const w = cands[c + 1] as string;
            this.consider(i, i + len, w, kind, i, i + len, id);
            // Longer words through the fix: hashes grow one character at a time and stop where no word
            // goes on (the vocabulary's prefix bits).
            for (let k = 0; k < len; k++) buf[i - a0 + k] = w.charCodeAt(k);
            for (let k = 0; k < nh; k += 2) {
              const a = heads[k]!;
              let h = heads[k + 1]!;
              for (let b = i + 1; b <= b0 && b - a <= v.maxWordLength; b++) {
                h = fnvStep(h, buf[b - 1 - a0]!);
                const hash = h >>> 0;
                if (b >= i + len && b - a > len) {
                  const rid = rangeIdCodes(v, buf, a - a0, b - a0, hash);
                  if (rid >= 0) this.consider(i, i + len, w, kind, a, b, rid);
                }
                if (b - a >= 2 && !words.mayExtend(hash) && !(v.domain && v.domain.mayExtend(hash))) break;
              }
            }
          }
        }
      }
      // A character inside a word of three or more characters as the text reads best is taken as
      // written: a slip there would have had to make another long word (same figures on the train
      // part, a good share of the positions of official prose skipped). (The shapes below need a
      // character read alone, so nothing more is tried here.)
      let lo = i;
      while (lo > start && !lattice.boundary(lo)) lo--;
      let hi = i + 1;
      while (hi < end && !lattice.boundary(hi)) hi++;
      if (hi - lo >= 3) continue;
      // A domain phrasing of four characters (the corpus's, the curated lexicon's) that the model lacks,
      // one character away by sound, a mined confusion or shape: the masked index holds model words only.
      // (Only for a character read alone: one in a two-character word makes a word of that half, or
      // reads with a character outside the phrasing.)
      if (t.domainPhrases && !numeral && this.domainMasked.size && hi - lo === 1) {
        const len = DOMAIN_PHRASE_LENGTH;
        for (let a = Math.max(start, i - len + 1); a <= i && a + len <= end; a++) {
          let inPhrases = true;
          for (let k = a; k < a + len && inPhrases; k++) if (k !== i && !this.domainChars[text.charCodeAt(k)]) inPhrases = false;
          if (!inPhrases) continue;
          const key = maskedKey(text, a, a + len, i);
          if ((this.domainBits[key >>> 21]! & (1 << ((key >>> 16) & 31))) === 0) continue;
          const list = this.domainMasked.get(key);
          if (!list) continue;
          // The written half of the phrasing that holds the character (two words of two, as most are)
          // is a word itself: the text reads as words (工作实绩, 专业精深 are not 工作实际, 专业精神).
          const half = i - a < 2 ? a : a + 2;
          if (words.find(text, half, half + 2) >= 0) continue;
          for (let e = 0; e < list.length; e += 2) {
            const fixCode = list[e]!;
            if (fixCode === code) continue;
            const sim = v.model.similarityOf(code, fixCode);
            const kind: SlipKind | null = sim === 1 ? 'same' : sim === 2 ? null : sim === 3 ? 'pair' : v.model.shapes(charString(code)).includes(charString(fixCode)) ? 'shape' : null;
            if (!kind) continue;
            const id = list[e + 1]!;
            // The window must be that phrasing with the fix in place (the key is a hash).
            if (rangeIdCodes(v, fillWithSub(text, a, a + len, i, fixCode), 0, len, hashWithSub(text, a, a + len, i, fixCode)) !== id) continue;
            this.consider(i, i + 1, charString(fixCode), kind, a, a + len, id);
          }
        }
    }
      // Sound-alike characters that make a likely word with their neighbours, and mined confusions.
      // A window whose 2–3 characters before the changed one begin no word, or after it end none,
      // cannot become a word (the vocabulary's prefix and suffix bits): most windows stop here.
      let h = FNV_OFFSET;
      for (let k = Math.max(start, i - 3); k < i; k++) h = fnvStep(h, text.charCodeAt(k));
      const before3 = i - 3 >= start && words.mayExtend(h >>> 0);
      const before2 = i - 2 >= start && words.mayExtend(hashOf(text, i - 2, i));
      const after2 = i + 3 <= end && words.mayEnd(hashOf(text, i + 1, i + 3));
      const after3 = i + 4 <= end && words.mayEnd(hashOf(text, i + 1, i + 4));
      for (let len = 2; len <= 4 && !numeral; len++) {
        for (let a = Math.max(start, i - len + 1); a <= i && a + len <= end; a++) {
          const left = i - a;
          const right = a + len - 1 - i;
          if ((left === 3 && !before3) || (left === 2 && !before2) || (right === 2 && !after2) || (right === 3 && !after3)) continue;
          let cands: ArrayLike<number>;
          let count: number;
          if (len === 2) {
            cands = this.twoCharWindow(text, a, i);
            count = cands.length;
          } else {
            count = this.soundAlikes(text, a, len, i, candScratch);
            cands = candScratch;
          }
          for (let c = 0; c < count; c += 3) this.consider(i, i + 1, charString(cands[c]!), KINDS[cands[c + 2]!]!, a, a + len, cands[c + 1]!);
        }
      }
      // Characters of a like shape (木/术, 检/险) that make a likely word with their neighbours. Those
      // that also sound alike or are known confusions were tried above. A character picked by its look
      // rarely makes a word with its neighbours, so only a character read alone is tried.
      // (A numeral may be read as part of a two-character word the vocabulary happens to hold: 千部.)
      // A character inside a rare two-character word as the text reads best is tried too, but only for a
      // shape neighbour that makes a far commoner open-gram word of that same span (己经 → 已经): the
      // vocabulary holds slip-typed forms of common words (misspeltWord), which read as a word would
      // otherwise hide the slip from the shapes.
      if (!numeral && (!lattice.boundary(i) || !lattice.boundary(i + 1))) {
        if (hi - lo !== 2 || t.misspeltRatio === null) continue;
        const wid = words.find(text, lo, hi);
        if (wid < 0 || v.model.unigram(wid) > t.misspeltMax) continue;
        const floor = v.model.unigram(wid) + t.misspeltRatio;
        const shapes = v.model.shapes(charString(code));
        let common = -1;
        for (let k = 0; k < shapes.length; k++) {
          const fixCode = shapes.charCodeAt(k);
          if (v.model.similarityOf(code, fixCode)) continue;
          const id = words.findWithSub(text, lo, hi, i, fixCode);
          if (id < 0 || id >= v.model.header.lmWords || v.model.unigram(id) < floor) continue;
          if (common < 0) common = isLexiconWord(words.word(wid)) ? 1 : 0;
          if (common === 1) break;
          this.consider(i, i + 1, shapes[k]!, 'shape', lo, hi, id);
        }
        continue;
      }
      const ch = charString(code);
      const shapes = v.model.shapes(ch);
      for (let k = 0; k < shapes.length; k++) {
        const fix = shapes[k]!;
        // (Sound-alikes were tried above; not for a numeral, which has only these: 百/白.)
        const fixCode = fix.charCodeAt(0);
        if (!numeral && v.model.similarityOf(code, fixCode)) continue;
        // One numeral for another (十/千, 二/三) changes a number, which no reading can tell.
        if (numeral && NUMERAL[fixCode]) continue;
        for (let len = 2; len <= 4; len++) {
          for (let a = Math.max(start, i - len + 1); a <= i && a + len <= end; a++) {
            const left = i - a;
            const right = a + len - 1 - i;
            if ((left === 3 && !before3) || (left === 2 && !before2) || (right === 2 && !after2) || (right === 3 && !after3)) continue;
            // With the fix in place, the window's proper prefix through it must begin a word and its
            // proper suffix from it end one (bit tests: most windows stop here, before the table).
            if (len > 2) {
              const p = Math.max(2, left + 1);
              if (p < len && !words.mayExtend(hashWithSub(text, a, a + p, i, fixCode))) continue;
              const q = Math.max(2, right + 1);
              if (q < len && !words.mayEnd(hashWithSub(text, a + len - q, a + len, i, fixCode))) continue;
            }
            const id = words.findWithSub(text, a, a + len, i, fixCode);
            if (id < 0 || v.model.unigram(id) < SHAPE_WORD_MIN) continue;
            this.consider(i, i + 1, fix, 'shape', a, a + len, id);
          }
        }
      }
    }
    if (this.rBest) found.push(this.rBest);
    this.rBest = null;
    this.rLattice = null;
    if (found.length <= 1) {
      if (found.length === 1) out.push(found[0]!);
      return;
    }
    // Overlapping findings: the strongest wins. A finding also overlaps one whose word it changes: the
    // stronger one's word reads the other's characters as written (潜移墨化: 墨 → 默 makes 潜移默化 of
    // the written 潜, so 潜 → 迁 for 迁移 contradicts it).
    found.sort((x, y) => y.margin - x.margin);
    const taken: Finding[] = [];
    for (const f of found) if (!taken.some((g) => clash(f, g))) taken.push(f);
    out.push(...taken.sort((x, y) => x.start - y.start));
  }
}

const PAIR_BITS = 1 << 21;
/** Set phrasings and idioms: words of four characters or more (shorter ones: too many pairs, train recall lost). */
const MIN_LEN = 4;
const pairBit = (x: number, y: number) => (Math.imul(x, 0x9e3779b1) ^ Math.imul(y, 0x85ebca6b)) >>> 11;
const pairsCache = new WeakMap<LanguageModel, Uint32Array>();

/**
 * Bits of the character pairs inside the model's words of four or more characters (made once per
 * model, 256 KB) plus those of the domain words.
 */
function pairsInsideWords(model: LanguageModel, domainWords: readonly string[]): Uint32Array {
  let base = pairsCache.get(model);
  if (!base) {
    base = new Uint32Array(PAIR_BITS >>> 5);
    const chars = model.words.arrays.chars;
    const starts = model.words.arrays.starts;
    for (let id = 0; id < model.size; id++) {
      const a = starts[id]!;
      const b = starts[id + 1]!;
      if (b - a < MIN_LEN) continue;
      for (let k = a; k + 1 < b; k++) {
        const bit = pairBit(chars[k]!, chars[k + 1]!);
        base[bit >>> 5]! |= 1 << (bit & 31);
      }
    }
    pairsCache.set(model, base);
  }
  const long = domainWords.filter((w) => w.length >= MIN_LEN);
  if (long.length === 0) return base;
  const out = base.slice();
  for (const w of long) {
    for (let k = 0; k + 1 < w.length; k++) {
      const bit = pairBit(w.charCodeAt(k), w.charCodeAt(k + 1));
      out[bit >>> 5]! |= 1 << (bit & 31);
    }
  }
  return out;
}

/** A value no log10 probability takes (they are ≤ 0). */
const UNSET = 1;
const charLogPCache = new WeakMap<LanguageModel, Float64Array>();

/** The table of charLogP's answers, shared by the tiers of one model (filled as characters are asked for). */
function charLogPTable(model: LanguageModel): Float64Array {
  let t = charLogPCache.get(model);
  if (!t) {
    t = new Float64Array(0x10000).fill(UNSET);
    charLogPCache.set(model, t);
  }
  return t;
}

const productiveCache = new WeakMap<LanguageModel, { first: Uint16Array; second: Uint16Array }>();

/** For each UTF-16 code, how many likely two-character words have it first and second (made once per model). */
function productiveChars(model: LanguageModel): { first: Uint16Array; second: Uint16Array } {
  let out = productiveCache.get(model);
  if (!out) {
    const first = new Uint16Array(0x10000);
    const second = new Uint16Array(0x10000);
    const { chars, starts } = model.words.arrays;
    for (let id = 0; id < model.size; id++) {
      const a = starts[id]!;
      if (starts[id + 1]! - a !== 2 || model.unigram(id) < SHAPE_WORD_MIN) continue;
      if (first[chars[a]!]! < 0xffff) first[chars[a]!]!++;
      if (second[chars[a + 1]!]! < 0xffff) second[chars[a + 1]!]!++;
    }
    out = { first, second };
    productiveCache.set(model, out);
  }
  return out;
}

/** Whether two findings contradict: they overlap, or one's word covers the characters the other changes. */
function clash(f: Finding, g: Finding): boolean {
  return (f.start < g.wordEnd! && g.wordStart! < f.end) || (g.start < f.wordEnd! && f.wordStart! < g.end);
}

const SENTENCE_END = /[。！？；!?;\n]/;

/** Calls visit(i, j) for each run [i, j) of two or more Han characters of `text`, in order, until it returns true. */
function eachHanRun(text: string, visit: (i: number, j: number) => boolean | void): void {
  let i = 0;
  while (i < text.length) {
    if (!isHan(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && isHan(text.charCodeAt(j))) j++;
    if (j - i >= 2 && visit(i, j) === true) return;
    i = j;
  }
}

/** [start, end) of the sentence around `at` (between sentence-ending marks). */
function sentenceAround(text: string, at: number): [number, number] {
  let a = at;
  while (a > 0 && !SENTENCE_END.test(text[a - 1]!)) a--;
  let b = at;
  while (b < text.length && !SENTENCE_END.test(text[b]!)) b++;
  return [a, Math.min(text.length, b + 1)];
}

/**
 * Whether the character at i stands again two places away in the run (真减实减, 边学边改, 有权有责): a
 * parallel phrasing repeats it on purpose; a slip that lands on the very character two places off is
 * rare (2 of 1,565 slips in the ecspell file).
 */
function parallelSlot(s: string, i: number, start: number, end: number): boolean {
  const c = s.charCodeAt(i);
  return (i - 2 >= start && s.charCodeAt(i - 2) === c && s.charCodeAt(i - 1) !== c) || (i + 2 < end && s.charCodeAt(i + 2) === c && s.charCodeAt(i + 1) !== c);
}

/** Whether a two-character piece of s[a, b) through i occurs in s at another place. */
function writtenElsewhere(s: string, i: number, a: number, b: number): boolean {
  for (let x = Math.max(a, i - 1); x <= i && x + 2 <= b; x++) {
    const piece = s.slice(x, x + 2);
    const first = s.indexOf(piece);
    if (first !== x || s.indexOf(piece, x + 1) >= 0) return true;
  }
  return false;
}

/** FNV hash of s[a, b) with the character at `pos` masked, and the length (domain phrasings' masked map). */
function maskedKey(s: string, a: number, b: number, pos: number): number {
  let h = FNV_OFFSET;
  for (let k = a; k < b; k++) h = fnvStep(h, k === pos ? 0xffff : s.charCodeAt(k));
  return (fnvStep(h, b - a) >>> 0);
}

const subScratch = new Uint16Array(8);
/** s[a, b) with the character at `pos` replaced by `code`, as codes from index 0 of a scratch buffer. */
function fillWithSub(s: string, a: number, b: number, pos: number, code: number): Uint16Array {
  for (let k = a; k < b; k++) subScratch[k - a] = k === pos ? code : s.charCodeAt(k);
  return subScratch;
}

/** hashOf with the character at `pos` replaced by `code`. */
function hashWithSub(s: string, a: number, b: number, pos: number, code: number): number {
  let h = FNV_OFFSET;
  for (let k = a; k < b; k++) h = fnvStep(h, k === pos ? code : s.charCodeAt(k));
  return h >>> 0;
}

function hashOf(s: string, a: number, b: number): number {
  let h = FNV_OFFSET;
  for (let k = a; k < b; k++) h = fnvStep(h, s.charCodeAt(k));
  return h >>> 0;
}

/** Whether the two characters (UTF-16 codes), swapped, are a word or begin one. */
function swapMayHelp(words: WordTable, first: number, second: number): boolean {
  const h = fnvStep(fnvStep(FNV_OFFSET, first), second) >>> 0;
  return words.mayExtend(h) || words.findPair(first, second, h) >= 0;
}

/** FNV hash of codes[a, b). */
function hashCodes(codes: Uint16Array, a: number, b: number): number {
  let h = FNV_OFFSET;
  for (let k = a; k < b; k++) h = fnvStep(h, codes[k]!);
  return h >>> 0;
}

function messageFor(f: Finding, error: boolean): string {
  const hedge = error ? '疑为' : '可能是';
  switch (f.kind) {
    case 'double':
      return `“${f.text}”${hedge}误重复，应为“${f.word}”`;
    case 'swap':
      return `“${f.text}”${hedge}字序颠倒，应为“${f.word}”`;
    default:
      return f.word === f.fix ? `“${f.text}”${hedge}“${f.fix}”之误` : `“${f.text}”${hedge}“${f.fix}”之误（“${f.word}”）`;
  }
}
