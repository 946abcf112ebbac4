/**
 * The small watch every page runs (lib/editors/content-watch.ts) loads the checker for elements matching
 * maybeField(), a CSS form of detect.ts's skip policy. It may let through a field detect.ts skips (then the
 * checker loads for nothing), never the reverse (then a field would go unchecked): checked here on every
 * combination of the attributes either of them looks at.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { maybeField } from '../../lib/editors/content-watch';
import { useFixturePage } from './harness';

const fixturePage = useFixturePage('misc');
let page: Page;
beforeAll(() => {
  page = fixturePage();
});

/** Elements, each in its own wrapper, with the attributes the two policies read (one or two at a time). */
const TAGS = ['textarea', 'input', 'div contenteditable="true"', 'div contenteditable="plaintext-only"', 'div contenteditable=""', 'div contenteditable="FALSE"'];
const ATTRS = [
  '',
  'readonly',
  'disabled',
  'spellcheck="false"',
  'spellcheck="true"',
  'aria-readonly="true"',
  'data-wengao="off"',
  'data-wengao="on"',
  'data-gramm="false"',
  ...['text', 'TEXT', '', 'foo', 'search', 'password', 'email', 'url', 'tel', 'number', 'date', 'hidden', 'checkbox', 'datetime-local'].map((t) => `type="${t}"`),
  ...['numeric', 'Decimal', 'tel', 'email', 'url', 'search', 'text', 'none'].map((m) => `inputmode="${m}"`),
  ...['username', 'current-password', 'section-a new-password', 'one-time-code', 'email', 'TEL', 'url', 'postal-code', 'cc-number', 'off', 'name', 'webauthn', 'xusername'].map((a) => `autocomplete="${a}"`),
  ...['q', 'Q', 'wd', 'kw', 'keyword', 'keywords', 'search', 'searchText', 'content', 'title', 's'].map((n) => `name="${n}"`),
  'role="searchbox"',
  'role="search"',
  'role="textbox"',
  'enterkeyhint="search"',
  'enterkeyhint="send"',
];
const WRAPPERS = ['', 'form role="search"', 'search', 'div data-wengao="off"', 'div class="cm-editor"', 'div class="CodeMirror"', 'div class="monaco-editor"', 'div class="note-codable"'];

describe('maybeField() (the small watch) against detect.ts', () => {
  it('matches every field detect.ts checks; lets through few it skips', async () => {
    const cases: string[] = [];
    for (const tag of TAGS) {
      const name = tag.split(' ')[0]!;
      for (const wrap of WRAPPERS) {
        const w = wrap.split(' ')[0] || 'div';
        for (const a of ATTRS) cases.push(`<${wrap || 'div'}><${tag} ${a}>${name === 'div' ? 'x' : ''}</${name}></${w}>`);
        for (const a of ['readonly', 'type="text"', 'name="q"', 'autocomplete="email"', 'spellcheck="false"']) {
          for (const b of ['inputmode="text"', 'disabled', 'type="foo"', 'role="textbox"']) cases.push(`<${wrap || 'div'}><${tag} ${a} ${b}>${name === 'div' ? 'x' : ''}</${name}></${w}>`);
        }
      }
    }
    const r = await page.evaluate(
      ([cases, selector]) => {
        const w = (window as any).wengao;
        const missed: string[] = [];
        let skippedButMatched = 0;
        let fields = 0;
        for (const html of cases) {
          document.body.innerHTML = html;
          const el = document.body.firstElementChild!.firstElementChild as HTMLElement;
          const t = w.targetFor(el);
          const field = !!t && t.element === el;
          if (field) fields++;
          const matched = el.matches(selector);
          if (field && !matched) missed.push(html);
          if (!field && matched) skippedButMatched++;
        }
        document.body.replaceChildren();
        return { missed, skippedButMatched, fields, total: cases.length };
      },
      [cases, maybeField()] as const,
    );
    expect(r.missed).toEqual([]);
    // The test can fail: it has fields and non-fields of each kind.
    expect(r.fields).toBeGreaterThan(100);
    expect(r.total - r.fields).toBeGreaterThan(100);
    // What gets through (autocomplete tokens detect.ts matches inside longer values, contenteditable=""…) stays a small share.
    expect(r.skippedButMatched / (r.total - r.fields)).toBeLessThan(0.1);
  });
});
