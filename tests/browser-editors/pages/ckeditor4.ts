/** CKEditor 4 (classic, editing in an iframe it fills with document.write). Global build from node_modules. */
import { defineFixture, htmlLines, paragraphsHtml } from './fixture';

interface CkEditor {
  editable(): { $: HTMLElement };
  getData(): string;
  setData(html: string, o?: { callback?: () => void; noSnapshot?: boolean }): void;
  resetUndo(): void;
  fire(name: string): void;
  on(name: string, cb: () => void): void;
}
const CKEDITOR = (window as unknown as { CKEDITOR: { replace(id: string, config: object): CkEditor } }).CKEDITOR;
const divarea = document.body.dataset.variant === 'divarea';
const editor = CKEDITOR.replace('editor', {
  language: 'zh-cn',
  height: 300,
  width: 680,
  // No network: the "is this version secure" check asks ckeditor.com.
  versionCheck: false,
  extraPlugins: divarea ? 'divarea' : '',
  removePlugins: 'elementspath,scayt,wsc,exportpdf',
  contentsCss: [],
});
const ready = new Promise<void>((resolve) => editor.on('instanceReady', () => resolve()));
defineFixture(
  {
    name: divarea ? 'ckeditor4-div' : 'ckeditor4',
    editor,
    root: () => editor.editable().$,
    async setParagraphs(ps) {
      await new Promise<void>((resolve) => editor.setData(paragraphsHtml(ps), { callback: () => resolve() }));
      editor.resetUndo();
    },
    modelText: () => htmlLines(editor.getData()),
    cutoff: () => editor.fire('saveSnapshot'),
  },
  ready,
);
