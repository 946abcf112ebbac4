/** Editor.js 2 (block editor: one contenteditable per paragraph; no undo of its own). */
import EditorJS from '@editorjs/editorjs';
import { defineFixture, htmlLines } from './fixture';

let editor = new EditorJS({ holder: 'editor', minHeight: 120 });
const fixture = {
  name: 'editorjs',
  editor,
  root: () => document.querySelector('.codex-editor__redactor') as HTMLElement,
  async setParagraphs(ps: string[]) {
    await editor.isReady;
    await editor.render({ blocks: ps.map((text) => ({ type: 'paragraph', data: { text } })) });
  },
  modelText: async () => {
    const data = await editor.save();
    return data.blocks.map((b) => htmlLines(`<p>${(b.data as { text: string }).text}</p>`)).join('\n');
  },
  cutoff() {},
};
void editor;
defineFixture(fixture, editor.isReady);
