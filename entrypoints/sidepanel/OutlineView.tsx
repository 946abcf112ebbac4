import { useState } from 'preact/hooks';
import { ROLE_NAMES } from '@/lib/corpus/curated';
import type { Section } from '@/lib/corpus/types';
import type { Issue } from '@/lib/engine/types';
import type { CorpusSuggestions } from '@/lib/import/attribution';
import { headingSkeleton } from '@/lib/panel/skeleton';
import type { ActionResult } from '@/lib/panel/wire';
import { roleName, t } from './i18n';

/** GB/T 9704 marker of a heading as numbered in the draft (一、 （一） 1. （1）); none when unnumbered. */
function marker(s: Section): string {
  if (!s.number) return '';
  switch (s.level) {
    case 1:
      return `${s.number}、`;
    case 3:
      return `${s.number}.`;
    default:
      return `（${s.number}）`;
  }
}

/**
 * The outline: the draft's headings as a tree (level by indentation) with their roles, numbering
 * problems (the structure issues the page found on a heading) marked under it, and the usual sections
 * the draft lacks with a button that inserts a heading skeleton at the right place.
 */
export function OutlineView(props: {
  text: string;
  issues: readonly Issue[];
  suggestions: CorpusSuggestions | null;
  onLocate(start: number, end: number): void;
  onInsert?(at: number, text: string): Promise<ActionResult>;
}) {
  const { suggestions } = props;
  const [status, setStatus] = useState<{ text: string; kind: 'ok' | 'error' } | null>(null);
  if (!props.text.trim()) return <p class="empty">{t('panelOutlineEmpty')}</p>;
  if (!suggestions) return <p class="empty">{t('panelComputing')}</p>;
  const headings = suggestions.sections.filter((s) => s.kind !== 'implicit');
  const structure = props.issues.filter((i) => i.category === 'structure');
  const problemsOf = (s: Section) => structure.filter((i) => i.start < Math.max(s.end, s.start + 1) && i.end >= s.start);
  const order = ['intro', 'problems', 'causes', 'measures', 'conclusion'] as const;
  const insert = async (m: CorpusSuggestions['missingSections'][number]) => {
    if (!props.onInsert) return;
    const s = headingSkeleton(props.text, suggestions.sections, m);
    const r = await props.onInsert(s.at, s.text);
    setStatus(r.ok ? { text: t('panelInserted', [s.heading]), kind: 'ok' } : { text: t(r.reason === 'no-editor' ? 'panelEditorGone' : 'panelApplyFailed'), kind: 'error' });
  };
  return (
    <div class="outline">
      {status && (
        <p class={`status ${status.kind}`} role="status">
          {status.text}
        </p>
      )}
      <section class="missing" aria-label={t('themesMissingSections')}>
        <p class="typical">{t('panelOutlineTypical', [order.map((r) => roleName(r, ROLE_NAMES[r])).join(' → ')])}</p>
        {suggestions.missingSections.length === 0 ? (
          <p class="empty">{t('panelOutlineNoneMissing')}</p>
        ) : (
          <ul class="missing-list">
            {suggestions.missingSections.map((m) => (
              <li key={m.role} class="missing-section" data-role={m.role}>
                <span class="name">{t('panelOutlineLacks', [roleName(m.role, m.name)])}</span>
                <span class="example">{m.example}</span>
                {props.onInsert && (
                  <button type="button" class="primary" data-testid="insert-heading" onClick={() => void insert(m)}>
                    {t('panelInsertHeading')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {headings.length === 0 ? (
        <p class="empty">{t('panelOutlineEmpty')}</p>
      ) : (
        <ul class="tree" role="tree" aria-label={t('panelTabOutline')}>
          {headings.map((s) => {
            const problems = problemsOf(s);
            return (
              <li key={s.start} role="treeitem" aria-level={s.level} class={`heading level-${s.level}${problems.length ? ' has-problem' : ''}`} data-role={s.role}>
                <button type="button" onClick={() => props.onLocate(s.start, s.end)}>
                  <span class="number">{marker(s)}</span>
                  <span class="title">{s.title}</span>
                  {s.role !== 'other' && <span class={`role role-${s.role}`}>{roleName(s.role, ROLE_NAMES[s.role])}</span>}
                </button>
                {problems.map((p) => (
                  <p key={`${p.start}:${p.rule}`} class="problem" title={t('panelNumberingProblem')}>
                    ⚠ {p.message}
                    {p.replacements[0] !== undefined && (
                      <>
                        {' '}
                        <del>{p.text}</del> → <ins>{p.replacements[0]}</ins>
                      </>
                    )}
                  </p>
                ))}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
