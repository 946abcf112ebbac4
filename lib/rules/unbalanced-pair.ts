import { defineParagraphRule } from '../engine/rule';

// PLACEHOLDER: to be implemented.
export default defineParagraphRule({
  meta: { id: 'unbalanced-pair', category: 'typo', severity: 'warning', description: '', fixable: true },
  check() {},
});
