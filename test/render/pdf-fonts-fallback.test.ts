// A CFF face our subsetter declines (say, not CID-keyed) is subset by fontkit,
// numbering the glyphs in the same order: the pages show the same. Here the
// subsetter is made to decline every face.
import { describe, expect, it, vi } from 'vitest';
import { compile } from '../../src/build.js';
import { renderPdf } from '../../src/render/pdf.js';
import { example } from '../helpers/cli.js';
import { pagePngs } from '../helpers/render-pages.js';
import { referencePdf } from '../helpers/reference-pdf.js';

const declined = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/render/cff/subset.js', () => ({
  subsetCff: () => {
    declined.count++;
    return undefined;
  },
}));

describe('fonts our CFF subsetter declines', () => {
  it('are subset by fontkit, and the pages look as pdfkit draws them', async () => {
    const { compiled } = await compile(example);
    if (!compiled) throw new Error('the example does not compile');
    const meta = { title: 't', author: 'a', creationDate: new Date(0) };
    const pdf = await renderPdf(compiled.pages, compiled.fonts.faces, compiled.template.colors, meta);
    expect(declined.count).toBeGreaterThanOrEqual(4);
    const a = pagePngs(pdf);
    const b = pagePngs(await referencePdf(compiled.pages, compiled.fonts.faces, compiled.template.colors));
    expect(a).toHaveLength(4);
    a.forEach((png, i) => expect(png.equals(b[i]!), `page ${i + 1}`).toBe(true));
  });
});
