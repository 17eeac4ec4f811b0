// Small helpers over compose: a paragraph in lines, a single unbroken line,
// and moving a line's runs to their place on the page.

import { breakLines, isWholePiece, lineStretch, setLine, toUnits, type ComposeOptions, type Line, type Piece } from './compose.js';
import type { GlyphRun } from './display-list.js';
import type { FaceChooser } from './metrics.js';

/**
 * A paragraph in lines. An attribution that went whole to a line of its own is set flush right; the
 * line before it is justified unless that would stretch it past twice opt.maxStretch (then it ends flush left).
 */
export function composeParagraph(pieces: Piece[], fonts: FaceChooser, opt: ComposeOptions): Line[] {
  const units = toUnits(pieces, fonts, opt.tracking);
  const ranges = breakLines(units, opt);
  const last = ranges.length - 1;
  const tail = last > 0 && isWholePiece(units, ranges[last]!);
  const looseBefore = tail && opt.maxStretch !== undefined && lineStretch(units, ranges[last - 1]!, opt, last - 1 === 0) > 2 * opt.maxStretch;
  const lines = ranges.map((r, i) => setLine(units, r, opt, i === 0, i === last || (looseBefore && i === last - 1)));
  if (tail && opt.justify) {
    const line = lines[last]!;
    const shift = opt.measure - line.width;
    lines[last] = { ...line, runs: line.runs.map((r) => ({ ...r, x: r.x + shift })), width: line.width + shift };
  }
  return lines;
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
