/** window.wengao: lib/editors + the engine, for the fixture pages. */
import { analyze } from '../../../lib/engine';
import { applyFix, applyToEditable, applyToField, adapterFor } from '../../../lib/editors/apply-edit';
import { FixCard } from '../../../lib/editors/card';
import { editorKind, findTargets, skipReason, targetFor, watchTargets } from '../../../lib/editors/detect';
import { rectToTopViewport } from '../../../lib/editors/geometry';
import { Highlighter, HIGHLIGHT_KEYS, highlightName } from '../../../lib/editors/highlighter';
import { diffText, shiftIssues } from '../../../lib/editors/shift';
import { createSurface } from '../../../lib/editors/surface';
import { TextareaMirror } from '../../../lib/editors/textarea-mirror';
import { TextModel, readText } from '../../../lib/editors/text-model';

/** Texts of the ranges in every wengao highlight of a window, by highlight name. */
function highlightTexts(win: Window = window): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const reg = (win as unknown as { CSS: { highlights: Map<string, Set<AbstractRange>> } }).CSS.highlights;
  for (const key of HIGHLIGHT_KEYS) {
    const h = reg.get(highlightName(key));
    if (!h) continue;
    out[key] = [...h].map((r) => (r instanceof (win as unknown as { Range: typeof Range }).Range ? r.toString() : '?'));
  }
  return out;
}

type Surface = ReturnType<typeof createSurface>;
interface FixtureLike {
  root(): HTMLElement;
  modelText(): string;
  cutoff(): void;
}
const fixture = () => (window as unknown as { fixture: FixtureLike }).fixture;
let surface: Surface | null = null;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Helpers the shared editor tests drive through page.evaluate. */
const t = {
  /** Detect the fixture's field, create its surface, analyse and draw. */
  init() {
    surface?.destroy();
    const target = targetFor(fixture().root());
    if (!target) return null;
    surface = createSurface(target);
    const text = surface.readText();
    const issues = analyze(text).issues;
    surface.setIssues(issues, text);
    return { kind: target.kind, text, issues: issues.map((i) => ({ text: i.text, start: i.start, end: i.end, severity: i.severity })) };
  },
  surface: () => surface,
  /** Does a scan of the top document (iframes, shadow roots included) find the fixture's field? */
  foundFromTop() {
    const root = fixture().root();
    return findTargets(document).some((t: { element: Element }) => t.element === root);
  },
  /** Does watchTargets report the field (synchronously, from the initial scan)? */
  watchedFromTop() {
    const root = fixture().root();
    const ac = new AbortController();
    const seen: Element[] = [];
    watchTargets(document, { signal: ac.signal, onAdd: (t: { element: Element }) => seen.push(t.element) });
    ac.abort();
    return seen.includes(root);
  },
  /** Re-analyse and redraw. */
  reanalyse() {
    const text = surface!.readText();
    surface!.setIssues(analyze(text).issues, text);
    return surface!.issues.map((i) => i.text);
  },
  /** What is drawn: per issue its text and the text under its drawn range / rect count. */
  drawn() {
    const s = surface!;
    const el = s.target.element;
    const win = el.ownerDocument.defaultView!;
    if (s.target.isTextField) {
      const mirror = (s as unknown as { mirror: TextareaMirror }).mirror;
      const field = el as HTMLTextAreaElement;
      return mirror.boxes().map((b) => {
        // Where does the real field put the caret at the centre of each drawn box?
        const hits = b.rects.map((r) => {
          const p = (el.ownerDocument as Document & { caretPositionFromPoint(x: number, y: number): { offsetNode: Node; offset: number } | null }).caretPositionFromPoint(
            r.left + r.width / 2,
            r.top + r.height / 2,
          );
          return p && p.offsetNode === field ? p.offset : -1;
        });
        return { issue: field.value.slice(b.issue.start, b.issue.end), expected: (b.issue as { text?: string }).text, rects: b.rects.length, hits, start: b.issue.start, end: b.issue.end };
      });
    }
    const texts = highlightTexts(win);
    return {
      highlights: texts,
      issues: s.issues.map((i) => ({ text: i.text, rects: s.rectsFor(i).length })),
    };
  },
  /** Hover hit test: the issue found at the centre of each issue's first rect. */
  hitTest() {
    const s = surface!;
    return s.issues.map((i) => {
      const r = s.rectsFor(i)[0];
      if (!r) return { text: i.text, hit: null };
      return { text: i.text, hit: s.issueAt(r.left + r.width / 2, r.top + r.height / 2)?.text ?? null };
    });
  },
  highlightTexts: () => highlightTexts(surface!.target.element.ownerDocument.defaultView!),
  /** Focus the field and put the caret at a text offset. */
  async setCaret(offset: number) {
    const s = surface!;
    const el = s.target.element;
    if (s.target.isTextField) {
      const f = el as HTMLTextAreaElement;
      f.focus();
      f.setSelectionRange(offset, offset);
    } else {
      const doc = el.ownerDocument;
      doc.defaultView!.focus();
      el.focus();
      await sleep(30);
      (s as unknown as { model: TextModel }).model.select(offset);
      await sleep(150);
    }
  },
  caret() {
    const s = surface!;
    const el = s.target.element;
    if (s.target.isTextField) {
      const f = el as HTMLTextAreaElement;
      return { start: f.selectionStart, end: f.selectionEnd, focused: el.ownerDocument.activeElement === el };
    }
    const sel = (s as unknown as { model: TextModel }).model.selectionOffsets();
    return { start: sel?.start ?? null, end: sel?.end ?? null, focused: el.ownerDocument.hasFocus() };
  },
  /** Apply the fix of the (fresh) issue whose text is `text`. */
  async apply(text: string, tamper = false) {
    const s = surface!;
    const now = s.readText();
    s.setIssues(analyze(now).issues, now);
    const issue = s.issues.find((i) => i.text === text);
    if (!issue) return { found: false, issues: s.issues.map((i) => i.text) };
    fixture().cutoff();
    const before = fixture().modelText();
    const target = tamper ? { ...issue, text: issue.text + 'x' } : issue;
    const result = await s.applyFix(target);
    await sleep(60);
    return {
      found: true,
      start: issue.start,
      end: issue.end,
      replacement: issue.replacements[0],
      textLength: now.length,
      before,
      after: fixture().modelText(),
      result: { ok: result.ok, method: result.method, reason: result.reason, caret: result.caret },
      remaining: s.issues.map((i) => i.text),
      highlights: highlightTexts(s.target.element.ownerDocument.defaultView!),
    };
  },
  modelText: () => fixture().modelText(),
  noteEdit() {
    surface!.noteEdit();
    return surface!.issues.map((i) => i.text);
  },
};

(window as unknown as { wengao: unknown }).wengao = {
  t,
  analyze,
  applyFix,
  applyToEditable,
  applyToField,
  adapterFor,
  FixCard,
  editorKind,
  findTargets,
  skipReason,
  targetFor,
  watchTargets,
  rectToTopViewport,
  Highlighter,
  highlightName,
  diffText,
  shiftIssues,
  createSurface,
  TextareaMirror,
  TextModel,
  readText,
  highlightTexts,
};
