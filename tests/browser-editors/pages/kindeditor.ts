/** KindEditor 4 (the editing iframe is filled with document.write and switched to designMode). */
import { defineFixture, htmlLines, paragraphsHtml } from './fixture';

interface KEditor {
  html(v?: string): string;
  edit: { doc: Document; iframe: { get(): HTMLIFrameElement } };
  addBookmark(checkSize?: boolean): void;
  _undoStack: unknown[];
  _redoStack: unknown[];
}
const K = (window as unknown as { KindEditor: { create(sel: string, o: object): KEditor } }).KindEditor;
let editor: KEditor | null = null;
const ready = new Promise<void>((resolve) => {
  editor = K.create('#editor', {
    basePath: '/nm/kindeditor/',
    langType: 'zh-CN',
    width: '680px',
    height: '300px',
    items: ['undo', 'redo', '|', 'bold', 'italic'],
    afterCreate: () => resolve(),
  });
});
const fixture = {
  name: 'kindeditor',
  editor: null as KEditor | null,
  root: () => editor!.edit.doc.body,
  async setParagraphs(ps: string[]) {
    editor!.html(paragraphsHtml(ps));
    editor!._undoStack.length = 0;
    editor!._redoStack.length = 0;
  },
  modelText: () => htmlLines(editor!.html()),
  cutoff: () => editor!.addBookmark(false),
};
defineFixture(fixture, ready.then(() => (fixture.editor = editor)));
