// A CFF face our subsetter declines (say, not CID-keyed) is subset by fontkit
// at the end, numbering the glyphs as pdfkit already wrote them: the pages
// show the same. Here the subsetter is made to decline every face.
import { describe, expect, it, vi } from 'vitest';
import { compile } from '../../src/build.js';
import { renderPdf } from '../../src/render/pdf.js';
import { example } from '../helpers/cli.js';
import { pagePngs } from '../helpers/render-pages.js';

const declined = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/render/cff/subset.js', () => ({
  subsetCff: () => {
    declined.count++;
    return undefined;
  },
}));

describe('PdfFace fallback', () => {
  it('fontkit subsets what the CFF subsetter declines, and the pages are the same', async () => {
    const { compiled } = await compile(example);
    if (!compiled) throw new Error('the example does not compile');
    const meta = { title: 't', author: 'a', creationDate: new Date(0) };
    const byFallback = await renderPdf(compiled.pages, compiled.fonts.faces, compiled.template.colors, meta);
    expect(declined.count).toBeGreaterThanOrEqual(4);
    const byPath = new Map([...compiled.fonts.faces].map(([id, f]) => [id, { path: f.path }]));
    const byFontkit = await renderPdf(compiled.pages, byPath, compiled.template.colors, meta);
    const a = pagePngs(byFallback);
    const b = pagePngs(byFontkit);
    expect(a).toHaveLength(4);
    a.forEach((png, i) => expect(png.equals(b[i]!), `page ${i + 1}`).toBe(true));
  });
});
