// The PDF renderer: synthetic bold, and the same bytes from open fontkit faces as from font files.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openFace, SyntheticBold } from '../../src/fonts/face.js';
import type { Page } from '../../src/layout/display-list.js';
import { bundled } from '../helpers/fonts.js';
import { compile } from '../../src/build.js';
import fs from 'node:fs';
import path from 'node:path';
import { example, flatText, pdfFonts, pdfText, tmpDir } from '../helpers/cli.js';
import { pagePngs } from '../helpers/render-pages.js';
import { renderPdf, type FaceFile } from '../../src/render/pdf.js';

/** The page content streams, inflated. */
function contents(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = text.indexOf('endstream', start);
    try {
      out.push(zlib.inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a deflated stream
    }
  }
  return out.join('\n');
}

describe('synthetic bold', () => {
  it('a synthetic-bold run is filled and stroked (render mode 2) with a stroke of size/30; a plain run is not; the face is embedded once', async () => {
    const face = openFace(bundled('FandolHei-Regular.otf'));
    const bold = new SyntheticBold(face);
    const faces = new Map<string, FaceFile>([[face.id, face], [bold.id, bold]]);
    const run = (f: string, y: number) => ({ kind: 'glyphs' as const, face: f, size: 15, x: 72, y, text: '加粗标题', tracking: 0, color: 'black' });
    const pages: Page[] = [{ width: 595, height: 842, items: [run(bold.id, 100), run(face.id, 200)] }];
    const pdf = await renderPdf(pages, faces, { black: { cmyk: [0, 0, 0, 100] } }, { title: 't', author: 'a', creationDate: new Date(0) });
    const c = contents(pdf);
    expect(c.match(/^2 Tr$/gm)).toHaveLength(1);
    expect(c).toMatch(/^0\.5 w$/m);
    expect(pdf.toString('latin1').match(/\/FontFile3?\b/g)).toHaveLength(1);
  });
});

describe('renderPdf', () => {
  it('embeds CFF faces from its own tables and subsetter: the pages show what fontkit\'s subsets show, and fontkit opens no face', async () => {
    const { compiled } = await compile(example);
    if (!compiled) throw new Error('the example does not compile');
    const meta = { title: 't', author: 'a', creationDate: new Date(0) };
    // Paths alone: pdfkit reads each file and subsets it with fontkit.
    const byPath = new Map<string, FaceFile>();
    for (const [id, f] of compiled.fonts.faces) byPath.set(id, { path: f.path, ...(f.collectionName ? { collectionName: f.collectionName } : {}) });
    const ours = await renderPdf(compiled.pages, compiled.fonts.faces, compiled.template.colors, meta);
    expect([...compiled.fonts.faces.values()].some((f) => 'fontkitOpened' in f && f.fontkitOpened)).toBe(false);
    const theirs = await renderPdf(compiled.pages, byPath, compiled.template.colors, meta);

    const a = pagePngs(ours);
    const b = pagePngs(theirs);
    expect(a).toHaveLength(4);
    a.forEach((png, i) => expect(png.equals(b[i]!), `page ${i + 1}`).toBe(true));
    const file = path.join(tmpDir(), 'ours.pdf');
    fs.writeFileSync(file, ours);
    expect(flatText(pdfText(file))).toContain('中心路街道探索人大代表“十联”机制办好民生实事');
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThanOrEqual(4);
    for (const f of fonts) expect(f.slice(1, 7)).toEqual(['CID', 'Type', '0C', 'Identity-H', 'yes', 'yes']);
  });
});
