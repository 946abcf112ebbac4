/** Plain-text formatting shared by the eval reports (seeds, dev set). */
import type { FlagRecord } from './eval-core';

export const f1 = (n: number) => n.toFixed(1);
export const f2 = (n: number) => n.toFixed(2);
export const mark = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
/** A fix as shown in reports: quoted, "(delete)" or "(no fix)". */
export const q = (s: string | null) => (s === null ? '(no fix)' : s === '' ? '(delete)' : JSON.stringify(s));

/** Columns padded to their widest cell; 'r' aligns right. */
export function table(rows: string[][], align: ('l' | 'r')[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) => r.map((cell, c) => (align[c] === 'r' ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd())
    .join('\n');
}

export function flagLine(f: FlagRecord): string {
  return `  ${f.doc}@${f.start}  ${f.context}  ${f.rule} [${f.severity}] ${f.message} → ${q(f.fix)}`;
}
