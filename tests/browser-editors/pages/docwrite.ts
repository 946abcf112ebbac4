/**
 * An editor frame built the way UEditor (and other older Chinese editors) do it: an about:blank iframe
 * filled with document.open/write/close, then its body made editable. Such a frame takes the page's
 * URL and gets no content script of its own.
 */
import { defineFixture, paragraphsHtml } from './fixture';

const iframe = document.createElement('iframe');
iframe.style.cssText = 'width:680px;height:320px;border:1px solid #ccc';
document.getElementById('editor')!.append(iframe);
const doc = iframe.contentDocument!;
doc.open();
doc.write(
  '<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{font:16px/1.6 "Noto Sans CJK SC",sans-serif;margin:8px}p{margin:5px 0}</style></head>' +
    '<body class="view" spellcheck="false"><p><br></p></body></html>',
);
doc.close();
doc.body.contentEditable = 'true';
defineFixture({
  name: 'docwrite',
  root: () => doc.body,
  async setParagraphs(ps) {
    doc.body.innerHTML = paragraphsHtml(ps);
  },
  modelText: () => Array.from(doc.body.children).map((c) => (c.textContent ?? '').replace(/\u200B/g, '')).join('\n'),
  cutoff() {},
});
