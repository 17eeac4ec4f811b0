// Importing face.ts, and answering layout's questions, loads no fontkit: it is
// loaded only for `fontkitFont`. fontkit is mocked here to see whether anything
// imports it; the lazy load goes round the mock, to the real fontkit.
import { describe, expect, it, vi } from 'vitest';

const imported = vi.hoisted(() => ({ fontkit: false }));
vi.mock('fontkit', () => {
  imported.fontkit = true;
  return {};
});

describe('fontkit is loaded only when a fontkit face is asked for', () => {
  it('not by importing face.ts, nor by has, advance and hasDigits', async () => {
    const { Face } = await import('../../src/fonts/face.js');
    const { fontkitLoaded } = await import('../../src/fonts/fontkit.js');
    const { bundled } = await import('../helpers/fonts.js');
    const face = new Face(bundled('FandolKai-Regular.otf'));
    expect(face.has(0x4e2d)).toBe(true);
    expect(face.advance(0x4e2d)).toBe(1000);
    expect(face.hasDigits()).toBe(true);
    expect(face.tables.outlines).toBe('cff');
    expect(imported.fontkit).toBe(false);
    expect(fontkitLoaded()).toBe(false);

    expect(face.fontkitFont.postscriptName).toBe('FandolKai-Regular');
    expect(fontkitLoaded()).toBe(true);
  });
});
