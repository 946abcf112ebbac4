/**
 * One section's status line: what just happened (已删除“X”), an error, and 撤销 where the change can be
 * undone. When an action removes the row that had the focus, the focus moves to 撤销 (or the line
 * itself), so a keyboard user is never dropped at the top of the page.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { msg } from './i18n';

export interface NoticeState {
  text: string;
  kind: 'ok' | 'error';
  undo?: () => Promise<unknown>;
  /** Move the focus here (the control that was used has gone). */
  focus?: boolean;
}

export function useNotice() {
  const [notice, setNotice] = useState<NoticeState | null>(null);
  return { notice, show: setNotice, clear: () => setNotice(null) };
}

export function Notice({ notice, onDone }: { notice: NoticeState | null; onDone: (next: NoticeState | null) => void }) {
  const undoButton = useRef<HTMLButtonElement>(null);
  const line = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (notice?.focus) (undoButton.current ?? line.current)?.focus();
  }, [notice]);
  if (!notice) return <div class="notice" role="status" aria-live="polite" />;
  const undo = async () => {
    if (!notice.undo || busy) return;
    setBusy(true);
    try {
      await notice.undo();
      onDone({ text: msg('settingsUndone'), kind: 'ok', focus: true });
    } catch {
      onDone({ text: msg('settingsSaveFailed'), kind: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} aria-live="polite" tabIndex={-1} ref={line}>
      <span>{notice.text}</span>
      {notice.undo && (
        <button type="button" class="undo" ref={undoButton} onClick={() => void undo()} disabled={busy}>
          {msg('settingsUndo')}
        </button>
      )}
    </div>
  );
}
