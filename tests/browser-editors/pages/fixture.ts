/** The contract every fixture page fulfils (window.fixture), used by the shared editor tests. */
export interface Fixture {
  name: string;
  isReady: boolean;
  /** The editable root (contenteditable host) or the textarea/input. */
  root(): HTMLElement;
  /** Load content (one string per paragraph) and clear the editor's undo history. */
  setParagraphs(paragraphs: string[]): Promise<void>;
  /** The editor's own model as text, paragraphs joined by "\n". */
  modelText(): string;
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
