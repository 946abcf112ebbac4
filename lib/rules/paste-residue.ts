import { defineParagraphRule, type Report } from '../engine/rule';
import { isInlineSpace } from '../engine/text';
import {
  JOURNAL_HEADER,
  NAVIGATION_LINE,
  REMAINING_CHARS,
  STANDALONE_LINES,
  STANDALONE_PATTERNS,
  TRAILING_CONTROLS,
  UPDATE_HASH,
  UPDATE_HASH_HEAD,
  WRITING_BANNER,
  WRITING_BANNER_TAIL,
} from './data/paste-residue';

const messages = {
  control: (t: string) => `“${t}”是网页按钮或提示，复制时带入，建议删除`,
  navigation: '文章导航（上一篇/下一篇）是网页残留，建议删除',
  journal: '期刊网站的出版信息是网页残留，建议删除',
  remaining: '“剩余××字”是网页截断提示，建议删除',
  hash: '文档网站的“更新完毕开始阅读”及编码是网页残留，建议删除',
  hashHead: '文档网站的发布时间和标题栏是网页残留，建议删除',
  banner: '范文网站的推荐语是网页残留，建议删除',
};

export interface ResidueHit {
  start: number;
  end: number;
  message: string;
  certain: boolean;
}

const STANDALONE = new Map(STANDALONE_LINES.map(([t, c]) => [t, c] as const));
/** Longest standalone entry; longer trimmed lines skip the exact-line checks. */
const STANDALONE_MAX = 48;

/**
 * Every residue range in one line (line-relative offsets, in order, not overlapping).
 * Exported for half-width-punct, which leaves marks inside residue alone (the residue is deleted whole).
 */
export function findResidue(line: string): ResidueHit[] {
  const hits: ResidueHit[] = [];
  let s = 0;
  let e = line.length;
  while (s < e && isInlineSpace(line[s])) s++;
  while (e > s && isInlineSpace(line[e - 1])) e--;
  if (s === e) return hits;

  if (e - s <= STANDALONE_MAX) {
    const t = line.slice(s, e);
    const certain = STANDALONE.get(t);
    if (certain !== undefined) {
      hits.push({ start: s, end: e, message: messages.control(t), certain });
      return hits;
    }
    for (const [re, c] of STANDALONE_PATTERNS) {
      if (re.test(t)) {
        hits.push({ start: s, end: e, message: messages.control(t.length > 12 ? t.slice(0, 12) + '…' : t), certain: c });
        return hits;
      }
    }
  }

  const first = line.charCodeAt(s);
  // 下 上 ( （ 网 发: only these can start a line-head residue.
  if (first === 0x4e0b || first === 0x4e0a) {
    if (NAVIGATION_LINE.test(line.slice(s, s + 8))) {
      hits.push({ start: s, end: e, message: messages.navigation, certain: true });
      return hits;
    }
  } else if (first === 0x28 || first === 0xff08 || first === 0x7f51) {
    const m = JOURNAL_HEADER.exec(line.slice(s));
    if (m) hits.push({ start: s, end: s + m[0].length, message: messages.journal, certain: false });
  }

  if (line.includes('剩余')) {
    for (const m of line.matchAll(REMAINING_CHARS)) {
      hits.push({ start: m.index, end: m.index + m[0].length, message: messages.remaining, certain: true });
    }
  }

  if (line.includes('更新完毕开始阅读')) {
    let firstHash = true;
    for (const m of line.matchAll(UPDATE_HASH)) {
      if (firstHash) {
        firstHash = false;
        const head = UPDATE_HASH_HEAD.exec(line.slice(s, m.index));
        if (head && m.index > s) hits.push({ start: s, end: m.index, message: messages.hashHead, certain: true });
      }
      hits.push({ start: m.index, end: m.index + m[0].length, message: messages.hash, certain: true });
    }
  }

  if (line.includes('【写作参考】')) {
    for (const m of line.matchAll(WRITING_BANNER)) {
      const end = m.index + m[0].length;
      hits.push({ start: m.index, end, message: messages.banner, certain: false });
      // The rest of the banner ("“<title>”文档资料,供您写作参考阅读之用,…吧!") up to the line end.
      if (WRITING_BANNER_TAIL.test(line.slice(end, end + 200))) {
        hits.push({ start: end, end: e, message: messages.banner, certain: false });
        break;
      }
    }
  }

  // A control word at the (trimmed) line end, after a space, an ellipsis or a finished sentence
  // ("……提高政治执行力。展开全部").
  for (const word of TRAILING_CONTROLS) {
    const start = e - word.length;
    if (start <= s || !line.startsWith(word, start)) continue;
    const before = line[start - 1];
    const glued =
      isInlineSpace(before) || before === '…' || SENTENCE_ENDS.includes(before ?? '') || (before === '.' && line.startsWith('...', start - 3));
    if (glued && !hits.some((h) => h.end > start)) {
      hits.push({ start, end: e, message: messages.control(word), certain: true });
    }
    break;
  }

  hits.sort((a, b) => a.start - b.start);
  return hits;
}

const SENTENCE_ENDS = '。！？';

export default defineParagraphRule({
  meta: {
    id: 'paste-residue',
    category: 'residue',
    severity: 'error',
    description: '从网页复制时带入的按钮、导航、推荐语等残留文字',
    fixable: true,
  },
  check(text, report: (r: Report) => void) {
    for (const h of findResidue(text)) {
      report({ start: h.start, end: h.end, message: h.message, replacements: [''], severity: h.certain ? 'error' : 'warning' });
    }
  },
});
