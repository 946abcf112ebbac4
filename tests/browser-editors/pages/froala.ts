/** Froala Editor (commercial; its npm package runs unlicensed, with a banner: fine for a test fixture). */
import { defineFixture, htmlLines, paragraphsHtml } from './fixture';

interface Froala {
  el: HTMLElement;
  html: { get(): string; set(h: string): void };
  undo: { reset(): void; saveStep(): void };
}
const FroalaEditor = (window as unknown as { FroalaEditor: new (sel: string, o: object, cb: () => void) => Froala }).FroalaEditor;
let editor: Froala | null = null;
const ready = new Promise<void>((resolve) => {
  editor = new FroalaEditor('#editor', { width: 680, heightMin: 240, toolbarButtons: ['bold', 'italic', 'undo', 'redo'], attribution: false }, () => resolve());
});
const fixture = {
  name: 'froala',
  editor: null as Froala | null,
  root: () => editor!.el,
  async setParagraphs(ps: string[]) {
    editor!.html.set(paragraphsHtml(ps));
    editor!.undo.reset();
    editor!.undo.saveStep();
  },
  modelText: () => htmlLines(editor!.html.get()),
  cutoff: () => editor!.undo.saveStep(),
};
defineFixture(fixture, ready.then(() => (fixture.editor = editor)));
