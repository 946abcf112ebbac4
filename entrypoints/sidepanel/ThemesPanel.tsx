import { ROLE_NAMES } from '@/lib/corpus/curated';
import type { CorpusSuggestions, Sourced } from '@/lib/import/attribution';
import type { CorpusSource } from '@/lib/import/types';
import { useState } from 'preact/hooks';
import type { ActionResult } from '@/lib/panel/wire';
import type { Corpus } from './corpus';
import { saveCorpusSnippet } from './snippet-actions';
import './themes.css';

import { roleName, t } from './i18n';

/** Missing themes shown open (plus any whose examples come from the user's documents); the rest collapsed. */
const OPEN_THEMES = 3;

/**
 * Sections and themes of the draft against the effective corpus (default corpus + the user's enabled
 * reference documents, fetched from the background and re-fetched when the library changes). Every
 * example heading, sentence and phrasing names the document it comes from.
 */
export function ThemesPanel({
  text,
  onSelect,
  effective,
  result,
  onInsert,
}: {
  text: string;
  onSelect: (start: number, end: number) => void;
  /** The effective corpus and the suggestions for `text` (shared with the outline: ./corpus.ts). */
  effective: Corpus | null;
  result: CorpusSuggestions | null;
  /** Insert a phrasing or an example sentence at the writer's caret in the page (absent: not offered). */
  onInsert?: (text: string) => Promise<ActionResult>;
}) {
  const [status, setStatus] = useState<{ text: string; kind: 'ok' | 'error' } | null>(null);
  const insert = onInsert
    ? async (text: string) => {
        const r = await onInsert(text);
        setStatus(r.ok ? { text: t('panelInsertedText', [text]), kind: 'ok' } : { text: t(r.reason === 'no-editor' ? 'panelEditorGone' : 'panelNoCaret'), kind: 'error' });
      }
    : undefined;
  /** ☆: keep a sentence or phrasing as a snippet (tagged with the theme; source: the document it came from). */
  const save = async (text: string, theme: string, source: CorpusSource | null) => {
    const r = await saveCorpusSnippet(text, theme, source?.kind === 'user' ? source.id : 'corpus').catch(() => null);
    if (!r?.ok) setStatus({ text: t('themesSaveFailed'), kind: 'error' });
    else setStatus({ text: t(r.created ? 'themesSavedSnippet' : 'themesSnippetExists', [text]), kind: 'ok' });
  };
  const userCount = effective ? Object.keys(effective.userDocs).length : 0;

  return (
    <section class="themes" data-testid="themes" aria-live="polite">
      <h2>
        {t('themesHeading')}
        <span class="count" data-testid="themes-basis">
          {userCount ? t('themesBasis', [String(userCount)]) : t('themesBasisDefault')}
        </span>
        <button type="button" class="manage" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('themesManage')}
        </button>
      </h2>
      {status && (
        <p class={`status ${status.kind}`} role="status">
          {status.text}
        </p>
      )}
      {!text.trim() ? (
        <p class="empty">{t('themesEmpty')}</p>
      ) : result ? (
        <>
          <h3>{t('themesMissingSections')}</h3>
          {result.missingSections.length === 0 ? (
            <p class="empty">{t('themesNoMissingSections')}</p>
          ) : (
            <ul class="missing-sections">
              {result.missingSections.map((m) => (
                <li key={m.role} class="missing-section" data-role={m.role}>
                  <button type="button" onClick={() => onSelect(m.insertAt, m.insertAt)}>
                    <span class="name">{roleName(m.role, m.name)}</span>
                    <span class="where">{m.after ? t('themesAfter', [roleName(m.after, ROLE_NAMES[m.after])]) : t('themesFirst')}</span>
                  </button>
                  <p class="example">
                    {t('themesExample')}“{m.example}”<SourceMark source={m.exampleSource} />
                  </p>
                </li>
              ))}
            </ul>
          )}

          {result.enumerations.length > 0 && (
            <>
              <h3>{t('themesEnumerations')}</h3>
              <ul class="enumerations">
                {result.enumerations.map((e) => (
                  <li key={`${e.start}:${e.end}`} class="enumeration">
                    <button type="button" onClick={() => onSelect(e.start, e.end)}>
                      {e.written.join('、')}
                    </button>
                    <span class="missing">{t('themesEnumerationMissing', [e.missing.join('、')])}</span>
                    <SourceMark source={e.source} />
                  </li>
                ))}
              </ul>
            </>
          )}

          <h3>{t('themesCovered')}</h3>
          {result.covered.length === 0 ? (
            <p class="empty">{t('themesNoneCovered')}</p>
          ) : (
            <ul class="covered">
              {result.covered.map((c) => (
                <li key={c.id} class="covered-theme" data-theme={c.id}>
                  <span class="name">{c.name}</span>
                  <span class="evidence">
                    {c.keywords.slice(0, 6).map((k) => {
                      const span = c.spans.find(([s, e]) => text.slice(s, e) === k) ?? c.spans[0];
                      return (
                        <button key={k} type="button" class="keyword" onClick={() => span && onSelect(span[0], span[1])}>
                          {k}
                        </button>
                      );
                    })}
                  </span>
                </li>
              ))}
            </ul>
          )}

          <h3>{t('themesMissing')}</h3>
          {result.missingThemes.length === 0 ? (
            <p class="empty">{t('themesNoneMissing')}</p>
          ) : (
            <ul class="missing-themes">
              {result.missingThemes.map((m, i) => (
                <li key={m.id} class="missing-theme" data-theme={m.id}>
                  {/* The most common ones open; the rest one click away (the list can hold 15 themes). */}
                  <details open={i < OPEN_THEMES || m.examples.some((e) => e.source?.kind === 'user')}>
                    <summary class="head">
                      <span class="name">{m.name}</span>
                      <span class="freq">{t('themesFrequency', [String(Math.round(m.frequency * 100))])}</span>
                    </summary>
                    <ul class="examples">
                      {m.examples.map((e) => (
                        <li key={e.text} class="example">
                          “{e.text}”<SourceMark source={e.source} />
                          {insert && <InsertButton onClick={() => void insert(e.text)} />}
                          <SaveButton onClick={() => void save(e.text, m.name, e.source)} />
                        </li>
                      ))}
                    </ul>
                    {m.phrasings.length > 0 && <Phrasings items={m.phrasings} onInsert={insert} onSave={(p) => void save(p.text, m.name, p.source)} />}
                  </details>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}

function Phrasings({ items, onInsert, onSave }: { items: Sourced[]; onInsert?: (text: string) => Promise<void>; onSave: (item: Sourced) => void }) {
  return (
    <p class="phrasings">
      <span class="label">{t('themesPhrasings')}</span>
      {items.map((p, i) => (
        <span key={p.text} class="phrasing">
          {i > 0 && '；'}
          {p.text}
          {p.source?.kind === 'user' && <SourceMark source={p.source} />}
          {onInsert && <InsertButton onClick={() => void onInsert(p.text)} />}
          <SaveButton onClick={() => onSave(p)} />
        </span>
      ))}
    </p>
  );
}

function InsertButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" class="insert-text" data-testid="insert-text" title={t('panelInsertAtCaretHint')} onClick={onClick}>
      {t('panelInsertAtCaret')}
    </button>
  );
}

/** ☆ 存为常用语 (a real button: Tab reaches it, Enter and Space press it). */
function SaveButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" class="save-snippet" data-testid="save-snippet" title={t('themesSaveSnippetHint')} aria-label={t('themesSaveSnippetHint')} onClick={onClick}>
      ☆
    </button>
  );
}

function SourceMark({ source }: { source: CorpusSource | null }) {
  if (!source) return null;
  return (
    <cite class={`source ${source.kind}`} data-source={source.kind} data-source-id={source.id} title={source.title}>
      {source.kind === 'user' ? t('themesSourceUser') : t('themesSourceDefault')}《{source.title}》
    </cite>
  );
}
