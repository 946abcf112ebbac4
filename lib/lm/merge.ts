/**
 * Merging the tier's issues into the rules' (no model needed: the content script imports this alone,
 * so the checking of web pages carries none of the tier's code).
 */
import type { Issue } from '../engine/types';

/**
 * The rules' issues plus the tier's, sorted by position. A rule that names the same place knows the
 * error by name, so a tier issue overlapping any rule issue is dropped; so is one whose text the user
 * accepted (personal dictionary).
 */
export function mergeTierIssues(ruleIssues: readonly Issue[], tierIssues: readonly Issue[], dictionary?: readonly string[]): Issue[] {
  const accepted = new Set(dictionary ?? []);
  const kept = tierIssues.filter(
    (t) => !accepted.has(t.text) && !ruleIssues.some((r) => t.start < Math.max(r.end, r.start + 1) && r.start < t.end),
  );
  if (kept.length === 0) return [...ruleIssues];
  return [...ruleIssues, ...kept].sort((a, b) => a.start - b.start || a.end - b.end);
}
