import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher, MessageRefused, type MessageHandlers, type SenderInfo } from '@/lib/message-policy';
import { injectPageBridge, pageBridgeHandler, PAGE_BRIDGE_FILE, saveSelectionInPage, type ScriptingApi } from '@/lib/page-inject';
import { SNIPPET_SAVE_ENTRY, SNIPPET_SAVE_ENTRY_KEY } from '@/lib/snippet-tab';

type Injection = Parameters<ScriptingApi['executeScript']>[0];

/**
 * A scripting API that records each injection and answers like the browser: `files` run (the save part's
 * file leaves its entry on the global object), `func` is called with `args` in "each frame" (here: once per
 * frame id asked, in this process).
 */
function fakeScripting(frames: { frameId: number; entry?: (via: string) => Promise<boolean> }[], refuse = false) {
  const calls: Injection[] = [];
  const api: ScriptingApi = {
    async executeScript(injection) {
      calls.push(injection);
      if (refuse) throw new Error('Cannot access contents of the page');
      const target = injection.target.allFrames ? frames : frames.filter((f) => injection.target.frameIds?.includes(f.frameId));
      const out: { frameId: number; result?: unknown }[] = [];
      for (const frame of target) {
        if (injection.files) {
          out.push({ frameId: frame.frameId });
          continue;
        }
        const global = globalThis as unknown as Record<symbol, unknown>;
        if (frame.entry) global[SNIPPET_SAVE_ENTRY] = frame.entry;
        else delete global[SNIPPET_SAVE_ENTRY];
        out.push({ frameId: frame.frameId, result: await (injection.func as (...a: unknown[]) => unknown)(...(injection.args ?? [])) });
      }
      return out;
    },
  };
  return { api, calls };
}

afterEach(() => {
  delete (globalThis as unknown as Record<symbol, unknown>)[SNIPPET_SAVE_ENTRY];
});

describe('the page-world undo bridge', () => {
  it('runs in the main world of the one frame that asked, at once', async () => {
    const { api, calls } = fakeScripting([{ frameId: 0 }, { frameId: 7 }]);
    expect(await injectPageBridge(api, 3, 7)).toBe(true);
    expect(calls).toEqual([{ target: { tabId: 3, frameIds: [7] }, world: 'MAIN', files: [PAGE_BRIDGE_FILE], injectImmediately: true }]);
  });

  it("the message: only a content script may ask, for its own frame; false where it cannot run", async () => {
    const self = { id: 'ext', baseUrl: 'chrome-extension://ext/' };
    const { api, calls } = fakeScripting([{ frameId: 0 }, { frameId: 4 }]);
    const dispatch = createDispatcher({ installPageBridge: pageBridgeHandler(api) } as unknown as MessageHandlers, self);
    const page = 'https://oa.example.gov.cn/edit';
    const content: SenderInfo = { id: 'ext', url: page, origin: 'https://oa.example.gov.cn', tab: { id: 9, url: page }, frameId: 4 };
    expect(await dispatch('installPageBridge', undefined, content)).toBe(true);
    expect(calls.map((c) => c.target)).toEqual([{ tabId: 9, frameIds: [4] }]);
    // An extension page has no page world to bridge.
    await expect(dispatch('installPageBridge', undefined, { id: 'ext', url: 'chrome-extension://ext/practice.html', origin: 'chrome-extension://ext' })).rejects.toBeInstanceOf(MessageRefused);
    // Data is refused (the frame is the sender's, never named by it).
    await expect(dispatch('installPageBridge', { frameId: 0 }, content)).rejects.toBeInstanceOf(MessageRefused);
    expect(calls).toHaveLength(1);
    // No scripting API (Firefox), or a frame the browser refuses: false, no error.
    expect(await pageBridgeHandler(undefined)(undefined, content)).toBe(false);
    expect(await pageBridgeHandler(fakeScripting([], true).api)(undefined, content)).toBe(false);
  });
});

describe('保存为常用语 run in the page', () => {
  it('the context menu: the save part into the frame clicked, then its entry asked to save', async () => {
    const asked: string[] = [];
    const { api, calls } = fakeScripting([
      { frameId: 0, entry: async () => (asked.push('top'), true) },
      { frameId: 2, entry: async (via) => (asked.push(`frame ${via}`), true) },
    ]);
    expect(await saveSelectionInPage(api, 5, 2, 'menu')).toBe(true);
    expect(calls.map((c) => [c.target, c.files ?? c.args])).toEqual([
      [{ tabId: 5, frameIds: [2] }, ['snippet-save.js']],
      [{ tabId: 5, frameIds: [2] }, [SNIPPET_SAVE_ENTRY_KEY, 'menu']],
    ]);
    expect(asked).toEqual(['frame menu']);
  });

  it('the shortcut: every frame, true when the focused one acted; false when none did or the file did not run', async () => {
    const { api, calls } = fakeScripting([
      { frameId: 0, entry: async () => false },
      { frameId: 3, entry: async (via) => via === 'command' },
    ]);
    expect(await saveSelectionInPage(api, 5, 'all', 'command')).toBe(true);
    expect(calls.every((c) => c.target.allFrames === true)).toBe(true);
    expect(await saveSelectionInPage(fakeScripting([{ frameId: 0, entry: async () => false }]).api, 5, 'all', 'command')).toBe(false);
    // No entry in the frame (its file failed to run): not acted, so the menu falls back to its selectionText.
    expect(await saveSelectionInPage(fakeScripting([{ frameId: 0 }]).api, 5, 0, 'menu')).toBe(false);
    await expect(saveSelectionInPage(fakeScripting([], true).api, 5, 0, 'menu')).rejects.toThrow();
  });
});
