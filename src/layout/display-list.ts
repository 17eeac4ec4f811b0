// The display list: what layout hands to the renderers (PDF, preview).
// Every position is final, in PDF points from the page's top-left corner;
// `y` of a glyph run is its baseline.

import type { ImageFile } from '../issue/model.js';

export interface GlyphRun {
  kind: 'glyphs';
  /** Face id (FontMetrics.id). */
  face: string;
  size: number;
  x: number;
  y: number;
  text: string;
  /** Extra space after every glyph (PDF character spacing), in points. */
  tracking: number;
  color: string;
}

export interface Rule {
  kind: 'rule';
  x: number;
  /** Centre line of the rule. */
  y: number;
  width: number;
  thickness: number;
  color: string;
}

/** A JPEG or PNG drawn into its box (proportions already kept by layout). */
export interface ImageBox {
  kind: 'image';
  image: ImageFile;
  x: number;
  /** Top edge of the image. */
  y: number;
  width: number;
  height: number;
}

export type DisplayItem = GlyphRun | Rule | ImageBox;

export interface Page {
  width: number;
  height: number;
  items: DisplayItem[];
}
