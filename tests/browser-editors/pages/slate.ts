/** Slate (slate-react 0.146 with slate-history, React 18). */
import { createElement, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createEditor, Editor, Node as SlateNode, Transforms, type Descendant } from 'slate';
import { withHistory, type HistoryEditor } from 'slate-history';
import { Editable, Slate, withReact } from 'slate-react';
import { defineFixture } from './fixture';

const para = (text: string): Descendant => ({ type: 'paragraph', children: [{ text }] }) as unknown as Descendant;
const editor = withHistory(withReact(createEditor()));
function App() {
  const [value] = useState<Descendant[]>([para('')]);
  return createElement(Slate, { editor, initialValue: value, children: null }, createElement(Editable, { style: { minHeight: '160px', border: '1px solid #ccc', padding: '6px' } }));
}
createRoot(document.getElementById('editor')!).render(createElement(App));
const ready = new Promise<void>((resolve) => {
  const wait = () => (document.querySelector('[data-slate-editor]') ? resolve() : setTimeout(wait, 10));
  wait();
});
defineFixture(
  {
    name: 'slate',
    editor,
    root: () => document.querySelector('[data-slate-editor]') as HTMLElement,
    async setParagraphs(ps) {
      Editor.withoutNormalizing(editor, () => {
        for (let i = editor.children.length - 1; i >= 0; i--) Transforms.removeNodes(editor, { at: [i] });
        Transforms.insertNodes(editor, ps.map(para), { at: [0] });
      });
      (editor as HistoryEditor).history = { undos: [], redos: [] };
      await new Promise((r) => setTimeout(r, 30));
    },
    modelText: () => editor.children.map((n) => SlateNode.string(n)).join('\n'),
    cutoff() {},
  },
  ready,
);
