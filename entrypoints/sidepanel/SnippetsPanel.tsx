import { useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/protocol';
import { SNIPPET_REVISION_KEY } from '@/lib/snippet-tab';
import { watchRevision } from '@/lib/storage/revision';
import { displayTitle, parseTagList } from '@/lib/snippets/normalize';
import type { SearchHit } from '@/lib/snippets/search';
import { DEFAULT_SNIPPET_TRIGGER, normalizeTrigger, SNIPPET_TRIGGER_KEY } from '@/lib/snippets/trigger';
import type { Problem, Snippet } from '@/lib/snippets/types';
import { insertIntoPage } from './snippet-actions';
import './snippets.css';

type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];
const t = (key: string, substitutions?: string[]) => browser.i18n.getMessage(key as MessageKey, substitutions) || key;
const english = () => browser.i18n.getUILanguage().startsWith('en');
const problemText = (p: Problem) => (english() ? p.en : p.zh);

/** Hits listed at most (the count still covers every match). */
const LIMIT = 100;
/** How long 撤销 stays offered after a delete (ms). */
const UNDO_MS = 10_000;

type Draft = { id: number | null; title: string; body: string; tags: string };
type Status = { text: string; kind: 'ok' | 'error'; undo?: Snippet } | null;

export { saveCorpusSnippet } from './snippet-actions';

/**
 * The 常用语 tab: instant search (title, body, tags, full pinyin and initials: `shyk` finds 三会一课),
 * click or Enter inserts at the caret of the editor the writer was last in (through the content script
 * and the editor's own input path; the use is counted), new / edit / delete with 撤销, the starter pack,
 * import and export, and the inline trigger. Every write goes through the background (lib/protocol.ts).
 */
export function SnippetsPanel() {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [total, setTotal] = useState(0);
  /** The search stopped once the top was full (SearchResult.more): `total` is a lower bound. */
  const [more, setMore] = useState(false);
  const [count, setCount] = useState<number | null>(null);
  const [selected, setSelected] = useState(0);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const [trigger, setTrigger] = useState(DEFAULT_SNIPPET_TRIGGER);
  const seq = useRef(0);
  const search = useRef<HTMLInputElement>(null);
  const statusTimer = useRef(0);

  const refresh = (q = query) => {
    const mine = ++seq.current;
    sendMessage('searchSnippets', { query: q, limit: LIMIT })
      .then((r) => {
        if (mine !== seq.current) return;
        setHits(r.hits);
        setTotal(r.total);
        setMore(!!r.more);
        setSelected((s) => Math.min(s, Math.max(0, r.hits.length - 1)));
        if (!q.trim()) setCount(r.total);
      })
      .catch(() => {});
  };

  // The latest query, for refreshes started outside the input (another context changed the snippets).
  const latest = useRef('');
  latest.current = query;
  useEffect(() => {
    refresh('');
    search.current?.focus();
    const lifetime = new AbortController();
    watchRevision(browser.storage, SNIPPET_REVISION_KEY, lifetime.signal, () => refresh(latest.current));
    browser.storage.local
      .get(SNIPPET_TRIGGER_KEY)
      .then((got) => setTrigger(normalizeTrigger(got[SNIPPET_TRIGGER_KEY])))
      .catch(() => {});
    return () => {
      lifetime.abort();
      window.clearTimeout(statusTimer.current);
    };
  }, []);

  const show = (next: Status, ms = 4_000) => {
    window.clearTimeout(statusTimer.current);
    setStatus(next);
    if (next) statusTimer.current = window.setTimeout(() => setStatus(null), ms);
  };

  const onQuery = (value: string) => {
    setQuery(value);
    setSelected(0);
    refresh(value);
  };

  const insert = async (snippet: Snippet) => {
    const r = await insertIntoPage({ snippetId: snippet.id });
    if (r.ok) {
      show({ text: t('snippetsInserted', [displayTitle(snippet)]), kind: 'ok' });
      refresh();
    } else {
      show({ text: t(r.reason === 'no-editor' ? 'snippetsNoEditor' : 'snippetsInsertFailed'), kind: 'error' }, 6_000);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const n = hits.length;
      if (n) setSelected((s) => (s + (event.key === 'ArrowDown' ? 1 : -1) + n) % n);
    } else if (event.key === 'Enter') {
      const hit = hits[selected];
      if (hit) {
        event.preventDefault();
        void insert(hit.snippet);
      }
    } else if (event.key === 'Escape' && query) {
      onQuery('');
    }
  };

  const remove = async (snippet: Snippet) => {
    const removed = await sendMessage('deleteSnippet', { id: snippet.id }).catch(() => null);
    refresh();
    if (removed) show({ text: t('snippetsDeleted', [displayTitle(removed)]), kind: 'ok', undo: removed }, UNDO_MS);
  };

  const undoDelete = async (snippet: Snippet) => {
    const r = await sendMessage('restoreSnippet', { snippet }).catch(() => null);
    show(r?.ok ? { text: t('snippetsRestored'), kind: 'ok' } : { text: t('snippetsSaveFailed'), kind: 'error' });
    refresh();
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (!draft) return;
    const tags = parseTagList(draft.tags);
    const r =
      draft.id === null
        ? await sendMessage('createSnippet', { title: draft.title, body: draft.body, tags }).catch(() => null)
        : await sendMessage('updateSnippet', { id: draft.id, title: draft.title, body: draft.body, tags }).catch(() => null);
    if (!r) {
      setProblems([]);
      show({ text: t('snippetsSaveFailed'), kind: 'error' });
      return;
    }
    if (!r.ok) {
      setProblems(r.problems);
      return;
    }
    setProblems([]);
    setDraft(null);
    show({ text: t(draft.id === null && !r.created ? 'snippetsMerged' : 'snippetsSaved'), kind: 'ok' });
    refresh();
  };

  const starter = async () => {
    setBusy(true);
    const r = await sendMessage('importStarterPack').catch(() => null);
    setBusy(false);
    if (r?.ok) show({ text: t('snippetsStarterDone', [String(r.added), String(r.merged + r.unchanged)]), kind: 'ok' }, 6_000);
    else show({ text: r ? r.problems.map(problemText).join(' ') : t('snippetsSaveFailed'), kind: 'error' }, 8_000);
    refresh();
  };

  const exportFile = async () => {
    const text = await sendMessage('exportSnippets').catch(() => null);
    if (text === null) return show({ text: t('snippetsSaveFailed'), kind: 'error' });
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `wengao-snippets-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    const text = await file.text().catch(() => '');
    const r = text ? await sendMessage('importSnippets', { text }).catch(() => null) : null;
    setBusy(false);
    if (r?.ok) show({ text: t('snippetsImported', [String(r.added), String(r.merged), String(r.unchanged)]), kind: 'ok' }, 6_000);
    else if (r) {
      setProblems(r.problems);
      show({ text: t('snippetsImportRefused'), kind: 'error' }, 8_000);
    } else show({ text: t('snippetsImportRefused'), kind: 'error' }, 8_000);
    refresh();
  };

  const saveTrigger = async (value: string) => {
    const stored = await sendMessage('setSnippetTrigger', { trigger: value.trim() }).catch(() => null);
    if (stored === null) return;
    setTrigger(stored);
    show(stored === value.trim() ? { text: stored ? t('snippetsTriggerSaved', [stored]) : t('snippetsTriggerOff'), kind: 'ok' } : { text: t('snippetsTriggerInvalid'), kind: 'error' }, 6_000);
  };

  return (
    <section class="snippets" aria-label={t('snippetsTab')}>
      <div class="snippets-bar">
        <input
          ref={search}
          type="search"
          class="snippets-search"
          placeholder={t('snippetsSearchPlaceholder')}
          aria-label={t('snippetsSearchPlaceholder')}
          value={query}
          data-wengao="off"
          onInput={(e) => onQuery((e.target as HTMLInputElement).value)}
          onKeyDown={onKeyDown}
          aria-controls="snippet-list"
          aria-activedescendant={hits[selected] ? `snippet-${hits[selected]!.snippet.id}` : undefined}
        />
        <button type="button" class="primary" onClick={() => (setProblems([]), setDraft({ id: null, title: '', body: '', tags: '' }))}>
          {t('snippetsNew')}
        </button>
      </div>

      {status && (
        <p class={`snippets-status ${status.kind}`} role="status">
          {status.text}
          {status.undo && (
            <button type="button" class="link" onClick={() => void undoDelete(status.undo!)}>
              {t('snippetsUndo')}
            </button>
          )}
        </p>
      )}

      {draft && (
        <form class="snippet-form" onSubmit={save}>
          <label>
            <span>{t('snippetsTitle')}</span>
            <input type="text" value={draft.title} data-wengao="off" maxLength={200} onInput={(e) => setDraft({ ...draft, title: (e.target as HTMLInputElement).value })} />
          </label>
          <label>
            <span>{t('snippetsBody')}</span>
            <textarea value={draft.body} data-wengao="off" rows={5} onInput={(e) => setDraft({ ...draft, body: (e.target as HTMLTextAreaElement).value })} />
          </label>
          <label>
            <span>{t('snippetsTags')}</span>
            <input type="text" value={draft.tags} data-wengao="off" placeholder={t('snippetsTagsHint')} onInput={(e) => setDraft({ ...draft, tags: (e.target as HTMLInputElement).value })} />
          </label>
          <div class="row">
            <button type="button" onClick={() => (setDraft(null), setProblems([]))}>
              {t('snippetsCancel')}
            </button>
            <button type="submit" class="primary">
              {t('snippetsSave')}
            </button>
          </div>
        </form>
      )}

      {problems.length > 0 && (
        <ul class="snippet-problems" role="alert">
          {problems.slice(0, 10).map((p, i) => (
            <li key={i}>{problemText(p)}</li>
          ))}
          {problems.length > 10 && <li>{t('snippetsMoreProblems', [String(problems.length - 10)])}</li>}
        </ul>
      )}

      {count === 0 && !query ? (
        <div class="snippets-empty">
          <p>{t('snippetsEmpty')}</p>
          <button type="button" class="primary" disabled={busy} onClick={() => void starter()}>
            {t('snippetsStarter')}
          </button>
        </div>
      ) : (
        <>
          <p class="snippets-count">{query ? t(more ? 'snippetsMatchesMore' : 'snippetsMatches', [String(total)]) : t('snippetsCount', [String(total)])}</p>
          {hits.length === 0 ? (
            <p class="empty">{t('snippetsNoMatch')}</p>
          ) : (
            <ul id="snippet-list" class="snippet-list" role="listbox" aria-label={t('snippetsTab')}>
              {hits.map((hit, i) => (
                <SnippetRow
                  key={hit.snippet.id}
                  hit={hit}
                  selected={i === selected}
                  onInsert={() => void insert(hit.snippet)}
                  onEdit={() => (setProblems([]), setDraft({ id: hit.snippet.id, title: hit.snippet.title, body: hit.snippet.body, tags: hit.snippet.tags.join('，') }))}
                  onDelete={() => void remove(hit.snippet)}
                  onTag={(tag) => onQuery(`#${tag}`)}
                />
              ))}
            </ul>
          )}
        </>
      )}

      <details class="snippets-more">
        <summary>{t('snippetsManage')}</summary>
        <div class="row">
          <button type="button" disabled={busy} onClick={() => void starter()}>
            {t('snippetsStarter')}
          </button>
          <button type="button" onClick={() => void exportFile()}>
            {t('snippetsExport')}
          </button>
          <label class="file">
            {t('snippetsImport')}
            <input type="file" accept=".json,application/json" disabled={busy} onChange={(e) => void importFile((e.target as HTMLInputElement).files?.[0])} />
          </label>
        </div>
        <form
          class="trigger"
          onSubmit={(e) => {
            e.preventDefault();
            void saveTrigger(((e.target as HTMLFormElement).elements.namedItem('trigger') as HTMLInputElement).value);
          }}
        >
          <label>
            {t('snippetsTrigger')}
            <input name="trigger" type="text" size={4} maxLength={4} value={trigger} data-wengao="off" key={trigger} />
          </label>
          <button type="submit">{t('snippetsSave')}</button>
          <small>{t('snippetsTriggerHint')}</small>
        </form>
      </details>
    </section>
  );
}

function SnippetRow(props: { hit: SearchHit; selected: boolean; onInsert: () => void; onEdit: () => void; onDelete: () => void; onTag: (tag: string) => void }) {
  const { snippet } = props.hit;
  const title = displayTitle(snippet);
  return (
    <li id={`snippet-${snippet.id}`} class={`snippet${props.selected ? ' selected' : ''}`} role="option" aria-selected={props.selected} data-id={snippet.id}>
      <button type="button" class="insert" onClick={props.onInsert} title={t('snippetsInsertHint')}>
        <span class="title">{title}</span>
        {snippet.title && <span class="body">{snippet.body}</span>}
      </button>
      <div class="meta">
        {snippet.tags.map((tag) => (
          <button type="button" class="tag" key={tag} onClick={() => props.onTag(tag)}>
            {tag}
          </button>
        ))}
        {snippet.useCount > 0 && <span class="uses">{t('snippetsUses', [String(snippet.useCount)])}</span>}
        <span class="actions">
          <button type="button" class="link" onClick={props.onEdit}>
            {t('snippetsEdit')}
          </button>
          <button type="button" class="link" onClick={props.onDelete}>
            {t('snippetsDelete')}
          </button>
        </span>
      </div>
    </li>
  );
}
