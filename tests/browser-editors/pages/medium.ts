/** Medium Editor 5 (contenteditable div, native editing and undo). */
import MediumEditor from 'medium-editor';
import { defineFixture, htmlLines, paragraphsHtml } from './fixture';

const el = document.getElementById('editor')!;
const editor = new MediumEditor(el, { placeholder: false });
defineFixture({
  name: 'medium',
  editor,
  root: () => el,
  async setParagraphs(ps) {
    editor.setContent(paragraphsHtml(ps));
  },
  modelText: () => htmlLines(editor.getContent()),
  cutoff() {},
});
