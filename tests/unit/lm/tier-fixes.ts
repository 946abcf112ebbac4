/**
 * Helpers of the tier's unit tests that run sentences written for one class of slip (tests/unit/lm/data).
 */
import type { WrongCharTier } from '../../../lib/lm/tier';

import { applyFindings } from '../../../scripts/lib/lm-genre';

export { dataLines } from '../../../scripts/lib/lm-genre';

/** The sentence with every finding of the tier's two looks applied (last first, so offsets hold). */
export function fixOf(tier: WrongCharTier, s: string): string {
  return applyFindings(s, tier.findingsTwoPass(s));
}
