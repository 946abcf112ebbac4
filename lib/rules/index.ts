import type { Rule } from '../engine/rule';
import repeatedWord from './repeated-word';
import deDiDe from './de-di-de';
import confusableWord from './confusable-word';
import setPhrase from './set-phrase';
import traditionalChar from './traditional-char';
import halfWidthPunct from './half-width-punct';
import strayPunct from './stray-punct';
import unbalancedPair from './unbalanced-pair';
import straySpace from './stray-space';
import brokenLineBreak from './broken-line-break';
import pasteResidue from './paste-residue';
import repeatedPassage from './repeated-passage';
import headingNumbering from './heading-numbering';
import repeatedPhrase from './repeated-phrase';

/** Every rule, in priority order: where two rules report the same range and fix, the earlier one wins. */
export const rules: readonly Rule[] = [
  repeatedWord,
  repeatedPhrase,
  deDiDe,
  confusableWord,
  setPhrase,
  traditionalChar,
  halfWidthPunct,
  strayPunct,
  unbalancedPair,
  straySpace,
  brokenLineBreak,
  pasteResidue,
  repeatedPassage,
  headingNumbering,
];
