/**
 * Word segmentation through Intl.Segmenter (built into browsers and Node).
 *
 * Segmenting a whole document costs about 23 ms per 10,000 characters, far over the engine's budget,
 * so rules find candidates with cheap scans first and segment only a small window around each one.
 */

export interface Word {
  /** Offset in the text that was passed to wordsAround (not in the window). */
  start: number;
  end: number;
  segment: string;
  /** Segmenter's judgement: letters/ideographs (true) or punctuation/space (false). */
  isWordLike: boolean;
}

let segmenter: Intl.Segmenter | null = null;

function getSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
  return segmenter;
}

/** Segment text[from, to) and return words with offsets in `text`. */
export function segmentRange(text: string, from: number, to: number): Word[] {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  const words: Word[] = [];
  for (const s of getSegmenter().segment(text.slice(lo, hi))) {
    words.push({
      start: lo + s.index,
      end: lo + s.index + s.segment.length,
      segment: s.segment,
      isWordLike: s.isWordLike ?? false,
    });
  }
  return words;
}

/**
 * Does a word-like segment of `text` run across offset `at` (start before it, end after it)? One look-up
 * of the segment holding `at` instead of listing every segment: asked at line junctions and spaces.
 */
export function wordSpans(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const s = getSegmenter().segment(text).containing(at);
  return s !== undefined && (s.isWordLike ?? false) && s.index < at;
}

/**
 * The segmentation of text[from, to) (clamped to the text), asked where a word starts and how long it is.
 * The same segments as segmentRange(text, from, to), looked up one at a time (Segments.containing) rather
 * than listed: a caller that asks about two or three offsets of the window does not pay for an object and a
 * string per segment (listing a window of 14 characters cost ~2.5 × two look-ups).
 */
export class WordWindow {
  private readonly segments: Intl.Segments;
  private readonly lo: number;
  private readonly size: number;
  constructor(text: string, from: number, to: number) {
    this.lo = Math.max(0, from);
    const span = text.slice(this.lo, Math.min(text.length, to));
    this.size = span.length;
    this.segments = getSegmenter().segment(span);
  }

  /** Length of the segment that starts at `offset` (an offset in the text), or 0 when none starts there. */
  lengthAt(offset: number): number {
    const k = offset - this.lo;
    if (k < 0 || k >= this.size) return 0;
    const s = this.segments.containing(k);
    return s !== undefined && s.index === k ? s.segment.length : 0;
  }
}

/**
 * Segment a window of `radius` code units either side of [start, end). Words cut by the window edges
 * are unreliable, so callers should only trust words that do not touch the edges (see `trusted`).
 */
export function wordsAround(text: string, start: number, end: number, radius = 8): Word[] {
  return segmentRange(text, start - radius, end + radius);
}

/** Does any word boundary fall strictly inside (start, end)? i.e. does the segmenter split the range? */
export function boundariesInside(words: readonly Word[], start: number, end: number): number[] {
  const cuts: number[] = [];
  for (const w of words) if (w.start > start && w.start < end) cuts.push(w.start);
  return cuts;
}

/** The word that contains the offset, if any. */
export function wordAt(words: readonly Word[], offset: number): Word | undefined {
  return words.find((w) => w.start <= offset && offset < w.end);
}
