import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/pipeline/build.js';
import { Face, SyntheticBold } from '../../src/fonts/face.js';
import { charList } from '../../src/fonts/report.js';
import { example, tmpDir } from '../helpers/cli.js';
import { bundled, faceWithoutDigits, requireDebianFonts, WQY } from '../helpers/fonts.js';

describe('Face', () => {
  it('knows its names, units per em and weight without parsing the file', () => {
    const face = new Face(bundled('FandolSong-Bold.otf'));
    expect(face.postscriptName).toBe('FandolSong-Bold');
    expect(face.unitsPerEm).toBe(1000);
    expect(face.parsed).toBe(false);
    expect(face.advance('中'.codePointAt(0)!)).toBe(1000);
    expect(face.parsed).toBe(true);
  });

  it('an issue that needs no fallback character never reads the 24 MB fallback face', async () => {
    const { compiled } = await compile(example);
    const faces = [...compiled!.fonts.faces.values()];
    const noto = faces.find((f) => f.id.startsWith('NotoSerifCJKsc-Regular'))!;
    const fang = faces.find((f) => f.id === 'FandolFang-Regular')!;
    expect(noto).toBeDefined();
    expect((noto as Face).parsed).toBe(false);
    expect((fang as Face).parsed).toBe(true);
  });

  it('answers has and advance as fontkit did, from its own tables, without opening fontkit', () => {
    const file = bundled('FandolFang-Regular.otf');
    const face = new Face(file);
    const font = fontkit.create(fs.readFileSync(file)) as fontkit.Font;
    const cps = [...charList('tongyong-8105').map((c) => c.codePointAt(0)!), ...Array.from({ length: 0x80 }, (_, i) => i), 0x3000, 0x3001, 0x3002, 0xff0c, 0x20000];
    const ours = cps.map((cp) => [face.has(cp), face.advance(cp)]);
    const theirs = cps.map((cp) => [font.hasGlyphForCodePoint(cp), font.hasGlyphForCodePoint(cp) ? font.glyphForCodePoint(cp).advanceWidth : 0]);
    expect(ours).toEqual(theirs);
    expect(ours.filter(([has]) => !has).length).toBeGreaterThan(0); // some are missing (0x20000, control characters)
    // Asked again, from the cache: the same answers.
    expect(cps.map((cp) => [face.has(cp), face.advance(cp)])).toEqual(theirs);
    expect(face.hasDigits()).toBe(true);
    expect(face.fontkitOpened).toBe(false);
  });

  it('a face whose cmap has A–Z only has no digits', () => {
    const face = new Face(faceWithoutDigits(path.join(tmpDir(), 'nodigits.otf')));
    expect(face.hasDigits()).toBe(false);
    expect(face.has(0x41)).toBe(true);
    expect(face.advance(0x30)).toBe(0);
  });

  it('gives the renderer its tables, and a fontkit face of the right collection face when asked', () => {
    requireDebianFonts();
    const face = new Face(WQY, 'WenQuanYiZenHeiMono');
    expect(face.tables.outlines).toBe('truetype');
    expect(face.tables.unitsPerEm).toBe(face.unitsPerEm);
    expect(face.tables.table('glyf')).toBeDefined();
    expect(face.fontkitOpened).toBe(false);
    expect(face.fontkitFont.postscriptName).toBe('WenQuanYiZenHeiMono');
    expect(face.fontkitOpened).toBe(true);
    expect(face.fontkitFont.glyphForCodePoint(0x4e2d).id).toBe(face.tables.glyphForCodePoint(0x4e2d));
    const bold = new SyntheticBold(face);
    expect(bold.tables).toBe(face.tables);
    expect(bold.fontkitFont).toBe(face.fontkitFont);
  });
});
