import { $createParagraphNode, $createTextNode, $getRoot, CLEAR_HISTORY_COMMAND, createEditor } from 'lexical';
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { defineFixture } from './fixture';

const el = document.getElementById('editor') as HTMLDivElement;
const editor = createEditor({
  namespace: 'wengao-test',
  nodes: [HeadingNode, QuoteNode],
  onError: (e) => console.error(e),
});
editor.setRootElement(el);
registerRichText(editor);
// Delay 0: every change is its own undo step (no time-based merging), so tests are deterministic.
registerHistory(editor, createEmptyHistoryState(), 0);

defineFixture({
  name: 'lexical',
  editor,
  root: () => el,
  async setParagraphs(ps) {
    editor.update(
      () => {
        const root = $getRoot();
        root.clear();
        for (const p of ps) {
          const para = $createParagraphNode();
          if (p) para.append($createTextNode(p));
          root.append(para);
        }
      },
      { discrete: true },
    );
    editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
  },
  modelText: () =>
    editor.getEditorState().read(() =>
      $getRoot()
        .getChildren()
        .map((c) => c.getTextContent())
        .join('\n'),
    ),
  cutoff() {},
});
