/**
 * What the background runs in a page's frames with the scripting API, so that the content script every
 * page gets (entrypoints/content-watch.ts) needs neither to carry it nor to listen for it:
 *
 *   the page-world undo bridge   into the frame whose checker found an editor that needs it
 *                                (lib/editors/page-bridge.ts needsPageBridge; Chromium only)
 *   保存为常用语                  the save part (entrypoints/snippet-save.ts) into the frame the context menu
 *                                was opened in, or into every frame of the tab for Alt+Shift+S (the frame
 *                                that has the focus acts); it reads the selection with its line breaks,
 *                                saves through the background and shows the toast
 *
 * Needs the `scripting` permission and host access to the page (wxt.config.ts). Every call rejects
 * where the browser refuses the frame (a browser page, the PDF viewer, the web store): callers fall back.
 * Pure of globals: the API is passed in.
 */
import { SNIPPET_SAVE_ENTRY_KEY, SNIPPET_SAVE_FILE } from './snippet-tab';

/** Files in the package (paths relative to its root, as the scripting API takes them). */
export const PAGE_BRIDGE_FILE = 'page-bridge.js';

/** The slice of `browser.scripting` used here. */
export interface ScriptingApi {
  executeScript(injection: {
    target: { tabId: number; frameIds?: number[]; allFrames?: boolean };
    files?: string[];
    func?: (...args: never[]) => unknown;
    args?: unknown[];
    world?: 'ISOLATED' | 'MAIN';
    injectImmediately?: boolean;
  }): Promise<Array<{ frameId?: number; result?: unknown }>>;
}

/** Run the page-world undo bridge in one frame (the sender's). True once it ran. */
export async function injectPageBridge(scripting: ScriptingApi, tabId: number, frameId: number): Promise<boolean> {
  await scripting.executeScript({ target: { tabId, frameIds: [frameId] }, world: 'MAIN', files: [PAGE_BRIDGE_FILE], injectImmediately: true });
  return true;
}

/**
 * 保存为常用语 in the page: the save part is loaded into the frame(s) (its module keeps one entry per frame,
 * so a second save reuses the first one's toast), then asked to save. `frame`: the frame the context
 * menu was opened in, or 'all' for the keyboard command. True when a frame saved (or said why not, in
 * its toast); false when none acted.
 */
export async function saveSelectionInPage(scripting: ScriptingApi, tabId: number, frame: number | 'all', via: 'menu' | 'command'): Promise<boolean> {
  const target = frame === 'all' ? { tabId, allFrames: true } : { tabId, frameIds: [frame] };
  await scripting.executeScript({ target, files: [SNIPPET_SAVE_FILE.replace(/^\//, '')] });
  const results = await scripting.executeScript({ target, func: runSave as (...args: never[]) => unknown, args: [SNIPPET_SAVE_ENTRY_KEY, via] });
  return results.some((r) => r.result === true);
}

/**
 * Runs in the frame (serialised by the scripting API: it may use nothing from outside its body): the save
 * part's entry, which resolves true when this frame acted.
 */
function runSave(key: string, via: string): unknown {
  const save = (globalThis as unknown as Record<symbol, unknown>)[Symbol.for(key)];
  return typeof save === 'function' ? (save as (via: string) => unknown)(via) : false;
}

/**
 * The background's handler of `installPageBridge` (lib/protocol.ts): the bridge into the sender's own
 * frame (a content script speaks for its frame only). False where it cannot run (no scripting API, a
 * frame the browser refuses).
 */
export function pageBridgeHandler(scripting: ScriptingApi | undefined) {
  return async (_data: unknown, sender: { tab?: { id?: number }; frameId?: number }): Promise<boolean> => {
    const tabId = sender.tab?.id;
    if (!scripting || tabId === undefined || tabId < 0) return false;
    try {
      return await injectPageBridge(scripting, tabId, sender.frameId ?? 0);
    } catch {
      return false;
    }
  };
}
