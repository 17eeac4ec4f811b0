// The page in Word's units, and the document grid that makes Word show the
// template's grid (28 characters × 22 lines). Word counts whole cells, so both
// pitches are rounded down: rounding up would lose a character or a line.

import type { Template } from '../../template/model.js';
import { twips } from './units.js';

export interface WordGeometry {
  page: { width: number; height: number };
  margins: { top: number; bottom: number; left: number; right: number };
  /** Text block in twips. */
  textWidth: number;
  textHeight: number;
  /** w:docGrid linePitch: twips from one grid line to the next. */
  linePitch: number;
  /**
   * w:docGrid charSpace: the character pitch minus the Normal style's font
   * size, in 4096ths of a point (ECMA-376 §17.6.5).
   */
  charSpace: number;
  /** The character pitch in points that charSpace gives. */
  cell: number;
}

export function wordGeometry(t: Template): WordGeometry {
  const m = t.page.margins;
  const page = { width: twips(t.page.width), height: twips(t.page.height) };
  const margins = { top: twips(m.top), bottom: twips(m.bottom), left: twips(m.left), right: twips(m.right) };
  const textWidth = page.width - margins.left - margins.right;
  const textHeight = page.height - margins.top - margins.bottom;
  const charSpace = Math.floor((textWidth / 20 / t.grid.chars - t.body.size) * 4096);
  return {
    page,
    margins,
    textWidth,
    textHeight,
    linePitch: Math.floor(textHeight / t.grid.lines),
    charSpace,
    cell: t.body.size + charSpace / 4096,
  };
}
