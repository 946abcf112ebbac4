/** `wengao outline` and `wengao themes`, in-process with the real corpus. */
import { PassThrough, Readable } from 'node:stream';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../cli/app';
import type { Io } from '../../cli/io';

const dir = mkdtempSync(join(tmpdir(), 'wengao-reports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function wengao(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const sink = () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
  };
  const out = sink();
  const err = sink();
  const io: Io = { stdin: Readable.from([Buffer.from(stdin)]), stdout: out.stream, stderr: err.stream };
  const code = await run(args, io);
  return { code, stdout: out.text(), stderr: err.text() };
}

const DRAFT = [
  '一、当前基层党支部存在的问题',
  '（一）理论学习不够深入',
  '有的支部书记理论学习不深入，政治素质不高，“三会一课”流于形式。',
  '（二）服务群众意识不强',
  '个别党员联系群众不紧密，解决群众急难愁盼问题不主动。',
].join('\n');

describe('wengao outline', () => {
  it('prints sections with roles and the missing ones as JSON', async () => {
    const path = join(dir, 'draft.txt');
    writeFileSync(path, DRAFT);
    const r = await wengao(['outline', '--format', 'json', path]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { sections: Array<Record<string, unknown>>; missing: Array<{ role: string; example: string }> };
    expect(report.sections.map((s) => [s.level, s.number, s.title, s.role])).toEqual([
      [1, '一', '当前基层党支部存在的问题', 'problems'],
      [2, '一', '理论学习不够深入', 'problems'],
      [2, '二', '服务群众意识不强', 'problems'],
    ]);
    for (const s of report.sections) expect(DRAFT.slice(s.start as number, s.end as number)).toContain(s.title as string);
    const roles = report.missing.map((m) => m.role);
    expect(roles).toContain('causes');
    expect(roles).toContain('measures');
    expect(roles.indexOf('causes')).toBeLessThan(roles.indexOf('measures'));
    for (const m of report.missing) expect(m.example.length).toBeGreaterThan(1);
  });

  it('prints a readable outline from stdin', async () => {
    const r = await wengao(['outline'], DRAFT);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1:1');
    expect(r.stdout).toContain('一、当前基层党支部存在的问题');
    expect(r.stdout).toContain('（二）服务群众意识不强');
    expect(r.stdout).toContain('原因分析');
  });
});

describe('wengao themes', () => {
  it('lists covered themes with evidence spans and missing ones with corpus examples', async () => {
    const r = await wengao(['themes', '--format', 'json', '-'], DRAFT);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      covered: Array<{ id: string; name: string; spans: [number, number][] }>;
      missing: Array<{ id: string; name: string; examples: string[] }>;
    };
    expect(report.covered.length).toBeGreaterThan(0);
    for (const t of report.covered) {
      expect(t.spans.length).toBeGreaterThan(0);
      for (const [a, b] of t.spans) expect(b).toBeGreaterThan(a);
    }
    expect(report.covered.map((t) => t.id)).toContain('service');
    expect(report.missing.length).toBeGreaterThan(0);
    for (const t of report.missing) expect(t.examples.length).toBeGreaterThanOrEqual(2);
  });
});

describe('report command errors', () => {
  it('refuses two files, an unknown format and binary input with exit 2', async () => {
    expect((await wengao(['outline', 'a.txt', 'b.txt'])).code).toBe(2);
    const bad = await wengao(['themes', '--format', 'xml', '-'], DRAFT);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown format');
    const bin = join(dir, 'x.bin');
    writeFileSync(bin, Buffer.from([0, 1, 2, 0xff, 0]));
    const r = await wengao(['outline', bin]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/wengao: .*x\.bin/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
