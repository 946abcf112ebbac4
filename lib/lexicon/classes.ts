/**
 * Coarse word classes of the lexicon, as bits (a word may carry several: 分析 is verb and noun).
 * Mapped from jieba's part-of-speech tags by scripts/build-lexicon.ts. The tags are one per word and
 * noisy (全面 n, 落实 a), so rules should treat a class as evidence, not as proof, and add context.
 */
export const WordClass = {
  Noun: 1,
  Verb: 2,
  Adjective: 4,
  Adverb: 8,
  /** 状态词: 扎扎实实, 悄悄, 雪白 — vivid adjectives that modify verbs freely. */
  Status: 16,
  /** 成语 and fixed expressions (jieba i, l): 实事求是, 毫不动摇. */
  Idiom: 32,
  /** 区别词, non-predicate adjectives: 主要, 公共, 大型. */
  Attributive: 64,
  Preposition: 128,
  Conjunction: 256,
  Pronoun: 512,
  /** 方位词: 上, 中, 之间. */
  Localizer: 1024,
  Time: 2048,
  Numeral: 4096,
  Measure: 8192,
  /** 助词, 语气词, 叹词. */
  Particle: 16384,
  /** Tagged but unclassified single characters (jieba zg: 很, 较, 此). */
  Other: 32768,
  /** Curated (./curated.ts): words of this genre used before a verb as manner adverbials (全面, 大力, 有序). */
  Manner: 65536,
  /** Curated: words that stand as degree or result complements after 得 (到位, 透彻, 扎实). */
  Complement: 131072,
} as const;

export type WordClassName = keyof typeof WordClass;
