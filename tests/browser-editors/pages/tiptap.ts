import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { closeHistory } from '@tiptap/pm/history';
import { defineFixture, paragraphsHtml } from './fixture';

let editor: Editor | null = null;
const host = document.getElementById('editor')!;
const fixture = {
  name: 'tiptap',
  root: () => editor!.view.dom as HTMLElement,
  async setParagraphs(ps: string[]) {
    editor?.destroy();
    host.replaceChildren();
    // Content given at creation is not an undo step.
    editor = new Editor({ element: host, extensions: [StarterKit], content: paragraphsHtml(ps) });
    (fixture as { editor?: unknown }).editor = editor;
  },
  modelText: () => {
    const doc = editor!.state.doc;
    return doc.textBetween(0, doc.content.size, '\n');
  },
  html: () => editor!.getHTML(),
  cutoff: () => {
    editor!.view.dispatch(closeHistory(editor!.state.tr));
  },
};
defineFixture(fixture);
