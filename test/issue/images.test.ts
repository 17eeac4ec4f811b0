// Reading the images figures name: sizes, orientation, formats, and files that are missing or damaged.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { readImages, withImages } from '../../src/issue/images.js';
import type { Figure } from '../../src/issue/model.js';
import { tmpDir } from '../helpers/cli.js';
import { item } from '../helpers/issue.js';
import { landscapeJpeg, png, withOrientation, writeFiles } from '../helpers/images.js';

const place = (line: number) => ({ file: 'issue/01.md', line, column: 1, offset: 0 });

function figure(dir: string, src: string, line = 7): Figure {
  return { src, path: path.join(dir, src), at: place(line), end: { ...place(line), column: 20 } };
}

async function read(files: Record<string, string | Uint8Array>, ...srcs: string[]) {
  const dir = tmpDir();
  writeFiles(dir, files);
  const diags = new Diagnostics();
  const figures = srcs.map((s, i) => figure(dir, s, 7 + i));
  const images = await readImages(figures, diags);
  return { images, figures, diags: diags.list, rules: diags.list.map((d) => `${d.start.line}:${d.start.column} ${d.rule}`) };
}

describe('readImages', () => {
  it('reads a JPEG and a PNG: format, size in pixels, and a digest of the bytes', async () => {
    const r = await read({ 'photos/a.jpg': landscapeJpeg(), 'photos/b.png': png(30, 20) }, 'photos/a.jpg', 'photos/b.png');
    expect(r.rules).toEqual([]);
    const a = r.images.get(r.figures[0]!.path)!;
    const b = r.images.get(r.figures[1]!.path)!;
    expect([a.format, a.width, a.height]).toEqual(['jpeg', 480, 360]);
    expect([b.format, b.width, b.height]).toEqual(['png', 30, 20]);
    expect(a.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(a.digest).not.toBe(b.digest);
    expect(Buffer.from(a.bytes).equals(landscapeJpeg())).toBe(true);
  });

  it('a JPEG that EXIF says to turn a quarter is shown with width and height swapped', async () => {
    const r = await read({ 'a.jpg': withOrientation(landscapeJpeg(), 6), 'b.jpg': withOrientation(landscapeJpeg(), 3) }, 'a.jpg', 'b.jpg');
    expect(r.rules).toEqual([]);
    expect([r.images.get(r.figures[0]!.path)!.width, r.images.get(r.figures[0]!.path)!.height]).toEqual([360, 480]);
    expect([r.images.get(r.figures[1]!.path)!.width, r.images.get(r.figures[1]!.path)!.height]).toEqual([480, 360]);
  });

  it('image/not-found: at the figure, with the path looked for', async () => {
    const r = await read({}, 'photos/none.jpg');
    expect(r.rules).toEqual(['7:1 image/not-found']);
    expect(r.diags[0]!.end).toMatchObject({ line: 7, column: 20 });
    expect(String(r.diags[0]!.args.path)).toMatch(/photos[/\\]none\.jpg$/);
  });

  it('image/format: a GIF or WebP names its format', async () => {
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
    const r = await read({ 'a.gif': gif }, 'a.gif');
    expect(r.rules).toEqual(['7:1 image/format']);
    expect(r.diags[0]!.args.format).toBe('GIF');
  });

  it('image/damaged: a JPEG cut short after its header, a PNG whose data does not inflate, a text file named .jpg', async () => {
    const jpeg = landscapeJpeg();
    const pngBytes = png(30, 20);
    const broken = Buffer.from(pngBytes);
    broken.fill(0x55, 50, 70); // inside the IDAT data
    const r = await read({ 'cut.jpg': jpeg.subarray(0, jpeg.length - 200), 'bad.png': broken, 'page.jpg': '<html>not found</html>', 'short.png': pngBytes.subarray(0, 60) }, 'cut.jpg', 'bad.png', 'page.jpg', 'short.png');
    expect(r.rules).toEqual(['7:1 image/damaged', '8:1 image/damaged', '9:1 image/damaged', '10:1 image/damaged']);
  });

  it('image/unreadable: a folder where the image should be', async () => {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, 'a.jpg'));
    const diags = new Diagnostics();
    await readImages([figure(dir, 'a.jpg')], diags);
    expect(diags.list.map((d) => [d.rule, (d.args.reason as { en: string }).en])).toEqual([['image/unreadable', 'it is a folder, not a file']]);
  });

  it('an image used twice is read once and reported at each figure', async () => {
    const r = await read({}, 'x.jpg', 'x.jpg');
    expect(r.rules).toEqual(['7:1 image/not-found', '8:1 image/not-found']);
  });
});

describe('withImages', () => {
  it('gives a new item with each figure\'s image; the item it was given is unchanged', async () => {
    const r = await read({ 'a.png': png(4, 3) }, 'a.png');
    const it0 = item('标题', ['正文。']);
    it0.paragraphs.push({ inlines: [], at: place(7), figure: r.figures[0]! });
    const filled = withImages(it0, r.images);
    expect(filled).not.toBe(it0);
    expect(filled.paragraphs[1]!.figure!.image?.width).toBe(4);
    expect(it0.paragraphs[1]!.figure!.image).toBeUndefined();
    const plain = item('标题', ['正文。']);
    expect(withImages(plain, r.images)).toBe(plain);
  });
});
