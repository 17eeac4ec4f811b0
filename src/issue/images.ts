// Read the images that figures name. Only JPEG and PNG: the two formats a
// print PDF embeds as they are (pdfkit copies a JPEG's bytes and a PNG's
// compressed data). Sizes come from the `image-size` package, which knows
// every JPEG frame type and the EXIF orientation a phone photo carries;
// hand-parsing those markers is where image code usually goes wrong.
//
// A file is also checked for being whole: a truncated JPEG would print as a
// grey band, and a PNG whose data does not inflate makes pdfkit throw
// outside any promise, killing the process (watch and preview too).

import type { imageSize } from 'image-size';
import type { Diagnostics, MessageArgs } from '../diagnostics/diagnostic.js';
import { displayPath } from '../paths.js';
import type { Figure, ImageFile, Item } from './model.js';
import { LIMITS, readRegularFile, reasonText, sizeText } from './read-file.js';
import { positionOf } from './source.js';

/**
 * The most pixels an image may have, read from its header before anything
 * decodes it: a 2 MB PNG can claim 20000 × 20000 pixels (1.6 GB decoded).
 * 50 megapixels is a 48 MP phone photo; an A4 text block at 600 dpi is about 10.
 */
export const MAX_PIXELS = 50_000_000;

/** The image, or why it cannot be used: a rule id and the message's arguments. */
type Read = { image: ImageFile } | { rule: string; args?: MessageArgs };

/** Reads every figure's file once; each figure whose file cannot be used gets an error at its place. */
export async function readImages(figures: Figure[], diags: Diagnostics): Promise<Map<string, ImageFile>> {
  const paths = [...new Set(figures.map((f) => f.path))];
  const reads = await Promise.all(paths.map((p) => readImage(p)));
  const byPath = new Map(paths.map((p, i) => [p, reads[i]!]));
  const images = new Map<string, ImageFile>();
  for (const f of figures) {
    const read = byPath.get(f.path)!;
    if ('image' in read) {
      images.set(f.path, read.image);
      continue;
    }
    diags.error(f.at.file, positionOf(f.at), read.rule, { src: f.src, path: displayPath(f.path), ...read.args }, positionOf(f.end));
  }
  return images;
}

/** The item with each figure's image filled in (a new value: a cached item is never changed). */
export function withImages(item: Item, images: Map<string, ImageFile>): Item {
  if (!item.paragraphs.some((p) => p.figure)) return item;
  return {
    ...item,
    paragraphs: item.paragraphs.map((p) => {
      const image = p.figure && images.get(p.figure.path);
      return p.figure && image ? { ...p, figure: { ...p.figure, image } } : p;
    }),
  };
}

const DAMAGED: Read = { rule: 'image/damaged' };

async function readImage(file: string): Promise<Read> {
  // Loaded with the first image, not at start (~4 ms of every build, most bulletins having no image):
  // node:fs/promises brings readline and the file watchers, image-size makes its decoders at import, and fflate
  // its Huffman tables (~6 ms).
  const [{ createHash }, { imageSize }, { Unzlib }] = await Promise.all([import('node:crypto'), import('image-size'), import('fflate')]);
  const read = readRegularFile(file, LIMITS.image);
  if (!read.ok) {
    if (read.why === 'missing') return { rule: 'image/not-found' };
    if (read.why === 'too-large') return { rule: 'image/too-large', args: { size: sizeText(read.size ?? 0), limit: sizeText(LIMITS.image) } };
    return { rule: 'image/unreadable', args: { reason: reasonText(read) } };
  }
  const bytes = read.bytes;
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return DAMAGED;
  }
  if (size.type !== 'jpg' && size.type !== 'png') return { rule: 'image/format', args: { format: (size.type ?? '?').toUpperCase() } };
  const format = size.type === 'jpg' ? 'jpeg' : 'png';
  if (size.width && size.height && size.width * size.height > MAX_PIXELS) {
    const mp = (n: number) => `${Number((n / 1e6).toFixed(1))} megapixels`;
    const mpZh = (n: number) => `${Number((n / 1e6).toFixed(1))} 百万像素`;
    const pixels = size.width * size.height;
    return {
      rule: 'image/too-large',
      args: {
        size: { en: `${size.width} × ${size.height} pixels (${mp(pixels)})`, zh: `${size.width} × ${size.height} 像素（${mpZh(pixels)}）` },
        limit: { en: mp(MAX_PIXELS), zh: mpZh(MAX_PIXELS) },
      },
    };
  }
  if (!size.width || !size.height || !(format === 'jpeg' ? jpegIsWhole(bytes) : pngIsWhole(bytes, size.width, size.height, Unzlib))) {
    return DAMAGED;
  }
  // EXIF orientations 5–8 turn the picture a quarter: it is shown (and pdfkit draws it) with width and height swapped.
  const orientation = format === 'jpeg' ? (size.orientation ?? 1) : 1;
  const turned = orientation > 4;
  return {
    image: {
      path: file,
      format,
      width: turned ? size.height : size.width,
      height: turned ? size.width : size.height,
      orientation,
      digest: createHash('sha256').update(bytes).digest('hex'),
      bytes,
    },
  };
}

/** The last scan is followed by the end-of-image marker (FF D9). Entropy-coded data never holds FF DA or FF D9. */
function jpegIsWhole(bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lastScan = b.lastIndexOf(Buffer.from([0xff, 0xda]));
  return lastScan > 0 && b.indexOf(Buffer.from([0xff, 0xd9]), lastScan) > lastScan;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** The image data (all IDAT chunks) inflates, and to at least the size its header promises. */
function pngIsWhole(bytes: Uint8Array, width: number, height: number, Unzlib: typeof import('fflate').Unzlib): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length < 33) return false;
  const depth = b[24]!;
  const channels = CHANNELS[b[25]!];
  const interlaced = b[28] === 1;
  if (!channels) return false;
  const data: Buffer[] = [];
  let ended = false;
  for (let pos = 8; pos + 8 <= b.length; ) {
    const length = b.readUInt32BE(pos);
    const type = b.toString('latin1', pos + 4, pos + 8);
    if (pos + 12 + length > b.length) return false;
    if (type === 'IDAT') data.push(b.subarray(pos + 8, pos + 8 + length));
    if (type === 'IEND') { ended = true; break; }
    pos += 12 + length;
  }
  if (!ended || data.length === 0) return false;
  // Inflated in small steps and only counted, never kept: memory stays small whatever the data claims.
  let inflated = 0;
  const sum = new Adler32();
  try {
    const stream = new Unzlib((chunk) => {
      inflated += chunk.length;
      sum.update(chunk);
    });
    const STEP = 4096;
    for (const chunk of data) for (let at = 0; at < chunk.length; at += STEP) stream.push(chunk.subarray(at, at + STEP));
    stream.push(new Uint8Array(0), true);
  } catch {
    return false;
  }
  // The zlib stream ends with the Adler-32 of what it holds (fflate does not check it).
  const last = data[data.length - 1]!;
  if (last.length < 4 || last.readUInt32BE(last.length - 4) !== sum.value) return false;
  // Each row: one filter byte, then its pixels (an interlaced image's passes add up to a little more).
  const rowBytes = 1 + Math.ceil((width * channels * depth) / 8);
  return interlaced || inflated >= rowBytes * height;
}

/** The Adler-32 checksum of zlib (RFC 1950), over chunks. */
class Adler32 {
  private a = 1;
  private b = 0;

  update(bytes: Uint8Array): void {
    let { a, b } = this;
    // 5552 bytes at most between reductions keep the sums below 2^32.
    for (let start = 0; start < bytes.length; start += 5552) {
      const end = Math.min(bytes.length, start + 5552);
      for (let i = start; i < end; i++) {
        a += bytes[i]!;
        b += a;
      }
      a %= 65521;
      b %= 65521;
    }
    this.a = a;
    this.b = b;
  }

  get value(): number {
    return ((this.b << 16) | this.a) >>> 0;
  }
}
