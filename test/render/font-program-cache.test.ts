// Watch mode keeps the fonts' programs between renders (FontProgramCache): an
// edit that brings no new character must give the same PDF bytes as a fresh
// render without subsetting again; a new character makes a new subset; the
// cache holds only what the last render used.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openFace } from '../../src/fonts/face.js';
import type { Page } from '../../src/layout/display-list.js';
import { FontProgramCache } from '../../src/render/pdf/fonts.js';
import { renderPdf, type FaceFile } from '../../src/render/pdf/index.js';
import { pdfText, tmpDir } from '../helpers/cli.js';
import { bundled } from '../helpers/fonts.js';

const subsets = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/font-subset/cff/subset.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/font-subset/cff/subset.js')>();
  return {
    ...real,
    subsetCff: (...args: Parameters<typeof real.subsetCff>) => {
      subsets.count++;
      return real.subsetCff(...args);
    },
  };
});

const colors = { black: { cmyk: [0, 0, 0, 100] as [number, number, number, number] } };
const meta = { title: 't', author: 'a', creationDate: new Date(0) };
const face = openFace(bundled('FandolFang-Regular.otf'));
const faces = new Map<string, FaceFile>([[face.id, face]]);

function page(text: string): Page[] {
  return [{ width: 595, height: 842, items: [{ kind: 'glyphs' as const, face: face.id, size: 14, x: 72, y: 100, text, tracking: 0, color: 'black' }] }];
}

beforeEach(() => {
  subsets.count = 0;
});

describe('font programs kept between renders', () => {
  it('are re-used for the same glyphs (same bytes as a fresh render), made anew for a new character', async () => {
    const cache = new FontProgramCache();
    const first = await renderPdf(page('一是在部分镇试点，二是'), faces, colors, meta, { programs: cache });
    // ， → 、 and back: the same glyphs in the same order only when the text comes back.
    const same = await renderPdf(page('一是在部分镇试点，二是'), faces, colors, meta, { programs: cache });
    expect(subsets.count).toBe(1);
    expect(same.equals(first)).toBe(true);

    const edited = await renderPdf(page('一是在部分镇试点、二是'), faces, colors, meta, { programs: cache });
    expect(subsets.count).toBe(2);
    const fresh = await renderPdf(page('一是在部分镇试点、二是'), faces, colors, meta);
    expect(edited.equals(fresh)).toBe(true);
    const file = path.join(tmpDir(), 'edited.pdf');
    fs.writeFileSync(file, edited);
    expect(pdfText(file).trim()).toBe('一是在部分镇试点、二是');
  });

  it('holds only what the last render used', async () => {
    const cache = new FontProgramCache();
    await renderPdf(page('甲乙'), faces, colors, meta, { programs: cache });
    await renderPdf(page('丙丁'), faces, colors, meta, { programs: cache });
    await renderPdf(page('丙丁'), faces, colors, meta, { programs: cache });
    expect(subsets.count).toBe(2);
    await renderPdf(page('甲乙'), faces, colors, meta, { programs: cache }); // forgotten: made again
    expect(subsets.count).toBe(3);
  });
});
