// Figures the sRGB archival edition cannot hold: a CMYK JPEG is an error at its place in the item file.
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/report/catalogue.js';
import type { ImageFile } from '../../src/issue/model.js';
import { jpegComponents, pdfaInputProblems } from '../../src/render/pdf/pdfa-inputs.js';
import { landscapeJpeg } from '../helpers/images.js';
import { at, issue, item } from '../helpers/issue.js';

/** The start of a baseline JPEG: SOI, an APP14 (Adobe) segment, then a frame header with `components`. */
function jpegHead(components: number): Uint8Array {
  const app14 = [0xff, 0xee, 0x00, 0x0e, ...Buffer.from('Adobe'), 0, 100, 0, 0, 0, 0, 2];
  const sof = [0xff, 0xc0, 0x00, 8 + 3 * components, 8, 0, 12, 0, 16, components, ...Array.from({ length: components }, (_, i) => [i + 1, 0x11, 0]).flat()];
  return Uint8Array.from([0xff, 0xd8, ...app14, ...sof, 0xff, 0xd9]);
}

describe('pdfaInputProblems', () => {
  it('reads the component count from the frame header, past other segments', () => {
    expect(jpegComponents(landscapeJpeg())).toBe(3);
    expect(jpegComponents(jpegHead(4))).toBe(4);
    expect(jpegComponents(jpegHead(1))).toBe(1);
    expect(jpegComponents(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]))).toBe(0);
  });

  it('a CMYK JPEG is an error at its ![…](…) in the item file; an RGB one is not', () => {
    const image = (bytes: Uint8Array): ImageFile => ({ path: '/x/photos/a.jpg', format: 'jpeg', width: 16, height: 12, orientation: 1, digest: '', bytes });
    const figure = (bytes: Uint8Array) => ({ at: { ...at, line: 5 }, inlines: [], figure: { src: 'photos/a.jpg', path: '/x/photos/a.jpg', image: image(bytes), at: { ...at, line: 5, column: 1 }, end: { ...at, line: 5, column: 22 } } });
    const withFigure = (bytes: Uint8Array) => {
      const it = item('标题', ['正文。']);
      it.paragraphs.push(figure(bytes));
      return issue([it]);
    };
    const problems = pdfaInputProblems(withFigure(jpegHead(4)));
    expect(problems).toEqual([{ file: 'test.md', start: expect.objectContaining({ line: 5, column: 1 }), end: expect.objectContaining({ line: 5, column: 22 }), severity: 'error', rule: 'pdfa/cmyk-image', args: { path: 'photos/a.jpg' } }]);
    expect(formatMessage('pdfa/cmyk-image', problems[0]!.args, 'zh')).toContain('photos/a.jpg');
    expect(pdfaInputProblems(withFigure(landscapeJpeg()))).toEqual([]);
  });
});
