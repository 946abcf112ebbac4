/**
 * The settings page (options page, 设置) in real Chromium with the built extension, against a page being
 * checked in another tab: a check switched off there takes its underline away in the open page at once
 * (and back), a group's severity (显示为) recolours its underline and the side panel's count at once, a
 * site's ignored rule restored there brings its underline back, a dictionary word is searched, removed
 * with the keyboard and put back with 撤销, a bad dictionary file changes nothing and a good one is
 * imported, the debounce is stored, and the page shows no rule id and 14 px text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RULE_CATALOG } from '@/lib/rule-catalog';
import { shadowElements } from './closed-shadow';
import { launch, ROOT, underlineAt, waitFor, type Harness } from './harness';

const DRAFT = ['我们要要认真学习贯彻会议精神，全面發挥党组织的战斗堡垒作用,推动各项工作落实落地。', '下一段继续加强理论武装，提高政治站位。'];
const ALL = ['要要', '發', ','].sort();
const SITE = '127.0.0.1';

type Messages = Record<string, { message: string }>;
const zh = JSON.parse(readFileSync(path.join(ROOT, 'public/_locales/zh_CN/messages.json'), 'utf8')) as Messages;
type PageWindow = Window & { fixture: { isReady: boolean; setParagraphs(p: string[]): Promise<void> } };

let h: Harness;
let options: Page;
let page: Page;

/**
 * Texts under the page's underlines, sorted: every highlight registered in the page (the fixture page
 * registers none of its own; the checker's names are not relied on), each range once.
 */
function highlighted(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const win = window as unknown as { CSS: { highlights: Map<string, Set<Range>> } };
    const ranges = new Set<Range>();
    for (const [, set] of win.CSS.highlights) for (const r of set) ranges.add(r);
    return [...ranges].map((r) => r.toString()).sort();
  });
}
const same = (want: string[]) => (got: string[]) => JSON.stringify(got) === JSON.stringify(want);

/**
 * How the page underlines `text`: the severity of the highlight holding it (the highlighter's priorities:
 * error 3, warning 2, info 1) and the colour its `::highlight()` rule draws, or null when not underlined.
 */
function underlineStyle(p: Page, text: string): Promise<{ severity: string; color: string } | null> {
  return p.evaluate((text) => {
    const levels: Record<number, string> = { 3: 'error', 2: 'warning', 1: 'info' };
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range> & { priority: number }> }).highlights;
    for (const [name, h] of registry) {
      if (!levels[h.priority] || ![...h].some((r) => r.toString() === text)) continue;
      let color = '';
      for (const sheet of [...document.adoptedStyleSheets, ...document.styleSheets])
        for (const rule of sheet.cssRules) if (rule instanceof CSSStyleRule && rule.selectorText.includes(`::highlight(${name})`)) color = rule.style.textDecorationColor;
      return { severity: levels[h.priority]!, color };
    }
    return null;
  }, text);
}

/** A message to the background the way the extension's pages send it (@webext-core/messaging's format). */
async function message(type: string, data?: unknown): Promise<unknown> {
  const r = (await options.evaluate(([type, data]) => chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() }), [type, data] as const)) as { res: unknown };
  return r.res;
}
const stored = () => options.evaluate(() => chrome.storage.local.get('settings').then((s) => s.settings as Record<string, unknown> | undefined));

beforeAll(async () => {
  h = await launch();
  options = await h.context.newPage();
  await options.goto(`chrome-extension://${h.extensionId}/options.html`);
  await options.locator('#rules li.rule').first().waitFor();
  page = await h.context.newPage();
  await page.goto(`${h.origin}/p/contenteditable.html`);
  await page.waitForFunction(() => (window as unknown as PageWindow).fixture?.isReady === true, null, { timeout: 30_000 });
  await page.evaluate((ps) => (window as unknown as PageWindow).fixture.setParagraphs(ps), DRAFT);
  await waitFor('the underlines', () => highlighted(page), same(ALL));
  // The personal dictionary applies in editors the writer used (lib/editors/controller.ts trustedPage).
  await page.click('#editor');
});
afterAll(async () => {
  await h?.close();
});

// The card's buttons (in its closed shadow root), read after hovering an underline until they hold
// `want`: a closed card keeps its last buttons, and the first card after a switch may still be drawn
// while the other language's texts load, so it is opened again until it shows them.
const buttons = async () => (await shadowElements(page, 'wengao-card', { tag: 'button' })).map((b) => b.text.trim());
const cardButtons = async (text: string, want: string): Promise<string[]> => {
  for (let attempt = 0; ; attempt++) {
    const at = await underlineAt(page, text);
    await page.keyboard.press('Escape');
    await page.mouse.move(2, 2);
    await page.mouse.move(at!.x, at!.y, { steps: 2 });
    try {
      return await waitFor(`the card showing ${want}`, buttons, (t) => t.includes(want), 1_500);
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
};

describe('settings page', () => {
  test('shows every check in writers\' words, no rule id, at 14 px', async () => {
    expect(await options.locator('#rules li.rule').count()).toBe(RULE_CATALOG.length);
    expect(await options.locator('#rules li.rule[data-rule="repeated-word"] .name').textContent()).toBe(zh.ruleName_repeated_word!.message);
    const text = await options.evaluate(() => document.body.innerText);
    for (const { id } of RULE_CATALOG) expect(text).not.toContain(id);
    const sizes = await options.evaluate(() =>
      ['body', '#rules .rule .desc', '#rules .rule .name', '#sites .hint', 'button'].map((s) => getComputedStyle(document.querySelector(s)!).fontSize),
    );
    expect(sizes).toEqual(['14px', '14px', '14px', '14px', '14px']);
  });

  test('a check switched off (keyboard) loses its underline in the open page at once, and gets it back', async () => {
    const box = options.locator('#rules li.rule[data-rule="repeated-word"] input[type="checkbox"]');
    await box.focus();
    await options.keyboard.press('Space');
    await waitFor('the stored switch', stored, (s) => (s?.rules as Record<string, boolean> | undefined)?.['repeated-word'] === false);
    expect(await waitFor('the underline gone', () => highlighted(page), same(ALL.filter((t) => t !== '要要')))).not.toContain('要要');
    expect(await options.locator('[data-testid="rules-count"]').textContent()).toContain(`${RULE_CATALOG.length - 1}/${RULE_CATALOG.length}`);
    await options.keyboard.press('Space');
    expect(await waitFor('the underline back', () => highlighted(page), same(ALL))).toEqual(ALL);
    expect((await stored())?.rules).toEqual({});
  });

  test('a whole group goes off with its switch (mixed when partly on)', async () => {
    const group = options.locator('#rules fieldset[data-group="repetition"] legend input');
    await group.click();
    await waitFor('the underline gone', () => highlighted(page), same(ALL.filter((t) => t !== '要要')));
    expect(Object.keys(((await stored())?.rules ?? {}) as object).sort()).toEqual(['repeated-passage', 'repeated-phrase', 'repeated-word']);
    await options.locator('#rules li.rule[data-rule="repeated-word"] input').click();
    await waitFor('the group mixed', () => group.evaluate((el: HTMLInputElement) => [el.indeterminate, el.checked]), (v) => v[0] === true && v[1] === false);
    await group.click();
    await waitFor('every rule on', stored, (s) => JSON.stringify(s?.rules) === '{}');
    await waitFor('the underline back', () => highlighted(page), same(ALL));
  });

  test('a group shown as 提示 (keyboard) recolours its underline in the open page and its count in the side panel at once; 恢复默认 and 撤销', async () => {
    const own = await waitFor('the doubled word underlined', () => underlineStyle(page, '要要'), (s) => s !== null);
    const other = (await underlineStyle(page, '發'))!;
    expect(own!.severity).toBe('error'); // 重复的字词's own severity
    // The side panel on this tab counts the group's issues per severity (错误 · 建议 · 提示).
    await page.bringToFront();
    const tabId = await h.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
    const panel = await h.context.newPage();
    await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tab=${tabId}`);
    const levels = () =>
      panel
        .locator('.group[data-kind="repetition"] [data-testid="severities"] [data-severity]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-severity')))
        .catch(() => []);
    await waitFor('the panel counting the group', levels, (l) => JSON.stringify(l) === '["error"]', 10_000);
    const select = options.locator('#rules fieldset[data-group="repetition"] select');
    expect(await select.getAttribute('aria-label')).toContain(zh.ruleGroup_repetition!.message);
    expect(await select.evaluate((el) => getComputedStyle(el).fontSize)).toBe('14px');
    // A closed select changes with the arrow keys: End picks the last level (提示).
    await select.focus();
    await options.keyboard.press('End');
    await waitFor('the stored severity', stored, (s) => JSON.stringify(s?.groupSeverity) === JSON.stringify({ repetition: 'info' }));
    const shown = await waitFor('the underline recoloured', () => underlineStyle(page, '要要'), (s) => s?.severity === 'info');
    expect(shown!.color).not.toBe(own!.color);
    expect(shown!.color).toBe('rgb(59, 130, 246)');
    await waitFor('the panel counting it as 提示', levels, (l) => JSON.stringify(l) === '["info"]');
    // Other groups keep theirs; nothing was underlined or lost.
    expect(await underlineStyle(page, '發')).toEqual(other);
    expect(await highlighted(page)).toEqual(ALL);
    // 恢复默认: back to the rule's own severity in the page; 撤销 (focused) brings 提示 back.
    await options.locator('[data-testid="rules-reset"]').click();
    await waitFor('the underline as before', () => underlineStyle(page, '要要'), (s) => JSON.stringify(s) === JSON.stringify(own));
    await waitFor('the panel counting it as 错误 again', levels, (l) => JSON.stringify(l) === '["error"]');
    await panel.close();
    expect((await stored())?.groupSeverity).toEqual({});
    expect(await select.inputValue()).toBe('');
    const undo = options.locator('#rules .notice button.undo');
    await waitFor('the undo focused', () => undo.evaluate((b) => b === document.activeElement).catch(() => false), Boolean);
    await options.keyboard.press('Enter');
    await waitFor('提示 again', () => underlineStyle(page, '要要'), (s) => s?.severity === 'info');
    await select.selectOption('');
    await waitFor('no override left', stored, (s) => JSON.stringify(s?.groupSeverity) === '{}');
    await waitFor('the underline as before', () => underlineStyle(page, '要要'), (s) => JSON.stringify(s) === JSON.stringify(own));
  });

  test('a rule ignored on the site (忽略此规则) is listed and restored, and the page underlines it again; 撤销 ignores it again', async () => {
    expect(await message('ignoreRuleOnSite', { site: SITE, rule: 'half-width-punct' })).toBe(true);
    await waitFor('the comma ignored in the page', () => highlighted(page), same(['要要', '發'].sort()));
    const chip = options.locator(`#sites li.site[data-site="${SITE}"] li.chip[data-rule="half-width-punct"]`);
    await chip.waitFor();
    expect(await chip.locator('span').textContent()).toBe(zh.ruleName_half_width_punct!.message);
    await chip.locator('button').click();
    expect(await waitFor('the comma back', () => highlighted(page), same(ALL))).toEqual(ALL);
    expect((await stored())?.siteIgnoredRules).toEqual({});
    // The row went away; the focus is on 撤销.
    const undo = options.locator('#sites .notice button.undo');
    await waitFor('the undo focused', () => undo.evaluate((b) => b === document.activeElement).catch(() => false), Boolean);
    await options.keyboard.press('Enter');
    await waitFor('ignored again', stored, (s) => JSON.stringify(s?.siteIgnoredRules) === JSON.stringify({ [SITE]: ['half-width-punct'] }));
    await waitFor('the comma ignored again', () => highlighted(page), same(['要要', '發'].sort()));
    await chip.locator('button').click();
    await waitFor('the comma back', () => highlighted(page), same(ALL));
    // The action is over when its notice takes the focus (to 撤销): until then a key typed in the next
    // test could land on that button.
    await waitFor('restored', stored, (s) => JSON.stringify(s?.siteIgnoredRules) === '{}');
    await waitFor('the undo focused', () => undo.evaluate((b) => b === document.activeElement).catch(() => false), Boolean);
  });

  test('a site switched off here stops checking in the open page; 恢复检查 brings it back', async () => {
    await options.locator('#add-site').fill(`http://${SITE}:8080/some/page`);
    await options.locator('#add-site').press('Enter');
    await waitFor('the site off', stored, (s) => JSON.stringify(s?.disabledSites) === JSON.stringify([SITE]));
    await waitFor('no underline', () => highlighted(page), same([]));
    await options.locator(`#sites li.site[data-site="${SITE}"] button[data-action="resume-site"]`).click();
    await waitFor('underlines back', () => highlighted(page), same(ALL));
    // Wait for the notice to take the focus (to 撤销), so the Enter below cannot land on it.
    const undo = options.locator('#sites .notice button.undo');
    await waitFor('the undo focused', () => undo.evaluate((b) => b === document.activeElement).catch(() => false), Boolean);
    // Not a site: said so, nothing stored.
    await options.locator('#add-site').fill('not a site');
    await options.locator('#add-site').press('Enter');
    await options.locator('#add-site-error').waitFor();
    expect((await stored())?.disabledSites).toEqual([]);
  });

  test('dictionary: search, remove with the keyboard, 撤销; the page follows', async () => {
    for (const word of ['两学一做', '要要', '三会一课']) await message('addToDictionary', { word });
    await waitFor('the dictionary word hides the underline', () => highlighted(page), same(['發', ','].sort()));
    const words = () => options.locator('#dictionary li.word span').allTextContents();
    await waitFor('the list', words, same(['两学一做', '要要', '三会一课']));
    await options.locator('#dictionary input[type="search"]').fill('要');
    expect(await words()).toEqual(['要要']);
    await options.locator('#dictionary li.word[data-word="要要"] button').focus();
    await options.keyboard.press('Enter');
    await waitFor('the word gone', () => message('getDictionary'), (d) => JSON.stringify(d) === JSON.stringify(['两学一做', '三会一课']));
    await waitFor('the underline back', () => highlighted(page), same(ALL));
    const undo = options.locator('#dictionary .notice button.undo');
    await waitFor('the undo focused', () => undo.evaluate((b) => b === document.activeElement).catch(() => false), Boolean);
    await options.keyboard.press('Enter');
    await waitFor('the word back', () => message('getDictionary'), (d) => Array.isArray(d) && d.includes('要要'));
    await waitFor('the underline gone again', () => highlighted(page), same(['發', ','].sort()));
    await options.locator('#dictionary input[type="search"]').fill('');
  });

  test('dictionary import: a bad file changes nothing and says why; a good one adds its new words', async () => {
    const before = await message('getDictionary');
    const input = options.locator('[data-testid="dictionary-file"]');
    await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ words: ['主题教育', 42] })) });
    const alert = options.locator('#dictionary .notice.error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('第 2 项');
    expect(await message('getDictionary')).toEqual(before);
    await input.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(['主题教育', '两学一做', '四下基层'])) });
    await waitFor('imported', () => message('getDictionary'), (d) => Array.isArray(d) && d.includes('四下基层'));
    expect(await message('getDictionary')).toEqual([...(before as string[]), '主题教育', '四下基层']);
    expect(await options.locator('#dictionary .notice.ok').textContent()).toContain('2');
  });

  test('dictionary export: a JSON file of every word, which imported again adds nothing', async () => {
    const words = (await message('getDictionary')) as string[];
    expect(words.length).toBeGreaterThan(0);
    const [download] = await Promise.all([options.waitForEvent('download'), options.locator('#dictionary button[data-action="export"]').click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const file = await download.path();
    const text = readFileSync(file, 'utf8');
    const parsed = JSON.parse(text) as unknown;
    const listed = Array.isArray(parsed) ? parsed : (parsed as { words?: unknown }).words;
    expect(listed).toEqual(words);
    await options.locator('[data-testid="dictionary-file"]').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
    await options.locator('#dictionary .notice').waitFor();
    expect(await message('getDictionary')).toEqual(words);
  });

  test('debounce: stored when valid, refused with a message when not', async () => {
    const field = options.locator('#debounce');
    await field.fill('450');
    await field.press('Enter');
    await waitFor('stored', stored, (s) => s?.debounceMs === 450);
    await field.fill('99999');
    await field.press('Enter');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect((await stored())?.debounceMs).toBe(450);
  });

  test('interface language: English re-renders this page and the fix card in the open page; back to 跟随浏览器', async () => {
    expect(await cardButtons('發', zh.cardApply!.message)).toContain(zh.cardApply!.message);
    await options.locator('#language input[value="en"]').check();
    await waitFor('the page in English', () => options.textContent('h1'), (t) => t === 'Wengao · Settings');
    expect(await options.locator('#rules li.rule[data-rule="repeated-word"] .name').textContent()).toBe('Doubled words');
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(((await stored()) ?? {}).language).toBe('en');
    expect(((await message('getLocaleMessages', { locale: 'en' })) as Record<string, { message: string }>).cardApply?.message).toBe('Apply');
    expect(await cardButtons(',', 'Apply')).not.toContain(zh.cardApply!.message);
    await options.locator('#language input[value="auto"]').focus();
    await options.keyboard.press('Space');
    await waitFor('the page in Chinese again', () => options.textContent('h1'), (t) => t === zh.optionsTitle!.message);
    expect(await cardButtons('發', zh.cardApply!.message)).not.toContain('Apply');
    await page.mouse.move(2, 2);
  });

  test('the fix card offers 加入词典 on a flagged word, not on a mark', async () => {
    const add = zh.cardAddToDictionary!.message;
    expect(await cardButtons('發', add)).toContain(add);
    expect(await cardButtons(',', '，')).not.toContain(add);
    await page.keyboard.press('Escape');
    await page.mouse.move(2, 2);
  });

  test('the master switch stops checking everywhere', async () => {
    await options.locator('[data-testid="checking-enabled"]').click();
    await waitFor('no underline', () => highlighted(page), same([]));
    await options.locator('[data-testid="checking-enabled"]').click();
    await waitFor('underlines back', () => highlighted(page), (t) => t.includes('發'));
    expect(h.consoleErrors).toEqual([]);
  });
});
