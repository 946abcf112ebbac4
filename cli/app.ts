/**
 * `wengao <command> …`: dispatch to the command table. Kept free of `process` so tests can call run().
 */
import { readFileSync } from 'node:fs';
import type { Command } from './command';
import { commands as defaultCommands } from './commands';
import { EXIT, warn, write, type Io } from './io';

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function mainHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `wengao — 文稿助手命令行 (Wengao: checks Chinese official and party-building documents)

Usage:
  wengao <command> [options] [FILE ...]
  npm run --silent wengao -- <command> …

Commands:
${list}

  wengao help <command>   help for one command (also: wengao <command> --help)
  wengao check --no-lm    rules only: skip the statistical wrong-character check (on by default)
  wengao --version

Exit status: 0 fine, 1 error-severity issues found, 2 usage or input error.
`;
}

export async function run(argv: readonly string[], io: Io, commands: readonly Command[] = defaultCommands): Promise<number> {
  const [first, ...rest] = argv;
  const find = (name: string | undefined) => commands.find((c) => c.name === name);
  const usageError = async (message: string) => {
    warn(io, message);
    io.stderr.write(`\n${mainHelp(commands)}`);
    return EXIT.USAGE;
  };

  if (first === undefined) return usageError('缺少命令 (missing command)');
  if (first === '--help' || first === '-h') {
    await write(io.stdout, mainHelp(commands));
    return EXIT.OK;
  }
  if (first === '--version' || first === '-v' || first === '-V') {
    await write(io.stdout, `wengao ${version()}\n`);
    return EXIT.OK;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      await write(io.stdout, mainHelp(commands));
      return EXIT.OK;
    }
    const command = find(topic);
    if (!command) return usageError(`未知命令 ${topic} (unknown command)`);
    await write(io.stdout, command.help);
    return EXIT.OK;
  }
  const command = find(first);
  if (!command) {
    return usageError(first.startsWith('-') ? `未知选项 ${first} (unknown option)` : `未知命令 ${first} (unknown command)`);
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // A bug, not bad input: one line unless WENGAO_DEBUG is set.
    const detail = error instanceof Error ? (process.env.WENGAO_DEBUG ? error.stack : error.message) : String(error);
    warn(io, `内部错误 (internal error): ${detail}`);
    return EXIT.USAGE;
  }
}
