// A page's content in stream objects of the renderer's own (src/render/pdf/streams.ts): text and rules
// before a page's first image and after its last go into them, pdfkit's stream keeps the images. The
// painting order must be the display list's, where things overlap; watch mode's StreamCache must give
// the bytes a fresh render gives, compressing only the pages that changed.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openFace } from '../../src/fonts/face.js';
import type { DisplayItem, Page } from '../../src/layout/display-list.js';
import type { ImageFile } from '../../src/issue/model.js';
import { renderPdf, type FaceFile } from '../../src/render/pdf/index.js';
import { FontProgramCache } from '../../src/render/pdf/fonts.js';
import { StreamCache } from '../../src/render/pdf/streams.js';
import { pdfText, tmpDir } from '../helpers/cli.js';
import { bundled } from '../helpers/fonts.js';
import { png } from '../helpers/images.js';
import { pagePngs } from '../helpers/render-pages.js';
import { referencePdf } from '../helpers/reference-pdf.js';

const colors = { black: { cmyk: [0, 0, 0, 100] as [number, number, number, number] }, red: { cmyk: [0, 100, 100, 0] as [number, number, number, number] } };
const meta = { title: 't', author: 'a', creationDate: new Date(0) };
const face = openFace(bundled('FandolFang-Regular.otf'));
const faces = new Map<string, FaceFile>([[face.id, face]]);

const run = (text: string, y: number, x = 72, color = 'black'): DisplayItem => ({ kind: 'glyphs', face: face.id, size: 20, x, y, text, tracking: 0, color });
const rule = (y: number, thickness = 12): DisplayItem => ({ kind: 'rule', x: 60, y, width: 300, thickness, color: 'red' });
function image(y: number, rgb: [number, number, number]): DisplayItem {
  const bytes = png(40, 20, rgb);
  const file: ImageFile = { path: 'x.png', format: 'png', width: 40, height: 20, orientation: 1, digest: `${rgb}`, bytes };
  return { kind: 'image', image: file, x: 80, y, width: 160, height: 80 };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('page content streams', () => {
  it('paint text, rules and images in the display list order where they overlap, as pdfkit draws them one by one', async () => {
    const pages: Page[] = [
      {
        width: 420,
        height: 595,
        items: [
          // Before the first image: a rule under a run, a run under a rule; an image over a run.
          rule(95),
          run('第一行文字在红线上', 100),
          run('第二行被红线压住', 150),
          rule(145),
          run('第三行被图片盖住', 200),
          image(170, [40, 90, 160]),
          // Between the two images, in pdfkit's own stream: a run on the first image, a rule over it.
          run('图片上的文字', 230, 90),
          rule(240, 4),
          image(300, [160, 60, 40]),
          // After the last image: a run on the second image, then a rule under a run.
          run('第二张图上', 340, 90),
          rule(450),
          run('最后一行', 455),
        ],
      },
      { width: 420, height: 595, items: [run('只有文字的一页', 100), rule(120, 2)] },
    ];
    const ours = await renderPdf(pages, faces, colors, meta);
    // The first page draws from three streams: ours, pdfkit's (the images), ours; the second from pdfkit's and ours.
    const raw = ours.toString('latin1');
    expect(raw.match(/\/Contents \[\d+ 0 R \d+ 0 R \d+ 0 R\]/g)).toHaveLength(1);
    expect(raw.match(/\/Contents \[\d+ 0 R \d+ 0 R\]/g)).toHaveLength(1);
    const theirs = await referencePdf(pages, faces, colors);
    const [a, b] = [pagePngs(ours), pagePngs(theirs)];
    expect(a).toHaveLength(2);
    a.forEach((page, i) => expect(page.equals(b[i]!), `page ${i + 1}`).toBe(true));
    const file = path.join(tmpDir(), 'order.pdf');
    fs.writeFileSync(file, ours);
    expect(pdfText(file).replace(/\s+/g, '')).toBe('第一行文字在红线上第二行被红线压住第三行被图片盖住图片上的文字第二张图上最后一行只有文字的一页');
  });

  it('kept between renders (watch mode): the bytes of a fresh render, compressing again only the page that changed', async () => {
    const issue = (second: string): Page[] => [
      { width: 420, height: 595, items: [run('一是在部分镇试点，二是', 100), rule(120, 2)] },
      { width: 420, height: 595, items: [run(second, 100)] },
      { width: 420, height: 595, items: [run('三是推广', 100), run('一是二是', 140)] },
    ];
    const cache = new StreamCache();
    const deflate = vi.spyOn(zlib, 'deflateSync');
    const first = await renderPdf(issue('部分镇试点'), faces, colors, meta, { streams: cache });
    // Three pages and the font's ToUnicode map.
    expect(deflate).toHaveBeenCalledTimes(4);
    expect(first.equals(await renderPdf(issue('部分镇试点'), faces, colors, meta))).toBe(true);

    deflate.mockClear();
    // The same characters in another order: the glyph codes and the ToUnicode map stay, only page 2 changes.
    const edited = await renderPdf(issue('试点部分镇'), faces, colors, meta, { streams: cache });
    expect(deflate).toHaveBeenCalledTimes(1);
    const fresh = await renderPdf(issue('试点部分镇'), faces, colors, meta);
    expect(edited.equals(fresh)).toBe(true);
    expect(edited.equals(first)).toBe(false);
    const file = path.join(tmpDir(), 'edited.pdf');
    fs.writeFileSync(file, edited);
    expect(pdfText(file).replace(/\s+/g, '')).toBe('一是在部分镇试点，二是试点部分镇三是推广一是二是');
  });

  it('put PNGs with an alpha channel at the same place in the file every time, with and without kept font programs', async () => {
    // pdfkit decodes such a PNG in zlib's thread pool and writes it when done: unwaited, it landed before or after
    // the fonts' objects as the pool's timing fell (and always after them with the font programs kept).
    const rgba = (y: number, rgb: [number, number, number]): DisplayItem => {
      const bytes = png(120, 90, rgb, true);
      const file: ImageFile = { path: `${rgb}.png`, format: 'png', width: 120, height: 90, orientation: 1, digest: `a${rgb}`, bytes };
      return { kind: 'image', image: file, x: 80, y, width: 240, height: 180 };
    };
    const pages: Page[] = [
      { width: 420, height: 595, items: [run('一是图片', 60), rgba(100, [200, 30, 30]), rgba(300, [30, 30, 200]), run('二是图片', 520)] },
    ];
    const fresh = await renderPdf(pages, faces, colors, meta);
    const programs = new FontProgramCache();
    const streams = new StreamCache();
    const renders = [];
    for (let i = 0; i < 4; i++) renders.push(await renderPdf(pages, faces, colors, meta, { programs, streams }));
    for (let i = 0; i < 3; i++) renders.push(await renderPdf(pages, faces, colors, meta));
    for (const r of renders) expect(r.equals(fresh)).toBe(true);
  });
});

