import { describe, expect, it } from 'vitest';
import { applyNotice, applyNoticeKey, dictionaryNotice } from '../../../lib/editors/fix-notices';

const none = () => '';

describe('fix card notices', () => {
  it('says nothing for an applied fix', () => {
    expect(applyNotice({ ok: true }, none)).toBeNull();
  });

  it('one message per way a fix can fail', () => {
    expect(applyNotice({ ok: false, reason: 'stale' }, none)).toBe('文本已变化，请重新检查');
    expect(applyNoticeKey({ ok: false, reason: 'refused' })).toBe('fixRefused');
    expect(applyNoticeKey({ ok: false, reason: 'mismatch', undone: true })).toBe('fixUndone');
    expect(applyNoticeKey({ ok: false, reason: 'mismatch', undone: false })).toBe('fixMismatch');
    expect(applyNoticeKey({ ok: false, reason: 'no-range' })).toBe('fixFailed');
  });

  it('uses the translation when there is one', () => {
    expect(applyNotice({ ok: false, reason: 'stale' }, (k) => (k === 'fixStale' ? 'The text changed' : ''))).toBe('The text changed');
  });

  it('dictionary: saved or already there is silent; a failure shows its own message; anything else is a failure', () => {
    expect(dictionaryNotice(true, none)).toBeNull();
    expect(dictionaryNotice(false, none)).toBeNull();
    expect(dictionaryNotice({ error: 'full', messageKey: 'dictionaryFull' }, none)).toContain('已满');
    expect(dictionaryNotice({ error: 'storage', messageKey: 'dictionarySaveFailed' }, none)).toBe('未能保存到词典');
    expect(dictionaryNotice(undefined, none)).toBe('未能保存到词典');
    expect(dictionaryNotice({ messageKey: 'somethingElse' }, none)).toBe('未能保存到词典');
  });
});
