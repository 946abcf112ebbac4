/** Draft.js 0.11 (React 18): its own EditorState with an undo stack. */
import { createElement, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ContentState, Editor, EditorState } from 'draft-js';
import { defineFixture } from './fixture';

let state = EditorState.createEmpty();
let setState: (s: EditorState) => void = () => {};
function App() {
  const [s, set] = useState(state);
  setState = (next) => {
    state = next;
    set(next);
  };
  return createElement(
    'div',
    { style: { minHeight: '160px', border: '1px solid #ccc', padding: '6px' } },
    createElement(Editor, { editorState: s, onChange: (next: EditorState) => setState(next) }),
  );
}
createRoot(document.getElementById('editor')!).render(createElement(App));
const ready = new Promise<void>((resolve) => {
  const wait = () => (document.querySelector('.public-DraftEditor-content') ? resolve() : setTimeout(wait, 10));
  wait();
});
defineFixture(
  {
    name: 'draftjs',
    editor: { getState: () => state },
    root: () => document.querySelector('.public-DraftEditor-content') as HTMLElement,
    async setParagraphs(ps) {
      setState(EditorState.createWithContent(ContentState.createFromText(ps.join('\n'))));
      await new Promise((r) => setTimeout(r, 30));
    },
    modelText: () => state.getCurrentContent().getPlainText('\n'),
    cutoff() {},
  },
  ready,
);
