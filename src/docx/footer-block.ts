// The footer (报尾) as a one-column table: a thick rule above and below, thin
// rules between the groups (GB/T 9704's 版记). A table keeps those rules apart
// where paragraph borders would merge, and floats to the foot of the last page.

import {
  BorderStyle, Paragraph, Tab, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType,
  RelativeVerticalPosition, TableAnchorType, OverlapType, LineRuleType,
} from 'docx';
import { copiesLine, distributionParts, editorLine } from '../content/parts.js';
import type { Issue } from '../issue/model.js';
import type { FaceChooser } from '../layout/metrics.js';
import { setSingleLine } from '../layout/text.js';
import type { Template } from '../template/model.js';
import type { WordGeometry } from './geometry.js';
import type { Runs } from './runs.js';
import { STYLE } from './style-ids.js';
import { eighths, hexColor, twips } from './units.js';

/** The footer table and the empty paragraph it floats from (Word ends a document with a paragraph, never a table). */
export function footerBlock(issue: Issue, t: Template, g: WordGeometry, fonts: FaceChooser, runs: Runs): Array<Table | Paragraph> {
  const f = t.footer;
  const inset = twips(f.inset * f.size);
  const paragraphs: Paragraph[] = issue.distribution.map((d) => {
    const { label, recipients } = distributionParts(d, t);
    // Wrapped recipients align after the colon: a hanging indent the width of the label.
    const labelWidth = twips(setSingleLine([{ text: label, role: f.font, size: f.size, color: f.color }], fonts).width);
    return new Paragraph({
      style: STYLE.footer,
      indent: { left: inset + labelWidth, hanging: labelWidth, right: inset },
      children: [...runs(label, f.font), ...runs(recipients, f.font)],
    });
  });
  const editor = editorLine(issue, t);
  const copies = copiesLine(issue, t);
  if (editor || copies) {
    paragraphs.push(new Paragraph({
      style: STYLE.footer,
      children: [...runs(editor ?? '', f.font), ...(copies ? [new TextRun({ children: [new Tab()] }), ...runs(copies, f.font)] : [])],
    }));
  }
  if (paragraphs.length === 0) return [];

  const color = hexColor(t.colors[f.color]);
  const rule = (pt: number) => ({ style: BorderStyle.SINGLE, size: eighths(pt), color, space: 0 });
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const table = new Table({
    width: { size: g.textWidth, type: WidthType.DXA },
    columnWidths: [g.textWidth],
    layout: TableLayoutType.FIXED,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    borders: { top: rule(f.thick), bottom: rule(f.thick), insideHorizontal: rule(f.thin), left: none, right: none, insideVertical: none },
    float: {
      horizontalAnchor: TableAnchorType.MARGIN,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      overlap: OverlapType.NEVER,
      topFromText: f.minGap * g.linePitch,
    },
    rows: paragraphs.map((p) => new TableRow({ children: [new TableCell({ children: [p], width: { size: g.textWidth, type: WidthType.DXA } })] })),
  });
  return [table, new Paragraph({ style: STYLE.footer, spacing: { line: 20, lineRule: LineRuleType.EXACT } })];
}
