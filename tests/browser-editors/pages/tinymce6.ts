import { defineFixture, paragraphsHtml } from './fixture';

interface TinyEditor {
  getBody(): HTMLElement;
  setContent(html: string): void;
  getContent(o?: { format: string }): string;
  undoManager: { clear(): void; add(): void };
  focus(): void;
}
const tinymce = (window as unknown as { tinymce: { init(o: unknown): Promise<TinyEditor[]> } }).tinymce;
let editor: TinyEditor | null = null;
const ready = tinymce
  .init({
    selector: '#editor',
    
    base_url: '/nm/tinymce6',
    suffix: '.min',
    menubar: false,
    toolbar: false,
    statusbar: false,
    promotion: false,
    branding: false,
    height: 320,
    width: 680,
    plugins: [],
    content_style: 'body { font: 16px/1.6 "Noto Sans CJK SC", sans-serif; }',
  })
  .then((eds) => {
    editor = eds[0]!;
    fixture.editor = editor;
  });
const fixture = {
  name: 'tinymce6',
  editor: null as TinyEditor | null,
  root: () => editor!.getBody(),
  async setParagraphs(ps: string[]) {
    editor!.setContent(paragraphsHtml(ps));
    editor!.undoManager.clear();
    editor!.undoManager.add();
  },
  modelText: () => Array.from(editor!.getBody().children).map((c) => c.textContent ?? '').join('\n'),
  textContent: () => editor!.getContent({ format: 'text' }),
  cutoff() {},
};
defineFixture(fixture, ready);
