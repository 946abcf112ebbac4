import type { Command } from '../command';
import check from './check';
import outline from './outline';
import themes from './themes';

/** Every `wengao` sub-command, in the order `wengao --help` lists them. One line per command. */
export const commands: readonly Command[] = [
  check,
  outline,
  themes,
];
