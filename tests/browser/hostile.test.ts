/**
 * A hostile or careless page against the built extension (issue 10): fixes are written only where the
 * text is still what the rule saw and where the page allows it, and what the page can read or trigger
 * tells it nothing about the writer and cannot act for the writer.
 *
 * Each attack is a small page script; the writer's actions are real (trusted) mouse and keyboard input.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clickShadow, shadowElements } from './closed-shadow';
import { waitFor, type Harness, isLocalRequest, launchWithExtensionPage, underlineAt } from './harness';

type PageWindow = Window & { fixture: { isReady: boolean } };

let h: Harness;
let ext: Page;
beforeAll(async () => ({ h, ext } = await launchWithExtensionPage()));
afterAll(async () => {
  await h?.close();
});

/** Message the background the way the extension's pages do (@webext-core/messaging's wire format). */
async function message(type: string, data?: unknown): Promise<unknown> {
  const r = (await ext.evaluate(([type, data]) => chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() }), [type, data] as const)) as { res: unknown };
  return r.res;
}

/** A blank page of the test server with `html` as its body (the content script checks it). */
async function blankPage(html: string, page?: Page): Promise<Page> {
  const p = page ?? (await h.context.newPage());
  await p.goto(`${h.origin}/p/misc.html`);
  await p.waitForFunction(() => (window as unknown as PageWindow).fixture?.isReady === true, null, { timeout: 30_000 });
  await p.evaluate((html) => {
    document.body.innerHTML = html;
  }, html);
  return p;
}

/** Texts under the extension's underlines (every highlight in the page's registry). */
function underlined(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const [, set] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) for (const r of set) out.push(r.toString());
    return out.sort();
  });
}

const cardOpen = (page: Page) => page.evaluate(() => !!document.querySelector('wengao-card')?.hasAttribute('data-open'));

/** Hover the underline over `text` (real pointer) until the card opens. */
async function hoverCard(page: Page, text: string): Promise<void> {
  const p = await waitFor(`the underline over ${text}`, () => underlineAt(page, text), Boolean);
  await page.mouse.move(2, 2);
  await page.mouse.move(p!.x, p!.y, { steps: 2 });
  await waitFor('the card', () => cardOpen(page), Boolean);
}

/** The card's text (message or notice), read through its closed shadow root. */
async function cardText(page: Page): Promise<string> {
  const [card] = await shadowElements(page, 'wengao-card', { classes: ['card'] });
  return card?.text ?? '';
}

const text = (page: Page, sel: string) =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel) as HTMLElement & { value?: string };
    return el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' ? el.value! : el.textContent!;
  }, sel);

/** What the background forwards on a shortcut (lib/protocol.ts forwardCommand). */
async function command(page: Page, name: 'next-issue' | 'apply-fix'): Promise<void> {
  await page.bringToFront();
  await h.worker.evaluate(async (command) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    await chrome.tabs.sendMessage(tab!.id!, { type: 'wengao:command', command }).catch(() => {});
  }, name);
}

const SENTENCE = '党支部书记要要带头学习。';

describe('a fix is written only where the text is still what the rule saw', () => {
  test('issue 10: 甲乙 inserted while the fix selects its text — 书记 stays, the fix lands on 要要', async () => {
    const page = await blankPage(`<div id="ed" contenteditable="true" style="font:20px/1.6 sans-serif"><p>${SENTENCE}</p></div>`);
    // The page's script on selectionchange (an autosave normaliser, a collaborator's edit arriving).
    await page.evaluate(() => {
      const p = document.querySelector('#ed p')!;
      let done = false;
      document.addEventListener('selectionchange', () => {
        const sel = getSelection();
        if (done || !sel || sel.isCollapsed || !p.contains(sel.anchorNode)) return;
        done = true;
        (p.firstChild as Text).insertData(0, '甲乙');
      });
    });
    await hoverCard(page, '要要');
    await clickShadow(page, 'wengao-card', { tag: 'button', attribute: ['data-action', 'apply'] });
    const after = await waitFor('the fix', () => text(page, '#ed'), (t) => t !== SENTENCE);
    expect(after).toBe('甲乙党支部书记要带头学习。');
    await page.close();
  });

  test('a change next to the fix (where it could have gone into it) refuses: nothing written, 文本已变化，请重新检查', async () => {
    const page = await blankPage(`<div id="ed" contenteditable="true" style="font:20px/1.6 sans-serif"><p>${SENTENCE}</p></div>`);
    await page.evaluate(() => {
      const p = document.querySelector('#ed p')!;
      let done = false;
      document.addEventListener('selectionchange', () => {
        const sel = getSelection();
        if (done || !sel || sel.isCollapsed || !p.contains(sel.anchorNode)) return;
        done = true;
        p.textContent = '党支部书记要要要带头学习。'; // a whole re-render with one more 要 beside the slip
      });
    });
    await hoverCard(page, '要要');
    await clickShadow(page, 'wengao-card', { tag: 'button', attribute: ['data-action', 'apply'] });
    await waitFor('the notice', () => cardText(page), (t) => t.includes('文本已变化，请重新检查'));
    expect(await text(page, '#ed')).toBe('党支部书记要要要带头学习。');
    await page.close();
  });

  test('a page input handler that rewrites the fix: the write is taken back exactly (textarea)', async () => {
    const page = await blankPage('<textarea id="t" rows="4" cols="40" style="font:18px/1.6 sans-serif"></textarea>');
    await page.click('#t');
    await page.keyboard.insertText(SENTENCE);
    await page.evaluate(() => {
      const t = document.getElementById('t') as HTMLTextAreaElement;
      // A normaliser that mangles the fixed text (drops the 要 the fix keeps).
      t.addEventListener('input', () => {
        if (t.value.includes('书记要带')) t.value = t.value.replace('书记要带', '书记带');
      });
    });
    await waitFor('the badge', () => page.evaluate(() => document.querySelector('wengao-badge')?.getAttribute('data-count')), (c) => c === '1');
    await page.keyboard.press('Control+Home');
    await command(page, 'next-issue');
    await waitFor('the card', () => cardOpen(page), Boolean);
    await page.keyboard.press('Enter');
    await waitFor('the notice', () => cardText(page), (t) => t.includes('已撤销'));
    expect(await text(page, '#t')).toBe(SENTENCE);
    await page.close();
  });
});

describe('the page may say no', () => {
  test('a cancelled beforeinput (contenteditable, the native path): nothing written, no second path tried', async () => {
    const page = await blankPage(`<div id="ed" contenteditable="true" style="font:20px/1.6 sans-serif"><p>${SENTENCE}</p></div>`);
    await page.evaluate(() => {
      const w = window as unknown as { seen: string[] };
      w.seen = [];
      document.getElementById('ed')!.addEventListener('beforeinput', (e) => {
        w.seen.push(`${e.inputType}:${e.data}`);
        e.preventDefault();
      });
    });
    await hoverCard(page, '要要');
    await clickShadow(page, 'wengao-card', { tag: 'button', attribute: ['data-action', 'apply'] });
    await waitFor('the notice', () => cardText(page), (t) => t.includes('页面不允许在此处修改'));
    expect(await text(page, '#ed')).toBe(SENTENCE);
    expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual(['insertReplacementText:要']);
    // The fix's text is not left selected (the next key would replace it).
    expect(await page.evaluate(() => getSelection()!.isCollapsed)).toBe(true);
    await page.close();
  });

  test('a cancelled beforeinput in a textarea: nothing written', async () => {
    const page = await blankPage('<textarea id="t" rows="4" cols="40"></textarea>');
    await page.click('#t');
    await page.keyboard.insertText(SENTENCE);
    await page.evaluate(() => document.getElementById('t')!.addEventListener('beforeinput', (e) => e.preventDefault()));
    await waitFor('the badge', () => page.evaluate(() => document.querySelector('wengao-badge')?.getAttribute('data-count')), (c) => c === '1');
    await command(page, 'next-issue');
    await waitFor('the card', () => cardOpen(page), Boolean);
    await page.keyboard.press('Enter');
    await waitFor('the notice', () => cardText(page), (t) => t.includes('页面不允许在此处修改'));
    expect(await text(page, '#t')).toBe(SENTENCE);
    // The apply-fix shortcut at the caret: refused alike, and the writer's selection is given back.
    await page.keyboard.press('Escape');
    await page.focus('#t');
    await page.evaluate(() => (document.getElementById('t') as HTMLTextAreaElement).setSelectionRange(6, 6));
    await command(page, 'apply-fix');
    await waitFor('the notice', () => cardText(page), (t) => t.includes('页面不允许在此处修改'));
    expect(await page.evaluate(() => {
      const t = document.getElementById('t') as HTMLTextAreaElement;
      return [t.value, t.selectionStart, t.selectionEnd];
    })).toEqual([SENTENCE, 6, 6]);
    await page.close();
  });

  test('a textarea whose <fieldset> is disabled after the card opened: nothing written', async () => {
    const page = await blankPage('<fieldset id="fs"><textarea id="t" rows="4" cols="40"></textarea></fieldset>');
    await page.click('#t');
    await page.keyboard.insertText(SENTENCE);
    await waitFor('the badge', () => page.evaluate(() => document.querySelector('wengao-badge')?.getAttribute('data-count')), (c) => c === '1');
    await command(page, 'next-issue');
    await waitFor('the card', () => cardOpen(page), Boolean);
    await page.evaluate(() => {
      (document.getElementById('fs') as HTMLFieldSetElement).disabled = true;
    });
    await page.keyboard.press('Enter');
    await waitFor('the notice', () => cardText(page), (t) => t.includes('页面不允许在此处修改'));
    expect(await text(page, '#t')).toBe(SENTENCE);
    await page.close();
  });

  test('a textarea made read-only by the page during the fix (in its beforeinput handler): nothing written', async () => {
    const page = await blankPage('<textarea id="t" rows="4" cols="40"></textarea>');
    await page.click('#t');
    await page.keyboard.insertText(SENTENCE);
    await page.evaluate(() => {
      const t = document.getElementById('t') as HTMLTextAreaElement;
      t.addEventListener('beforeinput', () => (t.readOnly = true));
    });
    await waitFor('the badge', () => page.evaluate(() => document.querySelector('wengao-badge')?.getAttribute('data-count')), (c) => c === '1');
    await command(page, 'next-issue');
    await waitFor('the card', () => cardOpen(page), Boolean);
    await page.keyboard.press('Enter');
    await waitFor('the notice', () => cardText(page), (t) => t.includes('页面不允许在此处修改'));
    expect(await text(page, '#t')).toBe(SENTENCE);
    await page.close();
  });

  test('contenteditable turned false while the fix selects its text: nothing written', async () => {
    const page = await blankPage(`<div id="ed" contenteditable="true" style="font:20px/1.6 sans-serif"><p>${SENTENCE}</p></div>`);
    await page.evaluate(() => {
      const ed = document.getElementById('ed')!;
      document.addEventListener('selectionchange', () => {
        const sel = getSelection();
        if (sel && !sel.isCollapsed && ed.contains(sel.anchorNode)) ed.contentEditable = 'false';
      });
    });
    await hoverCard(page, '要要');
    await clickShadow(page, 'wengao-card', { tag: 'button', attribute: ['data-action', 'apply'] });
    await waitFor('the notice', () => cardText(page), (t) => t.includes('页面不允许在此处修改'));
    expect(await text(page, '#ed')).toBe(SENTENCE);
    await page.close();
  });
});

describe('the page cannot act for the writer', () => {
  test('synthetic pointer moves and clicks on an underline open no card', async () => {
    const page = await blankPage(`<div id="ed" contenteditable="true" style="font:20px/1.6 sans-serif"><p>${SENTENCE}</p></div>`);
    const at = await waitFor('the underline', () => underlineAt(page, '要要'), Boolean);
    await page.mouse.move(2, 2);
    await page.evaluate(({ x, y }) => {
      const target = document.elementFromPoint(x, y)!;
      for (const type of ['pointermove', 'pointerdown', 'pointerup']) target.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, bubbles: true, composed: true }));
      target.dispatchEvent(new MouseEvent('click', { clientX: x, clientY: y, bubbles: true, composed: true }));
    }, at!);
    // Longer than the hover delay (250 ms) and a frame: a card would be open by now.
    await page.waitForTimeout(700);
    expect(await cardOpen(page)).toBe(false);
    // The writer's own click does open it.
    await page.mouse.click(at!.x, at!.y);
    await waitFor('the card', () => cardOpen(page), Boolean);
    await page.close();
  });

  test('a card covered by the page (a click-through overlay) refuses the click; uncovered, the same click works', async () => {
    const word = '的的';
    const page = await blankPage(`<div id="ed" contenteditable="true" style="font:20px/1.6 sans-serif"><p>党组织${word}作用。</p></div>`);
    await page.click('#ed');
    await hoverCard(page, word);
    // The page lays a look-alike over everything, letting clicks through (pointer-events: none).
    await page.evaluate(() => {
      const cover = document.createElement('div');
      cover.id = 'cover';
      cover.popover = 'manual';
      cover.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;margin:0;border:0;background:#fff;pointer-events:none';
      cover.textContent = '点击任意处继续';
      document.body.append(cover);
      cover.showPopover();
    });
    await page.waitForTimeout(300); // the browser reports the covering (IntersectionObserver v2, ≥ 100 ms)
    await clickShadow(page, 'wengao-card', { tag: 'button', attribute: ['data-action', 'add-to-dictionary'] });
    await waitFor('the refusal note', () => cardText(page), (t) => t.includes('被页面内容遮挡'));
    expect(await message('getDictionary')).toEqual([]);
    expect(await underlined(page)).toContain(word);
    // Uncovered: the writer's click counts.
    await page.evaluate(() => document.getElementById('cover')!.remove());
    await page.waitForTimeout(300);
    await clickShadow(page, 'wengao-card', { tag: 'button', attribute: ['data-action', 'add-to-dictionary'] });
    expect(await waitFor('the word stored', () => message('getDictionary'), (d) => Array.isArray(d) && d.length > 0)).toEqual([word]);
    await message('removeFromDictionary', { word });
    await page.close();
  });

  test('a page greyed out for a day of mourning (filter on <html>): the card still takes 加入词典 (it lives in the top layer)', async () => {
    const word = '的的';
    const page = await blankPage(`<div id="ed" contenteditable="true" style="font:20px/1.6 sans-serif"><p>党组织${word}作用。</p></div>`);
    await page.addStyleTag({ content: 'html { filter: grayscale(1); }' });
    await page.click('#ed');
    await hoverCard(page, word);
    await page.waitForTimeout(300);
    await clickShadow(page, 'wengao-card', { tag: 'button', attribute: ['data-action', 'add-to-dictionary'] });
    expect(await waitFor('the word stored', () => message('getDictionary'), (d) => Array.isArray(d) && d.length > 0)).toEqual([word]);
    await message('removeFromDictionary', { word });
    await page.close();
  });

  test('a cover laid at pointerdown, just before the click lands, is caught too (忽略此规则: stored for the site)', async () => {
    const page = await blankPage(`<div id="ed" contenteditable="true" style="font:20px/1.6 sans-serif"><p>${SENTENCE}</p></div>`);
    await hoverCard(page, '要要');
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      window.addEventListener(
        'pointerdown',
        () => {
          const cover = document.createElement('div');
          cover.popover = 'manual';
          cover.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;margin:0;border:0;background:#fff;pointer-events:none';
          document.body.append(cover);
          cover.showPopover();
        },
        { capture: true, once: true },
      );
    });
    await clickShadow(page, 'wengao-card', { tag: 'button', attribute: ['data-action', 'ignore-rule'] });
    await waitFor('the refusal note', () => cardText(page), (t) => t.includes('被页面内容遮挡'));
    expect(await underlined(page)).toContain('要要');
    expect(await ext.evaluate(() => chrome.storage.local.get('settings').then((s) => JSON.stringify((s.settings as { siteIgnoredRules?: object } | undefined)?.siteIgnoredRules ?? {})))).not.toContain('repeated-word');
    await page.close();
  });

  test("the framework's start event, sent by the page with the extension's ID, does not stop the checker; no start message reaches the page", async () => {
    const page = await h.context.newPage();
    // Everything posted to the page's window from the first moment on (a page script in <head> sees it too).
    await page.addInitScript(() => {
      const w = window as unknown as { posted: string[] };
      w.posted = [];
      window.addEventListener('message', (e) => w.posted.push(JSON.stringify(e.data)));
    });
    await blankPage('<textarea id="t" rows="4" cols="40"></textarea>', page);
    await page.evaluate((id) => {
      // WXT's content-script wrapper (used by earlier builds) stopped on this event; the scripts no longer
      // use it, and this guards against a wrapper that listens to the page coming back under any of their names.
      for (const name of ['content', 'content-watch', 'editor-checker', 'page-bridge', 'snippet-save']) {
        const type = `${id}:${name}:wxt:content-script-started`;
        document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: name, messageId: 'page' } }));
        window.postMessage({ type, contentScriptName: name, messageId: 'page' }, '*');
      }
    }, h.extensionId);
    await page.click('#t');
    await page.keyboard.insertText(SENTENCE);
    expect(await waitFor('the underline after the abort event', () => page.evaluate(() => document.querySelector('wengao-badge')?.getAttribute('data-count')), (c) => c === '1')).toBe('1');
    const posted = await page.evaluate(() => (window as unknown as { posted: string[] }).posted);
    expect(posted.filter((m) => m.includes(h.extensionId) && !m.includes('"messageId":"page"'))).toEqual([]);
    await page.close();
  });
});

describe('what the page can read', () => {
  test('the dictionary probe: a planted word is underlined alike whether or not the writer added it; in the editor the writer uses, the dictionary applies', async () => {
    await ext.evaluate(() => chrome.storage.local.set({ wengaoExposeState: false }));
    expect(await message('addToDictionary', { word: '的的' })).toBe(true);
    const page = await blankPage(
      '<div id="probe" contenteditable="true" style="font:16px sans-serif"><p>党组织的的作用，我们要要学习。</p></div>' +
        '<div id="mine" contenteditable="true" style="font:16px sans-serif"><p>发挥的的作用。</p></div>',
    );
    // The page's probe (never touched by the writer): 的的 is underlined as for anyone.
    const probe = () =>
      page.evaluate(() => {
        const out: string[] = [];
        const el = document.getElementById('probe')!;
        for (const [, set] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) for (const r of set) if (el.contains(r.startContainer)) out.push(r.toString());
        return out.sort();
      });
    expect(await waitFor('the probe checked', probe, (t) => t.length === 2)).toEqual(['的的', '要要'].sort());
    // The writer's editor: once used, the word added to the dictionary is not underlined.
    await page.click('#mine');
    await page.keyboard.press('End');
    const mine = () =>
      page.evaluate(() => {
        const el = document.getElementById('mine')!;
        const out: string[] = [];
        for (const [, set] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) for (const r of set) if (el.contains(r.startContainer)) out.push(r.toString());
        return out;
      });
    await page.keyboard.type('要要');
    expect(await waitFor('the writer editor checked', mine, (t) => t.length === 1 && t[0] === '要要')).toEqual(['要要']);
    expect(await underlined(page)).toEqual(['的的', '要要', '要要'].sort());

    // Nothing page-readable names the extension's rules, categories or counts.
    const readable = await page.evaluate(() => ({
      names: [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()],
      badges: [...document.querySelectorAll('wengao-badge')].map((b) => b.getAttributeNames().filter((a) => a !== 'style')),
      titles: [...document.querySelectorAll('wengao-badge, wengao-card')].map((b) => b.getAttribute('title')),
      card: document.querySelector('wengao-card')?.getAttributeNames() ?? [],
    }));
    expect(readable.names.length).toBeGreaterThan(0);
    for (const name of readable.names) expect(name).toMatch(/^h[0-9a-z]{9}$/);
    expect(readable.badges.flat()).toEqual([]);
    expect(readable.titles.filter(Boolean)).toEqual([]);
    expect(readable.card.filter((a) => a !== 'style' && a !== 'data-open')).toEqual([]);
    // Another page load: other names.
    const again = await blankPage('<div contenteditable="true"><p>我们要要学习。</p></div>');
    await waitFor('checked', () => underlined(again), (t) => t.length === 1);
    const names2 = await again.evaluate(() => [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()]);
    expect(names2.some((n) => readable.names.includes(n))).toBe(false);
    await again.close();
    await page.close();
    await message('removeFromDictionary', { word: '的的' });
    await ext.evaluate(() => chrome.storage.local.set({ wengaoExposeState: true }));
  });

  test('the dictionary probe through the wrong-character tier: a planted, never-used editor is underlined as with an empty dictionary', async () => {
    // The tier (lib/lm, in the background) knows the writer's words; a page that plants 练习群众 in an
    // editor and reads the underlines must not learn whether the personal dictionary holds it.
    const TYPO = '党员干部要密切练习群众，虚心听取意见。';
    const OTHER = '各级党组织书记要发挥代头作用，当好表率。'; // a second tier finding, not in the dictionary
    const html =
      `<div id="probe" contenteditable="true" style="font:16px sans-serif"><p>${TYPO}</p><p>${OTHER}</p></div>` +
      `<div id="mine" contenteditable="true" style="font:16px sans-serif"><p>${TYPO}</p><p>${OTHER}</p></div>`;
    const inEditor = (page: Page, id: string) =>
      page.evaluate((id) => {
        const el = document.getElementById(id)!;
        const out: string[] = [];
        for (const [, set] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) for (const r of set) if (el.contains(r.startContainer)) out.push(r.toString());
        return out.sort();
      }, id);
    expect(((await message('getDictionary')) as string[]).includes('练习群众')).toBe(false);
    const before = await blankPage(html);
    const empty = await waitFor('the probe with an empty dictionary', () => inEditor(before, 'probe'), (t) => t.includes('练习') && t.includes('代'), 20_000);
    expect(empty).toEqual(['代', '练习']);
    await before.close();

    expect(await message('addToDictionary', { word: '练习群众' })).toBe(true);
    const page = await blankPage(html);
    // The page's editors, never touched: the same underlines as with an empty dictionary.
    expect(await waitFor('the probe with the word in the dictionary', () => inEditor(page, 'probe'), (t) => t.includes('代'), 20_000)).toEqual(empty);
    expect(await waitFor('the other editor, not yet used', () => inEditor(page, 'mine'), (t) => t.length === 2, 20_000)).toEqual(empty);
    // The writer comes to the second editor: there the dictionary applies (练习群众 is accepted; 代 stays).
    await page.click('#mine');
    await page.keyboard.press('End');
    expect(await waitFor('the writer editor with the dictionary', () => inEditor(page, 'mine'), (t) => t.length === 1, 20_000)).toEqual(['代']);
    expect(await inEditor(page, 'probe')).toEqual(empty);
    await page.close();
    await message('removeFromDictionary', { word: '练习群众' });
  });

  test('a dictionary write that fails is shown in the card, and the word comes back (last: it fills the dictionary)', async () => {
    // The dictionary at its limit (10,000 words, imported from the extension's side): the next word is refused.
    const room = 10_000 - ((await message('getDictionary')) as string[]).length;
    const words = Array.from({ length: room }, (_, i) => `词${i.toString(36)}`);
    expect(await message('importDictionary', { words })).toEqual({ added: room, skipped: 0 });
    const page = await blankPage('<div id="ed" contenteditable="true" style="font:20px/1.6 sans-serif"><p>党组织的的作用。</p></div>');
    await page.click('#ed');
    await hoverCard(page, '的的');
    await page.waitForTimeout(250);
    await clickShadow(page, 'wengao-card', { tag: 'button', attribute: ['data-action', 'add-to-dictionary'] });
    expect(await waitFor('the notice', () => cardText(page), (t) => t.includes('未能保存'))).toContain('个人词典已满');
    expect(((await message('getDictionary')) as string[]).includes('的的')).toBe(false);
    // Not saved: the underline the card took away comes back at once.
    expect(await waitFor('the underline back', () => underlined(page), (t) => t.includes('的的'))).toEqual(['的的']);
    await page.close();
  });
});

describe('over the whole suite', () => {
  test('no console errors, no network request beyond the local server and the extension', () => {
    expect(h.consoleErrors.join('\n')).toBe('');
    expect(h.requests.filter((r) => !isLocalRequest(h, r.url)).map((r) => r.url)).toEqual([]);
  });
});
