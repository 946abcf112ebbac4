/**
 * Who may send which message to the background, and what its data must look like: the trust boundary
 * of the extension in one table. The background answers a message only when
 *   1. it comes from this extension (another extension or a web page is refused),
 *   2. the sender's context is one the table allows for it, and
 *   3. its data passes the message's schema (types, sizes, counts; lib/validate.ts) and, where the table
 *      says so, a check against the sender (a content script acts only on its own site).
 * Anything else is refused with an error before any handler runs, so nothing is read or stored.
 *
 * Contexts:
 *   content-script   runs in web pages, which may be hostile (and a compromised renderer can send any
 *                    message a content script can): reads what checking needs (the dictionary) and makes
 *                    the fix card's two writes (加入词典, 忽略此规则 on its own site)
 *   extension-page   the side panel, the options page, the practice page (and any later extension page):
 *                    everything, including managing reference documents and settings
 *
 * To add a message: declare it in lib/protocol.ts, add its row here (a missing row is a type error),
 * and its handler in entrypoints/background.ts (or lib/storage/handlers.ts).
 */
import { MAX_FILE_BYTES, MAX_TEXT_CHARS } from './import/errors';
import type { ReferenceImport } from './import/types';
import { WRONG_CHAR_LIMITS } from './lm/limits';
import type { ProtocolMap } from './protocol';
import { CATALOG_BY_ID, RULE_GROUPS } from './rule-catalog';
import { SEVERITIES } from './severity-override';
import { LANGUAGE_SETTINGS, LOCALES } from './ui-language';
import { DEBOUNCE_LIMITS, siteKey } from './settings';
import { MAX_WORD_LENGTH, MAX_WORDS } from './storage/dictionary';
import { PAGE_STATE_KEYS } from './storage/page-state';
import { MAX_FIELDS_PER_SITE } from './storage/settings-store';
import { array as listOf, record, refine } from './validate';
import { corpusOf } from './validate-corpus';
import { editorStateSchema } from './panel/snapshot';
import { array, boolean, literal, none, nullable, number, object, optional, parse, string, type Infer, type Schema } from './validate';
import * as snippet from './snippets/schemas';

export type SenderContext = 'content-script' | 'extension-page';

/** What the browser says about a message's sender (runtime.MessageSender, the fields used here). */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/** The extension's own identity, to recognise its pages. */
export interface ExtensionIdentity {
  id: string;
  /** runtime.getURL('/'): `chrome-extension://<id>/`, `moz-extension://<uuid>/`. */
  baseUrl: string;
}

/**
 * The sender's context, or null for a sender outside the extension (another extension, a web page
 * through externally_connectable, a sender the browser does not describe).
 */
export function senderContext(sender: SenderInfo | undefined, self: ExtensionIdentity): SenderContext | null {
  if (!sender || typeof sender !== 'object' || sender.id !== self.id) return null;
  const url = typeof sender.url === 'string' ? sender.url : '';
  const base = self.baseUrl.endsWith('/') ? self.baseUrl : `${self.baseUrl}/`;
  const baseOrigin = base.slice(0, -1);
  // Chromium reports the frame's origin as the browser process sees it; where it is given it must agree.
  const originOk = sender.origin === undefined || sender.origin === baseOrigin;
  if (url.startsWith(base) && originOk) return 'extension-page';
  if (sender.tab && url) return 'content-script';
  return null;
}

/** The sites a content-script sender may act for: its frame's host (see lib/settings.ts siteKey). */
export function senderSites(sender: SenderInfo): Set<string> {
  const sites = new Set<string>();
  if (typeof sender.url === 'string') sites.add(siteKey(sender.url));
  if (typeof sender.origin === 'string' && sender.origin !== 'null') sites.add(siteKey(sender.origin));
  sites.delete('');
  return sites;
}

// --- Schemas of the message data ---------------------------------------------------------------

/** A site key: a host name (≤ 253 characters) or a scheme such as `file:`. */
export const siteSchema = string({ min: 1, max: 253, pattern: /^[^\s\u0000-\u001f\u007f]+$/ });
/** A rule id (kebab-case, as in lib/rules). */
export const ruleIdSchema = string({ min: 1, max: 64, pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/ });
/** A word as the card sends it (trimmed and length-checked again by lib/storage/dictionary.ts). */
export const wordSchema = string({ min: 1, max: MAX_WORD_LENGTH * 2 });
/** A reference document id (crypto.randomUUID() in the options page). */
export const docIdSchema = string({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ });
/** Longest file name stored (file systems allow 255 bytes; longer is not a real file name). */
export const MAX_FILE_NAME_CHARS = 1_024;

const importFields = object({
  id: docIdSchema,
  title: string({ max: 10_000 }),
  kind: literal('txt', 'docx', 'paste'),
  fileName: nullable(string({ min: 1, max: MAX_FILE_NAME_CHARS })),
  bytes: number({ min: 0, max: Math.max(MAX_FILE_BYTES, MAX_TEXT_CHARS * 3), integer: true }),
  text: string({ min: 1, max: MAX_TEXT_CHARS }),
  signature: string({ max: 200 }),
});

/** An import as the background accepts it: the corpus deeply checked, or null (then rebuilt from the text). */
export type CheckedImport = Omit<ReferenceImport, 'corpus'> & { corpus: ReferenceImport['corpus'] | null };

export const referenceImportSchema: Schema<CheckedImport> = (value, path) => {
  const fields = importFields(value, path);
  const raw = (value as Record<string, unknown>).corpus;
  const corpus = parse(corpusOf(fields.id, fields.text.length), raw, `${path}.corpus`);
  return { ...fields, corpus: corpus.ok ? corpus.value : null };
};

// --- The table -----------------------------------------------------------------------------------

export interface MessageRule<T> {
  /** Contexts allowed to send it. */
  from: readonly SenderContext[];
  data: Schema<T>;
  /** Extra check against the sender (after the schema); false refuses. */
  allow?: (data: T, sender: SenderInfo, context: SenderContext) => boolean;
}

const CONTENT_AND_PAGES = ['content-script', 'extension-page'] as const;
const PAGES = ['extension-page'] as const;
/** Messages that speak for a web page (its selection, its editor): only its content script sends them. */
const CONTENT_ONLY = ['content-script'] as const;

function rule<T>(r: MessageRule<T>): MessageRule<T> {
  return r;
}

const ignoreRuleData = object({ site: siteSchema, rule: ruleIdSchema });
/** A rule the settings page can switch: one of lib/rule-catalog.ts (so `settings.rules` stays bounded). */
const knownRuleSchema = refine(ruleIdSchema, (id) => (CATALOG_BY_ID.has(id) ? null : 'unknown rule'));
/** A rule group's severity (lib/severity-override.ts): only the catalogue's groups and the three levels. */
const ruleGroupSchema = literal(...RULE_GROUPS);
const severitySchema = literal(...SEVERITIES);
/** The checks' part of the settings, whole (恢复默认 and its 撤销), bounded by the catalogue. */
const ruleSettingsSchema = object({
  rules: record(knownRuleSchema, boolean, { maxKeys: CATALOG_BY_ID.size }),
  groupSeverity: record(ruleGroupSchema, severitySchema, { maxKeys: RULE_GROUPS.length }),
});
/** A field's key as the badge stores it (lib/editors/controller.ts fieldKey: a path and an id or name). */
const fieldKeySchema = string({ min: 1, max: 2_000 });
const badgeSwitchData = object({ site: siteSchema, field: nullable(fieldKeySchema), off: boolean });

export const MESSAGE_POLICY = {
  ping: rule({ from: CONTENT_AND_PAGES, data: none }),
  // Content scripts read the settings from storage themselves (lib/settings.ts watchSettings).
  getSettings: rule({ from: PAGES, data: none }),
  ignoreRuleOnSite: rule({
    from: CONTENT_AND_PAGES,
    data: ignoreRuleData,
    // From a page's content script only for that page's own site.
    allow: (data: Infer<typeof ignoreRuleData>, sender, context) => context === 'extension-page' || senderSites(sender).has(data.site),
  }),
  setSiteEnabled: rule({ from: PAGES, data: object({ site: siteSchema, enabled: boolean }) }),
  // The settings page. Content scripts read settings from storage and never write them (the fix card's
  // 忽略此规则 above is the one exception, for its own site).
  setCheckingEnabled: rule({ from: PAGES, data: object({ enabled: boolean }) }),
  setRulesEnabled: rule({ from: PAGES, data: object({ rules: listOf(knownRuleSchema, { min: 1, max: CATALOG_BY_ID.size }), enabled: boolean }) }),
  restoreRuleOnSite: rule({ from: PAGES, data: ignoreRuleData }),
  setDebounceMs: rule({ from: PAGES, data: object({ ms: number({ ...DEBOUNCE_LIMITS, integer: true }) }) }),
  setLanguage: rule({ from: PAGES, data: object({ language: literal(...LANGUAGE_SETTINGS) }) }),
  setGroupSeverity: rule({ from: PAGES, data: object({ group: ruleGroupSchema, severity: nullable(severitySchema) }) }),
  setRuleSettings: rule({ from: PAGES, data: ruleSettingsSchema }),
  // Reading the extension's own public texts: the card in a page needs them too.
  getLocaleMessages: rule({ from: CONTENT_AND_PAGES, data: object({ locale: literal(...LOCALES) }) }),
  resumeSite: rule({ from: PAGES, data: object({ site: siteSchema }) }),
  resumeSiteFields: rule({ from: PAGES, data: object({ site: siteSchema }) }),
  restoreSiteFields: rule({ from: PAGES, data: object({ site: siteSchema, fields: listOf(fieldKeySchema, { min: 1, max: MAX_FIELDS_PER_SITE }) }) }),
  // storage.local is closed to content scripts (lib/storage/page-state.ts): they read what checking needs
  // here, cut down to their own site, and write only the badge's switches of their own site.
  readPageState: rule({ from: CONTENT_AND_PAGES, data: object({ keys: listOf(literal(...PAGE_STATE_KEYS), { min: 1, max: PAGE_STATE_KEYS.length }) }) }),
  setBadgeSwitch: rule({
    from: CONTENT_AND_PAGES,
    data: badgeSwitchData,
    allow: (data: Infer<typeof badgeSwitchData>, sender, context) => context === 'extension-page' || senderSites(sender).has(data.site),
  }),

  getDictionary: rule({ from: CONTENT_AND_PAGES, data: none }),
  addToDictionary: rule({ from: CONTENT_AND_PAGES, data: object({ word: wordSchema }) }),
  removeFromDictionary: rule({ from: PAGES, data: object({ word: wordSchema }) }),
  importDictionary: rule({ from: PAGES, data: object({ words: listOf(wordSchema, { min: 1, max: MAX_WORDS }) }) }),

  listReferenceDocs: rule({ from: PAGES, data: none }),
  importReferenceDoc: rule({ from: PAGES, data: referenceImportSchema }),
  setReferenceDocEnabled: rule({ from: PAGES, data: object({ id: docIdSchema, enabled: boolean }) }),
  deleteReferenceDoc: rule({ from: PAGES, data: object({ id: docIdSchema }) }),
  getEffectiveCorpus: rule({ from: PAGES, data: none }),

  // The side panel's feed: an editor's text, issues and outline, each issue checked against the text
  // (lib/panel/snapshot.ts); relayed only to the panel watching the sender's own tab. (Extension pages too:
  // the practice page inside the extension runs the checker itself.)
  publishEditorState: rule({ from: CONTENT_AND_PAGES, data: editorStateSchema }),
  // The undo bridge runs in the sender's own frame only, and reads nothing (lib/editors/page-bridge.ts).
  installPageBridge: rule({ from: CONTENT_ONLY, data: none }),

  // Checking is reading: content scripts send the paragraphs they show, bounded in count and length.
  checkWrongChars: rule({
    from: CONTENT_AND_PAGES,
    data: object({
      paragraphs: array(
        object({ id: number({ min: 0, max: 2 ** 31, integer: true }), text: string({ min: 1, max: WRONG_CHAR_LIMITS.chars }), engaged: optional(boolean) }),
        { min: 1, max: WRONG_CHAR_LIMITS.paragraphs },
      ),
    }),
  }),

  // Snippets. Content scripts: the inline picker (search, recordSnippetUse) and 保存为常用语 (save the
  // selection with its own page as the source; the toast's edit and undo, which the handler allows only
  // for a snippet saved from the sender's own site in the last minutes). The rest: extension pages.
  searchSnippets: rule({ from: CONTENT_AND_PAGES, data: snippet.searchSnippetsSchema }),
  listSnippets: rule({ from: PAGES, data: snippet.listSnippetsSchema }),
  snippetTags: rule({ from: PAGES, data: none }),
  createSnippet: rule({ from: PAGES, data: snippet.createSnippetSchema }),
  updateSnippet: rule({ from: PAGES, data: snippet.updateSnippetSchema }),
  deleteSnippet: rule({ from: PAGES, data: snippet.idOnlySchema }),
  restoreSnippet: rule({ from: PAGES, data: object({ snippet: snippet.snippetSchema }) }),
  recordSnippetUse: rule({ from: CONTENT_AND_PAGES, data: snippet.idOnlySchema }),
  saveSelection: rule({ from: CONTENT_ONLY, data: snippet.saveSelectionSchema }),
  editSavedSnippet: rule({ from: CONTENT_ONLY, data: snippet.editSavedSchema }),
  undoSavedSnippet: rule({ from: CONTENT_ONLY, data: snippet.idOnlySchema }),
  noteSnippetTarget: rule({ from: CONTENT_ONLY, data: none }),
  insertSnippet: rule({ from: PAGES, data: snippet.insertSnippetSchema }),
  insertText: rule({ from: PAGES, data: snippet.insertTextSchema }),
  exportSnippets: rule({ from: PAGES, data: none }),
  importSnippets: rule({ from: PAGES, data: snippet.importSnippetsSchema }),
  importStarterPack: rule({ from: PAGES, data: none }),
  setSnippetTrigger: rule({ from: PAGES, data: snippet.triggerSchema }),
};
// Every message of the protocol has its row, and every row is a message (a type error otherwise).
const everyMessageHasARow: Record<keyof ProtocolMap, unknown> = MESSAGE_POLICY;
const everyRowIsAMessage: Record<keyof typeof MESSAGE_POLICY, unknown> = {} as Record<keyof ProtocolMap, unknown>;
void everyMessageHasARow;
void everyRowIsAMessage;

export type MessageType = keyof typeof MESSAGE_POLICY;
/** The data a handler receives: what the message's schema returns. */
export type CheckedData<K extends MessageType> = Infer<(typeof MESSAGE_POLICY)[K]['data']>;
type Returned<K extends MessageType> = ProtocolMap[K] extends (...args: never[]) => infer R ? R : never;

/** One handler per message, given checked data and the sender. */
export type MessageHandlers = {
  [K in MessageType]: (data: CheckedData<K>, sender: SenderInfo) => Returned<K> | Promise<Returned<K>>;
};

/** Thrown (and sent back to the caller as a rejected promise) for a refused message. */
export class MessageRefused extends Error {
  constructor(
    readonly type: string,
    readonly reason: string,
  ) {
    super(`[wengao] ${type} refused: ${reason}`);
    this.name = 'MessageRefused';
  }
}

/**
 * The background's entry point for every message: `dispatch(type, data, sender)` checks the table and
 * runs the handler, or throws MessageRefused. Plain function, so tests can call it with any sender.
 */
export function createDispatcher(handlers: MessageHandlers, self: ExtensionIdentity) {
  return async function dispatch(type: string, data: unknown, sender: SenderInfo | undefined): Promise<unknown> {
    if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(MESSAGE_POLICY, type)) throw new MessageRefused(String(type), 'unknown message');
    const key = type as MessageType;
    const policy = MESSAGE_POLICY[key] as MessageRule<unknown>;
    const context = senderContext(sender, self);
    if (context === null) throw new MessageRefused(type, 'sender outside the extension');
    if (!policy.from.includes(context)) throw new MessageRefused(type, `not allowed from a ${context}`);
    const checked = parse(policy.data, data);
    if (!checked.ok) throw new MessageRefused(type, checked.error.slice(0, 300));
    if (policy.allow && !policy.allow(checked.value, sender!, context)) throw new MessageRefused(type, `not allowed for this ${context}`);
    const handler = handlers[key] as (data: unknown, sender: SenderInfo) => unknown;
    return handler(checked.value, sender!);
  };
}
