// Named paragraph and character styles, so an editor changes the look of
// every body paragraph, brief or title at once in Word, not run by run.
// Everything here comes from the template.

import { AlignmentType, BorderStyle, LineRuleType, type IRunStylePropertiesOptions, type IStylesOptions } from 'docx';
import type { Role, Template, TextStyle } from '../../template/model.js';
import type { WordGeometry } from './geometry.js';
import { footerRules } from './footer-block.js';
import { mastheadMetrics } from './masthead.js';
import { STYLE, STYLE_NAMES } from './style-ids.js';
import { ALIGN } from './table.js';
import { eighths, halfPoints, hexColor, twips } from './units.js';
import type { WordFont } from './word-fonts.js';

export function wordStyles(t: Template, g: WordGeometry, fonts: Record<Role, WordFont>): IStylesOptions {
  const color = (name: string) => hexColor(t.colors[name]);
  const face = (role: Role, latin: Role = role) => ({
    font: { eastAsia: fonts[role].family, ascii: fonts[latin].family, hAnsi: fonts[latin].family },
    ...(fonts[role].bold ? { bold: true } : {}),
  });
  const text = (s: TextStyle): IRunStylePropertiesOptions => ({ ...face(s.font), size: halfPoints(s.size), color: color(s.color) });
  // Off the character grid: text larger or smaller than the body would be set one grid cell per character.
  // (The paragraph-level w:snapToGrid, which LibreOffice reads, is added by offGridPatch.)
  const offGrid = { snapToGrid: false };
  const exact = (line: number, after = 0) => ({ spacing: { line, lineRule: LineRuleType.EXACT, before: 0, after } });
  const named = (key: keyof typeof STYLE) => ({ id: STYLE[key], name: STYLE_NAMES[key], quickFormat: true });
  const m = mastheadMetrics(t, g);
  const f = t.footer;

  return {
    default: {
      document: {
        // The Normal font size is what the grid's charSpace is relative to: keep it the body size.
        run: { ...face(t.body.font, t.body.latin), size: halfPoints(t.body.size), language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
    },
    paragraphStyles: [
      // Named so readers that look for the Normal style's size (LibreOffice, for the grid) find it there.
      { id: 'Normal', name: 'Normal', run: { ...face(t.body.font, t.body.latin), size: halfPoints(t.body.size) } },
      {
        ...named('body'),
        basedOn: 'Normal',
        next: STYLE.body,
        paragraph: {
          alignment: AlignmentType.BOTH,
          // Word takes firstLineChars. LibreOffice takes firstLine and rounds it up to whole cells of
          // its grid (15.73 pt here, a little narrower than Word's): one per cent short of the
          // indent gives the same two cells in both, and about two characters in a reader without grid.
          indent: { firstLineChars: t.body.indent * 100, firstLine: Math.floor(t.body.indent * g.cell * 20 * 0.99) },
        },
        run: { ...face(t.body.font, t.body.latin), size: halfPoints(t.body.size), color: color(t.body.color), ...gridScale(t, g) },
      },
      { ...named('brief'), basedOn: STYLE.body, next: STYLE.brief },
      // 编者按: body text on the grid in the note's face (楷体), kept with the item it introduces.
      { ...named('note'), basedOn: STYLE.body, next: STYLE.body, paragraph: { keepNext: true }, run: face(t.note.font) },
      {
        ...named('title'),
        basedOn: 'Normal',
        next: STYLE.body,
        paragraph: { alignment: AlignmentType.CENTER, keepNext: true, keepLines: true, ...exact(g.linePitch, t.lead.title.spaceAfter * g.linePitch) },
        run: { ...text(t.lead.title), ...offGrid },
      },
      {
        ...named('blockTitle'),
        basedOn: STYLE.body,
        next: STYLE.body,
        // Centred or flush left without indent, as the PDF sets a block title (item.title.align).
        paragraph: {
          keepNext: true,
          alignment: t.item.title.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
          indent: { firstLineChars: 0, firstLine: 0 },
        },
        run: face(t.item.title.font),
      },
      {
        // On the grid: Word gives the picture's line whole grid lines, as the PDF does.
        ...named('figure'),
        basedOn: 'Normal',
        next: STYLE.body,
        paragraph: { alignment: AlignmentType.CENTER, keepNext: true, keepLines: true, spacing: { before: t.figure.spaceBefore * g.linePitch } },
      },
      {
        ...named('caption'),
        basedOn: 'Normal',
        next: STYLE.body,
        paragraph: { alignment: AlignmentType.CENTER, keepLines: true, ...exact(g.linePitch, t.figure.spaceAfter * g.linePitch) },
        run: { ...text(t.figure.caption), ...offGrid },
      },
      {
        // A line of cell text a grid line, as in the PDF; alignment is the cell's own.
        ...named('table'),
        basedOn: 'Normal',
        paragraph: { ...exact(g.linePitch) },
        run: { ...text(t.table), ...offGrid },
      },
      {
        ...named('tableHeader'),
        basedOn: STYLE.table,
        paragraph: { alignment: ALIGN[t.table.header.align] },
        run: face(t.table.header.font),
      },
      {
        ...named('masthead'),
        basedOn: 'Normal',
        next: STYLE.issueNumber,
        paragraph: { alignment: AlignmentType.CENTER, ...exact(m.name) },
        run: { ...text(t.masthead.name), characterSpacing: twips(t.masthead.name.letterSpacing), ...offGrid },
      },
      {
        // 密级 flush left, 份号 flush right (a right tab at the text block's edge).
        ...named('marking'),
        basedOn: 'Normal',
        next: STYLE.masthead,
        paragraph: { alignment: AlignmentType.LEFT, rightTabStop: g.textWidth, ...exact(twips(t.masthead.marking.baseline)) },
        run: { ...text(t.masthead.marking), ...offGrid },
      },
      {
        ...named('series'),
        basedOn: 'Normal',
        next: STYLE.issueNumber,
        paragraph: { alignment: AlignmentType.CENTER, ...exact(twips(t.masthead.series.size)) },
        run: { ...text(t.masthead.series), ...offGrid },
      },
      {
        ...named('issueNumber'),
        basedOn: 'Normal',
        next: STYLE.issueLine,
        paragraph: { alignment: AlignmentType.CENTER, ...exact(m.number) },
        run: { ...text(t.masthead.number), ...offGrid },
      },
      {
        ...named('issueLine'),
        basedOn: 'Normal',
        next: STYLE.body,
        paragraph: {
          ...exact(m.publisher, m.after),
          rightTabStop: g.textWidth,
          border: { bottom: { style: BorderStyle.SINGLE, size: eighths(t.masthead.rule.thickness), color: color(t.masthead.rule.color), space: m.ruleSpace } },
        },
        run: { ...text(t.masthead.publisher), ...offGrid },
      },
      {
        ...named('footer'),
        basedOn: 'Normal',
        paragraph: {
          alignment: AlignmentType.BOTH,
          indent: { left: twips(f.inset * f.size), right: twips(f.inset * f.size) },
          rightTabStop: g.textWidth - twips(f.inset * f.size),
          border: footerRules(t),
          ...exact(g.linePitch),
        },
        run: { ...text(f), ...offGrid },
      },
      {
        ...named('pageNumber'),
        basedOn: 'Normal',
        paragraph: { ...exact(twips(t.pageNumber.size)) },
        run: { ...text(t.pageNumber), ...offGrid },
      },
    ],
    characterStyles: [
      // The heading role's own face (黑体), not a thickened one: w:b only where the PDF draws it bold too.
      { ...named('runInTitle'), basedOn: 'DefaultParagraphFont', run: face(t.item.title.font) },
      { ...named('strong'), basedOn: 'DefaultParagraphFont', run: face(t.item.title.font) },
      { ...named('emphasis'), basedOn: 'DefaultParagraphFont', run: face('emphasis') },
      { ...named('noteLabel'), basedOn: 'DefaultParagraphFont', run: face(t.note.labelFont) },
    ],
  };
}

/**
 * Word squeezes a character a little wider than the grid cell (16 pt in a
 * 15.79 pt cell) into one cell; LibreOffice gives it two, halving the
 * characters a line. Narrowing the glyphs to the cell (98%) keeps one
 * character a cell in both, and Word's lines look the same.
 */
function gridScale(t: Template, g: WordGeometry): { scale?: number } {
  return g.cell < t.body.size ? { scale: Math.floor((100 * g.cell) / t.body.size) } : {};
}

/** Styles set off the grid: their own line heights, their own character widths. */
export const OFF_GRID_STYLES: string[] = [
  STYLE.title, STYLE.caption, STYLE.table, STYLE.tableHeader, STYLE.masthead, STYLE.issueNumber, STYLE.issueLine, STYLE.footer, STYLE.pageNumber, STYLE.marking, STYLE.series,
];

/**
 * The docx library writes w:snapToGrid only on runs (the character grid in
 * Word); LibreOffice reads only the paragraph's. Add it to each off-grid
 * style's w:pPr, before w:spacing as the schema orders them.
 */
export function offGridPatch(stylesXml: string): string {
  return stylesXml.replace(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>[\s\S]*?<\/w:style>/g, (style, id: string) =>
    OFF_GRID_STYLES.includes(id) ? style.replace(/<w:pPr>([\s\S]*?)<w:spacing\b/, '<w:pPr>$1<w:snapToGrid w:val="0"/><w:spacing') : style);
}
