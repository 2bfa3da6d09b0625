import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

/**
 * Draws resources/icon.png (512×512, white «РЦ» on a blue rounded square) without any image
 * tool: shapes are tested per sub-pixel (4×4 supersampling) and written as a PNG with zlib.
 * electron-builder derives the Windows .ico and the Linux icon set from it.
 * Run: npx tsx resources/make-icon.ts
 */
const SIZE = 512;
const SAMPLES = 4;
const BLUE = [0x1c, 0x5d, 0x99];
const SHIFT = -23;

const inRect = (x: number, y: number, x0: number, y0: number, x1: number, y1: number) => x >= x0 && x < x1 && y >= y0 && y < y1;

function inRoundedSquare(x: number, y: number): boolean {
  const [lo, hi, r] = [16, 496, 96];
  const cx = Math.min(Math.max(x, lo + r), hi - r);
  const cy = Math.min(Math.max(y, lo + r), hi - r);
  return x >= lo && x < hi && y >= lo && y < hi && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inLetters(px: number, py: number): boolean {
  const x = px - SHIFT;
  const y = py;
  // Р: stem, two bars and a half ring.
  if (inRect(x, y, 110, 146, 150, 366)) return true;
  if (inRect(x, y, 150, 146, 200, 184) || inRect(x, y, 150, 238, 200, 276)) return true;
  const d = Math.hypot(x - 200, y - 211);
  if (x >= 200 && d <= 65 && d >= 27) return true;
  // Ц: two stems, the base and the descender.
  if (inRect(x, y, 290, 146, 330, 366) || inRect(x, y, 390, 146, 430, 366)) return true;
  if (inRect(x, y, 290, 328, 450, 366) || inRect(x, y, 418, 328, 450, 406)) return true;
  return false;
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const rows: Buffer[] = [];
for (let y = 0; y < SIZE; y++) {
  const row = Buffer.alloc(1 + SIZE * 4);
  for (let x = 0; x < SIZE; x++) {
    let square = 0;
    let letter = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const fx = x + (sx + 0.5) / SAMPLES;
        const fy = y + (sy + 0.5) / SAMPLES;
        if (inRoundedSquare(fx, fy)) {
          square += 1;
          if (inLetters(fx, fy)) letter += 1;
        }
      }
    }
    const alpha = square / SAMPLES ** 2;
    const white = square ? letter / square : 0;
    const at = 1 + x * 4;
    for (let c = 0; c < 3; c++) row[at + c] = Math.round(BLUE[c]! + (255 - BLUE[c]!) * white);
    row[at + 3] = Math.round(alpha * 255);
  }
  rows.push(row);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(path.join(import.meta.dirname, 'icon.png'), png);
