// Layout's questions never need fontkit: it is asked for only for `fontkitFont`.
import { describe, expect, it } from 'vitest';
import { Face } from '../../src/fonts/face.js';
import { fontkitLoaded } from '../../src/fonts/fontkit.js';
import { bundled } from '../helpers/fonts.js';

describe('fontkit is used only when a fontkit face is asked for', () => {
  it('not by has, advance and hasDigits', () => {
    const face = new Face(bundled('FandolKai-Regular.otf'));
    expect(face.has(0x4e2d)).toBe(true);
    expect(face.advance(0x4e2d)).toBe(1000);
    expect(face.hasDigits()).toBe(true);
    expect(face.tables.outlines).toBe('cff');
    expect(face.fontkitOpened).toBe(false);
    expect(fontkitLoaded()).toBe(false);

    expect(face.fontkitFont.postscriptName).toBe('FandolKai-Regular');
    expect(face.fontkitOpened).toBe(true);
    expect(fontkitLoaded()).toBe(true);
  });
});
