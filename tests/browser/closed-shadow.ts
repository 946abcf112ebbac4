/**
 * Reading what the extension draws inside CLOSED shadow roots (the fix card, the textarea mirror), which
 * page scripts cannot reach by design: the DevTools protocol's DOM domain sees through them
 * (`DOM.getDocument` with `pierce: true`). Test-only; the product exposes no hook.
 */
import type { CDPSession, Page } from 'playwright-core';

interface CdpNode {
  nodeId: number;
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

export interface ShadowElement {
  attributes: Record<string, string>;
  classes: string[];
  text: string;
  /** Border box in the page's viewport (CSS px); null when not rendered. */
  box: { x: number; y: number; width: number; height: number } | null;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();
function session(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

function attrs(n: CdpNode): Record<string, string> {
  const out: Record<string, string> = {};
  const a = n.attributes ?? [];
  for (let i = 0; i + 1 < a.length; i += 2) out[a[i]!] = a[i + 1]!;
  return out;
}

function textOf(n: CdpNode): string {
  if (n.nodeType === 3) return n.nodeValue ?? '';
  if (n.localName === 'style') return '';
  return [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(textOf).join('');
}

/**
 * Elements inside the shadow roots of every `<hostTag>` of the page (and its same-origin frames) that
 * match `match` (tag name and/or every class listed).
 */
export async function shadowElements(page: Page, hostTag: string, match: { tag?: string; classes?: string[]; attribute?: [string, string] }): Promise<ShadowElement[]> {
  const cdp = await session(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const found: CdpNode[] = [];
  const walk = (n: CdpNode, inHost: boolean) => {
    if (inHost && n.nodeType === 1) {
      const a = attrs(n);
      const classes = (a.class ?? '').split(/\s+/).filter(Boolean);
      if (
        (!match.tag || n.localName === match.tag) &&
        (match.classes ?? []).every((c) => classes.includes(c)) &&
        (!match.attribute || a[match.attribute[0]] === match.attribute[1])
      ) {
        found.push(n);
      }
    }
    const host = n.localName === hostTag;
    for (const sr of n.shadowRoots ?? []) walk(sr, inHost || host);
    for (const c of n.children ?? []) walk(c, inHost);
    if (n.contentDocument) walk(n.contentDocument, false);
  };
  walk(root, false);
  const out: ShadowElement[] = [];
  for (const n of found) {
    const a = attrs(n);
    let box: ShadowElement['box'] = null;
    try {
      const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: n.nodeId })) as { model: { border: number[] } };
      const xs = [model.border[0]!, model.border[2]!, model.border[4]!, model.border[6]!];
      const ys = [model.border[1]!, model.border[3]!, model.border[5]!, model.border[7]!];
      box = { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
    } catch {
      box = null; // display: none
    }
    out.push({ attributes: a, classes: (a.class ?? '').split(/\s+/).filter(Boolean), text: textOf(n), box });
  }
  return out;
}

/** Click the centre of an element inside a closed shadow root. */
export async function clickShadow(page: Page, hostTag: string, match: Parameters<typeof shadowElements>[2]): Promise<void> {
  const [el] = (await shadowElements(page, hostTag, match)).filter((e) => e.box && e.box.width > 0);
  if (!el?.box) throw new Error(`nothing to click in <${hostTag}> for ${JSON.stringify(match)}`);
  await page.mouse.click(el.box.x + el.box.width / 2, el.box.y + el.box.height / 2);
}

/**
 * Text fields: the underline boxes the textarea mirror drew, each with the field offset under its centre.
 * The page is one of the fixture pages, which expose their field as `window.fixture.root()`.
 */
export async function fieldBoxes(page: Page): Promise<{ x: number; y: number; offset: number }[]> {
  const boxes = (await shadowElements(page, 'wengao-mirror', { classes: ['u'] })).filter((b) => b.box && b.box.width > 0 && !/display:\s*none/.test(b.attributes.style ?? ''));
  const points = boxes.map((b) => ({ x: b.box!.x + b.box!.width / 2, y: b.box!.y + b.box!.height / 2 - 1.5 }));
  const offsets = await page.evaluate((pts) => {
    const field = (window as unknown as { fixture: { root(): HTMLElement } }).fixture.root();
    return pts.map((p) => {
      const pos = (document as Document & { caretPositionFromPoint(x: number, y: number): { offsetNode: Node; offset: number } | null }).caretPositionFromPoint(p.x, p.y);
      return pos && pos.offsetNode === field ? pos.offset : -1;
    });
  }, points);
  return points.map((p, i) => ({ ...p, offset: offsets[i]! }));
}
