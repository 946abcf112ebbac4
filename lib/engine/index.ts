import { rules as allRules } from '../rules';
import { createAnalyzer, filterByOptions, type Analyzer } from './analyzer';
import type { AnalysisResult, AnalyzeOptions } from './types';

export * from './types';
export { applyFixes, applyFixesDetailed } from './apply-fixes';
export { createAnalyzer, type Analyzer } from './analyzer';
export type { Rule, RuleMeta } from './rule';

/** One analyzer (and so one paragraph cache) per set of enabled rules. */
const analyzers = new Map<string, Analyzer>();
const MAX_ANALYZERS = 4;

function enabledRules(options: AnalyzeOptions | undefined) {
  const switches = options?.rules ?? {};
  return allRules.filter((r) => switches[r.meta.id] !== false);
}

export function analyzerFor(options?: AnalyzeOptions): Analyzer {
  const rules = enabledRules(options);
  const key = rules.map((r) => r.meta.id).join(',');
  let analyzer = analyzers.get(key);
  if (!analyzer) {
    if (analyzers.size >= MAX_ANALYZERS) analyzers.delete(analyzers.keys().next().value!);
    analyzer = createAnalyzer({ rules });
    analyzers.set(key, analyzer);
  }
  return analyzer;
}

/**
 * Check a text. Paragraph results are cached, so calling this again after a small edit only re-checks
 * the touched paragraphs. Never throws.
 */
export function analyze(text: string, options?: AnalyzeOptions): AnalysisResult {
  const result = analyzerFor(options).analyze(text);
  return { issues: filterByOptions(result.issues, options), outline: result.outline };
}

export { allRules as rules };
