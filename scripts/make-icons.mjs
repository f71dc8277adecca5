#!/usr/bin/env node
/**
 * Draws the two Teams app icons into appPackage/ (run: node scripts/make-icons.mjs).
 * Rules (Teams "app icons" guidance, see docs/teams-notes.md#app-icons):
 * - color.png: 192x192, the symbol in the central 96x96 (48 px padding), solid square background,
 *   no rounded corners;
 * - outline.png: 32x32, white on a fully transparent background, no other colours, no padding.
 * The symbol is a "sync" ring (two arrows chasing each other) around a dot: data flowing out of SDS.
 * The PNG encoder is hand-written (zlib deflate + CRC32) so the project needs no image dependency.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { crc32 } from './lib/crc32.mjs';

const ACCENT = [0x0f, 0x6c, 0xbd]; // same as manifest.json accentColor #0F6CBD
const WHITE = [255, 255, 255];

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes 8-bit RGBA pixels (width*height*4 bytes) as a PNG, filter type 0 on every row. */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, no filter set, no interlace
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Is the point (x, y), in symbol units where the symbol spans [-1, 1] on both axes, inside the
 * symbol? A ring of two arcs with a gap at the top-right and bottom-left, an arrowhead closing
 * each gap, and a centre dot.
 */
function insideSymbol(x, y) {
  const r = Math.hypot(x, y);
  const angle = (Math.atan2(-y, x) * 180) / Math.PI; // degrees, counter-clockwise from 3 o'clock
  const inGap = (a) => (a > 20 && a < 70) || (a > -160 && a < -110);
  if (r > 0.62 && r < 0.86 && !inGap(angle)) return true;
  if (r < 0.22) return true;
  return insideArrowhead(x, y, 20) || insideArrowhead(-x, -y, 20);
}

/** Arrowhead at the end of an arc (at `atDeg`), pointing along the ring, counter-clockwise. */
function insideArrowhead(x, y, atDeg) {
  const a = (atDeg * Math.PI) / 180;
  const [cx, cy] = [0.74 * Math.cos(a), -0.74 * Math.sin(a)];
  // Local frame: u along the ring's tangent (direction of travel), v along the radius.
  const [tx, ty] = [-Math.sin(a), -Math.cos(a)];
  const [rx, ry] = [Math.cos(a), -Math.sin(a)];
  const u = (x - cx) * tx + (y - cy) * ty;
  const v = (x - cx) * rx + (y - cy) * ry;
  return u >= 0 && u <= 0.34 && Math.abs(v) <= 0.3 * (1 - u / 0.34);
}

/** Coverage (0..1) of a pixel by the symbol, by 4x4 supersampling: smooth edges. */
function coverage(px, py, originX, originY, size) {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const x = ((px + (sx + 0.5) / 4 - originX) / size) * 2 - 1;
      const y = ((py + (sy + 0.5) / 4 - originY) / size) * 2 - 1;
      if (insideSymbol(x, y)) hits++;
    }
  }
  return hits / 16;
}

export function drawColorIcon() {
  const size = 192;
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = coverage(x, y, 48, 48, 96);
      const rgb = ACCENT.map((bg, i) => Math.round(bg + (WHITE[i] - bg) * c));
      pixels.set([...rgb, 255], (y * size + x) * 4);
    }
  }
  return encodePng(size, size, pixels);
}

export function drawOutlineIcon() {
  const size = 32;
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // No padding: the symbol box is drawn 1 px larger than the icon on every side, so the ring
      // touches the edges (only the outer tips of the arrowheads are cut).
      const alpha = Math.round(255 * coverage(x, y, -1, -1, size + 2));
      // Always white; only alpha varies, so no pixel can carry another colour.
      pixels.set([...WHITE, alpha], (y * size + x) * 4);
    }
  }
  return encodePng(size, size, pixels);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const appPackage = join(dirname(fileURLToPath(import.meta.url)), '..', 'appPackage');
  writeFileSync(join(appPackage, 'color.png'), drawColorIcon());
  writeFileSync(join(appPackage, 'outline.png'), drawOutlineIcon());
  console.log(`Wrote ${join(appPackage, 'color.png')} and outline.png`);
}
