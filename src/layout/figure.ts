// A figure on the grid: the image scaled into the template's box with its
// proportions kept, centred, on whole grid lines (its height rounded up to a
// multiple of the line pitch, so the text below stays on the grid), and the
// caption centred under it in balanced lines. Image and caption are one
// block that pagination never splits.

import type { FigureParts } from '../content/printed-words.js';
import type { Template } from '../template/model.js';
import type { Block } from './block.js';
import type { Grid } from './grid.js';

/** The largest size of `image` (any unit) that fits `maxWidth` × `maxHeight` with its proportions kept. */
export function fitImage(image: { width: number; height: number }, maxWidth: number, maxHeight: number): { width: number; height: number } {
  const scale = Math.min(maxWidth / image.width, maxHeight / image.height);
  return { width: image.width * scale, height: image.height * scale };
}

/** The widest an image is set: the template's maximum, never past the text block. */
export function figureWidth(t: Template, measure: number): number {
  return Math.min(measure, t.figure.maxWidth);
}

/** `caption`: the caption already set as a centred title block (blocks.ts), if the figure has one. */
export function figureBlock(f: FigureParts, caption: Block | undefined, t: Template, grid: Grid): Block {
  const captionLines = caption?.lines.length ?? 0;
  // Image and caption must fit on one page together, or no page could take them.
  const pageRoom = Math.max(1, grid.lines - captionLines) * grid.pitch;
  const { width, height } = fitImage(f.image, figureWidth(t, grid.measure), Math.min(t.figure.maxHeight, pageRoom));
  const imageLines = Math.max(1, Math.ceil(height / grid.pitch - 1e-6));
  const slack = imageLines * grid.pitch - height;
  const empty = { runs: [], width: 0, text: '' };
  return {
    kind: 'figure',
    lines: [...Array.from({ length: imageLines }, () => empty), ...(caption?.lines ?? [])],
    size: t.figure.caption.size,
    offsets: [...Array.from({ length: imageLines }, () => 0), ...(caption?.offsets ?? [])],
    // The spare height goes above the image, keeping it close to its caption; without one, it is shared.
    image: { image: f.image, x: (grid.measure - width) / 2, y: caption ? slack : slack / 2, width, height },
  };
}
