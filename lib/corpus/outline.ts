/**
 * Outline of a draft: every heading (numbered, 一是-lists, inline first sentences, unnumbered title
 * lines, labels such as 引言/结束语, closing 总之-paragraphs) with its level and section role.
 *
 * A sub-heading takes its parent's role unless its own wording names a role (原因, 对策, 存在的问题…);
 * action wording (加强…, 提高…) only decides the role of headings without a parent.
 */
import { hanNumeralValue, parseHeading } from '../engine/headings';
import { CONCLUSION_MARKERS, LABELS, strongRole, weakRole } from './curated';
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
  /** Numbered marker family for sibling checks (level + style group). */
  family: string;
}

const SENTENCE_END = /[。！？!?；;]/;
const LEAD_PUNCT = /^[\s\u3000，,、：:。．.]+/;
const TRAIL_PUNCT = /[\s\u3000。！？!?；;，,：:]+$/;

const LIST_MARKER = /^(?:第([一二三四五六七八九十]{1,3})(?:[，,、：:]|是)|([一二三四五六七八九十]{1,3})是|(首先|其次|再次|然后|最后)[，,、：:]?)/;
const ORDER_WORDS: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 然后: 3, 最后: 99 };
const CONCLUSION_RE = new RegExp(`^(?:${CONCLUSION_MARKERS.join('|')})[，,：:]`);
const LABEL_RE = new RegExp(`^(${[...LABELS.keys()].join('|')})\\s*(?:[:：]|$)`);
const BARE_NUMBER = /^([0-9０-９]{1,2})(?=[\u4e00-\u9fff])/;
/** A numbered marker after a sentence end inside a paragraph (the line break before it was lost). */
const MID_MARKER = /[。！？!?；;]\s*(?=(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]))/g;

function cleanTitle(s: string): string {
  return s.replace(LEAD_PUNCT, '').replace(TRAIL_PUNCT, '');
}

/** End of the first sentence of `text` from `from` (after its terminator), or the line end. */
function sentenceEnd(text: string, from: number): number {
  const rest = text.slice(from);
  const stop = rest.search(SENTENCE_END);
  return stop === -1 ? text.length : from + stop + 1;
}

function lead(text: string): number {
  let i = 0;
  while (i < text.length && /[\s\u3000]/.test(text[i]!)) i++;
  return i;
}

function numberedFamily(level: number, style: string): string {
  return `${level}:${style === 'bare' || style === 'dot' || style === 'dun' ? 'arabic' : style.startsWith('paren') ? 'paren' : 'han'}`;
}

/** Candidates found on one body line. */
function lineCandidates(line: LayoutLine, index: number, out: Candidate[]): void {
  const text = line.text;
  const off = line.start;
  const l0 = lead(text);
  const body = text.slice(l0);
  let scanFrom = 0;
  const ph = parseHeading(text);
  if (ph) {
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
    });
    scanFrom = ph.end;
  } else {
    let m: RegExpExecArray | null;
    if ((m = BARE_NUMBER.exec(body)) && body.length <= 40 && !SENTENCE_END.test(body)) {
      // “1加强政治觉悟……” — a number without its 、 or . (accepted only next to 2、/2.)
      const number = m[1]!;
      const value = Number(number.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
      out.push({
        kind: 'numbered', level: 3, number, value, title: cleanTitle(body.slice(m[0].length)),
        start: off + l0, end: off + text.length, line: index, needs: 'bare', family: numberedFamily(3, 'bare'),
      });
      scanFrom = text.length;
    } else if ((m = LABEL_RE.exec(body))) {
      const labelEnd = l0 + m[0].length;
      out.push({
        kind: 'label', level: 1, number: '', value: 0, title: m[1]!, start: off + l0, end: off + labelEnd,
        line: index, needs: null, family: 'label',
      });
      scanFrom = labelEnd;
    } else if ((m = LIST_MARKER.exec(body))) {
      const han = m[1] ?? m[2];
      const value = han ? hanNumeralValue(han) : ORDER_WORDS[m[3]!]!;
      const family = m[1] ? 'di' : m[2] ? 'shi' : 'order';
      const markerEnd = l0 + m[0].length;
      const end = sentenceEnd(text, markerEnd);
      const title = cleanTitle(text.slice(markerEnd, end));
      if (title && Number.isFinite(value)) {
        out.push({
          kind: 'list', level: 1, number: han ?? m[3]!, value, title, start: off + l0, end: off + end,
          line: index, needs: family, family,
        });
        scanFrom = end;
      }
    } else if (CONCLUSION_RE.test(body)) {
      const end = sentenceEnd(text, l0);
      out.push({
        kind: 'conclusion', level: 1, number: '', value: 0, title: cleanTitle(text.slice(l0, end)),
        start: off + l0, end: off + end, line: index, needs: 'last', family: 'conclusion',
      });
      scanFrom = end;
    } else {
      // Inline heading: a short first sentence without any inner punctuation, “明确任职资格。在……”.
      const end = sentenceEnd(text, l0);
      const first = text.slice(l0, end - 1);
      const n = hanCount(first);
      if (end < text.length - 30 && n >= 4 && n <= 12 && n === first.length && (strongRole(first) || weakRole(first))) {
        out.push({
          kind: 'inline', level: 1, number: '', value: 0, title: first, start: off + l0, end: off + end,
          line: index, needs: 'inline', family: 'inline',
        });
        scanFrom = end;
      }
    }
  }
  // Numbered markers after a sentence end inside the paragraph.
  MID_MARKER.lastIndex = scanFrom;
  let mm: RegExpExecArray | null;
  while ((mm = MID_MARKER.exec(text))) {
    const at = mm.index + mm[0].length;
    const h = parseHeading(text.slice(at));
    if (!h) continue;
    out.push({
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
    });
    MID_MARKER.lastIndex = at + h.end;
  }
}

/** Is line i (a short line without number) an unnumbered section heading in its context? */
function isTitleLineHeading(lines: readonly LayoutLine[], i: number, first: number, last: number, seenBody: boolean, prevHeading: boolean): boolean {
  const t = lines[i]!.trimmed;
  if (t.length < 2 || t.length > 30 || /[。！？!?；;，,：:、]/.test(t)) return false;
  if (!seenBody && !prevHeading) return false;
  const strong = strongRole(t);
  if (!strong && !(weakRole(t) && t.length <= 20)) return false;
  // The previous line must be complete (not the first half of a broken line) …
  let p = i - 1;
  while (p >= first && lines[p]!.kind === 'blank') p--;
  if (p >= first && lines[p]!.kind === 'body' && !prevHeading && !/[。！？!?；;：:…”"）)]$/.test(lines[p]!.trimmed)) return false;
  // … and a paragraph must follow.
  let q = i + 1;
  while (q <= last && lines[q]!.kind === 'blank') q++;
  return q <= last && lines[q]!.kind === 'body' && lines[q]!.trimmed.length >= 20;
}

function essaySections(layout: Layout, essayIndex: number): OutlineSection[] {
  const { lines } = layout;
  const essay = layout.essays[essayIndex]!;
  const cands: Candidate[] = [];
  let seenBody = false;
  const bodyLines: number[] = [];
  for (let i = essay.firstLine; i <= essay.lastLine; i++) {
    const line = lines[i]!;
    if (line.kind !== 'body') continue;
    bodyLines.push(i);
    const before = cands.length;
    lineCandidates(line, i, cands);
    const lineStartHeading = cands.length > before && cands[before]!.start - line.start === lead(line.text);
    if (!lineStartHeading) {
      const prev = cands.length > 0 && cands[cands.length - 1]!.line === bodyLines[bodyLines.length - 2];
      if (isTitleLineHeading(lines, i, essay.firstLine, essay.lastLine, seenBody, prev)) {
        const l0 = lead(line.text);
        cands.splice(before, 0, {
          kind: 'title-line', level: 1, number: '', value: 0, title: line.trimmed,
          start: line.start + l0, end: line.start + l0 + line.trimmed.length, line: i, needs: null, family: 'title-line',
        });
        // Numbered markers found inside a title line are not headings.
        cands.length = before + 1;
      }
    }
    if (hanCount(line.trimmed) >= 30) seenBody = true;
  }

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
      case 'inline':
        return cands.filter((o) => o.needs === 'inline').length >= 2;
      case 'order':
        return new Set(cands.filter((o) => o.family === 'order').map((o) => o.value)).size >= 2;
      case 'di':
      case 'shi':
        return cands.some((o) => o !== c && o.family === c.family && Math.abs(o.value - c.value) === 1);
      case 'last':
        return lastBody.includes(c.line);
      default:
        return false;
    }
  });
  accepted.sort((a, b) => a.start - b.start);

  // Levels of list items, roles.
  const sections: OutlineSection[] = [];
  for (const c of accepted) {
    let level = c.level;
    if (c.kind === 'list') {
      let parentLevel = 0;
      for (let k = sections.length - 1; k >= 0; k--) {
        if (sections[k]!.kind !== 'list') {
          parentLevel = sections[k]!.level;
          break;
        }
      }
      level = Math.min(4, parentLevel + 1) as Level;
    }
    const top = c.kind === 'label' || c.kind === 'conclusion' || c.kind === 'title-line' || c.kind === 'inline';
    if (top) level = 1;
    let parent: OutlineSection | undefined;
    if (!top) {
      for (let k = sections.length - 1; k >= 0; k--) {
        if (sections[k]!.level < level) {
          parent = sections[k];
          break;
        }
      }
    }
    let role: Role;
    let own = true;
    const strong = c.kind === 'label' ? (LABELS.get(c.title) ?? 'other') : c.kind === 'conclusion' ? 'conclusion' : strongRole(c.title);
    if (strong) role = strong;
    else if (parent && parent.role !== 'other') {
      role = parent.role;
      own = false;
    } else role = weakRole(c.title) ?? 'other';
    if (c.kind === 'conclusion') {
      // A 总之-paragraph inside a 结束语 section is not a section of its own.
      let topRole: Role | null = null;
      for (let k = sections.length - 1; k >= 0; k--) {
        if (sections[k]!.level === 1) {
          topRole = sections[k]!.role;
          break;
        }
      }
      if (topRole === 'conclusion') continue;
    }
    sections.push({ level, number: c.number, title: c.title, role, start: c.start, end: c.end, kind: c.kind, essay: essayIndex, own });
  }

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

/** The draft's sections with levels and roles, in text order (offsets in UTF-16 units). */
export function outlineOf(text: string): Section[] {
  return outlineOfLayout(layoutOf(text)).map(({ level, number, title, role, start, end, kind }) => ({
    level, number, title, role, start, end, kind,
  }));
}
