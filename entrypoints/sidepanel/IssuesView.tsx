import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Issue } from '@/lib/engine/types';
import { ruleMessageKeys, groupMessageKey } from '@/lib/rule-catalog';
import { applicable, groupIssues, rowsOf, type Group, type Row, type Run } from '@/lib/panel/groups';
import { charDiff, type DiffPart } from '@/lib/panel/char-diff';
import { contextOf } from '@/lib/panel/context';
import { previewOf } from '@/lib/panel/preview';
import type { ActionResult } from '@/lib/panel/wire';
import { t } from './i18n';
import { VirtualRows, type VirtualItem } from './VirtualRows';

/**
 * The issue list: groups by kind in writers' words with counts, runs of the same mark folded, each row
 * with its sentence (the issue marked), the message, a character diff of the fix (半角/全角 labelled) and
 * the actions. "Apply all" in a group (or a run) shows a preview of every changed sentence first.
 * Everything from the page is rendered as text. Keyboard: ↑/↓ between rows, Enter locates, A applies,
 * I ignores (the buttons are reachable with Tab too).
 */
export interface IssueActions {
  locate(issue: Issue): void;
  apply(issue: Issue, replacement: string): Promise<ActionResult>;
  applyAll(issues: Issue[]): Promise<ActionResult>;
  ignore(issue: Issue): Promise<ActionResult>;
  ignoreRule(issue: Issue): Promise<ActionResult>;
}

/** Preview sentences listed at most (the count covers all). */
const PREVIEW_SHOWN = 60;

const keyOf = (i: Issue) => `${i.rule}:${i.start}:${i.end}`;
const rowKey = (row: Row) => (row.type === 'issue' ? keyOf(row.issue) : `run:${row.run.key}`);
const ruleName = (rule: string) => t(ruleMessageKeys(rule).name) || '';

export function IssuesView(props: { text: string; issues: readonly Issue[]; actions: IssueActions; busy?: boolean }) {
  const { text, issues, actions } = props;
  const groups = useMemo(() => groupIssues(issues), [issues]);
  const [status, setStatus] = useState<{ text: string; kind: 'ok' | 'error' } | null>(null);
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const [preview, setPreview] = useState<{ key: string; issues: Issue[] } | null>(null);
  const [working, setWorking] = useState(false);
  const list = useRef<HTMLDivElement>(null);

  const report = (r: ActionResult, applied?: number) => {
    if (r.ok) setStatus(applied !== undefined ? { text: t('panelApplied', [String(applied)]), kind: 'ok' } : null);
    else if (r.reason === 'no-editor') setStatus({ text: t('panelEditorGone'), kind: 'error' });
    else if ((r.applied ?? 0) > 0) setStatus({ text: t('panelStopped', [String(r.applied)]), kind: 'error' });
    // Apply all is all or nothing: nothing written (stale beforehand) or taken back (refused partway).
    else if (applied !== undefined && r.undone) setStatus({ text: t('panelApplyAllUndone'), kind: 'error' });
    else if (applied !== undefined && r.reason === 'stale') setStatus({ text: t('panelApplyAllStale'), kind: 'error' });
    else setStatus({ text: t('panelApplyFailed'), kind: 'error' });
  };
  const run = async (work: () => Promise<ActionResult>, counted = false) => {
    setWorking(true);
    try {
      const r = await work();
      report(r, counted ? r.applied ?? 0 : undefined);
    } finally {
      setWorking(false);
    }
  };

  const toggle = (kind: string) =>
    setClosed((prev) => {
      const next = new Set(prev);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });

  /** ↑/↓ between rows, Enter / A / I on a focused row. */
  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    const row = target.closest<HTMLElement>('[data-row]');
    if (!row || !list.current) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const rows = Array.from(list.current.querySelectorAll<HTMLElement>('[data-row]'));
      const i = rows.indexOf(row);
      const next = rows[i + (e.key === 'ArrowDown' ? 1 : -1)];
      if (next) {
        next.focus();
        e.preventDefault();
      }
      return;
    }
    if (target !== row || e.ctrlKey || e.metaKey || e.altKey) return;
    const action = e.key === 'Enter' ? 'locate' : e.key.toLowerCase() === 'a' ? 'apply' : e.key.toLowerCase() === 'i' ? 'ignore' : null;
    const button = action ? row.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`) : null;
    if (button) {
      button.click();
      e.preventDefault();
    }
  };

  const statusLine = status && (
    <p class={`status ${status.kind}`} role="status" data-testid="status">
      {status.text}
    </p>
  );
  // The last fix's word stays when it left nothing to list (已应用 4 处).
  if (!issues.length)
    return (
      <div class="issues">
        {statusLine}
        <p class="empty" data-testid="no-issues">
          {t('panelNoIssues')}
        </p>
      </div>
    );

  return (
    <div class="issues" ref={list} onKeyDown={onKeyDown}>
      {statusLine}
      {groups.map((group) => (
        <GroupView
          key={group.kind}
          group={group}
          text={text}
          open={!closed.has(group.kind)}
          onToggle={() => toggle(group.kind)}
          actions={actions}
          busy={working || !!props.busy}
          preview={preview}
          onPreview={(key, list) => setPreview(list ? { key, issues: list } : null)}
          onConfirm={(list) => {
            setPreview(null);
            void run(() => actions.applyAll(list), true);
          }}
          run={run}
        />
      ))}
    </div>
  );
}

interface GroupProps {
  group: Group;
  text: string;
  open: boolean;
  onToggle(): void;
  actions: IssueActions;
  busy: boolean;
  preview: { key: string; issues: Issue[] } | null;
  onPreview(key: string, issues: Issue[] | null): void;
  onConfirm(issues: Issue[]): void;
  run(work: () => Promise<ActionResult>, counted?: boolean): Promise<void>;
}

function GroupView(props: GroupProps) {
  const { group, text, open } = props;
  const [unfolded, setUnfolded] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => rowsOf(group, unfolded), [group, unfolded]);
  const fixable = useMemo(() => applicable(group.issues), [group]);
  const name = t(groupMessageKey(group.kind));
  const id = `group-${group.kind}`;
  const previewKey = `group:${group.kind}`;
  const applyAll = useRef<HTMLButtonElement>(null);
  const unfold = (run: Run, on: boolean) =>
    setUnfolded((prev) => {
      const next = new Set(prev);
      if (on) next.add(run.key);
      else next.delete(run.key);
      return next;
    });
  return (
    <section class="group" data-kind={group.kind} aria-labelledby={`${id}-h`}>
      <header class="group-head">
        <h3 id={`${id}-h`}>
          <button type="button" class="toggle" aria-expanded={open} aria-controls={id} title={t('panelGroupToggle', [name])} onClick={props.onToggle}>
            <span class="chevron" aria-hidden="true">{open ? '▾' : '▸'}</span>
            {name}
            <span class="count" data-testid="group-count">{group.issues.length}</span>
          </button>
          <Severities issues={group.issues} />
        </h3>
        {fixable.length > 1 && (
          <button type="button" class="apply-all" ref={applyAll} disabled={props.busy} onClick={() => props.onPreview(previewKey, fixable)} data-testid="apply-all">
            {t('panelApplyAll', [String(fixable.length)])}
          </button>
        )}
      </header>
      {props.preview?.key === previewKey && <Preview text={text} issues={props.preview.issues} onCancel={() => (props.onPreview(previewKey, null), applyAll.current?.focus())} onConfirm={props.onConfirm} busy={props.busy} />}
      {open && (
        <VirtualRows
          id={id}
          class="rows"
          label={t('panelRowsLabel', [name, String(group.issues.length)])}
          rows={rows}
          keyOf={rowKey}
          render={(row, item) =>
            row.type === 'issue' ? (
              <IssueRow key={item['data-vkey']} item={item} issue={row.issue} text={text} actions={props.actions} busy={props.busy} run={props.run} />
            ) : (
              <RunRow
                key={item['data-vkey']}
                item={item}
                run={row.run}
                text={text}
                busy={props.busy}
                onUnfold={() => unfold(row.run, true)}
                preview={props.preview?.key === `run:${row.run.key}` ? props.preview.issues : null}
                onPreview={(list) => props.onPreview(`run:${row.run.key}`, list)}
                onConfirm={props.onConfirm}
              />
            )
          }
        />
      )}
      {open && unfolded.size > 0 && (
        <button type="button" class="link fold" onClick={() => setUnfolded(new Set())}>
          {t('panelCollapseRun')}
        </button>
      )}
    </section>
  );
}

const SEVERITY_KEYS = { error: 'panelSevError', warning: 'panelSevWarning', info: 'panelSevInfo' } as const;

/** How serious a group's issues are: a count per severity (错误 · 建议 · 提示), the worst first. */
function Severities({ issues }: { issues: readonly Issue[] }) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) counts[issue.severity]++;
  return (
    <span class="severities" data-testid="severities">
      {(['error', 'warning', 'info'] as const).map((sev) =>
        counts[sev] ? (
          <span key={sev} class={`sev ${sev}`} data-severity={sev}>
            {t(SEVERITY_KEYS[sev], [String(counts[sev])])}
          </span>
        ) : null,
      )}
    </span>
  );
}

/** The sentence with the issue's span marked. */
function Sentence({ text, issue }: { text: string; issue: Issue }) {
  const c = contextOf(text, issue.start, issue.end);
  return (
    <p class="sentence">
      {c.cutStart && '…'}
      {c.before}
      <mark class={issue.severity}>{c.mark || '\u2009'}</mark>
      {c.after}
      {c.cutEnd && '…'}
    </p>
  );
}

/** Longest before/after shown as a character diff; longer ones are shown elided, without one. */
const MAX_DIFF = 60;
const elide = (s: string) => (s.length > MAX_DIFF ? `${s.slice(0, 24)}…${s.slice(-24)}` : s);

/** before → after, the changed characters marked on each side (半角/全角 labelled). */
function Diff({ before, after }: { before: string; after: string | undefined }) {
  if (after === undefined) return <p class="diff nofix">{t('panelNoFix')}</p>;
  const parts = before.length > MAX_DIFF || after.length > MAX_DIFF ? charDiff(elide(before), elide(after)) : charDiff(before, after);
  return (
    <p class="diff">
      <span class="side before">{parts.filter((p) => p.type !== 'ins').map((p, i) => <DiffChunk key={i} part={p} />)}</span>
      <span class="arrow" aria-hidden="true">→</span>
      <span class="side after">
        {after === '' ? <span class="nofix">{t('panelDelete')}</span> : parts.filter((p) => p.type !== 'del').map((p, i) => <DiffChunk key={i} part={p} />)}
      </span>
    </p>
  );
}

function DiffChunk({ part }: { part: DiffPart }) {
  if (part.type === 'same') return <span class="same">{part.text}</span>;
  const label = part.width ? <span class={`width ${part.width}`}>{t(part.width === 'half' ? 'panelHalfWidth' : 'panelFullWidth')}</span> : null;
  const Tag = part.type === 'del' ? 'del' : 'ins';
  return (
    <Tag title={part.codes}>
      {part.text}
      {label}
    </Tag>
  );
}

function IssueRow(props: { item: VirtualItem; issue: Issue; text: string; actions: IssueActions; busy: boolean; run: GroupProps['run'] }) {
  const { issue, actions } = props;
  const fix = issue.replacements[0];
  const name = ruleName(issue.rule);
  return (
    <li {...props.item} class={`issue ${issue.severity}`} data-row tabIndex={0} data-rule={issue.rule} title={t('panelRowHint')}>
      <Sentence text={props.text} issue={issue} />
      <p class="message">{issue.message}</p>
      <Diff before={issue.text} after={fix} />
      <div class="actions">
        <button type="button" data-action="locate" onClick={() => actions.locate(issue)}>
          {t('panelLocate')}
        </button>
        {fix !== undefined && (
          <button type="button" class="primary" data-action="apply" disabled={props.busy} onClick={() => void props.run(() => actions.apply(issue, fix))}>
            {t('panelApply')}
          </button>
        )}
        <button type="button" data-action="ignore" disabled={props.busy} onClick={() => void props.run(() => actions.ignore(issue))}>
          {t('panelIgnore')}
        </button>
        <button type="button" data-action="ignore-rule" disabled={props.busy} title={name ? t('panelIgnoreRuleTitle', [name]) : ''} onClick={() => void props.run(() => actions.ignoreRule(issue))}>
          {t('panelIgnoreRule')}
        </button>
      </div>
    </li>
  );
}

function RunRow(props: {
  item: VirtualItem;
  run: Run;
  text: string;
  busy: boolean;
  onUnfold(): void;
  preview: Issue[] | null;
  onPreview(issues: Issue[] | null): void;
  onConfirm(issues: Issue[]): void;
}) {
  const first = props.run.issues[0]!;
  const fixable = applicable(props.run.issues);
  const applyAll = useRef<HTMLButtonElement>(null);
  return (
    <li {...props.item} class={`issue run ${first.severity}`} data-row tabIndex={0} data-rule={first.rule} data-testid="run">
      <p class="run-head">
        <span class="name">{ruleName(first.rule) || first.message}</span>
        <span class="count">{t('panelRunCount', [String(props.run.issues.length)])}</span>
      </p>
      <p class="message">{first.message}</p>
      <Diff before={first.text} after={first.replacements[0]} />
      <div class="actions">
        <button type="button" data-action="locate" onClick={props.onUnfold}>
          {t('panelExpandRun')}
        </button>
        {fixable.length > 1 && (
          <button type="button" class="primary" data-action="apply" ref={applyAll} disabled={props.busy} onClick={() => props.onPreview(fixable)}>
            {t('panelApplyAll', [String(fixable.length)])}
          </button>
        )}
      </div>
      {props.preview && <Preview text={props.text} issues={props.preview} onCancel={() => (props.onPreview(null), applyAll.current?.focus())} onConfirm={props.onConfirm} busy={props.busy} />}
    </li>
  );
}

function Preview(props: { text: string; issues: Issue[]; onCancel(): void; onConfirm(issues: Issue[]): void; busy: boolean }) {
  const hunks = useMemo(() => previewOf(props.text, props.issues), [props.text, props.issues]);
  const confirm = useRef<HTMLButtonElement>(null);
  // From the keyboard: the preview opens with 应用 focused (Enter applies), Escape closes it.
  useLayoutEffect(() => confirm.current?.focus({ preventScroll: false }), []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    props.onCancel();
  };
  return (
    <div class="preview" role="dialog" aria-label={t('panelPreviewTitle', [String(props.issues.length)])} data-testid="preview" onKeyDown={onKeyDown}>
      <p class="preview-title">{t('panelPreviewTitle', [String(props.issues.length)])}</p>
      <ol class="hunks">
        {hunks.slice(0, PREVIEW_SHOWN).map((h) => {
          const parts = charDiff(h.before, h.after);
          return (
            <li key={h.from}>
              <p class="minus">
                <span aria-hidden="true">− </span>
                {parts.filter((p) => p.type !== 'ins').map((p, i) => (p.type === 'del' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>))}
              </p>
              <p class="plus">
                <span aria-hidden="true">+ </span>
                {parts.filter((p) => p.type !== 'del').map((p, i) => (p.type === 'ins' ? <ins key={i}>{p.text}</ins> : <span key={i}>{p.text}</span>))}
              </p>
            </li>
          );
        })}
      </ol>
      {hunks.length > PREVIEW_SHOWN && <p class="empty">…</p>}
      <div class="actions">
        <button type="button" class="primary" ref={confirm} disabled={props.busy} onClick={() => props.onConfirm(props.issues)} data-testid="confirm-apply">
          {t('panelConfirmApply')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('panelCancel')}
        </button>
      </div>
    </div>
  );
}
