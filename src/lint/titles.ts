// A title should not end with a mark, and should fit in two lines. The line
// length is estimated from the template: the lead title is set on its own at
// its size across the measure; other titles take body-size cells of the grid,
// after the first-line indent. Latin letters and digits count half.

import type { Template } from '../template/model.js';
import { END_MARKS } from './chars.js';
import type { Findings } from './findings.js';
import { LINT_RULES } from './rules.js';
import type { MappedText } from './text-map.js';

export interface TitleMeasure {
  /** Characters on one line of the lead's display title. */
  leadPerLine: number;
  /** Body-size characters on one line, and the indent before a run-in title. */
  perLine: number;
  indent: number;
}

export function titleMeasure(t: Template): TitleMeasure {
  const measure = t.page.width - t.page.margins.left - t.page.margins.right;
  // A lead title's lines leave `narrower` free (layout/title.ts). A hair of tolerance: 398.2pt / 22pt is 18 characters, not 18.1.
  const leadMeasure = measure - t.lead.title.narrower;
  return { leadPerLine: Math.max(1, Math.floor(leadMeasure / t.lead.title.size + 1e-6)), perLine: t.grid.chars, indent: t.body.indent };
}

/** Width in characters: ASCII counts half, everything else one. */
export function estimatedWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x7f ? 0.5 : 1;
  return w;
}

export function checkTitle(m: MappedText, lead: boolean, measure: TitleMeasure | undefined, f: Findings): void {
  const last = m.text.length - 1;
  if (last >= 0 && END_MARKS.includes(m.text[last]!)) {
    f.warn(m, last, last + 1, LINT_RULES['title-end-punctuation'], { mark: m.text[last]! });
  }
  if (!measure) return;
  const perLine = lead ? measure.leadPerLine : measure.perLine;
  const width = estimatedWidth(m.text) + (lead ? 0 : measure.indent);
  const lines = Math.ceil(width / perLine);
  if (lines > 2) f.warn(m, 0, m.text.length, LINT_RULES['title-too-long'], { lines, perLine, over: Math.ceil(width - 2 * perLine) });
}
