import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { analyze, type AnalysisResult, type Issue } from '@/lib/engine';
import { sendMessage } from '@/lib/protocol';
import type { ActionResult } from '@/lib/panel/wire';
import { analyzeOptions, DEFAULT_SETTINGS, normalizeSettings, watchSettings, type Settings } from '@/lib/settings';
import { withGroupSeverity } from '@/lib/severity-override';
import { DICTIONARY_REVISION_KEY, watchRevision } from '@/lib/storage/revision';
import { useSuggestions, type Corpus } from './corpus';
import { t } from './i18n';
import { IssuesView, type IssueActions } from './IssuesView';
import { OutlineView } from './OutlineView';
import { ThemesPanel } from './ThemesPanel';

const DEBOUNCE_MS = 120;

/**
 * 草稿检查: a draft pasted or typed into the panel's own box, checked here with the same engine, settings
 * and personal dictionary as the pages; its issues, outline and themes listed below it. Fixes are typed
 * into the box through the browser's editing (Ctrl+Z undoes them).
 */
export function DraftView({ corpus }: { corpus: Corpus | null }) {
  // The textarea is uncontrolled: a keystroke costs no render; the check runs after a short pause.
  const [text, setText] = useState('');
  const [settings, setSettings] = useState<Settings>(() => normalizeSettings(DEFAULT_SETTINGS));
  const [dictionary, setDictionary] = useState<readonly string[]>([]);
  const [result, setResult] = useState<AnalysisResult>({ issues: [], outline: [] });
  const [ignored, setIgnored] = useState<ReadonlySet<string>>(new Set());
  const [hiddenRules, setHiddenRules] = useState<ReadonlySet<string>>(new Set());
  const box = useRef<HTMLTextAreaElement>(null);
  const timer = useRef(0);

  useEffect(() => {
    // Settings followed live (a rule switched off or a group's severity changed on the settings page
    // applies to the draft at once, as in the pages).
    const lifetime = new AbortController();
    watchSettings(browser.storage, lifetime.signal, setSettings)
      .then((first) => !lifetime.signal.aborted && setSettings(first))
      .catch(() => {});
    // Words the user added from a fix card are accepted here too, and follow later additions live.
    const load = () =>
      sendMessage('getDictionary')
        .then(setDictionary)
        .catch(() => {});
    void load();
    watchRevision(browser.storage, DICTIONARY_REVISION_KEY, lifetime.signal, load);
    return () => {
      lifetime.abort();
      window.clearTimeout(timer.current);
    };
  }, []);

  const options = useMemo(() => analyzeOptions(settings, { dictionary }), [settings, dictionary]);
  const check = () => {
    const value = box.current?.value ?? '';
    setText(value);
    setResult(analyze(value, options));
  };
  useEffect(check, [options]);
  const onInput = () => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(check, DEBOUNCE_MS);
  };

  const issues = useMemo(
    () =>
      withGroupSeverity(
        result.issues.filter((i) => !hiddenRules.has(i.rule) && !ignored.has(`${i.rule}:${i.start}:${i.end}:${i.text}`)),
        settings.groupSeverity,
      ),
    [result, ignored, hiddenRules, settings],
  );
  const suggestions = useSuggestions(text, corpus);

  const select = (start: number, end: number) => {
    const el = box.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(start, end);
  };
  /** Write one fix if the box still holds the issue's text there; through the editing path (undoable). */
  const write = (issue: Issue, replacement: string): boolean => {
    const el = box.current;
    if (!el || el.value.slice(issue.start, issue.end) !== issue.text) return false;
    el.focus();
    el.setSelectionRange(issue.start, issue.end);
    const ok = replacement === '' ? document.execCommand('delete') : document.execCommand('insertText', false, replacement);
    if (!ok) el.setRangeText(replacement, issue.start, issue.end, 'end');
    return true;
  };
  const actions: IssueActions = {
    locate: (issue) => select(issue.start, issue.end),
    apply: async (issue, replacement): Promise<ActionResult> => {
      const ok = write(issue, replacement);
      check();
      return ok ? { ok, applied: 1 } : { ok, reason: 'stale' };
    },
    applyAll: async (list): Promise<ActionResult> => {
      let applied = 0;
      let ok = true;
      for (const issue of list.slice().sort((a, b) => b.start - a.start)) {
        if (!write(issue, issue.replacements[0] ?? '')) {
          ok = false;
          break;
        }
        applied++;
      }
      check();
      return ok ? { ok, applied } : { ok, applied, reason: 'stale' };
    },
    ignore: async (issue) => {
      setIgnored((prev) => new Set(prev).add(`${issue.rule}:${issue.start}:${issue.end}:${issue.text}`));
      return { ok: true };
    },
    ignoreRule: async (issue) => {
      setHiddenRules((prev) => new Set(prev).add(issue.rule));
      return { ok: true };
    },
  };

  return (
    <div class="draft">
      <label class="input">
        <span>{t('panelInputLabel')}</span>
        <textarea ref={box} placeholder={t('panelPlaceholder')} spellcheck={false} data-wengao="off" onInput={onInput} />
      </label>
      <section class="draft-issues" aria-live="polite">
        <h2>
          {t('panelIssues')}
          {text && (
            <span class="count" data-testid="draft-count">
              {t('panelIssueCount', [String(issues.length)])}
            </span>
          )}
        </h2>
        {!text ? <p class="empty">{t('panelEmpty')}</p> : <IssuesView text={text} issues={issues} actions={actions} />}
      </section>
      {text && (
        <section class="draft-outline">
          <h2>{t('panelOutline')}</h2>
          <OutlineView text={text} issues={issues} suggestions={suggestions} onLocate={select} />
        </section>
      )}
      <ThemesPanel text={text} onSelect={select} effective={corpus} result={suggestions} />
    </div>
  );
}
