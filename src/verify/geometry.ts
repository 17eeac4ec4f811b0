// What a bulletin PDF is checked against: the text block, the body size and the
// page-number place, all taken from a template (the house format by default).

import type { Template } from '../template/model.js';

export interface Geometry {
  pageWidth: number;
  pageHeight: number;
  /** The text block's edges, in points from the page's left and top. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  bodySize: number;
  pageNumber: { position: 'outside' | 'center'; inset: number };
}

export function geometryOf(t: Template): Geometry {
  const { width, height, margins } = t.page;
  return {
    pageWidth: width,
    pageHeight: height,
    left: margins.left,
    right: width - margins.right,
    top: margins.top,
    bottom: height - margins.bottom,
    bodySize: t.body.size,
    pageNumber: { position: t.pageNumber.position, inset: t.pageNumber.inset * t.pageNumber.size },
  };
}
