/**
 * Untimed, before a timed run: read 32 MB, so the run starts with the processor's caches (L1, 1 MB L2 here)
 * and branch predictors holding none of the engine's or the rules' code and tables. Runs of one rule back to
 * back keep that rule's working set cached from run to run; fourteen rules together do not fit, so each
 * rule's pass starts cold in every analysis (scripts/bench.ts explains the measurement).
 */
const evictBuffer = new Float64Array(4 << 20);
let sink = 0;

export function evictCaches(): void {
  let x = 0;
  for (let i = 0; i < evictBuffer.length; i += 8) x += evictBuffer[i]!++;
  sink += x;
}

/** What the reads summed, so the engine cannot drop them as unused (callers print it if it is ever < 0). */
export function evictionSink(): number {
  return sink;
}
