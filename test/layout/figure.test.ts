// Figures on the grid, asserted on the display list of a real issue folder:
// the image at the text width (or the template's maximum) with its
// proportions kept, on whole grid lines, its caption centred under it in the
// emphasis face, and the two never apart.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, type Compiled } from '../../src/pipeline/build.js';
import type { DisplayItem, GlyphRun, ImageBox, Page } from '../../src/layout/display-list.js';
import { fitImage } from '../../src/layout/figure.js';
import { baselineOf, gridOf } from '../../src/layout/grid.js';
import { PT_PER_MM } from '../../src/template/units.js';
import { tmpDir } from '../helpers/cli.js';
import { landscapeJpeg, png, writeFiles } from '../helpers/images.js';

const YAML = 'masthead: 政务信息\nnumber: 7\ndate: 2025-01-20\npublisher: 中共上街区委办公室\n';
const TEXT = '一是以全区“大抓落实年”活动为抓手，围绕重点项目建立清单台账，明确任务要求、时间节点、分包责任，加强督导调度，推动形成更多投资实物量。';
const item = (title: string, body: string) => `---\ntitle: ${title}\ndepartment: 区发改委\n---\n${body}\n`;

async function build(files: Record<string, string | Uint8Array>): Promise<Compiled> {
  const dir = path.join(tmpDir(), 'issue');
  writeFiles(dir, { 'issue.yaml': YAML, ...files });
  const r = await compile(dir);
  if (!r.compiled) throw new Error(JSON.stringify(r.diagnostics));
  return r.compiled;
}

const images = (p: Page) => p.items.filter((i): i is ImageBox => i.kind === 'image');
const runs = (p: Page) => p.items.filter((i): i is GlyphRun => i.kind === 'glyphs');
/** Runs in the text block (not the page number below it). */
const textRuns = (c: Compiled, p: Page) => runs(p).filter((r) => r.y < gridOf(c.template).bottom);
const allImages = (c: Compiled) => c.pages.flatMap((p, page) => images(p).map((box) => ({ box, page })));

describe('fitImage', () => {
  it('scales to the width, or to the height when that is the tighter limit, keeping proportions', () => {
    expect(fitImage({ width: 400, height: 300 }, 200, 1000)).toEqual({ width: 200, height: 150 });
    expect(fitImage({ width: 300, height: 600 }, 200, 100)).toEqual({ width: 50, height: 100 });
    expect(fitImage({ width: 10, height: 10 }, 200, 300)).toEqual({ width: 200, height: 200 });
  });
});

describe('a figure on the page', () => {
  it('sets a 4:3 photo at the full text width, centred, on whole grid lines, the caption centred under it', async () => {
    const c = await build({ '01.md': item('标题', `${TEXT}\n\n![重点项目建设现场](photos/a.jpg)\n\n${TEXT}`), 'photos/a.jpg': landscapeJpeg() });
    const grid = gridOf(c.template);
    const [{ box, page }] = allImages(c) as [{ box: ImageBox; page: number }];
    expect(box.width).toBeCloseTo(156 * PT_PER_MM, 6);
    expect(box.height / box.width).toBeCloseTo(360 / 480, 9);
    expect(box.x).toBeCloseTo(grid.left, 6);
    expect(box.image.format).toBe('jpeg');
    // The image ends on a grid line: the text below stays on the grid.
    const bottomLines = (box.y + box.height - grid.top) / grid.pitch;
    expect(bottomLines).toBeCloseTo(Math.round(bottomLines), 6);
    // The caption: the next grid line, in the emphasis face at 四号, centred on the text block.
    const caption = textRuns(c, c.pages[page]!).filter((r) => r.size === 14 && r.y > box.y + box.height);
    expect(caption.map((r) => r.text).join('')).toBe('重点项目建设现场');
    const captionLine = Math.round(bottomLines);
    expect(caption[0]!.y).toBeCloseTo(baselineOf(grid, captionLine, 14), 6);
    expect(caption[0]!.face).toBe(c.fonts.primary('emphasis').id);
    const face = c.fonts.faces.get(caption[0]!.face)!;
    const width = [...'重点项目建设现场'].reduce((w, ch) => w + (face.advance(ch.codePointAt(0)!) / face.unitsPerEm) * 14, 0);
    expect(caption[0]!.x + width / 2).toBeCloseTo(grid.left + grid.measure / 2, 0);
    // The next paragraph starts on the grid line after the caption.
    const next = runs(c.pages[page]!).filter((r) => r.size === 16 && r.y > caption[0]!.y).sort((a, b) => a.y - b.y)[0]!;
    expect(next.y).toBeCloseTo(baselineOf(grid, captionLine + 1, 16), 6);
  });

  it('narrows a tall image to the template\'s maximum height, centred', async () => {
    const c = await build({ '01.md': item('标题', `${TEXT}\n\n![竖图](photos/tall.png)`), 'photos/tall.png': png(30, 60) });
    const grid = gridOf(c.template);
    const [{ box }] = allImages(c) as [{ box: ImageBox }];
    expect(box.height).toBeCloseTo(120 * PT_PER_MM, 6);
    expect(box.width).toBeCloseTo(60 * PT_PER_MM, 6);
    expect(box.x + box.width / 2).toBeCloseTo(grid.left + grid.measure / 2, 6);
  });

  it('uses a template\'s narrower maxWidth', async () => {
    const c = await build({
      'issue.yaml': `${YAML}template: ./narrow.yaml\n`,
      'narrow.yaml': 'extends: default\nfigure:\n  maxWidth: 100mm\n',
      '01.md': item('标题', `${TEXT}\n\n![图](a.png)`),
      'a.png': png(40, 20),
    });
    expect(allImages(c)[0]!.box.width).toBeCloseTo(100 * PT_PER_MM, 6);
  });

  it('moves image and caption to the next page together when they do not fit there', async () => {
    const long = Array(9).fill(TEXT).join('\n\n');
    const c = await build({ '01.md': item('标题', `${long}\n\n![跨页的图片说明文字](photos/a.jpg)\n\n${TEXT}`), 'photos/a.jpg': landscapeJpeg() });
    const grid = gridOf(c.template);
    const [{ box, page }] = allImages(c) as [{ box: ImageBox; page: number }];
    const figureLines = Math.ceil(box.height / grid.pitch) + 1;
    // The page before ends with text and had some room, but less than the figure needs.
    const before = textRuns(c, c.pages[page - 1]!);
    const lastLine = Math.round((Math.max(...before.map((r) => r.y)) - grid.top) / grid.pitch - 0.5);
    const free = grid.lines - 1 - lastLine;
    expect(free).toBeGreaterThan(0);
    expect(free).toBeLessThan(figureLines);
    // On its page, the figure opens the text block, and its caption is there too.
    expect(Math.round((box.y + box.height - grid.top) / grid.pitch)).toBe(figureLines - 1);
    expect(textRuns(c, c.pages[page]!).filter((r) => r.size === 14).map((r) => r.text).join('')).toBe('跨页的图片说明文字');
  });

  it('an item that ends with a figure closes its last paragraph of text with the attribution', async () => {
    const c = await build({ '01.md': item('标题', `${TEXT}\n\n![图](a.png)`), 'a.png': png(40, 30) });
    const all = c.pages.flatMap((p) => runs(p).filter((r) => r.size === 16).map((r) => r.text)).join('');
    expect(all.endsWith('（区发改委）')).toBe(true);
    expect(all.includes(`${TEXT.slice(-4)}（区发改委）`)).toBe(true);
    const page = c.pages.find((p) => images(p).length)!;
    const box = images(page)[0]!;
    const after = runs(page).filter((r) => r.y > box.y + box.height && r.size === 16).map((r) => r.text).join('');
    expect(after).toBe('');
  });

  it('a figure without a caption takes only the image\'s lines', async () => {
    const c = await build({ '01.md': item('标题', `${TEXT}\n\n![](a.png)\n\n${TEXT}`), 'a.png': png(40, 30) });
    const grid = gridOf(c.template);
    const page = c.pages.find((p) => images(p).length)!;
    const box = images(page)[0]!;
    const lines = Math.ceil(box.height / grid.pitch);
    const top = Math.round((box.y - grid.top - (lines * grid.pitch - box.height) / 2) / grid.pitch);
    const next = runs(page).filter((r) => r.y > box.y + box.height).sort((a, b) => a.y - b.y)[0]!;
    expect(next.y).toBeCloseTo(baselineOf(grid, top + lines, 16), 6);
    expect(textRuns(c, page).some((r) => r.size === 14)).toBe(false);
  });
});

describe('display items', () => {
  it('every image item carries the bytes read at load time', async () => {
    const bytes = png(8, 6);
    const c = await build({ '01.md': item('标题', '![图](a.png)'), 'a.png': bytes });
    const all: DisplayItem[] = c.pages.flatMap((p) => p.items);
    const box = all.find((i): i is ImageBox => i.kind === 'image')!;
    expect(Buffer.from(box.image.bytes).equals(bytes)).toBe(true);
    expect(fs.existsSync(box.image.path)).toBe(true);
  });
});
