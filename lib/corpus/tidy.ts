import { applyFixes, createAnalyzer, rules } from '../engine';

/**
 * Reference documents are real pastes, slips included (發挥, half-width commas, 充分的发挥). Sentences
 * shown to the user as examples go through the engine's own fixes first, so the product never suggests
 * writing what it would flag. Suggestions (severity info) are left alone: they change wording, not slips.
 */
const analyzer = createAnalyzer({ rules });

export function tidyExample(text: string): string {
  const fixable = analyzer.analyze(text).issues.filter((i) => i.severity !== 'info' && i.replacements.length > 0);
  return fixable.length === 0 ? text : applyFixes(text, fixable).trim();
}
