import type { Command } from '../command';
import check from './check';

/** Every `wengao` sub-command, in the order `wengao --help` lists them. One line per command. */
export const commands: readonly Command[] = [
  check,
];
