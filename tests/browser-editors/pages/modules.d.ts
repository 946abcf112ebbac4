/** Editors in the fixture pages that ship no type declarations (or none the package exports resolve). */
declare module 'quill1' {
  const Quill: new (sel: string | Element, o?: object) => {
    root: HTMLElement;
    setText(t: string): void;
    getText(): string;
    history: { clear(): void; cutoff(): void };
  };
  export default Quill;
}
declare module 'medium-editor' {
  const MediumEditor: new (el: Element, o?: object) => { setContent(html: string): void; getContent(): string };
  export default MediumEditor;
}
declare module '@toast-ui/editor' {
  export default class Editor {
    constructor(o: object);
    destroy(): void;
    setHTML(html: string, cursorToEnd?: boolean): void;
    getHTML(): string;
  }
}
declare module 'wangeditor' {
  export default class E {
    constructor(toolbar: string, text: string);
    config: Record<string, unknown>;
    create(): void;
    txt: { html(v?: string): string | undefined };
  }
}
declare module 'codemirror5' {
  const CodeMirror: (host: HTMLElement, o: object) => { getValue(): string };
  export default CodeMirror;
}
