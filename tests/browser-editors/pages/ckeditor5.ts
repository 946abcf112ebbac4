import { Bold, ClassicEditor, Essentials, Italic, Paragraph } from 'ckeditor5';
import { defineFixture, paragraphsHtml } from './fixture';

let editor: ClassicEditor | null = null;
const host = document.getElementById('editor')!;
const fixture = {
  name: 'ckeditor5',
  editor: null as ClassicEditor | null,
  root: () => editor!.ui.getEditableElement() as HTMLElement,
  async setParagraphs(ps: string[]) {
    if (editor) await editor.destroy();
    const el = document.createElement('div');
    host.replaceChildren(el);
    el.innerHTML = paragraphsHtml(ps);
    editor = await ClassicEditor.create(el, {
      licenseKey: 'GPL',
      plugins: [Essentials, Paragraph, Bold, Italic],
      toolbar: ['bold', 'italic', '|', 'undo', 'redo'],
    });
    fixture.editor = editor;
  },
  modelText: () => {
    const root = editor!.model.document.getRoot()!;
    return Array.from(root.getChildren())
      .map((block) =>
        block.is('element')
          ? Array.from(block.getChildren())
              .map((n) => (n.is('$text') ? n.data : ''))
              .join('')
          : '',
      )
      .join('\n');
  },
  data: () => editor!.getData(),
  cutoff() {},
};
defineFixture(fixture);
