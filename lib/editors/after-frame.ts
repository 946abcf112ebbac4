/**
 * Run a callback once the browser has rendered the next frame. After an edit the page's layout is stale
 * (a 1 MB textarea re-lays out its whole text: ≈ 50 ms in Chromium); reading any geometry before the
 * frame makes that layout happen inside our task, where it adds to the keystroke's task. Read after the
 * frame, the layout the browser did anyway is current and the reads cost microseconds.
 */

/** Calls `cb` in a task after the next frame; returns a function that cancels it. */
export function afterNextFrame(win: Window, cb: () => void): () => void {
  let timer = 0;
  let done = false;
  const frame = win.requestAnimationFrame(() => {
    timer = win.setTimeout(() => {
      done = true;
      cb();
    }, 0);
  });
  return () => {
    if (done) return;
    win.cancelAnimationFrame(frame);
    if (timer) win.clearTimeout(timer);
  };
}
