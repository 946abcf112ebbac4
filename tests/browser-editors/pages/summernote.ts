/** Summernote 0.9 (lite build, jQuery 3). */
import { defineFixture, htmlLines, paragraphsHtml } from './fixture';

type JQ = ((sel: string) => { summernote(...a: unknown[]): unknown; on(ev: string, cb: () => void): void }) & { summernote: unknown };
const $ = (window as unknown as { jQuery: JQ }).jQuery;
const ready = new Promise<void>((resolve) => {
  $('#editor').summernote({ height: 300, width: 680, callbacks: { onInit: () => resolve() } });
});
defineFixture(
  {
    name: 'summernote',
    editor: { $, code: () => $('#editor').summernote('code') },
    root: () => document.querySelector('.note-editable') as HTMLElement,
    async setParagraphs(ps) {
      $('#editor').summernote('code', paragraphsHtml(ps));
      $('#editor').summernote('editor.history.reset' as never);
      // The history records its first level from the content loaded.
      $('#editor').summernote('commit');
    },
    modelText: () => htmlLines($('#editor').summernote('code') as string),
    cutoff() {},
  },
  ready,
);
