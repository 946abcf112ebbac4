/**
 * lib/editors DOM pieces in Chromium: the textarea/input mirror under hard layouts (RTL, scrolling,
 * padding/letter-spacing, resizing), target detection (skips, iframes, shadow roots, fields added later),
 * the fix card (keyboard, callbacks, hostile page CSS) and highlights inside a shadow root.
 */
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useFixturePage } from './harness';

const fixturePage = useFixturePage('misc');
let page: Page;
beforeAll(() => {
  page = fixturePage();
});
beforeEach(async () => {
  await page.evaluate(() => {
    document.body.replaceChildren();
    document.querySelectorAll('wengao-mirror, wengao-card').forEach((e) => e.remove());
    document.head.querySelectorAll('style[data-test]').forEach((e) => e.remove());
  });
});

const DRAFT = '我们要要认真学习贯彻会议精神，全面發挥党组织的的战斗堡垒作用,推动各项工作落实落地。';

/**
 * Put a field on the page, draw the engine's issues with the mirror and ask the real field, through
 * caretPositionFromPoint, which character sits under the centre of every drawn box.
 */
async function mirrorHits(html: string, value: string, prepare = ''): Promise<{ issue: string; hits: number[]; start: number; end: number }[]> {
  return page.evaluate(
    async ([html, value, prepare]) => {
      const w = (window as any).wengao;
      (window as any).insideField = (f: HTMLElement, x: number, y: number) => {
        const b = f.getBoundingClientRect();
        const left = b.left + f.clientLeft;
        const top = b.top + f.clientTop;
        return x > left && x < left + f.clientWidth && y > top && y < top + f.clientHeight;
      };
      document.body.insertAdjacentHTML('beforeend', html);
      const field = document.getElementById('f') as HTMLTextAreaElement;
      field.value = value;
      // eslint-disable-next-line no-new-func
      await new Function('field', `return (async () => { ${prepare} })()`)(field);
      // The character under the centre of each drawn box (-2: centre clipped outside the field).
      (window as any).boxHits = (f: HTMLTextAreaElement, mirror: any) =>
        mirror.boxes().map((b: any) => ({
          issue: f.value.slice(b.issue.start, b.issue.end),
          start: b.issue.start,
          end: b.issue.end,
          hits: b.rects.map((r: any) => {
            const x = r.left + r.width / 2;
            const y = r.top + r.height / 2;
            if (!(window as any).insideField(f, x, y)) return -2;
            const p = (document as any).caretPositionFromPoint(x, y);
            return p && p.offsetNode === f ? p.offset : -1;
          }),
        }));
      const mirror = new w.TextareaMirror(field);
      mirror.setIssues(w.analyze(field.value).issues);
      (window as any).lastMirror = mirror;
      return (window as any).boxHits(field, mirror);
    },
    [html, value, prepare] as const,
  );
}

function expectHitsInside(boxes: { hits: number[]; start: number; end: number }[], minVisible: number): void {
  let visible = 0;
  for (const b of boxes) {
    if (b.hits.some((h) => h >= 0)) visible++;
    for (const h of b.hits) {
      if (h === -2) continue;
      expect(h).toBeGreaterThanOrEqual(b.start);
      expect(h).toBeLessThanOrEqual(b.end);
    }
  }
  expect(visible).toBeGreaterThanOrEqual(minVisible);
}

describe('textarea / input mirror', () => {
  it('matches a textarea with padding, border, letter-spacing and wrapping', async () => {
    const boxes = await mirrorHits(
      '<textarea id="f" style="width:300px;height:220px;padding:14px 22px;border:6px solid #888;letter-spacing:2px;line-height:2;font-size:19px;font-family:serif"></textarea>',
      DRAFT + '\n' + DRAFT,
    );
    expect(boxes.length).toBeGreaterThanOrEqual(8);
    expectHitsInside(boxes, 8);
  });

  it('matches an RTL textarea', async () => {
    const boxes = await mirrorHits('<textarea id="f" dir="rtl" style="width:320px;height:200px;font-size:18px"></textarea>', 'مرحبا ' + DRAFT);
    expectHitsInside(boxes, 4);
  });

  it('follows the textarea scroll (RTL with a scrollbar on the left too)', async () => {
    const long = Array.from({ length: 30 }, (_, i) => `第${i}行：` + DRAFT).join('\n');
    for (const dir of ['ltr', 'rtl']) {
      await page.evaluate(() => {
        document.body.replaceChildren();
        document.querySelectorAll('wengao-mirror').forEach((e) => e.remove());
      });
      const boxes = await mirrorHits(`<textarea id="f" dir="${dir}" style="width:360px;height:160px;font-size:16px"></textarea>`, long, 'field.scrollTop = 900;');
      // Only the issues on the lines in view are measured (30 lines of 3 issues, ≈ 6 lines in view);
      // those in view land on their characters.
      expectHitsInside(boxes, 2);
      expect(boxes.length).toBeGreaterThan(2);
      expect(boxes.length).toBeLessThan(40);
      const after = await page.evaluate(async () => {
        const field = document.getElementById('f') as HTMLTextAreaElement;
        field.scrollTop = 300;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return (window as any).boxHits(field, (window as any).lastMirror);
      });
      expectHitsInside(after, 2);
    }
  });

  it('follows a horizontally scrolled input', async () => {
    const value = DRAFT + DRAFT;
    const boxes = await mirrorHits('<input id="f" type="text" style="width:260px;height:40px;padding:4px 10px;font-size:17px">', value, 'field.focus(); field.setSelectionRange(field.value.length, field.value.length);');
    expectHitsInside(boxes, 1);
    expect(boxes.some((b) => b.hits.length === 0)).toBe(true); // scrolled out on the left
  });

  it('follows a resize, never takes pointer events, never touches the field', async () => {
    await mirrorHits('<textarea id="f" style="width:500px;height:200px;font-size:18px"></textarea>', DRAFT + DRAFT);
    const r = await page.evaluate(async () => {
      const field = document.getElementById('f') as HTMLTextAreaElement;
      field.style.width = '240px';
      await new Promise((r) => setTimeout(r, 100));
      const m = (window as any).lastMirror;
      const hits = m.boxes().map((b: any) => ({
        start: b.issue.start,
        end: b.issue.end,
        hits: b.rects.map((r: any) => {
          const x = r.left + r.width / 2;
          const y = r.top + r.height / 2;
          if (!(window as any).insideField(field, x, y)) return -2; // partly clipped box: centre outside
          const p = (document as any).caretPositionFromPoint(x, y);
          return p && p.offsetNode === field ? p.offset : -1;
        }),
      }));
      const first = m.boxes()[0].rects[0];
      const under = document.elementFromPoint(first.left + 2, first.top + 2);
      return { hits, underIsField: under === field, children: field.childNodes.length, hostParent: m.host.parentNode === document.documentElement, open: m.host.shadowRoot };
    });
    expectHitsInside(r.hits, 4);
    expect(r.underIsField).toBe(true);
    expect(r.children).toBe(0);
    expect(r.hostParent).toBe(true);
    expect(r.open).toBeNull(); // closed shadow root
  });

  it('hit-tests an underline for the hover card', async () => {
    await mirrorHits('<textarea id="f" style="width:500px;height:200px;font-size:18px"></textarea>', DRAFT);
    const r = await page.evaluate(() => {
      const m = (window as any).lastMirror;
      const b = m.boxes().find((x: any) => x.issue.text === '發');
      const rect = b.rects[0];
      return { hit: m.issueAt(rect.left + rect.width / 2, rect.bottom - 1)?.text, miss: m.issueAt(5, 5) };
    });
    expect(r.hit).toBe('發');
    expect(r.miss).toBeNull();
  });
});

describe('detect', () => {
  it('finds checkable fields and skips the rest', async () => {
    const r = await page.evaluate(async () => {
      const w = (window as any).wengao;
      document.body.innerHTML = `
        <textarea id="ta"></textarea>
        <input id="text" type="text"><input id="search" type="search"><input id="untyped">
        <input id="pw" type="password"><input id="email" type="email"><input id="num" type="number">
        <textarea id="ro" readonly></textarea><textarea id="dis" disabled></textarea>
        <div data-wengao="off"><textarea id="off"></textarea></div>
        <textarea id="gramm" data-gramm="false"></textarea>
        <textarea id="spell" spellcheck="false"></textarea>
        <div id="ce" contenteditable="true"><p>正文<span contenteditable="true">内层</span></p><span contenteditable="false">x</span></div>
        <div class="cm-editor"><div id="cm" class="cm-content" contenteditable="true"></div></div>
        <div class="monaco-editor"><textarea id="monaco"></textarea></div>
        <div id="ql" class="ql-editor" contenteditable="true"></div>
        <div id="pm" class="ProseMirror" contenteditable="true"></div>
        <div id="lx" data-lexical-editor="true" contenteditable="true"></div>
        <div class="w-e-text-container"><div id="we" data-slate-editor="true" contenteditable="true"></div></div>
        <div id="ck" class="ck ck-content ck-editor__editable" contenteditable="true"></div>
        <div id="host"></div>
        <iframe id="frame" srcdoc="<body id='tinymce' class='mce-content-body' contenteditable='true' spellcheck='false'><p>x</p></body>"></iframe>`;
      const host = document.getElementById('host')!;
      const sr = host.attachShadow({ mode: 'open' });
      sr.innerHTML = '<textarea id="inshadow"></textarea>';
      const frame = document.getElementById('frame') as HTMLIFrameElement;
      await new Promise((r) => (frame.contentDocument?.readyState === 'complete' && frame.contentDocument.body?.id === 'tinymce' ? r(null) : frame.addEventListener('load', r, { once: true })));
      const found = w.findTargets(document).map((t: any) => `${t.element.id}:${t.kind}`);
      const reasons = ['pw', 'email', 'num', 'search', 'ro', 'dis', 'off', 'gramm', 'spell', 'cm', 'monaco'].map((id) => `${id}:${w.skipReason(document.getElementById(id))}`);
      return { found, reasons };
    });
    expect(r.found.sort()).toEqual(
      ['ta:textarea', 'text:input', 'untyped:input', 'gramm:textarea', 'ce:contenteditable', 'ql:quill', 'pm:prosemirror', 'lx:lexical', 'we:wangeditor', 'ck:ckeditor5', 'inshadow:textarea', 'tinymce:tinymce'].sort(),
    );
    expect(r.reasons).toEqual([
      'pw:credential',
      'email:input-type',
      'num:input-type',
      'search:input-type',
      'ro:read-only',
      'dis:disabled',
      'off:opt-out',
      'gramm:null',
      'spell:spellcheck-off',
      'cm:code-editor',
      'monaco:code-editor',
    ]);
  });

  it('reports fields added later, in shadow roots and iframes, and removed ones', async () => {
    const r = await page.evaluate(async () => {
      const w = (window as any).wengao;
      const added: string[] = [];
      const removed: string[] = [];
      const ac = new AbortController();
      w.watchTargets(document, { signal: ac.signal, onAdd: (t: any) => added.push(t.element.id || t.element.tagName), onRemove: (t: any) => removed.push(t.element.id) });
      const tick = () => new Promise((r) => setTimeout(r, 30));
      const ta = document.createElement('textarea');
      ta.id = 'later';
      document.body.append(ta);
      await tick();
      const host = document.createElement('div');
      document.body.append(host);
      const sr = host.attachShadow({ mode: 'open' });
      const inner = document.createElement('div');
      sr.append(inner);
      await tick(); // the shadow root is observed now
      inner.innerHTML = '<div id="shadowce" contenteditable="true"></div>';
      await tick();
      const frame = document.createElement('iframe');
      frame.srcdoc = '<body><div id="framece" contenteditable="true">x</div></body>';
      document.body.append(frame);
      await new Promise((r) => frame.addEventListener('load', r, { once: true }));
      await tick();
      const div = document.createElement('div');
      div.id = 'becomes';
      document.body.append(div);
      await tick();
      div.contentEditable = 'true';
      await tick();
      ta.remove();
      await tick();
      ac.abort();
      return { added, removed };
    });
    expect(r.added).toEqual(['later', 'shadowce', 'framece', 'becomes']);
    expect(r.removed).toEqual(['later']);
  });
});

describe('geometry', () => {
  it('translates an iframe rect to the top viewport (border and padding included)', async () => {
    const r = await page.evaluate(async () => {
      const w = (window as any).wengao;
      document.body.innerHTML = '<iframe id="fr" style="position:absolute;left:100px;top:50px;border:5px solid #000;padding:7px;width:300px;height:200px" srcdoc="<body style=margin:0><div id=x style=margin-left:10px;margin-top:20px;width:30px;height:10px></div></body>"></iframe>';
      const fr = document.getElementById('fr') as HTMLIFrameElement;
      await new Promise((res) => fr.addEventListener('load', res, { once: true }));
      const inner = fr.contentDocument!.getElementById('x')!.getBoundingClientRect();
      return w.rectToTopViewport({ left: inner.left, top: inner.top, right: inner.right, bottom: inner.bottom, width: inner.width, height: inner.height }, fr.contentDocument);
    });
    expect(r).toMatchObject({ left: 122, top: 82, width: 30, height: 10 });
  });
});

describe('fix card', () => {
  it('shows the message and before → after, works from the keyboard, survives hostile page CSS', async () => {
    const r = await page.evaluate(async () => {
      const w = (window as any).wengao;
      const style = document.createElement('style');
      style.setAttribute('data-test', '');
      style.textContent = 'wengao-card { display: none !important; left: 900px !important; } * { font-size: 40px !important; color: red !important; } button { display: none !important; }';
      document.head.append(style);
      document.body.innerHTML = '<textarea id="f"></textarea>';
      const f = document.getElementById('f') as HTMLTextAreaElement;
      f.focus();
      const issue = { rule: 'repeated-word', category: 'repetition', severity: 'error', start: 2, end: 4, text: '要要', replacements: ['要'], message: '“要要”重复，应删去一个“要”' };
      const card = new w.FixCard(document);
      const events: string[] = [];
      const callbacks = {
        onApply: (_: any, rep: string) => events.push(`apply:${rep}`),
        onIgnore: () => events.push('ignore'),
        onIgnoreRule: () => events.push('ignore-rule'),
        onAddToDictionary: () => events.push('dict'),
        onClose: (_: any, why: string) => events.push(`close:${why}`),
      };
      card.show(issue, { left: 100, top: 100, right: 140, bottom: 120, width: 40, height: 20 }, callbacks, { focus: true });
      const rect = card.element.getBoundingClientRect();
      const text = card.element.textContent;
      const focusInside = document.activeElement === card.host;
      const buttonsVisible = [...card.element.querySelectorAll('button')].filter((b: any) => b.offsetWidth > 0).length;
      const fontSize = getComputedStyle(card.element).fontSize;
      const closedRoot = card.host.shadowRoot === null;
      return { rect: { left: rect.left, top: rect.top, width: rect.width }, text, focusInside, buttonsVisible, fontSize, closedRoot, events };
    });
    expect(r.closedRoot).toBe(true);
    expect(r.rect.width).toBeGreaterThan(150);
    expect(r.rect.left).toBe(100);
    expect(r.rect.top).toBe(126);
    expect(r.fontSize).toBe('14px');
    expect(r.buttonsVisible).toBe(6); // ×, the fix, 应用, 忽略, 忽略此规则, 加入词典
    expect(r.text).toContain('“要要”重复，应删去一个“要”');
    expect(r.text).toContain('要要→要');
    for (const label of ['应用', '忽略', '忽略此规则', '加入词典']) expect(r.text).toContain(label);
    expect(r.focusInside).toBe(true);

    // Enter applies; focus goes back to the field.
    await page.keyboard.press('Enter');
    const afterEnter = await page.evaluate(() => ({ active: document.activeElement?.id, open: document.querySelector('wengao-card')?.hasAttribute('data-open') }));
    expect(afterEnter).toEqual({ active: 'f', open: false });

    // Esc closes without acting; Tab moves through the buttons and Enter on 忽略此规则 does that.
    const events = await page.evaluate(() => {
      const w = (window as any).wengao;
      (window as any).events = [];
      const events = (window as any).events;
      const card = new w.FixCard(document);
      (window as any).card = card;
      const issue = { rule: 'traditional-char', category: 'traditional', severity: 'error', start: 0, end: 1, text: '發', replacements: ['发'], message: '繁体字' };
      (window as any).issue = issue;
      (window as any).cb = {
        onApply: (_: any, rep: string) => events.push(`apply:${rep}`),
        onIgnore: () => events.push('ignore'),
        onIgnoreRule: () => events.push('ignore-rule'),
        onAddToDictionary: () => events.push('dict'),
        onClose: (_: any, why: string) => events.push(`close:${why}`),
      };
      card.show(issue, { left: 10, top: 10, right: 20, bottom: 30, width: 10, height: 20 }, (window as any).cb, { focus: true });
      return events;
    });
    expect(events).toEqual([]);
    await page.keyboard.press('Escape');
    await page.evaluate(() => {
      const w = window as any;
      w.card.show(w.issue, { left: 10, top: 10, right: 20, bottom: 30, width: 10, height: 20 }, w.cb, { focus: true });
    });
    await page.keyboard.press('Tab'); // 忽略
    await page.keyboard.press('Tab'); // 忽略此规则
    await page.keyboard.press('Enter');
    const log = await page.evaluate(() => (window as any).events);
    expect(log).toEqual(['close:escape', 'close:action', 'ignore-rule']);
  });
});

describe('highlights', () => {
  it('style underlines inside a shadow root and in the document, and clear them', async () => {
    const r = await page.evaluate(() => {
      const w = (window as any).wengao;
      document.body.innerHTML = '<div id="light" contenteditable="true" style="font-size:24px;width:700px">我们要要认真学习</div><div id="host"></div>';
      const sr = document.getElementById('host')!.attachShadow({ mode: 'open' });
      sr.innerHTML = '<div id="dark" contenteditable="true" style="font-size:24px;width:700px;background:#111;color:#eee">我们要要认真学习</div>';
      const out: any[] = [];
      for (const el of [document.getElementById('light')!, sr.getElementById('dark')!]) {
        const t = w.targetFor(el);
        const s = w.createSurface(t);
        const text = s.readText();
        s.setIssues(w.analyze(text).issues, text);
        out.push({ kind: t.kind, rect: el.getBoundingClientRect().toJSON() });
      }
      const styled = sr.adoptedStyleSheets.length;
      return { out, styled, texts: w.highlightTexts() };
    });
    expect(r.styled).toBe(1);
    expect(r.texts.error).toEqual(['要要', '要要']);
    // Underlines are painted: the pixels under each editor change when the highlights are removed.
    const shots: Buffer[] = [];
    for (const o of r.out) shots.push(await page.screenshot({ clip: { x: o.rect.x, y: o.rect.y, width: 200, height: o.rect.height + 6 } }));
    await page.evaluate(() => (CSS as any).highlights.clear());
    for (let i = 0; i < r.out.length; i++) {
      const o = r.out[i];
      const plain = await page.screenshot({ clip: { x: o.rect.x, y: o.rect.y, width: 200, height: o.rect.height + 6 } });
      expect(plain.equals(shots[i]!), `editor ${i} underline painted`).toBe(false);
    }
  });

  it('redraws when an editor re-renders nodes without changing the text', async () => {
    const r = await page.evaluate(() => {
      const w = (window as any).wengao;
      w.Highlighter.for(document).dispose(); // earlier tests' editors are gone
      document.body.innerHTML = '<div id="ce" contenteditable="true"><p>我们要要认真学习</p><p>全面發挥作用</p></div>';
      const el = document.getElementById('ce')!;
      const s = w.createSurface(w.targetFor(el));
      const text = s.readText();
      s.setIssues(w.analyze(text).issues, text);
      const before = w.highlightTexts().error.slice().sort();
      // A framework re-render: same text, new text nodes (live ranges inside the old ones collapse).
      for (const p of Array.from(el.querySelectorAll('p'))) p.firstChild!.replaceWith(document.createTextNode(p.textContent!));
      const stale = w.highlightTexts().error.slice().sort();
      s.noteEdit();
      const after = w.highlightTexts().error.slice().sort();
      return { before, stale, after };
    });
    expect(r.before).toEqual(['發', '要要']);
    expect(r.stale).not.toEqual(r.before);
    expect(r.after).toEqual(['發', '要要']);
  });
});
