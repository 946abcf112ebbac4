/**
 * Every message between extension contexts (content script ⇄ background ⇄ side panel), typed.
 * Data and return values are plain JSON. Add a message here first, then its row in lib/message-policy.ts
 * (who may send it, the schema of its data) and its handler in entrypoints/background.ts (or
 * lib/storage/handlers.ts). A message refused by the policy rejects the sender's promise.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Issue, Severity } from './engine/types';
import type { EditorStateMessage } from './panel/snapshot';
import type { RuleGroup } from './rule-catalog';
import type { RuleSettings, Settings } from './settings';
import type { LanguageSetting, Locale, LocaleMessages } from './ui-language';
import type { EffectiveCorpus, ImportResult, ReferenceDocSummary, ReferenceImport } from './import/types';
import type { DictionaryImportResult, DictionaryWriteResult } from './storage/dictionary';
import type { PageStateKey } from './storage/page-state';
import type { SearchResult } from './snippets/search';
import type { Snippet } from './snippets/types';
import type { ImportOutcome, SaveResult } from './storage/snippets';

export type { DictionaryImportResult, DictionaryWriteFailure, DictionaryWriteResult } from './storage/dictionary';

export interface ProtocolMap {
  /** Liveness check; the background answers with its manifest version. */
  ping(): { ok: true; version: string };
  /** The current settings (defaults filled in). */
  getSettings(): Settings;
  /** "忽略此规则" in the fix card: switch rule `rule` off on `site` (lib/settings.ts siteKey). */
  ignoreRuleOnSite(data: { site: string; rule: string }): boolean;
  /** Switch checking on or off for one site. */
  setSiteEnabled(data: { site: string; enabled: boolean }): boolean;

  // The settings page (extension pages only: content scripts never write settings). Each answers true
  // when something changed. Open tabs follow through storage (lib/settings.ts watchSettings).
  /** Checking in web pages on or off everywhere. */
  setCheckingEnabled(data: { enabled: boolean }): boolean;
  /** Rules (ids of lib/rule-catalog.ts) on or off everywhere; several at once for a whole group. */
  setRulesEnabled(data: { rules: string[]; enabled: boolean }): boolean;
  /** Undo "忽略此规则": check `rule` on `site` again. */
  restoreRuleOnSite(data: { site: string; rule: string }): boolean;
  /** Pause after the last keystroke before checking (ms, clamped to DEBOUNCE_LIMITS). */
  setDebounceMs(data: { ms: number }): boolean;
  /** Interface language: follow the browser, or always Chinese / English (lib/ui-language.ts). */
  setLanguage(data: { language: LanguageSetting }): boolean;
  /** A rule group's findings shown at `severity` (错误 / 建议 / 提示), or at its rules' own (null). */
  setGroupSeverity(data: { group: RuleGroup; severity: Severity | null }): boolean;
  /** The rule switches and group severities replaced at once: 恢复默认 (both empty) and its 撤销. */
  setRuleSettings(data: RuleSettings): boolean;
  /**
   * A locale's `messages.json` (checked), for a page or the card that must speak another language than
   * chrome.i18n's. Rejects when the background cannot read it (callers keep their built-in texts).
   */
  getLocaleMessages(data: { locale: Locale }): LocaleMessages;
  /** Check `site` again, whether it was switched off in the settings or from the badge (本网站不检查). */
  resumeSite(data: { site: string }): boolean;
  /** Check the fields of `site` switched off from the badge (本栏不检查) again; the field keys that were off. */
  resumeSiteFields(data: { site: string }): string[];
  /** The undo of resumeSiteFields: those fields off again. */
  restoreSiteFields(data: { site: string; fields: string[] }): boolean;
  /**
   * What a content script reads of storage.local (closed to it): those keys, each cut down to the
   * sender's site (lib/storage/page-state.ts).
   */
  readPageState(data: { keys: PageStateKey[] }): Record<string, unknown>;
  /** The badge's 本网站不检查 (`field` null) / 本栏不检查 and their 撤销, for the sender's own site. */
  setBadgeSwitch(data: { site: string; field: string | null; off: boolean }): boolean;

  // Personal dictionary — answered by lib/storage/handlers.ts.
  /** Every word of the personal dictionary, oldest first. */
  getDictionary(): string[];
  /**
   * "加入词典": true when added, false when the word was already there or is not a valid word, or a
   * failure ({error, messageKey}: show `_locales[messageKey]`, "未能保存到词典") when it was not saved.
   */
  addToDictionary(data: { word: string }): DictionaryWriteResult;
  /** Same results as addToDictionary (false: the word was not there). */
  removeFromDictionary(data: { word: string }): DictionaryWriteResult;
  /** Settings page: add a validated word list (lib/dictionary-file.ts) all at once, or nothing. */
  importDictionary(data: { words: string[] }): DictionaryImportResult;

  // Reference documents (options page, side panel) — answered by lib/storage/handlers.ts.
  /** Stored reference documents, newest first (metadata and contribution; no text). */
  listReferenceDocs(): ReferenceDocSummary[];
  /** Store a document prepared by the import pipeline (lib/import/pipeline.ts); all or nothing. */
  importReferenceDoc(doc: ReferenceImport): ImportResult;
  /** Include or leave out a document; the document as now stored, null if unknown. */
  setReferenceDocEnabled(data: { id: string; enabled: boolean }): ReferenceDocSummary | null;
  /** Delete a document, its text and its corpus; false if unknown. */
  deleteReferenceDoc(data: { id: string }): boolean;
  /** The default corpus merged with every enabled document, and those documents' titles. */
  getEffectiveCorpus(): EffectiveCorpus;

  // The side panel follows the writer (lib/panel/wire.ts): while a panel watches its tab, a frame's content
  // script sends the state of the editor the writer is in; the background checks it and relays it to the
  // panel (lib/panel/relay.ts). True when a panel was told.
  publishEditorState(data: EditorStateMessage): boolean;

  // The wrong-character tier (lib/lm) — answered by lib/storage/lm-handlers.ts, which loads the model
  // on the first of these messages (so never on a page without an editor to check).
  /** Wrong-character issues of a few paragraphs (offsets into each paragraph's text). */
  checkWrongChars(data: { paragraphs: WrongCharParagraph[] }): WrongCharAnswer;

  // Phrase snippets (常用语, issue 12) — answered by lib/storage/snippet-handlers.ts. Content scripts send
  // only what the inline picker and 保存为常用语 need (search, recordSnippetUse, saveSelection and the
  // toast's edit/undo of what their own page just saved); everything else comes from extension pages.
  /** Ranked search over title, body, tags, full pinyin and initials; an empty query lists by use. */
  searchSnippets(data: { query: string; limit?: number; tag?: string }): SearchResult;
  /** A page of every snippet, oldest first, and how many there are. */
  listSnippets(data: { offset?: number; limit?: number }): { snippets: Snippet[]; total: number };
  /** Tags in use with their counts, most used first. */
  snippetTags(): { tag: string; count: number }[];
  /** New snippet from the side panel (same body: merged, `created: false`). */
  createSnippet(data: { title?: string; body: string; tags?: string[]; source?: string }): SaveResult;
  updateSnippet(data: { id: number; title?: string; body?: string; tags?: string[] }): SaveResult;
  /** Delete; the snippet as it was (give it to restoreSnippet to undo), null if unknown. */
  deleteSnippet(data: { id: number }): Snippet | null;
  restoreSnippet(data: { snippet: Snippet }): SaveResult;
  /** Count one insertion; false when the snippet is gone. */
  recordSnippetUse(data: { id: number }): boolean;
  /** Content script: save the selection of its page (the source is the sender's page, never the data). */
  saveSelection(data: { text: string }): SaveResult;
  /** Content script (the toast): title and tags of a snippet its own site saved in the last minutes. */
  editSavedSnippet(data: { id: number; title?: string; tags?: string[] }): SaveResult;
  /** Content script (the toast's 撤销): delete a snippet its own site just saved and nobody used yet. */
  undoSavedSnippet(data: { id: number }): boolean;
  /** Content script: an editor of this frame took the focus (the side panel inserts there). */
  noteSnippetTarget(): boolean;

  /**
   * Content script (Chromium): its checker found an editor whose undo the page-world bridge drives
   * (lib/editors/page-bridge.ts): run the bridge in the sender's own frame (lib/page-inject.ts). True once it ran.
   */
  installPageBridge(): boolean;
  /** Side panel: insert a snippet at the caret of the editor last used in tab `tabId`; counts the use. */
  insertSnippet(data: { id: number; tabId: number }): { ok: boolean; reason?: 'no-editor' | 'not-found' | 'failed' };
  /** Insert a text (a theme's sentence or phrasing) where insertSnippet would: the side panel's one insert path. */
  insertText(data: { text: string; tabId: number }): { ok: boolean; reason?: 'no-editor' | 'failed' };
  /** The export file's text (lib/snippets/file.ts format). */
  exportSnippets(): string;
  /** Import a file's text: checked whole, then written in one transaction. */
  importSnippets(data: { text: string }): ImportOutcome;
  /** Import the starter pack built from the effective corpus. */
  importStarterPack(): ImportOutcome;
  /** The inline trigger ('' = off), stored under SNIPPET_TRIGGER_KEY in storage.local. */
  setSnippetTrigger(data: { trigger: string }): string;
}

/** A paragraph (one line, or a piece of a long one) for the wrong-character tier; `id` is echoed back. */
export interface WrongCharParagraph {
  id: number;
  text: string;
  /**
   * The paragraph is from an editor the writer engaged (typed, clicked or composed in; or the extension's
   * own page): the personal dictionary and reference documents apply. Absent or false: checked without
   * them (a page can plant text in an editor and read the underlines: lib/storage/lm-handlers.ts).
   */
  engaged?: boolean;
}

/**
 * The tier's answer: each paragraph with its text as checked (the sender drops answers for text that
 * changed meanwhile), or `ok: false` when the model could not be loaded (the rules still run).
 */
export type WrongCharAnswer = { ok: true; paragraphs: Array<WrongCharParagraph & { issues: Issue[] }> } | { ok: false };

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();

/**
 * Keyboard commands (manifest `commands`, declared in wxt.config.ts). The background forwards them to
 * every frame of the active tab with {@link CommandMessage}; the frame whose document has the focus acts.
 */
export const EDITOR_COMMANDS = ['next-issue', 'apply-fix'] as const;
export type EditorCommand = (typeof EDITOR_COMMANDS)[number];

/**
 * Background → content scripts of one tab (`tabs.sendMessage`, all frames). Sent raw rather than through
 * the messenger above, so that a tab without a content script (a browser page) is a rejected promise
 * the background can ignore, not an unchecked `runtime.lastError`.
 */
export interface CommandMessage {
  type: 'wengao:command';
  command: EditorCommand;
}

export function isCommandMessage(message: unknown): message is CommandMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as CommandMessage).type === 'wengao:command' &&
    EDITOR_COMMANDS.includes((message as CommandMessage).command)
  );
}

/** The slice of `browser.tabs` that {@link forwardCommand} needs (passed in: testable without a browser). */
export interface CommandTabs {
  sendMessage(tabId: number, message: CommandMessage): Promise<unknown>;
  query(query: { active: true; currentWindow: true }): Promise<{ id?: number }[]>;
}

/**
 * Background: pass a keyboard command on to every frame of the tab it was pressed in (the active tab
 * when the browser does not say). Resolves true when a content script answered; a tab without one
 * (a browser page) or an unknown command gives false, never an error.
 */
export async function forwardCommand(tabs: CommandTabs, command: string, tab?: { id?: number }): Promise<boolean> {
  if (!(EDITOR_COMMANDS as readonly string[]).includes(command)) return false;
  const message: CommandMessage = { type: 'wengao:command', command: command as EditorCommand };
  try {
    const id = tab?.id ?? (await tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id === undefined) return false;
    await tabs.sendMessage(id, message);
    return true;
  } catch {
    return false;
  }
}
