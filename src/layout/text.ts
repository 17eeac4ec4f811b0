// Small helpers over compose: a paragraph in lines, a single unbroken line,
// and moving a line's runs to their place on the page.

import { breakLines, setLine, spacesAtBreak, toUnits, type ComposeOptions, type Line, type Piece } from './compose.js';
import type { GlyphRun } from './display-list.js';
import type { FaceChooser } from './metrics.js';

export function composeParagraph(pieces: Piece[], fonts: FaceChooser, opt: ComposeOptions): Line[] {
  const units = toUnits(pieces, fonts, opt.tracking);
  const ranges = breakLines(units, opt);
  return ranges.map((r, i) => {
    const line = setLine(units, r, opt, i === 0, i === ranges.length - 1);
    const after = i + 1 < ranges.length ? spacesAtBreak(units, r, ranges[i + 1]![0]) : '';
    if (after) line.after = after;
    return line;
  });
}

/** Text set on one line at its natural width (masthead, page numbers, labels). */
export function setSingleLine(pieces: Piece[], fonts: FaceChooser, tracking = 0): Line {
  const units = toUnits(pieces, fonts, tracking);
  return setLine(units, [0, units.length], { measure: Number.POSITIVE_INFINITY, indent: 0, tracking, justify: false }, true, true);
}

/** Runs of a line moved to (x, baseline). */
export function place(line: Line, x: number, y: number): GlyphRun[] {
  return line.runs.map((r) => ({ ...r, x: r.x + x, y }));
}

/** Visible width of a line set with tracking: the spacing after its last glyph is not part of it. */
export function inkWidth(line: Line, tracking: number): number {
  return line.width - tracking;
}
