/**
 * Per-line results shared between the engine and the rules within one batch of new lines.
 *
 * The analyzer checks new lines rule by rule (analyzer.ts, checkParagraphs), so when several rules need the
 * same scan of a line (the script counts of a line, its paste residue) each of them would redo it in its
 * own pass. A line memo made by `lineMemo()` holds such results by line text while a batch runs
 * (`withLineBatch`) and is emptied when the batch ends: nothing outlives the batch (the keys are slices of
 * the document, which would otherwise keep old versions of the text alive), and outside a batch (a rule
 * called on its own, as in the unit tests) `batchOpen()` is false and callers compute as before.
 * A memo is keyed by the exact line text, so a result is the one the scan gives for that text.
 */

const memos: Map<string, unknown>[] = [];
let depth = 0;

/** A memo of per-line results, emptied at the end of every batch. Make one per kind of result, at module load. */
export function lineMemo<T>(): Map<string, T> {
  const memo = new Map<string, T>();
  memos.push(memo as Map<string, unknown>);
  return memo;
}

/** Is a batch running (may a line memo be read and filled)? */
export function batchOpen(): boolean {
  return depth > 0;
}

/** Run `fn` as one batch: line memos are filled while it runs and emptied when the outermost batch ends. */
export function withLineBatch<T>(fn: () => T): T {
  depth++;
  try {
    return fn();
  } finally {
    if (--depth === 0) for (const memo of memos) memo.clear();
  }
}
