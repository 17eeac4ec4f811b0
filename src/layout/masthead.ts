// The masthead (报头) on page 1: the red name, 第N期, publisher and date, red rule.

import { dateLine, numberLine, seriesLine, signOffLine } from '../content/printed-words.js';
import type { Issue } from '../issue/model.js';
import type { Template, TextStyle } from '../template/model.js';
import type { DisplayItem, GlyphRun, StructTag } from './display-list.js';
import type { Grid } from './grid.js';
import type { FaceChooser } from './metrics.js';
import type { Line } from './compose.js';
import { inkWidth, place, setSingleLine } from './text.js';

// Kept here too: older code imports fill from this module.
export { fill } from '../content/printed-words.js';

/** A piece of masthead text in one of the template's text styles. */
const piece = (text: string, s: TextStyle) => ({ text, role: s.font, size: s.size, color: s.color });

export function mastheadItems(issue: Issue, t: Template, grid: Grid, fonts: FaceChooser): DisplayItem[] {
  const m = t.masthead;
  const items: DisplayItem[] = [];
  // In the logical structure a division of paragraphs, one a line (the rule is an artifact).
  const masthead: StructTag = { type: 'Div' };
  const add = (runs: GlyphRun[]) => {
    const tag: StructTag = { type: 'P', parent: masthead };
    for (const r of runs) items.push({ ...r, tag });
  };
  const centred = (text: string, s: TextStyle, baseline: number, tracking = 0) => {
    const line = setSingleLine([piece(text, s)], fonts, tracking);
    add(place(line, grid.left + (grid.measure - inkWidth(line, tracking)) / 2, grid.top + baseline));
  };
  // check reports a name too long for minSize; here it is set at minSize anyway, never past the text block.
  const fit = fitMastheadName(issue.masthead.value, t, grid.measure, fonts) ?? { size: m.name.minSize, tracking: 0 };
  centred(issue.masthead.value, { ...m.name, size: fit.size }, m.name.baseline, fit.tracking);
  const series = seriesLine(issue, t);
  if (series) centred(series, m.series, m.series.baseline);
  const numberBaseline = series ? m.series.numberBaseline : m.number.baseline;
  centred(numberLine(issue, t), m.number, numberBaseline);

  // 密级 flush left and 份号 flush right on the top line of the text block (GB/T 9704 §7.2.1–2).
  const marking = markingLines(issue, t, fonts);
  const markingY = grid.top + m.marking.baseline;
  if (marking.left) add(place(marking.left, grid.left, markingY));
  if (marking.right) add(place(marking.right, grid.right - marking.right.width, markingY));
  // The sign-off flush right on the number line when the template puts it there (as 签发人 in a 公文).
  const signOff = t.signOff.place === 'number' ? signOffLine(issue, t) : undefined;
  if (signOff) {
    const line = setSingleLine([piece(signOff, m.number)], fonts);
    add(place(line, grid.right - line.width, grid.top + numberBaseline));
  }

  const y = grid.top + m.publisher.baseline;
  add(place(setSingleLine([piece(issue.publisher.value, m.publisher)], fonts), grid.left, y));
  const date = setSingleLine([piece(dateLine(issue, t), m.publisher)], fonts);
  add(place(date, grid.right - date.width, y));

  items.push({ kind: 'rule', x: grid.left, y: grid.top + m.rule.at, width: grid.measure, thickness: m.rule.thickness, color: m.rule.color });
  return items;
}

/** The classification (left) and copy number (right) as set, either absent when not written. */
export function markingLines(issue: Issue, t: Template, fonts: FaceChooser): { left?: Line; right?: Line } {
  const s = t.masthead.marking;
  const set = (text: string) => setSingleLine([piece(text, s)], fonts);
  return {
    ...(issue.classification ? { left: set(issue.classification.value) } : {}),
    ...(issue.copyNumber ? { right: set(issue.copyNumber.value) } : {}),
  };
}

/**
 * What would collide in the masthead: the classification with the copy number, or a sign-off set on the
 * number line with the centred number. check reports each at its issue.yaml line.
 */
export function mastheadCollisions(issue: Issue, t: Template, measure: number, fonts: FaceChooser): Array<'marking' | 'signOff'> {
  const out: Array<'marking' | 'signOff'> = [];
  const gap = t.masthead.marking.size; // at least one character between the two
  const marking = markingLines(issue, t, fonts);
  if (marking.left && marking.right && marking.left.width + gap + marking.right.width > measure) out.push('marking');
  const signOff = t.signOff.place === 'number' ? signOffLine(issue, t) : undefined;
  if (signOff) {
    const s = t.masthead.number;
    const width = (text: string) => setSingleLine([piece(text, s)], fonts).width;
    if ((measure + width(numberLine(issue, t))) / 2 + s.size > measure - width(signOff)) out.push('signOff');
  }
  return out;
}

export interface NameFit {
  size: number;
  /** Letter spacing, in points. */
  tracking: number;
}

/**
 * The masthead name fitted to the text block's width: as the template sets it if it fits, else with
 * less letter spacing, else without any and smaller, down to masthead.name.minSize. Undefined when
 * even that is too wide (check reports it at the `masthead` line of issue.yaml).
 */
export function fitMastheadName(name: string, t: Template, measure: number, fonts: FaceChooser): NameFit | undefined {
  const m = t.masthead.name;
  const width = (tracking: number) => inkWidth(setSingleLine([piece(name, m)], fonts, tracking), tracking);
  if (width(m.letterSpacing) <= measure) return { size: m.size, tracking: m.letterSpacing };
  const bare = width(0);
  const gaps = [...name].length - 1;
  if (bare <= measure) return { size: m.size, tracking: gaps > 0 ? (measure - bare) / gaps : 0 };
  // Without spacing the width is proportional to the size; hundredths of a point, rounded down.
  const size = Math.floor(((m.size * measure) / bare) * 100) / 100;
  return size >= m.minSize ? { size, tracking: 0 } : undefined;
}
