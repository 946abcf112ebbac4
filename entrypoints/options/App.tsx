import { useEffect, useRef, useState } from 'preact/hooks';
import { ROLE_NAMES, THEME_BY_ID } from '@/lib/corpus/curated';
import { IMPORT_ERROR_MESSAGE_KEYS, isImportErrorCode, type ImportErrorCode } from '@/lib/import/errors';
import type { ImportProgress, ImportStage, ReferenceDocSummary, ReferenceKind } from '@/lib/import/types';
import { sendMessage } from '@/lib/protocol';
import { currentPageLocale } from '@/lib/page-language';
import { msg } from './i18n';
import { importReference, type WorkerSource } from './importer';
import { SETTINGS_SECTIONS, SettingsPanel } from './SettingsPanel';

type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];
const t = (key: MessageKey, substitutions?: string[]) => msg(key, ...(substitutions ?? []));

const KIND_LABEL: Record<ReferenceKind, MessageKey> = { txt: 'optionsKindTxt', docx: 'optionsKindDocx', paste: 'optionsKindPaste' };
const STAGE_LABEL: Record<ImportStage, MessageKey> = { read: 'optionsStageRead', analyse: 'optionsStageAnalyse', save: 'optionsStageSave' };
/** Share of the whole job at the start of each stage (the progress bar). */
const STAGE_SPAN: Record<ImportStage, [number, number]> = { read: [0, 0.5], analyse: [0.5, 0.9], save: [0.9, 1] };

interface Job {
  key: number;
  name: string;
  stage: ImportStage;
  /** 0..1 over the whole job. */
  progress: number;
  status: 'waiting' | 'running' | 'done' | 'failed';
  error?: ImportErrorCode;
}

/** Dates and numbers in the page's language (the 界面语言 setting). */
const lang = () => (currentPageLocale() === 'en' ? 'en' : 'zh-CN');

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The options page: settings first, then the reference documents, with a table of contents. */
export function App() {
  return (
    <div class="page">
      <header class="top">
        <img class="logo" src="/icon/48.png" alt="" width={32} height={32} />
        <h1>{t('optionsTitle')}</h1>
      </header>
      <nav class="toc" aria-label={msg('optionsNavLabel')}>
        <ul>
          {SETTINGS_SECTIONS.map(([id, key]) => (
            <li key={id}>
              <a href={`#${id}`}>{msg(key)}</a>
            </li>
          ))}
          <li>
            <a href="#references">{msg('optionsNavReferences')}</a>
          </li>
        </ul>
      </nav>
      <main class="options">
        <SettingsPanel />
        <ReferenceDocs />
      </main>
    </div>
  );
}

/** Reference documents: import (.txt, .docx, pasted) and the library. */
function ReferenceDocs() {
  const [docs, setDocs] = useState<ReferenceDocSummary[] | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [jobs, setJobs] = useState<Job[]>([]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const nextKey = useRef(1);
  const fileInput = useRef<HTMLInputElement>(null);
  const pasteTitle = useRef<HTMLInputElement>(null);
  const pasteText = useRef<HTMLTextAreaElement>(null);

  const refresh = () =>
    sendMessage('listReferenceDocs')
      .then((list) => {
        setDocs(list);
        setLoadFailed(false);
      })
      .catch((error: unknown) => {
        console.warn('[wengao] listReferenceDocs failed', error);
        setLoadFailed(true);
      });
  useEffect(() => void refresh(), []);

  const update = (key: number, patch: Partial<Job>) => setJobs((list) => list.map((j) => (j.key === key ? { ...j, ...patch } : j)));

  /** Imports run one after another (each in its own worker); the page stays responsive throughout. */
  const enqueue = (name: string, source: WorkerSource, onDone?: () => void) => {
    const key = nextKey.current++;
    setJobs((list) => [...list, { key, name, stage: 'read', progress: 0, status: 'waiting' }]);
    queue.current = queue.current.then(async () => {
      update(key, { status: 'running' });
      const onProgress = ({ stage, fraction }: ImportProgress) => {
        const [from, to] = STAGE_SPAN[stage];
        update(key, { stage, progress: from + (to - from) * fraction });
      };
      const result = await importReference(source, onProgress);
      if (result.ok) {
        update(key, { status: 'done', progress: 1, name: result.doc.title });
        onDone?.();
      } else {
        if (result.detail) console.warn(`[wengao] import of ${name} failed: ${result.error}`, result.detail);
        update(key, { status: 'failed', error: isImportErrorCode(result.error) ? result.error : 'internal' });
      }
      await refresh();
    });
  };

  const onFiles = () => {
    const input = fileInput.current;
    if (!input?.files) return;
    for (const file of Array.from(input.files)) enqueue(file.name, { type: 'file', file });
    input.value = '';
  };

  const onPaste = (event: Event) => {
    event.preventDefault();
    const title = pasteTitle.current?.value ?? '';
    const text = pasteText.current?.value ?? '';
    enqueue(title.trim() || text.trim().slice(0, 20) || t('optionsKindPaste'), { type: 'paste', title, text }, () => {
      if (pasteTitle.current) pasteTitle.current.value = '';
      if (pasteText.current) pasteText.current.value = '';
    });
  };

  const toggle = async (doc: ReferenceDocSummary, enabled: boolean) => {
    setDocs((list) => list?.map((d) => (d.id === doc.id ? { ...d, enabled } : d)) ?? null);
    await sendMessage('setReferenceDocEnabled', { id: doc.id, enabled }).catch((e: unknown) => console.warn('[wengao] toggle failed', e));
    await refresh();
  };

  const remove = async (doc: ReferenceDocSummary) => {
    setConfirming(null);
    await sendMessage('deleteReferenceDoc', { id: doc.id }).catch((e: unknown) => console.warn('[wengao] delete failed', e));
    await refresh();
  };

  return (
    <div id="references" class="references">
      <p class="intro">{t('optionsIntro')}</p>

      <section class="import" aria-labelledby="import-heading">
        <h2 id="import-heading">{t('optionsImportHeading')}</h2>
        <div class="file-row">
          <label class="button" for="file-input">
            {t('optionsChooseFiles')}
          </label>
          <input
            id="file-input"
            ref={fileInput}
            type="file"
            multiple
            accept=".txt,.text,.md,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            data-testid="file-input"
            onChange={onFiles}
          />
          <span class="hint">{t('optionsFileHint')}</span>
        </div>

        <form class="paste" onSubmit={onPaste}>
          <h3>{t('optionsPasteHeading')}</h3>
          <label>
            <span>{t('optionsPasteTitle')}</span>
            <input ref={pasteTitle} type="text" name="title" placeholder={t('optionsPasteTitlePlaceholder')} data-wengao="off" />
          </label>
          <textarea ref={pasteText} name="text" placeholder={t('optionsPastePlaceholder')} spellcheck={false} data-wengao="off" />
          <button type="submit">{t('optionsPasteButton')}</button>
        </form>

        {jobs.length > 0 && (
          <ul class="jobs" aria-live="polite">
            {jobs.map((job) => (
              <JobItem key={job.key} job={job} />
            ))}
          </ul>
        )}
      </section>

      <section class="library" aria-labelledby="library-heading">
        <h2 id="library-heading">
          {t('optionsListHeading')}
          {docs && docs.length > 0 && <span class="count">{t('optionsListCount', [String(docs.length)])}</span>}
        </h2>
        {loadFailed ? (
          <p class="error">{t('optionsLoadFailed')}</p>
        ) : docs === null ? null : docs.length === 0 ? (
          <p class="empty">{t('optionsListEmpty')}</p>
        ) : (
          <ul class="docs">
            {docs.map((doc) => (
              <DocItem
                key={doc.id}
                doc={doc}
                confirming={confirming === doc.id}
                onToggle={(on) => void toggle(doc, on)}
                onAskDelete={() => setConfirming(doc.id)}
                onCancelDelete={() => setConfirming(null)}
                onDelete={() => void remove(doc)}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function JobItem({ job }: { job: Job }) {
  const label =
    job.status === 'done'
      ? t('optionsImported')
      : job.status === 'failed'
        ? t('optionsImportFailed', [t(IMPORT_ERROR_MESSAGE_KEYS[job.error ?? 'internal'])])
        : t(STAGE_LABEL[job.stage]);
  return (
    <li class={`job ${job.status}`} data-status={job.status}>
      <span class="name">{job.name}</span>
      {(job.status === 'running' || job.status === 'waiting') && <progress max={1} value={job.progress} />}
      <span class="status" role={job.status === 'failed' ? 'alert' : undefined}>
        {label}
      </span>
    </li>
  );
}

interface DocItemProps {
  doc: ReferenceDocSummary;
  confirming: boolean;
  onToggle(enabled: boolean): void;
  onAskDelete(): void;
  onCancelDelete(): void;
  onDelete(): void;
}

function DocItem({ doc, confirming, onToggle, onAskDelete, onCancelDelete, onDelete }: DocItemProps) {
  const c = doc.contribution;
  const themes = c.themes.map((id) => THEME_BY_ID.get(id)?.name ?? id);
  const roles = c.roles.map((r) => ROLE_NAMES[r] ?? r);
  const meta = [
    t('optionsChars', [doc.chars.toLocaleString(lang())]),
    formatBytes(doc.bytes),
    new Date(doc.addedAt).toLocaleString(lang()),
    ...(doc.fileName && doc.fileName !== doc.title ? [doc.fileName] : []),
  ];
  return (
    <li class={`doc${doc.enabled ? '' : ' disabled'}`} data-id={doc.id} data-enabled={String(doc.enabled)}>
      <div class="doc-head">
        <span class={`kind ${doc.kind}`}>{t(KIND_LABEL[doc.kind])}</span>
        <h3 class="title">{doc.title}</h3>
        <label class="toggle">
          <input type="checkbox" role="switch" checked={doc.enabled} onChange={(e) => onToggle(e.currentTarget.checked)} />
          {t('optionsEnabled')}
        </label>
        <button type="button" class="delete" onClick={onAskDelete}>
          {t('optionsDelete')}
        </button>
      </div>
      <p class="meta">{meta.join(' · ')}</p>
      {!doc.enabled && <p class="off-note">{t('optionsDisabledNote')}</p>}
      <div class="contribution" data-testid="contribution">
        <p class="counts">
          {t('optionsContribution', [String(c.essays), String(c.themes.length), String(c.examples), String(c.phrasings)])}
        </p>
        {themes.length === 0 && roles.length === 0 ? (
          <p>{t('optionsContributionNone')}</p>
        ) : (
          <>
            {themes.length > 0 && <p class="themes">{t('optionsContributionThemes', [themes.join('、')])}</p>}
            {roles.length > 0 && <p class="roles">{t('optionsContributionRoles', [roles.join(' → ')])}</p>}
          </>
        )}
        {c.samplePhrasings.length > 0 && <p class="phrasings">{t('optionsContributionPhrasings', [c.samplePhrasings.join('；')])}</p>}
      </div>
      {confirming && (
        <div class="confirm" role="alertdialog" aria-label={t('optionsConfirmDelete', [doc.title])}>
          <span>{t('optionsConfirmDelete', [doc.title])}</span>
          <button type="button" class="confirm-yes danger" onClick={onDelete}>
            {t('optionsConfirmYes')}
          </button>
          <button type="button" class="confirm-no" onClick={onCancelDelete}>
            {t('optionsConfirmNo')}
          </button>
        </div>
      )}
    </li>
  );
}
