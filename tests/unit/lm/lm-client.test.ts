/**
 * The content script's client of the wrong-character tier (lib/editors/lm-client.ts): what it sends
 * (only unanswered paragraphs with Han text, in bounded batches, a moment after the check), what it
 * keeps (answers by paragraph text, drawn only where the text still reads the same) and how it fails
 * (no model: the rules go on alone, asked again later).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Issue } from '../../../lib/engine/types';
import { segments, withWrongChars, WrongCharClient, type AskWrongChars } from '../../../lib/editors/lm-client';
import { WRONG_CHAR_LIMITS } from '../../../lib/lm/limits';
import type { WrongCharAnswer, WrongCharParagraph } from '../../../lib/protocol';

const TYPO = '我们要密切练习群众，认真听取意见。';
const CLEAN = '各级党组织要密切联系群众。';

/** A background stand-in: flags every 练习 as 联系, records what it was sent. */
function fakeBackground() {
  const sent: WrongCharParagraph[][] = [];
  let fail = false;
  const ask: AskWrongChars = async (paragraphs) => {
    sent.push(paragraphs);
    if (fail) throw new Error('no receiving end');
    return {
      ok: true,
      paragraphs: paragraphs.map((p) => ({
        ...p,
        issues: [...p.text.matchAll(/练习/g)].map(
          (m): Issue => ({ rule: 'wrong-char', category: 'typo', severity: 'error', start: m.index, end: m.index + 2, text: '练习', replacements: ['联系'], message: '“练习”疑为“联系”之误' }),
        ),
      })),
    };
  };
  return { ask, sent, setFail: (v: boolean) => (fail = v) };
}

const lifetime = () => {
  const controller = new AbortController();
  return { signal: controller.signal, setTimeout: (cb: () => void, ms?: number) => setTimeout(cb, ms) as unknown as number, controller };
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('segments', () => {
  it('are the lines, long ones cut after a sentence end, with their offsets', () => {
    const long = '加强基层党组织建设。'.repeat(150); // 1,500 characters
    const text = `第一段\n\n${long}\n最后一段`;
    const segs = segments(text);
    for (const s of segs) {
      expect(s.text.length).toBeLessThanOrEqual(WRONG_CHAR_LIMITS.chars);
      expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
    }
    expect(segs.filter((s) => s.text.startsWith('加强')).map((s) => s.text.length)).toEqual([1000, 500]);
    expect(segs.map((s) => s.text).join('')).toBe(text.replace(/\n/g, ''));
  });

  it('cut a line with no sentence end at a mark, else at the limit', () => {
    expect(segments('一二三四五，六七八九十', 8).map((s) => s.text)).toEqual(['一二三四五，', '六七八九十']);
    expect(segments('一二三四五六七八九十', 4).map((s) => s.text)).toEqual(['一二三四', '五六七八', '九十']);
  });
});

describe('segments of a range (a long document: only the part the checker holds)', () => {
  it('are those of the lines reaching into the range, with their offsets in the whole text', () => {
    const lines = Array.from({ length: 200 }, (_, k) => `第${k}段要加强党的建设。`);
    const text = lines.join('\n');
    const whole = segments(text);
    const from = text.indexOf('第50段') + 3;
    const to = text.indexOf('第60段') + 2;
    const part = segments(text, undefined, [from, to]);
    expect(part.map((s) => s.text)).toEqual(lines.slice(50, 61));
    expect(part).toEqual(whole.filter((s) => s.start + s.text.length >= from && s.start < to));
    expect(segments(text, undefined, [0, text.length])).toEqual(whole);
    expect(segments(text, undefined, [text.length, text.length]).map((s) => s.text)).toEqual([lines[199]]);
  });

  it('asks only for the range, and returns only its issues', async () => {
    const bg = fakeBackground();
    const client = new WrongCharClient(bg.ask, lifetime());
    const text = [CLEAN, TYPO, CLEAN, TYPO.replace('我们', '大家')].join('\n');
    const second = text.indexOf('\n') + 1;
    const range = [second, second + TYPO.length] as const;
    client.issuesFor({}, text, vi.fn(), range);
    await vi.advanceTimersByTimeAsync(1000);
    expect(bg.sent.flat().map((p) => p.text)).toEqual([TYPO]);
    expect(client.issuesFor({}, text, vi.fn(), range).map((i) => i.start)).toEqual([second + TYPO.indexOf('练习')]);
  });
});

describe('WrongCharClient', () => {
  it('asks for the unanswered Han paragraphs after a pause, then serves them from its answers', async () => {
    const bg = fakeBackground();
    const client = new WrongCharClient(bg.ask, lifetime());
    const owner = {};
    const onAnswer = vi.fn();
    const text = `${TYPO}\n\n2024 GDP 5%\n${CLEAN}`;
    expect(client.issuesFor(owner, text, onAnswer)).toEqual([]);
    expect(bg.sent).toEqual([]);
    await vi.runAllTimersAsync();
    expect(bg.sent.map((b) => b.map((p) => p.text))).toEqual([[TYPO, CLEAN]]);
    expect(onAnswer).toHaveBeenCalledTimes(1);
    const issues = client.issuesFor(owner, text, onAnswer);
    expect(issues.map((i) => [text.slice(i.start, i.end), i.replacements[0]])).toEqual([['练习', '联系']]);
    // Answered: nothing more is sent, for this editor or another with a paragraph in common.
    client.issuesFor({}, `${CLEAN}\n${TYPO}`, vi.fn());
    await vi.runAllTimersAsync();
    expect(bg.sent.length).toBe(1);
  });

  it('sends only the paragraph that changed, and never draws an answer for text that changed since', async () => {
    const bg = fakeBackground();
    const client = new WrongCharClient(bg.ask, lifetime());
    const owner = {};
    client.issuesFor(owner, `${CLEAN}\n${TYPO}`, vi.fn());
    await vi.runAllTimersAsync();
    const edited = `${CLEAN}\n我们要密切练习群众，认真听取意见和建议。`;
    const onAnswer = vi.fn();
    expect(client.issuesFor(owner, edited, onAnswer)).toEqual([]); // the old answer is not for this text
    await vi.runAllTimersAsync();
    expect(bg.sent[1]!.map((p) => p.text)).toEqual(['我们要密切练习群众，认真听取意见和建议。']);
    expect(onAnswer).toHaveBeenCalledTimes(1);
    expect(client.issuesFor(owner, edited, onAnswer).map((i) => i.start)).toEqual([CLEAN.length + 1 + 5]);
  });

  it('an answer arriving after the text changed is kept but not drawn, and the owner is not called', async () => {
    let release: (a: WrongCharAnswer) => void = () => {};
    const sent: WrongCharParagraph[][] = [];
    const ask: AskWrongChars = (paragraphs) => {
      sent.push(paragraphs);
      return new Promise((resolve) => (release = resolve));
    };
    const client = new WrongCharClient(ask, lifetime());
    const owner = {};
    const onAnswer = vi.fn();
    client.issuesFor(owner, TYPO, onAnswer);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent.length).toBe(1);
    // The writer typed on: the latest text no longer has that paragraph.
    client.issuesFor(owner, '我们要密切联系群众。', onAnswer);
    release({ ok: true, paragraphs: [{ id: sent[0]![0]!.id, text: TYPO, issues: [{ rule: 'wrong-char', category: 'typo', severity: 'error', start: 5, end: 7, text: '练习', replacements: ['联系'], message: 'x' }] }] });
    await vi.advanceTimersByTimeAsync(0);
    expect(onAnswer).not.toHaveBeenCalled();
    // Undo brings the text back: served from the cache, without asking again.
    expect(client.issuesFor(owner, TYPO, onAnswer).length).toBe(1);
  });

  it('drops answers it did not ask for and issues that do not match their text', async () => {
    const sent: WrongCharParagraph[][] = [];
    const ask: AskWrongChars = async (paragraphs) => {
      sent.push(paragraphs);
      const p = paragraphs[0]!;
      const issue = (start: number, text: string): Issue => ({ rule: 'wrong-char', category: 'typo', severity: 'error', start, end: start + text.length, text, replacements: ['联系'], message: 'x' });
      return {
        ok: true,
        paragraphs: [
          { id: p.id, text: p.text, issues: [issue(5, '练习'), issue(0, '不对'), issue(40, '练习'), { ...issue(5, '练习'), rule: 'other' }] },
          { id: p.id + 1000, text: '别处的段落', issues: [issue(0, '别处')] },
        ],
      };
    };
    const client = new WrongCharClient(ask, lifetime());
    client.issuesFor({}, TYPO, vi.fn());
    await vi.runAllTimersAsync();
    expect(client.issuesFor({}, TYPO, vi.fn()).map((i) => i.text)).toEqual(['练习']);
    expect(client.issuesFor({}, '别处的段落', vi.fn())).toEqual([]);
  });

  it('sends bounded batches: at most the limit of paragraphs per message, each within the length limit', async () => {
    const bg = fakeBackground();
    const client = new WrongCharClient(bg.ask, lifetime());
    const paragraphs = Array.from({ length: 120 }, (_, k) => `第${k}段：要密切联系群众，${'加强作风建设。'.repeat(k % 3 === 0 ? 200 : 1)}`);
    client.issuesFor({}, paragraphs.join('\n'), vi.fn());
    await vi.runAllTimersAsync();
    expect(bg.sent.length).toBeGreaterThan(2);
    for (const batch of bg.sent) {
      expect(batch.length).toBeLessThanOrEqual(WRONG_CHAR_LIMITS.paragraphs);
      for (const p of batch) expect(p.text.length).toBeLessThanOrEqual(WRONG_CHAR_LIMITS.chars);
    }
    const all = bg.sent.flat().map((p) => p.text);
    expect(new Set(all).size).toBe(all.length);
  });

  it('when the background cannot answer, goes on without and asks again later', async () => {
    const bg = fakeBackground();
    bg.setFail(true);
    const client = new WrongCharClient(bg.ask, lifetime());
    const onAnswer = vi.fn();
    client.issuesFor({}, TYPO, onAnswer);
    await vi.advanceTimersByTimeAsync(1000);
    expect(bg.sent.length).toBe(1);
    expect(onAnswer).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(5000);
    expect(bg.sent.length).toBe(1); // not hammering a background that has no model
    bg.setFail(false);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(bg.sent.length).toBe(2);
    expect(onAnswer).toHaveBeenCalledTimes(1);
  });

  it('an answer that leaves out what was asked does not make it ask again at once', async () => {
    const sent: WrongCharParagraph[][] = [];
    const ask: AskWrongChars = async (paragraphs) => {
      sent.push(paragraphs);
      return { ok: true, paragraphs: [] };
    };
    const client = new WrongCharClient(ask, lifetime());
    client.issuesFor({}, TYPO, vi.fn());
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent.length).toBe(1);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sent.length).toBe(2);
  });

  it('keeps engaged and other editors apart: asked separately, never drawn from the other kind of answer', async () => {
    // The background accepts 练习 with the writer's vocabulary only (the personal dictionary holds 练习群众).
    const sent: WrongCharParagraph[][] = [];
    const ask: AskWrongChars = async (paragraphs) => {
      sent.push(paragraphs);
      const issue = (start: number): Issue => ({ rule: 'wrong-char', category: 'typo', severity: 'error', start, end: start + 2, text: '练习', replacements: ['联系'], message: 'x' });
      return { ok: true, paragraphs: paragraphs.map((p) => ({ id: p.id, text: p.text, issues: p.engaged ? [] : [issue(p.text.indexOf('练习'))] })) };
    };
    const client = new WrongCharClient(ask, lifetime());
    const planted = {};
    const mine = {};
    const onPlanted = vi.fn();
    const onMine = vi.fn();
    client.issuesFor(planted, TYPO, onPlanted);
    await vi.runAllTimersAsync();
    expect(sent.flat()).toMatchObject([{ text: TYPO, engaged: false }]);
    expect(client.issuesFor(planted, TYPO, onPlanted).map((i) => i.text)).toEqual(['练习']);
    // The writer's editor with the same paragraph: the answer above is not for it.
    expect(client.issuesFor(mine, TYPO, onMine, undefined, true)).toEqual([]);
    await vi.runAllTimersAsync();
    expect(sent.flat()).toMatchObject([{ text: TYPO, engaged: false }, { text: TYPO, engaged: true }]);
    expect(onMine).toHaveBeenCalledTimes(1);
    expect(client.issuesFor(mine, TYPO, onMine, undefined, true)).toEqual([]);
    // And the other way round: both answers are kept, each for its kind.
    expect(client.issuesFor(planted, TYPO, onPlanted).map((i) => i.text)).toEqual(['练习']);
    await vi.runAllTimersAsync();
    expect(sent.length).toBe(2);
    // An answer echoing the other kind's id is not taken for this one.
    const other = new WrongCharClient(async (paragraphs) => ({ ok: true, paragraphs: paragraphs.map((p) => ({ id: p.id + 1, text: p.text, issues: [] })) }), lifetime());
    other.issuesFor({}, TYPO, vi.fn(), undefined, true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(other.issuesFor({}, TYPO, vi.fn())).toEqual([]);
  });

  it('asks nothing once its lifetime ended', async () => {
    const bg = fakeBackground();
    const life = lifetime();
    const client = new WrongCharClient(bg.ask, life);
    client.issuesFor({}, TYPO, vi.fn());
    life.controller.abort();
    await vi.runAllTimersAsync();
    expect(bg.sent).toEqual([]);
  });
});

describe('withWrongChars (the checker hook)', () => {
  const ruleIssue: Issue = { rule: 'repeated-word', category: 'repetition', severity: 'error', start: 0, end: 2, text: '我们', replacements: ['我'], message: 'x' };

  it('merges the known answers, drops those the dictionary accepts, asks nothing when both statistical checks are off', async () => {
    const bg = fakeBackground();
    const client = new WrongCharClient(bg.ask, lifetime());
    const owner = {};
    const text = TYPO;
    expect(withWrongChars(client, owner, text, [], { rules: { 'wrong-char': false, 'de-di-de-context': false } }, vi.fn())).toEqual([]);
    await vi.runAllTimersAsync();
    expect(bg.sent).toEqual([]);
    withWrongChars(client, owner, text, [], {}, vi.fn());
    await vi.runAllTimersAsync();
    const merged = withWrongChars(client, owner, text, [ruleIssue], {}, vi.fn());
    expect(merged.map((i) => i.rule)).toEqual(['repeated-word', 'wrong-char']);
    expect(withWrongChars(client, owner, text, [ruleIssue], { dictionary: ['练习'] }, vi.fn()).map((i) => i.rule)).toEqual(['repeated-word']);
    // A rule's issue at the same place wins.
    const overlapping = { ...ruleIssue, start: 5, end: 7, text: '练习' };
    expect(withWrongChars(client, owner, text, [overlapping], {}, vi.fn())).toEqual([overlapping]);
  });
});
