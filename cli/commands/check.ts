/**
 * `wengao check [--format text|json|jsonl] [FILE ...]`: run the engine over files or stdin.
 */
import type { Readable } from 'node:stream';
import { createAnalyzer, rules as allRules } from '../../lib/engine';
import type { AnalysisResult, Issue, Severity } from '../../lib/engine';
import { parseCommandArgs, UsageError } from '../args';
import type { Command } from '../command';
import { InputError, MAX_INPUT_BYTES, NOT_UTF8_REASON, openFileStream, overLimitReason, readInput, tooLargeReason } from '../input';
import { readJsonLines } from '../jsonl';
import { EXIT, warn, write, type Io } from '../io';
import { Locator } from '../locate';
import { mergeTierIssues } from '../../lib/lm';
import { loadCliLmChecker } from '../lm';

export const FORMATS = ['text', 'json', 'jsonl'] as const;
export type Format = (typeof FORMATS)[number];

export const checkHelp = `wengao check — 检查文稿 (check documents)

Usage:
  wengao check [--format text|json|jsonl] [--no-lm] [FILE ...]
  npm run --silent check -- [--format …] [--no-lm] [FILE ...]

Checks each FILE: UTF-8 text (.txt etc., with or without BOM) or Word .docx. With no FILE, or
FILE "-", reads standard input (named <stdin> in the output).

Options:
  -f, --format text    (default) one line per issue, then a summary line:
                         FILE:LINE:COL RULE MESSAGE (→ FIX)
                       LINE and COL are 1-based. COL counts Unicode code points, not UTF-16
                       units: 𠮷 and 👍 are one column each. \\r\\n, \\n and a lone \\r end a line.
                       (→ 删除) means the fix deletes the flagged text; no (→ …) means no fix.
  -f, --format json    one JSON document: an array with one object per input, in input order
                       (an array even for a single input):
                         {"file", "issues": [...], "outline": [...]}
                       or {"file", "error"} for an input that could not be read. Each issue is
                       the engine's Issue (start/end are UTF-16 offsets) plus 1-based "line"
                       and "column" (code points, as above).
  -f, --format jsonl   reads JSON lines {"id": string, "text": string} from stdin (or from the
                       FILEs) and streams one line {"id", "issues": [...]} per input line, in
                       order. A bad line gives {"id": null, "error": "…"} (the id is kept when
                       it could be read) and the rest go on. Blank lines are skipped.
      --no-lm          rules only: skip the statistical checks (rule ids wrong-char, de-di-de-context),
                       which a local language model does by default (homophone and near-shape
                       typos that still read as words, swapped neighbours, doubles between words,
                       的/地/得 by context;
                       loading it takes a moment, about 15 MB of memory per run)
  -h, --help           this help

Offsets (start/end) are UTF-16 code units (JavaScript string indices) into the decoded text.
A UTF-8 BOM is dropped first: offset 0 is the first character after it.
A .docx is read as plain text with one Word paragraph per line (line N = paragraph N);
positions refer to that text. Inputs over ${MAX_INPUT_BYTES / 1024 / 1024} MB are refused (pipes and
devices are read up to that size); a .docx that unzips to too much (a zip bomb) is refused before it is
read. In jsonl mode each line is limited to ${MAX_INPUT_BYTES / 1024 / 1024} MB and must be valid UTF-8.

Exit status:
  0  no issue of severity "error" (warnings and info are fine)
  1  at least one issue of severity "error"
  2  usage error, or an input (file or JSON line) could not be read; the other inputs are
     still checked and reported
`;

type AnalyzeFn = (text: string) => AnalysisResult;

export interface CheckDeps {
  /** Engine entry point; tests inject fakes. Defaults to a fresh analyzer with every rule. */
  analyze?: AnalyzeFn;
}

/** Make the text-format fix and message printable on one line. */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

export function formatFix(issue: Issue): string {
  const best = issue.replacements[0];
  if (best === undefined) return '';
  return best === '' ? ' (→ 删除)' : ` (→ ${printable(best)})`;
}

export function formatIssueLine(file: string, line: number, column: number, issue: Issue): string {
  return `${file}:${line}:${column} ${issue.rule} ${printable(issue.message)}${formatFix(issue)}`;
}

type Counts = Record<Severity, number>;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatSummary(counts: Counts, checked: number, failed: number): string {
  const total = counts.error + counts.warning + counts.info;
  const zh =
    total === 0
      ? `没有发现问题，共检查 ${checked} 个文件`
      : `发现 ${total} 处问题：错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}；共检查 ${checked} 个文件`;
  const en =
    total === 0
      ? `no issues in ${plural(checked, 'file')}`
      : `${plural(total, 'issue')}: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ` +
        `${counts.info} info; ${plural(checked, 'file')} checked`;
  const fail = failed > 0 ? [`，${failed} 个文件无法读取`, `; ${plural(failed, 'file')} could not be read`] : ['', ''];
  return `${zh}${fail[0]} (${en}${fail[1]})`;
}

/**
 * The default engine: all rules, rule crashes reported once each on stderr (the engine never throws),
 * plus the wrong-character tier unless `lm` is false (a model that cannot be loaded is reported once).
 */
function defaultAnalyze(io: Io, lm = true): AnalyzeFn {
  const reported = new Set<string>();
  const analyzer = createAnalyzer({
    rules: allRules,
    onRuleError(ruleId, error) {
      if (reported.has(ruleId)) return;
      reported.add(ruleId);
      const detail = error instanceof Error ? error.message : String(error);
      warn(io, `规则 ${ruleId} 出错，已跳过 (rule ${ruleId} failed and was skipped: ${detail})`);
    },
  });
  if (!lm) return (text) => analyzer.analyze(text);
  const tier = loadCliLmChecker();
  if (tier instanceof Error) {
    warn(io, `统计错字检查未启用 (wrong-char tier not loaded: ${tier.message})`);
    return (text) => analyzer.analyze(text);
  }
  return (text) => {
    const result = analyzer.analyze(text);
    return { ...result, issues: mergeTierIssues(result.issues, tier.check(text)) };
  };
}

function describeUnexpected(file: string, error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  if (process.env.WENGAO_DEBUG && error instanceof Error && error.stack) return `${file}：${error.stack}`;
  return `无法处理 ${file}：${detail} (unexpected error)`;
}

async function checkFiles(files: string[], format: 'text' | 'json', io: Io, analyze: AnalyzeFn): Promise<number> {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  const json: unknown[] = [];
  let checked = 0;
  let failed = 0;
  for (const file of files) {
    let input;
    try {
      input = await readInput(file, io.stdin);
    } catch (error) {
      failed++;
      const message = error instanceof InputError ? error.message : describeUnexpected(file, error);
      warn(io, message);
      if (format === 'json') {
        json.push(error instanceof InputError ? { file: error.file, error: error.reason } : { file, error: message });
      }
      continue;
    }
    const result = analyze(input.text);
    checked++;
    const locator = new Locator(input.text);
    for (const issue of result.issues) counts[issue.severity] = (counts[issue.severity] ?? 0) + 1;
    if (format === 'text') {
      const lines: string[] = [];
      for (const issue of result.issues) {
        const { line, column } = locator.at(issue.start);
        lines.push(formatIssueLine(input.file, line, column, issue));
      }
      if (lines.length > 0) await write(io.stdout, `${lines.join('\n')}\n`);
    } else {
      const issues = result.issues.map((issue) => ({ ...issue, ...locator.at(issue.start) }));
      json.push({ file: input.file, issues, outline: result.outline });
    }
  }
  if (format === 'text') await write(io.stdout, `${formatSummary(counts, checked, failed)}\n`);
  else await write(io.stdout, `${JSON.stringify(json, null, 2)}\n`);
  if (failed > 0) return EXIT.USAGE;
  return counts.error > 0 ? EXIT.ISSUES : EXIT.OK;
}

type JsonlOutput = { id: unknown; issues: Issue[] } | { id: unknown; error: string };

/** One JSON line → its output object. `where` names the line in error messages. */
export function checkJsonLine(line: string, where: { zh: string; en: string }, analyze: AnalyzeFn): JsonlOutput {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { id: null, error: `${where.zh}不是有效的 JSON (${where.en}: invalid JSON)` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { id: null, error: `${where.zh}不是 JSON 对象 (${where.en}: not a JSON object)` };
  }
  const record = value as Record<string, unknown>;
  const id = record.id;
  if (typeof id !== 'string' && typeof id !== 'number') {
    return { id: null, error: `${where.zh}缺少字符串 id (${where.en}: missing or non-string "id")` };
  }
  const text = record.text;
  if (typeof text !== 'string') {
    return { id, error: `${where.zh}缺少字符串 text (${where.en}: missing or non-string "text")` };
  }
  if (text.length * 3 > MAX_INPUT_BYTES && Buffer.byteLength(text) > MAX_INPUT_BYTES) {
    return { id, error: `${where.zh}${tooLargeReason(Buffer.byteLength(text))}` };
  }
  return { id, issues: analyze(text).issues };
}

/**
 * A source whose last this-many non-blank lines were all unreadable is not JSON lines (`<(yes)`, a
 * binary file, text): reading it stops instead of answering each of its lines with an error.
 */
export const MAX_BAD_LINES_IN_A_ROW = 1000;

async function checkJsonl(sources: string[], io: Io, analyze: AnalyzeFn): Promise<number> {
  let bad = 0;
  let badInStoppedRuns = 0;
  let failedSources = 0;
  let errors = 0;
  for (const source of sources) {
    let stream: Readable;
    let maxTotalBytes = Infinity;
    try {
      if (source === '-') stream = io.stdin;
      else ({ stream, maxBytes: maxTotalBytes } = await openFileStream(source));
    } catch (error) {
      failedSources++;
      warn(io, error instanceof InputError ? error.message : describeUnexpected(source, error));
      continue;
    }
    const prefix = source === '-' ? { zh: '', en: '' } : { zh: `${source} `, en: `${source} ` };
    const file = source === '-' ? '<stdin>' : source;
    let badInARow = 0;
    const stopAfterBadRun = (n: number) => {
      failedSources++;
      badInStoppedRuns += MAX_BAD_LINES_IN_A_ROW; // counted by the stop message, not again in the summary
      const reason = `连续 ${MAX_BAD_LINES_IN_A_ROW} 行无法读取，不像 JSON lines，已停止读取（至第 ${n} 行） (${MAX_BAD_LINES_IN_A_ROW} unreadable lines in a row up to line ${n}: not JSON lines; stopped reading)`;
      warn(io, new InputError(file, reason).message);
    };
    try {
      for await (const line of readJsonLines(stream, { maxLineBytes: MAX_INPUT_BYTES, maxTotalBytes })) {
        const where = { zh: `${prefix.zh}第 ${line.n} 行`, en: `${prefix.en}line ${line.n}` };
        if ('error' in line) {
          if (line.error === 'not-utf8') {
            bad++;
            await write(io.stdout, `${JSON.stringify({ id: null, error: `${where.zh}${NOT_UTF8_REASON}` })}\n`);
            if (++badInARow >= MAX_BAD_LINES_IN_A_ROW) {
              stopAfterBadRun(line.n);
              break;
            }
            continue;
          }
          // Too long a line, or too much from a pipe: the rest of this source is not read.
          failedSources++;
          const reason =
            line.error === 'too-long'
              ? `第 ${line.n} 行超过 ${MAX_INPUT_BYTES / 1024 / 1024} MB，停止读取 (line ${line.n} is over ${MAX_INPUT_BYTES / 1024 / 1024} MB; stopped reading)`
              : overLimitReason();
          warn(io, new InputError(file, reason).message);
          break;
        }
        if (line.text.trim() === '') continue;
        const out = checkJsonLine(line.text, where, analyze);
        if ('error' in out) bad++;
        else for (const issue of out.issues) if (issue.severity === 'error') errors++;
        await write(io.stdout, `${JSON.stringify(out)}\n`);
        badInARow = 'error' in out ? badInARow + 1 : 0;
        if (badInARow >= MAX_BAD_LINES_IN_A_ROW) {
          stopAfterBadRun(line.n);
          break;
        }
      }
    } catch (error) {
      failedSources++;
      warn(io, error instanceof InputError ? error.message : describeUnexpected(file, error));
    }
  }
  const reported = bad - badInStoppedRuns;
  if (reported > 0) warn(io, `${reported} 行无法处理 (${plural(reported, 'line')} could not be processed)`);
  if (bad > 0 || failedSources > 0) return EXIT.USAGE;
  return errors > 0 ? EXIT.ISSUES : EXIT.OK;
}

export function createCheckCommand(deps: CheckDeps = {}): Command {
  return {
    name: 'check',
    summary: '检查文稿中的错字、标点与格式问题 (check documents for typos, punctuation and layout slips)',
    help: checkHelp,
    async run(args, io) {
      let values: { format?: string | boolean; help?: string | boolean; 'no-lm'?: string | boolean };
      let files: string[];
      try {
        const parsed = parseCommandArgs(args, {
          format: { type: 'string', short: 'f' },
          'no-lm': { type: 'boolean' },
          help: { type: 'boolean', short: 'h' },
        });
        values = parsed.values;
        files = parsed.positionals;
        if (values.help) {
          await write(io.stdout, checkHelp);
          return EXIT.OK;
        }
        const format = values.format ?? 'text';
        if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format)) {
          throw new UsageError(`未知格式 ${String(format)}，可用 text、json、jsonl (unknown format; use text, json or jsonl)`);
        }
        if (files.length === 0) files = ['-'];
        if (files.filter((f) => f === '-').length > 1) {
          throw new UsageError('标准输入只能读取一次 (stdin "-" given more than once)');
        }
        if (files.includes('-') && io.stdin.isTTY) {
          warn(io, '正在从标准输入读取，按 Ctrl-D 结束 (reading stdin; end with Ctrl-D)');
        }
        const analyze = deps.analyze ?? defaultAnalyze(io, values['no-lm'] !== true);
        if (format === 'jsonl') return await checkJsonl(files, io, analyze);
        return await checkFiles(files, format as 'text' | 'json', io, analyze);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        warn(io, error.message);
        io.stderr.write(`用法 (usage): wengao check [--format text|json|jsonl] [--no-lm] [FILE ...]；详见 wengao help check\n`);
        return EXIT.USAGE;
      }
    },
  };
}

export default createCheckCommand();
