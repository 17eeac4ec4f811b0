import { describe, expect, it } from 'vitest';
import { compile } from '../../src/build.js';
import { Face } from '../../src/fonts/face.js';
import { example } from '../helpers/cli.js';
import { bundled } from '../helpers/fonts.js';

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
});
