import type { ComponentType } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import type { Issue } from '@/lib/engine/types';
import { decodeIssues } from '@/lib/panel/snapshot';
import type { ActionResult, PanelState } from '@/lib/panel/wire';
import { useEffectiveCorpus, useSuggestions } from './corpus';
import { DraftView } from './DraftView';
import { refOf, sendAction, usePageFeed } from './feed';
import { listOf, roleName, t } from './i18n';
import { IssuesView, type IssueActions } from './IssuesView';
import { OutlineView } from './OutlineView';
import { SiteSwitch } from './SiteSwitch';
import { insertIntoPage } from './snippet-actions';
import { ThemesPanel } from './ThemesPanel';

/**
 * The side panel: follows the editor the writer is in (the active tab's content script sends its text,
 * issues and outline through the background: ./feed.ts) in three views — 问题, 结构, 主题 — plus 常用语
 * (./SnippetsPanel.tsx, mounted when the build has it) and 草稿检查, the paste box checked here.
 * `?view=<tab>` opens a view; `?tab=<id>` pins the panel to one browser tab.
 */
const TABS = ['issues', 'outline', 'themes', 'snippets', 'draft'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABEL: Record<Tab, string> = {
  issues: 'panelTabIssues',
  outline: 'panelTabOutline',
  themes: 'panelTabThemes',
  snippets: 'panelTabSnippets',
  draft: 'panelTabDraft',
};

// The snippets tab is its own component, owned elsewhere; mounted when the file is there.
const snippetModules = import.meta.glob<{ SnippetsPanel?: ComponentType }>('./SnippetsPanel.tsx', { eager: true });
const SnippetsPanel = Object.values(snippetModules)[0]?.SnippetsPanel ?? null;

function initialTab(): Tab {
  const view = new URLSearchParams(location.search).get('view');
  return (TABS as readonly string[]).includes(view ?? '') ? (view as Tab) : 'issues';
}

/** Actions on the page's editor, through its frame's content script. */
function pageActions(state: PanelState): IssueActions {
  return {
    locate: (issue) => void sendAction(state, { action: 'locate', start: issue.start, end: issue.end }),
    apply: (issue, replacement) => sendAction(state, { action: 'apply', issue: refOf(issue), replacement }),
    applyAll: (issues) => sendAction(state, { action: 'applyAll', issues: issues.map(refOf) }),
    ignore: (issue) => sendAction(state, { action: 'ignore', issue: refOf(issue) }),
    ignoreRule: (issue) => sendAction(state, { action: 'ignoreRule', rule: issue.rule }),
  };
}

export function App() {
  const feed = usePageFeed();
  const [tab, setTab] = useState<Tab>(initialTab);
  const tabList = useRef<HTMLDivElement>(null);
  const snapshot = feed?.snapshot ?? null;
  const text = snapshot && !snapshot.off ? snapshot.text : '';
  const issues: readonly Issue[] = useMemo(() => (snapshot && !snapshot.off ? decodeIssues(snapshot) : []), [snapshot]);
  const corpus = useEffectiveCorpus();
  // The corpus views and the summary need the suggestions; computed a moment after the text settles.
  const suggestions = useSuggestions(text, corpus, !!snapshot);
  const actions = useMemo(() => (feed && snapshot ? pageActions(feed) : null), [feed, snapshot]);
  const locate = (start: number, end: number) => feed && void sendAction(feed, { action: 'locate', start, end });
  const insert = (at: number, inserted: string): Promise<ActionResult> =>
    feed ? sendAction(feed, { action: 'insert', at, text: inserted }) : Promise.resolve({ ok: false, reason: 'no-editor' });

  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : e.key === 'Home' ? TABS[0] : e.key === 'End' ? TABS[TABS.length - 1] : null;
    if (!next) return;
    e.preventDefault();
    setTab(next);
    tabList.current?.querySelector<HTMLElement>(`#tab-${next}`)?.focus();
  };

  const summary = snapshot && !snapshot.off ? summaryOf(issues.length, suggestions) : '';
  const needsEditor = tab === 'issues' || tab === 'outline' || tab === 'themes';

  return (
    <main class="panel" data-seq={snapshot?.seq ?? 0}>
      <header class="top">
        <img class="logo" src="/icon/32.png" alt="" width={20} height={20} />
        <h1>{t('extName')}</h1>
        <a class="practice" href={browser.runtime.getURL('/practice.html')} target="_blank" rel="noopener">
          {t('panelPractice')}
        </a>
      </header>
      {snapshot && (
        <p class="source" data-testid="source">
          <span class="field">{t('panelViewing', [snapshot.label || t('panelFieldGeneric')])}</span>
          {summary && <span class="summary" data-testid="summary">{summary}</span>}
        </p>
      )}
      {feed?.site && <SiteSwitch site={feed.site} />}

      <div class="tabs" role="tablist" aria-label={t('panelTabsLabel')} ref={tabList} onKeyDown={onTabKey}>
        {TABS.map((id) => (
          <button
            key={id}
            id={`tab-${id}`}
            type="button"
            role="tab"
            aria-selected={tab === id}
            aria-controls={`view-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
          >
            {t(TAB_LABEL[id])}
            {id === 'issues' && snapshot && !snapshot.off && <span class="badge" data-testid="issue-count">{issues.length}</span>}
          </button>
        ))}
      </div>

      <section class="view" id={`view-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} data-view={tab}>
        {needsEditor && !snapshot ? (
          <Empty state={feed} />
        ) : needsEditor && snapshot?.off ? (
          <p class="empty" data-testid="checking-off">{t('panelCheckingOff')}</p>
        ) : tab === 'issues' && actions ? (
          <IssuesView text={text} issues={issues} actions={actions} />
        ) : tab === 'outline' ? (
          <OutlineView text={text} issues={issues} suggestions={suggestions} onLocate={locate} onInsert={insert} />
        ) : tab === 'themes' ? (
          <ThemesPanel
            text={text}
            onSelect={locate}
            effective={corpus}
            result={suggestions}
            onInsert={(inserted) => insertIntoPage({ text: inserted }).then((r) => ({ ok: r.ok, ...(r.ok ? {} : { reason: r.reason === 'no-editor' ? 'no-editor' : 'failed' }) }) as ActionResult)}
          />
        ) : tab === 'snippets' ? (
          SnippetsPanel ? <SnippetsPanel /> : <p class="empty">{t('panelSnippetsMissing')}</p>
        ) : tab === 'draft' ? (
          <DraftView corpus={corpus} />
        ) : null}
      </section>

      <footer>{t('panelPrivacy')}</footer>
    </main>
  );
}

function summaryOf(count: number, suggestions: ReturnType<typeof useSuggestions>): string {
  const parts = [t('panelSummaryIssues', [String(count)])];
  if (suggestions) {
    const total = suggestions.covered.length + suggestions.missingThemes.length;
    if (total) parts.push(t('panelSummaryThemes', [String(suggestions.covered.length), String(total)]));
    const missing = suggestions.missingSections.map((m) => roleName(m.role, m.name));
    parts.push(missing.length ? t('panelSummaryMissing', [listOf(missing)]) : t('panelSummaryComplete'));
  }
  return parts.join(' · ');
}

function Empty({ state }: { state: PanelState | null }) {
  const unreachable = state && state.tabId !== null && !state.reachable;
  return (
    <div class="empty-state" data-testid="empty-state">
      <p class="title">{t('panelNoEditorTitle')}</p>
      <p class="empty">{unreachable ? t('panelUnreachable') : t('panelNoEditorHint')}</p>
    </div>
  );
}
