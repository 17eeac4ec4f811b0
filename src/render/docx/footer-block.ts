// The footer (报尾) as framed paragraphs at the foot of the last page: a thick
// rule above and below, thin rules between the groups (GB/T 9704's 版记).
//
// Why a frame: Word and LibreOffice both place a paragraph frame (w:framePr)
// aligned to the bottom of the margin, keep it whole on one page, and move it
// with its paragraphs to the next page when the text above leaves no room.
// A floating table is not kept by LibreOffice (7.4 sets a table as wide as
// the text in the flow, where it lands mid-page or splits), and a section of
// its own would start a page of its own.

import {
  BorderStyle, FrameAnchorType, FrameWrap, HorizontalPositionAlign, Paragraph, Tab, TextRun, VerticalPositionAlign,
  type IBorderOptions,
} from 'docx';
import { copiesLine, editorLine, footerDistribution, signOffLine } from '../../content/printed-words.js';
import type { Issue } from '../../issue/model.js';
import type { FaceChooser } from '../../layout/metrics.js';
import { setSingleLine } from '../../layout/text.js';
import type { Template } from '../../template/model.js';
import type { WordGeometry } from './geometry.js';
import type { Runs } from './runs.js';
import { STYLE } from './style-ids.js';
import { eighths, hexColor, twips } from './units.js';

/** The footer's paragraphs, the last of the document. Empty without distribution, sign-off, editor and copies. */
export function footerBlock(issue: Issue, t: Template, g: WordGeometry, fonts: FaceChooser, runs: Runs): Paragraph[] {
  const f = t.footer;
  const inset = twips(f.inset * f.size);
  const lines: Array<{ children: TextRun[]; indent?: { left: number; hanging: number; right: number } }> = footerDistribution(issue, t).map(({ label, recipients }) => {
    // Wrapped recipients align after the colon: a hanging indent the width of the label.
    const labelWidth = twips(setSingleLine([{ text: label, role: f.font, size: f.size, color: f.color }], fonts).width);
    return { indent: { left: inset + labelWidth, hanging: labelWidth, right: inset }, children: [...runs(label, f.font), ...runs(recipients, f.font)] };
  });
  const signOff = t.signOff.place === 'footer' ? signOffLine(issue, t) : undefined;
  if (signOff) lines.push({ children: runs(signOff, f.font) });
  const editor = editorLine(issue, t);
  const copies = copiesLine(issue, t);
  if (editor || copies) {
    lines.push({ children: [...runs(editor ?? '', f.font), ...(copies ? [new TextRun({ children: [new Tab()] }), ...runs(copies, f.font)] : [])] });
  }

  // Every paragraph the same frame, so readers join them into one; the rules are the 报尾 style's borders.
  const frame = {
    type: 'alignment' as const,
    alignment: { x: HorizontalPositionAlign.LEFT, y: VerticalPositionAlign.BOTTOM },
    anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
    width: g.textWidth,
    wrap: FrameWrap.NOT_BESIDE,
    space: { horizontal: 0, vertical: f.minGap * g.linePitch },
  };
  return lines.map((line) => new Paragraph({
    style: STYLE.footer,
    frame,
    ...(line.indent ? { indent: line.indent } : {}),
    children: line.children,
  }));
}

/**
 * The 报尾 style's rules: thick above the first paragraph and below the last, thin between (w:between,
 * drawn by Word; LibreOffice 7.4 draws only the thick ones). In the style, not on each paragraph:
 * LibreOffice 7.4 does not make a frame of paragraphs that carry borders of their own.
 */
export function footerRules(t: Template): { top: IBorderOptions; bottom: IBorderOptions; between: IBorderOptions } {
  const color = hexColor(t.colors[t.footer.color]);
  const rule = (pt: number): IBorderOptions => ({ style: BorderStyle.SINGLE, size: eighths(pt), color, space: 0 });
  return { top: rule(t.footer.thick), bottom: rule(t.footer.thick), between: rule(t.footer.thin) };
}
