/**
 * What the 的/地/得 sentence-set scorers (tests/fixtures/dev-dedide-stat, dev-dedide-gen) run: the de-di-de rule
 * alone, or with the statistical check merged as in the product (the rule's issue wins), and the halves a run asks
 * for (--tune, --test, both by default).
 */
import { createAnalyzer, type Issue } from '../../lib/engine';
import rule from '../../lib/rules/de-di-de';
import { domainVocabulary, mergeTierIssues, ParticleChecker } from '../../lib/lm';
import { defaultCorpus } from '../../lib/corpus';
import { loadModelForNode } from './lm-node';

export function dedideCheckers(): (text: string, withStatistical: boolean) => Issue[] {
  const analyzer = createAnalyzer({ rules: [rule], onRuleError: (_id, e) => { throw e; } });
  const particles = new ParticleChecker(loadModelForNode(), { domainWords: domainVocabulary(defaultCorpus) });
  return (text, withStatistical) => {
    const ruled = analyzer.analyze(text).issues;
    return withStatistical ? mergeTierIssues(ruled, particles.issues(text)) : ruled;
  };
}

export function setHalves(args: readonly string[]): string[] {
  return args.includes('--tune') ? ['tune'] : args.includes('--test') ? ['test'] : ['tune', 'test'];
}
