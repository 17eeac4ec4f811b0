// Small helpers over compose: a paragraph in lines, a single unbroken line,
// and moving a line's runs to their place on the page.

import { breakWords, isShort, isWholePiece, lineStretch, setLine, spacesAtBreak, toUnits, type ComposeOptions, type Line, type Piece, type Units } from './compose.js';
import type { GlyphRun } from './display-list.js';
import type { FaceChooser } from './metrics.js';

/**
 * A paragraph in lines. An attribution that went whole to a line of its own is set flush right; the
 * line before it is justified unless that would stretch it past twice opt.maxStretch (then it ends flush left).
 */
export function composeParagraph(pieces: Piece[], fonts: FaceChooser, opt: ComposeOptions): Line[] {
  const units = toUnits(pieces, fonts, opt.tracking);
  // A paragraph that is nothing but an attribution (after a closing table) is set flush right too.
  const alone = pieces.length === 1 && pieces[0]!.keep === 'whole';
  return setLines(units, breakWords(units, opt), opt, alone);
}

function setLines(units: Units, ranges: Array<[number, number]>, opt: ComposeOptions, alone = false): Line[] {
  const last = ranges.length - 1;
  const tail = (last > 0 || alone) && isWholePiece(units, ranges[last]!);
  const looseBefore = tail && last > 0 && opt.maxStretch !== undefined && lineStretch(units, ranges[last - 1]!, opt, last - 1 === 0) > 2 * opt.maxStretch;
  const lines = ranges.map((r, i) => {
    const line = setLine(units, r, opt, i === 0, i === last || (looseBefore && i === last - 1));
    // The spaces a break swallows, kept as text (the tagged edition draws them past the line's end).
    const after = i < last ? spacesAtBreak(units, r, ranges[i + 1]![0]) : '';
    if (after) line.after = after;
    return line;
  });
  if (tail && opt.justify) {
    const line = lines[last]!;
    const shift = opt.measure - line.width;
    lines[last] = { ...line, runs: line.runs.map((r) => ({ ...r, x: r.x + shift })), width: line.width + shift };
  }
  return lines;
}

/**
 * The paragraph in count + 1 lines, if breaking it at a measure up to `most` points narrower gives that
 * many (then set at the full measure: each line a little looser); undefined if not, or if its last line
 * would be a single character.
 */
export function composeLonger(pieces: Piece[], fonts: FaceChooser, opt: ComposeOptions, count: number, most: number): Line[] | undefined {
  const units = toUnits(pieces, fonts, opt.tracking);
  for (const part of [0.25, 0.5, 0.75, 1]) {
    const narrower = { ...opt, measure: opt.measure - part * most, maxStretch: undefined };
    const ranges = breakWords(units, narrower);
    if (ranges.length < count + 1) continue;
    if (ranges.length > count + 1 || isShort(units, ranges.at(-1)!)) return undefined;
    // Every justified line within the limit.
    const tail = isWholePiece(units, ranges.at(-1)!) ? 1 : 0;
    const limit = opt.maxStretch ?? 0;
    if (ranges.slice(0, -1 - tail).some((r, i) => lineStretch(units, r, opt, i === 0) > limit)) continue;
    return setLines(units, ranges, opt);
  }
  return undefined;
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
