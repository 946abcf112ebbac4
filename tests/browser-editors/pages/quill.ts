import Quill from 'quill';
import { defineFixture } from './fixture';

const quill = new Quill('#editor', { theme: 'snow' });
defineFixture({
  name: 'quill',
  editor: quill,
  root: () => quill.root,
  async setParagraphs(ps) {
    quill.setText(ps.join('\n') + '\n');
    quill.history.clear();
  },
  modelText: () => quill.getText().replace(/\n$/, ''),
  cutoff: () => quill.history.cutoff(),
});
