// The page grid: the text block divided into `chars` cells a line and `lines`
// lines a page. Baselines come from the grid, not from a font's ascent and
// descent (FandolSong's descender is even positive).

import type { Template } from '../template/model.js';

/**
 * In a CJK face the ideographic em box sits 0.12 em below the baseline (the
 * Adobe-GB1 convention, the `ideo` baseline of OpenType). A fact of the fonts,
 * not a choice of the house format, so not a template key: the PDF's grid and
 * the Word edition's exact line heights (docx/masthead.ts) both read it here.
 */
export const EM_BOX_DESCENT = 0.12;

export interface Grid {
  left: number;
  top: number;
  measure: number;
  height: number;
  bottom: number;
  right: number;
  /** Width of one character cell. */
  cell: number;
  /** Distance between baselines. */
  pitch: number;
  lines: number;
}

export function gridOf(t: Template): Grid {
  const { width, height, margins } = t.page;
  const measure = width - margins.left - margins.right;
  const blockHeight = height - margins.top - margins.bottom;
  return {
    left: margins.left,
    top: margins.top,
    measure,
    height: blockHeight,
    bottom: margins.top + blockHeight,
    right: margins.left + measure,
    cell: measure / t.grid.chars,
    pitch: blockHeight / t.grid.lines,
    lines: t.grid.lines,
  };
}

/** Baseline of text of `size` centred in grid line `index` (0-based from the top of the text block). */
export function baselineOf(grid: Grid, index: number, size: number): number {
  const slotBottom = grid.top + (index + 1) * grid.pitch;
  return slotBottom - (grid.pitch - size) / 2 - EM_BOX_DESCENT * size;
}
