/** The contract every fixture page fulfils (window.fixture), used by the shared editor tests. */
export interface Fixture {
  name: string;
  isReady: boolean;
  /** The editable root (contenteditable host) or the textarea/input. */
  root(): HTMLElement;
  /** Load content (one string per paragraph) and clear the editor's undo history. */
  setParagraphs(paragraphs: string[]): Promise<void>;
  /** The editor's own model as text, paragraphs joined by "\n" (a promise where the editor's API is async). */
  modelText(): string | Promise<string>;
  /** Close the current undo group, so the next change is its own undo step. */
  cutoff(): void;
  /** Anything else a test may want (the editor instance). */
  editor?: unknown;
}

export function defineFixture(f: Omit<Fixture, 'isReady'>, ready: Promise<unknown> = Promise.resolve()): void {
  // The page's own object (not a copy), so that properties it sets later (`editor`) show.
  const fixture = Object.assign(f, { isReady: false }) as Fixture;
  (window as unknown as { fixture: Fixture }).fixture = fixture;
  ready.then(
    () => {
      fixture.isReady = true;
    },
    (e) => console.error('fixture failed', e),
  );
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function paragraphsHtml(ps: string[]): string {
  return ps.map((p) => (p ? `<p>${escapeHtml(p)}</p>` : '<p><br></p>')).join('');
}

/**
 * The paragraphs of an editor's HTML output (getData(), getContent(), value…) as text joined by "\n":
 * each top-level block one line, `<br>` inside a block a line break, a placeholder-only block ("<p><br></p>",
 * "<p>&nbsp;</p>") an empty line.
 */
export function htmlLines(html: string): string {
  const t = document.createElement('template');
  t.innerHTML = html;
  const lines: string[] = [];
  let inline = '';
  const flush = () => {
    if (inline) lines.push(inline);
    inline = '';
  };
  const text = (n: Node): string => {
    // Line breaks with indentation are the output's source formatting (KindEditor), not text.
    if (n.nodeType === 3) return (n.textContent ?? '').replace(/[\u200B\uFEFF]/g, '').replace(/\s*\n\s*/g, '');
    if (n.nodeName === 'BR') return '\n';
    return Array.from(n.childNodes).map(text).join('');
  };
  for (const n of Array.from(t.content.childNodes)) {
    if (n.nodeType === 1 && /^(P|DIV|H[1-6]|LI|BLOCKQUOTE|PRE)$/.test(n.nodeName)) {
      flush();
      const s = text(n).replace(/\n$/, '').replace(/^\u00a0$/, '');
      lines.push(...s.split('\n'));
    } else if (n.nodeType === 1 && /^(UL|OL)$/.test(n.nodeName)) {
      flush();
      for (const li of Array.from((n as Element).children)) lines.push(text(li));
    } else if (n.nodeType === 3 && !/\S/.test(n.textContent ?? '')) {
      continue;
    } else inline += text(n);
  }
  flush();
  return lines.join('\n');
}

/** Load a classic script (editors that ship only a UMD/global build) and wait for it. */
export function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error(`failed to load ${src}`));
    document.head.append(s);
  });
}
