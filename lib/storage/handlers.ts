/**
 * Background side of the storage messages (lib/protocol.ts): reference documents and the personal
 * dictionary, and the one place where messages are received. Every message goes through the policy of
 * lib/message-policy.ts (sender context, data schema) before its handler runs; the background is the
 * only context that opens the database.
 */
import { ImportError } from '../import/errors';
import type { ImportResult } from '../import/types';
import { createDispatcher, MESSAGE_POLICY, senderSites, type ExtensionIdentity, type MessageHandlers, type MessageType } from '../message-policy';
import { onMessage } from '../protocol';
import { WengaoDB } from './db';
import { PersonalDictionary } from './dictionary';
import { ReferenceLibrary } from './reference-docs';
import type { LmService } from './lm-handlers';
import type { snippetHandlers } from './snippet-handlers';
import type { SettingsStore } from './settings-store';
import type { Locale, LocaleMessages } from '../ui-language';

let db: WengaoDB | undefined;
/** The one database connection of the background. */
export function database(): WengaoDB {
  return (db ??= new WengaoDB());
}

/** Handlers of the reference-document messages (options page, side panel). */
export function referenceHandlers(
  library: ReferenceLibrary,
): Pick<MessageHandlers, 'listReferenceDocs' | 'importReferenceDoc' | 'setReferenceDocEnabled' | 'deleteReferenceDoc' | 'getEffectiveCorpus'> {
  return {
    listReferenceDocs: () => library.list(),
    importReferenceDoc: async (data): Promise<ImportResult> => {
      try {
        return { ok: true, doc: await library.add(data) };
      } catch (error) {
        if (error instanceof ImportError) {
          if (error.code === 'storage') console.warn('[wengao] reference import failed', error.detail);
          return { ok: false, error: error.code, detail: error.detail };
        }
        console.warn('[wengao] reference import failed', error);
        return { ok: false, error: 'storage', detail: String(error) };
      }
    },
    setReferenceDocEnabled: (data) => library.setEnabled(data.id, data.enabled),
    deleteReferenceDoc: (data) => library.remove(data.id),
    getEffectiveCorpus: () => library.effectiveCorpus(),
  };
}

/** Handlers of the personal-dictionary messages. */
export function dictionaryHandlers(
  dictionary: PersonalDictionary,
): Pick<MessageHandlers, 'getDictionary' | 'addToDictionary' | 'removeFromDictionary' | 'importDictionary'> {
  return {
    getDictionary: () => dictionary.words(),
    addToDictionary: (data) => dictionary.add(data.word),
    removeFromDictionary: (data) => dictionary.remove(data.word),
    importDictionary: (data) => dictionary.importWords(data.words),
  };
}

/** Every handler of the background, over its settings, library and dictionary. */
export function backgroundHandlers(parts: {
  settings: SettingsStore;
  library: ReferenceLibrary;
  dictionary: PersonalDictionary;
  version: string;
  /** The shipped locale files (lib/storage/locale-files.ts); without them getLocaleMessages rejects. */
  locales?: (locale: Locale) => Promise<LocaleMessages>;
  /** The wrong-character tier (lib/storage/lm-handlers.ts). */
  lm: LmService;
  /** Phrase snippets (lib/storage/snippet-handlers.ts). */
  snippets: ReturnType<typeof snippetHandlers>;
  /** The side panel's relay (lib/panel/relay.ts); without it nothing is relayed. */
  panel?: Pick<MessageHandlers, 'publishEditorState'>;
  /** The page-world undo bridge (lib/page-inject.ts pageBridgeHandler); without it nothing is run. */
  pageBridge?: MessageHandlers['installPageBridge'];
}): MessageHandlers {
  const { settings, library, dictionary, version } = parts;
  return {
    ping: () => ({ ok: true as const, version }),
    getSettings: () => settings.read(),
    ignoreRuleOnSite: (data) => settings.ignoreRule(data.site, data.rule),
    setSiteEnabled: (data) => settings.setSiteEnabled(data.site, data.enabled),
    setCheckingEnabled: (data) => settings.setCheckingEnabled(data.enabled),
    setRulesEnabled: (data) => settings.setRulesEnabled(data.rules, data.enabled),
    restoreRuleOnSite: (data) => settings.restoreRule(data.site, data.rule),
    setDebounceMs: (data) => settings.setDebounce(data.ms),
    resumeSite: (data) => settings.resumeSite(data.site),
    resumeSiteFields: (data) => settings.resumeFields(data.site),
    restoreSiteFields: (data) => settings.restoreFields(data.site, data.fields),
    readPageState: (data, sender) => settings.readPageState(data.keys, senderSites(sender)),
    setBadgeSwitch: (data) => settings.setBadgeSwitch(data.site, data.field, data.off),
    setLanguage: (data) => settings.setLanguage(data.language),
    setGroupSeverity: (data) => settings.setGroupSeverity(data.group, data.severity),
    setRuleSettings: (data) => settings.setRuleSettings(data),
    getLocaleMessages: (data) => (parts.locales ? parts.locales(data.locale) : Promise.reject(new Error('no locale files in this context'))),
    ...dictionaryHandlers(dictionary),
    ...referenceHandlers(library),
    ...parts.lm.handlers,
    ...parts.snippets,
    publishEditorState: parts.panel?.publishEditorState ?? (() => false),
    installPageBridge: parts.pageBridge ?? (() => false),
  };
}

/**
 * Answer the messages that have a handler in `handlers`, each through the policy's dispatcher: a refused
 * message rejects the sender's promise and runs no handler. Returns a function that removes them all.
 */
export function serveMessages(handlers: Partial<MessageHandlers>, self: ExtensionIdentity): () => void {
  const dispatch = createDispatcher(handlers as MessageHandlers, self);
  const types = (Object.keys(MESSAGE_POLICY) as MessageType[]).filter((type) => handlers[type]);
  const removers = types.map((type) =>
    onMessage(type, ((message: { data: unknown; sender?: unknown }) => dispatch(type, message.data, message.sender as never)) as never),
  );
  return () => removers.forEach((remove) => remove());
}

/** The extension's id and base URL, as the policy needs them to recognise its own pages. */
export function extensionIdentity(runtime: { id: string; getURL(path: string): string }): ExtensionIdentity {
  return { id: runtime.id, baseUrl: runtime.getURL('/') };
}
