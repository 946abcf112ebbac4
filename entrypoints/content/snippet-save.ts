import { frameDocument, hasOwnChecker } from '@/lib/editors/detect';
import { showSnippetToast, TOAST_LABELS, type ToastLabels } from '@/lib/editors/snippet-toast';
import { sendMessage } from '@/lib/protocol';

/**
 * 保存为常用语 in a page (context menu or Alt+Shift+S; the background runs this part in the frame:
 * lib/page-inject.ts): the selection is read here, where it still has its line breaks (the menu's
 * `selectionText` collapses them), saved through the background with the frame's URL as the source, and
 * the toast shows what was saved with 添加标题/标签 and 撤销. Works on any page, editor or not: it does not
 * need the checker. Lives in its own small file (entrypoints/snippet-save.ts → /snippet-save.js).
 */
export async function saveSelectionHere(doc: Document): Promise<void> {
  const labels = toastLabels();
  const text = selectedText(doc);
  if (!text.trim()) {
    showSnippetToast(doc, { kind: 'empty', labels });
    return;
  }
  const result = await sendMessage('saveSelection', { text: text.slice(0, 80_000) }).catch(() => null);
  if (!result || !result.ok) {
    const english = browser.i18n.getUILanguage().startsWith('en');
    const detail = result && !result.ok ? (english ? result.problems[0]?.en : result.problems[0]?.zh) : undefined;
    showSnippetToast(doc, { kind: 'failed', labels, ...(detail ? { detail } : {}) });
    return;
  }
  const id = result.snippet.id;
  // A text that was already a snippet changed nothing: nothing to name or take back from here.
  showSnippetToast(doc, {
    kind: result.created ? 'saved' : 'exists',
    preview: result.snippet.body,
    labels,
    ...(result.created
      ? {
          actions: {
            edit: async (title: string, tags: string[]) => {
              const r = await sendMessage('editSavedSnippet', { id, title, tags }).catch(() => null);
              if (r?.ok) return null;
              return r?.problems[0]?.zh ?? labels.failed;
            },
            undo: () => sendMessage('undoSavedSnippet', { id }).catch(() => false),
          },
        }
      : {}),
  });
}

/** The toast's texts in the browser's language (Chinese defaults where a message is missing). */
function toastLabels(): ToastLabels {
  const t = (key: string): string => {
    try {
      return browser.i18n.getMessage(key as Parameters<typeof browser.i18n.getMessage>[0]);
    } catch {
      return '';
    }
  };
  return Object.fromEntries(Object.entries(TOAST_LABELS).map(([k, v]) => [k, t(`toast${k[0]!.toUpperCase()}${k.slice(1)}`) || v])) as ToastLabels;
}

/** The selected text, with its line breaks (a field's selection, else the document's; same-origin frames looked into). */
export function selectedText(d: Document): string {
  const active = d.activeElement as HTMLElement | null;
  if (active && (active.tagName === 'TEXTAREA' || active.tagName === 'INPUT')) {
    const f = active as HTMLTextAreaElement;
    try {
      if (f.selectionStart !== null && f.selectionEnd !== null && f.selectionEnd > f.selectionStart) return f.value.slice(f.selectionStart, f.selectionEnd);
    } catch {
      /* input types without a selection */
    }
  }
  if (active && (active.tagName === 'IFRAME' || active.tagName === 'FRAME')) {
    const inner = frameDocument(active as HTMLIFrameElement);
    if (inner && !hasOwnChecker(inner)) {
      const text = selectedText(inner);
      if (text.trim()) return text;
    }
  }
  return d.getSelection()?.toString() ?? '';
}
