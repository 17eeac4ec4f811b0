// The PDF renderer: synthetic bold, and the same bytes from open fontkit faces as from font files.
import { describe, expect, it } from 'vitest';
import { openFace, SyntheticBold } from '../../src/fonts/face.js';
import type { Page } from '../../src/layout/display-list.js';
import { bundled } from '../helpers/fonts.js';
import fs from 'node:fs';
import path from 'node:path';
import { flatText, pdfFonts, pdfText, tmpDir } from '../helpers/cli.js';
import { contents } from '../helpers/pdf-content.js';
import { pagePngs } from '../helpers/render-pages.js';
import { exampleBothWays, referencePdf } from '../helpers/reference-pdf.js';
import { renderPdf, type FaceFile } from '../../src/render/pdf/index.js';

describe('synthetic bold', () => {
  it('a synthetic-bold run is filled and stroked (render mode 2) with a stroke of size/30; a plain run is not; the face is embedded once', async () => {
    const face = openFace(bundled('FandolHei-Regular.otf'));
    const bold = new SyntheticBold(face);
    const faces = new Map<string, FaceFile>([[face.id, face], [bold.id, bold]]);
    const run = (f: string, y: number) => ({ kind: 'glyphs' as const, face: f, size: 15, x: 72, y, text: '加粗标题', tracking: 0, color: 'black' });
    const pages: Page[] = [{ width: 595, height: 842, items: [run(bold.id, 100), run(face.id, 200)] }];
    const pdf = await renderPdf(pages, faces, { black: { cmyk: [0, 0, 0, 100] } }, { title: 't', author: 'a', creationDate: new Date(0) });
    const c = contents(pdf);
    // The bold run: fill and stroke (2 Tr), a stroke of 15/30 pt in the fill's colour; then the plain run goes back to 0 Tr.
    expect(c).toMatch(/2 Tr 0\.5 w 0 0 0 1 K\n1 0 0 1 72 742 Tm <[0-9a-f]{16}> Tj\n0 Tr\n1 0 0 1 72 642 Tm <[0-9a-f]{16}> Tj/);
    expect(c.match(/2 Tr/g)).toHaveLength(1);
    expect(pdf.toString('latin1').match(/\/FontFile3?\b/g)).toHaveLength(1);
    // And it looks as pdfkit draws it.
    const reference = await referencePdf(pages, faces, { black: { cmyk: [0, 0, 0, 100] } });
    expect(pagePngs(pdf)[0]!.equals(pagePngs(reference)[0]!)).toBe(true);
  });
});

describe('renderPdf', () => {
  it('writes text and CFF fonts itself: the pages show what pdfkit\'s own text drawing shows, and fontkit opens no face', async () => {
    // Theirs is pdfkit's own way: it opens each file, fontkit shapes and subsets (after ours, which opened no face with fontkit).
    const { compiled, ours, theirs } = await exampleBothWays();
    expect([...compiled.fonts.faces.values()].some((f) => 'fontkitOpened' in f && f.fontkitOpened)).toBe(false);

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
