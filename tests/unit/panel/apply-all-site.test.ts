/**
 * Apply all's checks before writing (every fix still matches, none overlaps; the one span write), the
 * relay's site per tab, and the toolbar button's 在此网站停用/恢复检查 entries driven with fakes.
 */
import { describe, expect, it } from 'vitest';
import type { Issue } from '@/lib/engine/types';
import { spanFix, verifiedFixes } from '@/lib/editors/apply-batch';
import { CHECK_HERE_MENU, OPEN_PANEL_COMMAND, SITE_OFF_MENU, SITE_ON_MENU, startPanelBackground, type PanelBrowser } from '@/lib/panel/background';
import { PanelRelay, senderSite } from '@/lib/panel/relay';

const TEXT = '一是学习要深入,二是作风要从严,三是制度要到位。';
const comma = (at: number): Issue => ({ rule: 'half-width-punct', category: 'punctuation', severity: 'warning', start: at, end: at + 1, text: ',', replacements: ['，'], message: '' });
const commas = [...TEXT.matchAll(/,/g)].map((m) => comma(m.index!));

describe('apply all: verified fixes and the span write', () => {
  it('accepts fixes that still match, in text order, and builds the span from the first to the last with all applied', () => {
    const sorted = verifiedFixes(TEXT, commas.slice().reverse());
    expect(sorted?.map((i) => i.start)).toEqual(commas.map((i) => i.start));
    const span = spanFix(TEXT, sorted!);
    expect(span.before).toBe(TEXT.slice(commas[0]!.start, commas[1]!.end));
    expect(TEXT.slice(0, span.start) + span.after + TEXT.slice(span.end)).toBe(TEXT.replaceAll(',', '，'));
  });

  it('refuses the whole batch when one fix no longer matches the text, overlaps another or has no fix', () => {
    const edited = TEXT.replace('作风要从严,', '作风要从严，');
    expect(verifiedFixes(edited, commas)).toBeNull();
    expect(verifiedFixes(TEXT, [...commas, { ...comma(commas[0]!.start), end: commas[0]!.start + 2, text: TEXT.slice(commas[0]!.start, commas[0]!.start + 2) }])).toBeNull();
    expect(verifiedFixes(TEXT, [{ ...commas[0]!, replacements: [] }])).toBeNull();
    expect(verifiedFixes(TEXT, [{ ...commas[0]!, start: TEXT.length, end: TEXT.length + 1 }])).toBeNull();
  });

  it('keeps deletions and insertions right in the span', () => {
    const text = '我们要要认真学习，，推动落实';
    const fixes: Issue[] = [
      { ...comma(2), start: 2, end: 3, text: '要', replacements: [''] },
      { ...comma(8), start: 8, end: 9, text: '，', replacements: [''] },
    ];
    const span = spanFix(text, verifiedFixes(text, fixes)!);
    expect(text.slice(0, span.start) + span.after + text.slice(span.end)).toBe('我们要认真学习，推动落实');
  });
});

describe('the site a tab’s switch acts on', () => {
  it('is the site of the frame the panel shows (about: frames: their creator’s origin), else the top frame’s', () => {
    expect(senderSite({ url: 'https://www.example.com/a?b' })).toBe('www.example.com');
    expect(senderSite({ url: 'about:blank', origin: 'https://mp.weixin.qq.com' })).toBe('mp.weixin.qq.com');
    expect(senderSite({})).toBe('');
    const relay = new PanelRelay({ query: async () => [], sendMessage: async () => true });
    expect(relay.siteOf(5)).toBeNull();
    relay.publish({ snapshot: null }, { tab: { id: 5 }, frameId: 0, url: 'https://top.example/' });
    expect(relay.siteOf(5)).toBe('top.example');
    relay.updated(5, 'loading');
    expect(relay.siteOf(5)).toBeNull();
  });
});

function fakeBrowser(answer: unknown) {
  const created: { id: string; contexts: string[]; title: string }[] = [];
  let installed: (() => void) | null = null;
  let clicked: ((info: { menuItemId: string | number }, tab?: { id?: number }) => void) | null = null;
  const asked: { tabId: number; message: unknown }[] = [];
  const api: PanelBrowser = {
    runtime: { onConnect: { addListener() {} }, onInstalled: { addListener: (cb) => void (installed = cb) } },
    tabs: {
      query: async () => [],
      sendMessage: async (tabId, message) => {
        asked.push({ tabId, message });
        return answer;
      },
      onActivated: { addListener() {} },
      onUpdated: { addListener() {} },
      onRemoved: { addListener() {} },
    },
    contextMenus: { create: (props) => void created.push(props), onClicked: { addListener: (cb) => void (clicked = cb) } },
    i18n: { getMessage: (key) => ({ menuSiteOff: '在此网站停用检查', menuSiteOn: '在此网站恢复检查' })[key] ?? '' },
    sidePanel: { open: async () => {} },
  };
  return { api, created, asked, install: () => installed?.(), click: (id: string, tab?: { id?: number }) => clicked?.({ menuItemId: id }, tab) };
}

describe('toolbar button menu: 在此网站停用/恢复检查', () => {
  it('adds both entries to the toolbar button’s menu and switches the site the tab names, through the settings', async () => {
    const f = fakeBrowser({ site: 'www.gov.cn' });
    const calls: string[] = [];
    const panel = startPanelBackground(f.api, { id: 'ext', url: 'chrome-extension://ext/' } as never, {
      setSiteEnabled: async (site, enabled) => {
        calls.push(`set ${site} ${enabled}`);
        return true;
      },
      resumeSite: async (site) => {
        calls.push(`resume ${site}`);
        return true;
      },
    });
    f.install();
    expect(f.created.filter((c) => c.contexts.includes('action')).map((c) => [c.id, c.title])).toEqual([
      [SITE_OFF_MENU, '在此网站停用检查'],
      [SITE_ON_MENU, '在此网站恢复检查'],
    ]);
    f.click(SITE_OFF_MENU, { id: 7 });
    await new Promise((r) => setTimeout(r, 0));
    expect(f.asked).toEqual([{ tabId: 7, message: { type: 'wengao:site-of' } }]);
    expect(calls).toEqual(['set www.gov.cn false']);
    expect(await panel.switchSite({ id: 7 }, true)).toBe(true);
    expect(calls.at(-1)).toBe('resume www.gov.cn');
  });

  it('does nothing for a tab that names no site (no checker there) or without a tab', async () => {
    const f = fakeBrowser(undefined);
    const calls: string[] = [];
    const panel = startPanelBackground(f.api, { id: 'ext', url: 'chrome-extension://ext/' } as never, {
      setSiteEnabled: async () => {
        calls.push('set');
        return true;
      },
      resumeSite: async () => {
        calls.push('resume');
        return true;
      },
    });
    expect(await panel.switchSite({ id: 3 }, false)).toBe(false);
    expect(await panel.switchSite(undefined, false)).toBe(false);
    expect(calls).toEqual([]);
  });
});

/** A browser whose toolbar menu records its entries' visibility, with tabs, URLs and settings changes. */
function menuBrowser(sites: Record<number, { checker?: string; url?: string }>) {
  const shown = new Map<string, { visible?: boolean; enabled?: boolean }>();
  let installed: (() => void) | null = null;
  let activated: ((info: { tabId: number; windowId: number }) => void) | null = null;
  let changed: ((changes: Record<string, unknown>, area: string) => void) | null = null;
  const api: PanelBrowser = {
    runtime: { onConnect: { addListener() {} }, onInstalled: { addListener: (cb) => void (installed = cb) } },
    tabs: {
      query: async () => [{ id: 1 }],
      get: async (tabId: number) => ({ url: sites[tabId]?.url }),
      sendMessage: async (tabId, message) => ((message as { type: string }).type === 'wengao:site-of' && sites[tabId]?.checker ? { site: sites[tabId]!.checker } : undefined),
      onActivated: { addListener: (cb) => void (activated = cb) },
      onUpdated: { addListener() {} },
      onRemoved: { addListener() {} },
    },
    contextMenus: {
      create: (props) => void shown.set(props.id, { visible: props.visible ?? true, enabled: true }),
      update: (id, props) => {
        if (!shown.has(id)) throw new Error(`no menu ${id}`);
        shown.set(id, { ...shown.get(id), ...props });
      },
      onClicked: { addListener() {} },
    },
    storage: { onChanged: { addListener: (cb) => void (changed = cb) } },
    i18n: { getMessage: () => '' },
    sidePanel: { open: async () => {} },
  };
  const settle = () => new Promise((r) => setTimeout(r, 5));
  return {
    api,
    entries: () => [SITE_OFF_MENU, SITE_ON_MENU].filter((id) => shown.get(id)?.visible).map((id) => (shown.get(id)?.enabled === false ? `${id} (greyed)` : id)),
    install: async () => {
      installed?.();
      await settle();
    },
    activate: async (tabId: number) => {
      activated?.({ tabId, windowId: 1 });
      await settle();
    },
    settingsChanged: async () => {
      changed?.({ settings: {} }, 'local');
      await settle();
    },
  };
}

describe('toolbar button menu: only the entry that applies', () => {
  it('shows 停用 for a site that is checked, 恢复 for one that is off, following tab switches and settings changes', async () => {
    const f = menuBrowser({ 1: { checker: 'www.gov.cn' }, 2: { url: 'https://off.example/a' }, 3: { url: 'chrome://extensions/' } });
    const disabled: string[] = [];
    const badgeOff: string[] = [];
    startPanelBackground(f.api, { id: 'ext', url: 'chrome-extension://ext/' } as never, {
      setSiteEnabled: async (site, enabled) => {
        if (enabled) disabled.splice(disabled.indexOf(site) >>> 0, 1);
        else disabled.push(site);
        return true;
      },
      resumeSite: async () => true,
      read: async () => ({ disabledSites: [...disabled] }),
      readSwitches: async () => ({ sites: [...badgeOff] }),
    });
    await f.install();
    // The active tab at start (tab 1, a site that is checked): 停用 only.
    expect(f.entries()).toEqual([SITE_OFF_MENU]);
    // Off in the settings (from the panel, the badge or the settings page): 恢复 only, at once.
    disabled.push('www.gov.cn');
    await f.settingsChanged();
    expect(f.entries()).toEqual([SITE_ON_MENU]);
    // Another tab, whose page has no checker yet: its URL names the site; switched off from the badge.
    badgeOff.push('off.example');
    await f.activate(2);
    expect(f.entries()).toEqual([SITE_ON_MENU]);
    badgeOff.length = 0;
    await f.settingsChanged();
    expect(f.entries()).toEqual([SITE_OFF_MENU]);
    // A browser page names no site: 停用, greyed out.
    await f.activate(3);
    expect(f.entries()).toEqual([`${SITE_OFF_MENU} (greyed)`]);
    await f.activate(1);
    expect(f.entries()).toEqual([SITE_ON_MENU]);
  });
});

describe('opening the panel: 文稿助手：检查此处 and the shortcut', () => {
  it('opens the side panel for the tab synchronously (inside the gesture), or the Firefox sidebar', () => {
    const f = fakeBrowser(undefined);
    const opened: unknown[] = [];
    f.api.sidePanel = { open: (target) => (opened.push(target), Promise.resolve()) };
    const panel = startPanelBackground(f.api, { id: 'ext', url: 'chrome-extension://ext/' } as never);
    f.install();
    expect(f.created.find((c) => c.id === CHECK_HERE_MENU)?.contexts).toEqual(['editable']);
    f.click(CHECK_HERE_MENU, { id: 4 });
    // No await in between: Chromium refuses sidePanel.open outside the user's gesture.
    expect(opened).toEqual([{ tabId: 4 }]);
    expect(panel.onCommand(OPEN_PANEL_COMMAND, { id: 9 })).toBe(true);
    expect(opened).toEqual([{ tabId: 4 }, { tabId: 9 }]);
    expect(panel.onCommand('next-issue', { id: 9 })).toBe(false);
    const ff = fakeBrowser(undefined);
    let sidebar = 0;
    delete ff.api.sidePanel;
    ff.api.sidebarAction = { open: () => (sidebar++, Promise.resolve()) };
    expect(startPanelBackground(ff.api, { id: 'ext', url: 'moz-extension://ext/' } as never).onCommand(OPEN_PANEL_COMMAND)).toBe(true);
    expect(sidebar).toBe(1);
  });
});

describe('virtualised rows: which to draw', () => {
  it('draws the rows that meet the screen plus the overscan, with measured and estimated heights', async () => {
    const { visibleSpan } = await import('@/lib/panel/virtual');
    const h = (i: number) => (i % 2 ? 100 : 50); // 0–50, 50–150, 150–200, 200–300 …
    expect(visibleSpan(1000, h, 0, 300, 0)).toEqual([0, 4]);
    expect(visibleSpan(1000, h, 160, 310, 0)).toEqual([2, 5]);
    expect(visibleSpan(1000, h, 160, 310, 100)).toEqual([1, 6]);
    // The list below the screen: nothing; above it: nothing; no rows: nothing.
    expect(visibleSpan(1000, h, -900, -800, 100)).toEqual([0, 0]);
    expect(visibleSpan(10, h, 5000, 5600, 100)).toEqual([10, 10]);
    expect(visibleSpan(0, h, 0, 600, 100)).toEqual([0, 0]);
  });
});
