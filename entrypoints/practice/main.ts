/**
 * The practice page (练习页): the sample draft in a textarea, a contenteditable div and Quill.
 * Bundled in the extension as /practice.html and served over http://127.0.0.1 by `npm start`.
 *
 * Over http the content script does the checking, as on any web page. Browsers do not inject content
 * scripts into the extension's own pages, so when opened as chrome-extension://…/practice.html the
 * page starts the same checker itself.
 */
import Quill from 'quill';
import 'quill/dist/quill.snow.css';
import { PRACTICE_DRAFT, PRACTICE_TITLE } from './sample';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const textarea = $<HTMLTextAreaElement>('practice-textarea');
const editable = $<HTMLDivElement>('practice-editable');
const input = $<HTMLInputElement>('practice-input');

const quill = new Quill('#practice-quill', {
  theme: 'snow',
  modules: { toolbar: [['bold', 'italic', 'underline'], [{ list: 'ordered' }, { list: 'bullet' }], ['clean']] },
});

function fillEditable(el: HTMLElement, text: string): void {
  el.replaceChildren(
    ...text.split('\n').map((line) => {
      const p = document.createElement('p');
      if (line) p.textContent = line;
      else p.append(document.createElement('br'));
      return p;
    }),
  );
}

function reset(): void {
  textarea.value = PRACTICE_DRAFT;
  fillEditable(editable, PRACTICE_DRAFT);
  quill.setText(`${PRACTICE_DRAFT}\n`, 'api');
  quill.history.clear();
  input.value = `${PRACTICE_TITLE.replace('（', '(').replace('）', ')')}`;
}

reset();
$('practice-reset').addEventListener('click', reset);

// Let tests and curious users reach the editor model.
(window as unknown as { wengaoPractice: unknown }).wengaoPractice = { quill, reset, draft: PRACTICE_DRAFT };

if (/^(chrome|moz|safari-web)-extension:$/.test(location.protocol)) {
  // Inside the extension the page speaks the 界面语言 setting's language alone (index.html: .zh / .en) and
  // follows a change; over http it shows both.
  void import('@/lib/page-language').then(({ startPageLanguage }) => {
    const show = (locale: string) => {
      document.documentElement.dataset.lang = locale;
      document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
    };
    return startPageLanguage(document, show).then(show);
  });
  void import('../content/checker').then(({ startExtensionChecker }) => {
    const lifetime = { signal: new AbortController().signal, setTimeout: (fn: () => void, ms?: number) => window.setTimeout(fn, ms) };
    return startExtensionChecker(lifetime, document);
  });
}
