// Every number of a template checked against what layout can work with, so
// that `check` reports what `build` would otherwise hit: `grid: {chars: 0}`
// divides the line by zero and paginates for ever, a negative size or a
// margin wider than the page leaves no text block, a masthead taller than
// the page leaves no room for a single line.

import type { Localized } from '../diagnostics/diagnostic.js';
import { TEMPLATE_REASONS } from './messages.js';
import type { Template } from './model.js';
import { isOneVisibleCharacter } from '../text/visible.js';

/** The ranges (stated in the README). Lengths are in points. */
export const TEMPLATE_LIMITS = {
  chars: { min: 4, max: 100 },
  lines: { min: 4, max: 200 },
  /** A page side: up to 5000 pt (1.76 m). */
  page: 5000,
  /** A type size: up to 500 pt. */
  size: 500,
} as const;

/** Reports a value at its key's place (load.ts's `fail`). */
export type Fail = (keys: string[], reason: Localized) => void;

export function validateTemplate(t: Template, fail: Fail): void {
  const say = (name: keyof typeof TEMPLATE_REASONS, values: Record<string, number | string> = {}): Localized => {
    const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
    return { en: fill(TEMPLATE_REASONS[name].en), zh: fill(TEMPLATE_REASONS[name].zh) };
  };
  const sayBoth = (name: keyof typeof TEMPLATE_REASONS, side: Localized): Localized => ({
    en: TEMPLATE_REASONS[name].en.replace('{side}', side.en),
    zh: TEMPLATE_REASONS[name].zh.replace('{side}', side.zh),
  });
  const wholeIn = (keys: string[], v: number, min: number, max: number) => {
    if (!Number.isInteger(v) || v < min || v > max) fail(keys, say('whole', { min, max }));
  };
  const lengthIn = (keys: string[], v: number, min: number, max: number, above = false) => {
    if (!Number.isFinite(v) || v < min || (above && v === min) || v > max) fail(keys, say(above ? 'above' : 'between', { min, max }));
  };

  const { chars, lines } = TEMPLATE_LIMITS;
  let gridOk = true;
  const gridIn = (keys: string[], v: number, min: number, max: number) => {
    if (!Number.isInteger(v) || v < min || v > max) gridOk = false;
    wholeIn(keys, v, min, max);
  };
  gridIn(['grid', 'chars'], t.grid.chars, chars.min, chars.max);
  gridIn(['grid', 'lines'], t.grid.lines, lines.min, lines.max);

  const { width, height, margins } = t.page;
  lengthIn(['page', 'width'], width, 0, TEMPLATE_LIMITS.page, true);
  lengthIn(['page', 'height'], height, 0, TEMPLATE_LIMITS.page, true);
  for (const side of ['top', 'bottom', 'left', 'right'] as const) lengthIn(['page', 'margins', side], margins[side], 0, TEMPLATE_LIMITS.page);
  if (width - margins.left - margins.right <= 0) fail(['page', 'margins', 'left'], sayBoth('noBlock', { en: 'width', zh: '宽度' }));
  if (height - margins.top - margins.bottom <= 0) fail(['page', 'margins', 'top'], sayBoth('noBlock', { en: 'height', zh: '高度' }));

  const sizes: Array<[string[], number]> = [
    [['body', 'size'], t.body.size],
    [['masthead', 'name', 'size'], t.masthead.name.size],
    [['masthead', 'number', 'size'], t.masthead.number.size],
    [['masthead', 'publisher', 'size'], t.masthead.publisher.size],
    [['lead', 'title', 'size'], t.lead.title.size],
    [['footer', 'size'], t.footer.size],
    [['pageNumber', 'size'], t.pageNumber.size],
    [['figure', 'caption', 'size'], t.figure.caption.size],
    [['table', 'size'], t.table.size],
    [['masthead', 'name', 'minSize'], t.masthead.name.minSize],
    [['masthead', 'marking', 'size'], t.masthead.marking.size],
    [['masthead', 'series', 'size'], t.masthead.series.size],
  ];
  for (const [keys, v] of sizes) lengthIn(keys, v, 0, TEMPLATE_LIMITS.size, true);

  const page = Math.max(width, height);
  const lengths: Array<[string[], number]> = [
    [['masthead', 'name', 'baseline'], t.masthead.name.baseline],
    [['masthead', 'number', 'baseline'], t.masthead.number.baseline],
    [['masthead', 'publisher', 'baseline'], t.masthead.publisher.baseline],
    [['masthead', 'rule', 'thickness'], t.masthead.rule.thickness],
    [['masthead', 'rule', 'at'], t.masthead.rule.at],
    [['footer', 'thick'], t.footer.thick],
    [['footer', 'thin'], t.footer.thin],
    [['pageNumber', 'below'], t.pageNumber.below],
    [['table', 'rule', 'outer'], t.table.rule.outer],
    [['table', 'rule', 'inner'], t.table.rule.inner],
    [['masthead', 'marking', 'baseline'], t.masthead.marking.baseline],
    [['masthead', 'series', 'baseline'], t.masthead.series.baseline],
    [['masthead', 'series', 'numberBaseline'], t.masthead.series.numberBaseline],
  ];
  for (const [keys, v] of lengths) lengthIn(keys, v, 0, page);
  // Composition: justification and the ellipsis's closing stay within a character; the 一字线's raise within its size.
  // (Measured against their size only when that size is itself right: one wrong size is one error.)
  const sizeOk = (v: number) => Number.isFinite(v) && v > 0 && v <= TEMPLATE_LIMITS.size;
  if (sizeOk(t.body.size)) {
    lengthIn(['body', 'maxStretch'], t.body.maxStretch, 0, t.body.size);
    lengthIn(['body', 'ellipsisClose'], t.body.ellipsisClose, 0, t.body.size);
  }
  if (!(t.body.widowFill >= 0 && t.body.widowFill <= 1)) fail(['body', 'widowFill'], say('fraction', { min: 0, max: 1 }));
  lengthIn(['lead', 'title', 'narrower'], t.lead.title.narrower, 0, width);
  if (sizeOk(t.table.size)) lengthIn(['table', 'padding'], t.table.padding, 0, 2 * t.table.size);
  if (sizeOk(t.pageNumber.size)) lengthIn(['pageNumber', 'dashRaise'], t.pageNumber.dashRaise, -t.pageNumber.size, t.pageNumber.size);
  lengthIn(['masthead', 'name', 'letterSpacing'], t.masthead.name.letterSpacing, -t.masthead.name.size, page);

  // The brief marker: one visible character (△, ◆), then the spaces before the text.
  const [mark = '', ...rest] = t.brief.marker.split(/(?=\s)/u);
  if (!isOneVisibleCharacter(mark) || !/^\s*$/u.test(rest.join(''))) fail(['brief', 'marker'], say('marker'));

  // Counts of characters and grid lines, against a grid that is itself right.
  if (!gridOk) return;
  const c = t.grid.chars;
  const l = t.grid.lines;
  wholeIn(['body', 'indent'], t.body.indent, 0, Math.max(0, c - 1));
  wholeIn(['body', 'orphans'], t.body.orphans, 1, l);
  wholeIn(['body', 'widows'], t.body.widows, 1, l);
  wholeIn(['body', 'laterOrphans'], t.body.laterOrphans, 1, l);
  wholeIn(['masthead', 'lines'], t.masthead.lines, 0, Math.max(0, l - 1));
  wholeIn(['lead', 'title', 'spaceAfter'], t.lead.title.spaceAfter, 0, l);
  // Balancing tries every way to cut a title into up to maxLines lines: a few, or it would take long.
  wholeIn(['lead', 'title', 'maxLines'], t.lead.title.maxLines, 1, 8);
  wholeIn(['figure', 'spaceBefore'], t.figure.spaceBefore, 0, l);
  wholeIn(['figure', 'spaceAfter'], t.figure.spaceAfter, 0, l);
  wholeIn(['note', 'spaceAfter'], t.note.spaceAfter, 0, l);
  wholeIn(['note', 'issueSpaceAfter'], t.note.issueSpaceAfter, 0, l);
  wholeIn(['footer', 'minGap'], t.footer.minGap, 0, l);
  wholeIn(['table', 'spaceBefore'], t.table.spaceBefore, 0, l);
  wholeIn(['table', 'spaceAfter'], t.table.spaceAfter, 0, l);
  for (const [keys, v] of [[['footer', 'inset'], t.footer.inset], [['pageNumber', 'inset'], t.pageNumber.inset]] as const) {
    if (!Number.isFinite(v) || v < 0 || v > c / 4) fail([...keys], say('count', { min: 0, max: c / 4 }));
  }
}
