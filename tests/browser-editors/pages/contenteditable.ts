import { defineFixture, escapeHtml } from './fixture';

const el = document.getElementById('editor') as HTMLDivElement;
defineFixture({
  name: 'contenteditable',
  root: () => el,
  async setParagraphs(ps) {
    // What Chrome itself produces when typing lines into a contenteditable div.
    el.innerHTML = ps.map((p) => `<div>${p ? escapeHtml(p) : '<br>'}</div>`).join('');
  },
  modelText: () => Array.from(el.children).map((c) => c.textContent ?? '').join('\n'),
  cutoff() {},
});
