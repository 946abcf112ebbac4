import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CheckSchedule, COST_FACTOR, IDLE_COST_MS, MAX_PAUSE_MS, planCheck, Timers } from '../../../lib/editors/scheduling';

/** A window with timers and idle callbacks driven by vitest's fake clock. */
function fakeWindow(): Window {
  return {
    setTimeout: (cb: () => void, ms: number) => setTimeout(cb, ms) as unknown as number,
    clearTimeout: (id: number) => clearTimeout(id),
    requestIdleCallback: (cb: () => void, o: { timeout: number }) => setTimeout(cb, o.timeout) as unknown as number,
    cancelIdleCallback: (id: number) => clearTimeout(id),
    requestAnimationFrame: (cb: () => void) => setTimeout(cb, 16) as unknown as number,
    cancelAnimationFrame: (id: number) => clearTimeout(id),
  } as unknown as Window;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('planCheck', () => {
  test('a cheap check runs after the pause asked for, straight from the timer', () => {
    expect(planCheck(80, 1, false)).toEqual({ delay: 80, idle: false });
    expect(planCheck(0, 1, false)).toEqual({ delay: 0, idle: false });
  });
  test('a costly check waits in proportion to its cost (bounded) and then for an idle period', () => {
    expect(planCheck(80, 30, false)).toEqual({ delay: 30 * COST_FACTOR, idle: true });
    expect(planCheck(80, 5000, false).delay).toBe(MAX_PAUSE_MS);
    expect(planCheck(80, IDLE_COST_MS + 1, false).idle).toBe(true);
  });
  test('a large change waits for an idle period whatever the history; a check asked for now is not delayed', () => {
    expect(planCheck(80, 0, true)).toEqual({ delay: 80, idle: true });
    expect(planCheck(0, 30, false)).toEqual({ delay: 0, idle: true });
  });
});

describe('Timers', () => {
  test('one abort listener for any number of timers; fired and cleared timers are forgotten', () => {
    const controller = new AbortController();
    const add = vi.spyOn(controller.signal, 'addEventListener');
    const timers = new Timers(fakeWindow(), controller.signal);
    const fired: number[] = [];
    for (let k = 0; k < 500; k++) {
      const id = timers.timeout(() => fired.push(k), 10);
      if (k % 2) timers.clearTimeout(id);
    }
    expect(timers.pending).toBe(250);
    vi.advanceTimersByTime(10);
    expect(fired.length).toBe(250);
    expect(timers.pending).toBe(0);
    expect(add).toHaveBeenCalledTimes(1);
  });
  test('abort cancels everything pending', () => {
    const controller = new AbortController();
    const timers = new Timers(fakeWindow(), controller.signal);
    const fired: string[] = [];
    timers.timeout(() => fired.push('timeout'), 10);
    timers.idle(() => fired.push('idle'), 50);
    timers.frame(() => fired.push('frame'));
    controller.abort();
    vi.advanceTimersByTime(100);
    expect(fired).toEqual([]);
    expect(timers.pending).toBe(0);
    expect(timers.timeout(() => fired.push('late'), 1)).toBe(0);
  });
});

describe('CheckSchedule', () => {
  test('a new request replaces the pending one; the cost of recent checks lengthens the pause', () => {
    const timers = new Timers(fakeWindow(), new AbortController().signal);
    let runs = 0;
    const s = new CheckSchedule(timers, () => runs++);
    s.request(80, false);
    vi.advanceTimersByTime(50);
    s.request(80, false); // typed again
    vi.advanceTimersByTime(79);
    expect(runs).toBe(0);
    vi.advanceTimersByTime(1);
    expect(runs).toBe(1);
    expect(s.pending).toBe(false);
    s.noteCost(40); // a slow check: the next waits 8 × 40 ms, then for an idle period (≤ 50 ms)
    s.request(80, false);
    vi.advanceTimersByTime(319);
    expect(runs).toBe(1);
    vi.advanceTimersByTime(1 + 50);
    expect(runs).toBe(2);
    s.request(80, false);
    s.cancel();
    vi.advanceTimersByTime(2000);
    expect(runs).toBe(2);
    expect(timers.pending).toBe(0);
  });
});
