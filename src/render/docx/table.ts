// A table in the Word file as a real Word table (w:tbl), so an editor can
// change a figure in it: the PDF's column widths, thick outer borders and thin
// inner ones, the header row marked to repeat on each page (w:tblHeader), rows
// never split across pages, each cell aligned as the PDF aligns it.

import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { CellAlign } from '../../issue/model.js';
import type { PartKind, TableParts } from '../../content/printed-words.js';
import { gridOf } from '../../layout/grid.js';
import type { FaceChooser } from '../../layout/metrics.js';
import { fitColumns } from '../../layout/table.js';
import type { Template } from '../../template/model.js';
import type { Runs } from './runs.js';
import { STYLE } from './style-ids.js';
import { eighths, hexColor, twips } from './units.js';

/** **strong** and *emphasis* in a cell in the body's character styles (the header row is its own style). */
const CHARACTER_STYLE: Partial<Record<PartKind, string>> = { strong: STYLE.strong, emphasis: STYLE.emphasis };

/** A cell's (or the header style's) alignment as Word writes it. */
export const ALIGN: Record<CellAlign, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

export function wordTable(p: TableParts, t: Template, runs: Runs, fonts: FaceChooser): Table {
  const measure = gridOf(t).measure;
  const fit = fitColumns(p, t, measure, fonts);
  const columns = p.rows[0]?.length ?? 0;
  // `check` refuses a table too wide; equal columns keep the file whole if one is written anyway.
  const widths = (fit.ok ? fit.widths : Array<number>(columns).fill(measure / columns)).map(twips);
  const { outer, inner, color } = t.table.rule;
  const side = (pt: number) => ({ style: BorderStyle.SINGLE, size: eighths(pt), color: hexColor(t.colors[color]) });
  const pad = twips(t.table.padding);
  const rows = p.rows.map(
    (cells, r) =>
      new TableRow({
        tableHeader: r < p.header,
        cantSplit: true,
        children: cells.map(
          (cell, c) =>
            new TableCell({
              width: { size: widths[c]!, type: WidthType.DXA },
              children: [
                new Paragraph({
                  style: r < p.header ? STYLE.tableHeader : STYLE.table,
                  alignment: ALIGN[cell.align],
                  children: cell.parts.flatMap((part) => runs(part.text, part.role, CHARACTER_STYLE[part.kind] ? { style: CHARACTER_STYLE[part.kind]! } : {})),
                }),
              ],
            }),
        ),
      }),
  );
  return new Table({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: pad, right: pad, top: 0, bottom: 0 },
    borders: { top: side(outer), bottom: side(outer), left: side(outer), right: side(outer), insideHorizontal: side(inner), insideVertical: side(inner) },
  });
}
