/**
 * When the checker runs, and the timers it runs on.
 *
 * {@link Timers}: every timeout, idle callback and animation frame of the checker goes through one
 * object that registers a single abort listener for the checker's lifetime and forgets each timer when
 * it fires or is cancelled. (WXT's `ctx.setTimeout` adds an abort listener per call and never removes
 * it: one listener more per keystroke, for as long as the page lives.)
 *
 * {@link CheckSchedule}: per editor, the pending check after an edit. The pause before a check adapts
 * to what the checks of this editor cost: a check of a small edit costs about a millisecond, so it runs
 * after the short default pause, straight from the timer (Chromium starts no idle period for ≈ 400 ms
 * after a key press, so waiting for one would only add its timeout). A costly check (a large change, a
 * very long document, a slow machine) waits longer — never more than about an eighth of the time while
 * typing steadily — and then for an idle period, with a timeout.
 */

/** Longest wait for an idle period before running a costly check anyway (ms). */
export const IDLE_TIMEOUT_MS = 50;
/** A check that took longer than this (ms, main thread) waits for an idle period next time. */
export const IDLE_COST_MS = 8;
/** The pause before a check is at least this many times what the last checks cost. */
export const COST_FACTOR = 8;
/** The adaptive pause never exceeds this (ms), however costly the checks. */
export const MAX_PAUSE_MS = 1000;

export interface CheckPlan {
  /** Wait this long after the last edit (ms). */
  delay: number;
  /** Then wait for an idle period (at most {@link IDLE_TIMEOUT_MS}) before running. */
  idle: boolean;
}

/**
 * The plan for a check: `pauseMs` is the pause asked for (the debounce setting after an edit, 0 when
 * something else asks for a check now), `costMs` what this editor's recent checks cost, `large` whether
 * the change is too big to be cheap whatever the history says (first check, a big paste).
 */
export function planCheck(pauseMs: number, costMs: number, large: boolean): CheckPlan {
  const adaptive = pauseMs > 0 ? Math.min(MAX_PAUSE_MS, Math.round(costMs * COST_FACTOR)) : 0;
  return { delay: Math.max(pauseMs, adaptive), idle: large || costMs > IDLE_COST_MS };
}

type IdleWindow = Window & {
  requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (id: number) => void;
};

/** Timeouts, idle callbacks and frames that all end with one signal, with one listener on it. */
export class Timers {
  private readonly timeouts = new Set<number>();
  private readonly idles = new Set<number>();
  private readonly frames = new Set<number>();

  constructor(
    private readonly win: Window,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => this.clearAll(), { once: true });
  }

  /** Timers waiting now (tests). */
  get pending(): number {
    return this.timeouts.size + this.idles.size + this.frames.size;
  }

  timeout(cb: () => void, ms: number): number {
    if (this.signal.aborted) return 0;
    const id = this.win.setTimeout(() => {
      this.timeouts.delete(id);
      if (!this.signal.aborted) cb();
    }, ms);
    this.timeouts.add(id);
    return id;
  }

  clearTimeout(id: number): void {
    if (!id) return;
    this.win.clearTimeout(id);
    this.timeouts.delete(id);
  }

  /** An idle callback with a timeout (a timeout of 1 ms where the browser has none). */
  idle(cb: () => void, timeoutMs: number): number {
    const win = this.win as IdleWindow;
    if (!win.requestIdleCallback) return this.timeout(cb, 1);
    if (this.signal.aborted) return 0;
    const id = win.requestIdleCallback.call(
      win,
      () => {
        this.idles.delete(id);
        if (!this.signal.aborted) cb();
      },
      { timeout: timeoutMs },
    );
    this.idles.add(id);
    return id;
  }

  cancelIdle(id: number): void {
    if (!id) return;
    const win = this.win as IdleWindow;
    if (!win.cancelIdleCallback) return this.clearTimeout(id);
    win.cancelIdleCallback.call(win, id);
    this.idles.delete(id);
  }

  frame(cb: () => void): number {
    if (this.signal.aborted) return 0;
    const id = this.win.requestAnimationFrame(() => {
      this.frames.delete(id);
      if (!this.signal.aborted) cb();
    });
    this.frames.add(id);
    return id;
  }

  cancelFrame(id: number): void {
    if (!id) return;
    this.win.cancelAnimationFrame(id);
    this.frames.delete(id);
  }

  private clearAll(): void {
    for (const id of this.timeouts) this.win.clearTimeout(id);
    for (const id of this.idles) (this.win as IdleWindow).cancelIdleCallback?.call(this.win, id);
    for (const id of this.frames) this.win.cancelAnimationFrame(id);
    this.timeouts.clear();
    this.idles.clear();
    this.frames.clear();
  }
}

/**
 * One editor's pending check: the pause, then (for costly checks) an idle period, then `run`. A new
 * request replaces the pending one. Also keeps the cost of the editor's recent checks (a moving
 * average of their main-thread time), which sets the next pauses.
 */
export class CheckSchedule {
  private timer = 0;
  private idleId = 0;
  /** Recent checks' main-thread time (ms), smoothed; 0 before the first. */
  cost = 0;

  constructor(
    private readonly timers: Timers,
    private readonly run: () => void,
  ) {}

  get pending(): boolean {
    return this.timer !== 0 || this.idleId !== 0;
  }

  /** Check after `pauseMs` (adapted to the cost; see {@link planCheck}). */
  request(pauseMs: number, large: boolean): CheckPlan {
    this.cancel();
    const plan = planCheck(pauseMs, this.cost, large);
    const go = () => {
      if (!plan.idle) return this.run();
      this.idleId = this.timers.idle(() => {
        this.idleId = 0;
        this.run();
      }, IDLE_TIMEOUT_MS);
    };
    this.timer = this.timers.timeout(() => {
      this.timer = 0;
      go();
    }, plan.delay);
    return plan;
  }

  cancel(): void {
    this.timers.clearTimeout(this.timer);
    this.timer = 0;
    this.timers.cancelIdle(this.idleId);
    this.idleId = 0;
  }

  /** A check of this editor took `ms` of main-thread time. */
  noteCost(ms: number): void {
    this.cost = this.cost === 0 ? ms : this.cost * 0.6 + ms * 0.4;
  }
}
