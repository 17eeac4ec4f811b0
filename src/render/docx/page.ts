// The section: A4 and the template's margins, the document grid, and page
// numbers `— N —` in the footers, on the outside edge (odd pages right, even
// left) when the template says `outside`.

import { AlignmentType, DocumentGridType, Footer, PageNumber, Paragraph, TextRun, type ISectionOptions } from 'docx';
import { pageNumberParts } from '../../content/printed-words.js';
import type { Template } from '../../template/model.js';
import type { WordGeometry } from './geometry.js';
import { STYLE } from './style-ids.js';
import { twips } from './units.js';

export function sectionProperties(t: Template, g: WordGeometry): ISectionOptions['properties'] {
  const p = t.pageNumber;
  // Word's footer distance runs from the page's bottom edge to the footer's last line.
  const textBottom = t.page.margins.top + g.textHeight / 20;
  const footer = twips(t.page.height - textBottom - p.below - p.size);
  return {
    page: {
      size: { width: g.page.width, height: g.page.height },
      margin: { ...g.margins, header: twips(t.page.margins.top / 2), footer, gutter: 0 },
    },
    grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: g.linePitch, charSpace: g.charSpace },
  };
}

function pageNumberFooter(t: Template, side: 'left' | 'right' | 'center'): Footer {
  const { before, after } = pageNumberParts(t);
  const inset = twips(t.pageNumber.inset * t.pageNumber.size);
  const alignment = side === 'left' ? AlignmentType.LEFT : side === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER;
  return new Footer({
    children: [new Paragraph({
      style: STYLE.pageNumber,
      alignment,
      indent: side === 'left' ? { left: inset } : side === 'right' ? { right: inset } : {},
      children: [new TextRun({ children: [before, PageNumber.CURRENT, after] })],
    })],
  });
}

/** Footers of the section, and whether odd and even pages differ (w:evenAndOddHeaders). */
export function pageNumberFooters(t: Template): { footers: NonNullable<ISectionOptions['footers']>; evenAndOdd: boolean } {
  if (t.pageNumber.position === 'center') return { footers: { default: pageNumberFooter(t, 'center') }, evenAndOdd: false };
  return { footers: { default: pageNumberFooter(t, 'right'), even: pageNumberFooter(t, 'left') }, evenAndOdd: true };
}
