// A figure in the Word file: the image in a centred paragraph of its own, at
// the size the PDF gives it (the same width rule: the text width or the
// template's maximum, proportions kept), and the caption under it.

import { ImageRun, Paragraph } from 'docx';
import type { FigureParts } from '../../content/printed-words.js';
import { figureWidth, fitImage } from '../../layout/figure.js';
import { gridOf } from '../../layout/grid.js';
import type { Template } from '../../template/model.js';
import type { Runs } from './runs.js';
import { STYLE } from './style-ids.js';

/** Word sizes an inline picture in pixels at 96 per inch. */
const PX_PER_PT = 96 / 72;

/**
 * Word and LibreOffice draw a JPEG's pixels as stored, ignoring its EXIF
 * orientation: say it in the drawing instead. The frame takes the stored
 * size and is flipped, then turned (DrawingML's order), into the size shown.
 */
function turn(orientation: number, width: number, height: number) {
  const [rotation, flip] = TURNS[orientation] ?? [0, undefined];
  const quarter = rotation % 180 !== 0;
  return {
    width: quarter ? height : width,
    height: quarter ? width : height,
    ...(rotation ? { rotation } : {}),
    ...(flip ? { flip: { [flip]: true } } : {}),
  };
}

/** EXIF orientation → clockwise degrees and the flip before them. */
const TURNS: Record<number, [number, ('horizontal' | 'vertical')?]> = {
  2: [0, 'horizontal'], 3: [180], 4: [0, 'vertical'], 5: [270, 'horizontal'], 6: [90], 7: [90, 'horizontal'], 8: [270],
};

/** `id`: the drawing's number, unique in the document (the docx library's own counter runs on across documents). */
export function figureParagraphs(f: FigureParts, t: Template, runs: Runs, id: number): Paragraph[] {
  const grid = gridOf(t);
  // Image and caption on one page, as in the PDF.
  const maxHeight = Math.min(t.figure.maxHeight, grid.height - grid.pitch);
  const { width, height } = fitImage(f.image, figureWidth(t, grid.measure), maxHeight);
  const picture = new ImageRun({
    type: f.image.format === 'jpeg' ? 'jpg' : 'png',
    data: f.image.bytes,
    transformation: { ...turn(f.image.orientation, width * PX_PER_PT, height * PX_PER_PT) },
    altText: { id: String(id), name: `Picture ${id}`, ...(f.caption ? { description: f.caption.text } : {}) },
  });
  const out = [new Paragraph({ style: STYLE.figure, children: [picture] })];
  if (f.caption) out.push(new Paragraph({ style: STYLE.caption, children: runs(f.caption.text, f.caption.role) }));
  return out;
}
