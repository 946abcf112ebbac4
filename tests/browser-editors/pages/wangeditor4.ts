/** wangEditor 4 (contenteditable div with its own undo history). */
import E from 'wangeditor';
import { defineFixture, htmlLines, paragraphsHtml } from './fixture';

const editor = new E('#toolbar', '#editor');
editor.config.height = 300;
editor.config.menus = ['bold', 'italic', 'undo', 'redo'];
editor.config.showFullScreen = false;
editor.create();
defineFixture({
  name: 'wangeditor4',
  editor,
  root: () => document.querySelector('#editor .w-e-text') as HTMLElement,
  async setParagraphs(ps) {
    editor.txt.html(paragraphsHtml(ps));
    await new Promise((r) => setTimeout(r, 50));
    const h = (editor as unknown as { history: { content?: { cache?: { data?: { resetMax?(): void; data?: unknown[]; revokeData?: unknown[] } } } } }).history;
    void h;
  },
  modelText: () => htmlLines(editor.txt.html() ?? ''),
  cutoff() {},
});
