/**
 * The editor fixture pages — one per editor, bundled with esbuild from node_modules — and how to serve
 * them. Shared by the library-level suite (tests/browser-editors, which adds `window.wengao`, a bundle of
 * lib/editors + the engine, to each page) and the extension suite (tests/browser, where the built
 * extension's content script does the work and the pages carry no Wengao code).
 *
 * Routes: /p/<name>.html (a page), /build/* (bundles), /nm/* (node_modules).
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const PAGES = path.join(import.meta.dirname, 'pages');
const NODE_MODULES = path.join(ROOT, 'node_modules');

export interface PageSpec {
  /** The page's name (/p/<name>.html); its bundle entry is tests/browser-editors/pages/<entry ?? name>.ts */
  name: string;
  entry?: string;
  /** body[data-variant]: one entry serving two pages (CKEditor 4 with an iframe and with a div). */
  bodyData?: string;
  css?: string[];
  /** Extra scripts loaded before the page bundle (URLs). */
  scripts?: string[];
  body?: string;
}

export const PAGE_SPECS: PageSpec[] = [
  { name: 'textarea', body: '<textarea id="editor" rows="10" cols="60"></textarea>' },
  { name: 'input', body: '<input id="editor" type="text" size="80">' },
  { name: 'contenteditable', body: '<div id="editor" contenteditable="true"></div>' },
  { name: 'quill', css: ['/nm/quill/dist/quill.snow.css'], body: '<div id="editor"></div>' },
  { name: 'tiptap', body: '<div id="editor"></div>' },
  { name: 'ckeditor5', css: ['/nm/ckeditor5/dist/ckeditor5.css'], body: '<div id="editor"></div>' },
  { name: 'lexical', body: '<div id="editor" contenteditable="true"></div>' },
  { name: 'wangeditor', css: ['/nm/@wangeditor/editor/dist/css/style.css'], body: '<div id="toolbar"></div><div id="editor" style="height:300px"></div>' },
  { name: 'tinymce', scripts: ['/nm/tinymce/tinymce.min.js'], body: '<textarea id="editor"></textarea>' },
  { name: 'ckeditor4', scripts: ['/nm/ckeditor4/ckeditor.js'], body: '<textarea id="editor"></textarea>' },
  { name: 'ckeditor4-div', entry: 'ckeditor4', scripts: ['/nm/ckeditor4/ckeditor.js'], bodyData: 'divarea', body: '<textarea id="editor"></textarea>' },
  { name: 'kindeditor', scripts: ['/nm/kindeditor/kindeditor-all.js', '/nm/kindeditor/lang/zh-CN.js'], body: '<textarea id="editor"></textarea>' },
  { name: 'jodit', css: ['/nm/jodit/es2021/jodit.min.css'], scripts: ['/nm/jodit/es2021/jodit.min.js'], body: '<textarea id="editor"></textarea>' },
  { name: 'quill1', css: ['/nm/quill1/dist/quill.snow.css'], body: '<div id="editor"></div>' },
  { name: 'tinymce6', scripts: ['/nm/tinymce6/tinymce.min.js'], body: '<textarea id="editor"></textarea>' },
  { name: 'summernote', css: ['/nm/summernote/dist/summernote-lite.min.css'], scripts: ['/nm/jquery/dist/jquery.min.js', '/nm/summernote/dist/summernote-lite.min.js'], body: '<div id="editor"></div>' },
  { name: 'froala', css: ['/nm/froala-editor/css/froala_editor.pkgd.min.css'], scripts: ['/nm/froala-editor/js/froala_editor.pkgd.min.js'], body: '<div id="editor"></div>' },
  { name: 'slate', body: '<div id="editor"></div>' },
  { name: 'draftjs', body: '<div id="editor"></div>' },
  { name: 'editorjs', body: '<div id="editor" style="border:1px solid #ccc"></div>' },
  { name: 'toastui', css: ['/nm/@toast-ui/editor/dist/toastui-editor.css'], body: '<div id="editor"></div>' },
  { name: 'medium', css: ['/nm/medium-editor/dist/css/medium-editor.min.css'], body: '<div id="editor" style="border:1px solid #ccc"></div>' },
  { name: 'wangeditor4', body: '<div id="toolbar"></div><div id="editor"></div>' },
  { name: 'docwrite', body: '<div id="editor"></div>' },
  {
    name: 'code',
    css: ['/nm/codemirror5/lib/codemirror.css'],
    body:
      '<div id="cm6" style="height:60px"></div><div id="cm5"></div><div id="ace" style="height:60px;width:600px"></div>' +
      '<div class="monaco-editor" style="height:40px"><div class="view-lines"></div><textarea id="monaco" class="inputarea"></textarea></div>' +
      '<iframe id="frame" style="width:600px;height:80px"></iframe><textarea id="control" rows="3" cols="60"></textarea>',
  },
  { name: 'misc', body: '' },
  { name: 'bench', body: '' },
];

export function buildDir(): string {
  return path.join(os.tmpdir(), 'wengao-editors-build');
}

/** Bundle window.wengao (lib/editors + lib/engine) and every fixture page (≈ 2 s). */
export async function buildBundles(outdir = buildDir()): Promise<string> {
  mkdirSync(outdir, { recursive: true });
  const entryPoints: Record<string, string> = { wengao: path.join(PAGES, 'wengao.ts') };
  for (const p of PAGE_SPECS) entryPoints[`page-${p.entry ?? p.name}`] = path.join(PAGES, `${p.entry ?? p.name}.ts`);
  await build({
    entryPoints,
    outdir,
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    legalComments: 'none',
    sourcemap: false,
  });
  return outdir;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** A fixture page; `library` adds window.wengao (the library-level tests drive lib/editors through it). */
export function pageHtml(spec: PageSpec, library = true): string {
  const css = (spec.css ?? []).map((h) => `<link rel="stylesheet" href="${h}">`).join('');
  const scripts = (spec.scripts ?? []).map((s) => `<script src="${s}"></script>`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${spec.name}</title>
<link rel="icon" href="data:,">${css}
<style>body{margin:20px;font:16px/1.6 "Noto Sans CJK SC","Noto Sans SC",sans-serif}#editor{width:640px;min-height:160px}
textarea#editor,input#editor{font:16px/1.6 "Noto Sans CJK SC",sans-serif}</style></head>
<body${spec.bodyData ? ` data-variant="${spec.bodyData}"` : ''}>${spec.body ?? ''}${library ? '<script src="/build/wengao.js"></script>' : ''}${scripts}<script src="/build/page-${spec.entry ?? spec.name}.js"></script></body></html>`;
}

export function sendFile(res: ServerResponse, file: string): void {
  if (!existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
}

const specs = new Map(PAGE_SPECS.map((s) => [s.name, s]));

/**
 * Answer a fixture route; false when `url` is not one (the caller serves it, or 404s). `library`: pages
 * include window.wengao (library-level tests) or not (extension tests).
 */
export function serveFixture(outdir: string, url: string, res: ServerResponse, options: { library?: boolean } = {}): boolean {
  const parsed = new URL(url, 'http://127.0.0.1');
  const clean = path.posix.normalize(decodeURIComponent(parsed.pathname));
  const page = /^\/p\/([\w-]+)\.html$/.exec(clean);
  if (page) {
    const spec = specs.get(page[1]!);
    if (!spec) return false;
    res.writeHead(200, { 'content-type': TYPES['.html']! });
    res.end(pageHtml(spec, options.library ?? true));
    return true;
  }
  if (clean.startsWith('/build/')) {
    const file = path.join(outdir, clean.slice('/build/'.length));
    if (!file.startsWith(outdir + path.sep)) return false;
    sendFile(res, file);
    return true;
  }
  if (clean.startsWith('/nm/')) {
    const file = path.join(NODE_MODULES, clean.slice('/nm/'.length));
    if (!file.startsWith(NODE_MODULES + path.sep)) return false;
    sendFile(res, file);
    return true;
  }
  return false;
}

/**
 * The draft every editor test types: one slip per rule family, and what fixing them all gives. The web
 * residue 展开全部 ends the last paragraph (a residue line of its own also takes its line break, a fix
 * that joins paragraphs: another test's business).
 */
export const DRAFT = [
  '我们要要认真学习贯彻会议精神，全面發挥党组织的的战斗堡垒作用,推动各项工作落实落地。',
  '下一段继续加强理论武装，提高政治站位。展开全部',
];
export const FIXES = [
  { text: '要要', fix: '要' },
  { text: '發', fix: '发' },
  { text: '的的', fix: '的' },
  { text: ',', fix: '，' },
  { text: '展开全部', fix: '' },
];
export const CORRECTED = ['我们要认真学习贯彻会议精神，全面发挥党组织的战斗堡垒作用，推动各项工作落实落地。', '下一段继续加强理论武装，提高政治站位。'];
