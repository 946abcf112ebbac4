import { defineParagraphRule } from '../engine/rule';
import { wordsAround, type Word } from '../engine/segment';
import { isHanCode } from '../engine/text';
import {
  ABAB_OK,
  DOUBLE_EXCEPTIONS,
  NEVER_DOUBLED,
  REDUNDANCIES,
  TITLE_AFTER,
} from './data/lexicon-reduplication';

/**
 * repeated-word: characters and words typed twice (要要, 的的, 思想思想, 教你教你) and a few explicit
 * abbreviation redundancies (国企企业 → 国有企业).
 *
 * A bare doubled-character scan fires on legitimate reduplication (常常, 时时刻刻, 研究研究) and on doubles
 * across word boundaries (管理理念, 人事处处长), so a candidate is reported only when
 * - a single doubled character is a function character that is never doubled (的 了 要 …), it is not part
 *   of AABB / a run, and the segmenter sees two separate one-character words; or
 * - a doubled unit of 2–4 characters is not a known ABAB reduplication, is not followed by a title
 *   (项目项目部, 支部支部书记), and the segmenter puts word boundaries before, between and after the copies.
 * Segmentation runs only on a small window around each candidate.
 */

const messages = {
  doubledChar: (ch: string) => `“${ch}${ch}”重复，应删去一个“${ch}”`,
  doubledWord: (unit: string) => `“${unit}”重复出现，应删去一个`,
  redundancy: (written: string, fix: string) => `“${written}”语义重复，宜改为“${fix}”`,
};

const NEVER = new Set(NEVER_DOUBLED);
const TENTATIVE_SECOND = new Set('着了过');
const CLAUSE_END = '，！？、,!?';

/** Doubled character → redundancy entries whose doubled middle is that character (国企企业: 企). */
const REDUNDANCY_BY_CHAR = new Map<string, (readonly [string, string, string])[]>();
for (const entry of REDUNDANCIES) {
  const ch = entry[0][1]!;
  const list = REDUNDANCY_BY_CHAR.get(ch) ?? [];
  list.push(entry);
  REDUNDANCY_BY_CHAR.set(ch, list);
}

const EXCEPTIONS_BY_PAIR = new Map<string, (readonly [string, string, string])[]>();
for (const entry of DOUBLE_EXCEPTIONS) {
  const list = EXCEPTIONS_BY_PAIR.get(entry[1]) ?? [];
  list.push(entry);
  EXCEPTIONS_BY_PAIR.set(entry[1], list);
}

const WINDOW = 6;
/**
 * Segmenter calls allowed per paragraph: real text has a handful; this bounds pathological input.
 * Longer repeats than 4 characters are left to repeated-passage.
 */
const MAX_SEGMENTATIONS = 100;

function startsWord(words: readonly Word[], offset: number, textLength: number): boolean {
  if (offset === 0 || offset === textLength) return true;
  for (const w of words) if (w.start === offset) return true;
  return false;
}

function isSingleCharWord(words: readonly Word[], offset: number): boolean {
  for (const w of words) if (w.start === offset) return w.end === offset + 1;
  return false;
}

export default defineParagraphRule({
  meta: {
    id: 'repeated-word',
    category: 'repetition',
    severity: 'error',
    description: '检查误重复输入的字词，如“要要”“的的”“思想思想”',
    fixable: true,
  },
  check(text, report) {
    const n = text.length;
    let budget = MAX_SEGMENTATIONS;
    /** Reports must not overlap: candidates starting before this are dropped. */
    let reportedTo = 0;

    /** One character typed twice at [i, i + 2). */
    const doubledChar = (i: number): void => {
      const ch = text[i]!;
      const redundancies = REDUNDANCY_BY_CHAR.get(ch);
      if (redundancies) {
        const at = i - 1;
        for (const [written, fix, notFollowedBy] of redundancies) {
          if (at < reportedTo || !text.startsWith(written, at)) continue;
          if (notFollowedBy && text.startsWith(notFollowedBy, at + written.length)) continue;
          report({ start: at, end: at + written.length, message: messages.redundancy(written, fix), replacements: [fix], severity: 'warning' });
          reportedTo = at + written.length;
          return;
        }
        return;
      }
      if (!NEVER.has(ch)) return;
      const c = text.charCodeAt(i);
      // Runs (对对对) and AABB / BBAA reduplication (的的确确, 实实在在, 是是非非).
      if (text.charCodeAt(i - 1) === c || text.charCodeAt(i + 2) === c) return;
      const c2 = text.charCodeAt(i + 2);
      if (isHanCode(c2) && c2 === text.charCodeAt(i + 3)) return;
      const c0 = text.charCodeAt(i - 1);
      if (i >= 2 && isHanCode(c0) && c0 === text.charCodeAt(i - 2)) return;
      const exceptions = EXCEPTIONS_BY_PAIR.get(ch + ch);
      if (exceptions?.some(([before, , after]) => (!before || text.endsWith(before, i)) && (!after || text.startsWith(after, i + 2)))) return;
      if (budget-- <= 0) return;
      const words = wordsAround(text, i, i + 2, WINDOW);
      if (!isSingleCharWord(words, i) || !isSingleCharWord(words, i + 1)) return;
      report({ start: i, end: i + 2, message: messages.doubledChar(ch), replacements: [ch] });
      reportedTo = i + 2;
    };

    /** A unit of `len` (2–4) Han characters typed twice at [i, i + 2 * len). */
    const doubledUnit = (i: number, len: number): void => {
      for (let k = i + 1; k < i + len; k++) if (!isHanCode(text.charCodeAt(k))) return;
      const unit = text.slice(i, i + len);
      const end = i + 2 * len;
      if (len === 2 && (ABAB_OK.has(unit) || unit[0] === '一' || TENTATIVE_SECOND.has(unit[1]!))) return;
      // Tripled (emphatic) or preceded by another copy: leave alone.
      if (text.startsWith(unit, end) || (i >= len && text.startsWith(unit, i - len))) return;
      if (TITLE_AFTER.some((t) => text.startsWith(t, end))) return;
      // A quoted saying that opens with a doubled word: “干部干部，干字当头”.
      if (text[i - 1] === '“' && CLAUSE_END.includes(text[end] ?? '')) return;
      if (budget-- <= 0) return;
      const words = wordsAround(text, i, end, WINDOW);
      if (!startsWord(words, i, n) || !startsWord(words, i + len, n) || !startsWord(words, end, n)) return;
      report({ start: i, end, message: messages.doubledWord(unit), replacements: [unit] });
      reportedTo = end;
    };

    // One pass with the last seven code units in locals: a repeat ends at k when the code unit there
    // equals the one 1 (AA), 2 (ABAB), 3 or 4 places back and the units before match too.
    let p1 = -1, p2 = -1, p3 = -1, p4 = -1, p5 = -1, p6 = -1, p7 = -1;
    for (let k = 0; k < n; k++) {
      const c = text.charCodeAt(k);
      if (c >= 0x4e00 && c <= 0x9fff) {
        if (c === p1) {
          if (k - 1 >= reportedTo) doubledChar(k - 1);
        } else if (c === p2) {
          if (p1 === p3 && k - 3 >= reportedTo) doubledUnit(k - 3, 2);
        } else if (c === p3) {
          if (p1 === p4 && p2 === p5 && k - 5 >= reportedTo) doubledUnit(k - 5, 3);
        } else if (c === p4) {
          if (p1 === p5 && p2 === p6 && p3 === p7 && k - 7 >= reportedTo) doubledUnit(k - 7, 4);
        }
      }
      p7 = p6; p6 = p5; p5 = p4; p4 = p3; p3 = p2; p2 = p1; p1 = c;
    }
  },
});
