/**
 * Code editors the checker must leave alone: CodeMirror 6 (also inside a same-origin iframe),
 * CodeMirror 5 (a hidden textarea plus its own DOM) and Ace (a hidden textarea). Monaco is not bundled
 * (tens of megabytes): its DOM shape (.monaco-editor with a textarea.inputarea) stands in for it.
 */
import { basicSetup, EditorView } from 'codemirror';
import CodeMirror5 from 'codemirror5';
import ace from 'ace-builds';
import { defineFixture } from './fixture';

const text = '我们要要认真学习的的';
const cm6 = new EditorView({ doc: text, extensions: [basicSetup], parent: document.getElementById('cm6')! });
const cm5 = CodeMirror5(document.getElementById('cm5')!, { value: text });
const editor = ace.edit('ace');
editor.setValue(text, 1);
const frame = document.getElementById('frame') as HTMLIFrameElement;
const fdoc = frame.contentDocument!;
fdoc.open();
fdoc.write('<!doctype html><html><body><div id="cm"></div></body></html>');
fdoc.close();
const framed = new EditorView({ doc: text, extensions: [basicSetup], parent: fdoc.getElementById('cm')!, root: fdoc });
defineFixture({
  name: 'code',
  editor: { cm6, cm5, ace: editor, framed },
  root: () => document.getElementById('control')!,
  async setParagraphs() {},
  modelText: () => (document.getElementById('control') as HTMLTextAreaElement).value,
  cutoff() {},
});
