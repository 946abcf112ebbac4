/**
 * Shared shape of the one-document report commands (`outline`, `themes`): one FILE (or stdin), a text or
 * JSON rendering of a pure function of the text. Reading errors get the same bilingual messages as `check`.
 */
import { parseCommandArgs, UsageError } from '../args';
import type { Command } from '../command';
import { InputError, readInput } from '../input';
import { EXIT, warn, write, type Io } from '../io';
import { Locator } from '../locate';

export interface ReportSpec<R> {
  name: string;
  summary: string;
  help: string;
  compute(text: string): R;
  /** Human-readable lines; `at` turns an offset into "line:col". */
  formatText(report: R, file: string, at: (offset: number) => string): string[];
}

export function defineReportCommand<R>(spec: ReportSpec<R>): Command {
  const usage = `用法 (usage): wengao ${spec.name} [--format text|json] FILE；详见 wengao help ${spec.name}\n`;
  return {
    name: spec.name,
    summary: spec.summary,
    help: spec.help,
    async run(args: string[], io: Io): Promise<number> {
      let format: string;
      let file: string;
      try {
        const { values, positionals } = parseCommandArgs(args, {
          format: { type: 'string', short: 'f' },
          help: { type: 'boolean', short: 'h' },
        });
        if (values.help) {
          await write(io.stdout, spec.help);
          return EXIT.OK;
        }
        format = typeof values.format === 'string' ? values.format : 'text';
        if (format !== 'text' && format !== 'json') {
          throw new UsageError(`未知格式 ${format}，可用 text、json (unknown format; use text or json)`);
        }
        if (positionals.length > 1) throw new UsageError('只能给一个文件 (one FILE at a time)');
        file = positionals[0] ?? '-';
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        warn(io, error.message);
        io.stderr.write(usage);
        return EXIT.USAGE;
      }

      let text: string;
      let name: string;
      try {
        const input = await readInput(file, io.stdin);
        text = input.text;
        name = input.file;
      } catch (error) {
        warn(io, error instanceof InputError ? error.message : `无法处理 ${file}：${String(error)} (unexpected error)`);
        return EXIT.USAGE;
      }
      const report = spec.compute(text);
      if (format === 'json') {
        await write(io.stdout, `${JSON.stringify(report, null, 2)}\n`);
      } else {
        const locator = new Locator(text);
        const at = (offset: number) => {
          const p = locator.at(offset);
          return `${p.line}:${p.column}`;
        };
        await write(io.stdout, `${spec.formatText(report, name, at).join('\n')}\n`);
      }
      return EXIT.OK;
    },
  };
}

/** Cut a corpus sentence for one terminal line. */
export function clip(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
