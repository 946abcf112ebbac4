/**
 * What the fix card says when an action did not do what the writer asked: a fix refused or taken back
 * (apply-edit.ts), a dictionary word not saved (the background's DictionaryWriteResult). Text from
 * `_locales` (through the host's translate function), with the Chinese built in.
 */
import type { ApplyResult } from './apply-edit';

type Translate = (key: string, substitutions?: string[]) => string;

/** Built-in Chinese texts, by _locales key. */
export const NOTICE_TEXTS: Record<string, string> = {
  fixStale: '文本已变化，请重新检查',
  fixRefused: '页面不允许在此处修改，未作更改',
  fixUndone: '编辑器未按预期修改，已撤销',
  fixMismatch: '编辑器未按预期修改，请核对这段文字',
  fixFailed: '未能应用修改，文本未变',
  dictionarySaveFailed: '未能保存到词典',
  dictionaryFull: '个人词典已满（上限 1 万个词），未能保存',
};

function text(t: Translate, key: string): string {
  let s = '';
  try {
    s = t(key);
  } catch {
    s = '';
  }
  return s || NOTICE_TEXTS[key] || NOTICE_TEXTS.fixFailed!;
}

/** The _locales key for a fix's result, or null when it was applied. */
export function applyNoticeKey(result: Pick<ApplyResult, 'ok' | 'reason' | 'undone'>): string | null {
  if (result.ok) return null;
  switch (result.reason) {
    case 'stale':
      return 'fixStale';
    case 'refused':
      return 'fixRefused';
    case 'mismatch':
      return result.undone ? 'fixUndone' : 'fixMismatch';
    default:
      return 'fixFailed';
  }
}

/** The message for a fix's result, or null when it was applied. */
export function applyNotice(result: Pick<ApplyResult, 'ok' | 'reason' | 'undone'>, t: Translate): string | null {
  const key = applyNoticeKey(result);
  return key ? text(t, key) : null;
}

/**
 * The message for a dictionary write's result (true/false: saved or already there; an object with a
 * messageKey: not saved), or null when there is nothing to say. Anything else (an old background, a
 * lost message) counts as not saved.
 */
export function dictionaryNotice(result: unknown, t: Translate): string | null {
  if (result === true || result === false) return null;
  const key = (result as { messageKey?: unknown } | null)?.messageKey;
  return text(t, typeof key === 'string' && key in NOTICE_TEXTS ? key : 'dictionarySaveFailed');
}
