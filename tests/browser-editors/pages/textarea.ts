import { defineFixture } from './fixture';

const el = document.getElementById('editor') as HTMLTextAreaElement;
defineFixture({
  name: 'textarea',
  root: () => el,
  async setParagraphs(ps) {
    el.value = ps.join('\n');
  },
  modelText: () => el.value,
  cutoff() {},
});
