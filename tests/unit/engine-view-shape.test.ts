import { describe, expect, it } from 'vitest';
import { createAnalyzer, rules } from '../../lib/engine';

// The analyzer and its view keep their getters on a prototype: an object literal with `get` accessors made
// per analyzer gets a hidden class of its own, which V8's scavenges keep alive, and with it (through the
// getters' closures) the analyzer's whole state until a full collection (analyzer.ts, LiveView).
describe('analyzer and view objects', () => {
  it('expose live counts through prototype getters, not per-instance accessors', () => {
    const analyzer = createAnalyzer({ rules });
    const view = analyzer.update('一、总体要求\n要要加强学习,提高认识。');
    for (const key of ['text', 'issueCount', 'paragraphCount'] as const) {
      expect(Object.getOwnPropertyDescriptor(view, key)).toBeUndefined();
    }
    expect(Object.getOwnPropertyDescriptor(analyzer, 'lastRecheckedParagraphs')).toBeUndefined();
    expect(view.text).toBe('一、总体要求\n要要加强学习,提高认识。');
    expect(view.paragraphCount).toBe(2);
    expect(view.issueCount).toBe([...view].length);
    expect(view.issueCount).toBeGreaterThan(0);
    expect(analyzer.lastRecheckedParagraphs).toBe(2);
    // Live: the same view object answers for the next update.
    const again = analyzer.update('一、总体要求');
    expect(again).toBe(view);
    expect(view.text).toBe('一、总体要求');
    expect(view.paragraphCount).toBe(1);
    expect(view.issueCount).toBe([...view].length);
    expect(analyzer.view()).toBe(view);
    expect(view.issuesIn(0, view.text.length)).toEqual([...view]);
    expect(view.outline()).toEqual(analyzer.analyze('一、总体要求').outline);
  });
});
