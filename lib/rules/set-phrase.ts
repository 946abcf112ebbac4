import { defineParagraphRule } from '../engine/rule';

// PLACEHOLDER: to be implemented.
export default defineParagraphRule({
  meta: { id: 'set-phrase', category: 'typo', severity: 'warning', description: '', fixable: true },
  check() {},
});
