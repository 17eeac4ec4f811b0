// The display list: what layout hands to the renderers (PDF, preview).
// Every position is final, in PDF points from the page's top-left corner;
// `y` of a glyph run is its baseline.

import type { ImageFile } from '../issue/model.js';

/**
 * An element of the document's logical structure (ISO 32000 tagged PDF): what a run or an
 * image is part of. Elements are shared by their items; an element without a parent is a
 * child of the document. Only the tagged PDF/A edition reads them.
 */
export interface StructTag {
  /** A standard structure type: Art an item, Div the masthead or footer, H1 the lead's title. */
  type: 'Art' | 'Div' | 'H1' | 'H2' | 'P' | 'Span' | 'Figure' | 'Caption' | 'Table' | 'TR' | 'TH' | 'TD';
  parent?: StructTag;
  /** Alternative text (a figure's). */
  alt?: string;
}

/** Not content: page numbers (pagination artifacts). Rules, and runs without a tag, are layout artifacts. */
export interface ArtifactTag {
  artifact: 'Pagination';
}

export const PAGINATION: ArtifactTag = { artifact: 'Pagination' };

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
  /** Its place in the logical structure (see StructTag). */
  tag?: StructTag | ArtifactTag;
  /** On a line's last run: the spaces its line break took away (Line.after), text for the tagged edition, not drawn. */
  after?: string;
}

/** A filled box: a horizontal rule, or (a table's, width = its thickness, thickness = its length) a vertical one. */
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
  tag?: StructTag;
}

export type DisplayItem = GlyphRun | Rule | ImageBox;

export interface Page {
  width: number;
  height: number;
  items: DisplayItem[];
}
