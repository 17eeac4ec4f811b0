// A GFM pipe table in an item: a header row, the delimiter row that gives each
// column's alignment, then the body rows. A cell holds what a paragraph holds
// (**bold**, *emphasis*); anything else in it is reported as in a paragraph.
// Department statistics tables are small: past TABLE_LIMITS the table gets one
// located error rather than pages of cells too narrow to read.

import type { Table as MdTable, TableCell as MdCell } from 'mdast';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { readParagraph, startOf } from './inline.js';
import type { Paragraph, Table, TableCell } from './model.js';
import type { SourceText } from './source.js';

export const TABLE_LIMITS = {
  /** Columns of one table (a page of 28 characters holds few more). */
  columns: 12,
  /** Rows of one table, its header included. */
  rows: 200,
  /** Characters of one cell. */
  cell: 200,
} as const;

const WHAT = { columns: { en: 'columns', zh: '列' }, rows: { en: 'rows', zh: '行' } };

/** The table as a paragraph of its own, or undefined when it has an error (reported). */
export function readTable(node: MdTable, src: SourceText, diags: Diagnostics): Paragraph | undefined {
  const at = src.place(startOf(node));
  const columns = node.align?.length ?? node.children[0]?.children.length ?? 0;
  const tooMany = (what: 'columns' | 'rows', count: number, from: number, to: number) =>
    diags.error(src.file, src.position(from), 'table/too-large', { what: WHAT[what], count, limit: TABLE_LIMITS[what] }, src.position(to));
  if (columns > TABLE_LIMITS.columns) {
    tooMany('columns', columns, at.offset, endOf(node.children[0]!, src));
    return undefined;
  }
  if (node.children.length > TABLE_LIMITS.rows) {
    tooMany('rows', node.children.length, startOf(node.children[TABLE_LIMITS.rows]!), endOf(node, src));
    return undefined;
  }
  let ok = true;
  const rows: TableCell[][] = [];
  for (const row of node.children) {
    // GFM drops cells past the header's count; here they would be lost words.
    const extra = row.children[columns];
    if (extra) {
      const last = row.children.at(-1)!;
      const end = src.position(endOf(last.children.at(-1) ?? last, src));
      diags.error(src.file, src.position(startOf(extra.children[0] ?? extra)), 'table/extra-cells', { count: row.children.length, columns }, end);
      ok = false;
    }
    const cells = row.children.slice(0, columns).map((c) => readCell(c, src, diags));
    cells.forEach((c, i) => {
      const length = c.inlines.reduce((n, run) => n + [...run.text].length, 0);
      if (length > TABLE_LIMITS.cell) {
        const cell = row.children[i]!;
        diags.error(src.file, c.at, 'table/cell-too-long', { length, limit: TABLE_LIMITS.cell }, src.position(endOf(cell.children.at(-1) ?? cell, src)));
        ok = false;
      }
    });
    // A row written with fewer cells has empty ones at its end (as GFM reads it).
    while (cells.length < columns) cells.push({ inlines: [], at: src.place(row.position?.end.offset ?? startOf(row)) });
    rows.push(cells);
  }
  if (!ok) return undefined;
  const table: Table = {
    align: Array.from({ length: columns }, (_, i) => node.align?.[i] ?? undefined),
    rows,
    rowAt: node.children.map((r) => src.place(startOf(r))),
    at,
  };
  return { inlines: [], at, table };
}

/** Where a node ends, before a line break that closes it. */
function endOf(node: { position?: { end: { offset?: number } } }, src: SourceText): number {
  let end = node.position?.end.offset ?? 0;
  while (end > 0 && (src.text[end - 1] === '\n' || src.text[end - 1] === '\r')) end--;
  return end;
}

function readCell(cell: MdCell, src: SourceText, diags: Diagnostics): TableCell {
  const read = readParagraph({ type: 'paragraph', children: cell.children, ...(cell.position ? { position: cell.position } : {}) }, src, diags);
  // A cell is one line of source: no line breaks to join, but `\|` and spaces at its edges are not printed.
  const inlines = read.inlines.map((i) => ({ ...i, text: i.text.replace(/\n/g, '') })).filter((i) => i.text !== '');
  // Reported at its first character, not at the `|` before it.
  return { inlines, at: read.inlines[0]?.at ?? read.at };
}
