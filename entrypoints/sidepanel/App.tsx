import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { analyze, rules, type AnalysisResult, type Issue, type OutlineEntry } from '@/lib/engine';
import { sendMessage } from '@/lib/protocol';
import { analyzeOptions, DEFAULT_SETTINGS, normalizeSettings, type Settings } from '@/lib/settings';
import { DICTIONARY_REVISION_KEY, watchRevision } from '@/lib/storage/revision';
import { ThemesPanel } from './ThemesPanel';

type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];
const t = (key: MessageKey, substitutions?: string[]) => browser.i18n.getMessage(key, substitutions);

const DEBOUNCE_MS = 120;
/** Rendering thousands of rows would make typing lag on huge pastes; the count still covers all. */
const MAX_LISTED = 500;
const ruleDescriptions = new Map(rules.map((r) => [r.meta.id, r.meta.description]));
const severityLabel = { error: 'severityError', warning: 'severityWarning', info: 'severityInfo' } as const;

/** Make invisible characters visible in the before → after pair. */
function show(text: string): string {
  return text.replace(/\r\n|\n|\r/g, '↵').replace(/ /g, '␣').replace(/\t/g, '⇥').replace(/\u3000/g, '□');
}

export function App() {
  // The textarea is uncontrolled: a keystroke costs no render; the check runs after a short pause.
  const [text, setText] = useState('');
  const [settings, setSettings] = useState<Settings>(() => normalizeSettings(DEFAULT_SETTINGS));
  const [result, setResult] = useState<AnalysisResult>({ issues: [], outline: [] });
  const textarea = useRef<HTMLTextAreaElement>(null);
  const timer = useRef(0);

  const [dictionary, setDictionary] = useState<readonly string[]>([]);

  useEffect(() => {
    sendMessage('getSettings')
      .then((s) => setSettings(normalizeSettings(s)))
      .catch(() => {});
    // Words the user added from a fix card are accepted here too, and follow later additions live.
    const lifetime = new AbortController();
    const loadDictionary = () =>
      sendMessage('getDictionary')
        .then(setDictionary)
        .catch(() => {});
    void loadDictionary();
    watchRevision(browser.storage, DICTIONARY_REVISION_KEY, lifetime.signal, loadDictionary);
    return () => lifetime.abort();
  }, []);

  const options = useMemo(() => analyzeOptions(settings, { dictionary }), [settings, dictionary]);
  const check = () => {
    const value = textarea.current?.value ?? '';
    setText(value);
    setResult(analyze(value, options));
  };
  useEffect(check, [options]);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const onInput = () => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(check, DEBOUNCE_MS);
  };

  const select = (start: number, end: number) => {
    const el = textarea.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(start, end);
  };

  return (
    <main class="panel">
      <header class="top">
        <img class="logo" src="/icon/32.png" alt="" width={20} height={20} />
        <h1>{t('extName')}</h1>
        <a class="practice" href={browser.runtime.getURL('/practice.html')} target="_blank" rel="noopener">
          {t('panelPractice')}
        </a>
      </header>

      <label class="input">
        <span>{t('panelInputLabel')}</span>
        <textarea
          ref={textarea}
          placeholder={t('panelPlaceholder')}
          spellcheck={false}
          data-wengao="off"
          onInput={onInput}
        />
      </label>

      <section class="issues" aria-live="polite">
        <h2>
          {t('panelIssues')}
          {text && <span class="count" data-testid="issue-count">{t('panelIssueCount', [String(result.issues.length)])}</span>}
        </h2>
        {!text ? (
          <p class="empty">{t('panelEmpty')}</p>
        ) : result.issues.length === 0 ? (
          <p class="empty">{t('panelNoIssues')}</p>
        ) : (
          <>
            <ol>
              {result.issues.slice(0, MAX_LISTED).map((issue) => (
                <IssueItem key={`${issue.rule}:${issue.start}:${issue.end}:${issue.replacements[0] ?? ''}`} issue={issue} onSelect={select} />
              ))}
            </ol>
            {result.issues.length > MAX_LISTED && (
              <p class="empty">{t('panelMore', [String(result.issues.length - MAX_LISTED)])}</p>
            )}
          </>
        )}
      </section>

      <section class="outline">
        <h2>{t('panelOutline')}</h2>
        {result.outline.length === 0 ? (
          <p class="empty">{t('panelOutlineEmpty')}</p>
        ) : (
          <ul>
            {result.outline.map((entry) => (
              <OutlineItem key={`${entry.start}`} entry={entry} onSelect={select} />
            ))}
          </ul>
        )}
      </section>

      <ThemesPanel text={text} onSelect={select} />

      <footer>{t('panelPrivacy')}</footer>
    </main>
  );
}

function IssueItem({ issue, onSelect }: { issue: Issue; onSelect: (start: number, end: number) => void }) {
  const fix = issue.replacements[0];
  return (
    <li class={`issue ${issue.severity}`} data-rule={issue.rule}>
      <button type="button" onClick={() => onSelect(issue.start, issue.end)}>
        <span class="meta">
          <span class="severity">{t(severityLabel[issue.severity])}</span>
          <span class="rule" title={ruleDescriptions.get(issue.rule) ?? ''}>
            {issue.rule}
          </span>
        </span>
        <span class="message">{issue.message}</span>
        <span class="diff">
          <del>{show(issue.text)}</del>
          <span class="arrow">→</span>
          {fix === undefined ? (
            <span class="nofix">{t('panelNoFix')}</span>
          ) : fix === '' ? (
            <span class="nofix">{t('panelDelete')}</span>
          ) : (
            <ins>{show(fix)}</ins>
          )}
        </span>
      </button>
    </li>
  );
}

/** The heading number as GB/T 9704 writes it at each level: 一、 （一） 1. （1） */
export function headingMarker(entry: Pick<OutlineEntry, 'level' | 'number'>): string {
  switch (entry.level) {
    case 1:
      return `${entry.number}、`;
    case 3:
      return `${entry.number}.`;
    default:
      return `（${entry.number}）`;
  }
}

function OutlineItem({ entry, onSelect }: { entry: OutlineEntry; onSelect: (start: number, end: number) => void }) {
  return (
    <li class={`level-${entry.level}`}>
      <button type="button" onClick={() => onSelect(entry.start, entry.end)}>
        <span class="number">{headingMarker(entry)}</span>
        {entry.title}
      </button>
    </li>
  );
}
