/**
 * The side panel follows the writer: for a tab with an editor (the fixture pages of tests/browser-editors),
 * the panel page (pinned to that tab with ?tab=N, as a side panel would follow its window's active tab)
 * lists the issues the page's content script found, updates as the writer types, applies a fix through
 * the page's editor (Ctrl+Z restores), applies a whole group after a preview, locates an issue, shows the
 * outline with a missing section and inserts its heading. Screenshots in light and dark go to .tmp/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, ROOT, waitFor, type Harness } from './harness';

type PageWindow = Window & { fixture: { isReady: boolean; root(): HTMLElement; setParagraphs(p: string[]): Promise<void>; modelText(): string } };

const DRAFT = [
  '关于加强基层党支部建设的调研报告',
  '一、存在的问题',
  '一些支部“三会一课”落实不到位,组织生活流于形式,党员教育管理不够严格。我们要要认真学习贯彻会议精神，全面发挥党组织的的战斗堡垒作用,推动各项工作落实落地。',
  '二、对策建议',
  '要严格落实组织生活制度，推进党建工作规范化。',
];

let h: Harness;
let page: Page;
let panel: Page;
let tabId: number;

async function openFixture(name: string, p?: Page): Promise<Page> {
  const target = p ?? (await h.context.newPage());
  await target.goto(`${h.origin}/p/${name}.html`);
  await target.waitForFunction(() => (window as unknown as PageWindow).fixture?.isReady === true, null, { timeout: 30_000 });
  return target;
}

/** The browser's id of the tab showing `p` (brought to the front: without the "tabs" permission URLs are hidden). */
async function tabIdOf(p: Page): Promise<number> {
  await p.bringToFront();
  return h.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
}

const value = () => page.evaluate(() => ((window as unknown as PageWindow).fixture.root() as HTMLTextAreaElement).value);
const rowTexts = () => panel.locator('.view li.issue').evaluateAll((items) => items.map((li) => li.textContent ?? ''));
const issueCount = async () => Number((await panel.locator('[data-testid="issue-count"]').textContent().catch(() => '')) || -1);

beforeAll(async () => {
  h = await launch();
  page = await openFixture('textarea');
  await page.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), DRAFT);
  await page.click('#editor');
  tabId = await tabIdOf(page);
  panel = await h.context.newPage();
  await panel.setViewportSize({ width: 420, height: 1000 });
  await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tab=${tabId}`);
});
afterAll(async () => {
  await h?.close();
});

describe('side panel following the page editor', () => {
  test('lists the editor’s issues grouped by kind, with sentences and width labels, in 14 px', async () => {
    const rows = await waitFor('the page editor’s issues in the panel', rowTexts, (r) => r.some((t) => t.includes('要要')));
    expect(rows.some((t) => t.includes('的的'))).toBe(true);
    // Groups in writers' words; no rule id anywhere in the text.
    const groups = await panel.locator('.group .toggle').allTextContents();
    expect(groups.some((g) => g.includes('重复'))).toBe(true);
    expect(groups.some((g) => g.includes('标点'))).toBe(true);
    const body = (await panel.locator('main').textContent()) ?? '';
    for (const id of ['repeated-word', 'half-width-punct', 'de-di-de']) expect(body).not.toContain(id);
    // The sentence around the issue, the span marked.
    const marked = await panel.locator('li.issue mark').allTextContents();
    expect(marked).toContain('要要');
    // A half-width comma and its fix are labelled 半角 / 全角.
    const punct = panel.locator('.group[data-kind="punctuation"]');
    await expect.poll(() => punct.locator('del .width').first().textContent()).toBe('半角');
    expect(await punct.locator('ins .width').first().textContent()).toBe('全角');
    // Text sizes: the body and the rows are 14 px, not the 10.5 px extension pages inherit.
    const sizes = await panel.evaluate(() => [document.body, document.querySelector('.sentence')!, document.querySelector('.message')!].map((e) => getComputedStyle(e).fontSize));
    expect(sizes).toEqual(['14px', '14px', '14px']);
    expect(await panel.textContent('[data-testid="source"]')).toContain('正在查看');
  });

  test('screenshots, light and dark', async () => {
    const dir = path.join(ROOT, '.tmp');
    mkdirSync(dir, { recursive: true });
    await panel.click('#tab-issues');
    await panel.emulateMedia({ colorScheme: 'light' });
    await panel.screenshot({ path: path.join(dir, 'sidepanel-light.png'), fullPage: true });
    await panel.emulateMedia({ colorScheme: 'dark' });
    const bg = await panel.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(bg).toBe('rgb(13, 17, 23)');
    await panel.screenshot({ path: path.join(dir, 'sidepanel-dark.png'), fullPage: true });
    await panel.emulateMedia({ colorScheme: 'light' });
  });

  test('typing a new slip in the page adds it live', async () => {
    const before = await issueCount();
    await page.click('#editor');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('党员要要带头。');
    await waitFor('the typed slip in the panel', issueCount, (n) => n > before, 10_000);
    await waitFor('its row', rowTexts, (r) => r.filter((t) => t.includes('要要')).length >= 2);
  });

  test('locate selects the issue in the page; apply changes the editor, Ctrl+Z restores', async () => {
    const row = panel.locator('li.issue', { has: panel.locator('mark', { hasText: /^的的$/ }) }).first();
    await row.locator('button[data-action="locate"]').click();
    const sel = await waitFor(
      'the selection in the page',
      () => page.evaluate(() => { const t = (window as unknown as PageWindow).fixture.root() as HTMLTextAreaElement; return t.value.slice(t.selectionStart, t.selectionEnd); }),
      (s) => s === '的的',
    );
    expect(sel).toBe('的的');

    await row.locator('button[data-action="apply"]').click();
    await waitFor('the fix in the page', value, (v) => !v.includes('的的'));
    expect(await value()).toContain('党组织的战斗堡垒');
    await waitFor('the panel without it', rowTexts, (r) => !r.some((t) => t.includes('的的')));

    await page.bringToFront();
    await page.click('#editor');
    await page.keyboard.press('Control+z');
    await waitFor('the undo in the page', value, (v) => v.includes('党组织的的战斗堡垒'));
    // The page re-checks the restored text and the panel follows.
    await waitFor('the restored slip in the panel', rowTexts, (r) => r.some((t) => t.includes('的的')), 10_000);
  });

  test('apply all in a group: preview first, then every half-width comma fixed', async () => {
    const punct = panel.locator('.group[data-kind="punctuation"]');
    await waitFor('the punctuation group', () => punct.count(), (n) => n === 1);
    await punct.locator('[data-testid="apply-all"]').click();
    const preview = punct.locator('[data-testid="preview"]');
    await preview.waitFor();
    const hunks = await preview.locator('.hunks li').count();
    expect(hunks).toBeGreaterThan(0);
    expect(await preview.locator('.minus del').first().textContent()).toBe(',');
    expect(await preview.locator('.plus ins').first().textContent()).toBe('，');
    // The changed sentences read at 14 px, like the rows.
    expect(await preview.locator('.hunks p').first().evaluate((e) => getComputedStyle(e).fontSize)).toBe('14px');
    expect(await value()).toContain(','); // nothing written yet
    await preview.locator('[data-testid="confirm-apply"]').click();
    await waitFor('every comma fixed in the page', value, (v) => !v.includes(','));
    await expect.poll(() => panel.textContent('[data-testid="status"]')).toMatch(/已应用 \d+ 处/);
  });

  test('the outline shows the headings with roles and inserts a missing section', async () => {
    await panel.click('#tab-outline');
    const tree = panel.locator('.tree li.heading');
    await waitFor('the outline', () => tree.count(), (n) => n >= 2);
    expect(await tree.first().textContent()).toContain('存在的问题');
    const missing = panel.locator('.missing-section');
    await waitFor('a missing section', () => missing.count(), (n) => n > 0);
    const causes = panel.locator('.missing-section[data-role="causes"]');
    expect(await causes.count()).toBe(1);
    mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
    await panel.screenshot({ path: path.join(ROOT, '.tmp', 'sidepanel-outline.png'), fullPage: true });
    await causes.locator('[data-testid="insert-heading"]').click();
    await waitFor('the heading in the page', value, (v) => /\n二、[^\n]+\n二、对策建议/.test(v));
    await waitFor('the outline without the missing causes', () => panel.locator('.missing-section[data-role="causes"]').count(), (n) => n === 0, 10_000);
  });

  test('a theme’s typical sentence inserts at the caret in the page', async () => {
    await page.bringToFront();
    await page.click('#editor');
    await page.keyboard.press('Control+End');
    await panel.click('#tab-themes');
    const button = panel.locator('[data-testid="insert-text"]').first();
    await button.waitFor({ timeout: 15_000 });
    await button.click();
    const status = await waitFor('the insert status', () => panel.locator('.themes .status').textContent().catch(() => ''), (t) => !!t && t.startsWith('已插入：'));
    const inserted = status!.slice('已插入：'.length);
    await waitFor('the sentence at the end of the page’s text', value, (v) => v.endsWith(inserted));
  });

  test('☆ keeps a theme’s sentence or phrasing as a snippet (source corpus, the theme as a tag), from the keyboard', async () => {
    await panel.click('#tab-themes');
    const first = panel.locator('.missing-theme .phrasing [data-testid="save-snippet"]').first();
    await first.waitFor({ timeout: 15_000 });
    // The list follows the page's text, and the sentence the previous test inserted may still be on its way
    // to the panel: a star read before that re-render can be gone (or be another theme's) by the time Enter
    // lands. Wait until the themes read the same twice, a page check apart.
    const themesText = () => panel.locator('[data-testid="themes"]').textContent();
    let settled = await themesText();
    for (;;) {
      await panel.waitForTimeout(700);
      const now = await themesText();
      if (now === settled) break;
      settled = now;
    }
    // The phrasing and its theme, read from the button itself.
    const [phrasing, name] = await first.evaluate((b) => [
      (b.parentElement!.firstChild!.textContent ?? '').replace(/^；/, ''),
      b.closest('.missing-theme')!.querySelector('.name')!.textContent ?? '',
    ]);
    const star = panel.locator('.missing-theme .phrasing', { hasText: phrasing! }).locator('[data-testid="save-snippet"]').first();
    await star.focus();
    await panel.keyboard.press('Enter');
    await waitFor('the saved status', () => panel.locator('.themes .status').textContent().catch(() => ''), (t) => t === `已存为常用语：${phrasing}`);
    await panel.emulateMedia({ colorScheme: 'dark' });
    await panel.screenshot({ path: path.join(ROOT, '.tmp', 'sidepanel-themes-star-dark.png') });
    await panel.emulateMedia({ colorScheme: 'light' });
    await panel.screenshot({ path: path.join(ROOT, '.tmp', 'sidepanel-themes-star-light.png') });
    const list = await panel.evaluate(() =>
      chrome.runtime.sendMessage({ id: 1, type: 'listSnippets', data: { offset: 0, limit: 100 }, timestamp: Date.now() }).then((r: { res?: { snippets: { body: string; source: string; tags: string[] }[] } }) => r.res!.snippets),
    );
    expect(list).toContainEqual(expect.objectContaining({ body: phrasing, source: 'corpus', tags: [name] }));
    // Again: the same text is not saved twice.
    await panel.locator('.phrasing', { hasText: phrasing! }).locator('[data-testid="save-snippet"]').first().click();
    await waitFor('the exists status', () => panel.locator('.themes .status').textContent().catch(() => ''), (t) => t === `常用语中已有：${phrasing}`);
  });

  test('keyboard: arrows move between tabs and rows', async () => {
    await panel.click('#tab-outline');
    await panel.keyboard.press('ArrowLeft');
    expect(await panel.getAttribute('#tab-issues', 'aria-selected')).toBe('true');
    expect(await panel.evaluate(() => document.activeElement?.id)).toBe('tab-issues');
    const first = panel.locator('li.issue[data-row]').first();
    await first.focus();
    await panel.keyboard.press('ArrowDown');
    expect(await panel.evaluate(() => document.activeElement?.hasAttribute('data-row'))).toBe(true);
  });

  test('a tab without an editor shows what to do; the paste box is the 草稿检查 view', async () => {
    const blank = await h.context.newPage();
    await blank.goto(`${h.origin}/p/misc.html`);
    const id = await tabIdOf(blank);
    const other = await h.context.newPage();
    await other.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tab=${id}`);
    await other.locator('[data-testid="empty-state"]').waitFor();
    expect(await other.textContent('[data-testid="empty-state"]')).toContain('草稿检查');
    await other.click('#tab-draft');
    await other.fill('textarea', '党支部要要发挥作用,推动工作。');
    await waitFor('the draft’s issues', () => other.locator('.draft li.issue').count(), (n) => n >= 2);
    await other.close();
    await blank.close();
  });
});

describe('side panel: the other actions a writer reaches', () => {
  test('忽略 (the I key on a row) drops that row, the others of its rule stay', async () => {
    const p = await openFixture('textarea');
    await p.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), ['我们要要认真学习，党员要要带头，全面发挥党组织的的战斗堡垒作用。']);
    await focusEditor(p);
    const view = await panelFor(p);
    const marks = () => view.locator('li.issue mark').allTextContents().catch(() => [] as string[]);
    await waitFor('both 要要 listed', marks, (m) => m.filter((t) => t === '要要').length === 2 && m.includes('的的'), 30_000);
    const rep = view.locator('.group[data-kind="repetition"]');
    const row = rep.locator('li.issue', { has: view.locator('mark', { hasText: /^要要$/ }) }).first();
    // From the keyboard: the row focused, I ignores it.
    await view.bringToFront();
    await row.focus();
    await view.keyboard.press('i');
    await waitFor('one 要要 left', marks, (m) => m.filter((t) => t === '要要').length === 1 && m.includes('的的'), 10_000);
    expect(await rep.locator('[data-testid="group-count"]').textContent()).toBe('2');
    await view.close();
    await p.close();
  });

  test('apply all: the page’s text changed after the preview — nothing is written and the panel says so', async () => {
    const { p, view, punct } = await openPunctuationGroup('textarea', SPREAD);
    await punct.locator('[data-testid="apply-all"]').click();
    await punct.locator('[data-testid="preview"]').waitFor();
    // A script of the page rewrites the text (no input event: the checker has not seen it when 应用 arrives).
    const changed = await p.evaluate(() => {
      const t = (window as unknown as PageWindow).fixture.root() as HTMLTextAreaElement;
      t.value = `前言。${t.value}`;
      return t.value;
    });
    await punct.locator('[data-testid="confirm-apply"]').click();
    const status = await waitFor('the panel’s word', () => view.locator('[data-testid="status"]').textContent({ timeout: 500 }).catch(() => ''), (t) => !!t && t.includes('文本已变化'), 15_000);
    expect(status).toContain('没有写入');
    expect(await value2(p)()).toBe(changed);
    await view.close();
    await p.close();
  });

  test('结构 marks a skipped heading number; a covered theme’s keyword locates its words in the page', async () => {
    const p = await openFixture('textarea');
    await p.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), [
      '关于加强基层党支部建设的调研报告',
      '一、存在的问题',
      '一些支部“三会一课”落实不到位，组织生活流于形式，党员教育管理不够严格。',
      '三、对策建议',
      '要严格落实“三会一课”制度，推进党建工作规范化，加强党员教育管理。',
    ]);
    await focusEditor(p);
    const view = await panelFor(p);
    await view.click('#tab-outline');
    const skipped = view.locator('.tree li.heading', { hasText: '对策建议' });
    await waitFor('the 三、 heading', () => skipped.count(), (n) => n === 1, 30_000);
    await waitFor('its numbering problem', () => skipped.locator('.problem').count(), (n) => n > 0, 10_000);
    expect((await skipped.locator('.problem').first().textContent()) ?? '').not.toMatch(/[a-z]+-[a-z]+/);
    await view.click('#tab-themes');
    const keyword = view.locator('.covered-theme .keyword').first();
    await keyword.waitFor({ timeout: 30_000 });
    const word = (await keyword.textContent())!;
    await keyword.click();
    const selected = await waitFor(
      'the keyword selected in the page',
      () => p.evaluate(() => { const t = (window as unknown as PageWindow).fixture.root() as HTMLTextAreaElement; return t.value.slice(t.selectionStart, t.selectionEnd); }),
      (s) => s.length > 0,
      10_000,
    );
    expect(selected).toBe(word);
    await view.close();
    await p.close();
  });

  test('no rule id in any tab of the panel (names and tooltips say what a check is)', async () => {
    const { RULE_CATALOG } = await import('@/lib/rule-catalog');
    const p = await openFixture('textarea');
    await p.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), [...DRAFT, '社会各届 發挥 作用  展开全部', '（三）落实', '1.再落实']);
    await focusEditor(p);
    const view = await panelFor(p);
    await waitFor('the issues', () => view.locator('li.issue').count(), (n) => n > 3, 30_000);
    for (const tab of ['issues', 'outline', 'themes', 'snippets', 'draft']) {
      await view.click(`#tab-${tab}`);
      await view.waitForTimeout(300);
      const text = await view.evaluate(() => document.body.innerText);
      for (const { id } of RULE_CATALOG) expect(text, `${id} on the ${tab} tab`).not.toContain(id);
    }
    await view.close();
    await p.close();
  });
});

describe('side panel on a rich editor', () => {
  test('Quill: the panel lists its issues and a fix from the panel changes Quill’s own model', async () => {
    const q = await openFixture('quill');
    await q.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), DRAFT);
    await q.click('.ql-editor');
    const id = await tabIdOf(q);
    const view = await h.context.newPage();
    await view.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tab=${id}`);
    const marks = () => view.locator('li.issue mark').allTextContents();
    await waitFor('Quill’s issues in the panel', marks, (m) => m.includes('的的'), 15_000);
    expect(await view.textContent('[data-testid="source"]')).toContain('正在查看');
    const row = view.locator('li.issue', { has: view.locator('mark', { hasText: /^的的$/ }) }).first();
    await row.locator('button[data-action="apply"]').click();
    const model = () => q.evaluate(() => (window as unknown as PageWindow).fixture.modelText());
    await waitFor('the fix in Quill’s model', model, (t) => t.includes('党组织的战斗堡垒'), 10_000);
    await waitFor('the panel without it', marks, (m) => !m.includes('的的'), 10_000);
    await view.close();
    await q.close();
  });
});

describe('switching editors', () => {
  test('the panel shows the editor the writer is in, and switches with the focus', async () => {
    const p = await h.context.newPage();
    await p.goto(`${h.origin}/practice.html`);
    await p.click('#practice-editable');
    await p.keyboard.press('Control+End');
    await p.keyboard.type('我们我们要讲党课。');
    const id = await tabIdOf(p);
    const view = await h.context.newPage();
    await view.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tab=${id}`);
    const marks = () => view.locator('li.issue mark').allTextContents();
    await waitFor('the contenteditable’s slip', marks, (m) => m.some((t) => t.includes('我们我们')), 15_000);
    await p.bringToFront();
    await p.click('#practice-textarea');
    await waitFor('the textarea’s issues instead', marks, (m) => m.length > 0 && !m.some((t) => t.includes('我们我们')), 15_000);
    await p.click('#practice-editable');
    await waitFor('back to the contenteditable', marks, (m) => m.some((t) => t.includes('我们我们')), 15_000);
    await view.close();
    await p.close();
  });

  test('an editor in a frame: the panel follows the writer from the page into the frame and back', async () => {
    const p = await h.context.newPage();
    const html = (body: string) => ({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><meta charset="utf-8"><title>草稿</title>${body}` });
    await p.route('**/framed.html', (r) => r.fulfill(html('<textarea id="top" rows="3">党员要要发挥先锋模范作用。</textarea><iframe id="inner" src="framed-child.html" width="500" height="160"></iframe>')));
    // The frame comes late (as a slow editor frame does): its checker starts after the panel began watching.
    let frameAsked!: () => void;
    const panelWatching = new Promise<void>((resolve) => (frameAsked = resolve));
    await p.route('**/framed-child.html', async (r) => {
      await panelWatching;
      await r.fulfill(html('<div id="ce" contenteditable="true">我们我们要把学习成果转化为实际行动。</div>'));
    });
    await p.goto(`${h.origin}/framed.html`, { waitUntil: 'domcontentloaded' });
    const view = await panelFor(p);
    await waitFor('the page’s textarea listed', () => view.locator('li.issue mark').allTextContents(), (m) => m.includes('要要'), 20_000);
    frameAsked();
    await p.frameLocator('#inner').locator('#ce').waitFor();
    const marks = () => view.locator('li.issue mark').allTextContents();
    await p.bringToFront();
    await p.click('#top');
    await waitFor('the page’s textarea', marks, (m) => m.includes('要要') && !m.some((t) => t.includes('我们我们')), 20_000);
    await p.frameLocator('#inner').locator('#ce').click();
    await waitFor('the frame’s editor instead', marks, (m) => m.some((t) => t.includes('我们我们')) && !m.includes('要要'), 20_000);
    // A fix from the panel lands in the frame's editor.
    await view.locator('li.issue', { has: view.locator('mark', { hasText: '我们我们' }) }).first().locator('button[data-action="apply"]').click();
    await waitFor('the fix in the frame', () => p.frameLocator('#inner').locator('#ce').textContent(), (t) => t === '我们要把学习成果转化为实际行动。', 10_000);
    await p.bringToFront();
    await p.click('#top');
    await waitFor('back to the page’s textarea', marks, (m) => m.includes('要要'), 20_000);
    await view.close();
    await p.close();
  });

  test('an editor the writer was already in when the checker loaded is the one the panel shows', async () => {
    const p = await h.context.newPage();
    await p.route('**/late.html', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><meta charset="utf-8"><title>草稿</title><main></main>' }));
    await p.goto(`${h.origin}/late.html`);
    // Two editors appear at once and the writer is in the second before the checker's file has loaded
    // (it is imported only once an editor shows up): no focusin reaches the checker.
    await p.evaluate(() => {
      const t = document.createElement('textarea');
      t.value = '全面发挥党组织的的战斗堡垒作用。';
      const e = document.createElement('div');
      e.contentEditable = 'true';
      e.textContent = '我们我们要讲党课。';
      document.querySelector('main')!.append(t, e);
      e.focus();
    });
    const view = await panelFor(p);
    const marks = () => view.locator('li.issue mark').allTextContents();
    await waitFor('the focused contenteditable’s slip', marks, (m) => m.some((t) => t.includes('我们我们')), 15_000);
    expect(await marks()).not.toContain('的的');
    await view.close();
    await p.close();
  });
});

/** Half-width commas in three paragraphs: an apply-all whose fixes lie in different blocks of a rich editor. */
const SPREAD = [
  '关于加强机关党建工作的几点思考',
  '一是理论学习要深入,把学习成果转化为推动工作的实际行动。',
  '二是作风建设要从严,坚持问题导向,持续纠治形式主义。',
  '三是制度执行要到位,确保各项要求落地见效。',
];

/**
 * Focus the fixture's editor as a writer does, with a click near its top left (a script's focus() alone is
 * not always seen by a page in a busy browser); TinyMCE's body is in its iframe.
 */
async function focusEditor(p: Page): Promise<void> {
  await p.bringToFront();
  const at = await p.evaluate(() => {
    const root = (window as unknown as PageWindow).fixture.root();
    const r = root.getBoundingClientRect();
    const frame = root.ownerDocument.defaultView?.frameElement?.getBoundingClientRect();
    return { x: r.left + (frame?.left ?? 0) + 12, y: r.top + (frame?.top ?? 0) + 12 };
  });
  await p.mouse.click(at.x, at.y);
}

async function panelFor(p: Page): Promise<Page> {
  const id = await tabIdOf(p);
  const view = await h.context.newPage();
  await view.setViewportSize({ width: 420, height: 1000 });
  await view.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tab=${id}`);
  return view;
}

/**
 * A fixture holding `paragraphs`, its editor focused as a writer does, and a panel on its tab showing the
 * punctuation group's 全部应用; `model` reads the editor's own model, `original` is its text before any fix.
 */
async function openPunctuationGroup(name: string, paragraphs: string[]) {
  const p = await openFixture(name);
  await p.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), paragraphs);
  await focusEditor(p);
  const model = () => p.evaluate(() => (window as unknown as PageWindow).fixture.modelText());
  const original = await model();
  const view = await panelFor(p);
  const punct = view.locator('.group[data-kind="punctuation"]');
  await waitFor('the punctuation group’s apply all', () => punct.locator('[data-testid="apply-all"]').count(), (n) => n === 1, 30_000);
  return { p, model, original, view, punct };
}

describe('apply all in a group: one undo step, all or nothing', () => {
  // Text fields and a plain contenteditable (native undo), editors asked to close a level (TinyMCE, CKEditor 4,
  // Quill 1), grouped by time (Quill 2), and editors with one history step per fix (ProseMirror, CKEditor 5,
  // Lexical, Slate).
  for (const name of ['textarea', 'contenteditable', 'quill', 'quill1', 'tinymce', 'ckeditor4', 'ckeditor5', 'tiptap', 'lexical', 'slate']) {
    test(`${name}: the group's fixes written as one step; one Ctrl+Z gives the original text back exactly, one redo the fixes`, async () => {
      const { p, model, original, view, punct } = await openPunctuationGroup(name, SPREAD);
      expect(original.split(',').length - 1).toBe(4);
      // From the keyboard: the preview opens with 应用 focused; Escape closes it, Enter applies.
      await view.bringToFront();
      await punct.locator('[data-testid="apply-all"]').focus();
      await view.keyboard.press('Enter');
      expect(await punct.locator('[data-testid="preview"] .hunks li').count()).toBe(3);
      await waitFor('应用 focused', () => view.evaluate(() => document.activeElement?.getAttribute('data-testid')), (id) => id === 'confirm-apply');
      await view.keyboard.press('Escape');
      await waitFor('the preview closed', () => punct.locator('[data-testid="preview"]').count(), (n) => n === 0);
      expect(await model()).toBe(original);
      // The focus is back on 全部应用.
      expect(await view.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('apply-all');
      await view.keyboard.press('Enter');
      await waitFor('应用 focused', () => view.evaluate(() => document.activeElement?.getAttribute('data-testid')), (id) => id === 'confirm-apply');
      await view.keyboard.press('Enter');
      await waitFor('every comma fixed', model, (t) => !t.includes(','), 20_000);
      expect(await model()).toBe(original.replaceAll(',', '，'));
      await waitFor('the panel’s word', () => view.locator('[data-testid="status"]').textContent({ timeout: 500 }).catch(() => ''), (t) => !!t?.includes('已应用 4 处'), 10_000);

      await focusEditor(p);
      await p.keyboard.press('Control+z');
      // The redo as soon as the text is back, as a quick writer presses it (polled every 2 ms, not 40): where
      // Wengao carries the undo on with replayed keys (ProseMirror, CKEditor 5, Lexical, Slate), the replay
      // may still be running then, and must hand the writer's key on instead of ignoring it.
      await p.waitForFunction((o) => (window as unknown as PageWindow).fixture.modelText() === o, original, { polling: 2, timeout: 10_000 }).catch(() => {});
      expect(await model(), 'one undo restores the whole batch').toBe(original);
      await p.keyboard.press('Control+Shift+z');
      await waitFor('one redo writes the whole batch again', model, (t) => t === original.replaceAll(',', '，'), 10_000);
      await view.close();
      await p.close();
    });
  }

  test('quill (2): a batch whose writes take longer than Quill’s one-second grouping is still one Ctrl+Z', async () => {
    // Quill 2 groups changes made within a second of a group's first change and cannot be asked to close a
    // group: thirty paragraphs, each a write of its own, on a page slowed down, take more than that.
    const paragraphs = ['关于加强机关党建工作的几点思考', ...Array.from({ length: 30 }, (_, i) => `第${i + 1}项工作要抓实,确保各项要求落地见效。`)];
    const { p, model, original, view, punct } = await openPunctuationGroup('quill', paragraphs);
    const cdp = await h.context.newCDPSession(p);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
    const t0 = Date.now();
    await punct.locator('[data-testid="apply-all"]').click();
    await punct.locator('[data-testid="confirm-apply"]').click();
    await waitFor('every comma fixed', model, (t) => !t.includes(','), 60_000);
    const spent = Date.now() - t0;
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    expect(await model()).toBe(original.replaceAll(',', '，'));
    expect(spent, 'the batch took longer than Quill’s grouping window').toBeGreaterThan(1_200);
    await focusEditor(p);
    await p.keyboard.press('Control+z');
    await waitFor('one undo restores the whole batch', model, (t) => t === original, 15_000);
    // Never further than the batch: the text stays the original.
    await p.waitForTimeout(500);
    expect(await model()).toBe(original);
    await p.keyboard.press('Control+Shift+z');
    await waitFor('one redo writes the whole batch again', model, (t) => t === original.replaceAll(',', '，'), 15_000);
    await view.close();
    await p.close();
  }, 120_000);

  test('contenteditable: a fix the page refuses partway takes back what was written, and the panel says so', async () => {
    const { p, model, original, view, punct } = await openPunctuationGroup('contenteditable', SPREAD);
    // The page says no to the third write (its beforeinput cancelled, nothing done): two are written by then.
    await p.evaluate(() => {
      let n = 0;
      (window as unknown as PageWindow).fixture.root().addEventListener('beforeinput', (e) => {
        if ((e as InputEvent).inputType.startsWith('insert') && ++n === 3) e.preventDefault();
      });
    });
    await punct.locator('[data-testid="apply-all"]').click();
    await punct.locator('[data-testid="confirm-apply"]').click();
    const status = await waitFor('the panel’s word', () => view.locator('[data-testid="status"]').textContent().catch(() => ''), (s) => !!s && s.includes('撤回'), 20_000);
    expect(status).toContain('文本与之前相同');
    expect(await model()).toBe(original);
    await view.close();
    await p.close();
  });
});

describe('per-site switch (the toolbar menu’s 在此网站停用/恢复检查, the panel’s button)', () => {
  test('the menu entries exist on the toolbar button; the tab names its site; the panel’s switch stops and resumes checking', async () => {
    // The native menu cannot be opened from a test: its entries are there (update fails for an unknown id).
    const exists = (id: string) => h.worker.evaluate((i) => chrome.contextMenus.update(i, {}).then(() => true, () => false), id);
    expect(await exists('wengao-site-off')).toBe(true);
    expect(await exists('wengao-site-on')).toBe(true);
    expect(await exists('wengao-no-such-entry')).toBe(false);

    const p = await openFixture('textarea');
    await p.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), DRAFT);
    await focusEditor(p);
    const id = await tabIdOf(p);
    // What the menu's click asks the tab first (when no panel knows the site yet).
    const answer = await waitFor('the tab’s site', () => h.worker.evaluate((t) => chrome.tabs.sendMessage(t, { type: 'wengao:site-of' }).catch(() => null), id), (a) => !!a, 15_000);
    expect(answer).toEqual({ site: '127.0.0.1' });

    const view = await panelFor(p);
    const button = view.locator('[data-testid="site-switch"]');
    await waitFor('the switch', () => button.textContent().catch(() => ''), (t) => t === '在此网站停用检查', 15_000);
    await waitFor('the issues', issueCountOf(view), (n) => n > 0, 15_000);
    await button.focus();
    await view.keyboard.press('Enter');
    await view.locator('[data-testid="checking-off"]').waitFor({ timeout: 15_000 });
    expect(await button.textContent()).toBe('在此网站恢复检查');
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    const stored = await h.worker.evaluate(() => chrome.storage.local.get('settings'));
    expect((stored.settings as { disabledSites: string[] }).disabledSites).toContain('127.0.0.1');

    await button.click();
    await waitFor('checking again', issueCountOf(view), (n) => n > 0, 15_000);
    expect(await button.textContent()).toBe('在此网站停用检查');
    await view.close();
    await p.close();
  });
});

const issueCountOf = (view: Page) => async () => Number((await view.locator('[data-testid="issue-count"]').textContent({ timeout: 500 }).catch(() => '')) || -1);

describe('the wrong-character tier in the panel', () => {
  test('a wrong character the model finds is listed under 错别字 with its fix, like the rules’ issues', async () => {
    const p = await openFixture('textarea');
    await p.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), ['党员干部要密切练习群众，虚心听取意见。']);
    await focusEditor(p);
    const view = await panelFor(p);
    const typo = view.locator('.group[data-kind="typo"]');
    await waitFor('the tier’s finding under 错别字', () => typo.locator('li.issue mark').allTextContents().catch(() => []), (m) => m.some((t) => t.includes('练')), 60_000);
    expect(await typo.locator('.toggle').textContent()).toContain('错别字');
    const row = typo.locator('li.issue', { has: view.locator('mark', { hasText: '练' }) }).first();
    expect((await row.locator('.diff ins').allTextContents()).some((t) => t.includes('联'))).toBe(true);
    expect((await row.textContent()) ?? '').not.toContain('wrong-char');
    await row.locator('button[data-action="apply"]').click();
    await waitFor('the fix in the page', value2(p), (v) => v.includes('密切联系群众'), 10_000);
    await view.close();
    await p.close();
  }, 120_000);

  test('a statistical 的/地/得 finding is listed under 的地得 with its own name; 忽略此规则 on it leaves the wrong characters', async () => {
    const p = await openFixture('textarea');
    // 上马地风险: no table of the de-di-de rule lists it; the model's 的/地/得 check does (de-di-de-context).
    await p.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), ['党员干部要密切练习群众，虚心听取意见。', '部分项目存在盲目上马地风险。']);
    await focusEditor(p);
    const view = await panelFor(p);
    const typo = view.locator('.group[data-kind="typo"]');
    const grammar = view.locator('.group[data-kind="grammar"]');
    const marks = (g: typeof typo) => () => g.locator('li.issue mark').allTextContents().catch(() => [] as string[]);
    await waitFor('the 的/地/得 finding under 的地得', marks(grammar), (m) => m.some((t) => t.includes('地')), 60_000);
    await waitFor('the wrong character under 错别字', marks(typo), (m) => m.some((t) => t.includes('练')), 10_000);
    expect(await grammar.locator('.toggle').textContent()).toContain('的地得');
    const row = grammar.locator('li.issue', { has: view.locator('mark', { hasText: '地' }) }).first();
    expect((await row.textContent()) ?? '').not.toContain('de-di-de');
    const ignore = row.locator('button[data-action="ignore-rule"]');
    expect(await ignore.getAttribute('title')).toContain('的、地、得（按上下文）');
    await ignore.click();
    await waitFor('the 的/地/得 finding gone', marks(grammar), (m) => !m.some((t) => t.includes('地')), 10_000);
    // Stored for this site under its own id only; the wrong character stays listed.
    const ignored = await waitFor(
      'the ignore stored',
      () => h.worker.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { siteIgnoredRules?: Record<string, string[]> } | undefined)?.siteIgnoredRules ?? {}),
      (r) => Object.values(r).some((ids) => ids.includes('de-di-de-context')),
    );
    expect(Object.values(ignored).flat()).not.toContain('wrong-char');
    await p.waitForTimeout(500);
    expect((await marks(typo)()).some((t) => t.includes('练'))).toBe(true);
    expect(await marks(grammar)()).toEqual([]);
    await h.worker.evaluate(() => chrome.storage.local.remove('settings'));
    await view.close();
    await p.close();
  }, 120_000);
});

describe('the wrong-character tier in the panel, on a long document', () => {
  test('a wrong character far from the part on screen of a 52,000-character draft is listed too', async () => {
    // Over 50,000 characters the page holds the issues around the part on screen only (issue-window.ts);
    // the panel lists the whole document's, the tier's findings included.
    const paragraphs = [...draftOf(52_000), '党员干部要密切练习群众，虚心听取意见。'];
    const p = await openFixture('textarea');
    await p.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), paragraphs);
    await focusEditor(p);
    await p.keyboard.press('Control+Home');
    const view = await panelFor(p);
    const typo = view.locator('.group[data-kind="typo"]');
    const marks = () => typo.locator('li.issue mark').allTextContents().catch(() => [] as string[]);
    await waitFor(
      'the last paragraph’s wrong character under 错别字',
      async () => {
        // The rows are drawn only where they meet the screen: the last paragraph's is at the end.
        await view.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        return marks();
      },
      (m) => m.some((t) => t.includes('练')),
      120_000,
    );
    const row = typo.locator('li.issue', { has: view.locator('mark', { hasText: '练' }) }).first();
    expect((await row.locator('.diff ins').allTextContents()).some((t) => t.includes('联'))).toBe(true);
    await view.close();
    await p.close();
  }, 180_000);
});

const value2 = (p: Page) => () => p.evaluate(() => ((window as unknown as PageWindow).fixture.root() as HTMLTextAreaElement).value);

describe('switching browser tabs', () => {
  test('a panel that is not pinned follows its window’s active tab', async () => {
    const a = await openFixture('textarea');
    await a.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), ['党员要要发挥先锋模范作用。']);
    const b = await openFixture('contenteditable');
    await b.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), ['我们我们要把学习成果转化为实际行动。']);
    // The panel as a page of the same window (a side panel lives in its window the same way).
    const view = await h.context.newPage();
    await view.goto(`chrome-extension://${h.extensionId}/sidepanel.html`);
    const marks = () => view.locator('li.issue mark').allTextContents();
    await focusEditor(a);
    await waitFor('tab A’s issues', marks, (m) => m.includes('要要') && !m.some((t) => t.includes('我们我们')), 15_000);
    await focusEditor(b);
    await waitFor('tab B’s issues instead', marks, (m) => m.some((t) => t.includes('我们我们')) && !m.includes('要要'), 15_000);
    await a.bringToFront();
    await waitFor('back to tab A', marks, (m) => m.includes('要要') && !m.some((t) => t.includes('我们我们')), 15_000);
    await view.close();
    await a.close();
    await b.close();
  });
});

/** A draft of about `size` characters: the test draft's paragraphs repeated with numbered headings. */
function draftOf(size: number): string[] {
  const out: string[] = [];
  let n = 0;
  for (let i = 1; n < size; i++) {
    for (const p of [`（${i}）第${i}部分`, DRAFT[2]!, DRAFT[4]!]) {
      out.push(p);
      n += p.length + 1;
    }
  }
  return out;
}

describe('a 100,000-character draft', () => {
  test('the panel lists every issue of the document, and only the rows on screen are in the DOM', async () => {
    const paragraphs = draftOf(100_000);
    const copies = paragraphs.filter((p) => p === DRAFT[2]).length;
    const p = await openFixture('textarea');
    await p.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), paragraphs);
    await focusEditor(p);
    const view = await panelFor(p);
    const rep = view.locator('.group[data-kind="repetition"]');
    // Every copy's 要要 and 的的, not only those near the part of the page on screen.
    const count = await waitFor('the whole document’s repetitions', () => rep.locator('[data-testid="group-count"]').textContent({ timeout: 500 }).then(Number).catch(() => 0), (n) => n >= 2 * copies, 60_000);
    expect(count).toBeGreaterThanOrEqual(2 * copies);
    // Unfold the run of 要要: hundreds of rows, a few dozen drawn.
    const run = rep.locator('li.run', { hasText: '要要' }).first();
    await run.locator('button[data-action="locate"]').click();
    const list = rep.locator('ul.rows');
    await waitFor('the unfolded rows', () => list.getAttribute('data-rows').then(Number), (n) => n >= copies);
    const drawn = () => list.locator(':scope > li').count();
    expect(await drawn()).toBeLessThan(60);
    expect(Number(await list.getAttribute('data-drawn'))).toBe(await drawn());
    // Scrolled to the end: the last rows are drawn, the first ones are not, and the page keeps its full height.
    const height = await view.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeGreaterThan(copies * 50);
    await view.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await waitFor('the last row drawn', () => list.locator(':scope > li').last().getAttribute('aria-posinset').then(Number), (n) => n >= copies - 1);
    expect(await list.locator(':scope > li[aria-posinset="1"]').count()).toBe(0);
    expect(await drawn()).toBeLessThan(60);
    // Keyboard: ↓ from a row reaches the next one even at the edge of what is drawn.
    await view.bringToFront();
    await view.evaluate(() => window.scrollTo(0, 0));
    await waitFor('the first rows drawn again', () => list.locator(':scope > li').first().getAttribute('aria-posinset').then(Number), (n) => n === 1);
    const first = list.locator(':scope > li').first();
    await first.focus();
    for (let k = 0; k < 30; k++) await view.keyboard.press('ArrowDown');
    const pos = await view.evaluate(() => Number(document.activeElement?.getAttribute('aria-posinset')));
    expect(pos).toBeGreaterThan(25);
    await view.close();
    await p.close();
  }, 120_000);
});

describe('side panel figures (printed, not asserted: speed goes in the note)', () => {
  const pct = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

  for (const size of [10_000, 100_000]) {
    test(`keystroke in the page → panel updated, ${size.toLocaleString('en')} characters; panel heap`, async () => {
      const p = await openFixture('textarea');
      await p.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), draftOf(size));
      await p.click('#editor');
      await p.keyboard.press('Control+End');
      const id = await tabIdOf(p);
      const view = await h.context.newPage();
      await view.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tab=${id}`);
      const seq = () => view.evaluate(() => Number(document.querySelector('main')!.dataset.seq));
      await waitFor('the first snapshot', seq, (s) => s > 0, 60_000);
      await p.bringToFront();
      // Long tasks (≥ 50 ms) on each side: where the time goes.
      const watchLong = () => {
        const w = window as unknown as { longMs: number };
        w.longMs = 0;
        new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.longMs += e.duration))).observe({ type: 'longtask' });
      };
      await p.evaluate(watchLong);
      await view.evaluate(watchLong);
      const times: number[] = [];
      for (let k = 0; k < 12; k++) {
        const before = await seq();
        // The panel stamps the time its view changed; the page stamps the keystroke (one clock: same browser).
        await view.evaluate((b) => {
          const w = window as unknown as { seen?: number };
          w.seen = 0;
          const obs = new MutationObserver(() => {
            if (Number(document.querySelector('main')!.dataset.seq) > b) {
              w.seen = Date.now();
              obs.disconnect();
            }
          });
          obs.observe(document.querySelector('main')!, { attributes: true, attributeFilter: ['data-seq'] });
        }, before);
        const t0 = await p.evaluate(() => Date.now());
        await p.keyboard.type(k % 2 ? '的' : '要');
        const seen = await waitFor('the panel update', () => view.evaluate(() => (window as unknown as { seen?: number }).seen ?? 0), (s) => s > 0, 30_000);
        times.push(seen - t0);
      }
      const cdp = await h.context.newCDPSession(view);
      await cdp.send('Performance.enable');
      await cdp.send('HeapProfiler.collectGarbage');
      const metrics = (await cdp.send('Performance.getMetrics')).metrics;
      const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')!.value / 1024 / 1024;
      const chars = await p.evaluate(() => ((window as unknown as PageWindow).fixture.root() as HTMLTextAreaElement).value.length);
      const count = await view.textContent('[data-testid="issue-count"]');
      const longMs = async (x: Page) => Math.round(await x.evaluate(() => (window as unknown as { longMs: number }).longMs) / times.length);
      console.log(
        `side panel following a ${chars}-character textarea (${count} issues): keystroke → panel updated p50 ${pct(times, 50)} ms, p95 ${pct(times, 95)} ms (page debounce included); long tasks per keystroke: page ${await longMs(p)} ms, panel ${await longMs(view)} ms; panel JS heap ${heap.toFixed(1)} MB`,
      );
      expect(times.length).toBe(12);
      await view.close();
      await p.close();
    });
  }
});
