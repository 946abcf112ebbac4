/**
 * Every user-facing message about snippets, in Chinese and English (the UI shows the one matching the
 * browser's language; import reports may show both). One place, so wording stays consistent.
 */
import type { Problem, ProblemCode } from './types';

type Text = { zh: string; en: string };

const FIELD_ZH: Record<string, string> = {
  title: '标题',
  body: '正文',
  tags: '标签',
  source: '来源',
  createdAt: '创建时间',
  updatedAt: '修改时间',
  useCount: '使用次数',
  lastUsedAt: '最近使用时间',
  snippets: '常用语列表',
  file: '文件',
  format: '格式标记',
  version: '格式版本',
};

/** `snippets[3].tags[1]` → 第 4 条常用语的标签 (the Chinese reader does not count from 0). */
export function describePath(path: string): Text {
  const m = /^snippets\[(\d+)\](?:\.(\w+))?(?:\[(\d+)\])?$/.exec(path);
  if (m) {
    const n = Number(m[1]) + 1;
    const field = m[2];
    const fieldZh = field ? (FIELD_ZH[field] ?? field) : '';
    const item = m[3] !== undefined ? `第 ${Number(m[3]) + 1} 个` : '';
    return {
      zh: `第 ${n} 条常用语${field ? `的${item}${fieldZh}` : ''}`,
      en: `snippet ${n}${field ? ` ${field}${m[3] !== undefined ? ` #${Number(m[3]) + 1}` : ''}` : ''}`,
    };
  }
  const t = /^(\w+)(?:\[(\d+)\])?$/.exec(path);
  if (t) {
    const fieldZh = FIELD_ZH[t[1]!] ?? t[1]!;
    return t[2] !== undefined
      ? { zh: `第 ${Number(t[2]) + 1} 个${fieldZh}`, en: `${t[1]} #${Number(t[2]) + 1}` }
      : { zh: fieldZh, en: t[1]! };
  }
  return { zh: path, en: path };
}

const TEXTS: Record<ProblemCode, (where: Text, detail: Record<string, string | number>) => Text> = {
  'not-json': () => ({ zh: '文件不是有效的 JSON，无法读取。', en: 'The file is not valid JSON.' }),
  'too-large': (_w, d) => ({
    zh: `文件过大（${d.size} 字符），上限为 ${d.max} 字符。`,
    en: `The file is too large (${d.size} characters; the limit is ${d.max}).`,
  }),
  'not-object': (w) => ({ zh: `${w.zh}应为对象。`, en: `${cap(w.en)} must be an object.` }),
  'wrong-format': () => ({
    zh: '这不是文稿助手导出的常用语文件（缺少格式标记 "wengao-snippets"）。',
    en: 'This is not a Wengao snippets file (the "format" field is not "wengao-snippets").',
  }),
  'newer-version': (_w, d) => ({
    zh: `文件格式版本为 ${d.version}，比本扩展支持的版本（${d.supported}）新，请先更新文稿助手。`,
    en: `The file's format version ${d.version} is newer than this extension supports (${d.supported}); update Wengao first.`,
  }),
  'bad-version': () => ({ zh: '格式版本应为正整数。', en: 'The format version must be a positive integer.' }),
  type: (w, d) => ({ zh: `${w.zh}应为${d.zh}。`, en: `${cap(w.en)} must be ${d.en}.` }),
  empty: (w) => ({ zh: `${w.zh}不能为空。`, en: `${cap(w.en)} must not be empty.` }),
  'too-long': (w, d) => ({
    zh: `${w.zh}过长（${d.length} 字符），上限为 ${d.max} 字符。`,
    en: `${cap(w.en)} is too long (${d.length} characters; the limit is ${d.max}).`,
  }),
  'too-many': (w, d) => ({
    zh: `${w.zh}过多（${d.count} 个），上限为 ${d.max} 个。`,
    en: `Too many ${w.en} (${d.count}; the limit is ${d.max}).`,
  }),
  'bad-source': (w) => ({
    zh: `${w.zh}应为 manual、corpus、网页地址或参考文档编号。`,
    en: `${cap(w.en)} must be "manual", "corpus", a page URL or a reference document id.`,
  }),
  'bad-number': (w) => ({
    zh: `${w.zh}应为不小于 0 的有限数字。`,
    en: `${cap(w.en)} must be a finite number not below 0.`,
  }),
  duplicate: () => ({ zh: '已有内容相同的常用语。', en: 'A snippet with the same text already exists.' }),
  'not-found': () => ({ zh: '找不到这条常用语（可能已被删除）。', en: 'The snippet no longer exists (it may have been deleted).' }),
};

function cap(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** Build a problem with its Chinese and English message. */
export function problem(path: string, code: ProblemCode, detail: Record<string, string | number> = {}): Problem {
  return { path, code, ...TEXTS[code](describePath(path), detail) };
}

/** Names of the JSON types for `type` problems. */
export const TYPE_NAMES = {
  string: { zh: '文本', en: 'a string' },
  array: { zh: '数组', en: 'an array' },
  stringArray: { zh: '文本数组', en: 'an array of strings' },
  object: { zh: '对象', en: 'an object' },
} as const;

/** One line per problem (at most `max`), then how many more: for an import report. */
export function summarizeProblems(problems: readonly Problem[], lang: 'zh' | 'en', max = 10): string {
  const lines = problems.slice(0, max).map((p) => p[lang]);
  const rest = problems.length - lines.length;
  if (rest > 0) lines.push(lang === 'zh' ? `……另有 ${rest} 处问题。` : `…and ${rest} more problems.`);
  return lines.join('\n');
}
