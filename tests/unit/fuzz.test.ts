/**
 * Property / fuzz test of the whole engine (every rule in lib/rules), deterministic (seeded PRNG).
 * Inputs mix Han characters, Chinese and Latin punctuation, surrogate pairs (𠮷, emoji with skin-tone
 * modifiers, ZWJ sequences, flags), combining marks, control characters, every line terminator, lone
 * surrogates and fragments of the seed documents around labelled errors; plus a ~1 MB document and a
 * 1 MB single line. For every input:
 *   - analyze() never throws and no rule throws (the engine would hide it: we listen on onRuleError);
 *   - every issue is well formed: 0 ≤ start ≤ end ≤ length, text === input.slice(start, end), no
 *     surrogate pair split at either end, non-empty message, replacements are strings ≠ text;
 *   - issues come sorted by start, without two identical (start, end, best fix) reports;
 *   - a cached analyzer gives the same result as a fresh one (sampled);
 *   - fixes do not introduce lone surrogates into well-formed text;
 *   - after "fix all", re-analysing does not report the same issue again: no issue in the re-analysis
 *     has the same rule, text, best fix and ±5 characters of context as an applied fix AND touches the
 *     place where that fix landed (its offsets mapped through all applied edits). Identical situations
 *     elsewhere (repeated text whose fix was skipped for overlapping) do not count.
 *   - repeating "fix all" converges (no text comes back, stable within MAX_FIX_ROUNDS), for small inputs.
 * Failures list the PRNG seed, case number and input so they can be reproduced.
 */
import { describe, expect, it } from 'vitest';
import { applyFixesDetailed, createAnalyzer, rules, type AnalysisResult, type Issue } from '../../lib/engine';
import { splitsSurrogate, CHINESE_PUNCT } from '../../lib/engine/text';
import { loadSeeds, mulberry32 } from '../../scripts/lib/seeds';

const SEED = 0x5eed2024;
const CASES = 2000;
const MB = 1_000_000;
const CONTEXT = 5;
/** Rounds of "fix all" after which the text must have stopped changing (small inputs). */
const MAX_FIX_ROUNDS = 8;
const SEVERITIES = new Set(['error', 'warning', 'info']);
const RULE_IDS = new Set(rules.map((r) => r.meta.id));
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const seeds = loadSeeds();
const rand = mulberry32(SEED);
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;

const HAN = [...'的地得要是在了和有党支部书记工作建设发展基层组织思想学习干部群众同志领导加强提高贯彻落实形势式事时断段發這個為國一二三十'];
const WORDS = [
  '要要', '的的', '思想思想', '形式', '不段', '同事', '發展', '展开全部', '下一篇:', '联系客服', '已赞过',
  '一、', '（一）', '1.', '(1)', '（1）', '一.', '二、', '《', '》', '“', '”', '‘', '’', '（', '）', '【', '】', '〔2024〕',
  'bd4ed8dd5022aaea998f0ffa', '2024-02-21', 'GB/T 9704', 'http://example.com/a?b=1', '第1章', '……', '——',
  '认真的学习', '扎实的推进', '变的更好', '党支部书记要要带领', '脚踏实地的做好', '正确的的管理',
];
const LATIN_PUNCT = [...',.;:?!()[]{}<>"\'-/\\@#%&*_~`|'];
const LATIN = ['abc', 'Wengao', 'PDF', 'x', 'QQ', '123', '0', '3.14', 'A4'];
const SPACES = [' ', '  ', '\u3000', '\u00a0', '\t', '\u2002', '\u200a'];
const ASTRAL = ['𠮷', '𠮷𠮷', '👍', '👍🏽', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇨🇳', '❤️', '1️⃣', '𝔸', '😀😀'];
const COMBINING = ['e\u0301', '\u0301', '\u20dd', '的\u0308', 'a\u0300\u0301\u0302', '\u302a', '\u0301\u0301'];
const CONTROLS = [
  '\u0000', '\u0001', '\u0007', '\b', '\u000b', '\f', '\u001b', '\u007f', '\u0085', '\u200b', '\u200c', '\u200d',
  '\u200e', '\u202e', '\u2066', '\ufeff', '\u2028', '\u2029', '\ufffd', '\uffff', '\ufe0f',
];
const BREAKS = ['\n', '\r\n', '\r', '\n\n', '\r\r\n', '\n\r'];
const LONE = ['\ud800', '\udfff', '\udbff', '\udc00', '𠮷'.slice(0, 1), '𠮷'.slice(1)];

function seedFragment(): string {
  const doc = pick(seeds);
  if (doc.labels.length > 0 && rand() < 0.7) {
    const l = pick(doc.labels);
    return doc.text.slice(Math.max(0, l.start - int(30)), l.end + int(30));
  }
  const start = int(doc.text.length);
  return doc.text.slice(start, start + 5 + int(200));
}

const GENERATORS: Array<[number, () => string]> = [
  [8, () => Array.from({ length: 1 + int(8) }, () => pick(HAN)).join('')],
  [6, () => pick(WORDS)],
  [4, () => pick([...CHINESE_PUNCT])],
  [3, () => pick(LATIN_PUNCT)],
  [2, () => pick(LATIN)],
  [2, () => pick(SPACES)],
  [2, () => pick(ASTRAL)],
  [1, () => pick(COMBINING)],
  [1, () => pick(CONTROLS)],
  [3, () => pick(BREAKS)],
  [1, () => pick(LONE)],
  [4, seedFragment],
];
const TOTAL_WEIGHT = GENERATORS.reduce((s, [w]) => s + w, 0);

function piece(): string {
  let r = rand() * TOTAL_WEIGHT;
  for (const [w, g] of GENERATORS) {
    r -= w;
    if (r < 0) return g();
  }
  return GENERATORS[0]![1]();
}

function randomText(maxPieces: number): string {
  const n = int(maxPieces + 1);
  let s = '';
  for (let i = 0; i < n; i++) s += piece();
  // Sometimes double a stretch (repeated-passage territory) or insert noise inside a seed fragment.
  if (s.length > 20 && rand() < 0.15) {
    const a = int(s.length - 10);
    s = s.slice(0, a) + s.slice(a, a + 10 + int(40)) + s.slice(a);
  }
  return s;
}

const show = (s: string, n = 160) => JSON.stringify(s.length > n ? `${s.slice(0, n)}…(${s.length})` : s);

interface Checker {
  violations: string[];
  check(name: string, input: string, opts?: { fresh?: boolean; oscillation?: boolean }): void;
}

function makeChecker(): Checker {
  const violations: string[] = [];
  let current = '';
  const ruleErrors = (id: string, e: unknown) =>
    violations.push(`${current}: rule ${id} threw ${e instanceof Error ? e.message : String(e)}`);
  const shared = createAnalyzer({ rules, onRuleError: ruleErrors });

  const analyze = (text: string): AnalysisResult | null => {
    try {
      return shared.analyze(text);
    } catch (e) {
      violations.push(`${current}: analyze threw ${e instanceof Error ? e.stack : String(e)}`);
      return null;
    }
  };

  const wellFormed = (where: string, text: string, issues: readonly Issue[]) => {
    let lastStart = -1;
    const keys = new Set<string>();
    for (const i of issues) {
      const tag = `${where}: ${i.rule} [${i.start},${i.end}) ${show(i.text, 40)}`;
      const bad = (why: string) => violations.push(`${tag}: ${why}`);
      if (!RULE_IDS.has(i.rule)) bad('unknown rule id');
      if (!SEVERITIES.has(i.severity)) bad(`bad severity ${String(i.severity)}`);
      if (!Number.isInteger(i.start) || !Number.isInteger(i.end) || i.start < 0 || i.end < i.start || i.end > text.length) {
        bad(`range outside the text (length ${text.length})`);
        continue;
      }
      if (i.text !== text.slice(i.start, i.end)) bad('text !== input.slice(start, end)');
      if (splitsSurrogate(text, i.start) || splitsSurrogate(text, i.end)) bad('range splits a surrogate pair');
      if (typeof i.message !== 'string' || i.message.length === 0) bad('empty message');
      if (!Array.isArray(i.replacements)) bad('replacements is not an array');
      else for (const r of i.replacements) if (typeof r !== 'string' || r === i.text) bad(`bad replacement ${show(String(r), 40)}`);
      if (i.start < lastStart) bad('issues not sorted by start');
      lastStart = i.start;
      const key = `${i.start}:${i.end}:${i.replacements[0] ?? '\u0000'}`;
      if (keys.has(key)) bad('duplicate report (same range and fix)');
      keys.add(key);
    }
  };

  /** rule + text + best fix + context: what "the same issue" means across a fix. */
  const identity = (text: string, i: Issue) =>
    [i.rule, i.text, i.replacements[0] ?? '', text.slice(Math.max(0, i.start - CONTEXT), i.start), text.slice(i.end, i.end + CONTEXT)].join('\u0000');

  return {
    violations,
    check(name, input, opts = {}) {
      current = `${name} input=${show(input)}`;
      const result = analyze(input);
      if (!result) return;
      wellFormed(current, input, result.issues);

      if (opts.fresh) {
        const fresh = createAnalyzer({ rules }).analyze(input);
        if (JSON.stringify(fresh) !== JSON.stringify(result)) violations.push(`${current}: cached analysis differs from a fresh one`);
      }

      const { text: fixed, applied } = applyFixesDetailed(input, result.issues);
      if (applied.length === 0) return;
      if (!LONE_SURROGATE.test(input) && LONE_SURROGATE.test(fixed)) {
        violations.push(`${current}: fixes introduced a lone surrogate: ${show(fixed)}`);
      }
      // Where each applied fix landed in the fixed text, keyed by the issue's identity.
      const landed = new Map<string, Array<[number, number]>>();
      let delta = 0;
      for (const i of [...applied].sort((a, b) => a.start - b.start)) {
        const at = i.start + delta;
        const len = i.replacements[0]!.length;
        const id = identity(input, i);
        const spans = landed.get(id) ?? [];
        spans.push([at, at + len]);
        landed.set(id, spans);
        delta += len - (i.end - i.start);
      }
      const again = analyze(fixed);
      if (!again) return;
      wellFormed(`${current} (after fix)`, fixed, again.issues);
      for (const i of again.issues) {
        if (i.replacements.length === 0) continue;
        const spans = landed.get(identity(fixed, i));
        if (spans?.some(([a, b]) => i.start <= b && i.end >= a)) {
          violations.push(`${current}: ${i.rule} reports ${show(i.text, 40)} → ${show(i.replacements[0]!, 40)} at ${i.start} again after its fix was applied there`);
        }
      }

      if (opts.oscillation) {
        const seen = new Set([input, fixed]);
        let text = fixed;
        let issues = again.issues;
        for (let round = 0; ; round++) {
          const next = applyFixesDetailed(text, issues).text;
          if (next === text) break;
          if (round === MAX_FIX_ROUNDS) {
            violations.push(`${current}: "fix all" still changes the text after ${MAX_FIX_ROUNDS + 1} rounds: ${show(next)}`);
            break;
          }
          if (seen.has(next)) {
            violations.push(`${current}: "fix all" oscillates (text came back after ${round + 2} rounds)`);
            break;
          }
          seen.add(next);
          text = next;
          const r = analyze(text);
          if (!r) break;
          issues = r.issues;
        }
      }
    },
  };
}

function expectNoViolations(violations: string[]): void {
  const shown = violations.slice(0, 15);
  expect(shown, `${violations.length} violation(s) (seed ${SEED.toString(16)}):\n${shown.join('\n')}`).toEqual([]);
}

/** ~size chars: seed paragraphs with random pieces mixed in, keeping line structure. */
function bigDocument(size: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const doc = seeds[parts.length % seeds.length]!;
    for (const line of doc.text.split('\n')) {
      const noisy = rand() < 0.3 ? line + randomText(6) : line;
      parts.push(noisy);
      length += noisy.length + 1;
    }
  }
  return parts.join('\n');
}

describe('fuzz: the whole engine on odd input', () => {
  it('never throws and reports well-formed, convergent issues on random strings', () => {
    const checker = makeChecker();
    for (let k = 0; k < CASES; k++) {
      const input = randomText(k % 10 === 0 ? 120 : 24);
      checker.check(`case ${k}`, input, { fresh: k % 4 === 0, oscillation: true });
    }
    expectNoViolations(checker.violations);
  });

  it('handles the edge strings', () => {
    const checker = makeChecker();
    const edges = [
      '', ' ', '\n', '\r\n', '\r', '\n\n\n', '\ufeff', '\u0000', '\ud800', '\udc00', '\udc00\ud800', '𠮷', '👨‍👩‍👧‍👦',
      '要', '要要', '要要要', '要要要要要要', '的的的的', '。', '。。', '，，，', '、', '“', '”', '（', '）', '《》', '((((', '))))',
      '一、', '（一）', '1.', ' 一、\n（一）\n1.\n（1）\n', '展开全部', '\u3000\u3000要要', 'a'.repeat(5000), '要'.repeat(3001),
      '的'.repeat(2000), '，'.repeat(2000), ' '.repeat(2000), '\n'.repeat(2000), '\r'.repeat(1000), '𠮷'.repeat(1000),
      '\ud800'.repeat(1000), ...seeds.map((s) => s.text), ...seeds.map((s) => s.text.replace(/\n/g, '\r\n')),
    ];
    edges.forEach((input, k) => checker.check(`edge ${k}`, input, { fresh: true, oscillation: input.length < 2_000 }));
    expectNoViolations(checker.violations);
  });

  it('handles a ~1 MB document built from the seeds plus noise', { timeout: 60_000 }, () => {
    const checker = makeChecker();
    const input = bigDocument(MB);
    expect(input.length).toBeGreaterThanOrEqual(MB);
    checker.check('1 MB document', input);
    expectNoViolations(checker.violations);
  });

  it('handles a 1 MB single line', { timeout: 60_000 }, () => {
    const checker = makeChecker();
    const line = seeds.map((s) => s.text.replace(/[\r\n]+/g, '')).join('');
    let input = '';
    while (input.length < MB) input += line + randomText(20).replace(/[\r\n]/g, '');
    input = input.slice(0, MB);
    expect(input.includes('\n') || input.includes('\r')).toBe(false);
    checker.check('1 MB single line', input);
    expectNoViolations(checker.violations);
  });
});

/**
 * Incremental = fresh, on the paths an edit takes through the engine: one analyzer follows a document
 * through a few hundred edits and after each its result must equal a fresh analyzer's, its view must
 * count the same issues, and a window read through the view must hold exactly the issues of the full
 * list that overlap it. Edits: characters typed and deleted anywhere, at the very ends of lines and next
 * to their breaks, breaks inserted and deleted (lines split and merged), line-ending style changed
 * (LF ⇄ CR ⇄ CRLF, one half of a CRLF removed), a line duplicated next to itself or far away
 * (repeated-passage, repeated-phrase), a block pasted, blank lines, headings and residue lines, and
 * lines turned into traditional characters (traditional-char, and a wholly traditional document).
 */
describe('fuzz: incremental analysis equals a fresh one', () => {
  const irand = mulberry32(0x1c0de13);
  const iint = (n: number) => Math.floor(irand() * n);
  const ipick = <T>(xs: readonly T[]): T => xs[iint(xs.length)]!;
  const TRAD: Record<string, string> = { 发: '發', 这: '這', 个: '個', 为: '為', 国: '國', 设: '設', 员: '員', 会: '會', 习: '習', 党: '黨', 组: '組', 织: '織', 学: '學', 实: '實', 体: '體', 开: '開', 质: '質', 领: '領', 导: '導', 干: '幹', 部: '部' };
  const toTrad = (s: string) => s.replace(/[发这个为国设员会习党组织学实体开质领导干]/g, (c) => TRAD[c] ?? c);
  const INSERTS = ['要', '的的', '，', '。', ',', ' ', '發', '這個', '𠮷', '一、', '（二）', '3.', '……', '展开全部', '第5页', '“', '”', '加强党的建设加强党的建设'];

  /** Offsets of the line breaks of text (start of each \r\n, \n or lone \r). */
  function breaks(text: string): number[] {
    const out: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) out.push(i);
      else if (c === 13) out.push(i++);
    }
    return out;
  }

  function lineAt(text: string): [number, number] {
    const b = breaks(text);
    const k = iint(b.length + 1);
    const start = k === 0 ? 0 : b[k - 1]! + (text.startsWith('\r\n', b[k - 1]!) ? 2 : 1);
    const end = k < b.length ? b[k]! : text.length;
    return [start, end];
  }

  function edit(text: string): string {
    const at = iint(text.length + 1);
    const b = breaks(text);
    const brk = b.length ? ipick(b) : text.length;
    switch (iint(14)) {
      case 0: // type at a random place
      case 1:
        return text.slice(0, at) + ipick(INSERTS) + text.slice(at);
      case 2: // delete a few characters
        return text.slice(0, at) + text.slice(at + 1 + iint(4));
      case 3: // type at the end of a line, right before its break, or right after it
        return iint(2) ? text.slice(0, brk) + ipick(INSERTS) + text.slice(brk) : text.slice(0, brk + 1) + ipick(INSERTS) + text.slice(brk + 1);
      case 4: // delete a break: two lines merge
        return text.slice(0, brk) + text.slice(brk + (text.startsWith('\r\n', brk) ? 2 : 1));
      case 5: // split a line
        return text.slice(0, at) + ipick(['\n', '\r\n', '\r', '\n\n']) + text.slice(at);
      case 6: // change one break's style, or cut a CRLF in half
        if (text.startsWith('\r\n', brk)) return text.slice(0, brk) + ipick(['\n', '\r', '']) + text.slice(brk + (iint(2) ? 1 : 2));
        return text.slice(0, brk) + ipick(['\r\n', '\r', '\n']) + text.slice(brk + 1);
      case 7: { // duplicate a line next to itself
        const [s, e] = lineAt(text);
        return text.slice(0, e) + '\n' + text.slice(s, e) + text.slice(e);
      }
      case 8: { // copy a line somewhere else
        const [s, e] = lineAt(text);
        return text.slice(0, at) + '\n' + text.slice(s, e) + '\n' + text.slice(at);
      }
      case 9: { // delete a whole line
        const [s, e] = lineAt(text);
        return text.slice(0, s) + text.slice(Math.min(text.length, e + 1));
      }
      case 10: { // a line into traditional characters
        const [s, e] = lineAt(text);
        return text.slice(0, s) + toTrad(text.slice(s, e)) + text.slice(e);
      }
      case 11: // paste a block of a seed
        return text.slice(0, at) + seedFragment() + text.slice(at);
      case 12: // residue or a heading on its own line
        return text.slice(0, brk) + ipick(['\n展开全部', '\n第3页', '\n（三）加强组织建设', '\n二、存在的问题', '\n', '\n\n\n']) + text.slice(brk);
      default: // delete a stretch across lines
        return text.slice(0, at) + text.slice(at + iint(200));
    }
  }

  function follow(name: string, start: string, steps: number): void {
    const analyzer = createAnalyzer({ rules });
    let text = start;
    for (let step = 0; step <= steps; step++) {
      if (step > 0) text = edit(text);
      if (text.length > 40_000) text = text.slice(0, 30_000);
      const incremental = analyzer.analyze(text);
      const fresh = createAnalyzer({ rules }).analyze(text);
      const where = `${name} step ${step} (${text.length} chars)`;
      expect(incremental, where).toEqual(fresh);
      const view = analyzer.view();
      expect(view.issueCount, where).toBe(fresh.issues.length);
      expect([...view], where).toEqual(fresh.issues);
      const a = iint(text.length + 1);
      const z = Math.min(text.length, a + iint(3000));
      const expected = fresh.issues.filter((i) => (i.start === i.end ? i.start >= a && (i.start < z || (a === z && i.start === z)) : i.start < z && i.end > a));
      expect(view.issuesIn(a, z), `${where} window ${a}-${z}`).toEqual(expected);
    }
  }

  const seedText = (k: number) => seeds[k % seeds.length]!.text;

  it('follows a seed through edits (LF)', { timeout: 120_000 }, () => follow('seed LF', seedText(0) + '\n' + seedText(1).slice(0, 3000), 120));
  it('follows a CRLF document and a lone-CR one', { timeout: 120_000 }, () => {
    follow('seed CRLF', seedText(2).replace(/\n/g, '\r\n'), 60);
    follow('seed CR', seedText(3).replace(/\n/g, '\r'), 60);
  });
  it('follows a document full of repeats, headings and residue', { timeout: 120_000 }, () => {
    const base = seedText(4).split('\n').slice(0, 40);
    const lines: string[] = [];
    for (let i = 0; i < base.length; i++) {
      lines.push(base[i]!);
      if (i % 5 === 2) lines.push(base[i - 1]!); // a repeated line
      if (i % 9 === 4) lines.push('', '展开全部', '第2页');
      if (i % 7 === 0) lines.push(`（${'一二三四五六七八九'[i % 9]}）推进工作落实`);
    }
    lines.push(lines.slice(3, 8).join('')); // a pasted block as one line
    follow('repeats', lines.join('\n'), 120);
  });
  it('follows a traditional document', { timeout: 120_000 }, () => {
    follow('traditional', toTrad(seedText(1).slice(0, 6000)), 60);
  });

  /**
   * Repeats across many paragraphs (repeated-passage's incremental walk): paragraphs made of a few
   * sentences of one seed, so each sentence recurs in many of them; besides the edits above, a sentence
   * copied into another paragraph (a repeat made or a run of repeats extended) and a character typed into
   * a sentence that recurs elsewhere (a repeat broken).
   */
  it('follows a document whose sentences recur across many paragraphs', { timeout: 120_000 }, () => {
    const pool = (seedText(0).match(/[^。！？\n]{15,80}[。！？]/g) ?? []).slice(0, 14);
    expect(pool.length).toBeGreaterThan(8);
    const paragraph = () => Array.from({ length: 1 + iint(3) }, () => ipick(pool)).join('');
    const start = Array.from({ length: 40 }, () => (iint(8) === 0 ? '' : paragraph())).join('\n');
    const repeatEdit = (text: string): string => {
      const ends = [...text.matchAll(/[。！？]/g)].map((m) => m.index! + 1);
      if (ends.length < 2 || iint(3) === 0) return edit(text);
      const k = iint(ends.length - 1);
      const sentence = text.slice(ends[k]!, ends[k + 1]!).replace(/^[\r\n]+/, '');
      if (iint(2)) {
        const at = ipick(ends);
        return text.slice(0, at) + sentence + text.slice(at);
      }
      const at = ends[k]! + 1 + iint(Math.max(1, sentence.length - 2));
      return text.slice(0, at) + ipick(['要', '党', '，']) + text.slice(at);
    };
    const analyzer = createAnalyzer({ rules });
    let text = start;
    for (let step = 0; step <= 150; step++) {
      if (step > 0) text = repeatEdit(text);
      if (text.length > 20_000) text = text.slice(0, 15_000);
      expect(analyzer.analyze(text), `repeats step ${step} (${text.length} chars)`).toEqual(createAnalyzer({ rules }).analyze(text));
    }
  });
});
