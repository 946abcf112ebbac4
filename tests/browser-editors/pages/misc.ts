import { defineFixture } from './fixture';

defineFixture({
  name: 'misc',
  root: () => document.body,
  async setParagraphs() {},
  modelText: () => '',
  cutoff() {},
});
