// Layout of a whole issue: masthead, body flowed on the grid, footer on the
// last page's bottom lines, page numbers. Pure: Issue + Template + fonts → Page[].

import { fill } from '../content/printed-words.js';
import type { Issue } from '../issue/model.js';
import type { Template } from '../template/model.js';
import { bodyBlocks, type BlockCache } from './blocks.js';
import { PAGINATION, type DisplayItem, type GlyphRun, type Page } from './display-list.js';
import { footerLayout } from './footer.js';
import { baselineOf, gridOf, type Grid } from './grid.js';
import { mastheadItems } from './masthead.js';
import type { FaceChooser } from './metrics.js';
import { paginate } from './paginate.js';
import { segmentItems } from './table.js';
import { setSingleLine } from './text.js';

export type { Page, DisplayItem, GlyphRun, ImageBox, Rule } from './display-list.js';
export type { BlockCache } from './blocks.js';

/**
 * `cache` (watch mode) keeps unchanged items' blocks; pagination and everything after it always rerun.
 * `firstPage`: the number printed on the first page (a bound volume numbers its issues on).
 */
export function layoutIssue(issue: Issue, t: Template, fonts: FaceChooser, cache?: BlockCache, firstPage = 1): Page[] {
  const grid = gridOf(t);
  const keep = { ...t.body, fullLine: t.body.widowFill * grid.measure, laterOrphans: t.body.laterOrphans };
  const blocks = bodyBlocks(issue, t, grid, fonts, cache);
  const flow = paginate(blocks, grid.lines, t.masthead.lines, keep);
  const pages: DisplayItem[][] = flow.pages.map((slots) => {
    const items: DisplayItem[] = [];
    slots.forEach((s, i) => {
      if (!s) return;
      const y = baselineOf(grid, i, s.size);
      const tag = blocks[s.block]!.tag;
      for (const r of s.line.runs) items.push({ ...r, x: grid.left + s.offset + r.x, y, tag: r.tag ?? tag });
      if (s.line.after && s.line.runs.length) (items[items.length - 1] as GlyphRun).after = s.line.after;
      if (s.table) items.push(...segmentItems(s.table, i, grid, t));
      if (s.image) {
        const { image, x, y: top, width, height, tag: figure } = s.image;
        items.push({ kind: 'image', image, x: grid.left + x, y: grid.top + i * grid.pitch + top, width, height, tag: figure });
      }
    });
    return items;
  });
  pages[0]!.unshift(...mastheadItems(issue, t, grid, fonts));

  const footer = footerLayout(issue, t, grid, fonts);
  let footerOnly = false;
  if (footer) {
    const n = footer.lines.length;
    if (flow.lastUsed + t.footer.minGap + n > grid.lines) {
      pages.push([]);
      footerOnly = true;
    }
    const items = pages[pages.length - 1]!;
    const first = grid.lines - n;
    footer.lines.forEach((runs, i) => {
      const y = baselineOf(grid, first + i, t.footer.size);
      for (const r of runs) items.push({ ...r, x: grid.left + r.x, y });
    });
    for (const rule of footer.rules) {
      // Rules lie inside the text block: the bottom one's lower edge on the block's bottom edge.
      const edge = grid.top + (first + rule.at) * grid.pitch;
      const y = rule.at === n ? edge - rule.thickness / 2 : edge;
      items.push({ kind: 'rule', x: grid.left, y, width: grid.measure, thickness: rule.thickness, color: t.footer.color });
    }
  }

  return pages.map((items, i) => {
    const last = i === pages.length - 1;
    if (!(last && footerOnly && !t.pageNumber.onFooterOnlyPage)) items.push(...pageNumber(firstPage + i, t, grid, fonts));
    return { width: t.page.width, height: t.page.height, items };
  });
}

export function pageNumber(n: number, t: Template, grid: Grid, fonts: FaceChooser): DisplayItem[] {
  const p = t.pageNumber;
  const line = setSingleLine([{ text: fill(p.format, { n }), role: p.font, size: p.size, color: p.color }], fonts);
  // GB/T 9704 §7.5: the 一字线 lies `below` under the text block; the baseline is the dash's height lower.
  const y = grid.bottom + p.below + p.dashRaise;
  const inset = p.inset * p.size;
  let x: number;
  if (p.position === 'center') x = grid.left + (grid.measure - line.width) / 2;
  else x = n % 2 === 1 ? grid.right - inset - line.width : grid.left + inset;
  return line.runs.map((r) => ({ ...r, x: x + r.x, y, tag: PAGINATION }));
}
