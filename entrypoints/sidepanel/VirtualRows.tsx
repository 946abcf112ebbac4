import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { visibleSpan } from '@/lib/panel/virtual';

/**
 * A list that puts only the rows on (and near) the screen into the DOM: a 100,000-character draft's
 * thousands of rows cost a few dozen elements. Rows have their own heights (sentences wrap): each one is
 * measured once it has been drawn, the others count with an estimate, and the space of the rows left out
 * is the list's padding above and below, so the page scrolls as if every row were there. The window's
 * scroll and size (and the list's own position, which moves when a group above opens) decide the span.
 */
export function VirtualRows<R>(props: {
  rows: readonly R[];
  keyOf(row: R): string;
  /** The row's `<li>`, with `item` spread on it (its key for the measurement, its position for AT). */
  render(row: R, item: VirtualItem): ComponentChildren;
  id?: string;
  class?: string;
  label?: string;
}) {
  const { rows, keyOf } = props;
  const list = useRef<HTMLUListElement>(null);
  const heights = useRef(new Map<string, number>());
  const [span, setSpan] = useState<readonly [number, number]>(() => [0, Math.min(rows.length, INITIAL)]);

  /** Measure the rows drawn, then the span that covers the screen now. */
  const update = () => {
    const ul = list.current;
    if (!ul) return;
    for (const li of Array.from(ul.children) as HTMLElement[]) {
      const key = li.dataset.vkey;
      if (key !== undefined) heights.current.set(key, li.offsetHeight + ROW_GAP);
    }
    // Where row 0 would be: the list's top (the rows left out above are its padding).
    const top = ul.getBoundingClientRect().top;
    const next = visibleSpan(rows.length, (i) => heights.current.get(keyOf(rows[i]!)) ?? ESTIMATE, -top, window.innerHeight - top, OVERSCAN);
    setSpan((prev) => (prev[0] === next[0] && prev[1] === next[1] ? prev : next));
  };

  // After every render: heights of new rows, and the span for the rows as they are now.
  useLayoutEffect(update);
  const latest = useRef(update);
  latest.current = update;

  useEffect(() => {
    let frame = 0;
    const soon = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), latest.current()));
    };
    window.addEventListener('scroll', soon, { passive: true });
    window.addEventListener('resize', soon);
    // Rows change height without a render of this list (a preview opens in a row, fonts load).
    const resized = new ResizeObserver(soon);
    if (list.current) resized.observe(list.current);
    return () => {
      window.removeEventListener('scroll', soon);
      window.removeEventListener('resize', soon);
      resized.disconnect();
      cancelAnimationFrame(frame);
    };
  }, []);

  const [from, to] = [Math.min(span[0], rows.length), Math.min(span[1], rows.length)];
  let above = 0;
  for (let i = 0; i < from; i++) above += heights.current.get(keyOf(rows[i]!)) ?? ESTIMATE;
  let below = 0;
  for (let i = to; i < rows.length; i++) below += heights.current.get(keyOf(rows[i]!)) ?? ESTIMATE;
  return (
    <ul
      ref={list}
      id={props.id}
      class={`${props.class ?? ''} virtual`}
      role="list"
      aria-label={props.label}
      data-rows={rows.length}
      data-drawn={to - from}
      style={{ paddingTop: `${above}px`, paddingBottom: `${below}px` }}
    >
      {rows.slice(from, to).map((row, k) => props.render(row, { 'data-vkey': keyOf(row), 'aria-setsize': rows.length, 'aria-posinset': from + k + 1 }))}
    </ul>
  );
}

/** Rows drawn before the first measurement (about two screens). */
const INITIAL = 24;
/** Height assumed for a row not drawn yet (px; a row of a sentence, a message, a diff and the buttons). */
const ESTIMATE = 130;
/** The space between rows (px; margin-bottom of every row in style.css `.rows.virtual > *`). */
const ROW_GAP = 6;
/** Drawn beyond the screen on each side (px), so arrow keys always find the next row in the DOM. */
const OVERSCAN = 600;

/** What a row's `<li>` carries for the list. */
export interface VirtualItem {
  'data-vkey': string;
  'aria-setsize': number;
  'aria-posinset': number;
}
