/**
 * Domain vocabulary for the tier: the corpus's recurring phrasings, enumerations and theme keywords, the
 * curated set phrasings, and the four-character phrasings of the fixed formulations. The tier never flags
 * inside them and knows them as words, so 党史学习教育 or 三会一课 are not "corrected" toward something the
 * general-purpose model likes better; and a four-character one the model lacks is a fix one character away
 * (lib/lm/tier.ts domainMasked: 三会一棵 → 三会一课).
 */
import { THEMES } from '../corpus/curated';
import { setPhraseEnumerations } from '../corpus/set-phrases';
import type { CorpusData } from '../corpus/types';
import { isWord } from '../lexicon';
import { FORMULATIONS } from '../rules/data/formulations';

const HAN_ONLY = /^[\u3400-\u9fff]{2,16}$/u;
const HAN4 = /^[\u4e00-\u9fff]{4}$/u;

/**
 * Four-character phrasings of the fixed formulations (lib/rules/data/formulations.ts), which the corpus need
 * not hold (立德树人 is there only as 立德树人根本任务): an item of exactly four characters (items are split at
 * 、，；: 三严三实, 守正创新, 检视整改), and each half of an eight-character item that reads as two four-character
 * phrasings — no lexicon word across its middle (立德树人 | 根本任务, 真学真懂 | 真信真用; not 以人民安 | 全为宗旨,
 * 科技是第 | 一生产力, where 安全 and 第一 run across). A half holding 的 is a clause's piece, not a phrasing.
 * (jieba's four-character idioms were looked at too: all of them are words of the model already.)
 */
export function formulationPhrasings(): string[] {
  const out: string[] = [];
  for (const entry of FORMULATIONS) {
    for (const item of entry.split(/[、，；]/u)) {
      if (HAN4.test(item)) out.push(item);
      else if (item.length === 8 && HAN4.test(item.slice(0, 4)) && HAN4.test(item.slice(4)) && !crossesMiddle(item)) {
        for (const half of [item.slice(0, 4), item.slice(4)]) if (!half.includes('的')) out.push(half);
      }
    }
  }
  return out;
}

/** Whether a lexicon word of two to four characters runs across the middle of an eight-character item. */
function crossesMiddle(item: string): boolean {
  for (let a = 1; a < 4; a++) for (let b = 5; b <= Math.min(8, a + 4); b++) if (isWord(item.slice(a, b))) return true;
  return false;
}

export function domainVocabulary(corpus?: CorpusData): string[] {
  const out = new Set<string>();
  const add = (w: string) => HAN_ONLY.test(w) && out.add(w);
  for (const e of setPhraseEnumerations) e.parts.forEach(add);
  for (const t of THEMES) t.keywords.forEach(add);
  formulationPhrasings().forEach(add);
  if (corpus) {
    for (const p of corpus.phrases) add(p.text);
    for (const e of corpus.enumerations) e.parts.forEach(add);
    for (const t of corpus.themes) {
      t.phrasings.forEach(add);
      for (const [k] of t.keywords) add(k);
    }
  }
  return [...out];
}
