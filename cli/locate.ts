/**
 * UTF-16 offset → 1-based line and column for people. Lines end at \n, \r\n or a lone \r (as in the
 * engine). Columns count Unicode code points, so 𠮷 or 👍 is one column, not two UTF-16 units
 * (an emoji with a skin-tone modifier is two code points, hence two columns).
 */
export interface Position {
  line: number;
  column: number;
}

export class Locator {
  private offset = 0;
  private line = 1;
  private column = 1;

  constructor(private readonly text: string) {}

  /** Cheap when called with non-decreasing offsets (issues come sorted); restarts otherwise. */
  at(offset: number): Position {
    const text = this.text;
    const target = Math.max(0, Math.min(offset, text.length));
    if (target < this.offset) {
      this.offset = 0;
      this.line = 1;
      this.column = 1;
    }
    let i = this.offset;
    let line = this.line;
    let column = this.column;
    while (i < target) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        line++;
        column = 1;
        i++;
      } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < target) {
        const next = text.charCodeAt(i + 1);
        i += next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
        column++;
      } else {
        // Includes the \r of a \r\n: the \n right after it starts the next line.
        column++;
        i++;
      }
    }
    this.offset = i;
    this.line = line;
    this.column = column;
    return { line, column };
  }
}
