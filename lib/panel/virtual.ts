/**
 * Which rows of a virtualised list to draw: those that meet the part of the list on screen, widened by
 * `overscan` pixels on each side. Heights come one per row (measured, or an estimate for a row never
 * drawn); offsets are relative to the top of the list's first row. Pure.
 */
export function visibleSpan(count: number, heightOf: (index: number) => number, viewTop: number, viewBottom: number, overscan: number): [number, number] {
  const top = viewTop - overscan;
  const bottom = viewBottom + overscan;
  let y = 0;
  let from = count;
  for (let i = 0; i < count; i++) {
    const h = heightOf(i);
    if (y + h > top) {
      from = i;
      break;
    }
    y += h;
  }
  let to = from;
  while (to < count && y < bottom) y += heightOf(to++);
  return [from, to];
}
