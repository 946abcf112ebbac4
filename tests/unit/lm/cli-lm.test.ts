/** `wengao check` runs the wrong-character tier by default; `--no-lm` turns it off. */
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/app';
import type { Io } from '../../../cli/io';
import { loadCliLmChecker } from '../../../cli/lm';

async function check(args: string[], stdin: string) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const io: Io = { stdin: Readable.from([Buffer.from(stdin)]), stdout: out, stderr: new PassThrough() };
  const code = await run(['check', ...args], io);
  return { code, stdout: Buffer.concat(chunks).toString('utf8') };
}

const TEXT = '各级党组织书记要发挥代头作用，当好表率。\n';

describe('wengao check and the wrong-char tier', () => {
  it('reports the tier by default, with its fix', async () => {
    const { code, stdout } = await check(['--format', 'json'], TEXT);
    expect(code).toBe(1);
    const [file] = JSON.parse(stdout) as Array<{ issues: Array<{ rule: string; text: string; replacements: string[] }> }>;
    expect(file!.issues).toContainEqual(expect.objectContaining({ rule: 'wrong-char', text: '代', replacements: ['带'] }));
  });

  it('leaves it out with --no-lm', async () => {
    const { code, stdout } = await check(['--no-lm'], TEXT);
    expect(stdout).not.toContain('wrong-char');
    expect(code).toBe(0);
  });

  it('documents the flag in its help', async () => {
    const { stdout } = await check(['--help'], '');
    expect(stdout).toContain('--no-lm');
  });

  it('says why when the model cannot be loaded', () => {
    const result = loadCliLmChecker(new URL('file:///nonexistent/wengao-model.bin'));
    expect(result).toBeInstanceOf(Error);
  });
});
