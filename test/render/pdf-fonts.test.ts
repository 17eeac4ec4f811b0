// Fonts written by pdf-fonts.ts: TrueType faces through fontkit, characters
// beyond the BMP, and a glyph numbering that reads back as text.
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFace } from '../../src/fonts/face.js';
import type { Page } from '../../src/layout/display-list.js';
import { renderPdf, type FaceFile } from '../../src/render/pdf/index.js';
import { pdfFonts, pdfText, tmpDir } from '../helpers/cli.js';
import { bundled, requireDebianFonts, WQY } from '../helpers/fonts.js';
import { pagePngs } from '../helpers/render-pages.js';
import { referencePdf } from '../helpers/reference-pdf.js';

const colors = { black: { cmyk: [0, 0, 0, 100] as [number, number, number, number] } };
const meta = { title: 't', author: 'a', creationDate: new Date(0) };

function page(runs: { face: string; text: string }[]): Page[] {
  return [{ width: 595, height: 842, items: runs.map((r, i) => ({ kind: 'glyphs' as const, face: r.face, size: 14, x: 72, y: 100 + 30 * i, text: r.text, tracking: 0.5, color: 'black' })) }];
}

function write(pdf: Buffer): string {
  const file = path.join(tmpDir(), 'out.pdf');
  fs.writeFileSync(file, pdf);
  return file;
}

describe('pdf fonts', () => {
  it('a TrueType face from a collection is embedded as a CID TrueType subset; the text reads back and looks as pdfkit draws it', async () => {
    requireDebianFonts();
    const face = openFace(WQY, 'WenQuanYiZenHei');
    expect(face.tables.outlines).toBe('truetype');
    const faces = new Map<string, FaceFile>([[face.id, face]]);
    const pages = page([{ face: face.id, text: '文泉驿正黑，TrueType 字体。' }, { face: face.id, text: '第二行：12345' }]);
    const pdf = await renderPdf(pages, faces, colors, meta);
    const file = write(pdf);
    const fonts = pdfFonts(file);
    expect(fonts).toHaveLength(1);
    expect(fonts[0]!.slice(1, 6)).toEqual(['CID', 'TrueType', 'Identity-H', 'yes', 'yes']);
    expect(pdfText(file).replace(/\s+/g, '')).toBe('文泉驿正黑，TrueType字体。第二行：12345');
    // FontFile2 says its program's length before compression (Length1).
    const raw = pdf.toString('latin1');
    const m = /<<[^>]*\/Length1 (\d+)[^>]*>>\s*stream\r?\n/.exec(raw)!;
    const start = m.index + m[0].length;
    const program = zlib.inflateSync(pdf.subarray(start, raw.indexOf('endstream', start)));
    expect(Number(m[1])).toBe(program.length);
    expect(['\x00\x01\x00\x00', 'true']).toContain(program.toString('latin1', 0, 4)); // a TrueType file
    expect(pagePngs(pdf)[0]!.equals(pagePngs(await referencePdf(pages, faces, colors))[0]!)).toBe(true);
  });

  it('characters above U+FFFF read back (surrogate pairs in ToUnicode), codes past 256 too', async () => {
    const noto = openFace(bundled('NotoSerifCJKsc-Regular.otf'));
    const song = openFace(bundled('FandolSong-Regular.otf'));
    const common = fs.readFileSync(path.join(import.meta.dirname, '../../data/tongyong-8105.txt'), 'utf8').replace(/\s+/g, '');
    // 600 distinct characters: codes cross two multiples of 256.
    const many = [...common].filter((c) => song.has(c.codePointAt(0)!)).slice(0, 600).join('');
    const rare = '𠀋𠮷䶮';
    expect([...rare].every((c) => noto.has(c.codePointAt(0)!))).toBe(true);
    const lines = many.match(/.{1,30}/gu)!;
    const faces = new Map<string, FaceFile>([[noto.id, noto], [song.id, song]]);
    const pages: Page[] = [{ width: 595, height: 842, items: [...page([{ face: noto.id, text: rare }])[0]!.items, ...lines.map((t, i) => ({ kind: 'glyphs' as const, face: song.id, size: 10, x: 40, y: 140 + 12 * i, text: t, tracking: 0, color: 'black' }))] }];
    const file = write(await renderPdf(pages, faces, colors, meta));
    expect(pdfText(file).replace(/\s+/g, '')).toBe(rare + many);
  });
});
