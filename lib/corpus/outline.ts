/**
 * Outline of a draft: every heading with its level and section role. Heading forms:
 * - GB/T markers 一、（一）1.（1） and their common variants ((一)、 （1) 1． 1、 1.、), at a line start or after a
 *   sentence end inside a paragraph (a lost line break); a title line broken in two by a paste is joined;
 * - decimal section numbers 1 / 1.1 / 1.1.1 (level = number of parts), ①–⑳ (level 4);
 * - run-in lists 一是/二是, 第一，, 其一，, 一要, 首先/其次/再次/最后, ①② — at a paragraph start, or after a
 *   colon or a sentence end inside one (the first item also after a comma), one level below their heading;
 *   only a sequence counts (a lone 首先 in prose, 一是一、二是二, 第一书记 are text), and inside a paragraph
 *   only with short titles (……：一是思想认识上有偏差，潜意识里……；二是…… enumerates points of prose);
 * - numbered markers after a sentence end inside a paragraph (二、 （二） 2. 2、, a lost line break) with a sibling;
 * - unnumbered section lines: labels (引言, 摘要, 关键词, 存在问题, 原因, 整改措施, 下一步工作打算, 结语 …, alone
 *   or with a colon), short title lines that name a role, short lines of their own between paragraphs in a draft
 *   laid out in two or more of them (回头看，自己还有不少短板), inline first sentences, closing 总之-paragraphs.
 * Not headings: quantities (2023年, 1.5亿元, 1 号楼), page numbers glued to a sentence cut by a page break
 * (……的重⏎7、要性), link titles under 相关推荐, the numbered lines of an attachment list (附件：1．…).
 *
 * Roles come from the role vocabulary of curated/roles.json (the word a heading ends with, and phrasings
 * such as 存在的……问题, 产生……的原因, 如何……, 关于……的思考). A sub-heading takes its parent's role unless its
 * own wording names a role; action wording (加强…, 以……推动……, 在……上下功夫) decides the role of headings
 * without a parent or under a parent that names none. A title of several clauses takes a role one clause names
 * after a diagnostic verb (找准症结，深刻剖析); a speech's imperative clause (要……, 必须……) and 以 + means + action
 * are measures; a judgement with 是 opens the argument. Then the top sections' place in the argument and
 * their items: a top that names nothing takes the role all its named items share; unnamed tops before the
 * first causes (理想信念方面) hold the problems, one between the problems and the measures holds the causes; a
 * survey's opening statement of the state of things is its background; bare reflections after the results
 * are the lessons; a document titled as a rectification account (……整改情况的报告) reports measures
 * throughout. Traditional-script drafts are read in simplified characters (titles are kept as written).
 */
import { hanNumeralValue, parseHeading } from '../engine/headings';
import { splitParagraphs } from '../engine/paragraphs';
import { countScript, simplifiedView } from '../engine/script';
import { actionRole, CONCLUSION_MARKERS, isForwardPlan, LABELS, resultRole, ROLE_WORDS, statementRole, strongRole, weakRole } from './curated';
import { hanCount, layoutOf, type Layout, type LayoutLine } from './layout';
import type { Level, Role, Section, SectionKind } from './types';

/** A section plus what the corpus builder needs to know about it. */
export interface OutlineSection extends Section {
  /** Essay of the layout holding it. */
  essay: number;
  /** The role comes from the heading's own wording (not inherited from its parent). */
  own: boolean;
}

interface Candidate {
  kind: SectionKind;
  level: Level;
  number: string;
  value: number;
  title: string;
  start: number;
  end: number;
  line: number;
  /** Needs a sibling to be accepted: 'mid' (number inside a paragraph), 'bare' (1加强…), list family, 'inline'. */
  needs: string | null;
  /** Numbered marker family for sibling checks (level + style group; list families di/shi/order/circled). */
  family: string;
  /** First component of a decimal number (2 for 2.1.3), 0 otherwise. */
  decimal: number;
}

const SENTENCE_END = /[。！？!?；;]/;
const LEAD_PUNCT = /^[\s\u3000，,、：:。．.]+/;
const TRAIL_PUNCT = /[\s\u3000。！？!?；;，,：:]+$/;

const HAN = '[一二三四五六七八九十]{1,3}';
/** 一要/二要 (speeches: 一要……，二要……) but not 三要素, 四要点, 两要求. */
const YAO_NOUN = '[素点求件员务案领义闻]';
/**
 * Run-in list markers: 一是/二是, 第一，/第二、, 其一，/其二, 首先/其次/再次/然后/最后. 一是 followed by a
 * numeral is the idiom 一是一、二是二, not a list; 第一 and 其一 need their punctuation (第一书记, 第二天,
 * 其一生 are words).
 */
const LIST_MARKER = new RegExp(
  `^(?:第(${HAN})(?:[，,、：:]|是)|(${HAN})是(?![一二三四五六七八九十])|(首先|其次|再次|然后|最后)[，,、：:]?|其(${HAN})[，,、：:]|(${HAN})要(?!${YAO_NOUN}))`,
);
const ORDER_WORDS: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 然后: 3, 最后: 99 };
/** A run-in marker inside a paragraph: after a colon or a sentence end (“……主要有：一是……；二是……”). */
const RUN_IN = new RegExp(
  `[：:。；;！？!?][，,、；;。\\s\\u3000]*(?=第${HAN}[，,、：:]|其${HAN}[，,、：:]|${HAN}是(?![一二三四五六七八九十])|${HAN}要(?!${YAO_NOUN})|首先|其次|再次|然后|最后|[①-⑳])`,
  'g',
);
/** The first item of a run-in list may also follow a comma (……有着必然的联系，一是……；二是……). */
const RUN_IN_FIRST = new RegExp(
  `[，,][\\s\\u3000]*(?=第一[，,、：:]|其一[，,、：:]|一是(?![一二三四五六七八九十])|一要(?!${YAO_NOUN})|首先|[①])`,
  'g',
);
const CONCLUSION_RE = new RegExp(`^(?:${CONCLUSION_MARKERS.join('|')})[，,：:]`);
const LABEL_RE = new RegExp(
  `^(${[...LABELS.keys()].sort((x, y) => y.length - x.length).join('|')})[\\s\\u3000]*(?:[:：]|$)`,
);
/** 摘要：… / 关键词：… (front-matter lines of the layout) → the label they open. */
const FRONT_LABEL = /^(摘[\s\u3000]*要|内容摘要|内容提要|关键词|关键字|主题词|Abstract|Key[\s]*words)[\s\u3000]*[:：]/i;
const ATTACHMENTS = /^附\s*件\s*[:：]/;
const BARE_NUMBER = /^([0-9０-９]{1,2})(?=[\u4e00-\u9fff])/;
/** Decimal section numbers 1.1 / 2.3.1 / 1．2 (a space or nothing before the title). */
const DECIMAL = /^([0-9０-９]{1,2})((?:[.．][0-9０-９]{1,2}){1,3})[.．、]?[ \t\u3000]*(?=[\u4e00-\u9fff“《（(【])/;
/** "1 调研的基本情况": a top-level number of a decimal scheme (accepted only when 1.1 … follow). */
const DECIMAL_TOP = /^([0-9０-９]{1,2})[.．]?[ \t\u3000]+(?=[\u4e00-\u9fff“《])/;
/** Quantities after a number are not a heading: 1.5亿元, 2.3万名, 3.5%, 1.2倍. */
const QUANTITY_AFTER = /^[亿万千百十元角分个名人次户家项件条台套吨米克倍成岁年月日时号%％‰]/;
/** "1）加强学习" / "2)": a number with only a closing bracket, at a line start (below （1）; needs its siblings). */
const RIGHT_PAREN = /^([0-9０-９]{1,2})[)）](?![0-9０-９])[\s\u3000]*/;
/** Circled numbers ①–⑳ at a line start (below （1）). */
const CIRCLED = /^([①-⑳])[、.．，,\s\u3000]*/;
/** A numbered marker after a sentence end inside a paragraph (the line break before it was lost): 二、 （二） 2. 2、 */
const MID_MARKER = /[。！？!?；;]\s*(?=(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|[0-9０-９]{1,2}[.．、](?![0-9０-９])))/g;
/**
 * The first line of a heading broken by a paste ends where no title ends: a function word or a verb still
 * waiting for its object (一、关于加强 / 基层党组织建设的几点思考).
 */
const INCOMPLETE_END = /(?:的|和|与|及|对|在|把|将|为|于|以|从|向|关于|加强|推进|推动|提升|提高|做好|强化|深化|完善|健全|促进|增强|构建|打造|抓好|进一步|新时代)$/;

/**
 * A heading fused with its paragraph by a lost line break: the title ends with a role word and the
 * paragraph's first sentence follows at once (一、深化理论学习的重要性我们要深刻认识到，……).
 */
const FUSED = new RegExp(
  `^(.{2,30}?(?:${ROLE_WORDS.join('|')}))(?=我们|我|要|必须|只有|当前|目前|近年来|今年以来|通过|作为|党的|习近平|在(?!于))`,
);

function cleanTitle(s: string): string {
  return s.replace(LEAD_PUNCT, '').replace(TRAIL_PUNCT, '');
}

const SENTENCE_END_G = /[。！？!?；;]/g;

/** Offset of the first sentence end in `text` at or after `from`, or -1 (no slice: runs on every line). */
function nextSentenceEnd(text: string, from: number): number {
  SENTENCE_END_G.lastIndex = from;
  return SENTENCE_END_G.exec(text)?.index ?? -1;
}

/** End of the first sentence of `text` from `from` (after its terminator), or the line end. */
function sentenceEnd(text: string, from: number): number {
  const stop = nextSentenceEnd(text, from);
  return stop === -1 ? text.length : stop + 1;
}

/** End of a title written after a marker: the whole line when it is a short title line, else its first sentence. */
function titleEnd(text: string, from: number): number {
  const stop = nextSentenceEnd(text, from);
  if (stop === -1 || (stop === text.length - 1 && text.length - from <= 60)) return text.length;
  return stop + 1;
}

/**
 * HTML left in a paste (<strong>二、……</strong>, &emsp;&emsp;) is blanked out with spaces of the same length,
 * so markers are found behind it and every offset stays that of the original text.
 */
const MARKUP = /<\/?[a-zA-Z][^<>]{0,60}>|&(?:[a-zA-Z]{2,8}|#\d{2,5});/g;
function maskMarkup(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return text;
  return text.replace(MARKUP, (m) => ' '.repeat(m.length));
}

function lead(text: string): number {
  let i = 0;
  while (i < text.length && /[\s\u3000]/.test(text[i]!)) i++;
  return i;
}

function toAscii(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/．/g, '.');
}

function numberedFamily(level: number, style: string): string {
  return `${level}:${style === 'bare' || style === 'dot' || style === 'dun' ? 'arabic' : style.startsWith('paren') ? 'paren' : 'han'}`;
}

/** A run-in list item starting at `at` of `text` (一是…, 第二，…, 其次…, ②…), or null. */
function listItem(text: string, at: number, off: number, index: number): Candidate | null {
  const rest = text.slice(at, at + 12);
  const c = CIRCLED.exec(rest);
  if (c) {
    // ① inside a paragraph: a run-in item like 一是 (only in a sequence).
    const markerEnd = at + c[0].length;
    const end = sentenceEnd(text, markerEnd);
    const title = cleanTitle(text.slice(markerEnd, end));
    if (!title) return null;
    return {
      kind: 'numbered', level: 4, number: c[1]!, value: c[1]!.charCodeAt(0) - 0x245f, title, start: off + at, end: off + end,
      line: index, needs: 'seq', family: 'circled', decimal: 0,
    };
  }
  const m = LIST_MARKER.exec(rest);
  if (!m) return null;
  const han = m[1] ?? m[2] ?? m[4] ?? m[5];
  const value = han ? hanNumeralValue(han) : ORDER_WORDS[m[3]!]!;
  if (!Number.isFinite(value)) return null;
  // A lone item is prose (首先要摸清底数……); only its siblings make it a list (needs: 'seq').
  const family = m[1] ? 'di' : m[2] ? 'shi' : m[4] ? 'qi' : m[5] ? 'yao' : 'order';
  const markerEnd = at + m[0].length;
  const end = sentenceEnd(text, markerEnd);
  const title = cleanTitle(text.slice(markerEnd, end));
  if (!title) return null;
  return {
    kind: 'list', level: 1, number: han ?? m[3]!, value, title, start: off + at, end: off + end, line: index,
    needs: 'seq', family, decimal: 0,
  };
}

/** Candidates found on one body line. */
function lineCandidates(line: LayoutLine, index: number, out: Candidate[]): void {
  const text = maskMarkup(line.text);
  const off = line.start;
  const l0 = lead(text);
  const body = text.slice(l0);
  let scanFrom = 0;
  const ph = parseHeading(text);
  let m: RegExpExecArray | null;
  if (ph) {
    // “二、存在的不足：一是……；二是……” — the heading ends at the colon that opens a run-in list.
    if (!ph.titleLine) {
      RUN_IN.lastIndex = ph.markerEnd;
      const r = RUN_IN.exec(text);
      if (r && r.index < ph.end && /[：:]/.test(r[0])) ph.end = r.index + 1;
    }
    const raw = text.slice(ph.markerEnd, ph.end);
    const lp = LEAD_PUNCT.exec(raw)?.[0].length ?? 0;
    const fused = FUSED.exec(raw.slice(lp));
    if (fused && raw.length - lp - fused[1]!.length >= 6) ph.end = ph.markerEnd + lp + fused[1]!.length;
    out.push({
      kind: 'numbered',
      level: ph.level,
      number: ph.number,
      value: ph.value,
      title: cleanTitle(text.slice(ph.markerEnd, ph.end)),
      start: off + ph.markerStart,
      end: off + ph.end,
      line: index,
      needs: null,
      family: numberedFamily(ph.level, ph.style),
      decimal: 0,
    });
    scanFrom = ph.end;
  } else if ((m = DECIMAL.exec(body)) && !QUANTITY_AFTER.test(body.slice(m[0].length))) {
    const number = m[1]! + m[2]!;
    const parts = toAscii(number).split('.');
    const markerEnd = l0 + m[0].length;
    const end = titleEnd(text, markerEnd);
    const title = cleanTitle(text.slice(markerEnd, end));
    if (title) {
      out.push({
        kind: 'numbered', level: Math.min(4, parts.length) as Level, number, value: Number(parts[parts.length - 1]),
        title, start: off + l0, end: off + end, line: index, needs: 'decimal', family: `decimal:${parts.length}`,
        decimal: Number(parts[0]),
      });
      scanFrom = end;
    }
  } else if ((m = DECIMAL_TOP.exec(body)) && !QUANTITY_AFTER.test(body.slice(m[0].length))) {
    const markerEnd = l0 + m[0].length;
    const end = titleEnd(text, markerEnd);
    const value = Number(toAscii(m[1]!));
    out.push({
      kind: 'numbered', level: 1, number: m[1]!, value, title: cleanTitle(text.slice(markerEnd, end)),
      start: off + l0, end: off + end, line: index, needs: 'decimal-top', family: 'decimal:1', decimal: value,
    });
    scanFrom = end;
  } else if ((m = RIGHT_PAREN.exec(body)) && !QUANTITY_AFTER.test(body.slice(m[0].length))) {
    const markerEnd = l0 + m[0].length;
    const end = titleEnd(text, markerEnd);
    const title = cleanTitle(text.slice(markerEnd, end));
    if (title) {
      out.push({
        kind: 'numbered', level: 4, number: m[1]!, value: Number(toAscii(m[1]!)), title, start: off + l0, end: off + end,
        line: index, needs: 'seq', family: 'right-paren', decimal: 0,
      });
      scanFrom = end;
    }
  } else if (CIRCLED.test(body)) {
    const item = listItem(text, l0, off, index);
    if (item) {
      item.end = off + titleEnd(text, item.start - off + (CIRCLED.exec(body)![0].length));
      item.title = cleanTitle(text.slice(item.start - off + CIRCLED.exec(body)![0].length, item.end - off));
      out.push(item);
      scanFrom = item.end - off;
    }
  } else if ((m = BARE_NUMBER.exec(body)) && body.length <= 40 && !SENTENCE_END.test(body)) {
    // “1加强政治觉悟……” — a number without its 、 or . (accepted only next to 2、/2.)
    const number = m[1]!;
    const value = Number(toAscii(number));
    out.push({
      kind: 'numbered', level: 3, number, value, title: cleanTitle(body.slice(m[0].length)),
      start: off + l0, end: off + text.length, line: index, needs: 'bare', family: numberedFamily(3, 'bare'), decimal: 0,
    });
    scanFrom = text.length;
  } else if ((m = LABEL_RE.exec(body)) && !(LABELS.get(m[1]!) === 'other' && cleanTitle(body.slice(m[0].length)))) {
    // “附件：报名回执” names an attachment; only 附件 / 参考文献 on a line of their own open a section.
    const labelEnd = l0 + m[0].length;
    out.push({
      kind: 'label', level: 1, number: '', value: 0, title: m[1]!, start: off + l0, end: off + labelEnd,
      line: index, needs: null, family: 'label', decimal: 0,
    });
    scanFrom = labelEnd;
  } else if (LIST_MARKER.test(body)) {
    const item = listItem(text, l0, off, index);
    if (item) {
      out.push(item);
      scanFrom = item.end - off;
    }
  } else if (CONCLUSION_RE.test(body)) {
    const end = sentenceEnd(text, l0);
    out.push({
      kind: 'conclusion', level: 1, number: '', value: 0, title: cleanTitle(text.slice(l0, end)),
      start: off + l0, end: off + end, line: index, needs: 'last', family: 'conclusion', decimal: 0,
    });
    scanFrom = end;
  } else {
    // Inline heading: a short first sentence without any inner punctuation, “明确任职资格。在……”.
    const end = sentenceEnd(text, l0);
    const first = text.slice(l0, end - 1);
    const n = hanCount(first);
    // Also two short action phrases joined by a comma (突出政治引领，健全网格组织体系。), the first one an action.
    const halves = first.split(/[，,]/);
    const pair =
      halves.length === 2 && halves.every((h) => h.length >= 4 && h.length <= 12 && hanCount(h) >= h.length - 2 && !/[、；：的要是]/.test(h)) &&
      weakRole(halves[0]!) !== null;
    if (end < text.length - 30 && ((n >= 4 && n <= 12 && n === first.length && (strongRole(first) || weakRole(first))) || pair)) {
      out.push({
        kind: 'inline', level: 1, number: '', value: 0, title: first, start: off + l0, end: off + end,
        line: index, needs: 'inline', family: 'inline', decimal: 0,
      });
      scanFrom = end;
    }
  }
  // Numbered markers after a sentence end inside the paragraph.
  MID_MARKER.lastIndex = scanFrom;
  let mm: RegExpExecArray | null;
  const mids: Candidate[] = [];
  while ((mm = MID_MARKER.exec(text))) {
    const at = mm.index + mm[0].length;
    const h = parseHeading(text.slice(at));
    if (!h) continue;
    // 1. / 2、 inside a paragraph titles a section only with a short sentence (……的思想。2.监督检查不够深入。……):
    // a long one is a numbered point of the prose.
    if (h.level === 3 && hanCount(text.slice(at + h.markerEnd, at + h.end)) > RUN_IN_TITLE_MAX) continue;
    mids.push({
      kind: 'numbered',
      level: h.level,
      number: h.number,
      value: h.value,
      title: cleanTitle(text.slice(at + h.markerEnd, at + h.end)),
      start: off + at + h.markerStart,
      end: off + at + h.end,
      line: index,
      needs: 'mid',
      family: numberedFamily(h.level, h.style),
      decimal: 0,
    });
    MID_MARKER.lastIndex = at + h.end;
  }
  // Run-in list items after a colon or a sentence end inside the paragraph (……主要有：一是……；二是……).
  RUN_IN.lastIndex = Math.max(0, scanFrom - 1);
  while ((mm = RUN_IN.exec(text))) {
    const at = mm.index + mm[0].length;
    if (mids.some((c) => c.start - off === at)) continue;
    const item = listItem(text, at, off, index);
    if (!item) continue;
    mids.push(item);
    RUN_IN.lastIndex = Math.max(at, item.end - off - 1);
  }
  RUN_IN_FIRST.lastIndex = Math.max(0, scanFrom - 1);
  while ((mm = RUN_IN_FIRST.exec(text))) {
    const at = mm.index + mm[0].length;
    if (mids.some((c) => c.start - off === at)) continue;
    const item = listItem(text, at, off, index);
    if (item) mids.push(item);
  }
  mids.sort((x, y) => x.start - y.start);
  out.push(...mids);
}

/** A rectification account among the top sections: 整改落实情况, 巡察反馈问题整改进展, 整改工作的组织开展情况. */
const RECTIFICATION = /(?:整改|整治|纠治)[^，,]{0,10}(?:情况|进展)$/;
/**
 * A document title that names a rectification account (关于巡察反馈意见整改情况的报告, ……整改进展情况的通报):
 * the whole draft reports what was done about the problems found, whatever its section headings say
 * (提高政治站位，扛起整改责任 / 对照反馈意见逐项整改 / 巩固整改成果). A self-examination held for a
 * rectification (巡察整改专题民主生活会对照检查材料) names no 整改情况 and keeps its own sections.
 */
const RECTIFICATION_TITLE = /(?:整改|整治|纠治)(?:工作|落实|推进)?(?:的)?(?:情况|进展)/;
/** A cause asked by a question word only (……为何答不好卷), not named by a cause noun (原因, 根子, 病根). */
const CAUSE_QUESTION = /(?:为什么|为何|何以|因何|缘何)/;
const CAUSE_NOUN = /(?:原因|根源|成因|症结|根由|病根|根子|病因|因素)/;

/**
 * Two top sections in a row that both come out as causes, the first only by a question (有的“考生”为何答不好卷
 * → 答卷失分的根子在哪里): a draft does not give its causes twice; the first question shows the failure — its
 * symptoms are told below it (本领恐慌，考题看不懂) — and the causes come next. The first becomes problems,
 * with the sub-sections that inherited its role.
 */
function askedThenNamed(sections: OutlineSection[]): void {
  const tops = sections.filter((s) => s.level === 1 && s.kind !== 'implicit');
  for (let k = 0; k + 1 < tops.length; k++) {
    const a = tops[k]!;
    const b = tops[k + 1]!;
    if (a.role !== 'causes' || b.role !== 'causes' || !CAUSE_QUESTION.test(a.title) || CAUSE_NOUN.test(a.title) || !CAUSE_NOUN.test(b.title)) continue;
    a.role = 'problems';
    for (const s of sections) if (s.start > a.start && s.start < b.start && s.level > 1 && !s.own) s.role = 'problems';
  }
}

/**
 * Verbs that find and show rather than fix (找准症结, 查摆问题, 深挖根源, 正视差距): a role noun after them is
 * the section's subject, as it is at the end of a title. Remedial verbs (破解难题, 补齐短板) name the cure.
 */
const DIAGNOSTIC = /^(?:深入|认真|深刻|全面|逐项|切实)?(?:找准|找到|找出|查找|查摆|查准|检视|剖析|深挖|挖出|挖深|追问|追溯|正视|直面|认清|看清|看到|摸清|梳理|反思|审视)/;
/** A clause that reviews the results (充分肯定成绩, 客观回顾过去): the account of the period's work. */
const ACKNOWLEDGE = /^(?:充分|客观|全面|正确)?(?:肯定|回顾|总结)(?:成绩|成效|成果|过去)/;
/** A clause about seeing why the work matters (统一思想、提高认识): the opening section of a speech or plan. */
const AWARENESS = /^(?:进一步|切实|充分)?(?:提高|统一|深化|端正|提升|增强)(?:思想|政治)?认识$/;

/**
 * Role named by one clause of a title of several clauses, when the title as a whole names none: 找准症结，深刻
 * 剖析 (causes), 统一思想，提高认识 (intro). A clause counts when it names a role after a diagnostic verb or
 * without an action verb at all (not 紧盯突出问题, an action on the problem).
 */
function clauseRole(title: string): Role | null {
  const parts = title.split(/[，,；;：:\s\u3000]+/).filter(Boolean);
  if (parts.length < 2) return null;
  for (const part of parts) {
    if (AWARENESS.test(part)) return 'intro';
    if (ACKNOWLEDGE.test(part)) return 'other';
    const r = strongRole(part);
    if (r && r !== 'other' && (DIAGNOSTIC.test(part) || !actionRole(part))) return r;
  }
  return null;
}

/**
 * An imperative clause of a speech (要真抓实干, 必须久久为功, 一定要守住底线): the section says what to do.
 * Not 要求/要点/要素 (nouns), not 要是 (if).
 */
const IMPERATIVE = new RegExp(`^(?:一定|必须|务必|始终|更|还|都)?(?:要|必须|务必)(?!${YAO_NOUN}|是|么|不然)[\\u4e00-\\u9fff“]{2}`);
function imperativeRole(title: string): Role | null {
  return title.split(/[，,；;：:\s\u3000]+/).some((p) => IMPERATIVE.test(p)) ? 'measures' : null;
}

/** A top section (level 1) and the sections below it up to the next top. */
interface Block {
  top: OutlineSection;
  items: OutlineSection[];
}

/** The top sections of an essay's sections (in text order) with their items: one pass. */
function blocksOf(sections: readonly OutlineSection[]): Block[] {
  const blocks: Block[] = [];
  for (const s of sections) {
    if (s.kind === 'implicit') continue;
    if (s.level === 1) blocks.push({ top: s, items: [] });
    else blocks[blocks.length - 1]?.items.push(s);
  }
  return blocks;
}

/** Gives a block's top the role, and its items that name none of their own. */
function setBlockRole(block: Block, role: Role, named: ReadonlySet<OutlineSection>): void {
  block.top.role = role;
  for (const x of block.items) if (!named.has(x)) x.role = role;
}

/**
 * A top section whose own wording names no role (its role came from action wording or none) while its items
 * name one, all the same: “二、奋进路上的“绊马索”” → （一）“等靠要”思想仍有市场 / （二）“躺平”心态时有显现.
 * The items show what the section holds (the problems, their causes, the background); the heading's verb
 * was a modifier. Measures and “other” items are left alone: action items are what an action heading
 * announces anyway, and report items say nothing about the section's place in the argument.
 */
function roleFromItems(blocks: readonly Block[], named: ReadonlySet<OutlineSection>): void {
  for (const { top: s, items } of blocks) {
    if (named.has(s) || (s.kind !== 'numbered' && s.kind !== 'title-line')) continue;
    const own = items.filter((x) => named.has(x));
    if (own.length < 2 || own.length * 2 < items.length) continue;
    const role = own[0]!.role;
    if ((role !== 'problems' && role !== 'causes' && role !== 'intro') || own.some((x) => x.role !== role)) continue;
    setBlockRole({ top: s, items }, role, named);
  }
}

/**
 * 以 + means + action (以实际行动贯彻落实全会精神, 以钉钉子精神抓整改): an action whatever means it names,
 * when an action opens within the next ten characters.
 */
function instrumentalRole(title: string): Role | null {
  if (!title.startsWith('以')) return null;
  const clause = title.split(/[，,；;：:]/)[0]!;
  for (let i = 2; i <= Math.min(11, clause.length - 2); i++) if (actionRole(clause.slice(i))) return 'measures';
  return null;
}

/** Bare reflections (几点思考, 思考与启示) right after an account of results: the lessons drawn, as 几点体会. */
const REFLECTIONS = /^(?:几点|若干|一些|初步|粗浅)?(?:思考|体会与思考|思考与启示|思考和启示)$/;
function reflectionsAfterResults(blocks: readonly Block[], named: ReadonlySet<OutlineSection>): void {
  for (let k = 1; k < blocks.length; k++) {
    const prev = blocks[k - 1]!.top;
    if (!REFLECTIONS.test(blocks[k]!.top.title) || prev.role !== 'other' || !named.has(prev)) continue;
    setBlockRole(blocks[k]!, 'conclusion', named);
  }
}

/** The title of an experience report: 经验交流材料, 经验做法, “红色网格”工作法. */
const EXPERIENCE_TITLE = /经验|做法|工作法/;
/** 从……看 / 从……来看 / 从……上看, opening a heading: a perspective on the situation. */
const PERSPECTIVE = /^从[^，,]{1,12}?(?:上|来|方面)?看[，,]/;
/** A title named as results (主要成效, 取得的成绩, 工作亮点). */
const RESULT_NOUN = /(?:成效|成绩|成果|亮点|实绩|业绩)$/;
/** Verbs that keep, spread or use results (巩固拓展, 放大, 转化运用, 总结推广): they act on results reached. */
const ON_RESULTS = /^(?:持续|不断|进一步|全面|切实|着力|认真)?(?:巩固|拓展|扩大|放大|转化|运用|用好|固化|推广|总结推广|擦亮)/;
/** The last clause acts on a result noun (持续巩固拓展……成果, 用好调研成果), not reports it. */
function actsOnResults(title: string): boolean {
  const last = title.split(/[，,；;：:]/).pop()!;
  return RESULT_NOUN.test(last) && ON_RESULTS.test(last);
}

/** A report of what an action brought (整改取得的阶段性成效, 活动收到的实效): results, 'other' as 取得的成效. */
const RESULT_REPORT = /(?:取得|收到|带来|实现)了?的[^，,]{0,8}(?:成效|成果|成绩|效果|实效|进展|突破)$/;

/** A survey (调研报告, 调查与思考, 考察报告): its opening account of the state of things is the background. */
const SURVEY_TITLE = /调研|调查|考察/;
/**
 * A statement of a state reached (机关党建工作总体向好, 责任体系基本健全, 组织生活日益规范, 品牌初具规模): a
 * subject and a degree or trend word with a short predicate.
 */
const STATE = /^[^，,]{2,14}?(?:总体|整体|基本|日益|日趋|逐步|不断|持续|明显|显著|稳步|初步|初具|更加|进一步|趋于|渐趋)[\u4e00-\u9fff]{1,4}$/;
/**
 * The first top of a survey, before its problems, that states the state of things (……总体向好 / （一）……
 * 基本健全) rather than naming a section: the survey's background, like its 基本情况 — not the achievements of
 * a report, not an action. Its items that name no role follow it.
 */
function surveyState(blocks: readonly Block[], named: ReadonlySet<OutlineSection>, title: string): void {
  if (!SURVEY_TITLE.test(title)) return;
  const first = blocks[0]?.top;
  if (!first || named.has(first) || first.kind !== 'numbered' || blocks[1]?.top.role !== 'problems') return;
  if (STATE.test(first.title.split(/[，,]/).pop()!)) setBlockRole(blocks[0]!, 'intro', named);
}

/**
 * Unnamed top sections right before the first causes section with no problems section before them (一、理想
 * 信念方面 / 二、担当作为方面 → 三、问题产生的原因): the areas the problems were found in — a self-examination
 * gives its problems by area before their causes.
 */
function problemsBeforeCauses(blocks: readonly Block[], named: ReadonlySet<OutlineSection>): void {
  const cause = blocks.findIndex((b) => b.top.role === 'causes');
  if (cause < 1 || blocks.slice(0, cause).some((b) => b.top.role === 'problems')) return;
  // An area (担当作为方面) is no action whatever verb it names.
  const area = (s: OutlineSection) => !named.has(s) && s.kind === 'numbered' && (s.role === 'other' || /方面$/.test(s.title));
  for (let k = cause - 1; k >= 0 && area(blocks[k]!.top); k--) setBlockRole(blocks[k]!, 'problems', named);
}

/**
 * A title whose main verb is 是 (推进标准化建设是大势所趋, 抓党建是最大的政绩): a judgement about the subject —
 * why it matters — not an order, whatever verb its subject opens with. Not 要是/就是/还是 …, not 是否, not
 * 实事求是, not a run-in 一是; and not a call with a one-word predicate (坚定信念是根本, 为民服务是宗旨:
 * “the key is to …”, a measure).
 */
const COPULA = /^[^，,；;：:]{2,14}(?<![要就还但而总都只正也若凡或于求一二三四五六七八九十])是(?![否非])[^，,；;：:]{4,16}$/;
/**
 * A title that says what its subject bears on (作风建设关乎事业成败, 基层党建事关长远, 干部队伍决定着发展质量):
 * why it matters — like a judgement with 是, it opens the argument.
 */
const BEARS_ON = /^[^，,；;：:]{2,12}(?:关乎|事关|关系到|关系着|决定着|影响着|攸关)[^，,；;：:]{2,14}$/;
function copulaRole(title: string): Role | null {
  // Not an action on such a thing (解决事关群众切身利益的问题).
  return COPULA.test(title) || (BEARS_ON.test(title) && !actionRole(title)) ? 'intro' : null;
}

/**
 * A top section that names no role between the problems and the measures (……问题 → 这些案件是怎么发生的 /
 * “绊马索”的来源 → ……措施): the argument goes from the problems to their causes before the remedy, so it
 * holds the causes, with its items that name no role of their own (when none of them names another role or
 * is worded as an action).
 */
function causesBetween(blocks: readonly Block[], named: ReadonlySet<OutlineSection>): void {
  for (let k = 1; k + 1 < blocks.length; k++) {
    const { top: s, items } = blocks[k]!;
    if (named.has(s) || s.role !== 'other' || (s.kind !== 'numbered' && s.kind !== 'title-line')) continue;
    if (blocks[k - 1]!.top.role !== 'problems' || blocks[k + 1]!.top.role !== 'measures') continue;
    // Items worded as actions (知难而进 → 迎难而上，破解……难题) make it a step of the remedy, not the causes.
    if (items.some((x) => x.role !== 'other' && x.role !== 'causes')) continue;
    setBlockRole(blocks[k]!, 'causes', named);
  }
}

/**
 * The longest title (Han characters) of an Arabic-numbered heading found after a sentence end inside a paragraph
 * (……的思想。2.监督检查不够深入。……): a longer one is a numbered point of the prose. No heading written blind in
 * the dev-blind drafts runs over 21.
 */
const RUN_IN_TITLE_MAX = 24;

/** Is `next` the second half of the title `first`, cut by a paste (一、关于加强 / 基层党组织建设的几点思考)? */
function continuesTitle(first: string, next: string): boolean {
  if (!first || next.length < 2 || next.length > 30 || first.length + next.length > 45) return false;
  if (/[。！？!?；;，,：:、“”]/.test(next) || /[。！？!?；;，,：:、]$/.test(first)) return false;
  if (parseHeading(next) || DECIMAL.test(next) || CIRCLED.test(next) || LIST_MARKER.test(next) || LABEL_RE.test(next)) return false;
  if (INCOMPLETE_END.test(first)) return true;
  return strongRole(first + next) !== null && strongRole(first) === null && weakRole(first) === null;
}

/**
 * A short field line (来源：……, 作者：……, 时间：……): complete in itself though it ends without a mark, so the
 * line after it may be a title.
 */
const FIELD_LINE = /^[\u4e00-\u9fff]{1,6}[：:][^。！？!?；;，,]{1,40}$/;

/** Is line i (a short line without number) an unnumbered section heading in its context? */
function isTitleLineHeading(lines: readonly LayoutLine[], i: number, first: number, last: number, seenBody: boolean, prevHeading: boolean): boolean {
  // A trailing colon is allowed: “存在的主要问题：” on a line of its own.
  const t = lines[i]!.trimmed.replace(/[:：]$/, '');
  if (t.length < 2 || t.length > 30 || /[。！？!?；;，,：:、]/.test(t)) return false;
  if (!seenBody && !prevHeading) return false;
  // A line of its own may name a report section (一年来的主要工作, 个人廉洁自律情况).
  const strong = strongRole(t, true);
  // An action line (立足岗位把……落到实处): short, Han characters only (not 开头部分已省略365字……).
  if (!strong && !(t.length <= 20 && (weakRole(t) || (hanCount(t) === t.length && actionRole(t))))) return false;
  // The previous line must be complete (not the first half of a broken line) …
  let p = i - 1;
  while (p >= first && lines[p]!.kind === 'blank') p--;
  if (p >= first && lines[p]!.kind === 'body' && !prevHeading && !/[。！？!?；;：:…”"）)]$/.test(lines[p]!.trimmed) && !FIELD_LINE.test(lines[p]!.trimmed)) return false;
  // … and a paragraph must follow.
  let q = i + 1;
  while (q <= last && lines[q]!.kind === 'blank') q++;
  return q <= last && lines[q]!.kind === 'body' && lines[q]!.trimmed.length >= 20;
}

/**
 * A heading about the time to come in the writer's own words (今后我打算这么干, 下一步重点抓好三件事, 新的一年的
 * 几点设想): the plan, measures, when nothing else names its role.
 */
const FORWARD_TOP = /^(?:下一步|下步|今后|明年|来年|新的一年|新一年|下阶段|下一阶段|下半年)|(?:打算|计划|设想)$/;

/** The longest section line without a number or a role word (刚进村，我是个“门外汉”). */
const SECTION_LINE_MAX = 24;
/** A line that is a date, a signature or a place and time, not a section title. */
const NOT_SECTION = /[0-9０-９]|年.{0,3}月|^(?:附件|来源|作者|编辑|责任编辑|发布|时间|地点|主持人?|记录人?|参加人员|出席)|[：:]$/;

/**
 * Is line i a section title of a draft laid out in unnumbered lines, though it names no role (回头看，自己还有
 * 不少短板 / 今后我打算这么干 / 县委办召开“以案促改”警示教育会)? A short line of its own with no sentence end,
 * after a finished paragraph and before a paragraph of its own. Accepted only where the draft has two or more
 * such lines (see 'lines' in the sibling checks): one short line between paragraphs may be anything.
 */
function isSectionLine(lines: readonly LayoutLine[], i: number, first: number, last: number, seenBody: boolean): boolean {
  const t = lines[i]!.trimmed;
  const n = hanCount(t);
  if (!seenBody || n < 4 || n > SECTION_LINE_MAX || t.length > SECTION_LINE_MAX + 6) return false;
  if (/[。！？!?；;…]/.test(t) || NOT_SECTION.test(t)) return false;
  // The line before (web residue such as 【第11期】 passed over) ends complete: a sentence, a quotation, a
  // bracket ([图片]) or a colon that announces what follows.
  let p = i - 1;
  while (p >= first && (lines[p]!.kind === 'blank' || lines[p]!.kind === 'residue')) p--;
  if (p < first || lines[p]!.kind !== 'body' || !/[。！？!?；;…”"）)\]】：:]$/.test(lines[p]!.trimmed)) return false;
  let q = i + 1;
  while (q <= last && lines[q]!.kind === 'blank') q++;
  return q <= last && lines[q]!.kind === 'body' && hanCount(lines[q]!.trimmed) >= 30 && /[。！？!?；;]/.test(lines[q]!.trimmed);
}

/** Is cands[at] a label followed by text on its line (整改措施：……) inside a numbered sub-section? */
function isFieldLabel(cands: readonly Candidate[], at: number, lineEnd: number): boolean {
  const c = cands[at]!;
  if (c.kind !== 'label' || c.end >= lineEnd) return false;
  for (let k = at - 1; k >= 0; k--) if (cands[k]!.kind === 'numbered') return cands[k]!.level >= 2;
  return false;
}

function essaySections(layout: Layout, essayIndex: number): OutlineSection[] {
  const { lines } = layout;
  const essay = layout.essays[essayIndex]!;
  const cands: Candidate[] = [];
  let seenBody = false;
  const bodyLines: number[] = [];
  let consumed = -1;
  let attachments = false;
  for (let i = essay.firstLine; i <= essay.lastLine; i++) {
    const line = lines[i]!;
    if (line.kind === 'front') {
      // 摘要：…, 关键词：… open sections of their own.
      const l0 = lead(line.text);
      const m = FRONT_LABEL.exec(line.text.slice(l0));
      if (m) {
        const word = m[1]!.replace(/[\s\u3000]+/g, '');
        const title = /^abstract$/i.test(word) ? '摘要' : /^key/i.test(word) ? '关键词' : word;
        cands.push({
          kind: 'label', level: 1, number: '', value: 0, title, start: line.start + l0, end: line.start + l0 + m[0].length,
          line: i, needs: null, family: 'label', decimal: 0,
        });
      }
      continue;
    }
    if (line.kind !== 'body' || i === consumed) continue;
    bodyLines.push(i);
    // 附件：1．名额分配表 / 2．报名回执 — the numbered lines of an attachment list are file names.
    if (ATTACHMENTS.test(line.trimmed)) attachments = true;
    else if (attachments && line.trimmed.length <= 40 && !SENTENCE_END.test(line.trimmed) && parseHeading(line.text)) continue;
    else attachments = false;
    const before = cands.length;
    lineCandidates(line, i, cands);
    const lineStartHeading = cands.length > before && cands[before]!.start - line.start === lead(maskMarkup(line.text));
    // “整改措施：一是……”, “存在问题：……” under a numbered sub-heading (（一）关于……的问题) are fields of
    // that sub-section (the layout of rectification reports and self-examinations), not sections of
    // their own: the sub-heading keeps its place and the run-in items after the colon go under it.
    const field = lineStartHeading && isFieldLabel(cands, before, line.start + line.text.trimEnd().length);
    if (field) cands.splice(before, 1);
    else if (lineStartHeading) {
      const c = cands[before]!;
      // Right after a paragraph cut off mid-sentence, “7、要性，……” is a page number glued to the rest of
      // the sentence (a page break in the paste): only a real sibling makes it a heading.
      const prevLine = lines[i - 1];
      if (
        c.kind === 'numbered' && c.needs === null && prevLine && prevLine.kind === 'body' && prevLine.trimmed.length >= 30 &&
        !/[。！？!?；;：:…”"’）)】」』]$/.test(prevLine.trimmed)
      ) c.needs = 'mid';
      // A title line broken in two by a paste: the next line finishes it.
      const next = lines[i + 1];
      if (
        c.kind === 'numbered' && c.end === line.start + line.text.trimEnd().length && cands.length === before + 1 &&
        next && i + 1 <= essay.lastLine && next.kind === 'body' && continuesTitle(c.title, next.trimmed)
      ) {
        c.title += next.trimmed;
        c.end = next.start + lead(next.text) + next.trimmed.length;
        consumed = i + 1;
      }
    } else if (!field) {
      const prev = cands.length > 0 && cands[cands.length - 1]!.line === bodyLines[bodyLines.length - 2];
      // Right under a numbered sub-heading ((二)把在职党员作用发挥出来 / 建立在职党员⏎……), a short line opens
      // that sub-section's text (often cut by a stray line break): a section of the top level cannot stand there.
      const under = prev && cands[cands.length - 1]!.kind === 'numbered' && cands[cands.length - 1]!.level >= 2;
      const named = !under && isTitleLineHeading(lines, i, essay.firstLine, essay.lastLine, seenBody, prev);
      if (named || (cands.length === before && isSectionLine(lines, i, essay.firstLine, essay.lastLine, seenBody))) {
        const l0 = lead(line.text);
        const title = line.trimmed.replace(/[:：]$/, '');
        cands.splice(before, 0, {
          kind: 'title-line', level: 1, number: '', value: 0, title,
          start: line.start + l0, end: line.start + l0 + line.trimmed.length, line: i, needs: named ? null : 'lines', family: 'title-line', decimal: 0,
        });
        // Numbered markers found inside a title line are not headings.
        cands.length = before + 1;
      }
    }
    if (hanCount(line.trimmed) >= 30) seenBody = true;
  }

  // Decimal numbering (1 → 1.1 → 1.1.1) needs at least two decimal headings; a top-level "1 …"/"1." of that
  // scheme is level 1 when one of its decimal children follows.
  const decimals = cands.filter((c) => c.needs === 'decimal');
  const decimalTops = new Set(decimals.length >= 2 ? decimals.map((c) => c.decimal) : []);
  // "1 指导思想 … 3 活动内容 / 3.1 … / 5 保障措施": once the scheme is shown by a top with decimal children, its
  // numbered siblings without children (1, 2, 5, 6) are sections of the same scheme (consecutive numbers).
  if (decimalTops.size) {
    const tops = cands.filter((c) => c.needs === 'decimal-top');
    let changed = true;
    while (changed) {
      changed = false;
      for (let k = 0; k < tops.length; k++) {
        const c = tops[k]!;
        if (decimalTops.has(c.value)) continue;
        const prev = tops[k - 1];
        const next = tops[k + 1];
        if ((prev && prev.value === c.value - 1 && decimalTops.has(prev.value)) || (next && next.value === c.value + 1 && decimalTops.has(next.value))) {
          decimalTops.add(c.value);
          changed = true;
        }
      }
    }
  }
  const hasHanTop = cands.some((c) => c.family === '1:han');
  if (decimalTops.size && !hasHanTop) {
    for (const c of cands) {
      if (c.family === '3:arabic' && c.needs === null && decimalTops.has(c.value) && /^[0-9０-９]/.test(c.number)) {
        c.level = 1;
        c.family = 'decimal:1';
      }
    }
  }

  // Run-in lists: a sequence of the same family (一是 → 二是, 首先 → 其次 → 最后, ① → ②) with no other
  // heading between its items. A lone item is body text.
  const seqOk = new Set<Candidate>();
  /** The accepted run of each accepted list item. */
  const runOf = new Map<Candidate, Candidate[]>();
  const byFamily = new Map<string, Candidate[]>();
  const structural: number[] = [];
  for (const c of cands) {
    if (c.needs === 'seq') {
      let group = byFamily.get(c.family);
      if (!group) byFamily.set(c.family, (group = []));
      group.push(c);
    } else if (c.needs === null || c.needs === 'decimal' || c.needs === 'decimal-top') structural.push(c.start);
  }
  structural.sort((x, y) => x - y);
  /** Is there a numbered, decimal, label or title-line heading strictly between offsets a and b? */
  const structuralBetween = (a: number, b: number): boolean => {
    let lo = 0;
    let hi = structural.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (structural[mid]! <= a) lo = mid + 1;
      else hi = mid;
    }
    return lo < structural.length && structural[lo]! < b;
  };
  for (const [family, items] of byFamily) {
    items.sort((x, y) => x.start - y.start);
    let run: Candidate[] = [];
    const flush = () => {
      // A list starts at its first item (一是, 第一, 首先, ①): “……；二是……；三是……” after “，一是” missed is
      // not taken half.
      const ordered = run[0]!.value === 1;
      if (run.length >= 2 && ordered) {
        const members = run;
        for (const c of members) {
          seqOk.add(c);
          runOf.set(c, members);
        }
      }
      run = [];
    };
    for (const c of items) {
      const prev = run[run.length - 1];
      const follows =
        prev &&
        (family === 'order' ? c.value > prev.value : c.value === prev.value + 1) &&
        !structuralBetween(prev.start, c.start);
      if (prev && !follows) flush();
      run.push(c);
    }
    if (run.length) flush();
  }

  const inlineCount = cands.reduce((n, o) => n + (o.needs === 'inline' ? 1 : 0), 0);
  // Unnumbered section lines named by no role word count when the draft is laid out in such lines (two or more,
  // with those that name a role).
  const sectionLines = cands.reduce((n, o) => n + (o.kind === 'title-line' ? 1 : 0), 0);
  // Sibling checks.
  const lastBody = bodyLines.filter((i) => !lines[i]!.dup && lines[i]!.trimmed.length >= 10).slice(-2);
  const accepted = cands.filter((c) => {
    switch (c.needs) {
      case null:
        return true;
      case 'mid':
      case 'bare':
        return cands.some(
          (o) => o !== c && o.family === c.family && ((o.value === c.value - 1 && o.start < c.start) || (o.value === c.value + 1 && o.start > c.start)),
        );
      case 'decimal':
        return decimals.length >= 2;
      case 'decimal-top':
        return decimalTops.has(c.value);
      case 'inline':
        return inlineCount >= 2;
      case 'lines':
        return sectionLines >= 2;
      case 'seq':
        return seqOk.has(c);
      case 'last':
        return lastBody.includes(c.line);
      default:
        return false;
    }
  });
  accepted.sort((a, b) => a.start - b.start);

  /**
   * The list item of another run that encloses each list item: “一要……。首先……其次……。二要……” puts
   * 首先/其次 under 一要 (between two of its items, or after its last item in the same paragraph). One pass
   * in text order over the few runs open at each point.
   */
  const enclosingOf = new Map<Candidate, Candidate>();
  {
    const open: Candidate[][] = [];
    const lastSeen = new Map<Candidate[], Candidate>();
    for (const c of accepted) {
      const own = runOf.get(c);
      if (!own) continue;
      // A run stays open while items of it follow, or on the line of its last item.
      for (let k = open.length - 1; k >= 0; k--) {
        const run = open[k]!;
        const seen = lastSeen.get(run)!;
        if (run[run.length - 1]!.start > c.start || (seen === run[run.length - 1] && seen.line === c.line)) continue;
        open.splice(k, 1);
      }
      let best: Candidate | null = null;
      for (const run of open) {
        // Only a run that began before this item's own run can enclose it.
        if (run === own || run[0]!.start > own[0]!.start) continue;
        const item = lastSeen.get(run)!;
        if (structuralBetween(item.start, c.start)) continue;
        if (!best || item.start > best.start) best = item;
      }
      if (best) enclosingOf.set(c, best);
      if (!lastSeen.has(own)) open.push(own);
      lastSeen.set(own, c);
    }
  }
  const levelOf = new Map<Candidate, Level>();

  // A report on a past period (工作总结, 述职报告): a top section about the time to come (下一步工作打算,
  // 2025年工作计划) after top sections that name no measures. Its action-worded top sections before the
  // problems (or before the plan) recount work done — “other”, like 主要工作及成效 (see $reports in
  // roles.json) — unless one of them is named as measures (整改落实情况, 主要做法: then they are what was done
  // about the problems, a rectification account).
  let recountEnd = -1;
  /**
   * The draft looks back on a period (it names problems, causes or a plan for the time to come): a heading
   * that states a result (……，队伍素质全面提升) reports one. In a plan or a list of tasks (工作要点, 实施方案)
   * the same wording states a goal, and the heading is a measure.
   */
  let looksBack = false;
  /**
   * A rectification report (整改落实情况, 问题整改进展): its other accounts of what was done (建立健全长效机制情况)
   * are what was done about the problems too — measures, as 整改落实情况 itself is.
   */
  let rectifying = false;
  {
    const tops = accepted.filter((c) => c.level === 1 && (c.kind === 'numbered' || c.kind === 'label' || c.kind === 'title-line'));
    rectifying = tops.some((c) => RECTIFICATION.test(c.title)) || RECTIFICATION_TITLE.test(essay.title);
    const plan = tops.findIndex((c) => isForwardPlan(c.title));
    const roles = tops.map((c) => (c.kind === 'label' ? (LABELS.get(c.title) ?? 'other') : strongRole(c.title, true)));
    const issue = roles.findIndex((r) => r === 'problems' || r === 'causes');
    looksBack = plan >= 0 || issue >= 0;
    if (plan > 0) {
      const end = issue >= 0 && issue < plan ? issue : plan;
      // Causes with no problems before them: the tops before are the areas the problems were found in
      // (see problemsBeforeCauses), not an account of work done.
      // An experience report (经验交流材料, ……工作法) gives its methods as action headings before their results
      // and its plan: they are its 做法, measures, not an account of the year's work.
      const experience = EXPERIENCE_TITLE.test(essay.title) && issue < 0;
      if (!rectifying && !experience && !roles.slice(0, end).includes('measures') && roles[end] !== 'causes') recountEnd = tops[end]!.start;
    }
  }

  // Levels of list items, roles.
  const sections: OutlineSection[] = [];
  /** Sections whose role comes from a cue in their own wording (not inherited, not the fallback). */
  const named = new Set<OutlineSection>();
  /** The latest section at each level (index 1..4), and the latest that is not a list item. */
  const lastAt: (OutlineSection | undefined)[] = [];
  let lastNonList: OutlineSection | undefined;
  /** The latest section with a title of its own (not a list item, not an inline first sentence). */
  let lastTitled: OutlineSection | undefined;
  for (const c of accepted) {
    let level = c.level;
    if (c.kind === 'list') {
      level = Math.min(4, (lastNonList?.level ?? 0) + 1) as Level;
      const outer = enclosingOf.get(c);
      const outerLevel = outer ? levelOf.get(outer) : undefined;
      if (outerLevel !== undefined) level = Math.min(4, outerLevel + 1) as Level;
      levelOf.set(c, level);
    }
    // An inline heading (a paragraph's short first sentence) under a titled section is one of its items.
    const inlineUnder = c.kind === 'inline' && lastTitled !== undefined;
    if (inlineUnder) level = Math.min(4, lastTitled!.level + 1) as Level;
    const top = c.kind === 'label' || c.kind === 'conclusion' || c.kind === 'title-line' || (c.kind === 'inline' && !inlineUnder);
    if (top) level = 1;
    // The parent is the latest section of a higher level.
    let parent: OutlineSection | undefined;
    if (!top) for (let l = 1; l < level; l++) if (lastAt[l] && (!parent || lastAt[l]!.start > parent.start)) parent = lastAt[l];
    let role: Role;
    let own = true;
    let strong = c.kind === 'label' ? (LABELS.get(c.title) ?? 'other') : c.kind === 'conclusion' ? 'conclusion' : strongRole(c.title);
    // Report sections (工作完成情况, 取得的成效, 主要工作及成效) name themselves where no parent gives a role;
    // under a problems or measures heading a 情况 item is one of its points.
    if (!strong && (!parent || (parent.role === 'other' && !named.has(parent)))) {
      strong = strongRole(c.title, true) ?? clauseRole(c.title);
      // In a rectification account, an account of an action (建立健全长效机制情况, 巩固拓展整改成果) is
      // what was done about the problems: measures; so is a rectification account itself
      // (上年度民主生活会整改事项落实情况).
      if (!strong && RESULT_REPORT.test(c.title)) strong = 'other';
      // An action on results (持续巩固拓展主题教育成果, 用好调研成果): the results are its object.
      else if (strong === 'other' && actsOnResults(c.title)) strong = 'measures';
      if (strong === 'other' && (RECTIFICATION.test(c.title) || (rectifying && actionRole(c.title.replace(/情况$/, ''))))) strong = 'measures';
    }
    // A point made from a perspective (从现实情况看，……仍有薄弱之处) under the background or the situation is
    // one of its views: it keeps the parent's role whatever its second clause names.
    if (parent?.role === 'intro' && PERSPECTIVE.test(c.title)) strong = null;
    // Under the background (基本情况), an item named as results (（一）主要成效, 取得的成绩) reports them: 'other'.
    if (!strong && parent?.role === 'intro' && RESULT_NOUN.test(c.title)) strong = 'other';
    // Under a section that names itself as none of the argument's roles (培训内容, 有关要求, 参加人员), items
    // are topics and arrangements: “……的经验做法” there is a subject of study, not a measures section.
    if (parent && parent.role === 'other' && named.has(parent)) strong = null;
    // Causes are told in the words of problems (能力上有短板, 监督存在薄弱环节): under a causes heading such
    // wording does not make a problems section.
    if (strong === 'problems' && parent?.role === 'causes') strong = null;
    // Likewise a rectification section lists the problems it fixes (整改落实情况 → （一）关于……的问题): under
    // a heading that names measures, a problem's name is the item being rectified.
    if (strong === 'problems' && parent?.role === 'measures' && (named.has(parent) || rectifying)) strong = null;
    if (strong) role = strong;
    else if (parent && (parent.role !== 'other' || named.has(parent))) {
      // An “other” parent passes its role on only when its wording names it (有关要求, 参加人员); a parent
      // that is “other” for want of any cue lets its children's own action wording decide.
      role = parent.role;
      own = false;
    } else if (!parent && c.start < recountEnd && !(statementRole(c.title) ?? copulaRole(c.title))) {
      // (A statement of what something is — 党章是……的总章程 — recounts no work: it falls through to intro.)
      // A top section of a report's account of past work (see recountEnd): its items inherit “other”.
      role = 'other';
      strong = 'other';
    } else role = (looksBack ? resultRole(c.title) : null) ?? (parent ? null : (statementRole(c.title) ?? copulaRole(c.title))) ?? actionRole(c.title) ?? instrumentalRole(c.title) ?? imperativeRole(c.title) ?? (FORWARD_TOP.test(c.title) ? 'measures' : 'other');
    if (c.kind === 'conclusion') {
      // A 总之-paragraph inside a 结束语 section is not a section of its own.
      if (lastAt[1]?.role === 'conclusion') continue;
    }
    const section: OutlineSection = { level, number: c.number, title: c.title, role, start: c.start, end: c.end, kind: c.kind, essay: essayIndex, own };
    // A role inherited from a heading that names it is named for the items below too (工作开展情况 →
    // （二）严格组织生活，…… → 一是规范“三会一课”: all of the report).
    if (strong || (!own && parent && named.has(parent))) named.add(section);
    sections.push(section);
    lastAt[level] = section;
    if (c.kind !== 'list') lastNonList = section;
    if (c.kind !== 'list' && c.kind !== 'inline') lastTitled = section;
  }

  askedThenNamed(sections);
  // Roles from the place of a top section in the argument and from its items (linear passes over the tops).
  const blocks = blocksOf(sections);
  roleFromItems(blocks, named);
  problemsBeforeCauses(blocks, named);
  surveyState(blocks, named, essay.title);
  causesBetween(blocks, named);
  reflectionsAfterResults(blocks, named);

  // Implicit intro: body text before the first heading (or the first paragraph of a draft without headings).
  const firstStart = sections.length ? sections[0]!.start : Infinity;
  let introStart = -1;
  let introEnd = -1;
  let han = 0;
  for (const i of bodyLines) {
    const line = lines[i]!;
    if (line.start >= firstStart) break;
    const l0 = line.start + lead(line.text);
    const end = Math.min(line.start + line.text.trimEnd().length, firstStart);
    const piece = layout.text.slice(l0, end);
    const n = hanCount(piece);
    // Author, affiliation and other short lines without punctuation do not open an intro.
    if (introStart === -1 && n < 40 && !/[。！？；，,、：:]/.test(piece)) continue;
    if (introStart === -1) introStart = l0;
    introEnd = end;
    han += n;
    if (!sections.length) break;
  }
  if (introStart >= 0 && han >= 20) {
    while (introEnd > introStart && /\s/.test(layout.text[introEnd - 1]!)) introEnd--;
    sections.unshift({
      level: 1, number: '', title: '', role: 'intro', start: introStart, end: introEnd, kind: 'implicit', essay: essayIndex, own: true,
    });
  }
  return sections;
}

/** Sections of every essay of an already computed layout. */
export function outlineOfLayout(layout: Layout): OutlineSection[] {
  const all: OutlineSection[] = [];
  for (let e = 0; e < layout.essays.length; e++) all.push(...essaySections(layout, e));
  return all;
}

/**
 * The text with every traditional-script line in simplified characters, when no line changes length
 * (OpenCC's phrase table rarely changes it), so markers, labels and role words are found in 最後, 結束語,
 * 存在問題 as in their simplified forms and every offset still holds. Null for simplified text.
 */
function simplifiedText(text: string): string | null {
  if (countScript(text).traditional === 0) return null;
  let out = '';
  let changed = false;
  for (const p of splitParagraphs(text)) {
    const view = simplifiedView(p.text);
    const line = view && view.text.length === p.text.length ? view.text : p.text;
    if (line !== p.text) changed = true;
    out += line + p.lineBreak;
  }
  return changed && out.length === text.length ? out : null;
}

/** The draft's sections with levels and roles, in text order (offsets in UTF-16 units). */
export function outlineOf(text: string): Section[] {
  const simplified = simplifiedText(text);
  const seen = simplified ?? text;
  return outlineOfLayout(layoutOf(seen)).map(({ level, number, title, role, start, end, kind }) => {
    if (simplified) {
      // Titles as written: the same range of the original text.
      const at = seen.indexOf(title, start);
      if (title && at >= 0 && at + title.length <= end) title = text.slice(at, at + title.length);
    }
    return { level, number, title, role, start, end, kind };
  });
}
