/** Jodit 4 (contenteditable div; sets spellcheck="false" by default). */
import { defineFixture, htmlLines, paragraphsHtml } from './fixture';

interface JoditEditor {
  value: string;
  editor: HTMLElement;
  history: { clear(): void; snapshot: unknown };
  synchronizeValues(): void;
}
const Jodit = (window as unknown as { Jodit: { make(sel: string, o: object): JoditEditor } }).Jodit;
const editor = Jodit.make('#editor', { width: 680, height: 320, language: 'en', toolbarAdaptive: false, buttons: 'bold,italic,|,undo,redo', showCharsCounter: false, showWordsCounter: false, showXPathInStatusbar: false,
  // Both would fetch scripts from a CDN (no network here, and none wanted in a test).
  beautifyHTML: false, sourceEditor: 'area' });
defineFixture({
  name: 'jodit',
  editor,
  root: () => editor.editor,
  async setParagraphs(ps) {
    editor.value = paragraphsHtml(ps);
    await new Promise((r) => setTimeout(r, 150));
    editor.history.clear();
  },
  modelText: () => {
    editor.synchronizeValues();
    return htmlLines(editor.value);
  },
  cutoff() {},
});
