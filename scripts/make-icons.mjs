#!/usr/bin/env node
// Draws the Wengao icon (a white 文 on a red rounded square) at 16/32/48/128 px and writes
// public/icon/<size>.png. No dependencies: strokes are rasterised with 4×4 supersampling and the
// PNG is encoded with node:zlib. Run: node scripts/make-icons.mjs (the PNGs are committed).
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outDir = path.join(root, 'public', 'icon');

const RED = [200, 16, 46];
const WHITE = [255, 255, 255];

/** Quadratic Bézier (p0, p1 control, p2) as a polyline. */
function curve(p0, p1, p2, n = 24) {
  const pts = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const a = (1 - t) * (1 - t), b = 2 * (1 - t) * t, c = t * t;
    pts.push([a * p0[0] + b * p1[0] + c * p2[0], a * p0[1] + b * p1[1] + c * p2[1]]);
  }
  return pts;
}

// 文 in a unit square: 点, 横, 撇, 捺.
const strokes = [
  [[0.48, 0.13], [0.53, 0.25]],
  [[0.18, 0.35], [0.82, 0.35]],
  curve([0.67, 0.37], [0.58, 0.66], [0.17, 0.87]),
  curve([0.33, 0.37], [0.42, 0.66], [0.85, 0.87]),
];

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  const x = ax + t * dx - px, y = ay + t * dy - py;
  return Math.sqrt(x * x + y * y);
}

function inGlyph(x, y, half) {
  for (const s of strokes) {
    for (let i = 1; i < s.length; i++) if (distToSegment(x, y, s[i - 1], s[i]) <= half) return true;
  }
  return false;
}

function inRoundedSquare(x, y, r) {
  const cx = Math.min(Math.max(x, r), 1 - r), cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function render(size) {
  const S = 4; // supersampling per axis
  const half = size <= 16 ? 0.065 : size <= 32 ? 0.055 : 0.05; // thicker strokes on tiny icons
  const radius = 0.18;
  const px = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0, fg = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const u = (x + (sx + 0.5) / S) / size, v = (y + (sy + 0.5) / S) / size;
          if (!inRoundedSquare(u, v, radius)) continue;
          bg++;
          if (inGlyph(u, v, half)) fg++;
        }
      }
      const n = S * S;
      const alpha = bg / n;
      const mix = bg === 0 ? 0 : fg / bg;
      const o = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) px[o + c] = Math.round(RED[c] * (1 - mix) + WHITE[c] * mix);
      px[o + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, size, px);
}

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(outDir, { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const file = path.join(outDir, `${size}.png`);
  writeFileSync(file, render(size));
  console.log(path.relative(root, file));
}
