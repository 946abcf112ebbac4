/**
 * The content script's checker beyond the per-editor test (tests/browser/editors.test.ts): the card's
 * other actions (ignore once, ignore the rule on this site, add to the personal dictionary — stored by
 * the background), the keyboard commands, fields it must leave alone, fields added after load and in
 * shadow roots, editors in iframes handled exactly once, and switching a site off.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clickShadow, shadowElements } from './closed-shadow';
import { waitFor, type Harness, isLocalRequest, launchWithExtensionPage } from './harness';

const DRAFT = [
  '我们要要认真学习贯彻会议精神，全面發挥党组织的的战斗堡垒作用,推动各项工作落实落地。',
  '下一段继续加强理论武装，提高政治站位。展开全部',
];
const ALL = ['要要', '發', '的的', ',', '展开全部'].sort();

type PageWindow = Window & { fixture: { isReady: boolean; root(): HTMLElement; setParagraphs(p: string[]): Promise<void>; modelText(): string } };

let h: Harness;
let ext: Page;
beforeAll(async () => ({ h, ext } = await launchWithExtensionPage()));
afterAll(async () => {
  await h?.close();
});

const same = (want: string[]) => (got: string[]) => JSON.stringify(got) === JSON.stringify(want);

async function openFixture(name: string, page?: Page): Promise<Page> {
  const p = page ?? (await h.context.newPage());
  await p.goto(`${h.origin}/p/${name}.html`);
  await p.waitForFunction(() => (window as unknown as PageWindow).fixture?.isReady === true, null, { timeout: 30_000 });
  return p;
}

/** Texts under the wengao highlights of a window (the page's, or its first iframe's). */
function highlighted(page: Page, frame = false): Promise<string[]> {
  return page.evaluate((frame) => {
    const win = (frame ? document.querySelector('iframe')!.contentWindow! : window) as Window & { CSS: { highlights: Map<string, Set<Range>> } };
    const out: string[] = [];
    for (const key of ['error', 'warning', 'info']) for (const r of win.CSS.highlights.get(`wengao-${key}`) ?? []) out.push(r.toString());
    return out.sort();
  }, frame);
}

/** Message the background the way the extension's pages do (@webext-core/messaging's wire format). */
async function message(type: string, data?: unknown): Promise<unknown> {
  const r = (await ext.evaluate(([type, data]) => chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() }), [type, data] as const)) as { res: unknown };
  return r.res;
}
const storedSettings = () => ext.evaluate(() => chrome.storage.local.get('settings').then((s) => s.settings ?? null));

/** Hover the underline over `text` until the card opens, then press one of its buttons. */
async function cardAction(page: Page, text: string, action: 'apply' | 'ignore' | 'ignore-rule' | 'add-to-dictionary'): Promise<void> {
  const p = await page.evaluate((text) => {
    const win = window as unknown as { CSS: { highlights: Map<string, Set<Range>> } };
    for (const key of ['error', 'warning', 'info'])
      for (const r of win.CSS.highlights.get(`wengao-${key}`) ?? []) {
        if (r.toString() !== text) continue;
        const b = r.getClientRects()[0]!;
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
    return null;
  }, text);
  expect(p, `underline over ${text}`).not.toBeNull();
  await page.mouse.move(2, 2);
  await page.mouse.move(p!.x, p!.y, { steps: 2 });
  await waitFor('the card', () => page.evaluate(() => !!document.querySelector('wengao-card')?.hasAttribute('data-open')), Boolean);
  await clickShadow(page, 'wengao-card', { tag: 'button', attribute: ['data-action', action] });
}

describe('the fix card: ignore once, ignore the rule here, add to the dictionary', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openFixture('contenteditable');
    await page.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), DRAFT);
    await waitFor('the underlines', () => highlighted(page), same(ALL));
  });
  afterAll(async () => {
    await page.close();
    await ext.evaluate(() => chrome.storage.local.remove('settings'));
    await message('removeFromDictionary', { word: '的的' });
  });

  test('ignore once hides that occurrence only, also after a re-check', async () => {
    await cardAction(page, '要要', 'ignore');
    expect(await highlighted(page)).toEqual(ALL.filter((t) => t !== '要要'));
    // A new 要要 typed in the last paragraph is underlined; the ignored one stays hidden.
    await page.evaluate(() => {
      const root = (window as unknown as PageWindow).fixture.root();
      root.focus();
    });
    await page.keyboard.press('Control+End');
    await page.keyboard.type('他们要要');
    await waitFor('the new 要要', () => highlighted(page), (t) => t.includes('要要'));
    const where = await page.evaluate(() => {
      const root = (window as unknown as PageWindow).fixture.root();
      const ranges = [...((window as unknown as { CSS: { highlights: Map<string, Set<Range>> } }).CSS.highlights.get('wengao-error') ?? [])];
      return ranges.filter((r) => r.toString() === '要要').map((r) => [...root.children].findIndex((c) => c.contains(r.startContainer)));
    });
    expect(where).toEqual([1]);
  });

  test('ignore this rule here: gone on this page at once, stored for the site by the background', async () => {
    await cardAction(page, ',', 'ignore-rule');
    // Stored actions wait for the card's visibility report (lib/editors/card.ts): gone a moment later.
    expect(await waitFor('the underline gone', () => highlighted(page), (t) => !t.includes(','))).not.toContain(',');
    const settings = await waitFor('the stored setting', storedSettings, (s) => !!s);
    expect(settings).toMatchObject({ siteIgnoredRules: { '127.0.0.1': ['half-width-punct'] } });
  });

  test('add to dictionary: gone at once, stored in the database, applied after a reload', async () => {
    await cardAction(page, '的的', 'add-to-dictionary');
    expect(await waitFor('the underline gone', () => highlighted(page), (t) => !t.includes('的的'))).not.toContain('的的');
    expect(await waitFor('the dictionary', () => message('getDictionary'), (d) => Array.isArray(d) && d.length > 0)).toEqual(['的的']);

    // A fresh page: the ignored rule and the dictionary word stay away, the ignored-once 要要 is back.
    await openFixture('contenteditable', page);
    await page.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), DRAFT);
    // The personal dictionary applies in an editor the writer used (a page cannot probe it in its own).
    await page.click('#editor');
    const want = ['發', '展开全部', '要要'].sort();
    expect(await waitFor('the underlines after a reload', () => highlighted(page), same(want))).toEqual(want);

    // The side panel accepts the word too.
    const panel = await h.context.newPage();
    await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html?view=draft`);
    await panel.locator('textarea').fill('党支部要要发挥的的作用。');
    // The marked span of each row (the row also shows the whole sentence around it).
    const rules = () => panel.locator('li.issue mark').evaluateAll((items) => items.map((m) => m.textContent ?? ''));
    const listed = await waitFor('the side panel list', rules, (r) => r.some((t) => t.includes('要要')));
    expect(listed.some((t) => t.includes('的的'))).toBe(false);
    await panel.close();
  });
});

describe('keyboard commands (forwarded by the background to the focused frame)', () => {
  let page: Page;
  /** What the background does on a shortcut (lib/protocol.ts forwardCommand): message every frame of the tab. */
  async function command(name: 'next-issue' | 'apply-fix'): Promise<void> {
    await page.bringToFront();
    await h.worker.evaluate(async (command) => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      await chrome.tabs.sendMessage(tab!.id!, { type: 'wengao:command', command }).catch(() => {});
    }, name);
  }
  const state = () =>
    page.evaluate(() => {
      const f = document.getElementById('editor') as HTMLTextAreaElement;
      const card = document.querySelector('wengao-card');
      return {
        value: f.value,
        selection: [f.selectionStart, f.selectionEnd],
        focus: document.activeElement?.localName ?? null,
        card: card?.hasAttribute('data-open') ? card.getAttribute('data-rule') : null,
      };
    });

  beforeAll(async () => {
    page = await openFixture('textarea');
    await page.click('#editor');
    await page.keyboard.insertText(DRAFT.join('\n'));
    await waitFor('the badge', () => page.evaluate(() => document.querySelector('wengao-badge')?.getAttribute('data-count')), (c) => c === '5');
    await page.keyboard.press('Control+Home');
  });
  afterAll(async () => {
    await page.close();
  });

  test('next issue selects it and opens the card with the focus; apply fixes it and returns the focus', async () => {
    await command('next-issue');
    let s = await waitFor('the card', state, (x) => x.card !== null);
    expect(s).toMatchObject({ card: 'repeated-word', selection: [2, 4], focus: 'wengao-card' });
    await command('apply-fix');
    s = await waitFor('the fix', state, (x) => x.value !== DRAFT.join('\n'));
    expect(s).toMatchObject({ value: DRAFT.join('\n').replace('要要', '要'), card: null, focus: 'textarea', selection: [3, 3] });
  });

  test('the card opened from the keyboard: Enter applies, Esc goes back to the text', async () => {
    await command('next-issue');
    await waitFor('the card on 發', state, (x) => x.card === 'traditional-char');
    await page.keyboard.press('Enter');
    let s = await waitFor('the fix', state, (x) => !x.value.includes('發'));
    expect(s).toMatchObject({ card: null, focus: 'textarea' });
    await command('next-issue');
    s = await waitFor('the card on 的的', state, (x) => x.card !== null);
    expect(s.card).toBe('repeated-word');
    await page.keyboard.press('Escape');
    s = await waitFor('the card to close', state, (x) => x.card === null);
    const start = s.value.indexOf('的的');
    expect(s).toMatchObject({ focus: 'textarea', selection: [start, start + 2] });
    // apply-fix with the caret in an issue (the selection is on 的的).
    await command('apply-fix');
    s = await waitFor('the fix', state, (x) => !x.value.includes('的的'));
    expect(s.value).toBe(DRAFT.join('\n').replace('要要', '要').replace('發', '发').replace('的的', '的'));
  });
});

describe('which fields are checked', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openFixture('misc');
  });
  afterAll(async () => {
    await page.close();
  });

  test('credential, data and search fields and data-wengao="off" stay untouched; data-gramm="false" and spellcheck="false" on rich editors are no opt-out', async () => {
    await page.evaluate(() => {
      document.body.innerHTML = `
        <input id="pw" type="password">
        <input id="user" type="text" autocomplete="username">
        <input id="otp" type="text" autocomplete="one-time-code">
        <input id="email" type="email"><input id="url" type="url"><input id="tel" type="text" inputmode="tel">
        <input id="q" type="search"><form role="search"><input id="wd" type="text" name="wd"></form>
        <textarea id="off" data-wengao="off"></textarea>
        <div data-wengao="off"><div id="offce" contenteditable="true" style="min-height:30px"></div></div>
        <textarea id="spell" spellcheck="false"></textarea>
        <div id="gramm" contenteditable="true" data-gramm="false" style="min-height:30px"></div>
        <div id="spellce" contenteditable="true" spellcheck="false" style="min-height:30px"></div>
        <textarea id="control"></textarea>`;
    });
    const skipped = ['pw', 'user', 'otp', 'email', 'url', 'tel', 'q', 'wd', 'off', 'offce', 'spell'];
    for (const id of skipped) {
      await page.click(`#${id}`);
      await page.keyboard.type('要要的的');
    }
    // Checked: the rich fields with data-gramm / spellcheck off, and the control field, typed last.
    for (const id of ['gramm', 'spellce', 'control']) {
      await page.click(`#${id}`);
      await page.keyboard.type('要要');
    }
    await waitFor('three badges', () => page.evaluate(() => [...document.querySelectorAll('wengao-badge')].map((b) => b.getAttribute('data-count') ?? '')), same(['1', '1', '1']));
    await page.waitForTimeout(400);
    const r = await page.evaluate(() => ({
      badges: document.querySelectorAll('wengao-badge').length,
      mirrors: document.querySelectorAll('wengao-mirror').length,
      highlighted: [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('wengao-error') ?? [])].map((r) => (r.startContainer.parentElement as HTMLElement).id).sort(),
    }));
    // Sorted: the two editors are checked in whichever order their debounces end.
    expect(r).toEqual({ badges: 3, mirrors: 1, highlighted: ['gramm', 'spellce'] });
  });

  test('code editors (CodeMirror 5 and 6, Ace, Monaco, CodeMirror inside a frame) stay untouched', async () => {
    const code = await openFixture('code');
    for (const sel of ['#cm6 .cm-content', '#cm5 .CodeMirror', '#ace', '#monaco']) {
      await code.click(sel);
      await code.keyboard.press('Control+End');
      await code.keyboard.type('要要的的');
    }
    const frame = code.frameLocator('#frame');
    await frame.locator('.cm-content').click();
    await code.keyboard.press('Control+End');
    await code.keyboard.type('要要的的');
    await code.click('#control');
    await code.keyboard.type('要要');
    await waitFor('the control badge', () => code.evaluate(() => [...document.querySelectorAll('wengao-badge')].map((b) => b.getAttribute('data-count') ?? '')), same(['1']));
    await code.waitForTimeout(400);
    const r = await code.evaluate(() => {
      const f = (document.getElementById('frame') as HTMLIFrameElement).contentDocument!;
      const count = (w: Window) => ['error', 'warning', 'info'].reduce((n, k) => n + ((w as unknown as { CSS: { highlights: Map<string, Set<Range>> } }).CSS.highlights.get(`wengao-${k}`)?.size ?? 0), 0);
      const fixture = (window as unknown as { fixture: { editor: { cm6: { state: { doc: { toString(): string } } }; ace: { getValue(): string } } } }).fixture;
      return {
        badges: document.querySelectorAll('wengao-badge').length + f.querySelectorAll('wengao-badge').length,
        mirrors: document.querySelectorAll('wengao-mirror').length,
        highlights: count(window) + count(f.defaultView!),
        cm6: fixture.editor.cm6.state.doc.toString(),
        ace: fixture.editor.ace.getValue(),
      };
    });
    expect(r).toEqual({ badges: 1, mirrors: 1, highlights: 0, cm6: '我们要要认真学习的的要要的的', ace: '我们要要认真学习的的要要的的' });
    await code.close();
  });

  test('an editor added after load, untouched by the user, is checked once visible; also in an open shadow root', async () => {
    await page.evaluate(() => {
      document.body.innerHTML = '<p>正文</p>';
      setTimeout(() => {
        const late = document.createElement('div');
        late.id = 'late';
        late.contentEditable = 'true';
        late.innerHTML = '<p>我们要要认真学习。</p>';
        document.body.append(late);
        const host = document.createElement('div');
        document.body.append(host);
        const root = host.attachShadow({ mode: 'open' });
        root.innerHTML = '<div id="inshadow" contenteditable="true"><p>全面發挥作用。</p></div>';
      }, 300);
    });
    expect(await waitFor('the late editors', () => highlighted(page), same(['發', '要要']))).toEqual(['發', '要要']);
    // Highlights inside a shadow root are styled there (the document's styles do not reach in).
    const r = await page.evaluate(() => {
      const root = [...document.body.children].find((e) => e.shadowRoot)!.shadowRoot!;
      const wengaoSheets = (l: readonly CSSStyleSheet[]) => l.filter((s) => [...s.cssRules].some((x) => x.cssText.includes('::highlight('))).length;
      return { shadow: wengaoSheets(root.adoptedStyleSheets), page: wengaoSheets(document.adoptedStyleSheets), badges: document.querySelectorAll('wengao-badge').length };
    });
    expect(r).toEqual({ shadow: 1, page: 1, badges: 2 });
  });
});

describe('editors in iframes are handled exactly once', () => {
  test('frames created after load: document.write (as CKEditor 4, KindEditor, UEditor), designMode, about:blank and srcdoc — each checked once, by the page', async () => {
    const page = await openFixture('misc');
    await page.evaluate(async () => {
      document.body.innerHTML = '';
      const frame = (id: string) => {
        const f = document.createElement('iframe');
        f.id = id;
        f.style.cssText = 'width:600px;height:90px';
        document.body.append(f);
        return f;
      };
      const written = frame('written').contentDocument!;
      written.open();
      written.write('<!doctype html><html><body contenteditable="true" spellcheck="false"><p>我们要要认真学习。</p></body></html>');
      written.close();
      const design = frame('design').contentDocument!;
      design.open();
      design.write('<!doctype html><html><body><p>全面發挥作用。</p></body></html>');
      design.close();
      design.designMode = 'on';
      const blank = frame('blank').contentDocument!;
      blank.body.contentEditable = 'true';
      blank.body.innerHTML = '<p>党组织的的作用。</p>';
      const src = frame('srcdoc');
      src.srcdoc = '<body contenteditable="true"><p>推动工作,落实落地。</p></body>';
      await new Promise((r) => src.addEventListener('load', r, { once: true }));
    });
    // designMode changes no attribute: the document is taken on when the writer is in it.
    await page.frameLocator('#design').locator('body').click();
    const state = () =>
      page.evaluate(() =>
        ['written', 'design', 'blank', 'srcdoc'].map((id) => {
          const d = (document.getElementById(id) as HTMLIFrameElement).contentDocument!;
          const w = d.defaultView as unknown as { CSS: { highlights: Map<string, Set<Range>> } };
          const ranges = ['error', 'warning', 'info'].flatMap((k) => [...(w.CSS.highlights.get(`wengao-${k}`) ?? [])].map((r) => r.toString()));
          return { id, badges: [...d.querySelectorAll('wengao-badge')].map((b) => b.getAttribute('data-count')), ranges };
        }),
      );
    const want = [
      { id: 'written', badges: ['1'], ranges: ['要要'] },
      { id: 'design', badges: ['1'], ranges: ['發'] },
      { id: 'blank', badges: ['1'], ranges: ['的的'] },
      { id: 'srcdoc', badges: ['1'], ranges: [','] },
    ];
    expect(await waitFor('one set of underlines per frame', state, (s) => JSON.stringify(s) === JSON.stringify(want))).toEqual(want);
    expect(await page.evaluate(() => document.querySelectorAll('wengao-badge').length)).toBe(0);
    // Rewriting a frame (document.open erases its listeners) keeps it checked, still once.
    await page.evaluate(() => {
      const d = (document.getElementById('written') as HTMLIFrameElement).contentDocument!;
      d.open();
      d.write('<!doctype html><html><body contenteditable="true"><p>第二次写入的的内容。</p></body></html>');
      d.close();
    });
    await page.frameLocator('#written').locator('body').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('要要');
    const written = () => state().then((s) => s[0]!);
    const want2 = { id: 'written', badges: ['2'], ranges: ['的的', '要要'] };
    expect(await waitFor('the rewritten frame', () => written().then((w) => ({ ...w, ranges: w.ranges.sort() })), (w) => JSON.stringify(w) === JSON.stringify(want2))).toEqual(want2);
    await page.close();
  });

  test('TinyMCE (srcdoc iframe, no content script of its own): one set of underlines, one badge, the card in the page', async () => {
    const page = await openFixture('tinymce');
    await page.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), DRAFT);
    expect(await waitFor('the underlines', () => highlighted(page, true), same(ALL))).toEqual(ALL);
    const r = await page.evaluate(() => {
      const doc = document.querySelector('iframe')!.contentDocument!;
      return {
        frameUrl: doc.URL,
        frameBadges: [...doc.querySelectorAll('wengao-badge')].map((b) => b.getAttribute('data-count')),
        topBadges: document.querySelectorAll('wengao-badge').length,
        sheets: doc.adoptedStyleSheets.filter((s) => [...s.cssRules].some((x) => x.cssText.includes('::highlight('))).length,
        ranges: ['error', 'warning'].reduce((n, k) => n + ((doc.defaultView as unknown as { CSS: { highlights: Map<string, Set<Range>> } }).CSS.highlights.get(`wengao-${k}`)?.size ?? 0), 0),
      };
    });
    expect(r).toEqual({ frameUrl: 'about:srcdoc', frameBadges: ['5'], topBadges: 0, sheets: 1, ranges: 5 });
    await page.close();
  });

  test('a same-origin page in an iframe (its own content script): one set, handled inside the frame', async () => {
    const page = await openFixture('misc');
    await page.evaluate(() => {
      document.body.innerHTML = '<iframe src="/p/contenteditable.html" style="width:760px;height:320px"></iframe>';
    });
    const frame = await waitFor('the frame', async () => page.frames().find((f) => f.url().includes('/p/contenteditable.html')) ?? null, Boolean);
    await frame!.waitForFunction(() => (window as unknown as PageWindow).fixture?.isReady === true);
    await frame!.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), DRAFT);
    expect(await waitFor('the underlines', () => highlighted(page, true), same(ALL))).toEqual(ALL);
    const r = await page.evaluate(() => {
      const doc = document.querySelector('iframe')!.contentDocument!;
      return {
        frameBadges: [...doc.querySelectorAll('wengao-badge')].map((b) => b.getAttribute('data-count')),
        topBadges: document.querySelectorAll('wengao-badge').length,
        sheets: doc.adoptedStyleSheets.filter((s) => [...s.cssRules].some((x) => x.cssText.includes('::highlight('))).length,
      };
    });
    expect(r).toEqual({ frameBadges: ['5'], topBadges: 0, sheets: 1 });
    // The frame's card opens in the frame.
    const box = await page.evaluate(() => {
      const iframe = document.querySelector('iframe')!;
      const win = iframe.contentWindow as unknown as { CSS: { highlights: Map<string, Set<Range>> } };
      const range = [...win.CSS.highlights.get('wengao-error')!].find((x) => x.toString() === '發')!;
      const b = range.getClientRects()[0]!;
      const f = iframe.getBoundingClientRect();
      return { x: f.left + iframe.clientLeft + b.left + b.width / 2, y: f.top + iframe.clientTop + b.top + b.height / 2 };
    });
    await page.mouse.move(box.x, box.y, { steps: 2 });
    await waitFor('the card', () => frame!.evaluate(() => !!document.querySelector('wengao-card')?.hasAttribute('data-open')), Boolean);
    const [before] = await shadowElements(page, 'wengao-card', { classes: ['before'] });
    expect(before?.text).toBe('發');
    expect(await page.evaluate(() => document.querySelectorAll('wengao-card').length)).toBe(0);
    await page.close();
  });
});

describe('switching a field or the site off from the badge (remembered, undoable)', () => {
  /** The visible badges' counts ("off": the switched-off pill). */
  const badge = (page: Page) =>
    page.evaluate(() => [...document.querySelectorAll('wengao-badge')].filter((b) => b.hasAttribute('data-visible')).map((b) => b.getAttribute('data-count') ?? ''));
  const stored = () => ext.evaluate(() => chrome.storage.local.get('badgeSwitches').then((s) => s.badgeSwitches ?? null));

  test('本栏不检查: one click in the badge menu; 撤销 brings it back; remembered after a reload, 恢复检查 there', async () => {
    const page = await openFixture('contenteditable');
    await page.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), DRAFT);
    await page.click('#editor');
    await waitFor('the underlines', () => highlighted(page), same(ALL));
    await clickShadow(page, 'wengao-badge', { classes: ['badge'] });
    await clickShadow(page, 'wengao-badge', { tag: 'button', attribute: ['data-action', 'field-off'] });
    await waitFor('no underlines', () => highlighted(page), same([]));
    expect(await badge(page)).toEqual(['off']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('editor'); // the caret stays in the text
    expect(await waitFor('the stored switch', stored, (x) => !!x)).toEqual({ sites: [], fields: { '127.0.0.1': ['/p/contenteditable.html #editor'] } });
    // 撤销
    await clickShadow(page, 'wengao-badge', { tag: 'button', attribute: ['data-action', 'undo'] });
    expect(await waitFor('the underlines again', () => highlighted(page), same(ALL))).toEqual(ALL);
    const empty = (x: unknown) => !!x && (x as { sites: string[] }).sites.length === 0 && Object.keys((x as { fields: object }).fields).length === 0;
    expect(await waitFor('the switch removed', stored, empty)).toEqual({ sites: [], fields: {} });
    // Off again, then a reload: still off; the focused field offers 恢复检查.
    await clickShadow(page, 'wengao-badge', { classes: ['badge'] });
    await clickShadow(page, 'wengao-badge', { tag: 'button', attribute: ['data-action', 'field-off'] });
    await waitFor('no underlines', () => highlighted(page), same([]));
    await waitFor('the stored switch', stored, (x) => JSON.stringify(x).includes('#editor'));
    await openFixture('contenteditable', page);
    await page.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), DRAFT);
    await page.click('#editor');
    await page.waitForTimeout(800);
    expect(await highlighted(page)).toEqual([]);
    expect(await waitFor('the off pill', () => badge(page), same(['off']))).toEqual(['off']);
    await clickShadow(page, 'wengao-badge', { tag: 'button', attribute: ['data-action', 'undo'] });
    expect(await waitFor('checked again', () => highlighted(page), same(ALL))).toEqual(ALL);
    await page.close();
  });

  test('本网站不检查: every field of the site goes quiet, in other tabs too; 撤销 brings them back', async () => {
    const page = await openFixture('contenteditable');
    const other = await openFixture('textarea');
    await other.click('#editor');
    await other.keyboard.type('党支部要要发挥作用');
    await waitFor('the other tab checked', () => badge(other), same(['1']));
    await page.bringToFront();
    await page.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), DRAFT);
    await page.click('#editor');
    await waitFor('the underlines', () => highlighted(page), same(ALL));
    await clickShadow(page, 'wengao-badge', { classes: ['badge'] });
    await clickShadow(page, 'wengao-badge', { tag: 'button', attribute: ['data-action', 'site-off'] });
    await waitFor('no underlines', () => highlighted(page), same([]));
    expect(await waitFor('the stored switch', stored, (x) => !!x && (x as { sites: string[] }).sites.length > 0)).toMatchObject({ sites: ['127.0.0.1'] });
    await waitFor('the other tab quiet', () => badge(other), same([]));
    await clickShadow(page, 'wengao-badge', { tag: 'button', attribute: ['data-action', 'undo'] });
    expect(await waitFor('the underlines again', () => highlighted(page), same(ALL))).toEqual(ALL);
    await waitFor('the other tab checked again', () => badge(other), same(['1']));
    await other.close();
    await page.close();
  });
});

describe('the caret stays where the writer left it', () => {
  test('a textarea in an open shadow root: a fix opened by hover leaves the caret at the end', async () => {
    const page = await openFixture('misc');
    await page.evaluate(() => {
      const host = document.createElement('div');
      host.id = 'host';
      document.body.append(host);
      host.attachShadow({ mode: 'open' }).innerHTML = '<textarea id="t" rows="4" cols="60" style="font:16px/1.6 sans-serif"></textarea>';
    });
    await page.click('#host textarea');
    const text = '我们要要认真学习贯彻会议精神';
    await page.keyboard.type(text);
    const boxes = await waitFor('the underline', () => shadowElements(page, 'wengao-mirror', { classes: ['u'] }).then((b) => b.filter((x) => x.box && x.box.width > 0)), (b) => b.length === 1);
    const box = boxes[0]!.box!;
    await page.mouse.move(2, 2);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 1.5, { steps: 2 });
    await waitFor('the card', () => page.evaluate(() => !!document.querySelector('wengao-card')?.hasAttribute('data-open')), Boolean);
    await clickShadow(page, 'wengao-card', { tag: 'button', attribute: ['data-action', 'apply'] });
    const fixed = text.replace('要要', '要');
    const state = () =>
      page.evaluate(() => {
        const t = document.getElementById('host')!.shadowRoot!.getElementById('t') as HTMLTextAreaElement;
        return { value: t.value, caret: [t.selectionStart, t.selectionEnd], focused: document.getElementById('host')!.shadowRoot!.activeElement === t };
      });
    expect(await waitFor('the fix', state, (s) => s.value === fixed)).toEqual({ value: fixed, caret: [fixed.length, fixed.length], focused: true });
    await page.keyboard.type('好');
    expect((await state()).value).toBe(fixed + '好');
    await page.close();
  });
});

describe('settings', () => {
  test('switching the site off removes everything at once; on again checks again', async () => {
    const page = await openFixture('contenteditable');
    await page.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), DRAFT);
    await waitFor('the underlines', () => highlighted(page), same(ALL));
    expect(await message('setSiteEnabled', { site: '127.0.0.1', enabled: false })).toBe(true);
    await waitFor('no underlines', () => highlighted(page), same([]));
    expect(await page.evaluate(() => document.querySelector('wengao-badge')?.hasAttribute('data-visible') ?? false)).toBe(false);
    expect(await message('setSiteEnabled', { site: '127.0.0.1', enabled: true })).toBe(true);
    expect(await waitFor('the underlines again', () => highlighted(page), same(ALL))).toEqual(ALL);
    await page.close();
  });
});

describe('over the whole suite', () => {
  test('no console errors, no network request beyond the local server and the extension', () => {
    expect(h.consoleErrors).toEqual([]);
    expect(h.requests.filter((r) => !isLocalRequest(h, r.url))).toEqual([]);
  });
});
