/**
 * lib/editors/text-model in Chromium: the text read from typical editor DOM shapes, offsets ⇄ DOM round
 * trips for every offset, ranges that cover exactly their characters, selection mapping, and incremental
 * refresh after random DOM mutations always equal to a fresh full read.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useFixturePage } from './harness';

const fixturePage = useFixturePage('misc');
let page: Page;
beforeAll(() => {
  page = fixturePage();
});

/** Read `html` in a fresh contenteditable; check every offset's round trip and every char's range. */
async function read(html: string, style = ''): Promise<{ text: string; problems: string[] }> {
  return page.evaluate(
    ([html, style]) => {
      const w = (window as any).wengao;
      document.body.replaceChildren();
      const root = document.createElement('div');
      root.contentEditable = 'true';
      root.setAttribute('style', style);
      root.innerHTML = html;
      document.body.append(root);
      const m = new w.TextModel(root);
      const text: string = m.text;
      const problems: string[] = [];
      for (let i = 0; i <= text.length; i++) {
        for (const aff of ['forward', 'backward']) {
          const p = m.pointAt(i, aff);
          const back = m.offsetAt(p.node, p.offset);
          if (back !== i) problems.push(`offset ${i} (${aff}) → ${p.node.nodeName}:${p.offset} → ${back}`);
        }
      }
      for (let i = 0; i < text.length; i++) {
        const r = m.rangeFor(i, i + 1);
        const s = r ? r.toString() : null;
        const ch = text[i];
        // Synthetic line breaks have no character in the DOM; U+FFFC stands for an element.
        // A collapsed whitespace run reads as one space mapped to the run's first character.
        const ok = ch === '\n' || ch === '\uFFFC' ? s !== null : ch === ' ' ? s !== null && /^\s$/.test(s) : s === ch;
        if (!ok) problems.push(`char ${i} ${JSON.stringify(ch)} → ${JSON.stringify(s)}`);
      }
      m.disconnect();
      return { text, problems };
    },
    [html, style] as const,
  );
}

describe('text model: reading editor DOM shapes', () => {
  const cases: [string, string, string][] = [
    ['paragraphs', '<p>我们</p><p>要要</p>', '我们\n要要'],
    ['nested blocks give one newline', '<div><div><p>一</p><p>二</p></div></div><p>三</p>', '一\n二\n三'],
    ['br inside a paragraph', '<p>一<br>二</p>', '一\n二'],
    ['trailing br is a placeholder', '<p>一<br></p><p>二</p>', '一\n二'],
    ['two brs make an empty line', '<p>一<br><br></p><p>二</p>', '一\n\n二'],
    ['empty paragraph is an empty line (Quill/Lexical/TinyMCE)', '<p>一</p><p><br></p><p>二</p>', '一\n\n二'],
    ['truly empty block is an empty line', '<p>一</p><p></p><p>二</p>', '一\n\n二'],
    ['ProseMirror trailing break', '<p>一<br class="ProseMirror-trailingBreak"></p><p><img class="ProseMirror-separator"><br class="ProseMirror-trailingBreak"></p>', '一\n'],
    ['CKEditor filler br', '<p>一</p><p><br data-cke-filler="true"></p>', '一\n'],
    ['Slate zero-width empty line', '<div data-slate-node="element"><span data-slate-zero-width="n" data-slate-length="0">\uFEFF<br></span></div><div>二</div>', '\n二'],
    ['Quill cursor and list UI', '<ol><li data-list="bullet"><span class="ql-ui" contenteditable="false"></span>一<span class="ql-cursor">\uFEFF</span>二</li></ol>', '一二'],
    ['CKEditor inline filler (7 × U+2060)', '<p>一\u2060\u2060\u2060\u2060\u2060\u2060\u2060二</p>', '一二'],
    ['nested inline formatting', '<p>我<b>们<i>要</i></b>要<a href="#">学<span>习</span></a></p>', '我们要要学习'],
    ['lists and headings', '<h1>标题</h1><ul><li>一</li><li><p>二</p></li></ul><blockquote><p>三</p></blockquote>', '标题\n一\n二\n三'],
    ['table cells are lines', '<table><tbody><tr><td>甲</td><td>乙</td></tr></tbody></table>', '甲\n乙'],
    ['non-editable island and image', '<p>要<span contenteditable="false">组件</span>要<img src="data:,">了</p>', '要\uFFFC要\uFFFC了'],
    ['hidden content is skipped', '<p>一<span hidden>x</span><span style="display:none">y</span>二</p><p hidden>z</p>', '一二'],
    ['source whitespace between blocks', '\n  <p>一</p>\n  <p>二\n    三</p>\n', '一\n二 三'],
    ['text and blocks at root level (Chrome contenteditable)', '一<div>二</div><div><br></div><div>三</div>', '一\n二\n\n三'],
    ['surrogate pairs', '<p>𠮷要要</p>', '𠮷要要'],
    ['script and style skipped', '<p>一<style>p{}</style><script>1</script>二</p>', '一二'],
  ];
  for (const [name, html, want] of cases) {
    it(name, async () => {
      const r = await read(html);
      expect(r.text).toBe(want);
      expect(r.problems).toEqual([]);
    });
  }

  it('pre-wrap text keeps its newlines and spaces', async () => {
    const r = await read('<p>一\n二  三</p>', 'white-space: pre-wrap');
    expect(r.text).toBe('一\n二  三');
    expect(r.problems).toEqual([]);
  });
});

describe('text model: ranges and selection', () => {
  it('maps a range across inline elements, <br> and blocks', async () => {
    const r = await page.evaluate(() => {
      const w = (window as any).wengao;
      document.body.replaceChildren();
      const root = document.createElement('div');
      root.contentEditable = 'true';
      root.innerHTML = '<p>我们<b>要</b>要认真</p><p>学<i>习</i><br>贯彻</p>';
      document.body.append(root);
      const m = new w.TextModel(root);
      const text: string = m.text;
      const out: Record<string, string> = {};
      for (const s of ['要要', '真\n学', '习\n贯', '们要要认真\n学习']) {
        const i = text.indexOf(s);
        out[s] = m.rangeFor(i, i + s.length).toString();
      }
      // Selection → offsets, both directions.
      const t = root.querySelector('i')!.firstChild!;
      const sel = getSelection()!;
      sel.setBaseAndExtent(t, 1, root.querySelector('b')!.firstChild!, 0);
      const back = m.selectionOffsets();
      m.select(3);
      const caret = m.selectionOffsets();
      return { text, out, back, caret };
    });
    expect(r.text).toBe('我们要要认真\n学习\n贯彻');
    expect(r.out['要要']).toBe('要要');
    // Range.toString() does not render block boundaries; the characters are the ones expected.
    expect(r.out['真\n学']).toBe('真学');
    expect(r.out['习\n贯']).toBe('习贯');
    expect(r.out['们要要认真\n学习']).toBe('们要要认真学习');
    expect(r.back).toMatchObject({ anchor: 9, focus: 2, start: 2, end: 9, collapsed: false });
    expect(r.caret).toMatchObject({ start: 3, end: 3, collapsed: true });
  });

  it('re-reads only touched paragraphs and always equals a full read (random mutations)', async () => {
    const r = await page.evaluate(() => {
      const w = (window as any).wengao;
      document.body.replaceChildren();
      const root = document.createElement('div');
      root.contentEditable = 'true';
      const paras: string[] = [];
      for (let i = 0; i < 200; i++) paras.push(`<p>第${i}段<b>加粗${i}</b>正文内容要要<br>换行</p>`);
      root.innerHTML = paras.join('') + '尾巴<span>行内</span>';
      document.body.append(root);
      const m = new w.TextModel(root);
      let seed = 7;
      const rnd = (n: number) => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed % n;
      };
      const mismatches: number[] = [];
      const badRanges: number[] = [];
      const reads: number[] = [];
      for (let step = 0; step < 300; step++) {
        const kind = rnd(7);
        const blocks = root.children;
        const p = blocks[rnd(blocks.length)] as HTMLElement | undefined;
        if (!p) continue;
        if (kind === 0) {
          const t = p.firstChild;
          if (t && t.nodeType === 3) (t as Text).insertData(rnd((t as Text).length + 1), '新');
        } else if (kind === 1) {
          const t = p.firstChild;
          if (t && t.nodeType === 3 && (t as Text).length > 1) (t as Text).deleteData(0, 1);
        } else if (kind === 2) {
          const q = document.createElement('p');
          q.textContent = `插入${step}`;
          root.insertBefore(q, p);
        } else if (kind === 3 && blocks.length > 5) {
          p.remove();
        } else if (kind === 4) {
          p.append(document.createElement('br'), document.createTextNode('再一行'));
        } else if (kind === 5) {
          root.insertBefore(document.createTextNode('散字'), p);
        } else {
          p.hidden = !p.hidden;
        }
        if (rnd(3) === 0) continue; // several mutations between reads
        const inc: string = m.text;
        reads.push(m.lastReadUnits);
        const full: string = w.readText(root);
        if (inc !== full) mismatches.push(step);
        // The offsets map too (a keystroke's re-read moves the later paragraphs' starts): a character's
        // range covers that character.
        for (let k = 0; k < 3; k++) {
          const g = rnd(Math.max(1, inc.length));
          const ch = inc[g];
          if (ch === undefined || ch === '\n' || ch === '\uFFFC') continue;
          if (m.rangeFor(g, g + 1)?.toString() !== ch) badRanges.push(step);
        }
      }
      m.disconnect();
      return { mismatches, badRanges, maxReads: Math.max(...reads), units: root.childNodes.length };
    });
    expect(r.mismatches).toEqual([]);
    expect(r.badRanges).toEqual([]);
    expect(r.maxReads).toBeLessThan(r.units / 4);
  });
});

describe('text model: a long editor edited at random', () => {
  it('equals a fresh read, reports each edit exactly, and keeps its ranges and the drawn issues on their characters', async () => {
    const r = await page.evaluate(() => {
      const w = (window as any).wengao;
      document.body.replaceChildren();
      const root = document.createElement('div');
      root.contentEditable = 'true';
      root.style.cssText = 'height: 400px; overflow: auto';
      const line = (i: number) => `第${i}段：我们要要认真学习贯彻会议精神，推动各项工作落实落地。`;
      root.innerHTML = Array.from({ length: 2500 }, (_, i) => `<div>${line(i)}</div>`).join('');
      document.body.append(root);
      const m = new w.TextModel(root);
      let seed = 11;
      const rnd = (n: number) => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed % n;
      };
      // Edits and spans in the first paragraphs (so that edits meet the spans often), the rest is length.
      const HOT = 60;
      /** A random text node of one of the first paragraphs (after the edits, some hold several). */
      const textNode = (): Text | null => {
        const p = root.children[rnd(HOT)];
        if (!p) return null;
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
        return nodes.length ? nodes[rnd(nodes.length)]! : null;
      };
      const problems: string[] = [];
      let prev: string = m.text;
      m.takeEdit();
      // Spans handed out as ranges (as the highlighter holds them), moved with each edit.
      let spans: { start: number; end: number; text: string }[] = [];
      const addSpans = (text: string, n = 40) => {
        for (let k = 0; k < n; k++) {
          const s = rnd(1800);
          // Some across paragraphs (a repeated passage's underline): one Range over several units.
          const e = s + 1 + (k % 4 === 0 ? 40 + rnd(200) : rnd(6));
          spans.push({ start: s, end: e, text: text.slice(s, e) });
        }
      };
      addSpans(prev);
      for (const sp of spans) m.cachedRangeFor(sp.start, sp.end);
      // A surface over another model of the same root: its issues must stay on their characters.
      const surface = w.createSurface({ element: root, kind: 'contenteditable', isTextField: false });
      const issueOf = (s: number, e: number, text: string) => ({ start: s, end: e, text, rule: 'x', message: '', replacements: [], severity: 'warning' });
      surface.setIssues(spans.map((sp) => issueOf(sp.start, sp.end, sp.text)));
      let kept = 0;
      for (let step = 0; step < 400; step++) {
        const kind = rnd(10);
        const t = textNode();
        if (!t) continue;
        if (kind <= 3) t.insertData(rnd(t.length + 1), '要'); // typing (in place, as Chromium does)
        else if (kind === 4 && t.length > 1) t.deleteData(rnd(t.length - 1), 1 + rnd(2));
        else if (kind === 5) {
          // Enter: the paragraph is split at a point of its text.
          const p = t.parentElement!.closest('#x, div:not([contenteditable])') as HTMLElement;
          const at = rnd(t.length + 1);
          const tail = t.splitText(at);
          const q = document.createElement('div');
          let n: Node | null = tail;
          while (n) {
            const next: Node | null = n.nextSibling;
            q.append(n);
            n = next;
          }
          p.after(q);
        } else if (kind === 6) {
          // A re-rendering editor replaces the text node (live ranges in it collapse).
          t.replaceWith(document.createTextNode(t.data.replace('会议', '会')));
        } else if (kind === 7) {
          // Formatting: part of the text wrapped in <b>.
          if (t.length > 3) {
            const mid = t.splitText(1);
            mid.splitText(2);
            const b = document.createElement('b');
            mid.replaceWith(b);
            b.append(mid);
          }
        } else if (kind === 8) {
          const p = root.children[rnd(HOT)]!;
          const q = document.createElement('div');
          q.textContent = `粘贴${step}的一段文字，要要。`;
          p.before(q);
        } else if (root.children.length > 100) root.children[rnd(HOT)]!.remove();
        // Something reads the text between two edits (takeEdit then reports both as one edit).
        if (rnd(3) === 0) {
          m.refresh();
          surface.readText();
        }
        if (rnd(4) === 0) continue; // several mutations between reads
        surface.noteEdit();
        const edit = m.takeEdit();
        const now: string = m.text;
        const fresh: string = w.readText(root);
        if (now !== fresh) problems.push(`step ${step}: text differs from a fresh read`);
        if (edit === null ? now !== prev : prev.slice(0, edit.start) + now.slice(edit.start, edit.newEnd) + prev.slice(edit.oldEnd) !== now) {
          problems.push(`step ${step}: the edit ${JSON.stringify(edit)} does not turn the old text into the new one`);
        }
        // A range asked for again at offsets whose characters moved: never the old Range.
        for (const sp of spans) {
          if (sp.end - sp.start < 40 || sp.end > now.length) continue;
          const again = m.cachedRangeFor(sp.start, sp.end)?.toString();
          if (again !== now.slice(sp.start, sp.end).replace(/\n/g, '')) problems.push(`step ${step}: ${sp.start}-${sp.end} asked again reads ${JSON.stringify(again)}`);
        }
        if (edit) spans = w.shiftIssues(spans, edit);
        for (const sp of spans) {
          const range = m.cachedRangeFor(sp.start, sp.end);
          // (Range.toString() has no line breaks between blocks.)
          if (now.slice(sp.start, sp.end) !== sp.text || range?.toString() !== sp.text.replace(/\n/g, '')) problems.push(`step ${step}: span ${sp.start}-${sp.end} ${JSON.stringify(sp.text)} reads ${JSON.stringify(range?.toString())}`);
        }
        for (const issue of surface.issues) {
          if (now.slice(issue.start, issue.end) !== issue.text) problems.push(`step ${step}: drawn issue ${issue.start}-${issue.end} ${JSON.stringify(issue.text)} is over ${JSON.stringify(now.slice(issue.start, issue.end))}`);
        }
        kept = surface.issues.length;
        // New spans at every step: some at offsets an earlier span had before it moved.
        addSpans(now, 4);
        spans = spans.slice(-80);
        if (spans.length < 20) {
          addSpans(now);
          surface.setIssues(spans.map((sp) => issueOf(sp.start, sp.end, sp.text)));
        }
        prev = now;
      }
      surface.destroy();
      m.disconnect();
      return { problems: problems.slice(0, 10), count: problems.length, kept, length: prev.length };
    });
    expect(r.problems).toEqual([]);
    expect(r.length).toBeGreaterThan(50_000);
    expect(r.kept).toBeGreaterThan(0);
  });
});

describe('text model: paragraphs added and removed in a long document', () => {
  it('Enter, a paste of 50 paragraphs and a deleted selection over hundreds re-read only the paragraphs they changed and equal a fresh read', async () => {
    const r = await page.evaluate(() => {
      const w = (window as any).wengao;
      document.body.replaceChildren();
      const root = document.createElement('div');
      root.contentEditable = 'true';
      root.style.cssText = 'height: 400px; overflow: auto';
      const line = (i: number) => `第${i}段：我们要认真学习贯彻会议精神，推动各项工作落实落地。`;
      root.innerHTML = Array.from({ length: 3000 }, (_, i) => `<div>${line(i)}</div>`).join('');
      document.body.append(root);
      root.focus();
      const m = new w.TextModel(root);
      let prev: string = m.text;
      m.takeEdit();
      const problems: string[] = [];
      const reads: Record<string, number> = {};
      const walks: Record<string, number> = {};
      /** The caret (or a selection to `to`) at a character offset of a paragraph's first text node. */
      const place = (p: number, at: number, to?: [number, number]) => {
        const sel = getSelection()!;
        const range = document.createRange();
        range.setStart(root.children[p]!.firstChild!, at);
        if (to) range.setEnd(root.children[to[0]]!.firstChild!, to[1]);
        else range.collapse(true);
        sel.removeAllRanges();
        sel.addRange(range);
      };
      let seed = 5;
      const rnd = (n: number) => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed % n;
      };
      /** After each step: the model's text is the DOM's (a fresh model's), the edit turns the old text into the new, offsets map. */
      const step = (name: string) => {
        const edit = m.takeEdit();
        reads[name] = Math.max(reads[name] ?? 0, m.lastReadUnits);
        walks[name] = Math.max(walks[name] ?? 0, m.lastWalked);
        const now: string = m.text;
        if (now !== w.readText(root)) problems.push(`${name}: text differs from a fresh read`);
        if (edit === null ? now !== prev : prev.slice(0, edit.start) + now.slice(edit.start, edit.newEnd) + prev.slice(edit.oldEnd) !== now) {
          problems.push(`${name}: the edit ${JSON.stringify(edit)} does not turn the old text into the new one`);
        }
        const around = edit ? edit.start : 0;
        for (let k = 0; k < 40; k++) {
          const g = k < 20 ? Math.max(0, Math.min(now.length - 1, around - 100 + rnd(200))) : rnd(now.length);
          const ch = now[g];
          if (ch === undefined || ch === '\n') continue;
          if (m.rangeFor(g, g + 1)?.toString() !== ch) problems.push(`${name}: the range of offset ${g} does not read ${ch}`);
          const p = m.pointAt(g);
          if (m.offsetAt(p.node, p.offset) !== g) problems.push(`${name}: offset ${g} does not map back`);
        }
        prev = now;
      };
      // Enter in the middle of the document, then typing in the new paragraph.
      place(1500, 5);
      document.execCommand('insertParagraph');
      step('enter');
      document.execCommand('insertText', false, '要');
      step('type');
      // Enter at the end and at the start of a paragraph.
      place(10, line(10).length);
      document.execCommand('insertParagraph');
      step('enter');
      place(2000, 0);
      document.execCommand('insertParagraph');
      step('enter');
      // A paste of 50 paragraphs into the middle of one.
      place(700, 8);
      const pasted = Array.from({ length: 50 }, (_, i) => `<div>粘贴的第${i}段，要要落实。</div>`).join('');
      document.execCommand('insertHTML', false, pasted);
      step('paste');
      // A selection over 300 paragraphs deleted, then typed over, then undone.
      place(100, 3, [400, 5]);
      document.execCommand('delete');
      step('delete');
      document.execCommand('insertText', false, '新');
      step('type');
      document.execCommand('undo');
      document.execCommand('undo');
      step('undo');
      // Several far apart in one batch (nothing reads between): one re-read of both.
      place(50, 2);
      document.execCommand('insertParagraph');
      place(2500, 2);
      document.execCommand('insertParagraph');
      step('two enters');
      // Paragraphs removed at the start and the end, and added at the end.
      root.firstElementChild!.remove();
      root.lastElementChild!.remove();
      step('ends removed');
      root.append(Object.assign(document.createElement('div'), { textContent: '末尾新增一段。' }));
      step('appended');
      m.disconnect();
      return { problems: problems.slice(0, 10), count: problems.length, reads, walks, length: prev.length };
    });
    expect(r.problems).toEqual([]);
    expect(r.length).toBeGreaterThan(80_000);
    // O(changed paragraphs): Enter re-reads the split paragraph and the new one (and a neighbour);
    // the paste its 50 paragraphs and the two halves; the deletion the one paragraph left.
    expect(r.reads.enter).toBeLessThanOrEqual(4);
    expect(r.reads.type).toBeLessThanOrEqual(2);
    expect(r.reads.paste).toBeLessThanOrEqual(56);
    expect(r.reads.delete).toBeLessThanOrEqual(4);
    expect(r.reads['two enters']).toBeLessThanOrEqual(8);
    expect(r.reads['ends removed']).toBeLessThanOrEqual(2);
    expect(r.reads.appended).toBeLessThanOrEqual(2);
    // …and walk only the root's children between the untouched paragraphs around the change, not the
    // 3,000 others (the undo puts back 300; two Enters far apart in one batch: each its own span).
    expect(Math.max(r.walks.enter!, r.walks.type!, r.walks.delete!, r.walks['ends removed']!, r.walks.appended!)).toBeLessThanOrEqual(4);
    expect(r.walks.paste).toBeLessThanOrEqual(56);
    expect(r.walks.undo).toBeLessThanOrEqual(310);
    expect(r.walks['two enters']).toBeLessThanOrEqual(8);
  });
});

describe('text model: children of the root moved, wrapped and removed at random', () => {
  it('equals a fresh read and reports each edit exactly after batches of structural changes (inline runs, moves, comments)', async () => {
    const r = await page.evaluate(() => {
      const w = (window as any).wengao;
      document.body.replaceChildren();
      const root = document.createElement('div');
      root.contentEditable = 'true';
      const parts: string[] = [];
      for (let i = 0; i < 300; i++) parts.push(i % 7 === 3 ? `散${i}<b>粗${i}</b>` : i % 11 === 5 ? `<!--注${i}--><p>段${i}</p>` : `<p>第${i}段内容。</p>`);
      root.innerHTML = parts.join('');
      document.body.append(root);
      const m = new w.TextModel(root);
      let prev: string = m.text;
      m.takeEdit();
      let seed = 23;
      const rnd = (n: number) => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed % n;
      };
      const kid = () => root.childNodes[rnd(Math.max(1, root.childNodes.length))] ?? null;
      const problems: string[] = [];
      let walked = 0;
      let reads = 0;
      for (let step = 0; step < 500; step++) {
        const ops = 1 + rnd(4);
        for (let o = 0; o < ops; o++) {
          const kind = rnd(9);
          const c = kid();
          if (!c) break;
          if (kind === 0) root.insertBefore(c, kid()); // moved elsewhere
          else if (kind === 1 && root.childNodes.length > 40) {
            // A run of children removed (a deleted selection).
            const n = 1 + rnd(6);
            for (let k = 0; k < n && c.nextSibling; k++) c.nextSibling.remove();
            c.remove();
          } else if (kind === 2) {
            // Mixed nodes pasted in one piece.
            const frag = document.createDocumentFragment();
            frag.append(document.createTextNode(`贴${step}`), Object.assign(document.createElement('p'), { textContent: `贴段${step}` }), document.createElement('br'), document.createTextNode('尾'));
            root.insertBefore(frag, c);
          } else if (kind === 3 && c.nodeType !== 1) {
            // An inline node wrapped into a block.
            const p = document.createElement('div');
            c.replaceWith(p);
            p.append(c);
          } else if (kind === 4 && c.nodeType === 1 && (c as Element).tagName === 'DIV') {
            (c as Element).replaceWith(...Array.from(c.childNodes)); // unwrapped
          } else if (kind === 5 && c.nodeType === 3 && (c as Text).length > 1) (c as Text).splitText(1);
          else if (kind === 6) root.insertBefore(document.createComment('x'), c);
          else if (kind === 7 && c.nodeType === 1) (c as HTMLElement).hidden = !(c as HTMLElement).hidden;
          else if (c.nodeType === 1 && c.firstChild?.nodeType === 3) (c.firstChild as Text).insertData(0, '要');
        }
        if (rnd(3) === 0) continue; // several batches between reads
        const edit = m.takeEdit();
        walked += m.lastWalked;
        reads++;
        const now: string = m.text;
        if (now !== w.readText(root)) problems.push(`step ${step}: text differs from a fresh read`);
        if (edit === null ? now !== prev : prev.slice(0, edit.start) + now.slice(edit.start, edit.newEnd) + prev.slice(edit.oldEnd) !== now) {
          problems.push(`step ${step}: the edit ${JSON.stringify(edit)} does not turn the old text into the new one`);
        }
        for (let k = 0; k < 5; k++) {
          const g = rnd(Math.max(1, now.length));
          const ch = now[g];
          if (ch === undefined || ch === '\n') continue;
          if (m.rangeFor(g, g + 1)?.toString() !== ch) problems.push(`step ${step}: the range of ${g} does not read ${ch}`);
        }
        prev = now;
      }
      m.disconnect();
      return { problems: problems.slice(0, 10), count: problems.length, length: prev.length, children: root.childNodes.length, walked: walked / reads };
    });
    expect(r.problems).toEqual([]);
    expect(r.length).toBeGreaterThan(1000);
    // (Read in place, not by walking every child again: a few children per batch on average.)
    expect(r.walked).toBeLessThan(r.children / 10);
  });
});
