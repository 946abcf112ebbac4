import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util parseArgs with short bilingual errors. `-` stays a positional (stdin) and `--` ends the
 * options, so `wengao check -- -odd-name.txt` works.
 */
export function parseCommandArgs<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const e = error as { code?: string; message?: string };
    const option = /'([^']+)'/.exec(e.message ?? '')?.[1] ?? '';
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`未知选项 ${option} (unknown option)`);
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = /--[\w-]+/.exec(option)?.[0] ?? option;
      throw new UsageError(`选项 ${name} 的值无效或缺失 (invalid or missing value for ${name})`);
    }
    throw new UsageError(e.message ?? String(error));
  }
}
