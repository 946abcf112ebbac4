/**
 * Recurring phrasings: Han-character n-grams (4–19 characters, inside one clause) that occur in at
 * least two documents, kept when maximal (a longer n-gram with the same documents and about the same
 * count absorbs them), trimmed of dangling particles, ranked by documents then occurrences.
 *
 * Cost: one pass of 4-character shingles, then n-grams are extended only where shingles are shared by
 * two documents, so a single long document (nothing shared) costs one shingle pass.
 */
import { isHanCode } from './chars';
import { STOP_PHRASES } from './curated';
import type { PassageRef, Phrase } from './types';

export interface Run {
  doc: number;
  /** Han characters only. */
  text: string;
  /** Offset of text[0] in the parent input text. */
  start: number;
}

const K = 4;
const MAX = 20;
export const MAX_PHRASES = 300;


/** Maximal runs of Han characters of `text` (offset `base`) of length ≥ K. */
export function hanRuns(doc: number, text: string, base: number, out: Run[]): void {
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && !isHanCode(text.charCodeAt(i))) i++;
    const s = i;
    while (i < n && isHanCode(text.charCodeAt(i))) i++;
    if (i - s >= K) out.push({ doc, text: text.slice(s, i), start: base + s });
  }
}

/** Particles a phrase should not end with, unless they end one of KEEP_ENDINGS. */
const TRAIL_STRIP = new Set('的了着和与及并而也都就才又还再要是对把将被让使从于在为以地得'.split(''));
const KEEP_ENDINGS = new Set(
  (
    '需要 重要 主要 必要 首要 次要 不要 只要 纲要 摘要 总是 但是 就是 还是 也是 只是 于是 凡是 正是 而是 或是 面对 相对 针对 ' +
    '核对 反对 绝对 应对 即将 必将 终将 促使 迫使 致使 即使 行使 驱使 服从 听从 遵从 顺从 自从 由于 对于 关于 至于 属于 在于 ' +
    '善于 敢于 勇于 乐于 便于 易于 等于 过于 终于 位于 基于 鉴于 处于 趋于 急于 忙于 归于 用于 出于 限于 源于 利于 取得 获得 ' +
    '懂得 显得 值得 觉得 记得 使得 赢得 阵地 基地 土地 天地 园地 留地 存在 现在 正在 所在 实在 自在 行为 以为 ' +
    '称为 视为 因为 无为 有为 可以 所以 予以 加以 得以 难以 足以 用以 为了 除了 参与 给与 以及 涉及 普及 危及 波及 顾及 合并 ' +
    '兼并 首都 成就 造就 人才 英才 意味着 随着 沿着 本着 围绕着 凭着 接着 靠着'
  ).split(' '),
);

/** Words that do not start or end a phrasing worth keeping. */
const LEAD_WORDS = ['但是', '而且', '并且', '因此', '所以', '同时', '以及', '就是', '也是', '还是', '都是', '是', '的', '了', '和', '与', '及', '并', '而', '但'];
/** Particles: words never run across them. */
const LOOSE = new Set('的了和与及等是在对把将也都就而并之着'.split(''));
const TRAIL_WORDS = ['作为', '成为', '认为', '通过', '对于', '关于', '由于', '以及', '并且', '而且', '必须', '应该', '能够', '可以'];

export function trimPhrase(s: string): string {
  let a = 0;
  let b = s.length;
  for (let changed = true; changed && b - a >= K; ) {
    changed = false;
    const t = s.slice(a, b);
    const lead = LEAD_WORDS.find((w) => t.startsWith(w));
    if (lead) {
      a += lead.length;
      changed = true;
      continue;
    }
    const trail = TRAIL_WORDS.find((w) => t.endsWith(w));
    if (trail) {
      b -= trail.length;
      changed = true;
      continue;
    }
    if (TRAIL_STRIP.has(t[t.length - 1]!) && !KEEP_ENDINGS.has(t.slice(-2)) && !KEEP_ENDINGS.has(t.slice(-3))) {
      b--;
      changed = true;
    }
  }
  return s.slice(a, b);
}

interface Gram {
  last: number;
  docs: number;
  count: number;
  sources: PassageRef[];
  /** First occurrences: [run index, position in the run] (at most 3). */
  at: number[];
}

/** Recurring phrases of the runs (runs must come in document order). */
export function minePhrases(runs: readonly Run[], limit = MAX_PHRASES): Phrase[] {
  // 1. Shingles shared by ≥ 2 documents.
  const shingles = new Map<string, number>(); // value: last doc * 2 + (shared ? 1 : 0), doc ≥ 0
  for (const run of runs) {
    const t = run.text;
    for (let i = 0; i + K <= t.length; i++) {
      const key = t.slice(i, i + K);
      const v = shingles.get(key);
      if (v === undefined) shingles.set(key, run.doc * 2);
      else if (v >> 1 !== run.doc) shingles.set(key, run.doc * 2 + 1);
    }
  }
  // 2. N-grams over shared stretches.
  const grams = new Map<string, Gram>();
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const t = run.text;
    const m = t.length - K + 1;
    const shared = new Uint8Array(m);
    let any = false;
    for (let i = 0; i < m; i++) {
      if ((shingles.get(t.slice(i, i + K))! & 1) === 1) {
        shared[i] = 1;
        any = true;
      }
    }
    if (!any) continue;
    for (let i = 0; i < m; i++) {
      if (!shared[i]) continue;
      for (let len = K; len <= MAX && i + len <= t.length && shared[i + len - K]; len++) {
        const key = t.slice(i, i + len);
        let g = grams.get(key);
        if (!g) grams.set(key, (g = { last: -1, docs: 0, count: 0, sources: [], at: [] }));
        if (g.last !== run.doc) {
          g.last = run.doc;
          g.docs++;
        }
        g.count++;
        if (g.sources.length < 3) {
          g.sources.push([run.doc, run.start + i, run.start + i + len]);
          g.at.push(r, i);
        }
      }
    }
  }
  // 3. Maximal n-grams.
  const absorbed = new Set<string>();
  for (const [key, g] of grams) {
    if (g.docs < 2 || key.length <= K) continue;
    for (const sub of [key.slice(1), key.slice(0, -1)]) {
      const s = grams.get(sub);
      if (s && s.docs === g.docs && g.count * 5 >= s.count * 4) absorbed.add(sub);
    }
  }
  // Bigram counts tell where words hold together: “党员的先|锋” ends inside 先锋, “作|为基层” starts inside 作为.
  const bigrams = new Map<string, number>();
  for (const run of runs) {
    const t = run.text;
    for (let i = 0; i + 2 <= t.length; i++) {
      const b = t.slice(i, i + 2);
      bigrams.set(b, (bigrams.get(b) ?? 0) + 1);
    }
  }
  const bi = (t: string, i: number) => bigrams.get(t.slice(i, i + 2)) ?? 0;
  /** Does a word run across the boundary before t[i] (left = true) or after t[i] (left = false)? */
  const glued = (t: string, i: number, left: boolean): boolean => {
    const out = left ? i - 1 : i + 1;
    if (out < 0 || out >= t.length || LOOSE.has(t[out]!) || LOOSE.has(t[i]!)) return false;
    return left ? bi(t, i - 1) > bi(t, i) : bi(t, i) > bi(t, i - 1);
  };
  const texts = new Set<string>();
  for (const [key, g] of grams) {
    if (g.docs < 2 || key.length >= MAX || absorbed.has(key)) continue;
    let a = 0;
    let b = key.length;
    for (let changed = true; changed && b - a >= K; ) {
      changed = false;
      for (let k = 0; k < g.at.length; k += 2) {
        const t = runs[g.at[k]!]!.text;
        const pos = g.at[k + 1]!;
        if (glued(t, pos + a, true)) {
          a++;
          changed = true;
          break;
        }
        if (b - a >= K && glued(t, pos + b - 1, false)) {
          b--;
          changed = true;
          break;
        }
      }
    }
    if (b - a < K) continue;
    const trimmed = trimPhrase(key.slice(a, b));
    if (trimmed.length >= K && !STOP_PHRASES.has(trimmed)) texts.add(trimmed);
  }
  // 4. Drop phrases contained in a longer one used by the same documents about as often, then rank.
  const cands = [...texts].map((text) => ({ text, g: grams.get(text)! })).filter((p) => p.g && p.g.docs >= 2);
  const byLength = [...cands].sort((a, b) => b.text.length - a.text.length);
  const kept = cands
    .filter((p) => !byLength.some((q) => q.text.length > p.text.length && q.g.docs === p.g.docs && q.g.count * 5 >= p.g.count * 4 && q.text.includes(p.text)))
    .sort((a, b) => b.g.docs - a.g.docs || b.g.count - a.g.count || b.text.length - a.text.length || (a.text < b.text ? -1 : 1))
    .slice(0, limit);
  return kept.map(({ text, g }) => ({ text, docs: g.docs, count: g.count, sources: g.sources }));
}
