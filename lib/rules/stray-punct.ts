import { defineParagraphRule } from '../engine/rule';

// PLACEHOLDER: to be implemented.
export default defineParagraphRule({
  meta: { id: 'stray-punct', category: 'typo', severity: 'warning', description: '', fixable: true },
  check() {},
});
