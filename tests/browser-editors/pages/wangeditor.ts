import { createEditor, createToolbar, type IDomEditor } from '@wangeditor/editor';
import { defineFixture, paragraphsHtml } from './fixture';

let editor: IDomEditor | null = null;
let toolbar: unknown = null;
const fixture = {
  name: 'wangeditor',
  editor: null as IDomEditor | null,
  root: () => document.querySelector('#editor [data-slate-editor]') as HTMLElement,
  async setParagraphs(ps: string[]) {
    if (editor) {
      // Re-creating the editor leaves its throttled selectionchange handler running against the
      // destroyed instance ("Can not get editor instance"); replace the content instead.
      editor.setHtml(paragraphsHtml(ps));
      await new Promise((r) => setTimeout(r, 50));
      const history = (editor as unknown as { history: { undos: unknown[]; redos: unknown[] } }).history;
      history.undos = [];
      history.redos = [];
      return;
    }
    editor = createEditor({ selector: '#editor', html: paragraphsHtml(ps), mode: 'default', config: {} });
    toolbar = createToolbar({ editor, selector: '#toolbar', mode: 'simple' });
    fixture.editor = editor;
    await new Promise((r) => setTimeout(r, 50));
  },
  modelText: () => editor!.getText(),
  cutoff() {},
};
defineFixture(fixture);
