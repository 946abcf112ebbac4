/**
 * The done criterion of issue 3 §3 — "Importing a new .docx reference document changes the suggestions"
 * — through the real pipeline, repository and typed messages: a .docx made here, read by mammoth,
 * analysed, stored in (fake) IndexedDB by the background handlers, merged into the effective corpus,
 * and the side panel's suggestions for a draft before and after, with their sources.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultCorpus } from '@/lib/corpus/default';
import { corpusSuggestions, type CorpusSuggestions } from '@/lib/import/attribution';
import { prepareReference } from '@/lib/import/pipeline';
import { removeAllListeners, sendMessage } from '@/lib/protocol';
import { WengaoDB } from '@/lib/storage/db';
import { referenceHandlers, serveMessages } from '@/lib/storage/handlers';
import { ReferenceLibrary } from '@/lib/storage/reference-docs';
import { DRAFT_PROBLEMS_ONLY, makeDocx, SMART_PARTY_PARAGRAPHS, SMART_PARTY_TITLE } from '../import/fixtures';

type Listener = (message: unknown, sender: unknown, respond: (response: unknown) => void) => boolean;

/** The options page, as Chrome describes it to the background. */
const sender = { id: 'test', url: 'chrome-extension://test/options.html', origin: 'chrome-extension://test' };
const self = { id: 'test', baseUrl: 'chrome-extension://test/' };

/** chrome.runtime messaging in one process, with Chrome's JSON serialisation of both directions. */
function stubChromeRuntime() {
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
}

let db: WengaoDB;
let revisions: number;
let unregister: () => void;

beforeEach(() => {
  stubChromeRuntime();
  db = new WengaoDB('wengao-suggestions', { indexedDB: new IDBFactory(), IDBKeyRange });
  revisions = 0;
  unregister = serveMessages(referenceHandlers(new ReferenceLibrary(db, { onChange: () => revisions++ })), self);
});

afterEach(() => {
  unregister();
  removeAllListeners();
  db.close();
  vi.unstubAllGlobals();
});

async function suggestions(): Promise<CorpusSuggestions> {
  return corpusSuggestions(DRAFT_PROBLEMS_ONLY, await sendMessage('getEffectiveCorpus'));
}

async function importDocx(): Promise<string> {
  const bytes = await makeDocx(SMART_PARTY_PARAGRAPHS);
  const prepared = await prepareReference({ type: 'file', name: `${SMART_PARTY_TITLE}.docx`, bytes }, { id: crypto.randomUUID() });
  const result = await sendMessage('importReferenceDoc', prepared);
  if (!result.ok) throw new Error(`import failed: ${result.error}`);
  return result.doc.id;
}

const mine = { kind: 'user', title: SMART_PARTY_TITLE };

describe('Importing a new .docx reference document changes the suggestions', () => {
  it('before: the built-in corpus alone, every source is a default-corpus essay', async () => {
    const before = await suggestions();
    expect(before).toEqual(corpusSuggestions(DRAFT_PROBLEMS_ONLY, { corpus: defaultCorpus, userDocs: {} }));
    expect(before.missingThemes.map((m) => m.id)).not.toContain('informatization');
    expect(before.enumerations).toEqual([]);
    const sources = before.missingThemes.flatMap((m) => m.examples.map((e) => e.source));
    expect(sources.length).toBeGreaterThan(10);
    for (const s of sources) expect(s?.kind).toBe('default');
    expect(new Set(sources.map((s) => s!.title))).toContain('如何当好党支部书记');
  });

  it('after: the document’s theme is suggested with its sentences, its enumeration is checked, both cite it', async () => {
    const before = await suggestions();
    const id = await importDocx();
    expect(revisions).toBe(1);
    const after = await suggestions();
    expect(after).not.toEqual(before);

    // A theme the built-in corpus rarely uses (1 essay in 10) is now common enough to be suggested …
    const info = after.missingThemes.find((m) => m.id === 'informatization');
    expect(info).toBeDefined();
    expect(info!.name).toBe('信息化');
    // … with typical sentences taken from the imported document, marked with its title.
    expect(info!.examples.length).toBeGreaterThanOrEqual(2);
    for (const e of info!.examples) {
      expect(e.source).toEqual({ ...mine, id });
      expect(SMART_PARTY_PARAGRAPHS.some((p) => p.includes(e.text))).toBe(true);
    }
    expect(info!.phrasings.some((p) => p.source?.kind === 'user' && p.source.title === SMART_PARTY_TITLE)).toBe(true);

    // The draft cuts the document's fixed enumeration short: 网上学、网上议 → …、网上办.
    expect(after.enumerations).toEqual([
      {
        start: DRAFT_PROBLEMS_ONLY.indexOf('网上学'),
        end: DRAFT_PROBLEMS_ONLY.indexOf('，切实'),
        written: ['网上学', '网上议'],
        missing: ['网上办'],
        replacement: '网上学、网上议、网上办',
        source: { ...mine, id },
      },
    ]);

    // Themes the draft covers are still found from its own words (ranked by the new corpus).
    expect(after.covered.map((c) => c.id).sort()).toEqual(before.covered.map((c) => c.id).sort());
  });

  it('disabling the document restores the original suggestions; enabling brings them back; deleting removes them', async () => {
    const before = await suggestions();
    const id = await importDocx();
    const after = await suggestions();
    expect(await sendMessage('setReferenceDocEnabled', { id, enabled: false })).toMatchObject({ id, enabled: false });
    expect(await suggestions()).toEqual(before);
    await sendMessage('setReferenceDocEnabled', { id, enabled: true });
    expect(await suggestions()).toEqual(after);
    expect(await sendMessage('deleteReferenceDoc', { id })).toBe(true);
    expect(await suggestions()).toEqual(before);
    expect(await sendMessage('listReferenceDocs')).toEqual([]);
    expect(revisions).toBe(4);
  });
});

describe('reference-document messages', () => {
  it('list what was imported, with its contribution', async () => {
    const id = await importDocx();
    const list = await sendMessage('listReferenceDocs');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id, title: SMART_PARTY_TITLE, kind: 'docx', fileName: `${SMART_PARTY_TITLE}.docx`, enabled: true });
    expect(list[0]!.contribution.themes).toContain('informatization');
    expect(list[0]!.contribution.essays).toBe(3);
  });

  it('answer a refused import with a code and store nothing', async () => {
    const prepared = await prepareReference({ type: 'paste', title: '空', text: '党建' }, { id: 'x' });
    expect(await sendMessage('importReferenceDoc', { ...prepared, text: ' ' })).toMatchObject({ ok: false, error: 'empty' });
    expect(await sendMessage('listReferenceDocs')).toEqual([]);
    expect(revisions).toBe(0);
  });

  it('answer unknown ids without failing', async () => {
    expect(await sendMessage('setReferenceDocEnabled', { id: 'nope', enabled: false })).toBeNull();
    expect(await sendMessage('deleteReferenceDoc', { id: 'nope' })).toBe(false);
  });
});
