import { defineFixture } from './fixture';

const el = document.getElementById('editor') as HTMLInputElement;
defineFixture({
  name: 'input',
  root: () => el,
  async setParagraphs(ps) {
    el.value = ps.join('');
  },
  modelText: () => el.value,
  cutoff() {},
});
