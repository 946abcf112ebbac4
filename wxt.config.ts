import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';

/**
 * The wrong-character tier's model (lib/lm/generated/model.bin, ≈ 13 MB, 9 MB compressed): copied into
 * the package as lm/model.bin (lib/storage/lm-handlers.ts LM_MODEL_PATH) straight from where the
 * generator writes it, so there is one copy in the repository. The background fetches it on first need.
 */
const LM_MODEL = fileURLToPath(new URL('./lib/lm/generated/model.bin', import.meta.url));

/**
 * OpenCC's simplified → traditional character table (lib/engine/script.ts), rebuilt at load from the
 * traditional → simplified one the checker bundles anyway plus a small difference: the same string, 14.4 KB
 * less gzip in the checker for ≈ 2 ms as it loads (lib/opencc/st-characters.ts; tests/unit/opencc-st.test.ts
 * checks the string). Node (tests, CLI, bench) keeps opencc-js's own table.
 */
const ST_CHARACTERS = fileURLToPath(new URL('./lib/opencc/st-characters.ts', import.meta.url));

// See https://wxt.dev/api/config.html
export default defineConfig({
  vite: () => ({ resolve: { alias: [{ find: /^opencc-js\/dict\/STCharacters$/, replacement: ST_CHARACTERS }] } }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: LM_MODEL, relativeDest: 'lm/model.bin' });
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // Chrome: the button opens the side panel (entrypoints/sidepanel → side_panel + "sidePanel" permission).
    // Firefox (MV2): WXT turns `action` into `browser_action` and the side panel into `sidebar_action`;
    // the background toggles the sidebar on click.
    action: {
      default_title: '__MSG_actionTitle__',
      default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    },
    // The content script: only the editor watch, in every page and frame (entrypoints/content-watch.ts, an
    // unlisted script listed here: WXT's content-script wrapper would set up the extension API on every page).
    content_scripts: [{ matches: ['<all_urls>'], all_frames: true, run_at: 'document_start', js: ['content-watch.js'] }],
    // contextMenus: 保存为常用语 on a selection (lib/storage/snippet-background.ts). scripting + host access
    // (the same pages the content script already runs in, so no new warning): the background runs
    // 保存为常用语's part and the page-world undo bridge in a page only when needed (lib/page-inject.ts).
    permissions: ['storage', 'contextMenus', 'scripting'],
    host_permissions: ['<all_urls>'],
    // The checker's part of the content script, imported only on pages with an editor
    // (lib/editors/lazy-checker.ts); a per-session URL (use_dynamic_url), so pages cannot probe for it.
    web_accessible_resources: [{ resources: ['editor-checker.js'], matches: ['<all_urls>'], use_dynamic_url: true }],
    // Keyboard shortcuts (changeable at chrome://extensions/shortcuts, about:addons in Firefox). The
    // background forwards them to the focused frame's content script (lib/editors/controller.ts).
    commands: {
      'next-issue': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_commandNextIssue__' },
      'apply-fix': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandApplyFix__' },
      'save-snippet': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_commandSaveSnippet__' },
      // Opens the side panel (the background handles it: lib/panel/background.ts).
      'open-panel': { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_commandOpenPanel__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'wengao@wengao.local',
              strict_min_version: '115.0',
              // No data is collected or transmitted (Firefox built-in data consent, 2025+).
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
