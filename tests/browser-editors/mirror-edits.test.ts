/**
 * The textarea mirror keeps one block per line and replaces only the changed lines' blocks on an edit,
 * building a long value's blocks a slice per task. Random edits (line breaks, empty lines, pastes of many
 * lines, deletions across lines) must leave the blocks exactly the field's lines, and an issue's boxes on
 * the characters the field shows there.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useFixturePage } from './harness';

const fixturePage = useFixturePage('misc');
let page: Page;
beforeAll(() => {
  page = fixturePage();
});

/** Run edits in the page and report every step whose blocks differ from the value. */
async function run(initial: string, steps: number, seed: number, bulk = false): Promise<{ bad: string[]; blocks: number; lines: number }> {
  return page.evaluate(
    async ([initial, steps, seed, bulk]) => {
      document.body.replaceChildren();
      document.querySelectorAll('wengao-mirror').forEach((e) => e.remove());
      document.body.insertAdjacentHTML('beforeend', '<textarea id="f" style="width:420px;height:200px;font-size:16px"></textarea>');
      const field = document.getElementById('f') as HTMLTextAreaElement;
      field.value = initial;
      const w = (window as any).wengao;
      const mirror = new w.TextareaMirror(field);
      const internals = mirror as unknown as { blocks: HTMLElement[]; lines: string[]; starts: number[]; complete: boolean };
      const settle = async () => {
        while (!internals.complete) await new Promise((r) => setTimeout(r, 5));
      };
      let s = seed;
      const rand = (n: number) => {
        s = (s * 1103515245 + 12345) % 2147483648;
        return s % n;
      };
      const pieces = ['要', '\n', '\n\n', '第一行\n第二行', '', '加强党的建设，', Array.from({ length: 2500 }, (_, i) => `段${i}`).join('\n')];
      // With `bulk`, now and then 300 lines at once (into one group of blocks, which is then split).
      const many = Array.from({ length: 300 }, (_, i) => `行${i}`).join('\n');
      const bad: string[] = [];
      await settle();
      for (let k = 0; k < steps; k++) {
        const v = field.value;
        const at = rand(v.length + 1);
        const del = rand(4) === 0 ? rand(Math.min(60, v.length - at) + 1) : 0;
        const piece = bulk && k % 25 === 12 ? many : pieces[rand(k % 25 === 24 ? pieces.length : pieces.length - 1)]!;
        field.value = v.slice(0, at) + piece + v.slice(at + del);
        mirror.layoutNow();
        if (k % 10 === 9) await settle();
        const shown = internals.blocks.map((b) => (b.textContent === '\u200b' ? '' : b.textContent)).join('\n');
        // The blocks in the mirror's document order are the blocks in line order (they sit in groups).
        const root = internals.blocks[0]?.getRootNode() as ShadowRoot | undefined;
        const inOrder = root ? Array.from(root.querySelectorAll('.b')) : [];
        if (inOrder.length !== internals.blocks.length || inOrder.some((x, i) => x !== internals.blocks[i])) bad.push(`step ${k}: block order`);
        if (root && Array.from(root.querySelectorAll('.g')).some((g) => g.childElementCount === 0 || g.childElementCount > 256)) bad.push(`step ${k}: group sizes`);
        const lines = internals.lines.join('\n');
        if (lines !== field.value) bad.push(`step ${k}: lines differ`);
        if (internals.complete && shown !== field.value) bad.push(`step ${k}: blocks differ`);
        if (internals.starts.some((x, i) => x !== (i === 0 ? 0 : internals.starts[i - 1]! + internals.lines[i - 1]!.length + 1))) bad.push(`step ${k}: starts`);
        if (bad.length > 5) break;
      }
      await settle();
      mirror.layoutNow();
      const shown = internals.blocks.map((b) => (b.textContent === '\u200b' ? '' : b.textContent)).join('\n');
      if (shown !== field.value) bad.push('final blocks differ');
      const out = { bad, blocks: internals.blocks.length, lines: internals.lines.length };
      mirror.destroy();
      return out;
    },
    [initial, steps, seed, bulk] as const,
  );
}

describe('textarea mirror: blocks follow edits', () => {
  it('short values (built at once)', async () => {
    const r = await run('我们要认真学习\n\n贯彻会议精神', 300, 7);
    expect(r.bad).toEqual([]);
    expect(r.blocks).toBe(r.lines);
  });

  it('long values (built a slice per task, edited while building)', async () => {
    const long = Array.from({ length: 1500 }, (_, i) => `第${i}段：推动各项工作落实落地。`).join('\n');
    const r = await run(long, 80, 11, true);
    expect(r.bad).toEqual([]);
    expect(r.blocks).toBe(r.lines);
    expect(r.lines).toBeGreaterThan(1000);
  });

  it('draws only the lines in view, on the right characters, in a long value', async () => {
    const r = await page.evaluate(async () => {
      document.body.replaceChildren();
      document.querySelectorAll('wengao-mirror').forEach((e) => e.remove());
      document.body.insertAdjacentHTML('beforeend', '<textarea id="f" style="width:420px;height:200px;font-size:16px"></textarea>');
      const field = document.getElementById('f') as HTMLTextAreaElement;
      field.value = Array.from({ length: 3000 }, (_, i) => `第${i}段：我们要要认真学习。`).join('\n');
      const w = (window as any).wengao;
      const mirror = new w.TextareaMirror(field);
      const issues = w.analyze(field.value).issues;
      mirror.setIssues(issues);
      while (!(mirror as any).complete) await new Promise((r) => setTimeout(r, 5));
      field.scrollTop = field.scrollHeight / 2;
      mirror.layoutNow();
      const boxes = mirror.boxes();
      const hits = boxes.flatMap((b: any) =>
        b.rects.map((rect: any) => {
          const p = (document as any).caretPositionFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
          return p && p.offsetNode === field ? p.offset >= b.issue.start && p.offset <= b.issue.end : null;
        }),
      );
      mirror.destroy();
      return { issues: issues.length, measured: boxes.length, hits };
    });
    expect(r.issues).toBeGreaterThanOrEqual(3000);
    expect(r.measured).toBeGreaterThan(3);
    expect(r.measured).toBeLessThan(60);
    expect(r.hits.filter((h: boolean | null) => h === true).length).toBeGreaterThan(3);
    expect(r.hits).not.toContain(false);
  });
});
