/**
 * The background's trust boundary (issue 10 §3) under fire: every message, from every kind of sender
 * (a page's content script, an extension page, another extension, a web page, no sender at all), with
 * valid, random and hostile data, against the real handlers over a (fake) IndexedDB and an in-memory
 * storage.local. What must hold:
 *   - a context the policy does not allow changes nothing and reads nothing (the handler never runs);
 *   - nothing crashes: every answer is a result or a MessageRefused;
 *   - nothing grows without bound (dictionary, documents, per-site settings);
 *   - whatever got stored, every later read works (list, effective corpus, suggestions, dictionary).
 */
import { readFileSync } from 'node:fs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { corpusSuggestions } from '@/lib/import/attribution';
import { builderSignature, buildReferenceCorpus, prepareReference } from '@/lib/import/pipeline';
import { MAX_TEXT_CHARS } from '@/lib/import/errors';
import {
  createDispatcher,
  MESSAGE_POLICY,
  MessageRefused,
  senderContext,
  type MessageHandlers,
  type MessageType,
  type SenderInfo,
} from '@/lib/message-policy';
import { removeAllListeners, sendMessage } from '@/lib/protocol';
import { SETTINGS_KEY, type Settings } from '@/lib/settings';
import { WengaoDB } from '@/lib/storage/db';
import { MAX_WORDS, PersonalDictionary } from '@/lib/storage/dictionary';
import { backgroundHandlers, serveMessages } from '@/lib/storage/handlers';
import { createLmService } from '@/lib/storage/lm-handlers';
import { MAX_REFERENCE_DOCS, ReferenceLibrary } from '@/lib/storage/reference-docs';
import { MAX_SETTINGS_SITES, SettingsStore } from '@/lib/storage/settings-store';
import { snippetHandlers, SnippetTargets } from '@/lib/storage/snippet-handlers';
import { SnippetRepository } from '@/lib/storage/snippets';
import { mulberry32 } from '../../scripts/lib/seeds';
import { MODEL_FILE } from '../../scripts/lib/lm-sources';
import { memoryArea } from './storage/memory-area';

// The wrong-character tier over the real model, loaded once for the whole file.
const lm = createLmService({
  modelBytes: async () => new Uint8Array(readFileSync(MODEL_FILE)).buffer,
  dictionary: async () => [],
  domainWords: async () => [],
});

const SELF = { id: 'wengaoextensionid', baseUrl: 'chrome-extension://wengaoextensionid/' };
const SITE = 'news.example.com';

/** Senders as Chrome describes them to the background. */
const SENDERS: Record<string, SenderInfo | undefined> = {
  content: { id: SELF.id, url: `https://${SITE}/a/1.html`, origin: `https://${SITE}`, tab: { id: 5, url: `https://${SITE}/a/1.html` }, frameId: 0 },
  contentFrame: { id: SELF.id, url: 'https://ads.example.net/frame', origin: 'https://ads.example.net', tab: { id: 5 }, frameId: 7 },
  sidePanel: { id: SELF.id, url: `${SELF.baseUrl}sidepanel.html`, origin: SELF.baseUrl.slice(0, -1) },
  optionsTab: { id: SELF.id, url: `${SELF.baseUrl}options.html`, origin: SELF.baseUrl.slice(0, -1), tab: { id: 9 } },
  otherExtension: { id: 'someotherextension', url: 'chrome-extension://someotherextension/bg.js', origin: 'chrome-extension://someotherextension' },
  webPage: { url: 'https://evil.example/', origin: 'https://evil.example', tab: { id: 6 } },
  // A page claiming an extension URL: the browser-given origin says otherwise.
  spoofed: { id: SELF.id, url: `${SELF.baseUrl}options.html`, origin: 'https://evil.example', tab: { id: 6 } },
  none: undefined,
};
const CONTENT = ['content', 'contentFrame', 'spoofed'];
const PAGES = ['sidePanel', 'optionsTab'];
const FOREIGN = ['otherExtension', 'webPage', 'none'];

const TEXT_A = '关于加强基层党支部建设的调研报告\n一、存在的问题\n一些支部“三会一课”落实不到位，组织生活流于形式。\n二、对策建议\n要严格落实组织生活制度，推进党建工作规范化。';
const TEXT_B = '机关党建工作总结\n一、主要做法\n坚持把政治建设摆在首位，深化理论武装。\n二、下一步打算\n持续加强作风建设，推动党建和业务深度融合。';
const DRAFT = '党支部工作总结\n一、存在的问题\n组织生活不够规范。\n二、整改措施\n要落实“三会一课”制度。';

let db: WengaoDB;
let area: ReturnType<typeof memoryArea>;
let calls: Record<string, number>;
let dispatch: ReturnType<typeof createDispatcher>;
let library: ReferenceLibrary;
let snippets: ReturnType<typeof snippetHandlers>;

/** Every handler, counting its calls. */
function counted(handlers: MessageHandlers): MessageHandlers {
  const out = {} as Record<string, unknown>;
  for (const [type, handler] of Object.entries(handlers)) {
    out[type] = (...args: unknown[]) => {
      calls[type] = (calls[type] ?? 0) + 1;
      return (handler as (...a: unknown[]) => unknown)(...args);
    };
  }
  return out as MessageHandlers;
}

beforeEach(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  db = new WengaoDB('wengao-fuzz', { indexedDB: new IDBFactory(), IDBKeyRange });
  area = memoryArea({ [SETTINGS_KEY]: { disabledSites: ['off.example'], siteIgnoredRules: { [SITE]: ['stray-space'] } } });
  calls = {};
  let clock = 1_700_000_000_000;
  library = new ReferenceLibrary(db, { now: () => ++clock });
  const dictionary = new PersonalDictionary(db, { now: () => ++clock });
  await library.add(await prepareReference({ type: 'paste', title: '调研', text: TEXT_A }, { id: 'doc-a' }));
  await library.add(await prepareReference({ type: 'paste', title: '总结', text: TEXT_B }, { id: 'doc-b' }));
  await dictionary.add('两学一做');
  const repo = new SnippetRepository(db, { now: () => ++clock });
  await repo.create({ title: '三会一课', body: '严格落实“三会一课”制度。', source: `https://${SITE}/a/1.html` });
  snippets = snippetHandlers({
    repo,
    corpus: async () => (await library.effectiveCorpus()).corpus,
    local: area,
    targets: new SnippetTargets(),
    sendToFrame: async () => ({ ok: true }),
  });
  dispatch = createDispatcher(counted(backgroundHandlers({ settings: new SettingsStore(area), library, dictionary, version: '1.0', lm, snippets })), SELF);
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

/** Everything the background stores, as one string. */
async function state(): Promise<string> {
  return JSON.stringify([
    area.data,
    await db.dictionary.toArray(),
    await db.referenceDocs.toArray(),
    await db.referenceTexts.toArray(),
    (await db.referenceCorpora.toArray()).map((r) => [r.id, r.signature, JSON.stringify(r.corpus).length]),
    await db.snippets.toArray(),
  ]);
}

/** A well-formed payload for each message (what the real pages send). */
async function validData(type: MessageType): Promise<unknown> {
  switch (type) {
    case 'ignoreRuleOnSite':
      return { site: SITE, rule: 'repeated-word' };
    case 'setSiteEnabled':
      return { site: SITE, enabled: false };
    case 'addToDictionary':
    case 'removeFromDictionary':
      return { word: '三会一课' };
    case 'importReferenceDoc':
      return prepareReference({ type: 'paste', title: '新文档', text: TEXT_B.replace('总结', '报告') }, { id: 'doc-new' });
    case 'setReferenceDocEnabled':
      return { id: 'doc-a', enabled: false };
    case 'deleteReferenceDoc':
      return { id: 'doc-a' };
    case 'setCheckingEnabled':
      return { enabled: false };
    case 'setRulesEnabled':
      return { rules: ['repeated-word', 'stray-space'], enabled: false };
    case 'restoreRuleOnSite':
      return { site: SITE, rule: 'stray-space' };
    case 'setDebounceMs':
      return { ms: 500 };
    case 'setGroupSeverity':
      return { group: 'punctuation', severity: 'info' };
    case 'setRuleSettings':
      return { rules: { 'stray-space': false }, groupSeverity: { typo: 'warning' } };
    case 'resumeSite':
    case 'resumeSiteFields':
      return { site: 'off.example' };
    case 'restoreSiteFields':
      return { site: SITE, fields: ['/a/1.html#body'] };
    case 'readPageState':
      return { keys: ['settings', 'badgeSwitches'] };
    case 'setBadgeSwitch':
      return { site: SITE, field: '/a/1.html#body', off: true };
    case 'importDictionary':
      return { words: ['三会一课', '主题教育'] };
    case 'searchSnippets':
      return { query: 'shyk', limit: 8 };
    case 'listSnippets':
      return { offset: 0, limit: 10 };
    case 'createSnippet':
      return { title: '先锋模范', body: '充分发挥党员先锋模范作用。', tags: ['党员教育'] };
    case 'updateSnippet':
      return { id: 1, title: '组织生活', tags: ['制度'] };
    case 'deleteSnippet':
    case 'recordSnippetUse':
    case 'undoSavedSnippet':
      return { id: 1 };
    case 'restoreSnippet':
      return { snippet: { id: 1, title: '', body: '坚持和加强党的全面领导。', tags: [], source: 'manual', createdAt: 1, updatedAt: 1, useCount: 0, lastUsedAt: 0 } };
    case 'saveSelection':
      return { text: '推动全面从严治党向纵深发展。' };
    case 'editSavedSnippet':
      return { id: 1, title: '三会一课', tags: ['组织生活'] };
    case 'insertSnippet':
      return { id: 1, tabId: 5 };
    case 'importSnippets':
      return { text: JSON.stringify({ format: 'wengao-snippets', version: 1, snippets: [{ body: '以党建引领基层治理。' }] }) };
    case 'setSnippetTrigger':
      return { trigger: ';;' };
    case 'checkWrongChars':
      return { paragraphs: [{ id: 1, text: '我们要密切练习群众。' }, { id: 2, text: '各级党组织要密切联系群众。' }] };
    default:
      return undefined;
  }
}

type Outcome = 'answered' | 'refused';
async function send(type: string, data: unknown, sender: SenderInfo | undefined): Promise<Outcome> {
  try {
    await dispatch(type, data, sender);
    return 'answered';
  } catch (error) {
    // Anything but a refusal is a crash of the background.
    if (!(error instanceof MessageRefused)) throw error;
    return 'refused';
  }
}

// --- Random and hostile values -------------------------------------------------------------------

const random = mulberry32(2026);
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const KEYS = ['id', 'word', 'site', 'rule', 'enabled', 'text', 'title', 'kind', 'fileName', 'bytes', 'corpus', 'signature', '__proto__', 'constructor', 'docs', 'version'];
const STRINGS = ['', ' ', '两学一做', SITE, 'repeated-word', 'doc-a', 'doc-b', '../../etc', '__proto__', 'a\nb', '\u0000', '𠮷'.repeat(40), 'x'.repeat(65), 'https://evil.example/'];

function randomValue(depth = 0): unknown {
  const r = random();
  if (r < 0.08) return null;
  if (r < 0.12) return undefined;
  if (r < 0.18) return random() < 0.5;
  if (r < 0.3) return pick([0, -1, 1.5, 1e308, -0, NaN, Infinity, 2 ** 53, 7]);
  if (r < 0.5) return pick(STRINGS);
  if (r < 0.53) return '党'.repeat(Math.floor(random() * 3000));
  if (depth > 3) return 1;
  if (r < 0.7) return Array.from({ length: Math.floor(random() * 5) }, () => randomValue(depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = Math.floor(random() * 6); i > 0; i--) o[pick(KEYS)] = randomValue(depth + 1);
  // A real own "__proto__" key, as JSON.parse makes it.
  if (random() < 0.1) return JSON.parse(`{"__proto__": {"polluted": true}, "id": "doc-x", "word": "污染"}`);
  return o;
}

/** A valid payload with one field replaced, or a random value. */
async function hostileData(type: MessageType): Promise<unknown> {
  const valid = await validData(type);
  if (valid && typeof valid === 'object' && random() < 0.7) {
    const copy: Record<string, unknown> = { ...(valid as Record<string, unknown>) };
    copy[pick([...Object.keys(copy), pick(KEYS)])] = randomValue();
    return copy;
  }
  return randomValue();
}

const TYPES = Object.keys(MESSAGE_POLICY) as MessageType[];
const contextOf = (name: string) => senderContext(SENDERS[name], SELF);

describe('sender contexts', () => {
  it('are told apart from what the browser says about the sender', () => {
    expect(CONTENT.map(contextOf)).toEqual(['content-script', 'content-script', 'content-script']);
    expect(PAGES.map(contextOf)).toEqual(['extension-page', 'extension-page']);
    expect(FOREIGN.map(contextOf)).toEqual([null, null, null]);
    // Firefox gives no origin: the URL decides.
    expect(senderContext({ id: 'x', url: 'moz-extension://abc/sidepanel.html' }, { id: 'x', baseUrl: 'moz-extension://abc/' })).toBe('extension-page');
    expect(senderContext({ id: 'x', url: 'https://a.example/', tab: { id: 1 } }, { id: 'x', baseUrl: 'moz-extension://abc/' })).toBe('content-script');
  });
});

describe('a context the policy does not allow', () => {
  it('is refused before the handler runs, with valid or hostile data, and nothing changes', async () => {
    const before = await state();
    let refused = 0;
    for (const type of TYPES) {
      const allowed = MESSAGE_POLICY[type].from as readonly string[];
      for (const name of [...CONTENT, ...PAGES, ...FOREIGN]) {
        const context = contextOf(name);
        if (context !== null && allowed.includes(context)) continue;
        for (let k = 0; k < 6; k++) {
          const data = k === 0 ? await validData(type) : await hostileData(type);
          expect(await send(type, data, SENDERS[name])).toBe('refused');
          refused++;
        }
      }
    }
    expect(refused).toBeGreaterThan(300);
    expect(calls).toEqual({});
    expect(await state()).toBe(before);
  });

  it('covers what a page must never do through its content script', async () => {
    const before = await state();
    const content = SENDERS.content;
    for (const [type, data] of [
      ['listReferenceDocs', undefined],
      ['deleteReferenceDoc', { id: 'doc-a' }],
      ['getEffectiveCorpus', undefined],
      ['setSiteEnabled', { site: SITE, enabled: false }],
      ['getSettings', undefined],
      ['removeFromDictionary', { word: '两学一做' }],
      ['importReferenceDoc', await validData('importReferenceDoc')],
      // The settings page's writes, even for its own site (a page cannot undo 忽略此规则 or switch itself back on).
      ['setCheckingEnabled', { enabled: false }],
      ['setRulesEnabled', { rules: ['repeated-word'], enabled: false }],
      ['restoreRuleOnSite', { site: SITE, rule: 'stray-space' }],
      ['setDebounceMs', { ms: 0 }],
      ['setGroupSeverity', { group: 'typo', severity: 'info' }],
      ['setRuleSettings', { rules: {}, groupSeverity: {} }],
      ['resumeSite', { site: 'off.example' }],
      ['importDictionary', { words: ['三会一课'] }],
      // Another site's rules, from this page.
      ['ignoreRuleOnSite', { site: 'bank.example', rule: 'repeated-word' }],
    ] as const) {
      expect(await send(type, data, content), type).toBe('refused');
    }
    expect(await state()).toBe(before);
    // What it may do: read the dictionary, add a word, ignore a rule on its own site.
    expect(await dispatch('getDictionary', undefined, content)).toEqual(['两学一做']);
    expect(await dispatch('addToDictionary', { word: '三会一课' }, content)).toBe(true);
    expect(await dispatch('ignoreRuleOnSite', { site: SITE, rule: 'repeated-word' }, content)).toBe(true);
    expect((area.data[SETTINGS_KEY] as Settings).siteIgnoredRules[SITE]).toEqual(['stray-space', 'repeated-word']);
  });

  it('unknown and prototype message types are refused', async () => {
    for (const type of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'dropDatabase', '']) {
      for (const name of [...CONTENT, ...PAGES]) expect(await send(type, {}, SENDERS[name])).toBe('refused');
    }
    expect(calls).toEqual({});
  });
});

describe('random and hostile data from allowed contexts', () => {
  it('is answered or refused, never crashes the background, and leaves every read working', async () => {
    const outcomes = { answered: 0, refused: 0 };
    for (let i = 0; i < 1_500; i++) {
      const type = pick(TYPES);
      const allowed = MESSAGE_POLICY[type].from as readonly string[];
      const name = pick([...CONTENT, ...PAGES].filter((n) => allowed.includes(contextOf(n)!)));
      const data = random() < 0.2 ? await validData(type) : await hostileData(type);
      outcomes[await send(type, data, SENDERS[name])]++;
    }
    expect(outcomes.answered).toBeGreaterThan(100);
    expect(outcomes.refused).toBeGreaterThan(100);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const page = SENDERS.sidePanel;
    const list = (await dispatch('listReferenceDocs', undefined, page)) as { id: string; title: string }[];
    expect(list.every((d) => typeof d.id === 'string' && typeof d.title === 'string')).toBe(true);
    const effective = (await dispatch('getEffectiveCorpus', undefined, page)) as Parameters<typeof corpusSuggestions>[1];
    expect(() => corpusSuggestions(DRAFT, effective)).not.toThrow();
    const words = (await dispatch('getDictionary', undefined, page)) as unknown[];
    expect(words.every((w) => typeof w === 'string' && w.length > 0 && w.length <= 64)).toBe(true);
    const settings = (await dispatch('getSettings', undefined, page)) as Settings;
    expect(settings.disabledSites.every((s) => typeof s === 'string')).toBe(true);
  });

  it('from content scripts changes nothing but the dictionary and its own site’s ignored rules', async () => {
    const docsBefore = JSON.stringify([await db.referenceDocs.toArray(), await db.referenceTexts.toArray()]);
    const settingsBefore = area.data[SETTINGS_KEY] as Settings;
    for (let i = 0; i < 600; i++) {
      const type = pick(TYPES);
      await send(type, random() < 0.3 ? await validData(type) : await hostileData(type), SENDERS[pick(CONTENT)]);
    }
    expect(JSON.stringify([await db.referenceDocs.toArray(), await db.referenceTexts.toArray()])).toBe(docsBefore);
    const after = area.data[SETTINGS_KEY] as Settings;
    expect(after.disabledSites).toEqual(settingsBefore.disabledSites);
    expect(Object.keys(after.siteIgnoredRules).sort()).toEqual([SITE, 'ads.example.net'].filter((s) => s in after.siteIgnoredRules).sort());
    expect(Object.keys(after.siteIgnoredRules).every((s) => s === SITE || s === 'ads.example.net')).toBe(true);
  });
});

describe('hostile payloads seen in the review', () => {
  it('a 2-million-character file name is refused; a long real one is kept', async () => {
    const doc = (await validData('importReferenceDoc')) as Record<string, unknown>;
    expect(await send('importReferenceDoc', { ...doc, fileName: 'x'.repeat(2_000_000) }, SENDERS.optionsTab)).toBe('refused');
    expect(await db.referenceDocs.get('doc-new')).toBeUndefined();
    const ok = (await dispatch('importReferenceDoc', { ...doc, fileName: `${'长'.repeat(120)}.docx` }, SENDERS.optionsTab)) as { ok: boolean };
    expect(ok.ok).toBe(true);
  });

  it('a crafted corpus that passes a shallow check is rebuilt from the text, and reads keep working', async () => {
    const doc = (await validData('importReferenceDoc')) as { corpus: ReturnType<typeof buildReferenceCorpus> } & Record<string, unknown>;
    const corpus = structuredClone(doc.corpus);
    // References to an essay that does not exist and offsets far past the text: the shape is right.
    corpus.enumerations.push({ parts: ['甲', '乙'], text: '甲、乙', docs: 5, count: 5, sources: [[999, 0, 10]] });
    corpus.themes[0]!.passages.push([0, 0, MAX_TEXT_CHARS]);
    const result = (await dispatch('importReferenceDoc', { ...doc, corpus }, SENDERS.optionsTab)) as { ok: boolean };
    expect(result.ok).toBe(true);
    const stored = await db.referenceCorpora.get('doc-new');
    expect(stored!.corpus).toEqual(buildReferenceCorpus('doc-new', '新文档', doc.text as string));
    const effective = (await dispatch('getEffectiveCorpus', undefined, SENDERS.sidePanel)) as Parameters<typeof corpusSuggestions>[1];
    expect(Object.keys(effective.userDocs).sort()).toEqual(['doc-a', 'doc-b', 'doc-new']);
    expect(() => corpusSuggestions(DRAFT, effective)).not.toThrow();
  });

  it('bad rows already in the database (a poisoned corpus, a damaged summary) cost nothing but themselves', async () => {
    const poisoned = structuredClone(buildReferenceCorpus('doc-a', '调研', TEXT_A));
    poisoned.enumerations.push({ parts: ['甲', '乙'], text: '甲、乙', docs: 9, count: 9, sources: [[42, 0, 1]] });
    await db.referenceCorpora.put({ id: 'doc-a', signature: builderSignature(), corpus: poisoned });
    await db.referenceCorpora.put({ id: 'doc-b', signature: builderSignature(), corpus: { version: 1, docs: 'nope' } as never });
    await db.referenceDocs.update('doc-b', { contribution: null as never, title: 42 as never });
    const fresh = new ReferenceLibrary(db);
    const effective = await fresh.effectiveCorpus();
    expect(Object.keys(effective.userDocs).sort()).toEqual(['doc-a', 'doc-b']);
    expect(() => corpusSuggestions(DRAFT, effective)).not.toThrow();
    expect((await fresh.list()).map((d) => [d.id, d.contribution.essays >= 0])).toEqual([
      ['doc-b', true],
      ['doc-a', true],
    ]);
    // The rebuilt corpora were stored back.
    expect((await db.referenceCorpora.get('doc-a'))!.corpus).toEqual(buildReferenceCorpus('doc-a', '调研', TEXT_A));
  });
});

describe('no unbounded growth', () => {
  it('the dictionary stops at its limit, whoever adds', async () => {
    await db.dictionary.bulkAdd(Array.from({ length: MAX_WORDS - 1 - (await db.dictionary.count()) }, (_, i) => ({ word: `词${i}`, addedAt: i })));
    const results = [];
    for (let i = 0; i < 20; i++) results.push(await dispatch('addToDictionary', { word: `新词${i}` }, SENDERS[pick([...CONTENT, ...PAGES])]));
    expect(results[0]).toBe(true);
    expect(results.slice(1).every((r) => JSON.stringify(r) === JSON.stringify({ error: 'full', messageKey: 'dictionaryFull' }))).toBe(true);
    expect(await db.dictionary.count()).toBe(MAX_WORDS);
  });

  it('the library stops at its limit', async () => {
    const row = (await db.referenceDocs.get('doc-a'))!;
    await db.referenceDocs.bulkAdd(Array.from({ length: MAX_REFERENCE_DOCS - 2 }, (_, i) => ({ ...row, id: `filler-${i}`, chars: 10 })));
    const result = (await dispatch('importReferenceDoc', await validData('importReferenceDoc'), SENDERS.optionsTab)) as { ok: boolean; error?: string };
    expect(result).toMatchObject({ ok: false, error: 'library-full' });
    expect(await db.referenceDocs.count()).toBe(MAX_REFERENCE_DOCS);
    expect(await db.referenceTexts.get('doc-new')).toBeUndefined();
  });

  it('per-site settings stop at their limit', async () => {
    for (let i = 0; i < MAX_SETTINGS_SITES + 50; i++) {
      await dispatch('setSiteEnabled', { site: `site${i}.example`, enabled: false }, SENDERS.sidePanel);
    }
    const settings = area.data[SETTINGS_KEY] as Settings;
    expect(settings.disabledSites.length).toBe(MAX_SETTINGS_SITES);
  });
});

describe('through runtime messaging', () => {
  type Listener = (message: unknown, sender: unknown, respond: (response: unknown) => void) => boolean;
  let sender: SenderInfo | undefined;

  beforeEach(() => {
    const listeners = new Set<Listener>();
    const json = (v: unknown) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
    vi.stubGlobal('chrome', {
      runtime: {
        lastError: undefined,
        onMessage: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
        sendMessage(message: unknown, callback: (response: unknown) => void) {
          for (const l of listeners) if (l(json(message), sender, (r) => callback(json(r)))) return;
          callback(undefined);
        },
      },
    });
  });
  afterEach(() => {
    removeAllListeners();
    vi.unstubAllGlobals();
  });

  it('a refused message rejects the sender’s promise; an allowed one is answered', async () => {
    const dictionary = new PersonalDictionary(db);
    const stop = serveMessages(backgroundHandlers({ settings: new SettingsStore(area), library, dictionary, version: '1.0', lm, snippets }), SELF);
    sender = SENDERS.content;
    await expect(sendMessage('listReferenceDocs')).rejects.toThrow(/listReferenceDocs refused: not allowed from a content-script/);
    await expect(sendMessage('addToDictionary', { word: 'x'.repeat(500) })).rejects.toThrow(/refused/);
    expect(await sendMessage('addToDictionary', { word: '三会一课' })).toBe(true);
    sender = SENDERS.otherExtension;
    await expect(sendMessage('getDictionary')).rejects.toThrow(/sender outside the extension/);
    sender = SENDERS.sidePanel;
    expect((await sendMessage('listReferenceDocs')).map((d) => d.id)).toEqual(['doc-b', 'doc-a']);
    stop();
  });
});
