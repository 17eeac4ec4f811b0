// Small images for tests, made here: PNGs encoded with zlib, and an EXIF
// orientation put into a JPEG fixture (test/fixtures/images/).
import fs from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

export const imagesDir = path.resolve(import.meta.dirname, '../fixtures/images');
/** A 480 × 360 JPEG (4:3). */
export const landscapeJpeg = (): Buffer => fs.readFileSync(path.join(imagesDir, 'landscape.jpg'));

/** An RGB (or RGBA) PNG filled with a left-to-right gradient of `rgb`. */
export function png(width: number, height: number, rgb: [number, number, number] = [40, 90, 160], alpha = false): Buffer {
  const channels = alpha ? 4 : 3;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * channels);
    for (let x = 0; x < width; x++) {
      const shade = 0.4 + (0.6 * x) / width;
      rgb.forEach((c, i) => (row[1 + x * channels + i] = Math.round(c * shade + 255 * (1 - shade))));
      if (alpha) row[1 + x * channels + 3] = 200;
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = alpha ? 6 : 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function crc32(b: Buffer): number {
  let c = ~0;
  for (const byte of b) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** The JPEG with an EXIF segment saying how to turn it (6: a quarter turn clockwise, as phones write). */
export function withOrientation(jpeg: Buffer, orientation: number): Buffer {
  // TIFF header (big-endian), one IFD entry: tag 0x0112 Orientation, SHORT, count 1.
  const tiff = Buffer.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), head, body, jpeg.subarray(2)]);
}

/** Writes `files` (name → bytes or text) under `dir`, making folders as needed. */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, data] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), data);
  }
}
