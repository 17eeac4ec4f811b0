// A table on the grid. Each line of cell text takes one grid line, so a row is
// a whole number of grid lines and the text after the table stays on the grid.
// Columns are as wide as their content asks: each at least its widest
// unbreakable word or number (the same breaks as the body: kinsoku, numbers
// kept whole), the room left over shared by how much more each would take, the
// whole table the full measure. Ruled as offices rule tables: thick rules round
// the table, thin ones between rows and columns. Pagination breaks a table
// between rows only and repeats the header row at the top of each new page.

import type { CellParts, TableParts } from '../content/printed-words.js';
import type { Template } from '../template/model.js';
import { canBreakBefore, naturalWidth, toUnits, unitOffset, type Line, type Piece } from './compose.js';
import { PAGINATION, type DisplayItem, type Rule, type StructTag } from './display-list.js';
import { baselineOf, type Grid } from './grid.js';
import type { FaceChooser } from './metrics.js';
import { composeParagraph } from './text.js';

export interface TableRow {
  /** Grid lines the row takes: its tallest cell's lines of text (at least one). */
  lines: number;
  /** Per cell, its lines with their runs placed from the cell's left edge (padding and alignment done). */
  cells: Line[][];
  /** The row's structure element (TR); each cell's runs carry their TH or TD. */
  tag: StructTag;
}

export interface TableLayout {
  /** Column edges from the text block's left edge: columns + 1 of them, the first 0, the last the measure. */
  edges: number[];
  rows: TableRow[];
  /** Rows at the top that are the header, repeated on each page the table runs onto. */
  header: number;
  size: number;
}

/** The rows of a table that one page holds, from the grid line `slot` down. */
export interface TableSegment {
  layout: TableLayout;
  rows: number[];
  /** A page after the table's first: its header rows are a repeat (artifacts in the tagged edition). */
  continued: boolean;
}

/** Columns' widths, or how much the narrowest columns still pass the measure by. */
export type TableFit =
  | { ok: true; widths: number[] }
  | { ok: false; over: number; word: string; column: number };

function cellPieces(cell: CellParts, t: Template): Piece[] {
  return cell.parts.map((p) => ({ text: p.text, role: p.role, size: t.table.size, color: t.table.color, ...(p.role === t.body.font ? { latin: t.body.latin } : {}) }));
}

/** A cell's narrowest width (its widest unbreakable stretch, which `word` is) and its width on one line. */
function contentWidths(pieces: Piece[], fonts: FaceChooser): { min: number; max: number; word: string } {
  if (pieces.length === 0) return { min: 0, max: 0, word: '' };
  const units = toUnits(pieces, fonts, 0);
  let min = 0;
  let word = '';
  for (let s = 0, e = 1; e <= units.length; e++) {
    if (e < units.length && !canBreakBefore(units, e)) continue;
    const w = naturalWidth(units, s, e);
    if (w > min) {
      min = w;
      word = units.glyphs.text.slice(unitOffset(units, s), unitOffset(units, e)).trim();
    }
    s = e;
  }
  return { min, max: naturalWidth(units, 0, units.length), word };
}

/** Column widths that fill `measure`; each column's padding on both sides included. */
export function fitColumns(p: TableParts, t: Template, measure: number, fonts: FaceChooser): TableFit {
  const columns = p.rows[0]?.length ?? 0;
  const pad = 2 * t.table.padding;
  const min = Array<number>(columns).fill(pad);
  const max = Array<number>(columns).fill(pad);
  let widest = { width: 0, word: '', column: 0 };
  for (const row of p.rows) {
    row.forEach((cell, c) => {
      const w = contentWidths(cellPieces(cell, t), fonts);
      min[c] = Math.max(min[c]!, w.min + pad);
      max[c] = Math.max(max[c]!, w.max + pad);
      if (w.min > widest.width) widest = { width: w.min, word: w.word, column: c };
    });
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const least = sum(min);
  if (least > measure + 1e-6) return { ok: false, over: least - measure, word: widest.word, column: widest.column };
  const most = sum(max);
  // All on one line each: the room left over shared out in proportion, so the table is full width.
  if (most <= measure) return { ok: true, widths: max.map((w) => w + ((measure - most) * w) / most) };
  // Else each column gets its minimum and a share of the rest by how much wider it would like to be.
  const share = (measure - least) / (most - least);
  return { ok: true, widths: min.map((w, c) => w + (max[c]! - w) * share) };
}

/** The table set in its columns. `article`: the item's structure element. */
/** `fit`: the columns fitColumns gave for this table and measure, when the caller has them already (check). */
export function layoutTable(p: TableParts, t: Template, grid: Grid, fonts: FaceChooser, article?: StructTag, fit = fitColumns(p, t, grid.measure, fonts)): TableLayout {
  // `check` reports a table too wide (checkTables); set anyway, its columns squeezed in proportion.
  const widths = fit.ok ? fit.widths : squeezed(p, t, grid.measure, fonts);
  const edges = [0];
  for (const w of widths) edges.push(edges.at(-1)! + w);
  edges[edges.length - 1] = grid.measure;
  const pad = t.table.padding;
  const table: StructTag = { type: 'Table', ...(article ? { parent: article } : {}) };
  const rows = p.rows.map((cells, r): TableRow => {
    const tag: StructTag = { type: 'TR', parent: table };
    const set = cells.map((cell, c) => {
      const inner = edges[c + 1]! - edges[c]! - 2 * pad;
      const cellTag: StructTag = { type: r < p.header ? 'TH' : 'TD', parent: tag };
      const lines = cell.parts.length ? composeParagraph(cellPieces(cell, t), fonts, { measure: inner, indent: 0, tracking: 0, justify: false }) : [];
      return lines.map((line) => {
        const free = Math.max(0, inner - line.width);
        const x = pad + (cell.align === 'right' ? free : cell.align === 'center' ? free / 2 : 0);
        return { ...line, runs: line.runs.map((run) => ({ ...run, x: run.x + x, tag: cellTag })) };
      });
    });
    return { lines: Math.max(1, ...set.map((l) => l.length)), cells: set, tag };
  });
  return { edges, rows, header: p.header, size: t.table.size };
}

function squeezed(p: TableParts, t: Template, measure: number, fonts: FaceChooser): number[] {
  const columns = p.rows[0]?.length ?? 0;
  const fit = fitColumns(p, { ...t, table: { ...t.table, padding: 0 } }, Number.POSITIVE_INFINITY, fonts);
  const want = fit.ok ? fit.widths : Array<number>(columns).fill(1);
  const total = want.reduce((a, b) => a + b, 0) || 1;
  return want.map((w) => (w * measure) / total);
}

/** Grid lines of the header rows. */
export function headerLines(layout: TableLayout): number {
  return layout.rows.slice(0, layout.header).reduce((n, r) => n + r.lines, 0);
}

/** A vertical rule: a rule is a filled box, here as wide as its thickness and as tall as it runs. */
function verticalRule(x: number, top: number, bottom: number, thickness: number, color: string): Rule {
  return { kind: 'rule', x, y: (top + bottom) / 2, width: thickness, thickness: bottom - top, color };
}

/** The display items of one page's part of a table whose first row starts at grid line `slot`. */
export function segmentItems(segment: TableSegment, slot: number, grid: Grid, t: Template): DisplayItem[] {
  const { layout, rows, continued } = segment;
  const { outer, inner, color } = t.table.rule;
  const items: DisplayItem[] = [];
  const ys = [grid.top + slot * grid.pitch];
  for (const r of rows) {
    const row = layout.rows[r]!;
    row.cells.forEach((lines, c) => {
      lines.forEach((line, k) => {
        const y = baselineOf(grid, slot + k, layout.size);
        for (const run of line.runs) items.push({ ...run, x: grid.left + layout.edges[c]! + run.x, y, ...(continued && r < layout.header ? { tag: PAGINATION } : {}) });
      });
    });
    slot += row.lines;
    ys.push(grid.top + slot * grid.pitch);
  }
  const top = ys[0]!;
  const bottom = ys.at(-1)!;
  ys.forEach((y, i) => {
    const thickness = i === 0 || i === ys.length - 1 ? outer : inner;
    items.push({ kind: 'rule', x: grid.left, y, width: grid.measure, thickness, color });
  });
  // The outer rules inside the table's edges, closing the corners; the inner ones centred on the column edges.
  const columns = layout.edges.length - 1;
  items.push(verticalRule(grid.left, top - outer / 2, bottom + outer / 2, outer, color));
  for (let c = 1; c < columns; c++) items.push(verticalRule(grid.left + layout.edges[c]! - inner / 2, top, bottom, inner, color));
  items.push(verticalRule(grid.right - outer, top - outer / 2, bottom + outer / 2, outer, color));
  return items;
}
