import type { Issue } from './types';

export interface FixOutcome {
  text: string;
  applied: Issue[];
  /** Issues skipped because they overlap an applied fix, have no fix, or no longer match the text. */
  skipped: Issue[];
}

/**
 * Apply the best fix of each issue, from the end of the text backwards so earlier offsets stay valid.
 * An issue is skipped when it overlaps one already applied or when the text under its range is no
 * longer what the rule saw.
 */
export function applyFixesDetailed(text: string, issues: readonly Issue[]): FixOutcome {
  const candidates = issues
    .filter((i) => i.replacements.length > 0)
    .slice()
    .sort((a, b) => b.start - a.start || b.end - a.end);
  const applied: Issue[] = [];
  const skipped: Issue[] = issues.filter((i) => i.replacements.length === 0);
  // Everything at or after `limit` has been rewritten already.
  let limit = Number.POSITIVE_INFINITY;
  let lastWasInsertAt = -1;
  for (const issue of candidates) {
    const overlaps =
      issue.end > limit || (issue.start === issue.end && issue.start === lastWasInsertAt);
    if (overlaps || text.slice(issue.start, issue.end) !== issue.text) {
      skipped.push(issue);
      continue;
    }
    limit = issue.start;
    lastWasInsertAt = issue.start === issue.end ? issue.start : -1;
    applied.push(issue);
  }
  // Build the output once, front to back, instead of re-slicing a large text per fix.
  const pieces: string[] = [];
  let cursor = 0;
  for (let k = applied.length - 1; k >= 0; k--) {
    const issue = applied[k]!;
    pieces.push(text.slice(cursor, issue.start), issue.replacements[0]!);
    cursor = issue.end;
  }
  pieces.push(text.slice(cursor));
  return { text: pieces.join(''), applied, skipped };
}

/** The text with every non-overlapping fix applied. */
export function applyFixes(text: string, issues: readonly Issue[]): string {
  return applyFixesDetailed(text, issues).text;
}
