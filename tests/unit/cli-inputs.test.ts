/**
 * `wengao check` on hostile inputs (issue 10 §5): every one exits 2 with a one-line bilingual message,
 * after reading at most the input limit. In-process (the reading code is the same as in the binary), with
 * the fake engine so only the input side is under test; one case spawns the real CLI with a pipe. How
 * long each takes and how much memory it needs is measured outside the tests (see the issue's note).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../cli/app';
import { createCheckCommand } from '../../cli/commands/check';
import { MAX_INPUT_BYTES } from '../../cli/input';
import type { Io } from '../../cli/io';
import type { AnalysisResult } from '../../lib/engine';
import { paragraphBomb, repeatedBodyDocx } from './import/zip-bombs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir = '';
const file = (name: string) => join(dir, name);
const analyzed: string[] = [];
const fakeAnalyze = (text: string): AnalysisResult => {
  analyzed.push(text);
  return { issues: [], outline: [] };
};

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function sink() {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function check(args: string[], stdin: Readable = Readable.from([])): Promise<Ran> {
  const out = sink();
  const err = sink();
  const io: Io = { stdin, stdout: out.stream, stderr: err.stream };
  const code = await run(['check', ...args], io, [createCheckCommand({ analyze: fakeAnalyze })]);
  return { code, stdout: out.text(), stderr: err.text() };
}

/** Exit 2 and exactly one stderr line: `wengao: 无法读取 FILE：中文 (English)`. */
function expectRefused(r: Ran, zh: RegExp, en: RegExp): void {
  expect(r.code).toBe(2);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^wengao: 无法读取 .+：/);
  expect(lines[0]).toMatch(zh);
  expect(lines[0]).toMatch(en);
}

/** A stream that never ends: the same chunk again and again (an endless pipe). */
function endless(chunk: Buffer): Readable & { served: () => number } {
  let served = 0;
  const stream = new Readable({
    read() {
      served += chunk.length;
      this.push(chunk);
    },
  }) as Readable & { served: () => number };
  stream.served = () => served;
  return stream;
}

beforeAll(() => {
  // Building the bombs (170 MB of XML deflated) takes seconds on a busy machine.
  dir = mkdtempSync(join(tmpdir(), 'wengao-cli-inputs-'));
  writeFileSync(file('bomb.docx'), paragraphBomb());
  writeFileSync(file('liar.docx'), repeatedBodyDocx('<w:p><w:r><w:t>x</w:t></w:r></w:p>', 500_000, { declaredSize: 5000 }));
  writeFileSync(file('runs.docx'), repeatedBodyDocx('<w:r/>', 600_000));
  writeFileSync(file('bad-utf8.jsonl'), Buffer.concat([Buffer.from('{"id":"a","text":"好"}\n{"id":"b","text":"'), Buffer.from([0xe5, 0xa5]), Buffer.from('"}\n{"id":"c","text":"好"}\n')]));
}, 120_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('wengao check refuses hostile inputs with exit 2 and one line', () => {
  it('/dev/zero as FILE: refused as binary at its first chunk', async () => {
    if (!existsSync('/dev/zero')) return;
    expectRefused(await check(['/dev/zero']), /是二进制文件/, /binary file/);
  });

  it('an endless text pipe on stdin (yes |): refused once over 20 MB, reading stopped there', async () => {
    const yes = endless(Buffer.from('y\n'.repeat(32 * 1024)));
    expectRefused(await check(['-'], yes), /输入太大：超过上限 20\.0 MB/, /too large/);
    expect(yes.served()).toBeLessThan(MAX_INPUT_BYTES + 2 * 64 * 1024);
    expect(yes.destroyed).toBe(true);
  });

  it('a FIFO as FILE, fed endlessly (<(yes)): refused once over 20 MB', async () => {
    const path = file('yes.fifo');
    await new Promise<void>((resolve, reject) => spawn('mkfifo', [path]).on('close', (c) => (c === 0 ? resolve() : reject(new Error('mkfifo')))));
    const writer = spawn('sh', ['-c', `yes > '${path}'`], { stdio: 'ignore' });
    try {
      expectRefused(await check([path]), /输入太大：超过上限/, /too large/);
    } finally {
      writer.kill();
    }
  });

  it('an 830 KB-class .docx of 5 M tiny paragraphs: refused from its zip directory', async () => {
    analyzed.length = 0;
    expectRefused(await check([file('bomb.docx')]), /\.docx 解压后过大或段落过多/, /unzips to too much/);
    expect(analyzed).toEqual([]);
  });

  it('a .docx whose headers lie about its size, and one with 600,000 elements: refused', async () => {
    expectRefused(await check([file('liar.docx')]), /不是有效的 \.docx 文件/, /not a valid \.docx/);
    expectRefused(await check([file('runs.docx')]), /解压后过大或段落过多/, /500000 XML elements/);
  });

  it('JSON lines: a line over 20 MB stops reading that source (no line is held whole), exit 2', async () => {
    const zeros = endless(Buffer.alloc(64 * 1024, 0x61));
    const r = await check(['--format', 'jsonl', '-'], zeros);
    expectRefused(r, /第 1 行超过 20 MB，停止读取/, /line 1 is over 20 MB/);
    expect(zeros.served()).toBeLessThan(MAX_INPUT_BYTES + 2 * 64 * 1024);
    expect(r.stdout).toBe('');
  });

  it('JSON lines: invalid UTF-8 inside a line is refused like text mode (no U+FFFD), the other lines go on', async () => {
    analyzed.length = 0;
    const r = await check(['--format', 'jsonl', file('bad-utf8.jsonl')]);
    expect(r.code).toBe(2);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string | null; error?: string });
    expect(out.map((o) => o.id)).toEqual(['a', null, 'c']);
    expect(out[1]!.error).toMatch(/第 2 行不是 UTF-8 文本.*not UTF-8 text/);
    expect(analyzed.join('')).not.toContain('\ufffd');
  });

  it('JSON lines from an endless pipe of text (<(yes)): stops after 1,000 unreadable lines in a row, exit 2', async () => {
    const yes = endless(Buffer.from('y\n'.repeat(32 * 1024)));
    const r = await check(['--format', 'jsonl', '-'], yes);
    expectRefused(r, /连续 1000 行无法读取，不像 JSON lines，已停止读取（至第 1000 行）/, /not JSON lines; stopped reading/);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1000);
    expect(yes.destroyed).toBe(true);
    // A bad line now and then in good ones does not stop anything.
    const lines = Array.from({ length: 2500 }, (_, i) => (i % 500 === 7 ? 'oops' : JSON.stringify({ id: `l${i}`, text: '好' })));
    const mixed = await check(['--format', 'jsonl', '-'], Readable.from([lines.join('\n')]));
    expect(mixed.code).toBe(2);
    expect(mixed.stdout.trimEnd().split('\n')).toHaveLength(2500);
    expect(mixed.stderr.trim()).toBe('wengao: 5 行无法处理 (5 lines could not be processed)');
  });

  it('the real CLI, fed an endless pipe: exit 2 and one line on stderr', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'cli/main.ts'), 'check', '-'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdin.on('error', () => {}); // EPIPE once the CLI stops reading
    const chunk = Buffer.from('党'.repeat(20_000));
    const feed = () => {
      while (child.stdin.writable && child.stdin.write(chunk));
    };
    child.stdin.on('drain', feed);
    feed();
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^wengao: 无法读取 <stdin>：输入太大：超过上限 20\.0 MB.*too large/)]);
  });
});
