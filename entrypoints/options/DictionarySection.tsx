/**
 * Settings: the personal dictionary — search, remove (with 撤销), export as JSON, import a JSON file
 * (checked whole here by lib/dictionary-file.ts, then stored by the background all at once or not at
 * all). Long lists show the first {@link SHOWN} matches; the search finds the rest.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { dictionaryFileName, dictionaryFileText, MAX_DICTIONARY_FILE_BYTES, parseDictionaryFile, type DictionaryFileError } from '@/lib/dictionary-file';
import { sendMessage } from '@/lib/protocol';
import { count, msg } from './i18n';
import { Notice, useNotice } from './Notice';
import { useDictionary } from './use-settings';

/** Most words rendered at once (10,000 rows would make the page slow to scroll and to tab through). */
export const SHOWN = 300;

function fileErrorText(error: DictionaryFileError): string {
  switch (error.code) {
    case 'not-json':
      return msg('dictFileNotJson');
    case 'bad-shape':
      return msg('dictFileBadShape');
    case 'bad-word':
      return msg('dictFileBadWord', count(error.index));
    case 'too-many':
      return msg('dictFileTooMany', count(error.max));
    case 'too-large':
      return msg('dictFileTooLarge');
  }
}

/** Words containing the query (case-insensitive for Latin letters), in dictionary order. */
export function filterWords(words: readonly string[], query: string): string[] {
  const q = query.trim().toLowerCase();
  return q ? words.filter((w) => w.toLowerCase().includes(q)) : [...words];
}

export function DictionarySection() {
  const { words, failed } = useDictionary();
  const { notice, show } = useNotice();
  const [query, setQuery] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => filterWords(words ?? [], query), [words, query]);

  const remove = async (word: string) => {
    try {
      const result = await sendMessage('removeFromDictionary', { word });
      if (typeof result === 'object') throw new Error(result.error);
      show({ text: msg('settingsDictRemoved', word), kind: 'ok', focus: true, undo: () => sendMessage('addToDictionary', { word }) });
    } catch {
      show({ text: msg('settingsSaveFailed'), kind: 'error' });
    }
  };

  const exportFile = () => {
    const blob = new Blob([dictionaryFileText(words ?? [])], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = dictionaryFileName(msg('settingsDictFilePrefix'), new Date());
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const refuse = (reason: string) => show({ text: msg('settingsDictImportFailed', reason), kind: 'error' });

  const importFile = async () => {
    const input = fileInput.current;
    const file = input?.files?.[0];
    if (!input || !file) return;
    input.value = '';
    if (file.size > MAX_DICTIONARY_FILE_BYTES) return refuse(msg('dictFileTooLarge'));
    let text: string;
    try {
      text = await file.text();
    } catch {
      return refuse(msg('dictFileUnreadable'));
    }
    const parsed = parseDictionaryFile(text, file.size);
    if (!parsed.ok) return refuse(fileErrorText(parsed.error));
    if (!parsed.words.length) return show({ text: msg('settingsDictImported', count(0), count(0)), kind: 'ok' });
    try {
      const result = await sendMessage('importDictionary', { words: parsed.words });
      if ('error' in result) return refuse(msg(result.error === 'full' ? 'dictImportFull' : 'dictImportStorage'));
      show({ text: msg('settingsDictImported', count(result.added), count(result.skipped)), kind: 'ok' });
    } catch {
      refuse(msg('dictImportStorage'));
    }
  };

  const shown = matches.slice(0, SHOWN);
  return (
    <section id="dictionary" class="settings-section" aria-labelledby="dictionary-heading">
      <h2 id="dictionary-heading">
        {msg('settingsDictHeading')}
        {words && <span class="count">{msg('settingsDictCount', count(words.length))}</span>}
      </h2>
      <p class="hint">{msg('settingsDictIntro')}</p>
      <div class="dict-tools">
        <label class="search">
          <span class="visually-hidden">{msg('settingsDictSearch')}</span>
          <input
            type="search"
            data-wengao="off"
            placeholder={msg('settingsDictSearch')}
            value={query}
            aria-controls="dictionary-words"
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        </label>
        <button type="button" data-action="export" onClick={exportFile} disabled={!words?.length}>
          {msg('settingsDictExport')}
        </button>
        {/* The input stays focusable (visually hidden): Tab reaches it, Enter or Space opens the picker. */}
        <input id="dict-file" ref={fileInput} class="file-input" type="file" accept=".json,application/json" data-testid="dictionary-file" onChange={() => void importFile()} />
        <label class="button secondary" for="dict-file">
          {msg('settingsDictImport')}
        </label>
      </div>
      <p class="hint">{msg('settingsDictFileHint')}</p>
      <Notice notice={notice} onDone={show} />
      {failed ? (
        <p class="error">{msg('settingsLoadFailed')}</p>
      ) : words === null ? null : words.length === 0 ? (
        <p class="empty">{msg('settingsDictEmpty')}</p>
      ) : matches.length === 0 ? (
        <p class="empty">{msg('settingsDictNoMatch', query.trim())}</p>
      ) : (
        <>
          <ul id="dictionary-words" class="words" aria-labelledby="dictionary-heading">
            {shown.map((word) => (
              <li class="word" key={word} data-word={word}>
                <span>{word}</span>
                <button type="button" data-action="remove-word" aria-label={msg('settingsDictRemoveLabel', word)} onClick={() => void remove(word)}>
                  {msg('settingsDictRemove')}
                </button>
              </li>
            ))}
          </ul>
          {matches.length > shown.length && <p class="hint">{msg('settingsDictMore', count(matches.length - shown.length))}</p>}
        </>
      )}
    </section>
  );
}
