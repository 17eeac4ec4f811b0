// A CFF face our subsetter declines (say, not CID-keyed) is subset by fontkit,
// numbering the glyphs in the same order: the pages show the same. Here the
// subsetter is made to decline every face.
import { describe, expect, it, vi } from 'vitest';
import { pagePngs } from '../helpers/render-pages.js';
import { exampleBothWays } from '../helpers/reference-pdf.js';

const declined = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/font-subset/cff/subset.js', () => ({
  subsetCff: () => {
    declined.count++;
    return undefined;
  },
}));

describe('fonts our CFF subsetter declines', () => {
  it('are subset by fontkit, and the pages look as pdfkit draws them', async () => {
    const { ours, theirs } = await exampleBothWays();
    expect(declined.count).toBeGreaterThanOrEqual(4);
    const a = pagePngs(ours);
    const b = pagePngs(theirs);
    expect(a).toHaveLength(4);
    a.forEach((png, i) => expect(png.equals(b[i]!), `page ${i + 1}`).toBe(true));
  });
});
