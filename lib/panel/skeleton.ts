/**
 * The heading skeleton the outline view inserts for a missing section: the corpus's example heading with
 * a level-1 marker that fits where it goes (the number of the heading it is inserted before, else one
 * more than the level-1 heading before it; none in an unnumbered draft), on a line of its own. Pure.
 */
import { canonicalMarker, hanNumeralValue } from '../engine/headings';
import type { MissingSection, Section } from '../corpus/types';

/** A marker at the start of a corpus heading (一、 （二） 3. 4、). */
const MARKER = /^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[、.．])\s*/;

function valueOf(s: Section): number {
  if (!s.number) return 0;
  return /^\d+$/.test(s.number) ? Number(s.number) : hanNumeralValue(s.number);
}

export function headingSkeleton(text: string, sections: readonly Section[], missing: Pick<MissingSection, 'example' | 'name' | 'insertAt'>): { at: number; text: string; heading: string } {
  const title = (missing.example || missing.name).replace(MARKER, '').trim() || missing.name;
  const at = Math.max(0, Math.min(missing.insertAt, text.length));
  const numbered = sections.filter((s) => s.level === 1 && s.kind === 'numbered' && valueOf(s) > 0);
  const next = numbered.find((s) => s.start >= at);
  const previous = numbered.filter((s) => s.start < at).pop();
  const value = next && next.start === at ? valueOf(next) : previous ? valueOf(previous) + 1 : 0;
  const heading = value > 0 ? `${canonicalMarker(1, value)}${title}` : title;
  // On a line of its own: a break before it unless it starts a line, after it unless a line follows.
  const before = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
  const after = at < text.length ? '\n' : '';
  return { at, text: `${before}${heading}${after}`, heading };
}
