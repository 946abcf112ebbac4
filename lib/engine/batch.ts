/**
 * Per-line results shared between the engine and the rules within one batch of new lines.
 *
 * The analyzer checks new lines rule by rule (analyzer.ts, checkParagraphs), so when several rules need the
 * same scan of a line (the script counts of a line, its paste residue) each of them would redo it in its
 * own pass. A line memo made by `lineMemo()` holds such results while a batch runs (`withLineBatch`) and is
 * emptied when the batch ends, so nothing outlives the batch (the lines are slices of the document, which
 * would otherwise keep old versions of the text alive).
 *
 * The memo is indexed by the line's place in the batch, not hashed by its text: before it hands line k to a
 * rule, the engine says so (`atBatchLine(k)`), and a memo answers for a text only when it is that very line
 * of the batch. Any other text (a rule's own substring, a traditional line's simplified view, a call
 * outside a batch, as in the unit tests) finds nothing and is scanned as before. (A Map by line text cost
 * more than the scans it saved for the cheaper ones: hashing and growing it for every line.)
 */

/** A per-line result kept for the running batch. */
export interface LineMemo<T> {
  /** The value stored for this line of the batch, or undefined (not stored, not the current line, no batch). */
  get(line: string): T | undefined;
  /** Store the value of this line (ignored unless it is the batch's current line). */
  set(line: string, value: T): void;
}

/** Each memo's values, one slot per line of the running batch (made at the batch's length: no sparse growth). */
interface Slots {
  values: unknown[];
}
const NO_VALUES: unknown[] = [];
const memos: Slots[] = [];

let batchLines: readonly string[] | null = null;
let current = -1;

/** Index of `line` in the batch when it is the line the engine is handing to the rules, else -1. */
function slotOf(line: string): number {
  return current >= 0 && batchLines !== null && batchLines[current] === line ? current : -1;
}

/** A memo of per-line results, emptied at the end of every batch. Make one per kind of result, at module load. */
export function lineMemo<T>(): LineMemo<T> {
  const slots: Slots = { values: NO_VALUES };
  memos.push(slots);
  return {
    get(line) {
      const k = slotOf(line);
      return k < 0 ? undefined : (slots.values[k] as T | undefined);
    },
    set(line, value) {
      const k = slotOf(line);
      // A memo made during a batch has no slots until the next one (never write into the shared empty list).
      if (k >= 0 && k < slots.values.length) slots.values[k] = value;
    },
  };
}

/** The engine is about to hand line k of the batch to the rules (-1: none). */
export function atBatchLine(k: number): void {
  current = k;
}

function resetMemos(length: number): void {
  for (const slots of memos) slots.values = length > 0 ? new Array<unknown>(length) : NO_VALUES;
}

/**
 * Run `fn` as one batch over `lines` (the engine's new lines, each once): memos are filled while it runs and
 * emptied when it ends. A batch inside a batch starts empty and leaves the outer one empty too (its memos
 * are recomputed on demand: correct, only slower).
 */
export function withLineBatch<T>(lines: readonly string[], fn: () => T): T {
  const outerLines = batchLines;
  const outerCurrent = current;
  resetMemos(lines.length);
  batchLines = lines;
  current = -1;
  try {
    return fn();
  } finally {
    // Empty again; an outer batch gets empty slots of its own length back.
    resetMemos(outerLines === null ? 0 : outerLines.length);
    batchLines = outerLines;
    current = outerCurrent;
  }
}
