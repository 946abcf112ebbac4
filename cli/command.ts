import type { Io } from './io';

/** One sub-command of `wengao`. Add it to `commands` in cli/commands/index.ts to make it available. */
export interface Command {
  name: string;
  /** One line for `wengao --help`. */
  summary: string;
  /** Full text for `wengao help <name>` / `wengao <name> --help`. */
  help: string;
  /** Returns the process exit code (see EXIT). Must not throw for bad input; print and return 2. */
  run(args: string[], io: Io): Promise<number>;
}
