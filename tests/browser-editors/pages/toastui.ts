/** Toast UI Editor 3 in WYSIWYG mode (ProseMirror underneath). */
import Editor from '@toast-ui/editor';
import { defineFixture, htmlLines, paragraphsHtml } from './fixture';

let editor = new Editor({ el: document.getElementById('editor')!, initialEditType: 'wysiwyg', previewStyle: 'vertical', height: '320px', usageStatistics: false, hideModeSwitch: true });
const fixture = {
  name: 'toastui',
  editor,
  root: () => document.querySelector('.toastui-editor-ww-container .ProseMirror') as HTMLElement,
  async setParagraphs(ps: string[]) {
    // A new editor: content given at creation is not an undo step.
    editor.destroy();
    editor = new Editor({ el: document.getElementById('editor')!, initialEditType: 'wysiwyg', previewStyle: 'vertical', height: '320px', usageStatistics: false, hideModeSwitch: true, initialValue: '' });
    editor.setHTML(paragraphsHtml(ps), false);
    fixture.editor = editor;
  },
  modelText: () => htmlLines(editor.getHTML()),
  cutoff() {},
};
defineFixture(fixture);
