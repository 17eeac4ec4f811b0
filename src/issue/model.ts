// The Issue model: what the load stage hands to layout. Typed, ordered, and every
// piece of text keeps where it came from, so a later stage (fonts, layout) can
// report a problem at `file:line:column`.

import type { Position } from '../diagnostics/diagnostic.js';

/** Where a piece of text starts in its source file. */
export interface SourcePlace extends Position {
  /** Display path of the file (as in diagnostics). */
  file: string;
  /** 0-based offset of the text's first character in the file text (after BOM removal). */
  offset: number;
}

export type InlineStyle = 'plain' | 'strong' | 'emphasis';

/** A run of text in one style. Line breaks inside a paragraph are already joined
 *  (nothing between two Chinese characters, a space between two Latin words). */
export interface Inline {
  text: string;
  style: InlineStyle;
  at: SourcePlace;
}

export interface Paragraph {
  /** Empty for a figure. */
  inlines: Inline[];
  at: SourcePlace;
  /** Set when the paragraph is an image on its own: `![caption](photos/a.jpg)`. */
  figure?: Figure;
  /** Set when the paragraph is a GFM pipe table (inlines empty then). */
  table?: Table;
}

/** A column's alignment as the delimiter row writes it (`:--`, `:-:`, `--:`). */
export type CellAlign = 'left' | 'center' | 'right';

/** A cell: the same runs as a paragraph's (**bold**, *emphasis*); empty for an empty cell. */
export interface TableCell {
  inlines: Inline[];
  at: SourcePlace;
}

/** A GFM pipe table: its header row first, every row as many cells as the header. */
export interface Table {
  /** Per column; undefined where the delimiter row gives none (then numbers right, text left). */
  align: Array<CellAlign | undefined>;
  rows: TableCell[][];
  /** Where each row starts. */
  rowAt: SourcePlace[];
  at: SourcePlace;
}

/** An image set on its own at the text width, its caption under it. */
export interface Figure {
  /** The path as written in the Markdown: `photos/a.jpg`. */
  src: string;
  /** Absolute path of the file, resolved from the item file's folder. */
  path: string;
  /** The alt text, printed under the image; absent when it is empty. */
  caption?: Inline;
  /** The image itself: set by the load stage once the file has been read (absent only before that). */
  image?: ImageFile;
  /** Where `![` starts, and just past the closing `)`. */
  at: SourcePlace;
  end: SourcePlace;
}

/** A JPEG or PNG as read from disk. */
export interface ImageFile {
  path: string;
  format: 'jpeg' | 'png';
  /** Size in pixels as it is shown: a JPEG's EXIF orientation already applied. */
  width: number;
  height: number;
  /** A JPEG's EXIF orientation (1–8; 1: as stored): PDF viewers and browsers turn it, Word must be told. */
  orientation: number;
  /** SHA-256 of the bytes, hex: what caches and the preview's image URLs are keyed by. */
  digest: string;
  bytes: Uint8Array;
}

export type ItemKind = 'item' | 'brief';

export interface Item {
  /** Display path of the item file. */
  file: string;
  kind: ItemKind;
  /** Required for `kind: item`; absent for briefs. */
  title?: Inline;
  /** The department, printed as the attribution （department）; absent only when the item prints none. */
  department?: Inline;
  /** `attribution:` as written in the front matter (false: none printed, `department` optional); absent: the template's default for briefs, or yes. */
  attribution?: boolean;
  /** Where a missing or empty `department` was (a brief's is reported once the template's default is known). */
  departmentMissing?: { at: SourcePlace; end?: SourcePlace };
  /** 编者按 for this item, set before it (frontmatter `note`). */
  note?: Inline;
  /** Body paragraphs, without the attribution (the loader strips a trailing copy of it and warns). */
  paragraphs: Paragraph[];
}

export interface DistributionLine {
  /** e.g. 本期送, 发 */
  label: string;
  recipients: string[];
  at: SourcePlace;
}

/** One entry of the sign-off line: 签发 and 张三. */
export interface SignOff {
  label: string;
  name: string;
  at: SourcePlace;
}

export interface IssueDate {
  year: number;
  month: number;
  day: number;
}

/** A value from issue.yaml together with where it was written. */
export interface Placed<T> {
  value: T;
  at: SourcePlace;
  /** Just past the value, where known. */
  end?: SourcePlace;
}

export interface Issue {
  /** Display path of the issue folder. */
  dir: string;
  /** Display path of issue.yaml. */
  issueFile: string;
  masthead: Placed<string>;
  number: number;
  total?: number;
  date: IssueDate;
  publisher: Placed<string>;
  distribution: DistributionLine[];
  editor?: Placed<string>;
  copies?: number;
  /** Template name (under templates/) or path, as written. */
  template?: Placed<string>;
  /** Per-role font overrides as written: a path or family name, or a list of them. */
  fonts: Record<string, Placed<string[]>>;
  /** Rule ids of the house-style checks that issue.yaml's `lint:` switches off. */
  lintOff?: string[];
  /** Per-role font names for the Word file as written (仿宋_GB2312); the first name of a list is used. */
  wordFonts: Record<string, Placed<string[]>>;
  /** A supplement (增刊): the number line says 增刊第N期. */
  supplement?: boolean;
  /** 编者按 (issue 20 prints it); the series check accepts a changed distribution when it is written. */
  note?: Placed<string>;
  /** 本期增发: recipients of this issue only, printed after the distribution lines; a line with an
   *  empty label (written as a list) takes the template's `footer.extraDistribution` label. */
  extraDistribution?: DistributionLine[];
  /** 密级 or 内部资料　注意保存: printed at the masthead's top left. */
  classification?: Placed<string>;
  /** 份号 as six digits (000123): printed at the masthead's top right. */
  copyNumber?: Placed<string>;
  /** A named series (专刊) numbered on its own, e.g. 防汛专刊: printed under the masthead name. */
  series?: Placed<string>;
  /** 签发/审核/校对 and who did it, in written order. */
  signOff?: SignOff[];
  /** This issue's brief marker (◆), in place of the template's. */
  briefMarker?: Placed<string>;
  /** All items (kind `item`) in order, then all briefs in order. The first item is the lead. */
  items: Item[];
  /** Text of every source file by display path, so any stage can turn an offset into line:column. */
  sources: Record<string, string>;
}
