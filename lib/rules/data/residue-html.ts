/**
 * HTML left in copied text: tags (<p>, </span>, < br>, <p style="…">), tags that lost one bracket at a line
 * edge (span style="font-size:16px;"> / <div class="x"), escaped tags (&lt;br/&gt;) and character entities
 * (&nbsp; &ldquo; &#12288;). Chinese official text never contains these, so each is residue wherever it is.
 *
 * Only the element names of ordinary rich text count as tags, so "a<b" or "x < 5" stays alone.
 */

import { isHanCode } from '../../engine/text';

export interface HtmlHit {
  start: number;
  end: number;
  /** What the residue stands for: '' for tags and spaces, the character for a quote or dash entity. */
  fix: string;
}

/** Element names that rich-text editors and CMS pages emit. */
const TAG_NAMES =
  'p|br|span|div|strong|b|i|em|u|s|font|a|img|table|tbody|thead|tr|td|th|ul|ol|li|h[1-6]|section|article|blockquote|sup|sub|hr|center|small|big|label|o:p|st1:[a-z]+|w:[a-z]+';
/** One attribute: name="value", name='value' or name=value. */
const ATTR = String.raw`[a-zA-Z:-]+\s*=\s*(?:"[^"\n]*"|'[^'\n]*'|[^\s"'<>]+)`;

/** A whole tag, also with spaces inside the brackets (< br>, </ p >, <br/>). */
const TAG = new RegExp(String.raw`<\s*\/?\s*(?:${TAG_NAMES})(?:\s+${ATTR})*\s*\/?\s*>`, 'gi');
/** The opening "<" lost: a tag name with at least one attribute and the closing ">" (span style="…">). */
const HALF_OPEN = new RegExp(String.raw`(?<![A-Za-z<])\/?(?:${TAG_NAMES})(?:\s+${ATTR})+\s*\/?>`, 'gi');
/** The closing ">" lost at the end of a line: <p style="… or </span */
const HALF_CLOSE = new RegExp(String.raw`<\s*\/?\s*(?:${TAG_NAMES})(?:\s+${ATTR})*\s*(?:\s+[a-zA-Z:-]+\s*=\s*["'][^"'\n]*)?$`, 'i');
/** Escaped tags: &lt;br/&gt; &lt;p&gt; */
const ESCAPED_TAG = new RegExp(String.raw`&lt;\s*\/?\s*(?:${TAG_NAMES})(?:\s+[^&\n]{0,120}?)?\s*\/?\s*&gt;`, 'gi');
/** Character entities; &nbsp is often written without its semicolon. */
const ENTITY = /&(?:(nbsp|ensp|emsp|thinsp|zwnj|zwj);?|(amp|lt|gt|quot|apos|ldquo|rdquo|lsquo|rsquo|mdash|ndash|hellip|middot|bull|copy|reg|times|deg);|#(\d{2,6});|#[xX]([0-9a-fA-F]{2,5});)/g;

/**
 * Control characters written out by a broken export: x0dx0a (a CRLF as hex, common in copied Q&A answers)
 * and literal \r \n \t. Deleted: they stand for breaks the page never showed.
 */
const ESCAPED_CONTROL = /(?:x0d|x0a){1,8}|(?:\\[rnt]){1,8}/g;

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
  mdash: '—', ndash: '–', hellip: '…', middot: '·', bull: '•', copy: '©', reg: '®', times: '×', deg: '°',
};

/** Code points that are white space in HTML (&#160; &#12288; &#8194; …): deleted like &nbsp;. */
function isSpaceCodePoint(cp: number): boolean {
  return cp === 32 || cp === 9 || cp === 0xa0 || cp === 0x3000 || (cp >= 0x2000 && cp <= 0x200b) || cp === 0xfeff;
}

function entityFix(m: RegExpExecArray): string | null {
  if (m[1]) return '';
  if (m[2]) return NAMED[m[2].toLowerCase()] ?? null;
  const cp = m[3] ? Number(m[3]) : parseInt(m[4]!, 16);
  if (!Number.isFinite(cp) || cp > 0x10ffff || cp < 32) return null;
  return isSpaceCodePoint(cp) ? '' : String.fromCodePoint(cp);
}

/** Every HTML residue in a line, in order, not overlapping. */
export function findHtml(line: string): HtmlHit[] {
  // Cheap gate (indexOf is a native scan): a line without < > & holds no HTML residue.
  const x = line.indexOf('x0') !== -1 || line.indexOf('\\') !== -1;
  if (line.indexOf('<') === -1 && line.indexOf('>') === -1 && line.indexOf('&') === -1 && !x) return [];
  const hits: HtmlHit[] = [];
  const add = (start: number, end: number, fix: string) => {
    if (hits.some((h) => start < h.end && h.start < end)) return;
    hits.push({ start, end, fix });
  };
  if (line.includes('&')) {
    ESCAPED_TAG.lastIndex = 0;
    for (let m = ESCAPED_TAG.exec(line); m; m = ESCAPED_TAG.exec(line)) add(m.index, m.index + m[0].length, '');
    ENTITY.lastIndex = 0;
    for (let m = ENTITY.exec(line); m; m = ENTITY.exec(line)) {
      const fix = entityFix(m);
      if (fix !== null) add(m.index, m.index + m[0].length, fix);
    }
  }
  if (x) {
    ESCAPED_CONTROL.lastIndex = 0;
    for (let m = ESCAPED_CONTROL.exec(line); m; m = ESCAPED_CONTROL.exec(line)) {
      // Only between Chinese text or spaces: "0x0a" in a hex dump or a Windows path is no residue.
      const before = line.charCodeAt(m.index - 1);
      const after = line.charCodeAt(m.index + m[0].length);
      const ok = (c: number) => Number.isNaN(c) || isHanCode(c) || c === 0x20 || c === 0x3000 || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef);
      if (ok(before) && ok(after)) add(m.index, m.index + m[0].length, '');
    }
  }
  if (line.includes('<')) {
    TAG.lastIndex = 0;
    for (let m = TAG.exec(line); m; m = TAG.exec(line)) add(m.index, m.index + m[0].length, '');
    const half = HALF_CLOSE.exec(line);
    if (half) add(half.index, line.length, '');
  }
  if (line.includes('>')) {
    HALF_OPEN.lastIndex = 0;
    for (let m = HALF_OPEN.exec(line); m; m = HALF_OPEN.exec(line)) add(m.index, m.index + m[0].length, '');
  }
  hits.sort((a, b) => a.start - b.start);
  // &quot; in Chinese text stands for a Chinese quotation mark: opening and closing in turn.
  let quote = 0;
  for (const h of hits) {
    if (h.fix !== '"' || !(isHanCode(line.charCodeAt(h.start - 1)) || isHanCode(line.charCodeAt(h.end)) || '、，。：；（'.includes(line[h.start - 1] ?? ''))) continue;
    h.fix = quote++ % 2 === 0 ? '“' : '”';
  }
  // Neighbouring residue (&nbsp;&nbsp;, &mdash;&mdash;, </p><p>) becomes one hit with one fix.
  const merged: HtmlHit[] = [];
  for (const h of hits) {
    const last = merged[merged.length - 1];
    if (last && last.end === h.start) {
      last.end = h.end;
      last.fix += h.fix;
    }
    else merged.push({ ...h });
  }
  return merged;
}
