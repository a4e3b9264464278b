// Draws images/icon.png (128×128): a red seal-like tile holding a white outline of numbered
// headings at three levels. Plain Node (zlib only), 4× supersampled for smooth edges, so the
// icon is reproducible without an image tool: `node scripts/make-icon.mjs`.
import { mkdirSync, writeFileSync } from 'fs';
import { deflateSync } from 'zlib';

const SIZE = 128;
const SS = 4; // samples per pixel along each axis

/** Signed distance from (x, y) to a rounded rectangle; negative inside. */
function roundedRect(x, y, left, top, right, bottom, radius) {
  const cx = Math.max(left + radius, Math.min(x, right - radius));
  const cy = Math.max(top + radius, Math.min(y, bottom - radius));
  return Math.hypot(x - cx, y - cy) - radius;
}

const RED = [198, 40, 40];
const WHITE = [255, 255, 255];
const PALE = [255, 205, 196];

// Outline rows: indent level, bar length; a round marker precedes each bar.
const rows = [
  { level: 0, length: 62, color: WHITE },
  { level: 1, length: 50, color: PALE },
  { level: 2, length: 40, color: PALE },
  { level: 2, length: 34, color: PALE },
  { level: 0, length: 58, color: WHITE },
  { level: 1, length: 46, color: PALE },
];

/** Colour and coverage of one sample point, painted back to front. */
function sample(x, y) {
  let color = null;
  if (roundedRect(x, y, 4, 4, 124, 124, 22) <= 0) color = RED;
  if (!color) return null;
  rows.forEach((row, i) => {
    const top = 21 + i * 15.5;
    const left = 22 + row.level * 14;
    const dot = Math.hypot(x - (left + 4), y - (top + 4)) - 4.2;
    const bar = roundedRect(x, y, left + 12, top + 1, left + 12 + row.length, top + 7, 3);
    if (dot <= 0 || bar <= 0) color = row.color;
  });
  return color;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    const sum = [0, 0, 0];
    let covered = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = sample(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
        if (!c) continue;
        covered++;
        for (let k = 0; k < 3; k++) sum[k] += c[k];
      }
    }
    const o = py * (SIZE * 4 + 1) + 1 + px * 4;
    for (let k = 0; k < 3; k++) raw[o + k] = covered ? Math.round(sum[k] / covered) : 0;
    raw[o + 3] = Math.round((covered / (SS * SS)) * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
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
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);

mkdirSync('images', { recursive: true });
writeFileSync('images/icon.png', png);
console.log(`images/icon.png ${png.length} bytes`);
