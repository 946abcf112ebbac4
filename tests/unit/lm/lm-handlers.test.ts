/**
 * The background's side of the wrong-character tier (lib/storage/lm-handlers.ts): the model is read
 * only when the first check comes, once however many come at the same time; a failed load answers
 * `ok: false` and is tried again later; the personal dictionary is honoured and followed, for engaged
 * editors only.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WRONG_CHAR_LIMITS } from '../../../lib/lm/limits';
import { createDispatcher } from '../../../lib/message-policy';
import { createLmService } from '../../../lib/storage/lm-handlers';
import { MODEL_FILE } from '../../../scripts/lib/lm-sources';

const BYTES = readFileSync(MODEL_FILE);
const TYPO = '我们要密切练习群众，认真听取意见。';
const CLEAN = '各级党组织要密切联系群众，认真听取意见。';

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

function service(dictionary: string[] = [], fail = false) {
  let clock = 1_000_000;
  const modelBytes = vi.fn(async () => {
    if (fail) throw new Error('lm/model.bin: HTTP 404');
    return new Uint8Array(BYTES).buffer;
  });
  const words = vi.fn(async () => dictionary);
  const lm = createLmService({ modelBytes, dictionary: words, domainWords: async () => [] }, () => clock);
  return { lm, modelBytes, words, tick: (ms: number) => (clock += ms), setFail: (v: boolean) => (fail = v) };
}

describe('checkWrongChars', () => {
  it('loads the model on the first check only, once for concurrent checks', async () => {
    const { lm, modelBytes } = service();
    expect(modelBytes).not.toHaveBeenCalled();
    expect(lm.loaded).toBe(false);
    const [a, b] = await Promise.all([
      lm.handlers.checkWrongChars({ paragraphs: [{ id: 1, text: TYPO }] }, {}),
      lm.handlers.checkWrongChars({ paragraphs: [{ id: 2, text: CLEAN }] }, {}),
    ]);
    expect(modelBytes).toHaveBeenCalledTimes(1);
    expect(lm.loaded).toBe(true);
    expect(a).toMatchObject({ ok: true, paragraphs: [{ id: 1, text: TYPO }] });
    const [issue] = a.ok ? a.paragraphs[0]!.issues : [];
    expect(issue).toMatchObject({ rule: 'wrong-char', text: '练习', replacements: ['联系'], start: 5, end: 7 });
    expect(issue!.message).toContain('联系');
    expect(b).toEqual({ ok: true, paragraphs: [{ id: 2, text: CLEAN, issues: [] }] });
  });

  it('answers ok: false when the model cannot be loaded, and tries again after a while', async () => {
    const { lm, modelBytes, tick, setFail } = service([], true);
    expect(await lm.handlers.checkWrongChars({ paragraphs: [{ id: 1, text: TYPO }] }, {})).toEqual({ ok: false });
    expect(await lm.handlers.checkWrongChars({ paragraphs: [{ id: 1, text: TYPO }] }, {})).toEqual({ ok: false });
    expect(modelBytes).toHaveBeenCalledTimes(1);
    setFail(false);
    tick(31_000);
    const answer = await lm.handlers.checkWrongChars({ paragraphs: [{ id: 1, text: TYPO }] }, {});
    expect(answer.ok).toBe(true);
    expect(modelBytes).toHaveBeenCalledTimes(2);
  });

  it('never flags a word of the personal dictionary in an engaged editor, and follows its changes without reloading the model', async () => {
    const dictionary: string[] = [];
    const { lm, modelBytes, words } = service(dictionary);
    const first = await lm.handlers.checkWrongChars({ paragraphs: [{ id: 1, text: TYPO, engaged: true }] }, {});
    expect(first.ok && first.paragraphs[0]!.issues.length).toBe(1);
    dictionary.push('练习群众');
    lm.vocabularyChanged();
    const second = await lm.handlers.checkWrongChars({ paragraphs: [{ id: 1, text: TYPO, engaged: true }] }, {});
    expect(second).toEqual({ ok: true, paragraphs: [{ id: 1, text: TYPO, issues: [] }] });
    expect(words).toHaveBeenCalledTimes(2);
    expect(modelBytes).toHaveBeenCalledTimes(1);
  });

  it("uses the writer's vocabulary only for paragraphs of an engaged editor (the dictionary probe)", async () => {
    // A page plants a word in an editor the writer never touched and reads the underlines: the answer
    // must be the one anyone's copy gives, whatever the personal dictionary or reference documents hold.
    for (const where of ['dictionary', 'reference'] as const) {
      const modelBytes = async () => new Uint8Array(BYTES).buffer;
      const words = async () => (where === 'dictionary' ? ['练习群众'] : []);
      const domainWords = async () => (where === 'reference' ? ['练习群众'] : []);
      const lm = createLmService({ modelBytes, dictionary: words, domainWords });
      const empty = createLmService({ modelBytes, dictionary: async () => [], domainWords: async () => [] });
      const answer = await lm.handlers.checkWrongChars(
        { paragraphs: [{ id: 1, text: TYPO, engaged: true }, { id: 2, text: TYPO, engaged: false }, { id: 3, text: TYPO }] },
        {},
      );
      const issues = (id: number) => (answer.ok ? answer.paragraphs.find((p) => p.id === id)!.issues.map((i) => i.text) : null);
      expect(issues(1), where).toEqual([]); // the writer's own editor: the word is accepted
      expect(issues(2), where).toEqual(['练习']);
      expect(issues(3), where).toEqual(['练习']); // no flag: not engaged
      // Not engaged, the answer is exactly the one of an empty vocabulary.
      const plainAnswer = await empty.handlers.checkWrongChars({ paragraphs: [{ id: 2, text: TYPO }] }, {});
      expect(answer.ok && answer.paragraphs[1]).toEqual(plainAnswer.ok && plainAnswer.paragraphs[0]);
    }
  });

  it('hands out copies: an answer changed by its receiver does not change the next one', async () => {
    const { lm } = service();
    const a = await lm.handlers.checkWrongChars({ paragraphs: [{ id: 1, text: TYPO }] }, {});
    if (a.ok) a.paragraphs[0]!.issues[0]!.replacements.push('乱写');
    const b = await lm.handlers.checkWrongChars({ paragraphs: [{ id: 1, text: TYPO }] }, {});
    expect(b.ok && b.paragraphs[0]!.issues[0]!.replacements).toEqual(['联系']);
  });
});

describe('the policy row of checkWrongChars', () => {
  const SELF = { id: 'wengaoextensionid', baseUrl: 'chrome-extension://wengaoextensionid/' };
  const content = { id: SELF.id, url: 'https://news.example.com/a.html', origin: 'https://news.example.com', tab: { id: 5 }, frameId: 0 };
  const foreign = { id: 'otherextension', url: 'chrome-extension://otherextension/bg.js' };

  it('answers bounded paragraphs from a content script; refuses more, longer, malformed, or from outside', async () => {
    const { lm, modelBytes } = service();
    const dispatch = createDispatcher(lm.handlers as never, SELF);
    const ok = await dispatch('checkWrongChars', { paragraphs: [{ id: 7, text: TYPO }] }, content);
    expect(ok).toMatchObject({ ok: true, paragraphs: [{ id: 7, text: TYPO }] });
    expect(await dispatch('checkWrongChars', { paragraphs: [{ id: 8, text: TYPO, engaged: true }] }, content)).toMatchObject({ ok: true, paragraphs: [{ id: 8 }] });
    const many = Array.from({ length: WRONG_CHAR_LIMITS.paragraphs + 1 }, (_, id) => ({ id, text: CLEAN }));
    const bad: unknown[] = [
      { paragraphs: many },
      { paragraphs: [{ id: 1, text: '字'.repeat(WRONG_CHAR_LIMITS.chars + 1) }] },
      { paragraphs: [] },
      { paragraphs: [{ id: -1, text: TYPO }] },
      { paragraphs: [{ id: 1.5, text: TYPO }] },
      { paragraphs: [{ id: 1, text: 42 }] },
      { paragraphs: [{ id: 1, text: TYPO, engaged: 'yes' }] },
      { paragraphs: 'all' },
      null,
    ];
    for (const data of bad) await expect(dispatch('checkWrongChars', data, content)).rejects.toThrow(/refused/);
    await expect(dispatch('checkWrongChars', { paragraphs: [{ id: 1, text: TYPO }] }, foreign)).rejects.toThrow(/refused/);
    expect(modelBytes).toHaveBeenCalledTimes(1);
  });
});
