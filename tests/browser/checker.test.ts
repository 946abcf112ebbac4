/**
 * The content script's checker beyond the per-editor test (tests/browser/editors.test.ts): the card's
 * other actions (ignore once, ignore the rule on this site, add to the personal dictionary — stored by
 * the background), the keyboard commands, fields it must leave alone, fields added after load and in
 * shadow roots, editors in iframes handled exactly once, and switching a site off.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clickShadow, shadowElements } from './closed-shadow';
import { launch, waitFor, type Harness } from './harness';

const DRAFT = [
  '我们要要认真学习贯彻会议精神，全面發挥党组织的的战斗堡垒作用,推动各项工作落实落地。',
  '下一段继续加强理论武装，提高政治站位。展开全部',
];
const ALL = ['要要', '發', '的的', ',', '展开全部'].sort();

type PageWindow = Window & { fixture: { isReady: boolean; root(): HTMLElement; setParagraphs(p: string[]): Promise<void>; modelText(): string } };

let h: Harness;
let ext: Page;
beforeAll(async () => {
  h = await launch();
  ext = await h.context.newPage();
  await ext.goto(`chrome-extension://${h.extensionId}/sidepanel.html`);
});
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
    expect(await highlighted(page)).not.toContain(',');
    const settings = await waitFor('the stored setting', storedSettings, (s) => !!s);
    expect(settings).toMatchObject({ siteIgnoredRules: { '127.0.0.1': ['half-width-punct'] } });
  });

  test('add to dictionary: gone at once, stored in the database, applied after a reload', async () => {
    await cardAction(page, '的的', 'add-to-dictionary');
    expect(await highlighted(page)).not.toContain('的的');
    expect(await waitFor('the dictionary', () => message('getDictionary'), (d) => Array.isArray(d) && d.length > 0)).toEqual(['的的']);

    // A fresh page: the ignored rule and the dictionary word stay away, the ignored-once 要要 is back.
    await openFixture('contenteditable', page);
    await page.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), DRAFT);
    expect(await waitFor('the underlines after a reload', () => highlighted(page), (t) => t.length > 0)).toEqual(['發', '展开全部', '要要'].sort());

    // The side panel accepts the word too.
    const panel = await h.context.newPage();
    await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html`);
    await panel.locator('textarea').fill('党支部要要发挥的的作用。');
    const rules = () => panel.locator('li.issue').evaluateAll((items) => items.map((li) => li.textContent ?? ''));
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

  test('password, data-wengao="off", data-gramm="false", spellcheck="false" and code editors stay untouched', async () => {
    await page.evaluate(() => {
      document.body.innerHTML = `
        <input id="pw" type="password">
        <textarea id="off" data-wengao="off"></textarea>
        <div data-wengao="off"><div id="offce" contenteditable="true" style="min-height:30px"></div></div>
        <textarea id="spell" spellcheck="false"></textarea>
        <textarea id="gramm" data-gramm="false"></textarea>
        <div class="cm-editor"><div id="cm" class="cm-content" contenteditable="true" style="min-height:30px"></div></div>
        <textarea id="control"></textarea>`;
    });
    for (const id of ['pw', 'off', 'offce', 'spell', 'gramm', 'cm']) {
      await page.click(`#${id}`);
      await page.keyboard.type('要要的的');
    }
    // The control field, typed last, is checked: by then the others would have been too.
    await page.click('#control');
    await page.keyboard.type('要要');
    await waitFor('the control badge', () => page.evaluate(() => [...document.querySelectorAll('wengao-badge')].map((b) => b.getAttribute('data-count') ?? '')), same(['1']));
    await page.waitForTimeout(400);
    const r = await page.evaluate(() => ({
      badges: document.querySelectorAll('wengao-badge').length,
      mirrors: document.querySelectorAll('wengao-mirror').length,
      highlights: ['error', 'warning', 'info'].reduce((n, k) => n + ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(`wengao-${k}`)?.size ?? 0), 0),
      values: ['pw', 'off', 'spell', 'gramm'].map((id) => (document.getElementById(id) as HTMLInputElement).value),
      texts: ['offce', 'cm'].map((id) => document.getElementById(id)!.textContent),
    }));
    expect(r).toEqual({ badges: 1, mirrors: 1, highlights: 0, values: Array(4).fill('要要的的'), texts: ['要要的的', '要要的的'] });
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
      const wengaoSheets = (l: readonly CSSStyleSheet[]) => l.filter((s) => [...s.cssRules].some((x) => x.cssText.includes('wengao'))).length;
      return { shadow: wengaoSheets(root.adoptedStyleSheets), page: wengaoSheets(document.adoptedStyleSheets), badges: document.querySelectorAll('wengao-badge').length };
    });
    expect(r).toEqual({ shadow: 1, page: 1, badges: 2 });
  });
});

describe('editors in iframes are handled exactly once', () => {
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
        sheets: doc.adoptedStyleSheets.filter((s) => [...s.cssRules].some((x) => x.cssText.includes('wengao'))).length,
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
        sheets: doc.adoptedStyleSheets.filter((s) => [...s.cssRules].some((x) => x.cssText.includes('wengao'))).length,
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
    const allowed = [`${h.origin}/`, `chrome-extension://${h.extensionId}/`, 'data:', 'blob:', 'about:'];
    expect(h.requests.filter((r) => !allowed.some((a) => r.url.startsWith(a)))).toEqual([]);
  });
});
