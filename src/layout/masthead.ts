// The masthead (报头) on page 1: the red name, 第N期, publisher and date, red rule.

import { dateLine, numberLine } from '../content/parts.js';
import type { Issue } from '../issue/model.js';
import type { Template, TextStyle } from '../template/model.js';
import type { DisplayItem, GlyphRun, StructTag } from './display-list.js';
import type { Grid } from './grid.js';
import type { FaceChooser } from './metrics.js';
import { inkWidth, place, setSingleLine } from './text.js';

// Kept here too: older code imports fill from this module.
export { fill } from '../content/parts.js';

export function mastheadItems(issue: Issue, t: Template, grid: Grid, fonts: FaceChooser): DisplayItem[] {
  const m = t.masthead;
  const piece = (text: string, s: TextStyle) => ({ text, role: s.font, size: s.size, color: s.color });
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
  centred(numberLine(issue, t), m.number, m.number.baseline);

  const y = grid.top + m.publisher.baseline;
  add(place(setSingleLine([piece(issue.publisher.value, m.publisher)], fonts), grid.left, y));
  const date = setSingleLine([piece(dateLine(issue, t), m.publisher)], fonts);
  add(place(date, grid.right - date.width, y));

  items.push({ kind: 'rule', x: grid.left, y: grid.top + m.rule.at, width: grid.measure, thickness: m.rule.thickness, color: m.rule.color });
  return items;
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
  const width = (tracking: number) => inkWidth(setSingleLine([{ text: name, role: m.font, size: m.size, color: m.color }], fonts, tracking), tracking);
  if (width(m.letterSpacing) <= measure) return { size: m.size, tracking: m.letterSpacing };
  const bare = width(0);
  const gaps = [...name].length - 1;
  if (bare <= measure) return { size: m.size, tracking: gaps > 0 ? (measure - bare) / gaps : 0 };
  // Without spacing the width is proportional to the size; hundredths of a point, rounded down.
  const size = Math.floor(((m.size * measure) / bare) * 100) / 100;
  return size >= m.minSize ? { size, tracking: 0 } : undefined;
}
