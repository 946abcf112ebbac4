/**
 * The streams a command talks to. Commands never touch `process` directly, so tests can run them
 * in-process with fake streams.
 */
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';

export interface Io {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable;
}

/** Process exit codes shared by every command. */
export const EXIT = {
  /** Nothing wrong (or only warnings / info). */
  OK: 0,
  /** At least one issue of severity `error` was found. */
  ISSUES: 1,
  /** Bad usage, or an input could not be read. */
  USAGE: 2,
} as const;

/** Write and wait when the stream asks us to (large outputs piped into a slow reader). */
export async function write(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/** `wengao: …` on stderr. */
export function warn(io: Io, message: string): void {
  io.stderr.write(`wengao: ${message}\n`);
}

export function processIo(): Io {
  // `wengao check big.txt | head`: the reader goes away; stop quietly instead of throwing EPIPE.
  const quietEpipe = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  };
  process.stdout.on('error', quietEpipe);
  process.stderr.on('error', quietEpipe);
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}
