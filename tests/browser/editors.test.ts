/**
 * The shared editor test (issue 4 §4) with the built extension: for each editor's fixture page (the same
 * pages as tests/browser-editors, served without any Wengao code), a draft with 要要, 的的, 發挥, a
 * half-width comma between Chinese characters and 展开全部 on its own line goes in; the content script
 * underlines exactly those characters; each fix is applied from the fix card (opened by hovering the
 * underline, or by clicking it) and leaves the editor's own model with the corrected text; Ctrl+Z restores;
 * the caret is where it should be and typing goes on there; no console errors; no network request from
 * any extension context beyond the local server.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clickShadow, shadowElements } from './closed-shadow';
import { CORRECTED, DRAFT, FIXES } from '../browser-editors/fixture-pages';
import { launch, waitFor, type Harness } from './harness';


interface EditorCase {
  name: string;
  /** textarea / input: drawn by the mirror overlay rather than CSS highlights. */
  field?: boolean;
  /** The editable document is the page's iframe (TinyMCE). */
  frame?: boolean;
  draft?: string[];
  fixes?: typeof FIXES;
  corrected?: string[];
  /** The editor's own API, read in the page (window.fixture.editor): its text, for the final check. */
  api: string;
}

const CASES: EditorCase[] = [
  { name: 'textarea', field: true, api: 'fixture.root().value' },
  { name: 'input', field: true, draft: [DRAFT[0]!], fixes: FIXES.slice(0, 4), corrected: [CORRECTED[0]!], api: 'fixture.root().value' },
  { name: 'contenteditable', api: 'fixture.root().innerHTML' },
  { name: 'quill', api: 'fixture.editor.getText()' },
  { name: 'tiptap', api: 'fixture.editor.getText()' },
  { name: 'ckeditor5', api: 'fixture.editor.getData()' },
  { name: 'lexical', api: 'fixture.editor.getEditorState().toJSON().root.children.map((p) => p.children.map((t) => t.text).join("")).join("\\n")' },
  { name: 'wangeditor', api: 'fixture.editor.getText()' },
  { name: 'tinymce', frame: true, api: 'fixture.editor.getContent({ format: "text" })' },
];

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

type PageWindow = Window & { fixture: { isReady: boolean; root(): HTMLElement; setParagraphs(p: string[]): Promise<void>; modelText(): string; cutoff(): void; editor?: unknown } };

async function openEditor(name: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`${h.origin}/p/${name}.html`);
  await page.waitForFunction(() => (window as unknown as PageWindow).fixture?.isReady === true, null, { timeout: 30_000 });
  return page;
}

const modelText = (page: Page) => page.evaluate(() => (window as unknown as PageWindow).fixture.modelText());


/** Put the draft in: typed into a text field (one input event, like a paste), loaded through a rich editor's API. */
async function loadDraft(page: Page, c: EditorCase, paragraphs: string[]): Promise<void> {
  if (c.field) {
    await page.evaluate(() => {
      const el = (window as unknown as PageWindow).fixture.root() as HTMLTextAreaElement;
      el.focus();
      el.select();
    });
    await page.keyboard.insertText(paragraphs.join('\n'));
  } else {
    await page.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), paragraphs);
  }
}

/** Rich editors: the text under every range of the wengao highlights (in the editor's own window). */
async function highlighted(page: Page, c: EditorCase): Promise<string[]> {
  return page.evaluate((frame) => {
    const win = (frame ? document.querySelector('iframe')!.contentWindow! : window) as Window & { CSS: { highlights: Map<string, Set<Range>> } };
    const out: string[] = [];
    for (const key of ['error', 'warning', 'info']) for (const r of win.CSS.highlights.get(`wengao-${key}`) ?? []) out.push(r.toString());
    return out.sort();
  }, !!c.frame);
}

/** Text fields: the underline boxes the mirror drew, and the field offset under each box's centre. */
async function fieldBoxes(page: Page): Promise<{ x: number; y: number; offset: number }[]> {
  const boxes = (await shadowElements(page, 'wengao-mirror', { classes: ['u'] })).filter((b) => b.box && b.box.width > 0 && !/display:\s*none/.test(b.attributes.style ?? ''));
  const points = boxes.map((b) => ({ x: b.box!.x + b.box!.width / 2, y: b.box!.y + b.box!.height / 2 - 1.5 }));
  const offsets = await page.evaluate((pts) => {
    const field = (window as unknown as PageWindow).fixture.root();
    return pts.map((p) => {
      const pos = (document as Document & { caretPositionFromPoint(x: number, y: number): { offsetNode: Node; offset: number } | null }).caretPositionFromPoint(p.x, p.y);
      return pos && pos.offsetNode === field ? pos.offset : -1;
    });
  }, points);
  return points.map((p, i) => ({ ...p, offset: offsets[i]! }));
}

/** Where each expected issue text sits in the text (in order of appearance). */
function rangesOf(text: string, issues: string[]): { text: string; start: number; end: number }[] {
  return issues
    .map((t) => ({ text: t, start: text.indexOf(t) }))
    .sort((a, b) => a.start - b.start)
    .map((r) => ({ ...r, end: r.start + r.text.length }));
}

/** The issues drawn now, as the texts they cover (fields: each box mapped back to the issue under it). */
async function drawn(page: Page, c: EditorCase, expected: string[]): Promise<string[]> {
  if (!c.field) return highlighted(page, c);
  const text = await modelText(page);
  const ranges = rangesOf(text, expected);
  const out = new Set<string>();
  for (const b of await fieldBoxes(page)) {
    const r = ranges.find((x) => x.start >= 0 && b.offset >= x.start && b.offset <= x.end);
    out.add(r ? r.text : `?@${b.offset}`);
  }
  return [...out].sort();
}

/** A point over the underline of the issue whose text is `text` (page coordinates). */
async function issuePoint(page: Page, c: EditorCase, text: string): Promise<{ x: number; y: number }> {
  if (c.field) {
    const value = await modelText(page);
    const start = value.indexOf(text);
    const box = (await fieldBoxes(page)).find((b) => b.offset >= start && b.offset <= start + text.length);
    if (!box) throw new Error(`no underline box for ${text}`);
    return box;
  }
  const p = await page.evaluate(
    ([frame, text]) => {
      const iframe = frame ? document.querySelector('iframe')! : null;
      const win = (iframe ? iframe.contentWindow! : window) as Window & { CSS: { highlights: Map<string, Set<Range>> } };
      for (const key of ['error', 'warning', 'info']) {
        for (const r of win.CSS.highlights.get(`wengao-${key}`) ?? []) {
          if (r.toString() !== text) continue;
          const rect = r.getClientRects()[0]!;
          let x = rect.left + rect.width / 2;
          let y = rect.top + rect.height / 2;
          if (iframe) {
            const fr = iframe.getBoundingClientRect();
            x += fr.left + iframe.clientLeft;
            y += fr.top + iframe.clientTop;
          }
          return { x, y };
        }
      }
      return null;
    },
    [!!c.frame, text] as const,
  );
  if (!p) throw new Error(`no highlight over ${text}`);
  return p;
}

const cardOpen = (page: Page) => page.evaluate(() => !!document.querySelector('wengao-card')?.hasAttribute('data-open'));

/** Open the card over `text` (hover, or a click that also puts the caret there) and press 应用. */
async function applyFromCard(page: Page, c: EditorCase, text: string, fix: string, how: 'hover' | 'click'): Promise<void> {
  const p = await issuePoint(page, c, text);
  await page.mouse.move(2, 2);
  if (how === 'hover') await page.mouse.move(p.x, p.y, { steps: 2 });
  else await page.mouse.click(p.x, p.y);
  await waitFor(`the card over ${text}`, () => cardOpen(page), Boolean);
  const [before] = await shadowElements(page, 'wengao-card', { classes: ['before'] });
  const [after] = await shadowElements(page, 'wengao-card', { classes: ['after', 'primary'] });
  expect(before?.text).toBe(text);
  expect(after?.attributes['data-replacement']).toBe(fix);
  await page.evaluate(() => (window as unknown as PageWindow).fixture.cutoff()); // the fix is its own undo step
  await clickShadow(page, 'wengao-card', { tag: 'button', attribute: ['data-action', 'apply'] });
  await waitFor('the card to close', () => cardOpen(page), (open) => !open);
}

/** Focus the editor with the caret at the end of its text. */
async function caretAtEnd(page: Page, c: EditorCase): Promise<void> {
  await page.evaluate(() => {
    const root = (window as unknown as PageWindow).fixture.root();
    root.ownerDocument.defaultView!.focus();
    root.focus();
  });
  await page.keyboard.press(c.name === 'input' ? 'End' : 'Control+End');
}

for (const c of CASES) {
  const draft = c.draft ?? DRAFT;
  const fixes = c.fixes ?? FIXES;
  const corrected = c.corrected ?? CORRECTED;

  describe(`extension in ${c.name}`, () => {
    let page: Page;
    beforeAll(async () => {
      page = await openEditor(c.name);
    });
    afterAll(async () => {
      await page?.close();
    });

    test('underlines exactly the flagged characters, counts them in the badge', async () => {
      await loadDraft(page, c, draft);
      expect(await modelText(page)).toBe(draft.join('\n'));
      const want = fixes.map((f) => f.text).sort();
      expect(await waitFor('the underlines', () => drawn(page, c, want), (d) => JSON.stringify(d) === JSON.stringify(want))).toEqual(want);
      if (c.field) expect((await fieldBoxes(page)).every((b) => b.offset >= 0)).toBe(true);
      // One badge for the editor, in the editor's document, with the count.
      const badges = await page.evaluate((frame) => {
        const doc = frame ? document.querySelector('iframe')!.contentDocument! : document;
        return [...doc.querySelectorAll('wengao-badge')].map((b) => (b as HTMLElement).dataset.count);
      }, !!c.frame);
      expect(badges).toEqual([String(fixes.length)]);
    });

    test('applies each fix from the card: model, Ctrl+Z, caret, typing', async () => {
      for (let k = 0; k < fixes.length; k++) {
        const f = fixes[k]!;
        // Even steps: the caret is at the end of the text and must stay there (hover card).
        // Odd steps: a click on the underline puts the caret inside the issue; it ends after the fix.
        const how = k % 2 === 0 ? 'hover' : 'click';
        const before = await modelText(page);
        const start = before.indexOf(f.text);
        const expected = before.slice(0, start) + f.fix + before.slice(start + f.text.length);
        const place = async () => {
          if (how === 'hover') await caretAtEnd(page, c);
          await waitFor(`the underline over ${f.text}`, () => drawn(page, c, [f.text]), (d) => d.includes(f.text));
        };

        await place();
        await applyFromCard(page, c, f.text, f.fix, how);
        expect(await waitFor(`the fix of ${f.text}`, () => modelText(page), (t) => t !== before, 2_000)).toBe(expected);
        // Its underline is gone at once; the others stay.
        const remaining = fixes.slice(k + 1).map((x) => x.text).sort();
        expect(await drawn(page, c, remaining)).toEqual(remaining);

        // The editor's own undo restores the text.
        await page.keyboard.press('Control+z');
        expect(await waitFor(`undo of ${f.text}`, () => modelText(page), (t) => t === before, 2_000)).toBe(before);

        // Again, then type: the character lands at the caret.
        await place();
        await applyFromCard(page, c, f.text, f.fix, how);
        expect(await waitFor(`the fix of ${f.text} again`, () => modelText(page), (t) => t !== before, 2_000)).toBe(expected);
        const caret = how === 'hover' ? expected.length : start + f.fix.length;
        await page.keyboard.type('Q');
        const typed = expected.slice(0, caret) + 'Q' + expected.slice(caret);
        expect(await waitFor(`typing after ${f.text}`, () => modelText(page), (t) => t !== expected, 2_000), `caret after ${f.text} (${how})`).toBe(typed);
        await page.keyboard.press('Backspace');
        expect(await waitFor('backspace', () => modelText(page), (t) => t === expected, 2_000)).toBe(expected);
      }
      expect(await modelText(page)).toBe(corrected.join('\n'));
      // The editor's own API agrees (paragraphs, whatever its separators and markup).
      const api: string = await page.evaluate(`(() => ${c.api})()`);
      const lines = (s: string) =>
        s
          .replace(/<\/(p|div|li|h\d)>|<br\s*\/?>/g, '\n')
          .replace(/<[^>]+>/g, '')
          .replace(/&nbsp;/g, ' ')
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
      expect(lines(api)).toEqual(corrected.filter(Boolean));
      // Checked again: nothing left to underline, the badge says so.
      expect(await waitFor('no underline', () => drawn(page, c, []), (d) => d.length === 0)).toEqual([]);
    });

    test('typing goes on normally and a new slip is underlined after the pause', async () => {
      await caretAtEnd(page, c);
      await page.keyboard.type('要要');
      const text = corrected.join('\n') + '要要';
      expect(await waitFor('typing', () => modelText(page), (t) => t === text, 2_000)).toBe(text);
      expect(await waitFor('the new underline', () => drawn(page, c, ['要要']), (d) => d.includes('要要'))).toEqual(['要要']);
    });
  });
}

describe('over the whole suite', () => {
  test('no console errors, no network request beyond the local server and the extension', () => {
    expect(h.consoleErrors).toEqual([]);
    const allowed = [`${h.origin}/`, `chrome-extension://${h.extensionId}/`, 'data:', 'blob:', 'about:'];
    expect(h.requests.filter((r) => !allowed.some((a) => r.url.startsWith(a)))).toEqual([]);
    expect(h.requests.some((r) => r.url.startsWith(`${h.origin}/p/tinymce.html`))).toBe(true);
  });
});
