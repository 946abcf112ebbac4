/** Quill 1.3.7 (sets data-gramm="false" on its editor by default). */
import Quill from 'quill1';
import { defineFixture } from './fixture';

const quill = new Quill('#editor', { theme: 'snow' });
defineFixture({
  name: 'quill1',
  editor: quill,
  root: () => quill.root,
  async setParagraphs(ps) {
    quill.setText(ps.join('\n') + '\n');
    quill.history.clear();
  },
  modelText: () => quill.getText().replace(/\n$/, ''),
  cutoff: () => quill.history.cutoff(),
});
