/**
 * The preview shown before "apply all" in a group: each affected sentence before and after, as a unified
 * diff (removed line, added line), so the writer sees every change in its words before anything is written.
 * Pure; the fixes are applied here only to the copies of the sentences.
 */
import { applyFixesDetailed } from '../engine/apply-fixes';
import type { Issue } from '../engine/types';
import { sentenceEnd, sentenceStart, visible } from './context';

export interface PreviewHunk {
  /** Range of the sentence(s) in the text. */
  from: number;
  to: number;
  before: string;
  after: string;
  /** The issues applied inside it. */
  issues: Issue[];
}

/** How far a preview sentence reaches on each side of its issues. */
const REACH = 30;

/** Sentences touched by `issues` (merged where they share a sentence), with the fixes applied. */
export function previewOf(text: string, issues: readonly Issue[]): PreviewHunk[] {
  const sorted = issues.filter((i) => i.replacements.length).slice().sort((a, b) => a.start - b.start);
  const hunks: { from: number; to: number; issues: Issue[] }[] = [];
  for (const issue of sorted) {
    const from = sentenceStart(text, issue.start, REACH).at;
    const to = sentenceEnd(text, issue.end, REACH).at;
    const last = hunks[hunks.length - 1];
    if (last && from <= last.to) {
      last.to = Math.max(last.to, to);
      last.issues.push(issue);
    } else hunks.push({ from, to, issues: [issue] });
  }
  return hunks.map((h) => {
    const before = text.slice(h.from, h.to);
    const shifted = h.issues.map((i) => ({ ...i, start: i.start - h.from, end: i.end - h.from }));
    const outcome = applyFixesDetailed(before, shifted);
    const applied = new Set(outcome.applied.map((i) => i.start + h.from));
    return {
      from: h.from,
      to: h.to,
      before: visible(before),
      after: visible(outcome.text),
      issues: h.issues.filter((i) => applied.has(i.start)),
    };
  });
}
