/**
 * The shared editor test (issue 4 §4), one generated suite per editor: load a draft with 要要, 的的, 發挥,
 * a half-width comma between Chinese characters and 展开全部 on its own line; the text model reads it
 * exactly; the underlines cover exactly those characters; each fix goes through the editor's own input
 * path (its model has the corrected text, Ctrl+Z restores, the caret is where it should be); typing
 * continues normally; an edit drops the underline it touched at once; no console errors.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORRECTED, DRAFT, FIXES } from './fixture-pages';
import { openFixture, setupEnv, type Env, type OpenedPage } from './harness';


interface EditorCase {
  name: string;
  kind: string;
  /** How fixes get in: the path the adapter is expected to take. */
  method: 'beforeinput' | 'execCommand';
  draft?: string[];
  fixes?: typeof FIXES;
  corrected?: string[];
}

const CASES: EditorCase[] = [
  { name: 'textarea', kind: 'textarea', method: 'execCommand' },
  {
    name: 'input',
    kind: 'input',
    method: 'execCommand',
    draft: [DRAFT[0]!],
    fixes: FIXES.slice(0, 4),
    corrected: [CORRECTED[0]!],
  },
  { name: 'contenteditable', kind: 'contenteditable', method: 'execCommand' },
  { name: 'quill', kind: 'quill', method: 'beforeinput' },
  { name: 'tiptap', kind: 'prosemirror', method: 'execCommand' },
  { name: 'ckeditor5', kind: 'ckeditor5', method: 'beforeinput' },
  { name: 'lexical', kind: 'lexical', method: 'beforeinput' },
  { name: 'wangeditor', kind: 'wangeditor', method: 'beforeinput' },
  { name: 'tinymce', kind: 'tinymce', method: 'execCommand' },
];

let env: Env;
beforeAll(async () => {
  env = await setupEnv();
});
afterAll(async () => {
  await env?.close();
});

type W = {
  wengao: { t: Record<string, (...a: any[]) => any> };
  fixture: { setParagraphs(p: string[]): Promise<void> };
};

function t<R = any>(page: Page, fn: string, ...args: unknown[]): Promise<R> {
  return page.evaluate(
    ([fn, args]) => (window as unknown as W).wengao.t[fn as string]!(...(args as unknown[])),
    [fn, args] as const,
  ) as Promise<R>;
}

async function load(page: Page, paragraphs: string[]): Promise<void> {
  await page.evaluate((ps) => (window as unknown as W).fixture.setParagraphs(ps), paragraphs);
}

async function waitModel(page: Page, expected: string, timeout = 2000): Promise<string> {
  const end = Date.now() + timeout;
  let now = '';
  while (Date.now() < end) {
    now = await t<string>(page, 'modelText');
    if (now === expected) return now;
    await page.waitForTimeout(30);
  }
  return now;
}

for (const c of CASES) {
  const draft = c.draft ?? DRAFT;
  const fixes = c.fixes ?? FIXES;
  const corrected = c.corrected ?? CORRECTED;
  const isField = c.kind === 'textarea' || c.kind === 'input';

  describe(`editor: ${c.name}`, () => {
    let opened: OpenedPage;
    let page: Page;
    const methods = new Set<string>();

    beforeAll(async () => {
      opened = await openFixture(env, c.name);
      page = opened.page;
      await load(page, draft);
    });
    afterAll(async () => {
      await opened?.close();
    });

    it('detects the editor and reads its text exactly', async () => {
      const info = await t(page, 'init');
      expect(info).not.toBeNull();
      expect(info.kind).toBe(c.kind);
      expect(info.text).toBe(draft.join('\n'));
      expect(await t(page, 'modelText')).toBe(draft.join('\n'));
      expect(info.issues.map((i: { text: string }) => i.text)).toEqual(fixes.map((f) => f.text));
      // Found from the top document too (TinyMCE's iframe body included), once and only as itself.
      expect(await t(page, 'foundFromTop')).toBe(true);
      expect(await t(page, 'watchedFromTop')).toBe(true);
    });

    it('underlines exactly the flagged characters', async () => {
      const drawn = await t(page, 'drawn');
      if (isField) {
        expect(drawn.map((d: { issue: string }) => d.issue)).toEqual(fixes.map((f) => f.text));
        for (const d of drawn) {
          expect(d.issue).toBe(d.expected);
          expect(d.rects).toBeGreaterThan(0);
          // The real field puts the caret inside the issue at the centre of every drawn box.
          for (const hit of d.hits) {
            expect(hit).toBeGreaterThanOrEqual(d.start);
            expect(hit).toBeLessThanOrEqual(d.end);
          }
        }
      } else {
        const all = [...(drawn.highlights.error ?? []), ...(drawn.highlights.warning ?? []), ...(drawn.highlights.info ?? [])];
        expect(all.sort()).toEqual(fixes.map((f) => f.text).sort());
        for (const i of drawn.issues) expect(i.rects).toBeGreaterThan(0);
      }
    });

    it('finds the issue under the pointer (hover card)', async () => {
      const hits: { text: string; hit: string | null }[] = await t(page, 'hitTest');
      expect(hits.length).toBe(fixes.length);
      for (const h of hits) expect(h.hit).toBe(h.text);
    });

    it('refuses a fix whose text changed', async () => {
      const r = await t(page, 'apply', fixes[0]!.text, true);
      expect(r.result).toMatchObject({ ok: false, reason: 'stale' });
      expect(r.after).toBe(r.before);
    });

    it('applies each fix through the editor: model, undo, caret', async () => {
      for (let k = 0; k < fixes.length; k++) {
        const f = fixes[k]!;
        // Even steps: the caret sits elsewhere (end of text) and must stay there.
        // Odd steps: the caret is inside the issue and must end after the replacement.
        const text: string = (await t(page, 'init')).text;
        const at = text.indexOf(f.text);
        const keep = k % 2 === 0;
        await t(page, 'setCaret', keep ? text.length : at + (f.text.length > 1 ? 1 : 0));

        const r = await t(page, 'apply', f.text);
        expect(r.found, `issue ${f.text} found`).toBe(true);
        expect(r.result.ok, `${f.text}: ${JSON.stringify(r.result)}`).toBe(true);
        methods.add(r.result.method);
        expect(r.replacement).toBe(f.fix);
        const expected = r.before.slice(0, r.start) + f.fix + r.before.slice(r.end);
        expect(r.after).toBe(expected);
        // The fixed issue's underline is gone at once; the others still cover their characters.
        expect(r.remaining).not.toContain(f.text);
        const shown = [...(r.highlights.error ?? []), ...(r.highlights.warning ?? [])];
        if (!isField) expect(shown.sort()).toEqual(r.remaining.slice().sort());

        const delta = f.fix.length - f.text.length;
        const wantCaret = keep ? r.textLength + delta : r.start + f.fix.length;
        expect(r.result.caret).toBe(wantCaret);
        const caret = await t(page, 'caret');
        expect(caret.start, `caret after ${f.text}`).toBe(wantCaret);
        expect(caret.end).toBe(wantCaret);

        // The editor's own undo restores the previous text.
        await page.keyboard.press('Control+z');
        expect(await waitModel(page, r.before), `undo after ${f.text}`).toBe(r.before);

        // Apply again to move on.
        await t(page, 'init');
        const again = await t(page, 'apply', f.text);
        expect(again.result.ok).toBe(true);
        expect(again.after).toBe(expected);
      }
      expect(await t(page, 'modelText')).toBe(corrected.join('\n'));
      expect(await t(page, 'reanalyse')).toEqual([]);
      expect([...methods]).toEqual([c.method]);
    });

    it('typing continues normally after the fixes', async () => {
      await t(page, 'init');
      const first = corrected[0]!;
      await t(page, 'setCaret', first.length);
      await page.keyboard.type('好');
      await page.keyboard.press('KeyA');
      const want = [first + '好a', ...corrected.slice(1)].join('\n');
      expect(await waitModel(page, want)).toBe(want);
      expect((await t(page, 'caret')).start).toBe(first.length + 2);
    });

    it('drops the underline an edit touches at once, keeps and shifts the others', async () => {
      await load(page, draft);
      await t(page, 'init');
      await t(page, 'setCaret', draft[0]!.indexOf('要要') + 1);
      await page.keyboard.press('KeyX');
      await waitModel(page, draft.join('\n').replace('要要', '要x要'));
      const left: string[] = await t(page, 'noteEdit');
      expect(left).toEqual(fixes.slice(1).map((f) => f.text));
      const drawn = await t(page, 'drawn');
      if (isField) {
        for (const d of drawn) expect(d.issue).toBe(d.expected);
      } else {
        const all = [...(drawn.highlights.error ?? []), ...(drawn.highlights.warning ?? [])];
        expect(all.sort()).toEqual(fixes.slice(1).map((f) => f.text).sort());
      }
    });

    it('logs no console errors', () => {
      expect(opened.errors).toEqual([]);
    });
  });
}
