/**
 * Issues grouped for the side panel: one group per kind (kinds.ts) with its count, and inside a group the
 * issues that repeat the same mark (the same rule, the same text, the same fix: 27 half-width commas) folded
 * into one run, so a pasted essay lists a handful of rows instead of dozens of identical ones. Pure.
 */
import type { Issue } from '../engine/types';
import { KINDS, kindOf, type Kind } from './kinds';

/** A run of issues with the same rule, text and first fix, in text order. */
export interface Run<I extends Issue = Issue> {
  key: string;
  issues: I[];
}

export interface Group<I extends Issue = Issue> {
  kind: Kind;
  /** Every issue of the kind, in text order. */
  issues: I[];
  /** Runs in order of their first issue; a run of one is a single row. */
  runs: Run<I>[];
}

/** Runs at least this long are shown folded (one row, expandable); shorter ones as separate rows. */
export const FOLD_AT = 3;

/** The identity of "the same mark": rule, text and first fix. */
export function runKey(issue: Pick<Issue, 'rule' | 'text' | 'replacements'>): string {
  return `${issue.rule}\u0000${issue.text}\u0000${issue.replacements[0] ?? '\u0001'}`;
}

export function groupIssues<I extends Issue>(issues: readonly I[]): Group<I>[] {
  const sorted = issues.slice().sort((a, b) => a.start - b.start || a.end - b.end);
  const groups = new Map<Kind, Group<I>>();
  const runs = new Map<Kind, Map<string, Run<I>>>();
  for (const issue of sorted) {
    const kind = kindOf(issue.category);
    let group = groups.get(kind);
    if (!group) {
      group = { kind, issues: [], runs: [] };
      groups.set(kind, group);
      runs.set(kind, new Map());
    }
    group.issues.push(issue);
    const key = runKey(issue);
    const byKey = runs.get(kind)!;
    let run = byKey.get(key);
    if (!run) {
      run = { key, issues: [] };
      byKey.set(key, run);
      group.runs.push(run);
    }
    run.issues.push(issue);
  }
  return KINDS.filter((k) => groups.has(k)).map((k) => groups.get(k)!);
}

/**
 * Rows of a group as the panel lists them: a run of {@link FOLD_AT} or more is one folded row (unless
 * `open` holds its key), shorter runs give one row per issue, all in text order of their first issue.
 */
export type Row<I extends Issue = Issue> = { type: 'issue'; issue: I } | { type: 'run'; run: Run<I> };

export function rowsOf<I extends Issue>(group: Group<I>, open: ReadonlySet<string> = new Set()): Row<I>[] {
  const rows: Row<I>[] = [];
  for (const run of group.runs) {
    if (run.issues.length >= FOLD_AT && !open.has(run.key)) rows.push({ type: 'run', run });
    else for (const issue of run.issues) rows.push({ type: 'issue', issue });
  }
  return rows.sort((a, b) => firstStart(a) - firstStart(b));
}

function firstStart(row: Row<Issue>): number {
  return row.type === 'issue' ? row.issue.start : row.run.issues[0]!.start;
}

/** The issues of a group that "apply all" can apply: those with a fix, none overlapping another. */
export function applicable<I extends Issue>(issues: readonly I[]): I[] {
  const out: I[] = [];
  let end = -1;
  for (const issue of issues.slice().sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (!issue.replacements.length || issue.start < end) continue;
    out.push(issue);
    end = Math.max(issue.end, issue.start === issue.end ? issue.end + 1 : issue.end);
  }
  return out;
}
